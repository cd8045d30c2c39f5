"""`dyad_quote_speakers`: "I" and "we" inside a direct quote are its speaker (and the body the
speaker speaks for), so what the speaker says is theirs. Sentences written for these tests."""

from __future__ import annotations

import pytest

from dyad.models import ActorRef
from dyad.nlp.quote_speakers import speaks_for

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():
    from dyad.nlp.pipeline import build_pipeline

    pipeline = build_pipeline()
    if "dyad_quote_speakers" not in pipeline.pipe_names:
        import dyad.nlp.quote_speakers  # noqa: F401

        pipeline.add_pipe("dyad_quote_speakers", after="dyad_quotes")
    return pipeline


def run(nlp, text: str, date: str = "2021-05-01"):
    doc = nlp.make_doc(text)
    doc._.doc_date = date
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def _first_person(doc):
    return {m.span.text: m.actor.id for m in doc._.mentions if m.via == "quote_speaker"}


def test_nlp_quote_speakers_i_is_the_speaker_and_we_the_government(nlp):
    doc = run(nlp, 'Foreign Minister Wang Yi told reporters on Monday: "I firmly oppose these sanctions. '
                   'We will respond to any provocation."')
    assert _first_person(doc) == {"I": "person:wang-yi", "We": "CHN.GOV"}
    rejects = [e for e in doc._.events if e.category == "REJECT"]
    assert rejects and rejects[0].source[0].id == "person:wang-yi"


def test_nlp_quote_speakers_speaker_after_the_quote(nlp):
    doc = run(nlp, '"I will not sign this agreement," Sergey Lavrov said in Moscow on Friday.')
    assert _first_person(doc) == {"I": "person:sergey-lavrov"}


def test_nlp_quote_speakers_leave_indirect_quotes_and_the_country_us_alone(nlp):
    doc = run(nlp, 'Antony Blinken said that we should all stay calm, adding that the US would not intervene.')
    assert _first_person(doc) == {}


def test_nlp_quote_speakers_speaks_for():
    minister = ActorRef(id="person:x", name="X", country="FRA", sector="GOV")
    assert speaks_for(minister).id == "FRA.GOV"
    group = ActorRef(id="grp:houthis", name="Houthis", country="YEM", sector="REB")
    assert speaks_for(group).id == "grp:houthis"
    unknown = ActorRef(id=None, name="a spokesman")
    assert speaks_for(unknown).name == "a spokesman"


@pytest.mark.parametrize("text, speaker", [
    # the pronoun's paragraph names no one outside the quotation: the previous speaker speaks on
    ('Anna Berg, a historian at Lund University, told the Guardian: "There is no shared value between '
     'them."\n"Modi will not change course before the election," she added.', "Anna Berg"),
    # the one person named outside quotations, not the one spoken of in them
    ('Mark Tully, an analyst at Chatham House, said the deal was fragile.\n"Erdogan will walk away '
     'from it if it suits him," he said.', "Mark Tully"),
])
def test_nlp_quote_speakers_a_name_in_quoted_words_is_not_the_speaker(nlp, text, speaker):
    doc = run(nlp, text, date="2025-06-01")
    last = max(doc._.quotes, key=lambda q: q.start)
    assert last.speaker is not None and last.speaker.name == speaker


@pytest.mark.parametrize("text, speaker", [
    # the parse makes the title the subject and the name its innermost object or apposition
    ("Director of the Federal Security Service Alexander Bortnikov said on Friday that the plot was foiled.",
     "person:alexander-bortnikov"),
    ("The head of the agency, Rafael Grossi, said the inspectors had left the site.", "person:rafael-grossi"),
    # two people in the title's phrase: nobody is guessed
    ("Chief of Staff of the Army Mark Milley and Defense Secretary Lloyd Austin said that troops would stay.",
     None),
])
def test_nlp_quote_speakers_title_before_the_name(nlp, text, speaker):
    doc = run(nlp, text, date="2022-05-01")
    assert [q.speaker.id for q in doc._.quotes if q.speaker is not None][:1] == [speaker]


def test_nlp_quote_speakers_title_with_a_coordinated_person(nlp):
    doc = run(nlp, "Chief of the General Staff of the Russian Armed Forces Valery Gerasimov and Belarusian Defence "
                   "Minister Viktor Khrenin announced on Monday that the two armies would hold joint drills.",
              date="2022-05-01")
    assert [q.speaker.id for q in doc._.quotes] == ["person:valery-gerasimov"]


def test_nlp_quote_speakers_name_before_its_description(nlp):
    # the parser reads "Soon" as an adverb and takes "a researcher" for the subject
    doc = run(nlp, "Li Soon, a researcher on Asian security at the Lowy Institute in Sydney, believes the "
                   "alliance remains valid.", date="2025-06-01")
    [quote] = doc._.quotes
    assert quote.speaker.name == "Li Soon" and quote.speaker_kind == "person"


def test_nlp_quote_speakers_pronoun_after_a_named_description(nlp):
    doc = run(nlp, "Li Soon, a researcher on Asian security at the Lowy Institute in Sydney, believes the "
                   "alliance remains valid. \"It is still an alliance,\" he said.", date="2025-06-01")
    assert [q.speaker.name for q in sorted(doc._.quotes, key=lambda q: q.start)] == ["Li Soon", "Li Soon"]
