"""dyad_quotes: direct and indirect quotes, beliefs, intentions and stances, with their speakers.

Attributions come from the dependency parse and the cue lexicon
(``dyad/ontology/data/quotes/cues.yaml``), one kind per function below:

* cue verbs with a subject and their content: a clause ("X said (that) ..."), an infinitive
  ("X vowed to ..."), an object ("X condemned ...", "called X a Y"), a phrasal object
  ("X called for ..."), or a direct quote next to the cue ('"...," said X', 'X told Y: "..."');
  "X, he said, Y" reports the whole sentence; any other verb with a "that" clause is a cue too;
* "according to X, ..."; noun cues ("X's claim that ..."); stance adjectives ("X is critical
  of ..."); passives ("it was reported by X that ...", "X was accused of ...": no speaker);
  impressions, findings and hearsay (``dyad.nlp.quote_stances``: "X seems to be Y", "In the poll,
  ...", "he allegedly ran ...");
* layout (``dyad.nlp.quote_layout``): transcript lines ("PENCE: ..."), headlines ("Pence: ...",
  Title Case "Sanders Vows To ..."), signed quotes ('"..." ― X').

Where a content ends (times and venues, verbs joined to the cue) is ``dyad.nlp.quote_bounds``;
contents apart from their cue (relative and pro-form objects: "which the bank detailed", "he
thinks so", "everything he says") are ``dyad.nlp.quote_relatives``.
Direct quotes are found on the characters (``dyad.nlp.quote_marks``); the attributions are
assembled in ``dyad.nlp.quote_frames``: a quotation that opens the sentence after an attributed
direct quote, or resumes after its cue, continues it ("'X,' he noted. "Y"" gives two Quotes with
the same speaker span and cue); one no cue claims goes to the paragraph's speaker. Contents never
nest: a cue inside a quotation or inside another content is that speaker's words, except a
further report of speech, which cuts the outer content short.
Speakers: the subject of the cue (nearest one), a relative pronoun's antecedent, or for
he/she/they the last fitting speaker or named entity of the paragraph (``dyad.nlp.quote_holders``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Token

from dyad.models import Quote
from dyad.nlp.quote_frames import (Frame, clip_paragraph, continuations, cue_candidates, drop_nested,
                                   expand_to_directs, inside_quotation, token_at, trailing_participle,
                                   unattributed)
from dyad.nlp.quote_bounds import circumstance, joined_to_content, name_given, set_off, stray_subject
from dyad.nlp.quote_bounds import token_span_chars as _token_span_chars
from dyad.nlp.quote_holders import noun_phrase, resolve_speaker
from dyad.nlp.quote_kinds import speaker_kind
from dyad.nlp.quote_layout import label_frames, title_frames
from dyad.nlp.quote_marks import ALL_MARKS, DirectSpan, find_direct_spans, para_end, trim
from dyad.nlp.quote_relatives import gapped_antecedent, pro_form, relative_object, relative_parts, stands_for_content
from dyad.nlp.quote_stances import finding_frame, hearsay_frames, stance_frame
from dyad.nlp.quote_syntax import (absolute_with, aside_reporter, continued_report, coordinated_cue, fronted_words,
                                   joined_clause_start, misread_verb, participle_start, reported_adverbial,
                                   reported_host, split_opening, trailing_aside)
from dyad.nlp.types import doc_text, register_extensions, sentence_index, sentence_starts
from dyad.ontology.cues import CueLexicon, load_cues

register_extensions()

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
INHERIT_DEPS = ("conj", "xcomp", "advcl")  # "..., saying that", "went on to say", "said A and added B"
RELATIVES = ("who", "which", "that")
DASHES = ("-", "--", "—", "–", "―")
# a colon ending a line before a quotation that opens the next paragraph
_COLON_BREAK = re.compile(r"[^.\n]*:[ \t]*\n\s*")
WH_OPENERS = ("what", "how", "why", "whether", "who", "where", "when")
OBJECT_TAIL_DEPS = ("dobj", "prep", "oprd", "xcomp", "ccomp", "dative", "attr")


# --------------------------------------------------------------------------- spans and tokens


def _without_aside(doc: Doc, a: int, b: int, clause: bool) -> tuple[int, int]:
    """Content tokens [a, b) up to a semicolon, or (after an object, not a clause) to a lone dash:
    what follows is the writer's next statement or comment ("said the timing was not intentional;
    they only learned ...", "likened the rules to 'burning the Constitution' - a charge that might
    have stung"). A reported clause goes on past a dash ("said X - and not only because Y")."""
    for t in doc[a:b]:
        if t.text == ";" and t.i > a:
            return a, t.i
    dashes = [t.i for t in doc[a:b] if t.text in DASHES and t.i > a + 1]
    if not clause and len(dashes) == 1 and doc[dashes[0] - 1].whitespace_:
        return a, dashes[0]
    cut = (trailing_aside(doc, a, b) if clause else None) or absolute_with(doc, a, b)
    if cut is not None:
        return a, cut
    for t in doc[a:b]:  # "praised X, which include Y": the writer's gloss on the object
        first = t.left_edge.i
        if (not clause and t.dep_ == "relcl" and first - 1 > a and doc[first - 1].text == ","
                and t.right_edge.i >= b - 2 and doc[first].lower_ in ("which", "who", "whose", "where", "when")):
            return a, first - 1
    return a, b


