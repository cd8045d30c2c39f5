"""``dyad_timex``: time expressions resolved against the article date.

Candidates are spaCy DATE/TIME entities plus a few token patterns the small model tends
to miss ("yesterday", "last week", a bare year after "in"/"since"). Each candidate is
widened to the words that change its meaning ("since", "from … to …", "… of 2022",
"… later") and resolved with :func:`dyad.timeparse.resolve`. Offsets ("a decade later")
count from the previous resolved time; "weeks before …" from the next one in the sentence.
"""

from __future__ import annotations

from spacy.attrs import LIKE_NUM, LOWER, ORTH, SHAPE
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from dyad.nlp.types import Timex, register_extensions
from dyad.timeparse import resolve

register_extensions()

_RANGE_OPENERS = {"from", "between"}
_RANGE_JOINERS = {"to", "until", "till", "through", "and", "-", "–"}
_OPEN_CUES = {"since"}
_FORWARD = {"before", "after"}  # "weeks before <the event in February 2022>"
_BACKWARD = {"later", "earlier"}  # "a decade later" than the time just mentioned
_UNITS = {"day", "week", "month", "year", "decade", "hour", "minute", "century"}
_FUTURE_AUX = {"will", "shall", "'ll", "wo", "may", "might"}
_FUTURE_VERBS = {"plan", "schedule", "expect", "intend", "due", "aim", "prepare", "set"}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december", "jan.", "feb.", "aug.", "sept.", "sep.", "oct.", "nov.", "dec."]
_PATTERNS = [
    [{"LOWER": {"IN": _MONTHS}}, {"SHAPE": {"IN": ["d", "dd"]}}, {"ORTH": ",", "OP": "?"}, {"SHAPE": "dddd", "OP": "?"}],
    [{"SHAPE": {"IN": ["d", "dd"]}}, {"LOWER": {"IN": _MONTHS}}, {"SHAPE": "dddd", "OP": "?"}],
    [{"LOWER": {"IN": _MONTHS}, "IS_TITLE": True}, {"SHAPE": "dddd"}],
    [{"LOWER": {"IN": ["yesterday", "today", "tomorrow"]}}],
    [{"LOWER": {"IN": ["last", "this", "next"]}}, {"LOWER": {"IN": ["week", "month", "year"]}}],
    [{"LIKE_NUM": True}, {"LOWER": {"IN": ["days", "weeks", "months", "years"]}}, {"LOWER": "ago"}],
    [{"LOWER": {"IN": ["in", "since"]}}, {"SHAPE": "dddd"}],
    [{"LOWER": "on"}, {"LOWER": {"IN": _WEEKDAYS}}],
]


_WINDOW_GAP = 2  # runs of possible pattern tokens this close share one matcher call


def _token_keys(patterns: list[list[dict]]) -> dict[int, frozenset[int]]:
    """Per token attribute, the string hashes a token must have to fill some position of some
    pattern (one necessary condition per position): the other tokens can be in no match."""
    ids = {"LOWER": LOWER, "SHAPE": SHAPE, "ORTH": ORTH, "LIKE_NUM": LIKE_NUM}
    keys: dict[int, set[int]] = {}
    for pattern in patterns:
        for position in pattern:
            attr = next((a for a in ids if a in position), None)
            value = position.get(attr)
            if attr is None or position.get("OP") in ("!", "{0}") or (isinstance(value, dict) and set(value) != {"IN"}):
                # the windows below would miss matches: a pattern this function cannot read
                raise ValueError(f"timex pattern position {position}: not a LOWER/SHAPE/ORTH/LIKE_NUM value or IN list")
            values = value["IN"] if isinstance(value, dict) else [value]
            keys.setdefault(ids[attr], set()).update(int(v) if isinstance(v, bool) else hash_string(v) for v in values)
    return {attr: frozenset(values) for attr, values in keys.items()}


def match_windows(candidate: list[bool], gap: int = _WINDOW_GAP) -> list[tuple[int, int]]:
    """Token ranges that hold every run of candidate tokens, each closed by the token after its
    last run (a non-candidate, where every partial match ends as it would in the whole Doc);
    runs separated by at most ``gap`` other tokens share a range (fewer matcher calls)."""
    windows: list[tuple[int, int]] = []
    i, n = 0, len(candidate)
    while i < n:
        if not candidate[i]:
            i += 1
            continue
        end = i
        while end < n and candidate[end]:
            end += 1
        if windows and i - windows[-1][1] < gap:
            windows[-1] = (windows[-1][0], min(end + 1, n))
        else:
            windows.append((i, min(end + 1, n)))
        i = end + 1
    return windows


