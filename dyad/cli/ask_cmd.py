"""`dyad ask "QUESTION"`: answer from the record, citing the sentences the answer rests on."""

from __future__ import annotations

from typing import Optional

import typer

from dyad.cli import DbOption, JsonOption, app, edge, settings_for
from dyad.envelope import dumps, ok_record
from dyad.store import open_store


@app.command()
def ask(question: str = typer.Argument(..., help="A question in English, e.g. \"Who supplies Iran with drones?\""),
        db: Optional[str] = DbOption,
        as_json: bool = JsonOption) -> None:
    """Answer a question from the store: the answer, its type, confidence and cited sentences."""
    from dyad.query.ask import answer

    settings = settings_for(db)
    with edge(as_json), open_store(settings.db) as store:
        result = answer(store, question, settings)
    if as_json:
        print(dumps(ok_record(result)))
        return
    _print(result)


def _print(result) -> None:
    print(f"Q: {result.question}")
    if result.answer is None:
        print(f"A: — ({result.note})")
        return
    print(f"A: {result.phrased or result.answer}   [{result.answer_type}, confidence {result.confidence:.2f}, "
          f"from {result.source}]")
    if result.note:
        print(f"note: {result.note}")
    for i, e in enumerate(result.evidence, 1):
        where = ", ".join(x for x in (e.outlet, (e.published_at or "")[:10], e.title) if x)
        print(f"[{i}] {e.sentence.strip()}\n    — {where or 'unknown source'} "
              f"(document {e.document_id[:12]}, chars {e.start}–{e.end})")
