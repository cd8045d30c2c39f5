"""Parse a question into what the record is asked about: answer type, actors and their roles,
relation senses, item words, a period, a time range and (for "which of A, B and C") candidates.

Pattern- and lexicon-based on purpose: questions are short and formulaic, and the query
layer must not load the NLP pipeline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dyad.query.answer_actors import ActorFinder, ActorSpan
from dyad.query.answer_lexicon import Lexicon, Sense

_WORD = re.compile(r"[\w][\w'’-]*")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_STOP = frozenset(
    "i me my we our you your he him she it its they them their what which who whom this that these those am is are "
    "was were be been being have has had having do does did doing a an the and but if or because as until while of "
    "at by for with about against between into through during before after above below to from up down in out on "
    "off over under again further then once here there when where why how all any both each few more most other "
    "some such no nor not only own same so than too very can will just should now ever".split())


@dataclass(frozen=True)
class Question:
    text: str
    type: str
    actors: tuple[ActorSpan, ...]  # actors in roles (not inside a period phrase)
    subject: ActorSpan | None
    objects: tuple[ActorSpan, ...]
    candidates: tuple[ActorSpan, ...]
    places: tuple[ActorSpan, ...]  # "in Hong Kong": must be named, but its own people may be the answer
    senses: tuple[Sense, ...]
    content: tuple[str, ...]  # content words (lower case), actors excluded
    item: tuple[str, ...]  # content words that are neither sense words nor the head
    heads: tuple[str, ...]  # "troops" in "how many North Korean troops ..." (a name first: "Seahawk", "helicopters")
    period: str | None  # "the Iran-Israel war"
    names: tuple[str, ...]  # capitalised names the registry does not know (matched literally)
    years: tuple[str, ...]  # years named in the question
    asks_object: bool = False  # "Who did X blame?": the answer is the object, not the subject
    verb: str | None = None  # the question's main verb: "become" in "When did X become ..."
    preposition: str | None = None  # a final preposition: "with" in "What was X poisoned with?"
    modal_asked: bool = False  # the question asks about an offer or promise itself

    @property
    def main_sense(self) -> Sense | None:
        """The sense of the question's verb ("denounced" in "Who denounced the ... agreement?"), else the first."""
        for sense in self.senses:
            if self.verb and (self.verb in sense.forms or self.verb in sense.evidence):
                return sense
        return self.senses[0] if self.senses else None

    @property
    def head(self) -> str | None:
        return self.heads[0] if self.heads else None

    @property
    def keywords(self) -> str:
        words = list(self.content) + [a.text for a in self.actors + self.candidates] + list(self.names)
        if self.period:
            words.append(self.period)
        return " ".join(dict.fromkeys(words))


def question_type(text: str, lexicon: Lexicon) -> str:
    for qt in lexicon.cues.question_types:
        if qt.pattern.search(text):
            return qt.type
    return "unknown"


def _period(text: str, lexicon: Lexicon) -> re.Match | None:
    """ "during the Iran-Israel war", or a closing clause "after Wiranto was stabbed": context that
    the document must speak of, not words every supporting sentence must repeat."""
    preps = "|".join(sorted(lexicon.cues.period_prepositions))
    heads = "|".join(sorted(lexicon.cues.period_heads))
    found = re.search(rf"\b(?:{preps})\s+((?:the\s+)?(?:[\w'’-]+\s+){{0,4}}?(?:{heads}))\b", text, re.I)
    if found:
        return found
    clause = re.search(r"(?<=\w)\s+(?:after|before|while|when|once)\s+((?:[\w'’-]+\s+){1,6}[\w'’-]+)\s*\??$", text, re.I)
    # "Since when had X served Y?" opens with its question word: that is no closing clause
    return clause if clause and clause.start() > 12 and not re.match(r"\s*(since\s+)?when\b", text, re.I) else None


def _mask(text: str, match: re.Match | None) -> str:
    if match is None:
        return text
    return text[:match.start()] + " " * (match.end() - match.start()) + text[match.end():]


