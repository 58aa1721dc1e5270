"""Full `mkdocs build --strict` of a small fixture site (the project's own
mkdocs.yml, docs/ and plugin; facts written here) and what it must produce.

`write_fixture_facts` and `build_site` are also used by test_browser.py and
test_search.py. The Arabic sentences are written for these tests.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator import yamlio

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = [sys.executable, "-m", "mkdocs"]

ENTITIES = [
    {"id": "oman", "kind": "country", "name": "سلطنة عُمان", "aliases": ["عمان", "السلطنة"]},
    {"id": "yemen", "kind": "country", "name": "اليمن", "aliases": ["الجمهورية اليمنية"]},
    {"id": "pakistan", "kind": "country", "name": "باكستان"},
    {"id": "saudi-arabia", "kind": "country", "name": "السعودية", "aliases": ["المملكة العربية السعودية"]},
    {"id": "oman-foreign-ministry", "kind": "organization", "name": "وزارة الخارجية العمانية", "country": "oman"},
    {"id": "ansar-allah", "kind": "group", "name": "أنصار الله",
     "aliases": ["الحوثيون", "جماعة الحوثي", "الحوثيين"], "country": "yemen",
     "description": "جماعة مسلّحة يمنية"},
    {"id": "salem-al-harthi", "kind": "person", "name": "سالم بن ناصر الحارثي", "country": "oman",
     "aliases": ["الحارثي"],
     "roles": [{"title": "وزير الخارجية", "country": "oman", "article": "muscat-talks"}]},
    {"id": "abdullah-maqbel", "kind": "person", "name": "عبد الله مقبل", "country": "yemen",
     "aliases": ["عبدالله مقبل"],
     "roles": [{"title": "مبعوث الحكومة اليمنية", "country": "yemen", "article": "muscat-talks"}]},
    {"id": "hossein-taleghani", "kind": "person", "name": "حسين طالقاني", "country": "pakistan",
     "aliases": ["طالقاني", "أبو فارس"],
     "roles": [{"title": "مستشار الأمن القومي", "country": "pakistan", "article": "islamabad-visit"}]},
]

ARTICLES = [
    {
        "id": "muscat-talks", "source": "seeds/muscat-talks.txt",
        "title": "مباحثات عُمانية يمنية في مسقط حول التهدئة", "outlet": "وكالة الخليج التجريبية",
        "published": "2024-03-12", "reviewed": False,
        "mentions": ["oman", "yemen", "salem-al-harthi", "abdullah-maqbel", "ansar-allah"],
        "meetings": [{"participants": ["salem-al-harthi", "abdullah-maqbel"], "kind": "talks", "place": "oman",
                      "date": "2024-03-11",
                      "evidence": "بحث وزير الخارجية العماني سالم بن ناصر الحارثي مع المبعوث اليمني عبد الله مقبل "
                                  "في مسقط سبل وقف الهجمات التي تشنها الجماعات المسلّحة."}],
        "statements": [{"speaker": "salem-al-harthi", "text": "السلطنة تدعم كل جهد لوقف القتال",
                        "evidence": "وقال الحارثي إن السلطنة تدعم كل جهد لوقف القتال مع الحوثيين."}],
    },
    {
        "id": "islamabad-visit", "source": "seeds/islamabad-visit.txt",
        "title": "طالقاني يصل إلى إسلام آباد", "outlet": "صحيفة الشرق التجريبية",
        "published": "2024-04-02", "reviewed": True,
        "mentions": ["hossein-taleghani", "pakistan", "saudi-arabia"],
        "visits": [{"visitor": "hossein-taleghani", "destination": "pakistan", "status": "done", "date": "2024-04-01",
                    "evidence": "وصل مستشار الأمن القومي حسين طالقاني أمس إلى إسلام آباد في زيارة رسمية."}],
        "agreements": [{"parties": ["pakistan", "saudi-arabia"], "subject": "تعزيز التعاون الأمني على الحدود",
                        "status": "signed", "date": "2024-04-01",
                        "evidence": "ووقّع البلدان مذكرة لتعزيز التعاون الأمني على الحدود."}],
        "meetings": [{"participants": ["hossein-taleghani", "salem-al-harthi"], "kind": "call",
                      "evidence": "وأجرى طالقاني اتصالاً هاتفياً مع الحارثي بحثا فيه أمن الملاحة."}],
    },
    {
        "id": "marib-strike", "source": "seeds/marib-strike.txt",
        "title": "هجوم بطائرة مسيّرة قرب مأرب", "outlet": None, "published": "2024-05-20", "reviewed": False,
        "mentions": ["ansar-allah", "saudi-arabia", "yemen"],
        "strikes": [{"attacker": "ansar-allah", "targets": ["saudi-arabia"], "place": "yemen",
                     "means": ["طائرة مسيّرة"], "date": "2024-05-19",
                     "evidence": "أعلنت جماعة أنصار الله مسؤوليتها عن هجوم بطائرة مسيّرة استهدف موقعاً قرب مأرب."}],
        "statements": [{"speaker": "ansar-allah", "text": "الجماعة لا ترفض الحوار والمفاوضات",
                        "evidence": "وقال متحدث باسم الجماعة إنها لا ترفض الحوار والمفاوضات إذا توقفت الغارات."}],
    },
]

HOSTILE_TITLE = '</title><script>alert("t")</script> عنوان {: onclick="alert(1)" }'
HOSTILE_EVIDENCE = ('<img src=x onerror=alert("e")> [اضغط هنا](javascript:alert("l")) { onclick=alert("a") } '
                    '--8<-- "mkdocs.yml" {++ إضافة ++} :smile: `رمز` | خلية | <script>alert("s")</script>')
HOSTILE_NAME = '<b onmouseover=alert("n")>جماعة خبيثة</b> {#x .y onclick=z}'
HOSTILE_ENTITY = {"id": "hostile-group", "kind": "group", "name": HOSTILE_NAME,
                  "aliases": ["[رابط](javascript:alert(9))", "--8<-- \"/etc/passwd\""],
                  "description": "<iframe src=javascript:alert(7)></iframe>"}
HOSTILE_ARTICLE = {
    "id": "hostile", "source": "seeds/<script>.txt", "title": HOSTILE_TITLE,
    "outlet": "<a href=javascript:alert(8)>منفذ</a>", "published": "2024-06-01", "reviewed": False,
    "mentions": ["hostile-group"],
    "statements": [{"speaker": "hostile-group", "text": "<svg onload=alert(6)>", "evidence": HOSTILE_EVIDENCE}],
}


def write_fixture_facts(facts_dir: Path, *, hostile: bool = False, base: list | None = None) -> Path:
    """A facts folder with the fixture articles and entities (and the hostile pair)."""
    (facts_dir / "articles").mkdir(parents=True, exist_ok=True)
    (facts_dir / "entities").mkdir(parents=True, exist_ok=True)
    entities = list(ENTITIES) + ([HOSTILE_ENTITY] if hostile else [])
    articles = list(ARTICLES if base is None else base) + ([HOSTILE_ARTICLE] if hostile else [])
    for e in entities:
        (facts_dir / "entities" / f"{e['id']}.yaml").write_text(yamlio.dump(e), encoding="utf-8")
    for a in articles:
        (facts_dir / "articles" / f"{a['id']}.yaml").write_text(yamlio.dump(a), encoding="utf-8")
    return facts_dir


def site_config(tmp: Path, facts_dir: Path, *, editors: bool = True) -> Path:
    """The project's mkdocs.yml pointed at a copy of docs/ and at `facts_dir`, building into tmp/site."""
    docs = tmp / "docs"
    shutil.copytree(ROOT / "docs", docs, dirs_exist_ok=True)
    if editors and not (docs / "editors.md").exists():
        (docs / "editors.md").write_text("# دليل المحررين\n\nصفحة مؤقتة للاختبار.\n", encoding="utf-8")
    (tmp / "seeds").mkdir(exist_ok=True)
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    replace = {
        "docs_dir: docs": f"docs_dir: '{docs}'",
        "site_dir: site": f"site_dir: '{tmp / 'site'}'",
        "custom_dir: generator/site/overrides": f"custom_dir: '{ROOT / 'generator/site/overrides'}'",
        "facts_dir: facts": f"facts_dir: '{facts_dir}'",
        "seeds_dir: seeds": f"seeds_dir: '{tmp / 'seeds'}'",
    }
    for old, new in replace.items():
        assert old in text, f"mkdocs.yml no longer has {old!r}"
        text = text.replace(old, new)
    config = tmp / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


