"""One sentence ready for the fact rules: its resolved actors, clauses,
triggers and modality, and the subject/object finders every rule shares."""
from __future__ import annotations

from ..lexicon import CONJ, Lexicon
from .mentions import Mention, _best
from .text import STRONG, Sentence

ACTOR_KINDS = ("person", "country", "organization", "group")
COMPLEMENTIZERS = ("ان", "انه", "انها", "انهم", "انهما", "بان", "بانه", "بانها", "وانها", "وانه", "وانهما")
PRONOUN_CLAUSE = ("انها", "انه", "انهم", "انهما", "بانها", "بانه", "وانها", "وانه", "وانهما")
MODAL_WINDOW = 4
THAT_WORDS = ("ان", "بان")  # "من المقرر أن …": a future marker governs the clause after its أن
FUTURE_REACH = 4  # words before that أن where the marker may stand


class View:
    def __init__(self, s: Sentence, mentions: list[Mention], lex: Lexicon):
        self.s, self.lex, self.words, self.n = s, lex, s.words, len(s.words)
        self.actors = [m for m in mentions if self._actor(m)]
        self.all = mentions
        self.clause_id = self._clauses()

    # -- setup --
    @staticmethod
    def _actor(m: Mention) -> bool:
        if m.how == "inner":
            return False
        if m.kind == "person":
            return m.eid is not None or bool(m.eids)
        if m.kind == "country":
            return m.how in ("name", "capital")
        return m.eid is not None

    def _clauses(self) -> list[int]:
        ids, c = [], 0
        for i, w in enumerate(self.words):
            if i:
                if w.pre and any(ch in "؛;:" for ch in w.pre):
                    c += 1
                else:
                    for h in w.hits:
                        if h.level <= CONJ and (h.cat == "break" or (h.cat == "break_comma" and w.comma_before)):
                            c += 1
                            break
            ids.append(c)
        return ids

    # -- queries --
    def same_clause(self, i: int, j: int) -> bool:
        if i >= self.n or j >= self.n:
            return False
        return self.clause_id[i] == self.clause_id[j]

    def clause_end(self, i: int) -> int:
        c = self.clause_id[i]
        j = i
        while j < self.n and self.clause_id[j] == c:
            j += 1
        return j

    def clause_start(self, i: int) -> int:
        c = self.clause_id[i]
        j = i
        while j > 0 and self.clause_id[j - 1] == c:
            j -= 1
        return j

    def hits(self, cat: str):
        for i, w in enumerate(self.words):
            for h in w.hits:
                if h.cat == cat:
                    yield i, h

    def has_cat(self, i: int, cat: str, max_level: int = CONJ):
        return any(h.cat == cat and h.level <= max_level for h in self.words[i].hits)

    def modal_before(self, i: int, cat: str, window: int = MODAL_WINDOW) -> bool:
        lo = max(self.clause_start(i), i - window)
        for k in range(lo, i):
            if self.has_cat(k, cat):
                if cat == "negation" and self.has_cat(k, "not_negation"):
                    continue
                return True
        return False

    def blocked(self, i: int) -> bool:
        """Negated, conditional or asked: no fact."""
        if self.s.tail.endswith(("?", "؟")) or self.s.text.rstrip().endswith(("?", "؟")):
            return True
        if self.modal_before(i, "negation") or self.modal_before(i, "conditional", 8):
            return True
        return self.words[0].has("question") is not None and self.clause_id[0] == self.clause_id[i]

    def future(self, i: int) -> bool:
        """Is the clause of word i about what is to come? "من المقرر أن يزور …",
        "يعتزم أن يوقع …": the marker may govern the clause from before its أن."""
        lo, hi = self.clause_start(i), self.clause_end(i)
        if lo >= 2 and self.words[lo - 1].key in THAT_WORDS:
            lo = max(self.clause_start(lo - 2), lo - 1 - FUTURE_REACH)
        elif lo >= 1 and self.words[lo].key in THAT_WORDS:
            lo = max(self.clause_start(lo - 1), lo - FUTURE_REACH)
        return any(self.has_cat(k, "future") for k in range(lo, hi))

    def word_is(self, i: int, *keys: str) -> bool:
        return 0 <= i < self.n and self.words[i].key in keys

    # -- actors --
    def actor_at(self, i: int) -> Mention | None:
        for m in self.actors:
            if m.start == i:
                return m
        return None

    def coordinated(self, first: Mention, kinds=ACTOR_KINDS) -> list[Mention]:
        """first and the actors joined to it by و (commas between titles allowed)."""
        out = [first]
        last = first
        for m in self.actors:
            if m.start < last.end or m is last:
                continue
            gap = m.start - last.end
            w = self.words[m.start]
            joined = (gap == 0 and (w.key.startswith("و") or w.comma_before)) or \
                     (gap == 1 and self.words[last.end].key == "و")
            if not joined or m.kind not in kinds or not self.same_clause(first.start, m.start):
                break
            if gap == 0 and last.kind == "person" and last.how == "ref" and m.kind == "person" and \
                    m.how == "named" and not (w.key.startswith("و") and not any(h.level == 0 for h in w.hits)):
                out[-1] = last = m  # "نظيره التونسي، وزير الخارجية X": one person, named after the comma
                continue
            out.append(m)
            last = m
        return out

    def coordinated_before(self, last: Mention, kinds=ACTOR_KINDS) -> list[Mention]:
        out = [last]
        cur = last
        for m in reversed(self.actors):
            if m.end > cur.start or m is cur:
                continue
            gap = cur.start - m.end
            w = self.words[cur.start]
            if not (gap == 0 and (w.key.startswith("و") or w.comma_before)) or m.kind not in kinds:
                break
            out.insert(0, m)
            cur = m
        return out

    def title_chain_end(self, k: int, gap: int = 0) -> int:
        """"استقبل رئيس مجلس السيادة القائد العام … البرهان": a title the article never
        resolves, standing right before a named person, is that person's: skip it."""
        for m in self.all:
            if m.kind == "person" and m.how == "unresolved" and k <= m.start <= k + gap and \
                    any(a.kind == "person" and a.start == m.end and a.how != "loose" for a in self.actors):
                return m.end
        return k

    def subject_after(self, t_end: int, kinds=ACTOR_KINDS, gap: int = 0) -> list[Mention]:
        t_end = self.title_chain_end(t_end, gap)
        for m in self.actors:
            if t_end <= m.start <= t_end + gap and m.kind in kinds:
                if any(self._skippable(k) is False for k in range(t_end, m.start)):
                    return []
                return self.coordinated(m, kinds)
            if m.start > t_end + gap:
                break
        return []

    def _skippable(self, k: int) -> bool:
        w = self.words[k]
        return w.key in self.lex.stops or bool(w.has("future")) or bool(w.has("negation"))

    def subject_before(self, t: int, kinds=ACTOR_KINDS, gap: int = 2) -> list[Mention]:
        best = None
        for m in self.actors:
            if m.end <= t and t - m.end <= gap and m.kind in kinds and self.same_clause(m.start, t):
                if all(self._skippable(k) for k in range(m.end, t)):
                    best = m
        if best is None:
            return []
        return self.coordinated_before(best, kinds)

    def actors_between(self, i: int, j: int, kinds=ACTOR_KINDS) -> list[Mention]:
        return [m for m in self.actors if i <= m.start < j and m.kind in kinds]

    def after_word(self, i: int, keys, within: int | None = None) -> int | None:
        """Index after the first word in `keys` (or a word with ب/ل prefix when "ب" given) from i in the clause."""
        end = self.clause_end(i) if i < self.n else self.n
        if within is not None:
            end = min(end, i + within)
        for k in range(i, end):
            if self.words[k].key in keys:
                return k + 1
        return None

    def quote_text(self, start: int) -> str | None:
        """The first quotation after word `start`."""
        text = self.s.text
        pos = self.words[start].end if start < self.n else len(text)
        found = sorted((a, o, c) for o, c in (("«", "»"), ('"', '"'), ("“", "”")) for a in [text.find(o, pos)] if a >= 0)
        for a, o, c in found:
            b = text.find(c, a + 1)
            inner = text[a + 1:b if b > a else len(text)].strip()
            if len(inner.split()) >= 2:
                return inner
        return None

    def text_from(self, i: int, max_words: int = 40) -> str:
        if i >= self.n:
            return ""
        j = min(self.n, i + max_words)
        return self.s.span_text(i, j).strip(" ،,:\"«»“”")

    def place_after(self, i: int, j: int, anchors: set[int] | None = None) -> str | None:
        """A country named as a place in words i..j: "في طهران", "في العاصمة الباكستانية".
        With `anchors`, "في" must stand at one of those positions (right after the
        trigger or a participant), not after the topic ("الأوضاع في غزة")."""
        for k in range(i, min(j, self.n)):
            w = self.words[k]
            if anchors is not None and k not in anchors:
                continue
            if w.key in ("في", "بـ") or w.key.startswith("في"):
                nxt = k + 1
                if nxt < self.n and _best(self.words[nxt], ("place_noun",)):
                    pn = _best(self.words[nxt], ("place_noun",))
                    nxt += pn.n
                    if nxt < self.n:
                        adj = _best(self.words[nxt], ("adj",))
                        if adj:
                            return adj.value
                for k2 in range(nxt, min(self.n, nxt + 4)):  # "في منطقة قنديل شمالي العراق"
                    if k2 > nxt and any(ch in STRONG for ch in self.words[k2].pre):
                        break
                    c = _best(self.words[k2], ("capital", "city", "name"))
                    if c and c.level == 0:
                        return c.value
                    adj = _best(self.words[k2], ("adj",))
                    if adj and k2 > nxt and _best(self.words[k2 - 1], ("city", "place_noun")):
                        return adj.value  # "في مدينة حلب السورية"
            if w.key.startswith("ب") and len(w.key) > 3:
                c = _best(w, ("capital", "city"))
                if c and c.level == 2:
                    return c.value
        return None
