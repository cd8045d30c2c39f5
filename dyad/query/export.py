"""Event tables for other tools: a PLOVER/POLECAT-like table and a CAMEO/GDELT-like one.

``plover``: one row per event; several actors on a side are joined with ";" as POLECAT does;
negation and modality are columns. ``cameo``: one row per (source, target) actor pair, the
shape GDELT users expect (Actor1Code ... QuadClass, GoldsteinScale, SOURCEURL); GDELT has no
negation column, so only events told as having happened are exported in that style.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Iterator

from dyad.errors import InputError
from dyad.query.events import EventFilter, NOT_HAPPENED, QUADS, _ordered_ids, chunks, hydrate
from dyad.query.records import ActorRefPublic, EventPublic

FORMATS = ("csv", "parquet")
STYLES = ("plover", "cameo")

PLOVER_COLUMNS = (
    ("event_id", "int"), ("event_date", "str"), ("date_precision", "str"), ("event_type", "str"),
    ("mode", "str"), ("contexts", "str"), ("quad_class", "str"), ("score", "float"), ("negated", "bool"),
    ("modality", "str"), ("source_actor", "str"), ("source_actor_id", "str"), ("source_country", "str"),
    ("source_sector", "str"), ("target_actor", "str"), ("target_actor_id", "str"), ("target_country", "str"),
    ("target_sector", "str"), ("location", "str"), ("item", "str"), ("attributed_to", "str"),
    ("confidence", "float"), ("num_reports", "int"), ("cameo_root", "str"), ("cameo_code", "str"),
    ("document_id", "str"),
    ("title", "str"), ("outlet", "str"), ("published_at", "str"), ("url", "str"), ("sentence", "str"),
    ("sentence_index", "int"), ("start", "int"), ("end", "int"), ("document_ids", "str"),
)
CAMEO_COLUMNS = (
    ("GLOBALEVENTID", "int"), ("SQLDATE", "int"), ("MonthYear", "int"), ("Year", "int"), ("DatePrecision", "str"),
    ("Actor1Code", "str"), ("Actor1Name", "str"), ("Actor1CountryCode", "str"), ("Actor1Type1Code", "str"),
    ("Actor1DyadId", "str"), ("Actor2Code", "str"), ("Actor2Name", "str"), ("Actor2CountryCode", "str"),
    ("Actor2Type1Code", "str"), ("Actor2DyadId", "str"), ("IsRootEvent", "int"), ("EventCode", "str"),
    ("EventBaseCode", "str"), ("EventRootCode", "str"), ("PloverCategory", "str"), ("QuadClass", "int"),
    ("GoldsteinScale", "float"), ("NumMentions", "int"), ("NumSources", "int"), ("NumArticles", "int"),
    ("ActionGeo_FullName", "str"), ("DATEADDED", "str"), ("SOURCEURL", "str"),
)
# GDELT's QuadClass numbers: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
QUAD_CLASS = {quad: number for number, quad in enumerate(QUADS, start=1)}


def export_events(store, filt: EventFilter | None, fmt: str, style: str, path: str | Path) -> int:
    """Write the matching events (oldest first) to ``path``; returns the number of rows written."""
    fmt, style = (fmt or "").lower(), (style or "").lower()
    if fmt not in FORMATS:
        raise InputError(f"unknown export format; use one of {', '.join(FORMATS)}", subject=fmt)
    if style not in STYLES:
        raise InputError(f"unknown export style; use one of {', '.join(STYLES)}", subject=style)
    columns = PLOVER_COLUMNS if style == "plover" else CAMEO_COLUMNS
    rows = list(_rows(store, filt, style))
    try:
        if fmt == "csv":
            _write_csv(rows, columns, Path(path))
        else:
            _write_parquet(rows, columns, Path(path))
    except OSError as exc:
        raise InputError(f"cannot write the export file: {exc.strerror or exc}", subject=str(path)) from exc
    return len(rows)


def _rows(store, filt: EventFilter | None, style: str) -> Iterator[dict]:
    with store.engine.connect() as conn:
        ids = list(reversed(_ordered_ids(conn, filt, None, 0)))
        for chunk in chunks(ids):
            for event in hydrate(conn, list(chunk)):
                if style == "plover":
                    yield plover_row(event)
                elif not event.negated and event.modality not in NOT_HAPPENED:
                    yield from cameo_rows(event)


def _joined(actors: list[ActorRefPublic], attr: str) -> str | None:
    values = [getattr(a, attr) or "" for a in actors]
    return ";".join(values) if any(values) else None


def plover_row(event: EventPublic) -> dict:
    first = event.evidence[0] if event.evidence else None
    row = {
        "event_id": event.id, "event_date": event.date, "date_precision": event.date_precision,
        "event_type": event.category, "mode": event.mode, "contexts": ";".join(event.context) or None,
        "quad_class": event.quad, "score": event.score, "negated": event.negated, "modality": event.modality,
        "location": event.location, "item": event.item, "attributed_to": event.attributed_to,
        "confidence": event.confidence, "num_reports": event.reports, "cameo_root": event.cameo_root,
        "cameo_code": event.cameo_code,
        "document_ids": ";".join(dict.fromkeys(e.document_id for e in event.evidence)) or None,
    }
    for side, actors in (("source", event.source), ("target", event.target)):
        row.update({f"{side}_actor": _joined(actors, "name"), f"{side}_actor_id": _joined(actors, "id"),
                    f"{side}_country": _joined(actors, "country"), f"{side}_sector": _joined(actors, "sector")})
    row.update({"document_id": first.document_id if first else None, "title": first.title if first else None,
                "outlet": first.outlet if first else None, "published_at": first.published_at if first else None,
                "url": first.url if first else None, "sentence": first.sentence if first else None,
                "sentence_index": first.sentence_index if first else None, "start": first.start if first else None,
                "end": first.end if first else None})
    return row


def _digits(date: str | None, n: int) -> int | None:
    # "2024-03" at month precision becomes 20240301 in SQLDATE (GDELT has no partial dates; see DatePrecision).
    if not date or len(date) < 4:
        return None
    parts = (date[:10].split("-") + ["01", "01"])[:3]
    return int("".join(parts)[:n])


def _actor_code(actor: ActorRefPublic) -> str | None:
    code = (actor.country or "") + (actor.sector or "")
    return code or None


def _event_codes(event: EventPublic) -> dict:
    """GDELT's three code columns: the full CAMEO code when the coder found one ("0311"), its
    three-digit base ("031") and its root ("03"); the root alone otherwise."""
    code = event.cameo_code or event.cameo_root
    root = event.cameo_root or (code[:2] if code else None)
    return {"EventCode": code, "EventBaseCode": code[:3] if code and len(code) > 3 else code, "EventRootCode": root}


def cameo_rows(event: EventPublic) -> Iterator[dict]:
    first = event.evidence[0] if event.evidence else None
    common = {
        "GLOBALEVENTID": event.id, "SQLDATE": _digits(event.date, 8), "MonthYear": _digits(event.date, 6),
        "Year": _digits(event.date, 4), "DatePrecision": event.date_precision, "IsRootEvent": 1,
        **_event_codes(event),
        "PloverCategory": event.category, "QuadClass": QUAD_CLASS.get(event.quad or ""),
        "GoldsteinScale": event.score, "NumMentions": event.reports,
        "NumSources": len({e.outlet for e in event.evidence if e.outlet}),
        "NumArticles": len({e.document_id for e in event.evidence}), "ActionGeo_FullName": event.location,
        "DATEADDED": first.published_at if first else None,
        "SOURCEURL": (first.url or first.document_id) if first else None,
    }
    for source in event.source or [None]:
        for target in event.target or [None]:
            row = dict(common)
            for n, actor in ((1, source), (2, target)):
                row.update({f"Actor{n}Code": _actor_code(actor) if actor else None,
                            f"Actor{n}Name": actor.name if actor else None,
                            f"Actor{n}CountryCode": actor.country if actor else None,
                            f"Actor{n}Type1Code": actor.sector if actor else None,
                            f"Actor{n}DyadId": actor.id if actor else None})
            yield row


def _write_csv(rows: list[dict], columns, path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=[name for name, _ in columns])
        writer.writeheader()
        writer.writerows(rows)


def _write_parquet(rows: list[dict], columns, path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "str": pa.string()}
    schema = pa.schema([(name, types[kind]) for name, kind in columns])
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)
