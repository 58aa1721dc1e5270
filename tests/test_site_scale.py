"""What keeps the site small and fast at newsroom scale (no MkDocs build here: the
plugin's page generation is called directly on the fixture facts of test_site_build).

- an event gets a page of its own only when two or more facts report it (or an
  editor joined it); a single report's event is the fact on its article page;
- the timeline and the chronologies link there instead.
"""
from __future__ import annotations

import copy
import re

from generator.events import cluster_events
from generator.site.index import SiteIndex, event_page
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
