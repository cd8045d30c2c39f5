"""The orchestrated flow: outcomes per input, exact and near duplicates, failures that lose nothing."""

import json

import pytest
from typer.testing import CliRunner

from dyad import runner
from dyad.cli import _register, app
from dyad.models import Failed, Skipped, Stored
from dyad.settings import Settings
from dyad.store import open_store

STORY = ("The foreign ministers of Brazil and Argentina met in Montevideo on Tuesday to discuss a regional "
         "trade agreement. Officials said the talks covered tariffs on steel, beef and soybeans, and a joint "
         "statement promised a new round of negotiations before the end of the year. Uruguay's president "
         "welcomed both delegations and offered to host the next meeting. ")


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.fixture
def settings(tmp_path):
    return Settings(db=str(tmp_path / "t.db"), embeddings=False)


def _run(paths, settings, analyse=False):
    with open_store(settings.db) as store:
        return list(runner.ingest(paths, store, settings, analyse=analyse))


def test_runner_exact_duplicate_is_skipped_and_named(tmp_path, settings):
    a = _write(tmp_path / "a.txt", STORY * 3)
    first = _run([a], settings)
    again = _run([a], settings)
    assert [type(o) for o in first] == [Stored]
    assert [type(o) for o in again] == [Skipped] and again[0].reason == "duplicate"
    assert again[0].of == first[0].document_id


def test_runner_near_duplicate_is_linked_to_first_copy(tmp_path, settings):
    a = _write(tmp_path / "a.txt", STORY * 3)
    b = _write(tmp_path / "b.txt", STORY * 3 + "This story was republished with minor edits.")
    outcomes = _run([a, b], settings)
    assert outcomes[1].duplicate_of == outcomes[0].document_id
    assert outcomes[1].reason == "near_duplicate"
    # the index is rebuilt from the store: a later run still sees the first copy
    c = _write(tmp_path / "c.txt", STORY * 3 + "Republished again, elsewhere.")
    assert _run([c], settings)[0].duplicate_of == outcomes[0].document_id


def test_runner_bad_input_never_loses_good_ones(tmp_path, settings):
    good = _write(tmp_path / "good.txt", STORY)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.dat").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    outcomes = _run([str(tmp_path / "empty.txt"), str(tmp_path / "bin.dat"), good, str(tmp_path / "missing.txt")],
                    settings)
    kinds = [o.kind for o in outcomes]
    assert kinds.count("stored") == 1 and kinds.count("failed") == 3
    for failed in (o for o in outcomes if isinstance(o, Failed)):
        assert "\n" not in failed.reason and failed.source


def test_runner_cli_prints_totals_and_exits_nonzero_on_failure(tmp_path):
    _register()
    good = _write(tmp_path / "good.txt", STORY)
    result = CliRunner().invoke(app, ["ingest", good, str(tmp_path / "missing.txt"), "--db",
                                      str(tmp_path / "c.db"), "--no-analyse", "--json"])
    assert result.exit_code == 1
    body = json.loads(result.stdout)
    assert body["ok"] is True and body["totals"] == {"stored": 1, "failed": 1}
    listing = CliRunner().invoke(app, ["documents", "--db", str(tmp_path / "c.db"), "--json"])
    assert json.loads(listing.stdout)["documents"][0]["source"].endswith("good.txt")
