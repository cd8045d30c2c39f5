"""`dyad.query.ask`: question parsing, record-first answers, sentence answers, abstention.

Stores are built from hand-made documents and ``Analysis`` records (sentences written for
these tests, not taken from the seeds); embeddings are off so the fast tests rank by BM25.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from dyad.models import ActorRef, Analysis, Document, Event, Sentence, Statement
from dyad.query.answer_extract import amounts, count_of, dates, object_after, stem, vote_stance
from dyad.query.answer_lexicon import inflections, load_lexicon
from dyad.query.ask import NO_ANSWER, AnswerPublic, answer, parse_question
from dyad.query.retrieve import rrf
from dyad.settings import Settings
from dyad.store import Store

SETTINGS = Settings(embeddings=False)

WIRE = """Turkey supplies Azerbaijan with combat drones and training, officials said.
In June 2020, Egypt and Sudan signed a five-year military cooperation agreement in Khartoum.
Among the Gulf partners, only Pakistan and Saudi Arabia have a mutual defence pact.
Egypt has no defence pact with Pakistan.
India abstained on the UN General Assembly resolution on Ukraine.
Brazil did not send any weapons to Ukraine during the war.
More than 3,500 Cuban doctors work alongside Italian medics in Lombardy.
Foreign Minister Yoko Kamikawa condemned North Korean missile launches as a threat to peace.
Bilateral trade between Kenya and Uganda reached $1.2 billion in 2021.
Ghana offered to help Togo with flood relief.
In France, Emmanuel Macron announced new pension rules on Monday.
Wildfires destroyed farms in Zambia and Malawi last week.
The port of Berbera was shelled by Eritrea on Friday."""

FACTCHECK = """No, Canada did not threaten to invade Denmark.
Posts on social media falsely claim that Canada threatened to invade Denmark over Greenland.
The claim comes from a satirical website."""

RECORDS = """China supplies Pakistan with fighter jets under a long-standing deal.
Russia has not helped Syria rebuild its power grid.
The United States and Japan have a mutual defence pact.
The United States has no defence pact with China.
Brazil invested in the ports of Angola last year."""


def _sentences(text: str) -> tuple[Sentence, ...]:
    out = []
    for i, m in enumerate(re.finditer(r"[^\n]+", text)):
        out.append(Sentence(i, m.start(), m.end(), m.group()))
    return tuple(out)


def ref(actor_id: str, name: str, country: str | None = None) -> ActorRef:
    return ActorRef(id=actor_id, name=name, country=country or actor_id, sector=None, text=name)


def _span(text: str, needle: str) -> tuple[int, int, int]:
    start = text.index(needle)
    sentence = text[:start].count("\n")
    return sentence, start, start + len(needle)


def record_analysis() -> Analysis:
    sent_pak, s1, e1 = _span(RECORDS, "China supplies Pakistan with fighter jets")
    sent_syr, s2, e2 = _span(RECORDS, "Russia has not helped Syria")
    sent_jpn, s3, e3 = _span(RECORDS, "The United States and Japan have a mutual defence pact.")
    sent_chn, s4, e4 = _span(RECORDS, "The United States has no defence pact with China.")
    sent_ago, s5, e5 = _span(RECORDS, "Brazil invested in the ports of Angola")
    usa, jpn, chn = ref("USA", "United States"), ref("JPN", "Japan"), ref("CHN", "China")
    return Analysis(
        sentences=_sentences(RECORDS),
        events=(Event(category="AID", source=(ref("RUS", "Russia"),), target=(ref("SYR", "Syria"),), sentence=sent_syr,
                      start=s2, end=e2, trigger="helped", negated=True, confidence=0.8),
                Event(category="COOPERATE", source=(ref("BRA", "Brazil"),), target=(ref("AGO", "Angola"),),
                      sentence=sent_ago, start=s5, end=e5, trigger="invested", confidence=0.6)),
        statements=(Statement(kind="supplier_of", source=chn, target=ref("PAK", "Pakistan"), sentence=sent_pak,
                              start=s1, end=e1, item="fighter jets"),
                    Statement(kind="defence_pact", source=usa, target=jpn, sentence=sent_jpn, start=s3, end=e3),
                    Statement(kind="defence_pact", source=usa, target=chn, sentence=sent_chn, start=s4, end=e4,
                              negated=True)))


def build_store(path: Path) -> Store:
    store = Store(str(path))
    docs = ((WIRE, "Regional roundup", "Test Wire", "2024-05-02", None),
            (FACTCHECK, "No, Canada did not threaten to invade Denmark", "Check Desk", "2025-02-01", None),
            (RECORDS, "Ties and pacts", "Record Daily", "2024-07-01", record_analysis()))
    for i, (text, title, outlet, date, analysis) in enumerate(docs):
        doc = Document(id=f"doc{i:013d}", text=text, source=f"test:{i}", title=title, outlet=outlet,
                       published_at=date)
        store.add_document(doc, analysis or Analysis(sentences=_sentences(text)))
    return store


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Store:
    s = build_store(tmp_path_factory.mktemp("ask") / "ask.db")
    yield s
    s.close()


def ask(store: Store, question: str) -> AnswerPublic:
    return answer(store, question, SETTINGS)


# --------------------------------------------------------------------------- parsing


def test_query_ask_parses_question_types_and_roles():
    q = parse_question("Which of Pakistan, Saudi Arabia and Egypt have a mutual defence pact?", SETTINGS)
    assert q.type == "which"
    assert [c.actor.id for c in q.candidates] == ["PAK", "SAU", "EGY"]
    assert [s.name for s in q.senses] == ["defence_pact"]
    q = parse_question("Did Brazil send weapons to Ukraine during the war?", SETTINGS)
    assert q.type == "yes_no" and q.subject.actor.id == "BRA" and [o.actor.id for o in q.objects] == ["UKR"]
    assert q.period == "the war"
    q = parse_question("How did India vote on the UN General Assembly resolution on Ukraine?", SETTINGS)
    assert q.type == "how_vote" and q.subject.actor.id == "IND" and q.objects == ()
    q = parse_question("How many Cuban doctors work in Lombardy?", SETTINGS)
    assert q.type == "how_many" and q.head == "doctors"


def test_query_ask_who_is_not_the_who():
    q = parse_question("Who supplies Azerbaijan with drones?", SETTINGS)
    assert q.type == "who" and [a.actor.id for a in q.actors] == ["AZE"]


# --------------------------------------------------------------------------- sentence answers


def test_query_ask_who_from_sentences(store):
    a = ask(store, "Who supplies Azerbaijan with combat drones?")
    assert a.answer == "Turkey" and a.answer_type == "who" and a.source == "sentences"
    ev = a.evidence[0]
    assert ev.outlet == "Test Wire" and ev.title == "Regional roundup" and ev.published_at == "2024-05-02"
    assert WIRE[ev.start:ev.end] == ev.sentence and "Turkey supplies Azerbaijan" in ev.sentence


def test_query_ask_which_of_keeps_only_positive_members(store):
    a = ask(store, "Which of Pakistan, Saudi Arabia and Egypt have a mutual defence pact?")
    assert a.answer_type == "which"
    assert "Pakistan" in a.answer and "Saudi Arabia" in a.answer and "Egypt" not in a.answer


def test_query_ask_when_gives_the_date_words_and_iso_value(store):
    a = ask(store, "When did Egypt and Sudan sign the military cooperation agreement?")
    assert a.answer == "June 2020" and a.value == "2020-06"
    assert WIRE[a.evidence[0].answer_start:a.evidence[0].answer_end] == "June 2020"


def test_query_ask_how_vote_reads_the_stance(store):
    a = ask(store, "How did India vote on the UN General Assembly resolution on Ukraine?")
    assert a.answer == "abstained"


def test_query_ask_negated_sentence_answers_no(store):
    a = ask(store, "Did Brazil send weapons to Ukraine?")
    assert a.answer == "No" and "did not send" in a.evidence[0].sentence


def test_query_ask_time_words_limit_the_documents(store):
    assert ask(store, "Did Brazil send weapons to Ukraine in 2024?").answer == "No"  # the report's year
    assert ask(store, "Did Brazil send weapons to Ukraine in 2019?").answer is None
    q = parse_question("Did Brazil send weapons to Ukraine since 2020?", SETTINGS)
    assert q.years[0] == "2020" and "2024" in q.years and "since" not in q.item


def test_query_ask_offer_is_not_a_yes(store):
    a = ask(store, "Did Ghana help Togo?")
    assert a.answer is None and a.note == NO_ANSWER


def test_query_ask_fact_check_answers_no(store):
    a = ask(store, "Did Canada threaten to invade Denmark?")
    assert a.answer == "No" and a.note and "fact-check" in a.note
    assert all(e.outlet == "Check Desk" for e in a.evidence)


def test_query_ask_how_many_keeps_the_modifier(store):
    a = ask(store, "How many Cuban doctors work alongside Italian medics?")
    assert a.answer == "More than 3,500 Cuban doctors" and a.value == "3500"


def test_query_ask_how_much_finds_money(store):
    a = ask(store, "How much was bilateral trade between Kenya and Uganda?")
    assert a.answer == "$1.2 billion"


def test_query_ask_what_extracts_the_object(store):
    a = ask(store, "What did Yoko Kamikawa condemn?")
    assert a.answer == "North Korean missile launches"


def test_query_ask_people_of_a_place_may_answer(store):
    a = ask(store, "Who announced new pension rules in France?")
    assert a.answer == "Emmanuel Macron"


def test_query_ask_who_is_the_agent_not_a_place_or_object(store):
    # the states stand after the verb as places: the sentence does not say who destroyed anything
    a = ask(store, "Who destroyed the farms?")
    assert a.answer is None and a.note == NO_ANSWER
    # the agent of a passive stands after "by"
    assert ask(store, "Who shelled the port of Berbera?").answer == "Eritrea"


def test_query_ask_who_needs_the_questions_verb(store):
    # Togo and Ghana share a sentence with "flood", but nobody "accepted" anything there
    a = ask(store, "Who accepted responsibility for the flood relief in Togo?")
    assert a.answer is None and a.note == NO_ANSWER


def test_query_ask_needs_something_to_look_for(store):
    for question in ("Who?", "When did?", "How much?", "Which of A, B and C?"):
        a = ask(store, question)
        assert a.answer is None and a.note.startswith(NO_ANSWER), question


def test_query_ask_abstains_when_the_record_is_silent(store):
    for question in ("Did Norway threaten Sweden?", "Who supplies Chile with submarines?",
                     "When did Peru and Chile sign a defence pact?", "How many troops did Iran send to Venezuela?"):
        a = ask(store, question)
        assert a.answer is None and a.note == NO_ANSWER and a.evidence == [], question


# --------------------------------------------------------------------------- record answers


def test_query_ask_records_first_who(store):
    a = ask(store, "Who supplies Pakistan with fighter jets?")
    assert a.answer == "China" and a.source.startswith("records")
    assert a.evidence[0].outlet == "Record Daily" and "fighter jets" in a.evidence[0].sentence


def test_query_ask_records_negated_event_answers_no(store):
    a = ask(store, "Did Russia help Syria?")
    assert a.answer == "No" and a.source.startswith("records")
    assert a.events and a.events[0].negated and a.events[0].category == "AID"


def test_query_ask_records_which_leaves_out_negated_pacts(store):
    a = ask(store, "Which of the United States, Japan and China have a mutual defence pact?")
    assert a.source.startswith("records") and "United States" in a.answer and "Japan" in a.answer
    assert "China" not in a.answer


def test_query_ask_records_need_a_sentence_about_the_question(store):
    # a COOPERATE record ("invested") is in a category "help" may take, but its sentence speaks of
    # no help: it must not answer "Did Brazil help Angola?"
    a = ask(store, "Did Brazil help Angola?")
    assert a.answer is None and a.note == NO_ANSWER


# --------------------------------------------------------------------------- helpers


def test_query_ask_extract_helpers():
    cues = load_lexicon().cues
    assert [a.text for a in amounts("about 200 people and 1999 and $3.5 billion", cues)] == ["about 200", "$3.5 billion"]
    assert count_of("Nepal sent at least 40 army engineers to Haiti.", "engineers", cues).text == "at least 40 army engineers"
    assert [d.text for d in dates("They met on 3 May 2019, again in March 2021 and in 2022.")] == [
        "3 May 2019", "March 2021", "2022"]
    assert vote_stance("Mexico voted in favour while Peru voted against.", cues, near=0) == "in favour"
    text = "The minister condemned the U.S. blockade as illegal."
    assert object_after(text, text.index("condemned"), cues)[0] == "the U.S. blockade"
    assert stem("launched") == stem("launch") and "supplied" in inflections("supply")


def test_query_ask_rrf_rewards_agreement():
    fused = rrf([[1, 2, 3], [3, 1]])
    assert max(fused, key=fused.get) == 1 and fused[3] > fused[2]


# --------------------------------------------------------------------------- acceptance on the seeds


SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
EIGHT = (
    ("Who supplies Iran with surveillance technology?", "China"),
    ("Which of China, Russia, Iran and North Korea have a mutual defence pact?", "North Korea"),
    ("How did China vote on the UN Human Rights Council resolution on Iran?", "against"),
    ("Did Russia help Iran during the Iran-Israel war?", "No"),
    ("Did Trump threaten to bomb Norway?", "No"),
    ("When did Iran and China sign the 25-year cooperation agreement?", "March 2021"),
    ("What did Wang Yi condemn?", "threats to intervene"),
    ("How many North Korean troops fight alongside Russian forces?", "more than 14,000"),
)


def _pipeline_ready() -> bool:
    from dyad.nlp.pipeline import COMPONENTS

    return all(importlib.util.find_spec(module) is not None for _, module in COMPONENTS)


@pytest.mark.slow
def test_query_ask_seed_acceptance(tmp_path):
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent")
    if not _pipeline_ready():
        pytest.skip("the NLP pipeline's components are not all present yet")
    from dyad import runner
    from dyad.models import Failed

    db = str(tmp_path / "seeds.db")
    settings = Settings(db=db)
    with Store(db) as store:
        try:
            outcomes = list(runner.ingest([str(SEEDS)], store, settings))
        except (AttributeError, ImportError, TypeError) as exc:  # another stage mid-change, not an answer failure
            pytest.skip(f"the ingest pipeline does not run yet: {exc}")
        assert not [o for o in outcomes if isinstance(o, Failed)]
        for question, expected in EIGHT:
            a = answer(store, question, settings)
            assert a.answer and expected.lower() in a.answer.lower(), (question, a.answer, a.note)
            assert a.evidence and all(e.title or e.outlet for e in a.evidence[:1]), question
            if question.startswith("Which"):
                assert "Russia" in a.answer and "China" not in a.answer and "Iran" not in a.answer


# --------------------------------------------------------------------------- CLI and question-file evaluation


def test_query_ask_cli_prints_answer_and_json(store, monkeypatch):
    import json

    from typer.testing import CliRunner

    import dyad.cli.ask_cmd  # noqa: F401  (registers the command)
    from dyad.cli import _register, app

    _register()  # with one command Typer would drop the command name

    monkeypatch.setenv("DYAD_EMBEDDINGS", "0")
    from dyad.settings import get_settings

    get_settings.cache_clear()
    runner = CliRunner()
    out = runner.invoke(app, ["ask", "Who supplies Azerbaijan with combat drones?", "--db", store.target])
    assert out.exit_code == 0 and "A: Turkey" in out.stdout and "Test Wire" in out.stdout
    out = runner.invoke(app, ["ask", "Did Norway threaten Sweden?", "--db", store.target, "--json"])
    body = json.loads(out.stdout)
    assert out.exit_code == 0 and body["ok"] and body["answer"] is None
    assert body["note"] == NO_ANSWER
    get_settings.cache_clear()


def test_query_ask_eval_question_files(store, tmp_path):
    import json

    from dyad.errors import EvalError
    from dyad.eval import questions

    folder = tmp_path / "questions"
    folder.mkdir()
    (tmp_path / "docs.txt").write_text("placeholder", encoding="utf-8")
    rows = [{"q": "Who supplies Azerbaijan with combat drones?", "answer_any": ["Turkey"],
             "evidence_any": ["Turkey supplies Azerbaijan"], "docs": "../docs.txt"},
            {"q": "Did Brazil send weapons to Ukraine?", "answer_any": ["no"], "evidence_any": ["did not send"],
             "docs": "../docs.txt"},
            {"q": "How many troops did Peru send to Chile?", "unanswerable": True, "docs": "../docs.txt"},
            {"q": "Who supplies Pakistan with fighter jets?", "answer_any": ["France"], "docs": "../docs.txt"}]
    (folder / "mine.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    gold = questions.read_questions(folder / "mine.jsonl")
    result = questions.run(gold, folder, store_for=lambda docs, target: Store(store.target))
    assert result.n == 4 and result.metrics["answer_accuracy"] == 0.75
    assert result.metrics["evidence_accuracy"] == 1.0 and result.metrics["answered"] == 0.75
    assert result.details["errors"][0]["got"] == "China"
    (folder / "bad.jsonl").write_text('{"q": "Who?"}\n', encoding="utf-8")
    with pytest.raises(EvalError):
        questions.read_questions(folder / "bad.jsonl")


def test_query_ask_no_network_without_llm_url(store, monkeypatch):
    import httpx

    def refuse(*args, **kwargs):
        raise AssertionError("no network call may be made without settings.llm_url")

    monkeypatch.setattr(httpx, "post", refuse)
    assert ask(store, "Who supplies Azerbaijan with combat drones?").phrased is None


def test_query_ask_llm_only_phrases_dyads_evidence(store, monkeypatch):
    import httpx

    sent = {}

    def fake_post(url, json, timeout):
        sent.update(url=url, body=json)
        return httpx.Response(200, json={"choices": [{"message": {"content": "Turkey does."}}]},
                              request=httpx.Request("POST", url))

    monkeypatch.setattr(httpx, "post", fake_post)
    a = answer(store, "Who supplies Azerbaijan with combat drones?",
               Settings(embeddings=False, llm_url="http://127.0.0.1:9/v1"))
    assert a.answer == "Turkey" and a.phrased == "Turkey does."  # the extracted answer stays
    assert sent["url"] == "http://127.0.0.1:9/v1/chat/completions"
    assert "Turkey supplies Azerbaijan" in sent["body"]["messages"][1]["content"]