def _candidates(text: str, actors: list[ActorSpan]) -> tuple[ActorSpan, ...]:
    """The listed actors after "which of": consecutive, separated only by commas, "and", "or"."""
    m = re.search(r"\b(?:which|what)\s+of\s+", text, re.I)
    if not m:
        return ()
    out, pos = [], m.end()
    for actor in sorted(actors, key=lambda a: a.start):
        if actor.start < pos:
            continue
        gap = text[pos:actor.start].strip().lower()
        if gap and not re.fullmatch(r"(,|and|or|,\s*and|,\s*or|the|\s)*", gap):
            break
        out.append(actor)
        pos = actor.end
    return tuple(out) if len(out) >= 2 else ()


_SUBJECT_BEFORE = frozenset("did does do has have had will would can could is are was were and or".split())


def _topic(text: str, actor: ActorSpan, lexicon: Lexicon, finder: ActorFinder) -> bool:
    """An actor naming what a thing is about ("the UN ... resolution on Iran", "Saudi oil facilities")
    takes no part in it; "Russian forces", "the Iranian government" do."""
    after = _WORD.findall(text[actor.end:])[:2]
    if actor.actor.kind == "place":  # a city or region says where, not who
        return True
    if actor.form == "capital" and re.search(r"\b(in|at|near|from|outside)\s+(the\s+)?$", text[:actor.start], re.I):
        return True  # "the unrest in Washington": the city, not the government it stands for
    if actor.form == "adjective" and after and after[0].islower() and not finder.agent_noun(after[0]):
        return after[0].lower() not in ("and", "or", "to", "have", "has", "had", "are", "were", "is", "was")
    before = [w.lower() for w in _WORD.findall(text[:actor.start])][-3:]
    heads = lexicon.cues.topic_heads
    if len(before) >= 2 and before[-1] == "of" and before[-2] in lexicon.cues.title_words:
        return True  # "the Sultan of Oman", "president of Burundi": part of a person's description
    # right after "did"/"and" the next word is the verb ("Did Iran issue ..."), not a noun it modifies
    in_subject_slot = bool(before) and before[-1] in _SUBJECT_BEFORE
    if after and after[0].lower() in heads and not in_subject_slot:
        return True
    if len(after) > 1 and after[0].lower() not in ("and", "or") and after[1].lower() in heads and after[0].islower():
        return True  # "the Iran nuclear deal"
    return any(b in heads for b in before[:-1]) and before[-1:] and before[-1] in ("on", "against", "over", "about")


def _located(text: str, actor: ActorSpan) -> bool:
    return bool(re.search(r"\b(in|at|near|inside|across|throughout)\s+(the\s+)?$", text[:actor.start], re.I))


