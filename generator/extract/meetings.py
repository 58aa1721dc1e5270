"""Meetings: who met whom, where and how (meeting, talks, call, conference),
and the participant helpers the other fact rules share. A mixin of
ArticleFacts (facts.py): it uses its state (local, topic, _seen, …) and its
helpers (subject, sentence_subject, date, use, _visit)."""
from __future__ import annotations

from ..model import Meeting
from .clauses import View
from .mentions import Mention
from .text import Sentence

PERSON = ("person",)
WITH = ("مع",)
BETWEEN = ("بين",)
TIME_WORDS = ("اليوم", "امس", "غدا", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت",
              "صباح", "مساء", "الليله")
CONNECTIVES = ("حيث", "ثم", "كما", "وحيث", "وثم")
INCLUDING = ("فيهم", "ذلك", "بينهم")  # "بمن فيهم A و B", "بمن في ذلك A"
GATHER = ("ضم", "يضم", "تضم", "ضمت", "جمع", "يجمع", "تجمع", "جمعت")  # "اجتماع ضم A و B"
HOSTS = ("استضاف", "استضافت", "يستضيف", "تستضيف", "احتضن", "احتضنت", "يحتضن", "تحتضن")
ATTEND = ("حضر", "حضره", "حضرت", "حضرا", "حضروا", "يحضر", "تحضر")  # "حضر اللقاء X": an attendee
RECEPTION = ("استقبال",)  # the verbal noun of RECEIVE, clitics off
RECEIVE = ("استقبل", "استقبلت", "يستقبل", "تستقبل")  # the host receives a guest
RESIDENT_TITLES = ("سفير", "القائم بالأعمال", "القائم بالاعمال")
RELATIVES = ("الذي", "التي", "الذين")
PARENTHESIS_WINDOW = 25  # words of a relative clause between a verb's subject and its object
LIGHT_NOUN_WINDOW = 16  # words from "أجرى" to its meeting noun ("أجرى A و B محادثات": two titled names between)
CALL_ADVERBS = ("هاتفيا", "هاتفيًا", "تلفونيا", "هاتفياً")


def _resident(p) -> bool:
    """An ambassador or chargé d'affaires lives where the meeting is: no visit."""
    return any(w in (t or "") for t, _ in p.roles for w in RESIDENT_TITLES)


def _ids(ms: list[Mention]) -> list[str]:
    out = []
    for m in ms:
        for e in (m.eids or [m.eid]):
            if e and e not in out:
                out.append(e)
    return out


