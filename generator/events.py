"""Cross-article events: which facts report the same happening.

Facts are clustered in buckets of the same type, then by shared "anchors"
(who) and by date (when). Everything is dictionary look-ups and a union-find,
so the cost grows with the number of facts, never with its square.

Who must agree (the bucket, and the anchors a fact shares with others):

- meeting: a pair of the same persons among the participants (all
  participants when fewer than two are persons), and the kind: a `call` (by
  phone) is never the same happening as a `meeting`, `talks` or `conference`,
  whatever the dates; those three are interchangeable words for meeting in
  person. A report of A, B and C meeting and one of A meeting B may merge.
- visit: the same visitor and destination (`planned` and `done` may merge).
- agreement: the same set of party countries (a party that is a person or a
  body counts as its `country` when it has one).
- strike: the same attacker (or both unknown; a state body such as an army
  counts as its country, a group as itself) and at least one shared target;
  on the same day, the same `place` is enough too (one operation by one
  attacker in one country, whichever of its targets a report names). A strike
  without targets compares on its place, else only with other strikes
  without targets or place. A strike with neither attacker nor targets stays
  alone.
- statement: the same speaker and the same text after normalisation
  (diacritics, alef forms, spaces, punctuation); otherwise one event per
  statement.

When (inside a bucket):

1. Facts dated to the same day merge.
2. A fact dated to a month joins the one day-cluster of that month if there
   is exactly one; with none it merges with the other month-dated facts of
   that month; with several it stays apart.
3. A fact without a date joins the one dated cluster of its bucket that the
   article's publication date allows (a past happening cannot be dated after
   the article reporting it, a `planned` one not before it; a meeting, visit
   or agreement at most 31 days before it, and only when the article states
   its publication date: the same two sides meet and sign too often). When there is no
   such single cluster, undated facts merge with the undated facts of their
   own article and with those of articles published in the same month. An
   undated strike in an article without a publication date joins the one such
   group of its attacker and target, if there is only one (not meetings,
   visits or agreements: the same two countries meet and sign too often).
   Statements have no dates: the same text merges across articles.

An editor's `event: <id>` on a fact overrides all this: the facts with the
same value form one event with that id, and never join other clusters.
"""
from __future__ import annotations

import gc
import hashlib
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date as _date
from itertools import combinations

from .errors import Problem, display_path
from .model import EVENT_TYPE_OF, EVENT_TYPES, Article, Event, Fact
from .normalize import squash
from .store import Facts

KIND_OF_TYPE = {t: k for k, t in EVENT_TYPE_OF.items()}  # "meeting" -> "meetings"
MAX_ID = 100
RECENT_DAYS = 31  # an undated meeting, visit or agreement joins a dated one at most this long before its article

FactKey = tuple[str, str, int]  # (article id, kind such as "meetings", index in that list)


@dataclass(frozen=True, slots=True)
class _Item:
    article: str
    kind: str
    index: int
    fact: Fact
    published: str | None
    date: str | None  # the fact's date (statements have none)
    planned: bool  # a visit or agreement announced for later


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        parent = self.parent
        root = i
        while parent[root] != root:
            root = parent[root]
        while parent[i] != root:
            parent[i], i = root, parent[i]
        return root

    def attach(self, i: int, j: int) -> None:
        """Put i's cluster under j's root (j's root stays a root)."""
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[ri] = rj


# --- who must agree -------------------------------------------------------------

_NO_TARGET = ("none",)
_ANY = frozenset({""})
_NOTHING: frozenset = frozenset()
MAX_PAIRED = 12  # more persons than this (a summit): the whole set is the one anchor


@dataclass(frozen=True, slots=True)
class _Signature:
    bucket: Hashable
    anchors: frozenset  # shared with another fact of the bucket: may be the same happening
    same_day: frozenset = _NOTHING  # enough only when the day is the same too


