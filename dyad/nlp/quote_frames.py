"""Attributions before they become Quotes, and how ``dyad.nlp.quotes`` assembles them.

A ``Frame`` is one attribution in character offsets. Assembling: contents grow to the quotation
they cut into; cues inside a closed quotation are the quoted speaker's words; reported speech
stays in its paragraph; contents do not nest (a further report of speech cuts the outer content
short, anything else inside it is part of it); a quotation carries on the attributed quotation
before it; quotations no cue claims go to the paragraph's speaker, or stay without one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from spacy.attrs import DEP, LEMMA, LOWER, POS, TAG
from spacy.symbols import ADJ, AUX, NOUN, VERB
from spacy.tokens import Doc, Token

from dyad.nlp.quote_marks import ALL_MARKS, DirectSpan, paragraph, trim
from dyad.nlp.types import doc_text, sentence_index, token_starts
from dyad.ontology.cues import CueLexicon

# the words between a cue and the rest of the quotation it interrupts: no mark, no sentence end
RESUMES = re.compile(r"[^.!?\n" + ALL_MARKS + r"]{0,100},\s*")
# Quotations no cue claims: shorter runs are mostly scare quotes and titles ("the 'deal'"); one
# with nobody quoted in its paragraph must be a sentence or so to be taken as someone's words.
MIN_QUOTATION_WORDS = 4
CONJUNCTIONS = r"(?:and|but|or|nor|yet|though|however)"
LEADING_CONJUNCTION = re.compile(CONJUNCTIONS + r"\b,?\s+", re.IGNORECASE)
TRAILING_CONJUNCTION = re.compile(r"[\s,;—–-]+" + CONJUNCTIONS + r"$", re.IGNORECASE)
MIN_SPEAKERLESS_WORDS = 6


@dataclass(frozen=True)
class Frame:
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
    own_speaker: bool = False  # the speaker is the cue's own subject (not shared with a verb it is joined to)

    @property
    def last(self) -> int:
        return max(self.end, self.cue_end, self.speaker_end or 0)


def token_at(doc: Doc, char: int) -> int:
    """Index of the token holding character ``char``."""
    return max(0, bisect_right(token_starts(doc), char) - 1)


def trailing_participle(verb: Token) -> bool:
    """"..., citing the strategic importance of X": a participle set off by a comma adds the
    speaker's next act, it is not part of the content before it."""
    doc = verb.doc
    return (verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "conj") and verb.i > 0
            and doc[verb.left_edge.i - 1].text == "," and verb.left_edge.i == verb.i)


def expand_to_directs(frame: Frame, directs: list[DirectSpan]) -> Frame:
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


def inside_quotation(frame: Frame, directs: list[DirectSpan]) -> bool:
    """A cue inside a closed quotation is the quoted speaker's words ("I think ..."), not a new report."""
    return not frame.layout and any(span.start <= frame.cue_start < span.end and span.close > span.end
                                    for span in directs)


def clip_paragraph(frame: Frame, text: str) -> Frame:
    """Reported speech does not run past its paragraph unless it is a quotation that does; it
    neither opens nor ends on a conjunction joining it to the writer's words."""
    start, end = trim(text, frame.start, frame.end)
    if frame.kind == "indirect" and "\n" in text[start:end]:
        if start < frame.cue_start:
            start = text.rfind("\n", start, end) + 1
        else:
            end = text.find("\n", start, end)
        start, end = trim(text, start, end)
    if frame.kind == "indirect" and not frame.layout:
        start, end = trim_conjunctions(text, start, end)
    return replace(frame, start=start, end=end)


def trim_conjunctions(text: str, start: int, end: int) -> tuple[int, int]:
    """Without a leading "And"/"But" or a trailing "and"/"but" ("said X and" when the next
    clause is a report of its own), as long as some words remain."""
    for _ in range(3):
        lead = LEADING_CONJUNCTION.match(text, start, end)
        tail = TRAILING_CONJUNCTION.search(text, start, end)
        if lead is None and tail is None:
            break
        new = trim(text, lead.end() if lead else start, tail.start() if tail else end)
        if len(text[new[0]:new[1]].split()) < 2:
            break
        start, end = new
    return start, end


def _first(frame: Frame, outer: Frame) -> int:
    """Where ``frame`` begins inside ``outer``: a subject it shares with a verb before it does not
    count ("X promised Y and said Z"), its own subject does ("According to X, Y said Z": Y opens
    the outer content, which then is not cut)."""
    speaker = frame.speaker_start if frame.speaker_start is not None and (
        frame.speaker_start > outer.start or (frame.own_speaker and frame.speaker_start == outer.start)) else None
    return min(frame.start, frame.cue_start, speaker if speaker is not None else frame.start)


