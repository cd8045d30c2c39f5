"""Metric helpers shared by the evaluators: counts → scores, text overlap, gold reading.

Kept free of any Dyad pipeline import so every evaluator (and the gate tests) can use it.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from dyad.errors import EvalError

T = TypeVar("T")
R = TypeVar("R")

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Counts:
    """Confusion counts; floats because the article benchmark normalises them per page."""

    tp: float = 0.0
    fp: float = 0.0
    fn: float = 0.0
    tn: float = 0.0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn, self.tn + other.tn)


def safe_div(num: float, den: float) -> float:
    return num / den if den else 0.0


def f1_score(precision: float, recall: float) -> float:
    return safe_div(2 * precision * recall, precision + recall)


def scores(counts: Counts) -> dict[str, float]:
    """Micro precision, recall, F1 and accuracy from summed counts."""
    precision = safe_div(counts.tp, counts.tp + counts.fp)
    recall = safe_div(counts.tp, counts.tp + counts.fn)
    total = counts.tp + counts.fp + counts.fn + counts.tn
    return {"precision": precision, "recall": recall, "f1": f1_score(precision, recall),
            "accuracy": safe_div(counts.tp + counts.tn, total)}


def label_scores(gold: Sequence[str], pred: Sequence[str | None]) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 and support of each gold label (a prediction of another label, or
    none, is an error of the gold label it replaced, as scikit-learn's ``labels=gold labels``)."""
    out = {}
    for label in sorted(set(gold)):
        tp = sum(1 for g, p in zip(gold, pred) if g == p == label)
        fp = sum(1 for g, p in zip(gold, pred) if p == label and g != label)
        support = sum(1 for g in gold if g == label)
        precision, recall = safe_div(tp, tp + fp), safe_div(tp, support)
        out[label] = {"precision": precision, "recall": recall, "f1": f1_score(precision, recall),
                      "support": support}
    return out


def macro_f1(gold: Sequence[str], pred: Sequence[str | None]) -> tuple[float, dict[str, float]]:
    """Unweighted mean of the gold labels' F1, and each label's F1."""
    per = {label: s["f1"] for label, s in label_scores(gold, pred).items()}
    return safe_div(sum(per.values()), len(per)), per


def weighted_f1(gold: Sequence[str], pred: Sequence[str | None]) -> float:
    """The gold labels' F1 weighted by their support (CASE 2021's official figure)."""
    return safe_div(sum(s["f1"] * s["support"] for s in label_scores(gold, pred).values()), len(gold))


# --------------------------------------------------------------------------- text overlap


def words(text: str | None) -> list[str]:
    """The article benchmark's tokens: runs of word characters (punctuation and spacing ignored)."""
    return _WORD.findall(text or "")


def shingles(tokens: Sequence[str], n: int = 4) -> Counter:
    """Bag of token n-grams; a text shorter than n is one shingle of all its tokens."""
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def bag_overlap(true: Counter, pred: Counter) -> Counts:
    """Multiset overlap normalised to sum 1, so long pages weigh no more than short ones."""
    tp = sum((true & pred).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    return Counts(tp / total, fp / total, fn / total) if total else Counts()


def page_precision(c: Counts) -> float:
    if c.fp == c.fn == 0:
        return 1.0
    return safe_div(c.tp, c.tp + c.fp)


def page_recall(c: Counts) -> float:
    if c.fp == c.fn == 0:
        return 1.0
    return safe_div(c.tp, c.tp + c.fn)


def page_averaged(pages: Sequence[Counts]) -> dict[str, float]:
    """Precision averaged over pages that predicted something, recall over pages that expected
    something, F1 of the two averages (the article-extraction benchmark's definition)."""
    ps = [page_precision(c) for c in pages if c.tp + c.fp > 0]
    rs = [page_recall(c) for c in pages if c.tp + c.fn > 0]
    precision = statistics.fmean(ps) if ps else 0.0
    recall = statistics.fmean(rs) if rs else 0.0
    return {"precision": precision, "recall": recall, "f1": f1_score(precision, recall)}


def bootstrap_std(pages: Sequence[Counts], n: int = 200, seed: int = 1234) -> float:
    """Standard deviation of the page-averaged F1 under resampling of pages (seeded)."""
    if len(pages) < 2:
        return 0.0
    rng = random.Random(seed)
    values = [page_averaged(rng.choices(pages, k=len(pages)))["f1"] for _ in range(n)]
    return statistics.stdev(values)


# --------------------------------------------------------------------------- gold reading


def read_jsonl(path: Path, limit: int | None = None) -> list[dict]:
    """The first ``limit`` records of a JSONL gold file."""
    if not path.exists():
        raise EvalError("gold file is missing", subject=str(path))
    rows: list[dict] = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if limit is not None and len(rows) >= limit:
                break
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise EvalError(f"line {n} is not JSON: {exc.msg}", subject=str(path)) from None
    return rows


def read_page(folder: Path, relative: str) -> bytes:
    """Page bytes from a gold folder (pages are stored gzip-compressed)."""
    path = folder / relative
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as fh:
        return fh.read()


def parallel_map(fn: Callable[[T], R], items: Iterable[T], workers: int | None = None) -> list[R]:
    """``map`` over processes (order kept); one process when there is little to share."""
    items = list(items)
    workers = workers or min(2, os.cpu_count() or 1)
    if workers <= 1 or len(items) < 8:
        return [fn(item) for item in items]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(fn, items, chunksize=max(1, len(items) // (workers * 8))))


def rounded(values: dict[str, float], digits: int = 4) -> dict[str, float]:
    return {k: round(v, digits) for k, v in values.items()}
