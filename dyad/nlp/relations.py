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
from dataclasses import replace
from typing import Callable, Iterator

from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dyad.models import ActorRef, Statement
from dyad.nlp.coref_context import state_name
from dyad.nlp.relation_modality import according_to
from dyad.nlp.types import register_extensions
from dyad.ontology.plover import load_modality_cues
from dyad.ontology.relations import relation_lexicon
from dyad.nlp.relation_context import (
    SentenceContext, TokenActors, actor_key, conjuncts_of, governing_verb, holder_of, is_organisation, is_such_as,
    np_actors, pair_statements, phrase_text, pobj_of, prep_objects, subject_of, unique_actors)
from dyad.nlp.relation_supply import find_buyers, find_supply, find_suppliers_named, subject_actors

register_extensions()

_SYMMETRIC = ("defence_pact", "ally_of", "trade_partner")
_ANAPHORA_WINDOW = 8  # sentences back to look for the tie "such a relationship" points to


# --------------------------------------------------------------------------- ties (pacts, alliances)


def _tie_kind(noun: Token, ctx: SentenceContext) -> str | None:
    lemma = noun.lemma_.lower()
    mods = {c.lemma_.lower() for c in noun.children if c.dep_ in ("amod", "compound", "nmod")}
    mods |= {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound", "nmod")}
    for cue in ctx.lex.ties:
        if lemma in cue.heads and (mods & cue.modifiers or lemma in cue.bare):
            return cue.kind
    return _anaphoric_kind(noun, ctx)


def _anaphoric_kind(noun: Token, ctx: SentenceContext) -> str | None:
    """"such a relationship": the kind of the last symmetric tie stated shortly before."""
    if noun.lemma_.lower() not in ctx.lex.get("anaphoric_tie_nouns"):
        return None
    if not any(c.lower_ in ctx.lex.get("anaphoric_markers") for c in noun.children):
        return None
    recent = [s for s in ctx.earlier if s.kind in _SYMMETRIC and ctx.index - s.sentence <= _ANAPHORA_WINDOW]
    return recent[-1].kind if recent else None


def _tie_parties(noun: Token, ctx: SentenceContext) -> list[ActorRef]:
    between = [a for o in prep_objects(noun, ("between", "among")) for a in np_actors(o, ctx.actors)]
    if len(between) >= 2:
        return between
    parties = [a for c in noun.children if c.dep_ == "poss" for a in ctx.actors.at(c)]
    verb = noun.head if noun.dep_ in ("dobj", "nsubjpass", "attr") else governing_verb(noun)
    if verb is not None and verb.lemma_.lower() in ctx.lex.get("holding_verbs"):  # "are bound by a treaty"
        parties += np_actors(subject_of(verb), ctx.actors)
        parties += [a for o in prep_objects(verb, ("with",)) for a in np_actors(o, ctx.actors)]
    parties += [a for o in prep_objects(noun, ("with",)) for a in np_actors(o, ctx.actors)]
    return unique_actors(parties)


def find_ties(ctx: SentenceContext) -> Iterator[Statement]:
    for noun in ctx.span:
        if noun.pos_ not in ("NOUN", "PROPN"):
            continue
        kind = _tie_kind(noun, ctx)
        if kind:
            yield from pair_statements(kind, _tie_parties(noun, ctx), noun, ctx)


# --------------------------------------------------------------------------- partners and trade


def _partner_kind(noun: Token, ctx: SentenceContext) -> str | None:
    lemma = noun.lemma_.lower()
    mods = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound")}
    for cue in ctx.lex.partners:
        if lemma in cue.nouns and (not cue.modifiers or mods & cue.modifiers):
            return cue.kind
    return None


def find_partners(ctx: SentenceContext) -> Iterator[Statement]:
    for noun in ctx.span:
        kind = _partner_kind(noun, ctx) if noun.pos_ == "NOUN" else None
        if kind is None:
            continue
        counterpart = [a for c in noun.children if c.dep_ == "poss" for a in np_actors(c, ctx.actors)]
        counterpart += [a for o in prep_objects(noun, ("of", "to")) for a in np_actors(o, ctx.actors)]
        holders = np_actors(holder_of(noun), ctx.actors)
        extra = {"amount": ctx.amount_near(noun)} if kind == "trade_partner" else {}
        if counterpart:
            yield from (ctx.statement(kind, h, t, noun, **extra) for h in holders for t in unique_actors(counterpart)
                        if actor_key(h) != actor_key(t))
        elif noun.tag_ == "NNS":  # "X and Y are allies"
            yield from pair_statements(kind, holders, noun, ctx, **extra)


def find_trade(ctx: SentenceContext) -> Iterator[Statement]:
    """"trade between X and Y reached $N", "X's trade with Y"."""
    for noun in ctx.span:
        if noun.lemma_.lower() not in ctx.lex.get("trade_nouns") or noun.pos_ != "NOUN":
            continue
        parties = [a for o in prep_objects(noun, ("between",)) for a in np_actors(o, ctx.actors)]
        if len(parties) < 2:
            parties = [a for c in noun.children if c.dep_ == "poss" for a in ctx.actors.at(c)]
            parties += [a for o in prep_objects(noun, ("with",)) for a in np_actors(o, ctx.actors)]
        yield from pair_statements("trade_partner", parties, noun, ctx, amount=ctx.amount_near(noun))


# --------------------------------------------------------------------------- membership


def _organisations(tokens: list[Token], ctx: SentenceContext) -> list[ActorRef]:
    return [a for t in tokens for a in np_actors(t, ctx.actors) if is_organisation(a)]


def _as_state(actor: ActorRef) -> ActorRef:
    """States are members, not their organs: "the parliament in Iran voted for membership" → IRN."""
    ident, country = actor.id or "", actor.country or ""
    organ = not ident or (ident[:3] == country and ident[3:4] == ".")
    if organ and re.fullmatch(r"[A-Z]{3}", country) and country != "IGO" and not ident.startswith("person:"):
        return ActorRef(id=country, name=state_name(country), country=country, text=actor.text)
    return actor


def _granting_org(noun: Token, ctx: SentenceContext) -> list[ActorRef]:
    """"the SCO approved the application for Iran's membership": the organisation approving."""
    verb = governing_verb(noun)
    if verb is None or verb.lemma_.lower() not in ctx.lex.get("granting_verbs"):
        return []
    return _organisations([subject_of(verb)] if subject_of(verb) is not None else [], ctx)


def find_membership(ctx: SentenceContext) -> Iterator[Statement]:
    lex = ctx.lex
    for tok in ctx.span:
        lemma = tok.lemma_.lower()
        if lemma in lex.get("membership_nouns") and tok.pos_ == "NOUN":
            members = [a for c in tok.children if c.dep_ == "poss" for a in np_actors(c, ctx.actors)]
            if not members:
                verb = governing_verb(tok)
                members = np_actors(subject_of(verb), ctx.actors, loose=True) if verb is not None else []
            orgs = _organisations(prep_objects(tok, ("in", "of", "to", "into")), ctx) or _granting_org(tok, ctx)
        elif lemma in lex.get("joining_verbs") and tok.pos_ == "VERB":
            members = np_actors(subject_of(tok), ctx.actors, loose=True)
            orgs = _organisations([c for c in tok.children if c.dep_ == "dobj"] + prep_objects(tok, ("to", "into")), ctx)
        elif lemma in lex.get("member_nouns") and tok.dep_ in ("attr", "appos", "oprd", "pobj"):
            members = np_actors(holder_of(tok), ctx.actors, loose=True)
            orgs = _organisations(prep_objects(tok, ("of", "in")), ctx)
        else:
            continue
        members = unique_actors([_as_state(m) for m in members])
        yield from (ctx.statement("member_of", m, o, tok) for m in members for o in orgs if actor_key(m) != actor_key(o))


# --------------------------------------------------------------------------- votes


def _vote_object(verb: Token, ctx: SentenceContext) -> tuple[str, Token] | None:
    against = prep_objects(verb, tuple(ctx.lex.get("vote_against")))
    if against:
        return "voted_against", against[0]
    for obj in prep_objects(verb, ("for", "in")):
        if obj.lower_ in ("favor", "favour"):
            inner = prep_objects(obj, ("of",))
            return ("voted_for", inner[0]) if inner else None
        if obj.head.lower_ == "for":
            return "voted_for", obj
    return None


def _included_actors(verb: Token, ctx: SentenceContext) -> list[ActorRef]:
    """"Six countries voted against it, including China": the named members of the group."""
    found = []
    for t in verb.subtree:
        if t.dep_ == "prep" and (t.lower_ in ("including", "among") or is_such_as(t)):
            found += [a for o in conjuncts_of(pobj_of(t)) for a in ctx.actors.at(o)]
    return unique_actors(found)


def find_votes(ctx: SentenceContext) -> Iterator[Statement]:
    for verb in ctx.span:
        if verb.lemma_.lower() not in ctx.lex.get("vote_verbs") or verb.pos_ != "VERB":
            continue
        found = _vote_object(verb, ctx)
        if found is None:
            continue
        kind, obj = found
        if obj.pos_ == "PRON":
            continue  # "would vote for it": what "it" is belongs to coreference of things
        voters = np_actors(subject_of(verb), ctx.actors, loose=True) or _included_actors(verb, ctx)
        targets = ctx.actors.at(obj)
        item = None if targets else phrase_text(obj)
        for voter in voters:
            for target in targets or [None]:
                yield ctx.statement(kind, voter, target, verb, item=item)


# --------------------------------------------------------------------------- mediation


def _mediated_object(cue: Token, ctx: SentenceContext) -> Token | None:
    """The agreement/talks mediated, when it names its parties with "between"."""
    objects = ctx.lex.get("mediated_objects")
    candidates = [cue] + [c for c in cue.children if c.dep_ == "dobj"] + prep_objects(cue, ("in", "on", "over"))
    if cue.dep_ in ("amod", "acl"):
        candidates.append(cue.head)  # "Turkey mediated talks" parsed as an adjective on "talks"
    if cue.dep_ == "dobj":
        candidates += prep_objects(cue.head, ("in", "on", "over"))
    return next((c for c in candidates if c.lemma_.lower() in objects | {cue.lemma_.lower()}
                 and prep_objects(c, ("between",))), None)


def _mediator_and_parties(tok: Token, ctx: SentenceContext) -> tuple[list[ActorRef], Token | None]:
    lex, lemma = ctx.lex, tok.lemma_.lower()
    if lemma in lex.get("mediation_verbs") and tok.pos_ == "VERB":
        agent = [a for o in prep_objects(tok, ("by",)) for a in np_actors(o, ctx.actors)]
        return agent or subject_actors(tok, ctx), _mediated_object(tok, ctx)
    if lemma in lex.get("role_nouns") and tok.dep_ == "dobj" and tok.head.lemma_ == "play":
        return np_actors(subject_of(tok.head), ctx.actors), _mediated_object(tok, ctx)
    if lemma in lex.get("mediation_nouns"):
        owners = [a for c in tok.children if c.dep_ == "poss" for a in ctx.actors.at(c)]
        return owners, tok if prep_objects(tok, ("between",)) else None
    return [], None


def find_mediation(ctx: SentenceContext) -> Iterator[Statement]:
    for tok in ctx.span:
        mediators, obj = _mediator_and_parties(tok, ctx)
        if not mediators or obj is None:
            continue
        parties = [a for o in prep_objects(obj, ("between",)) for a in np_actors(o, ctx.actors)]
        own = {m.country for m in mediators if m.country}
        parties = [p for p in unique_actors(parties) if all(actor_key(p) != actor_key(m) for m in mediators)
                   and p.country not in own and not _generic(p)]
        if len(parties) < 2:
            continue  # mediation needs two sides other than the mediator
        item = None if obj.i == tok.i else phrase_text(obj)
        for mediator in mediators:
            yield from (ctx.statement("mediated", mediator, p, tok, item=item) for p in parties)


# --------------------------------------------------------------------------- component

# Each finder with the word lists it needs one word of (a lower form, lemma, "-ing" stem) in a sentence
FINDERS: tuple[tuple[Callable[[SentenceContext], Iterator[Statement]], tuple[str, ...]], ...] = (
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
        key = (s.kind, actor_key(s.source), actor_key(s.target) if s.target else None, s.sentence, s.negated, s.item)
        if s.kind in _SYMMETRIC and s.target is not None:
            key = (s.kind, *sorted((actor_key(s.source), actor_key(s.target))), s.sentence, s.negated, None)
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
        actors = TokenActors(doc, self._resolve_name)
        timexes = list(doc._.timexes or ())
        statements: list[Statement] = []
        sents = list(doc.sents)
        for index, (sent, words) in enumerate(zip(sents, _sentence_words(doc, sents))):
            finders = [finder for finder, cues in self.finders if not cues.isdisjoint(words)]
            if not finders:
                continue
            ctx = SentenceContext(doc, sent, index, actors, self.lex, timexes, according_to(sent), statements,
                            self.cues)
            statements.extend(_merge([s for finder in finders for s in finder(ctx)]))
        doc._.statements = statements
        return doc


@Language.factory("dyad_relations", assigns=["doc._.statements"], requires=["doc._.mentions"])
def make_relation_tagger(nlp: Language, name: str) -> RelationTagger:
    return RelationTagger(nlp, name)
