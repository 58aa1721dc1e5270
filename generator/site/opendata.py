"""Open data files offered by the site: the JSON export, CSV per fact type, the JSON Schemas.

Pure functions: facts → {site path: bytes}. CSV is UTF-8 with a BOM (so
spreadsheet programs read Arabic), lists inside a cell are joined with " ; ",
and a cell starting with = + - @ gets a leading ' so that it is never run as
a formula.
"""
from __future__ import annotations

import csv
import functools
import io
import json
from collections.abc import Iterator

from ..export import article_data, entity_data, event_data
from ..model import Event
from ..schema import article_schema, entity_schema, schema_text
from ..store import Facts
from .html import plain

CSV_COLUMNS = {
    "meetings": ("article", "index", "date", "kind", "participants", "place", "evidence"),
    "visits": ("article", "index", "date", "visitor", "destination", "status", "evidence"),
    "agreements": ("article", "index", "date", "parties", "subject", "status", "evidence"),
    "strikes": ("article", "index", "date", "attacker", "targets", "place", "means", "evidence"),
    "statements": ("article", "index", "speaker", "text", "evidence"),
}
ENTITY_COLUMNS = ("id", "kind", "name", "aliases", "country", "description")
EVENT_COLUMNS = ("id", "type", "date", "participants", "reports", "facts")


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ; ".join(plain(v) for v in value)
    text = plain(value) if isinstance(value, str) else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def _article_rows(article) -> dict[str, list[str]]:
    """One article's CSV lines per kind of fact (cached like the JSON data)."""
    out = {}
    for kind, columns in CSV_COLUMNS.items():
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        for i, fact in enumerate(getattr(article, kind)):
            values = {"article": article.id, "index": i}
            writer.writerow([cell(values[c] if c in values else getattr(fact, c)) for c in columns])
        out[kind] = buf.getvalue()
    return out


def iter_fact_csvs(facts: Facts) -> Iterator[tuple[str, bytes]]:
    """One CSV per fact kind and the entities' CSV, one at a time."""
    rows = [_dumped("csv", facts.articles[k], _article_rows) for k in sorted(facts.articles)]
    for kind, columns in CSV_COLUMNS.items():
        yield f"data/{kind}.csv", ("\ufeff" + ",".join(columns) + "\n" + "".join(r[kind] for r in rows)).encode("utf-8")
    del rows
    lines = "".join(_dumped("entity-csv", facts.entities[k], lambda e: _csv_line([getattr(e, c) for c in ENTITY_COLUMNS]))
                    for k in sorted(facts.entities))
    yield "data/entities.csv", ("\ufeff" + _csv_line(ENTITY_COLUMNS) + lines).encode("utf-8")


def _csv_line(values) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow([cell(v) for v in values])
    return buf.getvalue()


def _event_key(e: Event) -> tuple:
    """What an event's JSON and CSV text show (they are kept by it across rebuilds)."""
    return (e.id, e.type, e.date, tuple(e.participants), tuple((r.article, r.index) for r in e.facts))


def events_csv(events: list[Event]) -> bytes:
    """One line per event (kept by the event's content across `mkdocs serve` rebuilds)."""
    lines = []
    fresh: dict[tuple, str] = {}
    for e in events:
        key = _event_key(e)
        line = _EVENTS_CSV.get(key)
        if line is None:
            line = _csv_line([e.id, e.type, e.date, e.participants, len(e.facts),
                              [f"{r.article}#{r.index}" for r in e.facts]])
        fresh[key] = line
        lines.append(line)
    _EVENTS_CSV.clear()
    if _KEEP[0]:
        _EVENTS_CSV.update(fresh)
    return ("\ufeff" + _csv_line(EVENT_COLUMNS) + "".join(lines)).encode("utf-8")


# Each entity's and article's data, kept across `mkdocs serve` rebuilds as JSON text: the
# loader keeps the model object of an unchanged file, so an identical object means identical
# data. Events are remade at every build: theirs are kept by their content.
_DUMPED: dict[tuple[str, str], tuple[object, object]] = {}
_EVENTS_JSON: dict[tuple, str] = {}
_EVENTS_CSV: dict[tuple, str] = {}


_KEEP = [True]  # False for a one-off build: nothing is kept for a next build


def _dumped(kind: str, model, dump):
    key = (kind, model.id)
    cached = _DUMPED.get(key)
    if cached is not None and cached[0] is model:
        return cached[1]
    data = dump(model)
    if _KEEP[0]:
        _DUMPED[key] = (model, data)
    return data


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class Chunks(list):
    """A download as a list of byte strings (not joined: a one-off build writes them one by one);
    `size` is the file's length."""

    @property
    def size(self) -> int:
        return sum(map(len, self))


def facts_json(facts: Facts, events: list[Event]) -> bytes:
    """The export (same bytes as `python -m generator export` gives for these facts and events),
    joined from each item's JSON text (what json.dumps of the whole gives)."""
    return b"".join(facts_json_chunks(facts, events))


def facts_json_chunks(facts: Facts, events: list[Event]) -> Chunks:
    """facts_json, encoded item by item and not joined (~75 MB at 10,000 articles)."""
    chunks = Chunks([b'{"entities":['])
    for n, k in enumerate(sorted(facts.entities)):
        if n:
            chunks.append(b",")
        chunks.append(_dumped("entity-json", facts.entities[k], lambda m: _json(entity_data(m))).encode("utf-8"))
    chunks.append(b'],"articles":[')
    for n, k in enumerate(sorted(facts.articles)):
        if n:
            chunks.append(b",")
        chunks.append(_dumped("article-json", facts.articles[k], lambda m: _json(article_data(m))).encode("utf-8"))
    chunks.append(b'],"events":[')
    fresh: dict[tuple, str] = {}
    for e in events:
        key = _event_key(e)
        if key in fresh:  # (a repeated key is written once, as the dict of the whole file did)
            continue
        text = _EVENTS_JSON.get(key)
        fresh[key] = text = text if text is not None else _json(event_data(e))
        if len(fresh) > 1:
            chunks.append(b",")
        chunks.append(text.encode("utf-8"))
    chunks.append(b"]}")
    _EVENTS_JSON.clear()
    if _KEEP[0]:
        _EVENTS_JSON.update(fresh)
    del fresh
    return chunks


def forget() -> None:
    """Drop the kept JSON and CSV text (a one-off `mkdocs build` needs none once the files are made)."""
    _DUMPED.clear()
    _EVENTS_JSON.clear()
    _EVENTS_CSV.clear()


@functools.lru_cache(maxsize=1)
def schema_files() -> dict[str, bytes]:
    return {"data/schema/article.schema.json": schema_text(article_schema()).encode("utf-8"),
            "data/schema/entity.schema.json": schema_text(entity_schema()).encode("utf-8")}


def open_data(facts: Facts, events: list[Event], keep: bool = True) -> Iterator[tuple[str, bytes | Chunks]]:
    """(path, bytes) of each download, one at a time. keep=False (a one-off build): no text kept
    for the next build, and facts.json comes as Chunks."""
    _KEEP[0] = keep
    try:
        yield "data/facts.json", facts_json(facts, events) if keep else facts_json_chunks(facts, events)
        yield "data/events.csv", events_csv(events)
        yield from iter_fact_csvs(facts)
        yield from schema_files().items()  # (the same bytes objects every time)
    finally:
        _KEEP[0] = True
