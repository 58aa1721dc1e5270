"""The facts folder on disk: one YAML file per article and one per entity.

    facts/
      articles/<article-id>.yaml
      entities/<entity-id>.yaml

`FactsStore.load()` reads everything into models and collects every problem
with its file, line and column; it never stops at the first one. Writes go
through `write_generated`, which leaves a file an editor changed untouched.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from . import yamlio
from .errors import FactsError, Problem, StorageError, display_path
from .model import ID_PATTERN, Article, Entity, Record

_ID = re.compile(ID_PATTERN)
SCHEMA_DIR = "schema"  # facts/schema/<kind>.schema.json, for editors' YAML tooling


def check_id(value: str, what: str = "id") -> str:
    """An id that is safe as a file name and URL: no '/', '..', spaces or capitals."""
    if not isinstance(value, str) or not _ID.match(value) or len(value) > 120:
        raise StorageError(f"{what} {value!r} is not a valid id: use lower-case letters, digits and single hyphens")
    return value


@dataclass
class Loaded:
    """A parsed file: the model (None when invalid), its marks and its raw text."""

    path: Path
    model: Record | None
    marks: yamlio.Marks
    text: str
    header: yamlio.Header


@dataclass
class Facts:
    entities: dict[str, Entity] = field(default_factory=dict)
    articles: dict[str, Article] = field(default_factory=dict)
    files: dict[tuple[str, str], Loaded] = field(default_factory=dict)  # ("article"|"entity", id)
    problems: list[Problem] = field(default_factory=list)

    def loaded(self, kind: str, id_: str) -> Loaded | None:
        return self.files.get((kind, id_))

    def raise_for_problems(self) -> None:
        errors = [p for p in self.problems if p.severity == "error"]
        if errors:
            raise FactsError(errors)


def pydantic_problems(exc: ValidationError, path: str, marks: yamlio.Marks,
                      model: type[Record] | None = None) -> list[Problem]:
    """One Problem per validation error, at the line of the offending value
    (of the key, for an unknown field, with the closest known field name)."""
    out = []
    for err in exc.errors():
        loc = tuple(err["loc"])
        line, col = marks.of(loc)
        where = _loc_text(loc)
        kind = err["type"]
        value = err.get("input")
        if kind == "extra_forbidden":
            line, col = marks.of(loc + (yamlio.KEY,))
            msg = f"{where}: unknown field{_field_hint(model, loc)}"
        elif kind == "missing":
            msg = f"{where}: missing required field"
        elif kind == "literal_error":
            expected = err.get("ctx", {}).get("expected", "")
            msg = f"{where}: expected one of: {expected}, but got {value!r}"
        elif kind == "string_pattern_mismatch":
            msg = f"{where}: {value!r} is not a valid id (lower-case letters, digits, hyphens)"
        elif kind == "too_short" and isinstance(value, list):
            msg = f"{where}: needs at least {err['ctx'].get('min_length')} entries"
        elif kind == "string_too_short":
            msg = f"{where}: must not be empty"
        elif kind in ("bool_type", "bool_parsing"):
            msg = f"{where}: expected true or false, got {value!r}"
        elif kind == "list_type":
            msg = f"{where}: expected a list (one `- item` per line), got {value!r}"
        elif kind == "string_type":
            msg = f"{where}: expected text, got {'nothing' if value is None else repr(value)}"
        elif kind in ("model_type", "dict_type"):
            msg = f"{where}: expected a mapping of fields (key: value), got {value!r}"
        else:
            msg = f"{where}: {err['msg'].removeprefix('Value error, ')}"
        out.append(Problem(path, line, col, msg))
    return out


def _field_hint(model: type[Record] | None, loc: tuple) -> str:
    """" — did you mean 'kind'?" for a misspelt field name, from the fields allowed there."""
    from .model import FACT_TYPES, Role

    parent = loc[:-1]
    if not parent:
        allowed = model.model_fields if model is not None else {}
    elif len(parent) == 2 and parent[0] in FACT_TYPES:
        allowed = FACT_TYPES[parent[0]].model_fields
    elif len(parent) == 2 and parent[0] == "roles":
        allowed = Role.model_fields
    else:
        allowed = {}
    close = difflib.get_close_matches(str(loc[-1]).lower(), list(allowed), n=1, cutoff=0.6)
    if close:
        return f" — did you mean '{close[0]}'?"
    return f" (allowed here: {', '.join(allowed)})" if allowed else ""


def _loc_text(loc: tuple) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "document"


REDIRECTS_FILE = "redirects.yaml"


class FactsStore:
    """The facts folder: where each file lives, how it is read and written."""

    def __init__(self, root: Path | str):
        self.root = Path(root)
        self.articles_dir = self.root / "articles"
        self.entities_dir = self.root / "entities"

    # -- paths --
    def article_path(self, article_id: str) -> Path:
        return self.articles_dir / f"{check_id(article_id, 'article id')}.yaml"

    def entity_path(self, entity_id: str) -> Path:
        return self.entities_dir / f"{check_id(entity_id, 'entity id')}.yaml"

    def schema_ref(self, kind: str) -> str:
        return f"../{SCHEMA_DIR}/{kind}.schema.json"

    @property
    def redirects_path(self) -> Path:
        return self.root / REDIRECTS_FILE

    def read_redirects(self) -> dict[str, str]:
        """facts/redirects.yaml: `old-id: new-id` for every merged or renamed entity."""
        path = self.redirects_path
        if not path.exists():
            return {}
        try:
            data, _ = yamlio.load(path.read_bytes().decode("utf-8-sig"), display_path(path))
        except yamlio.YamlProblem as exc:
            raise FactsError([exc.problem]) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise StorageError(f"{display_path(path)}: cannot read ({exc}); fix it first") from None
        if data is None:
            return {}
        if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
            raise FactsError([Problem(display_path(path), 1, 1, "expected lines of `old-id: new-id`")])
        return data

    @property
    def project_root(self) -> Path:
        """Folder that `source` paths are relative to: the facts folder's parent."""
        return self.root.resolve().parent

    # -- reading --
    def read_file(self, path: Path, model: type[Record]) -> tuple[Loaded, list[Problem]]:
        shown = display_path(path)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            return Loaded(path, None, yamlio.Marks(), "", yamlio.read_header("")), [
                Problem(shown, 0, 0, f"cannot read file: {exc.strerror or exc}")]
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            return Loaded(path, None, yamlio.Marks(), "", yamlio.read_header("")), [
                Problem(shown, 0, 0, f"not UTF-8 text (byte {exc.start}); save the file as UTF-8")]
        header = yamlio.read_header(text)
        try:
            data, marks = yamlio.load(text, shown)
        except yamlio.YamlProblem as exc:
            return Loaded(path, None, yamlio.Marks(), text, header), [exc.problem]
        if not isinstance(data, dict):
            return Loaded(path, None, marks, text, header), [
                Problem(shown, 1, 1, "expected a mapping of fields (key: value) at the top of the file")]
        try:
            return Loaded(path, model.model_validate(data), marks, text, header), []
        except ValidationError as exc:
            return Loaded(path, None, marks, text, header), pydantic_problems(exc, shown, marks, model)

    def load(self) -> Facts:
        """Every article and entity file, with every problem found while reading them."""
        facts = Facts()
        for kind, folder, model, bucket in (
            ("entity", self.entities_dir, Entity, facts.entities),
            ("article", self.articles_dir, Article, facts.articles),
        ):
            if not folder.is_dir():
                continue
            for path in sorted(folder.glob("*.yaml")):
                loaded, problems = self.read_file(path, model)
                facts.problems.extend(problems)
                if loaded.model is None:
                    continue
                item_id = loaded.model.id
                expected = path.stem
                if item_id != expected:
                    line, col = loaded.marks.of(("id",))
                    facts.problems.append(Problem(display_path(path), line, col,
                                                  f"id: '{item_id}' does not match the file name '{expected}.yaml'"))
                if (kind, item_id) in facts.files or (kind == "entity" and item_id in bucket):
                    other = facts.files[(kind, item_id)].path
                    line, col = loaded.marks.of(("id",))
                    facts.problems.append(Problem(display_path(path), line, col,
                                                  f"duplicate {kind} id '{item_id}' (also in {display_path(other)})"))
                    continue
                bucket[item_id] = loaded.model
                facts.files[(kind, item_id)] = loaded
        return facts

    # -- writing --
    def write_generated(self, path: Path, model: Record, *, kind: str, source: str | None,
                        rules: str, force: bool = False, batch: "yamlio.WriteBatch | None" = None) -> str:
        """Write a machine draft unless an editor changed the file.

        Returns what happened: "written", "unchanged" or "kept" (edited by hand).
        """
        body = yamlio.dump(to_plain(model))
        text = yamlio.with_header(body, source=source, rules=rules, schema=self.schema_ref(kind))
        if path.exists():
            try:
                old = path.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError):
                old = None
            if old is not None and not force and yamlio.read_header(old).edited:
                return "kept"
            if old == text:
                return "unchanged"
        if batch is not None:
            batch.write(path, text)
        else:
            yamlio.atomic_write(path, text)
        return "written"


_LAST = ("date", "evidence", "event")  # a fact reads: who, what, when, then the sentence


def to_plain(model: Record) -> dict:
    """A model as plain data in a human order (a fact's arguments first, its date and
    evidence last), leaving out the editor-only `event` field when it is unset."""
    return _human_order(model.model_dump(mode="json"))


def _human_order(value):
    if isinstance(value, dict):
        items = [(k, _human_order(v)) for k, v in value.items() if not (k == "event" and v is None)]
        if "evidence" in value:
            items.sort(key=lambda kv: _LAST.index(kv[0]) + 1 if kv[0] in _LAST else 0)
        return dict(items)
    if isinstance(value, list):
        return [_human_order(v) for v in value]
    return value
