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

The words are data: generator/lexicons/strikes.yaml, read and validated by
strike_rules.py (errors name the file, line and entry). Present-tense verbs are not triggers:
they tell habits ("تشن هجمات") or plans, not events.

    detect_strike(sentence) -> StrikeCue | None
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import load_lexicons, variants
from ..normalize import fold, stems, tokens
from .strike_anchors import (ACTOR, ARMED, ARMED_SIDE, CASUALTY, CLAIMS, CLAUSE, COUNT, DUAL, GENERIC, JUDICIAL, LIGHT, PLACE, RELATIVE,
                             SOURCE, TIME, UNKNOWN_AGENT, VICTIM, VICTIM_OR_NUMBER, _announced, _blocked_before, _claim_told,
                             _claimed, _content_start, _noun_at, _object_after, _points_back, _reference,
                             _strong_break, _subject, _verb_at)
from .strike_rules import LEXICON_PATH, Lexicon, Rule, lexicon, load_lexicon, rules_digest

__all__ = ["StrikeCue", "detect_strike", "load_lexicon", "lexicon", "rules_digest", "LEXICON_PATH"]


@dataclass(frozen=True)
class StrikeCue:
    trigger: str  # the trigger word as written
    start: int  # character offsets of the trigger in the original sentence
    end: int
    means: tuple[str, ...]  # labels of the means named in the sentence ("صواريخ", "عبوة ناسفة")
    passive: bool  # told without the attacker as subject (قُتل، تعرض لهجوم، انفجار)
    planned: bool  # threatened or intended; detect_strike returns None for those, so always False


# --- reading one sentence ---------------------------------------------------------

_DIGITS = re.compile(r"^\d+$")
_QUESTION = re.compile(r"[?؟]\s*[\"»”)]*\s*$")
_BREAK = re.compile(r"[,،:;؛.()\"«»*ـ\-–—]")
EMPTY = frozenset()


class _Sentence:
    """Tokens of one sentence with, for each, its folded forms and the set names it is in."""

    __slots__ = ("text", "toks", "forms", "tags", "n", "_named")

    def __init__(self, text: str, lex: Lexicon, toks=None, forms=None):
        self.text = text
        self.toks = tokens(text) if toks is None else toks
        self.n = len(self.toks)
        self.forms = [stems(t.text) for t in self.toks] if forms is None else forms
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
        self._named = None

    def named(self) -> list[frozenset]:
        """Per token, what the gazetteer (countries, groups, organizations) says it
        belongs to: "actor" (a state, its capital, a group, a nationality adjective)
        and "site" (a state, a capital or a city). Built on first use."""
        if self._named is None:
            gaz = load_lexicons()
            keys = [t.key for t in self.toks]
            forms = [variants(k) for k in keys]
            marks = [set() for _ in keys]
            for j in range(self.n):
                for h in gaz.hits_at(keys, j, forms):
                    kind = NAMED_KINDS.get(h.cat)
                    if kind:
                        for k in range(j, min(j + h.n, self.n)):
                            marks[k].update(kind)
            self._named = [frozenset(m) for m in marks]
        return self._named

    def actor(self, i: int) -> bool:
        """An attacker word: a state, a group, a nationality adjective, an armed force."""
        return 0 <= i < self.n and ("actor" in self.named()[i] or self.has(i, ACTOR))

    def site(self, i: int) -> bool:
        """A named place told as a place: "في غزة", "بإدلب", "قرب حلب"."""
        if not 0 <= i < self.n or "site" not in self.named()[i]:
            return False
        key = self.toks[i].key
        return key[:1] == "ب" or key[:2] == "وب" or (i > 0 and self.forms[i - 1][0] in SITE_PREPOSITIONS)

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


# gazetteer categories (generator/lexicon.py) -> what they tell strike detection
NAMED_KINDS = {"name": ("actor", "site"), "capital": ("actor", "site"), "city": ("site",),
               "group": ("actor",), "group_needs_head": ("actor",), "adj": ("actor",)}
SITE_PREPOSITIONS = frozenset(fold(w) for w in ("في", "قرب", "داخل", "بمدينة", "بلدة", "مدينة", "محافظة", "ريف",
                                                "محيط", "شمال", "جنوب", "شرق", "غرب", "وسط", "على"))
