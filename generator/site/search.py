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
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

from ..normalize import WORD, search_terms

FOLDED_FIELD = "folded"
FOLDED_BOOST = 1.0
_TAG = re.compile(r"<[^>]+>")


def folded_terms(title: str, text: str) -> str:
    """The folded and clitic-less forms of the words of an entry that its text does not already have."""
    plain = html.unescape(_TAG.sub(" ", f"{title} {text}"))
    surface = {m.group().lower() for m in WORD.finditer(plain)}
    return " ".join(t for t in search_terms(plain).split() if t.lower() not in surface)


def fold_search_index(path: Path, excluded_prefixes: tuple[str, ...] = ()) -> dict:
    """Add the folded field to every entry (entries that have it keep theirs), drop
    entries under `excluded_prefixes`, and write the index with real characters.
    Returns counts for the log."""
    data = json.loads(path.read_text(encoding="utf-8"))
    config = data.setdefault("config", {})
    config.setdefault("fields", {})[FOLDED_FIELD] = {"boost": FOLDED_BOOST}
    docs = [d for d in data.get("docs", []) if not d.get("location", "").startswith(excluded_prefixes)]
    added = 0
    for doc in docs:
        if FOLDED_FIELD not in doc:
            doc[FOLDED_FIELD] = folded_terms(doc.get("title", ""), doc.get("text", ""))
            added += 1
    data["docs"] = docs
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text, encoding="utf-8")
    return {"entries": len(docs), "folded": added, "bytes": len(text.encode("utf-8"))}
