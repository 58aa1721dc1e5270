"""Reading an article file and cleaning away its site's noise.

`read_article(path)` (generator/reading.py) decodes a text file safely, or
refuses it with an error naming the file. `clean(text)` keeps the article's own story: it finds
the headline, outlet and publication date the text states, drops banners,
bylines, captions, buttons and repeated headlines, and cuts the story at its
first end marker ("اقرأ أيضاً", "المصدر:", "كلمات دلالية", …), since what follows
is related links or whole other stories glued on.

What each line is (menu, byline, caption, dateline…) is decided in generator/page_lines.py.
The phrases are data (lexicons/boilerplate.yaml, loaded by generator/boilerplate.py); the rules here are positional:
what stands above the headline is the site's, a marker ends the story only
after the story has begun, and metadata is read only from the article's own
lines, never from a story glued after it.
"""
from __future__ import annotations

import re

from .boilerplate import (  # noqa: F401 (boilerplate is the module's API)
    BOILERPLATE_FILE, BULLETS as _BULLETS, Boilerplate, boilerplate, phrase_key as _key)
from .model import CleanArticle
from .datelines import lead_dateline_date
from .page_lines import (  # noqa: F401 (_is_menu: tests reach it through ingest)
    Line, _PERIOD_END, _QUESTION_END, _classify, _ends, _heading_like, _is_menu, _is_outletish, _outlet_name,
    _repeat_unit, _split_lines, _squash, _starts_story)
from .reading import INVISIBLE as _INVISIBLE, MAX_BYTES, read_article  # noqa: F401 (the module's API)


def _excerpt(text: str, size: int = 48) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def _story_span(lines: list[Line], start: int, bp: Boilerplate) -> tuple[int, set[int]]:
    """(index of the first line after the story, indexes of link lists inside it).
    A marker ends the story only after the story has begun; an "اقرأ أيضا" list
    closed by "end of list" is dropped and the story goes on."""
    inline: set[int] = set()
    i = start + 1
    while i < len(lines):
        line = lines[i]
        if line.kind in ("end", "source"):
            close = next((j for j in range(i + 1, min(i + 14, len(lines)))
                          if lines[j].core.rstrip(" .:") in bp.sets["inline_list_ends"]), None)
            if line.detail == "related" and close is None and (last := _link_inside_story(lines, start, i, bp)):
                inline.update(range(i, last + 1))  # one link, and the same story goes on after it
                i = last + 1
                continue
            if line.detail != "related" or close is None:
                return i, inline
            inline.update(range(i, close + 1))
            i = close
        i += 1
    return len(lines), inline


def _link_inside_story(lines: list[Line], start: int, i: int, bp: Boilerplate) -> int | None:
    """The index of the last line of a one-line related link at `lines[i]` when the article's own story
    goes on after it ("اقرأ أيضاً: <headline>" or the marker and one headline line, then paragraphs of the
    same story); None when what follows may be another story (it is then dropped with the rest).
    The story goes on only when all hold: a story paragraph stands right above the marker (no source,
    tags or caption closing the story); two or more full paragraphs follow the link with no dateline,
    byline or date line between; the first opens like a continued sentence ("وقال", "من جهته"); and
    they share names and key words with the story above the marker (one of the first two
    paragraphs at least two of them)."""
    line = lines[i]
    above = next((x for x in reversed(lines[start:i]) if x.kind != "ui"), None)
    if above is None or above.kind != "text" or not _starts_story(above):
        return None
    phrase = next((p for p in bp.end_starts["related"] if line.core.startswith(p)), "")
    rest = line.core[len(phrase):].strip(" :.-–—")
    if rest:  # "اقرأ أيضاً: <headline>" on one line
        if not 3 <= len(rest.split()) <= 20 or _ends(line.text, _PERIOD_END):
            return None
        last = i
    else:  # the marker, then one headline line
        k = i + 1
        if k >= len(lines) or lines[k].kind != "text" or not _heading_like(lines[k]) or lines[k].words < 3:
            return None
        last = k
    paragraphs: list[Line] = []
    for x in lines[last + 1:]:
        if x.kind == "ui":
            continue
        if x.kind != "text" or not _starts_story(x):
            break
        paragraphs.append(x)
    if len(paragraphs) < 2:
        return None
    first = paragraphs[0].core
    opener = first.split()[0]
    if not ((opener[:1] in "وف" and len(opener) >= 4)
            or any(first.startswith(c) and first[len(c):len(c) + 1] in (" ", "،", ",")
                   for c in bp.lists["story_connectives"])):
        return None
    before = set().union(*(bp.distinct_words(x.text) for x in lines[start:i] if x.kind == "text"))
    after = set().union(*(bp.distinct_words(x.text) for x in paragraphs[:3]))
    shared = before & after
    if (len(shared) < 5 or len(shared) < 0.08 * len(after)
            or all(len(bp.distinct_words(x.text) & before) < 2 for x in paragraphs[:2])):
        return None
    return last


