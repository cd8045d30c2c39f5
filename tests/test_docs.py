"""Docs derived from code must be current (STYLE.md §13)."""

from pathlib import Path

from dyad.cli.docs import cli_markdown

ROOT = Path(__file__).resolve().parents[1]


def test_docs_cli_reference_is_current():
    assert (ROOT / "docs" / "cli.md").read_text() == cli_markdown(), \
        "docs/cli.md is stale: run `make docs` (python -m dyad.cli.docs cli > docs/cli.md)"


def test_docs_readme_shows_the_two_setup_commands():
    first_screen = "\n".join((ROOT / "README.md").read_text().splitlines()[:40])
    assert "make demo" in first_screen and "make test" in first_screen
