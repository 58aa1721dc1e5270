"""Reading and writing the YAML facts files safely.

- Reading: `safe_load` semantics, but built from PyYAML's composed nodes so
  every value keeps its line and column (`Marks`), duplicate keys are errors,
  and anchors/aliases are refused (no "billion laughs" expansion).
- Writing: Arabic as real characters, keys in the models' human order, one
  line per value, and atomic replacement (temp file + rename).
- The generator's header: each file it writes records a hash of its own
  output, so a later run can tell a machine draft from a file an editor touched.
"""
from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem, StorageError

Path_ = tuple  # a location inside a document: ("meetings", 0, "participants", 1)

MAX_YAML_BYTES = 5_000_000
KEY = "<key>"  # Marks.of(path + (KEY,)) is the position of the key itself, not of its value


class YamlProblem(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


class Marks:
    """Line and column (1-based) of every key and value of a loaded document."""

    def __init__(self):
        self._at: dict[Path_, tuple[int, int]] = {}

    def set(self, where: Path_, node: yaml.Node) -> None:
        self._at[where] = (node.start_mark.line + 1, node.start_mark.column + 1)

    def of(self, where: Path_) -> tuple[int, int]:
        """The closest known position: the value itself, else its nearest parent."""
        where = tuple(where)
        while where:
            if where in self._at:
                return self._at[where]
            where = where[:-1]
        return self._at.get((), (1, 1))


class _Builder:
    def __init__(self, path: str):
        self.path = path
        self.marks = Marks()
        self.loader = yaml.SafeLoader("")
        self.seen: set[int] = set()

    def fail(self, node: yaml.Node, message: str):
        raise YamlProblem(Problem(self.path, node.start_mark.line + 1, node.start_mark.column + 1, message))

    def build(self, node: yaml.Node, where: Path_ = ()) -> Any:
        if id(node) in self.seen:
            self.fail(node, "anchors and aliases (& and *) are not allowed in facts files")
        self.seen.add(id(node))
        self.marks.set(where, node)
        if isinstance(node, yaml.MappingNode):
            out: dict = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    self.fail(key_node, "merge keys (<<) are not allowed in facts files")
                key = self.build(key_node, where + ("<key>",))
                if not isinstance(key, (str, int, float, bool)) and key is not None:
                    self.fail(key_node, "a key must be plain text")
                if key in out:
                    self.fail(key_node, f"duplicate key '{key}'")
                self.marks.set(where + (key, KEY), key_node)  # of(path + (KEY,)): where the key is written
                self.marks.set(where + (key,), value_node)
                out[key] = self.build(value_node, where + (key,))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, where + (i,)) for i, item in enumerate(node.value)]
        try:
            return self.loader.construct_object(node, deep=True)
        except yaml.YAMLError as exc:
            self.fail(node, f"cannot read this value: {getattr(exc, 'problem', exc)}")
        except ValueError:  # an impossible date such as 2024-13-45: keep the text, the model says why
            return node.value


_FAST_LOADER = getattr(yaml, "CSafeLoader", None)  # libyaml: ~20x faster, same nodes and marks


