"""The lexicons are data: validated on load with file:line:col errors, indexed
in one phrase trie with clitic variants, and hashed into the rules digest."""
from __future__ import annotations

import shutil

import pytest

from generator.errors import LexiconError
from generator.lexicon import LEXICON_DIR, build_lexicon, load_lexicons, rules_digest, variants, words_of


@pytest.fixture
def lexdir(tmp_path):
    d = tmp_path / "lexicons"
    shutil.copytree(LEXICON_DIR, d)
    return d


def test_the_shipped_lexicons_load():
    lex = load_lexicons()
    assert "iran" in lex.countries and "jaish-al-adl" in lex.groups
    assert load_lexicons() is lex  # built once


def test_clitic_variants_of_a_word():
    forms = dict(variants(words_of("وللجيش")[0]))
    assert "الجيش" in forms and "جيش" in forms


def test_a_bad_group_entry_names_file_line_and_entry(lexdir):
    path = lexdir / "groups.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "  - id: broken-group\n    name: جماعة مكسورة\n    aliases: ['']\n", encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        build_lexicon(lexdir)
    message = str(err.value)
    assert "groups.yaml:" in message and "entry 'broken-group'" in message and "aliases[0]" in message


def test_an_unknown_field_is_refused(lexdir):
    path = lexdir / "countries.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  - id: iran\n", "  - id: iran\n    capitol: [طهران]\n", 1), encoding="utf-8")
    with pytest.raises(LexiconError, match=r"countries\.yaml:\d+:\d+: entry 'iran': unknown field 'capitol'"):
        build_lexicon(lexdir)


def test_a_spelling_given_to_two_countries_is_refused(lexdir):
    path = lexdir / "countries.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    capitals: [الدوحة]", "    capitals: [الدوحة, طهران]", 1), encoding="utf-8")
    with pytest.raises(LexiconError, match="also given to"):
        build_lexicon(lexdir)


def test_the_rules_digest_follows_the_lexicons(lexdir):
    before = rules_digest(lexdir)
    assert before == rules_digest(lexdir) and len(before) == 16
    path = lexdir / "words.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# a comment changes the rules digest too\n", encoding="utf-8")
    assert rules_digest(lexdir) != before


def test_a_changed_lexicon_file_is_loaded_again_after_the_recheck_interval(lexdir, monkeypatch):
    import generator.lexicon as lexicon

    clock = [1000.0]
    monkeypatch.setattr(lexicon.time, "monotonic", lambda: clock[0])
    first = load_lexicons(lexdir)
    assert load_lexicons(lexdir) is first
    words = lexdir / "words.yaml"
    words.write_text(words.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    assert load_lexicons(lexdir) is first  # not looked at again within the interval
    clock[0] += lexicon.RECHECK_SECONDS + 0.1
    assert load_lexicons(lexdir) is not first
