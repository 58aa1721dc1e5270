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
    ("عبداللطيفي" ends "سالم أحمد عبد اللطيفي")?"""
    s = squash("".join(short))
    acc = ""
    for w in reversed(full):
        acc = squash(w) + acc
        if acc == s:
            return True
        if len(acc) >= len(s):
            return False
    return False


# -- word shapes that are never a name --
VERB_SUFFIXES = ("ون", "ان", "ين", "وا", "ه", "ها", "هم", "هما", "نا", "كم")
POSSESSIVE = ("ها", "هم", "هما", "كم")
NOT_NAME_PREFIXES = ("بال", "لل", "وال", "فال", "كال", "وبال", "ولل", "فلل")
# A preposition carrying a pronoun ("معه", "له", "عليه"), folded: never a name's word, and
# the word right before it is a verb ("، تناول معه …", "، قدم له …").
PRONOUN_PREPOSITIONS = frozenset(
    p + s for p in ("مع", "ل", "علي", "الي", "من", "عن", "ب") for s in ("ه", "ها", "هم", "هما"))


def future_verb(key: str, names: frozenset) -> bool:
    """"سيزور", "ستستضيف": س + a present-tense prefix. A long word without a verb's
    suffix is a foreign name ("ستولتنبرغ"), as are the listed names ("سيرغي")."""
    if not key.startswith(("سي", "ست", "سن")) or len(key) < 5 or key in names:
        return False
    return len(key) < 8 or key.endswith(VERB_SUFFIXES)


def verbal_noun(key: str) -> bool:
    """A verbal noun (masdar) of a derived verb, folded and without clitics: إفعال ("اغلاق"),
    افتعال ("اعتقال"), استفعال ("استهداف"), انفعال ("انسحاب"). Never a name."""
    n = len(key)
    if n == 5 and key[0] == "ا" and key[3] == "ا" and key[1] not in "اوي":
        return True  # اغلاق, ارسال (names of this shape are listed in verb_like_names)
    if n == 6 and key[0] == "ا" and key[4] == "ا" and (key[2] == "ت" or key[1] == "ن"):
        return True  # اعتقال, انسحاب
    return n >= 7 and key.startswith("است") and key[-2] == "ا"


def nisba_adverb(key: str, names: frozenset) -> bool:
    """"هاتفيا", "رسميا", "عسكريا": a nisba adjective in the accusative is an adverb and
    ends a name ("بحث X Y هاتفيا مع …"). Listed names ("زكريا") are not."""
    return len(key) >= 5 and key.endswith("يا") and not key.startswith("ال") and key not in names


def derived_perfect(key: str, names: frozenset) -> bool:
    """A past verb of a derived form in the feminine, folded and without و/ف: تفعّلت,
    تفاعلت ("تناولت", "تطرقت"), افتعلت ("اعتبرت"), انفعلت ("انتقدت"), استفعلت
    ("استهدفت"). Never a name (listed names excepted)."""
    if key[:1] in ("و", "ف") and len(key) > 5:
        key = key[1:]
    if not key.endswith("ت") or key in names or key.startswith("ال"):
        return False
    n = len(key)
    if key[0] == "ت":
        return n >= 5
    if key.startswith("است"):
        return n >= 6
    return key[0] == "ا" and n >= 5 and ("ت" in (key[1], key[2]) or key[1] == "ن")


def never_a_name(key: str, first: bool, lex) -> bool:
    """Word shapes that are no name wherever they stand: a pure function of the folded
    word, its place (first word of a name or not) and the lexicon; mentions.py caches it."""
    if not key or key.isdigit() or any(ch.isdigit() for ch in key) or len(key) < 2:
        return True
    if key.startswith(NOT_NAME_PREFIXES) or key in PRONOUN_PREPOSITIONS:
        return True
    if any(ch.isascii() for ch in key):
        return True
    if future_verb(key, lex.verb_like_names):
        return True  # a future verb ("سيجلس")
    if derived_perfect(key, lex.verb_like_names):
        return True  # "تناولت", "وانتقدت": a past verb
    if not first and nisba_adverb(key, lex.verb_like_names):
        return True  # "X Y هاتفيا": an adverb
    if len(key) >= 6 and key[:1] in ("ب", "ل") and key[1:3] != "ال" and (
            key[1] == "ت" or key[1:4] == "است" or (key[1] == "ا" and key[3] == "ت") or key[1] == "م"):
        return True  # a verbal noun with a preposition ("باعتقال", "بتصفية", "باستهداف", "بمراسم")
    core = key[1:] if key[:1] in ("و", "ف", "ب", "ل") and len(key) > 5 else key
    if key not in lex.verb_like_names and (verbal_noun(key) or (core != key and verbal_noun(core))):
        return True  # "إغلاق", "وإغلاق", "بانسحاب": a verbal noun, never a name
    if not first and len(key) >= 5 and key.endswith(POSSESSIVE) and key not in lex.verb_like_names:
        return True  # "X مقارها": a noun with a possessive pronoun ends the name
    if not first and len(key) > 4 and key.endswith("ا") and (key[:-1] in lex.stops or any(
            c == "title" for c, _, _ in lex.trie.get(key[:-1], {}).get(None, ()))):
        return True  # "تعيين X مستشارا", "X وفدا": an indefinite accusative noun
    return False


def verb_with_object(word: str, key: str, next_key: str | None, stops: frozenset) -> bool:
    """Is a one-word "name" a past verb with its object ("، قدم له", "، تناول معه",
    "، شكره على", "، أبلغه التفاصيل")? `word` as written, `key` folded, `next_key` the
    folded word after it (None at a comma or the end). A verb then a preposition carrying
    a pronoun; or a short word ending with the pronoun ه as written (not ة, which folds
    to ه) before a preposition or a definite noun."""
    if next_key is None:
        return False
    if next_key in PRONOUN_PREPOSITIONS:
        return True
    return (word.endswith("ه") and 4 <= len(key) <= 5 and not key.startswith("ال")
            and (next_key in stops or next_key.startswith("ال")))
