"""What the relation finders share: the actors on each token, parse helpers, and the sentence
context a finder reads (its actors, times, modality cues, attribution) and makes statements with.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import Callable

from spacy.tokens import Doc, Span, Token

from dyad.models import ActorRef, Statement
from dyad.nlp.attribution import reporting_speaker
from dyad.nlp.relation_modality import statement_modality
from dyad.nlp.types import Timex, doc_text
from dyad.ontology.plover import ModalityCues
from dyad.ontology.relations import RelationLexicon

SUBJECTS = ("nsubj", "nsubjpass")
_NAME_LABELS = {"GPE", "NORP", "ORG", "PERSON"}
_CLAUSE_EDGES = ("ROOT", "ccomp", "advcl", "relcl", "conj", "parataxis")
_RELATIVE_PRONOUNS = {"that", "which", "who", "whom"}
LEADING_WORDS = {"the", "a", "an", "some", "its", "their", "his", "her", "this", "that", "these", "those", "any"}


# --------------------------------------------------------------------------- actors on tokens


class TokenActors:
    """Which actors each token belongs to, from ``doc._.mentions``."""

    def __init__(self, doc: Doc, resolve_name: Callable[[str, str | None], ActorRef | None] | None = None):
        self.resolve_name = resolve_name
        self.doc_date = doc._.doc_date
        self.by_token: dict[int, list] = {}
        for m in doc._.mentions or ():
            if m.actor is None:
                continue
            for i in range(m.span.start, m.span.end):
                self.by_token.setdefault(i, []).append(m)

    def at(self, token: Token) -> list[ActorRef]:
        """Actors of the mention covering ``token``: one headed by it, resolved ones first
        (coreference refines "the regime"), else the longest; a set mention gives several."""
        found = self.by_token.get(token.i, [])
        headed = [m for m in found if m.span.root.i == token.i]
        if found and not headed and token.ent_type_ in _NAME_LABELS and self.resolve_name is not None:
            # "China's largest supplier" read as one Chinese actor: the name inside is China
            inner = self._entity_ref(token)
            if inner is not None:
                return [inner]
        pool = [m for m in headed if m.actor.id] or headed or found
        if not pool:
            return []
        longest = max(m.span.end - m.span.start for m in pool)
        return unique_actors([m.actor for m in pool if m.span.end - m.span.start == longest])


    def headed(self, token: Token) -> list[ActorRef]:
        """Actors of mentions whose head is ``token`` (not of a larger phrase around it)."""
        return unique_actors([m.actor for m in self.by_token.get(token.i, []) if m.span.root.i == token.i])

    def _entity_ref(self, token: Token) -> ActorRef | None:
        ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        if ent is None or ent.root.i != token.i:
            return None
        ref = self.resolve_name(ent.text, self.doc_date)
        return ActorRef(ref.id, ref.name, ref.country, ref.sector, ent.text) if ref and ref.id else None


def actor_key(actor: ActorRef) -> str:
    return actor.id or actor.name.lower()


def unique_actors(actors: list[ActorRef]) -> list[ActorRef]:
    seen: dict[str, ActorRef] = {}
    for a in actors:
        seen.setdefault(actor_key(a), a)
    return list(seen.values())


def is_organisation(actor: ActorRef) -> bool:
    ident = actor.id or ""
    return ident.startswith(("org:", "igo:", "IGO")) or actor.country == "IGO" or actor.sector in ("IGO", "NGO")


# --------------------------------------------------------------------------- parse helpers


def child_of(token: Token, deps: tuple[str, ...], words: tuple[str, ...] | frozenset[str] | None = None) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps and (words is None or c.lower_ in words)), None)


def pobj_of(prep: Token | None) -> Token | None:
    return child_of(prep, ("pobj",)) if prep is not None else None


def prep_objects(token: Token, words: tuple[str, ...]) -> list[Token]:
    """Objects of prepositions ``words`` attached to ``token`` ("between X and Y" → X)."""
    return [o for c in token.children if c.dep_ in ("prep", "dative", "agent") and c.lower_ in words
            for o in [pobj_of(c)] if o is not None]


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The subject a verb takes, following control ("refused to send"), coordination
    ("has played … and remains") and participles ("companies like X selling …")."""
    if depth > 6:
        return None
    subj = child_of(verb, SUBJECTS)
    if subj is not None:
        return verb.head if subj.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl" else subj
    if verb.dep_ in ("relcl", "acl"):
        return verb.head
    if verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
        return subject_of(verb.head, depth + 1)
    if verb.dep_ == "pcomp" and verb.head.lower_ in ("of", "for") and verb.head.head.pos_ == "VERB":
        obj = child_of(verb.head.head, ("dobj",))
        if obj is not None:
            return obj  # "accused Beijing of supplying …": Beijing supplies
    if verb.dep_ in ("pcomp", "advcl", "pobj", "prep"):
        node = verb.head
        while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
            node = node.head
        return subject_of(node, depth + 1) if node.i != verb.i and node.pos_ in ("VERB", "AUX") else None
    return None


