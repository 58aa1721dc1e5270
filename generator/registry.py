"""The entity registry: one set of entities shared by every article.

Extraction names entities with provisional ids (a slug of the name, or a
lexicon id for countries and known groups). `Registry.resolve(draft)` maps
each to the entity already known under the same name or spelling (so a
person seen in two articles is one entity), or registers it under a fresh,
unique id, and rewrites the article's references to the final ids.

Matching is on `squash` keys (no diacritics, one alef, no spaces), so
"عبداللطيفي" and "عبد اللطيفي" are one key. A person also matches a known
person of the same country whose full name ends with, or is ended by, the
new one at a word boundary ("نواز شريف" ~ "محمد نواز شريف") when exactly one
such person exists and something says they are one: both names written in the
same article, or a role (title and country) they share; "X Y" alone may be the
father of "Z X Y". Two people one article names with two countries are never
made one entity.
"""
from __future__ import annotations

from .model import Article, Draft, Entity, Role
from .normalize import fold, squash

ENTITY_REFS = ("participants", "parties", "targets")
SINGLE_REFS = ("visitor", "destination", "attacker", "place", "speaker")


def spelling_key(name: str) -> str:
    """Two spellings that differ only in diacritics, hamza forms or spacing runs are one."""
    return " ".join(fold(name).split())


def _words(name: str) -> list[str]:
    return fold(name).replace("-", " ").split()


