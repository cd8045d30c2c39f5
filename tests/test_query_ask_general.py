"""`dyad ask` mechanisms that carry over to questions nobody wrote rules for: a contrary verb
answers a yes/no question, the document title names who a sentence is about, "how many
people" counts visitors and protesters (ranges whole), an undated document qualifies for a
year it names, and "X-based" says where a party is based, not who it is.

Documents and sentences are written for these tests; embeddings are off (BM25 ranks).
"""

from __future__ import annotations

import re

import pytest

from dyad.models import Analysis, Document, Mention, Sentence
from dyad.query.answer_extract import stem
from dyad.query.ask import answer
from dyad.settings import Settings
from dyad.store import Store

SETTINGS = Settings(embeddings=False)

DOCS = (
    ("Chile's president keeps cabinet after scandal", "2021-03-04",
     "Yesterday, Chilean President Sebastián Piñera declined Interior Minister Víctor Pérez's offer to resign.\n"
     "The minister had offered to step down after a leaked recording."),
    ("Japan announces new limits on fishing near Korea", "2019-06-01",
     "The new rules, which are to take effect on July 15, cap the catch of every trawler.\n"
     "Fishing crews protested in several ports."),
    ("Peruvian opposition holds rally in Lima", "2020-08-01",
     "Around 12,000 to 40,000 supporters attended the rally, according to the police and the organisers.\n"
     "Speakers called for early elections."),
    ("Ghana vote result announced", None,
     "The election was held on December 7, 2020.\n"
     "The ruling party's candidate, Kofi Mensah, was elected president with 51.6% of the vote."),
    ("Activist flown to Vienna for treatment", "2020-09-01",
     "Peace Now Relief, a Vienna-based charity, paid for the flight of the activist.\n"
     "Doctors in Vienna said his condition was stable."),
)


NAMES = {"Kofi Mensah": "PERSON", "Peace Now Relief": "ORG"}  # what the NER would find; not in the registry


def _sentences(text: str) -> tuple[Sentence, ...]:
    return tuple(Sentence(i, m.start(), m.end(), m.group()) for i, m in enumerate(re.finditer(r"[^\n]+", text)))


def _mentions(text: str) -> tuple[Mention, ...]:
    out = []
    for name, label in NAMES.items():
        for m in re.finditer(re.escape(name), text):
            out.append(Mention(text[:m.start()].count("\n"), m.start(), m.end(), name, label))
    return tuple(out)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = Store(str(tmp_path_factory.mktemp("ask_general") / "ask.db"))
    for i, (title, date, text) in enumerate(DOCS):
        doc = Document(id=f"gen{i:013d}", text=text, source=f"test:{i}", title=title, outlet="Test Wire",
                       published_at=date)
        s.add_document(doc, Analysis(sentences=_sentences(text), mentions=_mentions(text)))
    yield s
    s.close()


def ask(store, question):
    return answer(store, question, SETTINGS)


def test_query_ask_contrary_verb_answers_no(store):
    a = ask(store, "Did Piñera accept Pérez's resignation?")
    assert a.answer == "No" and "declined" in a.evidence[0].sentence


def test_query_ask_title_names_who_the_sentence_is_about(store):
    a = ask(store, "When will Japan's limits on fishing take effect?")
    assert a.answer == "July 15"


def test_query_ask_how_many_people_counts_supporters_and_keeps_the_range(store):
    a = ask(store, "How many people attended the opposition rally in Lima?")
    assert a.answer == "Around 12,000 to 40,000 supporters"


def test_query_ask_undated_document_qualifies_by_the_year_it_names(store):
    a = ask(store, "Who won the 2020 presidential election in Ghana?")
    assert a.answer == "Kofi Mensah"


def test_query_ask_based_in_is_not_the_party(store):
    a = ask(store, "Who paid for the flight of the activist to Vienna?")
    assert a.answer == "Peace Now Relief"


def test_query_ask_stem_meets_inflections():
    assert stem("asking") == stem("asked") == stem("ask")
    assert stem("fire") == stem("fired") == stem("firing")
    assert stem("vote") == stem("voted") == stem("voting")
