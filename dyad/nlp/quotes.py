"""dyad_quotes: direct and indirect quotes, beliefs, intentions and stances, with their speakers.

Attributions come from the dependency parse and the cue lexicon
(``dyad/ontology/data/quotes/cues.yaml``), one kind per function below:

* cue verbs with a subject and their content: a clause ("X said (that) ..."), an infinitive
  ("X vowed to ..."), an object ("X condemned ...", "called X a Y"), a phrasal object
  ("X called for ..."), or a direct quote next to the cue ('"...," said X', 'X told Y: "..."');
  "X, he said, Y" reports the whole sentence; any other verb with a "that" clause is a cue too;
* "according to X, ..."; noun cues ("X's claim that ..."); stance adjectives ("X is critical
  of ..."); passives ("it was reported by X that ...", "X was accused of ...": no speaker);
* layout: transcript lines ("PENCE: ..."), headlines ("Pence: ..."), signed quotes ('"..." ― X').

Direct quotes are found on the characters (straight, curly, mixed pairs such as '...",
paragraph-spanning); a quotation that opens the sentence after an attributed direct quote
continues it ("'X,' he noted. "Y"" gives two Quotes with the same speaker span and cue).
Contents never nest: a cue inside a quotation or inside another content is that speaker's
words, except a further report of speech, which cuts the outer content short.
Speakers: the subject of the cue (nearest one), a relative pronoun's antecedent, or for
he/she/they the last fitting speaker or named entity of the paragraph; the actor comes from
``doc._.mentions`` when the actors stage ran (None is treated as no mentions).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dyad.models import ActorRef, Quote
from dyad.nlp.types import doc_text, register_extensions, sentence_index, sentence_starts
from dyad.ontology.cues import CueLexicon, load_cues

register_extensions()

DOUBLE_OPEN, DOUBLE_CLOSE = "“\"", "”\""
SINGLE_OPEN, SINGLE_CLOSE = "‘'", "’'"
ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE
# Characters trimmed from both ends of a content span (quote marks, separators, dashes).
EDGE_CHARS = " \t\r\n" + ALL_MARKS + ",.;:—–-―…()[]"
OPEN_AFTER = "([{—–-―/:" + ALL_MARKS
TRANSCRIPT = re.compile(r"^[ \t]*[\"“]?([A-Z][A-Z.'\- ]{1,40}[A-Z.]):[ \t]+(\S[^\n]*)$", re.MULTILINE)
# a short headline-like line "Name: what they said" (speakers checked against entities and a word list)
HEADLINE = re.compile(r"^([A-Z][\w.'’\-]*(?:[ \t][A-Z][\w.'’\-]*){0,4}):[ \t]+(\S[^\n]*)$", re.MULTILINE)
# a quote signed with a dash: '"..." ― Sonya Herridge'
SIGNED = re.compile(r"\s*([―—–]|--)\s*([A-Z][\w.'\-]*(?:[ \t]+[A-Z][\w.'\-]*){0,3})")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
INHERIT_DEPS = ("conj", "xcomp", "advcl")  # "..., saying that", "went on to say", "said A and added B"
RELATIVES = ("who", "which", "that")
OBJECT_TAIL_DEPS = ("dobj", "prep", "oprd", "xcomp", "ccomp", "dative", "attr")


@dataclass(frozen=True)
class DirectSpan:
    """A run of quoted words: ``start``/``end`` bound the words inside the marks."""

    open: int  # offset of the opening mark
    start: int
    end: int
    close: int  # offset just after the closing mark (== end when the paragraph closed it)


@dataclass(frozen=True)
class _Frame:
    """One attribution before it becomes a Quote: character offsets into doc.text."""

    start: int
    end: int
    cue: str
    cue_start: int
    cue_end: int
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_head: int | None = None  # token index of the speaker's head word
    antecedent: int | None = None  # token a relative pronoun speaker stands for ("an architect who said")
    role: str | None = None
    venue: str | None = None
    kind: str = "indirect"
    cue_token: int | None = None  # token index of the cue word
    cue_head: int | None = None  # its syntactic head (a cue heading another's complement is absorbed)
    splits: bool = False  # nested in another content, this attribution cuts it short instead of vanishing
    layout: bool = False  # found by layout (transcript, headline, signature): its bounds are final

    @property
    def last(self) -> int:
        return max(self.end, self.cue_end, self.speaker_end or 0)


# --------------------------------------------------------------------------- direct quotes


def _can_open(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i] in "“‘":
        return not after.isspace() or text[i] == "“"
    return (before.isspace() or before in OPEN_AFTER) and not after.isspace()


def _can_close(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace():
        return False
    # an apostrophe inside a word ("don't", "Iran's") closes nothing
    return not after.isalnum()


def _find_close(text: str, i: int, closers: str, para_end: int) -> int | None:
    for k in range(i + 1, para_end):
        if text[k] in closers and _can_close(text, k):
            return k
    return None


def _para_end(text: str, i: int) -> int:
    end = text.find("\n", i)
    return len(text) if end < 0 else end


def _next_para_opens(text: str, end: int, opener: str) -> int | None:
    """Offset of the opening mark that starts the next paragraph (a quote running on), else None."""
    m = re.compile(r"\n\s*").match(text, end)
    k = m.end() if m else end
    return k if k < len(text) and text[k] in opener and _can_open(text, k) else None


def _scan_double(text: str, i: int) -> DirectSpan | None:
    start, para_end = i + 1, _para_end(text, i)
    while True:
        k = _find_close(text, i, DOUBLE_CLOSE, para_end)
        if k is not None:
            return DirectSpan(start - 1, start, k, k + 1) if k > start else None
        nxt = _next_para_opens(text, para_end, DOUBLE_OPEN)
        if nxt is None:  # unclosed at the paragraph end: transcripts and sloppy pages do this
            return DirectSpan(start - 1, start, para_end, para_end) if para_end > start else None
        i, para_end = nxt, _para_end(text, nxt)


def _scan_single(text: str, i: int) -> DirectSpan | None:
    # a single mark may be closed by a double one ('Each ... other.") but never crosses a paragraph
    k = _find_close(text, i, SINGLE_CLOSE + DOUBLE_CLOSE, _para_end(text, i))
    return DirectSpan(i, i + 1, k, k + 1) if k is not None and k > i + 1 else None


def find_direct_spans(text: str) -> list[DirectSpan]:
    """Quoted runs in ``text``, outermost only, in order."""
    spans: list[DirectSpan] = []
    i = 0
    while i < len(text):
        ch = text[i]
        span = None
        if ch in DOUBLE_OPEN and _can_open(text, i):
            span = _scan_double(text, i)
        elif ch in SINGLE_OPEN and _can_open(text, i):
            span = _scan_single(text, i)
        if span is not None:
            spans.append(span)
            i = max(span.close, i + 1)
        else:
            i += 1
    return spans


# --------------------------------------------------------------------------- spans and tokens


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in EDGE_CHARS:
        start += 1
    while end > start and text[end - 1] in EDGE_CHARS:
        end -= 1
    return start, end


def _token_span_chars(doc: Doc, a: int, b: int) -> tuple[int, int]:
    """Characters of tokens [a, b) without edge punctuation; a complementiser ("that") stays, as the
    clause it opens is the content (the PolNeAR convention too)."""
    while a < b and (doc[a].is_punct or doc[a].is_space):
        a += 1
    if a >= b:
        return (doc[a - 1].idx, doc[a - 1].idx) if a > 0 else (0, 0)
    return _trim(doc_text(doc), doc[a].idx, doc[b - 1].idx + len(doc[b - 1]))


def _sent_bounds(token: Token) -> tuple[int, int]:
    """Token range of the sentence holding ``token`` (spaCy's Token.sent walks every sentence)."""
    starts = sentence_starts(token.doc)
    index = sentence_index(token.doc, token.i)
    end = starts[index + 1] if index + 1 < len(starts) else len(token.doc)
    return starts[index], end


def _subtree_range(token: Token) -> tuple[int, int]:
    return token.left_edge.i, token.right_edge.i + 1


def _token_at(doc: Doc, char: int) -> int:
    starts = doc.user_data.get("dyad_tok_starts")
    if starts is None:
        starts = doc.user_data["dyad_tok_starts"] = [t.idx for t in doc]
    return max(0, bisect_right(starts, char) - 1)


def _noun_phrase(token: Token) -> tuple[int, int]:
    """Token range of a speaker: its left modifiers and the head (not appositions or clauses)."""
    right = token.i + 1
    for child in token.rights:
        if child.dep_ in ("compound", "flat", "nummod") and child.i == right:
            right = child.i + 1
    return token.left_edge.i, right


def _role(token: Token) -> str | None:
    """The apposition naming the speaker's position, without a relative clause hung on it."""
    for child in token.children:
        if child.dep_ == "appos":
            a, b = _subtree_range(child)
            clauses = [c.left_edge.i for c in child.rights if c.dep_ in ("relcl", "acl")]
            s, e = _token_span_chars(token.doc, a, min([b, *clauses]))
            return doc_text(token.doc)[s:e] or None
    return None


# --------------------------------------------------------------------------- cue verbs


def _subject(verb: Token, depth: int = 0) -> Token | None:
    # the nearest one: in '"... panic mode," said Leslie Wimes' the parser also hangs "mode" on "said"
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if subjects:
        return min(subjects, key=lambda c: abs(c.i - verb.i))
    if depth < 3 and verb.dep_ in INHERIT_DEPS and verb.head.i != verb.i:
        return _subject(verb.head, depth + 1)
    return None


def _child(verb: Token, deps: tuple[str, ...], after: bool | None = None) -> Token | None:
    for child in verb.children:
        if child.dep_ in deps and (after is None or (child.i > verb.i) == after):
            return child
    return None


def _object_content(verb: Token) -> tuple[int, int] | None:
    """From the object to the end of what follows it: "accused X of Y", "called X a Y"."""
    obj = _child(verb, ("dobj",), after=True)
    if obj is None:
        return None
    end = obj.right_edge.i + 1
    for child in verb.rights:
        if child.i > obj.i and child.dep_ in OBJECT_TAIL_DEPS:
            end = max(end, child.right_edge.i + 1)
    return obj.left_edge.i, end


def _phrasal_content(verb: Token, lex: CueLexicon) -> tuple[tuple[int, int], Token] | None:
    for child in verb.rights:
        if (_verb_lemma(verb, lex), child.lower_) not in lex.phrasal_verbs:
            continue
        end = max(t.right_edge.i for t in [child, *[c for c in verb.rights if c.i > child.i]]) + 1
        if child.dep_ == "prep" and any(c.dep_ in ("pobj", "pcomp") for c in child.children):
            return (child.i + 1, end), child
        if child.dep_ == "prt" and end > child.i + 1:
            return (child.i + 1, end), child
    return None


def _clause_content(verb: Token, lemma: str, lex: CueLexicon) -> tuple[int, int] | None:
    if lemma in lex.clause_verbs or lemma in lex.naming_verbs:
        comp = _child(verb, ("ccomp",), after=True)
        if comp is None and lemma in lex.speech_verbs:  # the nearest clause before it: "X, he said"
            comp = next((c for c in reversed(list(verb.lefts)) if c.dep_ == "ccomp" and _separated(c)), None)
        if comp is not None:
            return _subtree_range(comp)
    if lemma in lex.intention_verbs:
        comp = _child(verb, ("xcomp",), after=True)
        if comp is not None and any(c.dep_ == "aux" and c.lower_ == "to" for c in comp.children):
            return _subtree_range(comp)
    return None


def _that_clause(verb: Token) -> Token | None:
    comp = _child(verb, ("ccomp",), after=True)
    return comp if comp is not None and comp.left_edge.lower_ == "that" and comp.left_edge.dep_ == "mark" else None


def _separated(comp: Token) -> bool:
    """A clause before its cue is reported only when a comma or quote mark closes it ("X, he said")."""
    end, doc, marks = comp.right_edge.i + 1, comp.doc, ",”\"'’"
    return end < len(doc) and (doc[end - 1].text in marks or doc[end].text in marks or doc[end - 1].is_quote)


def _verb_content(verb: Token, lemma: str, lex: CueLexicon) -> tuple[tuple[int, int] | None, int]:
    """Content token range and the token index where the cue phrase ends (exclusive)."""
    phrasal = _phrasal_content(verb, lex)
    if phrasal is not None:
        return phrasal[0], phrasal[1].i + 1
    clause = _clause_content(verb, lemma, lex)
    if clause is not None:
        return clause, verb.i + 1
    if lemma in lex.naming_verbs and _child(verb, ("oprd",)) is not None:
        return _object_content(verb), verb.i + 1
    if lemma not in lex.naming_verbs and lemma in lex.object_verbs:
        return _object_content(verb), verb.i + 1  # "noted the rule", "told his advisers to ..."
    comp = _that_clause(verb)
    if comp is not None:  # any other verb taking a "that" clause reports an attitude ("recognized that")
        return _subtree_range(comp), verb.i + 1
    return None, verb.i + 1


def _verb_lemma(verb: Token, lex: CueLexicon) -> str:
    """The lemma, mended when the lemmatizer misses a cue ("hopes" -> "hop"): strip the inflection."""
    lemma = verb.lemma_.lower()
    if lemma in lex.any_verb:
        return lemma
    lower = verb.lower_
    for stem in (lower[:-1], lower[:-2], lower[:-3] + "e", lower[:-3]):
        if len(stem) > 2 and stem in lex.any_verb and lower.endswith(("s", "d", "ing")):
            return stem
    return lemma


def _is_verb(token: Token) -> bool:
    return token.pos_ == "VERB" or (token.tag_.startswith("VB") and token.pos_ != "AUX")


def _adjacent_direct(doc: Doc, core: tuple[int, int], directs: list[DirectSpan]) -> DirectSpan | None:
    """A direct quote right before ("'...,' he said") or right after ("said: '...'") the cue."""
    text = doc_text(doc)
    for span in directs:
        if span.close <= core[0] < span.close + 5 and text[span.close:core[0]].strip(" ,\t" + ALL_MARKS) == "":
            return span
        if span.open >= core[1]:
            gap = text[core[1]:span.open]
            ends_well = gap.strip() == "" or gap.rstrip()[-1] in ",:"  # "said, '...", "told X: '..."
            return span if len(gap) < 120 and "." not in gap and "\n" not in gap and ends_well else None
    return None


def _cue_subject(verb: Token, lemma: str, lex: CueLexicon) -> tuple[Token, Token | None] | None:
    """The speaker of a cue verb and, for "who said", the noun the relative pronoun stands for."""
    if not _is_verb(verb) or lemma in lex.not_cue_verbs or (lemma not in lex.any_verb and _that_clause(verb) is None):
        return None
    subject = _subject(verb)
    if subject is None and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        subject = verb.head  # "one saying that ...", "a statement announcing ..."
    relative = subject is not None and verb.dep_ == "relcl" and subject.lower_ in RELATIVES
    if subject is None or (subject.lower_ in lex.not_speakers and not relative):
        return None
    if subject.dep_ == "nsubjpass" and subject.head.i == verb.i:
        return None  # "it was reported by X that ...": the holder is the agent (see _passive_frame)
    return subject, verb.head if relative else None


def _direct_next_to(verb: Token, subject: Token, directs: list[DirectSpan]) -> DirectSpan | None:
    doc = verb.doc
    sa, sb = _noun_phrase(subject)
    core = (min(doc[sa].idx, verb.idx), max(doc[sb - 1].idx + len(doc[sb - 1]), verb.idx + len(verb)))
    return _adjacent_direct(doc, core, directs)


def _verb_frames(verb: Token, lex: CueLexicon, directs: list[DirectSpan]) -> list[_Frame] | None:
    lemma = _verb_lemma(verb, lex)
    found = _cue_subject(verb, lemma, lex)
    if found is None:
        return None
    (subject, antecedent), doc = found, verb.doc
    content, cue_end = _verb_content(verb, lemma, lex)
    if content is None and verb.dep_ == "parataxis" and lemma in lex.speech_verbs:
        return _parataxis_frames(verb, subject, lex)
    direct = _direct_next_to(verb, subject, directs) if content is None and lemma in lex.speech_verbs else None
    if content is not None:
        (start, end), kind = _token_span_chars(doc, *content), "indirect"
    elif direct is not None:
        start, end, kind = direct.start, direct.end, "direct"
    else:
        return None
    frame = _Frame(start, end, doc[verb.i:cue_end].text, verb.idx, doc[cue_end - 1].idx + len(doc[cue_end - 1]),
                   kind=kind, venue=_venue(verb, lemma, lex), antecedent=antecedent.i if antecedent else None,
                   cue_token=verb.i, cue_head=verb.head.i, splits=lemma in lex.speech_verbs | lex.evidence_verbs)
    return [_with_speaker(frame, subject)]


def _parataxis_frames(verb: Token, subject: Token, lex: CueLexicon) -> list[_Frame]:
    """"X, he said, Y": the content is the host clause on both sides of the cue (two parts)."""
    doc, host = verb.doc, verb.head
    a, b = _sent_bounds(verb)  # the whole sentence: the host may be a clause inside it
    ca, cb = _subtree_range(verb)
    frames = []
    for lo, hi in ((a, ca), (cb, b)):
        start, end = _token_span_chars(doc, lo, hi) if hi > lo else (0, 0)
        if end > start:
            frames.append(_with_speaker(_Frame(start, end, verb.text, verb.idx, verb.idx + len(verb),
                                               venue=_venue(verb, _verb_lemma(verb, lex), lex), cue_token=verb.i,
                                               cue_head=host.i, splits=True), subject))
    return frames


def _with_speaker(frame: _Frame, subject: Token) -> _Frame:
    a, b = _noun_phrase(subject)
    doc = subject.doc
    s, e = doc[a].idx, doc[b - 1].idx + len(doc[b - 1])
    return replace(frame, speaker_start=s, speaker_end=e, speaker_head=subject.i, role=_role(subject))


def _venue(verb: Token, lemma: str, lex: CueLexicon) -> str | None:
    """Where it was said: "told the New York Times", "in a statement", "posted on Facebook"."""
    for child in verb.children:
        if lemma == "tell" and child.dep_ in ("dobj", "dative") and any(t.pos_ == "PROPN" for t in child.subtree):
            return _span_text(child)
        if child.dep_ != "prep":
            continue
        pobj = _child(child, ("pobj",))
        if pobj is None:
            continue
        if child.lower_ == "in" and pobj.lemma_.lower() in lex.venue_nouns:
            return _span_text(pobj)
        if child.lower_ == "on" and lemma in lex.platform_verbs and pobj.pos_ == "PROPN":
            return _span_text(pobj)
    return None


def _span_text(token: Token) -> str:
    s, e = _token_span_chars(token.doc, *_subtree_range(token))
    return doc_text(token.doc)[s:e]


# --------------------------------------------------------------------------- other cues


def _source_of(prep: Token | None) -> Token | None:
    """The source after "according to": its object (or, misparsed as a verb, that verb's object)."""
    obj = _child(prep, ("pobj", "pcomp")) if prep is not None else None
    if obj is not None and obj.dep_ == "pcomp":
        obj = _child(obj, ("dobj",)) or obj  # "according to show insiders" parsed as show(insiders)
    return obj


def _according_frame(token: Token, lex: CueLexicon) -> _Frame | None:
    pairs = dict(lex.source_prepositions)
    if token.lower_ not in pairs:
        return None
    prep = next((c for c in token.children if c.lower_ == pairs[token.lower_]), None)
    source = _source_of(prep)
    if source is None:
        return None
    doc, head = token.doc, token.head
    if head.i == token.i:  # parsed as the root: the content follows the comma after the source's name
        np_end = _noun_phrase(source)[1]
        sent_end = _sent_bounds(token)[1]
        comma = next((t.i for t in doc[np_end:sent_end] if t.text == ","), np_end - 1)
        rng = (comma + 1, sent_end)
    else:
        a, b = _subtree_range(head)
        ta, tb = _subtree_range(token)
        rng = (tb, b) if ta <= a + 2 else (a, ta)
    start, end = _token_span_chars(doc, *rng)
    if end <= start:
        return None
    cue_end = prep.idx + len(prep)
    return _with_speaker(_Frame(start, end, doc_text(doc)[token.idx:cue_end], token.idx, cue_end), source)


def _noun_speaker(noun: Token) -> Token | None:
    """Whose claim: "Trump's claim", "a New York Times report", "a report by X", "X raised questions"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.lefts:
        if child.dep_ in ("compound", "nmod") and child.pos_ == "PROPN":
            return child
    for child in noun.rights:
        if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from"):
            pobj = _child(child, ("pobj",))
            if pobj is not None:
                return pobj
    if noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX"):
        return _subject(noun.head)  # "X raised questions about", "X is a staunch opponent of"
    return None


def _noun_content(noun: Token, lex: CueLexicon) -> tuple[tuple[int, int], bool] | None:
    """Content token range of a noun cue and whether it is a "that" clause (which needs no holder)."""
    for child in noun.rights:
        first = child.left_edge
        if child.dep_ in ("acl", "ccomp") and (first.lower_ == "that" and first.dep_ == "mark"):
            return _subtree_range(child), True
        if child.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return _subtree_range(child), False
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in lex.noun_preps and _child(child, ("pobj", "pcomp")) is not None:
            return (child.i + 1, child.right_edge.i + 1), False
    return None


def _noun_frame(noun: Token, lex: CueLexicon) -> _Frame | None:
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lex.noun_cues:
        return None
    found = _noun_content(noun, lex)
    if found is None:
        return None
    (a, b), clause = found
    speaker = _noun_speaker(noun)
    if speaker is not None and speaker.lower_ in lex.not_speakers:
        speaker = None
    if speaker is None and not clause:  # "the case of", "efforts to": not a report without a holder
        return None
    start, end = _token_span_chars(noun.doc, a, b)
    frame = _Frame(start, end, noun.text, noun.idx, noun.idx + len(noun), cue_token=noun.i, cue_head=noun.head.i)
    return _with_speaker(frame, speaker) if speaker is not None else frame


def _headline_frames(doc: Doc, lex: CueLexicon) -> list[_Frame]:
    """Headline attribution: "Pence: Flowers Won't Be at Debate", "Poll: Clinton and Trump Tied"."""
    frames = []
    for m in HEADLINE.finditer(doc_text(doc)):
        if len(m.group(0)) > 200 or len(m.group(2).split()) < 3 or m.group(1).isupper():
            continue
        last = doc[_token_at(doc, m.end(1) - 1)]
        if not (last.ent_type_ in ("PERSON", "ORG") or m.group(1).lower() in lex.headline_sources):
            continue
        start, end = _trim(doc_text(doc), m.start(2), m.end(2))
        frames.append(_Frame(start, end, ":", m.end(1), m.end(1) + 1, m.start(1), m.end(1), last.i,
                             kind="direct" if doc_text(doc)[m.start(2)] in ALL_MARKS else "indirect", layout=True))
    return frames


def _adjective_frame(adj: Token, lex: CueLexicon) -> _Frame | None:
    """Attitudes stated with an adjective: "X is critical of Y", "X was sure (that) Y"."""
    if adj.pos_ != "ADJ" or adj.dep_ != "acomp" or adj.lemma_.lower() not in lex.attitude_adjectives:
        return None
    subject = _subject(adj.head)
    if subject is None or subject.lower_ in lex.not_speakers or subject.lower_ in ("it", "this"):
        return None
    comp = _child(adj, ("ccomp",), after=True)
    if comp is not None:
        rng = _subtree_range(comp)
    else:
        prep = next((c for c in adj.rights if c.dep_ == "prep" and c.lower_ in lex.adjective_preps), None)
        if prep is None or _child(prep, ("pobj", "pcomp")) is None:
            return None
        rng = (prep.i + 1, prep.right_edge.i + 1)
    start, end = _token_span_chars(adj.doc, *rng)
    return _with_speaker(_Frame(start, end, adj.text, adj.idx, adj.idx + len(adj), cue_token=adj.i,
                                cue_head=adj.head.i), subject)


def _passive_frame(verb: Token, lex: CueLexicon) -> _Frame | None:
    """"X was accused of Y", "it was reported that Y": the holder is the agent, when there is one."""
    lemma = _verb_lemma(verb, lex)
    subject = _child(verb, ("nsubjpass",))
    if not _is_verb(verb) or subject is None:
        return None
    comp = _child(verb, ("ccomp",), after=True)
    # a belief only with its clause ("it is believed that"): "was supposed to" reports nobody
    if lemma not in lex.object_verbs | lex.speech_verbs and not (lemma in lex.belief_verbs and comp is not None):
        return None
    tail = [c for c in verb.rights if c.dep_ in ("prep", "xcomp", "oprd") and c.lower_ != "by"]
    if comp is not None:
        rng = _subtree_range(comp)
    elif tail:
        rng = (subject.left_edge.i, max(c.right_edge.i for c in tail) + 1)
    else:
        return None
    start, end = _token_span_chars(verb.doc, *rng)
    frame = _Frame(start, end, verb.text, verb.idx, verb.idx + len(verb), cue_token=verb.i, cue_head=verb.head.i)
    agent = next((c for c in verb.rights if c.dep_ == "agent"), None)
    pobj = _child(agent, ("pobj",)) if agent is not None else None
    return _with_speaker(frame, pobj) if pobj is not None else frame


def _label_frames(doc: Doc, directs: list[DirectSpan], lex: CueLexicon) -> list[_Frame]:
    """Speakers named by layout: transcript lines ("PENCE: ...") and signed quotes ("..." ― Name)."""
    frames = []
    for m in TRANSCRIPT.finditer(doc_text(doc)):
        start, end = _trim(doc_text(doc), m.start(2), m.end(2))
        if end > start:
            head = _token_at(doc, m.start(1))
            frames.append(_Frame(start, end, ":", m.end(1), m.end(1) + 1, m.start(1), m.end(1), head, kind="direct",
                                 layout=True))
    frames.extend(_headline_frames(doc, lex))
    closes = {span.close: span for span in directs}
    for m in SIGNED.finditer(doc_text(doc)):
        span = closes.get(m.start())
        if span is not None:
            head = _token_at(doc, m.end(2) - 1)
            frames.append(_Frame(span.start, span.end, m.group(1), m.start(1), m.end(1), m.start(2), m.end(2), head,
                                 kind="direct", layout=True))
    return frames


# --------------------------------------------------------------------------- assembling


def _expand_to_directs(frame: _Frame, directs: list[DirectSpan]) -> _Frame:
    """Grow an indirect content to the whole direct quote it cuts into; mark it direct if inside one."""
    if frame.layout:  # a transcript line inside a quoted transcript stays one line
        return frame
    start, end = frame.start, frame.end
    for span in directs:
        if span.start < end and start < span.end and not (frame.cue_start >= span.start and frame.cue_start < span.end):
            start, end = min(start, span.start), max(end, span.end)
    kind = frame.kind
    if any(span.start <= start + 1 and end - 1 <= span.end for span in directs):
        kind = "direct"
    return replace(frame, start=start, end=end, kind=kind)


def _inside_quotation(frame: _Frame, directs: list[DirectSpan]) -> bool:
    """A cue inside a closed quotation is the quoted speaker's words ("I think ..."), not a new report."""
    return not frame.layout and any(span.start <= frame.cue_start < span.end and span.close > span.end
                                    for span in directs)


def _clip_paragraph(frame: _Frame, text: str) -> _Frame:
    """Reported speech does not run past its paragraph unless it is a quotation that does."""
    start, end = _trim(text, frame.start, frame.end)
    if frame.kind == "indirect" and "\n" in text[start:end]:
        if start < frame.cue_start:
            start = text.rfind("\n", start, end) + 1
        else:
            end = text.find("\n", start, end)
        start, end = _trim(text, start, end)
    return replace(frame, start=start, end=end)


def _first(frame: _Frame, outer: _Frame) -> int:
    """Where ``frame`` begins inside ``outer`` (a shared subject before it does not count)."""
    speaker = frame.speaker_start if frame.speaker_start is not None and frame.speaker_start > outer.start else None
    return min(frame.start, frame.cue_start, speaker if speaker is not None else frame.start)


def _drop_nested(frames: list[_Frame], text: str) -> list[_Frame]:
    """Contents do not nest. A belief or intention inside someone's content is part of what they
    said ("she said she hopes ..."); another report of speech inside it ("..., which he said were
    ...", "and when pressed, she replied ...") ends the outer content where it begins."""
    kept: list[_Frame] = []
    for frame in sorted(frames, key=lambda f: (not f.layout, -(f.end - f.start), f.cue_start)):
        if frame.end <= frame.start or any(k.start == frame.start and k.end == frame.end for k in kept):
            continue
        outer = next((k for k in kept if k.start <= frame.cue_start < k.end), None)
        if outer is None:
            kept.append(frame)
        elif frame.splits and outer.kind == "indirect" and frame.cue_head != outer.cue_token and (
                _first(frame, outer) > outer.start):
            start, end = _trim(text, outer.start, _first(frame, outer))
            kept.remove(outer)
            if end > start:
                kept.append(replace(outer, start=start, end=end))
            kept.append(frame)
    return sorted(kept, key=lambda f: f.start)


def _continuations(frames: list[_Frame], directs: list[DirectSpan], doc: Doc) -> list[_Frame]:
    """Direct quotes that carry on an attributed direct quote: the next sentence opens with them and
    nothing else was attributed in between ("'X,' he said, a former adviser. 'Y'")."""
    extra: list[_Frame] = []
    text = doc_text(doc)
    for span in directs:
        if any(f.start < span.end and span.start < f.end for f in frames):
            continue
        before = [f for f in frames + extra if f.last <= span.open]
        if not before or len(text[span.start:span.end].split()) < 3:
            continue
        prev = max(before, key=lambda f: f.last)
        if prev.kind == "direct" and _follows(doc, prev, span):
            start, end = _trim(text, span.start, span.end)
            extra.append(replace(prev, start=start, end=end))
    return extra


def _follows(doc: Doc, prev: _Frame, span: DirectSpan) -> bool:
    text, at = doc_text(doc), _token_at(doc, span.open)
    if text[prev.last:span.open].strip(" \t\n.,;:") == "":
        return True
    opens_sentence = doc[at].is_sent_start or text[:span.open].rstrip().endswith((".", "?", "!"))
    return sentence_index(doc, at) - sentence_index(doc, _token_at(doc, prev.last - 1)) in (0, 1) and opens_sentence


def _token_frames(token: Token, lex: CueLexicon, directs: list[DirectSpan]) -> list[_Frame]:
    frames = _verb_frames(token, lex, directs)
    if frames:
        return frames
    frame = (_according_frame(token, lex) or _noun_frame(token, lex) or _adjective_frame(token, lex)
             or _passive_frame(token, lex))
    return [frame] if frame is not None else []


def find_frames(doc: Doc, lex: CueLexicon) -> list[_Frame]:
    """All attributions in ``doc`` (internal records; ``to_quotes`` turns them into Quotes)."""
    directs = find_direct_spans(doc_text(doc))
    frames = _label_frames(doc, directs, lex)
    for token in doc:
        frames.extend(_token_frames(token, lex, directs))
    frames = [f for f in frames if not _inside_quotation(f, directs)]
    frames = _drop_nested([_clip_paragraph(_expand_to_directs(f, directs), doc_text(doc)) for f in frames], doc_text(doc))
    return sorted(frames + _continuations(frames, directs, doc), key=lambda f: f.start)


# --------------------------------------------------------------------------- speakers


def _mention_actor(doc: Doc, head: int) -> ActorRef | None:
    for mention in doc._.mentions or ():
        if mention.actor is not None and mention.span.start <= head < mention.span.end:
            return mention.actor
    return None


def _compatible(doc: Doc, head: int, pronoun: str, lex: CueLexicon) -> bool:
    """Can ``pronoun`` stand for the speaker headed by token ``head``? (no gender lexicon: he = she)"""
    token = doc[head]
    plural = token.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in token.children)
    person = token.ent_type_ == "PERSON" or (not token.ent_type_ and token.tag_ == "NNP") or (
        token.lemma_.lower() in lex.person_nouns)
    if pronoun in lex.person_pronouns:
        return person and not plural
    return plural or (not person and (token.ent_type_ in ("ORG", "GPE", "NORP") or token.tag_ == "NN"))