def _compose(text: str) -> yaml.Node | None:
    """The document's node tree; on an error, the pure-Python parser's message and mark."""
    if _FAST_LOADER is not None:
        try:
            return yaml.compose(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            pass  # parse again below, for the same wording on every machine
    return yaml.compose(text, Loader=yaml.SafeLoader)


MAX_DEPTH = 64  # nesting levels; a facts file uses five or six
_OPEN = (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken, yaml.BlockSequenceStartToken,
         yaml.BlockMappingStartToken)
_CLOSE = (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken, yaml.BlockEndToken)


# A block indicator: "-", "?" or ":" followed by a space, a tab or a line break.
_BLOCK_INDICATOR = re.compile(r"[-?:](?=[ \t\r\n\x85\u2028\u2029]|$)", re.M)
_ODD_SPACE = re.compile("[\t\r\x85\u2028\u2029]")


def _depth_bound(text: str) -> int:
    """An upper bound of the nesting depth, without scanning the YAML. Flow collections
    open at "[" or "{". A block collection opens (the scanner's add_indent) at a
    block indicator or at a key that ends at one on the same line, always at a column
    deeper than the open ones: so at most (the largest such column + 1) are open at once.
    Columns are counted from "\n" only (YAML also breaks at \r, \x85, \u2028 and
    \u2029), which can only make them larger."""
    deepest = -1
    if _ODD_SPACE.search(text):
        for m in _BLOCK_INDICATOR.finditer(text):
            at = m.start()
            deepest = max(deepest, at - text.rfind("\n", 0, at) - 1)
    else:  # only spaces and "\n" follow an indicator (the usual case): a few finds per line
        for line in text.split("\n"):
            at = max(line.rfind("- "), line.rfind(": "), line.rfind("? "))
            if line.endswith(("-", ":", "?")):
                at = len(line) - 1
            deepest = max(deepest, at)
    return text.count("[") + text.count("{") + deepest + 1


def _too_deep(text: str) -> tuple[int, int] | None:
    """Where the text nests deeper than MAX_DEPTH (composing it would exhaust the
    stack and crash the interpreter: "[" * 100000). The scanner is not recursive;
    it runs only when the cheap bound does not rule deep nesting out."""
    if _depth_bound(text) <= MAX_DEPTH:
        return None
    depth = 0
    try:
        for token in yaml.scan(text, Loader=_FAST_LOADER or yaml.SafeLoader):
            if isinstance(token, _OPEN):
                depth += 1
                if depth > MAX_DEPTH:
                    return token.start_mark.line + 1, token.start_mark.column + 1
            elif isinstance(token, _CLOSE):
                depth -= 1
    except yaml.YAMLError:
        return None  # composing reports it, with the same wording everywhere
    return None


def load(text: str, path: str) -> tuple[Any, Marks]:
    """Parse one YAML document; raise YamlProblem naming path, line and column."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_YAML_BYTES:
        raise YamlProblem(Problem(path, 0, 0, f"file is larger than {MAX_YAML_BYTES // 1_000_000} MB"))
    if "\t" in text:
        for n, line in enumerate(text.splitlines(), 1):
            indent = line[: len(line) - len(line.lstrip())]
            if "\t" in indent:
                raise YamlProblem(Problem(path, n, indent.index("\t") + 1,
                                          "tab used for indentation: YAML indents with spaces"))
    deep = _too_deep(text)
    if deep:
        raise YamlProblem(Problem(path, *deep, f"nested more than {MAX_DEPTH} levels deep; a facts file needs a few"))
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        msg = " ".join(str(x) for x in (exc.context, exc.problem) if x)
        if exc.context_mark and "quoted scalar" in str(exc.context) and "end of stream" in str(exc.problem):
            mark, msg = exc.context_mark, "the quote that starts here is never closed"  # not at the file's end
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise YamlProblem(Problem(path, line, col, f"YAML does not parse: {msg}")) from None
    except yaml.reader.ReaderError as exc:  # a control character: no mark, only a position
        at = exc.position if isinstance(exc.position, int) else 0
        line, col = text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1
        raise YamlProblem(Problem(path, line, col, f"character {chr(exc.character)!r} is not allowed in YAML "
                                  "(a control character): delete it")) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(Problem(path, 0, 0, f"YAML does not parse: {exc}")) from None
    builder = _Builder(path)
    if node is None:
        return None, builder.marks
    data = builder.build(node)
    # PyYAML's loader is a reference cycle (its parser state) holding every node it constructed:
    # release it now rather than at the next cyclic collection (the site build pauses the collector)
    builder.loader.constructed_objects.clear()
    builder.loader.dispose()
    return data, builder.marks


# --- writing ------------------------------------------------------------------


# libyaml's emitter is seven times faster than PyYAML's; both write lists
# indentless under their key, so the text is the same with or without it.
_Dumper = type("_Dumper", (getattr(yaml, "CSafeDumper", yaml.SafeDumper),), {})


def _str(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump(data: Any, dumper: type = _Dumper) -> str:
    """YAML text with real Arabic characters, keys in the given order, no line folding."""
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False,
                     width=1_000_000, default_flow_style=False)


def file_mode(path: Path) -> int:
    """The permissions a rewritten file keeps: the old file's, else the umask's default."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def _write_temp(path: Path, text: str, sync: bool) -> str:
    """A new temporary file beside path holding text, with path's permissions."""
    data = text.encode("utf-8")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except FileNotFoundError:  # the folder is made on the first write only (one mkdir, not one per file)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, file_mode(path))  # mkstemp makes 0600 files
        view = memoryview(data)
        while view:  # raw writes: no text layer (its isatty and seek calls) for a file written once
            view = view[os.write(fd, view):]
        if sync:
            os.fsync(fd)
        os.close(fd)
        fd = None
    except BaseException:
        if fd is not None:
            os.close(fd)
        os.unlink(tmp)
        raise
    return tmp


def atomic_write(path: Path, text: str) -> None:
    """Replace path with text so that a crash or a full disk never leaves half a file."""
    path = Path(path)
    tmp = None
    try:
        tmp = _write_temp(path, text, sync=True)
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise StorageError(f"{path}: could not write ({exc.strerror or exc}); the old file is unchanged") from None
    finally:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)


