"""Who is source and who is target, through the real pipeline (registry, coreference, events),
on sentences written for these tests. Each test states one general rule."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():
    from dyad.nlp.pipeline import build_pipeline

    return build_pipeline(components=("dyad_actors", "dyad_coref", "dyad_timex", "dyad_quotes", "dyad_events"))


def _run(nlp, text: str, date: str | None = None):
    doc = nlp.make_doc(text)
    doc._.doc_date = date
    for _name, component in nlp.pipeline:
        doc = component(doc)
    return doc


def _event(nlp, text: str, date: str | None = None):
    events = [e for e in _run(nlp, text, date)._.events if not e.negated]
    assert events, f"no event in {text!r}"
    return events[0]


def _codes(actors) -> set[str]:
    return {a.country for a in actors if a.country}


@pytest.mark.parametrize("text,sources", [
    ("U.S. and Russian negotiators met in Geneva on Monday.", {"USA", "RUS"}),
    ("French and German troops attacked the rebel camp.", {"FRA", "DEU"}),
    ("Chinese and Japanese diplomats held talks in Hanoi.", {"CHN", "JPN"}),
])
def test_event_actors_coordinated_modifiers_give_one_actor_each(nlp, text, sources):
    assert _codes(_event(nlp, text).source) == sources


def test_event_actors_a_set_named_by_coreference_gives_all_its_members(nlp):
    doc = _run(nlp, "Ghana and Togo signed a border treaty. The two countries agreed to open the crossing.")
    agree = [e for e in doc._.events if e.sentence == 1]
    assert agree and _codes(agree[0].source) == {"GHA", "TGO"}


@pytest.mark.parametrize("text,named", [
    ("Norway said on Friday it had suspended aid to Mali.", "Norway"),
    ("The Kenyan army says it has killed several militants near the border.", "The Kenyan army"),
])
def test_event_actors_pronoun_source_stands_for_the_name_in_its_sentence(nlp, text, named):
    event = _event(nlp, text)
    assert [a.text for a in event.source] == [named]


@pytest.mark.parametrize("text,source,target", [
    ("The Bush administration said that Cuba must release the prisoners.", "USA", "CUB"),
    ("The Clinton administration demanded that Iraq admit the inspectors.", "USA", "IRQ"),
])
def test_event_actors_government_named_after_its_leader(nlp, text, source, target):
    event = _event(nlp, text, date="1999-01-01")
    assert _codes(event.source) == {source} and _codes(event.target) == {target}


@pytest.mark.parametrize("text,target", [
    ("An anti-Syria journalist was killed by a car bomb in Beirut.", "LBN"),
    ("Gunmen shot an anti-Iran cleric in Baghdad.", "IRQ"),
])
def test_event_actors_stance_names_no_country(nlp, text, target):
    event = _event(nlp, text)
    assert "SYR" not in _codes(event.target) and "IRN" not in _codes(event.target)


@pytest.mark.parametrize("text,target", [
    ("Israeli jets bombed targets in South Lebanon.", "LBN"),
    ("Turkish troops shelled villages in northern Iraq.", "IRQ"),
])
def test_event_actors_compass_part_of_a_state_is_that_state(nlp, text, target):
    assert _codes(_event(nlp, text).target) == {target}


def test_event_actors_small_town_the_ner_calls_a_place(nlp):
    event = _event(nlp, "Syrian gunners fired rockets at positions in Baalbek.")
    assert _codes(event.target) == {"LBN"}


@pytest.mark.parametrize("text,target", [
    ("Militias attacked the Kurdish population of the province in Syria.", "SYR"),
    ("Police beat members of the Chinese community in Jakarta.", "IDN"),
])
def test_event_actors_ethnic_community_is_coded_where_it_lives(nlp, text, target):
    assert _codes(_event(nlp, text).target) == {target}


def test_event_actors_office_belongs_to_the_body_not_its_description(nlp):
    event = _event(nlp, "Canadian troops killed Abu Kamal, the commander of the Taliban in Helmand, "
                        "a militia based in Afghanistan.")
    assert "CAN" not in _codes(event.target)


@pytest.mark.parametrize("text,source,target", [
    ("General Ahmadi was developing plans to attack Iraqi bases in the north.", "", "IRQ"),
    ("Russia announced a decision to withdraw its troops from Syria.", "RUS", "SYR"),
])
def test_event_actors_a_planned_act_is_the_planners(nlp, text, source, target):
    event = _event(nlp, text)
    assert target in _codes(event.target)
    assert event.source, "the planner is the source"
    if source:
        assert _codes(event.source) == {source}


@pytest.mark.parametrize("text,target", [
    ("China demanded that Japan stop supporting Taiwan.", {"JPN"}),
    ("Greece demanded that its European Union partners refuse to recognize Kosovo.", {"IGO", "EUR"}),
])
def test_event_actors_the_one_asked_is_the_target_not_the_object_of_the_asked_act(nlp, text, target):
    codes = _codes(_event(nlp, text).target)
    assert codes and codes <= target


@pytest.mark.parametrize("text,source,target", [
    ("The withdrawal of Israeli troops from Gaza began on Monday.", "ISR", "PSE"),
    ("The deployment of Turkish forces in Libya started last week.", "TUR", None),
])
def test_event_actors_forces_that_move_are_the_source_of_a_movement_noun(nlp, text, source, target):
    event = _event(nlp, text)
    assert _codes(event.source) == {source}
    if target:
        assert _codes(event.target) == {target}


def test_event_actors_modifier_without_country_takes_where_it_is_from(nlp):
    event = _event(nlp, "Lebanese police arrested a Buddhist monk from Toronto.")
    assert _codes(event.target) == {"CAN"}


@pytest.mark.parametrize("text,words", [
    ("The Government of Peru expelled the Bolivian ambassador.", "The Government of Peru"),
    ("A Catholic priest from Vancouver was detained by Syrian police.", "A Catholic priest from Vancouver"),
    ("The Nigeria Labour Congress (NLC) called on the government to raise wages.", "The Nigeria Labour Congress (NLC)"),
])
def test_event_actors_actor_words_are_the_whole_phrase(nlp, text, words):
    event = _event(nlp, text)
    assert words in [a.text for a in event.source + event.target]


def test_event_actors_an_attacked_thing_is_coded_by_its_place(nlp):
    event = _event(nlp, "Rebels stormed a police station in northern Mali on Sunday.")
    assert [(a.country, a.text) for a in event.target] == [("MLI", "a police station in northern Mali")]


@pytest.mark.parametrize("text", ["Israeli jets bombed Russian-made missiles in Syria.",
                                  "Rebels fired Iranian-made rockets at the town."])
def test_event_actors_maker_of_a_weapon_is_no_party(nlp, text):
    event = _event(nlp, text)
    assert not {"RUS", "IRN"} & (_codes(event.source) | _codes(event.target))
