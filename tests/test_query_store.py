"""A small hand-built store shared by the query tests (``build_store``), and checks of it.

Sentences are written for these tests; records are built by hand (no NLP), so the tests are fast
and say exactly what the query layer must do with each kind of record.
"""

from __future__ import annotations

import re

import pytest

from dyad.models import (ActorRecord, ActorRef, Analysis, Document, Event, Mention, Quote, Sentence, Statement)
from dyad.store import Store

CHINA = ActorRef("CHN", "China", "CHN", None)
IRAN = ActorRef("IRN", "Iran", "IRN", None)
RUSSIA = ActorRef("RUS", "Russia", "RUS", None)
USA = ActorRef("USA", "United States", "USA", None)
WANG = ActorRef("person:wang-yi", "Wang Yi", "CHN", "GOV")
IRAN_GOV = ActorRef("IRN.GOV", "Iranian government", "IRN", "GOV")
FRONT = ActorRef(None, "Zorbian Front", None, None)  # not in the registry

QUADS = {"AID": ("material_cooperation", 7.4), "CONSULT": ("verbal_cooperation", 2.1),
         "ACCUSE": ("verbal_conflict", -2.0), "SANCTION": ("material_conflict", -5.6),
         "THREATEN": ("verbal_conflict", -4.4), "ASSAULT": ("material_conflict", -9.0)}

REGISTRY = [
    ActorRecord("CHN", "China", "state", "CHN", None, ("Beijing", "Chinese", "People's Republic of China")),
    ActorRecord("IRN", "Iran", "state", "IRN", None, ("Tehran", "Iranian")),
    ActorRecord("RUS", "Russia", "state", "RUS", None, ("Moscow", "Kremlin")),
    ActorRecord("USA", "United States", "state", "USA", None, ("U.S.", "Washington", "America")),
    ActorRecord("IRN.GOV", "Iranian government", "agency", "IRN", "GOV", ()),
    ActorRecord("person:wang-yi", "Wang Yi", "person", "CHN", "GOV", ("Wang",)),
]


def quad_score(category: str):
    return QUADS.get(category, (None, None))


def sentences_of(text: str) -> tuple[Sentence, ...]:
    out = []
    for i, m in enumerate(re.finditer(r"[^.]+\.", text)):
        start = m.start() + (len(m.group()) - len(m.group().lstrip()))
        out.append(Sentence(i, start, m.end(), text[start:m.end()]))
    return tuple(out)


def event(sents, i, category, source, target, **kw) -> Event:
    s = sents[i]
    kw.setdefault("trigger", category.lower())
    return Event(category=category, source=tuple(source), target=tuple(target), sentence=i, start=s.start,
                 end=s.end, **kw)


def doc(doc_id, text, published, outlet, url=None) -> Document:
    return Document(id=doc_id, text=text, source=f"test:{doc_id}", title=f"Title {doc_id}", outlet=outlet,
                    url=url or f"https://example.org/{doc_id}", published_at=published, date_precision="day")


def _doc1():
    text = ("China agreed to supply drones to Iran. Russia stopped short of providing military assistance to Iran. "
            "Wang Yi met the Iranian government in Beijing. The Zorbian Front shelled an Iranian border post.")
    s = sentences_of(text)
    analysis = Analysis(
        sentences=s,
        mentions=(Mention(0, 0, 5, "China", "GPE", CHINA), Mention(0, 33, 37, "Iran", "GPE", IRAN),
                  Mention(3, s[3].start + 4, s[3].start + 17, "Zorbian Front", "ORG", None)),
        events=(event(s, 0, "AID", [CHINA], [IRAN], item="drones", date="2024-03-08", date_precision="day",
                      cameo_root="07", confidence=0.8, context=("military", "technology")),
                event(s, 1, "AID", [RUSSIA], [IRAN], item="military assistance", negated=True, cameo_root="07"),
                event(s, 2, "CONSULT", [WANG], [IRAN_GOV], location="Beijing", cameo_root="04",
                      context=("diplomatic",)),
                event(s, 3, "ASSAULT", [FRONT], [IRAN], cameo_root="19")),
    )
    return doc("d1", text, "2024-03-10", "Example Times"), analysis


def _doc2():
    text = ("Iran accused the United States of sabotage. Washington imposed sanctions on Iran in April. "
            "Officials denied that the United States threatened Iran. Iran and Russia signed a defence pact. "
            "Moscow has no defence pact with Tehran, a spokesman said.")
    s = sentences_of(text)
    analysis = Analysis(
        sentences=s,
        mentions=(Mention(3, s[3].start + 23, s[3].start + 36, "Zorbian Front", "ORG", None),),
        events=(event(s, 0, "ACCUSE", [IRAN], [USA], date="2024-04-01", date_precision="day", cameo_root="11"),
                event(s, 1, "SANCTION", [USA], [IRAN], date="2024-04", date_precision="month", cameo_root="16"),
                event(s, 2, "THREATEN", [USA], [IRAN], modality="denied", cameo_root="13")),
        statements=(Statement("defence_pact", IRAN, RUSSIA, 3, s[3].start, s[3].end, date="2024-04-02"),
                    Statement("defence_pact", RUSSIA, IRAN, 4, s[4].start, s[4].end, negated=True,
                              attributed_to="a spokesman")),
    )
    return doc("d2", text, "2024-04-02", "Daily Sample"), analysis


def _doc3():
    text = ("Beijing will ship drones to Tehran, officials said. \"We will deepen cooperation with Iran,\" "
            "Wang Yi told reporters.")
    s = sentences_of(text)
    q_start = text.index("We will")
    quote_text = "We will deepen cooperation with Iran,"
    w = text.index("Wang Yi")
    analysis = Analysis(
        sentences=s,
        events=(event(s, 0, "AID", [CHINA], [IRAN], item="drones", date="2024-03-09", date_precision="day",
                      attributed_to="officials", confidence=0.6, cameo_root="07"),),
        quotes=(Quote(1, q_start, q_start + len(quote_text), quote_text, "direct", WANG, w, w + 7, cue="told",
                      venue="reporters"),),
    )
    return doc("d3", text, "2024-03-12", "Example Times"), analysis


def build_store(path) -> Store:
    store = Store(str(path))
    store.sync_actors(REGISTRY, "test")
    for make in (_doc1, _doc2, _doc3):
        document, analysis = make()
        store.add_document(document, analysis, quad_score=quad_score)
    return store


@pytest.fixture()
def query_store(tmp_path):
    store = build_store(tmp_path / "q.db")
    yield store
    store.close()


def test_query_store_merges_reports_of_one_event(query_store):
    from dyad.query import find_events

    aid = [e for e in find_events(query_store) if e.category == "AID" and not e.negated]
    assert len(aid) == 1 and aid[0].reports == 2
    assert {ev.document_id for ev in aid[0].evidence} == {"d1", "d3"}
