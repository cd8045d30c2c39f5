"""`dyad_quotes` gives each Quote the offsets of its cue: two cues of one speaker stay two cues,
one quotation split by its cue keeps one cue."""

from __future__ import annotations

import pytest

from tests.quote_helpers import nlp  # noqa: F401  (nlp is a fixture)

pytestmark = pytest.mark.slow


def cues(nlp, text):
    return [(q.text, q.cue, q.cue_start, q.cue_end) for q in nlp(text)._.quotes]


@pytest.mark.parametrize("text", [
    "The minister said the talks had failed and said the army would stay on the border.",
    "The mayor said the bridge was safe and later said the repairs would start in May.",
    "Union leaders said the strike was over and said the workers would return on Monday.",
])
def test_nlp_quote_two_cues_of_one_speaker_have_their_own_offsets(nlp, text):
    found = cues(nlp, text)
    assert len(found) == 2
    for _content, cue, start, end in found:
        assert text[start:end] == cue
    assert found[0][2] != found[1][2]


@pytest.mark.parametrize("text", [
    '"We will stay," said Omar Haddad. "The talks go on."',
    '"The vote was fair," the judge said, "and the count was honest."',
])
def test_nlp_quote_one_cue_keeps_one_offset_across_parts(nlp, text):
    found = cues(nlp, text)
    assert len(found) == 2 and len({(s, e) for _t, _c, s, e in found}) == 1
    assert text[found[0][2]:found[0][3]] == found[0][1]
