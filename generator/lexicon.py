"""The extractor's rules as data: loading, validating and indexing generator/lexicons/*.yaml.

Every file is validated on load; a problem names the file, the line, the entry
and the bad pattern, as spaCy's pattern validation does:

    generator/lexicons/groups.yaml:42:5: entry 'hamas': aliases[1] is empty

All spellings are folded (generator/normalize.py) and put in one phrase trie
over folded words, built once; the extractor then looks every word up once
(`Lexicon.hits_at`). Nothing here runs a regular expression over the lexicons
per sentence.

`rules_digest()` is a 16-hex hash of every lexicon file and EXTRACTOR_VERSION:
a draft made with other rules is re-extracted.
"""
from __future__ import annotations

import hashlib
import os
import re
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import LexiconError, Problem
from .word_forms import ARTICLE, CONJ, EXACT, PREP, bare, forms_of, variants, words_of  # noqa: F401 (the API)
from .yamlio import YamlProblem, load as load_yaml

EXTRACTOR_VERSION = "5"
LEXICON_DIR = Path(__file__).resolve().parent / "lexicons"
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_HAS_LETTER = re.compile(r"[^\W\d_]")

# --- payloads ------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    """One lexicon entry matched at a word: its category, value and length in words."""

    cat: str
    value: Any
    n: int
    level: int = EXACT


@dataclass(frozen=True)
class Country:
    id: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    adj_m: str | None  # "الإيراني"
    adj_f: str | None  # "الإيرانية"


@dataclass(frozen=True)
class Group:
    id: str
    name: str
    aliases: tuple[str, ...]
    country: str | None


@dataclass(frozen=True)
class Body:
    id: str
    name: str  # template with {m} / {f}
    genitive: str | None  # template with {country}


@dataclass(frozen=True)
class Named:
    id: str
    name: str
    aliases: tuple[str, ...]
    country: str | None


@dataclass(frozen=True)
class Trigger:
    type: str  # meeting | visit | agreement
    kind: str
    pos: str  # verb | noun
    needs: tuple[str, ...] = ()
    needs_near: tuple[str, ...] = ()
    or_plural: bool = False
    plural_only: bool = False
    light: bool = False
    future: bool = False


@dataclass
class Lexicon:
    """Every lexicon, indexed. Built once by `load_lexicons()`."""

    trie: dict = field(default_factory=dict)
    countries: dict[str, Country] = field(default_factory=dict)
    groups: dict[str, Group] = field(default_factory=dict)
    bodies: dict[str, Body] = field(default_factory=dict)
    named: dict[str, Named] = field(default_factory=dict)
    complements: frozenset = frozenset()
    connectors: frozenset = frozenset()
    posting: frozenset = frozenset()
    group_generic: frozenset = frozenset()
    stops: frozenset = frozenset()
    joiners: frozenset = frozenset()
    statement_verbs: frozenset = frozenset()
    continuations: frozenset = frozenset()
    empty_subjects: frozenset = frozenset()
    signed_words: frozenset = frozenset()
    verb_like_names: frozenset = frozenset()
    title_names: frozenset = frozenset()
    outlets: frozenset = frozenset()  # news outlets: "X لشفق" ends a name even behind a short clitic
    names_like_stops: frozenset = frozenset()  # first names that are also stop words ("صباح", "الفاتح")
    place_heads: frozenset = frozenset()  # "مطار الملك خالد": a title after these names a place
    rule_nouns: frozenset = frozenset()  # "نظام X Y": a ruler's name follows
    time_adverbs: frozenset = frozenset()  # "مستشار الأمن القومي آنذاك X": skipped between a title and a name
    memo: dict = field(default_factory=dict, repr=False, compare=False)  # per-lexicon caches of pure word tests

    # -- building --
    def add(self, spelling: str, hit_cat: str, value: Any, max_level: int = ARTICLE) -> None:
        words = words_of(spelling)
        if not words:
            return
        node = self.trie
        for w in words:
            node = node.setdefault(w, {})
        node.setdefault(None, []).append((hit_cat, value, max_level))

    # -- matching --
    def hits_at(self, keys: list[str], i: int, variant_lists: list[list[tuple[str, int]]]) -> list[Hit]:
        """Every entry whose words start at word i (keys are folded words, `variant_lists`
        their clitic-free forms). Later words must match exactly."""
        out: list[Hit] = []
        for form, level in variant_lists[i]:
            node = self.trie.get(form)
            j = i
            while node is not None:
                for cat, value, max_level in node.get(None, ()):
                    if level <= max_level:
                        out.append(Hit(cat, value, j - i + 1, level))
                j += 1
                if j >= len(keys):
                    break
                node = node.get(keys[j])
        return out