def _paragraph(text: str, char: int) -> int:
    return text.count("\n\n", 0, char) if "\n\n" in text else text.count("\n", 0, char)


def _prior_speaker(doc: Doc, frame: _Frame, earlier: list[_Frame], lex: CueLexicon) -> _Frame | None:
    """The nearest preceding named speaker a pronoun can stand for (same or recent paragraph)."""
    pronoun = doc[frame.speaker_head].lower_
    para = _paragraph(doc_text(doc), frame.speaker_start)
    for prev in reversed(earlier):
        if prev.speaker_head is None or doc[prev.speaker_head].pos_ == "PRON":
            continue
        if para - _paragraph(doc_text(doc), prev.speaker_start or 0) > 2:
            return None
        if _compatible(doc, prev.speaker_head, pronoun, lex):
            return prev
    return None


def _prior_entity(doc: Doc, frame: _Frame, lex: CueLexicon) -> Span | None:
    """The nearest preceding named entity of the right kind in the pronoun's paragraph."""
    pronoun = doc[frame.speaker_head].lower_
    labels = ("PERSON",) if pronoun in lex.person_pronouns else ("ORG", "GPE", "NORP")
    para = _paragraph(doc_text(doc), frame.speaker_start)
    fitting = [e for e in doc.ents if e.end_char <= frame.speaker_start and e.label_ in labels
               and _paragraph(doc_text(doc), e.start_char) == para]
    return fitting[-1] if fitting else None