def _sent_bounds(token: Token) -> tuple[int, int]:
    """Token range of the sentence holding ``token`` (spaCy's Token.sent walks every sentence)."""
    starts = sentence_starts(token.doc)
    index = sentence_index(token.doc, token.i)
    end = starts[index + 1] if index + 1 < len(starts) else len(token.doc)
    return starts[index], end


def _subtree_range(token: Token) -> tuple[int, int]:
    return token.left_edge.i, token.right_edge.i + 1


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
    # a gerund after a preposition takes its subject from the verb the preposition hangs on
    # ("began by saying", "after saying her foot was swollen, she ...")
    prep = verb.head
    if depth < 3 and verb.dep_ == "pcomp" and prep.dep_ == "prep" and _is_verb(prep.head):
        return _subject(prep.head, depth + 1)
    return None


def _child(verb: Token, deps: tuple[str, ...], after: bool | None = None) -> Token | None:
    for child in verb.children:
        if child.dep_ in deps and (after is None or (child.i > verb.i) == after):
            return child
    return None


def _object_content(verb: Token, lex: CueLexicon) -> tuple[int, int] | None:
    """From the object to the end of what follows it: "accused X of Y", "called X a Y"; a time or
    venue after the object ends it ("thanked X on Twitter for Y": "X")."""
    obj = _child(verb, ("dobj",), after=True)
    if obj is None:
        # "proposed dropping the tax break": a gerund is the object; "condemned what he called a
        # breach", "explained how ...": so is a clause opened by a wh-word
        comp = _child(verb, ("xcomp", "ccomp"), after=True)
        if comp is None or comp.left_edge.i != verb.i + 1:
            return None
        if comp.tag_ == "VBG" and comp.left_edge.i == comp.i:
            return comp.i, joined_to_content(verb, comp.tag_, comp.right_edge.i + 1)
        if comp.left_edge.lower_ in WH_OPENERS:
            return _subtree_range(comp)
        return None
    end = obj.right_edge.i + 1
    for child in verb.rights:
        if child.i > obj.i and circumstance(child, lex):
            break
        if child.i > obj.i and child.dep_ in OBJECT_TAIL_DEPS:
            end = max(end, child.right_edge.i + 1)
    return obj.left_edge.i, joined_to_content(verb, obj.doc[obj.left_edge.i].tag_, end)


def _phrasal_content(verb: Token, lex: CueLexicon) -> tuple[tuple[int, int], Token] | None:
    for child in verb.rights:
        if (_verb_lemma(verb, lex), child.lower_) not in lex.phrasal_verbs:
            continue
        # up to a time or venue, or a verb joined after it ("asked X about Y and decided Z")
        tail = [c for c in verb.rights if c.i > child.i]
        cut = next((c.i for c in tail if circumstance(c, lex) or c.dep_ in ("cc", "conj") or set_off(c)), None)
        end = max(t.right_edge.i for t in [child, *[c for c in tail if cut is None or c.i < cut]]) + 1
        if child.dep_ == "prep" and any(c.dep_ in ("pobj", "pcomp") for c in child.children):
            obj = _child(verb, ("dobj",), after=True)
            if child.lower_ == "as" and obj is not None and obj.i < child.i:
                return (obj.left_edge.i, end), child  # "saw the program as a way to ...": both
            return (child.i + 1, end), child
        # "called for compensation to be clawed back": the parser hangs the clause on the verb
        if child.dep_ == "prep" and any(c.dep_ in ("ccomp", "xcomp") and c.i > child.i for c in verb.rights):
            return (child.i + 1, end), child
        if child.dep_ == "prt" and end > child.i + 1:
            return (child.i + 1, end), child
    return None


