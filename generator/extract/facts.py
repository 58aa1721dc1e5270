"""Facts per sentence: agreements and statements here; meetings in meetings.py,
visits in visits.py, strikes in attacks.py. Each rule starts at a trigger of
triggers.yaml and finds its arguments among the sentence's actors: the subject
after the verb (VSO), before it (SVO), or carried over from the previous
sentence ("وأضاف…")."""
from __future__ import annotations

from ..dates import find_dates
from ..lexicon import Lexicon
from ..model import Agreement, Meeting, Statement, Visit
from ..normalize import bare, fold
from .attacks import strikes_of
from .clauses import View
from .meetings import BETWEEN, PERSON, WITH, MeetingRules
from .mentions import Mention
from .text import Sentence
from .visits import VisitRules

STATE = ("country", "organization", "person", "group")
RELATIVES = ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان")
SAID_WINDOW = 16  # words between the speaker and what was said
OPENING_PARAGRAPHS = 2  # the lead and the paragraph after it: the story of the day
SIDE_NOUNS = ("الدول", "البلدان", "الاطراف")
SIDE_NUMBERS = {3: ("الثلاث", "الثلاثه"), 4: ("الاربع", "الاربعه"), 5: ("الخمس", "الخمسه")}
COMPLEMENTIZERS = ("ان", "انه", "انها", "انهم", "انهما", "بان", "بانه", "بانها", "انّ")


