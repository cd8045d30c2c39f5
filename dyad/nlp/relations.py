"""``dyad_relations``: standing ties stated in sentences → ``doc._.statements``.

Each finder reads one family of cues from ``data/relations/cues.yaml`` and walks the
dependency parse to its arguments; actors come from ``doc._.mentions`` (actors and
coreference), so "these countries do not have a defence pact" yields statements only
when coreference resolved "these countries". Negation is first-class: a cue under "not",
"never", "no", "without" or a negating verb ("refused to send") gives ``negated=True``.

Kinds: defence_pact, ally_of, trade_partner (with amount), member_of, supplier_of (with
item), voted_against / voted_for, mediated (one statement per mediated party).
Each statement carries a modality as events do (``dyad.nlp.relation_modality``): "would sign a
defence pact" is hypothetical, "is reported to supply drones" reported, "denied supplying
drones" denied and negated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import combinations
from typing import Callable, Iterator

from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dyad.models import ActorRef, Statement
from dyad.nlp.coref import state_name
from dyad.nlp.relation_modality import attribution, statement_modality
from dyad.nlp.types import Timex, doc_text, register_extensions
from dyad.ontology.plover import ModalityCues, load_modality_cues
from dyad.ontology.relations import RelationLexicon, relation_lexicon

register_extensions()

_SUBJECTS = ("nsubj", "nsubjpass")
_NAME_LABELS = {"GPE", "NORP", "ORG", "PERSON"}
_CLAUSE_EDGES = ("ROOT", "ccomp", "advcl", "relcl", "conj", "parataxis")
_RELATIVE_PRONOUNS = {"that", "which", "who", "whom"}
_SYMMETRIC = ("defence_pact", "ally_of", "trade_partner")
_ANAPHORA_WINDOW = 8  # sentences back to look for the tie "such a relationship" points to
_LEADING_WORDS = {"the", "a", "an", "some", "its", "their", "his", "her", "this", "that", "these", "those", "any"}


# --------------------------------------------------------------------------- actors on tokens


class _Actors:
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
        return _unique([m.actor for m in pool if m.span.end - m.span.start == longest])


    def headed(self, token: Token) -> list[ActorRef]:
        """Actors of mentions whose head is ``token`` (not of a larger phrase around it)."""
        return _unique([m.actor for m in self.by_token.get(token.i, []) if m.span.root.i == token.i])

    def _entity_ref(self, token: Token) -> ActorRef | None:
        ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        if ent is None or ent.root.i != token.i:
            return None
        ref = self.resolve_name(ent.text, self.doc_date)
        return ActorRef(ref.id, ref.name, ref.country, ref.sector, ent.text) if ref and ref.id else None


def _key(actor: ActorRef) -> str:
    return actor.id or actor.name.lower()


def _unique(actors: list[ActorRef]) -> list[ActorRef]:
    seen: dict[str, ActorRef] = {}
    for a in actors:
        seen.setdefault(_key(a), a)
    return list(seen.values())


def _is_organisation(actor: ActorRef) -> bool:
    ident = actor.id or ""
    return ident.startswith(("org:", "igo:", "IGO")) or actor.country == "IGO" or actor.sector in ("IGO", "NGO")


# --------------------------------------------------------------------------- parse helpers


def _child(token: Token, deps: tuple[str, ...], words: tuple[str, ...] | frozenset[str] | None = None) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps and (words is None or c.lower_ in words)), None)


def _pobj(prep: Token | None) -> Token | None:
    return _child(prep, ("pobj",)) if prep is not None else None


def _prep_objects(token: Token, words: tuple[str, ...]) -> list[Token]:
    """Objects of prepositions ``words`` attached to ``token`` ("between X and Y" → X)."""
    return [o for c in token.children if c.dep_ in ("prep", "dative", "agent") and c.lower_ in words
            for o in [_pobj(c)] if o is not None]


def _subject(verb: Token, depth: int = 0) -> Token | None:
    """The subject a verb takes, following control ("refused to send"), coordination
    ("has played … and remains") and participles ("companies like X selling …")."""
    if depth > 6:
        return None
    subj = _child(verb, _SUBJECTS)
    if subj is not None:
        return verb.head if subj.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl" else subj
    if verb.dep_ in ("relcl", "acl"):
        return verb.head
    if verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
        return _subject(verb.head, depth + 1)
    if verb.dep_ == "pcomp" and verb.head.lower_ in ("of", "for") and verb.head.head.pos_ == "VERB":
        obj = _child(verb.head.head, ("dobj",))
        if obj is not None:
            return obj  # "accused Beijing of supplying …": Beijing supplies
    if verb.dep_ in ("pcomp", "advcl", "pobj", "prep"):
        node = verb.head
        while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
            node = node.head
        return _subject(node, depth + 1) if node.i != verb.i and node.pos_ in ("VERB", "AUX") else None
    return None


def _np_actors(token: Token | None, actors: _Actors, loose: bool = False) -> list[ActorRef]:
    """Actors a noun phrase names: itself, its conjuncts, "companies like X", appositions;
    with ``loose``, also "the parliament in Iran" / "Iran's parliament" (the owner)."""
    if token is None:
        return []
    found = list(actors.at(token))
    if not found:
        for c in token.children:
            if c.dep_ == "prep" and (c.lower_ in ("like", "including") or _is_such_as(c)):
                found += [a for o in _conjuncts(_pobj(c)) for a in actors.at(o)]
            elif c.dep_ == "appos":
                found += actors.at(c)
    if not found and loose:
        owners = [c for c in token.children if c.dep_ in ("poss", "amod", "compound")]
        owners += _prep_objects(token, ("in", "of"))
        found += [a for o in owners for a in actors.at(o)]
    for c in token.children:
        if c.dep_ == "conj":
            found += _np_actors(c, actors, loose)
    return _unique(found)


def _is_such_as(prep: Token) -> bool:
    return prep.lower_ == "as" and prep.i > 0 and prep.doc[prep.i - 1].lower_ == "such"


def _conjuncts(token: Token | None) -> list[Token]:
    """"China, Iran and Russia" → the three heads."""
    if token is None:
        return []
    return [token] + [t for c in token.children if c.dep_ == "conj" for t in _conjuncts(c)]


def _governing_verb(token: Token) -> Token | None:
    """The verb a noun hangs from, through prepositions ("voted in favor of membership")."""
    node = token
    for _ in range(6):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def _holder(noun: Token) -> Token | None:
    """Who holds a role noun: "X is (one of) Y's partners", "X, Y's ally", "Y's ally X"."""
    node = noun
    for _ in range(3):
        if node.dep_ == "pobj" and node.head.head.lower_ in ("one", "among", "some"):
            node = node.head.head  # "one of the largest customers"
        if node.dep_ in ("attr", "oprd", "acomp"):
            return _subject(node.head)
        if node.dep_ in ("appos", "compound"):
            return node.head
        if node.dep_ == "conj":
            node = node.head
            continue
        break
    return _child(noun, ("appos",))


def _negated(token: Token, lex: RelationLexicon) -> bool:
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


def _phrase(token: Token, stop: set[int] | None = None) -> str:
    """The words of a noun phrase up to its head: "nuclear and missile technology"."""
    stop = stop or set()
    words = [t for t in token.doc[token.left_edge.i:token.i + 1] if t.i not in stop]
    while words and (words[0].lower_ in _LEADING_WORDS or words[0].is_punct):
        words = words[1:]
    if not words:
        return token.text
    if words[-1].i - words[0].i + 1 == len(words):  # contiguous: keep the text as written
        return doc_text(token.doc)[words[0].idx:words[-1].idx + len(words[-1])]
    return " ".join(t.text for t in words)


# --------------------------------------------------------------------------- sentence context


@dataclass
class _Sentence:
    doc: Doc
    span: Span
    index: int
    actors: _Actors
    lex: RelationLexicon
    timexes: list[Timex]
    attributed_to: str | None
    earlier: list[Statement]  # statements of earlier sentences (for "such a relationship")
    cues: ModalityCues

    def statement(self, kind: str, source: ActorRef, target: ActorRef | None, cue: Token, **extra) -> Statement:
        date, precision = self.date_near(cue)
        attributed = _claimed_by(cue, self.lex) or self.attributed_to
        negated, modality = statement_modality(cue, _negated(cue, self.lex), attributed, self.lex, self.cues)
        return Statement(kind=kind, source=source, target=target, sentence=self.index,
                         start=self.span.start_char, end=self.span.end_char, negated=negated,
                         date=date, date_precision=precision, attributed_to=attributed, modality=modality, **extra)

    def date_near(self, cue: Token) -> tuple[str | None, str | None]:
        """The time of the cue's own clause, else the nearest in the sentence."""
        here = [t for t in self.timexes if self.span.start <= t.span.start < self.span.end]
        if not here:
            return None, None
        verb = cue if cue.pos_ in ("VERB", "AUX") else _governing_verb(cue)
        clause = _clause_tokens(verb) if verb is not None else set()
        best = min(here, key=lambda t: (t.span.root.i not in clause, abs(t.span.start - cue.i)))
        return _point(best)

    def amount_near(self, cue: Token) -> str | None:
        money = [e for e in self.span.ents if e.label_ == "MONEY"]
        if not money:
            return None
        return min(money, key=lambda e: (e.start < cue.i, abs(e.start - cue.i))).text


