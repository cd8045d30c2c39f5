"""Shared by the registry test modules: the loaded registry (module-scoped fixture) and a
resolution reduced to (country, sector)."""

from __future__ import annotations

import pytest

from dyad.ontology.actors import load_registry


@pytest.fixture(scope="module")
def reg():
    return load_registry()


def pair(ref):
    return (ref.country, ref.sector) if ref is not None else None
