"""Evaluate Dyad's PLOVER events on CASE 2021 Shared Task 2 (ACLED-derived event subtypes).

Each gold record is a news snippet (1–3 sentences) with one ACLED event subtype (AIR_STRIKE,
ARMED_CLASH, PEACE_PROTEST, ARREST, ...). Dyad runs its event pipeline on the snippet; its events
become one predicted subtype through the crosswalk data file
``dyad/ontology/data/plover/acled_crosswalk.csv``:

* a row is PLOVER ``category``, ``mode``, ``cameo`` (a CAMEO code prefix), ``context``,
  ``source`` ("crowd": named as protesters or a crowd, the lexicon's ``crowd_nouns``) and
  ``target`` ("crowd"; "armed": an actor of an armed sector; "civilian": targets with sectors,
  none armed) conditions, ``*`` for any, → ``acled_type``, with the manual text it rests on
  (``basis``); the first matching row with ``predicts=yes`` gives the event's subtype (rows are
  ordered most specific first);
* rows with ``predicts=no`` never predict: they only say which PLOVER category an ACLED subtype
  should have produced (GRENADE is ASSAULT explosives, but no PLOVER mode tells a grenade from an IED).

**Choice rule** when a snippet has several events: among the positive (not negated or denied)
events that the crosswalk maps, the first in the text (a news snippet leads with its event; the
later sentences add background), then the most confident (mirrored events share a span). No
mapped event → "NONE", which is always wrong. (On the visible part "first" beat "most confident
first" and "material before verbal" by about 0.03 weighted F1.)

Metrics:

* ``weighted_f1``: the official CASE 2021 figure for subtask 1 — F1 per gold label, weighted by
  the label's support, over the ``acled_seen`` records only;
* ``weighted_f1_all``: the same over all records (subtask 3: adds the unseen types);
* ``macro_f1`` (all records, unweighted over gold labels), ``accuracy`` (all records);
* ``coverage``: share of snippets with at least one positive event;
* ``category_accuracy``: on the records whose subtype the crosswalk ties to PLOVER categories,
  the chosen event's category is one of them (a category error, not a mode error).
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dyad.errors import OntologyError
from dyad.eval import EvalResult
from dyad.eval.metrics import label_scores, macro_f1, read_jsonl, safe_div, weighted_f1
from dyad.models import Event
from dyad.ontology.plover import load_lexicon, load_plover

GOLD_FILE = "records.jsonl"
NONE = "NONE"
SEEN_GROUP = "acled_seen"
_CROSSWALK = Path(__file__).resolve().parents[1] / "ontology" / "data" / "plover" / "acled_crosswalk.csv"
_COLUMNS = ("category", "mode", "cameo", "context", "source", "target", "acled_type", "predicts", "basis")
_TARGETS = frozenset({"*", "crowd", "armed", "civilian"})
_SOURCES = frozenset({"*", "crowd"})
_ERROR_SAMPLES = 20


@dataclass(frozen=True)
class AcledRow:
    """One crosswalk row: PLOVER conditions ("*" = any) → an ACLED subtype."""

    category: str
    mode: str
    cameo: str  # a CAMEO code prefix
    context: str
    source: str  # "crowd" or "*"
    target: str  # "crowd", "armed", "civilian" or "*"
    acled_type: str
    predicts: bool
    basis: str


@dataclass(frozen=True)
class AcledCrosswalk:
    rows: tuple[AcledRow, ...]

    def categories_of(self, acled_type: str) -> frozenset[str]:
        """The PLOVER categories an event of this ACLED subtype should have (empty: none fits)."""
        return frozenset(r.category for r in self.rows if r.acled_type == acled_type)


@lru_cache(maxsize=1)
def load_acled_crosswalk() -> AcledCrosswalk:
    plover = load_plover()
    rows = []
    with _CROSSWALK.open(encoding="utf-8", newline="") as fh:
        for n, raw in enumerate(csv.DictReader(fh), 2):
            rows.append(_row(raw, n, plover))
    return AcledCrosswalk(tuple(rows))


def _row(raw: dict, line: int, plover) -> AcledRow:
    where = f"acled_crosswalk.csv line {line}"
    if set(raw) != set(_COLUMNS):
        raise OntologyError(f"columns must be {_COLUMNS}", subject=where)
    category, mode = raw["category"], raw["mode"]
    if category not in plover.names:
        raise OntologyError(f"unknown PLOVER category {category!r}", subject=where)
    if mode != "*" and mode not in plover.modes(category):
        raise OntologyError(f"{mode!r} is not a {category} mode", subject=where)
    if raw["context"] != "*" and raw["context"] not in plover.contexts:
        raise OntologyError(f"unknown context {raw['context']!r}", subject=where)
    if raw["target"] not in _TARGETS or raw["source"] not in _SOURCES or raw["predicts"] not in ("yes", "no"):
        raise OntologyError(f"target must be one of {sorted(_TARGETS)}, source one of {sorted(_SOURCES)}, "
                            "predicts yes/no", subject=where)
    return AcledRow(category, mode, raw["cameo"], raw["context"], raw["source"], raw["target"], raw["acled_type"],
                    raw["predicts"] == "yes", raw["basis"])


# --------------------------------------------------------------------------- events → subtype


def target_kind(event: Event) -> str | None:
    """"crowd" when a target is named as protesters or a crowd (the lexicon's ``crowd_nouns``),
    "armed" when a target is an armed force, "civilian" when targets have sectors and none is
    armed, None when no target has a sector (a bare place or country says nothing)."""
    lexicon = load_lexicon()
    if _crowd(event.target):
        return "crowd"
    sectors = {a.sector for a in event.target if a.sector}
    if not sectors:
        return None
    return "armed" if sectors & lexicon.force_sectors else "civilian"


def _crowd(actors) -> bool:
    """An actor is named as protesters or a crowd ("peaceful demonstrators", "the rally")."""
    nouns = load_lexicon().crowd_nouns
    for actor in actors:
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", actor.text or actor.name or "")}
        if words & nouns or {w[:-1] for w in words if w.endswith("s")} & nouns:
            return True
    return False


def _matches(row: AcledRow, event: Event) -> bool:
    return (row.predicts and row.category == event.category
            and row.mode in ("*", event.mode)
            and (row.cameo == "*" or (event.cameo_code or "").startswith(row.cameo))
            and (row.context == "*" or row.context in event.context)
            and (row.source == "*" or (row.source == "crowd" and _crowd(event.source)))
            and (row.target == "*" or row.target == target_kind(event)))


def acled_type(event: Event) -> str | None:
    """The ACLED subtype of one event: the first crosswalk row it matches, else None."""
    for row in load_acled_crosswalk().rows:
        if _matches(row, event):
            return row.acled_type
    return None


def choose_event(events: list[Event]) -> Event | None:
    """The snippet's event (see the module's choice rule): among the mapped events (all when
    none is mapped, for ``category_accuracy``), the first in the text, then the most confident."""
    mapped = [e for e in events if acled_type(e) is not None] or events
    return min(mapped, key=lambda e: (e.start, -e.confidence), default=None)


def predict(events: list[Event]) -> tuple[str, Event | None]:
    event = choose_event(events)
    return (acled_type(event) or NONE) if event else NONE, event


# --------------------------------------------------------------------------- scores


def _describe(event: Event) -> str:
    mode = f"/{event.mode}" if event.mode else ""
    context = f" [{','.join(event.context)}]" if event.context else ""
    return f"{event.category}{mode} {event.cameo_code or '-'} '{event.trigger}'{context} c={event.confidence:.2f}"


def _scores(rows: list[dict], preds: list[str], chosen: list[Event | None], covered: list[bool]) -> dict[str, float]:
    gold = [r["label"] for r in rows]
    seen = [i for i, r in enumerate(rows) if r.get("label_group") == SEEN_GROUP]
    crosswalk = load_acled_crosswalk()
    expected = [(crosswalk.categories_of(g), e) for g, e in zip(gold, chosen)]
    expected = [(cats, e) for cats, e in expected if cats]
    return {
        "weighted_f1": weighted_f1([gold[i] for i in seen], [preds[i] for i in seen]),
        "weighted_f1_all": weighted_f1(gold, preds),
        "macro_f1": macro_f1(gold, preds)[0],
        "accuracy": safe_div(sum(g == p for g, p in zip(gold, preds)), len(gold)),
        "coverage": safe_div(sum(covered), len(rows)),
        "category_accuracy": safe_div(sum(e is not None and e.category in cats for cats, e in expected), len(expected)),
    }


def evaluate(folder: Path, limit: int | None = None) -> EvalResult:
    from dyad.eval.plover_gsr_cameo import positive_events, run_docs

    rows = read_jsonl(Path(folder) / GOLD_FILE, limit)
    docs = run_docs([r["text"] for r in rows])
    preds, chosen, covered, errors = [], [], [], []
    for row, doc in zip(rows, docs):
        events = positive_events(doc)
        label, event = predict(events)
        preds.append(label)
        chosen.append(event)
        covered.append(bool(events))
        if label != row["label"]:
            errors.append({"id": row["id"], "text": row["text"], "gold": row["label"], "pred": label,
                           "events": [_describe(e) for e in events]})
    gold = [r["label"] for r in rows]
    details = {"per_label": label_scores(gold, preds), "predicted": dict(Counter(preds)),
               "confusion": {f"{g}->{p}": n for (g, p), n in Counter(zip(gold, preds)).most_common() if g != p},
               "errors": errors[::max(1, len(errors) // _ERROR_SAMPLES)][:_ERROR_SAMPLES]}  # spread over the file
    return EvalResult(dataset="case2021_task2_event_types", n=len(rows),
                      metrics=_scores(rows, preds, chosen, covered), details=details)
