"""`dyad quotes --json` gives each quote the offsets of its attribution cue in the document text
(null when the store has none), end to end from `dyad ingest` through the real pipeline."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import dyad.cli
from dyad.models import ActorRef, Analysis, Document, Quote, Sentence
from dyad.store import Store

dyad.cli._register()
runner = CliRunner()

ARTICLE = """Talks on the river dispute resume in Oslo

"The ceasefire must hold," said Anna Berg, the Norwegian foreign minister. The army will withdraw \
from the valley by June, according to a government statement. Berg told reporters that the talks \
would continue next week.
"""


def call(*args: str) -> dict:
    result = runner.invoke(dyad.cli.app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert body["ok"] is True
    return body


@pytest.mark.slow
def test_cli_quote_cues_point_at_the_cue_word_after_ingest(tmp_path):
    source, db = tmp_path / "talks.txt", str(tmp_path / "cues.db")
    source.write_text(ARTICLE)
    [outcome] = call("ingest", str(source), "--db", db)["outcomes"]
    text = call("show", outcome["document_id"], "--db", db)["document"]["text"]
    quotes = call("quotes", "--db", db)["quotes"]
    assert {q["cue"] for q in quotes} >= {"said", "according to", "told"}
    for q in quotes:
        assert text[q["cue_start"]:q["cue_end"]] == q["cue"]
        assert q["cue"] in q["evidence"]["sentence"]
    said = next(q for q in quotes if q["cue"] == "said")
    # The cue is the one after the quotation, not an earlier word of the document.
    assert said["evidence"]["start"] < said["cue_start"] < text.index("Anna Berg")


def test_cli_quote_cues_are_null_when_absent(tmp_path):
    db = str(tmp_path / "plain.db")
    text = "The mayor said the bridge was safe."
    with Store(db) as store:
        store.add_document(Document(id="m1", text=text, source="m1.txt"), Analysis(
            sentences=(Sentence(0, 0, len(text), text),),
            quotes=(Quote(0, 15, 34, "the bridge was safe", "indirect", ActorRef(None, "The mayor"), cue="said"),)))
    [quote] = call("quotes", "--db", db)["quotes"]
    assert quote["cue"] == "said" and quote["cue_start"] is None and quote["cue_end"] is None


@pytest.mark.slow
def test_cli_quote_cues_things_that_suggest_only_with_all(tmp_path):
    source, db = tmp_path / "clip.txt", str(tmp_path / "kinds.db")
    source.write_text("Was the clip real?\n\nThe blurred background suggests the photo was edited by hand. "
                      "Anna Berg, a researcher at Lund University, said the clip first appeared in June.\n")
    call("ingest", str(source), "--db", db)
    shown = call("quotes", "--db", db)["quotes"]
    assert [(q["speaker"]["name"], q["speaker_kind"]) for q in shown] == [("Anna Berg", "person")]
    every = call("quotes", "--db", db, "--all")["quotes"]
    assert {q["speaker_kind"] for q in every} == {"person", "other"}
