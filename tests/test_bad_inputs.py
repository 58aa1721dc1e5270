"""Every bad input of issue 5: one clear line naming the file, and no file changed.

Each case asserts the exact message and compares every byte of the project
(tree_bytes) before and after. The machine runs tests as root, for whom chmod
does not make a folder read-only: a read-only facts folder is simulated by
making every write call (open for writing, os.open with O_CREAT/O_WRONLY,
os.replace, os.link, os.unlink, os.mkdir) raise PermissionError; a full disk
by making os.fsync raise ENOSPC.
"""
from __future__ import annotations

import builtins
import errno
import io
import os
import time
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from editing_helpers import ALPHA, edit, make_project, write
from generator import pipeline, validate, yamlio
from generator.cli import main
from generator.errors import InputError
from generator.ingest import clean, read_article
from generator.schema import write_schemas

HAVE_EXTRACT = (Path(__file__).resolve().parents[1] / "generator" / "extract" / "__init__.py").exists()
needs_extract = pytest.mark.skipif(not HAVE_EXTRACT, reason="generator/extract/ is not written yet")


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project in tmp_path/p (tmp_path itself is there to see that nothing is written beside it)."""
    root = tmp_path / "p"
    root.mkdir()
    monkeypatch.chdir(root)
    write_schemas(make_project(root))
    return root


def cli(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def one_line(message: str) -> str:
    assert "\n" not in message
    return message


# --- article files -------------------------------------------------------------------------------

MB20 = "bad-20mb"
REFUSED_ARTICLES = {
    "empty article": (b"", "seeds/bad.txt: empty article"),
    "whitespace only": (" \n\t\n   \u200f\n".encode(), "seeds/bad.txt: empty article (only spaces and blank lines)"),
    "binary file": (bytes(range(256)) * 16, "seeds/bad.txt: contains NUL bytes: a binary file, not a text article"),
    "binary without NUL bytes": (
        bytes((i * 37) % 255 + 1 for i in range(4000)),
        "seeds/bad.txt: is not UTF-8 (byte 0x95 at offset 4) and does not read as Arabic in Windows-1256 either; "
        "save the article as UTF-8"),
    "Latin-only text": (b"Pakistan and Iran agreed to cooperate on border security. The ministers met in Tehran.\n",
                        "seeds/bad.txt: has no Arabic text (only Latin or other letters): not an Arabic news article"),
    "a 20 MB article": (MB20, "seeds/bad.txt: is 20.0 MB; article files over 2 MB are refused (one news article is a "
                              "few kB: is this the right file?)"),
}


def _write_article(project: Path, content) -> Path:
    path = project / "seeds" / "bad.txt"
    if content == MB20:
        with path.open("w", encoding="utf-8") as f:
            line = ALPHA.split("\n")[2] + "\n"
            f.write(line * (20 * 1024 * 1024 // len(line.encode())))
            f.truncate(20 * 1024 * 1024)
    else:
        path.write_bytes(content)
    return path


@pytest.mark.parametrize("case", list(REFUSED_ARTICLES), ids=list(REFUSED_ARTICLES))
def test_a_bad_article_is_refused_with_one_line_naming_the_file(project, tree_bytes, case):
    content, message = REFUSED_ARTICLES[case]
    path = _write_article(project, content)
    before = tree_bytes(project.parent)
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(InputError) as err:
        read_article(path)
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert str(err.value) == one_line(message)
    assert elapsed < 2 and peak < 8 * 1024 * 1024  # bounded: a 20 MB file is not read whole
    assert tree_bytes(project.parent) == before


ARABIC = "التقى وزير الخارجية نظيره في طهران يوم الاثنين.\nوقال إن المحادثات كانت مثمرة.\n"
ACCEPTED_ARTICLES = {
    "Windows-1256 (cp1256)": (ARABIC.encode("cp1256"), ["decoded as Windows-1256 (cp1256): the file is not UTF-8"]),
    "UTF-16 with its byte-order mark": (ARABIC.encode("utf-16"), ["decoded as UTF-16 (byte-order mark)"]),
    "UTF-8 with a byte-order mark": (ARABIC.encode("utf-8-sig"), []),
    "mixed scripts": ("التقى وزير الخارجية John Smith نظيره في Paris يوم الاثنين.\nوقال إن talks كانت مثمرة.\n"
                      .encode(), []),
    "no sentence end marks": (ARABIC.replace(".", "").encode(), []),
}


@pytest.mark.parametrize("case", list(ACCEPTED_ARTICLES), ids=list(ACCEPTED_ARTICLES))
def test_other_encodings_and_scripts_are_read_with_a_note(project, tree_bytes, case):
    content, notes = ACCEPTED_ARTICLES[case]
    path = _write_article(project, content)
    before = tree_bytes(project.parent)
    text, got = read_article(path)
    assert got == notes
    expected = content.decode("utf-16") if content.startswith(b"\xff\xfe") else (
        content.decode("cp1256") if "1256" in case else content.decode("utf-8-sig"))
    assert text == expected and "\ufeff" not in text
    assert clean(text).paragraphs or clean(text).title  # cleaning does not choke on it
    assert tree_bytes(project.parent) == before


@needs_extract
@pytest.mark.parametrize("case", list(REFUSED_ARTICLES), ids=list(REFUSED_ARTICLES))
def test_extract_reports_a_bad_article_and_changes_nothing(project, tree_bytes, case):
    content, message = REFUSED_ARTICLES[case]
    _write_article(project, content)
    before = tree_bytes(project.parent)
    result = cli("extract", "-q")
    assert result.exit_code == 1
    assert f"error: {message}" in result.stdout.splitlines()
    assert tree_bytes(project.parent) == before


@needs_extract
@pytest.mark.parametrize("case", list(ACCEPTED_ARTICLES), ids=list(ACCEPTED_ARTICLES))
def test_extract_drafts_an_article_in_another_encoding_or_script(project, case):
    content, notes = ACCEPTED_ARTICLES[case]
    _write_article(project, content)
    result = cli("extract", "-q")
    assert result.exit_code == 0, result.output
    assert (project / "facts" / "articles" / "bad.yaml").exists()
    for note in notes:
        assert f"note: seeds/bad.txt: {note}" in result.stdout.splitlines()


# --- facts files ---------------------------------------------------------------------------------

BOMB = "a: &a ['lol','lol','lol','lol','lol','lol','lol','lol','lol']\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))
IRAN = "facts/entities/iran.yaml"
A = "facts/articles/alpha.yaml"

BAD_FACTS = {
    "tab indentation": (IRAN, ("kind: country", "aliases:\n\t- x\nkind: country"),
                        [f"{IRAN}:3:1: tab used for indentation: YAML indents with spaces"]),
    "unclosed quote": (IRAN, ("name: إيران", 'name: "إيران'),
                       [f"{IRAN}:3:7: YAML does not parse: the quote that starts here is never closed"]),
    "duplicate keys": (IRAN, ("name: إيران", "name: إيران\nname: ايران"), [f"{IRAN}:4:1: duplicate key 'name'"]),
    "YAML bomb (billion laughs)": (IRAN, None, [f"{IRAN}:2:7: anchors and aliases (& and *) are not allowed in "
                                                "facts files"]),
    "nesting bomb": (IRAN, "[" * 200_000, [f"{IRAN}:1:65: nested more than 64 levels deep; a facts file needs a few"]),
    "not UTF-8": (IRAN, "إيران".encode("cp1256"), [f"{IRAN}: not UTF-8 text (byte 0); save the file as UTF-8"]),
    "an id with ../": (A, ("id: alpha", "id: ../../etc/alpha"),
                       [f"{A}:2:5: id: '../../etc/alpha' is not a valid id (lower-case letters, digits, hyphens)"]),
    "an id with /": (A, ("id: alpha", "id: articles/alpha"),
                     [f"{A}:2:5: id: 'articles/alpha' is not a valid id (lower-case letters, digits, hyphens)"]),
    "an id with spaces": (A, ("id: alpha", "id: alpha article"),
                          [f"{A}:2:5: id: 'alpha article' is not a valid id (lower-case letters, digits, hyphens)"]),
    "a source outside the project": (A, ("source: seeds/alpha.txt", "source: ../../../etc/passwd"), [
        f"{A}:3:9: source: '../../../etc/passwd' is outside the project; write the article's path relative to the "
        "project folder, like seeds/article.txt"]),
    "a fact referring to a deleted entity": ("facts/entities/jaish-al-adl.yaml", "", [
        f"{A}:13:5: mentions[4]: unknown entity 'jaish-al-adl'",
        f"{A}:27:15: strikes[0].attacker: unknown entity 'jaish-al-adl'"]),
    "two articles claiming the same id": ("facts/articles/beta-copy.yaml", "copy beta", [
        "facts/articles/beta-copy.yaml:1:5: id: 'beta' does not match the file name 'beta-copy.yaml'",
        "facts/articles/beta.yaml:1:5: duplicate article id 'beta' (also in facts/articles/beta-copy.yaml)"]),
    "a registry entry with no name": ("facts/entities/pakistan.yaml", ("name: باكستان\n", ""),
                                      ["facts/entities/pakistan.yaml:1:1: name: missing required field"]),
    "a registry entry with an empty name": ("facts/entities/pakistan.yaml", ("name: باكستان", 'name: ""'),
                                            ["facts/entities/pakistan.yaml:3:7: name: must not be empty"]),
    "date 2024-13-45": (A, ("published: 2024-01-29", "published: 2024-13-45"),
                        [f"{A}:6:12: published: '2024-13-45' is not a real date (month must be in 1..12)"]),
    "date ٢٠٢٤/٠١/٣٠": (A, ("published: 2024-01-29", "published: ٢٠٢٤/٠١/٣٠"), [
        f"{A}:6:12: published: expected a date as YYYY-MM-DD, got '٢٠٢٤/٠١/٣٠' — did you mean '2024-01-30'?"]),
}


def _break(project: Path, case: str) -> None:
    rel, change, _ = BAD_FACTS[case]
    path = project / rel
    if case.startswith("YAML bomb"):
        path.write_text("id: iran\n" + BOMB.replace("a: &a", "kind: &a"), encoding="utf-8")
    elif change == "":
        path.unlink()
    elif change == "copy beta":
        path.write_bytes((project / "facts/articles/beta.yaml").read_bytes())
    elif isinstance(change, bytes):
        path.write_bytes(change)
    elif isinstance(change, str):
        path.write_text(change, encoding="utf-8")
    else:
        edit(path, *change)


@pytest.mark.parametrize("case", list(BAD_FACTS), ids=list(BAD_FACTS))
def test_a_bad_facts_file_gives_exact_messages_and_nothing_changes(project, tree_bytes, case):
    _break(project, case)
    before = tree_bytes(project.parent)
    tracemalloc.start()
    started = time.perf_counter()
    result = cli("check")
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert result.stdout.splitlines() == [one_line(m) for m in BAD_FACTS[case][2]]
    assert result.exit_code == 1
    assert elapsed < 5 and peak < 64 * 1024 * 1024  # bombs are refused, not expanded
    assert tree_bytes(project.parent) == before
    if case not in CROSS_FILE:  # a file that does not load: editing commands refuse, and change nothing
        result = cli("alias", "pakistan", "الباكستان")
        assert result.exit_code == 1
        assert result.stderr.startswith("error: the facts files have errors; fix them first")
        assert tree_bytes(project.parent) == before


CROSS_FILE = {"a source outside the project", "a fact referring to a deleted entity"}  # every file loads


def test_two_seed_files_with_the_same_id_are_refused(project):
    write(project / "seeds" / "Alpha.txt", ALPHA)
    report = pipeline.Report()
    pipeline.plan(project / "seeds", pipeline.FactsStore(project / "facts"), set(), "0" * 16, report)
    assert report.failed == [one_line(
        "seeds/alpha.txt: its id 'alpha' is already taken by seeds/Alpha.txt; rename one of the files")]


@pytest.mark.parametrize("args, message", [
    (["merge", "../iran", "pakistan"],
     "error: entity id '../iran' is not a valid id: use lower-case letters, digits and single hyphens"),
    (["rename", "iran", "../../outside"],
     "error: entity id '../../outside' is not a valid id: use lower-case letters, digits and single hyphens"),
    (["rename", "iran", "/tmp/iran"],
     "error: entity id '/tmp/iran' is not a valid id: use lower-case letters, digits and single hyphens"),
    (["alias", "iran islamic", "إيران"],
     "error: entity id 'iran islamic' is not a valid id: use lower-case letters, digits and single hyphens"),
])
def test_an_id_that_is_a_path_is_refused_and_nothing_is_written(project, tree_bytes, args, message):
    before = tree_bytes(project.parent)
    result = cli(*args)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [message]
    assert tree_bytes(project.parent) == before


# --- the file system says no ---------------------------------------------------------------------


@pytest.fixture
def read_only():
    """Every write fails with EACCES, as in a read-only folder (chmod does not stop root)."""
    denied = PermissionError(errno.EACCES, "Permission denied")
    real_open, real_os_open = builtins.open, os.open
    monkeypatch = pytest.MonkeyPatch()

    def fake_open(file, mode="r", *a, **k):
        if any(c in mode for c in "wax+"):
            raise denied
        return real_open(file, mode, *a, **k)

    def fake_os_open(path, flags, *a, **k):
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise denied
        return real_os_open(path, flags, *a, **k)

    def refuse(*a, **k):
        raise denied

    def deny_all():
        monkeypatch.setattr(builtins, "open", fake_open)
        monkeypatch.setattr(io, "open", fake_open)
        monkeypatch.setattr(os, "open", fake_os_open)
        for name in ("replace", "rename", "link", "unlink", "mkdir"):
            monkeypatch.setattr(os, name, refuse)

    yield deny_all
    monkeypatch.undo()


READ_ONLY = {
    "alias": (["alias", "iran", "ايران الاسلامية"], "error: facts: cannot write in the facts folder (Permission denied)"),
    "merge": (["merge", "karim-al-hashimi", "samer-al-khatib"],
              "error: facts: cannot write in the facts folder (Permission denied)"),
    "extract": (["extract", "-q"], "error: facts: cannot write in the facts folder (Permission denied)"),
    "schema": (["schema"], "error: facts/schema/article.schema.json: could not write (Permission denied); the old "
                           "file is unchanged"),
}


@pytest.mark.parametrize("case", list(READ_ONLY), ids=list(READ_ONLY))
def test_a_read_only_facts_folder_is_a_clear_error(project, tree_bytes, read_only, case):
    args, message = READ_ONLY[case]
    if case == "schema":  # out of date, so that it must be written
        (project / "facts" / "schema" / "article.schema.json").write_text("{}\n", encoding="utf-8")
    before = tree_bytes(project.parent)
    read_only()
    result = cli(*args)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == one_line(message)
    assert tree_bytes(project.parent) == before


def test_two_extracts_at_once_the_second_is_refused(project, tree_bytes):
    before = tree_bytes(project.parent)
    with pipeline.extraction_lock(project / "facts"):
        result = cli("extract", "-q")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [one_line(
        "error: facts/.lock: another `extract` is running on this facts folder; wait for it to finish")]
    assert tree_bytes(project.parent) == before


@pytest.mark.parametrize("args, message", [
    (["alias", "iran", "ايران الاسلامية"],
     "error: facts/entities/iran.yaml: could not write (No space left on device); nothing was changed"),
    (["schema"], "error: facts/schema/article.schema.json: could not write (No space left on device); the old file "
                 "is unchanged"),
])
def test_a_full_disk_leaves_the_old_file_intact(project, tree_bytes, monkeypatch, args, message):
    (project / "facts" / "schema" / "article.schema.json").write_text("{}\n", encoding="utf-8")  # out of date
    before = tree_bytes(project.parent)

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as m:
        m.setattr(os, "fsync", full)
        result = cli(*args)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [one_line(message)]
    assert tree_bytes(project.parent) == before
    assert not list(project.rglob("*.tmp"))


def test_yaml_bomb_is_refused_without_expanding_it():
    tracemalloc.start()
    with pytest.raises(yamlio.YamlProblem) as err:
        yamlio.load(BOMB, "bomb.yaml")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert str(err.value) == "bomb.yaml:1:4: anchors and aliases (& and *) are not allowed in facts files"
    assert peak < 16 * 1024 * 1024


def test_nothing_is_read_outside_the_project(project, tmp_path):
    """A `source` that climbs out of the project is refused before the file is opened."""
    secret = tmp_path / "secret.txt"
    secret.write_text(ALPHA, encoding="utf-8")
    edit(project / "facts/articles/alpha.yaml", "source: seeds/alpha.txt", "source: ../secret.txt")
    opened = []
    real = builtins.open

    def spy(file, *a, **k):
        opened.append(str(file))
        return real(file, *a, **k)

    builtins.open = spy
    try:
        problems = validate.check(project / "facts", project / "seeds")
    finally:
        builtins.open = real
    assert not [f for f in opened if "secret" in f]
    assert [p.message for p in problems] == [
        "source: '../secret.txt' is outside the project; write the article's path relative to the project folder, "
        "like seeds/article.txt"]
