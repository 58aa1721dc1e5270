"""The type of a mention: a span of a sentence's words naming a country, a state
body, a group or a person (found by generator.extract.mentions)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Mention:
    start: int
    end: int  # word span [start, end) of the whole mention, title included
    kind: str  # person | country | organization | group
    how: str  # country: name|capital|city|adj; person: named|ref|dual|loose; organization: body|named; group: known|new
    eid: str | None = None
    name: str | None = None  # a person's or new group's name as written
    words: tuple = ()  # folded name words (persons)
    title: str | None = None  # role title as written (without the nationality)
    lemma: str | None = None  # title head lemma, or rank
    comps: frozenset = frozenset()  # complement words of the title
    country: str | None = None  # a person's or body's country; a country mention's id
    counterpart: bool = False
    rank: str | None = None
    name_start: int = -1
    eids: list = field(default_factory=list)  # a dual reference resolved to several persons
    person: object = None  # the context.Person a person mention names, once resolved
    affil: object = None  # the group or body named in a person's title ("المتحدث باسم X")
    surname_slot: bool = False  # an adjective standing where a person would ("قال السوداني")
