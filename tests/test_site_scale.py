"""What keeps the site small and fast at newsroom scale (no MkDocs build here: the
plugin's page generation is called directly on the fixture facts of test_site_build).

- an event gets a page of its own only when two or more facts report it (or an
  editor joined it); a single report's event is the fact on its article page;
- the timeline and the chronologies link there instead.
"""
from __future__ import annotations

import copy
import os
import re

import pytest

from generator import yamlio
from generator.events import cluster_events
from generator.site.index import SiteIndex, event_page
from generator.site.page_cache import PageCache
from generator.site.loading import load_facts
from generator.site.pages import site_pages

from test_site_build import ARTICLES, write_fixture_facts

SECOND_REPORT = {
    "id": "muscat-talks-2", "source": "seeds/muscat-talks-2.txt",
    "title": "الحارثي ومقبل يبحثان التهدئة", "outlet": "إذاعة الساحل التجريبية",
    "published": "2024-03-12", "reviewed": False,
    "mentions": ["salem-al-harthi", "abdullah-maqbel"],
    "meetings": [{"participants": ["abdullah-maqbel", "salem-al-harthi"], "kind": "meeting", "place": "oman",
                  "date": "2024-03-11",
                  "evidence": "التقى المبعوث اليمني عبد الله مقبل في مسقط وزير الخارجية العماني."}],
}


def generate(tmp_path, articles):
    facts_dir = write_fixture_facts(tmp_path / "facts", base=articles)
    facts, _ = load_facts(facts_dir)
    events = cluster_events(facts)
    ix = SiteIndex.build(facts, events)
    return ix, events, site_pages(facts, events, ix, {})


def test_only_merged_events_get_a_page(tmp_path):
    ix, events, pages = generate(tmp_path, list(ARTICLES) + [SECOND_REPORT])
    merged = [e for e in events if len(e.facts) > 1]
    single = [e for e in events if len(e.facts) == 1]
    assert len(merged) == 1 and single
    assert event_page(merged[0].id) in pages
    assert not any(event_page(e.id) in pages for e in single)
    assert sorted(p for p in pages if p.startswith("event/")) == [event_page(merged[0].id)]
    # both articles link to the merged event's page; no article links to a page that is not generated
    for article_id in ("muscat-talks", "muscat-talks-2"):
        assert f"event/{merged[0].id}/" in pages[f"article/{article_id}.md"]
    for path, text in pages.items():
        if path.endswith(".md"):
            for target in re.findall(r'href="(?:\.\./)*event/([^/"#]+)/"', text):
                assert event_page(target) in pages, (path, target)


def test_a_single_report_event_links_to_the_fact_on_its_article(tmp_path):
    ix, events, pages = generate(tmp_path, list(ARTICLES))
    strike = next(e for e in events if e.type == "strike")
    assert strike.id not in ix.event_pages
    article = pages["article/marib-strike.md"]
    assert 'id="strikes-1"' in article and "صفحة الحدث" not in article
    timeline = "".join(text for path, text in pages.items() if path.startswith("timeline/2024-05"))
    assert 'href="../../article/marib-strike/#strikes-1"' in timeline
    group = pages["group/ansar-allah.md"]
    assert 'href="../../article/marib-strike/#strikes-1"' in group
    assert "event/" not in group


def test_an_editor_joined_event_keeps_its_page_with_one_report(tmp_path):
    articles = copy.deepcopy(ARTICLES)
    articles[2]["strikes"][0]["event"] = "marib-drone-strike"
    ix, events, pages = generate(tmp_path, articles)
    assert "event/marib-drone-strike.md" in pages
    assert 'href="../../event/marib-drone-strike/"' in pages["article/marib-strike.md"]


# --- the page cache of `mkdocs serve` rebuilds ------------------------------------------------

