"""What each line of an article page is: the story's text, or the site's menus,
breadcrumbs, buttons, bylines, captions, datelines and copyright lines.

`_split_lines(text)` gives the non-empty lines with their folded forms; `_classify(line, bp)`
sets `line.kind` (and the date or outlet a line states) from the phrases of
lexicons/boilerplate.yaml. generator/ingest.py decides, from these kinds and their
positions, where the story starts and ends.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import datelines, dates
from .boilerplate import BULLETS as _BULLETS, Boilerplate, phrase_key as _key
from .reading import INVISIBLE as _INVISIBLE

_CLOSERS = "\"'»”’)]}›* \u00a0"
_PERIOD_END = ".…:"
_QUESTION_END = "!?؟"


# --- lines --------------------------------------------------------------------------


@dataclass
class Line:
    n: int  # 1-based line number in the text
    text: str  # the line as written, stripped
    folded: str  # dates.fold(text): same length as text unless marks were deleted
    key: str  # folded, single-spaced
    core: str  # key without leading bullets
    words: int
    kind: str = "text"  # text url ui byline date source end caption dateline copyright
    detail: str = ""  # the end marker's kind, or why a line was dropped
    published: str | None = None
    outlet: str | None = None
    parts: list[str] = field(default_factory=list)  # a dateline's sides, as written

    def tail(self, folded_index: int) -> str:
        """The original text from a position of `folded` on."""
        return self.span(folded_index, len(self.folded))

    def span(self, start: int, end: int) -> str:
        """The original text of `folded[start:end]`."""
        where = dates.fold_offsets(self.text)
        return (self.text[where[start]:where[end]] if where else self.text[start:end]).strip()


def _split_lines(text: str) -> list[Line]:
    out = []
    for n, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        line = raw.strip().strip(_INVISIBLE).strip()
        if not line:
            continue
        folded = dates.fold(line)
        key = " ".join(folded.split())
        if not key:
            continue
        core = key.lstrip(_BULLETS)
        out.append(Line(n, line, folded, key, core or key, len(key.split())))
    return out


def _ends(text: str, marks: str) -> bool:
    t = text.rstrip(_CLOSERS)
    return bool(t) and t[-1] in marks


def _heading_like(line: Line) -> bool:
    """No sentence end, short: a headline, a sub-heading, a link or a banner."""
    return not _ends(line.text, _PERIOD_END + _QUESTION_END) and line.words <= 14


def _starts_story(line: Line) -> bool:
    """A line the story can begin with: a full sentence (not a headline)."""
    if line.kind != "text":
        return False
    if _ends(line.text, _PERIOD_END):
        return True
    return line.words >= 25 or (_ends(line.text, _QUESTION_END) and line.words >= 14)


def _squash(key: str) -> str:
    return key.replace(" ", "")


def _repeat_unit(s: str) -> str:
    """"XX" or "XXX" → "X" (a headline glued to itself); anything else unchanged."""
    for k in (2, 3, 4):
        if len(s) % k == 0 and len(s) >= 2 * k and s == s[: len(s) // k] * k:
            return s[: len(s) // k]
    return s


def _is_outletish(name: str, bp: Boilerplate) -> bool:
    key = _key(name)
    if not key or key in bp.sets["not_outlets"] or len(key.split()) > 5:
        return False
    if key in bp.sets["known_outlets"]:
        return True
    return (any(w in bp.sets["outlet_hints"] for w in key.split()) or any(c.isdigit() for c in key)
            or re.search(r"[a-z]", key) is not None)


def _outlet_name(value: str, bp: Boilerplate, *, trusted: bool) -> str | None:
    """An outlet as written, from the text after "المصدر:" or "إعداد:" etc.: the first
    name before '+', '،', '/'; without quotes and trailing buttons. `trusted` names need
    not look like an outlet (after "المصدر:"); others must."""
    ui = bp.patterns["ui"]
    for part in re.split(r"\s*[+،,|/]\s*|\s+و(?=وكال)", value):
        name = part.strip(" \t«»\"'“”().:-–—")
        words = name.split()
        while words and not re.sub(r"\W", "", ui.sub("", _key(words[-1]))):
            words.pop()  # "فرانس24 تابِع إعلان اقرأ المزيد" → "فرانس24"
        name = " ".join(words).strip(" «»\"'“”().:-–—")
        key = _key(name)
        if not key or key in bp.sets["not_outlets"]:
            continue
        if len(key.split()) <= 5 and (trusted or _is_outletish(name, bp)):
            return name
        return None
    return None


def _classify(line: Line, bp: Boilerplate) -> None:
    rx = bp.patterns
    core = line.core
    bare = core.rstrip(" :.!؟?…-")
    if rx["url"].match(core):
        line.kind = "url"
    elif (kind := _end_marker(core, bare, bp)) is not None:
        line.kind, line.detail = "end", kind
    elif _is_ui(core, rx) or rx["timestamp"].match(bare) or _is_breadcrumb(line, bp):
        line.kind = "ui"
    elif _is_menu(line, bp):
        line.kind, line.detail = "ui", "site menu"
    elif line.words <= 15 and rx["prompt"].match(line.folded):
        line.kind, line.detail = "ui", "newsletter or app prompt"
    elif ((m := rx["byline"].match(line.folded)) and (m.group("colon") or line.words <= 6)
          and not (line.words > 16 or (line.words > 10 and _ends(line.text, _PERIOD_END + _QUESTION_END)))):
        line.kind = "byline"  # (a longer line is a sentence with a byline glued on: see `_lead_tag`)
        line.outlet = _outlet_name(line.tail(m.end()), bp, trusted=False)
    elif (m := rx["correspondent"].match(line.folded)) and not re.search(r"\w", line.folded[m.end():]):
        line.kind = "byline"  # "مراسل الجزيرة في بغداد"
        line.outlet = m.group("outlet") and _outlet_name(line.span(*m.span("outlet")), bp, trusted=False)
    elif (d := datelines.publication_date(line.text)) is not None:
        line.kind, line.published = "date", d.published
    elif (m := rx["source_start"].match(line.folded)) or (line.words <= 8 and (m := rx["source"].search(line.folded))):
        line.kind = "source"
        line.outlet = _outlet_name(line.tail(m.end()), bp, trusted=True)
    elif _dateline(line, bp, strong=True):  # "أنقرة/ الأناضول" is a dateline, not a photo credit
        line.kind = "dateline"
    elif _is_caption(line, rx, bp):
        line.kind = "caption"
    elif _dateline(line, bp):
        line.kind = "dateline"
    elif _is_navigation(line, bp):
        line.kind, line.detail = "ui", "breadcrumb"
    elif (m := rx["copyright"].search(core)) and (line.words <= 12 or m.start() <= 3):
        line.kind = "copyright"
        name = rx["copyright"].sub(" ", core)
        name = re.sub(r"\b(?:19|20)\d\d\b|[-–—|.,:]", " ", name).strip()
        name = re.sub(r"^(?:ل|لـ|لموقع|لصحيفه|لقناه)\s*", "", name).strip()
        line.outlet = name if name and _is_outletish(name, bp) else None
    elif line.words <= 6 and line.key not in bp.sets["section_names"] and not _ends(line.text, _PERIOD_END):
        name = _outlet_name(line.text, bp, trusted=False)
        if name and _key(name) in bp.sets["known_outlets"]:  # the site's name: "اندبندنت عربية ووكالات"
            line.kind, line.outlet = "banner", name


def _is_ui(core: str, rx: dict) -> bool:
    """Only buttons and menu words ("شارك", "حجم الخط"), or "list 1 of 4"."""
    return not re.search(r"\w", rx["ui"].sub(" ", core)) or any(
        p.match(core) for name, p in rx.items() if name.startswith("item"))


_MENU_SPLIT = re.compile(r"[\s/>»«›‹|•·▪◦●■,،\-–—]+")
MENU_PHRASE_WORDS = 4  # the longest menu phrase tried, in words


def _is_menu(line: Line, bp: Boilerplate) -> bool:
    """"الرئيسية أخبار رياضة تلفزيون", "أخبار تحليلات الشرق الأوسط", "العراق سوريا لبنان":
    a short line that is two or more menu items (section names, menu words, buttons,
    country names) and nothing else.
    Such a line is the site's navigation, never a headline, however many words it has."""
    if line.words > 15 or _ends(line.text, _PERIOD_END + _QUESTION_END):
        return False
    words = [w for w in _MENU_SPLIT.split(line.key) if w]
    menu = bp.menu
    i = items = 0
    while i < len(words):
        for n in range(min(MENU_PHRASE_WORDS, len(words) - i), 0, -1):
            phrase = " ".join(words[i:i + n])
            if (phrase in menu or phrase in bp.countries
                    or (items and phrase[:1] == "و" and phrase[1:] in menu)):  # "علوم وتكنولوجيا"
                break
        else:
            return False
        i += n
        items += 1
    return items >= 2


