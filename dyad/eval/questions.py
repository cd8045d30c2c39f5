"""Question answering against question files: ``dyad eval eval/questions``.

Every ``*.jsonl`` in the folder is a question file; one question per line::

    {"q": "...", "answer_any": ["..."] | "answer_all": ["..."] | "unanswerable": true,
     "evidence_any": ["words of a supporting sentence"], "docs": "../shared/seeds"}

``docs`` names what to ingest (a path relative to the repository root, else to the folder;
a list is allowed). Each distinct set of docs is ingested once into a temporary store with
the full pipeline (``dyad.runner.ingest``); then every question is asked with
``dyad.query.ask.answer``.

Metrics: ``answer_accuracy`` (the answer contains one of ``answer_any`` / all of
``answer_all``, or is empty for an unanswerable question; "A|B" accepts either spelling), ``evidence_accuracy`` (a cited
sentence contains one of ``evidence_any``; unanswerable questions count when nothing is
cited), ``answered`` (share of questions given an answer).
"""

from __future__ import annotations

import json
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from dyad.errors import EvalError
from dyad.eval import EvalResult

GOLD_FILE = "seeds.jsonl"
REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class GoldQuestion:
    q: str
    docs: tuple[str, ...]
    answer_any: tuple[str, ...] = ()
    answer_all: tuple[str, ...] = ()
    evidence_any: tuple[str, ...] = ()
    unanswerable: bool = False
    where: str = ""


def _tuple(value) -> tuple[str, ...]:
    if value is None:
        return ()
    return tuple(value) if isinstance(value, list) else (str(value),)


def read_questions(path: Path) -> list[GoldQuestion]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalError(f"invalid JSON: {exc.msg}", subject=where) from None
        if not raw.get("q") or not raw.get("docs"):
            raise EvalError("each question needs 'q' and 'docs'", subject=where)
        if not (raw.get("answer_any") or raw.get("answer_all") or raw.get("unanswerable")):
            raise EvalError("give 'answer_any', 'answer_all' or 'unanswerable': true", subject=where)
        out.append(GoldQuestion(q=raw["q"], docs=_tuple(raw["docs"]), answer_any=_tuple(raw.get("answer_any")),
                                answer_all=_tuple(raw.get("answer_all")), evidence_any=_tuple(raw.get("evidence_any")),
                                unanswerable=bool(raw.get("unanswerable")), where=where))
    return out


def resolve_docs(docs: tuple[str, ...], folder: Path) -> tuple[str, ...]:
    out = []
    for doc in docs:
        for base in (REPO, folder):
            if (base / doc).exists():
                out.append(str((base / doc).resolve()))
                break
        else:
            raise EvalError("docs not found (relative to the repository or the question folder)", subject=doc)
    return tuple(out)


def _norm(text: str | None) -> str:
    return " ".join(re.sub(r"[’‘]", "'", (text or "")).lower().split())


def answer_correct(gold: GoldQuestion, result) -> bool:
    if gold.unanswerable:
        return result.answer is None
    text = _norm(f"{result.answer or ''} | {result.value or ''}") if result.answer else ""
    found = lambda expected: any(_norm(alt) in text for alt in expected.split("|"))  # "United Kingdom|UK"
    if gold.answer_all:
        return bool(text) and all(found(a) for a in gold.answer_all)
    return bool(text) and any(found(a) for a in gold.answer_any)


def evidence_correct(gold: GoldQuestion, result) -> bool:
    if gold.unanswerable:
        return not result.evidence
    if not gold.evidence_any:
        return bool(result.evidence)
    return any(_norm(e) in _norm(ev.sentence) for ev in result.evidence for e in gold.evidence_any)


def build_store(inputs: tuple[str, ...], target: str):
    """A store holding ``inputs`` ingested with the full pipeline (failures are an eval error)."""
    from dyad import runner
    from dyad.models import Failed
    from dyad.settings import get_settings
    from dyad.store import Store

    store = Store(target)
    settings = get_settings().with_(db=target)
    failed = [o for o in runner.ingest(list(inputs), store, settings) if isinstance(o, Failed)]
    if failed:
        raise EvalError(f"{len(failed)} document(s) failed to ingest, first: {failed[0].reason}",
                        subject=failed[0].source)
    return store


def run(questions: list[GoldQuestion], folder: Path, store_for=build_store) -> EvalResult:
    from dyad.query.ask import answer

    groups: dict[tuple[str, ...], list[GoldQuestion]] = {}
    for g in questions:
        groups.setdefault(resolve_docs(g.docs, folder), []).append(g)
    rows = []
    with tempfile.TemporaryDirectory(prefix="dyad-questions-") as tmp:
        for i, (docs, group) in enumerate(groups.items()):
            store = store_for(docs, str(Path(tmp) / f"store{i}.db"))
            try:
                rows += [(g, answer(store, g.q)) for g in group]
            finally:
                store.close()
    return _result(folder, rows)


def _result(folder: Path, rows) -> EvalResult:
    n = len(rows)
    ok_answer = [answer_correct(g, r) for g, r in rows]
    ok_evidence = [evidence_correct(g, r) for g, r in rows]
    by_type: dict[str, list[bool]] = {}
    for (g, r), good in zip(rows, ok_answer):
        by_type.setdefault(r.answer_type, []).append(good)
    errors = [{"q": g.q, "where": g.where, "got": r.answer, "type": r.answer_type, "note": r.note,
               "expected": list(g.answer_any or g.answer_all) or "no answer"}
              for (g, r), good in zip(rows, ok_answer) if not good]
    metrics = {"answer_accuracy": sum(ok_answer) / n if n else 0.0,
               "evidence_accuracy": sum(ok_evidence) / n if n else 0.0,
               "answered": sum(1 for _, r in rows if r.answer is not None) / n if n else 0.0}
    details = {"by_type": {k: {"n": len(v), "accuracy": sum(v) / len(v)} for k, v in sorted(by_type.items())},
               "errors": errors}
    return EvalResult(dataset=folder.name, n=n, metrics=metrics, details=details)


def evaluate(folder: Path, limit: int | None = None) -> EvalResult:
    folder = Path(folder)
    files = sorted(folder.glob("*.jsonl"))
    if not files:
        raise EvalError("no *.jsonl question files here", subject=str(folder))
    questions = [g for f in files for g in read_questions(f)]
    return run(questions[:limit] if limit else questions, folder)
