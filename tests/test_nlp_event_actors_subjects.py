"""dyad.nlp.event_actors: whose act it is when the subject is not a child of the event word."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from dyad.eval.plover_gsr_cameo import countries, run_docs
from dyad.models import ActorRef
from dyad.nlp.event_actors import mention_index, subject_of
from dyad.nlp.types import MentionSpan, register_extensions

register_extensions()


def _parsed(words: list[str], heads: list[int], deps: list[str], actors: dict[int, str]) -> Doc:
    """A hand-built parse (heads as absolute indices) with one state mention per given token."""
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    doc._.mentions = [MentionSpan(doc[i:i + 1], ActorRef(id=code, name=words[i], country=code), "registry")
                      for i, code in actors.items()]
    return doc


@pytest.mark.parametrize(("words", "heads", "deps", "actors", "verb", "state"), [
    # the parser hangs the subject on an auxiliary: "The US has been encouraging allies ..."
    (["The", "US", "has", "been", "encouraging", "allies"], [1, 3, 3, 4, 4, 4],
     ["det", "nsubj", "aux", "aux", "ROOT", "dobj"], {1: "USA"}, 4, "USA"),
    (["Japan", "had", "been", "pressing", "China"], [2, 2, 3, 3, 3],
     ["nsubj", "aux", "aux", "ROOT", "dobj"], {0: "JPN", 4: "CHN"}, 3, "JPN"),
    (["France", "has", "been", "asking", "Mali"], [1, 3, 3, 3, 3],
     ["nsubj", "aux", "aux", "ROOT", "dobj"], {0: "FRA", 4: "MLI"}, 3, "FRA"),
])
def test_event_actors_subject_hung_on_an_auxiliary_is_the_verb_subject(words, heads, deps, actors, verb, state):
    doc = _parsed(words, heads, deps, actors)
    found, _ = subject_of(doc[verb], mention_index(doc._.mentions))
    assert [a.country for a in found] == [state]


def test_event_actors_verb_own_subject_wins_over_an_auxiliary_one():
    doc = _parsed(["Japan", "has", "Peru", "asking", "Chile"], [1, 3, 3, 3, 3],
                  ["nsubj", "aux", "nsubj", "ROOT", "dobj"], {0: "JPN", 2: "PER", 4: "CHL"})
    found, _ = subject_of(doc[3], mention_index(doc._.mentions))
    assert [a.country for a in found] == ["PER"]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "category", "source", "target"), [
    ("Germany sent a letter demanding that Russia release the journalist.", "REQUEST", "DEU", "RUS"),
    ("The Iranian foreign ministry issued a statement condemning Israel.", "ACCUSE", "IRN", "ISR"),
    ("Brazil published a report accusing Venezuela of election fraud.", "ACCUSE", "BRA", "VEN"),
])
def test_event_actors_what_a_sent_text_does_is_its_sender_act(text, category, source, target):
    doc = run_docs([text])[0]
    event = next(e for e in doc._.events if e.category == category)
    assert countries(event.source) == {source} and countries(event.target) == {target}


@pytest.mark.slow
@pytest.mark.parametrize(("text", "source", "target"), [
    ("North and South Korea exchanged artillery fire yesterday.", "KOR", "PRK"),
    ("Armenia and Azerbaijan exchanged fire along the border.", "ARM", "AZE"),
    ("Indian and Pakistani troops clashed in Kashmir.", "IND", "PAK"),
])
def test_event_actors_parties_named_together_in_a_mutual_act_face_each_other(text, source, target):
    event = next(e for e in run_docs([text])[0]._.events if e.category == "ASSAULT")
    assert countries(event.source) == {source} and countries(event.target) == {target}


@pytest.mark.slow
def test_event_actors_mutual_act_with_a_named_partner_keeps_its_subject():
    event = next(e for e in run_docs(["Israel clashed with Hezbollah."])[0]._.events if e.category == "ASSAULT")
    assert countries(event.source) == {"ISR"} and countries(event.target) == {"LBN"}


@pytest.mark.slow
@pytest.mark.parametrize(("text", "states"), [
    ("North and South Korea exchanged artillery fire yesterday.", {"KOR", "PRK"}),
    ("North and South Sudan signed a border deal.", {"SDN", "SSD"}),
    ("U.S. and Russian negotiators met in Geneva.", {"USA", "RUS"}),
])
def test_event_actors_coordinated_names_sharing_a_head_are_each_a_state(text, states):
    doc = run_docs([text])[0]
    assert {m.actor.country for m in doc._.mentions if m.span.start == 0} == states


def _sides(text: str, category: str) -> list[tuple[set[str], set[str]]]:
    return [(countries(e.source), countries(e.target)) for e in run_docs([text])[0]._.events or []
            if e.category == category]


@pytest.mark.parametrize(("text", "category", "source", "target"), [
    # a relative pronoun as subject stands for the noun the clause follows
    ("The US sanctioned Chinese firms that supplied drones to Russia.", "AID", {"CHN"}, {"RUS"}),
    ("Chinese companies, which sold surveillance cameras to Iran, were blacklisted.", "COOPERATE", {"CHN"}, {"IRN"}),
    # as object, it is the target; what a supplier supplies is its item, never its recipient
    ("Students who were arrested by Iranian police in Tehran were released on bail.", "COERCE", {"IRN"}, {"IRN"}),
    ("The drones that Iran sold to Russia were used in Ukraine.", "COOPERATE", {"IRN"}, {"RUS"}),
])
def test_subjects_a_relative_pronoun_is_the_noun_it_follows(text, category, source, target):
    assert (source, target) in _sides(text, category)


@pytest.mark.parametrize(("text", "category", "parties"), [
    # parties who meet or sign "in" a capital meet there: the capital is no third party
    ("The Armenian and Azerbaijani leaders met in Prague on Thursday.", "CONSULT", {"ARM", "AZE"}),
    ("Iranian and Saudi delegations held talks in Baghdad.", "CONSULT", {"IRN", "SAU"}),
    ("Russia and Belarus signed a security treaty in Minsk.", "SUPPORT", {"RUS", "BLR"}),
])
def test_targets_a_meeting_place_is_no_party(text, category, parties):
    # two parties signing sign with each other: one event each way
    found = _sides(text, category)
    assert found and all(source | target == parties for source, target in found)


def test_targets_a_lone_visitor_still_meets_the_host():
    assert ({"TUR"}, {"RUS"}) in _sides("Erdogan held talks in Moscow on Friday.", "CONSULT")


def test_targets_the_event_noun_is_not_its_own_target():
    (event,) = [e for e in run_docs(["Russian forces launched a massive drone attack on Odesa."])[0]._.events]
    assert [a.text for a in event.target] == ["Odesa"]


@pytest.mark.parametrize(("text", "target"), [
    # a request's target is who is asked, not whom or where the asked act concerns
    ("The UN chief appealed to Egypt to let more aid trucks into Gaza.", {"EGY"}),
    ("Washington asked Turkey and Qatar to press Hamas to release the hostages.", {"TUR", "QAT"}),
    ("Seoul was asked by Washington to stop shell exports to Ukraine.", {"KOR"}),
    ("Iran called on the UN to condemn Israel.", {"IGO"}),
])
def test_targets_a_request_targets_who_is_asked(text, target):
    assert any(t == target for _, t in _sides(text, "REQUEST")), _sides(text, "REQUEST")


def test_targets_a_threat_is_never_against_the_threatener():
    sides = _sides("Iran warned that Tehran would strike back against any aggression by Israel.", "THREATEN")
    assert sides and all("IRN" not in targets for _, targets in sides)
