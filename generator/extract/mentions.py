"""Mentions of one sentence: countries, state bodies, groups and persons.

Works on a tagged `Sentence` (every word already looked up in the lexicon
trie). People are found from the text, never from a list:

- title (+ nationality or country) + name: "وزير الخارجية الإيراني X Y";
- rank or honorific + name: "اللواء X Y", "الشيخ X Y";
- counterpart + nationality + name: "نظيره الإيراني X Y";
- a title without a name is a reference ("الرئيس الإيراني"), resolved later
  against the people the article names (generator/extract/context.py);
- runs of unknown words are kept as `loose` candidates: a surname-only
  mention ("قال X") or an apposition ("X Y، وزير الدفاع").

A name is 1–4 words (joiners such as بن/عبد/آل not counted) that are in no
lexicon and no stop list; it never crosses punctuation.
"""
from __future__ import annotations

import re

from ..lexicon import ARTICLE, CONJ, PREP, Lexicon, bare
from .bodies import BodyReader
from .mention import Mention
from .names import never_a_name, verb_with_object
from .text import QUOTES, Sentence, Word
from .titles import TitleNameRules, TitleReader, _best, _strong_before

ABD = ("عبد", "وعبد", "بعبد", "لعبد", "فعبد")  # "عبد" + an attribute of God: one name

