"""The read-side commands through Typer's CliRunner on ``dyad.cli.app``."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

import dyad.cli
from tests.test_query_store import build_store

dyad.cli._register()
runner = CliRunner()


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "views.db"
    build_store(path).close()
    return str(path)


def run(*args: str):
    return runner.invoke(dyad.cli.app, list(args))


def run_json(*args: str) -> dict:
    result = run(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_cli_views_events_json_envelope(db):
    body = run_json("events", "--db", db, "--source", "China")
    assert body["ok"] is True and [e["category"] for e in body["events"]] == ["AID"]
    assert body["events"][0]["evidence"][0]["sentence"] == "China agreed to supply drones to Iran."


def test_cli_views_events_filters_and_table(db):
    body = run_json("events", "--db", db, "--category", "AID", "--negated")
    assert [e["source"][0]["id"] for e in body["events"]] == ["RUS"]
    result = run("events", "--db", db, "--quad", "verbal_conflict")
    assert result.exit_code == 0 and "ACCUSE" in result.stdout and "denied" in result.stdout


def test_cli_views_errors_are_one_line(db):
    result = run("events", "--db", db, "--from", "yesterday")
    assert result.exit_code == 1 and result.output.strip().count("\n") == 0 and "YYYY" in result.output
    body = json.loads(run("events", "--db", db, "--source", "Atlantis", "--json").stdout)
    assert body == {"ok": False, "error": body["error"], "status": 404}
    assert run("events", "--db", db, "--limit", "0").exit_code != 0


def test_cli_views_actors_default_is_list(db):
    plain = run_json("actors", "--db", db)
    listed = run_json("actors", "list", "--db", db)
    assert plain == listed and plain["unresolved"][0]["text"] == "Zorbian Front"
    assert [a["id"] for a in run_json("actors", "list", "--db", db, "--kind", "person")["actors"]] == [
        "person:wang-yi"]


def test_cli_views_actors_import_rejects_missing_and_bad_files(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    result = run("actors", "import", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 1 and "no such file" in result.output
    (tmp_path / "notes.txt").write_text("hello")
    assert "must be" in run("actors", "import", str(tmp_path / "notes.txt")).output


def test_cli_views_relations_quotes_actor_dyad_search(db):
    relations = run_json("relations", "--db", db, "--kind", "defence_pact")["relations"]
    assert sorted(r["negated"] for r in relations) == [False, True]
    assert run_json("quotes", "--db", db, "--speaker", "Wang Yi")["quotes"][0]["venue"] == "reporters"
    actor = run_json("actor", "IRN", "--db", db)["actor"]
    assert actor["name"] == "Iran" and actor["partners"][0]["actor"]["id"] == "CHN"
    dyad = run_json("dyad", "USA", "IRN", "--db", db)["dyad"]
    assert dyad["a_to_b"][0]["counts"]["material_conflict"] == 1 and dyad["n_excluded"] == 1
    assert run_json("search", "drones", "--db", db)["hits"][0]["sentence"]
    table = run("dyad", "USA", "IRN", "--db", db)
    assert table.exit_code == 0 and "not counted" in table.stdout


def test_cli_views_network_and_export_files(db, tmp_path):
    body = run_json("network", "--db", db, "--format", "graphml", "--out", str(tmp_path / "n.graphml"))
    assert body["edges"] == 5 and (tmp_path / "n.graphml").exists()
    out = tmp_path / "e.parquet"
    body = run_json("export", "--db", db, "--style", "cameo", "--format", "parquet", "--out", str(out))
    assert body["rows"] == pq.read_table(out).num_rows == 5
    bad = run("export", "--db", db, "--style", "icews", "--out", str(tmp_path / "x.csv"))
    assert bad.exit_code == 1 and "unknown export style" in bad.output


def test_cli_views_actors_import_copies_a_valid_file(tmp_path, monkeypatch):
    from dyad.errors import OntologyError

    checked = []

    def fake_loader(paths):  # the real loader's contract: raise OntologyError on a bad record
        checked.extend(paths)
        if "bad" in paths[0]:
            raise OntologyError("missing field 'name'", subject=f"{paths[0]}:1")

    monkeypatch.setattr("dyad.ontology.actors.load_registry", fake_loader)
    monkeypatch.setenv("HOME", str(tmp_path))
    good = tmp_path / "my_actors.yaml"
    good.write_text("- id: org:zorbian-front\n  name: Zorbian Front\n  kind: group\n")
    body = run_json("actors", "import", str(good))
    dest = tmp_path / ".config" / "dyad" / "actors" / "my_actors.yaml"
    assert body["imported"] == str(dest) and dest.read_text() == good.read_text() and checked == [str(good)]
    assert "reanalyse" in body["next"]
    again = run("actors", "import", str(good))
    assert again.exit_code == 1 and "--force" in again.output
    assert run("actors", "import", str(good), "--force").exit_code == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text("- id: x\n")
    result = run("actors", "import", str(bad))
    assert result.exit_code == 1 and "missing field" in result.output
    assert not (dest.parent / "bad.yaml").exists()


def test_cli_views_imported_registry_file_is_read_by_the_real_loader(tmp_path, monkeypatch):
    from dyad.ontology.actors import load_registry
    from dyad.settings import from_env

    monkeypatch.setenv("HOME", str(tmp_path))
    good = tmp_path / "zorbia.yaml"
    good.write_text("- id: org:zorbian-front\n  name: Zorbian Front\n  kind: group\n  country: KEN\n  sector: REB\n")
    assert run("actors", "import", str(good)).exit_code == 0
    registry = load_registry(from_env({}).registry_paths)
    assert registry.get("org:zorbian-front").name == "Zorbian Front"
