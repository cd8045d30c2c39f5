"""Dependency-tree shapes of reported speech that the parser gets half right, for ``dyad.nlp.quotes``.

Each function looks at one cue token and its neighbours and names the token (or token range)
that the parse hides: a reported clause hung on the cue as an adverbial ("said after the
convention he would ..."), a cue joined to the clause another cue reports ("said it was
opposed and warned X": the warning is the speaker's, not part of what was said), the object of
"urged X to ..." that belongs with the infinitive.
"""

from __future__ import annotations

from spacy.tokens import Token


def reported_adverbial(verb: Token) -> tuple[int, int] | None:
    """"Trump said after the convention he would not accept it": an adverbial clause after a verb
    of saying with a subject of its own and no subordinator ("if", "because", "when") is what
    was said; the parser hangs it as ``advcl`` (and the phrase before the subject on it) when a
    phrase comes between cue and clause. Token range from the clause's subject on."""
    for child in verb.rights:
        if child.dep_ != "advcl" or child.tag_ in ("VBG", "VBN", "TO"):
            continue
        if any(c.dep_ == "mark" for c in child.children):
            continue
        subject = next((c for c in child.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject.left_edge.i, child.right_edge.i + 1
    return None


def coordinated_cue(verb: Token, is_cue) -> Token | None:
    """"China said it was opposed to the test and warned North Korea to refrain": the parser joins
    "warned" to the reported clause, but a verb of saying without a subject of its own, joined to
    a clause that has one, goes with the cue that reports that clause. ``is_cue(token)`` tells
    the verbs of saying; returns that cue, else None."""
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    clause = verb.head
    if clause.dep_ != "ccomp" or not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return None
    cue = clause.head
    return cue if cue.i < clause.i and is_cue(verb) and is_cue(cue) else None


CONCESSIVE = ("although", "though", "whereas", "while")


def trailing_aside(tokens, a: int, b: int) -> int | None:
    """Where a reported clause in tokens [a, b) ends before the writer's aside on it: a comma
    then a participle ("said trade fell, contradicting the minister") or a concessive clause
    ("claimed X was smart, although he again refused ...") that runs to the end. Returns the
    comma's index, else None."""
    for t in tokens[a:b]:
        first = t.left_edge
        if t.dep_ != "advcl" or first.i - 1 <= a or tokens[first.i - 1].text != "," or t.right_edge.i < b - 2:
            continue
        if (t.tag_ == "VBG" and first.i == t.i) or (first.dep_ == "mark" and first.lower_ in CONCESSIVE):
            return first.i - 1
    return None



def aside_reporter(participle: Token, is_cue) -> Token | None:
    """'"X," she said, referencing Y': the parser hangs the participle on the quoted clause, but
    it is the act of whoever the cue set off between them names. Returns that cue, else None."""
    host = participle.head
    for child in host.children:
        if child.dep_ == "parataxis" and child.i < participle.i and is_cue(child):
            return child
    return None


def participle_start(tokens, a: int, b: int) -> int:
    """Index in [a, b) where a participle set off by a comma begins ("..., citing tariffs"), else b."""
    for t in tokens[a:b]:
        if (t.tag_ == "VBG" and t.dep_ in ("advcl", "xcomp") and t.left_edge.i == t.i and t.i > 0
                and tokens[t.i - 1].text == ","):
            return t.i - 1
    return b
