"""Index pages, the timeline, the home page and the open-data page: pure → Markdown.

No page grows without bound: lists are cut into pages of a fixed size
(entities sorted by name with a letter bar that points at the page where
each letter starts; articles newest first; the timeline by month).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

from ..model import FACT_KINDS, Entity
from ..normalize import fold
from .html import esc
from .index import LIST_FOLDER, SiteIndex
from .page_cache import PageCache, timeline_event_key
from .render_article import REVIEWED_BADGE, front_matter
from .render_event import event_title
from .render_facts import KIND_NAMES, TYPE_NAMES, date_text

ENTITIES_PER_PAGE = 300
ARTICLES_PER_PAGE = 200
EVENTS_PER_PAGE = 200
LIST_TITLES = {"person": "الأشخاص", "country": "الدول", "organization": "الهيئات الرسمية", "group": "الجماعات"}
HOME_MARKER = "<!-- factsheets:home -->"


def page_paths(folder: str, count: int, first: str = "index") -> list[str]:
    """folder/index.md, folder/2.md, folder/3.md …"""
    return [f"{folder}/{first}.md" if n == 1 else f"{folder}/{n}.md" for n in range(1, max(1, count) + 1)]


def chunks(items: Sequence, size: int) -> list[Sequence]:
    return [items[i:i + size] for i in range(0, len(items), size)] or [items[:0]]


def pager(paths: list[str], number: int, ix: SiteIndex, here: str, labels: list[str] | None = None) -> str:
    if len(paths) < 2:
        return ""
    links = []
    for n, path in enumerate(paths, 1):
        label = labels[n - 1] if labels else str(n)
        links.append(f'<span class="fs-current">{label}</span>' if n == number
                     else f'<a href="{ix.href(path, here)}">{label}</a>')
    return f'<nav class="fs-pager" aria-label="الصفحات">{" ".join(links)}</nav>'


# --- entities ------------------------------------------------------------------------


def entity_sort_key(entity: Entity) -> tuple:
    return (fold(entity.name), entity.id)


def render_entity_lists(kind: str, entities: list[Entity], ix: SiteIndex) -> dict[str, str]:
    """{path: markdown} for the list of one kind of entity (sorted by folded name)."""
    ordered = sorted(entities, key=entity_sort_key)
    parts = chunks(ordered, ENTITIES_PER_PAGE)
    paths = page_paths(LIST_FOLDER[kind], len(parts))
    letters: dict[str, int] = {}
    for n, part in enumerate(parts, 1):
        for entity in part:
            letters.setdefault(fold(entity.name)[:1] or "؟", n)
    out = {}
    for n, (path, part) in enumerate(zip(paths, parts), 1):
        here = ix.url(path)
        bar = " ".join(f'<a href="{ix.href(paths[p - 1], here)}">{esc(letter)}</a>' for letter, p in letters.items())
        rows = []
        for entity in part:
            country = ix.entity_link(entity.country, here) if entity.country and entity.country != entity.id else ""
            events = len(ix.entity_events.get(entity.id, ()))
            articles = len(ix.mentioned_in.get(entity.id, ()))
            rows.append(f"<tr><td>{ix.entity_link(entity.id, here)}</td><td>{country}</td>"
                        f"<td>{events}</td><td>{articles}</td></tr>")
        title = LIST_TITLES[kind] + (f" ({n} من {len(parts)})" if len(parts) > 1 else "")
        md = [front_matter(exclude=True), f"# {title}", "",
              f"<p>{len(ordered)} {KIND_NAMES[kind]}، مرتبة أبجدياً. عدد الأحداث يعدّ الحدث مرة واحدة مهما تعددت تقاريره.</p>",
              ""]
        if len(parts) > 1:
            md += [f'<nav class="fs-letters" aria-label="الحروف">{bar}</nav>', ""]
        md += ['<table class="fs-list"><thead><tr><th>الاسم</th><th>الدولة</th><th>الأحداث</th><th>المقالات</th></tr>'
               f"</thead><tbody>{''.join(rows)}</tbody></table>", "", pager(paths, n, ix, here), ""]
        out[path] = "\n".join(md)
    return out


# --- articles ------------------------------------------------------------------------


def articles_newest_first(ix: SiteIndex) -> list:
    return sorted(ix.articles.values(), key=lambda a: (a.published or "", a.id), reverse=True)


def article_row(article, ix: SiteIndex, here: str) -> str:
    n = sum(len(getattr(article, k)) for k in FACT_KINDS)
    badge = REVIEWED_BADGE if article.reviewed else '<span class="fs-badge fs-draft">مسودة</span>'
    return (f"<tr><td>{date_text(article.published)}</td><td>{ix.article_link(article.id, here)}</td>"
            f"<td>{esc(article.outlet)}</td><td>{n}</td><td>{badge}</td></tr>")


def render_article_lists(ix: SiteIndex) -> dict[str, str]:
    ordered = articles_newest_first(ix)
    parts = chunks(ordered, ARTICLES_PER_PAGE)
    paths = page_paths("articles", len(parts))
    out = {}
    reviewed = sum(1 for a in ordered if a.reviewed)
    for n, (path, part) in enumerate(zip(paths, parts), 1):
        here = ix.url(path)
        rows = "".join(article_row(a, ix, here) for a in part)
        title = "المقالات" + (f" ({n} من {len(parts)})" if len(parts) > 1 else "")
        out[path] = "\n".join([
            front_matter(exclude=True), f"# {title}", "",
            f"<p>{len(ordered)} مقالة، الأحدث أولاً؛ راجع محرر منها {reviewed}.</p>", "",
            '<table class="fs-list"><thead><tr><th>التاريخ</th><th>العنوان</th><th>الوسيلة</th><th>الوقائع</th>'
            f"<th>الحال</th></tr></thead><tbody>{rows}</tbody></table>", "", pager(paths, n, ix, here), ""])
    return out


# --- timeline ----------------------------------------------------------------------------


def timeline_months(ix: SiteIndex) -> dict[str, list[str]]:
    """"2024-01" (or "undated") → event ids, oldest first. An event its reports do not
    date is placed by the publication date of its first report (and marked so)."""
    months: dict[str, list[str]] = defaultdict(list)
    for event_id in sorted(ix.events, key=lambda e: (ix.event_dates.get(e, ""), e)):
        when = ix.event_dates.get(event_id)
        months[when[:7] if when else "undated"].append(event_id)
    return months


def month_paths(month: str, count: int) -> list[str]:
    return [f"timeline/{month}.md" if n == 1 else f"timeline/{month}-p{n}.md" for n in range(1, count + 1)]


def render_timeline(ix: SiteIndex, chart: Callable[[dict[str, Counter], Callable[[str], str]], str],
                    cache: PageCache | None = None) -> dict[str, str]:
    """The timeline's front page (a chart and the months) and one page (or several) per month
    (month pages whose events show the same as last time come from `cache`)."""
    cache = cache if cache is not None else PageCache()
    months = timeline_months(ix)
    out = {}
    dated = sorted(m for m in months if m != "undated")
    here = ix.url("timeline/index.md")
    per_type = {m: Counter(ix.events[e].type for e in months[m]) for m in dated}
    svg = chart(per_type, lambda m: ix.href(month_paths(m, 1)[0], here)) if dated else ""
    rows = "".join(f'<tr><td><a href="{ix.href(month_paths(m, 1)[0], here)}">{m}</a></td><td>{len(months[m])}</td>'
                   f"<td>{'، '.join(f'{TYPE_NAMES[t]} {c}' for t, c in per_type[m].most_common())}</td></tr>"
                   for m in reversed(dated))
    undated = (f'<p><a href="{ix.href(month_paths("undated", 1)[0], here)}">أحداث بلا تاريخ '
               f"({len(months['undated'])})</a></p>") if "undated" in months else ""
    out["timeline/index.md"] = "\n".join([
        front_matter(exclude=True), "# الخط الزمني", "",
        f"<p>{len(ix.events)} حدثاً. الحدث هو الواقعة الواحدة مهما تعدد من نقلها؛ يُؤرَّخ بأدق تاريخ ورد في تقاريره، "
        "وما لم تؤرّخه تقاريره يوضع في شهر نشر أول تقرير عنه (معلَّماً بكلمة «نُشر»).</p>", "",
        f'<figure class="fs-chart">{svg}</figure>' if svg else "", "",
        '<table class="fs-list"><thead><tr><th>الشهر</th><th>الأحداث</th><th>الأنواع</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>", "", undated, ""])
    for month, ids in months.items():
        parts = chunks(ids, EVENTS_PER_PAGE)
        paths = month_paths(month, len(parts))
        label = "بلا تاريخ" if month == "undated" else month
        for n, (path, part) in enumerate(zip(paths, parts), 1):
            out[path] = cache.page(path, lambda: (ix.directory_urls, len(parts),
                                                  tuple(timeline_event_key(ix, e) for e in part)),
                                   lambda: _month_page(ix, label, paths, n, part))
    return out


def _month_page(ix: SiteIndex, label: str, paths: list[str], n: int, part: Sequence[str]) -> str:
    here = ix.url(paths[n - 1])
    rows = "".join(_event_row(e, ix, here) for e in part)
    title = f"الخط الزمني: {label}" + (f" ({n} من {len(paths)})" if len(paths) > 1 else "")
    return "\n".join([
        front_matter(exclude=True), f"# {title}", "",
        f'<p><a href="{ix.href("timeline/index.md", here)}">كل الأشهر</a></p>', "",
        '<table class="fs-list"><thead><tr><th>التاريخ</th><th>النوع</th><th>الحدث</th><th>التقارير</th></tr>'
        f"</thead><tbody>{rows}</tbody></table>", "", pager(paths, n, ix, here), ""])


def _event_row(event_id: str, ix: SiteIndex, here: str) -> str:
    event = ix.events[event_id]
    n = len(ix.reports.get(event_id, ()))
    when = date_text(event.date)
    if not when and ix.event_dates.get(event_id):
        when = f'<span class="fs-undated">نُشر {date_text(ix.event_dates[event_id])}</span>'
    return (f"<tr><td>{when}</td><td>{TYPE_NAMES[event.type]}</td>"
            f'<td><a href="{ix.event_href(event_id, here)}">{event_title(event, ix)}</a></td><td>{n}</td></tr>')


# --- home and data ------------------------------------------------------------------------


def render_home(ix: SiteIndex, problems: int = 0) -> str:
    """What replaces HOME_MARKER in docs/index.md: counts, latest articles, busiest people."""
    here = ""
    articles = ix.articles.values()
    reviewed = sum(1 for a in articles if a.reviewed)
    kinds = Counter(e.kind for e in ix.entities.values())
    rows = [f'<tr><th><a href="{ix.href("articles/index.md", here)}">المقالات</a></th>'
            f"<td>{len(ix.articles)} (راجع محرر منها {reviewed})</td></tr>"]
    for kind, folder in LIST_FOLDER.items():
        rows.append(f'<tr><th><a href="{ix.href(f"{folder}/index.md", here)}">{LIST_TITLES[kind]}</a></th><td>{kinds[kind]}</td></tr>')
    rows.append(f'<tr><th><a href="{ix.href("timeline/index.md", here)}">الأحداث</a></th><td>{len(ix.events)}</td></tr>')
    out = ["## السجل بالأرقام", "", f'<table class="fs-stats"><tbody>{"".join(rows)}</tbody></table>', ""]
    latest = articles_newest_first(ix)[:10]
    if latest:
        out += ["## أحدث المقالات", "", '<ul class="fs-articles">' + "".join(
            f"<li>{date_text(a.published)} {ix.article_link(a.id, here)}</li>" for a in latest) + "</ul>", ""]
    people = sorted((e for e in ix.entities.values() if e.kind == "person"),
                    key=lambda e: (-len(ix.entity_events.get(e.id, ())), e.id))[:10]
    if people:
        out += ["## الأكثر حضوراً في الأحداث", "", '<ul class="fs-people">' + "".join(
            f"<li>{ix.entity_link(p.id, here)} ({len(ix.entity_events.get(p.id, ()))})</li>" for p in people) + "</ul>", ""]
    if problems:
        out += [f'<p class="fs-warning">في ملفات الوقائع {problems} مشكلة؛ شغّل <code>python -m generator check</code>.</p>', ""]
    return "\n".join(out)


DOWNLOADS = (
    ("data/facts.json", "كل الوقائع (JSON)", "الكيانات والمقالات والأحداث، بالصيغة الموصوفة في نموذج الوقائع."),
    ("data/entities.csv", "الكيانات (CSV)", "شخص، دولة، هيئة، جماعة: الاسم والأسماء الأخرى والدولة."),
    ("data/events.csv", "الأحداث (CSV)", "كل حدث مع أطرافه وتاريخه والوقائع التي يستند إليها."),
    ("data/meetings.csv", "اللقاءات (CSV)", "من التقى بمن، مع جملة الدليل."),
    ("data/visits.csv", "الزيارات (CSV)", "من زار أين."),
    ("data/agreements.csv", "الاتفاقات (CSV)", "ما اتُّفق عليه وبين من."),
    ("data/strikes.csv", "الهجمات (CSV)", "من هاجم من، وأين، وبماذا."),
    ("data/statements.csv", "التصريحات (CSV)", "من قال ماذا."),
    ("data/schema/article.schema.json", "مخطط ملف المقالة (JSON Schema)", "صيغة facts/articles/*.yaml."),
    ("data/schema/entity.schema.json", "مخطط ملف الكيان (JSON Schema)", "صيغة facts/entities/*.yaml."),
    ("network.svg", "شبكة اللقاءات (SVG)", "الصورة وحدها."),
)


def render_data_page(ix: SiteIndex, sizes: dict[str, int]) -> str:
    here = ix.url("data.md")
    rows = []
    for path, title, what in DOWNLOADS:
        size = sizes.get(path)
        shown = f"{size / 1024:.1f} ك.ب" if size is not None else ""
        rows.append(f'<tr><td><a href="{ix.href(path, here)}" download>{title}</a></td><td>{what}</td><td>{shown}</td></tr>')
    return "\n".join([
        "# البيانات المفتوحة", "",
        "<p>كل ما في هذا الموقع متاح للتنزيل وإعادة الاستعمال. ملفات CSV بترميز UTF-8 (مع علامة BOM لبرامج الجداول)، "
        "والقوائم داخل الخلية مفصولة بـ « ; ». الخلية التي تبدأ بـ = أو + أو - أو @ تُسبق بعلامة ' كي لا تُنفَّذ صيغةً.</p>", "",
        '<table class="fs-list"><thead><tr><th>الملف</th><th>المحتوى</th><th>الحجم</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>", "",
        f"<p>{len(ix.articles)} مقالة، {len(ix.entities)} كياناً، {len(ix.events)} حدثاً.</p>", ""])
