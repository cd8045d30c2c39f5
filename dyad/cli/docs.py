"""Generate the docs that are derived from code: ``python -m dyad.cli.docs [cli|settings]``.

``docs/cli.md`` is every command's ``--help``; ``docs/settings.md`` is the SETTINGS table.
Tests fail when either file is stale.
"""

from __future__ import annotations

import sys


def _context(command, info_name: str = ""):
    # Typer vendors its own click: build contexts from the command's own class, never `import click`.
    return command.context_class(command, info_name=info_name, terminal_width=100, max_content_width=100)


def _walk(command, path: list[str]):
    yield path, command
    if hasattr(command, "list_commands"):
        ctx = _context(command)
        for name in command.list_commands(ctx):
            yield from _walk(command.get_command(ctx, name), path + [name])


def cli_markdown() -> str:
    from typer.main import get_command

    from dyad.cli import _register, app

    _register()
    root = get_command(app)
    parts = ["# Command-line reference", "", "Generated from `--help` by `python -m dyad.cli.docs cli`; "
             "a test fails when this file is stale.", ""]
    for path, command in _walk(root, ["dyad"]):
        ctx = _context(command, " ".join(path))
        parts += [f"## `{' '.join(path)}`", "", "```text", command.get_help(ctx).rstrip(), "```", ""]
    return "\n".join(parts)


def main(argv: list[str]) -> None:
    from dyad.settings import settings_markdown

    which = argv[0] if argv else "cli"
    sys.stdout.write(cli_markdown() if which == "cli" else settings_markdown())


if __name__ == "__main__":
    main(sys.argv[1:])