def np_actors(token: Token | None, actors: TokenActors, loose: bool = False) -> list[ActorRef]:
    """Actors a noun phrase names: itself, its conjuncts, "companies like X", appositions;
    with ``loose``, also "the parliament in Iran" / "Iran's parliament" (the owner)."""
    if token is None:
        return []
    found = list(actors.at(token))
    if not found:
        for c in token.children:
            if c.dep_ == "prep" and (c.lower_ in ("like", "including") or is_such_as(c)):
                found += [a for o in conjuncts_of(pobj_of(c)) for a in actors.at(o)]
            elif c.dep_ == "appos":
                found += actors.at(c)
    if not found and loose:
        owners = [c for c in token.children if c.dep_ in ("poss", "amod", "compound")]
        owners += prep_objects(token, ("in", "of"))
        found += [a for o in owners for a in actors.at(o)]
    for c in token.children:
        if c.dep_ == "conj":
            found += np_actors(c, actors, loose)
    return unique_actors(found)


def is_such_as(prep: Token) -> bool:
    return prep.lower_ == "as" and prep.i > 0 and prep.doc[prep.i - 1].lower_ == "such"


def conjuncts_of(token: Token | None) -> list[Token]:
    """"China, Iran and Russia" → the three heads."""
    if token is None:
        return []
    return [token] + [t for c in token.children if c.dep_ == "conj" for t in conjuncts_of(c)]


def governing_verb(token: Token) -> Token | None:
    """The verb a noun hangs from, through prepositions ("voted in favor of membership")."""
    node = token
    for _ in range(6):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def holder_of(noun: Token) -> Token | None:
    """Who holds a role noun: "X is (one of) Y's partners", "X, Y's ally", "Y's ally X"."""
    node = noun
    for _ in range(3):
        if node.dep_ == "pobj" and node.head.head.lower_ in ("one", "among", "some"):
            node = node.head.head  # "one of the largest customers"
        if node.dep_ in ("attr", "oprd", "acomp"):
            return subject_of(node.head)
        if node.dep_ in ("appos", "compound"):
            return node.head
        if node.dep_ == "conj":
            node = node.head
            continue
        break
    return child_of(noun, ("appos",))


def cue_negated(token: Token, lex: RelationLexicon) -> bool:
    """True when the cue sits under a negation in its own clause."""
    words, verbs = lex.get("negation_words"), lex.get("negating_verbs")
    node = token
    for _ in range(8):
        if any(c.dep_ in ("neg", "det", "advmod", "preconj") and c.lower_ in words for c in node.children):
            return True
        if node.i != token.i and node.lemma_.lower() in verbs:
            return True
        if node.dep_ == "pobj" and node.head.lower_ == "without":
            return True
        if node.dep_ in _CLAUSE_EDGES or node.head.i == node.i:
            return False
        node = node.head
    return False


