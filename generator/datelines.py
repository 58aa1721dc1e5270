"""Publication date lines of an article: `publication_date(line)` reads one line
that is only a date (with its label, weekday, time, time zone, Hijri twin or a
paper's issue number); `parse_published(text)` gives the first such line's date;
`lead_dateline_date(paragraph)` reads a date at the head of the first sentence
("بورتسودان 6 مايو 2025 —"). The date patterns are generator.dates'."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import MAX_DATE_LINE, Lexicon, _key, _matches, _value, find_dates, fold, lexicon

@dataclass(frozen=True)
class DateLine:
    """A line that is only a date: `published` is its publication date, or None
    when its only dates are labelled as an update."""

    published: str | None


def _date_segment(lex: Lexicon, folded: str) -> DateLine | None:
    days = []
    for m in _matches(lex, folded):
        if m.group("wk"):
            continue  # a weekday beside the date: filler
        value, explicit = _value(lex, m, None)
        if not (value and explicit and len(value) == 10):
            return None  # a month, a weekday alone or an impossible date: not a date line
        days.append((m.start(), m.end(), value))
    if not days:
        return None
    rest = folded
    for s, e, _ in reversed(days):
        rest = rest[:s] + " " + rest[e:]
    if re.search(r"\w", lex.filler.sub(" ", rest)):
        return None
    labels = [(m.start(), _key(m.group("label"))) for m in lex.label.finditer(folded)]
    chosen = None
    for s, _, value in days:
        label = max((x for x in labels if x[0] < s), default=None)
        if label is None and chosen is None:
            chosen = value
        elif label is not None and label[1] not in lex.updated:
            return DateLine(value)
    return DateLine(chosen)


_ANY_DIGIT = re.compile(r"\d")


def publication_date(line: str) -> DateLine | None:
    """The line as a date line ("تاريخ النشر: …", "19/01/2024", "Author | 20.01.2024"),
    or None when it says anything besides dates."""
    if len(line) > MAX_DATE_LINE or not _ANY_DIGIT.search(line):
        return None
    lex = lexicon()
    folded = fold(line).strip()
    whole = _date_segment(lex, folded)
    if whole is not None:
        return whole
    if "|" in folded:
        found = [d for d in (_date_segment(lex, part) for part in folded.split("|")) if d is not None]
        return next((d for d in found if d.published), found[0] if found else None)
    parts = _DASH_PARTS.split(folded)
    if len(parts) == 2 and len(folded.split()) <= 10:  # "أحمد علي - الأحد 12 مايو 2025": a byline and a date
        for k, part in enumerate(parts):
            d = _date_segment(lex, part)
            if d is not None and d.published and len(parts[1 - k].split()) <= 3:
                return d
    value = lead_dateline_date(line)
    if value and len(line.split()) <= 6 and not re.search(r"\w", _TRAILER.sub(" ", line[_date_end(line):])):
        return DateLine(value)  # "الرياض 12 مايو 2025 (واس)": a place and a date on a line of their own
    return None


_DASH_PARTS = re.compile(r"\s+[-–—]\s+")
_TRAILER = re.compile(r"\([^()]{2,30}\)|\d\d?:\d\d|[-–—:|،,]")


def _date_end(line: str) -> int:
    found = find_dates(line[:80])
    return found[0].end if found else len(line)


def parse_published(text: str) -> str | None:
    """The publication date the text states on a date line of its own; None otherwise."""
    for line in (text or "").splitlines():
        found = publication_date(line.strip())
        if found and found.published:
            return found.published
    return None


_LEAD_DATE_END = re.compile(r"\s*(?:[-–—:|،,]|\([^()]{2,30}\)|$)")


def lead_dateline_date(paragraph: str) -> str | None:
    """The publication date a story's first paragraph opens with, after a place
    name of one or two words: "بورتسودان 6 مايو 2025 — …", "بكين 30 مايو 2024 (شينخوا) …".
    Only a full explicit day right after the place and before a dash, a colon, a
    comma or an agency in brackets counts; None otherwise."""
    head = (paragraph or "")[:80]
    for found in find_dates(head):
        before = head[:found.start].split()
        if not (1 <= len(before) <= 2) or any(not w.isalpha() for w in before):
            return None
        if found.value and found.explicit and len(found.value) == 10 and _LEAD_DATE_END.match(head, found.end):
            return found.value
        return None
    return None
