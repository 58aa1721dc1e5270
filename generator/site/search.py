"""The folded Arabic search field, added to Material's search index after the build.

Material's search (lunr) matches surface prefixes only: حوثي does not find
الحوثيين, انصار does not find أنصار. Each entry of search_index.json gets a
`folded` field holding the forms of its words that the surface text lacks:
folded (no diacritics or tatweel, one alef, ى→ي, ة→ه) and without the
clitics و ف ب ل ك and the article ال (`generator.normalize.search_terms`).
The page's own text stays as it is (both forms are searchable), and
assets/factsheets/js/search-fold.js folds the reader's query the same way.

The index is rewritten with real Arabic characters (not \\uXXXX escapes),
which also makes it much smaller.

Generated pages are indexed here, not by Material's search plugin
(`page_entries`): Material runs Python's HTMLParser over every page, a
third of the build at 1,000 articles, mostly over blocks it then drops
(`data-search-exclude`). Our pages are Markdown headings around HTML blocks
we wrote, so a section is the text between two headings and an excluded
block is one whose first tag says so: a few regular expressions suffice.
Sections that keep no text (their blocks are all excluded) are left out,
and table cells are kept apart by a space.
"""
from __future__ import annotations

import html
import json
import os
import re
import shutil
from pathlib import Path

from functools import lru_cache

from ..normalize import WORD, stems

FOLDED_FIELD = "folded"
FOLDED_BOOST = 1.0
_TAG = re.compile(r"<[^>]+>")


# a word's forms, memoized: an index repeats the same few thousand words (a third of the
# search step's time at 10,000 articles went to recomputing them)
_stems = lru_cache(maxsize=262_144)(stems)


def folded_terms(title: str, text: str) -> str:
    """The folded and clitic-less forms of the words of an entry that its text does not already have
    (what `normalize.search_terms` gives, less the surface words)."""
    plain = html.unescape(_TAG.sub(" ", f"{title} {text}"))
    words = [m.group() for m in WORD.finditer(plain)]
    surface = {w.lower() for w in words}
    seen: dict[str, None] = {}
    for word in words:
        for form in _stems(word):
            seen.setdefault(form, None)
    return " ".join(t for t in " ".join(seen).split() if t.lower() not in surface)  # (a form may hold a space)


_HEADING = re.compile(r'<h([1-6]) id="([^"]*)"[^>]*>(.*?)</h\1>', re.S)
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_FIRST_TAG = re.compile(r"<[a-zA-Z][^>]*>")
# Material keeps these tags (bare) in an entry's text; every other tag becomes a space
_TEXT_TAG = re.compile(r"<(/?)(p|code|pre|li|ol|ul|sub|sup)\b[^>]*>|<[^>]*>")
_SPACES = re.compile(r"\s+")
_EMPTY = re.compile(r"<(p|code|pre|li|ol|ul|sub|sup)>\s*</\1>")


_KEPT = re.compile(r"\s*(</?(?:p|code|pre|li|ol|ul|sub|sup)>)\s*")


def _text(fragment: str) -> str:
    """Material's entry text: kept tags bare, other tags a space, character references
    resolved and only & < > escaped again, runs of white space one space, no empty elements."""
    text = _TEXT_TAG.sub(lambda m: f"<{m.group(1)}{m.group(2)}>" if m.group(2) else " ", fragment)
    parts = _KEPT.split(_SPACES.sub(" ", text))
    for i in range(0, len(parts), 2):  # the text between kept tags
        if "&" in parts[i]:
            parts[i] = html.escape(html.unescape(parts[i]), quote=False)
    text = "".join(parts)
    while True:
        shorter = _EMPTY.sub("", text)
        if shorter == text:
            return text.strip()
        text = shorter


def page_entries(html: str, blocks: list[str], placeholder: re.Pattern, url: str, title: str,
                 boost: float | None) -> list[dict]:
    """Search entries (Material's format) for a generated page's converted HTML, its raw HTML
    blocks still as `placeholder` paragraphs (rawhtml.py): one per heading with an id, the
    first (the page title) at `url` itself, the others at url#id; blocks whose first tag has
    `data-search-exclude` are not indexed."""

    def block(m: re.Match) -> str:
        raw = blocks[int(m.group(1))]
        first = _FIRST_TAG.match(raw)
        return "" if first and "data-search-exclude" in first.group() else raw

    html = placeholder.sub(block, html)
    entries = []
    heads = list(_HEADING.finditer(html))
    lead = _text(html[: heads[0].start()] if heads else html)
    if lead or not heads:
        entries.append({"location": url, "title": title, "text": lead})
    for n, h in enumerate(heads):
        end = heads[n + 1].start() if n + 1 < len(heads) else len(html)
        text = _text(html[h.end(): end])
        first = not entries
        if text or first:
            head = _text(_HEADERLINK.sub("", h.group(3)))
            entries.append({"location": url if first else f"{url}#{h.group(2)}", "title": head or title,
                            "text": text})
    if boost is not None:
        for e in entries:
            e["boost"] = boost
    return entries


