"""scikit-learn reference values for dl.text (read by dl.text.TfIdfFixtureTest).

Regenerate (from the repository root, with Debian's Python that has torch and sklearn):
    /usr/bin/python3 lib/src/test/python/fixtures_text.py
It rewrites lib/src/test/resources/fixtures/text/tfidf.json. The documents are given to
scikit-learn already tokenized (analyzer = str.split), so the fixture checks the weighting and
normalisation, not the tokenizer. Entries:
  train, test           documents, one string per document, tokens separated by " ", docs by "|"
  features              sklearn's feature names (alphabetical), separated by " "
  <variant>_idf [V]     idf_ of the fitted vectorizer
  <variant>_train [N,V] fit_transform(train), <variant>_test [M,V] transform(test)
for the variants smooth_l2 (the defaults), plain_l2 (smooth_idf=False), smooth_none (norm=None)
and counts (CountVectorizer).

It also writes fixtures/text/word2vec.json (read by dl.text.Word2VecFixtureTest), PyTorch autograd
on the two word2vec objectives: context rows in_ctx [C, d] averaged into h (CBOW), output rows
out [V, d], target, negatives [k] (one drawn twice):
  ns_loss, ns_grad_in [C, d], ns_grad_out [V, d]   for -(log σ(⟨v'_O, h⟩) + Σ log σ(-⟨v'_n, h⟩))
  sm_loss, sm_grad_in, sm_grad_out                 for cross_entropy over rows first..V-1
and sampling.json: softmax(logits / T) after keeping the top k (torch.topk), for a few T and k.
"""
import torch
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

from fixture_io import save

TRAIN = [
    "the cat sat on the mat",
    "the dog sat on the log",
    "a cat and a dog",
    "кошка сидит на ковре и кошка спит",
    "собака сидит на бревне",
    "the cat likes the dog and the dog likes the cat",
]
TEST = [
    "the cat and the кошка",
    "a bird sat on the log",   # 'bird' is not in the vocabulary
    "unknown words only",
]


def split(doc):
    return doc.split(" ")


def dense(m):
    return torch.tensor(m.toarray(), dtype=torch.float64)


def main():
    values = {"train": "|".join(TRAIN), "test": "|".join(TEST)}
    names = None
    for variant, kwargs in [("smooth_l2", {}), ("plain_l2", {"smooth_idf": False}), ("smooth_none", {"norm": None})]:
        v = TfidfVectorizer(analyzer=split, **kwargs)
        values[variant + "_train"] = dense(v.fit_transform(TRAIN))
        values[variant + "_test"] = dense(v.transform(TEST))
        values[variant + "_idf"] = torch.tensor(v.idf_, dtype=torch.float64)
        names = list(v.get_feature_names_out())
    c = CountVectorizer(analyzer=split)
    values["counts_train"] = dense(c.fit_transform(TRAIN))
    values["counts_test"] = dense(c.transform(TEST))
    assert list(c.get_feature_names_out()) == names
    values["features"] = " ".join(names)
    save("text/tfidf.json", values)


def word2vec():
    g = torch.Generator().manual_seed(12)
    d, v, first = 5, 9, 2
    in_ctx = (torch.rand(3, d, generator=g, dtype=torch.float64) - 0.5).requires_grad_()
    out = (torch.rand(v, d, generator=g, dtype=torch.float64) - 0.5).requires_grad_()
    target = 4
    negatives = [7, 2, 7, 8]
    values = {"in_ctx": in_ctx.detach().clone(), "out": out.detach().clone(), "target": target,
              "negatives": torch.tensor(negatives, dtype=torch.float64), "first": first}
    h = in_ctx.mean(0)
    ns = -(torch.nn.functional.logsigmoid(out[target] @ h)
           + torch.nn.functional.logsigmoid(-(out[negatives] @ h)).sum())
    ns.backward()
    values.update({"ns_loss": ns.item(), "ns_grad_in": in_ctx.grad.clone(), "ns_grad_out": out.grad.clone()})
    in_ctx.grad = None
    out.grad = None
    h = in_ctx.mean(0)
    scores = out[first:] @ h
    sm = torch.nn.functional.cross_entropy(scores.unsqueeze(0), torch.tensor([target - first]))
    sm.backward()
    values.update({"sm_loss": sm.item(), "sm_grad_in": in_ctx.grad.clone(), "sm_grad_out": out.grad.clone()})
    save("text/word2vec.json", values)


def sampling():
    logits = torch.tensor([0.3, -1.2, 2.0, 0.0, 1.1, -0.4, 1.9, 0.7], dtype=torch.float64)
    values = {"logits": logits}
    for t in [0.5, 1.0, 2.0]:
        for k in [0, 3]:
            z = logits / t
            if k > 0:
                keep = torch.topk(z, k).indices
                masked = torch.full_like(z, float("-inf"))
                masked[keep] = z[keep]
                z = masked
            values[f"p_t{t}_k{k}"] = torch.softmax(z, 0)
    save("text/sampling.json", values)


if __name__ == "__main__":
    word2vec()
    sampling()
    main()