def _clause_content(verb: Token, lemma: str, lex: CueLexicon) -> tuple[int, int] | None:
    infinitive = _infinitive(verb) if lemma in lex.intention_verbs else None
    if infinitive is not None and infinitive.left_edge.i == verb.i + 1:
        # "promising to lift the rules ... - not what X had in mind": the aim right after the cue
        return infinitive.left_edge.i, joined_to_content(verb, infinitive.tag_, infinitive.right_edge.i + 1)
    if lemma in lex.clause_verbs or lemma in lex.naming_verbs:
        comp = _child(verb, ("ccomp",), after=True)
        if comp is None and lemma in lex.speech_verbs | lex.evidence_verbs | lex.belief_verbs:  # "X, he said", "X, a study shows"
            comp = next((c for c in reversed(list(verb.lefts)) if c.dep_ == "ccomp" and _separated(c)), None)
        if comp is not None:
            return _reported_clause(verb, comp, lemma, lex)
        adverbial = reported_adverbial(verb) if lemma in lex.speech_verbs else None
        if adverbial is not None:  # "said after the debate he would ..."
            return adverbial
        fronted = fronted_words(verb, _subject(verb)) if lemma in lex.speech_verbs else None
        if fronted is not None:  # "Not yet, the spokesman said."
            return fronted
    if infinitive is not None:
        # "urged supporters to vote": who is to act belongs with the act
        obj = _child(verb, ("dobj",), after=True)
        start = obj.left_edge.i if obj is not None and obj.i < infinitive.i else infinitive.left_edge.i
        return start, joined_to_content(verb, infinitive.tag_, infinitive.right_edge.i + 1)
    return None


def _verdict(verb: Token) -> bool:
    """"declared X persona non grata", "declared the vote void": "declare" with a verbless small
    clause, or a status for its object, confers the status; it reports no statement."""
    if verb.lemma_.lower() != "declare":
        return False
    if any(t.lower_ in ("persona", "personae") for t in verb.subtree if t.i > verb.i):
        return True  # however the parser reads the Latin (often "persona" as a verb)
    comp = _child(verb, ("ccomp",), after=True)
    return comp is not None and not any(t.pos_ in ("VERB", "AUX") for t in comp.subtree)


def _reported_clause(verb: Token, comp: Token, lemma: str, lex: CueLexicon) -> tuple[int, int]:
    """Token range of the clause ``comp`` a cue reports, with the clauses a verb of saying reports
    beyond it ("said X, and Y", "X, but Y, she said") that the parser hangs elsewhere."""
    start, end = comp.left_edge.i, joined_to_content(verb, comp.tag_, comp.right_edge.i + 1)
    if lemma not in lex.speech_verbs:
        return start, end
    if comp.i > verb.i:
        further = continued_report(verb, end, lambda t: _verb_lemma(t, lex) in lex.any_verb)
        return start, end if further is None else further
    first = joined_clause_start(verb, comp)
    return start if first is None else first, end


def _infinitive(verb: Token) -> Token | None:
    """The "to" infinitive an intention verb takes ("vowed to fight"); the parser may hang it as
    an adverbial ("could decline to appeal")."""
    for child in verb.rights:
        if child.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            if child.dep_ == "xcomp" or child.left_edge.i == verb.i + 1:
                return child
    return None


def _that_clause(verb: Token) -> Token | None:
    comp = _child(verb, ("ccomp",), after=True)
    if comp is None:
        return None
    first = comp.left_edge
    if first.lower_ == "that" and first.dep_ == "mark":
        return comp
    return comp if first.lower_ in ("whether", "why", "how") and first.i == verb.i + 1 else None


def _separated(comp: Token) -> bool:
    """A clause before its cue is reported only when a comma or quote mark closes it ("X, he said")."""
    end, doc, marks = comp.right_edge.i + 1, comp.doc, ",”\"'’"
    return end < len(doc) and (doc[end - 1].text in marks or doc[end].text in marks or doc[end - 1].is_quote)


def _verb_content(verb: Token, lemma: str, lex: CueLexicon) -> tuple[tuple[int, int] | None, int]:
    """Content token range and the token index where the cue phrase ends (exclusive)."""
    if _verdict(verb):  # "declared two diplomats persona non grata": a status conferred, nothing reported
        return None, verb.i + 1
    phrasal = _phrasal_content(verb, lex)
    if phrasal is not None:
        return phrasal[0], phrasal[1].i + 1
    relative = relative_object(verb) if lemma not in lex.naming_verbs else None
    if relative is not None:  # "which the bank detailed", "what the campaign hopes"
        return relative, verb.i + 1
    clause = _clause_content(verb, lemma, lex)
    if clause is not None:
        return clause, verb.i + 1
    naming = lemma in lex.naming_verbs
    if naming and (lemma in lex.object_verbs or _child(verb, ("oprd",)) is not None):
        return _object_content(verb, lex) or name_given(verb), verb.i + 1
    if naming:  # "what she called a 'rant'": the name given to a relative object
        return name_given(verb), verb.i + 1
    if lemma in lex.object_verbs:  # naming verbs only with the name ("called X a Y"), unless listed here
        # "noted the rule", "told his advisers to ..."; "everything he says", "said as much"
        return _object_content(verb, lex) or gapped_antecedent(verb) or pro_form(verb), verb.i + 1
    comp = _that_clause(verb)
    if comp is not None:  # any other verb taking a "that" clause reports an attitude ("recognized that")
        return _subtree_range(comp), verb.i + 1
    if lemma in lex.speech_verbs | lex.belief_verbs:  # "the best plan I know of", "he thinks so"
        return gapped_antecedent(verb) or pro_form(verb), verb.i + 1
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
            one_line = "\n" not in gap or _COLON_BREAK.fullmatch(gap) is not None  # "added:" ¶ '"..."'
            return span if len(gap) < 120 and "." not in gap and one_line and ends_well else None
    return None


