"""Strikes: `strikes.detect_strike` says whether a sentence (or one of its
clauses) reports an attack; here its attackers, targets, place and date are
found among the sentence's actors.

Where detect_strike finds nothing, the extractor's own attack verbs
(triggers.yaml `strike_verbs`, "شنت … غارات") count only when the clause
names both an attacker and a target.

Attackers: the verb's subject ("قصفت X", "X قد استهدفت"), the agent ("من قبل X",
"نفذتها X"), the nationality of the weapon ("مسيرة تركية استهدفت"), the
claimant ("تبنت X الهجوم", "أعلنت X مسؤوليتها عن"), or the speaker when the
attack is reported in their words ("قالت X إنها ضربت", "إن قواتها شنت").
Coordinated attackers ("الولايات المتحدة وبريطانيا") give one strike each.
Targets: groups after the trigger, states and bodies marked as objects
("ضد X", "على X", "تابعة لـ X", the verb's direct object), the nationality of
the object ("سفينة إسرائيلية"), the subject of a passive ("تعرضت X لهجوم"), and
"التنظيم"/"الجماعة" standing for the group named last.
"""
from __future__ import annotations

import re

from ..model import Strike
from .clauses import COMPLEMENTIZERS, PRONOUN_CLAUSE, View
from .mentions import Mention
from .strike_sides import (
    ALLIED,
    ARMED_MEN,
    DESCRIBING,
    HOST_WORDS,
    MEMBERS_OF,
    PLACE_NOUNS,
    _anaphor_near,
    _armed_men_of,
    _claim_earlier,
    _described_by,
    _partner,
    _place_country,
    _sentence_of,
    _state_object,
)
from .strikes import detect_strike

ARMED = ("country", "organization", "group")
TARGET_KINDS = ("group", "country", "organization")
# a sentence may report two attacks: "قالت X إنها ضربت …، في حين قالت Y إنها استهدفت …"
_SPLIT = re.compile(r"،?\s*(?:في حين|بينما|فيما|حيث|؛)\s+")
AGENT_WORDS = ("قبل",)  # "من قبل X"
SUPPORT_WINDOW = 9  # words between "شنت" and its attack noun ("شنت X منذ يناير عشرات الغارات")
CLAIM_WORDS = ("تبنت", "تبني", "تبناه", "تبنتها", "تبنته", "تبنوا", "مسووليتها", "مسووليته", "مسووليتهم")
PASSIVE_WORDS = ("تعرضت", "تعرض", "تعرضوا", "وتعرضت", "وتعرض")
ANAPHORS = ("التنظيم", "الجماعه", "الحركه", "الميليشيا", "الفصيل")
OWN_FORCES = ("قوات", "مقاتلي", "عناصر", "وحدات", "مدفعي", "طائرات", "مسيرات")
OBJECT_MARKS = ("ضد", "علي", "لصالح")
OBJECT_NOUNS = ("مواقع", "مراكز", "قواعد", "تجمعات", "مقرات", "مقر", "ثكنات", "دوريات", "اليات", "معسكرات",
                "مخازن", "مستودعات", "مخابي", "منشات", "اهداف", "هدفا", "عناصر", "قوافل", "تحصينات")
AFFILIATION = ("تابعه", "التابعه", "تابع", "التابع", "تابعين", "التابعين")
WING_WORDS = ("الجناح", "جناح", "الذراع", "ذراع", "جناحا")
# the people an attack killed or hit, before their side ("قيادي بارز في X", "عناصر من X")
CASUALTIES = ("عنصر", "عنصرا", "عنصرين", "عناصر", "قيادي", "قياديا", "قياديين", "قائد", "قائدا", "مقاتل", "مقاتلا",
              "مقاتلين", "مسلح", "مسلحا", "مسلحين", "اعضاء", "عضو", "عضوا", "افراد", "جنود", "جندي", "جنديا",
              "جنديين", "ضابط", "ضابطا", "ضباط", "مسوول", "مسوولا", "قاده", "عسكري", "عسكريا", "عسكريان",
              "عسكريين", "شرطي", "شرطيا", "شرطيين", "افراد", "منتسبي", "منتسبين", "عنصران", "جنديان", "شرطيان")