# --- loading and validation ----------------------------------------------------------


class _Checker:
    """Collects every problem of one file with its line and column."""

    def __init__(self, path: Path, marks):
        self.path, self.marks, self.problems = path, marks, []
        try:
            self.shown = str(path.relative_to(Path.cwd()))
        except ValueError:
            self.shown = str(path)

    def fail(self, where: tuple, message: str):
        line, col = self.marks.of(where) if self.marks else (0, 0)
        self.problems.append(Problem(self.shown, line, col, message))

    def spellings(self, value, where: tuple, entry: str, field_name: str, required: bool = False) -> list[str]:
        """A list of spellings: each a non-empty string with at least one letter."""
        if value is None:
            if required:
                self.fail(where, f"{entry}: '{field_name}' is missing")
            return []
        if isinstance(value, str):
            value = [value]
            where_of = lambda k: where  # noqa: E731
        elif isinstance(value, list):
            where_of = lambda k: where + (k,)  # noqa: E731
        else:
            self.fail(where, f"{entry}: '{field_name}' must be a list of spellings, not {type(value).__name__}")
            return []
        out = []
        for k, s in enumerate(value):
            if not isinstance(s, str) or not s.strip():
                self.fail(where_of(k), f"{entry}: {field_name}[{k}] is empty or not text (pattern: {s!r})")
            elif not _HAS_LETTER.search(s) or not words_of(s):
                self.fail(where_of(k), f"{entry}: {field_name}[{k}] has no letters (pattern: {s!r})")
            else:
                out.append(s.strip())
        return out

    def mapping(self, data, where: tuple, what: str) -> dict:
        if not isinstance(data, dict):
            self.fail(where, f"{what} must be a mapping (key: value)")
            return {}
        return data

    def entries(self, data, key: str) -> list[tuple[int, dict]]:
        items = data.get(key)
        if items is None:
            self.fail((), f"missing the list '{key}'")
            return []
        if not isinstance(items, list):
            self.fail((key,), f"'{key}' must be a list of entries")
            return []
        out = []
        for k, item in enumerate(items):
            if not isinstance(item, dict):
                self.fail((key, k), f"{key}[{k}] must be a mapping with an id (pattern: {item!r})")
            else:
                out.append((k, item))
        return out

    def entry_id(self, item: dict, where: tuple, seen: dict, key: str = "id") -> str | None:
        eid = item.get(key)
        if not isinstance(eid, str) or not ID.match(eid):
            self.fail(where + (key,), f"entry {eid!r}: id must be lower-case letters, digits and single hyphens")
            return None
        if eid in seen:
            self.fail(where + (key,), f"entry '{eid}': id used twice (first at line {seen[eid]})")
            return None
        seen[eid] = self.marks.of(where)[0] if self.marks else 0
        return eid

    def unknown_keys(self, item: dict, allowed: set, where: tuple, entry: str):
        for k in item:
            if k not in allowed:
                self.fail(where + (k,), f"{entry}: unknown field '{k}' (expected one of: {', '.join(sorted(allowed))})")


