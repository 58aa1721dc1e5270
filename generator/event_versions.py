"""Where the reports of one event differ: for the event page's side-by-side view.

`event_versions(event, facts)` gives, for every field of the event's type, each
way the reports tell it (the value, how the evidence names the entities, and
which reports); `event_differences` keeps the fields told in more than one way.
A report that leaves a field empty gives no version (silence is no
disagreement), and namings that are forms of one another ("الجنابي" and "سامي
الجنابي") are one version.
"""
from __future__ import annotations

from dataclasses import dataclass

from .events import KIND_OF_TYPE
from .model import Entity, Event, Fact
from .normalize import WORD, bare, squash
from .store import Facts


# The fields compared for each type of event, in display order; entity fields hold ids.
VERSION_FIELDS = {
    "meeting": ("participants", "kind", "place", "date"),
    "visit": ("visitor", "destination", "status", "date"),
    "agreement": ("parties", "subject", "status", "date"),
    "strike": ("attacker", "targets", "place", "means", "date"),
    "statement": ("speaker", "text"),
}
ENTITY_FIELDS = frozenset({"participants", "place", "visitor", "destination", "parties", "attacker", "targets",
                           "speaker"})


@dataclass(frozen=True, slots=True)
class Version:
    """One way the reports of an event tell one field.

    `value` is the field's value: a string, or a tuple for list fields (entity
    ids for entity fields, sorted). `written` is, for entity fields, how the
    reports' evidence names those entities ("جيش الظلم" where another report
    says "جيش العدل"), in the order of `value`; empty for other fields.
    `refs` are the (article id, index) of the facts that tell it this way.
    Namings that are part of one another ("مارلين لواندا", "ناقلة النفط مارلين
    لواندا") are one version, shown with the spelling of its most reports.
    """

    value: str | tuple[str, ...]
    written: tuple[str, ...]
    refs: tuple[tuple[str, int], ...]


def event_versions(event: Event, facts: Facts) -> dict[str, list[Version]]:
    """Every compared field of an event (VERSION_FIELDS) -> its versions across the reports,
    the most told first (then by first report). A report that leaves a field empty (no
    date, no means, no place) gives no version for it: silence is not a disagreement."""
    kind = KIND_OF_TYPE[event.type]
    told: dict[str, dict[tuple, list[tuple[str, int]]]] = {f: {} for f in VERSION_FIELDS[event.type]}
    for ref in event.facts:
        article = facts.articles.get(ref.article)
        of_kind = getattr(article, kind, []) if article else []
        if ref.index >= len(of_kind):
            continue
        fact = of_kind[ref.index]
        for name in told:
            value = _field_value(fact, name)
            if not value:
                continue
            written = _written(value, fact.evidence, facts) if name in ENTITY_FIELDS else ()
            told[name].setdefault((value, written), []).append((ref.article, ref.index))
    out = {}
    for name, versions in told.items():
        ranked = sorted(versions.items(), key=lambda kv: (-len(kv[1]), kv[1][0]))
        kept: list[tuple[tuple, list]] = []
        for (value, written), refs in ranked:  # "عبد اللطيفي" is the same naming as "سالم أحمد عبد اللطيفي"
            same = next((k for k in kept if k[0][0] == value and _same_naming(k[0][1], written)), None)
            if same:
                same[1].extend(refs)
            else:
                kept.append(((value, written), list(refs)))
        out[name] = [Version(value, written, tuple(sorted(refs))) for (value, written), refs in kept]
    return out


def event_differences(event: Event, facts: Facts) -> dict[str, list[Version]]:
    """Only the fields the reports tell in more than one way (see event_versions)."""
    return {name: versions for name, versions in event_versions(event, facts).items() if len(versions) > 1}


def _same_naming(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Each name of one is a shorter or longer form of the other's: every word of the
    name with fewer words starts like a word of the other ("عبد اللطيفي" in "سالم أحمد عبد
    اللطيفي", "الحوثيون" and "جماعة الحوثي"), but "جيش الظلم" is not "جيش العدل"."""
    return all(_same_name(a, b) for a, b in zip(one, other))


def _same_name(a: str, b: str) -> bool:
    short, long_ = sorted(([bare(w) for w in WORD.findall(x)] for x in (a, b)), key=len)
    return all(any(w.startswith(v) or v.startswith(w) for v in long_ if min(len(v), len(w)) >= 3 or v == w)
               for w in short)


def _field_value(fact: Fact, name: str) -> str | tuple[str, ...] | None:
    value = getattr(fact, name, None)
    if isinstance(value, list):
        return tuple(sorted(value)) if name in ENTITY_FIELDS else tuple(value)
    return value


def _written(value: str | tuple[str, ...], evidence: str, facts: Facts) -> tuple[str, ...]:
    ids = value if isinstance(value, tuple) else (value,)
    return tuple(written_name(facts.entities.get(i), evidence) or i for i in ids)


def written_name(entity: Entity | None, evidence: str) -> str | None:
    """The entity's name or alias that the evidence uses (the longest found, compared
    folded and without spaces); its canonical name when the evidence uses none of them
    (a pronoun, a title); None for an unknown entity."""
    if entity is None:
        return None
    text = squash(evidence)
    found = [s for s in (entity.name, *entity.aliases) if squash(s) and squash(s) in text]
    return max(found, key=lambda s: len(squash(s))) if found else entity.name
