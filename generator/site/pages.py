"""Every generated page and file of the site, from the loaded facts: pure → {path: text or bytes}.

`site_pages` returns Markdown pages (`*.md`) and downloadable files (bytes);
the plugin turns them into MkDocs files. Which pages are in the navigation is
decided by mkdocs.yml; everything else here is "not in nav".
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ..model import Event
from ..store import Facts
from .index import LIST_FOLDER, SiteIndex, article_page, entity_page, event_page
from .network import TOP_NODES, country_graph, network_svg, timeline_svg
from .opendata import Chunks, open_data
from .render_article import render_article
from .page_cache import PageCache, article_key, entity_key, event_key
from .render_entity import (CHRONO_PAGE, MENTION_LIMIT, SOURCES_SHOWN, TOP_COUNTERPARTS, chrono_page_path,
                            chrono_pages, render_chrono_page, render_entity)
from .render_event import render_event
from .render_lists import render_article_lists, render_data_page, render_entity_lists, render_timeline

# pages named in mkdocs.yml's nav (the rest are generated "not in nav")
NAV_PAGES = ("articles/index.md", "persons/index.md", "countries/index.md", "organizations/index.md",
             "groups/index.md", "timeline/index.md", "network.md", "data.md")


def network_key(ix: SiteIndex) -> tuple:
    """What the network pictures show: the meeting events' participants and their entities."""
    meetings = tuple(tuple(e.participants) for e in ix.events.values() if e.type == "meeting")
    ids = {p for members in meetings for p in members}
    return (ix.directory_urls, meetings, tuple((i, ix.entities.get(i)) for i in sorted(ids)))


def render_network_svg(ix: SiteIndex) -> bytes:
    """network.svg: the picture alone, with links from the site's root."""
    return network_svg(ix, lambda eid: ix.href(entity_page(ix.entities[eid]), "")).encode("utf-8")


def render_network_page(ix: SiteIndex) -> str:
    """network.md: the picture (links relative to the page) and the countries' picture."""
    here = ix.url("network.md")
    def link(eid: str) -> str:
        return ix.href(entity_page(ix.entities[eid]), here)

    inline = network_svg(ix, link)
    by_country = country_graph(ix)
    countries = network_svg(ix, link, by_country, "اللقاءات بين الدول") if by_country[1] else ""
    legend = ('<p class="fs-legend"><span><i style="background:#1e88e5"></i>شخص</span>'
              '<span><i style="background:#43a047"></i>دولة</span><span><i style="background:#8e24aa"></i>هيئة رسمية</span>'
              '<span><i style="background:#e53935"></i>جماعة</span></p>')
    md = "\n".join([
        "---", "search:", "  exclude: true", "---", "",
        "# شبكة اللقاءات", "",
        f"<p>من التقى بمن: أكثر {TOP_NODES} طرفاً حضوراً في اللقاءات والمباحثات والاتصالات، وتصل بين كل اثنين "
        "خطوط يزداد سمكها بعدد الأحداث (لا بعدد التقارير). انقر اسماً لفتح صفحته. "
        f'<a href="{ix.href("network.svg", here)}" download>تنزيل الصورة (SVG)</a>.</p>', "",
        legend, "",
        f'<div class="fs-network-svg">{inline}</div>', ""]
        + (["## اللقاءات بين الدول", "",
            "<p>اللقاءات نفسها بين الدول: يُحسب كل مشارك بدولته، ويعدّ اللقاء الواحد مرة واحدة لكل دولتين حضرتاه.</p>", "",
            f'<div class="fs-network-svg fs-countries">{countries}</div>', ""] if countries else []))
    return md


def site_pages(facts: Facts, events: list[Event], ix: SiteIndex, leads: dict[str, str | None],
               cache: PageCache | None = None) -> dict[str, str | bytes]:
    """Every generated file. With a `cache` (kept across `mkdocs serve` rebuilds), article,
    entity and event pages whose key (page_cache.py) did not change are not rendered again."""
    return dict(iter_site_pages(facts, events, ix, leads, cache))


def iter_site_pages(facts: Facts, events: list[Event], ix: SiteIndex, leads: dict[str, str | None],
                    cache: PageCache | None = None) -> Iterator[tuple[str, str | bytes]]:
    """site_pages one (path, content) at a time, in the same order: the caller need not hold
    every page at once (a 10,000-article site has ~29,000)."""
    cache = cache if cache is not None else PageCache()
    downloads: dict[str, int] = {}
    for article_id, article in facts.articles.items():
        lead = leads.get(article_id)
        path = article_page(article_id)
        yield path, cache.page(path, lambda: article_key(article, ix, lead), lambda: render_article(article, ix, lead))
    by_kind = defaultdict(list)
    for entity in facts.entities.values():
        by_kind[entity.kind].append(entity)
        chronology = ix.entity_events.get(entity.id, [])
        total = chrono_pages(entity, ix)
        for n in range(1, total + 1):
            path = chrono_page_path(entity, n)
            chunk = chronology[(n - 1) * CHRONO_PAGE: n * CHRONO_PAGE]
            key = lambda: entity_key(entity, ix, n, chunk, total, SOURCES_SHOWN,  # noqa: E731
                                     TOP_COUNTERPARTS, MENTION_LIMIT)
            render = (lambda: render_entity(entity, ix)) if n == 1 else (lambda: render_chrono_page(entity, ix, n))
            yield path, cache.page(path, key, render)
    for event in events:  # only merged (or editor-joined) events have a page
        if event.id in ix.event_pages:
            path = event_page(event.id)
            yield path, cache.page(path, lambda: event_key(event.id, ix), lambda: render_event(event, ix))
    for kind in LIST_FOLDER:
        yield from render_entity_lists(kind, by_kind.get(kind, []), ix).items()
    yield from render_article_lists(ix).items()
    yield from render_timeline(ix, timeline_svg, cache).items()
    yield "network.md", cache.page("network.md", lambda: network_key(ix), lambda: render_network_page(ix))
    svg = cache.page("network.svg", lambda: network_key(ix) + ("svg",), lambda: render_network_svg(ix))
    downloads["network.svg"] = len(svg)
    yield "network.svg", svg
    for path, content in open_data(facts, events, keep=cache.keep):
        downloads[path] = content.size if isinstance(content, Chunks) else len(content)
        yield path, content
    yield "data.md", render_data_page(ix, downloads)
    cache.finish()