def build_site(config: Path, *, strict: bool = True, timeout: int = 240) -> subprocess.CompletedProcess:
    cmd = MKDOCS + ["build", "-f", str(config)] + (["--strict"] if strict else [])
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", NO_COLOR="1")
    return subprocess.run(cmd, cwd=config.parent, capture_output=True, text=True, timeout=timeout, env=env)


def page_html(site: Path, uri: str) -> str:
    """The built HTML of a docs page given as `a/b.md` (directory URLs)."""
    stem = uri[:-3]
    path = site / ("index.html" if stem == "index" else (stem[:-5] if stem.endswith("/index") else stem + "/") + "index.html")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("site")
    facts = write_fixture_facts(tmp / "facts")
    config = site_config(tmp, facts)
    started = time.perf_counter()
    result = build_site(config)
    seconds = time.perf_counter() - started
    assert result.returncode == 0, result.stderr[-4000:]
    print(f"fixture build: {seconds:.1f} s")
    return tmp / "site", result


def test_home_is_arabic_right_to_left(built):
    site, _ = built
    html = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<html[^>]*lang="ar"', html)
    assert re.search(r'<html[^>]*dir="rtl"', html)
    assert "3 (راجع محرر منها 1)" in html  # counts from the facts
    assert "طالقاني يصل إلى إسلام آباد" in html  # latest articles


