"""Attributions the writer makes without a holder or through a document, for ``dyad.nlp.quotes``:
"X seems to be Y", "Republicans seem confident that ...", "it appeared that ...", "In the latest
poll, X leads by five points", "the driver allegedly ran a red light".

A raising verb ("seem", "appear": ``raising_verbs`` in the cue lexicon; "look", "sound" with an
adjective or "like": ``looks_verbs``) presents its subject and complement as an impression,
someone's view rather than a fact; PolNeAR annotates these as attributions without a source.
The content is the subject with the complement (the clause after "it appears"); when the
complement is itself a cue ("seemed to think that ...", "appeared to suggest ..."), that cue
reports the content instead and no stance is made here.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyad.nlp.quote_bounds import token_span_chars
from dyad.nlp.quote_frames import Frame
from dyad.ontology.cues import CueLexicon

COMPLEMENT_DEPS = ("xcomp", "oprd", "acomp", "attr")
EXPLETIVES = ("it", "there")


def _complement(verb: Token, deps: tuple[str, ...]) -> Token | None:
    for child in verb.rights:
        if child.dep_ in deps or (child.dep_ == "prep" and child.lower_ == "like"):
            return child
    return None


def stance_frame(verb: Token, lex: CueLexicon) -> Frame | None:
    """The impression reported by a raising verb, without a speaker, or None."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in lex.raising_verbs | lex.looks_verbs:
        return None
    # "looks unlikely", "looks like X" only: "looks to shore up support" is an aim, not a look
    deps = COMPLEMENT_DEPS if lemma in lex.raising_verbs else ("oprd", "acomp")
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
    if subject is None:
        return None
    if subject.lower_ in EXPLETIVES:  # "it appeared that Trump was ...": the clause alone
        clause = next((c for c in verb.rights if c.dep_ == "ccomp"), None)
        if clause is None:
            return None
        a, b = clause.left_edge.i, clause.right_edge.i + 1
    else:
        complement = _complement(verb, deps)
        if complement is None or complement.lemma_.lower() in lex.any_verb:
            return None
        a, b = subject.left_edge.i, complement.right_edge.i + 1
    start, end = token_span_chars(verb.doc, a, b)
    if end <= start:
        return None
    return Frame(start, end, verb.text, verb.idx, verb.idx + len(verb), cue_token=verb.i, cue_head=verb.head.i)


def finding_frame(prep: Token, lex: CueLexicon) -> tuple[Frame, Token] | None:
    """"In the latest poll, Clinton leads by five points": a sentence opened by "in" and a
    document of findings (``evidence_nouns``: poll, survey, study) reports what that document
    found, when the sentence has no cue of its own. The frame and its source (the document)."""
    if prep.lower_ != "in" or prep.dep_ != "prep" or not prep.is_sent_start:
        return None
    source = next((c for c in prep.children if c.dep_ == "pobj"), None)
    head = prep.head
    if source is None or source.lemma_.lower() not in lex.evidence_nouns or head.pos_ not in ("VERB", "AUX"):
        return None
    doc, after = prep.doc, prep.right_edge.i + 1
    if after >= len(doc) or doc[after].text != "," or head.i < after or head.lemma_.lower() in lex.any_verb:
        return None
    start, end = token_span_chars(doc, after + 1, head.right_edge.i + 1)
    if end <= start:
        return None
    return Frame(start, end, prep.text, prep.idx, prep.idx + len(prep), cue_token=prep.i, cue_head=head.i), source


def hearsay_frames(adverb: Token, lex: CueLexicon) -> list[Frame]:
    """"after he allegedly ran a red light", "the firm reportedly cut 500 jobs": an adverb of
    hearsay (``evidential_adverbs``) presents the clause it qualifies as someone's report, the
    holder unnamed. The content is that clause without its subordinator ("after", "because"),
    in one piece with the adverb (a quote without a speaker is not joined to another part).
    None when the clause's verb is a cue itself ("reportedly said that ...": that cue reports)."""
    if adverb.lower_ not in lex.evidential_adverbs or adverb.dep_ != "advmod":
        return []
    host = adverb.head
    if host.pos_ not in ("VERB", "AUX") or host.lemma_.lower() in lex.any_verb:
        return []
    a, b = host.left_edge.i, host.right_edge.i + 1
    doc = adverb.doc
    while a < b and (doc[a].dep_ in ("mark", "cc") and doc[a].head.i == host.i or doc[a].is_punct):
        a += 1
    start, end = token_span_chars(doc, a, b)
    if end <= start:
        return []
    return [Frame(start, end, adverb.text, adverb.idx, adverb.idx + len(adverb), cue_token=adverb.i, cue_head=host.i)]
