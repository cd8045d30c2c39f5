"""``dyad_coref``: pronouns and short definite descriptions resolved to a preceding actor.

Runs after ``dyad_actors`` and appends ``MentionSpan(via="coref")`` entries to
``doc._.mentions``. Precision comes first: a reference is resolved only inside its
paragraph (a newline ends a paragraph) and only when one antecedent clearly fits;
otherwise nothing is added. A set ("the two countries") yields one mention per member,
all on the same span.

* "he"/"she"/"his": the only person in the last few sentences, or the person that was
  subject of the nearest sentence naming people; no other named or unnamed person
  ("their child") in between, and no clash with gender evidence (honorifics, nouns in
  apposition, pronouns already tied to that person; first names are not evidence).
  A "he"/"she" inside a direct quotation is never the quotation's speaker ('"he changed
  art," Lee said'), and a plural person noun ("her parents") is no rival of "she";
* "he"/"she" as a subject with no named person in reach: the one person named by a singular
  person noun ("a police officer ...; he drew his pistol");
* "they" as a main-clause subject: the actors of the nearest plural main subject (a
  coordination, a plural noun or a body of people such as "the team") in the two sentences
  before, not looking into a quotation from outside it; "their": its clause's subject when that
  comes first and may be "they" (plural, or a company, agency or party) with no other plural or
  actor between; "their/its government": the government of the one state the clause's
  subject belongs to;
* "it"/"its": the nearest preceding subject outside quotations when that subject is one body
  (a state, an organisation, or a registry company, agency, IGO, court, party ...), not a
  person and not a plural (or "X's goal … when it played": X, when "it" does something only
  actors do); a non-state subject yields to a rival body named between them in the sentence
  ("the EU fined Russia for its role"); "it is time to" is no reference;
* "the company", "the group", "the organisation", "the agency", "the alliance", "the bloc":
  the nearest earlier actor of a matching registry kind in the paragraph, if its sentence
  names no other;
* "the country", "the regime": the nearest preceding state named as a place (GPE);
* "the two countries", "these countries": the last listed set of states;
* "Beijing's officials": the government of that state;
* "the Chinese leader", "the foreign minister": the person last seen with that title.

A bare surname the registry read as a namesake ("Putin" after "Labour activist Peter Putin"),
or the tagger as a place ("Lisbon said" after "Helena Lisbon, a nurse"), is the person the
article named in full (``dyad.nlp.coref_names``).

A description that ``dyad_actors`` read only as a sector ("the regime" → some government,
no id) is refined: a coref mention with the resolved actor is added on the same span.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

import numpy as np
from spacy.attrs import LEMMA, LOWER, POS
from spacy.language import Language
from spacy.strings import hash_string
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc, Span, Token

from dyad.errors import OntologyError
from dyad.models import ActorRef
from dyad.nlp.coref_names import own_namesakes, speech_verbs
from dyad.nlp.types import MentionSpan, doc_text, register_extensions, sentence_index, sentence_starts, span_text
from dyad.ontology.relations import RelationLexicon, relation_lexicon

register_extensions()

_STATE_ID = re.compile(r"[A-Z]{3}")
_QUOTE_MARKS = re.compile('["\u201c\u201d]')
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
    """Direct quotations of a Doc, read from its quotation marks paragraph by paragraph (a
    quotation does not run past a paragraph's end here), and the people quoted in each."""

    def __init__(self, ctx: "_Context"):
        self.ctx = ctx
        self._speakers: dict[int, frozenset[str]] = {}
        self._marks: tuple[list[int], list[int], list[int]] | None = None  # '"', opening, closing

    def _positions(self) -> tuple[list[int], list[int], list[int]]:
        """Offsets of the quotation marks, found once per Doc (on the first pronoun that asks)."""
        if self._marks is None:
            found = [(m.start(), m.group()) for m in _QUOTE_MARKS.finditer(doc_text(self.ctx.doc))]
            self._marks = tuple([i for i, c in found if c == mark] for mark in '"\u201c\u201d')
        return self._marks

    def _paragraph_start(self, char: int) -> int:
        newlines = self.ctx.newlines
        index = bisect_right(newlines, char)
        return newlines[index - 1] + 1 if index else 0

    def inside_char(self, char: int) -> bool:
        """Whether an odd number of quotation marks opens before ``char`` in its paragraph."""
        start = self._paragraph_start(char)
        straight, opening, closing = (bisect_left(marks, char) - bisect_left(marks, start) for marks in self._positions())
        return straight % 2 == 1 or opening > closing

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


# --------------------------------------------------------------------------- actor kinds


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


# --------------------------------------------------------------------------- pronouns


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


def _resolve_person_pronoun(token: Token, ctx: _Context, lex: RelationLexicon) -> ActorRef | None:
    gender = _gender_of_words([token.lower_], lex)
    persons = [k for k in ctx.before(token, _SENTENCE_WINDOW) if _is_person(k)
               and _mention_gender(k, ctx, lex) in (None, gender)]
    if persons and ctx.quotes.inside(token):
        # '"... he did it", Ann Lee said': a speaker calls herself "I", never "he"/"she"
        speakers = ctx.quotes.speakers(ctx.paragraph(token))
        persons = [k for k in persons if _key(k.actor) not in speakers]
    if not persons:
        return _unnamed_person(token, ctx, lex, gender)
    distinct = {_key(k.actor): k for k in persons}
    chosen = persons[-1] if len(distinct) == 1 else None
    if chosen is None:
        # several people in the window: only the lone person of the nearest sentence, when subject
        nearest = [k for k in persons if k.sentence == persons[-1].sentence]
        if len({_key(k.actor) for k in nearest}) == 1 and any(k.subject for k in nearest):
            chosen = nearest[-1]
    if chosen is None or _rival_people(token, chosen, ctx, lex, gender):
        return None
    ctx.genders.setdefault(_key(chosen.actor), gender)
    return chosen.actor


def _unnamed_person(token: Token, ctx: _Context, lex: RelationLexicon, gender: str | None) -> ActorRef | None:
    """"A police officer was surrounded by protesters; he then drew his pistol": with no named
    person in reach, a subject "he"/"she" is the one person named by a singular person noun
    ("officer", "soldier") in its sentence or the one before, when no other such noun and no
    named person stands between and the noun's gender does not clash."""
    if token.dep_ not in _SUBJECTS or any(_is_person(k) for k in ctx.before(token, _SENTENCE_WINDOW)):
        return None
    nouns = lex.get("person_nouns")

    def person_noun(t: Token) -> bool:
        return t.tag_ == "NN" and t.lemma_.lower() in nouns

    found = [k for k in ctx.before(token, 1) if person_noun(ctx.doc[k.start:k.end].root)]
    if len({_key(k.actor) for k in found}) != 1:
        return None
    chosen = found[-1]
    root = ctx.doc[chosen.start:chosen.end].root
    if _gender_of_words([root.lemma_.lower()], lex) not in (None, gender):
        return None
    if any(person_noun(t) for t in ctx.doc[chosen.end:token.i]) or any(
            t.ent_type_ == "PERSON" for t in ctx.doc[_window_start(token, ctx):token.i]):
        return None  # another person in reach, named or not
    return chosen.actor


def _is_expletive(token: Token) -> bool:
    """"it seems that", "it is unlikely that", "make it easier to": no referent."""
    if token.dep_ == "expl":
        return True
    head = token.head
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    small_clause = {"make", "find", "consider", "keep", "deem"}
    if (head.lemma_ in small_clause and nxt is not None and nxt.pos_ == "ADJ") or (
            head.pos_ == "ADJ" and head.head.lemma_ in small_clause):
        return True  # "making it easier to cut off communication"
    if head.lemma_ not in _RAISING:
        return False
    if head.lemma_ == "be" and any(c.dep_ == "attr" and c.lemma_.lower() in _PLEONASTIC_NOUNS for c in head.children):
        return True  # "it is time for users to move on"
    return any(c.dep_ in ("ccomp", "xcomp", "csubj") and c.i > token.i for c in head.children) or any(
        c.dep_ in ("acomp", "oprd") and any(g.dep_ in ("ccomp", "xcomp") for g in c.children) for c in head.children)


def _nearest_subject(token: Token, ctx: _Context) -> Token | None:
    doc, sent_i, para = ctx.doc, sentence_index(ctx.doc, token.i), ctx.paragraph(token)
    starts = sentence_starts(doc) + [len(doc)]
    for index in range(sent_i, max(sent_i - 2, -1), -1):
        sent = doc[starts[index]:starts[index + 1]]
        if ctx.paragraph(sent[0]) != para and index != sent_i:
            return None
        subjects = [t for t in sent if t.dep_ in _SUBJECTS and t.i < token.i and t.i != token.i]
        if subjects and not ctx.quotes.inside(token):
            # '"Provocation deserves punishment", it added': the quoted words are another voice
            subjects = [t for t in subjects if not ctx.quotes.inside(t)]
        if subjects:
            return subjects[-1]
    return None


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


def _resolve_it(token: Token, ctx: _Context, lex: RelationLexicon) -> ActorRef | None:
    if token.lower_ != "its" and _is_expletive(token):
        return None
    if token.lower_ == "itself" and (token.head.pos_ in ("NOUN", "PROPN", "PRON") or (
            token.i >= 2 and token.doc[token.i - 1].lower_ == "of" and token.doc[token.i - 2].lower_ == "and")):
        return None  # "Iran itself", "in and of itself": emphatic, not a reference back
    subject = _nearest_subject(token, ctx)
    clause_subject = _clause_subject(token) if subject is not None else None
    if token.lower_ == "it" and token.dep_ not in _SUBJECTS and clause_subject is not None and (
            clause_subject.i == subject.i):
        return None  # "the SCO … is set to formalize it": "it" is not its own clause's subject
    if subject is None:
        return None
    found = [k for k in _actors_on(subject, ctx) if _body(k)]
    if subject.tag_ in _PLURAL_TAGS and not any(_is_state(k.actor) for k in found):
        return None  # "Chinese companies … it": a plural is not "it" (a plural state name may be)
    if len({_key(k.actor) for k in found}) == 1:
        return None if _rival_body(subject, token, found[0], ctx) else found[0].actor
    if found or _actors_on(subject, ctx) or token.dep_ not in _SUBJECTS or token.head.lemma_ not in lex.get(
            "agentive_verbs"):
        return None
    # "China's goal … became apparent when it played a role": a goal plays no role, China does
    owners = [k for c in subject.children if c.dep_ == "poss" for k in _actors_on(c, ctx) if _body(k)]
    return owners[0].actor if len({_key(k.actor) for k in owners}) == 1 else None


def _rival_body(subject: Token, token: Token, chosen: _Known, ctx: _Context) -> bool:
    """"The EU imposed sanctions on Russia for its role": another state or body named between
    a subject that is not a state ("the EU", "Acme") and "it"/"its" in the same sentence could be
    meant as well. A state subject keeps "its" ("Greece asked NATO to patrol its airspace"):
    news refers back to the state it writes about."""
    if _is_state_or_org(chosen) or sentence_index(ctx.doc, subject.i) != sentence_index(ctx.doc, token.i):
        return False
    end = max(t.i for t in subject.subtree) + 1
    between = ctx.known[bisect_left(ctx.known_starts, end):bisect_left(ctx.known_starts, token.i)]
    return any(_body(k) and _key(k.actor) != _key(chosen.actor) and not _same_state(k, chosen) for k in between)


def _same_state(a: _Known, b: _Known) -> bool:
    """Two organs of one state ("China", "the Chinese foreign ministry")."""
    return bool(_country(a)) and _country(a) == _country(b) and _is_state_organ(a.actor) and _is_state_organ(b.actor)


def _resolve_they(token: Token, ctx: _Context) -> list[ActorRef]:
    """"Egypt, Greece and Cyprus met in Cairo. They called on Turkey to ...": a subject "they"
    stands for the plural subject (a coordination or a plural noun) of the nearest clause before
    it in its paragraph, when that subject names actors; a singular subject stops the search."""
    if token.lower_ == "their":
        subject = _their_antecedent(token, ctx)
    elif token.dep_ not in _SUBJECTS or not _main_clause(token.head):
        return []  # "after they were found", "the exhibit they had wanted": too often someone else
    else:
        subject = _plural_antecedent(token, ctx)
    if subject is None:
        return []
    return _subject_actors(subject, ctx)


def _subject_actors(subject: Token, ctx: _Context) -> list[ActorRef]:
    # the subject's own phrase, not what a clause or an apposition says about it:
    # "the foreign ministers of Chile and Peru" → Chile, Peru
    aside = {t.i for c in subject.subtree if c.dep_ in ("relcl", "acl", "appos") for t in c.subtree}
    found: dict[str, ActorRef] = {}
    for tok in subject.subtree:
        if tok.i not in aside:
            for k in _actors_on(tok, ctx):
                found.setdefault(k.actor.country or _key(k.actor), k.actor)
    return list(found.values())


def _plural_antecedent(token: Token, ctx: _Context) -> Token | None:
    """The nearest plural main subject naming actors within the two sentences before (a
    paragraph may open with "They": the previous paragraph is looked at then)."""
    doc, sent_i = ctx.doc, sentence_index(ctx.doc, token.i)
    starts = sentence_starts(doc) + [len(doc)]
    quoted = ctx.quotes.inside(token)
    for index in range(sent_i, max(sent_i - _SENTENCE_WINDOW - 1, -1), -1):
        sent = doc[starts[index]:starts[index + 1]]
        subjects = [t for t in sent if t.dep_ in _SUBJECTS and t.i < token.i and _actors_on(t, ctx)
                    and (quoted or not ctx.quotes.inside(t))]
        main = [t for t in subjects if t.head.dep_ == "ROOT"]
        subject = main[0] if main else (subjects[-1] if subjects else None)
        if subject is not None and _plural_phrase(subject):
            return subject
    return None


def _plural_phrase(noun: Token) -> bool:
    """A phrase "they" can stand for: a plural, a coordination, "they" itself or a body of
    people named in the singular ("the team")."""
    return (noun.tag_ in _PLURAL_TAGS or noun.lower_ == "they" or noun.lemma_.lower() in _COLLECTIVE_NOUNS
            or any(c.dep_ == "conj" for c in noun.children))


def _their_antecedent(token: Token, ctx: _Context) -> Token | None:
    """"Chile and Peru recalled their envoys", "Acme moved their offices": "their" stands for
    its own clause's subject when that subject comes first, names actors and may be "they"
    (a plural, a coordination, a body of people, a company or agency), and no other plural or
    actor stands between ("Acme told clients their data ..." is left open). In a subject
    ("Their envoys left"), "their" looks back as a subject "they" does."""
    subject = _clause_subject(token)
    if subject is not None and token.i in {t.i for t in subject.subtree}:
        return _plural_antecedent(token, ctx) if _main_clause(subject.head) else None
    if subject is None or subject.i > token.i or not _actors_on(subject, ctx):
        return None
    kinds = {_registry_kind(k.actor.id) for k in _actors_on(subject, ctx) if k.actor.id}
    if not (_plural_phrase(subject) or (subject.tag_ in ("NN", "NNP") and kinds and kinds <= _THEIR_KINDS)):
        return None
    return None if _rival_between(subject, token, ctx) else subject


def _rival_between(subject: Token, token: Token, ctx: _Context) -> bool:
    """A plural noun or another actor between the subject's phrase and ``token``."""
    end = max(t.i for t in subject.subtree) + 1
    own = {_key(k.actor) for t in subject.subtree for k in _actors_on(t, ctx)}
    for t in ctx.doc[end:token.i]:
        if t.tag_ in _PLURAL_TAGS or t.lower_ in ("they", "them"):
            return True
        if any(_key(k.actor) not in own and not _is_person(k) for k in _actors_on(t, ctx)):
            return True
    return False


def _main_clause(verb: Token) -> bool:
    """The sentence's main clause, a clause coordinated with it or one it reports."""
    return verb.dep_ == "ROOT" or (verb.dep_ in ("conj", "ccomp") and verb.head.dep_ == "ROOT")


# --------------------------------------------------------------------------- descriptions


def _bare_definite(noun: Token) -> Span | None:
    """"the country" / "the regime" with nothing else attached (not "the country of origin")."""
    left = list(noun.lefts)
    if len(left) != 1 or left[0].lower_ not in ("the", "this") or left[0].i != noun.i - 1:
        return None
    if any(c.dep_ in ("prep", "relcl", "acl", "compound", "amod") for c in noun.rights):
        return None
    return noun.doc[noun.i - 1:noun.i + 1]


def _nearest_state(token: Token, ctx: _Context) -> _Known | None:
    """The nearest state named as a place, unless another state is named after it
    ("Iran … Chinese officials … the country" could be either: resolve nothing)."""
    earlier = ctx.before(token)
    places = [k for k in earlier if _is_state_place(k) and _country(k)]
    if not places:
        return None
    best = places[-1]
    later = {_country(k) for k in earlier if k.start >= best.start} - {None}
    return best if later == {_country(best)} else None


def _resolve_state_noun(noun: Token, ctx: _Context, lex: RelationLexicon) -> tuple[Span, list[ActorRef]] | None:
    span = _bare_definite(noun)
    if span is None:
        return None
    state = _nearest_state(noun, ctx)
    if state is None:
        return None
    code = _country(state)
    if noun.lemma_ in lex.get("government_nouns"):
        return span, [_state_ref(code, ctx, span.text, sector="GOV")]
    actor = state.actor if state.actor.id == code else _state_ref(code, ctx, span.text)
    return span, [ActorRef(actor.id, actor.name, actor.country, actor.sector, span.text)]


def _resolve_owned_government(noun: Token, ctx: _Context, lex: RelationLexicon) -> tuple[Span, list[ActorRef]] | None:
    """"Chinese citizens criticized their government", "Kenyan students said their government
    failed": "their/its government" is the government of the one state its clause's subject
    belongs to."""
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ in ("their", "its")), None)
    if owner is None or noun.lemma_.lower() not in lex.get("government_nouns"):
        return None
    subject = _clause_subject(noun)
    if subject is not None and subject.i == noun.i:
        subject = _clause_subject(noun.head)  # "students said their government had failed"
    if subject is None or subject.i > noun.i:
        return None
    codes = {_country(k) for t in subject.subtree for k in _actors_on(t, ctx)} - {None}
    if len(codes) != 1:
        return None
    span = noun.doc[owner.i:noun.i + 1]
    return span, [_state_ref(codes.pop(), ctx, span.text, sector="GOV")]


