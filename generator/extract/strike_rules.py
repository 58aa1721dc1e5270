"""The strike rules' lexicon: generator/lexicons/strikes.yaml read, checked and
indexed for generator/extract/strikes.py.

Every verb stem is expanded to its past-tense forms (subject endings, object
pronouns), present stems to the forms that are never a report, nouns to their
possessive forms; word sets and not_events become one tag table. Errors name
the file, the line, the column and the entry (LexiconError).

    load_lexicon(path) -> Lexicon      lexicon() -> the cached default one
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .. import yamlio
from ..errors import LexiconError
from ..normalize import fold

LEXICON_PATH = Path(__file__).resolve().parent.parent / "lexicons" / "strikes.yaml"

# --- the lexicon ----------------------------------------------------------------

SUBJECT_ENDINGS = ("", "ت", "وا", "ا", "تا", "ن", "نا")
OBJECT_ENDINGS = ("ه", "ها", "هم", "هما", "هن")
NOT_EVENT_KINDS = ("negation", "intent", "conditional", "condemn", "judicial", "background",
                   "release", "demonstrative", "generic", "relative")
VERB_FIELDS = {"id", "past", "forms", "present", "passive", "verbal_nouns", "needs_after", "needs_any", "not_next",
               "window", "relative_ok", "transitive", "masdar_like", "claim", "not_any"}
NOUN_FIELDS = {"id", "forms", "needs_after", "window"}
TOP_FIELDS = {"sets", "not_events", "verbs", "nouns", "means"}


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str  # "verb" or "noun"
    needs_after: tuple[str, ...] = ()
    needs_any: tuple[str, ...] = ()
    not_next: frozenset = frozenset()
    window: int = 4
    passive: bool = False  # the verb itself tells the attack without its agent (تعرض، أصيب)
    relative_ok: bool = True  # still a report right after الذي/التي
    transitive: bool = True  # takes object pronouns (قتله); تعرضه is a verbal noun
    masdar_like: bool = False  # bare past spelt like the verbal noun (قتل): needs a clause start
    not_any: tuple[str, ...] = ()  # tags (sets, or "not:<kind>" for not_events) that must not appear anywhere
    claim: bool = False  # the verb tells an actor's claim of an attack (تبنى الهجوم): the attack noun it governs is reported


@dataclass(frozen=True)
class Lexicon:
    tags: dict  # folded word -> frozenset of set names it belongs to (sets and not_events)
    verbs: dict  # folded verb form -> (Rule, is_passive_form)
    nouns: dict  # folded noun form -> (Rule, has a possessive pronoun)
    means: dict  # first folded word -> tuple of (tuple of folded words, label)
    present: dict  # folded present/future form of a trigger verb -> verb id (never a report)
    digest_source: str
    verbal_nouns: dict = dataclasses.field(default_factory=dict)  # folded verbal noun -> Rule ("قامت باستهداف")


def _verb_forms(stem: str, transitive: bool = True) -> dict[str, bool]:
    """Past-tense forms of a folded 3ms stem -> whether the form is bare (no subject
    ending, so it may be read as a verbal noun): subject endings, then object pronouns."""
    out: dict[str, bool] = {}
    for subj in SUBJECT_ENDINGS:
        out.setdefault(stem + subj, subj == "")
        base = stem + ("و" if subj == "وا" else subj)
        if transitive and subj in ("", "ت", "وا", "ا", "تا", "نا"):
            for obj in OBJECT_ENDINGS:
                out.setdefault(base + obj, subj == "")
    return out


PRESENT_PREFIXES = ("ي", "ت", "ن")
PRESENT_ENDINGS = ("", "ون", "ان", "وا", "ن", "ين")


def _present_forms(stem: str) -> set[str]:
    """Present-tense forms of a folded 3ms present stem (يقتل): persons, endings,
    object pronouns, and the future سـ or purpose لـ in front. The 1st person أ is
    left out: أطلق, أغتال would read as past forms."""
    core = stem[1:] if stem[:1] == "ي" else stem
    out = set()
    for pre in PRESENT_PREFIXES:
        for end in PRESENT_ENDINGS:
            word = pre + core + end
            for w in (word, *(word + ("" if end == "" else "") + obj for obj in OBJECT_ENDINGS)):
                out.update((w, "س" + w, "ل" + w))
    return out


def _noun_forms(form: str) -> set[str]:
    """A folded noun and its possessive forms (ة → ت before a pronoun)."""
    out = {form}
    base = form[:-1] + "ت" if form.endswith("ه") else form
    for obj in OBJECT_ENDINGS:
        out.add(base + obj)
    return out


class _Checker:
    def __init__(self, path: Path, marks: yamlio.Marks):
        self.path = str(path)
        self.marks = marks

    def fail(self, where: tuple, message: str):
        line, col = self.marks.of(where)
        raise LexiconError(f"{self.path}:{line}:{col}: {message}")

    def words(self, value, where: tuple, what: str) -> list[str]:
        if not isinstance(value, list) or not value:
            self.fail(where, f"{what}: expected a non-empty list of words")
        out = []
        for i, w in enumerate(value):
            if not isinstance(w, str) or not w.strip():
                self.fail(where + (i,), f"{what}: entry {i + 1} is not a word ({w!r})")
            out.append(" ".join(fold(w).split()))
        return out

    def mapping(self, value, where: tuple, what: str) -> dict:
        if not isinstance(value, dict) or not value:
            self.fail(where, f"{what}: expected a mapping of names to word lists")
        return value


def load_lexicon(path: Path | str = LEXICON_PATH) -> Lexicon:
    """Read and check strikes.yaml; raise LexiconError naming file, line and entry."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: cannot read the strikes lexicon ({exc})") from None
    try:
        data, marks = yamlio.load(text, str(path))
    except yamlio.YamlProblem as exc:
        raise LexiconError(str(exc.problem)) from None
    c = _Checker(path, marks)
    if not isinstance(data, dict):
        c.fail((), "expected a mapping with sets, not_events, verbs, nouns and means")
    for key in data:
        if key not in TOP_FIELDS:
            c.fail((key,), f"unknown section '{key}' (expected one of: {', '.join(sorted(TOP_FIELDS))})")
    for key in TOP_FIELDS:
        if key not in data:
            c.fail((), f"missing section '{key}'")

    tags: dict[str, set] = {}
    sets = c.mapping(data["sets"], ("sets",), "sets")
    for name, words in sets.items():
        for w in c.words(words, ("sets", name), f"sets.{name}"):
            tags.setdefault(w, set()).add(name)
    not_events = c.mapping(data["not_events"], ("not_events",), "not_events")
    for name in not_events:
        if name not in NOT_EVENT_KINDS:
            c.fail(("not_events", name), f"not_events.{name}: unknown kind (expected one of: "
                                         f"{', '.join(NOT_EVENT_KINDS)})")
    for name in NOT_EVENT_KINDS:
        if name not in not_events:
            c.fail(("not_events",), f"not_events: missing '{name}'")
        for w in c.words(not_events[name], ("not_events", name), f"not_events.{name}"):
            tags.setdefault(w, set()).add("not:" + name)
    known_sets = set(sets)

    def rule(entry, where, kind, fields) -> Rule:
        if not isinstance(entry, dict):
            c.fail(where, f"{kind}s: each entry must be a mapping with an id")
        rid = entry.get("id")
        if not isinstance(rid, str) or not rid:
            c.fail(where, f"{kind}s: entry without an id")
        label = f"{kind}s.{rid}"
        for key in entry:
            if key not in fields:
                c.fail(where + (key,), f"{label}: unknown field '{key}'")
        for key in ("needs_after", "needs_any"):
            for i, name in enumerate(entry.get(key) or []):
                if name not in known_sets:
                    c.fail(where + (key, i), f"{label}: {key} names an unknown set '{name}'")
        not_any = []
        for i, name in enumerate(entry.get("not_any") or []):
            if name in known_sets:
                not_any.append(name)
            elif name in NOT_EVENT_KINDS:
                not_any.append("not:" + name)
            else:
                c.fail(where + ("not_any", i), f"{label}: not_any names neither a set nor a not_events kind '{name}'")
        window = entry.get("window", 4)
        if not isinstance(window, int) or isinstance(window, bool) or not 1 <= window <= 12:
            c.fail(where + ("window",), f"{label}: window must be a whole number from 1 to 12")
        not_next = c.words(entry["not_next"], where + ("not_next",), f"{label}.not_next") \
            if "not_next" in entry else []
        flags = {}
        for key, default in (("relative_ok", True), ("transitive", True), ("masdar_like", False), ("claim", False)):
            flags[key] = entry.get(key, default)
            if not isinstance(flags[key], bool):
                c.fail(where + (key,), f"{label}: {key} must be true or false")
        return Rule(rid, kind, tuple(entry.get("needs_after") or ()), tuple(entry.get("needs_any") or ()),
                    frozenset(not_next), window, False, not_any=tuple(not_any), **flags)

    verbs: dict[str, tuple[Rule, bool, bool]] = {}
    present: dict[str, str] = {}
    verbal_nouns: dict[str, Rule] = {}
    owner: dict[str, str] = {}
    if not isinstance(data["verbs"], list) or not data["verbs"]:
        c.fail(("verbs",), "verbs: expected a list of verb entries")
    for i, entry in enumerate(data["verbs"]):
        r = rule(entry, ("verbs", i), "verb", VERB_FIELDS)
        past = entry.get("past")
        passive = entry.get("passive")
        if past is None or not isinstance(past, list):
            c.fail(("verbs", i), f"verbs.{r.id}: 'past' must be a list of past-tense stems (may be empty)")
        literal = c.words(entry["forms"], ("verbs", i, "forms"), f"verbs.{r.id}.forms") if "forms" in entry else []
        if not past and not passive and not literal:
            c.fail(("verbs", i), f"verbs.{r.id}: needs at least one stem in 'past' or 'passive', or a form in 'forms'")
        stems_active = c.words(past, ("verbs", i, "past"), f"verbs.{r.id}.past") if past else []
        if isinstance(passive, bool):
            r = dataclasses.replace(r, passive=passive)
            stems_passive = []
        else:
            stems_passive = c.words(passive, ("verbs", i, "passive"), f"verbs.{r.id}.passive") if passive else []
        if "present" in entry:
            for stem in c.words(entry["present"], ("verbs", i, "present"), f"verbs.{r.id}.present"):
                if not stem.startswith("ي"):
                    c.fail(("verbs", i, "present"), f"verbs.{r.id}.present: '{stem}' should be the "
                                                    "third person form starting with ي (يقتل)")
                for form in _present_forms(stem):
                    present.setdefault(form, r.id)
        for stem_list, is_passive in ((stems_active, r.passive), (stems_passive, True)):
            for stem in stem_list:
                for form, bare in _verb_forms(stem, r.transitive).items():
                    if form in owner and owner[form] != r.id:
                        c.fail(("verbs", i), f"verbs.{r.id}: form '{form}' already belongs to verbs.{owner[form]}")
                    owner[form] = r.id
                    verbs[form] = (r, is_passive, bare)
        for form in literal:  # irregular past forms written out (تبنى، تبنت، تبناه): never bare
            if form in owner and owner[form] != r.id:
                c.fail(("verbs", i, "forms"), f"verbs.{r.id}: form '{form}' already belongs to verbs.{owner[form]}")
            owner[form] = r.id
            verbs[form] = (r, r.passive, False)
        if "verbal_nouns" in entry:
            for form in c.words(entry["verbal_nouns"], ("verbs", i, "verbal_nouns"), f"verbs.{r.id}.verbal_nouns"):
                if form in verbal_nouns and verbal_nouns[form].id != r.id:
                    c.fail(("verbs", i, "verbal_nouns"), f"verbs.{r.id}: verbal noun '{form}' already belongs "
                                                         f"to verbs.{verbal_nouns[form].id}")
                verbal_nouns[form] = r

    nouns: dict[str, tuple[Rule, bool]] = {}
    if not isinstance(data["nouns"], list) or not data["nouns"]:
        c.fail(("nouns",), "nouns: expected a list of noun entries")
    for i, entry in enumerate(data["nouns"]):
        r = rule(entry, ("nouns", i), "noun", NOUN_FIELDS)
        for form in c.words(entry.get("forms"), ("nouns", i, "forms"), f"nouns.{r.id}.forms"):
            for f in _noun_forms(form):
                if f in nouns and nouns[f][0].id != r.id:
                    c.fail(("nouns", i), f"nouns.{r.id}: form '{f}' already belongs to nouns.{nouns[f][0].id}")
                nouns[f] = (r, f != form)  # (rule, with a possessive pronoun: definite)

    means: dict[str, list] = {}
    if not isinstance(data["means"], list) or not data["means"]:
        c.fail(("means",), "means: expected a list of {label, phrases}")
    for i, entry in enumerate(data["means"]):
        if not isinstance(entry, dict) or not isinstance(entry.get("label"), str) or not entry["label"].strip():
            c.fail(("means", i), "means: each entry needs a label (the text stored in the fact)")
        extra = set(entry) - {"label", "phrases"}
        if extra:
            c.fail(("means", i), f"means.{entry['label']}: unknown field '{sorted(extra)[0]}'")
        for phrase in c.words(entry.get("phrases"), ("means", i, "phrases"), f"means.{entry['label']}.phrases"):
            words = tuple(phrase.split())
            means.setdefault(words[0], []).append((words, entry["label"].strip()))
    for first in means:  # longest phrase first
        means[first].sort(key=lambda item: -len(item[0]))
    for form in verbs:  # a spelling that is also a past form is read as the past (تفجر)
        present.pop(form, None)
    return Lexicon({w: frozenset(n) for w, n in tags.items()}, verbs, nouns,
                   {k: tuple(v) for k, v in means.items()}, present, text, verbal_nouns)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return load_lexicon(LEXICON_PATH)


def rules_digest() -> str:
    """16 hex characters that change when the strike rules (lexicon or code) change."""
    code = "".join((Path(__file__).parent / name).read_text(encoding="utf-8")
                   for name in ("strike_rules.py", "strikes.py", "strike_anchors.py", "attacks.py", "strike_sides.py"))
    return yamlio.digest(lexicon().digest_source + code)
