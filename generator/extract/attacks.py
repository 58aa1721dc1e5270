"""Strikes: `strikes.detect_strike` says whether a sentence (or one of its
clauses) reports an attack; here its attacker, targets, place and date are
found among the sentence's actors."""
from __future__ import annotations

import re

from ..model import Strike
from .clauses import PRONOUN_CLAUSE, View
from .mentions import Mention
from .strikes import detect_strike

ARMED = ("country", "organization", "group")
TARGET_KINDS = ("group", "country", "organization")
# a sentence may report two attacks: "قالت X إنها ضربت …، في حين قالت Y إنها استهدفت …"
_SPLIT = re.compile(r"،?\s*(?:في حين|بينما|فيما|حيث|؛)\s+")
AGENT_WORDS = ("قبل",)  # "من قبل X"


def _cues(text: str):
    """(offset, cue) for the sentence and each of its clauses."""
    out = []
    cue = detect_strike(text)
    if cue:
        out.append((0, cue))
    pos = 0
    for m in _SPLIT.finditer(text):
        piece_start = m.end()
        nxt = _SPLIT.search(text, piece_start)
        piece = text[piece_start:nxt.start() if nxt else len(text)]
        c = detect_strike(piece)
        if c and not any(o + x.start == piece_start + c.start for o, x in out):
            out.append((piece_start, c))
        pos = piece_start
    return out


def _word_at(v: View, char: int) -> int | None:
    for k, w in enumerate(v.words):
        if w.start <= char < w.end:
            return k
    return None


def _fallback(v: View, covered: set[int]):
    """Attack verbs in clauses detect_strike did not flag: (word index, means)."""
    found = [i for i, h in v.hits("strike_verb") if h.level <= 1]
    for i, h in v.hits("strike_support"):  # "شنت X غارات"
        if h.level <= 1 and any(v.words[k].has("strike_noun") for k in range(i + 1, min(v.n, i + 6))):
            found.append(i)
    for i in sorted(found):
        if v.clause_id[i] in covered or v.blocked(i) or v.future(i):
            continue
        covered.add(v.clause_id[i])
        yield i, ()


def strikes_of(s, v: View, facts) -> list[Strike]:
    out = []
    cues = []
    for offset, cue in _cues(s.text):
        t = _word_at(v, offset + cue.start)
        if t is not None:
            cues.append((t, tuple(cue.means), False))
    covered = {v.clause_id[t] for t, _, _ in cues}
    cues += [(t, means, True) for t, means in _fallback(v, covered)]
    for t, means, strict in cues:
        end = v.clause_end(t)
        attacker = _attacker(v, t, facts)
        targets = []
        lo = t + 1
        for m in v.actors:
            if m.start < lo or m.start >= end or m.kind not in TARGET_KINDS:
                continue
            if attacker is not None and (m.eid == attacker.eid):
                continue
            if m.kind == "group" or _object_marked(v, m, t, attacker):
                if m.eid not in targets:
                    targets.append(m.eid)
        if not targets:  # "استهدفت سفينة إسرائيلية": the object's nationality
            obj = attacker.end if attacker is not None and attacker.start > t else t + 1
            for m in v.all:
                if m.kind == "country" and m.how == "adj" and obj <= m.start <= obj + 2 and \
                        (attacker is None or m.eid != _country_of(attacker, facts)) and \
                        not any(x.start < m.start for x in v.actors if obj <= x.start < m.start):
                    targets.append(m.eid)
                    break
        if strict and not (attacker and targets):  # [strike-detection helper] a detect_strike cue is a strike even with no actors
            continue
        place = v.place_after(t, end)
        strike = Strike(attacker=attacker.eid if attacker else None, targets=targets, place=place,
                        means=list(means), date=facts.date(s), evidence=s.text)
        key = ("k", strike.attacker, tuple(targets), s.index)
        if key in facts._seen:
            continue
        facts._seen.add(key)
        out.append(strike)
        facts.use(([attacker] if attacker else []) + [m for m in v.actors if m.eid in targets])
    return out


def _object_marked(v: View, m: Mention, t: int, attacker: Mention | None) -> bool:
    """A country or body as a target: "ضد X", "على X", or the verb's object ("استهدفت X")."""
    k = m.start - 1
    if k < 0:
        return False
    if v.words[k].key in ("ضد", "على", "علي"):
        return True
    after = attacker.end if attacker is not None and attacker.start > t else t + 1
    return m.start == after and m.kind != "person"


def _attacker(v: View, t: int, facts) -> Mention | None:
    # "من قبل X", "نفذتها X", "شنها X"
    k = v.after_word(t, AGENT_WORDS, within=4)
    if k is not None:
        ms = v.subject_after(k, ARMED, gap=0)
        if ms:
            return ms[0]
    ms = v.subject_after(t + 1, ARMED, gap=1)
    if ms:
        return ms[0]
    k = t + 1  # "شنت طائرات حربية تابعة لـ X", "قصفت مدفعية X"
    while k < min(v.n, t + 4) and (v.words[k].has("strike_instrument") or v.words[k].key in ("تابعه", "التابعه")):
        k += 1
    if k > t + 1:
        m = v.actor_at(k)
        if m is not None and m.kind in ARMED:
            return m
        for m in v.all:  # "استهدفت مسيرة تركية …": the instrument's nationality
            if m.start == k and m.kind == "country" and m.how == "adj":
                return m
    ms = v.subject_before(t, ARMED, gap=3)
    if ms:
        return ms[-1]
    # the sentence's own subject: "قامت باكستان … حيث استهدفت …"
    for m in v.actors:
        if m.start > 3 or m.start >= t:
            break
        if m.kind in ARMED and m.start > 0 and all(
                v.words[k].key in v.lex.stops or not v.words[k].hits for k in range(0, m.start)):
            return m
    # "أعلن المتحدث باسم X أن قواتهم استهدفت": the group or body the speaker speaks for
    for k in range(max(v.clause_start(t), t - 2), t):
        key = v.words[k].key
        if key.startswith(("قوات", "مقاتلي", "عناصر", "وحدات")) and key.endswith(("هم", "نا", "ه", "ها")):
            for m in v.actors:
                if m.end <= k and m.kind == "person" and m.person is not None and \
                        not isinstance(m.person, list) and m.person.affil is not None:
                    return m.person.affil
    # "قالت X إن قواتها شنت …": the speaker's forces
    if t > 0 and v.words[t - 1].key.startswith("قوات") and v.words[t - 1].key.endswith(("ها", "ه", "نا")):
        speaker = None
        for m in v.actors:
            if m.end <= t - 1 and m.kind in ARMED:
                speaker = m
        if speaker is not None:
            return speaker
    # "قالت X إنها ضربت": the speaker of the clause
    lo = v.clause_start(t)
    for k in range(max(0, lo - 1), t):
        if v.words[k].key in PRONOUN_CLAUSE:
            speaker = None
            for m in v.actors:
                if m.end <= k and m.kind in ARMED:
                    speaker = m
            if speaker is not None:
                return speaker
    return None


def _country_of(m: Mention, facts) -> str | None:
    found = facts.countries_of([m])
    return found[0] if found else None
