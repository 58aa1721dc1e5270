"""Editors' maintenance of the entity registry: merge, rename, add an alias.

Every command is all-or-nothing across files:
1. load the whole facts folder (refusing if any file has errors: a reference
   hidden in a broken file would be missed);
2. compute the new text of every file it changes, and validate each one;
3. write every new text to a temp file next to its target (the step that needs
   disk space), then swap them in by renames, keeping a hard-link backup of
   each replaced file; if any step fails, the backups are renamed back, so no
   file is left half-changed.

How a changed file is written: where only ids change, the id is replaced in
place in the file's text, so the editor's comments, quoting and layout stay as
they were; where the structure changes (a merged entity's aliases, a fact that
lost a duplicate participant) the file is dumped again under its old header
lines. Either way the old `# generator: draft=…` line is kept as it was: it no
longer matches the body, so the file counts as edited by hand and the next
`extract` keeps it, while its `source=` hash still lets `extract` say when the
article text has changed since. (Dropping the line would also protect the
file but would lose that warning.)

Renamed and merged ids are recorded in facts/redirects.yaml (`old-id: new-id`,
one per line) so the site can keep the old addresses working.
"""
from __future__ import annotations

import difflib
import os
import re
import shutil
import tempfile
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from . import yamlio
from .errors import GeneratorError, StorageError, display_path
from .model import FACT_KINDS, Article, Entity, Record
from .normalize import fold
from .store import FactsStore, Loaded, check_id, pydantic_problems, to_plain

LIST_REFS = ("participants", "parties", "targets")
ONE_REFS = ("visitor", "destination", "attacker", "place", "speaker")
AT_LEAST_TWO = ("participants", "parties")
REF_FIELDS = frozenset(LIST_REFS + ONE_REFS + ("mentions", "country"))  # fields holding entity ids
RECORD_LISTS = frozenset(FACT_KINDS + ("roles",))  # lists of records that hold such fields
REDIRECTS_HEADER = (
    "# Entity ids that were renamed or merged: `old-id: new-id`.\n"
    "# The site keeps a page at each old address that sends readers to the new one.\n"
    "# Written by `python -m generator rename` and `merge`.\n"
)
_ID_CHARS = re.compile(r"[a-z0-9-]")


# --- the commands --------------------------------------------------------------------


def merge_entities(facts_dir: Path | str, old: str, new: str) -> list[str]:
    """Merge entity `old` into `new`: its names become aliases of `new`, its roles,
    country and description move over where `new` lacks them, every reference in
    every file points to `new`, and facts/entities/<old>.yaml is removed."""
    with _Session(facts_dir, old, new) as s:
        if old == new:
            raise GeneratorError(f"cannot merge '{old}' into itself")
        gone, kept = s.entity(old), s.entity(new)
        if gone.kind != kept.kind:
            raise GeneratorError(
                f"'{old}' is a {gone.kind} and '{new}' a {kept.kind}: set the same `kind` in "
                f"{display_path(s.store.entity_path(old))} or {display_path(s.store.entity_path(new))} first")
        merged, moved = _merged(kept, gone)
        s.rewrite_references(old, new)
        s.put_entity(new, _rewrite_entity(merged, old, new), moved)
        s.remove(s.store.entity_path(old), f"removed (merged into '{new}')")
        s.redirect(old, new)
        return s.commit()


def rename_entity(facts_dir: Path | str, old: str, new: str) -> list[str]:
    """Give entity `old` the id `new` everywhere; the old id is kept as a redirect."""
    with _Session(facts_dir, old, new) as s:
        entity = s.entity(old)
        if old == new:
            return [f"'{old}' already has that id; nothing changed"]
        if new in s.facts.entities:
            raise GeneratorError(f"'{new}' is already an entity ({display_path(s.store.entity_path(new))}); "
                                 f"to make them one, run: python -m generator merge {old} {new}")
        s.rewrite_references(old, new)
        renamed = _rewrite_entity(entity, old, new).model_copy(update={"id": new})
        source = s.store.entity_path(old)
        s.put_entity(new, renamed, [f"renamed from '{old}'"], text_from=source, rename_id=(old, new))
        s.remove(source, f"removed (now {display_path(s.store.entity_path(new))})")
        s.redirect(old, new)
        return s.commit()


