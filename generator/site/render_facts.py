"""One fact as a line of Arabic with links: shared by article, entity and event pages.

Pure functions: (fact, index, page URL) → HTML fragment. Every name is a link
to its page (or a marked span when the id is unknown); every untrusted text
goes through `esc`.
"""
from __future__ import annotations

from ..model import Fact
from .html import esc, quote
from .index import Report, SiteIndex, fact_anchor

SECTION_TITLES = {
    "meetings": "اللقاءات والمباحثات",
    "visits": "الزيارات",
    "agreements": "الاتفاقات",
    "strikes": "الهجمات",
    "statements": "التصريحات",
}
TYPE_NAMES = {"meeting": "لقاء", "visit": "زيارة", "agreement": "اتفاق", "strike": "هجوم", "statement": "تصريح"}
MEETING_KINDS = {"meeting": "لقاء", "talks": "مباحثات", "call": "اتصال هاتفي", "conference": "مؤتمر"}
VISIT_STATUS = {"done": "تمّت", "planned": "مرتقبة"}
AGREEMENT_STATUS = {"agreed": "اتُّفق عليه", "signed": "وُقِّع", "planned": "مرتقب"}
KIND_NAMES = {"person": "شخص", "country": "دولة", "organization": "هيئة رسمية", "group": "جماعة"}


def join_ar(items: list[str]) -> str:
    """"أ وب وج" — Arabic joins with و attached to the next item."""
    items = [i for i in items if i]
    if not items:
        return ""
    return items[0] + "".join(f" و{i}" for i in items[1:])


def date_text(date: str | None) -> str:
    return f'<span class="fs-date">{esc(date)}</span>' if date else ""


def describe(kind: str, fact: Fact, ix: SiteIndex, here: str, *, with_date: bool = True) -> str:
    """What a fact says, as one line of HTML with links."""
    link = lambda eid: ix.entity_link(eid, here)  # noqa: E731
    where = f" في {link(fact.place)}" if getattr(fact, "place", None) else ""
    when = f" بتاريخ {date_text(fact.date)}" if with_date and getattr(fact, "date", None) else ""
    if kind == "meetings":
        return f"{MEETING_KINDS[fact.kind]} بين {join_ar([link(p) for p in fact.participants])}{where}{when}"
    if kind == "visits":
        return (f"زيارة {link(fact.visitor)} إلى {link(fact.destination)}"
                f' <span class="fs-status">({VISIT_STATUS[fact.status]})</span>{when}')
    if kind == "agreements":
        return (f"اتفاق بين {join_ar([link(p) for p in fact.parties])}: «{esc(fact.subject)}»"
                f' <span class="fs-status">({AGREEMENT_STATUS[fact.status]})</span>{when}')
    if kind == "strikes":
        who = f"هجوم شنّه {link(fact.attacker)}" if fact.attacker else "هجوم لم يُذكر منفّذه"
        on = f" على {join_ar([link(t) for t in fact.targets])}" if fact.targets else ""
        means = f" بوسائل: {'، '.join(esc(m) for m in fact.means)}" if fact.means else ""
        return f"{who}{on}{where}{means}{when}"
    if kind == "statements":
        return f"تصريح لـ{link(fact.speaker)}: «{esc(fact.text)}»"
    raise ValueError(kind)


def fact_block(report: Report, ix: SiteIndex, here: str, *, with_source: bool = False,
               with_event: bool = True) -> str:
    """A fact as a block: its line, its evidence quoted, links to its event and source."""
    event_id = ix.event_of.get((report.article.id, report.kind, report.index))
    links = []
    if with_source:
        art = report.article
        meta = "، ".join(x for x in (esc(art.outlet), date_text(art.published)) if x)
        links.append("المصدر: " + ix.article_link(art.id, here) + (f" ({meta})" if meta else ""))
    if with_event and event_id in ix.event_pages:
        n = len(ix.reports.get(event_id, ()))
        label = "صفحة الحدث" + (f" ({n} تقارير)" if n > 1 else "")
        links.append(ix.event_link(event_id, here, label))
    foot = f'<p class="fs-links">{" · ".join(links)}</p>' if links else ""
    return (f'<div class="fs-fact fs-{report.kind}" id="{fact_anchor(report.kind, report.index)}">'
            f'<p class="fs-what">{describe(report.kind, report.fact, ix, here)}</p>'
            f"{quote(report.fact.evidence)}{foot}</div>")