class OwnEntries:
    """The search entries of the pages indexed by the plugin, as JSON text with their folded field:
    per page URL in memory (kept across `mkdocs serve` rebuilds), or appended to a spool file in
    `spool` (a folder; a one-off build need not hold ~100 MB of entries until the end)."""

    def __init__(self, spool: str | None) -> None:
        self.pages: dict[str, list[str]] = {}
        self.count = 0
        self.path = os.path.join(spool, "search-entries.json") if spool else None
        self._file = None

    def add(self, url: str, entries: list[dict], excluded_prefixes: tuple[str, ...] = ()) -> None:
        docs = []
        for doc in entries:
            if doc.get("location", "").startswith(excluded_prefixes):
                continue
            if FOLDED_FIELD not in doc:
                doc[FOLDED_FIELD] = folded_terms(doc.get("title", ""), doc.get("text", ""))
            docs.append(json.dumps(doc, ensure_ascii=False, separators=(",", ":")))
        self.count += len(docs)
        if self.path is None:
            self.pages.setdefault(url, []).extend(docs)
        elif docs:
            if self._file is None:
                self._file = open(self.path, "w", encoding="utf-8")
            else:
                self._file.write(",")
            self._file.write(",".join(docs))

    def spooled(self) -> str | None:
        """The spool file's path (closed for writing), if any entries were spooled."""
        if self._file is not None:
            self._file.close()
            self._file = None
            return self.path
        return None


def write_search_index(path: Path, own: OwnEntries, excluded_prefixes: tuple[str, ...] = (),
                       last: dict[str, list[str]] | None = None, live: set[str] = frozenset()) -> dict:
    """Material's search_index.json (its entries folded) with `own` entries after them, written
    with real characters. `last`: the previous build's entries per page (a `mkdocs serve --dirty`
    rebuild indexes only the rebuilt pages): those of pages still in the site (`live`) and not
    indexed now are carried over. Returns counts for the log and, in "pages", the entries per page."""
    data = json.loads(path.read_text(encoding="utf-8"))
    stats = fold_docs(data, excluded_prefixes)
    pages: dict[str, list[str]] = {}
    for doc in data["docs"]:
        pages.setdefault(doc["location"].split("#", 1)[0], []).append(
            json.dumps(doc, ensure_ascii=False, separators=(",", ":")))
    for url, docs in own.pages.items():
        pages.setdefault(url, []).extend(docs)
    carried = 0
    for url, docs in (last or {}).items():
        if url not in pages and url in live:
            pages[url] = docs
            carried += len(docs)
    head = json.dumps({k: v for k, v in data.items() if k != "docs"}, ensure_ascii=False, separators=(",", ":"))
    spooled = own.spooled()
    with open(path, "w", encoding="utf-8") as out:
        out.write(f'{head[:-1]},"docs":[' if head != "{}" else '{"docs":[')
        docs = ",".join(d for entries in pages.values() for d in entries)
        out.write(docs)
        if spooled:
            if docs:
                out.write(",")
            with open(spooled, encoding="utf-8") as f:
                shutil.copyfileobj(f, out, 1 << 20)
        out.write("]}")
    return {"entries": stats["entries"] + own.count, "folded": stats["folded"] + own.count, "carried": carried,
            "bytes": path.stat().st_size, "pages": pages}


def fold_search_index(path: Path, excluded_prefixes: tuple[str, ...] = ()) -> dict:
    """Add the folded field to every entry (entries that have it keep theirs), drop
    entries under `excluded_prefixes`, and write the index with real characters.
    Returns counts for the log."""
    data = json.loads(path.read_text(encoding="utf-8"))
    stats = fold_docs(data, excluded_prefixes)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text, encoding="utf-8")
    return {**stats, "bytes": len(text.encode("utf-8"))}


def fold_docs(data: dict, excluded_prefixes: tuple[str, ...] = ()) -> dict:
    """fold_search_index on the parsed index, in place."""
    config = data.setdefault("config", {})
    config.setdefault("fields", {})[FOLDED_FIELD] = {"boost": FOLDED_BOOST}
    docs = [d for d in data.get("docs", []) if not d.get("location", "").startswith(excluded_prefixes)]
    added = 0
    for doc in docs:
        if FOLDED_FIELD not in doc:
            doc[FOLDED_FIELD] = folded_terms(doc.get("title", ""), doc.get("text", ""))
            added += 1
    data["docs"] = docs
    return {"entries": len(docs), "folded": added}