# words between an attack noun and the nationality of its means ("غارة جوية إسرائيلية")
MEANS_QUALIFIERS = ("جويه", "حربيه", "مسيره", "صاروخيه", "بحريه", "مدفعيه", "جوي", "صاروخي", "مدفعي", "بري",
                    "الحربي", "الحربيه", "الجوي", "الجويه", "حربي", "المسيره")
# a weapon shot down or intercepted is not the attacker's ("أسقطت الدفاعات مسيرة أمريكية")
DOWNED = ("اسقط", "اسقطت", "اسقطوا", "اعترض", "اعترضت", "اعترضوا", "تصدت", "تصدي", "اسقاط", "اعتراض")


ATTACK_NOUNS = ("استهداف", "قصف", "ضرب", "مهاجمه")
RELATIVE_WORDS = ("التي", "الذي", "الذين")
CLAIMED = ("تبنته", "تبناه", "تبنتها", "تبناها")  # "هجوم تبناه X": X attacked


def _cues(text: str):
    """(offset, cue) for the sentence and each of its clauses."""
    out = []
    cue = detect_strike(text)
    if cue:
        out.append((0, cue))
    for m in _SPLIT.finditer(text):
        piece_start = m.end()
        nxt = _SPLIT.search(text, piece_start)
        piece = text[piece_start:nxt.start() if nxt else len(text)]
        c = detect_strike(piece)
        if c and not any(o + x.start == piece_start + c.start for o, x in out):
            out.append((piece_start, c))
    return out


def _word_at(v: View, char: int) -> int | None:
    for k, w in enumerate(v.words):
        if w.start <= char < w.end:
            return k
    return None


def _own_triggers(v: View) -> list[int]:
    """The extractor's attack verbs in the sentence, not negated, planned or asked."""
    found = [i for i, h in v.hits("strike_verb") if h.level <= 1]
    for i, h in v.hits("strike_support"):  # "شنت X غارات"
        if h.level <= 1 and any(v.words[k].has("strike_noun") for k in range(i + 1, min(v.n, i + SUPPORT_WINDOW))):
            found.append(i)
    return [i for i in sorted(set(found)) if not (v.blocked(i) or v.future(i))]


def strikes_of(s, v: View, facts) -> list[Strike]:
    cues = []
    for offset, cue in _cues(s.text):
        t = _word_at(v, offset + cue.start)
        if t is not None:
            cues.append((t, tuple(cue.means), False))
    own = _own_triggers(v)
    covered = {v.clause_id[t] for t, _, _ in cues}
    cues += [(t, (), True) for t in own if v.clause_id[t] not in covered]
    out = []
    for t, means, strict in sorted(cues):
        attackers = _attackers(v, t, facts)
        if not attackers and not strict:
            # "شنت طائرات X غارات …، استهدفت إحداها …": the sentence's earlier attack verb
            for t0 in own:
                if t0 < t:
                    attackers = _attackers(v, t0, facts)
                    if attackers:
                        break
        targets = _targets(v, t, attackers, facts)
        if strict and v.words[t].key.lstrip("وف") in CLAIMED:
            # "هجوم تبناه X على منشأة في جدة": only the state the attack struck in
            targets = [x for x in targets if x in facts.lex.countries]
        if strict and not (attackers and targets):
            continue  # the extractor's own verbs need both sides
        place = _place_country(v, t, v.clause_end(t), target=False)
        for attacker in attackers or [None]:
            ts = [x for x in targets if attacker is None or x != attacker.eid]
            strike = Strike(attacker=attacker.eid if attacker else None, targets=ts, place=place,
                            means=list(means), date=facts.date(s, inherit=False), evidence=s.text)
            key = ("k", strike.attacker, tuple(ts), s.index)
            if key in facts._seen:
                continue
            facts._seen.add(key)
            out.append(strike)
            facts.use(([attacker] if attacker else []) + [m for m in v.actors if m.eid in ts])
    if not any(x.attacker for x in out):
        _claim_earlier(s, v, facts)
    at = _sentence_of(facts)
    for strike in out:
        at[id(strike)] = s.index
    for m in v.actors:
        if m.kind == "group":
            facts.recent_groups = [g for g in facts.recent_groups if g.eid != m.eid] + [m]
    return out


