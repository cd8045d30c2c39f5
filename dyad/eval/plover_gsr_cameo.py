"""Evaluate Dyad's event coder on the PLOVER gold-standard records (CAMEO manual examples).

Each gold record is one sentence with one event. Dyad runs its full pipeline on the text
and its *primary* event for the sentence is compared with the gold one:

* ``category_accuracy`` / ``category_macro_f1``: PLOVER 2021 category (``event_plover2021``);
  macro-F1 averages the per-category F1 over the categories present in the gold data.
* ``source_country_match`` / ``target_country_match``: the set of ISO-3 codes of the
  predicted source (target) actors equals the gold set; records whose gold side is empty
  are left out of that side's figure.

* ``mode_accuracy``: on the records with a gold mode, the primary event has that mode;
* ``context_precision`` / ``context_recall`` / ``context_f1``: micro-averaged over the context
  labels of the records with gold contexts (a record lists one or more, "diplomatic, military").
  The gold uses PLOVER 0.5b1 names; the few that PLOVER 2021 renamed are read as their 2021 names
  (``LEGACY_NAMES``: "demo-org" → "demo", "refugee" → "migration", …).

When Dyad produces no (positive, non-denied) event for a sentence, the record counts as
wrong for every metric: a coder that stays silent is not rewarded.

``details["gold_code_not_iso"]`` counts, per side, the records whose gold codes include one that
is neither ISO 3166 nor "IGO" (CAMEO-era "JAP", "ITL", "VTN"; "NGO", "IMG") and how many of those
were misses: the metric is unchanged, this only says how much of the gap such codes are.

The helpers ``event_pipeline`` and ``primary_event`` are shared by the other event
evaluators (``petrarch2_gsr_validation``, ``conflibert_cameo``).
"""

from __future__ import annotations

import importlib
from collections import Counter
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from dyad.errors import EvalError
from dyad.eval import EvalResult
from dyad.eval.metrics import macro_f1, read_jsonl, safe_div
from dyad.models import Event, is_negated
from dyad.ontology.plover import load_lexicon

GOLD_FILE = "records.jsonl"
# PLOVER 0.5b1 mode and context names that the 2021 manual renamed or merged
LEGACY_NAMES = {"demo-org": "demo", "demo-spon": "demo", "riot-org": "riot", "riot-spon": "riot", "detain": "arrest",
                "refugee": "migration", "refugees": "migration", "resources": "resource", "rights": "human_rights"}
# the stages an event coder needs; coref/quotes/timex are used when they are installed
_STAGES = ("dyad_actors", "dyad_coref", "dyad_timex", "dyad_quotes", "dyad_events")


@lru_cache(maxsize=1)
def event_pipeline() -> Language:
    """The Dyad pipeline up to ``dyad_events`` (built by ``dyad.nlp.pipeline``), skipping
    optional stages whose module is not installed yet; ``dyad_actors`` is required."""
    from dyad.nlp.pipeline import COMPONENTS, build_pipeline

    present = []
    for factory, module in COMPONENTS:
        if factory not in _STAGES:
            continue
        try:
            importlib.import_module(module)
        except ModuleNotFoundError:
            if factory in ("dyad_actors", "dyad_events"):
                raise EvalError(f"the {factory} stage ({module}) is missing; events cannot be coded") from None
            continue
        present.append(factory)
    return build_pipeline(components=tuple(present))


def run_docs(texts: list[str], dates: list[str | None] | None = None) -> list[Doc]:
    """Run the event pipeline over texts (one document each), with the article date set."""
    nlp = event_pipeline()
    docs = []
    for i, text in enumerate(texts):
        doc = nlp.make_doc(text)
        doc._.doc_id = f"gold-{i}"
        doc._.doc_date = dates[i] if dates else None
        for _name, component in nlp.pipeline:
            doc = component(doc)
        docs.append(doc)
    return docs


def _trigger_depth(doc: Doc, event: Event) -> int:
    """Depth in the parse of the trigger's first word (0 = sentence root)."""
    first = event.trigger.split()[0] if event.trigger else ""
    sent = list(doc.sents)[event.sentence]
    for token in sent:
        if token.text == first:
            depth, tok = 0, token
            while tok.head.i != tok.i and depth < 30:
                tok, depth = tok.head, depth + 1
            return depth
    return 10


def positive_events(doc: Doc) -> list[Event]:
    return [e for e in (doc._.events or []) if not is_negated(e.negated, e.modality)]


def primary_event(doc: Doc) -> Event | None:
    """The event a one-event-per-sentence gold set asks for: positive (not negated or
    denied), with the most actors found, the most confident, nearest the main clause."""
    events = positive_events(doc)
    if not events:
        return None
    return max(events, key=lambda e: (bool(e.source), -_trigger_depth(doc, e), bool(e.target), e.confidence))