def add_alias(facts_dir: Path | str, entity_id: str, spelling: str) -> list[str]:
    """Add `spelling` to the aliases of `entity_id` (a no-op when it is already one)."""
    spelling = " ".join(str(spelling).split())
    if not spelling:
        raise GeneratorError("the spelling to add is empty")
    if len(spelling) > 200:
        raise GeneratorError("the spelling to add is longer than 200 characters")
    with _Session(facts_dir, entity_id) as s:
        entity = s.entity(entity_id)
        path = s.store.entity_path(entity_id)
        if _key(spelling) in {_key(n) for n in (entity.name, *entity.aliases)}:
            return [f"{display_path(path)}: '{spelling}' is already a name of '{entity_id}'; nothing changed"]
        notes = [f"note: '{spelling}' is also a name of '{other.id}' ({display_path(s.store.entity_path(other.id))}); "
                 f"if they are one entity, run: python -m generator merge {other.id} {entity_id}"
                 for other in s.facts.entities.values()
                 if other.id != entity_id and _key(spelling) in {_key(n) for n in (other.name, *other.aliases)}]
        updated = entity.model_copy(update={"aliases": [*entity.aliases, spelling]})
        s.put_entity(entity_id, updated, [f"alias '{spelling}' added"])
        return s.commit() + notes


# --- what changes --------------------------------------------------------------------


def _key(name: str) -> str:
    return " ".join(fold(name).split())


def _merged(kept: Entity, gone: Entity) -> tuple[Entity, list[str]]:
    """`kept` with what `gone` adds: names as aliases, new roles, a missing country or description."""
    seen = {_key(n) for n in (kept.name, *kept.aliases)}
    aliases = list(kept.aliases)
    for name in (gone.name, *gone.aliases):
        if _key(name) not in seen:
            seen.add(_key(name))
            aliases.append(name)
    roles = list(kept.roles)
    have = {(r.title, r.country) for r in roles}
    for role in gone.roles:
        if (role.title, role.country) not in have:
            have.add((role.title, role.country))
            roles.append(role)
    update: dict = {"aliases": aliases, "roles": roles}
    moved = []
    if len(aliases) > len(kept.aliases):
        moved.append("aliases " + ", ".join(f"'{a}'" for a in aliases[len(kept.aliases):]))
    if len(roles) > len(kept.roles):
        moved.append(f"{len(roles) - len(kept.roles)} role(s)")
    if kept.country is None and gone.country and gone.country != kept.id:
        update["country"] = gone.country
        moved.append(f"country '{gone.country}'")
    if kept.description is None and gone.description:
        update["description"] = gone.description
        moved.append("description")
    return kept.model_copy(update=update), ([f"took {', '.join(moved)} from '{gone.id}'"] if moved else [])


def _swap(value, old: str, new: str):
    return new if value == old else value


def _rewrite_article(article: Article, old: str, new: str) -> tuple[Article, list[str], bool]:
    """(article with old→new, what was done, whether the structure changed)."""
    notes: list[str] = []
    structural = False
    mentions = []
    for m in article.mentions:
        m = _swap(m, old, new)
        if m in mentions:
            structural = True
        else:
            mentions.append(m)
    update: dict = {"mentions": mentions}
    for kind in FACT_KINDS:
        facts = []
        for i, fact in enumerate(getattr(article, kind)):
            changes = {}
            for name in LIST_REFS:
                if name in type(fact).model_fields:
                    ids = []
                    for x in getattr(fact, name):
                        x = _swap(x, old, new)
                        if x in ids:
                            structural = True
                        else:
                            ids.append(x)
                    changes[name] = ids
            for name in ONE_REFS:
                if name in type(fact).model_fields:
                    changes[name] = _swap(getattr(fact, name), old, new)
            short = [n for n in AT_LEAST_TWO if n in changes and len(changes[n]) < 2]
            if short:
                structural = True
                notes.append(f"{kind}[{i}] removed: its {short[0]} became one entity ('{new}')")
                continue
            facts.append(fact.model_copy(update=changes))
        update[kind] = facts
    return article.model_copy(update=update), notes, structural


def _rewrite_entity(entity: Entity, old: str, new: str) -> Entity:
    return entity.model_copy(update={
        "country": _swap(entity.country, old, new),
        "roles": [r.model_copy(update={"country": _swap(r.country, old, new)}) for r in entity.roles],
    })


