"""The built site in a real browser (Debian's chromium through playwright).

The site: the seed facts in facts/ when the extractor has written them, with
the test fixture articles and a hostile article added; otherwise the fixture
alone plus the hostile article. It is served from 127.0.0.1 by http.server in
a thread; any request for another host is blocked and fails the test.

Skipped only when /usr/bin/chromium is missing, and never when CI=true.
"""
from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.normalize import fold, stems
from generator.store import FactsStore
from test_site_build import (ARTICLES, ENTITIES, HOSTILE_NAME, ROOT, build_site, site_config,
                             write_fixture_facts)

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = ROOT / "artifacts"
SEED_FACTS = ROOT / "facts"


def _need_chromium():
    if CHROMIUM.exists():
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{CHROMIUM} is missing: CI must run the browser tests (apt-get install chromium)")
    pytest.skip(f"{CHROMIUM} is missing")


def _has_seed_articles() -> bool:
    return any((SEED_FACTS / "articles").glob("*.yaml"))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    _need_chromium()
    tmp = tmp_path_factory.mktemp("browser")
    facts = tmp / "facts"
    if _has_seed_articles():
        shutil.copytree(SEED_FACTS, facts, ignore=shutil.ignore_patterns(".*"))
    write_fixture_facts(facts, hostile=True)
    result = build_site(site_config(tmp, facts), strict=False)
    assert result.returncode == 0, result.stderr[-3000:]
    loaded = FactsStore(facts).load()
    handler = functools.partial(_QuietHandler, directory=str(tmp / "site"))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", loaded
    server.shutdown()
    server.server_close()


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # the browser cancelling a request (a broken pipe) is not a test failure


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def browser(site):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Watch:
    """What a page did: requests off the machine, console errors, dialogs."""

    def __init__(self):
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []

    def check(self):
        assert self.outside == [], f"requests left 127.0.0.1: {self.outside}"
        assert self.errors == [], f"console errors: {self.errors}"
        assert self.dialogs == [], f"dialogs fired: {self.dialogs}"


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ar")
    watch = Watch()

    def route(r):
        host = urlsplit(r.request.url).hostname
        if r.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            r.continue_()
        else:
            watch.outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    pg = context.new_page()
    pg.on("console", lambda m: watch.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: watch.errors.append(str(e)))
    pg.on("dialog", lambda d: (watch.dialogs.append(d.message), d.dismiss()))
    pg.watch = watch
    yield pg
    context.close()
    watch.check()


def search(pg, query: str) -> list[str]:
    """Type a query into Material's search box; the result links."""
    box = pg.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.press_sequentially(query, delay=15)
    box.press("End")  # Arabic letters are typed as text input without key events; Material listens to keyup
    try:
        pg.wait_for_function("document.querySelectorAll('.md-search-result__item').length > 0", timeout=6000)
    except Exception:
        return []
    return pg.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.getAttribute('href'))")


def heading(pg) -> str:
    """The page's h1 without Material's ¶ permalink."""
    return pg.evaluate("document.querySelector('article h1').childNodes[0].textContent").strip()


