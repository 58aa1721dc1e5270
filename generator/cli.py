"""Command line: `python -m generator COMMAND`. Thin commands; the work is in modules."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from .errors import GeneratorError

FACTS = click.option("--facts", "facts_dir", type=click.Path(path_type=Path), default=Path("facts"),
                     show_default=True, help="The facts folder (articles/ and entities/).")
SEEDS = click.option("--seeds", "seeds_dir", type=click.Path(path_type=Path), default=Path("seeds"),
                     show_default=True, help="The folder of article text files.")


def _fail(exc: GeneratorError):
    click.echo(f"error: {exc}", err=True)
    sys.exit(1)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="arabic-factsheets")
def main():
    """Arabic news articles → reviewed YAML facts → a right-to-left fact-sheet site."""


@main.command()
@SEEDS
@FACTS
@click.option("--force", "force", multiple=True, metavar="ARTICLE",
              help="Re-extract this article even if an editor changed or reviewed it (repeatable; 'all' for every one).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: all cores).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def extract(seeds_dir: Path, facts_dir: Path, force: tuple[str, ...], jobs: int | None, quiet: bool):
    """Draft YAML facts for every article in SEEDS; files an editor changed are kept."""
    from .pipeline import extract_all

    try:
        report = extract_all(seeds_dir, facts_dir, force=set(force), jobs=jobs or os.cpu_count() or 1,
                             progress=not quiet)
    except GeneratorError as exc:
        _fail(exc)
    for line in report.lines():
        click.echo(line)
    if report.failed:
        sys.exit(1)


@main.command()
@FACTS
@SEEDS
def check(facts_dir: Path, seeds_dir: Path):
    """Validate every facts file; list every problem as path:line:col: message."""
    from .validate import check as run_check

    try:
        problems = run_check(facts_dir, seeds_dir)
    except GeneratorError as exc:
        _fail(exc)
    errors = [p for p in problems if p.severity == "error"]
    for p in problems:
        click.echo(f"{p}" if p.severity == "error" else f"{p} (warning)")
    click.echo(f"{len(errors)} error(s), {len(problems) - len(errors)} warning(s)", err=True)
    sys.exit(1 if errors else 0)


@main.command()
@FACTS
@click.option("--output", "-o", type=click.Path(path_type=Path), default=None,
              help="Write the JSON here (default: standard output).")
def export(facts_dir: Path, output: Path | None):
    """Write the facts as the JSON of FACTS-MODEL.md (entities, articles, events)."""
    from .export import export_facts

    try:
        data = export_facts(facts_dir)
    except GeneratorError as exc:
        _fail(exc)
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    if output is None:
        click.echo(text, nl=False)
    else:
        from .yamlio import atomic_write

        try:
            atomic_write(output, text)
        except GeneratorError as exc:
            _fail(exc)
        click.echo(f"wrote {output}: {len(data['entities'])} entities, {len(data['articles'])} articles, "
                   f"{len(data['events'])} events", err=True)


@main.command()
@click.argument("old_id")
@click.argument("new_id")
@FACTS
def merge(old_id: str, new_id: str, facts_dir: Path):
    """Merge entity OLD_ID into NEW_ID: aliases, roles and every reference move over."""
    from .maintenance import merge_entities

    try:
        changes = merge_entities(facts_dir, old_id, new_id)
    except GeneratorError as exc:
        _fail(exc)
    for line in changes:
        click.echo(line)


@main.command()
@click.argument("old_id")
@click.argument("new_id")
@FACTS
def rename(old_id: str, new_id: str, facts_dir: Path):
    """Give entity OLD_ID the new id NEW_ID everywhere; the old address redirects."""
    from .maintenance import rename_entity

    try:
        changes = rename_entity(facts_dir, old_id, new_id)
    except GeneratorError as exc:
        _fail(exc)
    for line in changes:
        click.echo(line)


@main.command()
@click.argument("entity_id")
@click.argument("spelling")
@FACTS
def alias(entity_id: str, spelling: str, facts_dir: Path):
    """Add SPELLING to the aliases of ENTITY_ID."""
    from .maintenance import add_alias

    try:
        changes = add_alias(facts_dir, entity_id, spelling)
    except GeneratorError as exc:
        _fail(exc)
    for line in changes:
        click.echo(line)


@main.command()
@FACTS
def schema(facts_dir: Path):
    """Write the JSON Schemas of article and entity files into FACTS/schema/."""
    from .schema import write_schemas

    try:
        for path in write_schemas(facts_dir):
            click.echo(f"wrote {path}")
    except GeneratorError as exc:
        _fail(exc)


if __name__ == "__main__":  # pragma: no cover
    main()