def _signature(item: _Item, facts: Facts) -> _Signature | None:
    """Who a fact is about, or None when it can never merge by itself."""
    fact, kind = item.fact, item.kind
    if kind == "meetings":
        persons = sorted({p for p in fact.participants if _kind(facts, p) == "person"})
        members = persons if len(persons) >= 2 else sorted(set(fact.participants))
        if len(members) < 2:
            return None
        if len(members) > MAX_PAIRED:
            anchors = frozenset({tuple(members)})
        else:
            anchors = frozenset(combinations(members, 2))
        return _Signature(("meeting", "call" if fact.kind == "call" else "met"), anchors)
    if kind == "visits":
        return _Signature(("visit", fact.visitor, fact.destination), _ANY)
    if kind == "agreements":
        countries = frozenset(_country_of(facts, p) for p in fact.parties)
        if len(countries) < 2:
            countries = frozenset(fact.parties)
        return _Signature(("agreement", countries), _ANY)
    if kind == "strikes":
        if fact.attacker is None and not fact.targets:
            return None
        attacker = _state_of(facts, fact.attacker)
        place = frozenset({("place", fact.place)}) if fact.place else _NOTHING
        if fact.targets:
            anchors = frozenset(("target", t) for t in fact.targets)
            return _Signature(("strike", attacker), anchors, place if attacker else _NOTHING)
        return _Signature(("strike", attacker), place or frozenset({_NO_TARGET}))
    if kind == "statements":
        return _Signature(("statement", fact.speaker), frozenset({squash(fact.text)}))
    raise ValueError(f"unknown kind of fact: {kind}")


def _kind(facts: Facts, entity_id: str) -> str | None:
    entity = facts.entities.get(entity_id)
    return entity.kind if entity else None


def _state_of(facts: Facts, entity_id: str | None) -> str | None:
    """A state body (army, ministry) acts for its country; a group or a person is itself."""
    entity = facts.entities.get(entity_id) if entity_id else None
    if entity is not None and entity.kind == "organization" and entity.country:
        return entity.country
    return entity_id


def _country_of(facts: Facts, entity_id: str) -> str:
    entity = facts.entities.get(entity_id)
    if entity is None or entity.kind == "country" or not entity.country:
        return entity_id
    return entity.country


# --- when: clustering inside one bucket -------------------------------------------

Member = tuple[int, frozenset]  # (item number, anchors)


def _fits(cluster_date: str, item: _Item) -> bool:
    """May an undated fact of this article be about a happening on cluster_date?

    A strike (a named attacker on a named target) may be told long after.
    Two countries or two persons meet, visit and sign too often for an undated
    report to join a dated one on that alone: it must come from an article
    published at most RECENT_DAYS after that date (or, when planned, before it)."""
    strike = item.kind == "strikes"
    if not item.published:
        return strike
    published = item.published[: len(cluster_date)]
    if item.planned:
        return cluster_date >= published
    if cluster_date > published:
        return False
    return strike or _days_between(cluster_date, item.published) <= RECENT_DAYS


def _days_between(earlier: str, day: str) -> int:
    """Days from earlier (a day, or a month: its first day) to day (a publication date)."""
    try:
        start = _date.fromisoformat(earlier if len(earlier) == 10 else earlier + "-01")
        return (_date.fromisoformat(day) - start).days
    except ValueError:
        return 1 << 30


