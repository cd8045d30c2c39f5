"""Package boundaries are tested, not hoped for (STYLE.md §3)."""

import subprocess
import sys

import pytest

RULES = [
    # (module to import, modules it must not pull in)
    ("dyad.nlp.pipeline", ["sqlalchemy", "dyad.store", "dyad.query", "dyad.web"]),
    ("dyad.nlp.analyse", ["sqlalchemy", "dyad.store", "dyad.query", "dyad.web"]),
    ("dyad.store", ["spacy", "dyad.nlp", "dyad.ingest", "dyad.query"]),
    ("dyad.ingest", ["spacy", "sqlalchemy", "dyad.nlp", "dyad.store"]),
    ("dyad.ontology.actors", ["spacy", "sqlalchemy", "dyad.store", "dyad.nlp"]),
    ("dyad.query", ["spacy", "dyad.nlp", "dyad.ingest"]),
    ("dyad.web.app", ["spacy", "dyad.nlp", "dyad.ingest"]),
]


def _loaded_after_import(module: str) -> set[str]:
    code = f"import sys, importlib; importlib.import_module({module!r}); print('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return set(out.split())


@pytest.mark.parametrize("module,forbidden", RULES, ids=[r[0] for r in RULES])
def test_imports_respect_package_boundaries(module, forbidden):
    loaded = _loaded_after_import(module)
    leaks = sorted(m for m in loaded for bad in forbidden if m == bad or m.startswith(bad + "."))
    assert not leaks, f"{module} pulls in {leaks}"
