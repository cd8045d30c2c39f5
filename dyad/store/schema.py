"""The store's tables, in SQLAlchemy Core so SQLite and PostgreSQL share one schema.

Dates are ISO 8601 strings (they sort correctly as text and read plainly in ``sqlite3``);
JSON-ish fields are JSON text. Every row that says something about the world carries its
evidence: ``document_id``, ``sentence`` (index in the document), ``start``/``end``
(character offsets into ``documents.text``).
"""

from __future__ import annotations

from sqlalchemy import (Boolean, Column, Float, ForeignKey, Index, Integer, LargeBinary, MetaData, PrimaryKeyConstraint,
                        String, Table, Text)

metadata = MetaData()

meta = Table(
    "dyad_meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("id", String(32), primary_key=True),
    Column("title", Text),
    Column("outlet", Text),
    Column("author", Text),
    Column("url", Text),
    Column("published_at", String(40)),
    Column("date_precision", String(10)),
    Column("retrieved_at", String(40)),
    Column("language", String(16)),
    Column("shared_comment", Text),
    Column("republished_from", Text),
    Column("page_id", String(32)),
    Column("duplicate_of", String(32)),
    Column("source", Text, nullable=False),
    Column("meta", Text),  # JSON object
    Column("minhash", LargeBinary),  # uint64 hash values of the document's MinHash
    Column("analysed_at", String(40)),
    Column("text", Text, nullable=False),
    Index("ix_documents_published", "published_at"),
    Index("ix_documents_page", "page_id"),
)

sentences = Table(
    "sentences", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("embedding", LargeBinary),  # float32 little-endian, L2-normalised
    Index("ix_sentences_doc", "document_id", "idx", unique=True),
)

actors = Table(
    "actors", metadata,
    Column("id", String(120), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(32)),
    Column("country", String(8)),
    Column("sector", String(8)),
    Column("aliases", Text),  # JSON list
    Column("origin", String(16), nullable=False, default="registry"),  # registry | user | text
)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("label", String(24)),
    Column("actor_id", String(120)),
    Column("actor_name", Text),
    Column("country", String(8)),
    Column("sector", String(8)),
    Column("via", String(24)),
    Index("ix_mentions_doc", "document_id"),
    Index("ix_mentions_actor", "actor_id"),
)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(64), nullable=False),  # hash of category, negation, modality class, actors
    Column("category", String(16), nullable=False),
    Column("mode", String(40)),
    Column("context", Text),  # comma-separated PLOVER contexts
    Column("cameo_root", String(4)),
    Column("cameo_code", String(8)),  # full CAMEO code when the cue was specific (schema v2)
    Column("quad", String(24)),
    Column("score", Float),
    Column("negated", Boolean, nullable=False, default=False),
    Column("modality", String(16), nullable=False, default="asserted"),
    Column("date", String(40)),
    Column("date_precision", String(10)),
    Column("location", Text),
    Column("item", Text),
    Column("confidence", Float),
    Column("n_reports", Integer, nullable=False, default=0),
    Index("ix_events_key", "key"),
    Index("ix_events_date", "date"),
    Index("ix_events_category", "category"),
)
# Events with an item (supplies, agreements) are few: relation views read them through this partial index.
ix_events_item = Index("ix_events_item", events.c.category, events.c.date, sqlite_where=events.c.item.is_not(None),
                       postgresql_where=events.c.item.is_not(None))

event_actors = Table(
    "event_actors", metadata,
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("role", String(8), nullable=False),  # source | target
    Column("actor_id", String(120)),
    Column("name", Text, nullable=False),
    Column("country", String(8)),
    Column("sector", String(8)),
    Index("ix_event_actors_event", "event_id"),
    Index("ix_event_actors_actor", "actor_id", "role", "event_id"),  # covering: actor → its events
    Index("ix_event_actors_country", "country", "role", "event_id"),
)