def _resolve_body_noun(noun: Token, ctx: _Context) -> tuple[Span, list[ActorRef]] | None:
    """"Acme Corp cut 300 jobs. The company said ...": "the company", "the group", "the bloc"
    stand for the nearest earlier actor of a matching kind in the paragraph, when its sentence
    names no other such actor."""
    span = _bare_definite(noun)
    if span is None or noun.dep_ == "poss":
        # "from the group's last holdout in Syria": the events stage would read the whole
        # possessed phrase as the group, where the sentence names a place
        return None
    kinds = _BODY_NOUNS.get(noun.lower_, frozenset())
    fits = [k for k in ctx.before(noun) if not _is_person(k) and _body_kind(k, ctx) in kinds]
    if not fits:
        return None
    best = fits[-1]
    if len({_key(k.actor) for k in fits if k.sentence == best.sentence}) != 1:
        return None  # "Acme and Bolt merged. The company ...": which one
    return span, [_with_text(best.actor, span.text)]


def _body_kind(k: _Known, ctx: _Context) -> str | None:
    """The registry kind of a mention's actor; "" for an unregistered name tagged ORG."""
    if k.actor.id:
        return _registry_kind(k.actor.id)
    root = ctx.doc[k.start:k.end].root
    return "" if root.ent_type_ == "ORG" and root.pos_ == "PROPN" else None


