"""The fact sheet of one article: pure function (article, index) → Markdown.

Headline, outlet, date, review badge, the lead sentence, then one section per
kind of fact (every fact with its evidence quoted and a link to its event),
the named groups and the other entities the story names.
"""
from __future__ import annotations

from ..model import FACT_KINDS, Article
from .html import esc
from .index import Report, SiteIndex, article_label, article_page
from .render_facts import KIND_NAMES, SECTION_TITLES, date_text, fact_block

DRAFT_BADGE = '<span class="fs-badge fs-draft">مسودة آلية لم يراجعها محرر</span>'
REVIEWED_BADGE = '<span class="fs-badge fs-reviewed">راجعها محرر</span>'


def badge(article: Article) -> str:
    return REVIEWED_BADGE if article.reviewed else DRAFT_BADGE


def front_matter(*, exclude: bool = False, boost: float | None = None) -> str:
    """Fixed page meta only: nothing from the input ever goes into page meta."""
    lines = ["---", "search:"]
    if exclude:
        lines.append("  exclude: true")
    if boost is not None:
        lines.append(f"  boost: {boost}")
    if len(lines) == 2:
        return ""
    return "\n".join(lines + ["---", "", ""])


def render_article(article: Article, ix: SiteIndex, lead: str | None = None) -> str:
    here = ix.url(article_page(article.id))
    meta = [badge(article)]
    if article.outlet:
        meta.append(f'<span class="fs-outlet">{esc(article.outlet)}</span>')
    meta.append(date_text(article.published) or '<span class="fs-date">تاريخ النشر غير مذكور</span>')
    meta.append(f'<span class="fs-source" title="ملف المقالة">{esc(article.source)}</span>')
    out = [front_matter(boost=2), f"# {article_label(article)}", "",
           f'<div class="fs-meta">{" ".join(meta)}</div>', ""]
    if lead:
        out += [f'<p class="fs-lead"><strong>الخلاصة:</strong> {esc(lead)}</p>', ""]
    counts = {kind: len(getattr(article, kind)) for kind in FACT_KINDS}
    if not any(counts.values()):
        out += ['<p class="fs-empty">لم تُستخرج من هذه المقالة وقائع بعد.</p>', ""]
    for kind in FACT_KINDS:
        facts = getattr(article, kind)
        if not facts:
            continue
        out += [f"## {SECTION_TITLES[kind]} ({len(facts)})", ""]
        blocks = [fact_block(Report(article, kind, i, f), ix, here) for i, f in enumerate(facts)]
        out += ['<div class="fs-facts">' + "".join(blocks) + "</div>", ""]
    out += _named(article, ix, here)
    return "\n".join(out)


def _named(article: Article, ix: SiteIndex, here: str) -> list[str]:
    """The named groups (with their one-line description), then everyone else the story names."""
    groups, others = [], []
    for eid in dict.fromkeys(article.mentions):
        entity = ix.entities.get(eid)
        (groups if entity is not None and entity.kind == "group" else others).append(eid)
    out = []
    if groups:
        items = []
        for gid in groups:
            entity = ix.entities[gid]
            desc = f" — {esc(entity.description)}" if entity.description else ""
            items.append(f"<li>{ix.entity_link(gid, here)}{desc}</li>")
        out += [f"## الجماعات المذكورة ({len(groups)})", "", f'<ul class="fs-groups">{"".join(items)}</ul>', ""]
    if others:
        items = []
        for eid in others:
            entity = ix.entities.get(eid)
            kind = f' <span class="fs-kind">({KIND_NAMES[entity.kind]})</span>' if entity else ""
            items.append(f"<li>{ix.entity_link(eid, here)}{kind}</li>")
        out += [f"## أسماء أخرى في الخبر ({len(others)})", "", f'<ul class="fs-mentions">{"".join(items)}</ul>', ""]
    return out
