"""Look-up tables for the pages, built once per build from the loaded facts.

Every page is rendered from these tables, never by scanning all facts per
page: the cost of a build grows with the number of facts, not its square.
Counts on entity pages are of EVENTS (one happening reported by several
articles counts once), never of mentions.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..events import KIND_OF_TYPE, events_by_fact
from ..model import Article, Entity, Event, Fact
from ..store import Facts
from .html import esc, page_url, relative

KIND_FOLDER = {"person": "person", "country": "country", "organization": "organization", "group": "group"}
LIST_FOLDER = {"person": "persons", "country": "countries", "organization": "organizations", "group": "groups"}


def article_page(article_id: str) -> str:
    return f"article/{article_id}.md"


def entity_page(entity: Entity) -> str:
    return f"{KIND_FOLDER[entity.kind]}/{entity.id}.md"


def event_page(event_id: str) -> str:
    return f"event/{event_id}.md"


def fact_anchor(kind: str, index: int) -> str:
    """The id of a fact's block on its article page ("strikes-2" for the second strike)."""
    return f"{kind}-{index + 1}"


@dataclass(frozen=True, slots=True)
class Report:
    """One article's report of an event: the fact as that article states it."""

    article: Article
    kind: str  # "meetings", …
    index: int
    fact: Fact


def fact_actors(kind: str, fact: Fact) -> list[str]:
    """The entity ids a fact is about (not its place), in reading order."""
    if kind == "meetings":
        return list(fact.participants)
    if kind == "visits":
        return [fact.visitor, fact.destination]
    if kind == "agreements":
        return list(fact.parties)
    if kind == "strikes":
        return ([fact.attacker] if fact.attacker else []) + list(fact.targets)
    return [fact.speaker]


def sort_date(date: str | None, fallback: str | None = None) -> str:
    """A key that sorts dated things by date and puts the undated last."""
    return date or fallback or ""


@dataclass
class SiteIndex:
    entities: dict[str, Entity]
    articles: dict[str, Article]
    events: dict[str, Event]
    directory_urls: bool = True
    event_of: dict[tuple[str, str, int], str] = field(default_factory=dict)
    reports: dict[str, list[Report]] = field(default_factory=dict)
    entity_events: dict[str, list[str]] = field(default_factory=dict)  # newest first
    mentioned_in: dict[str, list[str]] = field(default_factory=dict)  # article ids, newest first
    counterparts: dict[str, Counter] = field(default_factory=dict)  # entity -> other participant -> meeting events
    event_dates: dict[str, str] = field(default_factory=dict)  # event id -> sort key
    # events with a page of their own: reported by two or more facts, or joined by an editor
    # (`event:` on a fact); a single report's event is the fact on its article page
    event_pages: set[str] = field(default_factory=set)
    _names: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, facts: Facts, events: list[Event], directory_urls: bool = True) -> "SiteIndex":
        index = cls(facts.entities, facts.articles, {e.id: e for e in events}, directory_urls)
        index.event_of = events_by_fact(events)
        articles = facts.articles
        for event in events:
            kind = KIND_OF_TYPE[event.type]
            reps = []
            for ref in event.facts:
                article = articles.get(ref.article)
                items = getattr(article, kind, []) if article else []
                if ref.index < len(items):
                    reps.append(Report(article, kind, ref.index, items[ref.index]))
            reps.sort(key=lambda r: (r.article.published or "9999", r.article.id, r.index))
            index.reports[event.id] = reps
            if len(reps) > 1 or any(getattr(r.fact, "event", None) for r in reps):
                index.event_pages.add(event.id)
            published = min((r.article.published for r in reps if r.article.published), default=None)
            index.event_dates[event.id] = sort_date(event.date, published)

        by_entity: dict[str, set[str]] = defaultdict(set)
        counterparts: dict[str, Counter] = defaultdict(Counter)
        for event in events:
            members = set(event.participants)
            for rep in index.reports[event.id]:
                place = getattr(rep.fact, "place", None)
                if place:
                    members.add(place)
            for eid in members:
                by_entity[eid].add(event.id)
            if event.type == "meeting":
                for eid in event.participants:
                    for other in event.participants:
                        if other != eid:
                            counterparts[eid][other] += 1
        dates = index.event_dates
        index.entity_events = {eid: sorted(ids, key=lambda e: (dates[e], e), reverse=True)
                               for eid, ids in by_entity.items()}
        index.counterparts = dict(counterparts)

        mentioned: dict[str, list[str]] = defaultdict(list)
        for article in sorted(articles.values(), key=lambda a: (a.published or "", a.id), reverse=True):
            for eid in dict.fromkeys(article.mentions):
                mentioned[eid].append(article.id)
        index.mentioned_in = dict(mentioned)
        return index

    # -- links ------------------------------------------------------------------
    def url(self, src_uri: str) -> str:
        return page_url(src_uri, self.directory_urls)

    def href(self, src_uri: str, here: str) -> str:
        """Relative link from the page at URL `here` to the page `src_uri`."""
        return relative(self.url(src_uri), here)

    def name(self, entity_id: str) -> str:
        """The escaped display name of an entity (its id when unknown)."""
        cached = self._names.get(entity_id)
        if cached is None:
            entity = self.entities.get(entity_id)
            cached = esc(entity.name) if entity else esc(entity_id)
            self._names[entity_id] = cached
        return cached

    def entity_link(self, entity_id: str, here: str) -> str:
        entity = self.entities.get(entity_id)
        if entity is None:
            return (f'<span class="fs-missing" title="كيان غير معروف في السجل">'
                    f"{esc(entity_id)}</span>")
        return (f'<a class="fs-entity fs-{entity.kind}" href="{self.href(entity_page(entity), here)}">'
                f"{self.name(entity_id)}</a>")

    def article_link(self, article_id: str, here: str, label: str | None = None) -> str:
        article = self.articles.get(article_id)
        if article is None:
            return f'<span class="fs-missing">{esc(article_id)}</span>'
        text = label if label is not None else article_label(article)
        return f'<a class="fs-article" href="{self.href(article_page(article_id), here)}">{text}</a>'

    def fact_href(self, report: Report, here: str) -> str:
        """Link to one fact's block on its article page."""
        return f"{self.href(article_page(report.article.id), here)}#{fact_anchor(report.kind, report.index)}"

    def event_href(self, event_id: str, here: str) -> str:
        """Link to an event: its page when it has one, else its one report on its article page."""
        if event_id in self.event_pages:
            return self.href(event_page(event_id), here)
        reports = self.reports.get(event_id)
        return self.fact_href(reports[0], here) if reports else ""

    def event_link(self, event_id: str | None, here: str, label: str) -> str:
        """A link to the event's page; empty when the event has none (a single report)."""
        if not event_id or event_id not in self.event_pages:
            return ""
        return f'<a class="fs-event" href="{self.href(event_page(event_id), here)}">{label}</a>'


def article_label(article: Article) -> str:
    """An article's escaped headline, or a neutral label when it has none."""
    return esc(article.title) if article.title else f"مقالة بلا عنوان (<bdi>{esc(article.id)}</bdi>)"
