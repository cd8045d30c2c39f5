"""Publication dates on htmldate's evaluation pages, compared at day level.

Metric (htmldate's): the right day is a true positive, a wrong day a false positive, no date a
false negative; precision = TP/(TP+FP), recall = TP/(TP+FN), accuracy = (TP+TN)/all, F1; a
page whose gold is null (no determinable date) is a true negative when no date is given. Plain ``htmldate.find_date`` defaults are measured in the same run
(``details["baseline"]``), per subset in ``details["by_subset"]``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import htmldate

from dyad.errors import DyadError
from dyad.eval import EvalResult
from dyad.eval.metrics import Counts, parallel_map, read_jsonl, read_page, rounded, scores
from dyad.ingest.html import extract_html

GOLD_FILE = "dates.jsonl"
DATASET = "htmldate_eval"


@dataclass(frozen=True)
class DateResult:
    id: str
    subset: str
    gold: str | None
    dyad: str | None
    plain: str | None


def date_counts(gold: str | None, predicted: str | None) -> Counts:
    """A page without a determinable date (gold null) is a true negative when none is given."""
    if predicted is None:
        return Counts(fn=1) if gold else Counts(tn=1)
    return Counts(tp=1) if gold and predicted[:10] == gold[:10] else Counts(fp=1)


def summarise(pairs: list[tuple[str | None, str | None]]) -> dict[str, float]:
    return scores(sum((date_counts(g, p) for g, p in pairs), Counts()))


def _gold_date(value) -> str | None:
    # upstream marks pages without a determinable date with null (NaN after conversion)
    return value if isinstance(value, str) and value else None


def _dyad_date(data: bytes, url: str | None) -> str | None:
    try:
        page = extract_html(data, url=url)
    except DyadError:
        return None
    # the metric is day-level: a year-precision date is no claim about the day
    return page.published_at if page.date_precision == "day" else None


def _plain_date(data: bytes, url: str | None) -> str | None:
    try:
        return htmldate.find_date(data, url=url)
    except Exception:  # the baseline's own failures count as "no date"
        return None


def _score_row(job: tuple[Path, dict]) -> DateResult:
    folder, row = job
    data = read_page(folder, row["html_file"])
    url = row.get("url")
    return DateResult(row["id"], row.get("subset", ""), _gold_date(row.get("date")), _dyad_date(data, url), _plain_date(data, url))


def evaluate(folder: Path, limit: int | None = None) -> EvalResult:
    folder = Path(folder)
    rows = read_jsonl(folder / GOLD_FILE, limit)
    results = parallel_map(_score_row, [(folder, row) for row in rows])
    by_subset: dict[str, list[DateResult]] = defaultdict(list)
    for r in results:
        by_subset[r.subset].append(r)
    wrong = [{"id": r.id, "gold": r.gold, "got": r.dyad} for r in results if r.dyad != r.gold][:10]
    return EvalResult(
        dataset=DATASET, n=len(rows), metrics=rounded(summarise([(r.gold, r.dyad) for r in results])),
        details={"system": "dyad.ingest.html.extract_html",
                 "baseline": {"system": f"htmldate.find_date defaults ({htmldate.__version__})",
                              **rounded(summarise([(r.gold, r.plain) for r in results]))},
                 "by_subset": {name: {"n": len(rs), "accuracy": round(summarise([(r.gold, r.dyad) for r in rs])["accuracy"], 4),
                                      "baseline_accuracy": round(summarise([(r.gold, r.plain) for r in rs])["accuracy"], 4)}
                               for name, rs in sorted(by_subset.items())},
                 "wrong": wrong},
    )
