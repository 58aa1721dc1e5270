"""Dates in Arabic news text: the publication date an article states, and the
dates of the facts it reports.

- `generator.datelines.publication_date(line)` reads one line that is only a date (with its label,
  weekday, time, time zone, Hijri twin or a paper's issue number): "تاريخ النشر: 30th, January 2024 GMT",
  "19/01/2024", "الثلاثاء 30 كانون الثاني 2024", "نُشر: 14:23-19 يناير 2024 م ـ 08 رجب 1445 هـ",
  "الخميس - 4 شوال 1446 هـ - 3 أبريل 2025 مـ رقم العدد [17100]" (the Gregorian date is the one read).
  A date inside a sentence is never a publication date. `parse_published(text)`
  gives the first such line's date (both in generator/datelines.py).
- `resolve_date(sentence, published)` gives the date of what a sentence reports:
  explicit dates ("19 كانون الثاني/ يناير 2024", "في أغسطس (آب) 2021") always;
  relative ones ("اليوم الاثنين", "أمس", "الشهر الماضي", "يناير الماضي", "19 مايو")
  only against the article's own date, never guessed. `find_dates` lists every
  date of a sentence with its place, for callers that pick the one nearest a verb.

Month and weekday names are data (lexicons/months.yaml). The patterns are
compiled once and run on a length-preserving fold of the text (only tashkeel,
tatweel and bidi marks are deleted), so one search per sentence is enough.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NoReturn

from . import yamlio
from .errors import LexiconError, display_path

LEXICON_DIR = Path(__file__).resolve().parent / "lexicons"
MONTHS_FILE = "months.yaml"
YEARS = range(1900, 2101)
MAX_DATE_LINE = 200  # characters: a longer line is a sentence, not a date line


# --- lexicon files ----------------------------------------------------------------


class LexiconFile:
    """One lexicon file read with the line and column of every value, so that each
    check can fail as `path:line:col: entry 'months[3][1]': message`."""

    def __init__(self, name: str, directory: Path | None = None):
        self.path = Path(directory or LEXICON_DIR) / name
        self.shown = display_path(self.path)
        try:
            text = self.path.read_text(encoding="utf-8")
        except OSError as exc:
            raise LexiconError(f"{self.shown}: cannot read ({exc.strerror or exc})") from None
        except UnicodeDecodeError:
            raise LexiconError(f"{self.shown}: not UTF-8 text") from None
        try:
            self.data, self.marks = yamlio.load(text, self.shown)
        except yamlio.YamlProblem as exc:
            raise LexiconError(str(exc.problem)) from None
        if not isinstance(self.data, dict):
            self.fail((), "expected a mapping of sections at the top of the file")

    def fail(self, where: tuple, message: str) -> NoReturn:
        line, col = self.marks.of(where)
        entry = "".join(f"[{w}]" if isinstance(w, int) else f".{w}" if i else str(w) for i, w in enumerate(where))
        prefix = f"{self.shown}:{line}:{col}: " + (f"entry '{entry}': " if entry else "")
        raise LexiconError(prefix + message)

    def get(self, where: tuple):
        value = self.data
        for w in where:
            value = value.get(w) if isinstance(value, dict) else None
        return value

    def mapping(self, where: tuple, what: str = "a mapping") -> dict:
        value = self.get(where)
        if not isinstance(value, dict) or not value:
            self.fail(where, f"expected {what}, got {_kind(value)}")
        return value

    def words(self, where: tuple, *, required: bool = True) -> list[str]:
        """A list of non-empty strings (the spellings of one section)."""
        value = self.get(where)
        if value is None and not required:
            return []
        if not isinstance(value, list) or not value:
            self.fail(where, f"expected a non-empty list of words, got {_kind(value)}")
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.fail(where + (i,), f"expected a non-empty string, got {item!r}")
        return [item.strip() for item in value]

    def numbered(self, key: str, lo: int, hi: int) -> dict[int, list[str]]:
        """A section `{number: [spellings]}` that must cover lo..hi exactly."""
        value = self.mapping((key,), f"a mapping of the numbers {lo}-{hi} to spellings")
        for k in value:
            if isinstance(k, bool) or not isinstance(k, int) or not lo <= k <= hi:
                self.fail((key, k), f"{k!r} is not a number from {lo} to {hi}")
        missing = sorted(set(range(lo, hi + 1)) - set(value))
        if missing:
            self.fail((key,), f"missing {', '.join(map(str, missing))}")
        return {k: self.words((key, k)) for k in sorted(value)}

    def only(self, where: tuple, known) -> None:
        """Refuse keys that are not in `known` (a typo would silently do nothing)."""
        for k in self.get(where) or {}:
            if k not in known:
                self.fail(where + (k,), f"unknown section (known: {', '.join(map(str, known))})")


def _kind(value) -> str:
    return "nothing" if value is None else "an empty list" if value == [] else type(value).__name__


# --- folding (length-preserving apart from deleted marks) ----------------------

_MARK_CHARS = frozenset(chr(c) for c in [
    *range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE), 0x0640,
    *range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0xFEFF])
_MARKS = re.compile("[" + "".join(sorted(_MARK_CHARS)) + "]")
_SAME_LENGTH = (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"), ("ة", "ه"), ("ؤ", "و"), ("ئ", "ي"),
                ("ی", "ي"), ("ک", "ك"), ("،", ","), ("؛", ";"), ("\u00a0", " "), ("–", "-"), ("—", "-"))
_EASTERN = re.compile("[٠-٩۰-۹]")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_ASCII_LOWER = str.maketrans({chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)})


def fold(text: str) -> str:
    """The match form used here: no tashkeel/tatweel/bidi marks, one alef, ى→ي, ة→ه,
    ASCII digits, Latin in lower case. Only the deleted marks change the length.
    (Chained C-level replaces: four times faster than one dict `translate`.)"""
    if _MARKS.search(text):
        text = _MARKS.sub("", text)
    for a, b in _SAME_LENGTH:
        if a in text:
            text = text.replace(a, b)
    if _EASTERN.search(text):
        text = text.translate(_DIGITS)
    low = text.lower()
    return low if len(low) == len(text) else text.translate(_ASCII_LOWER)


def fold_offsets(text: str) -> list[int] | None:
    """For each index of fold(text), its index in text; None when fold deleted nothing."""
    if not _MARKS.search(text):
        return None
    return [i for i, c in enumerate(text) if c not in _MARK_CHARS] + [len(text)]


# --- the patterns ----------------------------------------------------------------


def _alternation(spellings, clitics: bool = False) -> str:
    """A regex for any of the folded spellings, as a prefix tree: every branch starts
    with a literal, so a failing position costs a character comparison or two.
    Spaces match any run of spaces; with `clitics`, و/ب/ل may stand in front."""
    tree: dict = {}
    for s in {" ".join(fold(s).split()) for s in spellings}:
        node = tree
        for ch in s:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return ("(?:[وبل](?=\\w\\w\\w))?" if clitics else "") + "(?:" + build(tree) + ")"


class Lexicon:
    """months.yaml, validated and compiled."""

    SECTIONS = ("months", "hijri_months", "weekdays", "weekday_not_after", "weekday_not_before", "day_ordinals",
                "relative", "month_leads", "published_labels", "updated_labels", "issue_labels")
    RELATIVE = ("past", "current", "next", "this_month", "last_month", "next_month",
                "day_before_yesterday", "yesterday", "today", "tomorrow", "weekday_lead")

    def __init__(self, f: LexiconFile):
        f.only((), self.SECTIONS)
        months, weekdays = f.numbered("months", 1, 12), f.numbered("weekdays", 1, 7)
        ordinals = f.numbered("day_ordinals", 1, 31)
        self.month_of = self._table(f, "months", months, "month")
        self.weekday_of = self._table(f, "weekdays", weekdays, "weekday")
        self.ordinal_of = self._table(f, "day_ordinals", ordinals, "day")
        f.mapping(("relative",), "a mapping of relative expressions")
        f.only(("relative",), self.RELATIVE)
        r = {k: f.words(("relative", k)) for k in self.RELATIVE}
        self.qualifier_of = {_key(s): q for q in ("past", "current", "next") for s in r[q]}
        self.month_shift = {_key(s): d for d, k in ((0, "this_month"), (-1, "last_month"), (1, "next_month"))
                            for s in r[k]}
        self.day_shift = {_key(s): d for d, k in ((-2, "day_before_yesterday"), (-1, "yesterday"), (0, "today"),
                                                  (1, "tomorrow")) for s in r[k]}
        self.not_after = {_key(s) for s in f.words(("weekday_not_after",))}
        self.not_before = {_key(s) for s in f.words(("weekday_not_before",))}
        self.month_leads = f.words(("month_leads",))
        self.published_labels = f.words(("published_labels",))
        self.updated_labels = f.words(("updated_labels",))
        self.hijri = f.words(("hijri_months",))
        self.issue_labels = f.words(("issue_labels",), required=False)
        self._compile(r, [s for ss in months.values() for s in ss], [s for ss in weekdays.values() for s in ss],
                      [s for ss in ordinals.values() for s in ss])

    @staticmethod
    def _table(f: LexiconFile, section: str, numbered: dict[int, list[str]], what: str) -> dict[str, int]:
        """Folded spelling → number; a spelling given to two numbers is an error."""
        table: dict[str, int] = {}
        for n, spellings in numbered.items():
            for i, s in enumerate(spellings):
                key = _key(s)
                if table.get(key, n) != n:
                    f.fail((section, n, i), f"'{s}' is already {what} {table[key]}")
                table[key] = n
        return table

    def _compile(self, r, months, weekdays, ordinals):
        month = _alternation(months, clitics=True)
        weekday = _alternation(weekdays, clitics=True)
        qual = _alternation(r["past"] + r["current"] + r["next"])
        lead = _alternation(r["weekday_lead"])
        year = r"(?P<{}>(?:19|20)\d\d)(?:(?!\d)|(?=\d{{1,2}}:\d\d))"
        B, E = r"(?<![\w/.\-])", r"(?![\w])"

        def mon(tag):  # "كانون الثاني/ يناير", "أغسطس (آب)", "يناير"
            return rf"(?P<m1{tag}>{month}){E}(?:\s*[/(\-]\s*(?P<m2{tag}>{month}){E}(?:\s*\))?)?"

        wk_lead = rf"(?:(?:{lead})\s+)?(?P<wd>{weekday}){E}[\s,(\-|]*(?:الموافق\s+)?"
        alts = [
            rf"(?P<iso>{B}(?P<iy>(?:19|20)\d\d)-(?P<im>\d\d?)-(?P<id>\d\d?)(?!\d))",
            rf"(?P<num>{B}(?P<na>\d\d?)(?P<sep>[/.\-])(?P<nb>\d\d?)(?P=sep){year.format('ny')})",
            rf"(?P<ymd>{B}(?P<ky>(?:19|20)\d\d)/(?P<km>\d\d?)/(?P<kd>\d\d?)(?!\d))",
            rf"(?P<dmy>(?<!\w)(?:{wk_lead})?(?:(?<![\d/.])(?P<dd>[0-3]?\d)(?:st|nd|rd|th)?|"
            rf"(?P<do>{_alternation(ordinals)})\s+من){E}(?:\s*-\s*|[\s,]*)(?:من\s+)?(?:شهر\s+)?{mon('a')}"
            rf"(?:(?:\s*-\s*|[\s,]+)(?:عام\s+|سنه\s+)?{year.format('dy')}(?:\s*م{E})?)?(?:\s+(?P<dq>{qual}){E})?)",
            rf"(?P<mdy>(?<!\w){mon('b')}\s+(?P<md>[0-3]?\d)(?:st|nd|rd|th)?,?\s+{year.format('by')})",
            rf"(?P<my>(?<!\w)(?:(?:{_alternation(self.month_leads)})\s+)?{mon('c')}[\s,]+(?:عام\s+|سنه\s+)?"
            rf"{year.format('yy')}(?:\s*م{E})?)",
            rf"(?P<mq>(?<!\w)(?:(?:{_alternation(self.month_leads)})\s+)?{mon('d')}\s+(?P<qq>{qual}){E})",
            rf"(?P<ml>(?<!\w)(?:{_alternation(self.month_leads)})\s+{mon('e')})",
            rf"(?P<rm>(?<!\w)(?:{_alternation(list(self.month_shift))}){E})",
            rf"(?P<wk>(?<!\w)(?:(?:{lead})\s+)?(?P<wn>{weekday}){E}(?:\s+(?P<wq>{qual}){E})?)",
            rf"(?P<rd>(?<!\w)(?:[وف])?(?:{_alternation(list(self.day_shift))}){E})",
        ]
        self.pattern = re.compile("|".join(alts))
        labels = _alternation(self.published_labels + self.updated_labels)
        self.label = re.compile(rf"(?<!\w)(?P<label>{labels})(?!\w)")
        self.updated = {_key(s) for s in self.updated_labels}
        self.filler = re.compile("|".join([
            rf"(?<!\w)(?:{labels})(?!\w)",
            rf"(?<!\w)(?:{lead}|{weekday})(?!\w)",
            r"t?\d\d?:\d\d(?::\d\d)?(?:\.\d+)?(?:z|[+\-]\d\d:?\d\d)?(?:\s*(?:am|pm|ص|م|مساء|صباحا)(?!\w))?",
            r"(?<!\w)(?:gmt|utc|gst|ast|eet|eest|cet|cest|msk|trt|irst|pkt|bst|est|edt|pst|pdt)"
            r"(?:\s*[+\-]\s*\d\d?)?(?!\w)",
            r"(?<!\w)بتوقيت(?:\s+[^\s()|,]+){1,2}",
            # the Hijri twin of a Gregorian date: "4 شوال 1446 هـ", "4 من شوال 1446هـ", "شوال 1446 هـ"
            rf"(?<!\w)(?:\d\d?\s+(?:من\s+)?)?(?:{_alternation(self.hijri)})\s+1[34]\d\d(?:\s*ه)?(?!\w)",
            r"(?<!\d)1[34]\d\d\s*ه(?!\w)",
            r"(?<!\w)(?:الموافق|الساعه|ميلادي|م|ص|on|at)(?!\w)",
            *([rf"(?<!\w)(?:{_alternation(self.issue_labels)})\s*[:\-]?\s*[\[(]?\s*\d+\s*[\])]?"]
              if self.issue_labels else []),  # a paper's issue number: "رقم العدد [17100]"
        ]))
        # words that carry a date: the scan tries the patterns only near one of them or a digit
        stop = {"في", "من", "وقت", "سابق", "هذا", "يوم", "صباح", "مساء", "ظهر", "فجر", "ليل", "ليله", "عصر", "اول", "الاول"}
        anchors = {fold(s).split()[0] for s in [*months, *weekdays]}
        anchors |= {w for k in ("this_month", "last_month", "next_month", "day_before_yesterday", "yesterday",
                                "today", "tomorrow", "weekday_lead") for s in r[k] for w in fold(s).split()} - stop
        self.anchors = frozenset(anchors | {c + w for w in anchors if len(w) >= 3 for c in "وبلف"})
        # words a date expression can begin with: the patterns are tried only there
        firsts = {fold(s).split()[0] for k in r for s in r[k]} | {fold(s).split()[0] for s in self.month_leads}
        firsts |= {fold(s).split()[0] for s in ordinals}
        self.starters = self.anchors | firsts | {c + w for w in firsts if len(w) >= 3 for c in "وف"}


def _key(spelling: str) -> str:
    return " ".join(fold(spelling).lower().split())


@lru_cache(maxsize=4)
def lexicon(directory: Path | None = None) -> Lexicon:
    return Lexicon(LexiconFile(MONTHS_FILE, directory))


# --- resolving ---------------------------------------------------------------------


@dataclass(frozen=True)
class DateMention:
    start: int  # offsets into the original sentence
    end: int
    text: str
    value: str | None  # YYYY-MM-DD or YYYY-MM; None when it cannot be resolved
    explicit: bool  # the text itself gives the year


def _day(y: int, m: int, d: int) -> _dt.date | None:
    if y not in YEARS:
        return None
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None


def _month(lex: Lexicon, m, tag: str) -> int | None:
    """The month named in a `mon(tag)` group; None when the two names disagree."""
    first = lex.month_of.get(_strip_clitic(lex.month_of, m.group("m1" + tag)))
    second = m.group("m2" + tag)
    if second is not None and lex.month_of.get(_strip_clitic(lex.month_of, second)) != first:
        return None
    return first


def _strip_clitic(table: dict, word: str) -> str:
    key = " ".join(word.lower().split())
    if key not in table and key[:1] in "وبل" and key[1:] in table:
        return key[1:]
    return key


def _shift_month(y: int, m: int, by: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + by
    return n // 12, n % 12 + 1


def _yearless(pub: _dt.date, m: int, d: int, qual: str | None) -> _dt.date | None:
    """Day and month without a year: the occurrence the qualifier points at
    (default and الماضي: the latest on or before the article's date)."""
    if qual == "current":
        return _day(pub.year, m, d)
    here = _day(pub.year, m, d)
    if qual == "next":
        return here if here and here > pub else _day(pub.year + 1, m, d)
    if here and here <= pub:
        return here
    return _day(pub.year - 1, m, d)


def _month_only(pub: _dt.date, m: int, qual: str | None) -> str:
    if qual == "current":
        y = pub.year
    elif qual == "next":
        y = pub.year if m > pub.month else pub.year + 1
    elif qual == "past":
        y = pub.year if m < pub.month else pub.year - 1
    else:
        y = pub.year if m <= pub.month else pub.year - 1
    return f"{y:04d}-{m:02d}"


def _value(lex: Lexicon, m: re.Match, pub: _dt.date | None) -> tuple[str | None, bool]:
    """(value, explicit) of one match of `Lexicon.pattern`."""
    g = m.group
    if g("iso"):
        d = _day(int(g("iy")), int(g("im")), int(g("id")))
        return (d.isoformat() if d else None), True
    if g("num"):
        a, b, y = int(g("na")), int(g("nb")), int(g("ny"))
        d = _day(y, b, a) if a > 12 or b <= 12 else _day(y, a, b)  # day first, unless impossible
        return (d.isoformat() if d else None), True
    if g("ymd"):
        d = _day(int(g("ky")), int(g("km")), int(g("kd")))
        return (d.isoformat() if d else None), True
    if g("dmy"):
        month = _month(lex, m, "a")
        day = int(g("dd")) if g("dd") else lex.ordinal_of.get(" ".join(g("do").split()))
        if not month or not day:
            return None, False
        if g("dy"):
            d = _day(int(g("dy")), month, day)
            return (d.isoformat() if d else None), True
        if pub is None:
            return None, False
        d = _yearless(pub, month, day, lex.qualifier_of.get(_key(g("dq") or "")))
        return (d.isoformat() if d else None), False
    if g("mdy"):
        month = _month(lex, m, "b")
        d = _day(int(g("by")), month, int(g("md"))) if month else None
        return (d.isoformat() if d else None), True
    if g("my"):
        month, y = _month(lex, m, "c"), int(g("yy"))
        return (f"{y:04d}-{month:02d}" if month and y in YEARS else None), True
    if g("mq") or g("ml"):
        month = _month(lex, m, "d" if g("mq") else "e")
        if not month or pub is None:
            return None, False
        return _month_only(pub, month, lex.qualifier_of.get(_key(g("qq") or ""))), False
    if pub is None:
        return None, False
    if g("rm"):
        y, mo = _shift_month(pub.year, pub.month, lex.month_shift[_key(g("rm"))])
        return f"{y:04d}-{mo:02d}", False
    if g("wk"):
        wd = lex.weekday_of[_strip_clitic(lex.weekday_of, g("wn"))]
        qual = lex.qualifier_of.get(_key(g("wq") or ""))
        if qual == "next":
            delta = (wd - pub.isoweekday()) % 7 or 7
        else:
            delta = -((pub.isoweekday() - wd) % 7 or (7 if qual == "past" else 0))
        return (pub + _dt.timedelta(days=delta)).isoformat(), False
    word = _key(g("rd"))
    shift = lex.day_shift.get(word, lex.day_shift.get(word[1:]))
    return (pub + _dt.timedelta(days=shift)).isoformat() if shift is not None else None, False


def _is_weekday_word(lex: Lexicon, folded: str, m: re.Match) -> bool:
    """False for "الأحد عشر" (eleven) and "بين الاثنين" (the two)."""
    before = folded[max(0, m.start() - 12):m.start()].split()
    after = folded[m.end():m.end() + 12].split()
    return not ((before and _key(before[-1]) in lex.not_after) or (after and _key(after[0]) in lex.not_before))


def _as_date(published: str | None) -> _dt.date | None:
    if not published:
        return None
    try:
        return _dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


LOOK_BACK = 3  # words before an anchor where a date expression may begin ("في", "اليوم", "السابع من")


def _word_start(text: str, i: int) -> int:
    while i > 0 and _is_word_char(text[i - 1]):
        i -= 1
    return i


def _starts_before(text: str, i: int, count: int) -> list[int]:
    """Start of the word at i and of the `count` words before it, left to right."""
    starts = [_word_start(text, i)]
    while len(starts) <= count:
        j = starts[0]
        while j > 0 and not _is_word_char(text[j - 1]):
            j -= 1
        if j == 0:
            break
        starts.insert(0, _word_start(text, j))
    return starts


_WORDS = re.compile(r"\w+")
_NUMBER = re.compile(r"[0-9]+")


def _anchor_positions(lex: Lexicon, folded: str) -> list[int]:
    """Where the digits and the month, weekday and relative words of a text begin.
    (A set intersection over the words: a regex alternation over these Arabic words
    is slow, since most of them begin with the common letters of "ال".)"""
    found = [m.start() for m in _NUMBER.finditer(folded)]
    for word in lex.anchors.intersection(_WORDS.findall(folded)):
        i = folded.find(word)
        while i >= 0:
            if (i == 0 or not _is_word_char(folded[i - 1])) and not _is_word_char(folded[i + len(word):i + len(word) + 1]):
                found.append(i)
            i = folded.find(word, i + 1)
    return sorted(found)


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _matches(lex: Lexicon, folded: str):
    """Matches of the date patterns, left to right, tried only at the few words just
    before each anchor: a sentence without a date costs one word scan."""
    done = 0
    for p in _anchor_positions(lex, folded):
        if p < done:
            continue
        for start in _starts_before(folded, p, LOOK_BACK):
            if start < done or not (start == p or _WORDS.match(folded, start).group() in lex.starters):
                continue
            m = lex.pattern.match(folded, start)
            if m and m.end() > m.start() and not (m.group("wk") and not _is_weekday_word(lex, folded, m)):
                done = m.end()
                yield m


def find_dates(sentence: str, published: str | None = None) -> list[DateMention]:
    """Every date expression of a sentence, in order, resolved against `published`."""
    lex = lexicon()
    folded = fold(sentence)
    pub = _as_date(published)
    where = None
    out = []
    for m in _matches(lex, folded):
        value, explicit = _value(lex, m, pub)
        if where is None and len(folded) != len(sentence):
            where = fold_offsets(sentence)
        start, end = (where[m.start()], where[m.end()]) if where else (m.start(), m.end())
        out.append(DateMention(start, end, sentence[start:end], value, explicit))
    return out


def resolve_date(sentence: str, published: str | None) -> str | None:
    """The date of what the sentence reports: its first date expression that
    resolves (explicit ones always; relative ones only against `published`)."""
    lex = lexicon()
    folded = fold(sentence)
    pub = _as_date(published)
    for m in _matches(lex, folded):
        value, _ = _value(lex, m, pub)
        if value:
            return value
    return None
