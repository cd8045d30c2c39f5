from pathlib import Path

import pytest

from dyad.errors import ConfigError
from dyad.settings import Settings, from_env, settings_markdown

ROOT = Path(__file__).resolve().parents[1]


def test_settings_from_env_coerces_types():
    s = from_env({"DYAD_DB": "x.db", "DYAD_WORKERS": "2", "DYAD_ALLOW_PRIVATE": "yes"})
    assert (s.db, s.workers, s.allow_private) == ("x.db", 2, True)


def test_settings_invalid_value_is_one_line_error():
    with pytest.raises(ConfigError, match="DYAD_WORKERS"):
        from_env({"DYAD_WORKERS": "many"})


def test_settings_cli_value_wins_and_none_is_ignored():
    s = Settings(db="a.db").with_(db=None, workers=3)
    assert (s.db, s.workers) == ("a.db", 3)


def test_settings_doc_is_current():
    assert (ROOT / "docs" / "settings.md").read_text() == settings_markdown(), \
        "docs/settings.md is stale: run `python -m dyad.cli.docs settings > docs/settings.md`"
