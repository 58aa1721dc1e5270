"""`check`: every problem at once, each as `path:line:col: message`, at the right line."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editing_helpers import ARTICLES, ENTITIES, edit, make_project, write
from generator import validate
from generator.store import FactsStore

A = "facts/articles/alpha.yaml"
B = "facts/articles/beta.yaml"


@pytest.fixture
def facts(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # messages show paths relative to the working folder
    return make_project(tmp_path)


def shown(problems):
    return [str(p) if p.severity == "error" else f"{p} (warning)" for p in problems]


def test_the_hand_written_project_is_clean(facts):
    assert validate.check(facts, facts.parent / "seeds") == []


# (file, [(old text, new text)], the one problem expected)
CASES = {
    "unknown entity with a suggestion": (
        A, [("      - iran\n", "      - jaish-al-adel\n")],
        f"{A}:29:9: strikes[0].targets[0]: unknown entity 'jaish-al-adel' — did you mean 'jaish-al-adl'?"),
    "misspelt field": (
        A, [("    kind: meeting", "    knd: meeting")],
        f"{A}:18:5: meetings[0].knd: unknown field — did you mean 'kind'?"),
    "misspelt top-level field of an entity": (
        "facts/entities/iran.yaml", [("name:", "nmae:")],
        "facts/entities/iran.yaml:1:1: name: missing required field\n"
        "facts/entities/iran.yaml:3:1: nmae: unknown field — did you mean 'name'?"),
    "impossible date": (
        A, [("    date: 2024-01-29", "    date: 2024-13-45")],
        f"{A}:20:11: meetings[0].date: '2024-13-45' is not a real date (month must be in 1..12)"),
    "date in Arabic digits and slashes": (
        A, [("published: 2024-01-29", "published: ٢٠٢٤/٠١/٣٠")],
        f"{A}:6:12: published: expected a date as YYYY-MM-DD, got '٢٠٢٤/٠١/٣٠' — did you mean '2024-01-30'?"),
    "empty required text": (
        A, [("    text: البلدان سيعملان معا ضد الإرهاب", '    text: ""')],
        f"{A}:24:11: statements[0].text: must not be empty"),
    "blank required text": (
        A, [("    text: البلدان سيعملان معا ضد الإرهاب", '    text: "   "')],
        f"{A}:24:11: statements[0].text: must not be empty"),
    "evidence no longer in the article": (
        A, [("وقال الخطيب إن البلدين", "وقال الخطيب إن الدولتين")],
        f"{A}:25:15: statements[0].evidence: this sentence is not in the article seeds/alpha.txt "
        "(was the article or the sentence changed?)"),
    "participant missing from mentions": (
        A, [("  - karim-al-hashimi\n  - jaish-al-adl\n", "  - jaish-al-adl\n")],
        f"{A}:16:9: meetings[0].participants[1]: 'karim-al-hashimi' is not in this article's mentions "
        "(add it to `mentions`, or correct the id)"),
    "person with no country (a warning)": (
        "facts/entities/karim-al-hashimi.yaml", [("country: iran\n", "")],
        "facts/entities/karim-al-hashimi.yaml:1:5: person with no country: set `country` to the id of their "
        "country (warning)"),
    "not a boolean": (
        B, [("reviewed: true", "reviewed: yes please")],
        f"{B}:5:11: reviewed: expected true or false, got 'yes please'"),
    "a single id where a list goes": (
        A, [("  - participants:\n      - samer-al-khatib\n      - karim-al-hashimi\n",
             "  - participants: samer-al-khatib\n")],
        f"{A}:15:19: meetings[0].participants: expected a list (one `- item` per line), got 'samer-al-khatib'"),
    "an id listed twice": (
        B, [("  - iran\n", "  - iran\n  - iran\n")],
        f"{B}:10:5: mentions[3]: 'iran' is listed twice"),
    "a name written where an id goes": (
        A, [("  - speaker: samer-al-khatib", "  - speaker: سامر الخطيب")],
        f"{A}:23:14: statements[0].speaker: 'سامر الخطيب' is not a valid id (lower-case letters, digits, hyphens)"
        " — did you mean 'samer-al-khatib'?"),
    "a value outside the allowed list": (
        B, [("status: planned", "status: maybe")],
        f"{B}:13:13: visits[0].status: expected one of: 'done' or 'planned', but got 'maybe'"),
    "a missing article file": (
        B, [("source: seeds/beta.txt", "source: seeds/gamma.txt")],
        f"{B}:2:9: source: the article file 'seeds/gamma.txt' does not exist"),
    "a source outside the project": (
        B, [("source: seeds/beta.txt", "source: ../../etc/passwd")],
        f"{B}:2:9: source: '../../etc/passwd' is outside the project; write the article's path relative to the "
        "project folder, like seeds/article.txt"),
    "a country that is not a country": (
        "facts/entities/samer-al-khatib.yaml", [("country: pakistan\nroles", "country: jaish-al-adl\nroles")],
        "facts/entities/samer-al-khatib.yaml:6:10: country: 'jaish-al-adl' is a group, not a country"),
    "an entity the article text does not name (a warning)": (
        B, [("  - speaker: karim-al-hashimi", "  - speaker: samer-al-khatib"),
            ("mentions:\n", "mentions:\n  - samer-al-khatib\n")],
        f"{B}:18:14: statements[0].speaker: 'samer-al-khatib' (سامر الخطيب) is not named in the article text; "
        "is it the right entity? (warning)"),
    "a missing required field": (
        "facts/entities/pakistan.yaml", [("name: باكستان\n", "")],
        "facts/entities/pakistan.yaml:1:1: name: missing required field"),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_each_problem_has_its_exact_message_and_line(facts, case):
    path, edits, expected = CASES[case]
    for old, new in edits:
        edit(facts.parent / path, old, new)
    assert shown(validate.check(facts, facts.parent / "seeds")) == expected.split("\n")


def test_the_line_points_at_the_offending_value(facts):
    edit(facts / "articles/alpha.yaml", "      - iran\n", "      - jaish-al-adel\n")
    [problem] = validate.check(facts)
    line = (facts / "articles/alpha.yaml").read_text(encoding="utf-8").split("\n")[problem.line - 1]
    assert line[problem.column - 1:].startswith("jaish-al-adel")


def test_every_problem_is_reported_in_one_run(facts):
    expected = []
    for case in ("unknown entity with a suggestion", "misspelt field", "date in Arabic digits and slashes",
                 "not a boolean", "an id listed twice", "person with no country (a warning)",
                 "a country that is not a country", "misspelt top-level field of an entity"):
        path, edits, message = CASES[case]
        for old, new in edits:
            edit(facts.parent / path, old, new)
        expected += message.split("\n")
    got = shown(validate.check(facts, facts.parent / "seeds"))
    assert sorted(got) == sorted(expected)


def test_evidence_is_compared_without_regard_to_whitespace(facts):
    edit(facts / "articles/alpha.yaml", "    evidence: وقال الخطيب إن البلدين سيعملان معا ضد الإرهاب.",
         "    evidence: |\n      وقال الخطيب   إن البلدين\n      سيعملان معا ضد الإرهاب.")
    assert validate.check(facts) == []


def test_a_fact_in_a_file_that_does_not_validate_is_still_checked(facts):
    """One run reports everything: a typo elsewhere in the file does not hide an unknown id."""
    edit(facts / "articles/alpha.yaml", "    kind: meeting", "    knd: meeting")
    edit(facts / "articles/alpha.yaml", "      - iran\n", "      - jaish-al-adel\n")
    assert len(validate.check(facts)) == 2


def test_check_loaded_gives_the_same_problems_as_check(facts):
    """The site calls check_loaded on the facts it has already loaded."""
    edit(facts / "articles/alpha.yaml", "    kind: meeting", "    knd: meeting")
    edit(facts / "articles/beta.yaml", "  - iran\n", "  - iran\n  - iran\n")
    edit(facts / "entities/iran.yaml", "name: إيران", "name: ايران\nnme: x")
    loaded = FactsStore(facts).load()
    assert validate.check_loaded(loaded, facts.parent / "seeds", facts_dir=facts) == validate.check(facts)
    assert validate.check_loaded(loaded) == validate.check(facts)
    assert len(validate.check(facts)) == 3


def test_redirects_to_unknown_entities_are_reported(facts):
    write(facts / "redirects.yaml", "old-iran: irn\npakistan: iran\n")
    assert shown(validate.check(facts)) == [
        "facts/redirects.yaml:1:11: old-iran: redirects to unknown entity 'irn' — did you mean 'iran'?",
        "facts/redirects.yaml:2:11: pakistan: is an entity again (facts/entities/pakistan.yaml); remove this "
        "redirect or that file",
    ]


def test_the_cli_prints_every_problem_and_exits_1(facts):
    from click.testing import CliRunner

    from generator.cli import main

    edit(facts / "articles/alpha.yaml", "    kind: meeting", "    knd: meeting")
    edit(facts / "entities/karim-al-hashimi.yaml", "country: iran\n", "")
    result = CliRunner().invoke(main, ["check", "--facts", "facts", "--seeds", "seeds"])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{A}:18:5: meetings[0].knd: unknown field — did you mean 'kind'?",
        "facts/entities/karim-al-hashimi.yaml:1:5: person with no country: set `country` to the id of their "
        "country (warning)",
    ]
    assert "1 error(s), 1 warning(s)" in result.stderr


# --- fuzz: random YAML-ish text never crashes check, and every problem has a file and a line ---------

YAMLISH = st.lists(st.sampled_from([
    " ", "  ", "\n", "- ", ":", ": ", "[", "]", "{", "}", ",", "'", '"', "#", "&a ", "*a", "!!str ", "!x ", "|", ">",
    "? ", "%YAML 1.1\n", "---\n", "...\n", "\t", "id", "alpha", "iran", "meetings", "participants", "evidence",
    "date", "2024-13-45", "null", "true", "~", "0x1F", "1e9", "سامر", "وقال", "\u200f", "\u200d", "\u202e", "\x00",
    "\x07", "\ufeff", "\U0001F600", "\\", "<<: ", "@", "`",
]), max_size=60).map("".join)


def _mutations(text: str):
    return st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, 8), YAMLISH), max_size=4).map(
        lambda edits: _apply(text, edits))


def _apply(text, edits):
    for at, cut, insert in edits:
        at = min(at, len(text))
        text = text[:at] + insert + text[at + cut:]
    return text


FUZZED = {"articles/alpha.yaml": ARTICLES["alpha"], "entities/samer-al-khatib.yaml": ENTITIES["samer-al-khatib"]}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fuzz_check_never_crashes_and_always_points_at_a_line(facts, data):
    rel = data.draw(st.sampled_from(sorted(FUZZED)))
    text = data.draw(st.one_of(YAMLISH, st.text(max_size=300), _mutations(FUZZED[rel])))
    (facts / rel).write_text(text, encoding="utf-8")
    problems = validate.check(facts, facts.parent / "seeds")
    for p in problems:
        assert p.path and p.message and "\n" not in p.message, p
        if p.path == f"facts/{rel}":
            assert p.line >= 1 and p.column >= 1, p
    for rel_, original in FUZZED.items():  # restore for the next example
        (facts / rel_).write_text(original, encoding="utf-8")


def test_an_organization_named_by_its_short_form_counts_as_named():
    forms = validate._text_forms({"kind": "organization", "name": "القوات المسلحة التركية", "country": "turkey"})
    assert "القوات التركيه" in forms  # "نفذتها القوات التركية": folded, the middle word dropped
    assert "القوات" not in forms and "التركيه" not in forms  # one word alone names nothing
    person = validate._text_forms({"kind": "person", "name": "سامر عادل الخطيب"})
    assert "سامر الخطيب" not in person  # persons keep their own rules (name, surname)
