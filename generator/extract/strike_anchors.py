"""Where a strike trigger stands in its sentence, and who claims it.

Helpers of strikes.py (detect_strike), on its tokenised sentence view:

- the lexicon's tag sets the rules ask for (NEG, RELATIVE, CASUALTY, …);
- where a trigger stands: after a negation, intent or condition
  (_blocked_before), in a reference to an earlier attack (_reference,
  _background), among words pointing back to an attack already told
  (_points_back); the attack verb or noun at a position (_verb_at, _noun_at);
- the actor's claim and the verb's subject and object: "أعلنت الكتائب
  مسؤوليتها عن قصف" (_claimed), "أعلن الجيش استهداف مواقع" (_announced),
  "تبنت الجماعة هجوما" (_claim_told), "قصفت إسرائيل مواقع" (_subject,
  _object_after), where the reported content begins (_content_start).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..normalize import fold
from .strike_rules import Lexicon, Rule, lexicon

if TYPE_CHECKING:
    from .strikes import _Sentence


# --- the lexicon's tag sets, as the rules ask for them ---------------------------

ACTOR = ("actor",)
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
DUAL = ("dual_victim",)
ARMED_SIDE = ("armed", "actor")
UNKNOWN_AGENT = ("unknown_agent",)
LIGHT = ("light_verb",)


# --- where a trigger stands -----------------------------------------------------

_STRONG = re.compile(r"[.:;؛]")


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


def _strong_break(s: _Sentence, i: int) -> bool:
    """A full stop, a semicolon or a colon before token i."""
    return bool(_STRONG.search(s.text, s.toks[i - 1].end, s.toks[i].start)) if i > 0 else True


def _definite(forms: tuple, matched: str, possessive: bool) -> bool:
    return possessive or any(f == "ال" + matched for f in forms)


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


def _points_back(s: _Sentence, i: int, lex: Lexicon) -> bool:
    """A demonstrative and an attack or explosive noun around the verb ("قتلوا في هذا
    الهجوم", "نفذ هذان الهجومان", "واحدة من تلك العبوات انفجرت"): details of an attack
    already told."""
    for j in range(max(i - 4, 0), min(i + 4, s.n - 1)):
        if s.has(j, DEMONSTRATIVE) and (_noun_at(s.forms[j + 1], lex) is not None
                                        or s.has(j + 1, WEAPON)):
            return True
    return False


# --- claims, subjects and objects -----------------------------------------------

# "قالت إنها ضربت", "أعلن أنه استهدف": the actor tells its own attack
CLAIMS = frozenset(fold(w) for w in ("انه", "انها", "انهم", "أنه", "أنها", "أنهم", "إنه", "إنها", "إنهم",
                                     "بانه", "بأنه", "بانها", "بأنها", "بأنهم"))
COMPLEMENTIZERS = frozenset(fold(w) for w in ("ان", "أن", "إن", "انه", "انها", "أنه", "أنها", "إنه", "إنها",
                                              "بان", "بأن", "بانه", "بأنه", "بانها", "بأنها"))
SUBJECT_SPAN = 5  # actor words in a row before the verb ("مسيرات تركية", "قوات الدعم السريع")
TOPIC_SPAN = 16  # words from the reported content's first word to its verb
OBJECT_SPAN = 6  # words after the verb where its object is looked for


def _content_start(s: _Sentence) -> int:
    """Where the reported content begins: after the first complementizer of the first 12 words."""
    for j in range(min(12, s.n)):
        if s.forms[j][0] in COMPLEMENTIZERS:
            return j + 1
    return 0


def _subject(s: _Sentence, i: int, start: int) -> str | None:
    """The verb's explicit attacker: "قصفت إسرائيل", "شنت القوات الأميركية" (after the
    verb, "after"), "مسيرات تركية قصفت", "إن قوات طالبان داهمت" (a run of actor words
    just before it that opens its clause, "before"), or the actor that opens the
    reported content ("قالت القيادة إن القوات الأميركية، بدعم من …، ضربت": "topic")."""
    if s.has(i - 1, RELATIVE):
        return None  # "الهجوم الذي نفذته حركة": the attacker of an attack already known
    if i + 1 < s.n and not s.break_before(i + 1) and s.actor(i + 1) and \
            (not s.has(i + 1, VICTIM) or s.has(i + 2, UNKNOWN_AGENT)):
        return "after"
    j = i - 1
    while j >= 0 and i - j <= SUBJECT_SPAN and s.actor(j) and not s.break_before(j + 1):
        j -= 1
    if j < i - 1 and (j < 0 or s.break_before(j + 1) or s.has(j, CLAUSE) or s.forms[j][0] in COMPLEMENTIZERS):
        return "before"
    if 0 < start < i <= start + TOPIC_SPAN and s.break_before(i) and s.actor(start) and not _verb_between(s, start, i):
        return "topic"
    return None


def _verb_between(s: _Sentence, lo: int, hi: int) -> bool:
    """Another attack or light verb between lo and hi: the topic is its subject, not hi's."""
    lex = lexicon()
    return any(_verb_at(s.forms[j], lex) is not None or s.has(j, LIGHT) for j in range(lo + 1, hi))


def _object_after(s: _Sentence, i: int) -> bool:
    """What the verb struck, within a few words after it in the same clause ("قصفت إسرائيل مواقع")."""
    for j in range(i + 1, min(i + 1 + OBJECT_SPAN, s.n)):
        if _strong_break(s, j):
            return False
        if s.has(j, TARGET):
            return True
    return False