def _cluster_bucket(members: list[tuple[int, _Signature]], items: list[_Item], uf: _UnionFind,
                    event_type: str) -> None:
    days: list[Member] = []
    months: list[Member] = []
    undated: list[Member] = []
    same_day: list[Member] = []
    for i, sig in members:
        date = items[i].date
        (undated if date is None else days if len(date) == 10 else months).append((i, sig.anchors))
        if date is not None and len(date) == 10 and sig.same_day:
            same_day.append((i, sig.same_day))

    # 1. the same day and a shared anchor (or a shared same-day anchor)
    _merge_on(days + same_day, uf, lambda i, a: (a, items[i].date))
    day_roots: dict[tuple, set[int]] = defaultdict(set)  # (anchor, month) -> day clusters
    for i, anchors in days:
        root = uf.find(i)
        for a in anchors:
            day_roots[(a, items[i].date[:7])].add(root)

    # 2. a month: the one day-cluster of that month, else the other facts of that month
    month_only = []
    for i, anchors in months:
        found = set().union(*(day_roots.get((a, items[i].date), ()) for a in anchors))
        if len(found) == 1:
            uf.attach(i, found.pop())
        elif not found:
            month_only.append((i, anchors))
    _merge_on(month_only, uf, lambda i, a: (a, items[i].date))

    # 3. no date: the one dated cluster the article allows, else by article and publication month
    if undated:
        alone = _place_undated(undated, days + months, items, uf)
        if event_type == "statement":
            _merge_on(alone, uf, lambda i, a: a)
        else:
            _merge_undated(alone, items, uf, unpublished_join=event_type == "strike")


def _place_undated(undated: list[Member], dated: list[Member], items: list[_Item], uf: _UnionFind) -> list[Member]:
    """Attach each undated fact to the one dated cluster it can belong to; return the others."""
    if not dated:
        return undated
    dated_roots: dict[Hashable, set[int]] = defaultdict(set)
    cluster_date: dict[int, str] = {}
    for i, anchors in dated:
        root = uf.find(i)
        date = items[i].date
        if len(cluster_date.get(root, "")) < len(date):
            cluster_date[root] = date
        for a in anchors:
            dated_roots[a].add(root)
    alone = []
    for i, anchors in undated:
        found = _candidates(anchors, dated_roots, cluster_date, items[i])
        if len(found) == 1:
            uf.attach(i, found.pop())
        else:
            alone.append((i, anchors))
    return alone


def _merge_undated(alone: list[Member], items: list[_Item], uf: _UnionFind, unpublished_join: bool) -> None:
    """Undated facts with no dated cluster to join: the same article, or articles of the same
    publication month, tell of the same happening. With unpublished_join (strikes: a named
    attacker on a named target), an article without a publication date joins the one such
    group of its anchors, if there is only one; two countries sign, meet and visit too
    often for that."""
    _merge_on(alone, uf, lambda i, a: (a, items[i].article))
    published = [(i, anchors) for i, anchors in alone if items[i].published]
    _merge_on(published, uf, lambda i, a: (a, items[i].published[:7]))
    if not unpublished_join:
        return
    groups: dict[Hashable, set[int]] = defaultdict(set)
    for i, anchors in published:
        root = uf.find(i)
        for a in anchors:
            groups[a].add(root)
    for i, anchors in alone:
        if items[i].published:
            continue
        own = uf.find(i)
        found = set().union(*(groups.get(a, ()) for a in anchors if a[0] == "target")) - {own}
        if len(found) == 1:
            uf.attach(i, found.pop())


def _candidates(anchors: frozenset, dated_roots: dict, cluster_date: dict[int, str], item: _Item) -> set[int]:
    """The dated clusters an undated fact could belong to; stops counting at two."""
    found: set[int] = set()
    for a in anchors:
        for root in dated_roots.get(a, ()):
            if root not in found and _fits(cluster_date[root], item):
                found.add(root)
                if len(found) > 1:
                    return found
    return found


def _merge_on(members: Iterable[Member], uf: _UnionFind, key) -> None:
    """Merge the facts that share key(i, anchor) for any of their anchors."""
    first: dict[Hashable, int] = {}
    for i, anchors in members:
        for a in anchors:
            k = key(i, a)
            if k in first:
                uf.attach(i, first[k])
            else:
                first[k] = i


# --- events -----------------------------------------------------------------------


def _items(facts: Facts) -> list[_Item]:
    out = []
    for article_id in sorted(facts.articles):
        article = facts.articles[article_id]
        for kind, index, fact in article.facts():
            date = None if kind == "statements" else fact.date
            planned = kind in ("visits", "agreements") and fact.status == "planned"
            out.append(_Item(article_id, kind, index, fact, article.published, date, planned))
    return out


