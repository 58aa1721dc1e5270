"""`check`: every problem of a facts folder at once, as `path:line:col: message`.

Two layers:
- per file (FactsStore.load): YAML that does not parse, unknown fields, wrong
  types, missing or empty required values, bad dates, ids that do not match
  their file name, duplicate ids;
- across files (`check_loaded`): references to unknown entities (with a
  "did you mean" over ids and names), countries that are not countries, an
  evidence sentence that is no longer in its article, an article file that is
  missing, facts whose entities are not in `mentions`, persons with no
  country, entities no article refers to, two entities with the same name,
  and the redirects left by `rename`/`merge`.

Files that parse but do not validate still take part in the cross-file
checks (from their raw data), so one pass reports everything. Every article
text is read once and every fact looked up once: the cost is linear in the
size of the facts and the articles.
"""
from __future__ import annotations

import ast
import datetime as _dt
import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from pydantic import BaseModel, ValidationError

from . import yamlio
from .errors import GeneratorError, Problem, display_path
from .model import FACT_KINDS, ID_PATTERN, Article, Entity
from .normalize import fold, squash, to_ascii_digits
from .store import Facts, FactsStore

LIST_REFS = ("participants", "parties", "targets")  # fact fields holding entity ids
ONE_REFS = ("visitor", "destination", "attacker", "place", "speaker")
TEXT_FIELDS = ("evidence", "subject", "text")  # required text that must not be blank
REDIRECTS_FILE = "redirects.yaml"
MAX_SUGGESTIONS = 500  # distinct unknown values given a "did you mean" (difflib is not free)

_ID = re.compile(ID_PATTERN)
_SENTENCE_END = re.compile(r"(?<=[.!?؟…])\s+|\n+")
_BAD_ID_MESSAGE = re.compile(r": (?P<q>['\"])(?P<value>.*)(?P=q) is not a valid id")
_BAD_DATE_MESSAGE = re.compile(r"(?:expected a date as [^,]+, got |^)(?P<q>['\"])(?P<value>[^'\"]*)(?P=q)")


def _get(obj: Any, key: str) -> Any:
    """A field of a model or of raw YAML data (None when absent)."""
    if isinstance(obj, dict):
        return obj.get(key)
    return getattr(obj, key, None)


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _is_id(value: Any) -> bool:
    return isinstance(value, str) and bool(_ID.match(value))


def _where(*parts) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def collapse(text: str) -> str:
    """Whitespace runs as one space: how evidence is compared with its article."""
    return " ".join(text.split())


@dataclass
class Item:
    """One facts file as the cross-file checks see it: a model, or raw data when
    the file parsed but did not validate."""

    kind: str  # "article" | "entity"
    id: str
    path: Path
    data: Any
    marks: yamlio.Marks
    valid: bool

    @property
    def shown(self) -> str:
        return display_path(self.path)


# --- the public entry points ----------------------------------------------------


def check(facts_dir: Path | str, seeds_dir: Path | str | None = None) -> list[Problem]:
    """Every problem of the facts folder, sorted by file, line and column."""
    facts_dir = Path(facts_dir)
    if not facts_dir.is_dir():
        return [Problem(display_path(facts_dir), 0, 0, "no such facts folder")]
    return check_loaded(FactsStore(facts_dir).load(), seeds_dir, facts_dir=facts_dir)


def check_loaded(facts: Facts, seeds_dir: Path | str | None = None, *,
                 facts_dir: Path | str | None = None) -> list[Problem]:
    """Every problem of already loaded Facts: the problems found while loading
    (with hints added) and the cross-file checks, sorted and without repeats.

    This is what the MkDocs plugin shows as warnings. facts_dir (where `source`
    paths, redirects.yaml and files that failed validation are looked for)
    defaults to the folder the loaded files are in."""
    if facts_dir is None:
        first = next(iter(facts.files.values()), None)
        if first is None:
            return sorted(set(facts.problems))
        facts_dir = first.path.parent.parent
    store = FactsStore(facts_dir)
    checker = _Checker(facts, _unvalidated_items(store, facts), seeds_dir, store.project_root, Path(facts_dir))
    checker.broken = _unreadable_entity_ids(store, checker)
    problems = [checker.hint(p) for p in facts.problems]
    problems += checker.run()
    from .events import event_problems  # one editor `event:` id on facts of two types

    problems += event_problems(facts)
    return sorted(set(problems))