def _reference_paths(data: dict, old: str, where: tuple = ()):
    """Where inside a record's plain data the entity id `old` is referenced."""
    for k, v in data.items():
        if k in REF_FIELDS:
            if isinstance(v, list):
                yield from (where + (k, i) for i, x in enumerate(v) if x == old)
            elif v == old:
                yield where + (k,)
        elif k in RECORD_LISTS and isinstance(v, list):
            for i, item in enumerate(v):
                if isinstance(item, dict):
                    yield from _reference_paths(item, old, where + (k, i))


# --- the session: load, plan, validate, write -----------------------------------------------


@dataclass
class _Session:
    facts_dir: Path | str
    old: str
    new: str | None = None
    writes: dict[Path, str] = field(default_factory=dict)
    removes: list[Path] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    models: dict[Path, Record] = field(default_factory=dict)

    def __enter__(self) -> "_Session":
        self.store = FactsStore(self.facts_dir)
        check_id(self.old, "entity id")
        if self.new is not None:
            check_id(self.new, "entity id")
        if not self.store.entities_dir.is_dir():
            raise GeneratorError(f"{display_path(self.store.entities_dir)}: no such folder; is --facts right?")
        self._lock = _lock(self.store.root)
        self._lock.__enter__()
        try:
            self.facts = self.store.load()
            errors = [p for p in self.facts.problems if p.severity == "error"]
            if errors:
                raise GeneratorError("the facts files have errors; fix them first (python -m generator check), "
                                     "so that no reference is missed:\n" + "\n".join(str(p) for p in errors))
        except BaseException:
            self._lock.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc) -> None:
        self._lock.__exit__(*exc)

    def entity(self, entity_id: str) -> Entity:
        if entity_id not in self.facts.entities:
            close = difflib.get_close_matches(entity_id, list(self.facts.entities), n=1, cutoff=0.6)
            hint = f" — did you mean '{close[0]}'?" if close else ""
            raise GeneratorError(f"no entity '{entity_id}' "
                                 f"({display_path(self.store.entity_path(entity_id))} does not exist){hint}")
        return self.facts.entities[entity_id]

    def loaded(self, path: Path) -> Loaded | None:
        for lf in self.facts.files.values():
            if lf.path == path:
                return lf
        return None

    # -- planning --
    def rewrite_references(self, old: str, new: str) -> None:
        """Every article and every other entity: references to old now point to new."""
        for (kind, item_id), lf in sorted(self.facts.files.items()):
            if kind == "entity" and item_id in (old, new):
                continue  # written by the command itself
            if kind == "article":
                model, notes, _ = _rewrite_article(lf.model, old, new)
            else:
                model, notes = _rewrite_entity(lf.model, old, new), []
            if model == lf.model:
                continue
            count = sum(1 for _ in _reference_paths(to_plain(lf.model), old))
            what = [f"{count} reference(s) to '{old}' now point to '{new}'"] + notes
            self.plan(lf.path, model, lf, what, in_place=(old, new))

    def put_entity(self, entity_id: str, model: Entity, what: list[str], *, text_from: Path | None = None,
                   rename_id: tuple[str, str] | None = None) -> None:
        target = self.store.entity_path(entity_id)
        lf = self.loaded(text_from or target)
        self.plan(target, model, lf, what, in_place=rename_id)

    def plan(self, target: Path, model: Record, lf: Loaded | None, what: list[str],
             in_place: tuple[str, str] | None) -> None:
        if lf is not None and lf.path == target and model == lf.model:
            return  # nothing to change in this file
        text = None
        if lf is not None and in_place is not None:
            text = _replace_in_place(lf, *in_place, expected=model)
        if text is None:
            header = _header_lines(lf.text) if lf is not None else ""
            text = header + yamlio.dump(_plain_like(model, lf))
            if lf is not None and _has_body_comments(lf.text):
                what = what + ["note: the comments in this file were not kept (it was written again)"]
        _validate_text(target, text, model)
        self.writes[target] = text
        self.models[target] = model
        self.changes.extend(f"{display_path(target)}: {w}" for w in what)

    def remove(self, path: Path, what: str) -> None:
        self.removes.append(path)
        self.changes.append(f"{display_path(path)}: {what}")

    def redirect(self, old: str, new: str) -> None:
        path = self.store.redirects_path
        try:
            mapping = self.store.read_redirects()
        except GeneratorError as exc:
            raise GeneratorError(f"{exc}; fix it first") from None
        updated = {k: (new if v == old else v) for k, v in mapping.items() if k != new}
        updated[old] = new
        updated = {k: v for k, v in sorted(updated.items()) if k != v}
        if updated != mapping:
            self.writes[path] = REDIRECTS_HEADER + (yamlio.dump(updated) if updated else "")
            self.changes.append(f"{display_path(path)}: '{old}' now redirects to '{new}'")

    # -- writing --
    def commit(self) -> list[str]:
        self._check_no_reference_left()
        _write_all(self.writes, self.removes)
        return self.changes

    def _check_no_reference_left(self) -> None:
        """A last safety net: after the change, no file may still refer to the old id."""
        if self.new is None:
            return
        removed = set(self.removes)
        for lf in self.facts.files.values():
            if lf.path in removed:
                continue
            model = self.models.get(lf.path, lf.model)
            left = next(_reference_paths(to_plain(model), self.old), None)
            if left is not None:  # pragma: no cover - a bug, not a user error
                raise GeneratorError(f"{display_path(lf.path)}: a reference to '{self.old}' would be left at "
                                     f"{left}; nothing was changed")


