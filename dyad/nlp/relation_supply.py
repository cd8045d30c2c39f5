"""Supplier ties for ``dyad_relations``: "X supplies Y with drones", "Y buys drones from X",
"X, Iran's main arms supplier", "exports of oil to China" → ``supplier_of`` statements with the item.
"""

from __future__ import annotations

from typing import Iterator

from spacy.tokens import Token

from dyad.models import ActorRef, Statement
from dyad.nlp.relation_context import (
    LEADING_WORDS, SentenceContext, actor_key, child_of, conjuncts_of, holder_of, np_actors, phrase_text,
    prep_objects, subject_of, unique_actors)
from dyad.nlp.types import doc_text
from dyad.ontology.relations import RelationLexicon


# --------------------------------------------------------------------------- supply


def _is_supply_verb(tok: Token, lex: RelationLexicon) -> bool:
    return tok.lemma_.lower() in lex.get("supply_verbs") or tok.lower_ in lex.get("supply_irregular") or (
        tok.lower_.endswith("ing") and tok.lower_[:-3] in lex.get("supply_verbs"))


def _usable_item(item: Token | None, ctx: SentenceContext) -> bool:
    """A thing supplied: a noun that is not a named actor ("drones" read as a military
    sector noun still counts) and not people sent ("troops", "a delegation")."""
    if item is None or item.pos_ not in ("NOUN", "PROPN"):
        return False
    return not _named(ctx.actors.headed(item)) and item.lemma_.lower() not in ctx.lex.get("not_items")


def _named(actors: list[ActorRef]) -> list[ActorRef]:
    """Actors that name someone (an id, or a country without a sector), not a bare sector
    noun such as "drones" (military) or "companies" (business)."""
    return [a for a in actors if a.id or (a.country and not a.sector)]


def _recipient_and_item(verb: Token, ctx: SentenceContext) -> tuple[list[ActorRef], Token | None]:
    dobj = child_of(verb, ("dobj",))
    dobj_actors = _named(np_actors(dobj, ctx.actors)) if dobj is not None else []
    if dobj_actors:  # "provided Iran with technology"
        with_obj = prep_objects(verb, ("with",)) or prep_objects(dobj, ("with",))
        return dobj_actors, with_obj[0] if with_obj else None
    to_objs = prep_objects(verb, ("to", "into")) + (prep_objects(dobj, ("to",)) if dobj is not None else [])
    recipients = [a for o in to_objs for a in np_actors(o, ctx.actors)]
    dative = child_of(verb, ("dative",))
    if dative is not None and dative.pos_ in ("NOUN", "PROPN"):
        recipients += np_actors(dative, ctx.actors)  # "sold Ukraine drones"
    return unique_actors(recipients), dobj


def _topic_recipient(source: ActorRef, ctx: SentenceContext) -> list[ActorRef]:
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


def _surface_source(tok: Token, ctx: SentenceContext) -> list[ActorRef]:
    """When the parser missed the verb ("companies like Tiandy selling equipment", "Turkey
    mediated talks" read as an adjective): the actor named right before it."""
    i = tok.i - 1
    while i > ctx.span.start and tok.doc[i].pos_ in ("ADV", "AUX", "PART"):
        i -= 1
    return ctx.actors.at(tok.doc[i]) if i >= ctx.span.start and i < tok.i else []


def subject_actors(verb: Token, ctx: SentenceContext) -> list[ActorRef]:
    return np_actors(subject_of(verb), ctx.actors) or _surface_source(verb, ctx)


def _counted(item: Token | None, ctx: SentenceContext) -> tuple[Token | None, Token | None]:
    """"hundreds of drones": (drones, hundreds); otherwise (item, None)."""
    if item is not None and item.lemma_.lower() in ctx.lex.get("quantity_nouns"):
        inner = prep_objects(item, ("of",))
        if inner:
            return inner[0], item
    return item, None


def _item_text(item: Token, quantity: Token | None, stop: set[int]) -> str:
    if quantity is None:
        return phrase_text(item, stop)
    start = min(t.i for t in quantity.subtree if t.i not in stop)
    words = [t for t in item.doc[start:item.i + 1] if t.lower_ not in LEADING_WORDS or t.i > start]
    return doc_text(item.doc)[words[0].idx:item.idx + len(item)] if words else item.text


def find_supply(ctx: SentenceContext) -> Iterator[Statement]:
    for tok in ctx.span:
        if not _is_supply_verb(tok, ctx.lex):
            continue
        if tok.pos_ == "VERB" and tok.dep_ != "compound":
            sources = subject_actors(tok, ctx)
            recipients, item = _recipient_and_item(tok, ctx)
        else:
            sources, recipients, item = _surface_source(tok, ctx), [], tok.head if tok.dep_ == "compound" else None
        item, quantity = _counted(item, ctx)
        if not sources or not _usable_item(item, ctx):
            continue
        text = _item_text(item, quantity, set(range(item.left_edge.i, tok.i + 1)) if item.i > tok.i else set())
        for source in sources:
            for target in recipients or _topic_recipient(source, ctx):
                if actor_key(source) != actor_key(target):
                    yield ctx.statement("supplier_of", source, target, tok, item=text)


