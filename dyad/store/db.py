"""The store: one SQLite file by default, PostgreSQL by URL; the same schema on both.

``Store.add_document`` writes a document and all its analysis rows in one transaction:
a crash, kill or Ctrl-C leaves either the whole document or nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import create_engine, exists, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from dyad.errors import NotFound, StoreError
from dyad.models import ActorRecord, Analysis, Document
from dyad.store import dialect, migrations, writer
from dyad.store import schema as t


@dataclass(frozen=True)
class StoredDocument(Document):
    duplicate_of: str | None = None
    analysed_at: str | None = None


@dataclass(frozen=True)
class StoreSummary:
    documents: int
    duplicates: int
    outlets: dict[str, int]
    first_date: str | None
    last_date: str | None
    sentences: int
    events: int
    quotes: int
    statements: int


def database_url(target: str) -> str:
    """A path becomes a SQLite URL; URLs pass through."""
    if "://" in target:
        return target
    return f"sqlite:///{Path(target).expanduser()}"


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


_DOC_FIELDS = [f.name for f in fields(Document) if f.name != "meta"]


class Store:
    def __init__(self, target: str):
        self.target = target
        try:
            self.engine: Engine = create_engine(database_url(target))
            dialect.configure(self.engine)
            migrations.migrate(self.engine, target)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot open the store: {exc.__class__.__name__}: {str(exc).splitlines()[0]}",
                             subject=target) from exc

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ writes

    def add_document(self, doc: Document, analysis: Analysis | None = None, *, minhash: bytes | None = None,
                     duplicate_of: str | None = None, quad_score=None) -> None:
        """Write the document and its analysis in one transaction."""
        row = {name: getattr(doc, name) for name in _DOC_FIELDS}
        row.update(meta=json.dumps(doc.meta, ensure_ascii=False, default=str) if doc.meta else None,
                   minhash=minhash, duplicate_of=duplicate_of,
                   analysed_at=now_iso() if analysis is not None else None)
        with self._begin() as conn:
            conn.execute(t.documents.insert().values(**row))
            if analysis is not None:
                writer.write_analysis(conn, doc, analysis, quad_score)

    def replace_analysis(self, document_id: str, analysis: Analysis, quad_score=None) -> None:
        doc = self.document(document_id)
        with self._begin() as conn:
            writer.remove_analysis(conn, document_id)
            writer.write_analysis(conn, doc, analysis, quad_score)
            conn.execute(t.documents.update().where(t.documents.c.id == document_id).values(analysed_at=now_iso()))

    def sync_actors(self, records: list[ActorRecord], fingerprint: str) -> bool:
        """Mirror the registry into the actors table when it changed; True if it wrote."""
        with self._begin() as conn:
            found = conn.execute(select(t.meta.c.value).where(t.meta.c.key == "registry_fingerprint")).first()
            if found and found[0] == fingerprint:
                return False
            conn.execute(t.actors.delete().where(t.actors.c.origin != "text"))
            if records:
                conn.execute(t.actors.insert(), [_actor_row(r) for r in records])
            migrations._set(conn, "registry_fingerprint", fingerprint)
        return True

    def _begin(self):
        try:
            return self.engine.begin()
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot write: {str(exc).splitlines()[0]}", subject=self.target) from exc

    # ------------------------------------------------------------------ reads

    def has_document(self, document_id: str) -> bool:
        with self.engine.connect() as conn:
            return bool(conn.execute(select(exists().where(t.documents.c.id == document_id))).scalar())

    def minhashes(self) -> list[tuple[str, bytes]]:
        """Signatures of documents that are not themselves duplicates (the LSH index is rebuilt from these)."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.documents.c.id, t.documents.c.minhash)
                                .where(t.documents.c.minhash.is_not(None), t.documents.c.duplicate_of.is_(None)))
            return [(r[0], r[1]) for r in rows]

    def documents(self, limit: int | None = None, offset: int = 0, with_text: bool = False) -> list[StoredDocument]:
        cols = [c for c in t.documents.c if c.name not in {"minhash"} and (with_text or c.name != "text")]
        query = select(*cols).order_by(t.documents.c.published_at.desc().nulls_last(), t.documents.c.id)
        if limit is not None:
            query = query.limit(limit).offset(offset)
        with self.engine.connect() as conn:
            return [_stored(r._mapping) for r in conn.execute(query)]

    def document(self, document_id: str) -> StoredDocument:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.documents).where(
                (t.documents.c.id == document_id) | (t.documents.c.id.startswith(document_id)))).first()
        if row is None:
            raise NotFound("no such document; `dyad documents` lists them", subject=document_id)
        return _stored(row._mapping)

    def document_ids(self) -> list[str]:
        with self.engine.connect() as conn:
            return [r[0] for r in conn.execute(select(t.documents.c.id).order_by(t.documents.c.id))]

    def search_sentences(self, query: str, limit: int = 20) -> list[tuple[int, float]]:
        with self.engine.connect() as conn:
            return dialect.search_sentences(conn, query, limit)

    def summary(self) -> StoreSummary:
        d = t.documents
        with self.engine.connect() as conn:
            count = lambda table, *where: conn.execute(select(func.count()).select_from(table).where(*where)).scalar()
            outlets = dict(conn.execute(select(func.coalesce(d.c.outlet, "(unknown)"), func.count())
                                        .where(d.c.duplicate_of.is_(None)).group_by(d.c.outlet)
                                        .order_by(func.count().desc())).all())
            first, last = conn.execute(select(func.min(d.c.published_at), func.max(d.c.published_at))).one()
            return StoreSummary(documents=count(d), duplicates=count(d, d.c.duplicate_of.is_not(None)),
                                outlets=outlets, first_date=first, last_date=last, sentences=count(t.sentences),
                                events=count(t.events), quotes=count(t.quotes), statements=count(t.statements))


def _actor_row(r: ActorRecord) -> dict:
    return {"id": r.id, "name": r.name, "kind": r.kind, "country": r.country, "sector": r.sector,
            "aliases": json.dumps(list(r.aliases), ensure_ascii=False), "origin": r.origin}


def _stored(m) -> StoredDocument:
    values = {k: m[k] for k in m.keys() if k not in {"minhash", "meta"}}
    values.setdefault("text", "")
    values["meta"] = json.loads(m["meta"]) if m.get("meta") else {}
    return StoredDocument(**values)


def open_store(target: str) -> Store:
    return Store(target)
