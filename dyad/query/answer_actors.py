"""Actor names in questions and sentences, found with the actor registry (lookup only).

``ActorFinder.find(text)`` returns the registry actors a text names, with character
offsets, leftmost-longest. It uses ``dyad.ontology.actors.load_registry`` and falls back
to the states list, then to the store's ``actors`` table, so asking still works while a
registry file is broken or absent.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from dyad.errors import DyadError

log = logging.getLogger(__name__)

MAX_NGRAM = 7
_WORD = re.compile(r"[^\W_][\w'’.]*", re.UNICODE)


@dataclass(frozen=True)
class Named:
    """An actor as the registry knows it."""

    id: str
    name: str
    country: str | None
    kind: str | None


@dataclass(frozen=True)
class ActorSpan:
    actor: Named
    start: int
    end: int
    text: str
    form: str = "name"  # the registry alias form: name, adjective, demonym, capital, abbrev ...

    @property
    def key(self) -> str:
        return self.actor.id


Lookup = Callable[[str, str], "tuple[Named, str] | None"]  # (normalised key, surface) → (actor, alias form)


def _tokens_with_offsets(text: str, tokenize) -> list[tuple[str, int, int]]:
    out = []
    for m in _WORD.finditer(text):
        for tok in tokenize(m.group()):
            out.append((tok, m.start(), m.end()))
    return out


class ActorFinder:
    def __init__(self, lookup: Lookup, tokenize, agent_noun: Callable[[str], bool] = lambda word: False):
        self._lookup = lookup
        self._tokenize = tokenize
        self.agent_noun = agent_noun  # "troops", "government": a noun that makes "Russian X" a party

    def find(self, text: str) -> list[ActorSpan]:
        toks = _tokens_with_offsets(text, self._tokenize)
        found, i = [], 0
        while i < len(toks):
            hit = self._longest(text, toks, i)
            if hit is None:
                i += 1
                continue
            span, n = hit
            found.append(span)
            i += n
        return found

    def _longest(self, text: str, toks, i: int) -> tuple[ActorSpan, int] | None:
        for n in range(min(MAX_NGRAM, len(toks) - i), 0, -1):
            if toks[i + n - 1][0] == "'s":
                continue
            start, end = toks[i][1], toks[i + n - 1][2]
            surface = text[start:end]
            if not any(ch.isupper() for ch in surface):  # "us", "china" in lower case are not names
                continue
            found = self._lookup(" ".join(t for t, _, _ in toks[i:i + n]), surface)
            if found is not None:
                return ActorSpan(found[0], start, end, _trim_possessive(surface), found[1]), n
        return None


def _trim_possessive(surface: str) -> str:
    return re.sub(r"['’]s$", "", surface)


# --------------------------------------------------------------------------- lookups


def _registry_lookup(paths: tuple[str, ...]) -> tuple[Lookup, Callable, Callable]:
    from dyad.ontology.actors import load_registry, tokens

    registry = load_registry(paths)

    def lookup(key: str, surface: str) -> tuple[Named, str] | None:
        for actor, alias in registry.lookup(key):
            if alias.form == "abbrev" and not _upper(surface):  # "Who" is not the WHO
                continue
            return Named(actor.id, actor.name, actor.country, actor.kind), alias.form
        return None

    return lookup, tokens, lambda word: registry.sector_term(word) is not None


def _upper(surface: str) -> bool:
    letters = [c for c in surface if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _states_lookup() -> tuple[Lookup, Callable, Callable]:
    from dyad.ontology.actors import load_states, norm, tokens

    index: dict[str, tuple[Named, str]] = {}
    for actor in load_states().values():
        for alias in actor.aliases:
            index.setdefault(norm(alias.text), (Named(actor.id, actor.name, actor.country, actor.kind), alias.form))
    return (lambda key, surface: index.get(key)), tokens, lambda word: False


@lru_cache(maxsize=4)
def finder(registry_paths: tuple[str, ...] = ()) -> ActorFinder:
    """The registry-backed finder (cached per registry file set)."""
    for build in (lambda: _registry_lookup(registry_paths), _states_lookup):
        try:
            return ActorFinder(*build())
        except (DyadError, ImportError, AttributeError) as exc:  # a registry being edited must not stop asking
            log.warning("actor registry unavailable (%s); falling back", exc)
    return ActorFinder(lambda key, surface: None, lambda w: [w.lower()])


def same_actor(a: Named, b: Named) -> bool:
    """Same actor, or one is a state and the other a sector of it (CHN and CHN.GOV)."""
    if a.id == b.id:
        return True
    if a.kind in ("state", "territory") and (b.id.split(".")[0] == a.id):
        return True
    return b.kind in ("state", "territory") and a.id.split(".")[0] == b.id
