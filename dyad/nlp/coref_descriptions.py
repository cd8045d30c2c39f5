"""Short definite descriptions for ``dyad_coref``: "the country"/"the regime" (the nearest state
named as a place), "the two countries"/"these countries" (the last listed set of states),
"Beijing's officials" (that state's government), "the company"/"the group"/"the alliance" (the
nearest earlier actor of that registry kind), and titles ("the Chinese leader", "the foreign
minister": the person last seen with that title).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dyad.models import ActorRef
from dyad.nlp.coref_context import (
    _BODY_NOUNS, _Context, _Known, _NUMBERS, _actors_on, _clause_subject, _country, _is_person, _is_state_organ,
    _is_state_place, _key, _registry_kind, _state_ref, _with_text)
from dyad.nlp.types import span_text
from dyad.ontology.relations import RelationLexicon


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
    """"the two countries" → 2; "these countries" → None (any size); "both sides", "each side"
    → 2 (one side of a pair); else not a set reference."""
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
    if "both" in words or (noun.lower_ == "side" and words in (["each"], ["either"])):
        size = 2
    if noun.lower_ == "side" and size != 2:
        return None  # "the Russian side", "the other side": one party, not the pair
    if not ({"the", "these", "those", "both"} & set(words)) and size != 2 or (words[0] == "the" and size is None):
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