_CRUMB = re.compile(r"\s*[/>»›|]\s*")


def _is_breadcrumb(line: Line, bp: Boilerplate) -> bool:
    """"الرئيسية / العالم العربي / السودان": short parts, one a menu or section name."""
    if line.words > 12 or _ends(line.text, _PERIOD_END + _QUESTION_END):
        return False
    parts = [p for p in _CRUMB.split(line.core) if p.strip()]
    if len(parts) < 2 or any(len(p.split()) > 4 for p in parts):
        return False
    return any(p in bp.sets["section_names"] or _is_ui(p, bp.patterns) for p in parts)


_NAV_SPLIT = re.compile(r"\s*(?:[|›>]|\s»\s|/)\s*")
_NOT_NAV_CHARS = re.compile(r"[\d:؛;،,.!?؟()«\"“”]")


def _is_navigation(line: Line, bp: Boilerplate) -> bool:
    """"سوريا | كوردستان سوريا", "لبنان › جنوب لبنان", "اليمن / الحديدة": a short line of
    two or more parts of 1–3 words split by | › » > /, with no digit, quote, function
    word or sentence verb: a breadcrumb, not a headline ("غزة - مقتل 5 في غارة" and
    "إيران وباكستان: علاقاتنا أخوية" are headlines). Split by "/" only, every part must
    hold a country, a city or a section name ("العراق / مقتل جنديين" is a headline)."""
    if line.words > 10 or _ends(line.text, _PERIOD_END + _QUESTION_END):
        return False
    core = line.core
    if "«" in line.key:  # quotation marks, not a separator
        core = core.replace("»", "").replace("«", "")
    parts = [p for p in _NAV_SPLIT.split(core) if p.strip()]
    if len(parts) < 2 or any(not 1 <= len(p.split()) <= 3 or _NOT_NAV_CHARS.search(p) for p in parts):
        return False
    for part in parts:
        for w in part.split():
            if w in bp.not_nav or (w[:1] in "وف" and w[1:] in bp.not_nav) or _imperfect_verb(w, bp):
                return False
    if re.search(r"[|›>»]", core):
        return True
    known = bp.countries | bp.sets["dateline_places"] | bp.menu
    return all(p in known or any(w in known for w in p.split()) for p in parts)


