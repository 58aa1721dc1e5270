"""Arabic normalisation for matching. Display text and evidence keep the original.

`fold(text)` is the match form of a whole text: NFKC, no tashkeel or tatweel,
one alef, ى→ي, ة→ه, ؤ→و, ئ→ي, Eastern Arabic digits → ASCII, and Arabic
punctuation unified. Its length can differ from the original, so spans are
found on tokens (`tokens`), which keep their offsets into the original.

`stems(word)` gives a folded word and the forms left when the clitics و ف ب ل ك
and the article ال are taken off, for matching names, triggers and search terms.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_FORMAT = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")  # zero-width and bidi marks
_LETTERS = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    "ک": "ك", "ی": "ي", "ي": "ي",
    "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4", "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
    "۰": "0", "۱": "1", "۲": "2", "۳": "3", "۴": "4", "۵": "5", "۶": "6", "۷": "7", "۸": "8", "۹": "9",
    "،": ",", "؛": ";", "؟": "?", "«": '"', "»": '"', "“": '"', "”": '"', "„": '"',
})
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

# Word characters: letters and digits, plus the Arabic marks and tatweel that \w leaves
# out. Not the whole Arabic block: it holds punctuation (، ؛ ؟ ٪ ۔) that must not
# stick to the word before it ("أمس،").
_WORD_CHAR = r"[\w\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed]"
WORD = re.compile(rf"{_WORD_CHAR}+(?:[-‐]{_WORD_CHAR}+)*", re.UNICODE)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = _FORMAT.sub("", text)
    text = DIACRITICS.sub("", text)
    return text.translate(_LETTERS)


_fold_short = lru_cache(maxsize=100_000)(_fold)  # words and names repeat; whole texts do not
SHORT = 48


def fold(text: str) -> str:
    """The match form of a text (see the module doc)."""
    if not text:
        return ""
    return _fold_short(text) if len(text) <= SHORT else _fold(text)


def to_ascii_digits(text: str) -> str:
    return (text or "").translate(_ARABIC_DIGITS)


_SQUASHED = re.compile(r"[\s\-‐_.'\"]+")


@lru_cache(maxsize=100_000)
def _squash(text: str) -> str:
    return _SQUASHED.sub("", fold(text))


def squash(text: str) -> str:
    """Folded and without spaces or hyphens: one key for spelling variants of a name
    ("عبداللطيفي" and "عبد اللطيفي")."""
    return _squash(text) if len(text or "") <= SHORT else _SQUASHED.sub("", fold(text))


PROCLITICS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")


@lru_cache(maxsize=200_000)
def stems(word: str) -> tuple[str, ...]:
    """A folded word and its forms without leading clitics and the article:
    "والمفاوضات" → ("والمفاوضات", "المفاوضات", "مفاوضات")."""
    w = fold(word)
    out = [w]

    def add(x: str):
        if len(x) >= 2 and x not in out:
            out.append(x)

    base = [w]
    if w[:1] in PROCLITICS and len(w) > 3:
        base.append(w[1:])
    for b in list(base):
        if b.startswith("لل") and len(b) > 4:  # لل = ل + ال
            base.append("ال" + b[2:])
        elif b[:1] in PREPOSITIONS and len(b) > 3:
            base.append(b[1:])
    for b in base:
        add(b)
        if b.startswith("ال") and len(b) > 3:
            add(b[2:])
    return tuple(out)


def bare(word: str) -> str:
    """The shortest stem of a word: clitics and article removed."""
    return stems(word)[-1]


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # as written
    key: str  # folded
    start: int  # offsets into the original text
    end: int


def tokens(text: str) -> list[Token]:
    """Words of a text with their folded keys and original offsets."""
    out = []
    for m in WORD.finditer(text):
        word = m.group()
        out.append(Token(word, fold(word), *m.span()))
    return out


def search_terms(text: str) -> str:
    """Extra words for a search index: every folded form and clitic-less stem of
    every word, so readers' spellings and clitic forms all match."""
    seen: dict[str, None] = {}
    for m in WORD.finditer(text):
        for s in stems(m.group()):
            seen.setdefault(s, None)
    return " ".join(seen)
