"""YAML facts files: marks, refusals, stable dumps, atomic writes, the generator header."""
from __future__ import annotations

import os

import pytest

from generator import yamlio
from generator.errors import StorageError
from generator.model import Article, Meeting
from generator.store import to_plain


def load_problem(text: str) -> str:
    with pytest.raises(yamlio.YamlProblem) as info:
        yamlio.load(text, "facts/articles/x.yaml")
    return str(info.value)


def test_marks_point_at_values():
    data, marks = yamlio.load("id: a\nmeetings:\n  - participants:\n      - x\n      - y\n", "f.yaml")
    assert data["meetings"][0]["participants"] == ["x", "y"]
    assert marks.of(("meetings", 0, "participants", 1)) == (5, 9)
    assert marks.of(("meetings", 0, "nope")) == marks.of(("meetings", 0))


@pytest.mark.parametrize("text, message", [
    ("a: 1\na: 2\n", "facts/articles/x.yaml:2:1: duplicate key 'a'"),
    ("a:\n\t- 1\n", "facts/articles/x.yaml:2:1: tab used for indentation: YAML indents with spaces"),
    ("a: &x [1]\nb: *x\n", "facts/articles/x.yaml:1:4: anchors and aliases (& and *) are not allowed in facts files"),
    ('a: "open\n', "facts/articles/x.yaml:1:4: YAML does not parse: the quote that starts here is never closed"),
])
def test_bad_yaml_names_file_and_line(text, message):
    assert load_problem(text) == message


def test_billion_laughs_is_refused_quickly():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(9))
    assert "anchors and aliases" in load_problem(bomb)


def test_dump_keeps_arabic_and_human_order():
    article = Article(id="a-1", source="seeds/a.txt", title="عنوان الخبر", meetings=[
        Meeting(participants=["p-1", "p-2"], kind="call", date="2024-01-19", evidence="جرى اتصال هاتفي.")])
    text = yamlio.dump(to_plain(article))
    assert "عنوان الخبر" in text and "\\u" not in text
    meeting = text[text.index("meetings:"):]
    assert meeting.index("participants") < meeting.index("kind") < meeting.index("date") < meeting.index("evidence")
    assert "event:" not in text  # unset editor-only field stays out of the file
    data, _ = yamlio.load(text, "x.yaml")
    assert Article.model_validate(data) == article


def test_header_tells_drafts_from_edits():
    body = "id: a\ntitle: x\n"
    text = yamlio.with_header(body, source="0" * 16, rules="1" * 16, schema="../schema/article.schema.json")
    header = yamlio.read_header(text)
    assert header.generated and not header.edited and header.source == "0" * 16
    assert yamlio.read_header(text.replace("title: x", "title: y")).edited
    assert yamlio.read_header(body).edited  # no header: a person wrote it


def test_atomic_write_keeps_old_file_when_the_write_fails(tmp_path, monkeypatch):
    target = tmp_path / "a.yaml"
    target.write_text("old: 1\n", encoding="utf-8")

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(StorageError, match="a.yaml: could not write .No space left on device.; the old file is unchanged"):
        yamlio.atomic_write(target, "new: 2\n")
    assert target.read_text(encoding="utf-8") == "old: 1\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.yaml"]  # no temp file left behind


def test_dump_is_the_same_text_with_or_without_libyaml():
    """A machine without libyaml must write the same files (no spurious diffs)."""
    import yaml

    if not hasattr(yaml, "CSafeDumper"):
        pytest.skip("libyaml is not installed")
    pure = type("Pure", (yaml.SafeDumper,), {})
    pure.add_representer(str, yamlio._str)
    data = {
        "id": "a-1", "title": "عنوان: «مقتبس» # ليس تعليقا", "published": "2024-01-30", "month": "2024-01",
        "reviewed": False, "none": None, "empty": [], "yes": "yes", "number": "12", "lead": "- شرطة",
        "mentions": ["iran", "pakistan"], "multi": "سطر أول\nسطر ثان",
        "meetings": [{"participants": ["a", "b"], "kind": "call", "evidence": "قال: \"نعم\"، ثم 'لا'"}],
        "odd": "\u200f\u200dنص مع علامات\t", "colon": "key: value", "star": "*x", "amp": "&y",
    }
    assert yamlio.dump(data, pure) == yamlio.dump(data)
    assert yamlio.load(yamlio.dump(data), "x")[0] == data


@pytest.mark.parametrize("text", [
    "[" * 5000,
    "a: " + "{b: " * 100 + "c" + "}" * 100 + "\n",
    "- " * 100 + "x\n",
    "".join("  " * i + f"k{i}:\n" for i in range(100)) + "  " * 100 + "v\n",
])
def test_deep_nesting_is_refused_before_composing(text):
    assert "nested more than 64 levels deep" in load_problem(text)


def _scanned_depth(text: str) -> int:
    import yaml

    depth = deepest = 0
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, yamlio._OPEN):
                depth += 1
                deepest = max(deepest, depth)
            elif isinstance(token, yamlio._CLOSE):
                depth -= 1
    except yaml.YAMLError:
        pass
    return deepest


def test_the_cheap_depth_bound_never_underestimates():
    # the scan is skipped when the bound says the text is shallow: the bound must hold for any text
    import random

    rng = random.Random(7)
    pieces = ["- ", "? ", ": ", "a: ", "[", "]", "{", "}", "\n", "  ", "x", "- - ", "\r", "\u2028", "k:\n  ",
              "-\n", " ", "#", "'q: r'", '"s- t"', ", ", "-", "?", ":", "\t", "\x85"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 60)))
        assert yamlio._depth_bound(text) >= _scanned_depth(text), repr(text)
