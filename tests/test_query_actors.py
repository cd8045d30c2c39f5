"""list_actors and actor_profile on the hand-built store."""

from __future__ import annotations

import pytest

from dyad.errors import InputError, NotFound
from dyad.ontology.actors import Actor, Alias, Role
from dyad.query import actor_profile, list_actors
from tests.test_query_store import query_store  # noqa: F401  (fixture)


class FakeRegistry:
    """Stands in for the actor registry: only ``get`` is used by profiles."""

    def __init__(self, *actors: Actor):
        self.actors = {a.id: a for a in actors}

    def get(self, actor_id: str):
        return self.actors.get(actor_id)


def test_query_actors_lists_seen_actors_with_counts(query_store):
    found = list_actors(query_store)
    by_id = {a.id: a for a in found.actors}
    assert by_id["IRN"].events == 6 and by_id["IRN"].mentions == 1
    assert by_id["USA"].events == 3 and by_id["USA"].kind == "state"
    assert found.actors[0].id == "IRN"  # most active first


def test_query_actors_offers_unresolved_names(query_store):
    unresolved = list_actors(query_store).unresolved
    assert [(u.text, u.label, u.mentions) for u in unresolved] == [("Zorbian Front", "ORG", 2)]


def test_query_actors_filters(query_store):
    assert [a.id for a in list_actors(query_store, kind="person").actors] == ["person:wang-yi"]
    assert {a.id for a in list_actors(query_store, country="chn").actors} == {"CHN", "person:wang-yi"}
    assert [a.id for a in list_actors(query_store, q="united").actors] == ["USA"]
    with pytest.raises(InputError):
        list_actors(query_store, limit=0)


def test_query_actors_profile_partners_and_adversaries(query_store):
    profile = actor_profile(query_store, "Iran", registry=FakeRegistry())
    assert (profile.id, profile.kind, profile.events) == ("IRN", "state", 6)
    assert "Tehran" in profile.aliases
    assert [(c.actor.id, c.events, c.material) for c in profile.partners] == [("CHN", 1, 1)]
    # The denied threat does not count; the negated Russian aid makes Russia no partner.
    adversaries = {(c.actor.id or c.actor.name): (c.verbal, c.material) for c in profile.adversaries}
    assert adversaries == {"USA": (1, 1), "Zorbian Front": (0, 1)}
    assert "RUS" not in {c.actor.id for c in profile.partners}


def test_query_actors_profile_of_a_country_code_excludes_its_own_agents(query_store):
    profile = actor_profile(query_store, "CHN", registry=FakeRegistry())
    assert profile.events == 2  # China's AID and Wang Yi's (CHN/GOV) CONSULT
    assert {c.actor.id for c in profile.partners} == {"IRN", "IRN.GOV"}


def test_query_actors_profile_roles_quotes_and_relations(query_store):
    wang = Actor(id="person:wang-yi", name="Wang Yi", kind="person", country="CHN", sector="GOV",
                 aliases=(Alias("Wang Yi"),), roles=(Role("foreign_minister", "CHN", "GOV", "2013-03", None),))
    profile = actor_profile(query_store, "Wang Yi", registry=FakeRegistry(wang))
    assert [(r.office, r.start, r.end) for r in profile.roles] == [("foreign_minister", "2013-03", None)]
    assert [q.text for q in profile.quotes] == ["We will deepen cooperation with Iran,"]
    assert profile.quotes[0].speaker_text == "Wang Yi"
    iran = actor_profile(query_store, "IRN", registry=FakeRegistry())
    assert {(r.kind, r.negated) for r in iran.relations} >= {("defence_pact", False), ("defence_pact", True)}
    assert iran.recent_events[0].date == "2024-04-02"


def test_query_actors_profile_unknown_actor(query_store):
    with pytest.raises(NotFound):
        actor_profile(query_store, "Atlantis", registry=FakeRegistry())
    with pytest.raises(InputError):
        actor_profile(query_store, "  ")


def test_query_actors_profile_counts_partners_over_the_latest_events(query_store, monkeypatch):
    import dyad.query.actors as actors_module

    monkeypatch.setattr(actors_module, "COUNTERPART_WINDOW", 2)
    profile = actor_profile(query_store, "IRN", registry=FakeRegistry())
    # Iran's two newest events: the denied threat (not counted) and its accusation of the United States.
    assert profile.counterpart_events == 2 and profile.partners == []
    assert [(c.actor.id, c.verbal) for c in profile.adversaries] == [("USA", 1)]
    assert len(profile.recent_events) == 7  # not cut by the partner window (IRN covers IRN.GOV too)