def _supplier_modifiers(item: Token, ctx: SentenceContext) -> tuple[list[ActorRef], set[int]]:
    mods = [c for c in item.children if c.dep_ in ("amod", "compound", "poss")]
    found = [(m, ctx.actors.at(m)) for m in mods]
    return [a for _, acts in found for a in acts], {t.i for m, acts in found if acts for t in m.subtree}


def find_buyers(ctx: SentenceContext) -> Iterator[Statement]:
    """"X remains one of the largest customers of Russian oil" → RUS supplier_of X (oil)."""
    lex = ctx.lex
    for tok in ctx.span:
        lemma = tok.lemma_.lower()
        if lemma in lex.get("buyer_nouns") and tok.pos_ == "NOUN":
            buyers, items = np_actors(holder_of(tok), ctx.actors), prep_objects(tok, ("of",))
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


def _bought(verb: Token, ctx: SentenceContext) -> Iterator[Statement]:
    """"India buys weapons from Russia and oil from Iran": items and sources paired in order."""
    buyers = np_actors(subject_of(verb), ctx.actors)
    items = conjuncts_of(child_of(verb, ("dobj",)))
    froms = prep_objects(verb, ("from",))
    items += [c for f in froms for c in conjuncts_of(f)[1:] if not ctx.actors.at(c)]  # "Russia and oil"
    sources = [[a for a in ctx.actors.at(f)] for f in froms]
    if len(sources) > 1 and len(sources) != len(items):
        return  # cannot tell which item came from where
    for i, item in enumerate(items):
        suppliers, skip = _supplier_modifiers(item, ctx)
        suppliers += sources[i] if len(sources) > 1 else (sources[0] if sources else [])
        if _usable_item(item, ctx):
            yield from (ctx.statement("supplier_of", s, b, verb, item=phrase_text(item, skip))
                        for s in unique_actors(suppliers) for b in buyers if actor_key(b) != actor_key(s))


def _exports(noun: Token, ctx: SentenceContext) -> Iterator[Statement]:
    """"Russia's oil exports to India", "arms deliveries from France to Egypt"."""
    suppliers = [a for c in noun.children if c.dep_ == "poss" for a in np_actors(c, ctx.actors)]
    suppliers += [a for o in prep_objects(noun, ("from",)) for a in np_actors(o, ctx.actors)]
    recipients = [a for o in prep_objects(noun, ("to",)) for a in np_actors(o, ctx.actors)]
    items = [c for c in noun.children if c.dep_ == "compound" and _usable_item(c, ctx)]
    items += [o for o in prep_objects(noun, ("of",)) if _usable_item(o, ctx)]
    if not items:
        return
    for s in unique_actors(suppliers):
        yield from (ctx.statement("supplier_of", s, r, noun, item=phrase_text(items[0]))
                    for r in unique_actors(recipients) if actor_key(r) != actor_key(s))


def find_suppliers_named(ctx: SentenceContext) -> Iterator[Statement]:
    """"Russia has become China's largest supplier of crude oil"."""
    for noun in ctx.span:
        if noun.lemma_.lower() not in ctx.lex.get("supplier_nouns") or noun.pos_ != "NOUN":
            continue
        recipients = [a for c in noun.children if c.dep_ == "poss" for a in np_actors(c, ctx.actors)]
        recipients += [a for o in prep_objects(noun, ("to", "for")) for a in np_actors(o, ctx.actors)]
        items = [o for o in prep_objects(noun, ("of",)) if _usable_item(o, ctx)]
        for holder in np_actors(holder_of(noun), ctx.actors):
            for target in unique_actors(recipients):
                if actor_key(holder) != actor_key(target):
                    yield ctx.statement("supplier_of", holder, target, noun,
                                        item=phrase_text(items[0]) if items else None)


def _buyer_statements(cue: Token, buyers: list[ActorRef], items: list[Token], ctx: SentenceContext) -> Iterator[Statement]:
    for item in items:
        suppliers, skip = _supplier_modifiers(item, ctx)
        suppliers += [a for o in prep_objects(cue, ("from",)) + prep_objects(item, ("from",))
                      for a in np_actors(o, ctx.actors)]
        if not _usable_item(item, ctx):
            continue
        for s in unique_actors(suppliers):
            yield from (ctx.statement("supplier_of", s, b, cue, item=phrase_text(item, skip))
                        for b in buyers if actor_key(b) != actor_key(s))