def _unreadable_entity_ids(store: FactsStore, checker: "_Checker") -> set[str]:
    """Ids of entity files that do not parse: references to them are not reported
    as unknown (the file's own problem is), so one typo does not flood the list."""
    if not store.entities_dir.is_dir():
        return set()
    return {p.stem for p in store.entities_dir.glob("*.yaml")} - set(checker.kind_of)


def _unvalidated_items(store: FactsStore, facts: Facts) -> list[Item]:
    """Files that parse but failed validation: their raw data still has references to check."""
    loaded = {lf.path.resolve() for lf in facts.files.values()}
    out = []
    for kind, folder in (("entity", store.entities_dir), ("article", store.articles_dir)):
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.yaml")):
            if path.resolve() in loaded:
                continue
            try:
                data, marks = yamlio.load(path.read_bytes().decode("utf-8-sig"), display_path(path))
            except (OSError, UnicodeDecodeError, yamlio.YamlProblem):
                continue  # already reported by the store
            if not isinstance(data, dict):
                continue
            try:
                (Entity if kind == "entity" else Article).model_validate(data)
                continue  # valid, but left out by the store as a duplicate id: reported there
            except ValidationError:
                pass
            item_id = data.get("id") if _is_id(data.get("id")) else path.stem
            out.append(Item(kind, item_id, path, data, marks, False))
    return out


# --- the checks -----------------------------------------------------------------------


