"""The people of one article, and how a mention finds the person it names.

Pass 1 (`People.add`) registers every person named with a title, rank,
honorific or counterpart word. Spelling variants ("عبداللطيفي" / "عبد اللطيفي")
and shorter forms ("نواز شريف" / "محمد نواز شريف") join one person.

Pass 2 resolves the other mentions: a surname alone ("قال X") when it ends
exactly one known name, a bare title ("الرئيس الإيراني") when exactly one
known person holds it, a counterpart ("نظيره الباكستاني") by country.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..normalize import squash
from .mentions import Mention
from .names import name_words, slug_of, tail_matches


@dataclass
class Person:
    name: str
    words: list[str]
    aliases: list[str] = field(default_factory=list)
    roles: list[tuple[str, str | None]] = field(default_factory=list)  # (title as written, country)
    lemmas: set = field(default_factory=set)
    comps: set = field(default_factory=set)
    ranks: set = field(default_factory=set)
    country: str | None = None
    eid: str = ""
    affil: object = None  # Mention of the group or body the person speaks for

    def spellings(self) -> list[str]:
        return [self.name, *self.aliases]


class People:
    def __init__(self):
        self.items: list[Person] = []

    # -- matching by name --
    def _same(self, p: Person, words: list[str], country: str | None) -> bool:
        if country and p.country and country != p.country:
            return False
        key = squash("".join(words))
        for spelling in p.spellings():
            known = name_words(spelling)
            if squash("".join(known)) == key:
                return True
            if len(words) >= 2 and len(known) >= 2:
                short, long_ = sorted((words, known), key=lambda x: len(squash("".join(x))))
                if tail_matches(short, long_):
                    return True
        return False

    def find_named(self, words: list[str], country: str | None = None) -> Person | None:
        hits = [p for p in self.items if self._same(p, words, country)]
        return hits[0] if len(hits) == 1 else None

    def build_index(self) -> None:
        """Every word-boundary ending of every spelling → the persons it ends (for surnames)."""
        self._tails: dict[str, list[Person]] = {}
        for p in self.items:
            for spelling in p.spellings():
                acc = ""
                for w in reversed(name_words(spelling)):
                    acc = squash(w) + acc
                    owners = self._tails.setdefault(acc, [])
                    if p not in owners:
                        owners.append(p)

    def find_surname(self, words: list[str]) -> Person | None:
        """A known person whose name ends with these words (one person only)."""
        key = squash("".join(words))
        if len(key) < 3:
            return None
        hits = self._tails.get(key, ())
        return hits[0] if len(hits) == 1 else None

    # -- registering --
    def add(self, m: Mention) -> Person:
        words = list(m.words)
        p = self.find_named(words, m.country)
        if p is None:
            p = Person(m.name, words)
            self.items.append(p)
        else:
            if m.name not in p.spellings():
                if len(squash(m.name)) > len(squash(p.name)):
                    p.aliases.append(p.name)
                    p.name, p.words = m.name, words
                else:
                    p.aliases.append(m.name)
        self.learn(p, m)
        return p

    def learn(self, p: Person, m: Mention) -> None:
        if m.country and not p.country:
            p.country = m.country
        if m.affil is not None and p.affil is None:
            p.affil = m.affil
        if m.title:
            role = (m.title, m.country or p.country)
            if role not in p.roles:
                p.roles.append(role)
        if m.lemma:
            p.lemmas.add(m.lemma)
        p.comps |= set(m.comps)
        if m.rank:
            p.ranks.add(m.rank)

    def assign_ids(self) -> None:
        used: set[str] = set()
        for p in self.items:
            base = slug_of(p.name)
            eid, k = base, 2
            while eid in used:
                eid, k = f"{base}-{k}", k + 1
            used.add(eid)
            p.eid = eid

    # -- references --
    @staticmethod
    def _prefer_seen(cands: list[Person], seen: list[Person] | None) -> list[Person]:
        """References point back: among several candidates, those already mentioned."""
        if seen and len(cands) > 1:
            earlier = [p for p in cands if p in seen]
            return earlier or cands
        return cands

    def by_role(self, m: Mention, exclude: Person | None = None, seen: list[Person] | None = None) -> Person | None:
        cands = []
        for p in self.items:
            if p is exclude:
                continue
            if m.country and p.country not in (m.country, None):
                continue
            if m.lemma and m.lemma not in p.lemmas and m.lemma not in p.ranks:
                continue
            if m.comps and not (m.comps <= p.comps):
                continue
            cands.append(p)
        cands = self._prefer_seen(cands, seen)
        if len(cands) > 1 and m.country:
            cands = [p for p in cands if p.country == m.country] or cands
        if len(cands) > 1 and m.comps:
            exact = [p for p in cands if p.comps == set(m.comps)]
            cands = exact or cands
        return cands[0] if len(cands) == 1 else None

    def counterpart_of(self, m: Mention, antecedent: Person | None, seen: list[Person] | None = None) -> Person | None:
        cands = []
        for p in self.items:
            if p is antecedent:
                continue
            if m.country:
                if p.country != m.country:
                    continue
            elif antecedent is not None and (p.country is None or p.country == antecedent.country):
                continue
            cands.append(p)
        if not cands and m.country and seen:
            # nobody of that nationality is known: a person already named whose country is unknown
            cands = [p for p in seen if p is not antecedent and p.country is None]
        cands = self._prefer_seen(cands, seen)
        if antecedent is not None and len(cands) > 1:
            same = [p for p in cands if p.lemmas & antecedent.lemmas or p.ranks & antecedent.ranks]
            cands = same or cands
        return cands[0] if len(cands) == 1 else None
