"""Shared by the event test modules: what the whole pipeline codes for one sentence."""

from __future__ import annotations

from dyad.eval.plover_gsr_cameo import countries, run_docs


def coded(text: str) -> list[tuple[str, set[str], set[str]]]:
    """(category, source countries, target countries) of each event coded in ``text``."""
    doc = run_docs([text])[0]
    return [(e.category, countries(e.source), countries(e.target)) for e in doc._.events or []]


def coded_denied(text: str) -> list[tuple[str, set[str], set[str], bool]]:
    """As ``coded``, with whether each event is negated or denied (not coded as having happened)."""
    doc = run_docs([text])[0]
    return [(e.category, countries(e.source), countries(e.target), e.negated or e.modality == "denied")
            for e in doc._.events or []]


def categories(text: str) -> list[str]:
    return [c for c, _, _ in coded(text)]


def category_set(text: str) -> set[str]:
    return {c for c, _, _ in coded(text)}


def country_sides(text: str, category: str) -> list[tuple[list[tuple], list[tuple]]]:
    """(source, target) of each ``category`` event in ``text``, as (country, sector) pairs."""
    doc = run_docs([text])[0]
    return [([(a.country, a.sector) for a in e.source], [(a.country, a.sector) for a in e.target])
            for e in doc._.events or [] if e.category == category]
