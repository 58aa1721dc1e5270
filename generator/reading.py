"""Reading an article file safely: UTF-8 with or without BOM, UTF-16/32 with a
BOM (or UTF-16 without one), Windows-1256 with a note, and Arabic garbled by a
one-byte code page ("ط§ظ„", "Ø§Ù„") repaired with a note. Binary, empty,
huge and non-Arabic files are refused with a one-line InputError naming the
file; a file over MAX_BYTES is refused from its size, before it is read.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from .errors import InputError, display_path

MAX_BYTES = 2 * 1024 * 1024

INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
_BLANK = re.compile(rf"^[\s{INVISIBLE}]*$")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff]")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
_LETTER = re.compile(r"[^\W\d_]")
_OTHER_LETTER = re.compile(r"[^\W\d_\u0621-\u064a\u0671-\u06d3]")  # a letter, not Arabic
_ODD_BREAK = re.compile("[\u2028\u2029\x85\x0b\x0c]")  # line breaks other than \n and \r


def read_article(path: Path) -> tuple[str, list[str]]:
    """The article's text with "\\n" newlines, and notes on how it was decoded.
    (The file's display path is worked out only when an error names it: resolving
    paths costs more than reading a short article.)"""
    path = Path(path)

    def fail(message: str):
        raise InputError(f"{display_path(path)}: {message}")

    try:
        with path.open("rb") as handle:  # one open and one fstat: no separate is_dir/stat calls
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_BYTES:
                fail(_too_big(size))
            raw = handle.read(MAX_BYTES + 1)  # bounded even if the size lied (a pipe, a growing file)
    except FileNotFoundError:
        fail("no such file")
    except IsADirectoryError:
        fail("is a folder, not an article file")
    except OSError as exc:
        if path.is_dir():  # some systems refuse to open a folder with another error
            fail("is a folder, not an article file")
        fail(f"cannot read ({exc.strerror or exc})")
    if len(raw) > MAX_BYTES:
        fail(_too_big(len(raw)))
    text, notes = _decode(raw, fail)
    text, notes = _repair_mojibake(text, notes, fail)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _ODD_BREAK.search(text):
        text = _ODD_BREAK.sub("\n", text)
    if _BLANK.match(text):
        fail("empty article" if not text else "empty article (only spaces and blank lines)")
    _check_arabic(text, fail)
    return text, notes


def _too_big(size: int) -> str:
    return (f"is {size / 1024 / 1024:.1f} MB; article files over {MAX_BYTES // 1024 // 1024} MB are refused "
            "(one news article is a few kB: is this the right file?)")


def _decode(raw: bytes, fail) -> tuple[str, list[str]]:
    for bom, codec, name in ((b"\xff\xfe\x00\x00", "utf-32", "UTF-32"), (b"\x00\x00\xfe\xff", "utf-32", "UTF-32"),
                             (b"\xef\xbb\xbf", "utf-8-sig", None), (b"\xff\xfe", "utf-16", "UTF-16"),
                             (b"\xfe\xff", "utf-16", "UTF-16")):
        if raw.startswith(bom):
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError as exc:
                fail(f"starts with a {name or 'UTF-8'} byte-order mark but is not valid {name or 'UTF-8'} "
                     f"(bad bytes at offset {exc.start})")
            _check_text(text, fail)
            return text, [f"decoded as {name} (byte-order mark)"] if name else []
    if b"\x00" in raw:
        for codec in ("utf-16-le", "utf-16-be"):  # UTF-16 without its byte-order mark
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError:
                continue
            if "\x00" not in text and not _CONTROL.search(text) and _mostly_letters(text):
                return text, [f"decoded as {codec.upper()} (no byte-order mark)"]
        fail("contains NUL bytes: a binary file, not a text article")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = raw[exc.start]
        text = raw.decode("cp1256")
        if not _plausibly_arabic(text):
            fail(f"is not UTF-8 (byte 0x{bad:02x} at offset {exc.start}) and does not read as Arabic in "
                 "Windows-1256 either; save the article as UTF-8")
        _check_text(text, fail)
        return text, ["decoded as Windows-1256 (cp1256): the file is not UTF-8"]
    _check_text(text, fail)
    return text, []


# Arabic written as UTF-8 and then read as a one-byte code page: "ط§ظ„" (via Windows-1256)
# or "Ø§Ù„" (via Latin-1 / Windows-1252). The lead bytes 0xD8/0xD9 of Arabic letters turn
# into these two characters, so they make up a third or more of the letters.
_MOJIBAKE = (("ط", "ظ", "cp1256", "Windows-1256"), ("Ø", "Ù", "cp1252", "Latin-1/Windows-1252"))


def _repair_mojibake(text: str, notes: list[str], fail) -> tuple[str, list[str]]:
    sample = text[:50000]
    letters = None
    for a, b, codec, name in _MOJIBAKE:
        seen = sample.count(a) + sample.count(b)
        if seen < 10:
            continue
        if letters is None:  # counted only when the two characters are there at all
            letters = len(_LETTER.findall(sample))
        if seen < 0.3 * letters:
            continue
        try:
            raw = b"".join(bytes([ord(c)]) if ord(c) < 256 and codec == "cp1252" else c.encode(codec) for c in text)
            repaired = raw.decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            fail(f"reads as garbled Arabic (UTF-8 text that was once opened as {name}) and cannot be "
                 "repaired; save the original article as UTF-8")
        if _plausibly_arabic(repaired):
            return repaired, [*notes, f"repaired garbled text: UTF-8 Arabic that had been read as {name}"]
    return text, notes


MIN_ARABIC_LETTERS = 2  # one Arabic word ("قتل") is a text; a stray letter is not
SHORT = 40  # Arabic letters: below this, a text must be at least half Arabic


def _check_arabic(text: str, fail) -> None:
    """An article must be Arabic text: not Latin only, not digits and symbols. A short
    text counts (one sentence is an article) when it is mostly Arabic; a longer one
    when at least 30% of its letters are Arabic (names and quotes may be in Latin)."""
    sample = text[:200000]
    arabic = len(_ARABIC_LETTER.findall(sample))
    other = len(_OTHER_LETTER.findall(sample))
    if arabic == 0:
        fail("has no Arabic text" + (" (only Latin or other letters)" if other else " (no letters at all)")
             + ": not an Arabic news article")
    letters = arabic + other
    if arabic < MIN_ARABIC_LETTERS or arabic < (0.5 if arabic < SHORT else 0.3) * letters:
        fail(f"is mostly not Arabic (only {arabic} of its {letters} letters are Arabic): not an Arabic news article")


def _check_text(text: str, fail) -> None:
    controls = len(_CONTROL.findall(text))
    if controls > max(2, len(text) // 200):
        fail(f"has {controls} control characters: mostly not text (a binary file?)")


def _mostly_letters(text: str) -> bool:
    sample = text[:20000]
    return len(_LETTER.findall(sample)) >= 0.5 * len(sample.replace(" ", "").replace("\n", "") or "x")


def _plausibly_arabic(text: str) -> bool:
    sample = text[:50000]
    letters = len(_LETTER.findall(sample))
    arabic = len(_ARABIC_LETTER.findall(sample))
    return arabic >= 10 and arabic >= 0.6 * letters