def _colon_content(verb: Token, cue_end: int) -> tuple[int, int] | None:
    """Unquoted words after "added:" or "reports:": the rest of the paragraph, or the next one
    when the colon ends the line."""
    doc, text = verb.doc, doc_text(verb.doc)
    at = cue_end
    while at < len(doc) and doc[at].pos_ == "ADV":
        at += 1
    if at >= len(doc) or doc[at].text != ":":
        return None
    start = doc[at].idx + 1
    line_end = para_end(text, start)
    if text[start:line_end].strip() == "":
        m = re.compile(r"\s*").match(text, line_end)
        start = m.end() if m else line_end
        line_end = para_end(text, start)
    start, end = trim(text, start, line_end)
    return (start, end) if len(text[start:end].split()) >= 3 else None


def _cue_subject(verb: Token, lemma: str, lex: CueLexicon) -> tuple[Token, Token | None] | None:
    """The speaker of a cue verb and, for "who said", the noun the relative pronoun stands for."""
    if not _is_verb(verb) or lemma in lex.not_cue_verbs or (lemma not in lex.any_verb and _that_clause(verb) is None):
        return None
    subject = None
    if trailing_participle(verb):
        aside = aside_reporter(verb, lambda t: _verb_lemma(t, lex) in lex.speech_verbs)
        subject = _subject(aside) if aside is not None else _reporter(verb)
    joined = _joined_cue(verb, lex)
    subject = subject or (_subject(joined) if joined is not None else _subject(verb))
    if subject is None and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "NUM"):
        subject = verb.head  # "one saying that ...", "a statement announcing ..."
    if subject is None and _that_clause(verb) is not None and lemma in lex.saying_verbs | lex.belief_verbs:
        subject = stray_subject(verb)  # "... the Washington Post Trump said that": the parser lost it
    # "who said", "who have taken to the streets and called for": the relative clause's antecedent
    relative = subject is not None and subject.head.dep_ == "relcl" and subject.lower_ in RELATIVES
    if subject is None or (subject.lower_ in lex.not_speakers and not relative):
        return None
    if subject.dep_ == "nsubjpass" and subject.head.i == verb.i:
        return None  # "it was reported by X that ...": the holder is the agent (see _passive_frame)
    return subject, subject.head.head if relative else None


def _joined_cue(verb: Token, lex: CueLexicon) -> Token | None:
    """The cue a verb of saying or acting on words is joined to past its reported clause."""
    return coordinated_cue(verb, lambda t: _verb_lemma(t, lex) in lex.saying_verbs,
                           lambda t: _verb_lemma(t, lex) in lex.any_verb - lex.belief_verbs)


def _direct_next_to(verb: Token, subject: Token, directs: list[DirectSpan]) -> DirectSpan | None:
    doc = verb.doc
    sa, sb = noun_phrase(subject)
    core = (min(doc[sa].idx, verb.idx), max(doc[sb - 1].idx + len(doc[sb - 1]), verb.idx + len(verb)))
    return _adjacent_direct(doc, core, directs)


