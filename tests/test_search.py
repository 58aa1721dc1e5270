"""The folded Arabic search field and the escaping of untrusted text (no browser).

The browser tests (test_browser.py) type the same queries into the real
search box; here the index side is checked directly, with a small model of
lunr's matching (a query term matches an index term it is a prefix of).
"""
from __future__ import annotations

import html
import json
import string

from hypothesis import given, strategies as st

from generator.normalize import WORD, stems
from generator.site.html import esc
from generator.site import rawhtml
from generator.site.search import FOLDED_FIELD, fold_search_index, folded_terms, page_entries

PAGE_TEXT = ("قال المتحدث إن الحوثيين يرفضون الحوار، وإن والمفاوضات متوقفة منذ أشهر. "
             "وأكدت جماعة أنصار الله أن الجماعات المسلّحة في المنطقة لم تُستهدف بطائرة مسيّرة.")
READER_QUERIES = ["حوثي", "الحوثيين", "مفاوضات", "والمفاوضات", "انصار", "أنصار", "مسلحة", "مسلّحة", "مسيرة"]


def index_terms(title: str, text: str) -> set[str]:
    """What lunr indexes for an entry: the surface words (lower-cased) and the folded field."""
    surface = {m.group().lower() for m in WORD.finditer(f"{title} {text}")}
    return surface | set(folded_terms(title, text).split())


def query_forms(query: str) -> list[str]:
    """What search-fold.js sends: each typed word and its folded, clitic-less stems."""
    out: list[str] = []
    for word in query.split():
        for form in (word, *stems(word)):
            if form not in out:
                out.append(form)
    return out


def hits(query: str, terms: set[str]) -> bool:
    return any(t.startswith(q) for q in query_forms(query) for t in terms)


def test_reader_queries_hit_other_spellings():
    terms = index_terms("عنوان", PAGE_TEXT)
    missing = [q for q in READER_QUERIES if not hits(q, terms)]
    assert missing == []


def test_queries_without_folding_would_miss():
    """The point of the folded field: the surface words alone miss these queries."""
    surface = {m.group().lower() for m in WORD.finditer(PAGE_TEXT)}
    assert not any(t.startswith("حوثي") for t in surface)
    assert not any(t.startswith("انصار") for t in surface)
    assert not any(t.startswith("مسلحة") for t in surface)


def test_unrelated_query_does_not_hit():
    terms = index_terms("عنوان", PAGE_TEXT)
    assert not hits("طالبان", terms)
    assert not hits("مفاوضين", terms)


def test_folded_field_has_only_new_forms():
    folded = folded_terms("", "الحوثيين والمفاوضات")
    assert folded.split() == ["حوثيين", "المفاوضات", "مفاوضات"]
    assert folded_terms("", "مفاوضات") == ""  # nothing the text does not already have


def test_folded_field_ignores_markup_and_entities():
    folded = folded_terms("<code>x</code>", "&#60;b&#62;المسلّحة&lt;/b&gt;").split()
    assert "مسلحه" in folded and "code" not in folded and "b" not in folded


def test_fold_search_index_rewrites_with_real_arabic(tmp_path):
    path = tmp_path / "search_index.json"
    docs = [{"location": "article/a/", "title": "أنصار الله", "text": "الحوثيين"},
            {"location": "articles/", "title": "المقالات", "text": "قائمة"},
            {"location": "person/b/", "title": "س", "text": "ص", FOLDED_FIELD: "kept"}]
    path.write_text(json.dumps({"config": {"lang": ["ar"], "fields": {"title": {"boost": 1000}}}, "docs": docs}),
                    encoding="utf-8")
    assert "\\u0" in path.read_text(encoding="utf-8")
    stats = fold_search_index(path, ("articles/",))
    raw = path.read_text(encoding="utf-8")
    assert "\\u0" not in raw and "الحوثيين" in raw
    data = json.loads(raw)
    assert data["config"]["fields"][FOLDED_FIELD]["boost"] > 0
    assert [d["location"] for d in data["docs"]] == ["article/a/", "person/b/"]
    assert set(data["docs"][0][FOLDED_FIELD].split()) >= {"انصار", "حوثيين"}
    assert data["docs"][1][FOLDED_FIELD] == "kept"
    assert stats == {"entries": 2, "folded": 1, "bytes": len(raw.encode("utf-8"))}


HOSTILE = ['</title><script>alert(1)</script>', '{ onclick=alert("a") }', '--8<-- "mkdocs.yml"', "{++ x ++}",
           ":smile:", "`code`", "[l](javascript:alert(1))", "| a | b |", "# heading", "*em* _em_", "++ctrl++",
           "==mark==", "^^ins^^", "~~del~~", "<!-- c -->", "&amp;", "\\*", "(c) 1/2 -->"]


def test_escaped_text_has_no_syntax_left():
    for text in HOSTILE:
        out = esc(text)
        stripped = out
        for code in {f"&#{ord(c)};" for c in string.punctuation}:
            stripped = stripped.replace(code, "")
        assert not set(stripped) & set(string.punctuation), (text, out)
        assert html.unescape(out) == text


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80))
def test_escape_round_trips_as_text(text):
    out = esc(text)
    assert "<" not in out and ">" not in out and '"' not in out and "`" not in out and "{" not in out
    assert "\n" not in out
    visible = html.unescape(out)
    assert visible == " ".join(visible.split())  # one line, single spaces


def _converted(markdown: str) -> tuple[str, list[str]]:
    """A generated page as on_page_content sees it: Markdown converted, HTML blocks still stashed."""
    import markdown as md
    from markdown.extensions.toc import slugify_unicode

    stashed, blocks = rawhtml.stash(markdown)
    return md.markdown(stashed, extensions=["toc"], extension_configs={"toc": {"slugify": slugify_unicode}}), blocks


def test_page_entries_split_at_headings_and_skip_excluded_blocks():
    html_text, blocks = _converted(
        "# سالم الراشد\n\n<div class=\"fs-meta\">شخص &#45; اليمن</div>\n\n"
        "## الصفات\n\n<table><tr><td>وزير</td><td>اليمن</td></tr></table>\n\n"
        "## التسلسل الزمني\n\n<div class=\"fs-chronology\" data-search-exclude><p>دليل مكرر</p></div>\n\n"
        "## المقالات\n\n<ul><li>مقالة &lt;أولى&gt;</li></ul>\n")
    entries = page_entries(html_text, blocks, rawhtml.PLACEHOLDER, "person/salem/", "سالم الراشد", 3)
    assert [e["location"] for e in entries] == ["person/salem/", "person/salem/#الصفات", "person/salem/#المقالات"]
    assert entries[0] == {"location": "person/salem/", "title": "سالم الراشد", "text": "شخص - اليمن", "boost": 3}
    assert entries[1]["title"] == "الصفات" and entries[1]["text"] == "وزير اليمن"  # cells kept apart
    assert entries[2]["text"] == "<ul><li>مقالة &lt;أولى&gt;</li></ul>"  # markup escaped as text stays so
    assert not any("دليل مكرر" in e["text"] for e in entries)  # the excluded block and its empty section


def test_page_entries_of_a_page_without_headings():
    html_text, blocks = _converted("<p>نص بلا عناوين</p>\n")
    assert page_entries(html_text, blocks, rawhtml.PLACEHOLDER, "x/", "عنوان", None) == [
        {"location": "x/", "title": "عنوان", "text": "<p>نص بلا عناوين</p>"}]
