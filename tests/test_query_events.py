"""find_events: filters, actor arguments, evidence, and a fixed number of queries per page."""

from __future__ import annotations

import pytest
from sqlalchemy import event as sa_event

from dyad.errors import InputError, NotFound
from dyad.query import EventFilter, count_events, find_events, get_event, resolve_actor
from tests.test_query_store import query_store  # noqa: F401  (fixture)


def categories(store, **filters) -> list[str]:
    return sorted(e.category + ("!" if e.negated else "") for e in find_events(store, EventFilter(**filters)))


def test_query_events_source_by_id_name_alias_and_code(query_store):
    assert categories(query_store, source="CHN") == ["AID", "CONSULT"]  # a code covers Wang Yi (CHN/GOV)
    assert categories(query_store, source="China") == ["AID"]  # a name resolves to the actor id
    assert categories(query_store, source="Washington") == ["SANCTION", "THREATEN"]  # an alias
    assert categories(query_store, source="person:wang-yi") == ["CONSULT"]
    assert categories(query_store, source="zorbian front") == ["ASSAULT"]  # a stored, unresolved name


def test_query_events_target_and_either_side(query_store):
    assert categories(query_store, target="USA") == ["ACCUSE"]
    assert categories(query_store, actor="USA") == ["ACCUSE", "SANCTION", "THREATEN"]


def test_query_events_category_quad_and_modality(query_store):
    assert categories(query_store, category="aid, consult") == ["AID", "AID!", "CONSULT"]
    assert categories(query_store, quad="material_conflict") == ["ASSAULT", "SANCTION"]
    assert categories(query_store, modality="denied") == ["THREATEN"]


def test_query_events_negated_is_three_valued(query_store):
    assert categories(query_store, category="AID", negated=True) == ["AID!"]
    assert categories(query_store, category="AID", negated=False) == ["AID"]
    assert categories(query_store, category="AID") == ["AID", "AID!"]


def test_query_events_dates_compare_by_period_overlap(query_store):
    # SANCTION is dated "2024-04" (month precision): it overlaps any day of April.
    assert categories(query_store, date_from="2024-04-15") == ["SANCTION"]
    assert categories(query_store, date_from="2024-04", date_to="2024-04-01") == ["ACCUSE", "SANCTION"]
    assert categories(query_store, date_to="2024-03") == ["AID", "AID!", "ASSAULT", "CONSULT"]


def test_query_events_context_matches_one_of_the_listed_contexts(query_store):
    assert categories(query_store, context="technology") == ["AID"]
    assert categories(query_store, context="diplomatic") == ["CONSULT"]
    assert categories(query_store, context="military,diplomatic") == []  # every listed context must apply
    [aid] = find_events(query_store, EventFilter(context="military"))
    assert aid.context == ["military", "technology"]


def test_query_events_document_prefix(query_store):
    assert categories(query_store, document="d3") == ["AID"]


def test_query_events_newest_first_with_paging(query_store):
    first = find_events(query_store, limit=2)
    second = find_events(query_store, limit=2, offset=2)
    assert [e.date for e in first] == ["2024-04-02", "2024-04-01"]
    assert not {e.id for e in first} & {e.id for e in second}
    assert count_events(query_store) == 7


def test_query_events_evidence_carries_sentence_and_document(query_store):
    aid = find_events(query_store, EventFilter(source="CHN", category="AID"))[0]
    assert aid.item == "drones" and aid.reports == 2 and aid.quad == "material_cooperation" and aid.score == 7.4
    by_doc = {ev.document_id: ev for ev in aid.evidence}
    assert by_doc["d1"].sentence == "China agreed to supply drones to Iran."
    assert by_doc["d3"].outlet == "Example Times" and by_doc["d3"].url.endswith("/d3")
    assert aid.attributed_to is None  # the first report (d1) is the outlet's own
    assert [a.id for a in aid.source] == ["CHN"] and [a.id for a in aid.target] == ["IRN"]