def _set_size(noun: Token) -> tuple[Span, int | None] | None:
    """"the two countries" → 2; "these countries" → None (any size); else not a set reference."""
    left = [t for t in noun.lefts]
    if not left or any(c.dep_ in ("relcl", "acl", "prep") for c in noun.rights):
        return None  # "the countries that voted ..." is restrictive, not a reference back
    words = [t.lower_ for t in left]
    size = None
    for t in left:
        if t.dep_ == "nummod":
            size = int(t.text) if t.text.isdigit() else (_NUMBERS.index(t.lower_) if t.lower_ in _NUMBERS else None)
            if size is None:
                return None
    if "both" in words:
        size = 2
    if not ({"the", "these", "those", "both"} & set(words)) or (words[0] == "the" and size is None):
        return None
    if any(t.dep_ in ("amod", "compound") for t in left):
        return None  # "the two Gulf states": a new description, not a reference
    return noun.doc[left[0].i:noun.i + 1], size


def _groups_in_sentence(known: list[_Known], doc: Doc) -> list[list[str]]:
    """Coordinated lists of states ("China, North Korea, Iran and Russia") as country codes."""
    by_token = {}
    for k in known:
        code = _country(k)
        if code:
            by_token.setdefault(doc[k.start:k.end].root.i, code)
    groups = []
    for i, code in by_token.items():
        head = doc[i]
        if head.dep_ == "conj" and head.head.i in by_token:
            continue  # not the first member of its list
        members = [code] + [by_token[t.i] for t in head.subtree if t.dep_ == "conj" and t.i in by_token]
        unique = list(dict.fromkeys(members))
        if len(unique) >= 2:
            groups.append(unique)
    return groups