class _Checker:
    def __init__(self, facts: Facts, extra: list[Item], seeds_dir, project_root: Path, facts_dir: Path):
        self.seeds_dir = Path(seeds_dir) if seeds_dir else None
        self.project_root = project_root
        self.facts_dir = facts_dir
        self.problems: list[Problem] = []
        self.entities: list[Item] = []
        self.articles: list[Item] = []
        for (kind, item_id), lf in sorted(facts.files.items()):
            (self.entities if kind == "entity" else self.articles).append(
                Item(kind, item_id, lf.path, lf.model, lf.marks, True))
        for item in extra:
            bucket = self.entities if item.kind == "entity" else self.articles
            same = next((other for other in bucket if other.id == item.id), None)
            if same is not None:  # the store saw only the valid one of the two
                self.problems.append(Problem(item.shown, *item.marks.of(("id",)),
                                             f"duplicate {item.kind} id '{item.id}' (also in {same.shown})"))
            bucket.append(item)
        self.kind_of: dict[str, Any] = {}
        self.names: dict[str, str] = {}  # folded name or alias -> entity id
        self.name_of: dict[str, str] = {}  # entity id -> its name, for messages
        self._forms: dict[str, list[str]] = {}  # entity id -> folded forms to look for in a text
        for item in self.entities:
            self.kind_of.setdefault(item.id, _get(item.data, "kind"))
            name = _get(item.data, "name")
            self.name_of.setdefault(item.id, name if isinstance(name, str) else item.id)
            self._forms.setdefault(item.id, _text_forms(item.data))
            for name in [_get(item.data, "name"), *_list(_get(item.data, "aliases"))]:
                if isinstance(name, str) and name.strip():
                    self.names.setdefault(" ".join(fold(name).split()), item.id)
        self.article_ids = {item.id for item in self.articles}
        self.referenced: set[str] = set()
        self.broken: set[str] = set()  # ids of entity files that do not parse
        self._suggestions: dict[str, str] = {}
        self._ids_by_length: dict[int, list[str]] | None = None
        self._texts: dict[Path, tuple[str, set[str]] | str] = {}

    # -- helpers --
    def add(self, item: Item, where: tuple, message: str, severity: str = "error") -> None:
        line, col = item.marks.of(where)
        self.problems.append(Problem(item.shown, line, col, message, severity))

    def suggestion(self, value: str) -> str:
        """' — did you mean …?' for an unknown id or a name written where an id goes."""
        if value in self._suggestions:
            return self._suggestions[value]
        if len(self._suggestions) >= MAX_SUGGESTIONS:
            return ""
        hint = ""
        key = " ".join(fold(value).split())
        if key in self.names:
            hint = f" — did you mean '{self.names[key]}'?"
        else:
            if self._ids_by_length is None:
                self._ids_by_length = {}
                for eid in self.kind_of:
                    self._ids_by_length.setdefault(len(eid), []).append(eid)
            near = [eid for n in range(len(value) - 3, len(value) + 4) for eid in self._ids_by_length.get(n, ())]
            found = difflib.get_close_matches(value, near, n=1, cutoff=0.75)
            if found:
                hint = f" — did you mean '{found[0]}'?"
            else:
                close = difflib.get_close_matches(key, list(self.names), n=1, cutoff=0.75) if not value.isascii() else []
                if close:
                    hint = f" — did you mean '{self.names[close[0]]}' ({close[0]})?"
        self._suggestions[value] = hint
        return hint

    def hint(self, problem: Problem) -> Problem:
        """A store problem with a suggestion added where one helps (an Arabic name
        where an id goes, a date written the Arabic way)."""
        m = _BAD_ID_MESSAGE.search(problem.message)
        if m:
            value = _unquote(m["q"], m["value"])
            hint = self.suggestion(value) if value else ""
            if hint:
                return _with_message(problem, problem.message + hint)
        if "date" in problem.message:
            m = _BAD_DATE_MESSAGE.search(problem.message.split(": ", 1)[-1])
            fixed = date_fix(_unquote(m["q"], m["value"])) if m else None
            if fixed:
                return _with_message(problem, f"{problem.message} — did you mean '{fixed}'?")
        return problem

    def entity_ref(self, item: Item, where: tuple, value: Any, *, want_kind: str | None = None) -> bool:
        """Check one reference; True when it names a known entity."""
        if not _is_id(value):
            return False  # a wrong type or a bad id: the store reports it
        self.referenced.add(value)
        if value in self.broken and value not in self.kind_of:
            return False  # its file does not parse: reported there
        if value not in self.kind_of:
            self.add(item, where, f"{_where(*where)}: unknown entity '{value}'{self.suggestion(value)}")
            return False
        if want_kind and self.kind_of[value] != want_kind and isinstance(self.kind_of[value], str):
            self.add(item, where, f"{_where(*where)}: '{value}' is a {self.kind_of[value]}, not a {want_kind}")
        return True

    def no_repeats(self, item: Item, field: str, values: list) -> None:
        seen: set = set()
        for i, value in enumerate(values):
            if isinstance(value, str) and value in seen:
                self.add(item, (field, i), f"{field}[{i}]: '{value}' is listed twice")
            if isinstance(value, str):
                seen.add(value)

    def named_in(self, entity_id: str, folded_text: str) -> bool:
        """Does the (folded) article text name this entity by any of its forms?"""
        forms = self._forms.get(entity_id)
        return not forms or any(form in folded_text for form in forms)

    def blank(self, item: Item, where: tuple, value: Any) -> None:
        if isinstance(value, str) and value and not value.strip():
            self.add(item, where, f"{_where(*where)}: must not be empty")

    # -- entities --
    def check_entity(self, item: Item, same_name: dict[tuple, Item]) -> None:
        data = item.data
        self.blank(item, ("name",), _get(data, "name"))
        for i, alias in enumerate(_list(_get(data, "aliases"))):
            self.blank(item, ("aliases", i), alias)
        self.no_repeats(item, "aliases", _list(_get(data, "aliases")))
        country = _get(data, "country")
        if country is not None:
            if country == item.id and self.kind_of.get(item.id) != "country":
                self.add(item, ("country",), f"country: '{country}' is this entity itself")
            else:
                self.entity_ref(item, ("country",), country, want_kind="country")
        elif _get(data, "kind") == "person":
            where = ("country",) if isinstance(data, dict) and "country" in data else ("id",)
            self.add(item, where, "person with no country: set `country` to the id of their country", "warning")
        for i, role in enumerate(_list(_get(data, "roles"))):
            self.blank(item, ("roles", i, "title"), _get(role, "title"))
            if _get(role, "country") is not None:
                self.entity_ref(item, ("roles", i, "country"), _get(role, "country"), want_kind="country")
            article = _get(role, "article")
            if _is_id(article) and article not in self.article_ids:
                self.add(item, ("roles", i, "article"), f"{_where('roles', i, 'article')}: unknown article '{article}'")
        name = _get(data, "name")
        if isinstance(name, str) and name.strip() and isinstance(_get(data, "kind"), str):
            key = (_get(data, "kind"), squash(name))
            other = same_name.setdefault(key, item)
            if other is not item:
                self.add(item, ("name",), f"name: same name as '{other.id}' ({other.shown}); if they are one entity, "
                                          f"run: python -m generator merge {item.id} {other.id}", "warning")

    # -- articles --
    def check_article(self, item: Item, sources: dict[Path, Item]) -> None:
        data = item.data
        mentions = {m for m in _list(_get(data, "mentions")) if isinstance(m, str)}
        for i, value in enumerate(_list(_get(data, "mentions"))):
            self.entity_ref(item, ("mentions", i), value)
        self.no_repeats(item, "mentions", _list(_get(data, "mentions")))
        text = self.article_text(item, sources)
        for kind in FACT_KINDS:
            for n, fact in enumerate(_list(_get(data, kind))):
                if isinstance(fact, (dict, BaseModel)):
                    self.check_fact(item, (kind, n), fact, mentions, text)

    def check_fact(self, item: Item, at: tuple, fact: Any, mentions: set[str], text) -> None:
        refs = []
        for field in LIST_REFS:
            seen: set[str] = set()
            for i, value in enumerate(_list(_get(fact, field))):
                if isinstance(value, str) and value in seen:
                    self.add(item, at + (field, i), f"{_where(*at, field, i)}: '{value}' is listed twice")
                if isinstance(value, str):
                    seen.add(value)
                refs.append((at + (field, i), value))
        for field in ONE_REFS:
            if _get(fact, field) is not None:
                refs.append((at + (field,), _get(fact, field)))
        for where, value in refs:
            if not self.entity_ref(item, where, value):
                continue
            if value not in mentions:
                self.add(item, where, f"{_where(*where)}: '{value}' is not in this article's mentions "
                                      f"(add it to `mentions`, or correct the id)")
            if isinstance(text, tuple) and not self.named_in(value, text[2]):
                self.add(item, where, f"{_where(*where)}: '{value}' ({self.name_of[value]}) is not named in the "
                                      "article text; is it the right entity?", "warning")
        for field in TEXT_FIELDS:
            self.blank(item, at + (field,), _get(fact, field))
        for i, means in enumerate(_list(_get(fact, "means"))):
            self.blank(item, at + ("means", i), means)
        evidence = _get(fact, "evidence")
        if isinstance(text, tuple) and isinstance(evidence, str) and evidence.strip():
            whole, sentences, _ = text
            wanted = collapse(evidence)
            if wanted not in sentences and wanted not in whole:
                source = _get(item.data, "source")
                self.add(item, at + ("evidence",),
                         f"{_where(*at, 'evidence')}: this sentence is not in the article {source} "
                         "(was the article or the sentence changed?)")

    def source_path(self, source: str) -> Path | None:
        """The article file: relative to the project root, else by its name in the
        seeds folder; never a file outside those two folders."""
        candidates = [(self.project_root / source, self.project_root)]
        if self.seeds_dir is not None:
            candidates.append((self.seeds_dir / Path(source).name, self.seeds_dir))
        for path, inside in candidates:
            try:
                if path.is_file() and path.resolve().is_relative_to(inside.resolve()):
                    return path
            except (OSError, ValueError):  # a name too long, a NUL character
                continue
        return None

    def article_text(self, item: Item, sources: dict[Path, Item]):
        """(whole text, its sentences), both whitespace-collapsed; or None when the
        article cannot be read (reported here, once per article file)."""
        source = _get(item.data, "source")
        if not isinstance(source, str) or not source.strip():
            return None
        if Path(source).is_absolute() or ".." in Path(source).parts:
            self.add(item, ("source",), f"source: '{source}' is outside the project; write the article's path "
                                        "relative to the project folder, like seeds/article.txt")
            return None
        path = self.source_path(source)
        if path is None:
            self.add(item, ("source",), f"source: the article file '{source}' does not exist")
            return None
        real = path.resolve()
        first = sources.setdefault(real, item)
        if first is not item:
            self.add(item, ("source",), f"source: the same article file as {first.shown}", "warning")
        if real not in self._texts:
            try:
                raw = _read_article(path)
                whole = collapse(raw)
                self._texts[real] = (whole, {collapse(s) for s in _SENTENCE_END.split(raw) if s.strip()}
                                     | {collapse(line) for line in raw.splitlines() if line.strip()},
                                     " ".join(fold(raw).split()))
            except GeneratorError as exc:
                self._texts[real] = str(exc)
        text = self._texts[real]
        if isinstance(text, str):
            self.add(item, ("source",), f"source: cannot read the article file '{source}': {_reason(text, path)}")
            return None
        return text

    # -- redirects.yaml --
    def check_redirects(self) -> None:
        path = self.facts_dir / REDIRECTS_FILE
        if not path.is_file():
            return
        shown = display_path(path)
        try:
            data, marks = yamlio.load(path.read_bytes().decode("utf-8-sig"), shown)
        except yamlio.YamlProblem as exc:
            self.problems.append(exc.problem)
            return
        except (OSError, UnicodeDecodeError) as exc:
            self.problems.append(Problem(shown, 0, 0, f"cannot read file: {exc}"))
            return
        item = Item("redirects", "", path, data, marks, True)
        if data is None:
            return
        if not isinstance(data, dict):
            self.add(item, (), "expected a mapping of old id: new id")
            return
        for old, new in data.items():
            if not _is_id(old):
                self.add(item, (old,), f"{old!r} is not a valid id (lower-case letters, digits, hyphens)")
                continue
            if not _is_id(new):
                self.add(item, (old,), f"{old}: {new!r} is not a valid id (lower-case letters, digits, hyphens)")
                continue
            if new not in self.kind_of:
                self.add(item, (old,), f"{old}: redirects to unknown entity '{new}'{self.suggestion(new)}")
            if old in self.kind_of:
                self.add(item, (old,), f"{old}: is an entity again (facts/entities/{old}.yaml); "
                                       "remove this redirect or that file")
            self.referenced.add(new)

    # -- all --
    def run(self) -> list[Problem]:
        same_name: dict[tuple, Item] = {}
        for item in self.entities:
            self.check_entity(item, same_name)
        sources: dict[Path, Item] = {}
        for item in self.articles:
            self.check_article(item, sources)
        self.check_redirects()
        for item in self.entities:  # referenced by no article, no other entity, no redirect
            if item.id not in self.referenced:
                self.add(item, ("id",), f"entity '{item.id}' is referenced by no article (delete it, or merge it "
                                        "into another one)", "warning")
        return self.problems


