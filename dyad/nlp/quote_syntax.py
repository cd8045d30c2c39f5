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


def coordinated_cue(verb: Token, is_cue, is_act=None) -> Token | None:
    """"China said it was opposed to the test and warned North Korea to refrain": the parser joins
    "warned" to the reported clause, but a verb of saying without a subject of its own, joined to
    a clause that has one, goes with the cue that reports that clause. ``is_cue(token)`` tells
    the verbs of saying. The clause may also be a relative clause on the cue's object ("explored
    the changes that wiped out X and discussed how ..."); there ``is_act(token)`` tells the other
    cue verbs, which are joined when cue and verb have the same tense. Returns that cue, else None."""
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    clause = verb.head
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return None
    if clause.dep_ == "ccomp":
        cue = clause.head
    elif clause.dep_ == "relcl" and clause.head.dep_ == "dobj" and any(
            c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in clause.children):
        cue = clause.head.head
    else:
        return None
    if cue.i >= clause.i:
        return None
    if is_cue(cue) and is_cue(verb):
        return cue
    # a clause's own subject may do the joined act ("said he rated X and talked about Y"); a
    # relative pronoun's antecedent, a thing talked about, seldom does
    return cue if (clause.dep_ == "relcl" and is_act is not None and is_act(cue) and is_act(verb)
                   and verb.tag_ == cue.tag_) else None


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


# how the parser hangs fronted reported words on the cue it failed to read them as the clause of
FRONTED_DEPS = ("dep", "ccomp", "intj", "advmod", "neg", "nsubj", "attr", "dobj")


def fronted_words(verb: Token, subject: Token | None) -> tuple[int, int] | None:
    """"People like Scott, he said.", "Not yet, the spokesman said on Monday": words set off by a
    comma before an inverted cue that the parser did not read as its clause. Token range from the
    sentence start to that comma, when all of it hangs on the cue and the speaker comes right
    after the comma."""
    if subject is None or verb.dep_ != "ROOT" or subject.i > verb.i:
        return None
    doc, first = verb.doc, subject.left_edge.i
    comma = first - 1
    if comma < 1 or doc[comma].text != "," or any(doc[k].dep_ not in ("aux", "neg", "advmod")
                                                  for k in range(subject.right_edge.i + 1, verb.i)):
        return None
    if any(c.dep_ not in ("punct", "prep", "npadvmod", "advmod") for c in verb.rights):
        return None  # "Last month, the FBI warned states to ...": the cue has its own content
    start = verb.left_edge.i
    parts = [c for c in verb.lefts if c.i < comma]
    if not parts or parts[0].left_edge.i != start or any(c.dep_ not in FRONTED_DEPS for c in parts):
        return None  # "In Ohio, she said.", "When asked, he said.": a circumstance of the saying
    return start, comma


def misread_verb(token: Token, is_cue) -> tuple[Token, tuple[int, int]] | None:
    """"The Clinton campaign plans to employ X", "the former doctor maintains.": a cue verb in the
    third person that the tagger took for a plural noun heading the sentence. ``is_cue(word)``
    tells the cue verbs (a lemma); returns the speaker (the noun right before it) and the token
    range of what it reports (the clause or infinitive hung on it)."""
    lower = token.lower_
    if token.tag_ != "NNS" or token.dep_ != "ROOT" or not lower.endswith("s"):
        return None
    if not any(is_cue(stem) for stem in (lower[:-1], lower[:-2])):
        return None
    subject = next((c for c in token.lefts
                    if c.right_edge.i == token.i - 1 and c.dep_ in ("nsubj", "compound", "nmod")), None)
    clause = next((c for c in token.children if c.dep_ in ("xcomp", "ccomp", "relcl", "advcl", "acl")), None)
    if subject is None or clause is None or subject.pos_ not in ("NOUN", "PROPN"):
        return None
    if clause.i > token.i and clause.left_edge.i != token.i + 1:
        return None  # "Senate votes on the bill after ...": not a clause the verb reports
    doc = token.doc
    if clause.i < token.i and doc[clause.right_edge.i + 1].text != ",":
        return None
    return subject, (clause.left_edge.i, clause.right_edge.i + 1)


