"""Generated pages converted when MkDocs writes them, not when it reads them (memory).

MkDocs 1.6 builds in two passes: it reads and converts every page (Markdown,
HTML `content`, `toc`) and keeps all of them until the second pass has
written every page. At 10,000 articles (~29,000 pages) that held over 4 GB.
For the generated pages (except the nav pages) the plugin therefore gives
MkDocs a *stub* to read: the page's front matter (search settings) and its
H1 line. The stub is not converted (`stub_render`, set on the page for the
first pass only, costs no Markdown instance); the page's real Markdown waits
in `PageBodies` and is converted by MkDocs' own `Page.render` in the second
pass, just before the page's template is rendered (plugin.on_page_context,
which runs before Material's search plugin), and the page's Markdown, HTML
and TOC are dropped once the page is written (plugin.on_post_page). Links
and anchors are validated by that same `Page.render`, so `--strict` sees the
same warnings; `validate_anchor_links` runs after every page is written, when
each page's `present_anchor_ids` is the real one.

`PageBodies` keeps the Markdown in memory under `mkdocs serve` (the page
cache holds the very same strings across rebuilds) and, for `mkdocs build`,
in a spool file in a temporary folder (UTF-8, read back once), along with the
open-data downloads (MkDocs copies them from there).
"""
from __future__ import annotations

import os
import re
import shutil
import tempfile

from mkdocs.structure.pages import get_markdown_title
from mkdocs.utils import meta

_H1 = re.compile(r"^# .*\n?", re.M)


def stub(markdown: str) -> str:
    """The page up to and including its first H1 line: front matter and title, no body."""
    h1 = _H1.search(markdown)
    return markdown[: h1.end()] if h1 else markdown


def body(markdown: str) -> str:
    """The Markdown MkDocs converts: the page without its front matter (as Page.read_source)."""
    return meta.get_data(markdown)[0]


def stub_render(page) -> None:
    """Page.render for the first pass: no conversion; the title from the stub's H1 until the real
    render (the second pass) sets it from the converted page."""
    page.content = ""
    page._title_from_render = get_markdown_title(page.markdown or "")


class PageBodies:
    """path -> Markdown of the deferred pages, until the page is written."""

    def __init__(self, spool: bool) -> None:
        self._memory: dict[str, str] = {}
        self._where: dict[str, tuple[int, int]] = {}
        self.folder: str | None = tempfile.mkdtemp(prefix="factsheets-") if spool else None
        self._spool = open(os.path.join(self.folder, "pages.md"), "w+b") if self.folder else None

    def put(self, path: str, markdown: str) -> None:
        if self._spool is None:
            self._memory[path] = markdown
            return
        data = markdown.encode("utf-8")
        self._spool.seek(0, os.SEEK_END)
        self._where[path] = (self._spool.tell(), len(data))
        self._spool.write(data)

    def __contains__(self, path: str) -> bool:
        return path in self._memory or path in self._where

    def take(self, path: str) -> str:
        """The page's Markdown (and forget it)."""
        if self._spool is None:
            return self._memory.pop(path)
        offset, size = self._where.pop(path)
        self._spool.seek(offset)
        return self._spool.read(size).decode("utf-8")

    def download(self, path: str, content: bytes | list[bytes]) -> str | None:
        """Spooled: write a download's bytes (or list of byte strings) to the folder and return the
        file's path (MkDocs copies it into the site); in memory: None (the file keeps its content)."""
        if self.folder is None:
            return None
        target = os.path.join(self.folder, "files", path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as f:
            if isinstance(content, list):
                f.writelines(content)
            else:
                f.write(content)
        return target

    def close(self) -> None:
        self._memory.clear()
        self._where.clear()
        if self._spool is not None:
            self._spool.close()
            self._spool = None
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None
