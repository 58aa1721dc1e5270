"""State bodies and groups inside a sentence: "القوات المسلحة السودانية", "وزارة
الدفاع الأمريكية", "القوات البحرية التابعة للحرس الثوري", "جماعة «X»", "جبهة
تحرير X". A mixin of generator.extract.mentions.SentenceReader (it reads
`self.words`, `self.n`, `self.lex`, `self.s`, `self.text`, `self.is_stop`)."""
from __future__ import annotations

from ..lexicon import ARTICLE, PREP, bare
from .mention import Mention
from .text import QUOTES
from .titles import _best, _strong_before


class BodyReader:
    def _group_after_head(self, i: int, head) -> Mention | None:
        j = i + head.n
        if j >= self.n:
            return None
        w = self.words[j]
        if _strong_before(w) and not w.quote_before:
            return None
        g = _best(w, ("group", "group_needs_head"))
        if g and (g.cat == "group" or head.level < ARTICLE or w.quote_before):
            end = j + g.n
            return Mention(i, end, "group", "known", eid=g.value)
        if bare(w.key) in self.lex.group_generic:
            return None
        if self.words[i].quote_before and head.level == 0 and not w.quote_before:  # «head name»
            k = j
            while k < self.n and k - j < 4 and not _strong_before(self.words[k]) and not self.is_stop(
                    self.words[k]) and not _best(self.words[k], ("adj", "name", "capital", "org", "title", "trigger")):
                k += 1
            if k > j and (self.words[k].quote_before if k < self.n else self.s.tail[:1] in QUOTES):
                return Mention(i, k, "group", "new", name=self.text(i, k))
            return None
        if w.quote_before:  # head + «name»
            k = j
            while k < self.n and k - j < 5:
                if k > j and self.words[k].quote_before:
                    break
                if self.words[k].key.isdigit():
                    return None
                k += 1
            closed = k < self.n and self.words[k].quote_before or k == self.n and any(
                c in "»\"”" for c in self.s.tail)
            if closed and k > j:
                return Mention(i, k, "group", "new", name=self.text(j, k))
            return None
        if bare(w.key) == "تحرير":  # "جبهة تحرير X"
            k = j + 1
            while k < self.n and k - j <= 3 and not _strong_before(self.words[k]):
                x = self.words[k]
                if self.is_stop(x) or _best(x, ("trigger", "say", "adj", "title", "group", "group_head")) or (
                        x.key.startswith("و") and k > j + 1):
                    break
                k += 1
            if k > j + 1:
                return Mention(i, k, "group", "new", name=self.text(i, k))
        return None

    def _body(self, i: int) -> list[Mention] | None:
        w = self.words[i]
        b = _best(w, ("body_adj",))
        if b:
            j = i + b.n
            out = []
            while j < self.n and not _strong_before(self.words[j]):
                adj = _best(self.words[j], ("adj",))
                if not adj or (out and not self.words[j].key.startswith("و")):
                    break
                out.append(Mention(i if not out else j, j + adj.n, "organization", "body",
                                   eid=f"{adj.value}-{b.value}", country=adj.value))
                j += adj.n
            if out:
                return out
            found = self._body_of(i, j, b)
            if found:
                return [found]
        b = _best(w, ("body_gen",))
        if b:
            j = i + b.n
            if j < self.n and not _strong_before(self.words[j]):
                nm = _best(self.words[j], ("name",))
                if nm and nm.level == 0:
                    return [Mention(i, j + nm.n, "organization", "body", eid=f"{nm.value}-{b.value}",
                                    country=nm.value)]
        return None

    def _body_of(self, i: int, j: int, b) -> Mention | None:
        """A body head without an adjective, then whose it is: "القوات البحرية التابعة للحرس
        الثوري" (that body's own entity), "القوات المسلحة في السودان" (when the body's
        genitive is written with في in organizations.yaml)."""
        if j + 1 >= self.n or _strong_before(self.words[j]) or _strong_before(self.words[j + 1]):
            return None
        key = self.words[j].key
        if key in ("التابعه", "التابع", "التابعين", "التابعتين", "التابعان"):
            x = self.words[j + 1]
            owner = _best(x, ("org", "group"))
            if owner and owner.level == PREP:
                kind = "group" if owner.cat == "group" else "organization"
                country = self.lex.named[owner.value].country if owner.cat == "org" else None
                return Mention(i, j + 1 + owner.n, kind, "body" if kind == "organization" else "known",
                               eid=owner.value, country=country)
            return None
        body = self.lex.bodies.get(b.value)
        if key == "في" and body is not None and body.genitive and " في " in body.genitive:
            nm = _best(self.words[j + 1], ("name",))
            if nm and nm.level == 0:
                return Mention(i, j + 1 + nm.n, "organization", "body", eid=f"{nm.value}-{b.value}",
                               country=nm.value)
        return None