def _edit(path, change):
    """Rewrite a YAML file through `change(data)`, with a new mtime (as an editor's save)."""
    text = path.read_text(encoding="utf-8")
    new = change(text)
    assert new != text
    path.write_text(new, encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def _render(facts_dir, cache):
    facts, _ = load_facts(facts_dir)
    events = cluster_events(facts)
    ix = SiteIndex.build(facts, events)
    return site_pages(facts, events, ix, {a: f"خلاصة {a}" for a in facts.articles}, cache)


EDITS = [
    ("article title", "articles/muscat-talks.yaml", lambda t: t.replace("مباحثات عُمانية يمنية", "لقاء عُماني يمني")),
    ("entity renamed", "entities/salem-al-harthi.yaml", lambda t: t.replace("سالم بن ناصر الحارثي", "سالم الحارثي")),
    ("alias added", "entities/abdullah-maqbel.yaml", lambda t: t.replace("- عبدالله مقبل", "- عبدالله مقبل\n- المبعوث مقبل")),
    ("participant changed", "articles/islamabad-visit.yaml",
     lambda t: t.replace("- hossein-taleghani\n  - salem-al-harthi", "- hossein-taleghani\n  - abdullah-maqbel")),
    ("country changed", "entities/ansar-allah.yaml", lambda t: t.replace("country: yemen", "country: oman")),
    ("outlet changed", "articles/marib-strike.yaml", lambda t: t.replace("outlet: null", "outlet: وكالة جديدة")),
]


@pytest.mark.parametrize("chronology_page", [40, 1])
def test_pages_from_the_cache_are_the_pages_a_fresh_render_gives(tmp_path, monkeypatch, chronology_page):
    """(With one event per chronology page, the entities' later chronology pages are checked too.)"""
    from generator.site import pages, render_entity

    monkeypatch.setattr(render_entity, "CHRONO_PAGE", chronology_page)
    monkeypatch.setattr(pages, "CHRONO_PAGE", chronology_page)
    facts_dir = write_fixture_facts(tmp_path / "facts", base=list(ARTICLES) + [SECOND_REPORT])
    cache = PageCache()
    first = _render(facts_dir, cache)
    assert cache.rendered > 0 and cache.reused == 0
    again = _render(facts_dir, cache)  # nothing changed: nothing rendered
    assert again == first and cache.rendered == 0
    for what, rel, change in EDITS:
        path = facts_dir / rel
        _edit(path, change)
        incremental = _render(facts_dir, cache)
        rendered, reused = cache.rendered, cache.reused
        fresh = _render(facts_dir, PageCache())
        assert incremental.keys() == fresh.keys(), what
        stale = [p for p in fresh if incremental[p] != fresh[p]]
        assert not stale, f"{what}: stale pages {stale}"
        assert reused > 0 and rendered > 0, what  # some pages re-rendered, some not
    # a new article and a deleted one
    (facts_dir / "articles" / "marib-strike.yaml").unlink()
    incremental = _render(facts_dir, cache)
    fresh = _render(facts_dir, PageCache())
    assert incremental == fresh and "article/marib-strike.md" not in incremental


def test_an_article_title_edit_re_renders_only_the_pages_that_show_it(tmp_path):
    facts_dir = write_fixture_facts(tmp_path / "facts")
    cache = PageCache()
    before = _render(facts_dir, cache)
    _edit(facts_dir / "articles" / "marib-strike.yaml", lambda t: t.replace("هجوم بطائرة مسيّرة قرب مأرب", "هجوم قرب مأرب"))
    after = _render(facts_dir, cache)
    changed = {p for p in after if isinstance(after[p], str) and after[p] != before.get(p)}
    # the article, the entities it names (mentions, chronology), and the lists showing titles
    assert "article/marib-strike.md" in changed and "group/ansar-allah.md" in changed
    assert "person/hossein-taleghani.md" not in changed and "article/muscat-talks.md" not in changed
    # rendered again: the pages that changed, and the timeline month of its strike (its row
    # shows the same, but the key holds the report's article)
    assert set(cache.rendered_paths) <= changed | {"timeline/2024-05.md"}
    assert {p for p in changed if not p.startswith(("articles/", "persons/", "groups/", "countries/", "organizations/",
                                                     "timeline/index", "data"))} <= set(cache.rendered_paths)


def test_html_blocks_kept_from_markdown_come_back_as_markdown_would_give_them():
    import markdown

    from generator.site import rawhtml

    page = "\n".join(["# عنوان &#60;b&#62;", "", '<div class="fs-meta"><span>أ</span></div>', "",
                      "## قسم", "", '<table class="fs-list"><tbody><tr><td>1</td></tr></tbody></table>'
                      '<p class="fs-more">و3 أخرى.</p>', "", '<a href="x/">رابط في سطر</a>', "",
                      "نص *عادي*", ""])
    stashed, blocks = rawhtml.stash(page)
    assert len(blocks) == 2 and "<div" not in stashed and "<a href" in stashed  # inline tags stay with Markdown
    plain = markdown.markdown(page, extensions=["toc"])
    ours = rawhtml.restore(markdown.markdown(stashed, extensions=["toc"]), blocks)
    squash = lambda s: re.sub(r">\s+<", "><", s)  # noqa: E731
    assert squash(ours) == squash(plain)


def test_lean_load_gives_the_same_facts_and_problem_positions(tmp_path):
    """load_facts(lean=True) (a one-off build: no text, marks read again on demand) gives the same
    models and the same problems, at the same lines, as the cached load."""
    from generator.site import loading

    facts_dir = tmp_path / "facts"
    (facts_dir / "articles").mkdir(parents=True)
    (facts_dir / "entities").mkdir(parents=True)
    for e in ({"id": "oman", "kind": "country", "name": "عمان"},
              {"id": "karim-nasser", "kind": "person", "name": "كريم ناصر", "country": "atlantis"}):
        (facts_dir / "entities" / f"{e['id']}.yaml").write_text(yamlio.dump(e), encoding="utf-8")
    article = {"id": "a1", "source": "seeds/a1.txt", "title": "لقاء", "published": "2024-01-02",
               "mentions": ["oman", "karim-nasser"],
               "meetings": [{"participants": ["karim-nasser", "nobody-here"], "kind": "meeting",
                             "evidence": "التقى كريم ناصر ضيفه."}]}
    (facts_dir / "articles" / "a1.yaml").write_text(yamlio.dump(article), encoding="utf-8")
    loading.forget()
    full, _ = loading.load_facts(facts_dir)
    full_problems = loading.reference_problems(full)
    loading.forget()
    lean, _ = loading.load_facts(facts_dir, lean=True)
    assert lean.articles == full.articles and lean.entities == full.entities
    assert all(lf.text == "" for lf in lean.files.values())
    lean_problems = loading.reference_problems(lean)
    loading.forget()
    assert lean_problems == full_problems and len(full_problems) == 2
    assert {p.line for p in full_problems} != {1}  # real lines, not the fallback


@pytest.mark.parametrize("spool", [False, True])
def test_page_bodies_give_back_each_page_once(spool):
    from generator.site.deferred import PageBodies, body, stub

    page = "---\nsearch:\n  boost: 2\n---\n\n# عنوان <b>الصفحة</b>\n\n<div>نص</div>\n\n## قسم\n"
    assert stub(page) == "---\nsearch:\n  boost: 2\n---\n\n# عنوان <b>الصفحة</b>\n"
    assert body(page).startswith("# عنوان") and "search:" not in body(page)
    bodies = PageBodies(spool=spool)
    try:
        bodies.put("a.md", page)
        bodies.put("b.md", "# ب\n")
        folder = bodies.download("data/x.csv", b"1,2\n")
        assert (folder is not None) == spool
        assert bodies.take("b.md") == "# ب\n" and bodies.take("a.md") == page
        assert "a.md" not in bodies
    finally:
        bodies.close()
    assert bodies.folder is None and (folder is None or not os.path.exists(folder))


def test_serve_reuses_the_events_only_while_what_clustering_reads_is_unchanged(tmp_path):
    """loading.clusters: a title edit keeps the last events (the same list); a fact edit clusters
    again; either way the events are those cluster_events gives."""
    from generator.site import loading

    facts_dir = write_fixture_facts(tmp_path / "facts", base=list(ARTICLES) + [SECOND_REPORT])
    target = facts_dir / "articles" / "muscat-talks-2.yaml"
    loading.forget()
    try:
        facts, _ = load_facts(facts_dir)
        first = loading.clusters(facts)
        assert first == cluster_events(facts)
        _edit(target, lambda t: re.sub(r"(?m)^title:.*$", "title: عنوان جديد للخبر", t, count=1))
        facts, parsed = load_facts(facts_dir)
        assert parsed == 1 and facts.articles["muscat-talks-2"].title == "عنوان جديد للخبر"
        assert loading.clusters(facts) is first
        _edit(target, lambda t: t.replace("date: '2024-03-11'", "date: '2024-02-01'").replace(
            "date: 2024-03-11", "date: 2024-02-01"))
        facts, _ = load_facts(facts_dir)
        again = loading.clusters(facts)
        assert again is not first and again == cluster_events(facts) and again != first
    finally:
        loading.forget()


def test_an_event_page_stays_bounded_however_many_articles_repeat_it(tmp_path, monkeypatch):
    import generator.site.render_event as render_event
    monkeypatch.setattr(render_event, "REPORTS_QUOTED", 2)
    monkeypatch.setattr(render_event, "REPORTS_LINKED", 3)

    def copies(n):
        out = []
        for k in range(n):
            report = copy.deepcopy(SECOND_REPORT)
            report["id"] = report["source"] = f"muscat-talks-copy-{k}"
            report["source"] = f"seeds/muscat-talks-copy-{k}.txt"
            out.append(report)
        return out

    sizes = {}
    for n in (40, 80):
        ix, events, pages = generate(tmp_path / str(n), list(ARTICLES) + copies(n))
        [merged] = [e for e in events if len(e.facts) > 1]
        page = pages[event_page(merged.id)]
        assert page.count('class="fs-fact fs-report"') == 2
        assert f"و{n + 1 - 5} تقريراً آخر" in page  # n copies + the fixture's own report, 2 quoted, 3 linked
        sizes[n] = len(page)
    assert abs(sizes[80] - sizes[40]) < 20  # past every cap only the counts differ
