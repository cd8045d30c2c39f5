"""Versioned schema migrations. The version lives in ``dyad_meta`` under ``schema_version``.

Each migration is a function of a connection, applied in order inside one transaction;
append new ones, never edit old ones.
"""

from __future__ import annotations

from typing import Callable

from sqlalchemy import inspect, select, text
from sqlalchemy.engine import Connection, Engine

from dyad.errors import SchemaVersionError
from dyad.store import dialect, rollup, schema


def _v1_initial(conn: Connection) -> None:
    schema.metadata.create_all(conn)
    dialect.create_fulltext(conn)


# Columns added in v2. v1 runs ``create_all`` with the current schema, so a fresh database has them
# already; a database written by an older v1 does not.
_V2_COLUMNS = (
    ("events", "cameo_code", "VARCHAR(8)"),
    ("statements", "modality", "VARCHAR(16) NOT NULL DEFAULT 'asserted'"),
)


def _v2_rollups(conn: Connection) -> None:
    """New event/statement columns and the event rollups, backfilled from the stored events."""
    for table, column, ddl in _V2_COLUMNS:
        if column not in {c["name"] for c in inspect(conn).get_columns(table)}:
            conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {column} {ddl}"))
    schema.metadata.create_all(conn, tables=list(schema.ROLLUP_TABLES))
    schema.ix_events_item.create(conn, checkfirst=True)
    rollup.rebuild(conn)


# Columns added in v3: where the quote's attribution cue stands in the document text. Stores
# written before v3 keep NULL there; the quote stage sets them from v3 on.
_V3_COLUMNS = (
    ("quotes", "cue_start", "INTEGER"),
    ("quotes", "cue_end", "INTEGER"),
)


def _v3_quote_cues(conn: Connection) -> None:
    """Character offsets of each quote's cue, nullable (older quotes have none)."""
    present = {c["name"] for c in inspect(conn).get_columns("quotes")}
    for table, column, ddl in _V3_COLUMNS:
        if column not in present:
            conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {column} {ddl}"))


def _v4_speaker_kinds(conn: Connection) -> None:
    """What kind of speaker each quote has, nullable: quotes stored before v4 have none until
    ``dyad reanalyse`` (views show them as before)."""
    if "speaker_kind" not in {c["name"] for c in inspect(conn).get_columns("quotes")}:
        conn.execute(text("ALTER TABLE quotes ADD COLUMN speaker_kind VARCHAR(8)"))


MIGRATIONS: tuple[Callable[[Connection], None], ...] = (_v1_initial, _v2_rollups, _v3_quote_cues, _v4_speaker_kinds)
SCHEMA_VERSION = len(MIGRATIONS)


def current_version(conn: Connection) -> int:
    if not inspect(conn).has_table("dyad_meta"):
        return 0
    row = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == "schema_version")).first()
    return int(row[0]) if row else 0


def migrate(engine: Engine, target: str) -> int:
    """Bring the database to SCHEMA_VERSION; returns the version found before."""
    with engine.begin() as conn:
        found = current_version(conn)
        if found > SCHEMA_VERSION:
            raise SchemaVersionError(f"written by a newer Dyad (schema {found} > {SCHEMA_VERSION}); upgrade Dyad",
                                     subject=target)
        for number in range(found, SCHEMA_VERSION):
            MIGRATIONS[number](conn)
        if found != SCHEMA_VERSION:
            _set(conn, "schema_version", str(SCHEMA_VERSION))
    return found


def _set(conn: Connection, key: str, value: str) -> None:
    table = schema.meta
    if conn.execute(select(table.c.key).where(table.c.key == key)).first():
        conn.execute(table.update().where(table.c.key == key).values(value=value))
    else:
        conn.execute(table.insert().values(key=key, value=value))
