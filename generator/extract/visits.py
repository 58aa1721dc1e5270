"""Visits: who travelled where, done or planned. A mixin of ArticleFacts
(facts.py): it uses its state (local, topic, pending, pair, _seen, …) and its
helpers (subject, sentence_subject, date, use, _mention, _meeting)."""
from __future__ import annotations

from ..model import Visit
from .clauses import View
from .meetings import PERSON, _ids
from .mentions import HEADED_BY, Mention, _best
from .text import Sentence

ACCOMPANY = ("يرافقه", "ترافقه", "يرافقها", "ترافقها", "رافقه", "رافقته", "رافقها", "برفقه", "برفقته")
HOME_WORDS = ("البلاد",)
RELATIVES = ("الذي", "التي", "الذين", "اللذين", "اللتين")
LUGGAGE = ("رحاله", "رحالها", "رحالهما", "رحالهم")  # "حط X رحاله في Y": Y is where X arrived  # "وصل إلى البلاد": the country the story is about
VISIT_FRAMES = ("في", "خلال", "اثناء", "ابان", "بعد", "عقب", "ضمن", "ختام", "مستهل", "مستهل")
VISIT_LIGHT = ("بدا", "بدات", "يبدا", "تبدا", "اختتم", "اختتمت", "يختتم", "تختتم", "استهل", "استهلت", "يجري",
               "تجري", "اجري", "اجرى", "اجرت", "يواصل", "تواصل", "واصل", "واصلت")


class VisitRules:
    """The visit rules of ArticleFacts."""

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
            self._visit(s, m.eid, dest, status, self.date(s, planned=status == "planned"))
            self.use([m])

    def visit(self, s: Sentence, v: View, i: int, h) -> list[Mention] | None:
        trig = h.value
        end = v.clause_end(i)
        status = "planned" if (trig.future or v.future(i) or trig.kind == "invite") else "done"
        visitor: list[Mention] = []
        if trig.pos == "verb" and trig.kind != "invite":
            visitor = self.subject(v, i, h.n, PERSON)
            dest = self._destination(v, i + h.n, end, to_only=trig.kind != "visit")
            k = i + h.n
            if not visitor and dest is not None and k + 1 < v.n and v.words[k].key in ("الى", "الي"):
                # "وصل إلى الرياض اليوم وزير الخارجية X": the subject after the destination
                visitor = v.subject_after(k + 2, PERSON, gap=3)
            luggage = next((k for k in range(i + h.n, end) if v.words[k].key in LUGGAGE), None)
            if dest is None and luggage is not None:  # "حط X رحاله في موسكو"
                dest = self._destination(v, luggage + 1, end, to_only=False)
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
                if not visitor:
                    # "التقى X …، في إطار زيارة رسمية يجريها إلى Y": the carrier's own subject is
                    # left out; it is the sentence's subject, the first person named before the noun
                    visitor = [m for m in v.actors if m.kind == "person" and m.end <= i][:1]
                if v.words[carrier].key.startswith(("سي", "ست")):
                    status = "planned"
            else:
                visitor = v.subject_after(i + h.n, PERSON, gap=2)
                own = v.words[i].key.endswith(("ته", "تها", "تهما"))
                rel = next((k for k in range(i - 1, max(-1, i - 4), -1) if v.words[k].key in RELATIVES), None)
                if not visitor and rel is not None:
                    # "استقبل X Y، الذي يقوم بزيارة إلى …": the visitor is the one the clause describes
                    visitor = [m for m in v.actors if m.kind == "person" and m.end <= rel][-1:]
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
        date = self.date(s, planned=status == "planned")
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