class Registry:
    def __init__(self, entities: dict[str, Entity] | None = None, redirects: dict[str, str] | None = None):
        self.entities: dict[str, Entity] = {}
        self.redirects = dict(redirects or {})  # old id -> new id, from merge and rename
        self.changed: set[str] = set()  # ids whose entity was created or updated
        self._by_key: dict[tuple[str, str], str] = {}  # (kind-class, squash key) -> id
        self._persons_by_tail: dict[str, list[str]] = {}  # squash of last word -> person ids
        for entity in (entities or {}).values():
            self._index(entity)

    # -- indexes --
    @staticmethod
    def _kind_class(kind: str) -> str:
        return "person" if kind == "person" else "named"

    def _index(self, entity: Entity) -> None:
        self.entities[entity.id] = entity
        cls = self._kind_class(entity.kind)
        for name in (entity.name, *entity.aliases):
            key = squash(name)
            if key:
                self._by_key.setdefault((cls, key), entity.id)
        if entity.kind == "person":
            words = _words(entity.name)
            if words:
                ids = self._persons_by_tail.setdefault(squash(words[-1]), [])
                if entity.id not in ids:
                    ids.append(entity.id)

    # -- matching --
    def _redirected(self, eid: str) -> str | None:
        """Where a merged or renamed id lives now (chains followed), or None."""
        seen = set()
        while eid in self.redirects and eid not in seen:
            seen.add(eid)
            eid = self.redirects[eid]
        return eid if seen and eid in self.entities else None

    def find(self, candidate: Entity, here: "_Here | None" = None) -> str | None:
        """The id of a known entity that candidate names, if any (`here`: the article
        being resolved, for the person rules)."""
        moved = self._redirected(candidate.id)
        if moved and self.entities[moved].kind == candidate.kind:
            return moved  # an editor merged or renamed it: never bring the old id back
        if candidate.id in self.entities and candidate.kind in ("country", "group", "organization"):
            known = self.entities[candidate.id]
            if known.kind == candidate.kind:
                return candidate.id
        cls = self._kind_class(candidate.kind)
        for name in (candidate.name, *candidate.aliases):
            found = self._by_key.get((cls, squash(name)))
            if found and self.entities[found].kind == candidate.kind:
                return found
        if candidate.kind == "person":
            return self._find_person_by_tail(candidate, here or _Here())
        return None

    def _find_person_by_tail(self, candidate: Entity, here: "_Here") -> str | None:
        """A known person whose name ends with the candidate's, or is ended by it, at a word
        boundary ("نواز شريف" ~ "محمد نواز شريف"). Arabic names chain the father's name, so
        "X Y" may well be the father of "Z X Y": the match also needs evidence that it is
        one person: the known name also written in the article being resolved, or a role
        (title and country) the two share."""
        words = _words(candidate.name)
        if len(words) < 2:
            return None
        new = squash(" ".join(words))
        hits = []
        for pid in self._persons_by_tail.get(squash(words[-1]), []):
            person = self.entities[pid]
            if candidate.country and person.country and candidate.country != person.country:
                continue
            for name in (person.name, *person.aliases):
                known_words = _words(name)
                if len(known_words) < 2:
                    continue
                known = squash(" ".join(known_words))
                shorter, longer = sorted((known_words, words), key=len)
                if new != known and squash(" ".join(longer[-len(shorter):])) == squash(" ".join(shorter)) \
                        and (known in here.names or self._share_a_role(candidate, person, here)):
                    hits.append(pid)
                    break
        return hits[0] if len(set(hits)) == 1 else None

    @staticmethod
    def _share_a_role(candidate: Entity, person: Entity, here: "_Here") -> bool:
        held = {(r.title, r.country) for r in person.roles if r.country}
        return any((r.title, here.mapping.get(r.country, r.country)) in held for r in candidate.roles if r.country)

    def _fresh_id(self, wanted: str) -> str:
        taken = lambda eid: eid in self.entities or eid in self.redirects  # noqa: E731
        if not taken(wanted):
            return wanted
        n = 2
        while taken(f"{wanted}-{n}"):
            n += 1
        return f"{wanted}-{n}"

    # -- merging --
    def _merge_into(self, eid: str, candidate: Entity, article_id: str) -> None:
        known = self.entities[eid]
        seen = {spelling_key(n) for n in (known.name, *known.aliases)}
        aliases = list(known.aliases)
        for name in (candidate.name, *candidate.aliases):
            if spelling_key(name) not in seen:  # "عبد اللطيفي" and "عبداللطيفي" are both kept, for search
                seen.add(spelling_key(name))
                aliases.append(name)
        roles = list(known.roles)
        have = {(r.title, r.country) for r in roles}
        for role in candidate.roles:
            if (role.title, role.country) not in have:
                have.add((role.title, role.country))
                roles.append(Role(title=role.title, country=role.country, article=role.article or article_id))
        update = {}
        if aliases != known.aliases:
            update["aliases"] = aliases
        if roles != known.roles:
            update["roles"] = roles
        if known.country is None and candidate.country:
            update["country"] = candidate.country
        if known.description is None and candidate.description:
            update["description"] = candidate.description
        if update:
            self._index(known.model_copy(update=update))
            self.changed.add(eid)

    def resolve(self, draft: Draft) -> Article:
        """Register the draft's entities and return its article with final ids."""
        article_id = draft.article.id
        mapping: dict[str, str] = {}
        here = _Here(mapping, {squash(" ".join(_words(n))) for e in draft.entities if e.kind == "person"
                               for n in (e.name, *e.aliases)})
        countries: dict[str, str | None] = {}  # person ids of this article -> the country named for them
        # Countries first: a person's or group's `country` points at them.
        order = sorted(draft.entities, key=lambda e: (e.kind != "country", e.kind != "organization"))
        for candidate in order:
            eid = self.find(candidate, here)
            country = mapping.get(candidate.country, candidate.country) if candidate.country else None
            if eid is not None and candidate.kind == "person" and country and countries.get(eid) not in (None, country):
                eid = None  # the article names two people of two countries: never one entity
            if eid is None:
                eid = self._fresh_id(candidate.id)
                # roles and country are filled in below, once every id is final
                self._index(candidate.model_copy(update={"id": eid, "roles": [], "country": None}))
                self.changed.add(eid)
            if candidate.kind == "person":
                countries[eid] = countries.get(eid) or country
            mapping[candidate.id] = eid
        # Now that every id is final, fill in countries (and role countries).
        for candidate in order:
            eid = mapping[candidate.id]
            fixed = candidate.model_copy(update={
                "country": mapping.get(candidate.country, candidate.country) if candidate.country else None,
                "roles": [Role(title=r.title, country=mapping.get(r.country, r.country) if r.country else None,
                               article=r.article or article_id) for r in candidate.roles],
            })
            self._merge_into(eid, fixed, article_id)
        return rewrite_ids(draft.article, mapping)


class _Here:
    """The article being resolved: its id mapping so far and the squash keys of its person names."""

    def __init__(self, mapping: dict[str, str] | None = None, names: set[str] | None = None):
        self.mapping = mapping if mapping is not None else {}
        self.names = names or set()


def rewrite_ids(article: Article, mapping: dict[str, str]) -> Article:
    """The article with every entity reference passed through mapping."""
    def one(x):
        return mapping.get(x, x) if x else x

    def many(xs):
        out = []
        for x in xs:
            y = one(x)
            if y not in out:
                out.append(y)
        return out

    update: dict = {"mentions": many(article.mentions)}
    for kind in ("meetings", "visits", "agreements", "strikes", "statements"):
        facts = []
        for fact in getattr(article, kind):
            changes = {f: many(getattr(fact, f)) for f in ENTITY_REFS if hasattr(fact, f)}
            changes.update({f: one(getattr(fact, f)) for f in SINGLE_REFS if hasattr(fact, f)})
            facts.append(fact.model_copy(update=changes))
        update[kind] = facts
    return article.model_copy(update=update)
