"""Scoring of Dyad's time expressions (``dyad_timex``) against gold normalised dates.

Shared by the evaluators of the two openly licensed news corpora with gold time values
(``dyad.eval.meantime``: TIMEX3, ``dyad.eval.gum_news``: TEI dates). Each article is analysed
whole by the ingest pipeline, dated with the article's date, as ``dyad ingest`` does.

Gold: the expressions whose value is a calendar date or a time on one (``2008``, ``2008-06``,
``2008-06-09``, ``2008-06-09T10:00``: compared on the date part). Expressions with other values
(durations, sets, ``PRESENT_REF``, ``2008-Q3``, week numbers, under-specified ``XXXX-..``) are
"unscored": a prediction that overlaps one is neither right nor wrong, since Dyad does not
emit those kinds.

Metrics (the TempEval-3 measures, relaxed span match = any character overlap):

* ``time_span_precision`` / ``time_span_recall`` / ``time_span_f1``: the expressions found;
* ``time_value_accuracy``: among found gold expressions, the share whose value Dyad got right —
  the same calendar value at the gold's own granularity (gold ``2008-06`` needs ``2008-06``);
* ``time_value_f1``: TempEval-3's value F1 — a found expression counts only with its right value.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from dyad.eval.metrics import read_jsonl, safe_div

CALENDAR = re.compile(r"(\d{4})(-\d{2})?(-\d{2})?(T.*)?")


@dataclass(frozen=True)
class GoldTime:
    start: int
    end: int
    text: str
    value: str | None  # calendar value (date part), or None: an unscored expression


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    text: str
    value: str


def calendar_value(value: str | None) -> str | None:
    """The date part of a calendar value, or None for any other kind of value."""
    hit = CALENDAR.fullmatch(value or "")
    return None if hit is None else "".join(g for g in hit.groups()[:3] if g)


@dataclass(frozen=True)
class Analysed:
    found: list[Found]
    sentence_ends: list[int]  # character offset of each sentence's end, in text order


Region = Callable[[dict, Analysed, list[GoldTime]], int]  # where the gold annotation of an article stops


def analyse_articles(articles: list[dict]) -> list[Doc]:
    """Each article analysed whole by the ingest pipeline, dated with its date, as ``dyad ingest`` does."""
    from dyad.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    docs = []
    for article in articles:
        doc = nlp.make_doc(article["text"])
        doc._.doc_id, doc._.doc_date = article["id"], article.get("date")
        for _name, component in nlp.pipeline:
            doc = component(doc)
        docs.append(doc)
    return docs


def analysed_times(doc: Doc) -> Analysed:
    found = [Found(t.span.start_char, t.span.end_char, t.span.text, t.value) for t in doc._.timexes or ()]
    return Analysed(found, [s.end_char for s in doc.sents])


def _overlaps(a, b) -> bool:
    return a.start < b.end and b.start < a.end


def score_article(golds: list[GoldTime], founds: list[Found], tally: Counter, errors: list[dict]) -> None:
    """Pair predictions with gold expressions (first overlap, one to one) and count."""
    used: set[int] = set()
    for f in founds:
        j = next((j for j, g in enumerate(golds) if j not in used and _overlaps(f, g)), None)
        if j is None:
            tally["pred"] += 1
            tally["spurious"] += 1
            errors.append({"error": "spurious", "text": f.text, "value": f.value})
            continue
        used.add(j)
        gold = golds[j]
        if gold.value is None:
            continue  # an unscored kind (duration, set, reference word)
        tally["pred"] += 1
        tally["found"] += 1
        right = calendar_value(f.value) == gold.value
        tally["right"] += right
        if not right:
            errors.append({"error": "value", "text": f.text, "gold_text": gold.text, "gold": gold.value,
                           "pred": f.value})
    for j, g in enumerate(golds):
        if g.value is not None:
            tally["gold"] += 1
            if j not in used:
                errors.append({"error": "missed", "text": g.text, "gold": g.value})


def time_scores(articles: list[dict], docs: list[Doc], gold: dict[str, list[GoldTime]],
                region: Region | None = None) -> tuple[dict[str, float], dict]:
    """The time metrics and details; with ``region``, predictions past the annotated part are not scored."""
    tally: Counter = Counter()
    errors: list[dict] = []
    for article, doc in zip(articles, docs):
        golds, one = gold.get(article["id"], []), analysed_times(doc)
        end = region(article, one, golds) if region else len(article["text"])
        score_article(golds, [f for f in one.found if f.start < end], tally, errors)
    precision, recall = safe_div(tally["found"], tally["pred"]), safe_div(tally["found"], tally["gold"])
    value_p, value_r = safe_div(tally["right"], tally["pred"]), safe_div(tally["right"], tally["gold"])
    metrics = {"time_span_precision": precision, "time_span_recall": recall,
               "time_span_f1": safe_div(2 * precision * recall, precision + recall),
               "time_value_accuracy": safe_div(tally["right"], tally["found"]),
               "time_value_f1": safe_div(2 * value_p * value_r, value_p + value_r)}
    details = {"gold_expressions": tally["gold"], "predicted": tally["pred"], "found": tally["found"],
               "right_value": tally["right"], "errors_by_kind": dict(Counter(e["error"] for e in errors)),
               "errors": errors[:300]}
    return metrics, details


def read_articles(folder: Path) -> list[dict]:
    return read_jsonl(Path(folder) / "articles.jsonl")
