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


def _csv(header: tuple[str, ...], rows) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([cell(v) for v in row])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


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


def fact_csvs(facts: Facts) -> dict[str, bytes]:
    out = {}
    rows = [_dumped("csv", facts.articles[k], _article_rows) for k in sorted(facts.articles)]
    for kind, columns in CSV_COLUMNS.items():
        out[f"data/{kind}.csv"] = ("\ufeff" + ",".join(columns) + "\n" + "".join(r[kind] for r in rows)).encode("utf-8")
    lines = "".join(_dumped("entity-csv", facts.entities[k], lambda e: _csv_line([getattr(e, c) for c in ENTITY_COLUMNS]))
                    for k in sorted(facts.entities))
    out["data/entities.csv"] = ("\ufeff" + _csv_line(ENTITY_COLUMNS) + lines).encode("utf-8")
    return out


def _csv_line(values) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow([cell(v) for v in values])
    return buf.getvalue()


def events_csv(events: list[Event]) -> bytes:
    """One line per event (kept by the event's content across `mkdocs serve` rebuilds)."""
    lines = []
    fresh: dict[tuple, str] = {}
    for e in events:
        key = (e.id, e.type, e.date, tuple(e.participants), tuple((r.article, r.index) for r in e.facts))
        line = _EVENTS_CSV.get(key)
        if line is None:
            line = _csv_line([e.id, e.type, e.date, e.participants, len(e.facts),
                              [f"{r.article}#{r.index}" for r in e.facts]])
        fresh[key] = line
        lines.append(line)
    _EVENTS_CSV.clear()
    _EVENTS_CSV.update(fresh)
    return ("\ufeff" + _csv_line(EVENT_COLUMNS) + "".join(lines)).encode("utf-8")


# Each entity's and article's data, kept across `mkdocs serve` rebuilds as JSON text: the
# loader keeps the model object of an unchanged file, so an identical object means identical
# data. Events are remade at every build: theirs are kept by their content.
_DUMPED: dict[tuple[str, str], tuple[object, object]] = {}
_EVENTS_JSON: dict[tuple, str] = {}
_EVENTS_CSV: dict[tuple, str] = {}


def _dumped(kind: str, model, dump):
    key = (kind, model.id)
    cached = _DUMPED.get(key)
    if cached is not None and cached[0] is model:
        return cached[1]
    data = dump(model)
    _DUMPED[key] = (model, data)
    return data


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def facts_json(facts: Facts, events: list[Event]) -> bytes:
    """The export (same bytes as `python -m generator export` gives for these facts and events),
    joined from each item's JSON text (what json.dumps of the whole gives)."""
    entities = ",".join(_dumped("entity-json", facts.entities[k], lambda m: _json(entity_data(m)))
                        for k in sorted(facts.entities))
    articles = ",".join(_dumped("article-json", facts.articles[k], lambda m: _json(article_data(m)))
                        for k in sorted(facts.articles))
    fresh: dict[tuple, str] = {}
    for e in events:
        key = (e.id, e.type, e.date, tuple(e.participants), tuple((r.article, r.index) for r in e.facts))
        text = _EVENTS_JSON.get(key)
        fresh[key] = text if text is not None else _json(event_data(e))
    _EVENTS_JSON.clear()
    _EVENTS_JSON.update(fresh)
    return f'{{"entities":[{entities}],"articles":[{articles}],"events":[{",".join(fresh.values())}]}}'.encode("utf-8")


@functools.lru_cache(maxsize=1)
def schema_files() -> dict[str, bytes]:
    return {"data/schema/article.schema.json": schema_text(article_schema()).encode("utf-8"),
            "data/schema/entity.schema.json": schema_text(entity_schema()).encode("utf-8")}


def open_data(facts: Facts, events: list[Event]) -> dict[str, bytes]:
    out = {"data/facts.json": facts_json(facts, events), "data/events.csv": events_csv(events)}
    out.update(fact_csvs(facts))
    out.update(schema_files())  # (the same bytes objects every time)
    return out
