"""find_relations (statements + supporting events → ties; negation kept apart) and find_quotes."""

from __future__ import annotations

import pytest

from dyad.errors import InputError
from dyad.models import ActorRef, Analysis, Statement
from dyad.query import find_quotes, find_relations
from dyad.store import Store
from tests.test_query_store import IRAN, RUSSIA, doc, event, query_store, sentences_of  # noqa: F401

BELARUS = ActorRef("BLR", "Belarus", "BLR", None)
CSTO = ActorRef("org:csto", "Collective Security Treaty Organization", "IGO", "IGO")


def ties(store, **kw) -> dict:
    return {(r.kind, r.source.id, r.target.id if r.target else None, r.negated): r
            for r in find_relations(store, **kw)}


def test_query_relations_keeps_negated_ties_apart(query_store):
    found = ties(query_store, kind="defence_pact")
    assert set(found) == {("defence_pact", "IRN", "RUS", False), ("defence_pact", "RUS", "IRN", True)}
    denied = found[("defence_pact", "RUS", "IRN", True)]
    assert denied.attributed_to == ["a spokesman"]
    assert denied.evidence[0].sentence.startswith("Moscow has no defence pact")


def test_query_relations_from_supply_events(query_store):
    found = ties(query_store, kind="supplier_of")
    china = found[("supplier_of", "CHN", "IRN", False)]
    assert china.items == ["drones"] and china.n_events == 1 and len(china.evidence) == 2
    assert ("supplier_of", "RUS", "IRN", True) in found  # "stopped short of providing" is no supply tie
    assert ("supplier_of", "RUS", "IRN", False) not in found


def test_query_relations_actor_and_negated_filters(query_store):
    assert {r.kind for r in find_relations(query_store, actor="China")} == {"supplier_of"}
    assert all(r.negated for r in find_relations(query_store, negated=True))
    assert find_relations(query_store, kind="member_of") == []


def test_query_relations_merge_repeated_and_symmetric_statements(tmp_path):
    text = "Belarus and Russia renewed their defence pact. Russia and Belarus hold a pact. Belarus is a CSTO member."
    s = sentences_of(text)
    analysis = Analysis(sentences=s, statements=(
        Statement("defence_pact", BELARUS, RUSSIA, 0, s[0].start, s[0].end, date="2023-05-01"),
        Statement("defence_pact", RUSSIA, BELARUS, 1, s[1].start, s[1].end, date="2024-02-01"),
        Statement("member_of", BELARUS, CSTO, 2, s[2].start, s[2].end, amount=None),
    ))
    with Store(str(tmp_path / "r.db")) as store:
        store.add_document(doc("r1", text, "2024-02-03", "Sample Wire"), analysis)
        found = ties(store)
    pact = found[("defence_pact", "BLR", "RUS", False)]
    assert (pact.n_statements, pact.first_seen, pact.last_seen) == (2, "2023-05-01", "2024-02-01")
    assert ("member_of", "BLR", "org:csto", False) in found
    assert list(found)[0][0] == "defence_pact"  # the best-supported tie first


def test_query_quotes_by_speaker_text_and_document(query_store):
    assert [q.kind for q in find_quotes(query_store, speaker="person:wang-yi")] == ["direct"]
    assert [q.venue for q in find_quotes(query_store, q="deepen COOPERATION")] == ["reporters"]
    assert find_quotes(query_store, q="100%") == []  # a literal percent sign, not a wildcard
    assert find_quotes(query_store, document="d1") == []
    quote = find_quotes(query_store, document="d3")[0]
    assert quote.evidence.sentence.startswith('"We will deepen') and quote.cue == "told"
    assert find_quotes(query_store, speaker="Iran") == []
    with pytest.raises(InputError):
        find_quotes(query_store, limit=0)


def test_query_relations_same_ties_when_actor_is_probed(query_store, monkeypatch):
    # A frequent actor is probed per supply event instead of collected first; the ties must not change.
    import dyad.query.events as events_module

    before = find_relations(query_store, actor="IRN")
    monkeypatch.setattr(events_module, "DENSE", 1)
    assert find_relations(query_store, actor="IRN") == before


def test_query_relations_of_an_actor_leave_out_its_co_actors_ties(tmp_path):
    text = "Belarus and Russia sent no weapons to Iran."
    s = sentences_of(text)
    aid = event(s, 0, "AID", [BELARUS, RUSSIA], [IRAN], item="weapons", negated=True)
    with Store(str(tmp_path / "c.db")) as store:
        store.add_document(doc("c1", text, "2024-05-01", "Sample Wire"), Analysis(sentences=s, events=(aid,)))
        mine = [(r.source.id, r.target.id, r.negated) for r in find_relations(store, actor="BLR")]
        everyone = {r.source.id for r in find_relations(store)}
    assert mine == [("BLR", "IRN", True)] and everyone == {"BLR", "RUS"}