def _verb_frames(verb: Token, lex: CueLexicon, directs: list[DirectSpan]) -> list[Frame] | None:
    lemma = _verb_lemma(verb, lex)
    found = _cue_subject(verb, lemma, lex)
    if found is None:
        return None
    (subject, antecedent), doc = found, verb.doc
    content, cue_end = _verb_content(verb, lemma, lex)
    quoted = _direct_next_to(verb, subject, directs) if lemma in lex.speech_verbs else None
    if verb.dep_ == "parataxis" and lemma in lex.speech_verbs and _aside(verb, content) and not (
            quoted is not None and quoted.close <= verb.idx):  # '"X," she said, smiling': the quotation
        return _parataxis_frames(verb, subject, lex)
    found = _speech_content(verb, subject, lemma, (content, cue_end), directs, lex)
    if found is None:
        return None
    start, end, kind = found
    frame = Frame(start, end, doc[verb.i:cue_end].text, verb.idx, doc[cue_end - 1].idx + len(doc[cue_end - 1]),
                   kind=kind, venue=_venue(verb, lemma, lex), antecedent=antecedent.i if antecedent else None,
                   cue_token=verb.i, cue_head=verb.head.i, splits=_reports_speech(verb, lemma, content, lex))
    frames = [_with_speaker(frame, subject)]
    if _joined_cue(verb, lex) is not None:
        # "said X and warned Y": the speaker's second act, cutting the content of the first short
        frames = [replace(frames[0], own_speaker=True, splits=True)]
    if quoted is not None and quoted.close <= verb.idx < frame.start and _split_by_cue(doc, quoted, frame):
        # '"Hopefully," the president said, "this museum can help"': one quotation around its cue
        start, end = trim(doc_text(doc), quoted.start, quoted.end)
        frames.append(replace(frames[0], start=start, end=end, kind="direct"))
    if frame.end <= verb.idx and kind == "indirect" and quoted is None:
        frames += [replace(frames[0], start=a, end=b) for a, b in _resumed_report(verb, lex)]
    if lemma in lex.speech_verbs | lex.belief_verbs:  # "the test, which officials claimed now allows X"
        frames = relative_parts(verb, subject, frames)
    opening = split_opening(verb, subject) if kind == "indirect" and lemma in lex.speech_verbs else None
    if opening is not None and frame.start > verb.idx and len(frames) == 1:
        # "The new rules, the mayor said, will take effect in May": both parts around the cue
        start, end = _token_span_chars(doc, *opening)
        frames += [replace(frames[0], start=start, end=end)] if end > start else []
    return frames


def _split_by_cue(doc: Doc, before: DirectSpan, after: Frame) -> bool:
    """A quotation opening its sentence, then speaker and cue, then the quotation going on."""
    text = doc_text(doc)
    opens = text[:before.open].rstrip()
    gap = text[after.cue_end:after.start]
    return (opens == "" or opens.endswith((".", "?", "!", ":")) or text[before.open - 1] == "\n") and (
        len(gap) < 40 and "." not in gap and any(m in gap for m in ALL_MARKS))


def _resumed_report(verb: Token, lex: CueLexicon) -> list[tuple[int, int]]:
    """"X paid 8.9 percent, the agency said, and those in the bottom fifth paid 0.8 percent": a
    clause joined to an inverted cue with its own subject goes on with what was reported."""
    parts = []
    for conj in verb.rights:
        if conj.dep_ != "conj" or _child(conj, ("nsubj", "nsubjpass")) is None:
            continue
        if _verb_lemma(conj, lex) in lex.any_verb:
            continue  # "..., he said, and added that ...": a report of its own
        cc = next((c for c in verb.rights if c.dep_ == "cc" and c.i < conj.i), None)
        a = cc.i if cc is not None else conj.left_edge.i
        start, end = _token_span_chars(verb.doc, a, conj.right_edge.i + 1)
        if end > start:
            parts.append((start, end))
    return parts


def _speech_content(verb: Token, subject: Token, lemma: str, parsed: tuple[tuple[int, int] | None, int],
                    directs: list[DirectSpan], lex: CueLexicon) -> tuple[int, int, str] | None:
    """Character bounds and kind of a cue verb's content: its parsed complement, or for a verb of
    saying the quotation next to it. A quotation closed right before the cue ('"...," she said of
    X, ...') is the content even when the parser hangs a later clause on the verb."""
    content, cue_end = parsed
    doc = verb.doc
    direct = _direct_next_to(verb, subject, directs) if lemma in lex.speech_verbs else None
    colon = _colon_content(verb, cue_end) if lemma in lex.speech_verbs and direct is None else None
    if colon is not None:  # "added: It's typical. She knows nothing": the paragraph, not one clause
        return (*colon, "indirect")
    # a quotation closed right before the speaker and cue is what they said when the parsed
    # complement does not follow the cue ('"...," she said of X, in which ...')
    if content is not None and not (direct is not None and direct.close <= verb.idx and content[0] > cue_end + 2):
        clause = any(t.dep_ == "ccomp" and t.head.i == verb.i for t in doc[content[0]:content[1]])
        return (*_token_span_chars(doc, *_without_aside(doc, *content, clause)), "indirect")
    return (direct.start, direct.end, "direct") if direct is not None else None


def _aside(verb: Token, content: tuple[int, int] | None) -> bool:
    """"X, he said (to me), Y": a cue set off inside its host clause, with no clause of its own."""
    if content is None:
        return True
    return not any(t.dep_ in ("ccomp", "xcomp") and t.head.i == verb.i for t in verb.doc[content[0]:content[1]])


def _reports_speech(verb: Token, lemma: str, content: tuple[int, int] | None, lex: CueLexicon) -> bool:
    """A report of words (a clause or a quotation after a verb of saying) nested in another content
    cuts it short; "told her to leave" or "the videos show" inside it are part of what was said."""
    if trailing_participle(verb):
        return True
    if lemma not in lex.speech_verbs:
        return False
    return content is None or any(t.dep_ == "ccomp" for t in verb.doc[content[0]:content[1]] if t.head.i == verb.i)