def _participants(group: list[_Item]) -> list[str]:
    ids: set[str] = set()
    for item in group:
        f = item.fact
        if item.kind == "meetings":
            ids.update(f.participants)
        elif item.kind == "visits":
            ids.update((f.visitor, f.destination))
        elif item.kind == "agreements":
            ids.update(f.parties)
        elif item.kind == "strikes":
            ids.update(f.targets)
            if f.attacker:
                ids.add(f.attacker)
        else:
            ids.add(f.speaker)
    return sorted(ids)


def best_date(dates: Iterable[str | None]) -> str | None:
    """The most precise date: a day over a month; among equals the most frequent, then the earliest."""
    known = [d for d in dates if d]
    if len(set(known)) < 2:
        return known[0] if known else None
    precise = max(len(d) for d in known)
    counts = Counter(d for d in known if len(d) == precise)
    return min(counts, key=lambda d: (-counts[d], d))


def base_id(event_type: str, participants: list[str], date: str | None) -> str:
    """"strike-iran-jaish-al-adl-2024-01": type, sorted participants, date; long lists are shortened with a hash."""
    who = "-".join(participants)
    if len(who) > MAX_ID - 30:
        digest = hashlib.sha256(who.encode()).hexdigest()[:8]
        who = who[: MAX_ID - 40].strip("-") + "-" + digest
    return "-".join(x for x in (event_type, who, date) if x)