COUNTRY_CATS = ("name", "capital", "city", "adj")
# categories that can never be part of a person's name
BLOCK = frozenset({
    "name", "capital", "city", "adj", "rank", "honorific", "counterpart", "group", "group_head",
    "body_adj", "body_gen", "org", "trigger", "say", "negation", "future", "conditional", "question",
    "pair_ref", "first_ref", "last_ref", "place_noun", "break", "break_comma", "visit_carrier",
})
ALWAYS_BLOCK = frozenset({"name", "capital", "adj", "group", "org", "body_adj", "body_gen", "counterpart"})
MAX_NAME_WORDS = 4
JOINER_BREAKS = frozenset({"في", "من", "علي", "الي", "عن", "مع", "ان", "و", "او", "ثم", "قد", "لا", "لم", "لن"})
ROYAL = frozenset({"ملك", "ولي العهد", "امير", "سلطان"})  # folded title lemmas of sovereigns
HEADED_BY = ("برياسه", "بقياده", "يترسه", "يتراسه", "ويتراسه")  # folded "برئاسة", "بقيادة", "يترأسه"
_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
ALEF_MAQSURA_STOPS = frozenset({"علي"})  # folded like a stop word, but a common first name when written with ي
class SentenceReader(TitleReader, TitleNameRules, BodyReader):
    """Finds the mentions of one sentence."""

    def __init__(self, s: Sentence, lex: Lexicon):
        self.s, self.lex, self.words = s, lex, s.words
        self.n = len(s.words)
        self.after_title = False
        self.loose_mode = False  # reading a run that only counts if it is a known surname
        self._ok: dict[tuple, bool] = {}  # name_ok's answers

    # -- word tests --
    def is_comp(self, k: int) -> bool:
        if k >= self.n:
            return False
        w = self.words[k]
        comps = self.lex.complements
        return any(f in comps or (f.endswith("ه") and f[:-1] in comps) for f, _ in w.forms)

    def is_stop(self, w: Word) -> bool:
        key = w.key
        if key in self.lex.stops:
            return True
        if key[:1] in ("و", "ف") and len(key) > 2 and key[1:] in self.lex.stops:
            return True
        rest = key[1:] if key[:1] in ("و", "ف") else key
        if rest[:1] in ("ب", "ل", "ك") and (len(rest) >= 5 or rest[1:] in self.lex.outlets
                                              or (len(rest) == 4 and rest[0] == "ب" and rest[1:] in self.lex.place_heads)):
            # "لرويترز", "لشفق", "بالقصر", "للصحفيين", "بمقر", "بقصر" (but "كامل" is a name, not ك + "أمل",
            # and "باول" is a name, not ب + "أول")
            if rest[1:] in self.lex.stops or (rest.startswith("لل") and "ال" + rest[2:] in self.lex.stops):
                return True
        return False

    def name_ok(self, k: int, first: bool) -> bool:
        """Can word k be a name's word (its first when `first`)? Cached per reading state:
        each word is asked several times (a loose run, then the name read from it)."""
        state = (k, first, self.after_title, self.loose_mode, self.split_at)
        ok = self._ok.get(state)
        if ok is None:
            ok = self._ok[state] = self._name_ok(k, first)
        return ok

    def _name_ok(self, k: int, first: bool) -> bool:
        w = self.words[k]
        key = w.key
        if first and self.after_title and (key in self.lex.names_like_stops or (
                key in self.lex.verb_like_names and _best(w, ("adj",)) and not key.startswith("ال"))
                or self.common_first_name(k)):
            # "الشيخ صباح خالد", "العميد الركن تركي X": a name when another name word follows
            if k + 1 < self.n and not _strong_before(self.words[k + 1]) and self.name_ok(k + 1, first=False):
                return True
        if (not first and k and key.startswith("ال") and len(key) >= 4 and not w.comma_before
                and self.words[k - 1].key in ABD):
            return True  # "عبد السلام", "بعبد الرحمن": the second half of a compound name, even a common word
        shapes = self.lex.memo.setdefault("name_shape", {})
        never = shapes.get((key, first))
        if never is None:
            never = shapes[(key, first)] = never_a_name(key, first, self.lex)
        if never:
            return False
        if self.is_stop(w) and not (self.after_title and key in ALEF_MAQSURA_STOPS
                                    and _MARKS.sub("", w.text).endswith("ي")):
            return False  # "علي" after a title is the name Ali, not "على"
        if first and key.startswith("ال") and not self.loose_mode and not (
                self.after_title and _MARKS.sub("", w.text).lstrip("وفبل")[:2] in ("أل", "إل") and len(key) >= 5
                and not w.hits and k + 1 < self.n and not _strong_before(self.words[k + 1])
                and self.name_ok(k + 1, first=False)):
            # the article is written ال; "ألينا X", "ألكسندر X" after a title are foreign first names
            return False
        if "\u064b" in w.text:
            return False  # tanween: an indefinite noun or adverb ("هجوماً"), never a name
        if first:
            nxt = self.words[k + 1].key if k + 1 < self.n else ""
            if self._verb_like(w) and nxt.startswith("ال"):
                return False  # "تمثل الخير": a verb and its object
            if key[:1] == "و" and len(key) > 3 and key not in self.lex.verb_like_names and k != self.split_at:
                return False  # "… لدى إيران ومنع عودة …": a conjunction starts no name
            if any(h.cat == "title" and h.level == 0 for h in w.hits) and key not in self.lex.title_names:
                return False  # "وزيرة التنمية …" is a title, never a first name
        if not first:
            if key[:1] == "و" and key.endswith(("ه", "ها", "هم", "هما")) and len(key) > 4:
                return False  # "X ورفاقه", "X وحكومته": a conjunction, not a name
            for h in w.hits:
                if h.cat == "title" and h.level <= CONJ and key not in self.lex.title_names and not (
                        key in self.lex.names_like_stops and self.name_like(k + 1)):  # "محمد الأمين X"
                    return False  # "X Y رئيس ديوان …", "X المتحدث باسم …"
                if h.cat == "title" and h.level == 2 and (h.value[1] != "forms" or self.is_comp(k + h.n)):
                    return False  # "X بكبير مفاوضي …"
        for h in w.hits:
            if h.cat == "title":
                if h.level > CONJ:
                    continue
                if first and h.level == CONJ:
                    return False
                nk = k + h.n
                if h.value[1] != "forms" or (nk < self.n and (self.is_comp(nk) or _best(self.words[nk], ("adj",)))):
                    return False
            elif h.cat in ALWAYS_BLOCK:
                return False
            elif h.cat in BLOCK and (h.level <= CONJ or (h.level < ARTICLE and (first or h.cat == "trigger"))):
                if first and self.after_title and h.level == CONJ and h.cat in ("trigger", "say", "future"):
                    continue  # "فيصل" is not "ف" + "يصل" right after a title
                return False
        return True

    def read_name(self, j: int, allow_comma: bool = True) -> int:
        """End of the name starting at word j (j when there is none)."""
        k, count = j, 0
        joiners = self.lex.joiners
        while k < self.n and count < MAX_NAME_WORDS:
            w = self.words[k]
            if _strong_before(w) and not (k == j and allow_comma and (w.comma_before and w.pre[-1:] in "،,"
                                                                      or self.after_closing_quote(k))):
                break
            if count >= 2 and (self._verb_like(w) or self.conj_starts_new_name(k, count)):
                break  # "X Y يشيد": a present-tense verb ends the name; "X Y وZ W": two names
            after_joiner = k > j and self.words[k - 1].key in joiners and w.key not in JOINER_BREAKS \
                and not any(ch.isdigit() for ch in w.key)
            if not after_joiner and not self.name_ok(k, first=(k == j)):
                if count and self.after_title and self.particle_ends_name(k):
                    k += 1  # "X في،": the name's last word
                break  # ("عبد الأمير": a word after a joiner is part of the name)
            if w.key not in joiners:
                count += 1
            k += 1
        while k > j and self.words[k - 1].key in joiners:
            k -= 1
        if k == j + 1:  # one word: a verb with its object is no name ("، تناول معه …")
            nxt = self.words[k] if k < self.n and not _strong_before(self.words[k]) else None
            if verb_with_object(_MARKS.sub("", self.words[j].text), self.words[j].key,
                                nxt.key if nxt else None, self.lex.stops):
                return j
        return k

    def _verb_like(self, w: Word) -> bool:
        key = w.key
        return len(key) >= 4 and key[0] in "يتن" and key not in self.lex.verb_like_names

    def _definite(self, k: int) -> bool:
        key = self.words[k].key
        return key.startswith(("ال", "وال", "فال", "بال", "لل"))

    def text(self, i: int, j: int) -> str:
        return self.s.span_text(i, j)

    def _name_at(self, i: int, e: int, how: str) -> Mention:
        """A person mention that is only the name in words i..e."""
        return Mention(i, e, "person", how, name=self.text(i, e), words=tuple(x.key for x in self.words[i:e]),
                       name_start=i)

    # -- the person after a title, a rank or an honorific --
    def person_after(self, i: int, j: int, **info) -> tuple[Mention | None, int]:
        """A person whose name starts at j (after an optional rank or honorific)."""
        k = j
        rank = None
        if k < self.n:
            r = _best(self.words[k], ("rank", "honorific"))
            if r and not _strong_before(self.words[k]):
                rank = r.value if r.cat == "rank" else None
                k += r.n
            else:
                t = _best(self.words[k], ("title",))  # "الأمير", "الملك" before a name
                if t and t.value[1] == "alone" and t.n == 1 and not _strong_before(self.words[k]):
                    k += 1
        self.after_title = True
        e = self.read_name(k)
        self.after_title = False
        if e > k and e < self.n and not _strong_before(self.words[e]):
            # "رئيس الوزراء العراقي محمد شياع السوداني", "رئيس الوزراء محمد شياع السوداني":
            # a nisba right after a name of two words or more is part of the name (news
            # prose puts a nationality after the title, never after the name)
            adj = _best(self.words[e], ("adj",))
            key = self.words[e].key
            if adj and adj.n == 1 and key.startswith("ال") and key.endswith("ي") and e - k >= 2:
                e += 1
        if e > k:
            return Mention(i, e, "person", "named", name=self.text(k, e),
                           words=tuple(w.key for w in self.words[k:e]), rank=rank or info.pop("rank", None),
                           name_start=k, **info), e
        return None, j

    # -- the pass --
    def read(self) -> list[Mention]:
        out: list[Mention] = []
        i = 0
        words = self.words
        while i < self.n:
            w = words[i]
            if w.key in HEADED_BY and i + 1 < self.n:  # "وفد … برئاسة X Y": X Y is a person
                self.after_title = True
                e = self.read_name(i + 1, allow_comma=False)
                self.after_title = False
                if e - (i + 1) >= 2:
                    out.append(self._name_at(i + 1, e, "named"))
                    i = e
                    continue
            e = self.ruler_name(i)
            if e > i:  # "نظام بشار الأسد": a ruler's name
                out.append(self._name_at(i + 1, e, "named"))
                i = e
                continue
            m, e = self._at(i) if w.hits else (None, i)
            if m is None:
                e = self._loose(i)
                if e > i:
                    out.append(self._name_at(i, e, "loose"))
                    i = e
                else:
                    i += 1
                continue
            out.extend(m if isinstance(m, list) else [m])
            if not isinstance(m, list) and m.kind == "person":
                inner = self._inner(m)
                out.extend(inner)
                m.affil = inner[0] if inner else None
            i = max(e, i + 1)
        self._appositions(out)
        return out

    def _inner(self, m: Mention) -> list[Mention]:
        """Groups named inside a title ("المتحدث باسم حركة X"): mentioned, but not actors."""
        out = []
        stop = m.name_start if m.name_start >= 0 else m.end
        k = m.start + 1
        while k < stop:
            g = _best(self.words[k], ("group", "group_needs_head"))
            org = _best(self.words[k], ("org",))
            body = self._body(k) if _best(self.words[k], ("body_adj", "body_gen")) and (
                self.words[k - 1].key in self.lex.connectors or bare(self.words[k - 1].key) == "جهاز") else None
            if g and (g.cat == "group" or _best(self.words[k - 1], ("group_head",))):
                out.append(Mention(k, k + g.n, "group", "inner", eid=g.value))
                k += g.n
            elif org:
                out.append(Mention(k, k + org.n, "organization", "inner", eid=org.value))
                k += org.n
            elif body:
                body[0].how = "inner"
                out.append(body[0])
                k = body[0].end
            else:
                k += 1
        return out

    def _loose(self, i: int) -> int:
        self.loose_mode = True
        try:
            if not self.name_ok(i, first=True):
                return i
            return self.read_name(i, allow_comma=True)
        finally:
            self.loose_mode = False

    def _at(self, i: int):
        w = self.words[i]
        # a known group (longest spelling wins)
        g = _best(w, ("group",))
        gh = _best(w, ("group_needs_head",))
        head = _best(w, ("group_head",))
        if g:
            after = self._group_after_head(i, head) if head else None
            if after is not None and after.how == "known" and after.end > i + g.n:
                return after, after.end  # "لتنظيم داعش خراسان": the longer name
            return Mention(i, i + g.n, "group", "known", eid=g.value), i + g.n
        prev_head = _best(self.words[i - 1], ("group_head",)) if i > 0 else None
        closed = gh and (self.words[i + gh.n].quote_before if i + gh.n < self.n else self.s.tail[:1] in QUOTES)
        if gh and ((prev_head is not None and prev_head.level < ARTICLE) or (w.quote_before and closed)):
            return Mention(i, i + gh.n, "group", "known", eid=gh.value), i + gh.n
        if head:
            found = self._group_after_head(i, head)
            if found:
                return found, found.end
        org = _best(w, ("org",))
        if org:
            return Mention(i, i + org.n, "organization", "named", eid=org.value), i + org.n
        t = _best(w, ("title",))
        if t:
            m, e = self._title_person(i, t)
            if m is not None:
                return m, e
        r = _best(w, ("rank", "honorific"))
        if r:
            j = i + r.n
            country = None
            if j < self.n and not _strong_before(self.words[j]):
                adj = _best(self.words[j], ("adj",))
                if adj:
                    country = adj.value
                    j += adj.n
            m, e = self.person_after(i, j, rank=r.value if r.cat == "rank" else None, country=country,
                                     lemma=r.value if r.cat == "rank" else None)
            if m is not None:
                if e - m.name_start == 1:
                    m.how = "ref_named"  # "الجنرال X": a known person's surname
                return m, e
            if country and r.cat == "rank":
                return Mention(i, j, "person", "ref", lemma=r.value, rank=r.value, country=country), j
        c = _best(w, ("counterpart",))
        if c:
            j = i + c.n
            country = None
            if j < self.n and not _strong_before(self.words[j]):
                adj = _best(self.words[j], ("adj",))
                if adj:
                    country = adj.value
                    j += adj.n
            while j < self.n and self.is_comp(j) and not _strong_before(self.words[j]):
                j += 1  # "نظيره السوداني المكلف X"
            m, e = self.person_after(i, j, country=country, counterpart=True)
            if m is not None:
                if e - m.name_start == 1 and not self._single_ok(m.name_start, country):
                    m.how = "ref_named"  # "نظيره الكويتي، تناولت …": one word is only a known surname
                return m, e
            return Mention(i, j, "person", "ref", country=country, counterpart=True), j
        body = self._body(i)
        if body:
            return body, body[-1].end
        ch = _best(w, COUNTRY_CATS)
        if ch:
            m = Mention(i, i + ch.n, "country", ch.cat, eid=ch.value, country=ch.value)
            if ch.cat == "adj" and ch.n == 1 and w.key.startswith("ال"):
                m.words = (w.key,)
                prev = self.words[i - 1] if i else None
                m.surname_slot = prev is None or _strong_before(w) or prev.key in ("ان", "إن", "أن", "قد") or \
                    any(h.cat in ("trigger", "say", "visit_carrier", "strike_verb") and h.level <= CONJ
                        for h in prev.hits) or self.is_stop(prev) or any(
                        prev.key.endswith(suf) and prev.key[:-len(suf)] in self.lex.stops for suf in ("ها", "ه", "هم"))
            return m, i + ch.n
        if w.has("last_ref") and i + 1 < self.n and (
                any(h.cat in ("trigger", "say") for h in self.words[i + 1].hits)
                or (i and self.words[i - 1].key in ("ان", "إن", "أن"))):
            return Mention(i, i + 1, "person", "lastref"), i + 1
        return None, i + 1

    def _title_person(self, i: int, t):
        lemma, mode = t.value
        if i and bare(self.words[i - 1].key) in self.lex.place_heads and not _strong_before(self.words[i]) \
                and not self._definite(i - 1):
            return None, i  # "بمطار الملك خالد الدولي": a place named after a person
        j, country, comps, complete, adj_at = self.read_title(i, t)
        via = self.unknown_modifiers(j) if mode != "dual" else None
        if via is not None:  # "وزير الخزانة والمالية التركي X Y": a name of two words or more
            m, e = self.person_after(i, via[0], title=self.title_text(i, via[0] - 1, []), lemma=lemma,
                                     comps=comps, country=country or via[1])
            if m is not None and e - m.name_start >= 2:
                return m, e
        if not complete:
            return None, i
        title = self.title_text(i, j, adj_at)
        if mode == "dual":
            k = i + t.n
            if k < self.n and any(h.cat == "title" and h.level == 0 and h.value[1] != "dual"
                                  for h in self.words[k].hits):
                return None, k  # "الزعيمان الرئيس التركي X والرئيس الروسي Y": the two are named after it
            return Mention(i, j, "person", "dual", title=title, lemma=lemma, comps=comps), j
        if country is None and lemma in ROYAL:
            country = self._home_country(j)
        j, may_name = self.after_title_words(j)  # "… آنذاك X", "… الهاشمي X Y"
        m, e = self.person_after(i, j, title=title, lemma=lemma, comps=comps, country=country) if may_name else (None, j)
        if m is not None:
            if e - m.name_start == 1 and not self._single_ok(m.name_start, country):
                m.how = "ref_named"  # one word: only a known person's surname
            return m, e
        return Mention(i, j, "person", "ref", title=title, lemma=lemma, comps=comps, country=country), j

    def _home_country(self, j: int) -> str | None:
        """"استقبل الملك X في قصر … بالرياض": a sovereign named without a nationality
        reigns where the sentence places him right after his name (the next 8 words,
        before anyone else is named)."""
        for k in range(j, min(self.n, j + 9)):
            w = self.words[k]
            if k > j and any(h.cat in ("title", "rank", "honorific", "counterpart", "adj") for h in w.hits):
                return None
            place = _best(w, ("capital", "city", "name"))
            if place and k > j and (self.words[k - 1].key == "في" or place.level == PREP):
                return self.lex.countries[place.value].id if place.value in self.lex.countries else None
        return None

    def _single_ok(self, k: int, country) -> bool:
        key = self.words[k].key
        if country is None or len(key) < 3:
            return False
        if key[:1] in ("ي", "ت", "ن", "و", "ف", "ل", "ب") or key.startswith(("سي", "ست")) or key.endswith("ا"):
            return False  # a verb, a word with a clitic, or an adverb, most likely
        return True

    # -- "X Y، وزير الدفاع" --
    def _title_before(self, b: Mention, out: list[Mention]) -> int | None:
        """"مدير "المرصد …"، X Y، إن …", "المحلل المقيم في Z، X Y، أن …": a name of two
        words or more between commas names the person the title just before describes."""
        w = self.words[b.start]
        if len(b.words) < 2 or not w.comma_before or w.key.startswith("ال") or (
                b.end < self.n and not self.words[b.end].comma_before) or b.end == self.n and self.s.tail[:1] != "،":
            return None
        for k in range(b.start - 1, max(-1, b.start - 10), -1):
            t = _best(self.words[k], ("title",))
            if t and t.level <= CONJ and t.value[1] != "dual":
                taken = any(m.kind == "person" and m.how == "named" and k <= m.start < b.start
                            for m in out)
                return None if taken else k
            if any(c not in "\"«»“”" for c in self.words[k].pre):
                return None
        return None

    def _appositions(self, out: list[Mention]) -> None:
        for b in out:
            k = self._title_before(b, out) if b.how == "loose" else None
            if k is not None:
                a = next((m for m in out if m.how in ("ref", "ref_named") and m.start == k and m.title), None)
                b.how, b.name_start = "named", b.start
                b.title, b.lemma = (a.title, a.lemma) if a else (self.words[k].text, None)
                b.comps, b.country = (a.comps, a.country) if a else (frozenset(), None)
                if a is not None:
                    a.how = "merged"
        for a, b in zip(out, out[1:]):
            # "قائد الإدارة السورية الانتقالية أحمد X": an unknown adjective between title and name
            if (a.kind == "person" and a.how == "ref" and a.title and b.how == "loose" and len(b.words) >= 2
                    and b.start - a.end == 1 and self.words[a.end].key.startswith("ال")
                    and not _strong_before(self.words[a.end]) and not _strong_before(self.words[b.start])):
                a.how, a.name, a.words, a.name_start = "named", b.name, b.words, b.start
                a.title = a.title + " " + self.words[a.end].text
                a.end = b.end
                b.how = "merged"
                continue
            if (a.kind == "person" and a.how in ("named", "ref_named") and not a.title and b.kind == "person"
                    and b.how == "ref" and b.title and a.end == b.start and (
                        self.words[b.start].comma_before
                        or any(m.kind == "person" and m.end <= a.start for m in out))):
                # (no comma: "استقبل X معالي Y وزير خارجية إيران" — a second person named without a
                # title carries the one right after it; the first may be a verb's subject and
                # the title its object: "التقى الشيخ X وزير الخارجية الأمريكي")
                # "اللواء X Y، رئيس المخابرات العامة المصرية،": the title after the name
                a.title, a.lemma, a.comps = b.title, b.lemma, b.comps
                a.country = a.country or b.country
                a.end = b.end
                b.how = "merged"
                continue
            if a.how == "loose" and len(a.words) >= 2 and a.words[0][:1] in ("و", "ف") and \
                    a.words[0][1:2] in ("ي", "ت", "ن") and b.how == "ref":
                continue  # "ويعد X، الرئيس السابق …": a verb, not a name
            if (a.how == "loose" and b.kind == "person" and b.how == "ref" and b.title and a.end == b.start
                    and self.words[b.start].comma_before and len(a.words) >= 2):
                a.how, a.title, a.lemma, a.comps, a.country = "named", b.title, b.lemma, b.comps, b.country
                a.end = b.end
                b.how = "merged"
        out[:] = [m for m in out if m.how != "merged"]