class MeetingRules:
    """The meeting rules of ArticleFacts."""

    def meeting(self, s: Sentence, v: View, i: int, h) -> list[Mention] | None:
        trig = h.value
        end = v.clause_end(i)
        if trig.light:
            # "أجرى X محادثات مع Y": the light verb needs a meeting noun close by
            noun = next((k for k in range(i + 1, min(v.n, i + LIGHT_NOUN_WINDOW)) for hh in v.words[k].hits
                         if hh.cat == "trigger" and hh.value.type == "meeting" and hh.value.pos == "noun"), None)
            if noun is None:
                return None
            subj = self.subject(v, i, h.n, PERSON + ("organization",))
            kind = next(hh.value.kind for hh in v.words[noun].hits if hh.cat == "trigger")
            others = self._others(v, noun + 1, end, subj)
            if not others and v.words[i].key.endswith(("اه", "ته")) or v.words[i].key in ("تلقي", "تلقت"):
                k = v.after_word(noun + 1, ("من",)) or v.after_word(i + 1, ("من",))
                if k is not None:
                    others = [m for m in v.actors_between(k, end, PERSON)][:1]
            persons = [m for m in subj if m.kind == "person"]
            if not others and len(persons) >= 2:  # "وأجرى A و B محادثات ثنائية"
                subj, others = persons[:1], persons[1:]
            self._meeting(s, v, subj, others, kind, i, end)
            return subj
        if trig.pos == "noun":
            if i and v.words[i - 1].key.lstrip("وف") in ATTEND:
                return None  # "وحضر اللقاء A و B": attendees of a meeting told before, not its sides
            gathered = self._gathered(s, v, i, h.n, end, trig.kind)
            if gathered is not None:
                return gathered
            # the noun's own participants ("اجتماع بين A و B"), or the clause's subject + "مع Y"
            if any(hh.cat == "trigger" and hh.value.light for k in range(max(v.clause_start(i), i - 6), i)
                   for hh in v.words[k].hits):
                return None  # handled by the light verb ("أجرى في وقت لاحق اتصالا هاتفيا مع Y")
            kind = trig.kind
            if v.words[i].key.lstrip("وفبل") in RECEPTION:
                # "بعد استقبال X، في بغداد، Y": host and guest follow the noun; one person alone
                # ("مراسم استقبال X") or a crowd ("استقبال اللاجئين") is no meeting
                ms = [m for m in v.actors_between(i + h.n, end, PERSON) if m.kind == "person"]
                if len(ms) >= 2 and not v.future(i):
                    self._meeting(s, v, ms[:1], ms[1:2], kind, i, end)
                    self._guest_visits(s, v, ms[:1], ms[1:2], end)
                return None
            k = v.after_word(i + h.n, BETWEEN, within=3)
            if k is not None:
                ms = [m for m in v.actors_between(k, end, PERSON)]
                if len(ms) >= 2:
                    self._meeting(s, v, ms[:1], ms[1:], kind, i, end)
                return None
            k = v.after_word(i + h.n, WITH, within=4)
            if k is not None:
                subj = [m for m in v.actors if m.kind == "person" and m.end <= i][:1]
                if not subj and not any(m.kind == "person" and m.end <= i and not m.eid and not m.eids
                                        and m.how != "loose" for m in v.all):
                    subj = [m for m in (self.local or self.topic) if m.kind == "person"][:1]
                others = self._others(v, i + h.n, end, subj)
                self._meeting(s, v, subj, others, kind, i, end)
                return subj
            # a light verb after the noun: "اتصال هاتفي تلقاه X من Y"
            for k2 in range(i + h.n, min(v.n, i + h.n + 3)):
                if any(hh.cat == "trigger" and hh.value.light for hh in v.words[k2].hits):
                    subj = v.subject_after(k2 + 1, PERSON, gap=0)
                    kf = v.after_word(k2 + 1, ("من",))
                    others = v.actors_between(kf, end, PERSON)[:1] if kf else []
                    if subj and others:
                        self._meeting(s, v, subj, others, kind, i, end)
                        return subj
            if v.words[i + h.n - 1].key.endswith(("ه", "ها", "هما", "هم")) and not v.words[i + h.n - 1].key.endswith("اه"):
                # "وكان في استقباله X", "خلال لقائه X": the sentence's subject met X
                other = next((m for m in v.actors if m.kind == "person" and i + h.n <= m.start < min(end, i + h.n + 12)),
                             None)
                subj = [m for m in v.actors if m.kind == "person" and m.end <= i][:1] or \
                       [m for m in (self.local or self.topic) if m.kind == "person"][:1]
                if other is not None and subj:
                    self._meeting(s, v, subj, [other], kind, i, end)
                    return subj
            # "اتفق X و Y … خلال مباحثات أجرياها في أنقرة": the sentence's two subjects met
            pair = [m for m in self.local if m.kind == "person"] or self.sentence_subject(v)
            if len(pair) >= 2:
                self._meeting(s, v, pair[:1], pair[1:], kind, i, end)
            return None
        if (s.index, i) in self._gathered_at:
            return None  # "اجتماع يجمع A و B": the noun's rule
        subj = self.subject(v, i, h.n, PERSON + ("organization",), before_first=True)
        others = self._others(v, i + h.n, end, subj)
        if subj and not others and subj[0].start > i and i > 0 and v.words[i - 1].key in CONNECTIVES:
            # "زار X كابل حيث التقى Y": the sentence's subject met Y
            earlier = [m for m in v.actors if m.kind == "person" and m.end <= i]
            if earlier:
                subj, others = earlier[:1], subj
            else:
                carried = self._carried_subject(v, i, subj)
                if carried:
                    subj, others = carried, subj
        if not others and (trig.or_plural or trig.kind in ("meeting", "talks")):
            persons = [m for m in subj if m.kind == "person"]
            if len(persons) >= 2:
                subj, others = persons[:1], persons[1:]
        if trig.needs and not others:
            return subj
        self._meeting(s, v, subj, others, trig.kind, i, end)
        if v.words[i].key.lstrip("و") in RECEIVE and others and not v.future(i):
            self._guest_visits(s, v, subj, others, end)
        return subj

    def _carried_subject(self, v: View, i: int, met: list[Mention]) -> list[Mention]:
        """"وانتقلت المسؤولة الأميركية إلى …، حيث التقت Y": the clause's subject is a
        title the article does not resolve here; the person carried from the previous
        sentence stands for it when their nationality agrees (or none is said)."""
        before = [m for m in v.all if m.end <= i]
        if any(m in v.actors for m in before):
            return []  # a named subject of its own
        countries = {m.country for m in before if m.country and (m.kind == "person" or m.how == "adj")}
        if len(countries) > 1:
            return []
        carried = [m for m in self.topic if m.kind == "person" and m.person is not None
                   and not isinstance(m.person, list)][:1]
        if carried and not any(carried[0].eid == x.eid for x in met) and \
                (not countries or carried[0].person.country in countries):
            return carried
        # "المسؤولة الأميركية": the one person of that nationality the article named so far
        cands = [p for p in self.known if countries and p.country in countries]
        if len(cands) == 1 and not any(cands[0].eid == x.eid for x in met):
            p = cands[0]
            return [Mention(i, i, "person", "ref", eid=p.eid, name=p.name, country=p.country, person=p)]
        return []

    def _guest_visits(self, s: Sentence, v: View, hosts, guests, end: int) -> None:
        """"استقبل الرئيس اللبناني X المبعوث الأمريكي Y": a foreign guest came to the
        host's country (not an ambassador, who lives there; a meeting with its own
        place is handled by the place)."""
        host = next((m.person for m in hosts if m.kind == "person" and m.person is not None
                     and not isinstance(m.person, list)), None)
        if host is None or not host.country or v.place_after(v.clause_start(0), end) is not None:
            return
        for m in guests:
            p = m.person
            if p is None or isinstance(p, list) or not p.country or p.country == host.country:
                continue
            if _resident(p):
                continue
            self._visit(s, p.eid, host.country, "done", self.date(s))

    def _gathered(self, s: Sentence, v: View, i: int, n: int, end: int, kind: str) -> list[Mention] | None:
        """"استضاف X في بكين اجتماعا ثلاثيا ضم A و B", "اجتماع يجمع A و B و C": one
        meeting of all of them (the host, when a person, takes part)."""
        g = next((k for k in range(i + n, min(v.n, i + n + 4)) if v.words[k].key.lstrip("و") in GATHER), None)
        start = g + 1 if g is not None else None
        if g is None and i and v.words[i - 1].key.lstrip("و") in GATHER:
            # "جمع لقاء (في الدوحة) A و B": the verb before the noun, the members after it
            g, start = i - 1, i + n
            while start < min(end, v.n) and not any(m.start == start and m.kind == "person" for m in v.actors) \
                    and start < i + n + 4:
                start += 1
        if g is None:
            return None
        members = v.subject_after(start, PERSON, gap=1)
        if not members:
            dual = next((m for m in v.all if m.kind == "person" and m.how == "dual" and m.start in (g + 1, g + 2)), None)
            members = v.subject_after(dual.end, PERSON) if dual is not None else []  # "يجمع الرئيسين A و B"
        if members and members[-1].end < v.n and v.words[members[-1].end].key.startswith("ب"):
            return None  # "لقاء جمع X بـY": the verb's rule
        host = []
        for k in range(v.clause_start(i), i):
            if v.words[k].key.lstrip("و") in HOSTS or any(hh.cat == "trigger" and hh.value.light
                                                          for hh in v.words[k].hits):
                host = v.subject_after(k + 1, PERSON, gap=1)[:1]
                break
        people = []
        for m in host + members:
            if m.eid and not any(m.eid == x.eid for x in people):
                people.append(m)
        if len(people) < 2:
            return [] if members else None
        parts = [m.eid for m in people]
        key = ("m", tuple(sorted(parts)), s.index)
        if key not in self._seen:
            self._seen.add(key)
            persons = [m.person for m in people if m.person is not None and not isinstance(m.person, list)]
            self._gathered_at.add((s.index, g))
            lo = min([i] + [m.start for m in host])  # "استضاف X في بكين اجتماعا": the host's place
            self._meeting_fact(s, v, parts, kind, i, end, persons, people, lo)
        return host or members

    def _others(self, v: View, start: int, end: int, subj: list[Mention]) -> list[Mention]:
        """The counterparts: after "مع" (all persons, "بمن فيهم A و B"), or the object."""
        k = v.after_word(start, WITH)
        skip = {id(m) for m in subj}
        if k is not None:
            # the first person after "مع" and those joined to it ("بمن فيهم A و B و C")
            ms = [m for m in v.actors_between(k, end, PERSON) if id(m) not in skip]
            return v.coordinated(ms[0], PERSON) if ms else []
        last = max((m.end for m in subj), default=start)
        first = next((m for m in v.actors if m.start >= max(start, last) and m.start < end
                      and m.kind == "person" and id(m) not in skip), None)
        if first is None and subj and last < v.n and last >= start and v.words[last].key in RELATIVES:
            first = self._after_parenthesis(v, last, skip)
        return v.coordinated(first, PERSON) if first else []

    @staticmethod
    def _after_parenthesis(v: View, k: int, skip: set) -> Mention | None:
        """"استقبل X، الذي كان قد عاد من جولة …، وزير الخارجية Y": the object follows the
        relative clause, after its closing comma, before any other trigger."""
        for m in v.actors:
            if m.start <= k or m.start > k + PARENTHESIS_WINDOW:
                continue
            if any(v.has_cat(x, "trigger") for x in range(k, m.start)):
                return None
            if m.kind == "person" and id(m) not in skip and v.words[m.start].comma_before:
                return m
        return None

    def _meeting(self, s: Sentence, v: View, subj, others, kind, i: int, end: int) -> None:
        dual = [m for m in subj if m.kind == "person" and len(m.eids) >= 2]
        if dual and not others:  # "وزيرا خارجية البلدين": both sides in one mention
            a_ids, o_ids = dual[0].eids[:1], dual[0].eids[1:]
            persons = dual[0].person if isinstance(dual[0].person, list) else []
            self._meeting_fact(s, v, a_ids + o_ids, kind, i, end, persons, [dual[0]])
            return
        a = [m for m in subj if m.kind == "person"][:1]
        if not a or not others:
            return
        a_ids = _ids(a)
        for o in others:
            o_ids = [x for x in _ids([o]) if x not in a_ids]
            if not o_ids:
                continue
            parts = a_ids[:1] + o_ids
            key = ("m", tuple(sorted(parts)), s.index)
            if key in self._seen:
                continue
            self._seen.add(key)
            persons = [m.person for m in a + [o] if m.kind == "person" and m.person is not None
                       and not isinstance(m.person, list)]
            self._meeting_fact(s, v, parts, kind, i, end, persons, a + [o])

    def _meeting_fact(self, s: Sentence, v: View, parts, kind, i, end, persons, ms, lo: int | None = None) -> None:
        pm = [m for m in ms if m.kind == "person" and m.eid and not isinstance(m.person, list)]
        if len(pm) >= 2:
            self.recent_pair = pm[:2]
            self.recent_pair_at = s.index
        sides = list(dict.fromkeys(m.person.country for m in pm if m.person.country))
        if len(sides) >= 3:  # "الدول الثلاث" in a later sentence
            self.recent_sides = sides
        for m in pm:  # "التقى X نظيره Y، ووقعا …": both sides are the dual verb's subject
            if not any(m is x for x in self.local):
                self.local.append(m)
        if any(hh.cat == "trigger" and hh.value.kind == "call" for w in v.words for hh in w.hits) or any(
                w.key in CALL_ADVERBS for w in v.words[i:end]):
            kind = "call"  # "بحث X هاتفيا مع Y"
        anchors = {i + 1, i + 2}
        for m in ms:
            anchors |= {m.end, m.end + 1}
        for k in range(i, min(end, v.n)):  # "اليوم الأحد، في الرياض": after a comma or a time word
            prev = v.words[k - 1] if k else None
            if v.words[k].comma_before or (prev and (prev.key in TIME_WORDS or any(
                    hh.cat == "trigger" and hh.value.type == "meeting" for hh in prev.hits))):
                anchors.add(k)
        place = v.place_after(i if lo is None else lo, end, anchors)
        planned = v.future(i)
        date = self.date(s, planned=planned)
        self.meetings.append(Meeting(participants=parts, kind=kind, place=place, date=date, evidence=s.text))
        self.use(ms)
        if place and not planned and kind != "call":
            for p in persons:  # a meeting held abroad: the foreign side travelled
                if p.country and p.country != place and not _resident(p):
                    self._visit(s, p.eid, place, "done", date)
