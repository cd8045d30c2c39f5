"""Find the answer span inside one sentence: polarity, numbers, dates, vote stance, the object
of a verb. Pure functions over text and the question lexicon's cues.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dyad.query.answer_lexicon import Cues, Sense

WORD = re.compile(r"[\w][\w'’-]*")
NEGATION_WINDOW = 90  # characters before a relation word in which a negation cue still governs it
_NUMBER_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                 "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
                 "hundred|hundreds|thousand|thousands|dozen|dozens|million|millions|billion|billions|a few|several")
_SCALE = r"(?:\s*(?:million|billion|trillion|thousand|bn|m|percent|per\s+cent|%))?"
_CURRENCY = r"(?:US\$|\$|€|£|¥|USD\s?|EUR\s?)"
_NUMERAL = rf"(?:{_CURRENCY}?\b\d[\d,]*(?:\.\d+)?{_SCALE}|\b(?:an?\s+)?(?:{_NUMBER_WORDS})(?:[\s-]+(?:{_NUMBER_WORDS}))*\b)"
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?")
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
DATE = re.compile(
    rf"\b(?:(?:early|late|mid|mid-)\s*)?(?:(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
    rf"\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}}|(?:{_MONTHS})\s+\d{{4}}|(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?\b|"
    rf"\d{{1,2}}\s+(?:{_MONTHS})\b|\d{{4}}-\d{{2}}-\d{{2}}|(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?\d{{4}}|"
    rf"(?:in|since|by|from|until)\s+\d{{4}}\b)",
    re.I)
# Weaker date words, used only when a sentence has no date above: a bare year, a weekday.
WEAK_DATE = re.compile(rf"\b(?:1[89]\d\d|20\d\d)\b(?![\d,.%-])|\b(?:{_WEEKDAYS})\b")


def words_of(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def _irregular() -> dict:
    from dyad.query.answer_lexicon import load_lexicon

    return load_lexicon().cues.irregular_verbs


def stem(word: str) -> str:
    """A crude stem so that "launch" meets "launched", "sanctions" "sanction", "became" "become"."""
    w = word.lower().replace("’", "'")
    w = _irregular().get(w, w)
    if len(w) == 4 and w.endswith("ied"):  # died, lied, tied
        return w[:-1]
    for suffix in ("ing", "ied", "ies", "ed", "es", "s", "d"):
        # three letters may remain of a verb ("asking", "aimed"), four of anything else ("bus", "was")
        if w.endswith(suffix) and len(w) - len(suffix) >= (3 if suffix in ("ing", "ed") else 4):
            w = w[: -len(suffix)]
            break
    # a final e goes too, so that "fire", "fired" and "firing" all meet at "fir"
    return w[:-1] if w.endswith("e") and len(w) > 3 else w


def stems_of(text: str) -> set[str]:
    return {stem(w) for w in words_of(text)}


def _cue_positions(text_lower: str, cues: tuple[str, ...]) -> list[int]:
    out = []
    for cue in cues:
        pattern = re.escape(cue) if cue.startswith("n'") else rf"\b{re.escape(cue)}\b"
        out += [m.start() for m in re.finditer(pattern, text_lower)]
    return sorted(out)


def sense_positions(text: str, senses: tuple[Sense, ...]) -> list[int]:
    """Character offsets of every word or phrase of the senses in the sentence."""
    lower = text.lower()
    out = [m.start() for m in WORD.finditer(lower) for s in senses if m.group() in s.forms | s.evidence]
    out += [m.start() for s in senses for p in s.phrases for m in re.finditer(rf"\b{re.escape(p)}\b", lower)]
    return sorted(set(out))


def opposite_positions(text: str, senses: tuple[Sense, ...]) -> list[int]:
    """Character offsets of words asserting the contrary of a sense ("declined" for accept)."""
    lower = text.lower()
    out = [m.start() for m in WORD.finditer(lower) for s in senses if m.group() in s.opposites]
    out += [m.start() for s in senses for p in s.opposite_phrases for m in re.finditer(rf"\b{re.escape(p)}\b", lower)]
    return sorted(set(out))


def negated_near(text: str, positions: list[int], cues: Cues) -> bool:
    """A negation cue shortly before (or right at) a relation word: "stopped short of providing"."""
    lower = text.lower().replace("’", "'")
    negs = _cue_positions(lower, cues.negation)
    return any(p - NEGATION_WINDOW <= n <= p + 3 for p in positions for n in negs)


def modal_near(text: str, positions: list[int], cues: Cues, window: int = 40) -> bool:
    """An offer, plan or possibility governs the relation word: "offer to play a role to help"."""
    lower = text.lower().replace("’", "'")
    mods = _cue_positions(lower, cues.modal)
    return any(p - window <= n < p for p in positions for n in mods)


def debunked(text: str, cues: Cues, positions: list[int] | None = None) -> bool:
    """Fact-check wording: the sentence reports a claim as false or misleading (near the relation
    words when their positions are given)."""
    found = _cue_positions(text.lower(), cues.debunk)
    if positions is None:
        return bool(found)
    return any(p - 120 <= n <= p + 30 for p in positions for n in found)


# --------------------------------------------------------------------------- numbers


@dataclass(frozen=True)
class Amount:
    text: str
    start: int
    end: int
    value: str


def _value(numeral: str) -> str:
    digits = re.sub(r"[^\d.]", "", numeral)
    return digits or numeral.lower()


def amounts(text: str, cues: Cues) -> list[Amount]:
    """Numbers with their modifiers ("more than 14,000"); bare years are not amounts."""
    mods = "|".join(re.escape(m) for m in cues.number_modifiers)
    pattern = re.compile(rf"(?:\b(?:{mods})\s+)?{_NUMERAL}", re.I)
    out = []
    for m in pattern.finditer(text):
        core = m.group().strip()
        if re.fullmatch(r"(1[89]\d\d|20\d\d)", re.sub(rf"^(?:{mods})\s+", "", core, flags=re.I)):
            continue
        if re.fullmatch(r"(a few|several|one)", core, re.I):
            continue
        out.append(Amount(core, m.start(), m.start() + len(core), _value(core)))
    return out


def count_of(text: str, head: str, cues: Cues, near: list[int] | None = None) -> Amount | None:
    """The number counting ``head`` ("troops"): within three words before the head noun; with
    several, the one nearest to ``near`` (the question's other words), else the first."""
    base = re.escape(head.lower().rstrip("s"))
    found = []
    for h in re.finditer(rf"\b{base}s?\b", text, re.I):
        for a in reversed([a for a in amounts(text, cues) if a.end <= h.start()]):  # the closest first
            gap = text[a.end:h.start()]
            if 0 <= h.start() - a.end and len(WORD.findall(gap)) <= 3 and not re.search(r"[.;:]", gap):
                a = _with_range_start(text, a, cues)
                found.append(Amount(f"{a.text}{gap}{h.group()}", a.start, h.end(), a.value))
                break
    if not found:
        return None
    if not near:
        return found[0]
    return min(found, key=lambda a: min(abs(a.start - p) for p in near))


def _with_range_start(text: str, amount: Amount, cues: Cues) -> Amount:
    """ "around 18,250 to 63,000 visitors": a range is answered whole, not by its upper end."""
    for first in amounts(text[:amount.start], cues):
        joint = text[first.end:amount.start]
        if re.fullmatch(r"\s*(?:to|-|–|and|or)\s*", joint):
            return Amount(text[first.start:amount.end], first.start, amount.end, f"{first.value}-{amount.value}")
    return amount


def money_or_share(text: str, near: list[int], cues: Cues) -> Amount | None:
    """An amount of money or a percentage, nearest to the given positions."""
    found = [a for a in amounts(text, cues)
             if re.search(r"[$€£¥]|usd|eur|percent|per cent|%|billion|million|trillion|yuan|rial|dollars?",
                          text[a.start:a.end + 12], re.I)]
    if not found:
        return None
    anchor = near or [0]
    return min(found, key=lambda a: min(abs(a.start - p) for p in anchor))


# --------------------------------------------------------------------------- dates


@dataclass(frozen=True)
class DateSpan:
    text: str
    start: int
    end: int


def dates(text: str) -> list[DateSpan]:
    out = []
    for m in DATE.finditer(text):
        phrase = re.sub(r"^(in|since|by|from|until)\s+", "", m.group(), flags=re.I)
        out.append(DateSpan(phrase, m.end() - len(phrase), m.end()))
    if not out:
        out = [DateSpan(m.group(), m.start(), m.end()) for m in WEAK_DATE.finditer(text)]
    return out


def nearest_date(text: str, positions: list[int]) -> DateSpan | None:
    found = dates(text)
    if not found:
        return None
    anchor = positions or [0]
    return min(found, key=lambda d: min(abs(d.start - p) for p in anchor))


# --------------------------------------------------------------------------- votes and objects


def vote_stance(text: str, cues: Cues, near: int | None = None) -> str | None:
    """against | in favour | abstained: the vote cue closest to ``near`` (an actor's position)."""
    lower = text.lower()
    options = []
    for stance, words in (("against", cues.vote_against), ("in favour", cues.vote_for),
                          ("abstained", cues.vote_abstain)):
        options += [(p, stance) for p in _cue_positions(lower, words)]
    if not options:
        return None
    anchor = near if near is not None else 0
    return min(options, key=lambda o: abs(o[0] - anchor))[1]


def object_after(text: str, position: int, cues: Cues) -> tuple[str, int, int] | None:
    """The object of the verb at ``position``: the words after it up to the end of the clause."""
    verb = WORD.match(text, position)
    if verb is None:
        return None
    start = verb.end()
    rest = text[start:]
    end = len(rest)
    for brk in cues.clause_breaks:
        i = rest.find(brk)
        if 0 < i < end:
            end = i
    m = cues.clause_break_pattern.search(rest)
    if m and 0 < m.start() < end:
        end = m.start()
    phrase = rest[:end]
    lead = re.match(r"^\s*(?:that\s+|on\s+|of\s+)?", phrase)
    offset = lead.end() if lead else 0
    phrase = phrase[offset:].rstrip(" ,.;:\"”’'")
    if len(WORD.findall(phrase)) < 1:
        return None
    return phrase, start + offset, start + offset + len(phrase)