def countries(actors) -> set[str]:
    """PLOVER actor codes (ISO-3, organisations as "IGO") of the actors."""
    lexicon = load_lexicon()
    return {lexicon.plover_country(a.country) for a in actors if a.country}


def _gold_codes(side) -> set[str]:
    if not isinstance(side, list):
        return set()
    return {a["code"] for a in side if isinstance(a, dict) and a.get("code")}


@lru_cache(maxsize=1)
def _iso_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries)


def non_iso_codes(codes: set[str]) -> set[str]:
    """Gold codes that are neither ISO 3166 alpha-3 nor PLOVER's "IGO" ("JAP", "ITL", "VTN",
    "NGO", "IMG"): no ISO coder can produce them, so misses on them are the gold's."""
    return {c for c in codes if c != "IGO" and c not in _iso_codes()}


def _not_iso_tally(tally: dict, side: str, gold: set[str], hit: bool, row_id: str) -> None:
    codes = non_iso_codes(gold)
    if not codes:
        return
    entry = tally[side]
    entry["records"] += 1
    entry["missed"] += not hit
    for code in codes:
        entry["codes"][code] = entry["codes"].get(code, 0) + 1
    if not hit:
        entry["missed_ids"].append(row_id)


def gold_labels(value: str | None) -> set[str]:
    """A gold mode or context field as PLOVER 2021 label names ("diplomatic, military" → two)."""
    labels = {v.strip() for v in (value or "").split(",") if v.strip() and v.strip() != "unknown"}
    return {LEGACY_NAMES.get(v, v) for v in labels}


def mode_context_scores(rows: list[dict], events: list[Event | None]) -> dict[str, float]:
    mode_hits = mode_n = tp = n_pred = n_gold = 0
    for row, event in zip(rows, events):
        if gold_labels(row.get("mode")):
            mode_n += 1
            mode_hits += event is not None and {event.mode} == gold_labels(row.get("mode"))
        gold = gold_labels(row.get("context"))
        if gold:
            pred = set(event.context) if event else set()
            tp, n_pred, n_gold = tp + len(gold & pred), n_pred + len(pred), n_gold + len(gold)
    precision, recall = safe_div(tp, n_pred), safe_div(tp, n_gold)
    return {"mode_accuracy": safe_div(mode_hits, mode_n), "context_precision": precision, "context_recall": recall,
            "context_f1": safe_div(2 * precision * recall, precision + recall)}


def evaluate(folder: Path, limit: int | None = None) -> EvalResult:
    rows = read_jsonl(Path(folder) / GOLD_FILE, limit)
    docs = run_docs([r["text"] for r in rows])
    gold_cats, pred_cats, errors, primaries = [], [], [], []
    src_hits = src_n = tgt_hits = tgt_n = 0
    not_iso = {side: {"records": 0, "missed": 0, "codes": {}, "missed_ids": []} for side in ("source", "target")}
    for row, doc in zip(rows, docs):
        event = primary_event(doc)
        primaries.append(event)
        gold_cats.append(row["event_plover2021"])
        pred_cats.append(event.category if event else None)
        gold_src, gold_tgt = _gold_codes(row["source"]), _gold_codes(row["target"])
        if gold_src:
            src_n += 1
            hit = bool(event) and countries(event.source) == gold_src
            src_hits += hit
            _not_iso_tally(not_iso, "source", gold_src, hit, row["id"])
        if gold_tgt:
            tgt_n += 1
            hit = bool(event) and countries(event.target) == gold_tgt
            tgt_hits += hit
            _not_iso_tally(not_iso, "target", gold_tgt, hit, row["id"])
        if event is None or event.category != row["event_plover2021"]:
            errors.append({"id": row["id"], "gold": row["event_plover2021"], "pred": pred_cats[-1],
                           "trigger": event.trigger if event else None})
    accuracy = sum(g == p for g, p in zip(gold_cats, pred_cats)) / len(rows) if rows else 0.0
    f1, per_class = macro_f1(gold_cats, pred_cats)
    metrics = {"category_accuracy": accuracy, "category_macro_f1": f1,
               "source_country_match": src_hits / src_n if src_n else 0.0,
               "target_country_match": tgt_hits / tgt_n if tgt_n else 0.0,
               "no_event_rate": pred_cats.count(None) / len(rows) if rows else 0.0,
               **mode_context_scores(rows, primaries)}
    details = {"per_class_f1": per_class, "confusion": dict(Counter(zip(gold_cats, map(str, pred_cats)))),
               "errors": errors[:40], "gold_code_not_iso": not_iso}
    return EvalResult(dataset="plover_gsr_cameo", n=len(rows), metrics=metrics,
                      details={k: (v if k != "confusion" else {f"{g}->{p}": n for (g, p), n in v.items()})
                               for k, v in details.items()})