def _resolve_state_set(noun: Token, ctx: _Context) -> tuple[Span, list[ActorRef]] | None:
    found = _set_size(noun)
    if found is None:
        return None
    span, size = found
    earlier = ctx.before(span[0])
    for sent in sorted({k.sentence for k in earlier}, reverse=True):
        here = [k for k in earlier if k.sentence == sent]
        groups = _groups_in_sentence(here, ctx.doc)
        codes = list(dict.fromkeys(c for c in (_country(k) for k in here) if c))
        match = next((g for g in reversed(groups) if size is None or len(g) == size), None)
        if match is None and size is not None and len(codes) == size:
            match = codes
        if match:
            return span, [_state_ref(c, ctx, span.text) for c in match]
        if len(codes) >= (size or 2):
            return None  # a sentence with more states than the reference names: ambiguous
    return None


def _resolve_officials(noun: Token, ctx: _Context) -> tuple[Span, list[ActorRef]] | None:
    """"Beijing's officials", "Chinese officials": the government of that state."""
    owners = [c for c in noun.lefts if c.dep_ in ("poss", "amod", "compound")
              and any(_is_state_organ(k.actor) for k in _actors_on(c, ctx))]
    codes = {_country(k) for c in owners for k in _actors_on(c, ctx)} - {None}
    if len(codes) != 1:
        return None
    span = noun.doc[owners[0].left_edge.i:noun.i + 1]
    return span, [_state_ref(codes.pop(), ctx, span.text, sector="GOV")]