class TimexTagger:
    """Assigns ``doc._.timexes`` (list[Timex]) in document order."""

    def __init__(self, nlp: Language, name: str = "dyad_timex"):
        self.name = name
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add("DYAD_TIMEX", _PATTERNS)
        self.keys = _token_keys(_PATTERNS)
        self.usable: dict[int, bool] = {}  # by ORTH: every attribute the patterns test is the word's own

    def __call__(self, doc: Doc) -> Doc:
        anchor = doc._.doc_date
        patterns = self._pattern_spans(doc)
        spans = [_widen(doc, span) for span in self._candidates(doc, patterns)]
        timexes: list[Timex] = []
        for i, span in enumerate(spans):
            reference = _reference(span, spans, timexes, i, anchor)
            hit = resolve(span.text, anchor, reference, tense=_tense(span))
            if hit is None:
                # "Waitangi Day - February 6 - this year": fall back to a date pattern inside
                inner = [p for p in patterns if span.start <= p.start and p.end <= span.end and len(p) < len(span)]
                span, hit = next(((p, h) for p in inner for h in [resolve(p.text, anchor, None, _tense(p))] if h),
                                 (span, None))
            if hit is None:
                continue
            value, precision, end_value = hit
            timexes.append(Timex(span=span, value=value, precision=precision, end_value=end_value))
        doc._.timexes = timexes
        return doc

    def matches(self, doc: Doc) -> list[tuple[int, int]]:
        """``(start, end)`` of the Matcher's matches over the Doc, in its order. Its Python
        predicates ("LOWER IN") build a Token per token; it runs only on the windows that can
        hold a match: a window starts after a token no pattern can use, where the Matcher holds
        no partial match, so the windows' matches, in order, are the whole Doc's."""
        if not len(doc):
            return []
        if len(self.usable) > 500_000:
            self.usable.clear()  # a long run's vocabulary keeps growing
        usable, candidate = self.usable, []
        for orth in doc.to_array(ORTH).tolist():
            flag = usable.get(orth)
            if flag is None:
                flag = usable[orth] = self._usable(doc.vocab[orth])
            candidate.append(flag)
        return [(a + start, a + end) for a, b in match_windows(candidate) for _, start, end in self.matcher(doc[a:b])]

    def _usable(self, lexeme) -> bool:
        """Whether a word can fill some position of some pattern."""
        values = {LOWER: lexeme.lower, SHAPE: lexeme.shape, ORTH: lexeme.orth, LIKE_NUM: int(lexeme.like_num)}
        return any(values[attr] in keys for attr, keys in self.keys.items())

    def _pattern_spans(self, doc: Doc) -> list[Span]:
        found = []
        for start, end in self.matches(doc):
            span = doc[start:end]
            if span[0].lower_ in ("in", "since", "on"):
                span = doc[start + 1:end]  # the cue is re-attached by _widen when it matters
            found.append(span)
        return _drop_overlaps(found)

    def _candidates(self, doc: Doc, patterns: list[Span]) -> list[Span]:
        found = [piece for e in doc.ents if e.label_ in ("DATE", "TIME") for piece in _split_lines(e)]
        return _merge_adjacent(doc, _drop_overlaps(found + patterns))


def _split_lines(span: Span) -> list[Span]:
    """An entity the model ran across a line break ("Friday\n\nSeptember 18, 2008"): its lines."""
    pieces, start = [], span.start
    for tok in span:
        if tok.is_space and "\n" in tok.text:
            if tok.i > start:
                pieces.append(span.doc[start:tok.i])
            start = tok.i + 1
    if span.end > start:
        pieces.append(span.doc[start:span.end])
    return pieces


def _tense(span: Span) -> str:
    """"will meet on Friday", "is set to begin on Wednesday", "closed until Friday" → future;
    "met on Friday" → past; "has a June 1 deadline" → present."""
    node, before = span.root, span.doc[span.start - 1].lower_ if span.start > 0 else ""
    for _ in range(5):
        if node.pos_ in ("VERB", "AUX"):
            return _verb_tense(node, before)
        if node.head.i == node.i:
            return "present"
        node = node.head
    return "present"


