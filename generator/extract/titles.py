"""Titles of persons: "وزير الخارجية الإيراني", "وزير خارجية باكستان", "المتحدث
باسم حركة X", "السفير … لدى اليمن", "رئيس الحركة في قطاع غزة".

`TitleReader.read_title` reads a title from its head word: the complement
words ("الخارجية"), the country the title belongs to (a nationality adjective,
a construct-state country, a capital standing for its state, or the country of
the body or group named in it, "باسم"), and the places that are a posting
rather than a nationality ("لدى اليمن", "للأمم المتحدة في لبنان"). It is a
mixin of mentions.SentenceReader, which provides `words`, `n`, `lex`,
`is_comp` and `_definite`.
"""
from __future__ import annotations

from ..lexicon import CONJ, bare
from .text import STRONG, Word


def _strong_before(w: Word) -> bool:
    return any(c in STRONG for c in w.pre)


def _best(w: Word, cats) -> object:
    best = None
    for h in w.hits:
        if h.cat in cats and (best is None or h.n > best.n or (h.n == best.n and h.level < best.level)):
            best = h
    return best


class TitleReader:
    """Reads the titles of one sentence (a mixin of mentions.SentenceReader)."""

    def read_title(self, i: int, hit) -> tuple[int, str | None, frozenset, bool, list[int]]:
        """Title starting at i: (end, country, complement words, complete, adjective positions)."""
        lemma, mode = hit.value
        j = i + hit.n
        country, comps, adj_at, posting = None, set(), [], False
        intl = False  # an international body in the title: a country after it is a posting
        owner = None  # the country of a group or body the title names ("في حكومة طالبان")
        complete = mode != "forms"
        while j < self.n:
            w = self.words[j]
            if _strong_before(w):
                break
            adj = _best(w, ("adj",))
            if adj:
                if country is None and not posting:
                    country = adj.value
                adj_at.extend(range(j, j + adj.n))
                complete = True
                j += adj.n
                continue
            whole = _best(w, ("group", "org", "name"))
            if whole and whole.cat == "name" and whole.n > 1 and complete and whole.level <= CONJ:
                if country is None and not posting and not intl:
                    country = whole.value  # "… في الجمهورية الإسلامية الإيرانية"
                posting = False
                j += whole.n
                continue
            if whole and whole.cat != "name" and whole.n > 1 and (complete or whole.cat == "group"):
                owner = owner or (None if posting else self._owner_country(whole))
                j += whole.n  # "باسم جماعة الحوثي": the whole name, not the head word as a complement
                complete = True
                intl = intl or (whole.cat == "org" and self.lex.named[whole.value].country is None)
                continue
            if self.is_comp(j):
                comps.add(bare(w.key))
                intl = intl or bare(w.key) in ("اممي", "امميه", "امم")
                complete = True
                j += 1
                continue
            nm = _best(w, ("name",))
            if nm and complete and (posting or (nm.level == 2 and w.key[:1] == "ل")):
                j += nm.n  # "السفير … لدى اليمن", "المبعوث الخاص لأفغانستان": where, not whose
                posting = False
                continue
            if nm and intl and complete and self.words[j - 1].key in ("في", "لدي"):
                j += nm.n  # "المنسقة الخاصة للأمم المتحدة في لبنان": a posting, not a nationality
                continue
            place = _best(w, ("city", "capital"))
            if place and not nm and complete and j > i and (
                    self.words[j - 1].key in self.lex.connectors or self.is_comp(j - 1)):
                j += place.n  # "رئيس الحركة في قطاع غزة", "محافظ البنك المركزي في عدن": where
                continue
            if not nm and not comps and country is None and j == i + hit.n:
                cap = _best(w, ("capital",))
                if cap and cap.level == 0:  # "سفير طهران لدى الرياض": the capital stands for the state
                    country, complete = cap.value, True
                    j += cap.n
                    continue
            if nm and nm.level <= CONJ and country is None and not self._definite(j - 1):
                country = nm.value  # construct state: "وزير خارجية باكستان"
                complete = True
                j += nm.n
                continue
            t = _best(w, ("title",))
            if t and t.value[1] != "dual" and (t.value[1] == "alone" or self.is_comp(j + t.n)) and (
                    not complete or not self._definite(j - 1)):  # "وزير الدفاع الأمير X": an honorific
                comps.update(bare(x) for x in t.value[0].split())
                j += t.n
                complete = True
                continue
            org = _best(w, ("body_adj", "body_gen", "org", "group"))
            if org and (complete or org.cat == "group"):
                intl = intl or (org.cat == "org" and self.lex.named[org.value].country is None)
                owner = owner or (None if posting else self._owner_country(org))
                j += org.n
                complete = True
                if org.cat == "body_adj" and j < self.n and _best(self.words[j], ("adj",)):
                    continue  # its nationality is read on the next turn
                continue
            gh = _best(w, ("group_head",))
            if gh and complete and j + gh.n < self.n and _best(self.words[j + gh.n], ("group", "group_needs_head")):
                j += gh.n
                continue
            if w.key in ("باسمها", "باسمه", "باسمهم", "باسمهما") and not complete:
                j += 1  # "أدانت الخارجية الإيرانية …، وقال المتحدث باسمها X"
                complete = True
                continue
            if w.key in ("لشوون", "للشوون", "شوون", "لشان") and j + 1 < self.n and complete:
                j += 2  # "المبعوثة الخاصة لشؤون المرأة …": the portfolio
                continue
            if w.key in self.lex.connectors and j + 1 < self.n and (
                    self.is_comp(j + 1) or _best(self.words[j + 1], ("body_adj", "body_gen", "org", "name", "group"))):
                if w.key in self.lex.posting:
                    posting = True
                elif not self.is_comp(j + 1):
                    complete = True  # "المتحدثة باسم البيت الأبيض", "المتحدث باسم قوة اليونيفيل"
                j += 1
                continue
            break
        return j, country or owner, frozenset(comps), complete, adj_at

    def _owner_country(self, hit) -> str | None:
        if hit.cat == "org":
            return self.lex.named[hit.value].country
        if hit.cat == "group":
            return self.lex.groups[hit.value].country
        return None

    def title_text(self, i: int, j: int, adj_at: list[int]) -> str:
        parts = []
        for k in range(i, j):
            if k in adj_at:
                continue
            parts.append(self.words[k].text)
        text = " ".join(parts)
        first = self.words[i]
        # clitics in front of the head (و ف ب ل ك) are not part of the title
        t = _best(first, ("title",))
        if t is not None and t.level > 0:
            form = next((f for f, lv in first.forms if lv == t.level), first.key)
            cut = len(first.key) - len(form)
            if first.key.startswith(("لل", "ولل", "فلل")) and form.startswith("ال"):
                cut = first.key.index("لل")
                text = text[:cut] + "ا" + text[cut + 1:]
            text = text[cut:]
        return text
