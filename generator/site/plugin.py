"""The `factsheets` MkDocs plugin: the reader's site generated from facts/.

    plugins:
      - search: {lang: ar, pipeline: []}
      - factsheets:
          facts_dir: facts      # relative to mkdocs.yml
          seeds_dir: seeds

on_files   loads facts/ (each file parsed once and cached across `serve`
           rebuilds by size and mtime), reports every problem as a warning
           `file:line:col: message` (so `mkdocs build --strict` fails and
           `mkdocs serve` keeps serving the rest), clusters events, builds
           the look-up index once, and adds every generated page (not in
           nav) and download, plus the bundled CSS, JS and fonts.
on_pre_page / on_page_context / on_post_page  convert each generated page
           (but the nav pages) only when MkDocs writes it, and drop it once
           written (deferred.py: MkDocs keeps every page it has read; 4.3 GB
           at 10,000 articles). A one-off build keeps no facts, caches or
           pages once the pages are made (loading.load_facts(lean=True)).
on_page_markdown  fills the home page's `<!-- factsheets:home -->`.
on_page_content / on_page_context  index the generated pages for search
           (search.py: Material's plugin is told to skip them; its HTML
           parser was a third of the build).
on_post_build     adds those entries and the folded Arabic search field to
           search_index.json.
on_serve   watches facts/ and seeds/ (natively where it can: watching.py).

Fast previews: `mkdocs serve --dirty` rebuilds only the pages whose
Markdown changed. MkDocs 1.6 counts every `File.generated` file as modified
(`is_modified()` is True whenever a file has in-memory content), so each
generated file here answers for itself: modified when its content differs
from the previous build of this process (or its output is missing). Across
rebuilds the process keeps the parsed YAML (loading.py), the rendered pages
keyed by what they show (page_cache.py), lead sentences, reference checks
and open-data text, and the events while what clustering reads is unchanged;
the cyclic garbage collector runs between rebuilds, not during them
(watching.py); a preview has no sitemap and no canonical links. Plain
`mkdocs serve` cleans the site folder and renders every page at each save:
use --dirty for big sites (docs/editors.md).
Generated pages' HTML blocks skip Python-Markdown's HTML parsers (rawhtml.py).
"""
from __future__ import annotations

import gc
import hashlib
import logging
import os
import time
from pathlib import Path

from jinja2 import BytecodeCache
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from ..events import cluster_events, event_problems
from .index import SiteIndex
from .loading import clusters, forget, lead_sentences, load_facts, reference_problems
from .page_cache import CHRONOLOGY_KEYS, PageCache
from .pages import NAV_PAGES, iter_site_pages
from . import rawhtml
from .opendata import forget as forget_open_data
from .deferred import PageBodies, body, stub, stub_render
from .render_lists import HOME_MARKER, render_home
from .search import OwnEntries, page_entries, write_search_index
from .watching import collect_when_idle, pause_collector, stop_watching, watch_natively

log = logging.getLogger("mkdocs.plugins.factsheets")
PACKAGE = Path(__file__).resolve().parent
ASSETS = PACKAGE / "assets"
NOT_SEARCHED = ("articles/", "persons/", "countries/", "organizations/", "groups/", "timeline/", "network/", "data/")

# What each generated path held at the previous build of this process (serve rebuilds):
# site_dir -> {src_uri: (content, sha256)}; the rendered pages (page_cache.py); and the
# last search index entries per page.
_WRITTEN: dict[str, dict[str, tuple[str | bytes, str]]] = {}
_PAGES: dict[str, PageCache] = {}
_SERVING: list[bool] = []  # [True] under `mkdocs serve` (on_startup runs once per process)
_SEARCH_DOCS: dict[str, dict[str, list[str]]] = {}
_CHRONOLOGY: dict[str, tuple[list, dict]] = {}  # site_dir -> (events, chronology keys) of the last build