def test_query_events_page_costs_a_fixed_number_of_queries(query_store):
    statements = []

    def count(*_args):
        statements.append(1)

    sa_event.listen(query_store.engine, "before_cursor_execute", count)
    try:
        find_events(query_store, limit=1)
        one = len(statements)
        statements.clear()
        find_events(query_store, limit=50)
        assert len(statements) == one  # not one query per event
    finally:
        sa_event.remove(query_store.engine, "before_cursor_execute", count)


def test_query_events_rejects_bad_filters(query_store):
    with pytest.raises(InputError):
        EventFilter(quad="friendly")
    with pytest.raises(InputError):
        EventFilter(modality="rumoured")
    with pytest.raises(InputError, match="PLOVER category"):
        EventFilter(category="AID,HUG")
    with pytest.raises(InputError, match="PLOVER context"):
        EventFilter(context="knitting")
    with pytest.raises(InputError):
        EventFilter(date_from="March 2024")
    with pytest.raises(InputError):
        EventFilter(date_from="2024-05", date_to="2024-04")
    with pytest.raises(InputError):
        find_events(query_store, limit=0)
    with pytest.raises(NotFound):
        find_events(query_store, EventFilter(source="Atlantis"))


def test_query_events_get_event_and_missing_id(query_store):
    first = find_events(query_store, limit=1)[0]
    assert get_event(query_store, first.id) == first
    with pytest.raises(NotFound):
        get_event(query_store, 10_000)


def test_query_events_resolve_actor_kinds(query_store):
    assert resolve_actor(query_store, "IRN").countries == ("IRN",)
    assert resolve_actor(query_store, "Tehran").ids == ("IRN",)
    assert resolve_actor(query_store, "the U.S.".removeprefix("the ")).ids == ("USA",)
    assert resolve_actor(query_store, "Zorbian Front").names == ("zorbian front",)


@pytest.mark.parametrize("window", [1, 2, 3, 100])
def test_query_events_recent_window_gives_the_same_page(query_store, monkeypatch, window):
    # Frequent actors are paged from a window of the newest events; the page must not change.
    import dyad.query.events as events_module

    cases = [({"actor": "IRN"}, 0), ({"actor": "IRN"}, 1), ({"target": "Iran", "negated": False}, 0),
             ({"source": "USA"}, 0)]
    before = [[e.id for e in find_events(query_store, EventFilter(**f), limit=2, offset=o)] for f, o in cases]
    monkeypatch.setattr(events_module, "WINDOW", window)
    after = [[e.id for e in find_events(query_store, EventFilter(**f), limit=2, offset=o)] for f, o in cases]
    assert after == before


def test_query_events_window_matches_the_full_query_when_it_answers(query_store, monkeypatch):
    import dyad.query.events as events_module

    answered = 0
    for window in (1, 2, 3, 4, 5):
        monkeypatch.setattr(events_module, "WINDOW", window)
        for filt in (EventFilter(actor="IRN"), EventFilter(target="IRN", negated=False), EventFilter(source="USA")):
            with query_store.engine.connect() as conn:
                got = events_module._windowed_ids(conn, filt, 2)
                full = events_module._ordered_ids(conn, filt, None, 0)[:2]
            if got is not None:
                answered += 1
                assert got == full
    assert answered >= 3


def test_query_events_min_confidence_keeps_the_surer_events(query_store):
    everything = find_events(query_store, EventFilter())
    sure = find_events(query_store, EventFilter(min_confidence=0.7))
    assert sure and len(sure) < len(everything)
    assert all(e.confidence is not None and e.confidence >= 0.7 for e in sure)
    assert count_events(query_store, EventFilter(min_confidence=0.7)) == len(sure)
    assert find_events(query_store, EventFilter(actor="CHN", min_confidence=0.7)) == \
        [e for e in sure if "CHN" in {a.country for a in e.source + e.target}]
    with pytest.raises(InputError):
        EventFilter(min_confidence=1.5)
