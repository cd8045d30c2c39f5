"""Time expressions and coreference on GUM's news section (24 Wikinews articles with gold TEI
dates — relative ones resolved against the article date — and gold coreference chains):
``dyad eval corpus/gum-news``. Openly licensed (CC BY 4.0 annotations over CC BY 2.5 text), in
the repository. Each article is analysed whole by the ingest pipeline.

* time (``time_*``, see ``dyad.eval._timex``): dates with one calendar value (``when``) are
  scored; spans given as a range (``from``/``to``, ``notBefore``/``notAfter``: "last week") are not;
* coreference (``coref_*``, see ``dyad.eval._coref``).
"""

from __future__ import annotations

from pathlib import Path

from dyad.eval import EvalResult
from dyad.eval._coref import GoldMention, coref_scores
from dyad.eval._timex import GoldTime, analyse_articles, calendar_value, read_articles, time_scores
from dyad.eval.metrics import read_jsonl

GOLD_FILE = "annotations.jsonl"


def gold_times(rows: list[dict]) -> dict[str, list[GoldTime]]:
    out: dict[str, list[GoldTime]] = {}
    for row in rows:
        if row.get("type") in ("date", "time"):
            value = calendar_value(row.get("when"))
            out.setdefault(row["doc_id"], []).append(GoldTime(row["start"], row["end"], row["text"], value))
    return out


def gold_mentions(rows: list[dict]) -> dict[str, list[GoldMention]]:
    out: dict[str, list[GoldMention]] = {}
    for row in rows:
        if row.get("type") == "entity_mention" and row.get("cluster"):
            out.setdefault(row["doc_id"], []).append(
                GoldMention(row["start"], row["end"], row["text"], row["cluster"], row.get("wikipedia")))
    return out


def evaluate(folder: Path, limit: int | None = None) -> EvalResult:
    articles = read_articles(folder)[:limit] if limit else read_articles(folder)
    rows = read_jsonl(Path(folder) / GOLD_FILE)
    docs = analyse_articles(articles)
    time_metrics, time_details = time_scores(articles, docs, gold_times(rows))
    coref_metrics, coref_details = coref_scores(docs, gold_mentions(rows))
    return EvalResult(dataset="gum_news", n=len(articles), metrics={**time_metrics, **coref_metrics},
                      details={**time_details, **coref_details})
