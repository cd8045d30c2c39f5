"""`dyad eval`: metrics on gold data, gated by the floors in eval/floors.json."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from dyad.cli import JsonOption, app, edge, emit
from dyad.errors import EvalError
from dyad.eval import evaluate, gold_sha256, known_datasets


@app.command("eval")
def eval_command(
    folders: List[Path] = typer.Argument(None, help="Gold folders (recognised by name), or with --all their parent."),
    all_: bool = typer.Option(False, "--all", help="Evaluate every known gold folder found under the given parent."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Only the first N gold records (quick look)."),
    check: bool = typer.Option(False, "--check", help="Fail when a metric is below its pinned floor."),
    update_floors: bool = typer.Option(False, "--update-floors", help="Pin floors just below the measured figures."),
    allow_lower: bool = typer.Option(False, "--allow-lower", help="With --update-floors: allow lowering a floor."),
    list_: bool = typer.Option(False, "--list", help="List the gold sets Dyad knows."),
    as_json: bool = JsonOption,
) -> None:
    """Compute each component's metric on gold data written by others (e.g. ../shared/bench/htmldate_eval)."""
    from dyad.eval import gate

    if list_:
        names = known_datasets()
        emit(True, datasets=names) if as_json else print("\n".join(names))
        return
    with edge(as_json):
        if update_floors and limit is not None:
            raise EvalError("--update-floors needs a full run; drop --limit")
        targets = _targets(folders or [], all_)
        results, problems = [], []
        for folder in targets:
            result = evaluate(folder, limit=limit)
            sha = gold_sha256(folder)
            if check and limit is None:
                problems += gate.check(result, sha)
            if update_floors:
                gate.update(result, sha, allow_lower=allow_lower)
            results.append(result)
            if not as_json:
                figures = ", ".join(f"{k} {v:.3f}" for k, v in result.metrics.items())
                print(f"{result.dataset} (n={result.n}): {figures}")
        if problems:
            raise EvalError("; ".join(problems))
    if as_json:
        if len(results) == 1:
            r = results[0]
            emit(True, dataset=r.dataset, n=r.n, metrics=r.metrics, details=r.details)
        else:
            emit(True, results=[{"dataset": r.dataset, "n": r.n, "metrics": r.metrics} for r in results])


def _targets(folders: list[Path], all_: bool) -> list[Path]:
    if not folders:
        raise EvalError("give a gold folder, e.g. `dyad eval ../shared/bench/htmldate_eval`")
    if not all_:
        return folders
    names = set(known_datasets())
    found = [p for parent in folders for p in sorted(Path(parent).iterdir()) if p.is_dir() and p.name in names]
    if not found:
        raise EvalError("no known gold folders here", subject=str(folders[0]))
    return found


@app.command("settings")
def settings_command(as_json: bool = JsonOption) -> None:
    """Show every setting, its environment variable, default and current value."""
    from dyad.settings import SETTINGS, get_settings

    current = get_settings()
    shown = {s.name: "***" if s.name == "token" and current.token else getattr(current, s.name) for s in SETTINGS}
    if as_json:
        emit(True, settings=[{"name": s.name, "env": s.env, "default": s.default, "value": shown[s.name],
                              "help": s.help} for s in SETTINGS])
        return
    for s in SETTINGS:
        print(f"{s.name:14} {s.env:20} = {shown[s.name]!r:40} {s.help}")
