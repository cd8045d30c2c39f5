"""Settings in one typed object, built lazily from the environment.

``SETTINGS`` is the one table that documents every setting; the CLI help and
``docs/settings.md`` are both generated from it (a test checks the doc is current).
Precedence: command-line option > environment variable > default.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from pathlib import Path

from dyad.errors import ConfigError


USER_REGISTRY_DIR = Path("~/.config/dyad/actors")  # `dyad actors import` copies files here


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    default: object
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "DYAD_DB", "dyad.db", "Store: a SQLite path or a postgresql:// URL."),
    Setting("user_registry", "DYAD_USER_REGISTRY", "", "Extra actor registry files or folders (YAML/JSON/CSV), separated by ':'; ~/.config/dyad/actors is always read when it exists."),
    Setting("max_bytes", "DYAD_MAX_BYTES", 20_000_000, "Largest input file or download accepted, in bytes."),
    Setting("fetch_timeout", "DYAD_FETCH_TIMEOUT", 20.0, "Connect and read timeout for URL fetches, in seconds."),
    Setting("user_agent", "DYAD_USER_AGENT", "Dyad/0.1 (+local news analysis; no crawling)", "User-Agent sent with fetches."),
    Setting("allow_private", "DYAD_ALLOW_PRIVATE", False, "Allow fetching private, loopback and link-local addresses."),
    Setting("embeddings", "DYAD_EMBEDDINGS", True, "Compute sentence embeddings at ingest (needed for semantic search)."),
    Setting("workers", "DYAD_WORKERS", 1, "Processes for analysis of large batches."),
    Setting("tuned_ner", "DYAD_TUNED_NER", True, "Use the English model's ner fine-tuned on CoNLL-2003 (research-use Reuters text; see dyad/nlp/models/ner/README.md); false loads the stock ner."),
    Setting("token", "DYAD_TOKEN", "", "API token; required when `dyad serve` binds a non-loopback address."),
    Setting("llm_url", "DYAD_LLM_URL", "", "Optional OpenAI-compatible endpoint used only to phrase answers."),
)


@dataclass(frozen=True)
class Settings:
    db: str = "dyad.db"
    user_registry: str = ""
    max_bytes: int = 20_000_000
    fetch_timeout: float = 20.0
    user_agent: str = "Dyad/0.1 (+local news analysis; no crawling)"
    allow_private: bool = False
    embeddings: bool = True
    workers: int = 1
    tuned_ner: bool = True
    token: str = ""
    llm_url: str = ""

    def with_(self, **changes) -> "Settings":
        """A copy with the given values; ``None`` values are ignored (unset CLI options)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    @property
    def registry_paths(self) -> tuple[str, ...]:
        """User registry files and folders: the default folder (where `dyad actors import` copies
        files) when it exists, then the paths named in ``user_registry``."""
        named = tuple(p for p in self.user_registry.split(":") if p)
        default = USER_REGISTRY_DIR.expanduser()
        return ((str(default),) if default.is_dir() else ()) + named


def _coerce(name: str, raw: str, default: object) -> object:
    try:
        if isinstance(default, bool):
            if raw.lower() in {"1", "true", "yes", "on"}:
                return True
            if raw.lower() in {"0", "false", "no", "off", ""}:
                return False
            raise ValueError(raw)
        if isinstance(default, int):
            return int(raw)
        if isinstance(default, float):
            return float(raw)
        return raw
    except ValueError:
        raise ConfigError(f"invalid value {raw!r} for {name}; expected {type(default).__name__}") from None


def from_env(environ: dict[str, str] | None = None) -> Settings:
    """Build settings from the environment (no caching: tests pass their own dict)."""
    environ = os.environ if environ is None else environ
    values = {}
    for s in SETTINGS:
        if s.env in environ:
            values[s.name] = _coerce(s.env, environ[s.env], s.default)
    return Settings(**values)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return from_env()


def settings_markdown() -> str:
    """The settings table as Markdown (docs/settings.md is this text)."""
    lines = ["# Settings", "", "Command-line options win over environment variables, which win over defaults.", "",
             "| setting | environment variable | default | meaning |", "| --- | --- | --- | --- |"]
    for s in SETTINGS:
        lines.append(f"| `{s.name}` | `{s.env}` | `{s.default!r}` | {s.help} |")
    return "\n".join(lines) + "\n"


assert {f.name for f in fields(Settings)} == {s.name for s in SETTINGS}, "SETTINGS and Settings disagree"
