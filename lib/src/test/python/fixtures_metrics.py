"""scikit-learn reference values for dl.metrics (read by dl.metrics.MetricsFixtureTest).

Regenerate (from the repository root, with Debian's Python that has torch and sklearn):
    /usr/bin/python3 lib/src/test/python/fixtures_metrics.py
It rewrites lib/src/test/resources/fixtures/metrics/<case>.json. Each file holds
  scores [N, C] (random logits), actual [N] (class ids), predicted [N] = argmax of the scores,
  num_classes, accuracy, confusion [C, C] (rows actual, columns predicted),
  precision, recall, f1, support per class and macro_precision, macro_recall, macro_f1,
all from sklearn.metrics with labels = 0..C-1 and zero_division = 0.
"""
import numpy as np
import torch
from sklearn.metrics import accuracy_score, confusion_matrix, precision_recall_fscore_support

from fixture_io import save


def record(name, scores, actual):
    c = scores.shape[1]
    labels = list(range(c))
    predicted = np.argmax(scores, axis=1)
    p, r, f, s = precision_recall_fscore_support(actual, predicted, labels=labels, zero_division=0)
    mp, mr, mf, _ = precision_recall_fscore_support(actual, predicted, labels=labels, average="macro", zero_division=0)
    save(f"metrics/{name}.json", {
        "scores": torch.tensor(scores, dtype=torch.float64),
        "actual": torch.tensor(actual, dtype=torch.float64),
        "predicted": torch.tensor(predicted, dtype=torch.float64),
        "num_classes": c,
        "accuracy": float(accuracy_score(actual, predicted)),
        "confusion": torch.tensor(confusion_matrix(actual, predicted, labels=labels), dtype=torch.float64),
        "precision": torch.tensor(p), "recall": torch.tensor(r), "f1": torch.tensor(f),
        "support": torch.tensor(s, dtype=torch.float64),
        "macro_precision": float(mp), "macro_recall": float(mr), "macro_f1": float(mf),
    })


def main():
    rng = np.random.default_rng(20240605)
    # four classes, the scores favour the right class so the matrix has a diagonal
    actual = rng.integers(0, 4, 60)
    scores = rng.normal(size=(60, 4)).astype(np.float32).astype(np.float64)
    scores[np.arange(60), actual] += 1.0
    record("four_classes", scores, actual)

    # class 4 never occurs and is never predicted; class 3 never predicted: zero divisions
    actual = rng.integers(0, 4, 40)
    scores = rng.normal(size=(40, 5)).astype(np.float32).astype(np.float64)
    scores[:, 3] -= 10
    scores[:, 4] -= 10
    record("zero_division", scores, actual)

    # two classes
    actual = rng.integers(0, 2, 25)
    scores = rng.normal(size=(25, 2)).astype(np.float32).astype(np.float64)
    record("binary", scores, actual)


if __name__ == "__main__":
    main()
