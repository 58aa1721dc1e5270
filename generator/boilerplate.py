"""The site-noise lexicon (lexicons/boilerplate.yaml) that `generator/ingest.py` cleans with:
loaded once, validated (errors name the file, line, column and entry), folded and compiled.
A few word lists come from the extractor's lexicons, so that they are written once:
country names (countries.yaml), function words and verbs (words.yaml), statement verbs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import dates, normalize
from .lexicon import load_lexicons

BOILERPLATE_FILE = "boilerplate.yaml"

BULLETS = "•·*▪◦●■□→>»«-–— \t"


_INNER_DOT = re.compile(r"(?<=[^\W\d_])\.(?=[^\W\d_])")


def phrase_key(text: str) -> str:
    """Folded, lower-case, single-spaced: the form every phrase is compared in
    (a dot between letters is a space: "العربية.نت", "أ.ف.ب")."""
    return " ".join(_INNER_DOT.sub(" ", dates.fold(text)).split())


@dataclass
class Boilerplate:
    """boilerplate.yaml, validated: folded phrase sets and compiled patterns."""

    end_starts: dict[str, tuple[str, ...]]
    end_lines: dict[str, frozenset[str]]
    sets: dict[str, frozenset[str]]
    lists: dict[str, tuple[str, ...]]
    patterns: dict[str, re.Pattern] = field(default_factory=dict)

    menu: frozenset[str] = frozenset()  # every phrase a site menu line may be made of
    any_end_start: tuple[str, ...] = ()  # every end-of-story start, for one `str.startswith` test
    # from the extractor's lexicons (countries.yaml, words.yaml, triggers.yaml), folded like `phrase_key`:
    countries: frozenset[str] = frozenset()  # country names and their other spellings
    not_nav: frozenset[str] = frozenset()  # function words and verbs (words.yaml name_stops): a sentence has them
    said: frozenset[str] = frozenset()  # statement verbs ("قال", "أعلنت"): a sentence begins here
    # bare forms (normalize.bare) of not_nav and common_news_words: words no two stories are told apart by
    common: frozenset[str] = frozenset()

    def __post_init__(self):
        self.menu = self.sets["section_names"] | self.sets["menu_words"] | self.sets["ui_words"]
        self.any_end_start = tuple(p for phrases in self.end_starts.values() for p in phrases)
        self.common = frozenset(normalize.bare(w) for w in self.not_nav | self.sets["common_news_words"] if w)

    def distinct_words(self, text: str) -> set[str]:
        """The bare words of a text that can tell one story from another (no function words or commonplaces)."""
        return {w for w in (normalize.bare(t.key) for t in normalize.tokens(text)) if len(w) >= 4 and w not in self.common}


_SET_SECTIONS = ("ui_words", "section_names", "menu_words", "caption_words", "photo_credits", "byline_words",
                 "known_outlets", "not_outlets", "dateline_places", "inline_list_ends", "outlet_hints",
                 "common_news_words")
_LIST_SECTIONS = ("source_labels", "byline_labels", "caption_starts", "prompt_starts", "story_connectives")
_PATTERNS = ("url", "copyright", "dateline", "lead_agency", "timestamp", "correspondent")


# the kinds of words.yaml `name_stops` that only a sentence has: a breadcrumb or a dateline has none
_SENTENCE_WORDS = ("prepositions", "particles", "pronouns", "verbs", "news_verbs")


@lru_cache(maxsize=4)
def boilerplate(directory: Path | None = None) -> Boilerplate:
    """boilerplate.yaml, validated on load: errors name the file, line and entry."""
    f = dates.LexiconFile(BOILERPLATE_FILE, directory)
    f.only((), ("end_of_story_starts", "end_of_story_lines", "inline_list_items", "patterns", *_SET_SECTIONS,
                *_LIST_SECTIONS))

    def groups(section: str) -> dict[str, list[str]]:
        value = f.mapping((section,), "a mapping of kinds (related, tags, …) to phrase lists")
        return {str(kind): [phrase_key(w) for w in f.words((section, kind))] for kind in value}

    starts = groups("end_of_story_starts")
    lines = groups("end_of_story_lines")
    raw_patterns = f.mapping(("patterns",), "a mapping of names to regular expressions")
    f.only(("patterns",), _PATTERNS)
    patterns = {}
    for name in _PATTERNS:
        source = raw_patterns.get(name)
        if not isinstance(source, str) or not source:
            f.fail(("patterns", name) if name in raw_patterns else ("patterns",),
                   f"pattern '{name}' is missing or not text (expected a regular expression)")
        patterns[name] = _compile(f, ("patterns", name), source)
    for i, source in enumerate(f.words(("inline_list_items",))):
        patterns[f"item{i}"] = _compile(f, ("inline_list_items", i), source)
    sets = {s: frozenset(phrase_key(w) for w in f.words((s,))) for s in _SET_SECTIONS}
    lists = {s: tuple(sorted((phrase_key(w) for w in f.words((s,))), key=len, reverse=True)) for s in _LIST_SECTIONS}
    lex = load_lexicons(directory)
    words = dates.LexiconFile("words.yaml", directory)  # its function words and verbs, by kind
    sentence_words = {w for kind in _SENTENCE_WORDS for w in (words.get(("name_stops", kind)) or [])
                      if isinstance(w, str)}
    return Boilerplate(
        end_starts={k: tuple(sorted(v, key=len, reverse=True)) for k, v in starts.items()},
        end_lines={k: frozenset(v) for k, v in lines.items()},
        sets=sets,
        lists=lists,
        patterns={**patterns, **_phrase_patterns(sets, lists)},
        countries=frozenset(phrase_key(n) for c in lex.countries.values() for n in (c.name, *c.aliases)),
        not_nav=frozenset(phrase_key(w) for w in sentence_words | lex.statement_verbs),
        said=frozenset(phrase_key(w) for w in lex.statement_verbs),
    )


def _compile(f: "dates.LexiconFile", where: tuple, source: str) -> re.Pattern:
    try:
        return re.compile(source)
    except re.error as exc:
        f.fail(where, f"not a valid regular expression ({exc}): {source!r}")


def _phrase_patterns(sets: dict, lists: dict) -> dict[str, re.Pattern]:
    """Regexes built from the phrase lists (once per loaded lexicon)."""

    def alt(phrases) -> str:
        return "|".join(r"[\s.]+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True))

    lead = "[" + re.escape(BULLETS) + "]*"
    return {
        "ui": re.compile(rf"(?<!\w)(?:{alt(sets['ui_words'])})(?!\w)"),
        "byline": re.compile(rf"^{lead}(?:{alt(lists['byline_labels'])})(?:\s*(?P<colon>[:\-,])\s*|\s+)(?=\S)"),
        "prompt": re.compile(rf"^{lead}(?:{alt(lists['prompt_starts'])})(?!\w)"),
        "source_start": re.compile(rf"^{lead}(?:{alt(lists['source_labels'])})\s*:\s*"),
        # anywhere on a short credit line, even glued to a word: "فرانس24/ رويترزالمصدر: فرانس24"
        "source": re.compile(rf"(?:{alt(lists['source_labels'])})\s*:\s*"),
        "caption": re.compile(rf"^\(?(?:{alt(lists['caption_starts'])})(?:\s*[:)\-]|(?!\w))"),
        "caption_word": re.compile(rf"(?<!\w)(?:{alt(sets['caption_words'])})(?!\w)"),
        "credit_end": re.compile(rf"(?:\(\s*(?:{alt(sets['photo_credits'])})\s*\)|[\-/|]\s*(?:"
                                 rf"{alt(sets['photo_credits'])}))\s*\W*$"),
    }
