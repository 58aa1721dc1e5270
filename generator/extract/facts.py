"""Facts per sentence: meetings, visits, agreements and statements (strikes
are in attacks.py). Each rule starts at a trigger of triggers.yaml and finds
its arguments among the sentence's actors: the subject after the verb (VSO),
before it (SVO), or carried over from the previous sentence ("وأضاف…")."""
from __future__ import annotations

from ..dates import find_dates, resolve_date
from ..lexicon import Lexicon
from ..model import Agreement, Meeting, Statement, Visit
from .attacks import strikes_of
from .clauses import View
from .mentions import HEADED_BY, Mention, _best
from .text import Sentence

PERSON = ("person",)
STATE = ("country", "organization", "person", "group")
WITH = ("مع",)
BETWEEN = ("بين",)
TIME_WORDS = ("اليوم", "امس", "غدا", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت",
              "صباح", "مساء", "الليله")
CONNECTIVES = ("حيث", "ثم", "كما", "وحيث", "وثم")
RELATIVES = ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان")
SAID_WINDOW = 16  # words between the speaker and what was said
COMPLEMENTIZERS = ("ان", "انه", "انها", "انهم", "انهما", "بان", "بانه", "بانها", "انّ")
INCLUDING = ("فيهم", "ذلك", "بينهم")
GATHER = ("ضم", "يضم", "تضم", "ضمت", "جمع", "يجمع", "تجمع", "جمعت")  # "اجتماع ضم A و B"
HOSTS = ("استضاف", "استضافت", "يستضيف", "تستضيف", "احتضن", "احتضنت", "يحتضن", "تحتضن")
ACCOMPANY = ("يرافقه", "ترافقه", "يرافقها", "ترافقها", "رافقه", "رافقته", "رافقها", "برفقه", "برفقته")
RECEIVE = ("استقبل", "استقبلت", "يستقبل", "تستقبل")  # the host receives a guest
RESIDENT_TITLES = ("سفير", "القائم بالأعمال", "القائم بالاعمال")
HOME_WORDS = ("البلاد",)  # "وصل إلى البلاد": the country the story is about
CALL_ADVERBS = ("هاتفيا", "هاتفيًا", "تلفونيا", "هاتفياً")
VISIT_FRAMES = ("في", "خلال", "اثناء", "ابان", "بعد", "عقب", "ضمن", "ختام", "مستهل", "مستهل")
VISIT_LIGHT = ("بدا", "بدات", "يبدا", "تبدا", "اختتم", "اختتمت", "يختتم", "تختتم", "استهل", "استهلت", "يجري",
               "تجري", "اجري", "اجرى", "اجرت", "يواصل", "تواصل", "واصل", "واصلت")  # "بمن فيهم A و B", "بمن في ذلك A"


def _ids(ms: list[Mention]) -> list[str]:
    out = []
    for m in ms:
        for e in (m.eids or [m.eid]):
            if e and e not in out:
                out.append(e)
    return out


