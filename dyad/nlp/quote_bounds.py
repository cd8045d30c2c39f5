"""Where a content starts and ends, for ``dyad.nlp.quotes``: token-range rules the cue functions share.

A cue's object or infinitive runs to the end of its subtree, but the words after it may say when
or where the report was made ("denounced the annexation during a broadcast", "cited the figure
at a forum") or add the writer's next statement (", marching through the city"); the parser
often hangs the second half of a coordinated infinitive on the cue ("wants to triple X, grow Y
and create Z": "grow" and "create" are joined to "wants"); a naming verb with a relative object
gives only the name ("what she called a 'rant'"); and a speaker the parser lost is the name
right before the cue.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dyad.nlp.quote_marks import trim
from dyad.nlp.types import doc_text
from dyad.ontology.cues import CueLexicon


def token_span_chars(doc: Doc, a: int, b: int) -> tuple[int, int]:
    """Characters of tokens [a, b) without edge punctuation; a complementiser ("that") stays, as the
    clause it opens is the content (the PolNeAR convention too)."""
    while a < b and (doc[a].is_punct or doc[a].is_space):
        a += 1
    if a >= b:
        return (doc[a - 1].idx, doc[a - 1].idx) if a > 0 else (0, 0)
    return trim(doc_text(doc), doc[a].idx, doc[b - 1].idx + len(doc[b - 1]))


def circumstance(child: Token, lex: CueLexicon) -> bool:
    """When or where something was said, not what: "on Monday", "in a speech", "during the debate"."""
    pobj = next((c for c in child.children if c.dep_ == "pobj"), None) if child.dep_ == "prep" else None
    if pobj is None:
        return child.dep_ == "npadvmod" or child.ent_type_ in ("DATE", "TIME")
    return (child.lower_ in lex.circumstance_preps or pobj.ent_type_ in ("DATE", "TIME")
            or pobj.lemma_.lower() in lex.venue_nouns)


def _has_subject(token: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children)


def joined_to_content(cue: Token, form: str, end: int) -> int:
    """End (exclusive) of a verbal content of tag ``form`` ending at ``end`` (an infinitive or
    gerund after ``cue``) together with the verbs of the same form the parser joined to the cue
    instead: "wants to triple X, grow Y and create Z", "mentioned refinancing loans and forcing
    universities to ...". A bare verb or gerund cannot be coordinated with a tensed cue, so such a
    verb (no subject of its own, the content's form and not the cue's) goes on with the content."""
    if not form.startswith("VB") or form == cue.tag_:
        return end
    for child in cue.rights:
        if child.i < end or child.dep_ != "conj":
            continue
        if child.tag_ != form or _has_subject(child):
            break
        end = child.right_edge.i + 1
    return end


def set_off(child: Token) -> bool:
    """A clause after a comma that adds the writer's next statement about the speaker rather than
    what was said: a participle ("spoke about X, arguing that Y": her next act) or an adverbial
    clause with a subordinator ("endorsed X, after he suspended his campaign")."""
    if child.dep_ != "advcl" or child.left_edge.i == 0 or child.doc[child.left_edge.i - 1].text != ",":
        return False
    first = child.left_edge
    return (child.tag_ == "VBG" and first.i == child.i) or first.dep_ == "mark" or first.tag_ == "WRB"


def name_given(verb: Token) -> tuple[int, int] | None:
    """Token range of the name a naming verb gives to a relative object ("what she called a
    'rant'", "an explosion that the mayor described as 'an intentional act'"): the name alone,
    as the thing named is outside the clause."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.i > verb.i or obj.tag_ not in ("WP", "WDT"):
        return None
    for child in verb.rights:
        if child.dep_ == "oprd":
            return child.left_edge.i, child.right_edge.i + 1
        if child.dep_ == "prep" and child.lower_ == "as" and any(c.dep_ == "pobj" for c in child.children):
            return child.i + 1, child.right_edge.i + 1
    return None


def stray_subject(verb: Token) -> Token | None:
    """The speaker of a verb of saying the parser left without a subject: the name right before
    it, hung on something else ("In a meeting with the Washington Post Trump said that ...")."""
    if verb.i == 0 or verb.tag_ == "VB":  # "say that ...": an order, nobody is reported
        return None
    before = verb.doc[verb.i - 1]
    return before if before.pos_ == "PROPN" and before.head.i != verb.i else None