def test_a_page_for_every_article_and_entity(built):
    site, _ = built
    for a in ARTICLES:
        assert a["title"] in page_html(site, f"article/{a['id']}.md")
    for e in ENTITIES:
        html = page_html(site, f"{e['kind']}/{e['id']}.md")
        assert f"<h1" in html and e["name"] in html


def test_article_page_links_every_actor_and_quotes_evidence(built):
    site, _ = built
    html = page_html(site, "article/muscat-talks.md")
    assert 'href="../../person/salem-al-harthi/"' in html
    assert 'href="../../person/abdullah-maqbel/"' in html
    assert 'href="../../group/ansar-allah/"' in html  # named groups section
    assert "«بحث وزير الخارجية العماني" in html
    assert "مسودة آلية" in html
    assert "راجعها محرر" in page_html(site, "article/islamabad-visit.md")


def test_entity_page_has_roles_chronology_and_counterparts(built):
    site, _ = built
    html = page_html(site, "person/salem-al-harthi.md")
    assert "وزير الخارجية" in html
    assert html.count("<blockquote") >= 3  # meeting, call and statement
    assert 'href="../hossein-taleghani/"' in html  # met most
    assert re.search(r'href="\.\./\.\./article/islamabad-visit/#(meetings|statements)-\d+"', html)  # the fact itself
    assert 'href="../../country/oman/"' in html
    # Arabic anchors, not _1
    assert 'id="التسلسل-الزمني-3"' in html


