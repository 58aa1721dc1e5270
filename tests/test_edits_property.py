"""Property: whatever an editor does to article files, re-extraction never touches them.

Random edits (change a value, delete a fact, add a comment, reorder, mark
reviewed) to a random subset of the drafted article files; then the articles'
sources or the extraction rules change, and `extract` runs again. Every edited
file must come out byte for byte the same and be reported kept (and, when its
own article changed, listed as changed since review); every other article file
must be drafted again.
"""
from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import lexicon, pipeline, yamlio

pytestmark = pytest.mark.skipif(
    not (Path(__file__).resolve().parents[1] / "generator" / "extract" / "__init__.py").exists(),
    reason="generator/extract/ is not written yet")

MIN_EXAMPLES = 50
EDITS = ("value", "delete fact", "comment", "reorder", "review")


@pytest.fixture(scope="module")
def drafted(tmp_path_factory, seeds_dir):
    """The seeds and their machine drafts, made once."""
    root = tmp_path_factory.mktemp("drafted")
    shutil.copytree(seeds_dir, root / "seeds")
    report = pipeline.extract_all(root / "seeds", root / "facts", jobs=1, progress=False)
    assert not report.failed and len(report.written) == len(list((root / "seeds").glob("*.txt")))
    return root


def _header_and_body(text: str) -> tuple[str, str]:
    head = []
    lines = text.split("\n")
    while lines and lines[0].startswith("# "):
        head.append(lines.pop(0))
    return "".join(h + "\n" for h in head), "\n".join(lines)


def _edit(text: str, how: str, n: int) -> str:
    """One editor's change to an article file's text."""
    head, body = _header_and_body(text)
    if how == "value":
        return head + re.sub(r"^title: .*$", f"title: عنوان صححه المحرر {n}", body, count=1, flags=re.M)
    if how == "comment":
        lines = body.split("\n")
        at = n % len(lines)
        return head + "\n".join(lines[:at] + [f"# ملاحظة المحرر {n}"] + lines[at:])
    if how == "review":
        return head + body.replace("reviewed: false", "reviewed: true", 1)
    data, _ = yamlio.load(body, "edit")
    if how == "delete fact":
        kinds = [k for k in ("meetings", "visits", "agreements", "strikes", "statements") if data.get(k)]
        if kinds:
            facts = data[kinds[n % len(kinds)]]
            del facts[n % len(facts)]
        elif data.get("mentions"):
            del data["mentions"][n % len(data["mentions"])]
    elif how == "reorder":
        if len(data.get("mentions") or []) >= 2:
            data["mentions"].reverse()
        else:
            data = dict(reversed(list(data.items())))
    return head + yamlio.dump(data)


@st.composite
def plans(draw, article_ids):
    edited = draw(st.lists(st.sampled_from(article_ids), unique=True, max_size=len(article_ids)))
    edits = {a: draw(st.lists(st.tuples(st.sampled_from(EDITS), st.integers(0, 10_000)), min_size=1, max_size=3))
             for a in edited}
    touch_edited = {a for a in edited if draw(st.booleans())}
    change = draw(st.sampled_from(["sources", "rules"]))
    return edits, touch_edited, change


def test_edited_files_survive_reextraction_and_the_others_are_redrafted(drafted, monkeypatch):
    article_ids = sorted(p.stem for p in (drafted / "facts" / "articles").glob("*.yaml"))
    source_of = {pipeline.article_id_for(p): p.name for p in (drafted / "seeds").glob("*.txt")}
    real_rules = lexicon.rules_digest()
    runs = []

    @settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
    @given(plan=plans(article_ids))
    def prop(plan):
        edits, touch_edited, change = plan
        work = Path(tempfile.mkdtemp(prefix="edits-"))
        try:
            shutil.copytree(drafted, work, dirs_exist_ok=True)
            articles = work / "facts" / "articles"
            after_edit = {}
            for article_id, steps in edits.items():
                path = articles / f"{article_id}.yaml"
                before = text = path.read_text(encoding="utf-8")
                for how, n in steps:
                    text = _edit(text, how, n)
                if text == before:  # e.g. a reorder that changed nothing: the editor added a note instead
                    text += f"# ملاحظة {len(steps)}\n"
                path.write_text(text, encoding="utf-8")
                after_edit[article_id] = path.read_bytes()
            unedited = [a for a in article_ids if a not in edits]
            touched = set(touch_edited)
            if change == "sources":
                touched |= set(unedited)
            for article_id in touched:
                seed = work / "seeds" / source_of[article_id]
                seed.write_bytes(seed.read_bytes() + b"\n")
            rules = real_rules if change == "sources" else yamlio.digest(real_rules + "-bumped")
            monkeypatch.setattr(lexicon, "rules_digest", lambda: rules)

            report = pipeline.extract_all(work / "seeds", work / "facts", jobs=1, progress=False)

            assert report.failed == []
            kept = dict(report.kept)
            for article_id, data in after_edit.items():
                shown = f"{articles / article_id}.yaml"
                shown = pipeline.display_path(Path(shown))
                assert (articles / f"{article_id}.yaml").read_bytes() == data
                why = "reviewed" if re.search(r"^reviewed: true$", data.decode(), re.M) else "edited by hand"
                assert kept.get(shown) == why
                assert (shown in report.stale) == (article_id in touch_edited)
            for article_id in unedited:
                path = articles / f"{article_id}.yaml"
                assert pipeline.display_path(path) in report.written
                header = yamlio.read_header(path.read_text(encoding="utf-8"))
                assert not header.edited
                assert header.rules == rules
                assert header.source == yamlio.digest((work / "seeds" / source_of[article_id]).read_bytes())
            runs.append(len(edits))
        finally:
            shutil.rmtree(work, ignore_errors=True)

    prop()
    print(f"\nedits property: {len(runs)} examples run, {sum(runs)} edited files in all")
    assert len(runs) >= MIN_EXAMPLES
    assert any(runs) and not all(runs)  # both some edited and some untouched runs happened