@contextmanager
def _gc_paused():
    """Pause the cyclic garbage collector while building many small acyclic objects.

    With 100,000 facts loaded, each automatic full collection walks the whole
    heap; they would double the run time. Reference counting still frees memory.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def cluster_events(facts: Facts) -> list[Event]:
    """The events of all articles, sorted by id (see the module doc for the rules)."""
    with _gc_paused():
        return _cluster(facts)


def _cluster(facts: Facts) -> list[Event]:
    items = _items(facts)
    uf = _UnionFind(len(items))
    overrides: dict[str, list[int]] = defaultdict(list)
    buckets: dict[Hashable, list[tuple[int, _Signature]]] = defaultdict(list)
    for i, item in enumerate(items):
        if item.fact.event:
            overrides[item.fact.event].append(i)
            continue
        signature = _signature(item, facts)
        if signature is not None:
            buckets[signature.bucket].append((i, signature))
    for bucket, members in buckets.items():
        _cluster_bucket(members, items, uf, bucket[0])

    groups: dict[int, list[_Item]] = defaultdict(list)
    for i, item in enumerate(items):
        if not item.fact.event:
            groups[uf.find(i)].append(item)

    fixed: list[tuple[str, list[_Item]]] = []  # editor's ids, one event per (id, type)
    for event_id in sorted(overrides):
        by_type: dict[str, list[_Item]] = defaultdict(list)
        for i in overrides[event_id]:
            by_type[EVENT_TYPE_OF[items[i].kind]].append(items[i])
        for event_type in sorted(by_type, key=EVENT_TYPES.index):
            fixed.append((event_id, by_type[event_type]))
    return _name_events(fixed, list(groups.values()))


@dataclass(slots=True)
class _Draft:
    """An event before it has its final id."""

    type: str
    participants: list[str]
    date: str | None
    refs: list[tuple[str, int]]

    @classmethod
    def of(cls, group: list[_Item]) -> "_Draft":
        return cls(EVENT_TYPE_OF[group[0].kind], _participants(group), best_date([item.date for item in group]),
                   sorted([(item.article, item.index) for item in group]))

    def event(self, event_id: str) -> Event:
        return Event.model_validate({"id": event_id, "type": self.type, "participants": self.participants,
                                     "date": self.date, "facts": [{"article": a, "index": i} for a, i in self.refs]})


def _name_events(fixed: list[tuple[str, list[_Item]]], clustered: list[list[_Item]]) -> list[Event]:
    """Editor ids first; then each clustered event its base id, or base-2, base-3… in a
    deterministic order (the earliest fact first) when the base is taken."""
    taken: set[str] = set()
    events: list[Event] = []
    pending: list[tuple[str, tuple, _Draft]] = []
    for event_id, group in fixed:
        draft = _Draft.of(group)
        if event_id in taken:  # one editor id used for facts of several types
            pending.append((event_id, (), draft))
        else:
            taken.add(event_id)
            events.append(draft.event(event_id))
    for group in clustered:
        draft = _Draft.of(group)
        pending.append((base_id(draft.type, draft.participants, draft.date), draft.refs[0], draft))
    pending.sort(key=lambda p: (p[0], p[1]))
    later = []
    for base, _, draft in pending:
        if base in taken:
            later.append((base, draft))
        else:
            taken.add(base)
            events.append(draft.event(base))
    next_free: dict[str, int] = {}  # base -> the n to try first (all smaller ones are taken)
    for base, draft in later:
        n = next_free.get(base, 2)
        while _numbered(base, n) in taken:
            n += 1
        next_free[base] = n + 1
        taken.add(_numbered(base, n))
        events.append(draft.event(_numbered(base, n)))
    events.sort(key=lambda e: e.id)
    return events


def _numbered(base: str, n: int) -> str:
    """base-n, shortened so that it stays a valid id of at most 120 characters."""
    suffix = f"-{n}"
    return base[: 120 - len(suffix)].rstrip("-") + suffix


# --- helpers for pages and checks ------------------------------------------------------


def events_by_fact(events: Iterable[Event]) -> dict[FactKey, str]:
    """(article id, kind such as "strikes", index) -> the id of the event that fact belongs to."""
    out = {}
    for event in events:
        kind = KIND_OF_TYPE[event.type]
        for ref in event.facts:
            out[(ref.article, kind, ref.index)] = event.id
    return out


def event_facts(event: Event, facts: Facts) -> list[tuple[Article, Fact]]:
    """The (article, fact) pairs an event rests on, in the event's order; refs to missing facts are skipped."""
    kind = KIND_OF_TYPE[event.type]
    out = []
    for ref in event.facts:
        article = facts.articles.get(ref.article)
        facts_of_kind = getattr(article, kind, []) if article else []
        if ref.index < len(facts_of_kind):
            out.append((article, facts_of_kind[ref.index]))
    return out


def event_problems(facts: Facts) -> list[Problem]:
    """Warnings about editors' `event:` ids: one id on facts of different types cannot be one event."""
    seen: dict[str, dict[str, tuple[str, str, int]]] = defaultdict(dict)
    for article_id in sorted(facts.articles):
        for kind, index, fact in facts.articles[article_id].facts():
            if fact.event:
                seen[fact.event].setdefault(EVENT_TYPE_OF[kind], (article_id, kind, index))
    problems = []
    for event_id, by_type in sorted(seen.items()):
        if len(by_type) < 2:
            continue
        types = sorted(by_type, key=EVENT_TYPES.index)
        for event_type in types[1:]:
            article_id, kind, index = by_type[event_type]
            loaded = facts.loaded("article", article_id)
            path = display_path(loaded.path) if loaded else f"{article_id}.yaml"
            line, col = loaded.marks.of((kind, index, "event")) if loaded else (0, 0)
            problems.append(Problem(path, line, col,
                                    f"{kind}[{index}].event: '{event_id}' is also used for a {types[0]}; "
                                    f"an event has one type, so this {event_type} becomes a separate event",
                                    severity="warning"))
    return problems



def events_by_entity(events: Iterable[Event]) -> dict[str, list[Event]]:
    """Entity id -> the events it takes part in (as participant), in the events' order:
    what an entity page counts, rather than its mentions."""
    out: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        for entity_id in event.participants:
            out[entity_id].append(event)
    return dict(out)