def _mask_spans(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


_WH = re.compile(r"^\s*(?:who|whom|which|what)\s+(?=[a-z])", re.I)
_AUX = re.compile(r"^\s*(?:\w+\s+){0,3}?(?:did|does|do|has|have|had|was|were|is|are|will|would|can|could)\s+", re.I)
_PREPOSITIONS = ("with", "by", "of", "for", "to", "from", "about", "on", "at", "in", "against")


def _verb(text: str, spans: list[tuple[int, int]], finder: ActorFinder) -> str | None:
    """The first content word after the auxiliary that is no actor, name or agent noun. After an
    auxiliary the verb is a base form or participle, so a word in plural -s ("European nations")
    and the noun after a determiner ("had the coronavirus killed") still belong to the subject."""
    aux = _AUX.match(text)
    m = aux or _WH.match(text)  # "Who supplies ...": the verb follows the question word
    if not m:
        return None
    words = list(_WORD.finditer(text, m.end()))
    skip_noun = bool(aux) and bool(words) and words[0].group().lower() in _DETERMINERS
    for w in words:
        word = w.group().lower()
        if any(s <= w.start() < e for s, e in spans):
            skip_noun = False
            continue
        if word in _STOP or word[0].isdigit():
            continue
        if skip_noun or (aux and re.search(r"[^su']s$", word)):
            skip_noun = False
            continue
        if not finder.agent_noun(word):
            return word
    return None


_DETERMINERS = frozenset("the a an his her its their this that these those".split())


def _asks_object(text: str) -> bool:
    """ "Who did Pompeo blame?" asks for the object; "Who has provided ...?" for the subject."""
    m = re.match(r"\s*(?:who|whom)\s+(?:did|does|do|has|have|had|will|would)\s+(\S+)", text, re.I)
    return bool(m) and (m.group(1)[0].isupper() or m.group(1).lower() in ("the", "a", "an", "his", "her", "its", "their"))


def _mentions_any(text: str, phrases: tuple[str, ...]) -> bool:
    lower = text.lower()
    return any(re.search(rf"\b{re.escape(p)}\b", lower) for p in phrases)


def _final_preposition(text: str) -> str | None:
    words = _WORD.findall(text)
    return words[-1].lower() if words and words[-1].lower() in _PREPOSITIONS else None


def _senses(words: list[str], lower: str, lexicon: Lexicon) -> tuple[Sense, ...]:
    found, covered = [], set()
    for sense in lexicon.senses:  # phrases first: "mutual defence pact" is not an agreement question
        for phrase in sense.phrases:
            if re.search(rf"\b{re.escape(phrase)}\b", lower):
                found.append(sense)
                covered |= set(phrase.split())
                break
    for sense in lexicon.senses:
        if sense not in found and any(w in sense.forms and w not in covered for w in words):
            found.append(sense)
    return tuple(found)


def _names(text: str, actors: list[ActorSpan], lexicon: Lexicon) -> tuple[tuple[int, int, str], ...]:
    """Capitalised word runs the registry does not know that stand in a role: right after the
    auxiliary or the question word ("Did Trump ...", "What did Wang Yi ..."). A name after a
    preposition ("on the UN Human Rights Council resolution") is a topic; its words are item words."""
    taken = [(a.start, a.end) for a in actors]
    names, run, run_start = [], [], 0
    for m in _WORD.finditer(text):
        word = m.group()
        inside = any(s <= m.start() < e for s, e in taken)
        proper = word[0].isupper() and m.start() > 0 and word.lower() not in lexicon.cues.question_words
        if proper and not inside:
            if not run:
                run_start = m.start()
            run.append(word)
            continue
        if run:
            names.append((run_start, " ".join(run)))
        run = []
    if run:
        names.append((run_start, " ".join(run)))
    return tuple((start, start + len(n), n) for start, n in names if len(n) > 1 and _in_role(text, start))


_ROLE_BEFORE = re.compile(r"(?:^|\b(?:did|does|do|has|have|had|is|are|was|were|will|would|can|could|who|whom|"
                          r"and|or|with|by|between|to)\s+)$", re.I)


def _in_role(text: str, start: int) -> bool:
    return bool(_ROLE_BEFORE.search(text[:start].rstrip() + " ")) if start else True


def _head(text: str, actors: list[ActorSpan], qtype: str) -> tuple[str, ...]:
    """The counted noun: "troops" in "how many North Korean troops ..." (also when the registry
    read "North Korean troops" as one actor: its last, lower-case word is the noun)."""
    m = re.search(r"\bhow\s+(?:many|much)\s+", text, re.I)
    if not m or qtype not in ("how_many", "how_much"):
        return ()
    found: list[str] = []
    for w in _WORD.finditer(text, m.end()):
        inside = next((a for a in actors if a.start <= w.start() < a.end), None)
        if inside is not None:
            last = _WORD.findall(inside.text)[-1]
            if last.islower():
                return (last.lower(),)
            continue
        word = w.group().lower()
        if word in _STOP or word in ("did", "does", "do", "has", "have"):
            break
        found.append(word)
        if not w.group()[0].isupper():  # "Seahawk helicopters": try the name, then the noun after it
            break
    return tuple(found[:2])


_TIME = re.compile(
    r"\b(?:(?:in|since|during|from|before|after|by)\s+)?(?:(?:last|this|next|past)\s+(?:year|month|week|decade)|"
    r"the\s+(?:19|20)\d0s|(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+(?:19|20)\d\d|(?:19|20)\d\d(?:\s+(?:to|and|-|–)\s+(?:19|20)\d\d)?)(?![\w-])", re.I)
MAX_YEARS = 40  # a wider range says nothing useful about which documents may answer


def _time_years(text: str, today: str | None = None) -> tuple[tuple[str, ...], re.Match | None]:
    """Years a time phrase of the question covers ("last year", "since 2020", "in March 2021"),
    resolved with ``dyad.timeparse`` against today; and the phrase, to keep it out of the item words."""
    import datetime as dt

    from dyad.timeparse import OPEN, resolve

    m = _TIME.search(text)
    if m is None:
        return (), None
    today = today or dt.date.today().isoformat()
    resolved = resolve(m.group(), today)
    if resolved is None:
        return (), m
    start, _precision, end = resolved
    last = today[:4] if end == OPEN else (end or start)[:4]
    years = range(int(start[:4]), int(last) + 1)
    return (tuple(str(y) for y in years) if len(years) <= MAX_YEARS else ()), m


def parse(text: str, finder: ActorFinder, lexicon: Lexicon) -> Question:
    text = " ".join(text.split())
    qtype = question_type(text, lexicon)
    period = _period(text, lexicon)
    years, time_phrase = _time_years(text) if qtype != "when" else ((), None)
    roles_text = _mask(_mask(text, period), time_phrase)
    actors = finder.find(roles_text)
    candidates = _candidates(roles_text, actors) if qtype in ("which", "who", "what") else ()
    if candidates:
        qtype = "which"
    topics = [a for a in actors if a not in candidates and _topic(roles_text, a, lexicon, finder)]
    bare = _mask_spans(roles_text, [(a.start, a.end) for a in actors])
    lower = bare.lower()
    words = [w.lower() for w in _WORD.findall(roles_text)]
    actor_words = {w.lower() for a in actors if a not in topics for w in _WORD.findall(a.text)}
    senses = _senses([w.lower() for w in _WORD.findall(bare)], lower, lexicon)
    names = _names(roles_text, actors, lexicon)
    name_words = {w.lower() for _, _, n in names for w in _WORD.findall(n)}
    content = tuple(dict.fromkeys(w for w in words if w not in _STOP and w not in lexicon.cues.question_words
                                  and w not in actor_words and not w.endswith("'s")))
    heads = _head(roles_text, actors, qtype)
    sense_words = {f for s in senses for f in s.forms} | {w for s in senses for p in s.phrases for w in p.split()}
    topic_words = {w.lower() for a in topics for w in _WORD.findall(a.text)}
    # topic words ("Saudi" in "attacks on Saudi oil facilities") help retrieval but are not required
    item = tuple(w for w in content if w not in sense_words and w not in heads and w not in name_words
                 and w not in topic_words)
    places = tuple(a for a in actors if a not in candidates and a not in topics and _located(roles_text, a))
    role_actors = [a for a in actors if a not in candidates and a not in topics and a not in places]
    # "Who supplies Iran ...": the asked-for actor is the subject, every named one is an object.
    subject = role_actors[0] if role_actors and qtype not in ("who", "which") else None
    objects = tuple(a for a in role_actors if a is not subject)
    return Question(text=text, type=qtype, actors=tuple(actors), subject=subject, objects=objects, places=places,
                    candidates=candidates, senses=senses, content=content, item=item, heads=heads,
                    period=period.group(1) if period else None, names=tuple(n for _, _, n in names),
                    years=years or (tuple(_YEAR.findall(text)) if qtype != "when" else ()),
                    verb=_verb(roles_text, [(a.start, a.end) for a in actors] + [(b, e) for b, e, _ in names], finder),
                    preposition=_final_preposition(text),
                    modal_asked=_mentions_any(text, lexicon.cues.modal),
                    asks_object=_asks_object(text))