def test_right_to_left_and_screenshots(site, page):
    base, _ = site
    page.goto(base)
    assert page.get_attribute("html", "dir") == "rtl" and page.get_attribute("html", "lang") == "ar"
    assert page.get_attribute("body", "dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.querySelector('.md-typeset')).direction") == "rtl"
    page.wait_for_function("document.fonts.status === 'loaded'")
    families = page.evaluate("[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")
    assert any("Noto" in f for f in families), families
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "site-home.png"), full_page=True)
    page.goto(base + "person/salem-al-harthi/")
    page.screenshot(path=str(ARTIFACTS / "site-person.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(ARTIFACTS / "site-person-phone.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 1  # no sideways scrolling on a phone


QUERIES = [  # (what a reader types, a page that must come back) – the pages use other spellings
    ("حوثي", "article/muscat-talks/"),  # the page says الحوثيين
    ("انصار", "group/ansar-allah/"),  # أنصار
    ("مسلحة", "article/muscat-talks/"),  # المسلّحة
    ("اسلام اباد", "article/islamabad-visit/"),  # إسلام آباد
    ("طالقاني", "person/hossein-taleghani/"),  # a person's name
    ("ابو فارس", "person/hossein-taleghani/"),  # an alias written أبو فارس
    ("والحارثي", "person/salem-al-harthi/"),  # with a clitic
    ("مسيرة", "article/marib-strike/"),  # مسيّرة
    ("مفاوضات", "article/marib-strike/"),  # والمفاوضات
    ("الحوثيين", "group/ansar-allah/"),  # an alias, as written
]
SEED_QUERIES = ["جيش الظلم", "استخبارات", "اسلام اباد", "باكستان"]  # on the seed site: each must return results


def test_arabic_search_finds_other_spellings(site, page):
    base, _ = site
    page.goto(base)
    found = {}
    for query, expected in QUERIES:
        hrefs = search(page, query)
        found[query] = len(hrefs)
        assert any(expected in h for h in hrefs), f"{query!r}: {hrefs}"
    print("search hits:", found)


def test_search_finds_seed_people_by_folded_names(site, page):
    """On the seed site: every person is found by their name typed without hamza or diacritics."""
    base, facts = site
    people = [e for e in facts.entities.values() if e.kind == "person" and e.id not in {x["id"] for x in ENTITIES}]
    if not people:
        pytest.skip("no seed facts yet (run `python -m generator extract`)")
    page.goto(base)
    misses = []
    for person in people[:8]:
        query = fold(person.name).replace("ه", "ة") if False else fold(person.name)
        hrefs = search(page, query)
        if not any(f"{person.kind}/{person.id}/" in h for h in hrefs):
            misses.append((person.id, query, hrefs[:3]))
    assert misses == []


def test_seed_site_queries_return_results(site, page):
    base, _ = site
    if not _has_seed_articles():
        pytest.skip("no seed facts yet (run `python -m generator extract`)")
    page.goto(base)
    found = {q: len(search(page, q)) for q in SEED_QUERIES}
    print("seed search hits:", found)
    assert all(found.values()), found


def test_query_folding_matches_python(site, page):
    base, _ = site
    page.goto(base)
    words = ["الحوثيين", "والمفاوضات", "للأمن", "بالسلاح", "مسلّحة", "إسلام", "آباد", "فالتقى", "كالعادة",
             "مُحَمَّد", "ـــاليمن", "٢٠٢٤", "ولي", "بلال", "لل", "ABC"]
    js = page.evaluate("ws => ws.map(w => window.factsheetsSearch.stems(w))", words)
    assert js == [list(stems(w)) for w in words]


def test_links_home_person_article_group_and_back(site, page):
    base, _ = site
    page.goto(base)
    page.click("a.md-tabs__link:has-text('الأشخاص')")
    page.wait_for_url("**/persons/")
    page.click("article a[href*='person/salem-al-harthi/']")
    page.wait_for_url("**/person/salem-al-harthi/")
    assert heading(page) == "سالم بن ناصر الحارثي"
    page.click("article a[href*='article/muscat-talks/']")
    page.wait_for_url("**/article/muscat-talks/")
    page.click("article a[href*='group/ansar-allah/']")
    page.wait_for_url("**/group/ansar-allah/")
    assert heading(page) == "أنصار الله"
    page.go_back()
    page.wait_for_url("**/article/muscat-talks/")
    page.go_back()
    page.wait_for_url("**/person/salem-al-harthi/")
    page.go_back()
    page.wait_for_url("**/persons/")
    page.go_back()
    assert page.url == base


def test_every_link_of_an_article_stays_on_the_site_and_resolves(site, page):
    base, _ = site
    page.goto(base + "article/islamabad-visit/")
    hrefs = page.eval_on_selector_all("article a[href]", "els => els.map(e => e.href)")
    assert hrefs
    for href in hrefs:
        assert href.startswith(base), href
        if "#" not in href:
            response = page.request.get(href)
            assert response.ok, href


def test_hostile_article_is_shown_as_text(site, page):
    base, _ = site
    page.goto(base + "article/hostile/")
    page.wait_for_timeout(300)
    assert "</title><script>" in page.title()
    assert heading(page).startswith("</title><script>")
    counts = page.evaluate("""() => ({
        script: document.querySelectorAll('article script').length,
        img: document.querySelectorAll('article img').length,
        iframe: document.querySelectorAll('article iframe, article svg').length,
        handlers: [...document.querySelectorAll('article *')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
        js: [...document.querySelectorAll('a[href]')].filter(a => a.href.trim().toLowerCase().startsWith('javascript')).length,
    })""")
    assert counts == {"script": 0, "img": 0, "iframe": 0, "handlers": 0, "js": 0}
    text = page.inner_text("article")
    for shown in ('<img src=x onerror=alert("e")>', '--8<-- "mkdocs.yml"', "{ onclick=alert(\"a\") }", ":smile:",
                  "`رمز`", "{++ إضافة ++}"):
        assert shown in text, shown
    assert "site_name" not in text
    page.hover("article a[href*='group/hostile-group/']")
    page.click("article a[href*='group/hostile-group/']")
    page.wait_for_url("**/group/hostile-group/")
    assert heading(page) == " ".join(HOSTILE_NAME.split())
    page.wait_for_timeout(300)


def test_network_picture_links_to_people(site, page):
    base, _ = site
    page.goto(base + "network/")
    nodes = page.locator(".fs-network-svg a")
    assert nodes.count() >= 3
    labels = page.eval_on_selector_all(".fs-network-svg a text", "els => els.map(e => e.textContent)")
    assert "سالم بن ناصر الحارثي" in labels
    page.click(".fs-network-svg a[href*='person/salem-al-harthi/']")
    page.wait_for_url("**/person/salem-al-harthi/")


def test_open_data_downloads(site, page):
    base, _ = site
    for name in ("data/facts.json", "data/meetings.csv", "data/schema/article.schema.json", "network.svg"):
        response = page.request.get(base + name)
        assert response.ok, name
    data = page.request.get(base + "data/facts.json").json()
    assert {a["id"] for a in ARTICLES} <= {a["id"] for a in data["articles"]}