# --- attackers -----------------------------------------------------------------


def _attackers(v: View, t: int, facts) -> list[Mention]:
    first = _attacker(v, t, facts)
    if first is None:
        return []
    partners = [m for m in v.actors if m.kind in ARMED and max(0, t - 12) <= m.start < t and _partner(v, m)
                and m.eid != first.eid]
    if partners:
        return [first, *partners[:1]]
    if first.how == "adj":  # "طائرات أمريكية وبريطانية"
        out = [first]
        for m in v.all:
            if m.kind == "country" and m.how == "adj" and m.start == out[-1].end and \
                    v.words[m.start].key.startswith("و"):
                out.append(m)
        return out
    if any(first is m for m in v.actors):
        return [m for m in v.coordinated(first, ARMED)]
    return [first]


def _passive(v: View, t: int) -> bool:
    return any(v.words[k].key in PASSIVE_WORDS for k in range(max(0, t - 6), t + 1))


def _attacker(v: View, t: int, facts) -> Mention | None:
    # "تبناه X", "تبنت معظمها X", "أعلنت X مسؤوليتها عن قصف …"
    for k in range(max(0, t - 8), v.n):
        key = v.words[k].key
        if key in CLAIM_WORDS or key.lstrip("و") in CLAIM_WORDS:
            ms = v.subject_after(k + 1, ARMED, gap=2) or v.subject_before(k, ARMED, gap=3)
            if ms:
                return ms[0]
            group = _anaphor_near(v, k + 1, k + 3, facts)  # "تبنت الجماعة إطلاق صاروخ"
            if group is not None:
                return group
            if k > 0 and v.words[k - 1].key in RELATIVE_WORDS:
                # "حركة X، التي تبنت هجمات …": the relative's antecedent claims
                ante = next((m for m in v.actors if m.end == k - 1 and m.kind in ARMED), None)
                if ante is not None:
                    return ante
    if _passive(v, t):
        # "تعرضت X لهجوم": X is the target; "لقصف مدفعي تركي": the means tell the attacker
        for k in range(t + 1, v.clause_end(t)):
            if _is_means(v, k):
                owner = _owner_after(v, k)
                if owner is not None:
                    return owner
        return None
    # "أعلن المتحدث باسم X … استهداف سفينة", "وكان المتحدث باسم X قد أعلن تنفيذ عملية":
    # the claim's speaker speaks for the attacker
    for k in range(max(v.clause_start(t), t - 3), t + 1):
        if v.has_cat(k, "say"):
            for m in (v.subject_after(k + 1, ("person",), gap=1) or v.subject_before(k, ("person",), gap=3))[:1]:
                affil = m.person.affil if m.person is not None and not isinstance(m.person, list) else None
                if affil is not None and affil.eid and affil.kind in ARMED:
                    return affil
            break
    # "من قبل X", "نفذتها X", "شنها X"
    k = v.after_word(t, AGENT_WORDS, within=4)
    if k is not None:
        ms = v.subject_after(k, ARMED, gap=0)
        if ms:
            return ms[0]
    men = _armed_men_of(v, t + 1, facts, subject_only=True)  # "هاجم مسلحون من حركة X"
    if men is not None:
        return men
    ms = v.subject_after(t + 1, ARMED, gap=1)
    if ms:
        return ms[0]
    group = _anaphor_near(v, t + 1, t + 2, facts)  # "الهجمات التي شنتها الجماعة على منشآت"
    if group is not None:
        return group
    described = _described_by(v, t, facts)  # "مقتل …، بهجوم شنه عناصر من X"
    if described is not None:
        return described
    for k in range(max(v.clause_start(t), t - 3), t):  # "القوات البحرية للجماعة استهدفت"
        key = v.words[k].key.lstrip("و")
        if key.startswith(OWN_FORCES) or key[2:].startswith(OWN_FORCES) or key in ARMED_MEN:
            group = _anaphor_near(v, k + 1, t, facts)
            if group is not None:
                return group
    if t > 0 and v.words[t - 1].key in PRONOUN_CLAUSE + ("انهم", "بانهم"):
        speaker = _speaker_before(v, t - 1)  # "أعلن X أنهم أسقطوا …"
        if speaker is not None:
            return speaker
    weapon = _weapon_owner(v, t + 1, forward=True) or _weapon_before(v, t) or (
        _owner_after(v, t) if _is_means(v, t) else None)  # "بغارة إسرائيلية"
    if weapon is not None:
        return weapon
    ms = v.subject_before(t, ARMED, gap=3)
    if ms and _partner(v, ms[-1]):  # "إن قواتها، بالاشتراك مع القوات البريطانية، ضربت"
        for k in range(ms[-1].start - 1, max(-1, ms[-1].start - 6), -1):
            if v.words[k].key.startswith(OWN_FORCES) and v.words[k].key.endswith(("هم", "نا", "ه", "ها")):
                speaker = _speaker_before(v, k)
                if speaker is not None:
                    return speaker
        ms = []
    if ms and not _victims_side(v, ms[-1]) and not (ms[-1].start and v.words[ms[-1].start - 1].key in OBJECT_MARKS):
        return ms[-1]  # not the object of an earlier attack ("غارات على X حيث استهدفت …")
    # "أعلن المتحدث باسم X أن قواتهم استهدفت": the group or body the speaker speaks for
    for k in range(max(v.clause_start(t), t - 2), t):
        key = v.words[k].key
        if key.startswith(OWN_FORCES) and key.endswith(("هم", "نا", "ه", "ها")):
            for m in v.actors:
                if m.end <= k and m.kind == "person" and m.person is not None and \
                        not isinstance(m.person, list) and m.person.affil is not None:
                    return m.person.affil
            speaker = _speaker_before(v, k)  # "قالت X إن قواتها شنت …"
            if speaker is not None:
                return speaker
    # "قالت X إنها ضربت": the speaker of the clause
    lo = v.clause_start(t)
    for k in range(max(0, lo - 1), t):
        if v.words[k].key in PRONOUN_CLAUSE:
            speaker = _speaker_before(v, k)
            if speaker is not None:
                return speaker
    # the sentence's own subject: "قامت باكستان … حيث استهدفت …", "أعلنت وزارة الدفاع X … نفذتها …"
    for m in v.actors:
        if m.start > 3 or m.start >= t:
            break
        if any(v.words[k].key in COMPLEMENTIZERS and v.words[k].key not in PRONOUN_CLAUSE and _is_means(v, k + 1)
               and not v.words[k + 1].key.endswith(("ها", "ه", "هم", "نا"))
               and not any(v.words[x].key in AFFILIATION for x in range(k + 2, min(t, k + 5)))
               for k in range(m.end, t - 1)):
            break  # "قال X إن طائرات مجهولة قصفت …": the weapons' owner is not named
        if m.kind in ARMED and m.start > 0 and not _victims_side(v, m) and all(
                v.words[k].key in v.lex.stops or not v.words[k].hits or v.has_cat(k, "say")
                for k in range(0, m.start)):
            return m
    return _means_owner(v, t)


