"""Sentences and words of an article, tokenised once.

A `Sentence` keeps its text verbatim (it is a fact's evidence) and its words
with their offsets, folded keys, clitic-free variants and the punctuation that
stands before each word (a name never crosses a comma; a quote opens a name).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lexicon import Hit, forms_of
from ..normalize import fold

# A word: letters and digits with their marks (tashkeel, tatweel); Arabic
# punctuation (، ؛ ؟) is not part of it.
_WORD = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640\u06d6-\u06ed]+")
_END = re.compile(r"[.!?؟]+|\n")
QUOTES_OPEN = set('«"“„')
QUOTES_CLOSE = set('»"”')
QUOTES = QUOTES_OPEN | QUOTES_CLOSE
COMMA = set("،,")
STRONG = set(".;:؛؟?!()[]") | QUOTES | COMMA


@dataclass(slots=True)
class Word:
    text: str
    key: str  # folded
    start: int  # offsets in the sentence
    end: int
    pre: str  # punctuation between the previous word and this one (no spaces)
    forms: list  # [(clitic-free form, level)]
    hits: list = field(default_factory=list)  # lexicon entries starting here

    def has(self, cat: str) -> Hit | None:
        """The longest entry of a category that starts at this word."""
        best = None
        for h in self.hits:
            if h.cat == cat and (best is None or h.n > best.n or (h.n == best.n and h.level < best.level)):
                best = h
        return best

    @property
    def comma_before(self) -> bool:
        return any(c in COMMA for c in self.pre)

    @property
    def quote_before(self) -> bool:
        return any(c in QUOTES for c in self.pre)


@dataclass
class Sentence:
    text: str
    paragraph: int
    index: int  # position in the article
    words: list[Word]
    tail: str = ""  # punctuation after the last word

    def after(self, i: int) -> str:
        """Punctuation right after word i."""
        return self.words[i + 1].pre if i + 1 < len(self.words) else self.tail

    def span_text(self, i: int, j: int) -> str:
        """The original text of words i..j-1."""
        if i >= j:
            return ""
        return self.text[self.words[i].start:self.words[j - 1].end]


def split_sentences(paragraph: str) -> list[str]:
    """A paragraph's sentences, verbatim. A full stop inside an open quotation
    (« … ») does not end the sentence; nor does one between digits."""
    out, start, depth = [], 0, 0
    i, n = 0, len(paragraph)
    while i < n:
        ch = paragraph[i]
        if ch == "«" or ch == "“":
            depth += 1
        elif (ch == "»" or ch == "”") and depth:
            depth -= 1
        elif ch in ".!?؟\n" and depth == 0:
            if ch == "." and 0 < i < n - 1 and paragraph[i - 1].isdigit() and paragraph[i + 1].isdigit():
                i += 1
                continue
            j = i + 1
            while j < n and paragraph[j] in ".!?؟\"”»)":
                j += 1
            piece = paragraph[start:j].strip()
            if piece:
                out.append(piece)
            start = j
            i = j
            continue
        i += 1
    piece = paragraph[start:].strip()
    if piece:
        out.append(piece)
    return out


def tokenize(text: str) -> tuple[list[Word], str]:
    words: list[Word] = []
    last = 0
    for m in _WORD.finditer(text):
        start, end = m.span()
        gap = text[last:start]
        pre = "" if not gap or gap.isspace() else "".join(ch for ch in gap if not ch.isspace())
        word = m.group()
        key = fold(word)
        words.append(Word(word, key, start, end, pre, forms_of(key) if key else ((key, 0),)))
        last = end
    tail = "".join(ch for ch in text[last:] if not ch.isspace())
    return words, tail


def sentences_of(paragraphs: list[str]) -> list[Sentence]:
    out: list[Sentence] = []
    for p, para in enumerate(paragraphs):
        for s in split_sentences(para):
            words, tail = tokenize(s)
            if words:
                out.append(Sentence(s, p, len(out), words, tail))
    return out


def tag(sentence: Sentence, lex) -> None:
    """Look every word up in the lexicon trie once. A phrase never crosses strong
    punctuation (a hyphen or dash inside it is fine)."""
    words = sentence.words
    keys = [w.key for w in words]
    forms = [w.forms for w in words]
    for i, w in enumerate(words):
        hits = lex.hits_at(keys, i, forms)
        if hits:
            w.hits = [h for h in hits if h.n == 1 or not any(
                any(c in STRONG for c in words[k].pre) for k in range(i + 1, i + h.n))]