def _claimed_by(cue: Token, lex: RelationLexicon) -> str | None:
    """"Washington accused Beijing of supplying …": the tie is Washington's claim."""
    node = cue
    for _ in range(6):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ == "VERB" and node.lemma_.lower() in lex.get("claim_verbs"):
            # "Iran is reported to supply": the passive subject is the one claimed about; the
            # claimant is the agent ("was accused by Kyiv of"), when there is one
            agent = _pobj(_child(node, ("agent",)))
            subj = agent if agent is not None or _child(node, ("nsubjpass",)) else _child(node, ("nsubj",))
            return " ".join(t.text for t in subj.subtree) if subj is not None else None
    return None


def _clause_tokens(verb: Token) -> set[int]:
    """Token indices of a verb's own clause, without coordinated or embedded clauses."""
    inner = {verb.i}
    for child in verb.children:
        if child.dep_ not in ("conj", "ccomp", "advcl", "relcl", "parataxis"):
            inner.update(t.i for t in child.subtree)
    return inner


def _point(timex: Timex) -> tuple[str | None, str | None]:
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


def _pairs(kind: str, parties: list[ActorRef], cue: Token, ctx: _Sentence, **extra) -> list[Statement]:
    return [ctx.statement(kind, a, b, cue, **extra) for a, b in combinations(_unique(parties), 2)]


