"""Name helpers: ASCII romanization for ids and file names, and name keys.

`romanize` is a plain letter-by-letter transliteration (deterministic, no
dictionary): it only has to give stable, readable slugs.
"""
from __future__ import annotations

import re

from slugify import slugify

from ..normalize import fold, squash

_LETTERS = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ء": "", "ؤ": "u", "ئ": "i",
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "ع": "a", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n",
    "ه": "h", "ة": "a", "و": "w", "ي": "y", "ى": "a", "پ": "p", "چ": "ch", "گ": "g",
    "ژ": "zh", "ڤ": "v", "ی": "y", "ک": "k",
}
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def _word(word: str) -> str:
    out = []
    n = len(word)
    for i, ch in enumerate(word):
        if ch == "و" and 0 < i < n - 1 and word[i - 1] not in "اوي" and word[i + 1] not in "اوي":
            out.append("u")  # a long vowel between consonants: محمود → mahmud
        elif ch == "ي" and 0 < i < n - 1 and word[i - 1] not in "اوي" and word[i + 1] not in "اوي":
            out.append("i")
        else:
            out.append(_LETTERS.get(ch, ch if ch.isascii() else ""))
    text = "".join(out)
    if text.startswith("al") and word.startswith("ال") and len(word) > 3:
        text = "al-" + text[2:]
    return text


def romanize(text: str) -> str:
    """ASCII romanization of Arabic (other scripts' letters are dropped, ASCII kept)."""
    text = _MARKS.sub("", (text or "").translate(_DIGITS))
    words = re.findall(r"[^\s\-_/.,،:;؛«»\"'()\[\]]+", text)
    return " ".join(w for w in (_word(x) for x in words) if w)


def slug_of(name: str) -> str:
    """A provisional entity id for a name."""
    return slugify(romanize(name))[:80].strip("-") or "entity"


def name_words(name: str) -> list[str]:
    return fold(name).replace("-", " ").split()


def tail_matches(short: list[str], full: list[str]) -> bool:
    """Does a shorter name end the full one at a word boundary, spacing ignored
    ("عبداللهيان" ends "حسين أمير عبد اللهيان")?"""
    s = squash("".join(short))
    acc = ""
    for w in reversed(full):
        acc = squash(w) + acc
        if acc == s:
            return True
        if len(acc) >= len(s):
            return False
    return False
