"""merge / rename / alias: every reference rewritten, editors' layout kept, all or nothing."""
from __future__ import annotations

import errno
import os

import pytest

from editing_helpers import edit, make_project, write
from generator import maintenance, pipeline, validate, yamlio
from generator.errors import GeneratorError, StorageError
from generator.store import FactsStore

SPLIT_PERSON = ("id: al-khatib\nkind: person\nname: الخطيب\nroles:\n  - title: الوزير\n    country: pakistan\n"
                "    article: alpha\n")


@pytest.fixture
def facts(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return make_project(tmp_path)


@pytest.fixture
def split(facts):
    """The extractor split one person in two: 'al-khatib' (the surname) and 'samer-al-khatib'."""
    write(facts / "entities/al-khatib.yaml", SPLIT_PERSON)
    edit(facts / "articles/alpha.yaml", "  - samer-al-khatib\n  - karim", "  - samer-al-khatib\n  - al-khatib\n  - karim")
    edit(facts / "articles/alpha.yaml", "  - speaker: samer-al-khatib", "  - speaker: al-khatib  # the minister")
    assert [p.severity for p in validate.check(facts)] == ["warning"]  # al-khatib has no country
    return facts


def test_merge_moves_names_and_roles_rewrites_references_and_redirects(split):
    changes = maintenance.merge_entities(split, "al-khatib", "samer-al-khatib")
    assert changes == [
        "facts/articles/alpha.yaml: 2 reference(s) to 'al-khatib' now point to 'samer-al-khatib'",
        "facts/entities/samer-al-khatib.yaml: took 1 role(s) from 'al-khatib'",
        "facts/entities/al-khatib.yaml: removed (merged into 'samer-al-khatib')",
        "facts/redirects.yaml: 'al-khatib' now redirects to 'samer-al-khatib'",
    ]
    assert not (split / "entities/al-khatib.yaml").exists()
    article = (split / "articles/alpha.yaml").read_text(encoding="utf-8")
    assert "al-khatib" not in article.replace("samer-al-khatib", "")
    assert "  - speaker: samer-al-khatib  # the minister\n" in article  # edited in place: comment kept
    assert article.count("\n  - samer-al-khatib\n") == 1  # the repeat in mentions is gone, not doubled
    entity = FactsStore(split).load().entities["samer-al-khatib"]
    assert [r.title for r in entity.roles] == ["وزير الخارجية", "الوزير"]
    assert "الخطيب" in entity.aliases  # already there: not added twice
    assert yamlio.load((split / "redirects.yaml").read_text(encoding="utf-8"), "r")[0] == {
        "al-khatib": "samer-al-khatib"}
    assert validate.check(split, split.parent / "seeds") == []


def test_merge_takes_the_old_names_as_aliases(facts):
    write(facts / "entities/samer-khatib.yaml", "id: samer-khatib\nkind: person\nname: سامر خطيب\ncountry: pakistan\n")
    maintenance.merge_entities(facts, "samer-khatib", "samer-al-khatib")
    assert FactsStore(facts).load().entities["samer-al-khatib"].aliases == ["الخطيب", "سامر خطيب"]


def test_merge_that_leaves_a_meeting_with_one_participant_removes_it_and_says_so(facts):
    write(facts / "entities/karim.yaml", "id: karim\nkind: person\nname: كريم\ncountry: iran\n")
    edit(facts / "articles/alpha.yaml", "      - karim-al-hashimi\n    kind", "      - karim\n    kind")
    edit(facts / "articles/alpha.yaml", "  - jaish-al-adl\n", "  - jaish-al-adl\n  - karim\n")
    changes = maintenance.merge_entities(facts, "samer-al-khatib", "karim")
    assert "facts/articles/alpha.yaml: meetings[0] removed: its participants became one entity ('karim')" in changes
    assert FactsStore(facts).load().articles["alpha"].meetings == []


def test_rename_moves_the_file_and_every_reference(facts):
    changes = maintenance.rename_entity(facts, "karim-al-hashimi", "karim-hashimi")
    assert changes == [
        "facts/articles/alpha.yaml: 2 reference(s) to 'karim-al-hashimi' now point to 'karim-hashimi'",
        "facts/articles/beta.yaml: 3 reference(s) to 'karim-al-hashimi' now point to 'karim-hashimi'",
        "facts/entities/karim-hashimi.yaml: renamed from 'karim-al-hashimi'",
        "facts/entities/karim-al-hashimi.yaml: removed (now facts/entities/karim-hashimi.yaml)",
        "facts/redirects.yaml: 'karim-al-hashimi' now redirects to 'karim-hashimi'",
    ]
    text = (facts / "entities/karim-hashimi.yaml").read_text(encoding="utf-8")
    assert text.startswith("id: karim-hashimi\nkind: person\n")
    assert validate.check(facts, facts.parent / "seeds") == []


def test_rename_of_a_country_rewrites_other_entities_too(facts):
    maintenance.rename_entity(facts, "iran", "islamic-republic-of-iran")
    loaded = FactsStore(facts).load()
    assert loaded.entities["karim-al-hashimi"].country == "islamic-republic-of-iran"
    assert loaded.entities["karim-al-hashimi"].roles[0].country == "islamic-republic-of-iran"
    assert validate.check(facts, facts.parent / "seeds") == []


def test_renaming_back_follows_the_redirects(facts):
    maintenance.rename_entity(facts, "iran", "iran-2")
    maintenance.rename_entity(facts, "iran-2", "iran")
    assert yamlio.load((facts / "redirects.yaml").read_text(encoding="utf-8"), "r")[0] == {"iran-2": "iran"}
    assert validate.check(facts, facts.parent / "seeds") == []


def test_alias_adds_a_spelling_once(facts):
    assert maintenance.add_alias(facts, "iran", "  جمهورية إيران   الإسلامية ") == [
        "facts/entities/iran.yaml: alias 'جمهورية إيران الإسلامية' added"]
    assert maintenance.add_alias(facts, "iran", "جمهورية ايران الاسلامية") == [
        "facts/entities/iran.yaml: 'جمهورية ايران الاسلامية' is already a name of 'iran'; nothing changed"]
    assert FactsStore(facts).load().entities["iran"].aliases == ["ايران", "جمهورية إيران الإسلامية"]


def test_alias_that_another_entity_has_suggests_a_merge(facts):
    out = maintenance.add_alias(facts, "karim-al-hashimi", "الخطيب")
    assert out[-1] == ("note: 'الخطيب' is also a name of 'samer-al-khatib' (facts/entities/samer-al-khatib.yaml); "
                       "if they are one entity, run: python -m generator merge samer-al-khatib karim-al-hashimi")


@pytest.mark.parametrize("call, message", [
    (lambda f: maintenance.merge_entities(f, "iran", "iran"), "cannot merge 'iran' into itself"),
    (lambda f: maintenance.merge_entities(f, "iran", "pakistan-x"),
     "no entity 'pakistan-x' (facts/entities/pakistan-x.yaml does not exist) — did you mean 'pakistan'?"),
    (lambda f: maintenance.merge_entities(f, "jaish-al-adl", "iran"),
     "'jaish-al-adl' is a group and 'iran' a country: set the same `kind` in facts/entities/jaish-al-adl.yaml or "
     "facts/entities/iran.yaml first"),
    (lambda f: maintenance.rename_entity(f, "iran", "pakistan"),
     "'pakistan' is already an entity (facts/entities/pakistan.yaml); to make them one, run: "
     "python -m generator merge iran pakistan"),
    (lambda f: maintenance.rename_entity(f, "iran", "../iran"),
     "entity id '../iran' is not a valid id: use lower-case letters, digits and single hyphens"),
    (lambda f: maintenance.add_alias(f, "iran", "   "), "the spelling to add is empty"),
])
def test_refusals_change_nothing(facts, tree_bytes, call, message):
    before = tree_bytes(facts.parent)
    with pytest.raises(GeneratorError) as err:
        call(facts)
    assert str(err.value) == message
    assert tree_bytes(facts.parent) == before


def test_a_folder_with_errors_is_refused_before_anything_changes(facts, tree_bytes):
    edit(facts / "articles/beta.yaml", "reviewed: true", "reviewed: yes please")
    before = tree_bytes(facts.parent)
    with pytest.raises(GeneratorError) as err:
        maintenance.rename_entity(facts, "iran", "iran-2")
    assert str(err.value) == (
        "the facts files have errors; fix them first (python -m generator check), so that no reference is missed:\n"
        "facts/articles/beta.yaml:5:11: reviewed: expected true or false, got 'yes please'")
    assert tree_bytes(facts.parent) == before


# --- all or nothing ------------------------------------------------------------------------


def _fail_on(monkeypatch, name, target_name, exc):
    """Make os.<name> raise exc when it is about to touch a file called target_name."""
    real = getattr(os, name)

    def fake(*args, **kwargs):
        if any(str(a).endswith(target_name) for a in args if isinstance(a, (str, os.PathLike))):
            raise exc
        return real(*args, **kwargs)

    monkeypatch.setattr(os, name, fake)


def test_a_failing_swap_midway_rolls_every_file_back(split, tree_bytes, monkeypatch):
    """The article and the entity file are swapped in before redirects.yaml: its replace fails."""
    before = tree_bytes(split.parent)
    _fail_on(monkeypatch, "replace", "redirects.yaml", PermissionError(errno.EACCES, "Permission denied"))
    with pytest.raises(StorageError) as err:
        maintenance.merge_entities(split, "al-khatib", "samer-al-khatib")
    assert str(err.value) == "facts/redirects.yaml: could not write (Permission denied); nothing was changed"
    assert tree_bytes(split.parent) == before
    assert not [p for p in split.rglob("*.tmp")]


def test_a_failing_removal_rolls_every_file_back(split, tree_bytes, monkeypatch):
    before = tree_bytes(split.parent)
    real = os.replace

    def fake(src, dst, *a, **k):
        if str(src).endswith("al-khatib.yaml") and "samer" not in str(src):  # moving the old entity aside
            raise OSError(errno.EIO, "Input/output error")
        return real(src, dst, *a, **k)

    monkeypatch.setattr(os, "replace", fake)
    with pytest.raises(StorageError) as err:
        maintenance.merge_entities(split, "al-khatib", "samer-al-khatib")
    assert str(err.value) == "facts/entities/al-khatib.yaml: could not write (Input/output error); nothing was changed"
    assert tree_bytes(split.parent) == before


def test_a_full_disk_while_writing_the_new_texts_changes_nothing(split, tree_bytes, monkeypatch):
    before = tree_bytes(split.parent)
    calls = []

    def full(fd):
        calls.append(fd)
        if len(calls) == 2:  # the second of the three new texts
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(StorageError) as err:
        maintenance.merge_entities(split, "al-khatib", "samer-al-khatib")
    assert str(err.value) == ("facts/entities/samer-al-khatib.yaml: could not write (No space left on device); "
                              "nothing was changed")
    assert tree_bytes(split.parent) == before
    assert not [p for p in split.rglob("*.tmp")]


def test_file_permissions_are_kept(facts):
    os.chmod(facts / "entities/iran.yaml", 0o644)
    maintenance.add_alias(facts, "iran", "طهران الرسمية")
    assert (facts / "entities/iran.yaml").stat().st_mode & 0o777 == 0o644


def test_a_change_while_extract_runs_is_refused(facts, tree_bytes):
    before = tree_bytes(facts.parent)
    with pipeline.extraction_lock(facts):
        with pytest.raises(StorageError) as err:
            maintenance.add_alias(facts, "iran", "ايران الاسلامية")
    assert str(err.value) == ("facts/.lock: an `extract` or another change is running on this facts folder; "
                              "wait for it to finish")
    assert tree_bytes(facts.parent) == before


# --- edited files stay edited: `extract` keeps them ---------------------------------------------


RULES = "0123456789abcdef"


def _as_machine_draft(facts, article_id):
    """Give an article file the header `extract` writes, as if the generator drafted it."""
    path = facts / "articles" / f"{article_id}.yaml"
    body = path.read_text(encoding="utf-8")
    body = "\n".join(line for line in body.split("\n") if not line.startswith("# yaml-language-server"))
    source = yamlio.digest((facts.parent / "seeds" / f"{article_id}.txt").read_bytes())
    path.write_text(yamlio.with_header(body, source=source, rules=RULES, schema="../schema/article.schema.json"),
                    encoding="utf-8")


def _plan(facts):
    report = pipeline.Report()
    jobs = pipeline.plan(facts.parent / "seeds", FactsStore(facts), set(), RULES, report)
    return [j.article_id for j in jobs], report


def test_files_changed_by_a_command_are_kept_by_extract(split):
    edit(split / "articles/alpha.yaml", "  - speaker: al-khatib  # the minister", "  - speaker: al-khatib")
    edit(split / "articles/beta.yaml", "reviewed: true", "reviewed: false")
    _as_machine_draft(split, "alpha")
    _as_machine_draft(split, "beta")
    jobs, report = _plan(split)
    assert jobs == [] and report.unchanged == ["facts/articles/alpha.yaml", "facts/articles/beta.yaml"]

    maintenance.merge_entities(split, "al-khatib", "samer-al-khatib")
    text = (split / "articles/alpha.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/article.schema.json\n# generator: draft=")
    assert yamlio.read_header(text).edited
    jobs, report = _plan(split)
    assert jobs == []
    assert report.kept == [("facts/articles/alpha.yaml", "edited by hand")]
    assert report.unchanged == ["facts/articles/beta.yaml"]
