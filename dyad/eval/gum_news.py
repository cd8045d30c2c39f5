"""Time expressions on GUM's news section (24 Wikinews articles, gold TEI dates with normalised
values, relative ones resolved against the article date): ``dyad eval corpus/gum-news``. Openly
licensed (CC BY 4.0 annotations over CC BY 2.5 text), in the repository. Metrics: see
``dyad.eval._timex``; dates with one calendar value (``when``) are scored, spans given as a
range (``from``/``to``, ``notBefore``/``notAfter``: "last week") are not.
"""

from __future__ import annotations

from pathlib import Path

from dyad.eval import EvalResult
from dyad.eval._timex import GoldTime, calendar_value, evaluate_articles, read_articles
from dyad.eval.metrics import read_jsonl

GOLD_FILE = "annotations.jsonl"


def gold_times(folder: Path) -> dict[str, list[GoldTime]]:
    out: dict[str, list[GoldTime]] = {}
    for row in read_jsonl(Path(folder) / GOLD_FILE):
        if row.get("type") not in ("date", "time"):
            continue
        value = calendar_value(row.get("when"))
        out.setdefault(row["doc_id"], []).append(GoldTime(row["start"], row["end"], row["text"], value))
    return out


def evaluate(folder: Path, limit: int | None = None) -> EvalResult:
    return evaluate_articles("gum_news", read_articles(folder), gold_times(folder), limit)
