"""`extract` end to end: drafts written, editors' files kept byte for byte, reruns incremental."""
from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from generator import pipeline, yamlio
from generator.cli import main
from generator.store import FactsStore


def run(*args):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result


def extract(project, *extra):
    return run("extract", "--seeds", str(project / "seeds"), "--facts", str(project / "facts"), "-q", *extra)


def test_first_run_writes_one_file_per_article_and_the_registry(project):
    result = extract(project)
    assert result.exit_code == 0, result.output
    articles = sorted(p.stem for p in (project / "facts" / "articles").glob("*.yaml"))
    assert articles == sorted(pipeline.article_id_for(p) for p in (project / "seeds").glob("*.txt"))
    facts = FactsStore(project / "facts").load()
    assert not [p for p in facts.problems if p.severity == "error"], facts.problems
    referenced = {e for a in facts.articles.values() for e in a.mentions}
    assert referenced and referenced <= set(facts.entities)
    first = (project / "facts" / "articles" / f"{articles[0]}.yaml").read_text(encoding="utf-8")
    assert first.startswith("# yaml-language-server: $schema=../schema/article.schema.json\n# generator: draft=")
    assert "5 article file(s) written" in result.output


def test_rerun_is_incremental_and_keeps_edited_files_byte_for_byte(project, tree_bytes):
    extract(project)
    target = next((project / "facts" / "articles").glob("002*.yaml"))
    edited = target.read_text(encoding="utf-8").replace("reviewed: false", "reviewed: true")
    target.write_text(edited + "# checked against the article\n", encoding="utf-8")
    before = tree_bytes(project / "facts")
    result = extract(project)
    assert result.exit_code == 0
    assert tree_bytes(project / "facts") == before
    assert "(reviewed)" in result.output and "0 article file(s) written, 4 unchanged, 1 kept" in result.output


def test_changed_article_is_redrafted_but_an_edited_one_is_only_flagged(project):
    extract(project)
    facts = project / "facts" / "articles"
    draft = next(facts.glob("000*.yaml"))
    edited = next(facts.glob("004*.yaml"))
    edited.write_text(edited.read_text(encoding="utf-8").replace("reviewed: false", "reviewed: true"), encoding="utf-8")
    kept_bytes = edited.read_bytes()
    for stem in ("000", "004"):
        src = next((project / "seeds").glob(f"{stem}*.txt"))
        src.write_text(src.read_text(encoding="utf-8") + "\nوقال مسؤول إن الاجتماع كان مثمرا.\n", encoding="utf-8")
    old_header = yamlio.read_header(draft.read_text(encoding="utf-8"))
    result = extract(project)
    assert yamlio.read_header(draft.read_text(encoding="utf-8")).source != old_header.source
    assert edited.read_bytes() == kept_bytes
    assert "changed since review" in result.output and edited.name in result.output


def test_force_redrafts_an_edited_file(project):
    extract(project)
    target = next((project / "facts" / "articles").glob("003*.yaml"))
    target.write_text(target.read_text(encoding="utf-8").replace("reviewed: false", "reviewed: true"), encoding="utf-8")
    result = extract(project, "--force", target.stem)
    assert result.exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert "reviewed: false" in text and not yamlio.read_header(text).edited


def test_parallel_and_serial_runs_write_identical_files(project, tree_bytes, monkeypatch):
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 2)
    serial = project.parent / "serial"
    shutil.copytree(project, serial)
    assert extract(serial, "--jobs", "1").exit_code == 0
    assert extract(project, "--jobs", "2").exit_code == 0
    assert tree_bytes(serial / "facts") == tree_bytes(project / "facts")


def test_a_second_extract_on_the_same_folder_is_refused(project):
    with pipeline.extraction_lock(project / "facts"):
        result = CliRunner().invoke(main, ["extract", "--seeds", str(project / "seeds"), "--facts",
                                           str(project / "facts"), "-q"])
    assert result.exit_code == 1
    assert "facts/.lock: another `extract` is running on this facts folder; wait for it to finish" in result.output
    assert not list((project / "facts").glob("articles/*.yaml"))


def test_unreadable_article_is_reported_and_the_others_still_drafted(project):
    (project / "seeds" / "999_empty.txt").write_text("  \n", encoding="utf-8")
    result = extract(project)
    assert result.exit_code == 1
    assert "999_empty.txt" in result.output and "5 article file(s) written" in result.output


def test_missing_seeds_folder_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["extract", "--seeds", str(tmp_path / "nope"), "--facts", str(tmp_path / "f")])
    assert result.exit_code == 1 and "nope: no such folder of articles" in result.output
