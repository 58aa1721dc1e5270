"""Escaping and links: the only way untrusted text reaches a page.

Every string that comes from an article or a YAML file (titles, names,
evidence, outlets…) is passed through `esc`, which turns it into inert text
for every layer that reads the page source: HTML (`<`, `&`, quotes),
Markdown (`*`, `_`, `[`, `#`, `|`, backticks) and the extensions MkDocs
sites enable (attribute lists `{ … }`, snippets `--8<--`, critic marks
`{++ ++}`, emoji `:x:`, keys `++x++`, smart symbols). It does so by writing
every ASCII punctuation character as a numeric character reference: all of
these syntaxes are made of ASCII punctuation, and a character reference is
plain text to Markdown and HTML alike. Line breaks become spaces, and
control, zero-width and bidi override characters are dropped (they can
reorder what a reader sees).

Links are only ever made from ids, which the model restricts to
`[a-z0-9-]`; no URL from the input is ever written into an `href`.
"""
from __future__ import annotations

import re
import string

_ESCAPES = {ord(c): f"&#{ord(c)};" for c in string.punctuation}
_INVISIBLE = re.compile("[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def esc(text: object) -> str:
    """Untrusted text as inert text (see the module doc); None is the empty string."""
    return plain(text).translate(_ESCAPES)


def plain(text: object) -> str:
    """Untrusted text flattened to one line, without escaping (for SVG via esc, CSV, JSON)."""
    if text is None:
        return ""
    value = str(text)
    if _INVISIBLE.search(value):
        value = _INVISIBLE.sub("", value)
    return " ".join(value.split())


def page_url(src_uri: str, directory_urls: bool = True) -> str:
    """The URL MkDocs gives the page `src_uri` ("person/x.md" → "person/x/")."""
    stem = src_uri[:-3] if src_uri.endswith(".md") else src_uri
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[:-5]
    return stem + "/"


def relative(target: str, here: str) -> str:
    """A relative link from the page URL `here` to the site URL `target`
    (what mkdocs.utils.get_relative_url gives, without its cost: called ~20 times a page)."""
    if not here:
        return target or "./"
    hp = here.split("/")
    tp = target.split("/")
    i = 0
    top = min(len(hp), len(tp)) - 1
    while i < top and hp[i] == tp[i]:
        i += 1
    return "../" * (len(hp) - 1 - i) + "/".join(tp[i:]) or "./"


def a(href: str, label_html: str, cls: str | None = None) -> str:
    """An anchor; `href` must be built from ids, `label_html` already escaped."""
    klass = f' class="{cls}"' if cls else ""
    return f'<a href="{href}"{klass}>{label_html}</a>'


def quote(evidence: object) -> str:
    """The evidence sentence, quoted as written."""
    return f"<blockquote class=\"fs-evidence\"><p>«{esc(evidence)}»</p></blockquote>"


def attr(value: str) -> str:
    """A value built by the site (class names, ids) for an attribute."""
    return esc(value)