def _victims_side(v: View, m: Mention) -> bool:
    """"قيادي بارز في X", "ثلاثة عناصر من X": X is the side of the people hit."""
    if m.start >= 1 and v.words[m.start - 1].key in MEMBERS_OF:
        return True  # "مقتل أربعة من منتسبي الجيش العراقي"
    return m.start >= 2 and v.words[m.start - 1].key in ("من", "في") and any(
        v.words[k].key.lstrip("و") in CASUALTIES for k in range(max(0, m.start - 4), m.start - 1))


def _is_means(v: View, k: int) -> bool:
    """An attack noun or weapon, with or without the article ("غارة", "الطائرات", "بالمسيرات")."""
    w = v.words[k]
    if w.has("strike_instrument") or w.has("strike_noun"):
        return True
    return any(cat in ("strike_instrument", "strike_noun")
               for form, _ in w.forms for cat, _, _ in v.lex.trie.get(form, {}).get(None, ()))


def _means_owner(v: View, t: int) -> Mention | None:
    """"قتل قيادي في X بغارة إسرائيلية", "مقتل عنصرين بقصف لمدفعية الجيش التركي": the
    nationality (or the body) the attack's means belongs to, in the attack's clause or,
    failing that, anywhere in the sentence. Not a weapon that was shot down ("أسقطت مسيرة أمريكية")."""
    lo, hi = v.clause_start(t), v.clause_end(t)
    for span in ((lo, hi), (0, v.n)):
        for k in range(*span):
            if not _is_means(v, k) or (k and v.words[k - 1].key.lstrip("وف") in DOWNED):
                continue
            m = _owner_after(v, k)
            if m is not None:
                return m
    return None


