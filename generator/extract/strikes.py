"""Strike (PLOVER ASSAULT) detection: does a sentence REPORT an armed attack?

Most sentences in security news mention violence without reporting an attack
("مكافحة الإرهاب", a condemnation, a trial, a threat). A sentence reports one
when an attack trigger is anchored as an event:

- a finite past-tense attack verb ("قصفت", "اغتال", "فجّر نفسه", "أطلقت صواريخ",
  "تعرض لهجوم") whose conditions hold (the object or context the lexicon asks
  for), not negated, not threatened or planned, not inside a question or a
  condition; or
- an attack noun ("هجوم", "تفجير", "غارة", "ضربة جوية") tied to a casualty, to
  an event verb ("وقع", "أسفر", "نفذ") or to a concrete time with a place or a
  means, and not the object of a condemnation, a plan or a denial.

The anchors must include one that tells what happened (means, casualty, victims,
object, armed agent, the actor's own claim "قالت إنها ضربت"). A trigger late in
the sentence needs one anchor more; a verb that describes an attack noun
("هجوم انتحاري استهدف") or a noun inside a phrase ("بعد يوم من مقتل 16 شخصا في
هجوم") shares that phrase's status; demonstratives ("هذا الهجوم") and releases
("أفرج عن ... اختطفوا") mark attacks already told.

The words are data: generator/lexicons/strikes.yaml, validated on load here
(errors name the file, line and entry). Present-tense verbs are not triggers:
they tell habits ("تشن هجمات") or plans, not events.

    detect_strike(sentence) -> StrikeCue | None
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import LexiconError
from ..normalize import fold, stems, tokens
from .. import yamlio

LEXICON_PATH = Path(__file__).resolve().parent.parent / "lexicons" / "strikes.yaml"


@dataclass(frozen=True)
class StrikeCue:
    trigger: str  # the trigger word as written
    start: int  # character offsets of the trigger in the original sentence
    end: int
    means: tuple[str, ...]  # labels of the means named in the sentence ("صواريخ", "عبوة ناسفة")
    passive: bool  # told without the attacker as subject (قُتل، تعرض لهجوم، انفجار)
    planned: bool  # threatened or intended; detect_strike returns None for those, so always False


# --- the lexicon ----------------------------------------------------------------

SUBJECT_ENDINGS = ("", "ت", "وا", "ا", "تا", "ن", "نا")
OBJECT_ENDINGS = ("ه", "ها", "هم", "هما", "هن")
NOT_EVENT_KINDS = ("negation", "intent", "conditional", "condemn", "judicial", "background",
                   "release", "demonstrative", "generic", "relative")
VERB_FIELDS = {"id", "past", "present", "passive", "needs_after", "needs_any", "not_next", "window",
               "relative_ok", "transitive", "masdar_like"}
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


@dataclass(frozen=True)
class Lexicon:
    tags: dict  # folded word -> frozenset of set names it belongs to (sets and not_events)
    verbs: dict  # folded verb form -> (Rule, is_passive_form)
    nouns: dict  # folded noun form -> (Rule, has a possessive pronoun)
    means: dict  # first folded word -> tuple of (tuple of folded words, label)
    present: dict  # folded present/future form of a trigger verb -> verb id (never a report)
    digest_source: str


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
        window = entry.get("window", 4)
        if not isinstance(window, int) or isinstance(window, bool) or not 1 <= window <= 12:
            c.fail(where + ("window",), f"{label}: window must be a whole number from 1 to 12")
        not_next = c.words(entry["not_next"], where + ("not_next",), f"{label}.not_next") \
            if "not_next" in entry else []
        flags = {}
        for key, default in (("relative_ok", True), ("transitive", True), ("masdar_like", False)):
            flags[key] = entry.get(key, default)
            if not isinstance(flags[key], bool):
                c.fail(where + (key,), f"{label}: {key} must be true or false")
        return Rule(rid, kind, tuple(entry.get("needs_after") or ()), tuple(entry.get("needs_any") or ()),
                    frozenset(not_next), window, False, **flags)

    verbs: dict[str, tuple[Rule, bool, bool]] = {}
    present: dict[str, str] = {}
    owner: dict[str, str] = {}
    if not isinstance(data["verbs"], list) or not data["verbs"]:
        c.fail(("verbs",), "verbs: expected a list of verb entries")
    for i, entry in enumerate(data["verbs"]):
        r = rule(entry, ("verbs", i), "verb", VERB_FIELDS)
        past = entry.get("past")
        passive = entry.get("passive")
        if past is None or not isinstance(past, list):
            c.fail(("verbs", i), f"verbs.{r.id}: 'past' must be a list of past-tense stems (may be empty)")
        if not past and not passive:
            c.fail(("verbs", i), f"verbs.{r.id}: needs at least one stem in 'past' or 'passive'")
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
                   {k: tuple(v) for k, v in means.items()}, present, text)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return load_lexicon(LEXICON_PATH)


def rules_digest() -> str:
    """16 hex characters that change when the strike rules change."""
    return yamlio.digest(lexicon().digest_source + Path(__file__).read_text(encoding="utf-8"))


# --- reading one sentence ---------------------------------------------------------

_DIGITS = re.compile(r"^\d+$")
_QUESTION = re.compile(r"[?؟]\s*[\"»”)]*\s*$")
_STRONG = re.compile(r"[.:;؛]")
_BREAK = re.compile(r"[,،:;؛.()\"«»*ـ\-–—]")
EMPTY = frozenset()


class _Sentence:
    """Tokens of one sentence with, for each, its folded forms and the set names it is in."""

    __slots__ = ("text", "toks", "forms", "tags", "n")

    def __init__(self, text: str, lex: Lexicon):
        self.text = text
        self.toks = tokens(text)
        self.n = len(self.toks)
        self.forms = [stems(t.text) for t in self.toks]
        get = lex.tags.get
        tags = []
        for forms in self.forms:
            found = EMPTY
            for f in forms:
                t = get(f)
                if t:
                    found = found | t
            if _DIGITS.match(forms[0]):
                found = found | {"number", "digits"}
            tags.append(found)
        self.tags = tags

    def has(self, i: int, names) -> bool:
        if i < 0 or i >= self.n:
            return False
        t = self.tags[i]
        return any(n in t for n in names) if t else False

    def any_in(self, lo: int, hi: int, names) -> bool:
        lo, hi = max(lo, 0), min(hi, self.n)
        return any(self.has(j, names) for j in range(lo, hi))

    def anywhere(self, names, but: int = -1) -> bool:
        return any(self.has(j, names) for j in range(self.n) if j != but)

    def break_before(self, i: int) -> bool:
        """Punctuation between token i-1 and token i (or i is the first token)."""
        if i == 0:
            return True
        return bool(_BREAK.search(self.text, self.toks[i - 1].end, self.toks[i].start))


NEG = ("not:negation",)
INTENT = ("not:intent",)
COND = ("not:conditional",)
CONDEMN = ("not:condemn",)
JUDICIAL = ("not:judicial",)
BACKGROUND = ("not:background",)
RELEASE = ("not:release",)
DEMONSTRATIVE = ("not:demonstrative",)
TIME_UNIT = ("time_unit",)
OF = frozenset({"من", "على", "علي"})
GENERIC = ("not:generic",)
RELATIVE = ("not:relative",)
CASUALTY = ("casualty",)
TIME = ("time",)
PLACE = ("place",)
SOURCE = ("source",)
ARMED = ("armed",)
WEAPON = ("explosive", "projectile")
CLAUSE = ("clause_start",)
VICTIM = ("victim",)
VICTIM_OR_NUMBER = ("victim", "number")
VICTIM_OR_CASUALTY = ("victim", "casualty")
COUNT = ("number",)
NEAR = 10  # words around a trigger where its casualty, time and place are looked for
LONG = 40  # a sentence longer than this (in words) needs one more anchor: it is usually comment


def _blocked_before(s: _Sentence, i: int) -> bool:
    """Negation, intent or a condition just before the trigger: not an event."""
    return s.any_in(i - 3, i, NEG) or s.any_in(i - 4, i, INTENT) or s.any_in(i - 8, i, COND)


def _reference(s: _Sentence, i: int) -> bool:
    """The words before position i make what follows a reference to a past attack
    (after a condemnation, a trial, "غداة", "منذ"), not the report of one."""
    return (s.any_in(i - 5, i, CONDEMN) or s.any_in(i - 6, i, JUDICIAL)
            or _background(s, i) or s.any_in(0, i, RELEASE))


def _background(s: _Sentence, i: int) -> bool:
    """"عقب الهجوم", "بعد يوم من التفجير", "منذ اغتيال": the trigger names the earlier
    attack another story is dated by. "قبل يومين انفجرت" is only a time adverbial."""
    if s.has(i - 1, BACKGROUND):
        return True
    if s.has(i - 2, BACKGROUND) and not s.has(i - 1, TIME_UNIT):
        return True
    # "بعد ثلاثة أيام على الهجوم", "بعد يوم من مقتل"
    return i >= 1 and s.forms[i - 1][0] in OF and s.any_in(i - 4, i - 2, BACKGROUND)


def _verb_context(s: _Sentence, i: int, lex: Lexicon) -> bool:
    """A bare form spelt like a verbal noun (قتل) is a verb where a clause begins,
    after its subject (a count or a victim: "شخصا قتل"), or after و/ف not
    coordinating two verbal nouns ("خطف وقتل")."""
    key = s.forms[i][0]
    if key[:1] in "وف" and key[1:] in lex.verbs:
        prev = s.forms[i - 1] if i > 0 else ()
        return not any(f in lex.nouns or f in lex.verbs for f in prev)
    return s.break_before(i) or s.has(i - 1, CLAUSE) or s.has(i - 1, VICTIM_OR_NUMBER)


def _verb_ok(s: _Sentence, i: int, rule: Rule, bare: bool, lex: Lexicon) -> bool:
    if i + 1 < s.n and s.forms[i + 1][0] in rule.not_next:
        return False
    if rule.masdar_like and bare and not _verb_context(s, i, lex):
        return False
    if rule.needs_after and not s.any_in(i + 1, i + 1 + rule.window, rule.needs_after):
        return False
    if rule.needs_any and not s.anywhere(rule.needs_any, but=i):
        return False
    if _blocked_before(s, i) or _reference(s, i) or _points_back(s, i, lex):
        return False
    if s.has(i - 1, RELATIVE):
        # "الذي اغتيل", "الهجوم الذي نفذه": a relative clause describes a person or an
        # attack already known. It reports one only when it names the armed agent
        # and the target: "العملية التي نفذتها القوات ... ضد جماعة".
        if not rule.relative_ok or _reference(s, i - 1):
            return False
        if not (s.any_in(i + 1, i + 3, ARMED) and s.any_in(i + 1, i + 8, ("against",))):
            return False
    return True


def _noun_ok(s: _Sentence, i: int, rule: Rule, definite: bool, lex: Lexicon) -> bool:
    if definite:
        return False  # "الهجوم", "هجومها": an attack already known, referred to
    if _purpose(s.forms[i]) or s.has(i - 1, RELATIVE):
        return False  # "انتقاما لتفجير", "عرضة لهجمات"; after الذي the word is a verb
    if rule.needs_after and not s.any_in(i + 1, i + 1 + rule.window, rule.needs_after):
        return False
    if _blocked_before(s, i) or _reference(s, i) or _present_near(s, i, lex):
        return False
    if _event_before(s, i, lex, _described):
        return False  # "بعد يوم من مقتل 16 شخصا في هجوم": the phrase the noun belongs to is a reference
    if s.any_in(i - 2, i, GENERIC) or s.anywhere(JUDICIAL):
        return False
    if s.has(i - 1, COUNT) and not rule.needs_after:
        return False  # "140 هجوما": a count of attacks, a statistic
    return True


def _points_back(s: _Sentence, i: int, lex: Lexicon) -> bool:
    """A demonstrative and an attack or explosive noun around the verb ("قتلوا في هذا
    الهجوم", "نفذ هذان الهجومان", "واحدة من تلك العبوات انفجرت"): details of an attack
    already told."""
    for j in range(max(i - 4, 0), min(i + 4, s.n - 1)):
        if s.has(j, DEMONSTRATIVE) and (_noun_at(s.forms[j + 1], lex) is not None
                                        or s.has(j + 1, WEAPON)):
            return True
    return False


def _head_noun(s: _Sentence, i: int, lex: Lexicon) -> int:
    """Position of the attack noun a verb describes as an indefinite relative
    clause ("هجوم انتحاري استهدف ...", "غارة شنتها ..."), or -1."""
    for j in range(i - 1, max(i - HEAD_SPAN, 0) - 1, -1):
        if s.break_before(j + 1):
            return -1
        if _noun_at(s.forms[j], lex) is not None:
            return j
    return -1


def _head_ok(s: _Sentence, i: int, lex: Lexicon) -> bool:
    """A verb that describes an attack noun is a report only where the noun is."""
    j = _head_noun(s, i, lex)
    if j < 0:
        return True
    rule, definite = _noun_at(s.forms[j], lex)
    return definite or _noun_ok(s, j, rule, definite, lex)


def _event_before(s: _Sentence, i: int, lex: Lexicon, test) -> bool:
    """test() on the nearest casualty or attack word before position i in the same
    clause ("مقتل 16 شخصا في هجوم"): a noun phrase shares its head's status."""
    for k in range(i - 1, max(i - NEAR, 0) - 1, -1):
        if _strong_break(s, k + 1):
            return False
        if s.has(k, CASUALTY) or _noun_at(s.forms[k], lex) is not None:
            return test(s, k)
    return False


def _described(s: _Sentence, k: int) -> bool:
    """The word at k is a reference ("بعد يوم من مقتل") or opens a relative clause
    about a person ("الذي قتل في انفجار")."""
    return _reference(s, k) or s.has(k - 1, RELATIVE)


def _strong_break(s: _Sentence, i: int) -> bool:
    """A full stop, a semicolon or a colon before token i."""
    return bool(_STRONG.search(s.text, s.toks[i - 1].end, s.toks[i].start)) if i > 0 else True


def _present_near(s: _Sentence, i: int, lex: Lexicon, span: int = 3) -> bool:
    """A present or future form of an attack verb next to position i ("تشن هجمات",
    "ستتعرض لهجوم", "هجوما سينفذ"): a habit or a prediction."""
    for j in range(max(i - span, 0), min(i + span + 1, s.n)):
        key = s.forms[j][0]
        if key in lex.present or (key[:1] in "وف" and key[1:] in lex.present):
            return True
    return False


def _purpose(forms: tuple) -> bool:
    """The verbal noun carries the preposition ل (not لل = ل + ال): purpose or
    reference ("لتنفيذ هجوم", "انتقاما لتفجير")."""
    w = forms[0][1:] if forms[0][:1] in "وف" and len(forms[0]) > 3 else forms[0]
    return w[:1] == "ل" and not w.startswith("لل") and len(w) > 3


def _definite(forms: tuple, matched: str, possessive: bool) -> bool:
    return possessive or any(f == "ال" + matched for f in forms)


def _anchors(s: _Sentence, i: int, means: tuple, own: bool) -> set[str]:
    """Concrete details that make a trigger the report of one attack: the means,
    a casualty or a count of victims near it, a time and a place near it, the
    armed agent next to it, a source; `own` = the trigger's own object condition
    held ("ضربت قواعد")."""
    lo, hi = max(i - NEAR, 0), min(i + NEAR + 1, s.n)
    found = set()
    if means:
        found.add("means")
    if s.any_in(lo, i, CASUALTY) or s.any_in(i + 1, hi, CASUALTY):
        found.add("casualty")
    if any(s.has(j, COUNT) and (s.has(j + 1, VICTIM) or s.has(j + 2, VICTIM)) for j in range(lo, hi)):
        found.add("count")
    if s.any_in(lo, hi, TIME):
        found.add("time")
    if s.any_in(lo, hi, PLACE):
        found.add("place")
    if s.anywhere(SOURCE):
        found.add("source")
    if s.any_in(i - 3, i, ARMED) or s.any_in(i + 1, i + 4, ARMED):
        found.add("agent")
    if own:
        found.add("object")
    if i > 0 and s.forms[i - 1][0] in CLAIMS:
        found.add("claim")
    return found


def _weight(found: set[str]) -> float:
    """The anchors' weight; 0 when none tells what happened (the means, a casualty,
    a count of victims, the object): a time, a place and a source alone frame
    background as well as news."""
    if not found & SUBSTANCE:
        return 0
    return sum(ANCHOR_WEIGHTS.get(a, 0) for a in found)


def _verb_passive(s: _Sentence, i: int, rule: Rule, passive_form: bool) -> bool:
    if passive_form or rule.passive:
        return True
    # unvocalised قتل/خطف: passive when a victim or a count follows directly ("قتل 20 شخصا")
    return s.has(i + 1, VICTIM_OR_NUMBER)


def _means(s: _Sentence, lex: Lexicon) -> tuple[str, ...]:
    found: list[str] = []
    i = 0
    while i < s.n:
        step = 1
        for f in s.forms[i]:
            for words, label in lex.means.get(f, ()):
                if i + len(words) <= s.n and all(words[j] in s.forms[i + j] for j in range(1, len(words))):
                    if label not in found:
                        found.append(label)
                    step = max(step, len(words))
                    break
        i += step
    return tuple(found)


def _verb_at(forms: tuple, lex: Lexicon):
    key = forms[0]
    hit = lex.verbs.get(key)
    if hit:
        return hit
    if len(key) > 3 and key[0] in "وف":
        return lex.verbs.get(key[1:])
    return None


def _noun_at(forms: tuple, lex: Lexicon):
    for f in reversed(forms):  # the barest form first: "والهجوم" → "هجوم"
        hit = lex.nouns.get(f)
        if hit:
            return hit[0], _definite(forms, f, hit[1])
    return None


def detect_strike(sentence: str) -> StrikeCue | None:
    """The cue of an attack the sentence reports, or None when it only mentions violence."""
    if not sentence or not sentence.strip():
        return None
    lex = lexicon()
    s = _Sentence(sentence, lex)
    if s.n == 0 or _QUESTION.search(sentence) or any(s.forms[j][0] == "هل" for j in range(min(3, s.n))):
        return None
    verbs, nouns = [], []
    for i in range(s.n):
        verb = _verb_at(s.forms[i], lex) if not s.toks[i].text.endswith("ة") else None
        if verb is not None and _verb_ok(s, i, verb[0], verb[2], lex) and _head_ok(s, i, lex):
            verbs.append((i, verb))
        noun = _noun_at(s.forms[i], lex)
        if noun is not None and _noun_ok(s, i, noun[0], noun[1], lex):
            nouns.append(i)
    if not verbs and not nouns:
        return None
    means = _means(s, lex)
    extra = LONG_EXTRA if s.n > LONG else 0
    start = _content_start(s)
    for i, (rule, passive_form, _bare) in verbs:
        late = LATE_EXTRA if i - start >= LATE else 0
        if _weight(_anchors(s, i, means, bool(rule.needs_after))) >= VERB_ANCHORS + extra + late:
            t = s.toks[i]
            return StrikeCue(t.text, t.start, t.end, means, _verb_passive(s, i, rule, passive_form), False)
    for i in nouns:
        late = LATE_EXTRA if i - start >= LATE else 0
        if _weight(_anchors(s, i, means, False)) >= NOUN_ANCHORS + extra + late:
            t = s.toks[i]
            return StrikeCue(t.text, t.start, t.end, means, True, False)
    return None


HEAD_SPAN = 3  # words back from a verb to the attack noun it may describe ("هجوم انتحاري استهدف")
# "قالت إنها ضربت", "أعلن أنه استهدف": the actor tells its own attack
CLAIMS = frozenset(fold(w) for w in ("انه", "انها", "انهم", "أنه", "أنها", "أنهم", "إنه", "إنها", "إنهم",
                                     "بانه", "بأنه", "بانها", "بأنها", "بأنهم"))
# Anchors that tell what happened; without one, a time, a place and a source are not enough.
SUBSTANCE = frozenset({"means", "casualty", "count", "object", "agent", "claim"})
# A trigger 12+ words after the start of the reported content (after "قال ... إن")
# is usually in a side clause (background, comment): it needs one more anchor.
LATE = 12
LATE_EXTRA = 1
COMPLEMENTIZERS = frozenset(fold(w) for w in ("ان", "أن", "إن", "انه", "انها", "أنه", "أنها", "إنه", "إنها",
                                              "بان", "بأن", "بانه", "بأنه", "بانها", "بأنها"))


def _content_start(s: _Sentence) -> int:
    """Where the reported content begins: after the first complementizer of the first 12 words."""
    for j in range(min(12, s.n)):
        if s.forms[j][0] in COMPLEMENTIZERS:
            return j + 1
    return 0


VERB_ANCHORS = 2
NOUN_ANCHORS = 3
LONG_EXTRA = 1
ANCHOR_WEIGHTS = {"means": 1, "casualty": 1, "count": 1, "time": 1, "place": 1, "source": 1, "object": 1, "agent": 0, "claim": 1}

