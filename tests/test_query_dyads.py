"""dyad_timeline: monthly quad counts and scores per direction; negated/denied events apart."""

from __future__ import annotations

import pytest

from dyad.errors import InputError
from dyad.models import Analysis
from dyad.query import dyad_timeline
from dyad.query.dyads import month_of
from dyad.store import Store
from tests.test_query_store import IRAN, USA, doc, event, quad_score, query_store, sentences_of  # noqa: F401


def test_query_dyads_counts_both_directions_per_month(query_store):
    dyad = dyad_timeline(query_store, "USA", "Iran")
    (forward,), (backward,) = dyad.a_to_b, dyad.b_to_a
    assert (forward.month, forward.counts.material_conflict, forward.score) == ("2024-04", 1, -5.6)
    assert (backward.month, backward.counts.verbal_conflict, backward.score) == ("2024-04", 1, -2.0)
    assert [e.category for e in forward.events] == ["SANCTION"]
    assert [a.id for a in dyad.a_actors] == ["USA"] and [a.id for a in dyad.b_actors] == ["IRN"]


def test_query_dyads_keeps_negated_and_denied_out_of_counts(query_store):
    usa = dyad_timeline(query_store, "USA", "IRN")
    assert [e.category for e in usa.excluded] == ["THREATEN"] and usa.n_excluded == 1
    assert sum(m.counts.total for m in usa.a_to_b) == 1  # the denied threat is not counted
    russia = dyad_timeline(query_store, "Russia", "Iran")
    assert russia.a_to_b == [] and [e.negated for e in russia.excluded] == [True]


def test_query_dyads_aggregates_several_months_and_caps_events(tmp_path):
    text = "Washington sanctioned Tehran. Washington met Tehran. Washington met Tehran again. Washington blamed Tehran."
    s = sentences_of(text)
    events = (event(s, 0, "SANCTION", [USA], [IRAN], date="2023-11-03", date_precision="day"),
              event(s, 1, "CONSULT", [USA], [IRAN], date="2023-12-01", date_precision="day"),
              event(s, 2, "CONSULT", [USA], [IRAN], date="2023-12-20", date_precision="day"),
              event(s, 3, "ACCUSE", [USA], [IRAN], date="2023", date_precision="year"))
    with Store(str(tmp_path / "d.db")) as store:
        store.add_document(doc("m1", text, "2024-01-02", "Sample Wire"), Analysis(sentences=s, events=events),
                           quad_score=quad_score)
        dyad = dyad_timeline(store, "USA", "IRN", events_per_month=1)
        spring = dyad_timeline(store, "USA", "IRN", date_from="2023-12")
    months = {m.month: m for m in dyad.a_to_b}
    assert list(months) == ["2023", "2023-11", "2023-12"]
    assert months["2023-12"].counts.verbal_cooperation == 2 and months["2023-12"].score == pytest.approx(4.2)
    assert months["2023"].counts.verbal_conflict == 1
    assert len(months["2023-12"].events) == 1 and months["2023-12"].n_events == 2
    assert [m.month for m in spring.a_to_b] == ["2023", "2023-12"]  # the year overlaps December


def test_query_dyads_rejects_one_actor_twice(query_store):
    with pytest.raises(InputError):
        dyad_timeline(query_store, "IRN", "Iran")


def test_query_dyads_month_keys():
    assert [month_of(d) for d in ("2024-03-08", "2024-03", "2024", None)] == ["2024-03", "2024-03", "2024", "undated"]