RESPONSIBILITY = ("responsibility",)
AGAINST = ("against",)
CLAIM_VERB = ("claim_verb",)
TARGET = ("target_noun",)
ABOUT = frozenset({"عن"})
CLAIM_REACH = 16  # words from "تبنت" to the attack noun it claims, across an aside about the claimant
CLAIM_SPAN = 10  # words from "أعلن" to the verbal noun it announces ("أعلن المتحدث … العميد X، استهداف سفينة")


def _claimed(s: _Sentence, i: int, lex: Lexicon):
    """"أعلنت الكتائب مسؤوليتها عن قصف تجمعات": an attack noun or verbal noun right
    after "مسؤوليته عن" is claimed by its attacker, even when definite ("عن الهجوم").
    Returns the rule to check it by (as a verb), or None."""
    if i < 2 or s.forms[i - 1][0] not in ABOUT:
        return None
    r = next((k for k in (i - 2, i - 3) if s.has(k, RESPONSIBILITY)), None)
    if r is None or _blocked_before(s, r) or _reference(s, r) or s.any_in(r - 6, r, NEG) or s.anywhere(JUDICIAL):
        return None  # not "نفى مسؤوليته عن", nor a charge ("اعتقال عشرة ... مسؤوليتهم عن تفجيرات")
    if any(f.startswith("ال") for f in s.forms[i]) and not _told_in_full(s, i, lex):
        return None  # "مسؤوليتها عن التفجير": the claim of an attack already told
    rule = next((lex.verbal_nouns[f] for f in s.forms[i] if f in lex.verbal_nouns), None)
    if rule is not None and _conditions(s, i, rule):
        return rule, False, False
    noun = _noun_at(s.forms[i], lex)
    if noun is None or noun[0].needs_after and not s.any_in(i + 1, i + 1 + noun[0].window, noun[0].needs_after):
        return None
    if noun[1] and not _told_in_full(s, i, lex):
        return None
    return noun[0], False, False


def _claim_told(s: _Sentence, i: int, rule: Rule, lex: Lexicon) -> bool:
    """"تبنت الجماعة هجوما", "تبنت الهجوم بطائرة مسيرة على قاعدة": the claimed attack
    is new or told in full, not "تبنت الحركة الهجوم الذي وقع"."""
    for j in range(i + 1, min(i + 1 + max(rule.window, CLAIM_REACH), s.n)):
        if j > i + rule.window and (_strong_break(s, j) or _verb_at(s.forms[j], lex) is not None):
            return False  # past the window only across an aside ("تبنت X، وهي تحالف …، هجوما")
        noun = _noun_at(s.forms[j], lex)
        if noun is not None and j > i + rule.window and not _detailed(s, j, lex):
            return False  # "تبنت منظمة …، اعتداءات مومباي": the claim of attacks known by name
        if noun is not None:
            return not noun[1] or _told_in_full(s, j, lex)
    return False


def _detailed(s: _Sentence, j: int, lex: Lexicon) -> bool:
    """The attack noun at j is told with its means or its target right after it
    ("هجوما بطائرات مسيرة", "هجوما على قاعدة")."""
    for k in range(j + 1, min(j + 3, s.n)):
        if any(f in lex.means for f in s.forms[k]) or s.has(k, AGAINST):
            return True
    return False


def _told_in_full(s: _Sentence, i: int, lex: Lexicon) -> bool:
    """A definite attack noun with its means right after it and its target after
    على/ضد ("الهجوم بطائرة مسيرة على قاعدة …"): the attack is told, not referred to."""
    means = any(s.forms[k][0][:1] == "ب" and any(f in lex.means for f in s.forms[k])
                for k in range(i + 1, min(i + 3, s.n)))
    if not means:
        return False
    for k in range(i + 2, min(i + 1 + OBJECT_SPAN, s.n - 1)):
        if _strong_break(s, k):
            return False
        if s.has(k, AGAINST) and (s.has(k + 1, TARGET) or s.site(k + 1) or s.actor(k + 1)):
            return True
    return False


def _conditions(s: _Sentence, j: int, rule: Rule) -> bool:
    """The verb rule's own conditions, checked at a verbal noun standing for it."""
    if j + 1 < s.n and s.forms[j + 1][0] in rule.not_next:
        return False
    if rule.needs_after and not s.any_in(j + 1, j + 1 + rule.window, rule.needs_after):
        return False
    if rule.not_any and s.anywhere(rule.not_any):
        return False
    return not (rule.needs_any and not s.anywhere(rule.needs_any, but=j))


def _announced(s: _Sentence, i: int, lex: Lexicon):
    """"أعلن الجيش استهداف مواقع", "أعلنت الجماعة، في بيان، قصف قاعدة": an announcing
    verb whose object is an attack verbal noun (bare: no preposition, no article),
    right after the verb, after a comma or after the announcer. Returns (position of
    the verbal noun, (rule, passive, bare)) or None."""
    if not s.has(i, CLAIM_VERB) or _blocked_before(s, i) or _reference(s, i) or s.has(i - 1, RELATIVE):
        return None
    for j in range(i + 1, min(i + 1 + CLAIM_SPAN, s.n)):
        if _strong_break(s, j):
            return None
        rule = lex.verbal_nouns.get(s.forms[j][0])
        if rule is None:
            continue
        if not (j == i + 1 or s.break_before(j) or s.actor(j - 1)):
            return None
        if not _conditions(s, j, rule) or _points_back(s, j, lex):
            return None
        return j, (rule, False, False)
    return None
