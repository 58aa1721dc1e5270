"""The forms of a folded word the lexicon trie is matched with: the word itself and the
forms left when a conjunction (و ف), a preposition (ب ل ك, لل) or the article ال is
taken off, each with how much was taken off. Cached: words repeat across sentences."""
from __future__ import annotations

import re
from functools import lru_cache

from .normalize import fold

_WORDS = re.compile(r"[\w\u064b-\u065f\u0670\u0640]+")

# How much of a word's front may be taken off to match an entry:
# 0 exact, 1 a conjunction (و ف), 2 a preposition (ب ل ك, لل), 3 the article ال.
EXACT, CONJ, PREP, ARTICLE = 0, 1, 2, 3


def words_of(text: str) -> tuple[str, ...]:
    """The folded words of a spelling; hyphens, dashes and quotes are not words."""
    return tuple(_WORDS.findall(fold(text)))


def variants(key: str) -> list[tuple[str, int]]:
    """A folded word and its forms without clitics, each with how much was taken off."""
    return list(forms_of(key))


@lru_cache(maxsize=100_000)
def forms_of(key: str) -> tuple[tuple[str, int], ...]:
    """`variants` as a shared tuple (cached: words repeat across sentences and articles)."""
    out = [(key, EXACT)]
    bases = [(key, EXACT)]
    if key[:1] in ("و", "ف") and len(key) > 3:
        bases.append((key[1:], CONJ))
        out.append((key[1:], CONJ))
    for base, _ in list(bases):
        if base.startswith("لل") and len(base) > 4:
            out.append(("ال" + base[2:], PREP))
            bases.append(("ال" + base[2:], PREP))
        elif base[:1] in ("ب", "ل", "ك") and len(base) > 3:
            out.append((base[1:], PREP))
            bases.append((base[1:], PREP))
    for base, level in bases:
        if base.startswith("ال") and len(base) > 3:
            out.append((base[2:], max(level, ARTICLE)))
    seen, uniq = set(), []
    for form, level in out:
        if form not in seen:
            seen.add(form)
            uniq.append((form, level))
    return tuple(uniq)


def bare(key: str) -> str:
    """The shortest clitic-free form of a folded word."""
    return forms_of(key)[-1][0]