def _read(path: Path) -> tuple[Any, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: cannot read the lexicon ({exc})") from None
    try:
        return load_yaml(text, str(path))
    except YamlProblem as exc:
        raise LexiconError(str(exc.problem)) from None


def _flat(value) -> list:
    """A list, or the concatenation of a mapping's lists (for documented sub-lists)."""
    if isinstance(value, dict):
        return [x for v in value.values() for x in (v if isinstance(v, list) else [v])]
    return value if isinstance(value, list) else ([] if value is None else [value])


def _first_words(spellings) -> set[str]:
    return {words_of(s)[0] for s in spellings if words_of(s)}


def _bare_set(spellings) -> frozenset:
    """Every clitic-free form of the words ("وزراء" keeps its first و as well)."""
    return frozenset(f for s in spellings for w in words_of(s) for f, _ in variants(w))


def _load_countries(lex: Lexicon, path: Path, problems: list):
    data, marks = _read(path)
    c = _Checker(path, marks)
    data = c.mapping(data, (), "the file")
    suffixes = data.get("adjective_suffixes", [""])
    if not isinstance(suffixes, list) or not all(isinstance(s, str) for s in suffixes):
        c.fail(("adjective_suffixes",), "adjective_suffixes must be a list of text suffixes")
        suffixes = [""]
    seen, owner = {}, {}
    allowed = {"id", "name", "names", "capitals", "cities", "adjectives", "demonyms", "kind", "ambiguous"}
    for k, item in c.entries(data, "countries"):
        where = ("countries", k)
        cid = c.entry_id(item, where, seen)
        if cid is None:
            continue
        entry = f"entry '{cid}'"
        c.unknown_keys(item, allowed, where, entry)
        kind = item.get("kind", "country")
        if kind not in ("country", "organization"):
            c.fail(where + ("kind",), f"{entry}: kind must be country or organization, not {kind!r}")
        name = c.spellings(item.get("name"), where + ("name",), entry, "name", required=True)
        names = c.spellings(item.get("names"), where + ("names",), entry, "names")
        capitals = c.spellings(item.get("capitals"), where + ("capitals",), entry, "capitals")
        cities = c.spellings(item.get("cities"), where + ("cities",), entry, "cities")
        adjectives = c.spellings(item.get("adjectives"), where + ("adjectives",), entry, "adjectives")
        demonyms = c.spellings(item.get("demonyms"), where + ("demonyms",), entry, "demonyms")
        ambiguous = {words_of(s) for s in c.spellings(item.get("ambiguous"), where + ("ambiguous",), entry, "ambiguous")}
        for adj in adjectives:
            if adj.startswith("ال"):
                c.fail(where + ("adjectives",), f"{entry}: adjectives are written without ال (pattern: {adj!r})")
        if not name:
            continue
        m = "ال" + adjectives[0] if adjectives else None
        lex.countries[cid] = Country(cid, name[0], tuple(names), kind, m, m + "ة" if m else None)
        for role, spellings in (("name", name + names), ("capital", capitals), ("city", cities)):
            for s in spellings:
                if words_of(s) in ambiguous:
                    continue
                prev = owner.setdefault((role, words_of(s)), cid)
                if prev != cid:
                    c.fail(where, f"{entry}: spelling {s!r} is also given to '{prev}'")
                lex.add(s, role, cid, max_level=PREP if role == "name" else ARTICLE)
        forms = {a + suf for a in adjectives for suf in suffixes} | set(demonyms)
        for s in forms:
            prev = owner.setdefault(("adj", words_of(s)), cid)
            if prev != cid:
                c.fail(where + ("adjectives",), f"{entry}: adjective {s!r} is also given to '{prev}'")
            lex.add(s, "adj", cid)
    problems += c.problems


def _load_titles(lex: Lexicon, path: Path, problems: list):
    data, marks = _read(path)
    c = _Checker(path, marks)
    data = c.mapping(data, (), "the file")
    for k, item in c.entries(data, "heads"):
        where = ("heads", k)
        lemma = c.spellings(item.get("lemma"), where + ("lemma",), f"heads[{k}]", "lemma", required=True)
        c.unknown_keys(item, {"lemma", "forms", "alone", "dual"}, where, f"heads[{k}]")
        if not lemma:
            continue
        entry = f"head '{lemma[0]}'"
        lemma_key = " ".join(words_of(lemma[0]))
        found = False
        for mode in ("forms", "alone", "dual"):
            for s in c.spellings(item.get(mode), where + (mode,), entry, mode):
                lex.add(s, "title", (lemma_key, mode))
                found = True
        if not found:
            c.fail(where, f"{entry}: give at least one of forms, alone, dual")
    lex.complements = _bare_set(c.spellings(data.get("complements"), ("complements",), "complements", "complements", True))
    conn = c.mapping(data.get("connectors", {}), ("connectors",), "connectors")
    lex.connectors = frozenset(w for s in c.spellings(conn.get("continue"), ("connectors", "continue"), "connectors", "continue") for w in words_of(s))
    lex.posting = frozenset(w for s in c.spellings(conn.get("posting"), ("connectors", "posting"), "connectors", "posting") for w in words_of(s))
    for key, cat in (("ranks", "rank"), ("honorifics", "honorific"), ("counterparts", "counterpart")):
        for s in c.spellings(data.get(key), (key,), key, key, required=True):
            lex.add(s, cat, " ".join(words_of(s)))
    problems += c.problems


def _load_groups(lex: Lexicon, path: Path, problems: list):
    data, marks = _read(path)
    c = _Checker(path, marks)
    data = c.mapping(data, (), "the file")
    for s in c.spellings(data.get("heads"), ("heads",), "heads", "heads", required=True):
        lex.add(s, "group_head", None)
    lex.group_generic = _bare_set(c.spellings(data.get("generic"), ("generic",), "generic", "generic"))
    seen, owner = {}, {}
    for k, item in c.entries(data, "groups"):
        where = ("groups", k)
        gid = c.entry_id(item, where, seen)
        if gid is None:
            continue
        entry = f"entry '{gid}'"
        c.unknown_keys(item, {"id", "name", "aliases", "needs_head", "country"}, where, entry)
        name = c.spellings(item.get("name"), where + ("name",), entry, "name", required=True)
        aliases = c.spellings(item.get("aliases"), where + ("aliases",), entry, "aliases")
        needs_head = {words_of(s) for s in c.spellings(item.get("needs_head"), where + ("needs_head",), entry, "needs_head")}
        country = item.get("country")
        if country is not None and country not in lex.countries:
            c.fail(where + ("country",), f"{entry}: country '{country}' is not an id of countries.yaml")
            country = None
        if not name:
            continue
        lex.groups[gid] = Group(gid, name[0], tuple(aliases), country)
        for s in name + aliases:
            prev = owner.setdefault(words_of(s), gid)
            if prev != gid:
                c.fail(where, f"{entry}: spelling {s!r} is also given to '{prev}'")
            lex.add(s, "group_needs_head" if words_of(s) in needs_head else "group", gid)
        for s in needs_head:
            if s not in {words_of(x) for x in name + aliases}:
                c.fail(where + ("needs_head",), f"{entry}: needs_head {' '.join(s)!r} is not one of its spellings")
    problems += c.problems


def _load_organizations(lex: Lexicon, path: Path, problems: list):
    data, marks = _read(path)
    c = _Checker(path, marks)
    data = c.mapping(data, (), "the file")
    seen = {}
    for k, item in c.entries(data, "bodies"):
        where = ("bodies", k)
        bid = c.entry_id(item, where, seen)
        if bid is None:
            continue
        entry = f"entry '{bid}'"
        c.unknown_keys(item, {"id", "name", "genitive", "heads_adjective", "heads_genitive"}, where, entry)
        name = item.get("name")
        if not isinstance(name, str) or ("{m}" not in name and "{f}" not in name):
            c.fail(where + ("name",), f"{entry}: name must contain {{m}} or {{f}} (pattern: {name!r})")
            continue
        genitive = item.get("genitive")
        if genitive is not None and (not isinstance(genitive, str) or "{country}" not in genitive):
            c.fail(where + ("genitive",), f"{entry}: genitive must contain {{country}} (pattern: {genitive!r})")
            genitive = None
        lex.bodies[bid] = Body(bid, name, genitive)
        for s in c.spellings(item.get("heads_adjective"), where + ("heads_adjective",), entry, "heads_adjective", True):
            lex.add(s, "body_adj", bid)
        for s in c.spellings(item.get("heads_genitive"), where + ("heads_genitive",), entry, "heads_genitive"):
            lex.add(s, "body_gen", bid, max_level=PREP)
    for k, item in c.entries(data, "named"):
        where = ("named", k)
        oid = c.entry_id(item, where, seen)
        if oid is None:
            continue
        entry = f"entry '{oid}'"
        c.unknown_keys(item, {"id", "name", "aliases", "country"}, where, entry)
        name = c.spellings(item.get("name"), where + ("name",), entry, "name", required=True)
        aliases = c.spellings(item.get("aliases"), where + ("aliases",), entry, "aliases")
        country = item.get("country")
        if country is not None and country not in lex.countries:
            c.fail(where + ("country",), f"{entry}: country '{country}' is not an id of countries.yaml")
            country = None
        if name:
            lex.named[oid] = Named(oid, name[0], tuple(aliases), country)
            for s in name + aliases:
                lex.add(s, "org", oid)
    problems += c.problems


def _trigger_entries(c: _Checker, lex: Lexicon, data: dict, type_: str):
    kinds = {"meeting": {"meeting", "talks", "call", "conference"},
             "visit": {"visit", "arrive", "travel", "invite"},
             "agreement": {"agree", "sign", "conclude", "reach", "passive", "decide"}}[type_]
    allowed = {"pos", "kind", "forms", "needs", "needs_near", "or_plural", "plural_only", "light"}
    for k, item in c.entries(data, type_):
        where = (type_, k)
        entry = f"{type_}[{k}]"
        c.unknown_keys(item, allowed, where, entry)
        pos, kind = item.get("pos"), item.get("kind")
        if pos not in ("verb", "noun"):
            c.fail(where + ("pos",), f"{entry}: pos must be verb or noun (pattern: {pos!r})")
            continue
        if kind not in kinds:
            c.fail(where + ("kind",), f"{entry}: kind must be one of {', '.join(sorted(kinds))} (pattern: {kind!r})")
            continue
        needs = tuple(bare(w) for s in c.spellings(item.get("needs"), where + ("needs",), entry, "needs") for w in words_of(s))
        near = tuple(bare(w) for s in c.spellings(item.get("needs_near"), where + ("needs_near",), entry, "needs_near") for w in words_of(s))
        flags = {f: bool(item.get(f, False)) for f in ("or_plural", "plural_only", "light")}
        level = CONJ if pos == "verb" else ARTICLE
        for s in c.spellings(item.get("forms"), where + ("forms",), entry, "forms", required=True):
            trig = Trigger(type_, kind, pos, needs, near, **flags)
            lex.add(s, "trigger", trig, max_level=level)
            w = words_of(s)
            if pos == "verb" and len(w) == 1 and w[0][:1] in ("ي", "ت", "ن") and len(w[0]) > 2:
                lex.add("س" + w[0], "trigger", Trigger(type_, kind, pos, needs, near, future=True, **flags), CONJ)


def _load_triggers(lex: Lexicon, path: Path, problems: list):
    data, marks = _read(path)
    c = _Checker(path, marks)
    data = c.mapping(data, (), "the file")
    for type_ in ("meeting", "visit", "agreement"):
        _trigger_entries(c, lex, data, type_)
    for s in c.spellings(data.get("visit_carriers"), ("visit_carriers",), "visit_carriers", "visit_carriers", True):
        lex.add(s, "visit_carrier", None, max_level=CONJ)
    for s in c.spellings(data.get("strike_verbs"), ("strike_verbs",), "strike_verbs", "strike_verbs"):
        lex.add(s, "strike_verb", None, max_level=CONJ)
    for key, cat in (("strike_support_verbs", "strike_support"), ("strike_nouns", "strike_noun"),
                     ("strike_instruments", "strike_instrument")):
        for s in c.spellings(data.get(key), (key,), key, key):
            lex.add(s, cat, None, max_level=CONJ if cat == "strike_support" else PREP)
    lex.signed_words = frozenset(bare(w) for s in c.spellings(data.get("agreement_signed"), ("agreement_signed",),
                                                             "agreement_signed", "agreement_signed") for w in words_of(s))
    st = c.mapping(data.get("statement", {}), ("statement",), "statement")
    verbs = c.spellings(st.get("verbs"), ("statement", "verbs"), "statement", "verbs", True)
    lex.statement_verbs = frozenset(words_of(s)[0] for s in verbs)
    for s in verbs:
        lex.add(s, "say", None, max_level=CONJ)
    lex.continuations = frozenset(w for s in c.spellings(st.get("continuations"), ("statement", "continuations"), "statement", "continuations") for w in words_of(s))
    lex.empty_subjects = frozenset(bare(w) for s in c.spellings(st.get("empty_subjects"), ("statement", "empty_subjects"), "statement", "empty_subjects") for w in words_of(s))
    mod = c.mapping(data.get("modality", {}), ("modality",), "modality")
    for key in ("negation", "not_negation", "future", "conditional", "question"):
        for s in c.spellings(mod.get(key), ("modality", key), "modality", key, required=key != "not_negation"):
            lex.add(s, key, None, max_level=CONJ)
    problems += c.problems


def _load_words(lex: Lexicon, path: Path, months_path: Path, problems: list):
    data, marks = _read(path)
    c = _Checker(path, marks)
    data = c.mapping(data, (), "the file")
    stops = c.spellings(_flat(data.get("name_stops")), ("name_stops",), "name_stops", "name_stops", True)
    stop_words = {w for s in stops for w in words_of(s)}
    if months_path.exists():  # weekday and month names stop a name too (months.yaml belongs to dates)
        try:
            mdata, _ = _read(months_path)
            for key in ("months", "weekdays"):
                for v in (mdata or {}).get(key, {}).values():
                    stop_words |= {w for s in (v or []) if isinstance(s, str) for w in words_of(s) if len(words_of(s)) == 1}
        except (LexiconError, AttributeError):
            pass
    lex.stops = frozenset(stop_words)
    outlets = (data.get("name_stops") or {}).get("outlets") if isinstance(data.get("name_stops"), dict) else None
    lex.outlets = frozenset(w for s in (outlets or []) if isinstance(s, str) for w in words_of(s))
    lex.title_names = frozenset(w for s in c.spellings(data.get("title_words_in_names"), ("title_words_in_names",),
                                                     "title_words_in_names", "title_words_in_names") for w in words_of(s))
    lex.names_like_stops = frozenset(w for s in c.spellings(data.get("names_like_stops"), ("names_like_stops",),
                                                          "names_like_stops", "names_like_stops") for w in words_of(s))
    lex.place_heads = _bare_set(c.spellings(data.get("places_named_after_people"), ("places_named_after_people",),
                                            "places_named_after_people", "places_named_after_people"))
    lex.verb_like_names = frozenset(w for s in c.spellings(data.get("verb_like_names"), ("verb_like_names",),
                                                         "verb_like_names", "verb_like_names") for w in words_of(s))
    lex.rule_nouns = _bare_set(c.spellings(data.get("rule_nouns"), ("rule_nouns",), "rule_nouns", "rule_nouns"))
    lex.time_adverbs = frozenset(w for s in c.spellings(data.get("title_time_adverbs"), ("title_time_adverbs",),
                                                      "title_time_adverbs", "title_time_adverbs") for w in words_of(s))
    lex.joiners = frozenset(w for s in c.spellings(data.get("name_joiners"), ("name_joiners",), "name_joiners", "name_joiners", True) for w in words_of(s))
    for key, cat in (("pair_refs", "pair_ref"), ("first_ref", "first_ref"), ("last_ref", "last_ref"), ("place_nouns", "place_noun")):
        for s in c.spellings(data.get(key), (key,), key, key, required=True):
            lex.add(s, cat, None)
    breaks = c.mapping(data.get("clause_breaks", {}), ("clause_breaks",), "clause_breaks")
    for key, cat in (("after_comma", "break_comma"), ("always", "break")):
        for s in c.spellings(breaks.get(key), ("clause_breaks", key), "clause_breaks", key, required=True):
            lex.add(s, cat, None, max_level=CONJ)
    problems += c.problems


def build_lexicon(directory: Path | None = None) -> Lexicon:
    """Load, validate and index every lexicon of a folder (uncached)."""
    directory = Path(directory or LEXICON_DIR)
    lex, problems = Lexicon(), []
    names = ("countries", "titles", "groups", "organizations", "triggers", "words")
    missing = [n for n in names if not (directory / f"{n}.yaml").is_file()]
    if missing:
        raise LexiconError(f"{directory}: missing lexicon file(s): {', '.join(m + '.yaml' for m in missing)}")
    _load_countries(lex, directory / "countries.yaml", problems)
    _load_titles(lex, directory / "titles.yaml", problems)
    _load_groups(lex, directory / "groups.yaml", problems)
    _load_organizations(lex, directory / "organizations.yaml", problems)
    _load_triggers(lex, directory / "triggers.yaml", problems)
    _load_words(lex, directory / "words.yaml", directory / "months.yaml", problems)
    if problems:
        raise LexiconError("\n".join(str(p) for p in sorted(problems)))
    return lex


@lru_cache(maxsize=4)
def _cached(directory: str, stamp: tuple) -> Lexicon:
    return build_lexicon(Path(directory))


RECHECK_SECONDS = 1.0  # how often load_lexicons looks at the files again
_stamps: dict[str, tuple[float, tuple, Lexicon]] = {}  # folder -> (when looked at, its files' stamp, lexicon)


def load_lexicons(directory: Path | None = None) -> Lexicon:
    """The indexed lexicons, built once per folder and again when a file changes (the
    files are looked at again at most once a second: the extractor asks for the
    lexicons many times per article, and a dozen stat calls each time were 6% of it)."""
    folder = str(Path(directory or LEXICON_DIR))
    now = time.monotonic()
    known = _stamps.get(folder)
    if known is not None and now - known[0] < RECHECK_SECONDS:
        return known[2]
    found = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.endswith(".yaml"):
                    st = entry.stat()
                    found.append((entry.name, st.st_mtime_ns, st.st_size))
    except OSError:
        pass  # build_lexicon says what is missing
    stamp = tuple(sorted(found))
    lex = _cached(folder, stamp)
    _stamps[folder] = (now, stamp, lex)
    return lex


def rules_digest(directory: Path | None = None) -> str:
    """16 hex characters that change when any lexicon file or the extractor's version changes."""
    directory = Path(directory or LEXICON_DIR)
    h = hashlib.sha256(f"extractor {EXTRACTOR_VERSION}\n".encode())
    for p in sorted(directory.glob("*.yaml")):
        h.update(p.name.encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()[:16]
