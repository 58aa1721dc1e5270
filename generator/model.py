"""The facts model of FACTS-MODEL.md as typed records. Types only: no I/O.

Entities live in one registry shared by all articles; an article holds its
facts, and every fact points at entities by id and carries `evidence`, the
sentence of the article it rests on, verbatim.

Two fields go beyond the contract and never reach the export:
`Fact.event` (an editor's override of cross-article event clustering) and the
drafting types at the end (what cleaning and extraction hand to the registry).
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator

ENTITY_KINDS = ("person", "country", "organization", "group")
FACT_KINDS = ("meetings", "visits", "agreements", "strikes", "statements")
EVENT_TYPES = ("meeting", "visit", "agreement", "strike", "statement")

EntityKind = Literal["person", "country", "organization", "group"]
MeetingKind = Literal["meeting", "talks", "call", "conference"]
VisitStatus = Literal["done", "planned"]
AgreementStatus = Literal["agreed", "signed", "planned"]
EventType = Literal["meeting", "visit", "agreement", "strike", "statement"]

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")

EntityId = Annotated[str, Field(pattern=ID_PATTERN, min_length=1, max_length=120)]
NonEmptyText = Annotated[str, Field(min_length=1)]


def _as_text_date(value):
    """YAML reads an unquoted 2024-01-30 as a date: accept it as its ISO string."""
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.strftime("%Y-%m-%d")
    return value


def _check_day(value: str | None) -> str | None:
    if value is None:
        return None
    if not _DAY.match(value):
        raise ValueError(f"expected a date as YYYY-MM-DD, got {value!r}")
    try:
        _dt.date.fromisoformat(value)
    except ValueError as exc:  # 2024-13-45
        raise ValueError(f"{value!r} is not a real date ({exc})") from None
    return value


def _check_day_or_month(value: str | None) -> str | None:
    if value is None or _DAY.match(value or ""):
        return _check_day(value)
    if _MONTH.match(value) and 1 <= int(value[5:]) <= 12:
        return value
    raise ValueError(f"expected a date as YYYY-MM-DD or YYYY-MM, got {value!r}")


class Record(BaseModel):
    """Base of every record: unknown fields are errors (they are usually typos)."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Role(Record):
    title: NonEmptyText
    country: EntityId | None = None
    article: EntityId | None = None


class Entity(Record):
    id: EntityId
    kind: EntityKind
    name: NonEmptyText
    aliases: list[NonEmptyText] = []
    country: EntityId | None = None
    roles: list[Role] = []
    description: str | None = None


class Fact(Record):
    evidence: NonEmptyText
    event: EntityId | None = Field(
        default=None, description="editor's event id: joins or splits cross-article events"
    )


class DatedFact(Fact):
    date: str | None = None

    _as_text = field_validator("date", mode="before")(_as_text_date)
    _valid = field_validator("date")(_check_day_or_month)


class Meeting(DatedFact):
    participants: Annotated[list[EntityId], Field(min_length=2)]
    kind: MeetingKind = "meeting"
    place: EntityId | None = None


class Visit(DatedFact):
    visitor: EntityId
    destination: EntityId
    status: VisitStatus = "done"


class Agreement(DatedFact):
    parties: Annotated[list[EntityId], Field(min_length=2)]
    subject: NonEmptyText
    status: AgreementStatus = "agreed"


class Strike(DatedFact):
    attacker: EntityId | None = None
    targets: list[EntityId] = []
    place: EntityId | None = None
    means: list[NonEmptyText] = []


class Statement(Fact):
    speaker: EntityId
    text: NonEmptyText


AnyFact = Union[Meeting, Visit, Agreement, Strike, Statement]
FACT_TYPES: dict[str, type[Fact]] = {
    "meetings": Meeting,
    "visits": Visit,
    "agreements": Agreement,
    "strikes": Strike,
    "statements": Statement,
}
EVENT_TYPE_OF = dict(zip(FACT_KINDS, EVENT_TYPES))


class Article(Record):
    id: EntityId
    source: NonEmptyText
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    reviewed: bool = False
    mentions: list[EntityId] = []
    meetings: list[Meeting] = []
    visits: list[Visit] = []
    agreements: list[Agreement] = []
    strikes: list[Strike] = []
    statements: list[Statement] = []

    _as_text = field_validator("published", mode="before")(_as_text_date)
    _valid = field_validator("published")(_check_day)

    def facts(self):
        """(kind, index, fact) for every fact, in file order."""
        for kind in FACT_KINDS:
            for i, fact in enumerate(getattr(self, kind)):
                yield kind, i, fact


class FactRef(Record):
    article: EntityId
    index: int = Field(ge=0)


class Event(Record):
    id: EntityId
    type: EventType
    participants: list[EntityId]
    date: str | None = None
    facts: list[FactRef]


class Export(Record):
    entities: list[Entity]
    articles: list[Article]
    events: list[Event]


# --- drafting: what cleaning and extraction hand on -------------------------


class CleanArticle(Record):
    """An article's own story, with its metadata, after the site's noise is gone.

    `paragraphs` are verbatim lines of the source (so evidence can be quoted
    from them); `dropped` says what was removed and why, for the log.
    """

    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    paragraphs: list[str] = []
    dropped: list[str] = []


class Draft(Record):
    """One article's extraction before its entities meet the registry.

    Entity ids here are provisional (a slug of the name, or a lexicon id for
    countries and known groups); the registry maps them to final ids.
    """

    article: Article
    entities: list[Entity] = []