def _antecedent(doc: Doc, frame: _Frame, earlier: list[_Frame], lex: CueLexicon) -> tuple[int, str] | None:
    """Head token and name a pronoun speaker stands for: the last speaker in the paragraph, else the
    last fitting name in it, else a speaker of the previous two paragraphs."""
    prev = _prior_speaker(doc, frame, earlier, lex)
    para = _paragraph(doc_text(doc), frame.speaker_start)
    same_para = prev is not None and _paragraph(doc_text(doc), prev.speaker_start) == para
    ent = None if same_para else _prior_entity(doc, frame, lex)
    if ent is not None:
        return ent.root.i, ent.text
    if prev is not None:
        return prev.speaker_head, doc_text(doc)[prev.speaker_start:prev.speaker_end]
    return None


def _speaker(doc: Doc, frame: _Frame, earlier: list[_Frame], lex: CueLexicon) -> ActorRef | None:
    if frame.speaker_start is None or frame.speaker_head is None:
        return None
    text = doc_text(doc)[frame.speaker_start:frame.speaker_end]
    actor = _mention_actor(doc, frame.speaker_head)
    if actor is not None:
        return replace(actor, text=text)
    found = None
    if frame.antecedent is not None:
        a, b = _noun_phrase(doc[frame.antecedent])
        found = (frame.antecedent, doc[a:b].text)
    elif doc[frame.speaker_head].lower_ in lex.person_pronouns | lex.group_pronouns:
        found = _antecedent(doc, frame, earlier, lex)
    if found is None:
        return ActorRef(id=None, name=text, text=text)
    named = _mention_actor(doc, found[0])
    return replace(named, text=text) if named else ActorRef(id=None, name=found[1], text=text)


def to_quotes(doc: Doc, frames: list[_Frame], lex: CueLexicon) -> list[Quote]:
    quotes, earlier = [], []
    for frame in sorted(frames, key=lambda f: f.cue_start):
        speaker = _speaker(doc, frame, earlier, lex)
        earlier.append(frame)
        quotes.append(Quote(sentence=sentence_index(doc, _token_at(doc, frame.start)), start=frame.start, end=frame.end,
                            text=doc_text(doc)[frame.start:frame.end], kind=frame.kind, speaker=speaker,
                            speaker_start=frame.speaker_start, speaker_end=frame.speaker_end,
                            speaker_role=frame.role, cue=frame.cue, venue=frame.venue))
    return sorted(quotes, key=lambda q: (q.start, q.end))


class QuoteFinder:
    """spaCy component: sets ``doc._.quotes`` to a list of ``dyad.models.Quote``."""

    def __init__(self, lexicon: CueLexicon):
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = to_quotes(doc, find_frames(doc, self.lexicon), self.lexicon)
        return doc


@Language.factory("dyad_quotes", requires=["doc._.mentions"], assigns=["doc._.quotes"])
def make_quotes(nlp: Language, name: str) -> QuoteFinder:
    return QuoteFinder(load_cues())
