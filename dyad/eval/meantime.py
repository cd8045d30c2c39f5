"""Time expressions on MEANTIME (NewsReader; 120 Wikinews articles, gold TIMEX3 with normalised
values): ``dyad eval corpus/meantime``. The corpus is openly licensed (CC BY 4.0 annotations over
CC BY 2.5 text) and ships in the repository. Metrics: see ``dyad.eval._timex``; DATE and TIME
expressions with calendar values are scored, durations, sets and reference words are not.

MEANTIME annotated time expressions only in the headline, the dateline and the first sentences of
each article (its event mentions cover the first four body sentences of every article, later ones
only for a few cross-document events), so predictions after the fourth body sentence (or after the
last gold time expression, when that is later) are not scored.
"""

from __future__ import annotations

from pathlib import Path

from dyad.eval import EvalResult
from dyad.eval._timex import Analysed, GoldTime, analyse_articles, calendar_value, read_articles, time_scores
from dyad.eval.metrics import read_jsonl

GOLD_FILE = "annotations.jsonl"
BODY_SENTENCES = 4  # fully annotated body sentences per article


def annotated_end(article: dict, analysed: Analysed, golds: list[GoldTime]) -> int:
    """End of the annotated part: headline and dateline (the first two paragraphs), then the
    first BODY_SENTENCES sentences of the body, stretched to the last gold expression."""
    text = article["text"]
    first = text.find("\n\n")
    second = text.find("\n\n", first + 2) if first >= 0 else -1
    body = second + 2 if second >= 0 else 0
    ends = [e for e in analysed.sentence_ends if e > body]
    end = ends[BODY_SENTENCES - 1] if len(ends) >= BODY_SENTENCES else len(text)
    return max([end] + [g.end for g in golds])


def gold_times(folder: Path) -> dict[str, list[GoldTime]]:
    out: dict[str, list[GoldTime]] = {}
    for row in read_jsonl(Path(folder) / GOLD_FILE):
        if row.get("type") != "timex3" or "start" not in row:
            continue
        scored = row.get("timex_type") in ("DATE", "TIME")
        value = calendar_value(row.get("value")) if scored else None
        out.setdefault(row["doc_id"], []).append(GoldTime(row["start"], row["end"], row["text"], value))
    return out


def evaluate(folder: Path, limit: int | None = None) -> EvalResult:
    articles = read_articles(folder)[:limit] if limit else read_articles(folder)
    metrics, details = time_scores(articles, analyse_articles(articles), gold_times(folder), region=annotated_end)
    return EvalResult(dataset="meantime", n=len(articles), metrics=metrics, details=details)