NEAR = 8  # words around a trigger where its casualty, time and place are looked for
LONG = 40  # a sentence longer than this (in words) needs one more anchor: it is usually comment


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
    if rule.needs_after and not s.any_in(i + 1, i + 1 + rule.window, rule.needs_after) and \
            not _describes_noun(s, i, lex) and not (rule.claim and _claim_told(s, i, rule, lex)):
        return False
    if rule.needs_any and not s.anywhere(rule.needs_any, but=i):
        return False
    if rule.not_any and s.anywhere(rule.not_any):
        return False
    if rule.claim and not _claim_told(s, i, rule, lex):
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


OBJECT_PRONOUNS = ("ه", "ها", "هم")


def _describes_noun(s: _Sentence, i: int, lex: Lexicon) -> bool:
    """A verb with an object pronoun right after an attack noun it describes ("هجوم
    شنه مسلحون", "غارة نفذتها طائرات"): the noun is the object its rule asks for."""
    return s.forms[i][0].endswith(OBJECT_PRONOUNS) and _head_noun(s, i, lex) >= 0


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


def _anchors(s: _Sentence, i: int, means: tuple, own: bool, sites: bool = False) -> set[str]:
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
    if any(s.has(j, COUNT) and (s.has(j + 1, VICTIM) or s.has(j + 2, VICTIM)
                                or j + 1 < s.n and s.forms[j + 1][0] == "من" and s.has(j + 2, VICTIM) and s.has(j + 3, ARMED_SIDE))
           or s.has(j, DUAL) for j in range(lo, hi)):
        found.add("count")  # "مقتل أربعة من منتسبي الجيش", "قتل عنصران"

    if s.any_in(lo, hi, TIME):
        found.add("time")
    if s.any_in(lo, hi, PLACE) or sites and any(s.site(j) for j in range(lo, hi)):
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
    a count of victims, the agent, a claim): a time, a place, a source and the object alone frame
    background as well as news."""
    if not found & SUBSTANCE:
        return 0
    return sum(ANCHOR_WEIGHTS.get(a, 0) for a in found)


def _verb_passive(s: _Sentence, i: int, rule: Rule, passive_form: bool) -> bool:
    if passive_form or rule.passive:
        return True
    # unvocalised قتل/خطف: passive when a victim or a count follows directly ("قتل 20 شخصا"),
    # not when "unknown" marks them as the killers ("قتل مسلحون مجهولون شرطيين")
    return s.has(i + 1, VICTIM_OR_NUMBER) and not s.has(i + 2, UNKNOWN_AGENT)


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


LIGHT_SPAN = 6  # words from a light verb to its verbal noun ("قامت باكستان في اليوم التالي باستهداف")
PASSIVE_LIGHT = frozenset(fold(w) for w in ("تم", "جرى", "جرت"))


def _light_verb(s: _Sentence, i: int, lex: Lexicon):
    """"قامت X باستهداف …", "تم شن ضربة …": a light verb and, within a few words of
    the same clause, an attack verbal noun whose verb's conditions hold there. The
    light verb stands for the attack verb: (rule, passive form, bare)."""
    if not lex.verbal_nouns or not s.has(i, LIGHT):
        return None
    if _blocked_before(s, i) or _reference(s, i) or s.has(i - 1, RELATIVE):
        return None
    passive = s.forms[i][0] in PASSIVE_LIGHT or s.forms[i][0][1:] in PASSIVE_LIGHT
    for j in range(i + 1, min(i + 1 + LIGHT_SPAN, s.n)):
        if s.break_before(j):
            return None
        rule = next((lex.verbal_nouns[f] for f in s.forms[j] if f in lex.verbal_nouns), None)
        if rule is None:
            continue
        if passive and j != i + 1 or not passive and s.forms[j][0][:1] != "ب":
            return None  # "تم شن", "قامت … باستهداف"; not "تم عبر تفجير"
        if j + 1 < s.n and s.forms[j + 1][0] in rule.not_next:
            return None
        if rule.needs_after and not s.any_in(j + 1, j + 1 + rule.window, rule.needs_after):
            return None
        if rule.needs_any and not s.anywhere(rule.needs_any, but=j):
            return None
        if _points_back(s, j, lex) or not _head_ok(s, i, lex):
            return None
        return rule, passive, False
    return None


_TRIGGERS: dict[int, frozenset] = {}


def _trigger_words(lex: Lexicon) -> frozenset:
    """Every folded form that may start a cue (verb forms, noun forms, light and announcing
    verbs, verbal nouns)."""
    found = _TRIGGERS.get(id(lex))
    if found is None:
        light = {w for w, names in lex.tags.items() if "light_verb" in names or "claim_verb" in names}
        found = _TRIGGERS[id(lex)] = (frozenset(lex.verbs) | frozenset(lex.nouns) | frozenset(light)
                                      | frozenset(lex.verbal_nouns))
    return found


def detect_strike(sentence: str) -> StrikeCue | None:
    """The cue of an attack the sentence reports, or None when it only mentions violence."""
    if not sentence or not sentence.strip():
        return None
    lex = lexicon()
    toks = tokens(sentence)
    forms = [stems(t.text) for t in toks]
    triggers = _trigger_words(lex)
    if not any(f in triggers for fs in forms for f in fs):
        return None  # no attack verb, noun or light verb: most sentences of an article stop here
    s = _Sentence(sentence, lex, toks, forms)
    if s.n == 0 or _QUESTION.search(sentence) or any(s.forms[j][0] == "هل" for j in range(min(3, s.n))):
        return None
    verbs, nouns = [], []
    for i in range(s.n):
        verb = _verb_at(s.forms[i], lex) if not s.toks[i].text.endswith("ة") else None
        if verb is not None and _verb_ok(s, i, verb[0], verb[2], lex) and _head_ok(s, i, lex):
            verbs.append((i, i, verb, ()))
        noun = _noun_at(s.forms[i], lex)
        claimed = _claimed(s, i, lex)
        if claimed is not None:
            verbs.append((i, i, claimed, ("claim",)))
        elif noun is not None and _noun_ok(s, i, noun[0], noun[1], lex):
            nouns.append(i)
        light = _light_verb(s, i, lex)
        if light is not None:
            verbs.append((i, i, light, ()))
        told = _announced(s, i, lex)
        if told is not None:
            verbs.append((i, told[0], told[1], ("claim",)))
    if not verbs and not nouns:
        return None
    means = _means(s, lex)
    extra = LONG_EXTRA if s.n > LONG else 0
    start = _content_start(s)
    for i, at, (rule, passive_form, _bare), more in verbs:
        # with its attacker named, the verb's object and a named place tell the attack too
        subject = None if passive_form or rule.passive else _subject(s, i, start)
        passive = _verb_passive(s, i, rule, passive_form) and subject not in ("before", "topic")
        if passive:
            subject = None
        found = _anchors(s, at, means, bool(rule.needs_after) or bool(subject) and _object_after(s, at),
                         sites=bool(subject))
        found.update(more)
        if rule.claim:
            found.add("claim")
        if subject:
            found.add("subject")
        late = LATE_EXTRA if i - start >= LATE and subject != "topic" else 0
        if _weight(found) >= VERB_ANCHORS + extra + late:
            t = s.toks[i]
            return StrikeCue(t.text, t.start, t.end, means, passive, False)
    for i in nouns:
        late = LATE_EXTRA if i - start >= LATE else 0
        if _weight(_anchors(s, i, means, False)) >= NOUN_ANCHORS + extra + late:
            t = s.toks[i]
            return StrikeCue(t.text, t.start, t.end, means, True, False)
    return None
HEAD_SPAN = 3  # words back from a verb to the attack noun it may describe ("هجوم انتحاري استهدف")
# Anchors that tell what happened; without one, a time, a place and a source are not enough.
# The verb's own object ("ضربت قواعد") counts, but does not tell alone: "ضرب مواقع سياحية"
# is as often a plan or a charge as a report.
SUBSTANCE = frozenset({"means", "casualty", "count", "agent", "claim", "subject"})
# A trigger 8+ words after the start of the reported content (after "قال ... إن")
# is usually in a side clause (background, comment): it needs one more anchor.
LATE = 8
LATE_EXTRA = 1


VERB_ANCHORS = 2
NOUN_ANCHORS = 3
LONG_EXTRA = 1
ANCHOR_WEIGHTS = {"means": 1, "casualty": 1, "count": 1, "time": 1, "place": 1, "source": 1, "object": 1, "agent": 0, "claim": 1,
                  "subject": 1}
