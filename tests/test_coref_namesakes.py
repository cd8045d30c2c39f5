"""dyad.nlp.coref_names and dyad.nlp.coref: a bare surname is the person the article named in
full, not a registry namesake; a name the registry does not know is still a person that "he"
or "him" can refer to. Sentences written for these tests; whole pipeline, real registry."""

from __future__ import annotations

import pytest

from dyad.eval.plover_gsr_cameo import run_docs

pytestmark = pytest.mark.slow


def _mention_at(text: str, word: str, nth: int = -1):
    doc = run_docs([text])[0]
    hits = [m for m in doc._.mentions or [] if m.span.text == word and m.actor is not None]
    assert hits, f"no mention {word!r} in {text!r}"
    return hits[nth].actor


@pytest.mark.parametrize(("text", "surname", "full"), [
    ("Local councillor Peter Putin opposed the plan on Monday. Putin said the vote was rigged.",
     "Putin", "Peter Putin"),
    ("Hotel owner Linda Trump spoke to reporters in Leeds. Trump said the council had failed.", "Trump", "Linda Trump"),
    ("Teacher Anna Macron joined the strike in Lyon. Macron said pay was too low.", "Macron", "Anna Macron"),
])
def test_coref_surname_is_the_article_own_full_name(text, surname, full):
    actor = _mention_at(text, surname)
    assert full in actor.name
    assert not (actor.id or "").startswith("person:")


@pytest.mark.parametrize(("text", "surname", "registry_id"), [
    ("Russian President Vladimir Putin met reporters. Putin said the talks went well.",
     "Putin", "person:vladimir-putin"),
    ("Vladimir Putin spoke on Monday. Local councillor Peter Putin and Putin were both there.",
     "Putin", "person:vladimir-putin"),
])
def test_coref_surname_keeps_the_registry_person_named_in_full(text, surname, registry_id):
    assert _mention_at(text, surname).id == registry_id


def test_coref_two_full_names_with_one_surname_leave_it_alone():
    text = "Mary Johnson and Tom Johnson ran the farm. Johnson said prices fell."
    doc = run_docs([text])[0]
    names = {m.actor.name for m in doc._.mentions or [] if m.span.text == "Johnson" and m.actor is not None}
    assert not any("Mary" in n or "Tom" in n for n in names)


def test_coref_unregistered_person_is_the_antecedent_of_him():
    doc = run_docs(["Kwame Mensah is held in Accra, but Ghanaian prosecutors filed new charges against him."])[0]
    him = [m for m in doc._.mentions or [] if m.span.text == "him" and m.via == "coref"]
    assert him and him[0].actor.name == "Kwame Mensah"
    events = [e for e in doc._.events or [] if e.category == "ACCUSE"]
    assert events and any(a.name == "Kwame Mensah" for a in events[0].target)


def test_coref_person_noun_mention_is_a_rival_of_a_named_person():
    doc = run_docs(["Councillor Ruth Adeyemi met a police officer. He left early."])[0]
    assert not [m for m in doc._.mentions or [] if m.span.text == "He" and m.via == "coref"]