def test_generated_pages_are_not_in_the_navigation(built):
    site, _ = built
    for page in ("index.html", "article/muscat-talks/index.html", "person/salem-al-harthi/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        chrome = html[: html.index("<article")] + html[html.index("</article>"):]  # everything but the content
        hrefs = re.findall(r'href="([^"]+)"', chrome)
        assert any(h.rstrip("/").endswith("persons") for h in hrefs), hrefs
        generated = [h for h in hrefs if re.search(r"(^|/)(article|person|country|organization|group)/[a-z0-9-]+/?$", h)]
        assert generated == [], generated
        assert chrome.count('class="md-nav__link') <= 30


def test_search_index_has_folded_terms_in_real_arabic(built):
    site, _ = built
    raw = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "\\u06" not in raw and "الحوثيين" in raw
    data = json.loads(raw)
    assert data["config"]["fields"]["folded"]["boost"] > 0
    assert data["config"]["pipeline"] == []
    docs = {d["location"]: d for d in data["docs"]}
    terms = " ".join(d.get("folded", "") for loc, d in docs.items() if loc.startswith("article/muscat-talks/")).split()
    assert "حوثيين" in terms  # الحوثيين without its article
    assert "مسلحه" in terms  # المسلّحة folded
    assert not any(loc.startswith("articles/") for loc in docs)  # list pages stay out of search


def test_open_data_files(built):
    site, _ = built
    data = json.loads((site / "data" / "facts.json").read_text(encoding="utf-8"))
    assert {a["id"] for a in data["articles"]} == {a["id"] for a in ARTICLES}
    assert set(data) == {"entities", "articles", "events"}
    csv = (site / "data" / "meetings.csv").read_text(encoding="utf-8-sig")
    assert csv.splitlines()[0] == "article,index,date,kind,participants,place,evidence"
    assert "salem-al-harthi ; abdullah-maqbel" in csv
    schema = json.loads((site / "data" / "schema" / "article.schema.json").read_text(encoding="utf-8"))
    assert "meetings" in json.dumps(schema)


def test_network_picture(built):
    site, _ = built
    html = page_html(site, "network.md")
    svg = (site / "network.svg").read_text(encoding="utf-8")
    assert "<svg" in html and 'direction="rtl"' in svg
    assert "سالم بن ناصر الحارثي" in svg and 'href="person/salem-al-harthi/"' in svg
    assert 'href="../person/salem-al-harthi/"' in html


def test_no_request_leaves_the_site(built):
    site, _ = built
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for tag in re.findall(r'<(?:script|img|link|iframe|source|video|audio|embed|object)\b[^>]*>', html):
            assert not re.search(r'(?:src|href|data)="(?:https?:)?//', tag), f"{page}: external resource {tag}"
        assert "fonts.googleapis" not in html and "unpkg.com" not in html


def test_fonts_and_their_licence_ship_with_the_site(built):
    site, _ = built
    fonts = site / "assets" / "factsheets" / "fonts"
    assert (fonts / "NotoNaskhArabic-Regular.ttf").stat().st_size > 100_000
    assert "SIL OPEN FONT LICENSE" in (fonts / "OFL.txt").read_text(encoding="utf-8")
    css = (site / "assets" / "factsheets" / "css" / "factsheets.css").read_text(encoding="utf-8")
    assert "@font-face" in css and "NotoNaskhArabic-Regular.ttf" in css


def test_hostile_text_stays_text(tmp_path):
    facts = write_fixture_facts(tmp_path / "facts", hostile=True)
    result = build_site(site_config(tmp_path, facts))
    assert result.returncode == 0, result.stderr[-3000:]
    site = tmp_path / "site"
    html = page_html(site, "article/hostile.md")
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert "<" not in title and "&lt;/title&gt;&lt;script&gt;" in title
    body = html[html.index('<article'):html.index("</article>")]
    for bad in ("<script", "<img", "onerror=", "<iframe", "<svg onload", "javascript:alert", 'onclick="alert',
                "<b onmouseover"):
        assert bad not in body, bad
    assert "site_name" not in body  # the snippet did not include mkdocs.yml
    assert "<ins" not in body and "<code" not in body  # no critic / backtick markup
    assert "&#60;script&#62;" in body or "&lt;script&gt;" in body  # shown as text
    group = page_html(site, "group/hostile-group.md")
    assert "<b onmouseover" not in group and "<iframe" not in group and "javascript:alert" not in group.split(
        "<article")[1].split('href="')[0]


def test_broken_yaml_is_a_warning_with_file_and_line_and_strict_fails(tmp_path):
    facts = write_fixture_facts(tmp_path / "facts")
    broken = facts / "articles" / "marib-strike.yaml"
    text = broken.read_text(encoding="utf-8")
    assert "\noutlet: null\n" in text
    broken.write_text(text.replace("\noutlet: null\n", "\noutlet: [مفتوح بلا إغلاق\n"), encoding="utf-8")
    config = site_config(tmp_path, facts)
    lax = build_site(config, strict=False)
    assert lax.returncode == 0, lax.stderr[-3000:]
    assert re.search(r"WARNING\s+-\s+\S*marib-strike\.yaml:\d+:\d+: YAML does not parse", lax.stderr), lax.stderr
    site = tmp_path / "site"
    assert (site / "article" / "muscat-talks" / "index.html").exists()  # the rest still builds
    assert not (site / "article" / "marib-strike").exists()
    strict = build_site(config, strict=True)
    assert strict.returncode != 0
    assert "marib-strike.yaml:" in strict.stderr


def test_unknown_entity_reference_is_a_warning_with_line(tmp_path):
    facts = write_fixture_facts(tmp_path / "facts")
    (facts / "entities" / "abdullah-maqbel.yaml").unlink()
    result = build_site(site_config(tmp_path, facts), strict=False)
    assert re.search(r"muscat-talks\.yaml:\d+:\d+: meetings\[0\]\.participants\[1\]: unknown entity 'abdullah-maqbel'",
                     result.stderr), result.stderr
    html = page_html(tmp_path / "site", "article/muscat-talks.md")
    assert 'class="fs-missing"' in html


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(predicate, timeout: float) -> float | None:
    """Seconds until predicate() holds, or None after timeout."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if predicate():
            return time.perf_counter() - started
        time.sleep(0.1)
    return None


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["--dirty", None])
def test_serve_updates_after_a_yaml_edit_and_survives_broken_yaml(tmp_path, mode):
    """`mkdocs serve`: an edit shows up, a broken file is a warning naming file and line and
    the server keeps serving, fixing it brings the page back."""
    facts = write_fixture_facts(tmp_path / "facts")
    config = site_config(tmp_path, facts)
    port = _free_port()
    log = tmp_path / "serve.log"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", NO_COLOR="1")
    cmd = MKDOCS + ["serve", "-f", str(config), "-a", f"127.0.0.1:{port}"] + ([mode] if mode else [])
    with log.open("w") as out:
        server = subprocess.Popen(cmd, cwd=tmp_path, stdout=out, stderr=subprocess.STDOUT, env=env)
        try:
            url = f"http://127.0.0.1:{port}/article/muscat-talks/"
            assert _wait_for(lambda: "مباحثات عُمانية" in _get(url), 120) is not None, log.read_text()
            path = facts / "articles" / "muscat-talks.yaml"
            text = path.read_text(encoding="utf-8")
            time.sleep(1.0)
            path.write_text(text.replace("مباحثات عُمانية يمنية", "لقاء عُماني يمني"), encoding="utf-8")
            latency = _wait_for(lambda: "لقاء عُماني يمني" in _get(url), 60)
            assert latency is not None, log.read_text()
            print(f"serve {mode or 'full'}: edit to page {latency:.2f} s")
            path.write_text(text.replace("\noutlet: ", "\noutlet: [بلا إغلاق "), encoding="utf-8")
            assert _wait_for(lambda: re.search(r"WARNING\s+-\s+\S*muscat-talks\.yaml:\d+:\d+: YAML does not parse",
                                               log.read_text()), 60) is not None, log.read_text()
            assert "طالقاني يصل" in _get(f"http://127.0.0.1:{port}/article/islamabad-visit/")  # still serving
            path.write_text(text, encoding="utf-8")
            assert _wait_for(lambda: "مباحثات عُمانية" in _get(url), 60) is not None, log.read_text()
            assert server.poll() is None
        finally:
            server.terminate()
            server.wait(timeout=20)


def test_deferred_pages_are_byte_for_byte_the_pages_converted_up_front(tmp_path, tree_bytes):
    """Generated pages converted only when written (deferred.py: a stub in MkDocs' first pass, the
    real page in the second, freed after) give the same site as converting every page up front
    (`defer_pages: false`): page HTML, TOC, titles, links, search index, downloads, warnings."""
    facts = write_fixture_facts(tmp_path / "facts", hostile=True)
    (facts / "entities" / "abdullah-maqbel.yaml").unlink()  # a warning, at its line, in both
    config = site_config(tmp_path, facts)
    text = config.read_text(encoding="utf-8")
    eager = text.replace(f"site_dir: '{tmp_path / 'site'}'", f"site_dir: '{tmp_path / 'eager'}'")
    eager, n = re.subn(r"(?m)^(\s+)(facts_dir: .*)$", r"\1\2\n\1defer_pages: false", eager)
    assert n == 1 and eager != text
    (tmp_path / "eager.yml").write_text(eager, encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", NO_COLOR="1", SOURCE_DATE_EPOCH="1700000000")
    runs = [subprocess.run(MKDOCS + ["build", "-f", str(c)], cwd=tmp_path, capture_output=True, text=True,
                           timeout=240, env=env) for c in (config, tmp_path / "eager.yml")]
    for run in runs:
        assert run.returncode == 0, run.stderr[-3000:]
    warnings = [sorted(ln for ln in run.stderr.splitlines() if ln.startswith("WARNING")) for run in runs]
    assert any("unknown entity 'abdullah-maqbel'" in w for w in warnings[0]) and warnings[0] == warnings[1]
    deferred, upfront = tree_bytes(tmp_path / "site"), tree_bytes(tmp_path / "eager")
    assert sorted(deferred) == sorted(upfront)
    assert [p for p in deferred if deferred[p] != upfront[p]] == []
    html = page_html(tmp_path / "site", "person/salem-al-harthi.md")
    assert "<h1" in html and 'class="md-nav md-nav--secondary"' in html  # the page's own TOC is there