def _reporter(verb: Token) -> Token | None:
    """The speaker whose reported clause a participle hangs in ("Analysts said trade fell,
    citing tariffs": the parser hangs "citing" on "fell", but the analysts cite)."""
    node = verb.head
    for _ in range(4):
        if node.dep_ == "ccomp" and node.head.i != node.i:
            return _subject(node.head)
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _parataxis_frames(verb: Token, subject: Token, lex: CueLexicon) -> list[Frame]:
    """"X, he said, Y": the content is the host clause on both sides of the cue (two parts)."""
    doc, host = verb.doc, verb.head
    a, b = _sent_bounds(verb)  # the whole sentence: the host may be a clause inside it
    ca, cb = _subtree_range(verb)
    frames = []
    for lo, hi in ((a, ca), (cb, participle_start(doc, cb, b))):  # "..., she said, citing Y": her act
        start, end = _token_span_chars(doc, lo, hi) if hi > lo else (0, 0)
        if end > start:
            frames.append(_with_speaker(Frame(start, end, verb.text, verb.idx, verb.idx + len(verb),
                                               venue=_venue(verb, _verb_lemma(verb, lex), lex), cue_token=verb.i,
                                               cue_head=host.i, splits=True), subject))
    return frames


def _with_speaker(frame: Frame, subject: Token) -> Frame:
    a, b = noun_phrase(subject)
    doc = subject.doc
    s, e = doc[a].idx, doc[b - 1].idx + len(doc[b - 1])
    return replace(frame, speaker_start=s, speaker_end=e, speaker_head=subject.i, role=_role(subject),
                   own_speaker=frame.cue_token is not None and subject.head.i == frame.cue_token)


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


def _according_frame(token: Token, lex: CueLexicon) -> Frame | None:
    pairs = dict(lex.source_prepositions)
    if token.lower_ not in pairs:
        return None
    prep = next((c for c in token.children if c.lower_ == pairs[token.lower_]), None)
    source = _source_of(prep)
    if source is None:
        return None
    doc, head = token.doc, token.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head  # "According to X, Clinton's spokesman said ...": hung on the subject
    if head.i == token.i:  # parsed as the root: the content follows the comma after the source's name
        np_end = noun_phrase(source)[1]
        sent_end = _sent_bounds(token)[1]
        comma = next((t.i for t in doc[np_end:sent_end] if t.text == ","), np_end - 1)
        rng = (comma + 1, sent_end)
    else:
        a, b = _subtree_range(head)
        ta, tb = _subtree_range(token)
        if ta > a + 2:  # "X stood at 2 and has since grown to 9, according to Y": all the clause before
            head = reported_host(head)
            a = head.left_edge.i
        rng = (tb, b) if ta <= a + 2 else (a, ta)
    start, end = _token_span_chars(doc, *rng)
    if end <= start:
        return None
    cue_end = prep.idx + len(prep)
    return _with_speaker(Frame(start, end, doc_text(doc)[token.idx:cue_end], token.idx, cue_end, cue_head=head.i),
                         source)


def _according_frames(token: Token, lex: CueLexicon) -> list[Frame]:
    """"According to X" and its content; "X paid 25 percent, according to Y, and Z paid 69
    percent": a clause joined after a trailing source goes on with what Y reports."""
    frame = _according_frame(token, lex)
    if frame is None:
        return []
    if frame.end > frame.cue_start or frame.cue_head is None:
        return [frame]
    resumed = [(a, b) for a, b in _resumed_report(token.doc[frame.cue_head], lex) if a > frame.cue_end]
    return [frame] + [replace(frame, start=a, end=b) for a, b in resumed]


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
        subject = _subject(noun.head)  # "X raised questions about", "X is a staunch opponent of"
        clause = noun.head
        if subject is not None and subject.lower_ in RELATIVES and clause.dep_ == "relcl":
            return clause.head  # "a senator who is a staunch opponent of"
        return subject
    if noun.dep_ == "appos" and noun.head.pos_ in ("PROPN", "NOUN"):
        return noun.head  # "Mr. Ruiz, a passionate defender of the plan"
    return None