class ArticleFacts:
    def __init__(self, sentences: list[Sentence], mentions: list[list[Mention]], lex: Lexicon, published):
        self.sentences, self.per_sentence, self.lex, self.published = sentences, mentions, lex, published
        self.meetings: list[Meeting] = []
        self.visits: list[Visit] = []
        self.agreements: list[Agreement] = []
        self.strikes = []
        self.statements: list[Statement] = []
        self.mentions: list[str] = []
        self.used: dict[str, Mention] = {}
        self.topic: list[Mention] = []  # the subject carried to the next sentence
        self.local: list[Mention] = []  # the subject of the sentence's first fact
        self.last_group: Mention | None = None  # for "التنظيم", "الجماعة" in later sentences
        self.recent_groups: list[Mention] = []
        self.recent_pair: list[Mention] = []  # the last two persons who met (for "الزعيمان")
        self.pair: list[str] = self._pair()
        self._seen: set = set()
        self._gathered_at: set = set()  # (sentence, word) of "ضم/يجمع" verbs a meeting noun took

    # -- the article's two main countries ("البلدين", "الجانبين") --
    def _pair(self) -> list[str]:
        counts: dict[str, int] = {}
        order: dict[str, int] = {}
        for ms in self.per_sentence:
            for m in ms:
                c = m.country if m.kind in ("country", "organization", "person") else None
                if c:
                    counts[c] = counts.get(c, 0) + 1
                    order.setdefault(c, len(order))
        ranked = sorted(counts, key=lambda c: (-counts[c], order[c]))
        return ranked[:2] if len(ranked) >= 2 else []

    def countries_of(self, ms: list[Mention], v: View | None = None) -> list[str]:
        out = []
        for m in ms:
            cs = []
            if m.kind == "person" and m.person is not None:
                cs = [q.country for q in (m.person if isinstance(m.person, list) else [m.person])]
            elif m.kind == "person" and m.eids:
                cs = []
            elif m.kind in ("country", "organization"):
                cs = [m.country]
            elif m.kind == "group":
                g = self.lex.groups.get(m.eid or "")
                cs = [g.country] if g else []
            for c in cs:
                if c and c not in out:
                    out.append(c)
        return out

    def date(self, s: Sentence) -> str | None:
        """The sentence's own date; with no date expression at all, the day the
        lead sentence of its paragraph (or of the article) states ("قالت X،
        الإثنين، إن …" then "وأجرى الوزيران محادثات …"). Never a guess from
        `published` alone, never a month or a period ("منذ أكتوبر")."""
        try:
            if find_dates(s.text, self.published):
                return resolve_date(s.text, self.published)
            for lead in self._leads(s):
                found = find_dates(lead.text, self.published)
                if found:
                    value = found[0].value
                    return value if value and len(value) == 10 else None
            return None
        except Exception:  # a date helper problem must not lose the article
            return None

    def _leads(self, s: Sentence) -> list[Sentence]:
        """The lead sentence of s's paragraph, then the article's first sentence."""
        out = []
        for lead in (next((x for x in self.sentences if x.paragraph == s.paragraph), None),
                     self.sentences[0] if self.sentences else None):
            if lead is not None and lead is not s and lead not in out:
                out.append(lead)
        return out

    def use(self, ms) -> None:
        for m in ms:
            if m.kind == "person" and m.eids and isinstance(m.person, list):
                for q in m.person:
                    self._mention(q.eid, m)
            elif m.eid:
                self._mention(m.eid, m)

    def _mention(self, eid: str, m: Mention) -> None:
        if eid not in self.used:
            self.used[eid] = m
        if eid not in self.mentions:
            self.mentions.append(eid)

    # -- the run --
    def run(self) -> None:
        for s, ms in zip(self.sentences, self.per_sentence):
            for m in ms:  # "الزعيمان", "الوزيران" not resolved by their title: the last pair that met
                named_after = any(x.kind == "person" and x.eid and x.start == m.end for x in ms)  # "الرئيسين A و B"
                if m.kind == "person" and m.how == "dual" and not m.eids and len(self.recent_pair) == 2 \
                        and not named_after:
                    m.eids = [x.eid for x in self.recent_pair]
                    m.person = [x.person for x in self.recent_pair]
            v = View(s, ms, self.lex)
            self.use([m for m in v.actors] + [m for m in ms if (m.kind == "country" and m.how == "adj")
                                              or m.how == "inner"])
            topic = self.sentence(s, v)
            persons = [m for m in v.actors if m.kind == "person"]
            if topic:
                self.topic = topic
            elif persons:
                self.topic = [persons[0]]

    @staticmethod
    def needs_ok(v: View, i: int, h) -> bool:
        """The words a trigger asks for: `needs` in the rest of its clause, `needs_near` in the next 4 words."""
        trig = h.value

        def found(words, lo, hi):
            for k in range(lo, min(hi, v.n)):
                w = v.words[k]
                forms = {f for f, _ in w.forms}
                if forms & set(words) or ("ب" in words and w.key.startswith("ب")):
                    return True
            return False

        start = i + h.n
        if trig.needs and not found(trig.needs, start, v.clause_end(i)):
            return False
        if trig.needs_near:
            subj = next((m for m in v.actors if start <= m.start <= start + 1), None)
            near = subj.end if subj is not None else start  # "وصل X Y Z إلى": after the subject
            reach = v.clause_end(i) if trig.type == "visit" else min(v.clause_end(i), near + 12)
            if not found(trig.needs_near, start, reach):  # a visit's "إلى" may follow a long subject
                return False
        return True

    def sentence(self, s: Sentence, v: View) -> list[Mention]:
        topic: list[Mention] = []
        self.local = []
        self.pending: list[tuple] = []  # visit nouns whose visitor is the sentence's subject
        for i, h in v.hits("trigger"):
            if h.level > 1 and h.value.pos == "verb":
                continue
            trig = h.value
            if v.blocked(i):
                continue
            if trig.type == "meeting":
                subj = self.meeting(s, v, i, h)
            elif trig.type == "visit":
                subj = self.visit(s, v, i, h) if self.needs_ok(v, i, h) else None
            else:
                subj = self.agreement(s, v, i, h) if self.needs_ok(v, i, h) or trig.or_plural else None
            if subj and not topic:
                topic = [m for m in subj if m.kind == "person"]
            if subj and not self.local and any(m.kind == "person" for m in subj):
                self.local = [m for m in subj if m.kind == "person"]
        for i, h in v.hits("say"):
            if h.level > 1:
                continue
            subj = self.statement(s, v, i, h)
            if subj and not topic:
                topic = [m for m in subj if m.kind == "person"]
        for strike in strikes_of(s, v, self):
            self.strikes.append(strike)
        self._pending_visits(s, v, topic)
        return topic

    def _pending_visits(self, s: Sentence, v: View, topic: list[Mention]) -> None:
        """"في زيارة رسمية إلى بغداد، التقى X …", "أكد X، خلال زيارته إلى أنقرة، …",
        "بدأ X زيارة إلى …": the visitor is the subject of the sentence's own verb
        (a meeting's host or a speaker), else the person right after its first verb;
        "زيارته" with no subject in the sentence: the previous sentence's."""
        for i, dest, status, own in self.pending:
            subj = [m for m in self.local + topic if m.kind == "person" and m.eid]
            if not subj:
                subj = [m for m in self.sentence_subject(v) if m.eid]
            if not subj and own:
                subj = [m for m in self.topic if m.kind == "person" and m.eid]
            # "استقبل X (of dest) Y، في زيارة إلى …": the first of them not from the destination
            subj = [m for m in subj if isinstance(m.person, list) or m.person is None or m.person.country != dest]
            if not subj:
                continue
            m = subj[0]
            self._visit(s, m.eid, dest, status, self.date(s))
            self.use([m])

    def subject(self, v: View, i: int, n: int, kinds=STATE, carry: bool = True,
                before_first: bool = False) -> list[Mention]:
        """The verb's subject: after it (VSO), before it ("وكان X قد التقى Y"), the
        subject of an earlier verb of the sentence it is joined to ("…، والتقى Y"),
        or the previous sentence's ("وأضاف …")."""
        if i > 0 and v.words[i - 1].key in RELATIVES:
            # "…، وفؤاد حسين، الذي عقد بدوره اجتماعا مع …": the relative's antecedent
            ante = [m for m in v.actors if m.end <= i - 1 and m.end >= i - 2 and m.kind in kinds]
            if ante:
                return ante[-1:]
        subj = v.subject_before(i, kinds) if before_first else []
        if not subj and self.local and i > 0 and v.words[i].key[:1] in ("و", "ف") and \
                v.has_cat(i, "trigger") and any(x.level == 1 for x in v.words[i].hits if x.cat == "trigger"):
            subj = [m for m in self.local if m.kind in kinds]  # "زار X بغداد، والتقى خلالها Y"
        if not subj:
            subj = v.subject_after(i + n, kinds, gap=1)
        if not subj:
            subj = v.subject_before(i, kinds)
        if not subj and carry and self._starts_clause(v, i) and not self._unknown_subject(v, i + n):
            subj = [m for m in (self.local or self.topic) if m.kind in kinds]
        return subj

    @staticmethod
    def _unknown_subject(v: View, k: int) -> bool:
        """A person the article never names stands right after the verb ("عقد رئيس الوزراء القطري …")."""
        if v.title_chain_end(k, 1) != k:
            return False
        return any(m.kind == "person" and m.start in (k, k + 1) and m.how in ("ref", "dual", "unresolved")
                   and not m.eids for m in v.all)

    def sentence_subject(self, v: View) -> list[Mention]:
        """"ترأس X و Y، اليوم، …": the persons right after the sentence's first verb."""
        for k in range(0, min(v.n, 3)):
            m = v.actor_at(k + 1)
            if m is not None and m.kind == "person" and (v.words[k].key in v.lex.stops or v.words[k].hits
                                                         or v.words[k].key[:1] in ("و", "ي", "ت")):
                return v.coordinated(m, PERSON)
        return []

    def _starts_clause(self, v: View, i: int) -> bool:
        lo = v.clause_start(i)
        return all(v.words[k].key in v.lex.stops or v.has_cat(k, "future") or v.has_cat(k, "trigger")
                   or v.words[k].key in ("قد", "وقد", "كما", "ثم") for k in range(lo, i))

    # -- meetings --
    def meeting(self, s: Sentence, v: View, i: int, h) -> list[Mention] | None:
        trig = h.value
        end = v.clause_end(i)
        if trig.light:
            # "أجرى X محادثات مع Y": the light verb needs a meeting noun close by
            noun = next((k for k in range(i + 1, min(v.n, i + 11)) for hh in v.words[k].hits
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
            gathered = self._gathered(s, v, i, h.n, end, trig.kind)
            if gathered is not None:
                return gathered
            # the noun's own participants ("اجتماع بين A و B"), or the clause's subject + "مع Y"
            if any(hh.cat == "trigger" and hh.value.light for k in range(max(0, i - 3), i) for hh in v.words[k].hits):
                return None  # handled by the light verb
            kind = trig.kind
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
            if any(w in (t or "") for t, _ in p.roles for w in RESIDENT_TITLES):
                continue
            self._visit(s, p.eid, host.country, "done", self.date(s))

    def _gathered(self, s: Sentence, v: View, i: int, n: int, end: int, kind: str) -> list[Mention] | None:
        """"استضاف X في بكين اجتماعا ثلاثيا ضم A و B", "اجتماع يجمع A و B و C": one
        meeting of all of them (the host, when a person, takes part)."""
        g = next((k for k in range(i + n, min(v.n, i + n + 4)) if v.words[k].key.lstrip("و") in GATHER), None)
        if g is None:
            return None
        members = v.subject_after(g + 1, PERSON, gap=1)
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
        return v.coordinated(first, PERSON) if first else []

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
        date = self.date(s)
        self.meetings.append(Meeting(participants=parts, kind=kind, place=place, date=date, evidence=s.text))
        self.use(ms)
        if place and not planned and kind != "call":
            for p in persons:  # a meeting held abroad: the foreign side travelled
                if p.country and p.country != place:
                    self._visit(s, p.eid, place, "done", date)

    # -- visits --
    def visit(self, s: Sentence, v: View, i: int, h) -> list[Mention] | None:
        trig = h.value
        end = v.clause_end(i)
        status = "planned" if (trig.future or v.future(i) or trig.kind == "invite") else "done"
        visitor: list[Mention] = []
        if trig.pos == "verb" and trig.kind != "invite":
            visitor = self.subject(v, i, h.n, PERSON)
            dest = self._destination(v, i + h.n, end, to_only=trig.kind != "visit")
            if trig.kind == "visit" and visitor and status == "done":
                self._visited_person(s, v, i + h.n, visitor, dest, i, end)
        elif trig.kind == "invite":
            k = i + h.n
            visitor = v.subject_after(k, PERSON, gap=2)
            if visitor:
                # "دعا X نظيره لزيارة": the invited one is the object
                obj = [m for m in v.actors if m.kind == "person" and m.start >= visitor[-1].end and m.start < end][:1]
                visitor = obj or []
            dest = self._destination(v, k, end, to_only=False)
            status = "planned"
        else:
            # noun: "زيارة (رسمية) قام بها X إلى Y", "زيارة X إلى Y", "زيارته إلى Y"
            carrier = next((k for k in range(i + h.n, min(end, i + h.n + 4)) if v.words[k].has("visit_carrier")), None)
            if carrier is not None:
                c = v.words[carrier].has("visit_carrier")
                k = carrier + c.n
                visitor = v.subject_after(k, PERSON, gap=0)
                if not visitor and k < v.n and (v.words[k].has("first_ref") or v.words[k].has("last_ref")):
                    persons = [m for m in v.actors if m.kind == "person" and m.end <= i]
                    if persons:
                        visitor = [persons[0] if v.words[k].has("first_ref") else persons[-1]]
                if v.words[carrier].key.startswith(("سي", "ست")):
                    status = "planned"
            else:
                visitor = v.subject_after(i + h.n, PERSON, gap=2)
                own = v.words[i].key.endswith(("ته", "تها", "تهما"))
                if not visitor and not v.future(i) and self._sentence_visit(v, i, h.n):
                    dest = self._destination(v, i + h.n, end, to_only=True)
                    if dest is not None:
                        self.pending.append((i, dest, status, own))
                        return None
                if not visitor and own:
                    visitor = [m for m in self.topic if m.kind == "person"][:1]
                if not visitor and v.future(i):
                    # "يعتزم X زيارة Y": the subject of the intention verb
                    before = [m for m in v.actors if m.kind == "person" and m.end <= i
                              and v.same_clause(m.start, i)]
                    visitor = before[-1:]
            dest = self._destination(v, i + h.n, end, to_only=True)
            if dest is None and i + h.n < v.n:  # "زيارة بغداد", "زيارة رسمية للعراق"
                c = _best(v.words[i + h.n], ("name", "capital"))
                if c and c.level == 0:
                    dest = c.value
        if not visitor:
            visitor = self._delegation_head(v, i, end)
        if not visitor or dest is None:
            return visitor
        date = self.date(s)
        dests = [dest] + self._more_destinations(v, dest, i, end)
        for k in range(i + h.n, v.n):  # "…، يرافقه (فيها) وزير الداخلية Y": Y travelled too
            if v.words[k].key.lstrip("و") in ACCOMPANY:
                visitor = visitor + [m for m in v.subject_after(k + 1, PERSON, gap=1) if m not in visitor]
                break
        for m in visitor:
            for eid in _ids([m]):
                p = m.person
                for d in dests:
                    if p is not None and not isinstance(p, list) and p.country == d:
                        continue
                    self._visit(s, eid, d, status, date)
            self.use([m])
        return visitor

    def _visited_person(self, s: Sentence, v: View, k: int, visitor, dest, i: int, end: int) -> None:
        """"زارت X رئيس البرلمان Y في مكتبه": visiting a person is meeting him (in his
        country, when the sentence names no destination)."""
        after = [m for m in visitor if m.start >= k]
        obj = v.subject_after(max(m.end for m in after) if after else k, PERSON, gap=1)
        obj = [m for m in obj if not any(m is x for x in visitor)]
        if not obj:
            return
        self._meeting(s, v, visitor[:1], obj[:1], "meeting", i, end)
        p, q = visitor[0].person, obj[0].person
        if dest is None and all(x is not None and not isinstance(x, list) for x in (p, q)) and \
                p.country and q.country and p.country != q.country:
            self._visit(s, p.eid, q.country, "done", self.date(s))

    @staticmethod
    def _sentence_visit(v: View, i: int, n: int) -> bool:
        """A visit noun that stands for the sentence's own subject's trip: "في/خلال زيارة(ته)",
        "بدأ/اختتم X زيارة" — not "إن زيارة Y …" (reported) nor a visit with its own visitor."""
        prev = v.words[i - 1].key if i else ""
        to = next((k for k in range(i + n, min(v.n, i + n + 3)) if v.words[k].key in ("الى", "الي")), i + n + 3)
        if any(m.kind == "person" and m.how != "loose" and i + n <= m.start < to for m in v.all):
            return False  # "زيارة الرئيس …": the visitor is named, even if not resolved
        return prev in VISIT_FRAMES or v.words[i].key.startswith(("خلال", "في", "بزياره")) or any(
            v.words[k].key.lstrip("و") in VISIT_LIGHT for k in range(max(0, i - 7), i))

    @staticmethod
    def _more_destinations(v: View, first: str, i: int, end: int) -> list[str]:
        """"زار الرياض ومسقط": every capital or country joined to the first destination."""
        out = []
        for k in range(i + 1, min(end, v.n)):
            c = _best(v.words[k], ("name", "capital"))
            if c and c.value == first:
                j = k + c.n
                while j < v.n and v.words[j].key.startswith("و"):
                    nxt = _best(v.words[j], ("name", "capital"))
                    if not nxt or nxt.level != 1:
                        break
                    if nxt.value not in out and nxt.value != first:
                        out.append(nxt.value)
                    j += nxt.n
                break
        return out

    @staticmethod
    def _delegation_head(v: View, i: int, end: int) -> list[Mention]:
        """"وصل وفد … برئاسة X إلى القاهرة": the delegation's head travelled."""
        lo = max(0, i - 3)
        if not any(v.words[k].key.lstrip("و").startswith(("وفد", "الوفد")) or v.words[k].key in ("وفد", "وفدا")
                   for k in range(lo, min(v.n, i + 4))):
            return []
        for k in range(i, min(end, i + 10)):
            if v.words[k].key in HEADED_BY:
                m = v.actor_at(k + 1)
                if m is not None and m.kind == "person":
                    return [m]
        return []

    def _destination(self, v: View, start: int, end: int, to_only: bool) -> str | None:
        for k in range(start, min(end, v.n)):
            w = v.words[k]
            if w.key in ("الى", "الي") and k + 1 < v.n and v.words[k + 1].key in HOME_WORDS:
                # "وصل إلى البلاد": the country the sentence is set in, else the article's first
                return v.place_after(0, v.n) or (self.pair[0] if self.pair else None)
            if w.key in ("الى", "الي") or (w.key in ("علي", "على") and k and v.words[k - 1].key.startswith("ضيف")):
                for k2 in range(k + 1, min(end, k + 4)):  # "إلى Y", "حل ضيفا على Y"
                    c = _best(v.words[k2], ("name", "capital", "city"))
                    if c and c.level == 0:
                        return c.value
                    pn = _best(v.words[k2], ("place_noun",))
                    if pn and k2 + pn.n < v.n:
                        adj = _best(v.words[k2 + pn.n], ("adj",))
                        if adj:
                            return adj.value
                return None
            pn = _best(w, ("place_noun",)) if w.key.startswith("بال") else None
            if pn and k + pn.n < v.n and _best(v.words[k + pn.n], ("adj",)):
                return _best(v.words[k + pn.n], ("adj",)).value  # "حل بالعاصمة التونسية"
            c = _best(w, ("name", "capital", "city"))
            if c and (not to_only or (c.level == 2 and w.key.startswith("ل"))):
                if k > start and w.key in ("في", "من"):
                    return None
                return c.value
            if w.key in ("في", "من", "عن") and to_only:
                continue
        return None

    def _visit(self, s: Sentence, visitor: str, dest: str, status: str, date) -> None:
        key = ("v", visitor, dest, status)
        if key in self._seen:
            return
        self._seen.add(key)
        self.visits.append(Visit(visitor=visitor, destination=dest, status=status, date=date, evidence=s.text))
        self._mention(dest, Mention(0, 0, "country", "name", eid=dest, country=dest))

    # -- agreements --
    def agreement(self, s: Sentence, v: View, i: int, h) -> list[Mention] | None:
        trig = h.value
        end = v.clause_end(i)
        subj = self.subject(v, i, h.n, STATE)
        parties = self.countries_of(subj)
        if len(parties) < 2 and not parties and not trig.plural_only:
            # "ووقع وزيرا خارجية قطر وتركيا …": countries named in the subject's titles
            for c in self._countries_in(v, i + h.n, min(end, i + h.n + 7)) or self._countries_in(
                    v, v.clause_start(i), i):
                if c not in parties:
                    parties.append(c)
        k = v.after_word(i + h.n, WITH + BETWEEN, within=3)
        if k is not None and len(parties) < 2:
            parties += [c for c in self.countries_of(v.actors_between(k, end, STATE)) if c not in parties]
            parties += [c for c in self._countries_in(v, k, min(end, k + 6)) if c not in parties]
        # "البلدين" / "الجانبين" as the subject, or "بين الطرفين"
        lo, hi = max(0, i - 3), min(v.n, i + h.n + 4)
        if len(parties) < 2 and any(v.has_cat(x, "pair_ref", 3) for x in range(lo, hi)):
            parties = list(self.pair)
        if trig.plural_only and len(parties) < 2:
            return None
        if len(parties) < 2:
            return subj
        k = v.after_word(i + h.n, ("على", "علي"), within=3)
        if k is None and trig.needs_near:  # "وقع X مذكرة تفاهم …": from the agreement's noun
            k = next((x for x in range(i + h.n, min(v.n, i + h.n + 10))
                      if {f for f, _ in v.words[x].forms} & set(trig.needs_near)), None)
        text = v.text_from(k if k is not None else i + h.n, 14) or s.text
        if trig.kind in ("sign", "conclude"):
            status = "signed"
        else:
            status = "agreed"
        window = range(i, min(v.n, i + 8))
        if v.future(i) or any(v.words[x].key in ("توقيع", "لتوقيع") for x in window) and trig.kind not in ("sign", "conclude"):
            status = "planned" if (v.future(i) or trig.kind == "passive" or trig.pos == "noun") else status
        key = ("a", s.index, tuple(sorted(parties)))
        if key in self._seen:
            return subj
        self._seen.add(key)
        self.agreements.append(Agreement(parties=parties, subject=text, status=status, date=self.date(s),
                                         evidence=s.text))
        for c in parties:
            self._mention(c, Mention(0, 0, "country", "name", eid=c, country=c))
        return subj

    @staticmethod
    def _countries_in(v: View, lo: int, hi: int) -> list[str]:
        """Countries named (by name, capital or nationality) in words lo..hi, up to "على"/"مع"/"بين"."""
        out = []
        for k in range(lo, hi):
            w = v.words[k]
            if k > lo and w.key in ("علي", "مع", "بين", "حول", "بشان", "في"):
                break
            for hh in w.hits:
                if hh.cat in ("name", "capital", "adj") and hh.value not in out:
                    out.append(hh.value)
        return out

    # -- statements --
    def _said(self, v: View, start: int) -> str | None:
        """What was said: the quotation or the reported clause ("أن …", "إلى …", ": …")
        that follows the speaker closely; None when neither does."""
        for k in range(start, min(v.n, start + SAID_WINDOW)):
            w = v.words[k]
            if any(c in "«\"“" for c in w.pre):
                return v.quote_text(k - 1 if k else 0) if k else v.quote_text(0)
            if ":" in w.pre and k > start:
                return v.text_from(k, 60)
            if w.key in COMPLEMENTIZERS or (w.key in ("الي", "علي") and k == start):
                text = v.text_from(k + 1, 60)
                return text
        if start < v.n and ":" in v.words[start].pre:
            return v.text_from(start, 60)
        return None

    def statement(self, s: Sentence, v: View, i: int, h) -> list[Mention] | None:
        n = h.n
        nxt = i + n
        subj = v.subject_after(nxt, STATE, gap=1)
        if not subj:
            follow = v.words[nxt] if nxt < v.n else None
            carry = follow is None or any(c in ":«\"“" for c in follow.pre) or follow.key in (
                "ان", "انه", "انها", "بان", "الي", "على", "علي") or follow.key in v.lex.empty_subjects
            if not carry or not self._starts_clause(v, i) or any(
                    v.words[k].key in RELATIVES for k in range(max(0, i - 2), i)):
                return None  # "… الذي يؤكد": the relative's antecedent speaks
            subj = [m for m in self.topic if m.kind == "person"]
            start = nxt
        else:
            start = max(m.end for m in subj)
        speakers = [m for m in subj if m.eid][:1]
        if not speakers:
            return None
        text = self._said(v, start)
        if text is None or len(text.split()) < 2:
            return subj
        key = ("s", speakers[0].eid, text)
        if key not in self._seen:
            self._seen.add(key)
            self.statements.append(Statement(speaker=speakers[0].eid, text=text, evidence=s.text))
            self.use(speakers)
        return subj
