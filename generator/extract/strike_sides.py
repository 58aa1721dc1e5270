"""Who struck whom when the sentence does not say it plainly: helpers of attacks.py.

- a later claim of an attack already told ("وتبنت حركة X الهجوم") gives that attack
  its attacker (_claim_earlier);
- "التنظيم", "الجماعة", "الحركة" stand for the group named last with that head
  (_anaphor_near); the armed men of a side ("مسلحون من حركة X", "مسلحو الحركة",
  _armed_men_of); the agent of a verb describing the attack noun ("هجوم شنه X",
  "مسيرات أطلقتها X", _described_by); a partner of the attacker ("بالاشتراك مع X");
- where the attack struck: a place then a direction and the country ("على مدينة إيلات
  جنوبي إسرائيل", _place_country), the state's police or soldiers as the object
  (_state_object).
"""
from __future__ import annotations

from ..normalize import bare
from .clauses import View
from .mentions import Mention

ARMED = ("country", "organization", "group")

# the armed men of a side: "هاجم مسلحون من X", "مسلحو الحركة", "عناصر من تنظيم X"
ARMED_MEN = ("مسلحون", "مسلحين", "مسلحو", "مسلحي", "عناصر", "مقاتلون", "مقاتلين", "مقاتلو", "مقاتلي", "افراد",
             "المسلحون", "المسلحين", "انتحاريون", "انتحاريين", "مهاجمون", "مهاجمين")
NOMINATIVE_MEN = ("مسلحون", "مسلحو", "مقاتلون", "مقاتلو", "المسلحون", "انتحاريون", "مهاجمون")
# a verb describing the attack noun before it: "هجوم شنه X", "قذائف أطلقها X", "مسيرات أطلقتها X"
DESCRIBING = ("شنه", "شنها", "شنته", "شنتها", "شنوه", "نفذه", "نفذها", "نفذته", "نفذتها", "نفذوه", "اطلقه",
              "اطلقها", "اطلقته", "اطلقتها", "اطلقوها", "اطلقوه")
# a partner of the attacker: "قواتها، بالاشتراك مع القوات البريطانية، ضربت"
PARTNER_WORDS = ("بالاشتراك", "بالتعاون", "بمشاركه", "بالتنسيق")
# what a struck base or site hosts or serves: "قاعدة … التي تستضيف قوات أميركية", "مطار … الذي تستخدمه X"
HOST_WORDS = ("تستضيف", "يستضيف", "تضم", "يضم", "تتمركز", "يتمركز", "تستخدمه", "تستخدمها", "يستخدمه", "يستخدمها",
              "تسيطر", "يسيطر")
# a claim of an attack already told: "تبنت X الهجوم", "أعلنت X مسؤوليتها عن التفجير"
CLAIM_VERBS = ("تبنت", "تبني", "تبنوا", "تبنيا", "تبنتا", "مسووليتها", "مسووليته", "مسووليتهم")
TOLD_ATTACKS = ("الهجوم", "الهجومين", "الهجمات", "التفجير", "التفجيرين", "التفجيرات", "العمليه", "الاعتداء",
                "الاغتيال", "القصف", "الهجوم،")
CLAIM_BACK = 3  # sentences back to the attack a later claim names
# the people hit, as members of a force named right after them ("منتسبي الجيش")
MEMBERS_OF = ("منتسبي", "منتسبين")
# the attacker's ally named after it ("حركة X المرتبطة بتنظيم القاعدة"): not a target
ALLIED = ("المرتبطه", "المرتبط", "المواليه", "الموالي", "المدعومه", "المدعوم", "المقربه", "المقرب", "مرتبطه")
# a military base may host another state's forces: its country is not the state struck
BASES = ("قاعده", "قاعدتي", "القاعده", "قواعد")
DESCRIBED_SPAN = 30  # words from an attack or casualty word to the verb describing it ("شنه X")
DIRECTIONS = ("جنوبي", "شمالي", "شرقي", "غربي", "جنوب", "شمال", "شرق", "غرب", "وسط", "اقصي")
# what a group or an unknown attacker struck that belongs to the state the story is set in
STATE_OBJECTS = ("مركزا", "مركز", "للشرطه", "الشرطه", "شرطيين", "شرطيا", "جنود", "جنديا", "جنديين", "حاجزا",
                 "حاجز", "ثكنه", "معسكر", "دوريه", "نقطه", "عناصر", "افراد")
# the head word of an anaphor and of the group names it may stand for
HEADS = {"التنظيم": "تنظيم", "الجماعه": "جماعه", "الحركه": "حركه", "الميليشيا": "ميليشيا", "الفصيل": "فصيل"}
# places and sites struck, before the nationality that tells whose they are ("مدن أوكرانية")
PLACE_NOUNS = ("مدن", "مدينه", "قري", "قريه", "بلدات", "بلده", "مناطق", "منطقه", "مواقع", "اهداف", "منشات",
               "قواعد", "مراكز", "مقرات", "احياء", "اراضي", "الاراضي", "بنيه")


def _sentence_of(facts) -> dict:
    """id(strike) -> index of its sentence, for the article being read."""
    found = getattr(facts, "strike_sentences", None)
    if found is None:
        found = facts.strike_sentences = {}
    return found