def phrase_text(token: Token, stop: set[int] | None = None) -> str:
    """The words of a noun phrase up to its head: "nuclear and missile technology"."""
    stop = stop or set()
    words = [t for t in token.doc[token.left_edge.i:token.i + 1] if t.i not in stop]
    while words and (words[0].lower_ in LEADING_WORDS or words[0].is_punct):
        words = words[1:]
    if not words:
        return token.text
    if words[-1].i - words[0].i + 1 == len(words):  # contiguous: keep the text as written
        return doc_text(token.doc)[words[0].idx:words[-1].idx + len(words[-1])]
    return " ".join(t.text for t in words)


# --------------------------------------------------------------------------- sentence context


@dataclass
class SentenceContext:
    doc: Doc
    span: Span
    index: int
    actors: TokenActors
    lex: RelationLexicon
    timexes: list[Timex]
    attributed_to: str | None
    earlier: list[Statement]  # statements of earlier sentences (for "such a relationship")
    cues: ModalityCues

    def statement(self, kind: str, source: ActorRef, target: ActorRef | None, cue: Token, **extra) -> Statement:
        date, precision = self.date_near(cue)
        attributed = claimed_by(cue, self.lex) or reporting_speaker(self.doc, cue.idx) or self.attributed_to
        negated, modality = statement_modality(cue, cue_negated(cue, self.lex), attributed, self.lex, self.cues)
        return Statement(kind=kind, source=source, target=target, sentence=self.index,
                         start=self.span.start_char, end=self.span.end_char, negated=negated,
                         date=date, date_precision=precision, attributed_to=attributed, modality=modality, **extra)

    def date_near(self, cue: Token) -> tuple[str | None, str | None]:
        """The time of the cue's own clause, else the nearest in the sentence."""
        here = [t for t in self.timexes if self.span.start <= t.span.start < self.span.end]
        if not here:
            return None, None
        verb = cue if cue.pos_ in ("VERB", "AUX") else governing_verb(cue)
        clause = clause_tokens(verb) if verb is not None else set()
        best = min(here, key=lambda t: (t.span.root.i not in clause, abs(t.span.start - cue.i)))
        return timex_point(best)

    def amount_near(self, cue: Token) -> str | None:
        money = [e for e in self.span.ents if e.label_ == "MONEY"]
        if not money:
            return None
        return min(money, key=lambda e: (e.start < cue.i, abs(e.start - cue.i))).text


def claimed_by(cue: Token, lex: RelationLexicon) -> str | None:
    """"Washington accused Beijing of supplying …": the tie is Washington's claim."""
    node = cue
    for _ in range(6):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ == "VERB" and node.lemma_.lower() in lex.get("claim_verbs"):
            # "Iran is reported to supply": the passive subject is the one claimed about; the
            # claimant is the agent ("was accused by Kyiv of"), when there is one
            agent = pobj_of(child_of(node, ("agent",)))
            subj = agent if agent is not None or child_of(node, ("nsubjpass",)) else child_of(node, ("nsubj",))
            return " ".join(t.text for t in subj.subtree) if subj is not None else None
    return None


def clause_tokens(verb: Token) -> set[int]:
    """Token indices of a verb's own clause, without coordinated or embedded clauses."""
    inner = {verb.i}
    for child in verb.children:
        if child.dep_ not in ("conj", "ccomp", "advcl", "relcl", "parataxis"):
            inner.update(t.i for t in child.subtree)
    return inner


def timex_point(timex: Timex) -> tuple[str | None, str | None]:
    """A statement's date: the value, or what both ends of a range share ("2022-01".."2022-07" → 2022)."""
    if timex.end_value is None or timex.end_value == "..":
        return timex.value, timex.precision
    parts_a, parts_b = timex.value.split("-"), timex.end_value.split("-")
    shared = []
    for a, b in zip(parts_a, parts_b):
        if a != b:
            break
        shared.append(a)
    if not shared:
        return None, None
    return "-".join(shared), ("year", "month", "day")[len(shared) - 1]


def pair_statements(kind: str, parties: list[ActorRef], cue: Token, ctx: SentenceContext, **extra) -> list[Statement]:
    return [ctx.statement(kind, a, b, cue, **extra) for a, b in combinations(unique_actors(parties), 2)]