class WriteBatch:
    """Many atomic writes with one sync: every new text goes to a temporary file,
    the disk is synced once, then each file is renamed into place. A crash or a
    failed write before the renames leaves every old file as it was; each rename
    replaces one whole file. (One fsync per file was a sixth of `extract`.)

        with WriteBatch() as batch:
            batch.write(path, text)
    """

    def __init__(self):
        self.pending: list[tuple[str, Path]] = []
        self.early: list[tuple[str, Path]] = []  # renamed before the others

    def write(self, path: Path, text: str, early: bool = False) -> None:
        path = Path(path)
        try:
            (self.early if early else self.pending).append((_write_temp(path, text, sync=False), path))
        except OSError as exc:
            raise StorageError(f"{path}: could not write ({exc.strerror or exc}); "
                               "the old file is unchanged") from None

    def first(self) -> "_Early":
        """A writer whose files are renamed into place before every other file of the batch
        (entities before the articles that refer to them)."""
        return _Early(self)

    def __enter__(self) -> "WriteBatch":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            os.sync()
        self.pending[:0] = self.early
        self.early = []
        path, done = None, 0
        try:
            if exc_type is None:
                for tmp, path in self.pending:
                    os.replace(tmp, path)
                    done += 1
        except OSError as err:
            raise StorageError(f"{path}: could not write ({err.strerror or err}); the old file is unchanged") from None
        finally:
            for tmp, _ in self.pending[done:]:
                if os.path.exists(tmp):
                    os.unlink(tmp)
            self.pending.clear()


# --- the generator's header -----------------------------------------------------

_HEADER = re.compile(r"^# generator: draft=(?P<draft>[0-9a-f]{16}) source=(?P<source>[0-9a-f]{16}|-) rules=(?P<rules>[0-9a-f]{16})$")
SCHEMA_LINE = "# yaml-language-server: $schema="


def digest(text: str | bytes) -> str:
    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()[:16]


@dataclass(frozen=True)
class Header:
    draft: str | None  # hash of the body the generator wrote
    source: str | None  # hash of the article text it was drafted from
    rules: str | None  # hash of the extraction rules it used
    edited: bool  # the body is no longer what the generator wrote

    @property
    def generated(self) -> bool:
        return self.draft is not None


def _split(text: str) -> tuple[list[str], str]:
    lines = text.split("\n")
    head = []
    while lines and (lines[0].startswith(SCHEMA_LINE) or lines[0].startswith("# generator:")):
        head.append(lines.pop(0))
    return head, "\n".join(lines)


def read_header(text: str) -> Header:
    head, body = _split(text)
    for line in head:
        m = _HEADER.match(line)
        if m:
            source = None if m["source"] == "-" else m["source"]
            return Header(m["draft"], source, m["rules"], digest(body) != m["draft"])
    return Header(None, None, None, True)  # no header: written by a person


def with_header(body: str, *, source: str | None, rules: str, schema: str | None) -> str:
    """The file text the generator writes: schema line, hash line, body."""
    lines = []
    if schema:
        lines.append(SCHEMA_LINE + schema)
    lines.append(f"# generator: draft={digest(body)} source={source or '-'} rules={rules}")
    return "\n".join(lines) + "\n" + body


class _Early:
    def __init__(self, batch: WriteBatch):
        self.batch = batch

    def write(self, path: Path, text: str) -> None:
        self.batch.write(path, text, early=True)