class _MemoryBytecodeCache(BytecodeCache):
    """Compiled Jinja templates kept in memory across `mkdocs serve` rebuilds (Jinja checks each
    entry against its template's source checksum)."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_TEMPLATES = _MemoryBytecodeCache()


class FactSheetsConfig(base.Config):
    facts_dir = c.Type(str, default="facts")
    seeds_dir = c.Type(str, default="seeds")
    lead_sentences = c.Type(bool, default=True)
    fold_search = c.Type(bool, default=True)
    # convert generated pages when they are written, not all at once (deferred.py); false:
    # as plain MkDocs does (the same site, ~4x the memory)
    defer_pages = c.Type(bool, default=True)


def _serving() -> bool:
    return bool(_SERVING and _SERVING[0])


def _modified(changed: bool, f: File):
    """File.is_modified for a generated file: its content changed since the last build of this
    process, or its output is missing (asked twice per page by a --dirty build: answered once)."""
    answer: list[bool] = []

    def is_modified() -> bool:
        if not answer:
            answer.append(changed or not os.path.exists(f.abs_dest_path))
        return answer[0]
    return is_modified


def _digest(content: str | bytes) -> str:
    data = content.encode("utf-8") if isinstance(content, str) else content
    return hashlib.sha256(data).hexdigest()


class FactSheetsPlugin(BasePlugin[FactSheetsConfig]):
    """Adds the fact sheets, entity, event, list, timeline, network and data pages."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        _SERVING[:] = [command == "serve"]

    def on_config(self, config: MkDocsConfig):
        if _serving():
            pause_collector()  # until the build is over (watching.py)
            # a preview needs no sitemap (and its template walks every page at every rebuild)
            for name in ("sitemap.xml", "sitemap.xml.gz"):
                config.theme.static_templates.discard(name)
            # nor canonical links (MkDocs joins site_url with every page's URL at each rebuild)
            config.site_url = None
        root = Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()
        self.facts_dir = (root / self.config.facts_dir).resolve()
        self.seeds_dir = (root / self.config.seeds_dir).resolve()
        self.problem_count = 0
        self.generated_md: set[str] = set()
        self.deferred: set[str] = set()  # generated pages converted when written (deferred.py)
        self._bodies: PageBodies | None = None
        self._files: Files | None = None
        self._home = ""
        self._stashed: dict[str, list[str]] = {}
        self._own_search: dict[str, float | None] = {}  # src_uri -> boost: pages indexed here
        self._search = OwnEntries(spool=None)  # this build's entries of the pages indexed here
        return config

    # -- pages ---------------------------------------------------------------------
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        # what is made here is acyclic (reference counting frees it): no cyclic collections meanwhile
        paused = gc.isenabled()
        gc.disable()
        try:
            return self._generate(files, config)
        finally:
            if paused:
                gc.enable()

    def _generate(self, files: Files, config: MkDocsConfig) -> Files:
        started = time.perf_counter()
        serving = _serving()
        if not self.facts_dir.is_dir():
            log.warning(f"{self.facts_dir}: no facts folder (run: python -m generator extract)")
        facts, parsed = load_facts(self.facts_dir, lean=not serving)
        loaded_at = time.perf_counter()
        problems = facts.problems + reference_problems(facts) + event_problems(facts)
        for problem in sorted(set(problems)):
            if problem.severity == "error":
                log.warning(str(problem))
            else:
                log.info(str(problem))
        self.problem_count = sum(1 for p in problems if p.severity == "error")
        if not serving:  # the files' marks and text served the problems; a one-off build needs them no more
            facts.files.clear()
            forget()
        events = clusters(facts) if serving else cluster_events(facts)
        ix = SiteIndex.build(facts, events, config.use_directory_urls)
        if serving:
            # the same events (loading.clusters: same entities, article dates and facts): the
            # chronology entries' keys (page_cache.py) are those of the last build
            last = _CHRONOLOGY.get(config.site_dir)
            if last is not None and last[0] is events:
                ix.__dict__[CHRONOLOGY_KEYS] = last[1]
            _CHRONOLOGY[config.site_dir] = (events, ix.__dict__.setdefault(CHRONOLOGY_KEYS, {}))
        leads = (lead_sentences(facts, self.facts_dir.parent, self.seeds_dir, keep=serving)
                 if self.config.lead_sentences else {})
        indexed_at = time.perf_counter()
        # the rendered pages are kept for the next rebuild only when serving
        cache = _PAGES.setdefault(config.site_dir, PageCache()) if serving else PageCache(keep=False)
        self._bodies = bodies = PageBodies(spool=not serving)
        self._search = OwnEntries(spool=bodies.folder)
        previous = _WRITTEN.get(config.site_dir, {}) if serving else {}
        written: dict[str, tuple[str | bytes, str]] = {}
        changed = count = 0
        existing = {f.src_uri for f in files}  # (Files.append invalidates its look-up table: no get_file_* in the loop)
        for path, content in iter_site_pages(facts, events, ix, leads, cache):
            count += 1
            if path in existing:
                log.info(f"docs/{path} exists: it is used instead of the generated page")
                continue
            inclusion = InclusionLevel.UNDEFINED if path in NAV_PAGES else InclusionLevel.NOT_IN_NAV
            modified = True
            if serving:  # changed since the last rebuild?
                last = previous.get(path)
                digest = last[1] if last is not None and last[0] is content else _digest(content)  # a cached page
                written[path] = (content, digest)
                modified = last is None or last[1] != digest
            changed += modified
            if self.config.defer_pages and isinstance(content, str) and path.endswith(".md") and path not in NAV_PAGES:
                bodies.put(path, content)  # converted when written (deferred.py)
                self.deferred.add(path)
                f = File.generated(config, path, content=stub(content), inclusion=inclusion)
            elif isinstance(content, (bytes, list)) and (source := bodies.download(path, content)) is not None:
                f = File.generated(config, path, abs_src_path=source, inclusion=inclusion)
            else:
                content = b"".join(content) if isinstance(content, list) else content
                f = File.generated(config, path, content=content, inclusion=inclusion)
            if path.endswith(".md"):
                self.generated_md.add(path)
            f.is_modified = _modified(modified, f)
            files.append(f)
            content = None  # (a download is not held while the next file is made)
        rendered_at = time.perf_counter()
        if serving:
            _WRITTEN[config.site_dir] = written
        self._home = render_home(ix, self.problem_count)
        facts_count = (len(facts.articles), len(facts.entities), len(events))
        del facts, events, ix, leads, written, previous
        if not serving:  # nothing more is made from the facts in this process
            forget_open_data()
        self._add_assets(files, config)
        home = files.get_file_from_path("index.md")
        if home is not None:
            home.is_modified = lambda: True  # its counts come from the facts
        self._prune_nav(config, files)
        log.info(f"factsheets: {facts_count[0]} articles, {facts_count[1]} entities, {facts_count[2]} events, "
                 f"{count} generated files ({changed} changed; {cache.rendered} pages rendered, {cache.reused} "
                 f"from the cache; {parsed} YAML files parsed) "
                 f"in {time.perf_counter() - started:.2f} s (load {loaded_at - started:.2f}, events and index "
                 f"{indexed_at - loaded_at:.2f}, render {rendered_at - indexed_at:.2f})")
        self._files = files
        return files

    def _add_assets(self, files: Files, config: MkDocsConfig) -> None:
        existing = {f.src_uri for f in files}
        for path in sorted(ASSETS.rglob("*")):
            if path.is_file():
                uri = path.relative_to(PACKAGE).as_posix()
                if uri not in existing:
                    files.append(File(uri, str(PACKAGE), config.site_dir, config.use_directory_urls))

    def _prune_nav(self, config: MkDocsConfig, files: Files) -> None:
        """Leave out nav entries for hand-written pages that do not exist (yet)."""

        def keep(item) -> bool:
            value = next(iter(item.values())) if isinstance(item, dict) and len(item) == 1 else item
            if isinstance(value, str) and value.endswith(".md") and "://" not in value:
                if files.get_file_from_path(value) is None:
                    log.info(f"factsheets: nav entry '{value}' left out: no such page")
                    return False
            return True

        def prune(items):
            out = []
            for item in items:
                if isinstance(item, dict) and len(item) == 1 and isinstance(next(iter(item.values())), list):
                    title, children = next(iter(item.items()))
                    children = prune(children)
                    if children:
                        out.append({title: children})
                elif keep(item):
                    out.append(item)
            return out

        if config.nav:
            config.nav = prune(config.nav)

    def on_pre_page(self, page, *, config: MkDocsConfig, files: Files):
        if page.file.src_uri in self.deferred:
            # first pass: the stub is not converted (deferred.py); on_page_context converts the page
            page.render = lambda config, files: stub_render(page)
        return page

    def on_page_markdown(self, markdown: str, *, page, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri == "index.md" and HOME_MARKER in markdown and self._home:
            return markdown.replace(HOME_MARKER, self._home)
        if page.file.src_uri in self.generated_md:
            if page.file.src_uri not in self.deferred:
                # our HTML blocks skip Markdown's two HTML parsers (see rawhtml.py)
                markdown, blocks = rawhtml.stash(markdown)
                self._stashed[page.file.src_uri] = blocks
            search = page.meta.get("search") or {}
            if self.config.fold_search and not search.get("exclude"):
                # indexed when converted (search.page_entries), not by Material's parser
                self._own_search[page.file.src_uri] = search.get("boost")
                page.meta["search"] = {"exclude": True}
        return markdown

    def on_page_content(self, html: str, *, page, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri in self.deferred:
            return html
        return self._converted(page, html, self._stashed.pop(page.file.src_uri, None))

    def _converted(self, page, html: str, blocks: list[str] | None) -> str:
        """A generated page's converted HTML: indexed for search here, its HTML blocks put back."""
        if page.file.src_uri in self._own_search:
            boost = self._own_search.pop(page.file.src_uri)
            entries = page_entries(html, blocks or [], rawhtml.PLACEHOLDER, page.url, page.title or "", boost)
            self._search.add(page.url, entries, NOT_SEARCHED)
        return rawhtml.restore(html, blocks) if blocks else html

    @event_priority(50)  # before Material's search plugin, which strips data-search-* from the HTML
    def on_page_context(self, context, *, page, config: MkDocsConfig, nav):
        """Second pass: a deferred page is converted now, just before its template is rendered."""
        src = page.file.src_uri
        if src in self.deferred and self._bodies is not None and src in self._bodies:
            page.__dict__.pop("render", None)  # MkDocs' own Page.render again
            markdown, blocks = rawhtml.stash(body(self._bodies.take(src)))
            page.markdown = markdown
            page.render(config, self._files)
            page.content = self._converted(page, page.content, blocks)
        return context

    def on_post_page(self, output: str, *, page, config: MkDocsConfig) -> str:
        """Material puts dir="rtl" on <body> only: put it on <html> too (the root's direction
        governs scrollbars, print and the browser's own UI)."""
        if page.file.src_uri in self.deferred:
            # written: its Markdown, HTML and TOC are not needed again (the title and the
            # anchor sets stay, for validate_anchor_links and other pages' links)
            page.markdown, page.content, page.toc = "", "", []
        direction = config.theme.get("direction")
        head = output[:400]
        if direction and "<html " in head and " dir=" not in head.split(">", 2)[1]:
            output = output.replace("<html ", f'<html dir="{direction}" ', 1)
        return output

    # -- search --------------------------------------------------------------------
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        try:
            self._finish_search_index(config)
        finally:
            # an old build's pages and files must not outlive it (serve keeps old configs
            # and their plugins alive until a full garbage collection)
            self._close()

    def on_build_error(self, *, error: Exception) -> None:
        self._close()

    def _close(self) -> None:
        if _serving():
            collect_when_idle()
        self._release()

    def _release(self) -> None:
        if self._bodies is not None:
            self._bodies.close()
        self._bodies, self._files, self._home = None, None, ""
        self._site_files = []
        self.generated_md, self.deferred = set(), set()
        self._own_search, self._stashed = {}, {}
        self._search = OwnEntries(spool=None)

    def _finish_search_index(self, config: MkDocsConfig) -> None:
        path = Path(config.site_dir) / "search" / "search_index.json"
        if not self.config.fold_search or not path.is_file():
            return
        started = time.perf_counter()
        serving = _serving()
        live = {f.url for f in self._site_files}
        stats = write_search_index(path, self._search, NOT_SEARCHED,
                                   _SEARCH_DOCS.get(config.site_dir) if serving else None, live)
        if serving:
            _SEARCH_DOCS[config.site_dir] = stats.pop("pages")
        log.info(f"factsheets: search index {stats['entries']} entries ({stats['folded']} folded now, "
                 f"{stats['carried']} carried over), {stats['bytes'] / 1e6:.1f} MB in {time.perf_counter() - started:.2f} s")

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        self._site_files = list(files.documentation_pages())
        if _serving() and env.bytecode_cache is None:
            # each rebuild makes a new Jinja environment and compiled the theme's templates again
            # (~0.3 s); compiled code is reused while a template's source is unchanged
            env.bytecode_cache = _TEMPLATES
        return env

    # -- serve ---------------------------------------------------------------------
    def on_serve(self, server, *, config: MkDocsConfig, builder):
        folders = [str(folder) for folder in (self.facts_dir, self.seeds_dir) if folder.is_dir()]
        if not watch_natively(server, folders):  # MkDocs' own watcher polls (watching.py)
            for folder in folders:
                server.watch(folder)
        return server

    def on_shutdown(self) -> None:
        stop_watching()
