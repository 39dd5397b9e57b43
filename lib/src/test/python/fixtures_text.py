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


if __name__ == "__main__":
    main()