def absolute_with(tokens, a: int, b: int) -> int | None:
    """"..., with experts offering their assessments", "..., with Obama expected to visit": a
    clause opened by "with" after a comma that runs to the end of a content in tokens [a, b) is
    the writer's addition (often a report of its own). Returns the comma's index, else None."""
    for t in tokens[a:b]:
        if t.lower_ != "with" or t.i - 1 <= a or tokens[t.i - 1].text != ",":
            continue
        clause = t.head if t.dep_ == "mark" else next((c for c in t.children if c.dep_ == "pcomp"), None)
        pobj = next((c for c in t.children if c.dep_ == "pobj"), None)
        if clause is None and pobj is not None:  # "with both envoys expected to": the participle on its noun
            clause = next((c for c in pobj.rights if c.dep_ == "acl" and c.tag_ in ("VBG", "VBN")), None)
            if clause is not None and clause.right_edge.i >= b - 2:
                return t.i - 1
        if clause is None or not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
            continue
        if max(t.right_edge.i, clause.right_edge.i) >= b - 2:
            return t.i - 1
    return None


PERSONAL_SUBJECTS = ("he", "she", "they", "we", "i")


def continued_report(verb: Token, end: int, is_cue) -> int | None:
    """"An aide said the vote was delayed, and there was no date yet for a new one": the parser
    hangs a clause joined by "and"/"but" after the reported clause on the cue, but with a subject
    of its own it goes on with what was said. Not a cue of its own ("..., and Democrats accused
    X": their report), nor a clause about the speaker ("..., and he left the room": the writer's
    account). ``end`` is where the reported clause ends (exclusive); ``is_cue(token)`` tells the
    cue verbs. Returns the new end, else None."""
    cc = None
    for child in verb.rights:
        if child.i < end:
            continue
        if child.dep_ == "cc":
            cc = child
            continue
        if child.dep_ != "conj" or cc is None:
            continue
        subject = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        if subject is None or is_cue(child) or subject.lower_ in PERSONAL_SUBJECTS:
            return None
        speaker = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if speaker is not None and speaker.lower_ == subject.lower_:
            return None
        return child.right_edge.i + 1
    return None


def joined_clause_start(verb: Token, comp: Token) -> int | None:
    """"The van was to wait, but the police sent it away, a witness said": the parser joins the
    inverted cue to the first clause and gives it only the last one, but the cue reports both.
    ``comp`` is the reported clause before the cue; returns the index where the clause the cue
    is joined to begins, when that clause opens before ``comp`` and "and"/"but" links them."""
    head = verb.head
    if verb.dep_ != "conj" or comp.i > verb.i or head.left_edge.i >= comp.left_edge.i:
        return None
    if not any(c.dep_ == "cc" and c.i < comp.left_edge.i for c in head.children):
        return None
    return head.left_edge.i


# what opens a reported clause split by an inserted cue: its subject, a clause, a conjunction;
# not a phrase of time or place ("During his term, he said, X": when, not what)
SPLIT_OPENING_DEPS = (*FRONTED_DEPS, "nsubjpass", "advcl", "csubj", "expl", "mark", "cc", "aux", "auxpass")


def split_opening(verb: Token, subject: Token) -> tuple[int, int] | None:
    """"The new rules, the mayor said on Tuesday, will take effect in May": the parser makes the
    inserted cue the root and hangs the opening of the reported clause on it, the rest being its
    complement after the second comma. Token range of that opening (sentence start to the comma
    before the speaker), else None."""
    doc = verb.doc
    if verb.dep_ != "ROOT" or subject.i > verb.i:
        return None
    comp = next((c for c in verb.rights if c.dep_ == "ccomp"), None)
    if comp is None or comp.left_edge.i < 1 or doc[comp.left_edge.i - 1].text != ",":
        return None
    comma = subject.left_edge.i - 1
    if comma < 1 or doc[comma].text != ",":
        return None
    if any(doc[k].dep_ not in ("aux", "neg", "advmod") for k in range(subject.right_edge.i + 1, verb.i)):
        return None
    parts = [c for c in verb.lefts if c.i < comma]
    if not parts or parts[0].left_edge.i != verb.left_edge.i or any(c.dep_ not in SPLIT_OPENING_DEPS for c in parts):
        return None
    return verb.left_edge.i, comma


def reported_host(head: Token) -> Token:
    """The clause a trailing source phrase ("..., according to X") reports: the parser hangs the
    phrase on the nearest verb, which may be the second of two joined verbs ("stood at 2 and has
    since grown to 9") or a participle on a noun ("the fourth person shot by police"); the report
    is the whole clause they belong to. A relative clause stays apart ("McAuliffe, who was greeted
    with chants, according to X": the source vouches for the relative clause only)."""
    for _ in range(8):
        if head.dep_ in ("conj", "acl") and head.head.i != head.i:
            head = head.head
        elif head.pos_ not in ("VERB", "AUX") and head.dep_ != "relcl" and head.head.i != head.i:
            head = head.head
        else:
            break
    return head
