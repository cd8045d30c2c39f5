"""Issue acceptance on the three seed documents, through the CLI's JSON contract.

The seeds are the input Dyad started from; other tests show each behaviour on sentences of the
same kinds that were written for them. This file checks the end-to-end result a user sees.
"""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyad.cli import _register, app

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not present")]


@pytest.fixture(scope="module")
def cli(tmp_path_factory):
    _register()
    db = str(tmp_path_factory.mktemp("seeds") / "seeds.db")
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(SEEDS), "--db", db, "--json"])
    assert result.exit_code == 0, result.output

    def call(*args):
        out = runner.invoke(app, [*args, "--db", db, "--json"])
        assert out.exit_code == 0, out.output
        body = json.loads(out.stdout)
        assert body["ok"] is True
        return body

    return call


def _countries(actors):
    return {a["country"] for a in actors}


def _ids(actors):
    return {a["id"] for a in actors}


def test_seeds_six_documents(cli):
    docs = cli("documents")["documents"]
    assert len(docs) == 6
    outlets = sorted(d["outlet"] or "" for d in docs)
    assert outlets.count("The Diplomat") == 2
    assert {"Euronews", "AFP", "LeMonde"} <= set(outlets)


def test_seeds_event_contract_fields(cli):
    events = cli("events", "--limit", "500")["events"]
    assert events
    required = {"id", "category", "mode", "context", "cameo_root", "source", "target", "negated", "modality",
                "date", "date_precision", "attributed_to", "confidence", "reports", "evidence"}
    for event in events:
        assert required <= set(event)
        assert event["evidence"] and {"document_id", "sentence", "start", "end"} <= set(event["evidence"][0])
        for actor in event["source"] + event["target"]:
            assert {"id", "name", "country", "sector"} <= set(actor)


def test_seeds_no_aid_from_russia_or_china_to_iran_is_positive(cli):
    events = cli("events", "--category", "AID", "--target", "IRN", "--limit", "500")["events"]
    negated = [e for e in events if e["negated"]]
    assert any({"CHN", "RUS"} <= _countries(e["source"]) for e in negated), "the stopped-short sentence"
    for e in events:
        if {"RUS"} & _countries(e["source"]):
            assert e["negated"], f"a positive AID from Russia to Iran: {e['evidence']}"


def test_seeds_trump_threat_to_norway_is_denied_never_asserted(cli):
    events = cli("events", "--category", "THREATEN", "--limit", "500")["events"]
    to_norway = [e for e in events if "NOR" in _countries(e["target"])]
    assert any(e["negated"] or e["modality"] == "denied" for e in to_norway)
    assert not [e for e in to_norway if not e["negated"] and e["modality"] == "asserted"]


def test_seeds_tiandy_supplies_iran(cli):
    events = cli("events", "--target", "IRN", "--limit", "500")["events"]
    assert any(e["category"] in {"AID", "COOPERATE"} and not e["negated"]
               and ("org:tiandy" in _ids(e["source"]) or
                    any(a["country"] == "CHN" and a["sector"] == "BUS" for a in e["source"]))
               for e in events)


def test_seeds_china_rejects_the_hrc_resolution(cli):
    events = cli("events", "--category", "REJECT", "--source", "CHN", "--limit", "500")["events"]
    assert any(not e["negated"] for e in events)


def test_seeds_only_russia_and_north_korea_have_a_pact(cli):
    relations = cli("relations", "--kind", "defence_pact")["relations"]
    positive = [r for r in relations if not r["negated"]]
    pairs = [{r["source"]["country"], (r["target"] or {}).get("country")} for r in positive]
    assert {"RUS", "PRK"} in pairs
    assert not [p for p in pairs if p & {"CHN", "IRN"}]


def test_seeds_quotes_have_speakers_and_venues(cli):
    quotes = cli("quotes", "--limit", "500")["quotes"]
    assert any(q["venue"] and "New York Times" in q["venue"] for q in quotes)
    assert any(q["speaker_role"] for q in quotes)


def test_seeds_actors_listed_with_counts(cli):
    actors = cli("actors")["actors"]
    ids = {a["id"] for a in actors}
    assert {"CHN", "IRN", "RUS"} <= ids
