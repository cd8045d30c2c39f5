"""Evaluate Dyad's event coder on PETRARCH-2's GSR validation sentences (CAMEO codes).

Dyad codes PLOVER; each positive event (not negated, not denied) becomes CAMEO triples
(one per source × target pair) with the event's full CAMEO code (``Event.cameo_code``, from
the cue: "0331", "042"; a bare 2-digit root is padded the CAMEO way: "19" → "190"), else
through Dyad's crosswalk (``Plover.cameo_code``: the code that best stands for the category and mode).
Actors are compared the CAMEO way: the 3-letter country prefix ("---" when unknown) plus
the agent code that follows it, matched against Dyad's sector (none = no agent).

Metrics (micro over triples; gold ``no_events`` sentences contribute only false positives):

* ``precision``, ``recall``, ``f1``: (source, target, full event code) exact, as the README's
  metric asks (a 4-digit gold code "0352" needs "0352");
* ``root_f1``: (source, target, CAMEO root);
* ``country_f1``: (source country, target country, CAMEO root);
* ``sentence_accuracy``: the sentence's triple set is exactly right (empty for no-event).
"""

from __future__ import annotations

from pathlib import Path

from dyad.eval import EvalResult
from dyad.eval.metrics import Counts, f1_score, safe_div
from dyad.eval.metrics import read_jsonl
from dyad.eval.plover_gsr_cameo import positive_events, run_docs
from dyad.models import ActorRef, Event
from dyad.ontology.plover import load_lexicon, load_plover

GOLD_FILE = "records.jsonl"


def actor_code(actor: ActorRef | None) -> tuple[str, str]:
    """(country prefix, agent) for a Dyad actor; an absent actor is ("---", "")."""
    if actor is None:
        return "---", ""
    if actor.country and actor.country != "IGO" and load_lexicon().plover_country(actor.country) == "IGO":
        return "IGO", actor.country  # CAMEO writes the organisation after IGO: IGOUNO, IGOEUR
    country = actor.country or "---"
    sector = actor.sector if actor.sector and actor.sector != country else ""
    return country, sector


def gold_code(code: str) -> tuple[str, str]:
    """"TUNJUD" → ("TUN", "JUD"); "IGOUNOMIL" → ("IGO", "UNO"); "---" → ("---", "")."""
    code = (code or "---").strip('"')
    return code[:3], code[3:6]


def event_code(event: Event) -> str:
    if event.cameo_code:
        return event.cameo_code.ljust(3, "0")
    plover = load_plover()
    code = plover.cameo_code(event.category, event.mode)
    if event.cameo_root and not code.startswith(event.cameo_root):
        code = event.cameo_root  # the coder chose another root (e.g. an appeal "02" for REQUEST)
    return code.ljust(3, "0")


def predicted_triples(events: list[Event]) -> set[tuple]:
    """CAMEO triples of the events that name a source (CAMEO codes no sourceless event)."""
    triples = set()
    for event in events:
        if not event.source:
            continue
        code = event_code(event)
        for src in event.source or (None,):
            for tgt in event.target or (None,):
                triples.add((actor_code(src), actor_code(tgt), code))
    return triples


def gold_triples(row: dict) -> set[tuple]:
    return {(gold_code(e["source"]), gold_code(e["target"]), str(e["event_code"]).strip()) for e in row["events"]}


def _project(triples: set[tuple], level: str) -> set[tuple]:
    if level == "exact":
        return triples
    if level == "root":
        return {(s, t, c[:2]) for s, t, c in triples}
    return {(s[0], t[0], c[:2]) for s, t, c in triples}


def _counts(gold: set, pred: set) -> Counts:
    return Counts(tp=len(gold & pred), fp=len(pred - gold), fn=len(gold - pred))


def evaluate(folder: Path, limit: int | None = None) -> EvalResult:
    rows = read_jsonl(Path(folder) / GOLD_FILE, limit)
    dates = [_iso(r.get("date")) for r in rows]
    docs = run_docs([r["text"] for r in rows], dates)
    totals = {level: Counts() for level in ("exact", "root", "country")}
    exact_sentences, samples = 0, []
    for row, doc in zip(rows, docs):
        gold, pred = gold_triples(row), predicted_triples(positive_events(doc))
        for level in totals:
            totals[level] = totals[level] + _counts(_project(gold, level), _project(pred, level))
        exact_sentences += gold == pred
        if gold != pred and len(samples) < 30:
            samples.append({"id": row["id"], "gold": sorted(map(str, gold)), "pred": sorted(map(str, pred))})
    metrics = {}
    for level, counts in totals.items():
        p, r = safe_div(counts.tp, counts.tp + counts.fp), safe_div(counts.tp, counts.tp + counts.fn)
        prefix = "" if level == "exact" else f"{level}_"
        if level == "exact":
            metrics.update(precision=p, recall=r)
        metrics[f"{prefix}f1"] = f1_score(p, r)
    metrics["sentence_accuracy"] = safe_div(exact_sentences, len(rows))
    return EvalResult(dataset="petrarch2_gsr_validation", n=len(rows), metrics=metrics, details={"errors": samples})


def _iso(date: str | None) -> str | None:
    if not date or len(date) != 8 or not date.isdigit():
        return None
    return f"{date[:4]}-{date[4:6]}-{date[6:]}"