event_reports = Table(
    "event_reports", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("document_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("trigger", Text),
    Column("attributed_to", Text),
    Column("confidence", Float),
    Index("ix_event_reports_event", "event_id"),
    Index("ix_event_reports_doc", "document_id"),
)

quotes = Table(
    "quotes", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", String(10), nullable=False),
    Column("speaker_id", String(120)),
    Column("speaker_name", Text),
    Column("speaker_country", String(8)),
    Column("speaker_sector", String(8)),
    Column("speaker_start", Integer),
    Column("speaker_end", Integer),
    Column("speaker_role", Text),
    Column("cue", Text),
    Column("venue", Text),
    Column("cue_start", Integer),  # the attribution cue ("said", "according to") in the document text (schema v3)
    Column("cue_end", Integer),
    # actor / person / group / source / other (dyad.nlp.quote_kinds; schema v4); NULL: written before v4
    Column("speaker_kind", String(8)),
    Index("ix_quotes_doc", "document_id"),
    Index("ix_quotes_speaker", "speaker_id"),
    Index("ix_quotes_speaker_country", "speaker_country"),
)

statements = Table(
    "statements", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("source_id", String(120)),
    Column("source_name", Text, nullable=False),
    Column("source_country", String(8)),
    Column("target_id", String(120)),
    Column("target_name", Text),
    Column("target_country", String(8)),
    Column("negated", Boolean, nullable=False, default=False),
    Column("item", Text),
    Column("amount", Text),
    Column("date", String(40)),
    Column("date_precision", String(10)),
    Column("attributed_to", Text),
    Column("modality", String(16), nullable=False, default="asserted", server_default="asserted"),  # schema v2
    Index("ix_statements_doc", "document_id"),
    Index("ix_statements_kind", "kind"),
)

# --------------------------------------------------------------------------- rollups (schema v2)
# Kept by dyad.store.rollup in the transaction that creates or deletes an event, so the views read
# counts per actor and per pair without scanning the events. Actor keys: "a:<actor id>" and
# "c:<country>" (an actor whose id is a country code also carries "c:<id>"): one key answers one
# actor argument of the query layer exactly. Dates are "" when unknown so that they sort last
# in a descending index scan on SQLite and PostgreSQL alike.

event_keys = Table(
    "event_keys", metadata,
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("key", String(130), nullable=False),
    Column("role", String(8), nullable=False),  # source | target | any (once per event and key)
    Column("date", String(40), nullable=False),
    Index("ix_event_keys_key", "key", "role", "date", "event_id"),
    Index("ix_event_keys_event", "event_id"),
)

event_pairs = Table(
    "event_pairs", metadata,
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("source_key", String(130), nullable=False),
    Column("target_key", String(130), nullable=False),
    Column("happened", Boolean, nullable=False),
    Column("month", String(10), nullable=False),
    Column("date", String(40), nullable=False),
    Index("ix_event_pairs_pair", "source_key", "target_key", "happened", "month", "date", "event_id"),
    Index("ix_event_pairs_event", "event_id"),
)

dyad_rollup = Table(
    "dyad_rollup", metadata,
    Column("source_key", String(130), nullable=False),
    Column("target_key", String(130), nullable=False),
    Column("month", String(10), nullable=False),
    Column("quad", String(24), nullable=False),  # "" when the category has no quad class
    Column("happened", Boolean, nullable=False),
    Column("n", Integer, nullable=False),  # events (not reports)
    Column("n_both", Integer, nullable=False),  # of which the reverse pair holds too (counted once per dyad)
    Column("score", Float, nullable=False),  # sum of the events' PLOVER scores
    PrimaryKeyConstraint("source_key", "target_key", "month", "quad", "happened", name="pk_dyad_rollup"),
)

actor_rollup = Table(
    "actor_rollup", metadata,
    Column("key", String(130), primary_key=True),
    Column("n", Integer, nullable=False),  # events the key takes part in, either side
)

ROLLUP_TABLES = (event_keys, event_pairs, dyad_rollup, actor_rollup)

ANALYSIS_TABLES = (event_reports, quotes, statements, mentions, sentences)