# --------------------------------------------------------------------------- ties (pacts, alliances)


def _tie_kind(noun: Token, ctx: _Sentence) -> str | None:
    lemma = noun.lemma_.lower()
    mods = {c.lemma_.lower() for c in noun.children if c.dep_ in ("amod", "compound", "nmod")}
    mods |= {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound", "nmod")}
    for cue in ctx.lex.ties:
        if lemma in cue.heads and (mods & cue.modifiers or lemma in cue.bare):
            return cue.kind
    return _anaphoric_kind(noun, ctx)


def _anaphoric_kind(noun: Token, ctx: _Sentence) -> str | None:
    """"such a relationship": the kind of the last symmetric tie stated shortly before."""
    if noun.lemma_.lower() not in ctx.lex.get("anaphoric_tie_nouns"):
        return None
    if not any(c.lower_ in ctx.lex.get("anaphoric_markers") for c in noun.children):
        return None
    recent = [s for s in ctx.earlier if s.kind in _SYMMETRIC and ctx.index - s.sentence <= _ANAPHORA_WINDOW]
    return recent[-1].kind if recent else None


def _tie_parties(noun: Token, ctx: _Sentence) -> list[ActorRef]:
    between = [a for o in _prep_objects(noun, ("between", "among")) for a in _np_actors(o, ctx.actors)]
    if len(between) >= 2:
        return between
    parties = [a for c in noun.children if c.dep_ == "poss" for a in ctx.actors.at(c)]
    verb = noun.head if noun.dep_ in ("dobj", "nsubjpass", "attr") else _governing_verb(noun)
    if verb is not None and verb.lemma_.lower() in ctx.lex.get("holding_verbs"):  # "are bound by a treaty"
        parties += _np_actors(_subject(verb), ctx.actors)
        parties += [a for o in _prep_objects(verb, ("with",)) for a in _np_actors(o, ctx.actors)]
    parties += [a for o in _prep_objects(noun, ("with",)) for a in _np_actors(o, ctx.actors)]
    return _unique(parties)


def find_ties(ctx: _Sentence) -> Iterator[Statement]:
    for noun in ctx.span:
        if noun.pos_ not in ("NOUN", "PROPN"):
            continue
        kind = _tie_kind(noun, ctx)
        if kind:
            yield from _pairs(kind, _tie_parties(noun, ctx), noun, ctx)


# --------------------------------------------------------------------------- partners and trade


def _partner_kind(noun: Token, ctx: _Sentence) -> str | None:
    lemma = noun.lemma_.lower()
    mods = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound")}
    for cue in ctx.lex.partners:
        if lemma in cue.nouns and (not cue.modifiers or mods & cue.modifiers):
            return cue.kind
    return None


def find_partners(ctx: _Sentence) -> Iterator[Statement]:
    for noun in ctx.span:
        kind = _partner_kind(noun, ctx) if noun.pos_ == "NOUN" else None
        if kind is None:
            continue
        counterpart = [a for c in noun.children if c.dep_ == "poss" for a in _np_actors(c, ctx.actors)]
        counterpart += [a for o in _prep_objects(noun, ("of", "to")) for a in _np_actors(o, ctx.actors)]
        holders = _np_actors(_holder(noun), ctx.actors)
        extra = {"amount": ctx.amount_near(noun)} if kind == "trade_partner" else {}
        if counterpart:
            yield from (ctx.statement(kind, h, t, noun, **extra) for h in holders for t in _unique(counterpart)
                        if _key(h) != _key(t))
        elif noun.tag_ == "NNS":  # "X and Y are allies"
            yield from _pairs(kind, holders, noun, ctx, **extra)


def find_trade(ctx: _Sentence) -> Iterator[Statement]:
    """"trade between X and Y reached $N", "X's trade with Y"."""
    for noun in ctx.span:
        if noun.lemma_.lower() not in ctx.lex.get("trade_nouns") or noun.pos_ != "NOUN":
            continue
        parties = [a for o in _prep_objects(noun, ("between",)) for a in _np_actors(o, ctx.actors)]
        if len(parties) < 2:
            parties = [a for c in noun.children if c.dep_ == "poss" for a in ctx.actors.at(c)]
            parties += [a for o in _prep_objects(noun, ("with",)) for a in _np_actors(o, ctx.actors)]
        yield from _pairs("trade_partner", parties, noun, ctx, amount=ctx.amount_near(noun))


# --------------------------------------------------------------------------- membership


def _organisations(tokens: list[Token], ctx: _Sentence) -> list[ActorRef]:
    return [a for t in tokens for a in _np_actors(t, ctx.actors) if _is_organisation(a)]


def _as_state(actor: ActorRef) -> ActorRef:
    """States are members, not their organs: "the parliament in Iran voted for membership" → IRN."""
    ident, country = actor.id or "", actor.country or ""
    organ = not ident or (ident[:3] == country and ident[3:4] == ".")
    if organ and re.fullmatch(r"[A-Z]{3}", country) and country != "IGO" and not ident.startswith("person:"):
        return ActorRef(id=country, name=state_name(country), country=country, text=actor.text)
    return actor


def _granting_org(noun: Token, ctx: _Sentence) -> list[ActorRef]:
    """"the SCO approved the application for Iran's membership": the organisation approving."""
    verb = _governing_verb(noun)
    if verb is None or verb.lemma_.lower() not in ctx.lex.get("granting_verbs"):
        return []
    return _organisations([_subject(verb)] if _subject(verb) is not None else [], ctx)


def find_membership(ctx: _Sentence) -> Iterator[Statement]:
    lex = ctx.lex
    for tok in ctx.span:
        lemma = tok.lemma_.lower()
        if lemma in lex.get("membership_nouns") and tok.pos_ == "NOUN":
            members = [a for c in tok.children if c.dep_ == "poss" for a in _np_actors(c, ctx.actors)]
            if not members:
                verb = _governing_verb(tok)
                members = _np_actors(_subject(verb), ctx.actors, loose=True) if verb is not None else []
            orgs = _organisations(_prep_objects(tok, ("in", "of", "to", "into")), ctx) or _granting_org(tok, ctx)
        elif lemma in lex.get("joining_verbs") and tok.pos_ == "VERB":
            members = _np_actors(_subject(tok), ctx.actors, loose=True)
            orgs = _organisations([c for c in tok.children if c.dep_ == "dobj"] + _prep_objects(tok, ("to", "into")), ctx)
        elif lemma in lex.get("member_nouns") and tok.dep_ in ("attr", "appos", "oprd", "pobj"):
            members = _np_actors(_holder(tok), ctx.actors, loose=True)
            orgs = _organisations(_prep_objects(tok, ("of", "in")), ctx)
        else:
            continue
        members = _unique([_as_state(m) for m in members])
        yield from (ctx.statement("member_of", m, o, tok) for m in members for o in orgs if _key(m) != _key(o))


# --------------------------------------------------------------------------- supply


def _is_supply_verb(tok: Token, lex: RelationLexicon) -> bool:
    return tok.lemma_.lower() in lex.get("supply_verbs") or tok.lower_ in lex.get("supply_irregular") or (
        tok.lower_.endswith("ing") and tok.lower_[:-3] in lex.get("supply_verbs"))


def _usable_item(item: Token | None, ctx: _Sentence) -> bool:
    """A thing supplied: a noun that is not a named actor ("drones" read as a military
    sector noun still counts) and not people sent ("troops", "a delegation")."""
    if item is None or item.pos_ not in ("NOUN", "PROPN"):
        return False
    return not _named(ctx.actors.headed(item)) and item.lemma_.lower() not in ctx.lex.get("not_items")


def _named(actors: list[ActorRef]) -> list[ActorRef]:
    """Actors that name someone (an id, or a country without a sector), not a bare sector
    noun such as "drones" (military) or "companies" (business)."""
    return [a for a in actors if a.id or (a.country and not a.sector)]


def _recipient_and_item(verb: Token, ctx: _Sentence) -> tuple[list[ActorRef], Token | None]:
    dobj = _child(verb, ("dobj",))
    dobj_actors = _named(_np_actors(dobj, ctx.actors)) if dobj is not None else []
    if dobj_actors:  # "provided Iran with technology"
        with_obj = _prep_objects(verb, ("with",)) or _prep_objects(dobj, ("with",))
        return dobj_actors, with_obj[0] if with_obj else None
    to_objs = _prep_objects(verb, ("to", "into")) + (_prep_objects(dobj, ("to",)) if dobj is not None else [])
    recipients = [a for o in to_objs for a in _np_actors(o, ctx.actors)]
    dative = _child(verb, ("dative",))
    if dative is not None and dative.pos_ in ("NOUN", "PROPN"):
        recipients += _np_actors(dative, ctx.actors)  # "sold Ukraine drones"
    return _unique(recipients), dobj


def _topic_recipient(source: ActorRef, ctx: _Sentence) -> list[ActorRef]:
    """No recipient in the clause ("companies like X selling equipment"): the one foreign
    state the sentence is about, named as an owner ("Iran's surveillance architecture")."""
    found = [a for t in ctx.span if t.dep_ in ("poss", "amod") for a in ctx.actors.at(t)
             if a.country and a.country != source.country and a.country != "IGO"]
    codes = {a.country for a in found}
    if len(codes) != 1:
        return []
    code = codes.pop()
    state = next((a for a in found if a.id == code), None)
    return [state or ActorRef(id=code, name=code, country=code)]


def _surface_source(tok: Token, ctx: _Sentence) -> list[ActorRef]:
    """When the parser missed the verb ("companies like Tiandy selling equipment", "Turkey
    mediated talks" read as an adjective): the actor named right before it."""
    i = tok.i - 1
    while i > ctx.span.start and tok.doc[i].pos_ in ("ADV", "AUX", "PART"):
        i -= 1
    return ctx.actors.at(tok.doc[i]) if i >= ctx.span.start and i < tok.i else []


def _subject_actors(verb: Token, ctx: _Sentence) -> list[ActorRef]:
    return _np_actors(_subject(verb), ctx.actors) or _surface_source(verb, ctx)


def _counted(item: Token | None, ctx: _Sentence) -> tuple[Token | None, Token | None]:
    """"hundreds of drones": (drones, hundreds); otherwise (item, None)."""
    if item is not None and item.lemma_.lower() in ctx.lex.get("quantity_nouns"):
        inner = _prep_objects(item, ("of",))
        if inner:
            return inner[0], item
    return item, None


def _item_text(item: Token, quantity: Token | None, stop: set[int]) -> str:
    if quantity is None:
        return _phrase(item, stop)
    start = min(t.i for t in quantity.subtree if t.i not in stop)
    words = [t for t in item.doc[start:item.i + 1] if t.lower_ not in _LEADING_WORDS or t.i > start]
    return doc_text(item.doc)[words[0].idx:item.idx + len(item)] if words else item.text


def find_supply(ctx: _Sentence) -> Iterator[Statement]:
    for tok in ctx.span:
        if not _is_supply_verb(tok, ctx.lex):
            continue
        if tok.pos_ == "VERB" and tok.dep_ != "compound":
            sources = _subject_actors(tok, ctx)
            recipients, item = _recipient_and_item(tok, ctx)
        else:
            sources, recipients, item = _surface_source(tok, ctx), [], tok.head if tok.dep_ == "compound" else None
        item, quantity = _counted(item, ctx)
        if not sources or not _usable_item(item, ctx):
            continue
        text = _item_text(item, quantity, set(range(item.left_edge.i, tok.i + 1)) if item.i > tok.i else set())
        for source in sources:
            for target in recipients or _topic_recipient(source, ctx):
                if _key(source) != _key(target):
                    yield ctx.statement("supplier_of", source, target, tok, item=text)


def _supplier_modifiers(item: Token, ctx: _Sentence) -> tuple[list[ActorRef], set[int]]:
    mods = [c for c in item.children if c.dep_ in ("amod", "compound", "poss")]
    found = [(m, ctx.actors.at(m)) for m in mods]
    return [a for _, acts in found for a in acts], {t.i for m, acts in found if acts for t in m.subtree}


def find_buyers(ctx: _Sentence) -> Iterator[Statement]:
    """"X remains one of the largest customers of Russian oil" → RUS supplier_of X (oil)."""
    lex = ctx.lex
    for tok in ctx.span:
        lemma = tok.lemma_.lower()
        if lemma in lex.get("buyer_nouns") and tok.pos_ == "NOUN":
            buyers, items = _np_actors(_holder(tok), ctx.actors), _prep_objects(tok, ("of",))
        elif lemma in lex.get("buyer_verbs") and tok.pos_ == "VERB":
            yield from _bought(tok, ctx)
            continue
        elif lemma in lex.get("export_nouns") and tok.pos_ == "NOUN":
            yield from _exports(tok, ctx)
            continue
        elif lemma in lex.get("import_nouns") and tok.pos_ == "NOUN":
            buyers = [a for c in tok.children if c.dep_ == "poss" for a in ctx.actors.at(c)]
            items = [c for c in tok.children if c.dep_ == "compound"]
        else:
            continue
        yield from _buyer_statements(tok, buyers, items, ctx)


def _bought(verb: Token, ctx: _Sentence) -> Iterator[Statement]:
    """"India buys weapons from Russia and oil from Iran": items and sources paired in order."""
    buyers = _np_actors(_subject(verb), ctx.actors)
    items = _conjuncts(_child(verb, ("dobj",)))
    froms = _prep_objects(verb, ("from",))
    items += [c for f in froms for c in _conjuncts(f)[1:] if not ctx.actors.at(c)]  # "Russia and oil"
    sources = [[a for a in ctx.actors.at(f)] for f in froms]
    if len(sources) > 1 and len(sources) != len(items):
        return  # cannot tell which item came from where
    for i, item in enumerate(items):
        suppliers, skip = _supplier_modifiers(item, ctx)
        suppliers += sources[i] if len(sources) > 1 else (sources[0] if sources else [])
        if _usable_item(item, ctx):
            yield from (ctx.statement("supplier_of", s, b, verb, item=_phrase(item, skip))
                        for s in _unique(suppliers) for b in buyers if _key(b) != _key(s))


def _exports(noun: Token, ctx: _Sentence) -> Iterator[Statement]:
    """"Russia's oil exports to India", "arms deliveries from France to Egypt"."""
    suppliers = [a for c in noun.children if c.dep_ == "poss" for a in _np_actors(c, ctx.actors)]
    suppliers += [a for o in _prep_objects(noun, ("from",)) for a in _np_actors(o, ctx.actors)]
    recipients = [a for o in _prep_objects(noun, ("to",)) for a in _np_actors(o, ctx.actors)]
    items = [c for c in noun.children if c.dep_ == "compound" and _usable_item(c, ctx)]
    items += [o for o in _prep_objects(noun, ("of",)) if _usable_item(o, ctx)]
    if not items:
        return
    for s in _unique(suppliers):
        yield from (ctx.statement("supplier_of", s, r, noun, item=_phrase(items[0]))
                    for r in _unique(recipients) if _key(r) != _key(s))


def find_suppliers_named(ctx: _Sentence) -> Iterator[Statement]:
    """"Russia has become China's largest supplier of crude oil"."""
    for noun in ctx.span:
        if noun.lemma_.lower() not in ctx.lex.get("supplier_nouns") or noun.pos_ != "NOUN":
            continue
        recipients = [a for c in noun.children if c.dep_ == "poss" for a in _np_actors(c, ctx.actors)]
        recipients += [a for o in _prep_objects(noun, ("to", "for")) for a in _np_actors(o, ctx.actors)]
        items = [o for o in _prep_objects(noun, ("of",)) if _usable_item(o, ctx)]
        for holder in _np_actors(_holder(noun), ctx.actors):
            for target in _unique(recipients):
                if _key(holder) != _key(target):
                    yield ctx.statement("supplier_of", holder, target, noun,
                                        item=_phrase(items[0]) if items else None)


def _buyer_statements(cue: Token, buyers: list[ActorRef], items: list[Token], ctx: _Sentence) -> Iterator[Statement]:
    for item in items:
        suppliers, skip = _supplier_modifiers(item, ctx)
        suppliers += [a for o in _prep_objects(cue, ("from",)) + _prep_objects(item, ("from",))
                      for a in _np_actors(o, ctx.actors)]
        if not _usable_item(item, ctx):
            continue
        for s in _unique(suppliers):
            yield from (ctx.statement("supplier_of", s, b, cue, item=_phrase(item, skip))
                        for b in buyers if _key(b) != _key(s))


# --------------------------------------------------------------------------- votes


def _vote_object(verb: Token, ctx: _Sentence) -> tuple[str, Token] | None:
    against = _prep_objects(verb, tuple(ctx.lex.get("vote_against")))
    if against:
        return "voted_against", against[0]
    for obj in _prep_objects(verb, ("for", "in")):
        if obj.lower_ in ("favor", "favour"):
            inner = _prep_objects(obj, ("of",))
            return ("voted_for", inner[0]) if inner else None
        if obj.head.lower_ == "for":
            return "voted_for", obj
    return None


def _included_actors(verb: Token, ctx: _Sentence) -> list[ActorRef]:
    """"Six countries voted against it, including China": the named members of the group."""
    found = []
    for t in verb.subtree:
        if t.dep_ == "prep" and (t.lower_ in ("including", "among") or _is_such_as(t)):
            found += [a for o in _conjuncts(_pobj(t)) for a in ctx.actors.at(o)]
    return _unique(found)


def find_votes(ctx: _Sentence) -> Iterator[Statement]:
    for verb in ctx.span:
        if verb.lemma_.lower() not in ctx.lex.get("vote_verbs") or verb.pos_ != "VERB":
            continue
        found = _vote_object(verb, ctx)
        if found is None:
            continue
        kind, obj = found
        if obj.pos_ == "PRON":
            continue  # "would vote for it": what "it" is belongs to coreference of things
        voters = _np_actors(_subject(verb), ctx.actors, loose=True) or _included_actors(verb, ctx)
        targets = ctx.actors.at(obj)
        item = None if targets else _phrase(obj)
        for voter in voters:
            for target in targets or [None]:
                yield ctx.statement(kind, voter, target, verb, item=item)


# --------------------------------------------------------------------------- mediation


def _mediated_object(cue: Token, ctx: _Sentence) -> Token | None:
    """The agreement/talks mediated, when it names its parties with "between"."""
    objects = ctx.lex.get("mediated_objects")
    candidates = [cue] + [c for c in cue.children if c.dep_ == "dobj"] + _prep_objects(cue, ("in", "on", "over"))
    if cue.dep_ in ("amod", "acl"):
        candidates.append(cue.head)  # "Turkey mediated talks" parsed as an adjective on "talks"
    if cue.dep_ == "dobj":
        candidates += _prep_objects(cue.head, ("in", "on", "over"))
    return next((c for c in candidates if c.lemma_.lower() in objects | {cue.lemma_.lower()}
                 and _prep_objects(c, ("between",))), None)


def _mediator_and_parties(tok: Token, ctx: _Sentence) -> tuple[list[ActorRef], Token | None]:
    lex, lemma = ctx.lex, tok.lemma_.lower()
    if lemma in lex.get("mediation_verbs") and tok.pos_ == "VERB":
        agent = [a for o in _prep_objects(tok, ("by",)) for a in _np_actors(o, ctx.actors)]
        return agent or _subject_actors(tok, ctx), _mediated_object(tok, ctx)
    if lemma in lex.get("role_nouns") and tok.dep_ == "dobj" and tok.head.lemma_ == "play":
        return _np_actors(_subject(tok.head), ctx.actors), _mediated_object(tok, ctx)
    if lemma in lex.get("mediation_nouns"):
        owners = [a for c in tok.children if c.dep_ == "poss" for a in ctx.actors.at(c)]
        return owners, tok if _prep_objects(tok, ("between",)) else None
    return [], None


def find_mediation(ctx: _Sentence) -> Iterator[Statement]:
    for tok in ctx.span:
        mediators, obj = _mediator_and_parties(tok, ctx)
        if not mediators or obj is None:
            continue
        parties = [a for o in _prep_objects(obj, ("between",)) for a in _np_actors(o, ctx.actors)]
        own = {m.country for m in mediators if m.country}
        parties = [p for p in _unique(parties) if all(_key(p) != _key(m) for m in mediators)
                   and p.country not in own and not _generic(p)]
        if len(parties) < 2:
            continue  # mediation needs two sides other than the mediator
        item = None if obj.i == tok.i else _phrase(obj)
        for mediator in mediators:
            yield from (ctx.statement("mediated", mediator, p, tok, item=item) for p in parties)


# --------------------------------------------------------------------------- component

# Each finder with the word lists it needs one word of (a lower form, lemma, "-ing" stem) in a sentence
FINDERS: tuple[tuple[Callable[[_Sentence], Iterator[Statement]], tuple[str, ...]], ...] = (
    (find_ties, ("ties", "anaphoric_tie_nouns")), (find_partners, ("partners",)), (find_trade, ("trade_nouns",)),
    (find_membership, ("membership_nouns", "joining_verbs", "member_nouns")),
    (find_supply, ("supply_verbs", "supply_irregular")),
    (find_buyers, ("buyer_nouns", "buyer_verbs", "export_nouns", "import_nouns")),
    (find_suppliers_named, ("supplier_nouns",)), (find_votes, ("vote_verbs",)),
    (find_mediation, ("mediation_verbs", "role_nouns", "mediation_nouns")))


def _sentence_words(doc: Doc, sents: list[Span]) -> list[set[str]]:
    """Per sentence, its tokens' lower forms and lower-case lemmas, with the stem of each "-ing"
    word (from the token arrays: one pass instead of every finder reading every token)."""
    rows = doc.to_array([LOWER, LEMMA]).tolist() if len(doc) else []
    strings, words = doc.vocab.strings, {}
    for h in {h for row in rows for h in row}:
        w = strings[h].lower()
        words[h] = (w, w[:-3]) if w.endswith("ing") else (w,)
    return [{w for row in rows[s.start:s.end] for h in row for w in words[h]} for s in sents]


def _generic(actor: ActorRef | None) -> bool:
    """A bare sector noun ("the police", "people", "senators"): no one in particular."""
    return actor is not None and not actor.id and not actor.country and bool(actor.sector)


def _merge(statements: list[Statement]) -> list[Statement]:
    """One statement per (kind, source, target, sentence, negated); keep the richest.
    Ties between generic groups ("people vote for their members") are dropped."""
    merged: dict[tuple, Statement] = {}
    for s in statements:
        if _generic(s.source) or _generic(s.target):
            continue
        key = (s.kind, _key(s.source), _key(s.target) if s.target else None, s.sentence, s.negated, s.item)
        if s.kind in _SYMMETRIC and s.target is not None:
            key = (s.kind, *sorted((_key(s.source), _key(s.target))), s.sentence, s.negated, None)
        old = merged.get(key)
        merged[key] = s if old is None else replace(old, amount=old.amount or s.amount, item=old.item or s.item)
    return list(merged.values())


class RelationTagger:
    """Assigns ``doc._.statements`` (list[Statement]) in sentence order."""

    def __init__(self, nlp: Language, name: str = "dyad_relations"):
        self.name = name
        self.lex = relation_lexicon()
        self.cues = load_modality_cues()
        self.finders = tuple((finder, self.lex.words_of(names)) for finder, names in FINDERS)
        self._registry = None

    def _resolve_name(self, text: str, date: str | None) -> ActorRef | None:
        """A name inside a larger mention, looked up in the shipped actor registry."""
        if self._registry is None:
            from dyad.ontology.actors import load_registry

            self._registry = load_registry()
        return self._registry.resolve(text, date=date)

    def __call__(self, doc: Doc) -> Doc:
        actors = _Actors(doc, self._resolve_name)
        timexes = list(doc._.timexes or ())
        statements: list[Statement] = []
        sents = list(doc.sents)
        for index, (sent, words) in enumerate(zip(sents, _sentence_words(doc, sents))):
            finders = [finder for finder, cues in self.finders if not cues.isdisjoint(words)]
            if not finders:
                continue
            ctx = _Sentence(doc, sent, index, actors, self.lex, timexes, attribution(doc, sent), statements,
                            self.cues)
            statements.extend(_merge([s for finder in finders for s in finder(ctx)]))
        doc._.statements = statements
        return doc


@Language.factory("dyad_relations", assigns=["doc._.statements"], requires=["doc._.mentions"])
def make_relation_tagger(nlp: Language, name: str) -> RelationTagger:
    return RelationTagger(nlp, name)