# --------------------------------------------------------------------------- titles


def _title_endings(lex: RelationLexicon) -> frozenset[str]:
    """Every ending of a title's last word: a phrase whose last token is none of these names no
    title, which spares building the 1–3 word phrases at every noun."""
    words = {phrase.split()[-1] for title in lex.titles for phrase in title.words if phrase.split()}
    return frozenset(word[i:] for word in words for i in range(len(word)))


def _title_at(ctx: _Context, end: int, lex: RelationLexicon) -> tuple[str, int] | None:
    """The office named by the 1–3 words ending at token ``end`` (exclusive), with its start."""
    doc = ctx.doc
    if end < 1:
        return None
    tail = doc[end - 1].lower_.split()
    if ctx.title_endings and tail and tail[-1] not in ctx.title_endings:
        return None
    for width in (3, 2, 1):
        start = end - width
        if start >= 0:
            office = lex.title_office(span_text(doc, start, end))
            if office:
                return office, start
    return None


def _offices_seen(ctx: _Context, lex: RelationLexicon, before: int) -> dict[str, set[str]]:
    """Person → offices named next to them so far ("Chinese President Xi Jinping")."""
    seen: dict[str, set[str]] = {}
    for k in ctx.known:
        if k.start >= before or not _is_person(k):
            continue
        # the title may sit before the mention or inside it ("Chinese President Xi Jinping")
        for end in range(k.start, min(k.end, k.start + 4) + 1):
            found = _title_at(ctx, end, lex)
            if found:
                seen.setdefault(_key(k.actor), set()).add(found[0])
    return seen