# --- text-level edits --------------------------------------------------------------------------


def _header_lines(text: str) -> str:
    """The generator's leading comment lines (schema line, draft hash), kept as they are."""
    out = []
    for line in text.split("\n"):
        if line.startswith(yamlio.SCHEMA_LINE) or line.startswith("# generator:"):
            out.append(line + "\n")
        else:
            break
    return "".join(out)


def _plain_like(model: Record, lf: Loaded | None) -> dict:
    """The record as plain data, its top-level keys in the order of the file it
    replaces, leaving out empty values (null, [], false) the old file did not have."""
    plain = to_plain(model)
    if lf is None:
        return plain
    try:
        raw, _ = yamlio.load(lf.text, "old")
    except yamlio.YamlProblem:
        return plain
    raw = raw if isinstance(raw, dict) else {}
    order = [k for k in raw if k in plain] + [k for k in plain if k not in raw]
    return {k: plain[k] for k in order if k in raw or plain[k] not in (None, [], False)}


def _has_body_comments(text: str) -> bool:
    body = text[len(_header_lines(text)):]
    return any(line.lstrip().startswith("#") or " #" in line for line in body.split("\n"))


def _replace_in_place(lf: Loaded, old: str, new: str, *, expected: Record) -> str | None:
    """The file's text with every id `old` (at its recorded position) replaced by `new`,
    and a list entry that became a repeat (`- new` twice) deleted with its line;
    or None when that cannot be done safely (the caller then dumps the file again).
    The result must read back as `expected`."""
    text = lf.text
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    plain = to_plain(lf.model)
    spots = list(_reference_paths(plain, old))
    if old == getattr(lf.model, "id", None):
        spots.append(("id",))
    repeats = set(_repeat_paths(plain, spots, old, new))
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement) in the text
    for where in sorted(set(spots) | repeats, key=str):
        line, col = lf.marks.of(where)
        if line < 1 or line >= len(starts):
            return None
        if where in repeats:  # delete the whole `- id` line
            value = _value_at(plain, where)
            if not re.fullmatch(rf"\s*-\s+(['\"]?){re.escape(str(value))}\1\s*(#.*)?\r?", lines[line - 1]):
                return None
            edits.append((starts[line - 1], starts[line], ""))
            continue
        at = starts[line - 1] + col - 1
        quote = text[at] if at < len(text) and text[at] in "'\"" else ""
        start = at + len(quote)
        end = start + len(old)
        if text[start:end] != old or (quote and text[end:end + 1] != quote) or \
                (not quote and _ID_CHARS.match(text[end:end + 1] or " ")):
            return None
        edits.append((start, end, new))
    for start, end, replacement in sorted(set(edits), reverse=True):
        text = text[:start] + replacement + text[end:]
    try:
        data, _ = yamlio.load(text, "check")
        same = type(expected).model_validate(data) == expected
    except (yamlio.YamlProblem, ValidationError):
        return None
    return text if same else None


def _value_at(data, where: tuple):
    for part in where:
        data = data[part]
    return data


