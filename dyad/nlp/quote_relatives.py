"""Contents that stand apart from their cue verb, for ``dyad.nlp.quotes``: relative and pro-form objects.

What a speaker said, believes or names can be a relative pronoun ("the strategy, which the bank
detailed in its filings", "that's what the campaign hopes"), the noun a relative clause without
a pronoun hangs on ("everything he says", "the best plan I know of"), or a pro-form standing for
a clause said before ("he doesn't think so", "the aide said as much"). The content is that word
or noun phrase (the PolNeAR convention: the pronoun, not the antecedent it stands for). A pronoun
can also be the subject of the reported clause ("the test, which officials claimed allows X"):
then the content is the pronoun and that clause, without the speaker and cue between them.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from dyad.nlp.quote_bounds import token_span_chars
from dyad.nlp.quote_frames import Frame

RELATIVE_OBJECTS = ("which", "what", "that", "whatever")
PRO_WORDS = frozenset((*RELATIVE_OBJECTS, "so", "much"))
# nouns a relative clause without a pronoun qualifies as a when, where or how ("the way he
# thinks", "the day she said it"): no object of the cue
ADVERBIAL_HEADS = frozenset(("way", "time", "day", "reason", "moment", "place", "year", "week", "night", "point"))
# complements after the verb: with one of these the verb reports it, not the relative object
_COMPLEMENTS = ("ccomp", "xcomp", "oprd", "dobj", "attr")


def _has_complement(verb: Token) -> bool:
    return any(c.dep_ in _COMPLEMENTS and c.i > verb.i for c in verb.children)


def relative_object(verb: Token) -> tuple[int, int] | None:
    """"which the bank detailed", "that's what the campaign hopes": the relative pronoun of a
    relative clause, or the "what" of a free relative that a copula equates with its subject,
    when the cue takes it as its object; token range of that word. "What he has seen are the
    charts": the copula's complement is what was seen. Other free relatives ("lags below what
    she wants", "offered whatever he wanted") are the writer's comparison, not a report."""
    obj = next((c for c in verb.lefts if c.dep_ == "dobj"), None)
    if obj is None or obj.lower_ not in RELATIVE_OBJECTS or _has_complement(verb):
        return None
    if verb.dep_ == "relcl" and obj.lower_ in ("which", "that"):
        return obj.i, obj.i + 1
    head = verb.head
    if obj.lower_ != "what" or (head.lemma_ != "be" and head.lower_ not in ("'s", "’s")) or head.i == verb.i:
        return None
    if verb.dep_ in ("ccomp", "attr") and head.i < verb.i:
        return obj.i, obj.i + 1
    attr = next((c for c in head.rights if c.dep_ == "attr"), None)
    if verb.dep_ == "csubj" and attr is not None:
        return attr.left_edge.i, attr.right_edge.i + 1
    return None


def gapped_antecedent(verb: Token) -> tuple[int, int] | None:
    """"Everything Trump says is a lie", "the best plan I know of": a restrictive relative clause
    with no pronoun whose cue lacks its object; the noun it hangs on is what the speaker says or
    knows. Token range of that noun with its left modifiers."""
    head = verb.head
    if verb.dep_ != "relcl" or head.i >= verb.i or head.pos_ not in ("NOUN", "PRON", "PROPN"):
        return None
    if head.lemma_.lower() in ADVERBIAL_HEADS:
        return None
    first = verb.left_edge
    if first.i != head.i + 1 or first.tag_ in ("WDT", "WP", "WP$", "WRB") or first.lower_ == "that":
        return None  # a pronoun or a comma opens the clause: not a gapped restrictive clause
    if _has_complement(verb) or any(c.dep_ in ("prep", "agent", "dative") and c.i > verb.i for c in verb.children):
        return None  # "the day he spoke at the rally", "the cards they never asked for": not the cue's object
    return head.left_edge.i, head.i + 1


def pro_form(verb: Token) -> tuple[int, int] | None:
    """"He doesn't think so", "Mook said as much": the pro-form right after the verb stands for
    what was said or believed. Token range of "so" or "as much"."""
    doc, at = verb.doc, verb.i + 1
    if at >= len(doc) or _has_complement(verb):
        return None
    nxt = doc[at]
    if nxt.lower_ == "so" and nxt.head.i == verb.i and (at + 1 == len(doc) or doc[at + 1].is_punct):
        return at, at + 1
    after = doc[at + 2].lower_ if at + 2 < len(doc) else ""
    if (nxt.lower_ == "as" and at + 1 < len(doc) and doc[at + 1].lower_ == "much" and doc[at + 1].head.i == verb.i
            and after != "as"):  # not "said as much as 10 percent"
        return at, at + 2
    return None


def stands_for_content(cue: Token, tokens) -> bool:
    """Is one of ``tokens`` a pro-form or relative object of the cue (a content of one function word)?"""
    return any(t.lower_ in PRO_WORDS and t.head.i == cue.i and t.dep_ in ("dobj", "advmod") for t in tokens)


def relative_report(verb: Token, speaker: Token) -> tuple[int | None, tuple[int, int]] | None:
    """"the test, which officials claimed now allows X", "a rule that critics say could hurt Y":
    a cue in a relative clause whose pronoun belongs to the reported clause. The content is the
    pronoun (the PolNeAR convention, as for relative objects) and the clause after the cue,
    without the speaker and cue between them. Returns the pronoun's index (None for "that",
    a bare complementiser-like word) and the token range after the cue, else None."""
    if verb.dep_ != "relcl":
        return None
    comp = next((c for c in verb.rights if c.dep_ == "ccomp"), None)
    first = verb.left_edge
    if comp is None or first.i == speaker.i or first.lower_ not in (*RELATIVE_OBJECTS, "who"):
        return None
    if first.head.i not in (verb.i, comp.i) or first.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i != first.i for c in comp.children):
        return None  # "which she thought only she could read": the pronoun is not the clause's subject
    start = comp.left_edge.i if comp.left_edge.i > verb.i else verb.i + 1
    return (None if first.lower_ == "that" else first.i), (start, comp.right_edge.i + 1)


def relative_parts(verb: Token, speaker: Token, frames: list[Frame]) -> list[Frame]:
    """The one indirect frame of ``verb`` as the parts ``relative_report`` finds: the clause after
    the cue and the pronoun, with the same speaker and cue; else ``frames`` unchanged."""
    found = relative_report(verb, speaker)
    if found is None or len(frames) != 1 or frames[0].kind != "indirect":
        return frames
    pronoun, (a, b) = found
    start, end = token_span_chars(verb.doc, a, b)
    if end <= start:
        return frames
    parts = [replace(frames[0], start=start, end=end)]
    if pronoun is not None:
        token = verb.doc[pronoun]
        parts.append(replace(frames[0], start=token.idx, end=token.idx + len(token)))
    return parts
