"""Actor resolution against NGEC/POLECAT's hand-written expectations (``records.jsonl``).

Each case gives an actor phrase, an optional context (a sentence or a country hint) and
date, and the expected ``country`` (ISO-3, ``IGO``, ``UNO`` for the UN family, ``EUR`` for
the EU, ``""`` for none), ``code_1``/``code_2`` (agent sector codes, ``""`` for none),
``wiki``/``title`` (Wikipedia page), or ``_result: null`` (the resolver must return nothing).
Dyad answers each case with ``Registry.resolve(actor_text, date, context)``.

Metrics (each over the cases it applies to):

* ``country_accuracy`` — cases whose ``expected`` has ``country`` (an expected ``""`` is
  met by no country);
* ``sector_accuracy`` — cases that expect ``code_1`` (compared with ``ActorRef.sector``);
* ``wiki_accuracy`` — cases that expect ``wiki`` or ``title`` (the registry entry's wiki
  title; ``""`` is met by none);
* ``none_accuracy`` — cases that expect no result;
* ``pass_rate`` — all cases: every expected field equal and every ``expected_not`` field
  different. Fields Dyad does not produce (``actor_wiki_job``, ``pattern``, ``source``)
  count as failed. ``code_2`` is taken from the sector lexicon entry the phrase matched.

Dates "today"/"" and missing dates mean the suite's own "today": the latest explicit date in
the file (2022-10-20 in the dev part), since the expectations name the office holders of the
time the tests were written ("Diego Molano" → COL GOV, defence minister 2021–22).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import Counter
from pathlib import Path

from dyad.eval import EvalResult
from dyad.eval.metrics import read_jsonl
from dyad.models import ActorRef
from dyad.ontology.actors import Registry, load_registry

GOLD_FILE = "records.jsonl"
_UNSUPPORTED = ("actor_wiki_job", "pattern", "source")


def _read(folder: Path, limit: int | None) -> list[dict]:
    return read_jsonl(folder / GOLD_FILE, limit)


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def era_of(cases: list[dict]) -> str:
    """The day the suite's "today" stood for: its latest explicit date (else the real today).
    The expectations name the office holders of when the tests were written, so judging
    "Today" by the calendar would make them drift as people leave office."""
    dates = [c["date"] for c in cases if isinstance(c.get("date"), str) and _ISO_DATE.fullmatch(c["date"])]
    return max(dates) if dates else _dt.date.today().isoformat()


def _date(value: str | None, era: str) -> str:
    if value is None or value.strip().lower() in ("", "today"):
        return era
    return value


def predict(registry: Registry, case: dict, era: str | None = None) -> dict:
    """Dyad's answer for one case, in the gold's field names ({} = no result)."""
    text, context = case["actor_text"], case.get("context") or None
    when = _date(case.get("date"), era or _dt.date.today().isoformat())
    ref = registry.resolve(text, date=when, context=context)
    if ref is None:
        return {}
    return _fields(registry, ref, text)


def _fields(registry: Registry, ref: ActorRef, text: str) -> dict:
    actor = registry.get(ref.id) if ref.id else None
    found = registry.analyse(text)
    wiki = actor.wiki if actor is not None and actor.wiki else _place_title(found)
    head = found.head_term
    code_2 = head.code_2 if head and head.code_1 == ref.sector and head.code_2 else ""
    return {"country": ref.country or "", "code_1": ref.sector or "", "code_2": code_2,
            "wiki": wiki, "title": wiki}


def _place_title(found) -> str:
    """A phrase that only names a city or capital: Wikipedia titles cities by their name."""
    if found.terms or found.offices or found.persons or found.orgs:
        return ""
    if found.places:
        return found.places[0].name
    if len(found.states) == 1 and found.states[0].alias.form == "capital":
        return found.states[0].alias.text
    return ""


def judge(case: dict, pred: dict) -> dict[str, bool]:
    """Per expected field: did the prediction meet it? ("_result" = returned nothing)."""
    expected = case.get("expected", {})
    if "_result" in expected:
        return {"_result": not pred}
    out = {}
    for key, value in expected.items():
        out[key] = False if key in _UNSUPPORTED else pred.get(key, "") == (value or "")
    for key, value in (case.get("expected_not") or {}).items():
        out[f"not_{key}"] = pred.get(key, "") != (value or "")
    return out


def evaluate(folder: Path, limit: int | None = None) -> EvalResult:
    cases = _read(Path(folder), limit)
    registry = load_registry()
    era = era_of(cases)
    tallies: dict[str, list[bool]] = {"country": [], "code_1": [], "wiki": [], "_result": [], "pass": []}
    by_method: dict[str, Counter] = {}
    errors = []
    for case in cases:
        pred = predict(registry, case, era)
        verdict = judge(case, pred)
        passed = all(verdict.values())
        for key in ("country", "code_1", "_result"):
            if key in verdict:
                tallies[key].append(verdict[key])
        for key in ("wiki", "title"):
            if key in verdict:
                tallies["wiki"].append(verdict[key])
        tallies["pass"].append(passed)
        counter = by_method.setdefault(case.get("method", "?"), Counter())
        counter["n"] += 1
        counter["passed"] += passed
        if not passed and len(errors) < 60:
            errors.append({"id": case.get("id"), "text": case["actor_text"], "expected": case.get("expected"),
                           "got": pred, "failed": sorted(k for k, ok in verdict.items() if not ok)})
    metrics = {
        "country_accuracy": _rate(tallies["country"]),
        "sector_accuracy": _rate(tallies["code_1"]),
        "wiki_accuracy": _rate(tallies["wiki"]),
        "none_accuracy": _rate(tallies["_result"]),
        "pass_rate": _rate(tallies["pass"]),
    }
    details = {
        "support": {k: len(v) for k, v in tallies.items()},
        "by_method": {m: {"n": c["n"], "pass_rate": round(c["passed"] / c["n"], 4)} for m, c in by_method.items()},
        "errors": errors,
        "era": era,
    }
    return EvalResult(dataset="ngec_actor_resolution", n=len(cases), metrics=metrics, details=details)


def _rate(values: list[bool]) -> float:
    return round(sum(values) / len(values), 4) if values else 0.0