def _repeat_paths(plain: dict, spots: list[tuple], old: str, new: str):
    """List entries that the old→new swap turns into repeats, as the model rewrite
    drops them: the later of two equal entries."""
    for parent in {where[:-1] for where in spots if isinstance(where[-1], int)}:
        seen = set()
        for i, value in enumerate(_value_at(plain, parent)):
            value = new if value == old else value
            if value in seen:
                yield parent + (i,)
            seen.add(value)


def _validate_text(path: Path, text: str, model: Record) -> None:
    """The text we are about to write must read back as the intended record."""
    shown = display_path(path)
    try:
        data, marks = yamlio.load(text, shown)
        back = type(model).model_validate(data)
    except yamlio.YamlProblem as exc:  # pragma: no cover - a bug, not a user error
        raise GeneratorError(f"{exc}; nothing was changed") from None
    except ValidationError as exc:
        raise GeneratorError("the change would make an invalid file; nothing was changed:\n"
                             + "\n".join(str(p) for p in pydantic_problems(exc, shown, marks))) from None
    if back != model or back.id != path.stem:  # pragma: no cover - a bug
        raise GeneratorError(f"{shown}: the new text does not read back as intended; nothing was changed")


# --- all-or-nothing writes ----------------------------------------------------------------------


def _temp_near(path: Path, suffix: str) -> Path:
    return path.parent / f".{path.name}.{uuid.uuid4().hex[:8]}{suffix}"


def _write_all(writes: dict[Path, str], removes: list[Path]) -> None:
    """Write every file and remove every listed one, or change nothing at all."""
    temps: dict[Path, Path] = {}
    try:
        for path, text in writes.items():  # 1. every new text on disk (this is what needs space)
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            temps[path] = Path(tmp)
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
                f.flush()
                os.fsync(f.fileno())
            os.chmod(tmp, yamlio.file_mode(path))  # mkstemp makes 0600 files
    except OSError as exc:
        _discard(temps.values())
        raise StorageError(f"{display_path(path)}: could not write ({exc.strerror or exc}); nothing was changed") from None
    done: list[tuple[Path, Path | None]] = []  # (target, backup of its old content or None if new)
    current = None
    try:  # 2. swap them in by renames, keeping backups
        for path, tmp in temps.items():
            current = path
            backup = _backup(path) if path.exists() else None
            done.append((path, backup))
            os.replace(tmp, path)
        for path in removes:
            current = path
            backup = _temp_near(path, ".bak.tmp")
            os.replace(path, backup)
            done.append((path, backup))
    except OSError as exc:
        left = _roll_back(done)
        _discard(temps.values())
        message = f"{display_path(current)}: could not write ({exc.strerror or exc}); "
        if left:
            raise StorageError(message + "could not restore: " + "; ".join(left)) from None
        raise StorageError(message + "nothing was changed") from None
    _discard(b for _, b in done if b is not None)  # 3. done: drop the backups


def _backup(path: Path) -> Path:
    backup = _temp_near(path, ".bak.tmp")
    try:
        os.link(path, backup)  # no copy, no space needed
    except OSError:
        shutil.copy2(path, backup)
    return backup


def _roll_back(done: list[tuple[Path, Path | None]]) -> list[str]:
    left = []
    for path, backup in reversed(done):
        try:
            if backup is not None:
                os.replace(backup, path)
            elif path.exists():
                path.unlink()
        except OSError as exc:
            left.append(f"{display_path(path)} (its old content is in {display_path(backup)}: {exc.strerror or exc})"
                        if backup else f"{display_path(path)} ({exc.strerror or exc})")
    return left


def _discard(paths) -> None:
    for p in paths:
        try:
            if p is not None and os.path.lexists(p):
                os.unlink(p)
        except OSError:
            pass


@contextmanager
def _lock(facts_dir: Path):
    """The facts folder's lock (the same one `extract` takes): one change at a time."""
    import fcntl

    lock_path = Path(facts_dir) / ".lock"
    try:
        handle = open(lock_path, "a+")
    except OSError as exc:
        raise StorageError(f"{display_path(facts_dir)}: cannot write in the facts folder ({exc.strerror or exc})") from None
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StorageError(f"{display_path(lock_path)}: an `extract` or another change is running on this "
                               "facts folder; wait for it to finish") from None
        yield
    finally:
        handle.close()

