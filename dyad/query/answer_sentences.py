"""Answers read from judged sentences, one function per answer type.

Sentences arrive judged (``dyad.query.answer_judge``); only those that carry every element
of the question may support an answer, and the span is read from them here: the actors
before (or after) the relation word, the candidates with a positive statement, the polarity,
the date, the count, the amount, the vote, the object of the verb. A missing element means
no answer, not a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from dyad.query.answer_actors import ActorSpan, Named, same_actor
from dyad.query.answer_extract import (amounts, count_of, money_or_share, nearest_date, object_after, stem, stems_of,
                                       vote_stance, words_of)
from dyad.query.answer_judge import (Judged, judge, name_in, names_actor, near_relation, record_gate, relevant,
                                     verb_positions)
from dyad.query.answer_lexicon import Lexicon
from dyad.query.answer_parse import Question


@dataclass
class Found:
    """A sentence-based answer before it becomes ``AnswerPublic``."""

    answer: str
    value: str | None = None
    support: list[tuple[Judged, tuple[int, int] | None]] = field(default_factory=list)  # sentence, answer span
    confidence: float = 0.5
    note: str | None = None


def _confidence(support: int, top: Judged) -> float:
    return round(min(0.9, 0.45 + 0.15 * support) * (0.6 + 0.4 * top.weight), 2)


# --------------------------------------------------------------------------- by answer type


def _excluded(span: ActorSpan, asked: list[Named], places: list[Named] = ()) -> bool:
    """Actors of the question (and a named person's own country: "US Secretary of State X").
    A place is excluded itself, its people are not ("Who announced ... in Hong Kong?")."""
    if any(same_actor(p, span.actor) for p in places):
        return True
    for a in asked:
        if same_actor(a, span.actor) or span.actor.country == a.id:
            return True
        if a.kind == "person" and span.actor.id == a.country:
            return True
    return False


VENUE_KINDS = ("media", "company")
_LOCATIVE = re.compile(r"\b(at|in|near|outside|inside|around|across|into|towards?)\s+(the\s+)?$", re.I)
_PASSIVE_AGENT = re.compile(r"\bby\s+(the\s+|a\s+|an\s+)?([\w'’-]+\s+){0,2}$", re.I)


def _in_role(q: Question, span: ActorSpan, text: str, first: int) -> bool:
    """Whether a name stands where the asked-for party stands: the agent before the verb (or
    after "by" in a passive), for "who did X blame" the object after it."""
    if q.asks_object:
        return span.start >= first
    return span.start < first or bool(_PASSIVE_AGENT.search(text[:span.start]))


def _role_weight(span: ActorSpan, text: str) -> float:
    """How likely a named actor is a party rather than a setting: places say where, a platform
    after "on"/"via" says how ("on Twitter"), an unknown name is weaker than a registry actor."""
    weight = 0.7 if span.actor.id.startswith("text:") else 1.0
    if span.actor.kind == "place":
        weight *= 0.5
    if span.actor.id.startswith("text:") and _LOCATIVE.search(text[:span.start]):
        weight *= 0.3  # "struck the plant at Abqaiq": an unknown name after "at"/"near" is a place
    if re.match(r"[-‑–]\s*(based|born|headquartered|registered)\b", text[span.end:], re.I):
        return 0.0  # "a Berlin-based non-profit": where the party is based, not the party
    if span.actor.kind in VENUE_KINDS and re.search(r"\b(on|via)\s+(the\s+)?$", text[:span.start], re.I):
        weight *= 0.2
    return weight


def _names_question(q: Question, span: ActorSpan) -> bool:
    """An unresolved name the question itself uses ("Mahan Air") is not an answer."""
    return span.actor.id.startswith("text:") and any(name_in(n, span.text) for n in q.names)


def answer_who(q: Question, judged: list[Judged]) -> Found | None:
    places = [p.actor for p in q.places]
    asked = [a.actor for a in q.actors if a.actor not in places]
    votes: dict[str, float] = {}
    names: dict[str, str] = {}
    support: dict[str, list[tuple[Judged, tuple[int, int]]]] = {}
    agents: set[str] = set()
    in_role_support: dict[str, list[tuple[Judged, tuple[int, int]]]] = {}
    for j in relevant(q, judged):
        if j.negated or j.debunked:
            continue
        if not q.senses and q.verb and not verb_positions(q, j.hit.text):
            continue  # "Who accepted responsibility ...": a sentence without that verb cannot say who
        anchors = j.sense_at or verb_positions(q, j.hit.text)
        first = min(anchors) if anchors else len(j.hit.text)
        seen: set[str] = set()
        for span in j.actors:
            key = span.actor.id if span.actor.id.startswith("text:") else span.actor.id.split(".")[0]
            if _excluded(span, asked, places) or key in seen or _names_question(q, span):
                continue
            seen.add(key)
            in_role = _in_role(q, span, j.hit.text, first)
            boost = (2.0 if in_role else 1.0) * _role_weight(span, j.hit.text)
            if boost == 0.0:
                continue
            votes[key] = votes.get(key, 0.0) + j.weight * boost * j.item_share ** 2
            names.setdefault(key, span.actor.name.split(" (")[0])
            support.setdefault(key, []).append((j, (span.start, span.end)))
            agents.update([key] if in_role else [])
            if in_role:
                in_role_support.setdefault(key, []).append((j, (span.start, span.end)))
    # a name never seen where the asked-for party stands is a guess: "the attacks struck the plant
    # at Abqaiq" does not say who attacked; the record is silent rather than that name
    # (an object is often a pronoun whose antecedent stands earlier, so only agents are required)
    if not q.asks_object:
        votes = {k: v for k, v in votes.items() if k in agents}
    if not votes:
        return None
    ranked = sorted(votes, key=lambda k: -votes[k])
    chosen = [k for k in ranked if votes[k] >= 0.75 * votes[ranked[0]]][:3]
    # cite the sentences where the party stands in the asked role, naming every asked actor itself first
    evidence = [s for k in chosen for s in sorted(in_role_support.get(k) or support[k],
                                                  key=lambda e: (e[0].roles_from_title, e[0].rank))]
    return Found(answer=", ".join(names[k] for k in chosen), value=",".join(chosen), support=evidence,
                 confidence=_confidence(len({e[0].hit.sentence_id for e in evidence}), evidence[0][0]))


def answer_which(q: Question, judged: list[Judged]) -> Found | None:
    """Members of the candidate list with a positive statement; negated-only ones are left out."""
    positive: dict[str, list[tuple[Judged, tuple[int, int]]]] = {}
    for j in judged:
        if (q.senses and not j.sense_at) or not j.has_roles or j.item_share < 0.5:
            continue
        for cand in q.candidates:
            span = names_actor(j.actors, cand.actor)
            if span is None or (q.senses and not near_relation(span, j.sense_at)):
                continue
            if not (j.negated or j.debunked):
                positive.setdefault(cand.actor.id, []).append((j, (span.start, span.end)))
    members = [c for c in q.candidates if c.actor.id in positive]
    if not members:
        return None
    evidence = [e for c in members for e in positive[c.actor.id]]
    return Found(answer=_join([c.actor.name for c in members]), value=",".join(c.actor.id for c in members),
                 support=evidence, confidence=_confidence(len({e[0].hit.sentence_id for e in evidence}), evidence[0][0]))


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def answer_yes_no(q: Question, judged: list[Judged]) -> Found | None:
    rel = [j for j in relevant(q, judged)
           if j.all_senses and j.in_period and j.subject_near and (q.modal_asked or not j.modal or j.negated)
           and j.sense_at]
    if not rel:
        return None
    no = [j for j in rel if j.negated or j.debunked or j.doc_denies]
    yes = [j for j in rel if not (j.negated or j.debunked or j.doc_denies)]
    w_no, w_yes = sum(j.weight for j in no), sum(j.weight for j in yes)
    side, other = (no, yes) if w_no >= w_yes else (yes, no)
    answer = "No" if side is no else "Yes"
    note = None
    if other:
        note = f"the record is mixed: {len(other)} sentence(s) point the other way"
    if side is no and any(j.debunked or j.doc_denies for j in no):
        note = (note + "; " if note else "") + "a fact-check rejects the claim"
    return Found(answer=answer, value=answer.lower(), support=[(j, None) for j in side[:4]],
                 confidence=_confidence(len(side), side[0]) * (0.7 if other else 1.0), note=note)


def by_fit(q: Question, judged: list[Judged]) -> list[Judged]:
    """Sentences with the question's main verb first, then by shared item words, then by rank."""
    verb = stem(q.verb) if q.verb else None
    return sorted(judged, key=lambda j: (-(verb in stems_of(j.hit.text)) if verb else 0, -j.item_share, j.rank))


def _verb_carried(q: Question, judged: list[Judged]) -> list[Judged]:
    """Sentences with the question's own verb and every item word, though not its relation word:
    "When will the restrictions take effect?" ← "The new policy is to take effect on December 10"."""
    if not q.verb:
        return []
    return [j for j in judged if j.has_roles and j.year_ok and j.item_share >= 0.99 and verb_positions(q, j.hit.text)]


def answer_when(q: Question, judged: list[Judged], resolve) -> Found | None:
    for j in by_fit(q, relevant(q, judged) or _verb_carried(q, judged)):
        if j.negated:
            continue
        span = nearest_date(j.hit.text, list(j.sense_at or verb_positions(q, j.hit.text)))
        if span is None:
            continue
        value = resolve(span.text, j.hit.published_at)
        return Found(answer=span.text, value=value, support=[(j, (span.start, span.end))],
                     confidence=_confidence(1, j))
    return None


def answer_how_many(q: Question, judged: list[Judged], lexicon: Lexicon) -> Found | None:
    if not q.head:
        return None
    found = _count(q, judged, lexicon, q.heads)
    if found is None and set(q.heads) & {"people", "persons"}:  # "how many people attended" ← "18,250 visitors"
        found = _count(q, judged, lexicon, tuple(n for n in lexicon.cues.person_nouns if n not in q.heads))
    return found


def _count(q: Question, judged: list[Judged], lexicon: Lexicon, heads: tuple[str, ...]) -> Found | None:
    q_loose = replace(q, senses=())  # the count words ("troops") are the relation here
    for j in by_fit(q, relevant(q_loose, judged)):
        found = next((f for f in (count_of(j.hit.text, h, lexicon.cues, _item_positions(q, j.hit.text))
                                   for h in heads) if f is not None), None)
        if found is None and not any(re.search(rf"\b{re.escape(h)}", j.hit.text, re.I) for h in heads):
            found = _amount_after_verb(q, j.hit.text, lexicon)
        if found is not None:
            return Found(answer=found.text, value=found.value, support=[(j, (found.start, found.end))],
                         confidence=_confidence(1, j))
    return None


def _amount_after_verb(q: Question, text: str, lexicon: Lexicon):
    """ "had killed at least 813 in China": the counted noun left out, the number follows the verb."""
    for position in verb_positions(q, text):
        verb_end = position + len(re.match(r"[\w'’-]+", text[position:]).group())
        for a in amounts(text, lexicon.cues):
            gap = text[verb_end:a.start]
            after = words_of(text[a.end:])[:1]
            # the number must stand alone: "killed at least 813 in China", not "won 92,153 votes"
            alone = not after or after[0] in ("in", "of", "on", "at", "by", "and", "across", "since", "during")
            if a.start >= verb_end and len(words_of(gap)) <= 2 and not re.search(r"[,.;:]", gap) and alone:
                return a
    return None


def _item_positions(q: Question, text: str) -> list[int]:
    wanted = {stem(w) for w in q.item}
    return [m.start() for m in re.finditer(r"[\w][\w'’-]*", text) if stem(m.group()) in wanted]


def answer_how_much(q: Question, judged: list[Judged], lexicon: Lexicon) -> Found | None:
    for j in relevant(q, judged, need_sense=False):
        words = set(q.item) | set(q.heads)
        near = [m.start() for m in re.finditer(r"[\w'’-]+", j.hit.text) if m.group().lower() in words]
        found = money_or_share(j.hit.text, near or list(j.sense_at), lexicon.cues)
        if found is not None:
            return Found(answer=found.text, value=found.value, support=[(j, (found.start, found.end))],
                         confidence=_confidence(1, j))
    return None


def answer_how_vote(q: Question, judged: list[Judged], lexicon: Lexicon) -> Found | None:
    if q.subject is None:
        return None
    for j in relevant(q, judged, need_sense=False):
        span = names_actor(j.actors, q.subject.actor)
        stance = vote_stance(j.hit.text, lexicon.cues, span.start if span else None)
        if stance:
            return Found(answer=stance, value=stance, support=[(j, None)], confidence=_confidence(1, j))
    return None


def answer_what(q: Question, judged: list[Judged], lexicon: Lexicon) -> Found | None:
    for j in by_fit(q, relevant(q, judged)):
        if j.negated:
            continue
        after = [p for p in (j.sense_at or verb_positions(q, j.hit.text)) if _after_subject(q, j, p)]
        for position in after:
            found = object_after(j.hit.text, position, lexicon.cues)
            if found:
                return Found(answer=found[0], support=[(j, (found[1], found[2]))], confidence=_confidence(1, j))
    return None


def _after_subject(q: Question, j: Judged, position: int) -> bool:
    if q.subject is None:
        return True
    span = names_actor(j.actors, q.subject.actor)
    return span is None or span.end <= position


def best_sentence(q: Question, judged: list[Judged]) -> Found | None:
    """Last resort for open questions: the best sentence naming every actor and most content words."""
    for j in judged[:5]:
        words = set(words_of(j.hit.text))
        share = sum(1 for w in q.content if w in words) / len(q.content) if q.content else 0.0
        if j.has_roles and share >= 0.6 and not j.debunked:
            return Found(answer=j.hit.text, support=[(j, None)], confidence=0.3,
                         note="no exact answer span; this is the sentence that matches the question best")
    return None


__all__ = ["Found", "Judged", "judge", "record_gate", "relevant", "answer_who", "answer_which", "answer_yes_no",
           "answer_when", "answer_how_many", "answer_how_much", "answer_how_vote", "answer_what", "best_sentence"]
