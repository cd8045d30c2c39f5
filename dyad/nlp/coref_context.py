"""Shared by the coreference modules (``dyad.nlp.coref``, ``dyad.nlp.coref_descriptions``): what
is known about the document's mentions (``_Known``, ``_Context``), its quotations, and the small
predicates both the pronoun and the description rules use (person, state, body, country).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from dyad.errors import OntologyError
from dyad.models import ActorRef
from dyad.nlp.coref_names import speech_verbs
from dyad.nlp.quote_marks import find_direct_spans
from dyad.nlp.types import MentionSpan, doc_text, sentence_index, sentence_starts
from dyad.ontology.relations import RelationLexicon


_STATE_ID = re.compile(r"[A-Z]{3}")




_SUBJECTS = {"nsubj", "nsubjpass"}


_RAISING = {"be", "seem", "appear", "become", "remain", "make", "look", "happen", "take", "prove", "turn"}


_NUMBERS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


_SENTENCE_WINDOW = 2  # pronouns look back at most this many sentences (within the paragraph)


_PLURAL_SUBJECTS = frozenset({"they", "their"})  # "them" often points elsewhere ("urged Iran to free them")


_PLURAL_TAGS = frozenset({"NNS", "NNPS"})


# Singular nouns for a body of people that English refers back to as "they" ("The team landed
# in Oslo. They ..."). Kept here, beside the rule, until the relations lexicon has such a list.
_COLLECTIVE_NOUNS = frozenset({"team", "squad", "crew", "delegation", "band", "family", "couple", "gang", "militia"})


# "it is time to ...", "it is a shame that ...": a nominal predicate that takes the clause "it" stands for
_PLEONASTIC_NOUNS = frozenset({"time", "shame", "pity", "surprise", "wonder", "mistake"})


# Registry kinds "it" may stand for (one body, not people); "they"/"their" may also stand for
# the bodies of _THEIR_KINDS ("Acme said their offices ...", as British English writes).
_IT_KINDS = frozenset({"state", "territory", "igo", "company", "agency", "organisation", "court", "legislature",
                       "media", "military", "party"})


# "the company", "the bloc": the registry kinds each such noun may stand for ("" = a name the
# registry does not know that the tagger reads as an organisation)
_BODY_NOUNS = {
    "company": frozenset({"company"}), "firm": frozenset({"company"}), "agency": frozenset({"agency", "media"}),
    "organisation": frozenset({"organisation", "igo", "group", ""}),
    "organization": frozenset({"organisation", "igo", "group", ""}),
    "group": frozenset({"group", "organisation", ""}), "militia": frozenset({"group"}),
    "alliance": frozenset({"igo"}), "bloc": frozenset({"igo"}), "party": frozenset({"party"}),
}


_THEIR_KINDS = frozenset({"company", "agency", "organisation", "party", "media", "military"})


@dataclass(frozen=True)
class _Known:
    """A mention seen so far, with the facts antecedent search needs."""

    start: int  # token offsets
    end: int
    actor: ActorRef
    label: str
    sentence: int
    paragraph: int
    subject: bool


class _Context:
    """Mentions in order plus paragraph and sentence lookups for one Doc."""

    def __init__(self, doc: Doc, mentions: list[MentionSpan], title_endings: frozenset[str] = frozenset()):
        self.doc = doc
        self.title_endings = title_endings  # see _title_endings
        self.newlines = [m.start() for m in re.finditer(r"\n", doc_text(doc))]
        self.known = sorted((self._known(m) for m in mentions if m.actor is not None), key=lambda k: k.start)
        self.known_starts = [k.start for k in self.known]  # kept in step with ``known`` by ``add``
        self.covered = {i for m in mentions for i in range(m.span.start, m.span.end)}
        self.genders: dict[str, str | None] = {}  # person → "m"/"f" learnt from pronouns tied to them
        self.quotes = _Quotes(self)

    def paragraph(self, token: Token) -> int:
        return bisect_right(self.newlines, token.idx)

    def _known(self, m: MentionSpan) -> _Known:
        head = m.span.root
        label = m.span.label_ or _named_person(m)
        return _Known(m.span.start, m.span.end, m.actor, label, sentence_index(self.doc, head.i),
                      self.paragraph(head), head.dep_ in _SUBJECTS)

    def add(self, span: Span, actor: ActorRef) -> _Known:
        known = self._known(MentionSpan(span=span, actor=actor, via="coref"))
        self.known.append(known)
        self.known.sort(key=lambda k: k.start)
        self.known_starts = [k.start for k in self.known]
        self.covered.update(range(span.start, span.end))
        return known

    def before(self, token: Token, sentences: int | None = None) -> list[_Known]:
        """Mentions ending before ``token`` in its paragraph, nearest last."""
        para, sent = self.paragraph(token), sentence_index(self.doc, token.i)
        return [k for k in self.known if k.end <= token.i and k.paragraph == para
                and (sentences is None or sent - k.sentence <= sentences)]


class _Quotes:
    """Direct quotations of a Doc, as the quote stage reads them (``quote_marks``: double and
    single marks, quotations that run over paragraphs), and the people quoted in each."""

    def __init__(self, ctx: "_Context"):
        self.ctx = ctx
        self._speakers: dict[int, frozenset[str]] = {}
        self._spans: list[tuple[int, int]] | None = None

    def _quoted(self) -> list[tuple[int, int]]:
        """Character ranges of the quoted words, found once per Doc (on the first pronoun that asks)."""
        if self._spans is None:
            self._spans = [(span.start, span.end) for span in find_direct_spans(doc_text(self.ctx.doc))]
        return self._spans

    def inside_char(self, char: int) -> bool:
        spans = self._quoted()
        index = bisect_right(spans, (char, float("inf"))) - 1
        return index >= 0 and spans[index][0] <= char < spans[index][1]

    def inside(self, token: Token) -> bool:
        return self.inside_char(token.idx)

    def speakers(self, paragraph: int) -> frozenset[str]:
        """People of the paragraph who are subjects of a verb of saying outside the quotes
        ("Ann Lee said", "said Ann Lee")."""
        found = self._speakers.get(paragraph)
        if found is None:
            verbs = speech_verbs()
            found = frozenset(_key(k.actor) for k in self.ctx.known if k.paragraph == paragraph and k.subject
                              and _is_person(k) and self.ctx.doc[k.start:k.end].root.head.lemma_.lower() in verbs
                              and not self.inside(self.ctx.doc[k.start]))
            self._speakers[paragraph] = found
        return found


def _named_person(m: MentionSpan) -> str:
    """"PERSON" for a name the registry does not know but the tagger reads as a person ("Jong
    Woo Son ... charges against him"): such mentions carry no label of their own."""
    unknown = m.actor.id is None or m.actor.id.startswith("person:")
    return "PERSON" if unknown and m.via != "coref" and m.span.root.ent_type_ == "PERSON" else ""


def _is_person(k: _Known) -> bool:
    return k.label == "PERSON" or bool(k.actor.id and k.actor.id.startswith("person:"))


def _is_state(actor: ActorRef) -> bool:
    """The state itself ("IRN"): an id that is its own country (IGOs such as "SCO" are not)."""
    return bool(actor.id) and actor.id == actor.country and _country_code(actor.country)


def _is_state_organ(actor: ActorRef) -> bool:
    """A state or one of its bodies ("CHN", "CHN.GOV")."""
    ident, country = actor.id or "", actor.country or ""
    return _country_code(country) and (ident == country or ident.startswith(country + "."))


def _country_code(code: str | None) -> bool:
    return bool(code) and code != "IGO" and bool(_STATE_ID.fullmatch(code))


def _is_state_place(k: _Known) -> bool:
    """A state named as a place or polity ("Iran", "Beijing", an earlier "the country"),
    not as an adjective ("Chinese officials")."""
    if k.label == "GPE":
        return _is_state_organ(k.actor)
    return k.label in ("", "NOUN_PHRASE") and _is_state(k.actor)


def _is_state_or_org(k: _Known) -> bool:
    ident = k.actor.id or ""
    if _is_person(k) or not ident:
        return False
    return _is_state_organ(k.actor) or ident.startswith("org:") or k.actor.country == "IGO"


@lru_cache(maxsize=4096)
def _registry_kind(actor_id: str) -> str | None:
    """The registry's kind of actor ("company", "agency", "state"), or None when unknown."""
    from dyad.ontology.actors import load_registry

    try:
        actor = load_registry().get(actor_id)
    except OntologyError:
        return None  # a broken registry file is reported by dyad_actors
    if actor is None or (actor.kind == "group" and not actor_id.startswith("grp:")):
        return None  # "AFG.CVL": a state's people, not one body
    return actor.kind


def _body(k: _Known) -> bool:
    """One body that "it" may stand for: a state or one of its organs, an organisation, a
    company or an agency, named in the singular."""
    if _is_person(k):
        return False
    kind = _registry_kind(k.actor.id) if k.actor.id else None
    return _is_state_or_org(k) or kind in _IT_KINDS or kind == "group"


def _country(k: _Known) -> str | None:
    """The state an actor belongs to (a person's, an agency's), never an IGO."""
    return k.actor.country if _country_code(k.actor.country) else None


def _key(actor: ActorRef) -> str:
    return actor.id or actor.name.lower()


@lru_cache(maxsize=1)
def _registry_state_names() -> dict[str, str]:
    """Display names of the actor registry's states ("Iran", "Russia"), loaded once."""
    from dyad.ontology.actors import load_states

    try:
        return {code: actor.name for code, actor in load_states().items()}
    except OntologyError:
        return {}  # a broken registry file is reported by dyad_actors; names fall back to ISO


def state_name(code: str) -> str:
    """A state's common English name from its ISO 3166 alpha-3 code ("IRN" → "Iran")."""
    name = _registry_state_names().get(code)
    if name:
        return name
    import pycountry

    country = pycountry.countries.get(alpha_3=code)
    return (getattr(country, "common_name", None) or country.name) if country else code


def _state_ref(code: str, ctx: _Context, text: str, sector: str | None = None) -> ActorRef:
    """The state ``code`` (or its government when ``sector`` is GOV), named as the doc names it."""
    name = next((k.actor.name for k in ctx.known if k.actor.id == code), None) or state_name(code)
    if sector:
        return ActorRef(id=f"{code}.{sector}", name=f"{name} government", country=code, sector=sector, text=text)
    return ActorRef(id=code, name=name, country=code, text=text)


def _gender_of_words(words: list[str], lex: RelationLexicon) -> str | None:
    if any(w in lex.get("female_words") for w in words):
        return "f"
    if any(w in lex.get("male_words") for w in words):
        return "m"
    return None


def _mention_gender(k: _Known, ctx: _Context, lex: RelationLexicon) -> str | None:
    """"Mrs. Sam", "Sehar Memon, a student and mother of two", or a pronoun already tied to them."""
    doc = ctx.doc
    # the word before the name, and the name's own first word ("Mr. Tedeschi" may be one mention)
    before = [t.lower_.rstrip(".") for t in doc[max(k.start - 1, 0):k.start + 1]]
    appos = [t.lemma_.lower() for c in doc[k.start:k.end].root.children if c.dep_ == "appos" for t in c.subtree]
    return _gender_of_words(before + appos, lex) or ctx.genders.get(_key(k.actor))


def _rival_people(token: Token, chosen: _Known, ctx: _Context, lex: RelationLexicon, gender: str | None) -> bool:
    """Other people between the candidate and the pronoun: a name the actor stage did not
    read as a person, or an unnamed one ("their child", "a woman")."""
    window = ctx.doc[_window_start(token, ctx):token.i]
    for t in window:
        if t.ent_type_ != "PERSON":
            continue
        on = _actors_on(t, ctx)
        if any(_key(k.actor) == _key(chosen.actor) for k in on):
            continue
        if gender is None or not on or any(_mention_gender(k, ctx, lex) in (None, gender) for k in on):
            return True  # a person of no known other gender
    described = {t.i for t in ctx.doc[chosen.start:chosen.end].root.subtree}  # "Berg, a soldier": Berg himself
    for t in ctx.doc[chosen.end:token.i]:
        if t.pos_ != "NOUN" or t.lemma_.lower() not in lex.get("person_nouns") or t.i in described:
            continue
        if t.tag_ == "NNS":
            continue  # "her parents moved her": a plural is no rival of "he"/"she"
        if t.i in ctx.covered and not _other_person_noun(t, chosen, ctx):
            continue
        rival = _gender_of_words([t.lemma_.lower()], lex)
        if rival is None or gender is None or rival == gender:
            return True
    return False


def _other_person_noun(t: Token, chosen: _Known, ctx: _Context) -> bool:
    """A person noun the actor stage read as a mention of its own ("met a soldier") that is not
    a name: since named people count as persons here, such a one is a rival too."""
    on = _actors_on(t, ctx)
    return bool(on) and not any(_key(k.actor) == _key(chosen.actor) or k.actor.id for k in on)


def _window_start(token: Token, ctx: _Context) -> int:
    """First token of the sentences a pronoun may look back to, inside its paragraph."""
    index = sentence_index(ctx.doc, token.i)
    first = sentence_starts(ctx.doc)[max(index - _SENTENCE_WINDOW, 0)]
    para = ctx.paragraph(token)
    while ctx.paragraph(ctx.doc[first]) != para and first < token.i:
        first += 1
    return first


def _actors_on(token: Token, ctx: _Context) -> list[_Known]:
    # only mentions starting at or before the token can hold it (``known`` is sorted by start)
    return [k for k in ctx.known[:bisect_right(ctx.known_starts, token.i)] if token.i < k.end]


def _clause_subject(token: Token) -> Token | None:
    """The subject of the clause ``token`` sits in, through "to"-infinitives and "and"."""
    node = token.head
    for _ in range(6):
        subj = next((c for c in node.children if c.dep_ in _SUBJECTS), None)
        if subj is not None:
            return subj
        if node.dep_ not in ("xcomp", "conj", "prep", "pobj", "dobj", "pcomp", "dep") or node.head.i == node.i:
            return None
        node = node.head
    return None


def _with_text(actor: ActorRef, text: str) -> ActorRef:
    return ActorRef(actor.id, actor.name, actor.country, actor.sector, text)
