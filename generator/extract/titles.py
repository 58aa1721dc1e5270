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
from .text import QUOTES_CLOSE, QUOTES_OPEN, STRONG, Word


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
            if complete and j > i + hit.n - 1 and w.quote_before and self.quoted_in_title(j):
                j = self.quoted_in_title(j)  # "ورئيس بعثة «أوصوم» X Y": the body's name is the title's
                break
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
                    self.is_comp(j + 1) or _best(self.words[j + 1], ("body_adj", "body_gen", "org", "name", "group"))
                    or (w.key in ("لدي", "لدى") and complete and _best(self.words[j + 1], ("capital",)))):
                # ("السفيرة الأميركية لدى بغداد X": a capital after "لدى" is where she serves; after
                # "إلى" it is more often where the officer travelled: "زيارة الوزير إلى واشنطن")
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


# -- names right after a title that ordinary name rules would refuse --
NAME_END_PARTICLES = frozenset({"في", "من", "عن", "مع"})  # folded prepositions; "مولي في،"
_ENDS = set("،,.;؛:!?؟")


class TitleNameRules:
    """Extra rules for a name read right after a title (a mixin of mentions.SentenceReader)."""

    split_at = -1  # a word "و + name" that ended the previous name: it may start the next one

    def conj_starts_new_name(self, k: int, count: int) -> bool:
        """"الرئيس المصري عبد الفتاح السيسي وآبي أحمد": after a name of two words or more,
        و + a name-like word starts another person's name (names listed in
        verb_like_names, "وليد", "وانغ", stay one word)."""
        w = self.words[k]
        key = w.key
        if count < 2 or key[:1] != "و" or len(key) < 4 or key in self.lex.verb_like_names:
            return False
        rest = key[1:]
        if rest in self.lex.stops or _strong_before(w) or w.hits:  # ("وأبو X": a name too)
            return False
        nxt = self.words[k + 1] if k + 1 < self.n else None  # a whole new name: "وآبي أحمد", not "وارسمي،"
        if nxt is None or not (self.name_like(k + 1) or nxt.key in self.lex.joiners):
            return False
        self.split_at = k
        return True

    def name_like(self, k: int, after_quote: bool = False) -> bool:
        """A word in no lexicon that reads as a name: no article, no case ending, no
        participle shape ("مقتنع", "معروف", "مستعد")."""
        if k >= self.n:
            return False
        w = self.words[k]
        key = w.key
        if w.hits or self.is_stop(w) or len(key) < 3 or key.startswith("ال") or (
                _strong_before(w) and not after_quote):
            return False
        if key.endswith(("ا", "ه")) or "\u064b" in w.text or any(ch.isascii() or ch.isdigit() for ch in key):
            return False
        if key[0] == "م" and (key[2] == "ت" or key.startswith("مست") or (len(key) == 5 and key[3] == "و")):
            return False
        return True

    def common_first_name(self, k: int) -> bool:
        """"المبعوث الأممي، غير بيدرسون،", "المتحدث باسم البنتاغون بات رايدر": right after a
        title, a common word (3 letters or more) is a first name when a name-like word
        follows and the name ends there."""
        key = self.words[k].key
        if len(key) < 3 or key not in self.lex.stops or not self.name_like(k + 1):
            return False
        e = k + 2
        return e >= self.n or _strong_before(self.words[e]) or bool(self.words[e].hits) or self.is_stop(self.words[e])

    def particle_ends_name(self, k: int) -> bool:
        """"مساعدة وزير الخارجية … مولي في، …": a preposition right before a comma or the
        sentence end governs nothing, so it is the last word of the name."""
        if self.words[k].key not in NAME_END_PARTICLES:
            return False
        if k + 1 < self.n:
            return any(c in _ENDS for c in self.words[k + 1].pre)
        return any(c in _ENDS for c in self.s.tail[:1])

    def unknown_modifiers(self, j: int) -> tuple[int, str | None] | None:
        """"وزير الخزانة والمالية التركي X Y", "… للحزب الشيوعي الصيني X Y": 1–3 definite
        words in no lexicon (a portfolio or an epithet the lexicon lacks), then a
        nationality adjective: (where the name starts, the country), or None."""
        k = j
        while k < self.n and k - j < 3:
            w = self.words[k]
            if _strong_before(w) or _best(w, ("adj",)):
                break
            key = w.key[1:] if w.key[:1] == "و" and w.key[1:3] == "ال" else w.key
            if not key.startswith("ال") or (w.hits and not self.is_comp(k)) or self.is_stop(w):
                return None
            k += 1
        if k == j or k >= self.n or _strong_before(self.words[k]):
            return None
        adj = _best(self.words[k], ("adj",))
        if adj is None or not self.words[k].key.startswith("ال"):
            return None
        return k + adj.n, adj.value

    def after_title_words(self, j: int) -> tuple[int, bool]:
        """Words between a complete title and its name: (where the name may start, whether
        one may). A time adverb ("مستشار الأمن القومي آنذاك X"; none behind a comma after
        it: "… آنذاك، بنزع سلاح …"), or one definite epithet in no lexicon before a
        name-like word ("رئيس الديوان الملكي الهاشمي X Y", "زعيم الحزب المعتقل X")."""
        if j >= self.n or _strong_before(self.words[j]):
            return j, True
        w = self.words[j]
        if w.key in self.lex.time_adverbs:
            return j + 1, j + 1 >= self.n or not _strong_before(self.words[j + 1])
        key = w.key
        if (key.startswith("ال") and len(key) >= 5 and not w.hits and not self.is_stop(w)
                and key not in self.lex.names_like_stops and key not in self.lex.verb_like_names
                and self.name_like(j + 1) and j + 2 < self.n and (
                    self.name_like(j + 2) or self.words[j + 2].key.startswith("ال")
                    or self.words[j + 1].key in self.lex.joiners)):
            return j + 1, True
        return j, True

    def ruler_name(self, i: int) -> int:
        """"نظام بشار الأسد", "في عهد صدام حسين": the end of a ruler's name of two words or
        more (every word name-like, or a definite last name) after a rule noun at i; i when
        there is none ("نظام دفاع جوي": a title complement is not a name)."""
        w = self.words[i]
        if bare(w.key) not in self.lex.rule_nouns or self._definite(i) or i + 2 >= self.n:
            return i
        j = i + 1
        if _strong_before(self.words[j]) or self.is_comp(j) or not self.name_like(j):
            return i
        e = self.read_name(j, allow_comma=False)
        if e - j < 2 or any(self.is_comp(k) for k in range(j, e)):
            return i
        last = self.words[e - 1].key  # a definite surname, not a participle ("نظام باتريوت المضاد")
        family = last.startswith("ال") and not self.words[e - 1].hits and (last[2] != "م" or last.endswith("ي"))
        return e if all(self.name_like(k) or (k == e - 1 and family) for k in range(j, e)) else i

    def quoted_in_title(self, j: int) -> int:
        """A body's name of 1–3 words in quotes inside a title, followed by a name-like word:
        the word after the closing quote (0 when there is none)."""
        if not any(c in QUOTES_OPEN for c in self.words[j].pre) or self.words[j].comma_before:
            return 0
        for k in range(j + 1, min(self.n, j + 4)):
            pre = self.words[k].pre
            if pre:
                closed = all(c in QUOTES_CLOSE for c in pre)
                named = self.name_like(k, after_quote=True) or (  # "«اليونيفيل» أندريا تيننتي"
                    self.name_like(k + 1) and not self.words[k].hits and not self.is_stop(self.words[k]))
                return k if closed and named else 0
        return 0

    def after_closing_quote(self, k: int) -> bool:
        """A name right after a title that ends with a quoted body name."""
        pre = self.words[k].pre
        return bool(pre) and all(c in QUOTES_CLOSE for c in pre) and k > 0 and self.after_title