def _resolve_title(token: Token, ctx: _Context, lex: RelationLexicon) -> tuple[Span, list[ActorRef]] | None:
    """"the Chinese leader" at the title's last word ``token``."""
    doc = ctx.doc
    found = _title_at(ctx, token.i + 1, lex)
    if found is None or (token.i + 1 < len(doc) and doc[token.i + 1].ent_type_ == "PERSON"):
        return None  # "President Xi": a name follows, nothing to resolve
    office, start = found
    code = None
    if start > 0 and doc[start - 1].ent_type_ in ("NORP", "GPE"):
        codes = {_country(k) for k in _actors_on(doc[start - 1], ctx)} - {None}
        code = codes.pop() if len(codes) == 1 else None
        if code is None:
            return None
        start -= 1
    if start == 0 or doc[start - 1].lower_ != "the":
        return None
    seen = _offices_seen(ctx, lex, start)
    people = [k for k in ctx.known if k.end <= start and _is_person(k)
              and lex.office_matches(office, seen.get(_key(k.actor), set())) and (code is None or _country(k) == code)]
    if code is None:  # "the president" alone: only within the paragraph
        people = [k for k in people if k.paragraph == ctx.paragraph(token)]
    if len({_key(k.actor) for k in people}) < 1:
        return None
    span = doc[start - 1:token.i + 1]
    actor = people[-1].actor
    return span, [ActorRef(actor.id, actor.name, actor.country, actor.sector, span.text)]


