"""Person, country, organization and group pages: pure functions → Markdown.

Name, kind, country, aliases, description, roles over time, the counterparts
met most, then the chronology of EVENTS the entity takes part in (one entry
per event, however many articles reported it; each with its first report's
evidence quoted and links to every source). Long chronologies are split into
pages of CHRONO_PAGE events, so no page grows with the corpus.
"""
from __future__ import annotations

from ..model import Entity
from .html import esc, quote
from .index import SiteIndex, article_label, entity_page
from .render_article import front_matter
from .render_facts import KIND_NAMES, TYPE_NAMES, date_text, describe

CHRONO_PAGE = 40
ROLES_SHOWN = 30
TOP_COUNTERPARTS = 12
MENTION_LIMIT = 30
SOURCES_SHOWN = 3


def chrono_pages(entity: Entity, ix: SiteIndex) -> int:
    n = len(ix.entity_events.get(entity.id, ()))
    return max(1, -(-n // CHRONO_PAGE))


def chrono_page_path(entity: Entity, number: int) -> str:
    """Page 1 is the entity page itself; later pages live under it."""
    return entity_page(entity) if number == 1 else entity_page(entity)[:-3] + f"/{number}.md"


def render_entity(entity: Entity, ix: SiteIndex) -> str:
    here = ix.url(entity_page(entity))
    meta = [f'<span class="fs-badge fs-kind-{entity.kind}">{KIND_NAMES[entity.kind]}</span>']
    if entity.country and entity.country != entity.id:
        meta.append("الدولة: " + ix.entity_link(entity.country, here))
    out = [front_matter(boost=3), f"# {ix.name(entity.id)}", "", f'<div class="fs-meta">{" ".join(meta)}</div>', ""]
    if entity.aliases:
        out += [f'<p class="fs-aliases"><strong>أسماء أخرى:</strong> {"، ".join(esc(x) for x in entity.aliases)}</p>', ""]
    if entity.description:
        out += [f'<p class="fs-description">{esc(entity.description)}</p>', ""]
    out += _roles(entity, ix, here)
    out += _counterparts(entity, ix, here)
    events = ix.entity_events.get(entity.id, [])
    out += [f"## التسلسل الزمني ({len(events)})", ""]
    if events:
        out += _chronology(entity, ix, here, 1)
    else:
        out += ['<p class="fs-empty">لا وقائع مسجلة له بعد.</p>', ""]
    out += _mentions(entity, ix, here)
    return "\n".join(out)


def render_chrono_page(entity: Entity, ix: SiteIndex, number: int) -> str:
    """Page `number` (≥ 2) of an entity's chronology."""
    here = ix.url(chrono_page_path(entity, number))
    total = chrono_pages(entity, ix)
    out = [front_matter(exclude=True), f"# {ix.name(entity.id)}: التسلسل الزمني ({number} من {total})", "",
           f'<p>{ix.entity_link(entity.id, here)}</p>', ""]
    return "\n".join(out + _chronology(entity, ix, here, number))


def _roles(entity: Entity, ix: SiteIndex, here: str) -> list[str]:
    if not entity.roles:
        return []
    seen: dict[tuple, list] = {}
    for role in entity.roles:
        art = ix.articles.get(role.article) if role.article else None
        date = art.published if art and art.published else ""
        key = (role.title, role.country)
        first = seen.get(key)
        if first is None or (date and (not first[0] or date < first[0])):
            seen[key] = [date, role]
    rows = []
    ordered = sorted(seen.values(), key=lambda x: (x[0] or "9999", x[1].title))
    for date, role in ordered[:ROLES_SHOWN]:
        country = ix.entity_link(role.country, here) if role.country else ""
        source = ix.article_link(role.article, here) if role.article else ""
        rows.append(f"<tr><td>{esc(role.title)}</td><td>{country}</td><td>{date_text(date)}</td><td>{source}</td></tr>")
    table = ("<table class=\"fs-roles\"><thead><tr><th>الصفة</th><th>الدولة</th><th>أول ظهور</th><th>المقالة</th>"
             f"</tr></thead><tbody>{''.join(rows)}</tbody></table>")
    more = f'<p class="fs-more">و{len(ordered) - ROLES_SHOWN} صفة أخرى.</p>' if len(ordered) > ROLES_SHOWN else ""
    return [f"## الصفات ({len(ordered)})", "", table + more, ""]


def _counterparts(entity: Entity, ix: SiteIndex, here: str) -> list[str]:
    counts = ix.counterparts.get(entity.id)
    if not counts:
        return []
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_COUNTERPARTS]
    items = "".join(f'<li>{ix.entity_link(other, here)} <span class="fs-count">({n} '
                    f'{"لقاء" if n == 1 else "لقاءات"})</span></li>' for other, n in top)
    return [f"## أكثر من التقاهم ({len(counts)})", "", f'<ol class="fs-counterparts" data-search-exclude>{items}</ol>', ""]


def _chronology(entity: Entity, ix: SiteIndex, here: str, number: int) -> list[str]:
    events = ix.entity_events.get(entity.id, [])
    chunk = events[(number - 1) * CHRONO_PAGE: number * CHRONO_PAGE]
    blocks = []
    for event_id in chunk:
        event = ix.events[event_id]
        reports = ix.reports.get(event_id) or []
        if not reports:
            continue
        first = reports[0]
        published = first.article.published
        when = date_text(event.date) or ('<span class="fs-undated">بلا تاريخ'
                                         + (f" (نُشر {date_text(published)})" if published else "") + "</span>")
        sources = []
        for rep in reports[:SOURCES_SHOWN]:  # each source links to the fact on its article page
            outlet = f" ({esc(rep.article.outlet)})" if rep.article.outlet else ""
            sources.append(f'<a class="fs-article" href="{ix.fact_href(rep, here)}">{article_label(rep.article)}</a>'
                           + outlet)
        more = f" وغيرها ({len(reports) - SOURCES_SHOWN})" if len(reports) > SOURCES_SHOWN else ""
        label = f"صفحة الحدث ({len(reports)} تقارير)" if len(reports) > 1 else "صفحة الحدث"
        page = ix.event_link(event_id, here, label)
        blocks.append(
            f'<div class="fs-fact fs-{first.kind}"><p class="fs-what">{when} · '
            f'<span class="fs-type">{TYPE_NAMES[event.type]}</span> · {describe(first.kind, first.fact, ix, here, with_date=False)}</p>'
            f"{quote(first.fact.evidence)}"
            f'<p class="fs-links">المصادر: {"، ".join(sources)}{more}{" · " + page if page else ""}</p></div>')
    # the chronology repeats the articles' evidence: searched on the article pages, not here
    out = ['<div class="fs-facts fs-chronology" data-search-exclude>' + "".join(blocks) + "</div>", ""]
    total = chrono_pages(entity, ix)
    if total > 1:
        out += [_pager(entity, ix, here, number, total), ""]
    return out


def _pager(entity: Entity, ix: SiteIndex, here: str, number: int, total: int) -> str:
    links = []
    for n in range(1, total + 1):
        if n == number:
            links.append(f'<span class="fs-current">{n}</span>')
        else:
            links.append(f'<a href="{ix.href(chrono_page_path(entity, n), here)}">{n}</a>')
    return f'<nav class="fs-pager" aria-label="صفحات التسلسل الزمني">{" ".join(links)}</nav>'


def _mentions(entity: Entity, ix: SiteIndex, here: str) -> list[str]:
    ids = ix.mentioned_in.get(entity.id, [])
    if not ids:
        return []
    items = []
    for aid in ids[:MENTION_LIMIT]:
        art = ix.articles[aid]
        items.append(f"<li>{date_text(art.published)} {ix.article_link(aid, here)}</li>")
    more = f'<p class="fs-more">وتذكره {len(ids) - MENTION_LIMIT} مقالة أخرى.</p>' if len(ids) > MENTION_LIMIT else ""
    return [f"## المقالات التي تذكره ({len(ids)})", "", f'<ul class="fs-articles" data-search-exclude>{"".join(items)}</ul>{more}', ""]