# --- small helpers ----------------------------------------------------------------------


def _text_forms(data: Any) -> list[str]:
    """Folded forms of an entity's names that an article naming it would contain:
    each name and alias; a person's surname; a country's or group's stem without
    "ال" and a final vowel letter (إيران → ايران, in "الإيرانية"; أمريكا → امريك,
    in "الأمريكي"); an organization's name without its middle words ("القوات
    المسلحة الإيرانية" named as "القوات الإيرانية")."""
    names = [n for n in [_get(data, "name"), *_list(_get(data, "aliases"))] if isinstance(n, str) and n.strip()]
    forms = set()
    for name in names:
        folded = " ".join(fold(name).split())
        forms.add(folded)
        words = folded.split()
        if _get(data, "kind") == "person" and len(words) > 1 and len(words[-1]) >= 3:
            forms.add(words[-1])
        elif _get(data, "kind") == "organization" and len(words) > 2:
            forms.add(f"{words[0]} {words[-1]}")
        elif _get(data, "kind") != "person" and len(words) == 1:
            stem = words[0][2:] if words[0].startswith("ال") and len(words[0]) > 4 else words[0]
            if len(stem) >= 4 and stem[-1] in "اهي":
                stem = stem[:-1]
            forms.add(stem)
    return sorted(forms)


