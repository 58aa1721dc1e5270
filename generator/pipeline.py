"""`extract`: every article in the seeds folder → one YAML file per article,
plus the entity registry, without ever overwriting an editor's work.

For each article the decision is made from the file header alone (cheap):
- no facts file yet → extract;
- the file differs from what the generator wrote (edited, or reviewed) → keep
  it byte for byte, unless `--force` names it; say so when its article changed;
- a machine draft whose article text and rules are unchanged → skip;
- otherwise (the article or the rules changed) → extract again.

Extraction runs in worker processes (pure: text → Draft); the registry then
resolves the drafts one by one in article-id order, so the output is
byte-identical whatever the number of workers.
"""
from __future__ import annotations

import fcntl
import os
import re
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import click
from slugify import slugify

from . import yamlio
from .errors import GeneratorError, InputError, StorageError, display_path
from .model import Draft, Entity
from .registry import Registry
from .store import FactsStore

ARTICLE_SUFFIXES = (".txt",)
PARALLEL_FROM = 24  # fewer articles than this are extracted in-process
_REVIEWED = re.compile(r"^reviewed:\s*true\s*$", re.M)


@dataclass
class Report:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[tuple[str, str]] = field(default_factory=list)  # (path, why)
    stale: list[str] = field(default_factory=list)  # kept files whose article changed since
    failed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    entities_written: int = 0
    entities_kept: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"note: {n}" for n in self.notes]
        out += [f"kept: {path} ({why})" for path, why in self.kept]
        out += [f"changed since review: {path} — its article text changed; look again or use --force" for path in self.stale]
        out += [f"kept: {path} (entity edited by hand)" for path in self.entities_kept]
        out += [f"error: {msg}" for msg in self.failed]
        out.append(f"{len(self.written)} article file(s) written, {len(self.unchanged)} unchanged, "
                   f"{len(self.kept)} kept, {len(self.failed)} failed; {self.entities_written} entity file(s) written")
        return out


@dataclass(frozen=True)
class Job:
    article_id: str
    path: Path
    source: str  # as recorded in the article file
    source_hash: str


def article_id_for(path: Path) -> str:
    """An article's id from its file name: "002_1080877441b5f5c9.txt" → "002-1080877441b5f5c9"."""
    article_id = slugify(path.stem)[:100].strip("-")
    if not article_id:
        from .extract import romanize  # Arabic file names

        article_id = slugify(romanize(path.stem))[:100].strip("-") or "article"
    return article_id


def source_field(path: Path, store: FactsStore, folder: tuple[Path, Path, Path] | None = None) -> str:
    """The article's path as recorded: relative to the project root (the facts folder's parent).
    `folder` = (the articles' folder, its resolved form, the project root), computed once
    per run: resolving every file's path again was a twentieth of extracting short articles."""
    if folder is not None and path.parent == folder[0] and not os.path.islink(path):
        return Path(os.path.relpath(folder[1] / path.name, folder[2])).as_posix()
    return Path(os.path.relpath(path.resolve(), store.project_root)).as_posix()


@contextmanager
def extraction_lock(facts_dir: Path):
    """One `extract` at a time per facts folder; a second one is refused at once."""
    facts_dir.mkdir(parents=True, exist_ok=True)
    lock_path = facts_dir / ".lock"
    try:
        handle = open(lock_path, "a+")
    except OSError as exc:
        raise StorageError(f"{display_path(facts_dir)}: cannot write in the facts folder ({exc.strerror or exc})") from None
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StorageError(f"{display_path(lock_path)}: another `extract` is running on this facts folder; "
                               "wait for it to finish") from None
        yield
    finally:
        handle.close()


def extract_one(job: Job) -> tuple[str, Draft | None, list[str], str | None]:
    """Worker: read, clean and extract one article. Pure; safe in a subprocess."""
    from .extract import extract
    from .ingest import clean, read_article

    try:
        text, notes = read_article(job.path)
        draft = extract(clean(text), job.article_id, job.source)
        return job.article_id, draft, [f"{display_path(job.path)}: {n}" for n in notes], None
    except InputError as exc:
        return job.article_id, None, [], str(exc)
    except Exception as exc:  # a bug must not cost the other articles their drafts
        return job.article_id, None, [], f"{display_path(job.path)}: extraction failed ({type(exc).__name__}: {exc})"


def list_articles(seeds_dir: Path) -> list[Path]:
    if not seeds_dir.is_dir():
        raise InputError(f"{display_path(seeds_dir)}: no such folder of articles")
    return sorted(p for p in seeds_dir.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file())


