"""Reading facts/ for the site, fast across `mkdocs serve` rebuilds.

`load_facts(root)` gives the same `Facts` as `FactsStore(root).load()`, but
keeps each parsed file in a module-level cache keyed by its path, size and
modification time: a rebuild after one saved file parses that one file.

`reference_problems(facts)` reports ids that point at no entity, at the line
of the reference (`file:line:col: meetings[0].participants[1]: unknown
entity 'x'`); the full `python -m generator check` does much more.

`lead_sentence(article, …)` is the first sentence of the story that carries a
fact: of all the article's evidence sentences, the one that comes first in
the article's text (read once per build, cached by size and mtime).
"""
from __future__ import annotations

import os
from pathlib import Path

from .. import yamlio
from ..errors import Problem, display_path
from ..events import cluster_events
from ..model import FACT_KINDS, Article, Entity, Event
from ..store import Facts, FactsStore, Loaded
from ..validate import LIST_REFS, ONE_REFS  # the fact fields holding entity ids

_PARSED: dict[str, tuple[tuple[int, int], Loaded, list[Problem]]] = {}
_TEXTS: dict[str, tuple[tuple[int, int], str]] = {}
_REFERENCES: dict = {}  # "ids": the entity ids of the last check; "files": (kind, id) -> (Loaded, problems)
_LEADS: dict[str, tuple[Article, str | None, str | None]] = {}  # article id -> (article, text, lead)
_CLUSTERS: dict = {}  # "entities", "articles" (id -> (article, published, facts)), "events" of the last call


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


def _as_typed(root: Path) -> Path:
    """The folder relative to the working folder when inside it: problems name files as the user
    types them, and display_path then needs no disk access per file (resolving 4,700 absolute
    paths took ~0.9 s of a 1,000-article build)."""
    if not root.is_absolute():
        return root
    try:
        return root.resolve().relative_to(Path.cwd().resolve())
    except (ValueError, OSError):
        return root


class _MarksOnDemand(yamlio.Marks):
    """A file's marks, read again from the file the first time a position is asked for (a lean
    load keeps no marks: only a file with a problem needs them)."""

    def __init__(self, store: FactsStore, path: Path, model) -> None:
        super().__init__()
        self._file: tuple | None = (store, path, model)

    def of(self, where) -> tuple[int, int]:
        if self._file is not None:
            store, path, model = self._file
            self._file = None
            self._at = store.read_file(path, model)[0].marks._at
        return super().of(where)


def _lean(store: FactsStore, loaded: Loaded, model) -> Loaded:
    """The file without its text and marks (they come back on demand), unless an editor's `event:`
    id is in it (events.event_problems may ask where)."""
    if loaded.model is None or (isinstance(loaded.model, Article)
                                and any(fact.event for _, _, fact in loaded.model.facts())):
        return loaded
    return Loaded(loaded.path, loaded.model, _MarksOnDemand(store, loaded.path, model), "", loaded.header)


def load_facts(root: Path, lean: bool = False) -> tuple[Facts, int]:
    """(facts, number of files parsed now rather than taken from the cache). `lean` (a one-off
    build): nothing is cached and each file's text and marks are dropped once it is read
    (~40 % of the loaded facts' memory); a problem's position reads its file again."""
    root = _as_typed(root)
    store = FactsStore(root)
    facts = Facts()
    parsed = 0
    seen: set[str] = set()
    for kind, folder, model, bucket in (("entity", store.entities_dir, Entity, facts.entities),
                                        ("article", store.articles_dir, Article, facts.articles)):
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.yaml")):
            key = str(path)
            seen.add(key)
            if lean:
                loaded, problems = store.read_file(path, model)
                loaded = _lean(store, loaded, model)
                parsed += 1
            else:
                stamp = _stamp(path)
                cached = _PARSED.get(key)
                if cached is not None and cached[0] == stamp:
                    loaded, problems = cached[1], cached[2]
                else:
                    loaded, problems = store.read_file(path, model)
                    parsed += 1
                    if stamp is not None:
                        _PARSED[key] = (stamp, loaded, problems)
            facts.problems.extend(problems)
            if loaded.model is None:
                continue
            item_id = loaded.model.id
            if item_id != path.stem:
                line, col = loaded.marks.of(("id",))
                facts.problems.append(Problem(display_path(path), line, col,
                                              f"id: '{item_id}' does not match the file name '{path.stem}.yaml'"))
            if (kind, item_id) in facts.files:
                line, col = loaded.marks.of(("id",))
                other = display_path(facts.files[(kind, item_id)].path)
                facts.problems.append(Problem(display_path(path), line, col,
                                              f"duplicate {kind} id '{item_id}' (also in {other})"))
                continue
            bucket[item_id] = loaded.model
            facts.files[(kind, item_id)] = loaded
    for key in [k for k in _PARSED if k.startswith(str(root)) and k not in seen]:  # (none when lean)
        del _PARSED[key]  # deleted files
    return facts, parsed