def _first_part(frame: Frame, outer: Frame, frames: list[Frame]) -> int:
    """Where an attribution in several parts begins inside ``outer`` ("which he said were at his
    side": the pronoun before the speaker is a part of the same report)."""
    parts = [f for f in frames if f.cue_start == frame.cue_start and f.speaker_start == frame.speaker_start]
    return min(_first(f, outer) for f in parts)


def _restrictive_clause(frame: Frame, outer: Frame, doc: Doc) -> bool:
    """A report in a relative clause with no comma before it, inside ``outer``'s content, picks out
    a thing the outer speaker talks about ("the $18 million he says he raised"): part of it."""
    if frame.cue_token is None:
        return False
    cue = doc[frame.cue_token]
    first = cue.left_edge.i
    return (cue.dep_ == "relcl" and first > 0 and doc[first - 1].text != ","
            and outer.start <= cue.head.idx < outer.end and frame.end <= outer.end)


def _part_of(frame: Frame, outer: Frame, doc: Doc, cues: set[int | None]) -> bool:
    """A cue joined to a verb inside ``outer``'s content and sharing its subject is more of that
    content ("declined to threaten Moscow or even declare it responsible"), unless that verb is a
    cue too ("X says Machado promised to ... and said she would ...": two reports)."""
    if _restrictive_clause(frame, outer, doc):
        return True
    if frame.own_speaker or frame.cue_head is None or frame.cue_head in (frame.cue_token, *cues):
        return False
    if frame.cue_token is not None and trailing_participle(doc[frame.cue_token]):
        return False
    return outer.start <= doc[frame.cue_head].idx < outer.end


def drop_nested(frames: list[Frame], doc: Doc) -> list[Frame]:
    """Contents do not nest. A belief or intention inside someone's content is part of what they
    said ("she said she hopes ..."); another report of speech inside it ("..., which he said were
    ...", "and when pressed, she replied ...") ends the outer content where it begins."""
    text, cues = doc_text(doc), {f.cue_token for f in frames if f.cue_token is not None}
    kept: list[Frame] = []
    for frame in sorted(frames, key=lambda f: (not f.layout, -(f.end - f.start), f.cue_start)):
        if frame.end <= frame.start or any(k.start == frame.start and k.end == frame.end for k in kept):
            continue
        outer = next((k for k in kept if k.start <= frame.cue_start < k.end), None)
        if outer is None:
            kept.append(frame)
        elif frame.splits and outer.kind == "indirect" and frame.cue_head != outer.cue_token and (
                _first_part(frame, outer, frames) > outer.start) and not _part_of(frame, outer, doc, cues):
            start, end = trim_conjunctions(text, *trim(text, outer.start, _first_part(frame, outer, frames)))
            kept.remove(outer)
            if end > start:
                kept.append(replace(outer, start=start, end=end))
            kept.append(frame)
    return sorted(kept, key=lambda f: f.start)


def continuations(frames: list[Frame], directs: list[DirectSpan], doc: Doc) -> list[Frame]:
    """Direct quotes that carry on an attributed direct quote: the next sentence opens with them and
    nothing else was attributed in between ("'X,' he said, a former adviser. 'Y'")."""
    extra: list[Frame] = []
    text = doc_text(doc)
    for span in directs:
        if any(f.start < span.end and span.start < f.end for f in frames):
            continue
        before = [f for f in frames + extra if f.last <= span.open]
        if not before or len(text[span.start:span.end].split()) < 3:
            continue
        prev = _last_direct(before, doc)
        if prev is not None and _follows(doc, prev, span):
            start, end = trim(text, span.start, span.end)
            extra.append(replace(prev, start=start, end=end))
    return extra


def _last_direct(before: list[Frame], doc: Doc) -> Frame | None:
    """The attributed quotation a later one can continue: the last frame when it is direct, else
    a direct one with the same speaker span or cue sentence, the rest being an aside ('"X," said Y,
    speaking of Z. "W"', '"X," said Y, a lawyer who has been challenging Z. "W"')."""
    prev = max(before, key=lambda f: f.last)
    if prev.kind == "direct":
        return prev
    sentence = sentence_index(doc, token_at(doc, prev.cue_start))
    same = [f for f in before if f.kind == "direct" and f.speaker_start is not None and (
        (f.speaker_start, f.speaker_end) == (prev.speaker_start, prev.speaker_end)
        or sentence_index(doc, token_at(doc, f.cue_start)) == sentence)]
    return max(same, key=lambda f: f.last) if same else None