# --------------------------------------------------------------------------- component


class CorefResolver:
    """Appends coreference mentions (via="coref") to ``doc._.mentions``."""

    def __init__(self, nlp: Language, name: str = "dyad_coref"):
        self.name = name
        self.lex = relation_lexicon()
        self.title_endings = _title_endings(self.lex)
        self.state_words = self.lex.get("state_nouns") | self.lex.get("government_nouns")
        pronouns = self.lex.get("person_pronouns") | self.lex.get("thing_pronouns") | _PLURAL_SUBJECTS
        self.pronoun_ids = np.array(sorted(hash_string(w) for w in pronouns), dtype=np.uint64)
        _registry_state_names()  # the state table loads with the pipeline, not inside a document
        self._noun_words = self.lex.get("state_set_nouns") | self.lex.get("official_nouns")
        self._resolvable: dict[tuple[int, int], bool] = {}  # (LOWER, LEMMA) → see _resolvable_noun

    def __call__(self, doc: Doc) -> Doc:
        mentions = own_namesakes(list(doc._.mentions or []))
        ctx = _Context(doc, mentions, self.title_endings)
        for token in self._candidates(doc):
            covered = token.i in ctx.covered and not _only_unresolved(token, ctx)
            if covered and not _only_non_persons(token, ctx):
                continue
            for span, actors in self._resolve(token, ctx, covered=covered):
                if not span.label_:
                    span = Span(doc, span.start, span.end, label="NOUN_PHRASE")
                for actor in actors:
                    mentions.append(MentionSpan(span=span, actor=actor, via="coref"))
                    ctx.add(span, actor)
        doc._.mentions = sorted(mentions, key=lambda m: (m.span.start, m.span.end))
        return doc

    def _candidates(self, doc: Doc) -> Iterator[Token]:
        """The tokens ``_resolve`` can act on: the pronouns of the lexicon and the nouns
        ``_resolvable_noun`` keeps (every other token resolves to nothing); picked from the
        token arrays, not one by one."""
        columns = doc.to_array([POS, LOWER, LEMMA]).reshape(-1, 3)
        pronoun = np.isin(columns[:, 1], self.pronoun_ids)
        nouns = np.flatnonzero(np.isin(columns[:, 0], (NOUN, PROPN)) & ~pronoun).tolist()
        keys = columns[nouns, 1:].tolist()
        pronoun[[i for i, key in zip(nouns, keys) if self._resolvable_noun(doc, *key)]] = True
        for i in np.flatnonzero(pronoun).tolist():
            yield doc[i]

    def _resolvable_noun(self, doc: Doc, lower_id: int, lemma_id: int) -> bool:
        """Whether ``_resolve`` can find anything at a noun of these forms: a state, state-set
        or official noun, or a word ending as some title ends (``_title_at`` stops at once
        otherwise). Memoised by form: the answer depends on nothing else."""
        found = self._resolvable.get((lower_id, lemma_id))
        if found is None:
            lower, lemma = doc.vocab.strings[lower_id], doc.vocab.strings[lemma_id]
            tail = lower.split()
            found = (lemma.lower() in self.state_words or lower in self._noun_words or lower in _BODY_NOUNS
                     or not (self.title_endings and tail and tail[-1] not in self.title_endings))
            if len(self._resolvable) > 200_000:
                self._resolvable.clear()
            self._resolvable[(lower_id, lemma_id)] = found
        return found

    def _resolve(self, token: Token, ctx: _Context, covered: bool) -> list[tuple[Span, list[ActorRef]]]:
        lex, lower = self.lex, token.lower_
        if covered:
            # "Chinese leader" already read as the Chinese government: the title can still name the person
            hit = _resolve_title(token, ctx, lex) if token.pos_ in ("NOUN", "PROPN") else None
            return [hit] if hit else []
        if lower in lex.get("person_pronouns"):
            actor = _resolve_person_pronoun(token, ctx, lex)
            return [(_pronoun_span(token), [_with_text(actor, token.text)])] if actor else []
        if lower in lex.get("thing_pronouns"):
            actor = _resolve_it(token, ctx, lex)
            return [(_pronoun_span(token), [_with_text(actor, token.text)])] if actor else []
        if lower in _PLURAL_SUBJECTS:
            actors = _resolve_they(token, ctx)
            return [(_pronoun_span(token), [_with_text(a, token.text) for a in actors])] if actors else []
        if token.pos_ not in ("NOUN", "PROPN"):
            return []
        hit = None
        if token.lemma_.lower() in self.state_words and token.tag_ in ("NN", "NNP"):
            hit = _resolve_state_noun(token, ctx, lex) or _resolve_owned_government(token, ctx, lex)
        elif lower in _BODY_NOUNS and token.tag_ == "NN":
            hit = _resolve_body_noun(token, ctx)
        elif lower in lex.get("state_set_nouns"):
            hit = _resolve_state_set(token, ctx)
        elif lower in lex.get("official_nouns"):
            hit = _resolve_officials(token, ctx)
        if hit is None:
            hit = _resolve_title(token, ctx, lex)
        return [hit] if hit else []


def _only_non_persons(token: Token, ctx: _Context) -> bool:
    on = _actors_on(token, ctx)
    return bool(on) and not any(_is_person(k) for k in on)


def _only_unresolved(token: Token, ctx: _Context) -> bool:
    """Covered only by mentions without an id ("regime" read as some government): a
    reference back can still say whose."""
    on = _actors_on(token, ctx)
    return bool(on) and all(k.actor.id is None for k in on)


def _pronoun_span(token: Token) -> Span:
    return Span(token.doc, token.i, token.i + 1, label="PRONOUN")


def _with_text(actor: ActorRef, text: str) -> ActorRef:
    return ActorRef(actor.id, actor.name, actor.country, actor.sector, text)


@Language.factory("dyad_coref", assigns=["doc._.mentions"], requires=["doc._.mentions"])
def make_coref(nlp: Language, name: str) -> CorefResolver:
    return CorefResolver(nlp, name)