def _choose_title(header: list[Line], story: list[Line], bp: Boilerplate) -> tuple[int | None, str | None]:
    """(index in header, headline as written): a repeated headline-like line, else
    the first one of four words or more that is not a section name."""
    counts: dict[str, int] = {}
    for line in story:
        unit = _repeat_unit(_squash(line.key))
        counts[unit] = counts.get(unit, 0) + (1 if unit == _squash(line.key) else 2)
    candidates = [(i, line) for i, line in enumerate(header)
                  if line.kind == "text" and line.key not in bp.sets["section_names"] and 2 <= line.words <= 30
                  and not _ends(line.text, _PERIOD_END)]
    marker = max((i for i, line in enumerate(header) if line.kind == "end"), default=None)
    if marker is not None:  # a link list above the story ("الأكثر قراءة" …): the headline is its last line
        after = [(i, line) for i, line in candidates if i > marker and line.words >= 4]
        candidates = [(i, line) for i, line in candidates if i < marker] + after[-1:]
    chosen = next(((i, line) for i, line in candidates if counts.get(_repeat_unit(_squash(line.key)), 0) >= 2),
                  None) or next(((i, line) for i, line in candidates if line.words >= 4), None)
    if chosen is None:
        return None, None
    i, line = chosen
    unit = _repeat_unit(_squash(line.key))
    if unit == _squash(line.key):
        return i, line.text
    plain = next((x for x in story if _squash(x.key) == unit), None)  # "XX": take X as written elsewhere
    if plain is not None:
        return i, plain.text
    t = line.text
    for k in (2, 3, 4):
        if len(t) % k == 0 and t == t[: len(t) // k] * k:
            return i, t[: len(t) // k].strip()
    return None, None


def _heading_repeats(line: Line, following: list[Line]) -> bool:
    """A sub-heading whose words are (nearly) all in the next paragraphs."""
    words = {w for w in line.key.split() if len(w) > 2}
    if not words:
        return True
    near = set(" ".join(x.key for x in following).split())
    return len(words & near) >= 0.7 * len(words)


def clean(text: str) -> CleanArticle:
    """The article's own story, its headline, outlet and publication date (see the module doc)."""
    bp = boilerplate()
    lines = _split_lines(text or "")
    for line in lines:
        _classify(line, bp)
    dropped: list[str] = []

    def drop(line: Line, why: str):
        dropped.append(f"line {line.n}: {why}: {_excerpt(line.text)}")

    start = next((i for i, line in enumerate(lines) if _starts_story(line)), None)
    end, inline = _story_span(lines, start if start is not None else len(lines), bp)
    header = lines[: start if start is not None else end]
    ti, title = _choose_title(header, lines[:end], bp)
    if start is None:  # no full sentence anywhere: the story begins after the headline
        first = (ti + 1) if ti is not None else 0
        start = next((i for i in range(first, len(lines)) if lines[i].kind == "text"), len(lines))
        end, inline = _story_span(lines, start, bp)
        header = lines[:start]
    title_unit = _repeat_unit(_squash(_key(title))) if title else None

    outlets: list[tuple[int, str]] = []  # (priority, name): lower is better
    published: list[str] = []
    paragraphs: list[str] = []
    reasons = {"url": "web address", "ui": "page button", "byline": "byline", "caption": "photo caption",
               "dateline": "dateline", "copyright": "copyright line", "source": "source line", "end": "link list",
               "banner": "site name"}

    def why(line: Line) -> str:
        return line.detail if line.kind == "ui" and line.detail else reasons.get(line.kind, line.kind)

    for i, line in enumerate(header):
        if line.kind == "date":
            if line.published:
                published.append(line.published)
            drop(line, "date line")
        elif line.kind in ("dateline", "byline", "source") and line.outlet:
            outlets.append((0, line.outlet))
            drop(line, why(line))
        elif line.kind == "banner":
            outlets.append((2, line.outlet))
            drop(line, why(line))
        elif line.kind != "text":
            drop(line, why(line))
        elif i == ti:
            continue
        elif title_unit and _repeat_unit(_squash(line.key)) == title_unit:
            drop(line, "repeated headline")
        elif ti is not None and i > ti and line.words >= 6 and line.key not in bp.sets["section_names"]:
            paragraphs.append(line.text)  # a sub-title under the headline is the article's own text
        else:
            drop(line, "site banner or section name")

    story = [x for j, x in enumerate(lines[start:end], start) if j not in inline and x.kind == "text"]
    punctuated = [x for x in story if x.words >= 10]
    body_is_punctuated = len(punctuated) >= 2 and sum(_ends(x.text, _PERIOD_END + _QUESTION_END)
                                                      for x in punctuated) >= 0.6 * len(punctuated)
    first_done = False  # the story's first paragraph may open with a tag: "(رويترز) -", "كتب: X"
    for j in range(start, end):
        line = lines[j]
        if j in inline:
            drop(line, "list of links inside the story")
        elif line.kind == "date":
            if line.published:
                published.append(line.published)
            drop(line, "date line")
        elif line.kind != "text":
            if line.outlet and line.kind in ("byline", "dateline", "copyright", "banner"):
                outlets.append((3, line.outlet))
            drop(line, why(line))
        elif title_unit and _repeat_unit(_squash(line.key)) == title_unit:
            drop(line, "repeated headline")
        elif (body_is_punctuated and _heading_like(line) and not _is_list_item(line)
              and not _opens_sentence(line)):
            following = [x for x in lines[j + 1: min(end, j + 3)] if x.kind == "text"]
            drop(line, "sub-heading repeating the story" if _heading_repeats(line, following)
                 else "headline-like line inside the story (a link or a sub-heading)")
        else:
            lead = _lead_tag(line, bp) if not first_done else None
            first_done = True
            if lead is not None:
                dropped.append(f"line {line.n}: tag before the story: {_excerpt(line.span(0, lead[0]))}")
                if lead[1]:
                    outlets.append((4, lead[1]))
            paragraphs.append(line.tail(lead[0]) if lead else line.text)
            if not any(p for p, _ in outlets if p == 4) and (m := bp.patterns["lead_agency"].match(line.text)):
                name = _outlet_name(m.group("paren") or m.group("quoted") or "", bp, trusted=False)
                if name:
                    outlets.append((4, name))

    if end < len(lines):
        rest = lines[end:]
        span = f"line {rest[0].n}" if len(rest) == 1 else f"lines {rest[0].n}-{rest[-1].n}"
        dropped.append(f"{span}: after the end of the story "
                       f"({_excerpt(rest[0].text, 32)}): {len(rest)} lines")
        for line in rest:  # the article's own source and date lines, before any related links
            if line.kind == "end" and line.detail in ("related", "comments"):
                break
            if line.kind == "source" and line.outlet:
                outlets.append((1, line.outlet))
            elif line.kind == "date" and line.published:
                published.append(line.published)
        footer = _footer_outlet(lines, bp)
        if footer:
            outlets.append((2, footer))

    if not published and paragraphs and (lead_date := lead_dateline_date(paragraphs[0])):
        published.append(lead_date)
    outlet = min(outlets, key=lambda x: x[0])[1] if outlets else None
    if not paragraphs and title is not None:
        # nothing under the headline-like line: it is the story ("ثم ضرب بها المدينة؟" alone
        # in a file); it is also the headline only when the page has other lines around it
        paragraphs = [title]
        if len(lines) == 1:
            title = None
    if not paragraphs:
        title = None
    return CleanArticle(title=title, outlet=outlet, published=published[0] if published else None,
                        paragraphs=paragraphs, dropped=dropped)


_LEAD_SEP = re.compile(r"\s*(?:[-–—/|]+|:)\s*")
_QUOTES = " «»\"“”'"


def _lead_tag(line: Line, bp: Boilerplate) -> tuple[int, str | None] | None:
    """Where the sentence begins after a tag glued to the story's first paragraph, and
    the outlet the tag names: "كتب: سامي نور قال …", "بقلم: X - …", "(رويترز) - …",
    "بغداد (أ ف ب) - …", "بغداد - شفق نيوز - …", 'لندن- "القدس العربي": …',
    "مراسل X في بغداد - …". None when there is no tag, or when its end cannot be told
    (then the paragraph is kept whole: evidence must stay verbatim)."""
    f = line.folded
    if m := bp.patterns["byline"].match(f):  # a byline: the name ends at a dash or a statement verb
        for k, w in enumerate(list(re.finditer(r"\S+", f[m.end():]))[:6]):
            token = w.group()
            if k >= 1 and token in "-–—|/":
                return m.end() + w.end(), None
            if k >= 1 and _key(token) in bp.said:
                return m.end() + w.start(), None
            if token[-1] in "،,:-" and k >= 1:
                return m.end() + w.end(), None
        return None
    pos, outlet, tagged = 0, None, False
    for _ in range(3):
        sep = _LEAD_SEP.search(f, pos, pos + 60)
        if not sep or sep.start() == pos:
            break
        kind, name = _lead_part(line, pos, sep.start(), bp)
        if kind is None:
            break
        tagged = tagged or kind != "place"
        outlet = outlet or name
        pos = sep.end()
    if not tagged or len(f[pos:].split()) < 4:
        return None
    return pos, outlet


def _lead_part(line: Line, start: int, end: int, bp: Boilerplate) -> tuple[str | None, str | None]:
    """One part of a lead tag: ("place", None), ("tag", None) or ("outlet", name as written)."""
    seg = line.folded[start:end].strip(_QUOTES)
    key = _key(seg)
    places = bp.sets["dateline_places"] | bp.countries
    if m := re.fullmatch(r"(?:(?P<place>[^()]+?)\s*)?\((?P<paren>[^()]{2,30})\)", seg):
        if m.group("place") and _key(m.group("place")) not in places:
            return None, None
        paren = _key(m.group("paren"))
        if paren in bp.sets["photo_credits"] or paren in bp.sets["known_outlets"] or _is_outletish(paren, bp):
            offset = line.folded.index(seg, start)
            return "outlet", _outlet_name(line.span(offset + m.start("paren"), offset + m.end("paren")), bp,
                                          trusted=True)
        return None, None
    if key in places:
        return "place", None
    if key in bp.sets["byline_words"]:
        return "tag", None
    if (m := bp.patterns["correspondent"].fullmatch(seg)) is not None:
        offset = line.folded.index(seg, start)
        return "tag", m.group("outlet") and _outlet_name(
            line.span(offset + m.start("outlet"), offset + m.end("outlet")), bp, trusted=False)
    words = key.split()
    if (len(words) <= 4 and not any(w in bp.not_nav and w not in bp.sets["outlet_hints"] for w in words)
            and (key in bp.sets["known_outlets"] or key in bp.sets["photo_credits"]
                 or any(w in bp.sets["outlet_hints"] for w in words) or re.search(r"[a-z]", key))):
        offset = line.folded.index(seg, start)
        return "outlet", line.span(offset, offset + len(seg)).strip(_QUOTES)
    return None, None


def _is_list_item(line: Line) -> bool:
    return line.text[:1] in "•·*▪◦●■-–" or bool(re.match(r"^\d{1,2}\s*[-.)]\s", line.folded))


def _opens_sentence(line: Line) -> bool:
    """Lines that read as sentences even without a full stop: a quotation, or a
    longer line opening with a conjunction ("وقال", "فيما"). (A short one such as
    "واشنطن تفرض عقوبات جديدة" is as likely a link: و may be the word's own letter.)"""
    first = line.core.split()[0] if line.core else ""
    return ((first[:1] in "وف" and len(first) >= 4 and line.words >= 8)
            or line.text[:1] in '"«“' or line.text[-1:] in '"»”')



def _footer_outlet(lines: list[Line], bp: Boilerplate) -> str | None:
    """"logo / إرم نيوز / www.eremnews.com" or "© 2024 Name" at the very end of the page."""
    tail = lines[-6:]
    for k in range(len(tail) - 1, -1, -1):
        line = tail[k]
        if line.kind == "copyright" and line.outlet:
            return line.outlet
        if line.kind == "url" and k > 0:
            name = tail[k - 1]
            if (name.kind == "text" and name.words <= 4 and name.key not in bp.sets["section_names"]
                    and not _ends(name.text, _PERIOD_END + _QUESTION_END)
                    and name.key not in bp.sets["not_outlets"]):
                return name.text
    return None
