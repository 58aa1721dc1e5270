"""The editors' commands from the command line: check, merge, rename, alias, schema."""
from __future__ import annotations

import json

import jsonschema
import pytest
from click.testing import CliRunner

from editing_helpers import edit, make_project, write
from generator import yamlio
from generator.cli import main
from generator.schema import article_schema, entity_schema, schema_text


@pytest.fixture
def facts(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return make_project(tmp_path)


def cli(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_check_on_a_clean_folder_exits_0(facts):
    result = cli("check")
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr == "0 error(s), 0 warning(s)\n"


def test_check_on_a_missing_folder_says_so(facts):
    result = cli("check", "--facts", "nowhere")
    assert result.exit_code == 1 and result.stdout == "nowhere: no such facts folder\n"


def test_merge_prints_every_change(facts):
    write(facts / "entities/hashimi.yaml", "id: hashimi\nkind: person\nname: الهاشمي\ncountry: iran\n")
    edit(facts / "articles/beta.yaml", "  - speaker: karim-al-hashimi", "  - speaker: hashimi")
    edit(facts / "articles/beta.yaml", "mentions:\n", "mentions:\n  - hashimi\n")
    result = cli("merge", "hashimi", "karim-al-hashimi")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "facts/articles/beta.yaml: 2 reference(s) to 'hashimi' now point to 'karim-al-hashimi'",
        "facts/entities/karim-al-hashimi.yaml: took aliases 'الهاشمي' from 'hashimi'",
        "facts/entities/hashimi.yaml: removed (merged into 'karim-al-hashimi')",
        "facts/redirects.yaml: 'hashimi' now redirects to 'karim-al-hashimi'",
    ]
    assert cli("check").exit_code == 0


def test_rename_and_alias_print_what_changed(facts):
    result = cli("rename", "jaish-al-adl", "jaish-al-adl-group")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "facts/redirects.yaml: 'jaish-al-adl' now redirects to 'jaish-al-adl-group'"
    result = cli("alias", "jaish-al-adl-group", "جيش الظلم")
    assert result.stdout == "facts/entities/jaish-al-adl-group.yaml: alias 'جيش الظلم' added\n"
    assert cli("check").exit_code == 0


def test_a_command_error_is_one_line_on_stderr_and_exit_1(facts):
    result = cli("alias", "jaish-al-adel", "جيش الظلم")
    assert result.exit_code == 1
    assert result.stderr == ("error: no entity 'jaish-al-adel' (facts/entities/jaish-al-adel.yaml does not exist) "
                             "— did you mean 'jaish-al-adl'?\n")


def test_schema_writes_once_and_then_reports_nothing(facts):
    first = cli("schema")
    assert first.stdout.splitlines() == ["wrote facts/schema/article.schema.json", "wrote facts/schema/entity.schema.json"]
    assert cli("schema").stdout == ""


def test_the_committed_schemas_are_up_to_date(repo):
    for kind, schema in (("article", article_schema()), ("entity", entity_schema())):
        committed = repo / "facts" / "schema" / f"{kind}.schema.json"
        assert committed.read_text(encoding="utf-8") == schema_text(schema), \
            f"{committed} is out of date: run python -m generator schema"


def _validator(schema: dict):
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_the_schemas_accept_good_files_and_catch_typos_as_an_editor_types(facts):
    validators = {"articles": _validator(article_schema()), "entities": _validator(entity_schema())}
    for folder, validator in validators.items():
        for path in sorted((facts / folder).glob("*.yaml")):
            data = json.loads(json.dumps(yamlio.load(path.read_text(encoding="utf-8"), str(path))[0], default=str))
            assert list(validator.iter_errors(data)) == [], path
    data = yamlio.load((facts / "articles/alpha.yaml").read_text(encoding="utf-8"), "a")[0]
    data = json.loads(json.dumps(data, default=str))
    data["meetings"][0]["knd"] = data["meetings"][0].pop("kind")
    data["published"] = "٢٠٢٤/٠١/٣٠"
    errors = {tuple(e.absolute_path): e.message for e in validators["articles"].iter_errors(data)}
    assert "'knd' was unexpected" in errors[("meetings", 0)]
    assert "٢٠٢٤/٠١/٣٠" in errors[("published",)]
    assert len(errors) == 2


def test_the_schema_help_is_in_arabic():
    schema = article_schema()
    assert schema["properties"]["reviewed"]["title"] == "رُوجع (reviewed)"
    assert schema["$defs"]["Strike"]["properties"]["attacker"]["description"].startswith("معرّف الجهة المهاجمة")


def test_the_editors_guide_shows_real_commands_and_a_valid_example(repo):
    import re
    import shlex

    from generator.model import Article

    text = (repo / "docs" / "editors.md").read_text(encoding="utf-8")
    assert "](events.md)" in text
    commands = [shlex.split(m) for m in re.findall(r"python -m generator ([^#\n]+)", text)]
    assert {c[0] for c in commands} >= {"check", "merge", "rename", "alias", "extract"}
    for argv in commands:
        assert argv[0] in main.commands
        known = {o for p in main.commands[argv[0]].params for o in getattr(p, "opts", [])}
        assert all(w in known for w in argv[1:] if w.startswith("--"))
    example = re.search(r"```yaml\n(.*?)```", text, flags=re.S).group(1)
    data, _ = yamlio.load(example, "editors.md")
    assert Article.model_validate(data).meetings[0].participants == ["samer-al-khatib", "karim-al-hashimi"]
    assert yamlio.read_header(example).generated