def _noun_content(noun: Token, lex: CueLexicon) -> tuple[tuple[int, int], bool] | None:
    """Content token range of a noun cue and whether it is a "that" clause (which needs no holder)."""
    for child in noun.rights:
        first = child.left_edge
        # "a report that X had ...": the parser may read the complement as a relative clause, but
        # a relative "that" is a subject or object, never a marker
        if child.dep_ in ("acl", "ccomp", "relcl") and (first.lower_ == "that" and first.dep_ == "mark"):
            return _subtree_range(child), True
        if child.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return _subtree_range(child), False
    for child in noun.rights:
        if child.lower_ == "to" and noun.lemma_.lower() in lex.utterance_nouns:
            continue  # "a statement to the FBI": to whom it was said
        if child.dep_ == "prep" and child.lower_ in lex.noun_preps and _child(child, ("pobj", "pcomp")) is not None:
            return (child.i + 1, child.right_edge.i + 1), False
    return None


def _noun_frame(noun: Token, lex: CueLexicon) -> Frame | None:
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
    frame = Frame(start, end, noun.text, noun.idx, noun.idx + len(noun), cue_token=noun.i, cue_head=noun.head.i)
    return _with_speaker(frame, speaker) if speaker is not None else frame


def _has_substance(doc: Doc, frame: Frame) -> bool:
    """A lone adverb or function word ("According to MSNBC, basically.") says nothing; in a
    content split by its cue ("Too often, he said, ...") such words are kept with the rest."""
    if frame.kind == "direct" or frame.layout or frame.splits:
        return True
    a, b = token_at(doc, frame.start), token_at(doc, max(frame.start, frame.end - 1)) + 1
    if frame.cue_token is not None and stands_for_content(doc[frame.cue_token], doc[a:b]):
        return True  # "he doesn't think so", "the leader that Trump admires"
    return any(t.pos_ not in ("ADV", "PUNCT", "CCONJ", "SCONJ", "DET", "ADP", "PART", "SPACE") for t in doc[a:b])


def _adjective_frame(adj: Token, lex: CueLexicon) -> Frame | None:
    """Attitudes stated with an adjective: "X is critical of Y", "X was sure (that) Y", and after
    a noun: "with leaders increasingly worried about Y"."""
    if adj.pos_ not in ("ADJ", "VERB") or not {adj.lemma_.lower(), adj.lower_} & lex.attitude_adjectives:
        return None
    own = _child(adj, ("nsubj",))
    if own is not None:  # a small clause: "with leaders (increasingly) worried about Y"
        subject = own
    elif adj.dep_ == "acomp" and adj.pos_ == "ADJ":
        subject = _subject(adj.head)
    elif adj.dep_ in ("amod", "acl") and adj.head.pos_ in ("NOUN", "PROPN") and adj.i > adj.head.i:
        subject = adj.head
    else:
        return None
    if subject is None or subject.lower_ in lex.not_speakers or subject.lower_ in ("it", "this"):
        return None
    comp = _child(adj, ("ccomp",), after=True) or _infinitive(adj)  # "sure (that) Y", "willing to Y"
    if comp is not None:
        rng = _subtree_range(comp)
    else:
        prep = next((c for c in adj.rights if c.dep_ == "prep" and c.lower_ in lex.adjective_preps), None)
        if prep is None or _child(prep, ("pobj", "pcomp")) is None:
            return None
        rng = (prep.i + 1, prep.right_edge.i + 1)
    start, end = _token_span_chars(adj.doc, *rng)
    return _with_speaker(Frame(start, end, adj.text, adj.idx, adj.idx + len(adj), cue_token=adj.i,
                                cue_head=adj.head.i), subject)


def _passive_frame(verb: Token, lex: CueLexicon) -> Frame | None:
    """"X was accused of Y", "it was reported that Y": the holder is the agent, when there is one."""
    lemma = _verb_lemma(verb, lex)
    subject = _child(verb, ("nsubjpass",))
    if not _is_verb(verb) or subject is None or lemma in lex.not_passive_cues:
        return None
    comp = _child(verb, ("ccomp",), after=True)
    # a belief only with its clause ("it is believed that"): "was supposed to" reports nobody
    if lemma not in lex.object_verbs | lex.speech_verbs and not (lemma in lex.belief_verbs and comp is not None):
        return None
    tail = [c for c in verb.rights if c.dep_ in ("prep", "xcomp", "oprd") and c.lower_ != "by"]
    agent = next((c for c in verb.rights if c.dep_ == "agent"), None)
    pobj = _child(agent, ("pobj",)) if agent is not None else None
    if comp is not None:
        rng = _subtree_range(comp)
    elif tail:
        rng = (subject.left_edge.i, max(c.right_edge.i for c in tail) + 1)
    elif subject.pos_ not in ("PRON", "NUM") and subject.i < verb.i:
        # "X has been endorsed by Y": Y's stance on X; "the merits of X are being debated"
        rng = (subject.left_edge.i, subject.right_edge.i + 1)
    else:
        return None
    cut = absolute_with(verb.doc, *rng)  # "X is expected to Y, with Z expected to W": Z's own report
    rng = (rng[0], cut) if cut is not None else rng
    start, end = _token_span_chars(verb.doc, *rng)
    frame = Frame(start, end, verb.text, verb.idx, verb.idx + len(verb), cue_token=verb.i, cue_head=verb.head.i)
    return _with_speaker(frame, pobj) if pobj is not None else frame


