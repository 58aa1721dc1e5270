"""Rendered pages kept across `mkdocs serve` rebuilds, keyed by exactly what each page shows.

A page's key is a tuple of the model objects (and derived values) its
renderer reads: an article page, its article, lead sentence, the entities it
links and the events of its facts; an entity page, the entity, its
country, the articles of its roles, its counterparts and, per event in its
chronology chunk, the event's ids, dates, report articles and the entities
its first report names; an event page, every report's article and every
entity they name. `loading.load_facts` gives the very same object for a
file that did not change, so an unchanged key compares by identity (fast)
and a changed file compares by value (a resaved but identical file still
hits). When the key is equal the page's Markdown is the one rendered last
time: an edit to one article re-renders only the pages that show it.

`tests/test_site_scale.py` checks, over a series of edits, that the pages
given from the cache are the pages a fresh render gives.
"""
from __future__ import annotations

from collections.abc import Callable

from ..model import FACT_KINDS, Article, Entity
from .index import SiteIndex, fact_actors

PLACE = "place"
CHRONOLOGY_KEYS = "_chronology_keys"  # SiteIndex attribute: (event id, sources) -> key


class PageCache:
    """path → (key, Markdown) of the previous build; `render` re-renders only on a changed key."""

    def __init__(self, keep: bool = True) -> None:
        self.keep = keep  # False: render every page and keep none (a one-off build)
        self._last: dict[str, tuple[tuple, str]] = {}
        self._next: dict[str, tuple[tuple, str]] = {}
        self.hits = self.misses = 0
        self.reused = self.rendered = 0  # counts of the last finished build
        self.rendered_paths: list[str] = []  # and what it rendered
        self._rendering: list[str] = []

    def page(self, path: str, key: tuple | Callable[[], tuple], render: Callable[[], str]) -> str:
        """The page's Markdown: the last one if its key (or what `key()` gives; not called when
        nothing is kept) is unchanged, else `render()`."""
        if not self.keep:
            self.misses += 1
            return render()
        if callable(key):
            key = key()
        last = self._last.get(path)
        if last is not None and last[0] == key:
            self.hits += 1
            self._next[path] = last
            return last[1]
        self.misses += 1
        self._rendering.append(path)
        markdown = render()
        self._next[path] = (key, markdown)
        return markdown

    def finish(self) -> None:
        """End of a build: keep only this build's pages for the next one."""
        self._last, self._next = self._next, {}
        self.reused, self.rendered = self.hits, self.misses
        self.rendered_paths, self._rendering = self._rendering, []
        self.hits = self.misses = 0


def _fact_ids(kind: str, fact) -> list[str]:
    ids = fact_actors(kind, fact)
    place = fact.__dict__.get(PLACE)  # (a pydantic model's fields; getattr of a missing one is slow)
    return ids + [place] if place else ids


def _entities(ix: SiteIndex, ids) -> tuple:
    get = ix.entities.get
    return tuple(get(i) for i in ids)


def _event_head(ix: SiteIndex, event_id: str) -> tuple:
    event = ix.events[event_id]
    reports = ix.reports.get(event_id) or ()
    return (event_id, event.type, event.date, tuple(event.participants), ix.event_dates.get(event_id),
            event_id in ix.event_pages, len(reports))


def article_key(article: Article, ix: SiteIndex, lead: str | None) -> tuple:
    ids = list(article.mentions)
    events = []
    for kind in FACT_KINDS:
        for i, fact in enumerate(getattr(article, kind)):
            ids += _fact_ids(kind, fact)
            event_id = ix.event_of.get((article.id, kind, i))
            events.append((event_id, event_id in ix.event_pages, len(ix.reports.get(event_id, ()))))
    return (ix.directory_urls, article, lead, _entities(ix, ids), tuple(events))


def chronology_event_key(ix: SiteIndex, event_id: str, sources: int) -> tuple:
    """What one chronology entry shows: the event, its first `sources` reports, and the entities
    its first report names (the entry describes that report)."""
    memo = ix.__dict__.setdefault(CHRONOLOGY_KEYS, {})  # an event is in several chronologies
    key = memo.get((event_id, sources))
    if key is None:
        reports = ix.reports.get(event_id) or ()
        first = reports[0] if reports else None
        named = _entities(ix, _fact_ids(first.kind, first.fact)) if first else ()
        key = (_event_head(ix, event_id), tuple((r.article, r.kind, r.index) for r in reports[:sources]), named)
        memo[(event_id, sources)] = key
    return key


def timeline_event_key(ix: SiteIndex, event_id: str) -> tuple:
    """What a timeline row shows: the event, its first report and the entities its title names."""
    return chronology_event_key(ix, event_id, 1) + (_entities(ix, ix.events[event_id].participants),)


def entity_key(entity: Entity, ix: SiteIndex, number: int, chunk: list[str], pages: int, sources: int,
               top_counterparts: int, mentions_shown: int) -> tuple:
    """Page `number` of an entity (1: the entity page itself, with roles, counterparts, mentions)."""
    events = ix.entity_events.get(entity.id, ())
    key = (ix.directory_urls, entity, number, pages, len(events),
           tuple(chronology_event_key(ix, e, sources) for e in chunk))
    if number > 1:
        return key
    get_article = ix.articles.get
    roles = tuple((get_article(r.article) if r.article else None, ix.entities.get(r.country) if r.country else None)
                  for r in entity.roles)
    counts = ix.counterparts.get(entity.id) or {}
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top_counterparts]
    mentioned = ix.mentioned_in.get(entity.id, ())
    return key + (ix.entities.get(entity.country) if entity.country else None, roles, len(counts),
                  tuple((ix.entities.get(other), n) for other, n in top), len(mentioned),
                  tuple(get_article(a) for a in mentioned[:mentions_shown]))


def event_key(event_id: str, ix: SiteIndex) -> tuple:
    reports = ix.reports.get(event_id) or ()
    ids = list(ix.events[event_id].participants)
    for r in reports:
        ids += _fact_ids(r.kind, r.fact)
    return (ix.directory_urls, _event_head(ix, event_id), tuple((r.article, r.kind, r.index) for r in reports),
            _entities(ix, ids))