def _owner_after(v: View, k: int) -> Mention | None:
    """The nationality or body right after the means word k ("غارة جوية إسرائيلية", "قصف لقوات X")."""
    j = k + 1
    while j < min(v.n, k + 4) and (_is_means(v, j) or v.words[j].key in MEANS_QUALIFIERS or v.words[j].key.isascii()):
        j += 1  # "غارة جوية إسرائيلية", "طائرات حربية ومسيرة تركية", "طائرات F-16 العراقية"
    for m in v.all:
        if m.start == j and ((m.kind == "country" and m.how == "adj") or (
                m.kind in ARMED and m in v.actors and v.words[j].key[:1] == "ل")):
            return m
    return None


def _speaker_before(v: View, k: int) -> Mention | None:
    speaker = None
    for m in v.actors:
        if m.end <= k and m.kind in ARMED:
            speaker = m
        elif m.end <= k and m.kind == "person" and m.person is not None and not isinstance(m.person, list) \
                and m.person.affil is not None and m.person.affil.eid and m.person.affil.kind in ARMED:
            speaker = m.person.affil  # "قال المتحدث باسم X إنها استهدفت"
    if speaker is None:
        # "أعلنت القيادة الأميركية … أنها نفذت": a body the lexicon does not know, by its nationality
        for m in v.all:
            if m.kind == "country" and m.how == "adj" and m.end <= k and m.start >= 2 and \
                    v.has_cat(m.start - 2, "say") and not v.words[m.start - 1].has("title"):
                return m
    return speaker


def _weapon_before(v: View, t: int) -> Mention | None:
    """"مسيرات تركية قصفت", "طائرات أمريكية وبريطانية شنت": the nationality before the verb."""
    k = t - 1
    adj = None
    while k >= 0:
        m = next((x for x in v.all if x.kind == "country" and x.how == "adj" and x.start <= k < x.end), None)
        if m is None:
            break
        adj, k = m, m.start - 1
    if adj is None or k < 0:
        return None
    w = v.words[k]
    if w.has("strike_instrument") or w.key in ("حربيه",) and k > 0 and v.words[k - 1].has("strike_instrument"):
        return adj
    return None


def _weapon_owner(v: View, k: int, forward: bool) -> Mention | None:
    """"مسيرة تركية", "طائرات حربية تابعة لـ X", "مدفعية X": who the weapon belongs to."""
    step = 1 if forward else -1
    seen_weapon = False
    for _ in range(4):
        if not 0 <= k < v.n:
            return None
        w = v.words[k]
        if _is_means(v, k) or w.key in AFFILIATION or w.key in MEANS_QUALIFIERS or w.key in DESCRIBING \
                or (seen_weapon and w.key.isascii()):  # "مسيرات أطلقتها X", "طائرات F-16 العراقية"
            seen_weapon = True
            k += step
            continue
        if not seen_weapon:
            return None
        m = v.actor_at(k)
        if m is not None and m.kind in ARMED:
            return m
        for m in v.all:
            if m.kind == "country" and m.how == "adj" and m.start <= k < m.end:
                if not forward:  # walk back to the first of "أمريكية وبريطانية"
                    while True:
                        prev = next((x for x in v.all if x.kind == "country" and x.how == "adj"
                                     and x.end == m.start and v.words[m.start].key.startswith("و")), None)
                        if prev is None:
                            break
                        m = prev
                return m
        if forward:
            return None
        k += step
    return None