def _claim_earlier(s, v: View, facts) -> None:
    """"وتبنت حركة X الهجوم": a claim of an attack told in the sentences just before
    gives that attack, told without its attacker, its attacker."""
    claimant = None
    for k in range(v.n):
        key = v.words[k].key.lstrip("وف")
        if key not in CLAIM_VERBS or v.modal_before(k, "negation") or v.blocked(k):
            continue
        if not any(v.words[j].key.lstrip("و") in TOLD_ATTACKS for j in range(k + 1, min(v.n, k + 12))):
            continue
        ms = v.subject_after(k + 1, ARMED, gap=2) or v.subject_before(k, ARMED, gap=3)
        claimant = ms[0] if ms else _anaphor_near(v, k + 1, k + 3, facts)
        if claimant is not None:
            break
    if claimant is None or not claimant.eid:
        return
    at = _sentence_of(facts)
    changed = False
    for idx in range(len(facts.strikes) - 1, -1, -1):
        old = facts.strikes[idx]
        if at.get(id(old), -99) < s.index - CLAIM_BACK:
            break
        if old.attacker is None:
            targets = [x for x in old.targets if x != claimant.eid]
            if not targets and old.place and old.place != claimant.eid and claimant.kind == "group":
                targets = [old.place]  # "… في العاصمة الصومالية مقديشو": the state struck
            new = old.model_copy(update={"attacker": claimant.eid, "targets": targets})
            facts.strikes[idx] = new
            at[id(new)] = at[id(old)]
            changed = True
    if changed:
        facts.use([claimant])


def _anaphor_near(v: View, lo: int, hi: int, facts, own=()) -> Mention | None:
    """"التنظيم", "الجماعة", "للحركة" in words lo..hi: the group named last whose name has
    that head ("الحركة" → "حركة الشباب", not "تنظيم القاعدة" named after it), else the last one."""
    for k in range(max(0, lo), min(v.n, hi)):
        key = v.words[k].key.lstrip("وف")
        if key.startswith("لل"):
            key = "ال" + key[2:]
        elif key.startswith(("بال", "كال")):
            key = key[1:]
        if key not in HEADS:
            continue
        here = [m for m in v.actors if m.kind == "group" and m.end <= k]
        here_eids = {m.eid for m in here}
        groups = [g for g in facts.recent_groups if g.eid not in here_eids] + here
        groups = [g for g in groups if g.eid and g.eid not in own]
        if not groups:
            return None
        head = HEADS[key]
        for g in reversed(groups):
            known = facts.lex.groups.get(g.eid)
            names = [known.name, *known.aliases] if known else [g.name or ""]
            if any(fold_key(n).startswith(head) for n in names):
                return g
        return groups[-1]
    return None


def fold_key(name: str) -> str:
    return bare(name) if name else ""


def _armed_men_of(v: View, k: int, facts, subject_only: bool = False) -> Mention | None:
    """"مسلحون من حركة X", "عناصر من عصابات داعش", "مسلحو الحركة" at word k: their side.
    subject_only: right after a verb, only the nominative forms (not "استهدفت مسلحين من X")."""
    if k >= v.n or v.words[k].key.lstrip("و") not in (NOMINATIVE_MEN if subject_only else ARMED_MEN):
        return None
    j = k + 1
    while j < v.n and v.words[j].key in ("مجهولون", "مجهولين", "ملثمون", "ملثمين"):
        j += 1
    if j < v.n and v.words[j].key == "من":  # "عناصر من عصابات داعش": a word may stand before the name
        found = next((m for m in v.actors if j + 1 <= m.start <= j + 2 and m.kind in ARMED), None)
        if found is not None:
            return found
    return _anaphor_near(v, k + 1, k + 2, facts)


def _described_by(v: View, t: int, facts) -> Mention | None:
    """The agent of a verb describing the attack noun ("بهجوم شنه عناصر من X", "هجوم شنه
    مسلحون من X … ما أسفر عن مقتل"): the nearest such verb after the trigger, else before it."""
    strong = ".:;؛"
    for forward in (True, False):
        span = range(t + 1, min(v.n, t + DESCRIBED_SPAN)) if forward else range(t - 1, max(-1, t - DESCRIBED_SPAN), -1)
        for k in span:
            if any(ch in strong for ch in v.words[k if forward else k + 1].pre):
                break
            if v.words[k].key.lstrip("و") in DESCRIBING:
                ms = v.subject_after(k + 1, ARMED, gap=1)
                found = ms[0] if ms else _armed_men_of(v, k + 1, facts)
                if found is not None:
                    return found
                break
    return None


def _partner(v: View, m: Mention) -> bool:
    """"بالاشتراك مع X", "بمشاركة X": X joined the attack, it did not lead it."""
    lo = max(0, m.start - 2)
    return any(v.words[k].key.lstrip("و") in PARTNER_WORDS for k in range(lo, m.start))


def _state_object(v: View, t: int, end: int) -> bool:
    """The attack's object, within a few words after the trigger, is the state's police,
    soldiers or posts ("مركزا للشرطة", "شرطيين", "حاجزا")."""
    return any(v.words[k].key.lstrip("و") in STATE_OBJECTS for k in range(t + 1, min(end, t + 9)))


def _place_country(v: View, t: int, end: int, target: bool = True) -> str | None:
    """The country the attack took place in: "في العاصمة الصومالية", "في مدينة حلب", or a
    place then a direction and the country ("على مدينة إيلات جنوبي إسرائيل")."""
    place = v.place_after(t, end)
    if place:
        return place
    for m in v.all:
        if m.kind == "country" and m.how == "name" and t < m.start < end and m.start > 0 and \
                v.words[m.start - 1].key in DIRECTIONS:
            if target and any(v.words[k].key.lstrip("وب") in BASES for k in range(t + 1, m.start)):
                return None  # "على قاعدة البرج 22 شمال شرقي الأردن": a base may host another state's forces
            return m.eid
    return None
