"""The page of one event (a happening reported by one or more articles): pure → Markdown.

What, who, when and where; every report quoted with its outlet and date;
and where the reports differ (the targets named, the date, the place…),
each version side by side with the articles that give it
(`generator.event_versions`: a report silent on a field is no disagreement,
and entity names are shown as each report writes them).
"""
from __future__ import annotations

from ..event_versions import ENTITY_FIELDS, Version, event_differences
from ..model import Event
from .html import esc, quote
from .index import SiteIndex, article_label, event_page
from .render_article import front_matter
from .render_facts import MEETING_KINDS, TYPE_NAMES, AGREEMENT_STATUS, VISIT_STATUS, date_text, describe, join_ar

REPORTS_QUOTED = 50
REPORTS_LINKED = 300  # more reports than quoted + linked: counted, and found in the open data
VERSIONS_SHOWN = 12
PARTICIPANTS_IN_TITLE = 4

FIELD_LABELS = {"participants": "المشاركون", "kind": "النوع", "place": "المكان", "date": "التاريخ",
                "visitor": "الزائر", "destination": "الوجهة", "status": "الحال", "parties": "الأطراف",
                "subject": "الموضوع", "attacker": "المهاجم", "targets": "الأهداف", "means": "الوسائل",
                "speaker": "المتحدث", "text": "نص التصريح"}
WORDS = {"kind": MEETING_KINDS, "status": {**VISIT_STATUS, **AGREEMENT_STATUS}}


def event_title(event: Event, ix: SiteIndex) -> str:
    """"هجوم: أ على ب — 2024-01", "زيارة: أ إلى ب", "لقاء: أ وب" (escaped)."""
    reports = ix.reports.get(event.id) or []
    fact = reports[0].fact if reports else None
    date = f" — {esc(event.date)}" if event.date else ""
    if event.type == "strike" and fact is not None and fact.targets:
        who = ix.name(fact.attacker) if fact.attacker else "مهاجم غير مذكور"
        return f"هجوم: {who} على {_names(list(fact.targets), ix)}{date}"
    if event.type == "visit" and fact is not None:
        return f"زيارة: {ix.name(fact.visitor)} إلى {ix.name(fact.destination)}{date}"
    return f"{TYPE_NAMES[event.type]}: {_names(event.participants, ix)}{date}"


def _names(ids: list[str], ix: SiteIndex) -> str:
    names = [ix.name(p) for p in ids[:PARTICIPANTS_IN_TITLE]]
    more = f" و{len(ids) - PARTICIPANTS_IN_TITLE} آخرون" if len(ids) > PARTICIPANTS_IN_TITLE else ""
    return join_ar(names) + more


def render_event(event: Event, ix: SiteIndex) -> str:
    here = ix.url(event_page(event.id))
    reports = ix.reports.get(event.id, [])
    meta = [f'<span class="fs-badge fs-type-{event.type}">{TYPE_NAMES[event.type]}</span>',
            date_text(event.date) or '<span class="fs-date fs-undated">التاريخ غير مذكور</span>',
            f'<span class="fs-count">{len(reports)} {"تقرير" if len(reports) == 1 else "تقارير"}</span>']
    who = join_ar([ix.entity_link(p, here) for p in event.participants])
    out = [front_matter(exclude=True), f"# {event_title(event, ix)}", "", f'<div class="fs-meta">{" ".join(meta)}</div>', "",
           f'<p class="fs-who"><strong>الأطراف:</strong> {who}</p>', ""]
    places = list(dict.fromkeys(r.fact.place for r in reports if getattr(r.fact, "place", None)))
    if places:
        out += [f'<p class="fs-where"><strong>المكان:</strong> {join_ar([ix.entity_link(p, here) for p in places])}</p>', ""]
    out += _differences(event, ix, here)
    out += [f"## التقارير ({len(reports)})", ""]
    blocks = []
    for rep in reports[:REPORTS_QUOTED]:
        art = rep.article
        title = f'<a class="fs-article" href="{ix.fact_href(rep, here)}">{article_label(art)}</a>'
        source = " ".join(x for x in (title, f'<span class="fs-outlet">{esc(art.outlet)}</span>'
                                      if art.outlet else "", date_text(art.published)) if x)
        blocks.append(f'<div class="fs-fact fs-report"><p class="fs-source-line">{source}</p>'
                      f'<p class="fs-what">{describe(rep.kind, rep.fact, ix, here)}</p>{quote(rep.fact.evidence)}</div>')
    out += ['<div class="fs-facts">' + "".join(blocks) + "</div>", ""]
    if len(reports) > REPORTS_QUOTED:
        linked = reports[REPORTS_QUOTED:REPORTS_QUOTED + REPORTS_LINKED]
        rest = "، ".join(ix.article_link(r.article.id, here) for r in linked)
        out += [f'<p class="fs-more">وتقارير أخرى: {rest}</p>', ""]
    unlisted = len(reports) - REPORTS_QUOTED - REPORTS_LINKED
    if unlisted > 0:  # a page must not grow with the archive: the full list is in the open data
        out += [f'<p class="fs-more">و{unlisted} تقريراً آخر لا تُسرد هنا؛ قائمتها كاملة في حدث '
                f'<code>{esc(event.id)}</code> من البيانات المفتوحة (<code>data/facts.json</code>).</p>', ""]
    return "\n".join(out)


def _show(field: str, version: Version, ix: SiteIndex, here: str) -> str:
    """One version of a field: entity names as the reports write them, linked to their pages."""
    value = version.value
    if field in ENTITY_FIELDS:
        ids = value if isinstance(value, tuple) else (value,)
        written = version.written or tuple(ids)
        parts = []
        for eid, name in zip(ids, written):
            link = ix.entity_link(eid, here)
            entity = ix.entities.get(eid)
            if entity is not None and name and name != entity.name:
                link = f"«{esc(name)}» ({link})"
            parts.append(link)
        return join_ar(parts)
    if field in WORDS:
        return WORDS[field].get(value, esc(value))
    if field == "date":
        return date_text(value)
    if isinstance(value, tuple):
        return "، ".join(esc(v) for v in value)
    return esc(value)


def _differences(event: Event, ix: SiteIndex, here: str) -> list[str]:
    """One table per field the reports tell in more than one way: each version and who gives it."""
    if len(event.facts) < 2:
        return []
    tables = []
    for field, versions in event_differences(event, ix).items():
        rows = []
        for version in versions[:VERSIONS_SHOWN]:
            ids = list(dict.fromkeys(aid for aid, _ in version.refs))
            who = "، ".join(ix.article_link(aid, here, esc(ix.articles[aid].outlet)
                                           if aid in ix.articles and ix.articles[aid].outlet else None)
                           for aid in ids[:10])
            more = f" و{len(ids) - 10} غيرها" if len(ids) > 10 else ""
            rows.append(f"<tr><td>{_show(field, version, ix, here)}</td><td>{who}{more}</td></tr>")
        if len(versions) > VERSIONS_SHOWN:
            rows.append(f'<tr><td colspan="2">و{len(versions) - VERSIONS_SHOWN} روايات أخرى</td></tr>')
        tables.append(f'<h3 class="fs-diff-field">{FIELD_LABELS.get(field, esc(field))}</h3>'
                      '<table class="fs-versions"><thead><tr><th>الرواية</th>'
                      f"<th>المصادر</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")
    if not tables:
        return ['<p class="fs-agree">تتفق التقارير على الأطراف والتاريخ والتفاصيل المسجلة.</p>', ""]
    return ["## أين تختلف التقارير", "", '<div class="fs-differences">' + "".join(tables) + "</div>", ""]
