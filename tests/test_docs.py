"""The README is what a newcomer runs: check that what it says exists.

Like sqlite-utils' documentation tests: every `python -m generator <command>`
the README shows is a real command with the options shown, the two commands
are real scripts, and CI runs exactly the README's test command.
"""
from __future__ import annotations

import re
import shlex

import pytest
from click.testing import CliRunner

from generator.cli import main


def readme(repo) -> str:
    return (repo / "README.md").read_text(encoding="utf-8")


def shown_commands(text: str) -> list[list[str]]:
    """Every `python -m generator …` line of the README's code blocks, as argv after the module."""
    out = []
    for block in re.findall(r"```(?:sh|bash|console)?\n(.*?)```", text, flags=re.S):
        for line in block.splitlines():
            line = line.split("  #")[0].strip()
            m = re.search(r"python -m generator (.+)$", line)
            if m:
                out.append(shlex.split(m.group(1)))
    return out


def test_readme_gives_the_two_commands(repo):
    text = readme(repo)
    for script in ("scripts/build-site.sh", "scripts/test.sh"):
        assert f"bash {script}" in text
        assert (repo / script).is_file()


def test_ci_runs_the_readme_test_command(repo):
    ci = (repo / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^bash scripts/test\.sh\b", ci, flags=re.M), ci


def test_every_command_in_the_readme_exists_with_its_options(repo):
    commands = shown_commands(readme(repo))
    assert len(commands) >= 6, commands
    runner = CliRunner()
    for argv in commands:
        name = argv[0]
        assert name in main.commands, f"README shows `{name}`, which is not a command"
        command = main.commands[name]
        known = {opt for p in command.params for opt in getattr(p, "opts", [])}
        for word in argv[1:]:
            word = word.strip("[]")
            if word.startswith("--"):
                assert word in known, f"README shows `{name} {word}`, which `{name}` does not take"
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0, result.output


@pytest.mark.parametrize("path", ["mkdocs.yml", "pyproject.toml", "scripts/build-site.sh"])
def test_build_script_and_config_exist(repo, path):
    assert (repo / path).is_file()