# --- targets -------------------------------------------------------------------


def _targets(v: View, t: int, attackers: list[Mention], facts) -> list[str]:
    end = v.clause_end(t)
    own = {a.eid for a in attackers}
    # a state's or body's country is its side; a group's base country is not
    own_countries = {c for a in attackers if a.kind != "group" for c in [_country_of(a, facts)] if c}
    targets: list[str] = []

    def add(eid):
        if eid and eid not in own and eid not in targets:
            targets.append(eid)

    if _passive(v, t):  # "تعرضت القوات الأمريكية لهجمات": the subject is the target
        for k in range(max(0, t - 6), t + 1):
            if v.words[k].key in PASSIVE_WORDS:
                ms = v.subject_after(k + 1, ARMED, gap=0)
                for m in ms[:1]:
                    add(m.eid if m.kind != "organization" else (m.country or m.eid))
    for m in v.actors:
        if m.start <= t or m.start >= end or m.kind not in TARGET_KINDS:
            continue
        if any(v.words[k].key.lstrip("و") in WING_WORDS for k in range(max(0, m.start - 2), m.start)):
            continue  # "كتائب القسام، الجناح العسكري لحركة X": the attacker's own movement
        if m.start and v.words[m.start - 1].key in ALLIED:
            continue  # "حركة X المرتبطة بتنظيم القاعدة": the attacker's ally, not its target
        if m.kind == "group" or _object_marked(v, m, t, attackers):
            if m.kind != "group" and _country_of(m, facts) in own_countries:
                continue
            add(m.eid)
    for m in v.actors:  # "… قالت إنها تابعة لفيلق القدس": affiliation later in the sentence
        if m.start >= end and m.kind in TARGET_KINDS and m.start > 0 and \
                v.words[m.start - 1].key in AFFILIATION and _country_of(m, facts) not in own_countries:
            add(m.eid)
    for k in range(0, v.n):  # "من التنظيم", "مخابئ للتنظيم": the group named last
        if targets:
            break
        if v.words[k].key.lstrip("ول") in ANAPHORS or v.words[k].key in ("للتنظيم", "للجماعه", "بالتنظيم"):
            if k > 0 and v.words[k - 1].key.lstrip("و") in ARMED_MEN:
                continue  # "مسلحو الحركة": the attackers
            last = _anaphor_near(v, k, k + 1, facts)
            if last is not None and last.eid not in own:
                add(last.eid)
    if not targets:  # "… ما أدى إلى مقتل عنصر من X", "اغتيال قيادي بارز في X": the victims' side
        for m in v.actors:
            if m.kind in ("group", "organization") and _victims_side(v, m) and \
                    _country_of(m, facts) not in own_countries:
                add(m.eid)
    if not targets:  # "قالت X إن مسيرات استهدفت مواقعها": the speaker's own positions
        owned = next((k for k in range(t + 1, min(end, t + 4)) if v.words[k].key.lstrip("ول").startswith(OBJECT_NOUNS)
                      and v.words[k].key.endswith(("ها", "هم", "ه")) and v.words[k].key.lstrip("ول") not in OBJECT_NOUNS),
                     None)
        comp = next((k for k in range(t - 1, max(-1, v.clause_start(t) - 2), -1)
                     if v.words[k].key in COMPLEMENTIZERS), None)
        if owned is not None and comp is not None:
            speaker = _speaker_before(v, comp)
            if speaker is not None and speaker.eid not in own and speaker.kind in ("group", "organization", "country"):
                add(speaker.eid)
    if not targets:  # "استهدفت سفينة إسرائيلية": the object's nationality
        obj = max([a.end for a in attackers if a.start > t] or [t + 1])
        # "أعلنت X استهداف قوة إسرائيلية": the cue is the claim, the object follows the attack word
        starts = [obj] + [k + 1 for k in range(obj, end) if _attack_word(v, k)][:2]
        for lo in starts:
            for m in v.all:
                if m.kind == "country" and m.how == "adj" and lo <= m.start <= lo + 2 and \
                        m.eid not in own_countries and \
                        not any(x.start < m.start for x in v.actors if lo <= x.start < m.start):
                    add(m.eid)
                    break
            if targets:
                break
    if not targets:  # "قاعدة … التي تستضيف قوات أميركية", "مطار نيالا، الذي تستخدمه قوات الدعم السريع"
        for k in range(t + 1, v.n - 1):
            if any(ch in ".:;؛" for ch in v.words[k].pre):
                break
            if v.words[k].key.lstrip("و") in RELATIVE_WORDS and v.words[k + 1].key in HOST_WORDS:
                for m in v.all:
                    if k + 2 <= m.start <= k + 4 and m.kind in TARGET_KINDS and m.eid and (
                            m in v.actors or m.how == "adj") and (
                            m.kind == "group" or _country_of(m, facts) not in own_countries):
                        add(m.eid if m.kind != "organization" else (m.country or m.eid))
                        break
                break
    if not targets:  # "أطلقت X صواريخ على مدن أوكرانية": the nationality of the places struck
        for m in v.all:
            if m.kind == "country" and m.how == "adj" and t < m.start < end and m.start >= 2 and \
                    v.words[m.start - 1].key.lstrip("وب") in PLACE_NOUNS + MEANS_QUALIFIERS + ("عسكريه",) and \
                    any(v.words[k].key in ("علي", "على", "ضد") for k in range(max(t, m.start - 4), m.start - 1)) \
                    and m.eid not in own_countries:
                add(m.eid)
                break
    if not targets and attackers:  # "غارات … على خيام في منطقة المواسي": the state the attack struck in
        place = _place_country(v, t, end)
        if place and place in facts.lex.countries and place not in own_countries and \
                not any(a.kind == "group" for a in attackers):
            add(place)
    if not targets and attackers and all(a.kind == "group" for a in attackers):
        # "هجوم تبناه تنظيم X على منشأة في جدة": a group striking inside a state strikes that state
        place = _place_country(v, t, end)
        if place and place in facts.lex.countries and place not in own:
            add(place)
        elif place is None and _state_object(v, t, end):
            # "هاجم مسلحون من X مركزا للشرطة": the state of the story, else the group's own state
            home = facts.story_country or next((c for a in attackers for c in [_country_of(a, facts)] if c), None)
            if home and home not in own:
                add(home)
        elif place is None and facts.story_country and facts.story_country not in own and \
                v.after_word(t, ("علي", "على"), within=6) is not None:
            add(facts.story_country)  # "هجوم شنته X على مدينة …" in a story set in one country
    if not targets and _passive(v, t) and facts.story_country and facts.story_country not in own_countries and \
            any(v.words[k].key.lstrip("و") in PLACE_NOUNS for k in range(max(0, t - 5), min(v.n, t + 3))):
        add(facts.story_country)  # "تعرضت قرى … في محافظة دهوك لقصف مدفعي تركي": the story's state
    if not targets and not attackers and facts.story_country and _state_object(v, t, end) and \
            _place_country(v, t, end) in (None, facts.story_country):
        add(facts.story_country)  # "قتل مسلحون مجهولون شرطيين": the state's police or soldiers
    return targets


def _attack_word(v: View, k: int) -> bool:
    """An attack verb or verbal noun ("استهداف", "قصف", "ضربت")."""
    w = v.words[k]
    return bool(w.has("strike_verb") or w.has("strike_noun")) or w.key.lstrip("وب") in ATTACK_NOUNS


def _object_marked(v: View, m: Mention, t: int, attackers: list[Mention]) -> bool:
    """A state or body as a target: "ضد X", "على X", "تابعة لـ X", or the verb's object."""
    k = m.start - 1
    if k < 0:
        return False
    prev = v.words[k].key
    if prev in OBJECT_MARKS or prev in AFFILIATION:
        return True
    if v.words[m.start].key.startswith("ل") and (prev in AFFILIATION or prev in OBJECT_NOUNS):
        return True  # "مواقع لـ X", "تجمعات لقوات X"
    after = max([a.end for a in attackers if a.start > t] or [t + 1])
    return m.start == after and m.kind != "person"


def _country_of(m: Mention, facts) -> str | None:
    found = facts.countries_of([m])
    return found[0] if found else None
