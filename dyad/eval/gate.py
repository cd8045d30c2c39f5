"""Metric floors that gate CI: ``eval/floors.json`` at the repository root.

The file maps a dataset name to the sha256 of its gold file and a floor per metric::

    {"htmldate_eval": {"sha256": "…", "floors": {"accuracy": 0.893, "f1": 0.939}}}

``check`` lists the problems of one result (a metric below its floor, a pinned metric that is
missing, a gold file that changed); ``update`` pins floors a margin below the measured figures
and refuses to lower a floor unless told to (``allow_lower``), so a regression is a decision.
Generic over datasets: any ``EvalResult`` works. Run ``python -m dyad.eval.gate --help``.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from dyad.errors import EvalError
from dyad.eval import EvalResult

FLOORS_PATH = Path(__file__).resolve().parents[2] / "eval" / "floors.json"
MARGIN = 0.01  # floors sit this far below the measured figure so noise does not fail CI


@dataclass(frozen=True)
class DatasetFloors:
    sha256: str
    floors: dict[str, float] = field(default_factory=dict)


def load(path: Path | None = None) -> dict[str, DatasetFloors]:
    path = path or FLOORS_PATH
    if not path.exists():
        return {}
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return {name: DatasetFloors(entry["sha256"], {k: float(v) for k, v in entry["floors"].items()})
                for name, entry in raw.items()}
    except (ValueError, KeyError, TypeError, AttributeError) as err:
        raise EvalError(f"malformed floors file ({err}); fix or restore it from version control",
                        subject=str(path)) from None


def save(floors: dict[str, DatasetFloors], path: Path | None = None) -> None:
    path = path or FLOORS_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {name: {"sha256": f.sha256, "floors": dict(sorted(f.floors.items()))} for name, f in sorted(floors.items())}
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def gated_metrics(result: EvalResult) -> dict[str, float]:
    """Every higher-is-better metric: not spreads (``*_std``, they measure noise) nor error rates
    (``*_rate`` other than ``pass_rate``, where lower is better and a floor would reward failure)."""
    return {k: float(v) for k, v in result.metrics.items()
            if not k.endswith("_std") and not (k.endswith("_rate") and k != "pass_rate")}


def check(result: EvalResult, sha256: str, path: Path | None = None) -> list[str]:
    """Problems with one result against its pinned floors; an empty list means the gate passes."""
    pinned = load(path).get(result.dataset)
    if pinned is None:
        return [f"{result.dataset}: no floors pinned; run `python -m dyad.eval.gate --update` on its folder"]
    problems = []
    if pinned.sha256 != sha256:
        problems.append(f"{result.dataset}: the gold file changed (sha256 {sha256[:12]}…, floors pinned for "
                        f"{pinned.sha256[:12]}…); re-measure and update the floors deliberately")
    for metric, floor in sorted(pinned.floors.items()):
        value = result.metrics.get(metric)
        if value is None:
            problems.append(f"{result.dataset}: metric {metric} is pinned but missing from the result")
        elif value < floor:
            problems.append(f"{result.dataset}: {metric} {value:.4f} is below its floor {floor:.4f}")
    return problems


def update(result: EvalResult, sha256: str, allow_lower: bool = False, path: Path | None = None,
           margin: float = MARGIN) -> DatasetFloors:
    """Pin floors ``margin`` below the measured figures; raise EvalError before lowering one.

    On small sets the margin widens to 1.5 items (1.5/n) so that one page flipping, e.g. an
    exact-match accuracy on 90 pages, does not fail CI."""
    floors = load(path)
    old = floors.get(result.dataset)
    margin = max(margin, 1.5 / result.n) if result.n else margin
    new = {k: round(max(0.0, v - margin), 4) for k, v in gated_metrics(result).items()}
    if old is not None:
        new = _merge(result, old, new, allow_lower)
    floors[result.dataset] = DatasetFloors(sha256, new)
    save(floors, path)
    return floors[result.dataset]


def _merge(result: EvalResult, old: DatasetFloors, new: dict[str, float], allow_lower: bool) -> dict[str, float]:
    """Keep an old floor the measurement still clears; lowering one needs ``allow_lower``."""
    merged = dict(new)
    lowered = []
    for metric, floor in old.floors.items():
        measured = result.metrics.get(metric)
        if measured is not None and measured >= floor:
            merged[metric] = max(floor, new.get(metric, floor))
        elif not allow_lower:
            lowered.append(f"{metric} {floor:.4f} → {'missing' if measured is None else f'{measured:.4f}'}")
        elif measured is None:
            merged.pop(metric, None)
    if lowered:
        raise EvalError(f"update would lower floors ({'; '.join(lowered)}); pass allow_lower to accept the regression",
                        subject=result.dataset)
    return merged


def main(argv: list[str] | None = None) -> int:
    from dyad.eval import evaluate, gold_sha256

    parser = argparse.ArgumentParser(prog="python -m dyad.eval.gate", description="Check or update metric floors.")
    parser.add_argument("folders", nargs="+", type=Path, help="gold folders, e.g. ../shared/bench/htmldate_eval")
    parser.add_argument("--update", action="store_true", help="pin floors a margin below the measured figures")
    parser.add_argument("--allow-lower", action="store_true", help="with --update: accept lowering a floor")
    args = parser.parse_args(argv)
    failed = False
    for folder in args.folders:
        result = evaluate(folder)
        print(json.dumps({"dataset": result.dataset, "n": result.n, "metrics": result.metrics}))
        if args.update:
            print(f"pinned {update(result, gold_sha256(folder), args.allow_lower).floors}")
        for problem in check(result, gold_sha256(folder)):
            failed = True
            print(f"FAIL {problem}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