# --------------------------------------------------------------------------- assembling


def _token_frames(token: Token, lex: CueLexicon, directs: list[DirectSpan]) -> list[Frame]:
    frames = _verb_frames(token, lex, directs)
    if frames:
        return frames
    finding = finding_frame(token, lex)
    if finding is not None:  # "In the latest poll, X leads": the poll's finding
        return [_with_speaker(*finding)]
    listed = _according_frames(token, lex) or hearsay_frames(token, lex)  # "he allegedly ran ..."
    if listed:
        return listed
    frame = (_as_frame(token, lex) or _misread_frame(token, lex)
             or _noun_frame(token, lex) or _adjective_frame(token, lex) or _passive_frame(token, lex)
             or stance_frame(token, lex))
    return [frame] if frame is not None else []


def _misread_frame(token: Token, lex: CueLexicon) -> Frame | None:
    """A cue verb tagged as a plural noun ("the campaign plans to ..."), read as the verb."""
    found = misread_verb(token, lambda stem: stem in lex.speech_verbs | lex.intention_verbs | lex.belief_verbs)
    if found is None:
        return None
    subject, (a, b) = found
    start, end = _token_span_chars(token.doc, a, b)
    frame = Frame(start, end, token.text, token.idx, token.idx + len(token), cue_token=token.i, cue_head=token.i)
    return _with_speaker(frame, subject) if end > start else None


def _as_frame(verb: Token, lex: CueLexicon) -> Frame | None:
    """"As many experts have pointed out, X", "X, as a memo put it": a cue in an "as" clause
    with nothing of its own to say reports the clause it hangs on."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    lemma = _verb_lemma(verb, lex)
    cue_words = [c for c in verb.children if (lemma, c.lower_) in lex.phrasal_verbs]
    if lemma not in lex.speech_verbs | lex.belief_verbs | lex.evidence_verbs and not cue_words:
        return None
    if any(c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "dobj" and c not in cue_words) for c in verb.children):
        return None  # "as he said he would": a report of its own
    subject = _child(verb, ("nsubj",))
    if subject is None:
        return None
    doc, host = verb.doc, verb.head
    (a, b), (va, vb) = _subtree_range(host), _subtree_range(verb)
    start, end = _token_span_chars(doc, *((vb, b) if va <= a + 1 else (a, va)))
    if end <= start:
        return None
    cue_end = max([verb, *cue_words], key=lambda t: t.i)
    frame = Frame(start, end, doc[verb.i:cue_end.i + 1].text, verb.idx, cue_end.idx + len(cue_end),
                  cue_token=verb.i, cue_head=host.i)
    return _with_speaker(frame, subject)


def find_frames(doc: Doc, lex: CueLexicon) -> list[Frame]:
    """All attributions in ``doc`` (internal records; ``to_quotes`` turns them into Quotes)."""
    directs = find_direct_spans(doc_text(doc))
    frames = label_frames(doc, directs, lex)
    for i in cue_candidates(doc, lex):  # no other token can start a frame
        frames.extend(_token_frames(doc[i], lex, directs))
    frames = [f for f in frames if not inside_quotation(f, directs) and _has_substance(doc, f)]
    title = title_frames(doc, lex)
    if title:  # the parse of a Title Case line is not to be trusted
        frames = [f for f in frames if f.cue_start >= title[0].end or f.layout] + title
    frames = drop_nested([clip_paragraph(expand_to_directs(f, directs), doc_text(doc)) for f in frames], doc)
    frames = frames + continuations(frames, directs, doc)
    return sorted(frames + unattributed(frames, directs, doc), key=lambda f: f.start)


def to_quotes(doc: Doc, frames: list[Frame], lex: CueLexicon) -> list[Quote]:
    quotes, earlier = [], []
    for frame in sorted(frames, key=lambda f: f.cue_start):
        speaker, head = resolve_speaker(doc, frame, earlier, lex)
        earlier.append(frame)
        quotes.append(Quote(sentence=sentence_index(doc, token_at(doc, frame.start)), start=frame.start, end=frame.end,
                            text=doc_text(doc)[frame.start:frame.end], kind=frame.kind, speaker=speaker,
                            speaker_start=frame.speaker_start, speaker_end=frame.speaker_end,
                            speaker_role=frame.role, speaker_kind=speaker_kind(head, speaker, lex),
                            cue=frame.cue or None, venue=frame.venue,
                            cue_start=frame.cue_start if frame.cue else None,
                            cue_end=frame.cue_end if frame.cue else None))
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