class ArticleFacts(MeetingRules, VisitRules):
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
        self.recent_pair_at = -9  # the sentence of that meeting
        self.known: list = []  # the persons named so far (Person)
        self.story_country: str | None = None  # the one country the story is set in, if any
        self.recent_sides: list[str] = []  # the countries of the last meeting of three or more
        self.pair: list[str] = self._pair()
        self._seen: set = set()
        self._gathered_at: set = set()  # (sentence, word) of "ضم/يجمع" verbs a meeting noun took
        self._opening_has_date: bool | None = None

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
                if cs == [None] and m.country:  # "وزير الداخلية الجزائري" for a minister named without it
                    cs = [m.country]
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

    def date(self, s: Sentence, inherit: bool = True, planned: bool = False) -> str | None:
        """The sentence's own date; with no date expression at all, the day the
        lead sentence of its paragraph (or of the article) states ("قالت X،
        الإثنين، إن …" then "وأجرى الوزيران محادثات …"); with none there either,
        a happening told in the article's opening paragraphs is dated by the
        dateline, the publication date the text states (the news convention
        event coders such as PETRARCH follow for the story of the day). Never a
        guess when the text states no publication date, never a month or a
        period ("منذ أكتوبر"). Strikes do not inherit (inherit=False): an attack
        told in a later paragraph is most often background to the day's news.
        Nor does what is announced for later (planned): the day it was announced
        is not the day it will happen."""
        try:
            own = find_dates(s.text, self.published)
            if own:  # the first that resolves (resolve_date's answer, without a second scan)
                return next((d.value for d in own if d.value), None)
            if not inherit or planned:
                return None
            for lead in self._leads(s):
                found = find_dates(lead.text, self.published)
                if found:
                    value = found[0].value
                    return value if value and len(value) == 10 else None
            if self.published and s.paragraph < OPENING_PARAGRAPHS and not self._opening_dated():
                return self.published
            return None
        except Exception:  # a date helper problem must not lose the article
            return None

    def _opening_dated(self) -> bool:
        """Does any sentence of the opening paragraphs state a date of its own?"""
        if self._opening_has_date is None:
            self._opening_has_date = any(find_dates(x.text, self.published) for x in self.sentences
                                         if x.paragraph < OPENING_PARAGRAPHS)
        return self._opening_has_date

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
        self.known = known = []  # persons named so far, for "الوزير الباكستاني" left unresolved
        for s, ms in zip(self.sentences, self.per_sentence):
            self._late_refs(ms, known)
            for m in ms:  # "الزعيمان", "الوزيران" not resolved by their title: the last pair that met
                if m.kind == "person" and m.how == "dual" and not m.eids and len(self.recent_pair) == 2 \
                        and not any(x.kind == "person" and x.eid and x.start == m.end for x in ms):  # "الرئيسين A و B"
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
    def _late_refs(ms: list[Mention], known: list) -> None:
        """"الوزير الباكستاني" for "نائب رئيس الوزراء وزير الخارجية الباكستاني X": the
        one person named before with that nationality whose title holds the word."""
        for m in ms:
            if m.kind == "person" and m.how == "unresolved" and m.country and m.lemma and m.person is None:
                cands = [p for p in known if p.country == m.country and any(
                    bare(m.lemma) in {bare(w) for w in fold(title).split()} for title, _ in p.roles)]
                if len(cands) == 1:
                    m.how, m.person, m.eid = "ref", cands[0], cands[0].eid
        for m in ms:
            p = m.person if m.kind == "person" else None
            if p is not None and not isinstance(p, list) and p not in known:
                known.append(p)

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

    # -- agreements --
    def agreement(self, s: Sentence, v: View, i: int, h) -> list[Mention] | None:
        trig = h.value
        end = v.clause_end(i)
        # "أعلن الوزيران الاتفاق على": the noun's sides stand in its own sentence
        subj = self.subject(v, i, h.n, STATE, carry=not (trig.pos == "noun" and trig.plural_only))
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
        if len(parties) < 2 and self._sides_ref(v, lo, hi):
            parties = list(self.recent_sides)  # "الدول الثلاث اتفقت": the sides of the last meeting
        if len(parties) < 2 and self._dual_verb(v, i, h.n) and self.recent_pair_at >= s.index - 1 and \
                all(any(m.eid == x.eid for x in self.recent_pair) for m in subj):
            # "التقى X نظيره Y … ووقعا مذكرة تفاهم": the two who just met
            parties = self.countries_of(self.recent_pair)
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
        if trig.kind == "sign" and status == "signed":
            # "وقع وزير الداخلية العراقي X ونظيره الأردني Y اتفاقية": the signatories met
            signers = [m for m in subj if m.kind == "person" and m.person is not None
                       and not isinstance(m.person, list)]
            if len(signers) >= 2 and len(self.countries_of(signers)) >= 2:
                self._meeting(s, v, signers[:1], signers[1:2], "meeting", i, end)
        self._seen.add(key)
        self.agreements.append(Agreement(parties=parties, subject=text, status=status, date=self.date(s, planned=status == "planned"),
                                         evidence=s.text))
        for c in parties:
            self._mention(c, Mention(0, 0, "country", "name", eid=c, country=c))
        return subj

    @staticmethod
    def _dual_verb(v: View, i: int, n: int) -> bool:
        """"ووقعا", "واتفقا", or "ووقع الجانبان/الطرفان": a verb whose subject is the two sides."""
        key = v.words[i].key
        if n == 1 and key.endswith("ا") and not key.endswith("وا") and len(key) >= 4 and \
                v.subject_after(i + 1, ("person", "country", "organization", "group"), gap=1) == []:
            return True
        return i + n < v.n and v.words[i + n].key in ("الجانبان", "الطرفان", "الجانبين", "الطرفين")

    def _sides_ref(self, v: View, lo: int, hi: int) -> bool:
        """"الدول الثلاث", "البلدان الثلاثة", "الأطراف الأربعة": as many sides as the last
        meeting of three or more countries had."""
        if len(self.recent_sides) < 3:
            return False
        number = SIDE_NUMBERS.get(len(self.recent_sides), ())
        for k in range(lo, min(hi, v.n - 1)):
            if v.words[k].key.lstrip("و") in SIDE_NOUNS and v.words[k + 1].key in number:
                return True
        return False

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
