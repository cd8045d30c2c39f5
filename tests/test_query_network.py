"""network_graph + writers (read back with networkx), export_events (read back with pyarrow), search."""

from __future__ import annotations

import csv
import json

import networkx as nx
import pyarrow.parquet as pq
import pytest

from dyad.errors import InputError
from dyad.query import EventFilter, export_events, network_graph, search_sentences, write_network
from tests.test_query_store import query_store  # noqa: F401  (fixture)


def test_query_network_draws_only_events_that_happened(query_store):
    graph = network_graph(query_store)
    assert isinstance(graph, nx.MultiDiGraph)
    edges = {(s, t, d["category"]) for s, t, d in graph.edges(data=True)}
    assert ("CHN", "IRN", "AID") in edges and ("text:zorbian front", "IRN", "ASSAULT") in edges
    assert not any(c in {"THREATEN"} or s == "RUS" for s, _, c in edges)  # denied threat, negated aid
    assert graph.nodes["CHN"]["kind"] == "state" and graph.nodes["text:zorbian front"]["label"] == "Zorbian Front"
    everything = network_graph(query_store, include_negated=True)
    assert everything.number_of_edges() == 7


def test_query_network_filter(query_store):
    graph = network_graph(query_store, EventFilter(quad="verbal_cooperation"))
    assert [(s, t) for s, t in graph.edges()] == [("person:wang-yi", "IRN.GOV")]


@pytest.mark.parametrize("fmt", ["gexf", "graphml", "json"])
def test_query_network_files_read_back(query_store, tmp_path, fmt):
    graph = network_graph(query_store)
    path = tmp_path / f"net.{fmt}"
    write_network(graph, path, fmt)
    if fmt == "gexf":
        back = nx.read_gexf(path)
    elif fmt == "graphml":
        back = nx.read_graphml(path)
    else:
        back = nx.node_link_graph(json.loads(path.read_text()), edges="edges")
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()


def test_query_network_bad_format(query_store, tmp_path):
    with pytest.raises(InputError):
        write_network(network_graph(query_store), tmp_path / "x.dot", "dot")
    with pytest.raises(InputError):
        write_network(network_graph(query_store), tmp_path / "missing" / "x.gexf", "gexf")


def test_query_export_plover_csv_and_parquet(query_store, tmp_path):
    n = export_events(query_store, None, "csv", "plover", tmp_path / "e.csv")
    rows = list(csv.DictReader((tmp_path / "e.csv").open()))
    assert n == len(rows) == 7
    negated = [r for r in rows if r["negated"] == "True"]
    assert [(r["event_type"], r["source_actor_id"]) for r in negated] == [("AID", "RUS")]
    export_events(query_store, EventFilter(category="AID"), "parquet", "plover", tmp_path / "e.parquet")
    table = pq.read_table(tmp_path / "e.parquet").to_pylist()
    assert {r["event_type"] for r in table} == {"AID"} and {r["negated"] for r in table} == {True, False}
    china = next(r for r in table if r["source_actor_id"] == "CHN")
    assert china["document_ids"] == "d1;d3" and china["num_reports"] == 2


def test_query_export_cameo_columns(query_store, tmp_path):
    n = export_events(query_store, None, "parquet", "cameo", tmp_path / "g.parquet")
    table = pq.read_table(tmp_path / "g.parquet")
    assert n == table.num_rows == 5  # negated and denied events have no place in a GDELT-like table
    rows = {r["GLOBALEVENTID"]: r for r in table.to_pylist()}
    consult = next(r for r in rows.values() if r["PloverCategory"] == "CONSULT")
    assert (consult["Actor1Code"], consult["Actor1CountryCode"], consult["Actor2Code"]) == ("CHNGOV", "CHN", "IRNGOV")
    assert consult["QuadClass"] == 1 and consult["EventRootCode"] == "04" and consult["SQLDATE"] == 20240310
    assert consult["SOURCEURL"] == "https://example.org/d1"
    sanction = next(r for r in rows.values() if r["PloverCategory"] == "SANCTION")
    assert (sanction["QuadClass"], sanction["GoldsteinScale"], sanction["DatePrecision"]) == (4, -5.6, "month")


def test_query_export_rejects_unknown_style_and_format(query_store, tmp_path):
    with pytest.raises(InputError):
        export_events(query_store, None, "xlsx", "plover", tmp_path / "e.xlsx")
    with pytest.raises(InputError):
        export_events(query_store, None, "csv", "icews", tmp_path / "e.csv")


def test_query_search_returns_sentences_with_documents(query_store):
    hits = search_sentences(query_store, "drones", limit=5)
    assert {h.document_id for h in hits} == {"d1", "d3"}
    assert all("drones" in h.sentence for h in hits) and hits[0].score >= hits[-1].score
    assert hits[0].title.startswith("Title") and hits[0].outlet == "Example Times"
    assert search_sentences(query_store, "penguins") == []
    with pytest.raises(InputError):
        search_sentences(query_store, "   ")