def _follows(doc: Doc, prev: Frame, span: DirectSpan) -> bool:
    text, at = doc_text(doc), token_at(doc, span.open)
    if text[prev.last:span.open].strip(" \t\n.,;:") == "":
        return True
    gap = text[prev.last:span.open]
    if prev.end <= prev.cue_start and RESUMES.fullmatch(gap):
        return True  # '"A," Schiff told reporters on Wednesday, "but B"': one quotation around its cue
    opens_sentence = doc[at].is_sent_start or text[:span.open].rstrip().endswith((".", "?", "!"))
    return sentence_index(doc, at) - sentence_index(doc, token_at(doc, prev.last - 1)) in (0, 1) and opens_sentence


def unattributed(frames: list[Frame], directs: list[DirectSpan], doc: Doc) -> list[Frame]:
    """Quotations no cue claims are still someone's words: they go to the speaker quoted nearest
    in the same paragraph (before them, else after), or stay without a speaker."""
    text, extra = doc_text(doc), []
    for span in directs:
        if any(f.start < span.end and span.start < f.end for f in frames):
            continue
        start, end = trim(text, span.start, span.end)
        words = len(text[start:end].split())
        near = _paragraph_speaker(frames, span, text)
        if near is not None and words >= MIN_QUOTATION_WORDS:
            # the paragraph's speaker goes on quoting: one attribution with several parts, unless
            # the speaker was only reported (no words of theirs quoted) in another sentence: then
            # it is a quotation of its own, with no cue
            own = (near.kind != "direct" and _sentence(doc, near.cue_start) != _sentence(doc, span.open)
                   and not any(d.start < near.end and near.start < d.end for d in directs))
            extra.append(replace(near, start=start, end=end, kind="direct", splits=False, layout=False,
                                 cue="" if own else near.cue))
        elif words >= MIN_SPEAKERLESS_WORDS:
            extra.append(Frame(start, end, "", span.open, span.open, kind="direct"))
    return extra


def _sentence(doc: Doc, char: int) -> int:
    return sentence_index(doc, token_at(doc, char))


def _paragraph_speaker(frames: list[Frame], span: DirectSpan, text: str) -> Frame | None:
    para = paragraph(text, span.open)
    same = [f for f in frames if f.speaker_start is not None and paragraph(text, f.cue_start) == para]
    before = [f for f in same if f.cue_start < span.open]
    if before:
        return max(before, key=lambda f: f.cue_start)
    return min(same, key=lambda f: f.cue_start) if same else None


def cue_candidates(doc: Doc, lex: CueLexicon) -> list[int]:
    """Indices of the tokens that can head a frame in ``dyad.nlp.quotes``: each kind of cue there
    first asks for one of these (a verb by POS or tag, an "as" clause, "according", a cue noun, a
    stance adjective); one pass over the token arrays spares the frame functions the other ~85%
    of tokens, whose Token attribute look-ups dominated the stage's cost."""
    if len(doc) == 0:
        return []
    rows = doc.to_array([POS, TAG, DEP, LOWER, LEMMA]).tolist()
    strings = doc.vocab.strings
    verb_tags = {h for h in {r[1] for r in rows} if strings[h].startswith("VB")}
    lemmas = {r[4] for r in rows}
    noun_lemmas = {h for h in lemmas if strings[h].lower() in lex.noun_cues}
    adj_words = {h for h in lemmas | {r[3] for r in rows} if strings[h].lower() in lex.attitude_adjectives}
    openers = {strings[w] for w, _ in lex.source_prepositions} | {strings["in"]}  # "In the poll, ..."
    openers |= {strings[w] for w in lex.evidential_adverbs}  # "he allegedly ran ..."
    advcl, root, plural = strings["advcl"], strings["ROOT"], strings["NNS"]
    return [i for i, (pos, tag, dep, lower, lemma) in enumerate(rows)
            if pos == VERB or (tag in verb_tags and pos != AUX) or dep == advcl or lower in openers
            or (tag == plural and dep == root)  # a verb taken for a noun ("the campaign plans to ...")
            or (pos == NOUN and lemma in noun_lemmas)
            or (pos == ADJ and (lemma in adj_words or lower in adj_words))]