def plan(seeds_dir: Path, store: FactsStore, force: set[str], rules: str, report: Report) -> list[Job]:
    """Decide, from headers alone, which articles need extracting."""
    jobs, claimed = [], {}
    folder = (seeds_dir, seeds_dir.resolve(), store.project_root)
    for path in list_articles(seeds_dir):
        article_id = article_id_for(path)
        if article_id in claimed:
            report.failed.append(f"{display_path(path)}: its id '{article_id}' is already taken by "
                                 f"{display_path(claimed[article_id])}; rename one of the files")
            continue
        claimed[article_id] = path
        try:
            source_hash = yamlio.digest(path.read_bytes())
        except OSError as exc:
            report.failed.append(f"{display_path(path)}: cannot read ({exc.strerror or exc})")
            continue
        target = store.article_path(article_id)
        forced = "all" in force or article_id in force or path.name in force or path.stem in force
        if target.exists() and not forced:
            try:
                text = target.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError):
                text = ""
            header = yamlio.read_header(text)
            if header.edited:
                why = "reviewed" if _REVIEWED.search(text) else "edited by hand"
                report.kept.append((display_path(target), why))
                if header.source and header.source != source_hash:
                    report.stale.append(display_path(target))
                continue
            if header.source == source_hash and header.rules == rules:
                report.unchanged.append(display_path(target))
                continue
        jobs.append(Job(article_id, path, source_field(path, store, folder), source_hash))
    return jobs


def _run_jobs(jobs: list[Job], workers: int, progress: bool):
    if workers > 1 and len(jobs) >= PARALLEL_FROM:
        import multiprocessing as mp

        ctx = mp.get_context("fork") if sys.platform != "win32" else mp.get_context()
        with ctx.Pool(min(workers, len(jobs))) as pool:
            yield from pool.imap(extract_one, jobs, chunksize=max(1, min(64, len(jobs) // (workers * 8) or 1)))
    else:
        for job in jobs:
            yield extract_one(job)


def extract_all(seeds_dir: Path, facts_dir: Path, *, force: set[str] | None = None, jobs: int = 1,
                progress: bool = True) -> Report:
    from .lexicon import rules_digest

    seeds_dir, facts_dir = Path(seeds_dir), Path(facts_dir)
    store = FactsStore(facts_dir)
    report = Report()
    rules = rules_digest()
    force = set(force or ())
    with extraction_lock(facts_dir):
        todo = plan(seeds_dir, store, force, rules, report)
        if not todo:
            return report
        facts = store.load()  # the registry as it is now (only needed when something is extracted)
        bad = [p for p in facts.problems if p.severity == "error" and "/entities/" in p.path.replace("\\", "/")]
        if bad:
            raise GeneratorError("the entity registry has errors; fix them first (`python -m generator check`):\n"
                                 + "\n".join(str(p) for p in bad))
        registry = Registry(facts.entities, store.read_redirects())
        # Drafts are resolved and written as they come, in article-id order (the registry's
        # order, so the output is the same for any --jobs): none is held in memory.
        in_path_order = [job.article_id for job in todo]
        todo = sorted(todo, key=lambda job: job.article_id)
        messages: dict[str, tuple[list[str], str | None]] = {}
        results = _run_jobs(todo, jobs, progress)
        show = progress and len(todo) >= PARALLEL_FROM
        articles_dir = store.article_path("x").parent
        shown_dir = display_path(articles_dir)
        # One sync for every file; entities are renamed into place before the articles
        # that refer to them.
        with yamlio.WriteBatch() as batch, click.progressbar(results, length=len(todo), label="extracting",
                                                               file=sys.stderr, hidden=not show) as bar:
            for (article_id, draft, notes, error), job in zip(bar, todo):
                if notes or error:
                    messages[article_id] = (notes, error)
                if error:
                    continue
                article = registry.resolve(draft)
                forced = "all" in force or article_id in force or job.path.name in force or job.path.stem in force
                target = store.article_path(article_id)
                outcome = store.write_generated(target, article, kind="article",
                                                source=job.source_hash, rules=rules, force=forced, batch=batch)
                shown = _shown(target, articles_dir, shown_dir)
                if outcome == "kept":  # edited between planning and writing
                    report.kept.append((shown, "edited by hand"))
                else:
                    (report.written if outcome == "written" else report.unchanged).append(shown)
            _write_entities(store, registry, rules, report, batch.first())
        for article_id in in_path_order:  # messages in the order of the files
            notes, error = messages.get(article_id, ((), None))
            report.notes.extend(notes)
            if error:
                report.failed.append(error)
    _write_schemas(facts_dir)
    return report


def _shown(path: Path, folder: Path, shown_folder: str) -> str:
    """display_path(path) for a file of folder, without resolving every path again."""
    if not path.is_absolute() or os.path.islink(path) or path.parent != folder:
        return display_path(path)
    return str(Path(shown_folder) / path.name)


def _write_entities(store: FactsStore, registry: Registry, rules: str, report: Report, batch) -> None:
    for eid in sorted(registry.changed):
        entity: Entity = registry.entities[eid]
        outcome = store.write_generated(store.entity_path(eid), entity, kind="entity", source=None, rules=rules,
                                        batch=batch)
        if outcome == "written":
            report.entities_written += 1
        elif outcome == "kept":
            report.entities_kept.append(display_path(store.entity_path(eid)))


def _write_schemas(facts_dir: Path) -> None:
    try:
        from .schema import write_schemas
    except ImportError:  # pragma: no cover - schema module is optional during bootstrap
        return
    write_schemas(facts_dir)