def _read_article(path: Path) -> str:
    """The article's text as the extractor reads it (same decoding), else as UTF-8."""
    try:
        from .ingest import read_article
    except ImportError:  # pragma: no cover - the ingest module is written separately
        try:
            return path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
        except (OSError, UnicodeDecodeError) as exc:
            raise GeneratorError(f"{display_path(path)}: {exc}") from None
    return read_article(path)[0]


def _reason(message: str, path: Path) -> str:
    """An InputError's message without the path it starts with."""
    for prefix in (f"{display_path(path)}: ", f"{path}: "):
        if message.startswith(prefix):
            return message[len(prefix):]
    return message


def _unquote(quote: str, inner: str) -> str:
    try:
        value = ast.literal_eval(quote + inner + quote)
    except (ValueError, SyntaxError):
        return inner
    return value if isinstance(value, str) else inner


def _with_message(problem: Problem, message: str) -> Problem:
    return Problem(problem.path, problem.line, problem.column, message, problem.severity)


def date_fix(value: str) -> str | None:
    """'٢٠٢٤/٠١/٣٠' → '2024-01-30', '19/01/2024' → '2024-01-19'; None when not a real date."""
    parts = re.split(r"[/.\-\s]+", to_ascii_digits(value).strip())
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    if len(parts[0]) == 4:
        year, month, day = parts
    elif len(parts[2]) == 4:
        day, month, year = parts
    else:
        return None
    try:
        return _dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def problems_text(problems: Iterable[Problem]) -> str:
    return "\n".join(str(p) if p.severity == "error" else f"{p} (warning)" for p in problems)