def _verb_tense(verb: Token, before: str) -> str:
    chain = [verb] + ([verb.head] if verb.dep_ in ("xcomp", "conj") else [])
    for v in chain:
        aux = {c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")}
        if aux & _FUTURE_AUX or v.lemma_.lower() in _FUTURE_VERBS:
            return "future"
        if v.dep_ == "xcomp" and "to" in aux and v.head.lemma_ == "be":
            return "future"  # "is to be held on October 12"
    if verb.tag_ == "VBD" or any(c.lower_ in ("has", "have", "had") and verb.tag_ == "VBN" for c in verb.children):
        return "past"
    if before in ("until", "till", "by") and verb.tag_ in ("VBP", "VBZ", "VB"):
        return "future"
    return "present"


def _drop_overlaps(spans: list[Span]) -> list[Span]:
    """Longest span wins; NER entities come first so they win ties."""
    kept: list[Span] = []
    taken: set[int] = set()
    for span in sorted(spans, key=lambda s: -(s.end - s.start)):
        if not taken.intersection(range(span.start, span.end)):
            kept.append(span)
            taken.update(range(span.start, span.end))
    return sorted(kept, key=lambda s: s.start)


def _merge_adjacent(doc: Doc, spans: list[Span]) -> list[Span]:
    """Join "1950" "to" "1953" and "the first seven months" "of" "2022" into one span."""
    merged: list[Span] = []
    for span in spans:
        if merged and _joinable(doc, merged[-1], span):
            merged[-1] = doc[merged[-1].start:span.end]
        else:
            merged.append(span)
    return merged


def _joinable(doc: Doc, left: Span, right: Span) -> bool:
    gap = doc[left.end:right.start]
    if len(gap) != 1 or left.sent.start != right.sent.start:
        return False
    word = gap[0].lower_
    if word == "of":
        return True
    opener = left[0].lower_ if left[0].lower_ in _RANGE_OPENERS else (doc[left.start - 1].lower_ if left.start else "")
    return word in _RANGE_JOINERS and (opener in _RANGE_OPENERS or word in {"-", "–"})


def _widen(doc: Doc, span: Span) -> Span:
    start, end = span.start, span.end
    before = doc[start - 1].lower_ if start > 0 else ""
    if before in _OPEN_CUES or (before in _RANGE_OPENERS and _has_joiner(span)):
        start -= 1
    if end < len(doc) and doc[end].lower_ in _FORWARD | _BACKWARD | {"ago"} and not _has_date_anchor(span):
        end += 1
    while end > start + 1 and doc[end - 1].is_space:
        end -= 1
    return doc[start:end]


def _has_joiner(span: Span) -> bool:
    return any(t.lower_ in _RANGE_JOINERS for t in span[1:-1])


def _has_date_anchor(span: Span) -> bool:
    """"October 6 after …" is not an offset: only bare quantities ("weeks", "a decade") are."""
    return any(t.shape_ == "dddd" or t.lower_ in _WEEKDAYS or t.lower_ in _MONTHS for t in span) or not any(
        t.lemma_.lower() in _UNITS for t in span)


def _recent_sentences(span: Span) -> int:
    """Token distance from the previous sentence's start to this sentence's start."""
    doc, start = span.doc, span.sent.start
    if start == 0:
        return 0
    return start - doc[start - 1].sent.start


def _reference(span: Span, spans: list[Span], done: list[Timex], i: int, anchor: str | None) -> str | None:
    last = span[-1].lower_
    if last in _BACKWARD:
        # "a decade later" counts from a time named just before, not from one paragraphs away
        near = [t for t in done if span.sent.start - t.span.sent.start <= _recent_sentences(span)]
        return near[-1].value if near else None
    if last in _FORWARD:
        for later in spans[i + 1:]:
            if later.sent.start != span.sent.start:
                break
            hit = resolve(later.text, anchor)
            if hit:
                return hit[0]
    return None


@Language.factory("dyad_timex", assigns=["doc._.timexes"], requires=["doc.ents"])
def make_timex_tagger(nlp: Language, name: str) -> TimexTagger:
    return TimexTagger(nlp, name)
