"""Evaluation on gold data written by others: ``dyad eval DATASET_DIR``.

A gold folder is recognised by its name: folder ``X`` is evaluated by the module
``dyad.eval.X`` (e.g. ``dyad/eval/htmldate_eval.py``; a hyphen in the folder name is an
underscore in the module's: ``corpus/gum-news`` → ``dyad.eval.gum_news``), which exposes

* ``GOLD_FILE``: the file name (inside the folder) whose sha256 is pinned with the floors;
* ``evaluate(folder: Path, limit: int | None = None) -> EvalResult``.

Floors live in ``eval/floors.json`` at the repository root (see ``dyad.eval.gate``).
"""

from __future__ import annotations

import hashlib
import importlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from dyad.errors import EvalError


@dataclass(frozen=True)
class EvalResult:
    dataset: str
    n: int
    metrics: dict[str, float]
    details: dict = field(default_factory=dict)  # per-class figures, error samples


def dataset_module(folder: Path):
    name = folder.resolve().name.replace("-", "_")
    if not re.fullmatch(r"[a-z0-9_]+", name):
        raise EvalError(f"unrecognised gold folder name {name!r}", subject=str(folder))
    try:
        return importlib.import_module(f"dyad.eval.{name}")
    except ModuleNotFoundError:
        raise EvalError("no evaluator for this gold set; run `dyad eval --list` to see the known ones",
                        subject=str(folder)) from None


def known_datasets() -> list[str]:
    here = Path(__file__).parent
    return sorted(p.stem for p in here.glob("*.py") if not p.stem.startswith("_") and p.stem not in {"gate", "metrics"})


def gold_sha256(folder: Path) -> str:
    module = dataset_module(folder)
    path = folder / module.GOLD_FILE
    if not path.exists():
        raise EvalError(f"gold file {module.GOLD_FILE} is missing", subject=str(folder))
    return hashlib.sha256(path.read_bytes()).hexdigest()


def evaluate(folder: Path, limit: int | None = None) -> EvalResult:
    folder = Path(folder)
    if not folder.is_dir():
        raise EvalError("not a directory", subject=str(folder))
    return dataset_module(folder).evaluate(folder, limit=limit)
