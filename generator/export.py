"""The JSON export of FACTS-MODEL.md: `{"entities": […], "articles": […], "events": […]}`.

Exactly the contract's fields, in its order; unknown values are null, never
missing keys; dates are strings. The editor-only `event` field of a fact is
not part of the contract and is left out (its effect is in `events`).
Entities and articles are sorted by id, events by id: the same facts give
the same bytes whatever order the files were read in.
"""
from __future__ import annotations

from pathlib import Path

from .events import cluster_events
from .model import Article, Entity, Event, Export
from .store import Facts, FactsStore

# The contract's field names, in its order (FACTS-MODEL.md).
ENTITY_FIELDS = ("id", "kind", "name", "aliases", "country", "roles", "description")
ROLE_FIELDS = ("title", "country", "article")
ARTICLE_FIELDS = ("id", "source", "title", "outlet", "published", "reviewed", "mentions",
                  "meetings", "visits", "agreements", "strikes", "statements")
FACT_FIELDS = {
    "meetings": ("participants", "kind", "place", "date", "evidence"),
    "visits": ("visitor", "destination", "status", "date", "evidence"),
    "agreements": ("parties", "subject", "status", "date", "evidence"),
    "strikes": ("attacker", "targets", "place", "means", "date", "evidence"),
    "statements": ("speaker", "text", "evidence"),
}
EVENT_FIELDS = ("id", "type", "participants", "date", "facts")
FACT_REF_FIELDS = ("article", "index")


def export_model(facts: Facts) -> Export:
    """The facts as one Export record: entities and articles by id, and their events."""
    return Export(
        entities=[facts.entities[k] for k in sorted(facts.entities)],
        articles=[facts.articles[k] for k in sorted(facts.articles)],
        events=cluster_events(facts),
    )


def export_facts(facts_dir: Path) -> dict:
    """Load a facts folder and return the export as plain JSON data.

    Raises errors.FactsError with every problem (path:line:col) when a file
    does not parse or validate.
    """
    facts = FactsStore(facts_dir).load()
    facts.raise_for_problems()
    return export_data(export_model(facts))


def export_data(export: Export) -> dict:
    """An Export as the contract's JSON data."""
    return {
        "entities": [entity_data(e) for e in export.entities],
        "articles": [article_data(a) for a in export.articles],
        "events": [event_data(e) for e in export.events],
    }


def _pick(data: dict, fields: tuple[str, ...]) -> dict:
    return {f: data[f] for f in fields}


def entity_data(entity: Entity) -> dict:
    data = _pick(entity.model_dump(mode="json"), ENTITY_FIELDS)
    data["roles"] = [_pick(r, ROLE_FIELDS) for r in data["roles"]]
    return data


def article_data(article: Article) -> dict:
    data = _pick(article.model_dump(mode="json"), ARTICLE_FIELDS)
    for kind, fields in FACT_FIELDS.items():
        data[kind] = [_pick(f, fields) for f in data[kind]]
    return data


def event_data(event: Event) -> dict:
    data = _pick(event.model_dump(mode="json"), EVENT_FIELDS)
    data["facts"] = [_pick(r, FACT_REF_FIELDS) for r in data["facts"]]
    return data