def _imperfect_verb(word: str, bp: Boilerplate) -> bool:
    """"يقر", "يستقبل": a word of three letters or more opening with ي, not a place."""
    return word[:1] == "ي" and len(word) >= 3 and word not in bp.countries and word not in bp.sets["dateline_places"]


def _end_marker(core: str, bare: str, bp: Boilerplate) -> str | None:
    for kind, phrases in bp.end_lines.items():
        if bare in phrases:
            return kind
    if not core.startswith(bp.any_end_start):  # one C-level test for the usual line
        return None
    for kind, phrases in bp.end_starts.items():
        for p in phrases:
            if core.startswith(p) and (len(core) == len(p) or not core[len(p)].isalnum()):
                return kind
    return None


def _is_caption(line: Line, rx: dict, bp: Boilerplate) -> bool:
    text = line.text.rstrip(" \u00a0\t")
    if line.words >= 3 and text[-1:] in "-–—":
        return True  # "… في إسلام أباد، 18 يناير 2024 -" : the photographer's credit was cut off
    if line.words > 30 or _ends(line.text, "."):
        return False
    if rx["caption"].match(line.core) and (line.words <= 12 or re.match(r"^\(?\S+\s*[:)\-]", line.core)):
        return True
    return bool(rx["caption_word"].search(line.core) or rx["credit_end"].search(line.core))


def _dateline(line: Line, bp: Boilerplate, strong: bool = False) -> bool:
    """"إسلام أباد – عُمان اليوم", "أنقرة/ الأناضول", "سكاي نيوز عربية - أبوظبي",
    "لندن: «الشرق الأوسط»", "بغداد اليوم - متابعة": a short line of a place, an outlet
    or a byline word, split by a dash, slash or bar. Sets `outlet` when a side is one.
    `strong`: one side must be a known place or a byline word (not only an outlet)."""
    if line.words > 9 or _ends(line.text, _PERIOD_END + _QUESTION_END):
        return False
    parts = [p.strip(" «»\"'“”") for p in re.split(r"\s*[-–—/|]\s*|\s*:\s*(?=[«\"“])", line.text)
             if p.strip(" «»\"'“”")]
    if not 2 <= len(parts) <= 3 or any(len(p.split()) > 4 for p in parts):
        return False
    keys = [_key(p) for p in parts]
    if any(w in bp.not_nav and w not in bp.sets["outlet_hints"] for k in keys for w in k.split()):
        return False  # "غزة - مقتل 5 في غارة" is a headline: a function word or verb is in it
    sets = bp.sets
    places = [k in sets["dateline_places"] or k in sets["byline_words"] for k in keys]
    if strong and not any(places):
        return False
    if not any(places) and not any(k in sets["not_outlets"] or _is_outletish(p, bp) for p, k in zip(parts, keys)):
        return False
    line.parts = parts
    known = [p for p, k in zip(parts, keys) if k in sets["known_outlets"]]
    hinted = [p for p, k in zip(parts, keys) if k not in sets["dateline_places"] and _is_outletish(p, bp)]
    line.outlet = (known or hinted or [None])[0]
    return True