def _where(parts: tuple) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def reference_problems(facts: Facts) -> list[Problem]:
    """Every reference to an entity id that has no file, at its line. A file whose parse is the
    same object as last time (unchanged on disk) is not checked again while the set of entity
    ids stays the same (`mkdocs serve` rebuilds)."""
    known = facts.entities
    ids = frozenset(known)
    if _REFERENCES.get("ids") != ids:
        _REFERENCES.clear()
        _REFERENCES["ids"] = ids
    checked: dict[tuple[str, str], tuple[Loaded, list[Problem]]] = _REFERENCES.setdefault("files", {})
    fresh: dict[tuple[str, str], tuple[Loaded, list[Problem]]] = {}
    problems: list[Problem] = []

    def check(out: list[Problem], loaded: Loaded, where: tuple, value: str | None):
        if value is not None and value not in known:
            line, col = loaded.marks.of(where)
            out.append(Problem(display_path(loaded.path), line, col, f"{_where(where)}: unknown entity '{value}'"))

    def entity_problems(entity: Entity, loaded: Loaded) -> list[Problem]:
        out: list[Problem] = []
        check(out, loaded, ("country",), entity.country)
        for i, role in enumerate(entity.roles):
            check(out, loaded, ("roles", i, "country"), role.country)
        return out

    def article_problems(article: Article, loaded: Loaded) -> list[Problem]:
        out: list[Problem] = []
        for i, value in enumerate(article.mentions):
            check(out, loaded, ("mentions", i), value)
        for kind in FACT_KINDS:
            for n, fact in enumerate(getattr(article, kind)):
                for field in LIST_REFS:
                    for i, value in enumerate(getattr(fact, field, None) or ()):
                        check(out, loaded, (kind, n, field, i), value)
                for field in ONE_REFS:
                    check(out, loaded, (kind, n, field), getattr(fact, field, None))
        return out

    for kind, items, find in (("entity", facts.entities, entity_problems), ("article", facts.articles, article_problems)):
        for item_id in sorted(items):
            loaded = facts.files[(kind, item_id)]
            last = checked.get((kind, item_id))
            found = last[1] if last is not None and last[0] is loaded else find(items[item_id], loaded)
            fresh[(kind, item_id)] = (loaded, found)
            problems += found
    _REFERENCES["files"] = fresh
    return problems


def _read(path: Path) -> str | None:
    try:
        return path.read_bytes().decode("utf-8-sig", errors="replace")
    except OSError:
        return None


def _read_text(article: Article, project_root: Path, seeds_dir: Path | None) -> str | None:
    """source_text without the cache."""
    for path in _candidates(article, project_root, seeds_dir):
        text = _read(path)
        if text is not None:
            return text
    return None


def _candidates(article: Article, project_root: Path, seeds_dir: Path | None) -> list[Path]:
    candidates = [project_root / article.source]
    if seeds_dir is not None:
        candidates.append(seeds_dir / Path(article.source).name)
    return candidates


def source_text(article: Article, project_root: Path, seeds_dir: Path | None) -> str | None:
    """The article's text file, as UTF-8 (cached by size and mtime); None when missing."""
    for path in _candidates(article, project_root, seeds_dir):
        stamp = _stamp(path)
        if stamp is None:
            continue
        key = str(path)
        cached = _TEXTS.get(key)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        text = _read(path)
        if text is None:
            continue
        _TEXTS[key] = (stamp, text)
        return text
    return None


def lead_sentence(article: Article, text: str | None) -> str | None:
    """The evidence sentence that comes first in the article (else the first fact's)."""
    evidence = [fact.evidence for _, _, fact in article.facts()]
    if not evidence:
        return None
    if text:
        best, best_at = None, len(text) + 1
        for sentence in evidence:
            at = text.find(sentence)
            if 0 <= at < best_at:
                best, best_at = sentence, at
        if best is not None:
            return best
    return evidence[0]


def lead_sentences(facts: Facts, project_root: Path, seeds_dir: Path | None,
                   keep: bool = True) -> dict[str, str | None]:
    """Every article's lead sentence; an article whose model and text are the objects of the last
    call (both cached by size and mtime) keeps its lead without searching the text again.
    keep=False (a one-off build): no text is kept once its lead is found."""
    if not keep:
        return {article_id: lead_sentence(article, _read_text(article, project_root, seeds_dir))
                for article_id, article in facts.articles.items()}
    leads = {}
    for article_id, article in facts.articles.items():
        text = source_text(article, project_root, seeds_dir)
        last = _LEADS.get(article_id)
        if last is not None and last[0] is article and last[1] is text:
            leads[article_id] = last[2]
            continue
        leads[article_id] = lead_sentence(article, text)
        _LEADS[article_id] = (article, text, leads[article_id])
    for gone in [k for k in _LEADS if k not in facts.articles]:
        del _LEADS[gone]
    return leads


def _clustered(article: Article) -> tuple:
    """What event clustering reads of an article (events._items): its date and its facts."""
    return article.published, tuple(tuple(getattr(article, kind)) for kind in FACT_KINDS)


def clusters(facts: Facts) -> list[Event]:
    """cluster_events(facts), or the events of the last call when what clustering reads is the
    same: every entity the same object (unchanged file), every article the same object or one
    with the same date and facts (an edited title). `mkdocs serve` rebuilds: ~0.2 s at 1,000."""
    last = _CLUSTERS
    same = (last and last["entities"].keys() == facts.entities.keys()
            and all(facts.entities[k] is e for k, e in last["entities"].items())
            and last["articles"].keys() == facts.articles.keys())
    if same:
        for article_id, (article, clustered) in last["articles"].items():
            now = facts.articles[article_id]
            if now is not article and _clustered(now) != clustered:
                same = False
                break
    if same:
        events = last["events"]
    else:
        events = cluster_events(facts)
    _CLUSTERS.update(entities=dict(facts.entities), events=events,
                     articles={k: (a, last["articles"][k][1] if same else _clustered(a))
                               for k, a in facts.articles.items()})
    return events


def forget() -> None:
    """Drop every cache of this module (a one-off `mkdocs build` needs none once the pages are made)."""
    _PARSED.clear()
    _TEXTS.clear()
    _REFERENCES.clear()
    _LEADS.clear()
    _CLUSTERS.clear()
