"""The fact extractor: a cleaned article → a Draft (article facts + entities).

    extract(clean, article_id, source) -> Draft
    romanize(text) -> str

Pure and deterministic. The steps:
1. sentences and words, every word looked up once in the lexicon trie (text.py);
2. mentions per sentence (mentions.py): countries, bodies, groups, persons;
3. the article's people (context.py): pass 1 registers named persons, pass 2
   resolves surnames, bare titles and counterparts;
4. facts per sentence (facts.py, attacks.py), the subject carried over from
   the previous sentence when a sentence has none ("وأضاف …").
"""
from __future__ import annotations

from ..lexicon import Lexicon, load_lexicons
from ..normalize import fold
from ..model import Article, CleanArticle, Draft, Entity, Role
from .context import People, Person
from .facts import ArticleFacts
from .mentions import Mention, SentenceReader
from .names import romanize, slug_of
from .text import Sentence, sentences_of, tag

__all__ = ["extract", "romanize"]


def _antecedent(ms: list[Mention], k: int, prev: Mention | None) -> Mention | None:
    for m in reversed(ms[:k]):
        if m.kind == "person" and m.how in ("named", "ref") and (m.title or m.lemma or m.rank):
            return m
    return prev


def _pass1(sentences: list[Sentence], lex: Lexicon) -> tuple[list[list[Mention]], People]:
    people = People()
    per_sentence = []
    sideless: list[tuple[Mention, str]] = []  # counterparts named without a nationality
    prev_titled: Mention | None = None
    for s in sentences:
        ms = SentenceReader(s, lex).read()
        per_sentence.append(ms)
        last_person: Mention | None = None
        for k, m in enumerate(ms):
            if m.kind != "person":
                continue
            if m.counterpart and m.how in ("named", "ref"):
                ante = _antecedent(ms, k, prev_titled)
                if ante is not None:
                    m.title = m.title or _own_title(ante.title)
                    m.lemma = m.lemma or ante.lemma
                    m.comps = m.comps or ante.comps
                    if m.how == "named" and m.country is None and ante.country:
                        sideless.append((m, ante.country))
            if m.how == "named":
                if m.country is None and last_person is not None and last_person.country and \
                        s.words[m.start].key.startswith("و") and m.start - last_person.end <= 1:
                    m.country = last_person.country  # "رئيس الوزراء الباكستاني X، وقائد الجيش Y"
                people.add(m)
            if m.how in ("named", "ref"):
                last_person = m
        titled = [m for m in ms if m.kind == "person" and m.how in ("named", "ref") and (m.title or m.lemma)]
        if titled:
            prev_titled = titled[-1]
    # a counterpart named without a nationality serves the other side: the article's
    # other main country
    if sideless:
        counts: dict[str, int] = {}
        for ms in per_sentence:
            for m in ms:
                if m.country and m.kind in ("country", "organization", "person"):
                    counts[m.country] = counts.get(m.country, 0) + 1
        ranked = sorted(counts, key=lambda c: -counts[c])[:2]
        for m, side in sideless:
            other = [c for c in ranked if c != side]
            if len(ranked) == 2 and len(other) == 1:
                p = people.find_named(list(m.words))
                if p is not None and p.country is None:
                    p.country = other[0]
                    p.roles = [(t, c or other[0]) for t, c in p.roles]
    return per_sentence, people


def _joined_surname(people: People, m: Mention, rest: list[str]) -> Mention | None:
    """"وأجرى فيدان وحسين محادثات": the words after a resolved surname, joined by و,
    are another known surname: a mention of its own."""
    if not rest or not rest[0].startswith("و") or len(rest[0]) < 3:
        return None
    q = people.find_surname([rest[0][1:]] + rest[1:])
    if q is None or q is m.person:
        return None
    return Mention(m.end, m.end + len(rest), "person", "loose", eid=q.eid, name=q.name,
                   words=tuple([rest[0][1:]] + rest[1:]), country=q.country, person=q)


def _own_title(title: str | None) -> str | None:
    """A title as the counterpart holds it: without "في الحكومة …" and other postings."""
    if not title:
        return title
    words = title.split()
    for k, w in enumerate(words):
        if k and w in ("في", "لدى", "عن"):
            return " ".join(words[:k])
    return title


def _resolve(per_sentence: list[list[Mention]], people: People) -> None:
    """Pass 2: every person mention gets the eid of the person it names (or none)."""
    prev: Person | None = None
    seen: list[Person] = []  # persons already mentioned: references point back to them
    for ms in per_sentence:
        for m in list(ms):
            if m.kind != "person" and not (m.kind == "country" and m.surname_slot):
                continue
            p = None
            if m.how == "named":
                p = people.find_named(list(m.words), m.country) or people.find_named(list(m.words))
            elif m.how in ("ref_named", "loose"):
                words = list(m.words)
                while words and p is None:
                    p = people.find_surname(words)
                    if p is None and words[0][:1] in ("ب", "ل", "و") and len(words[0]) > 3:
                        p = people.find_surname([words[0][1:]] + words[1:])  # "بعبد السلام"
                    if p is None:
                        words = words[:-1]
                if p is not None and m.how == "loose":
                    rest = list(m.words[len(words):])
                    m.end = m.start + len(words)
                    extra = _joined_surname(people, m, rest)
                    if extra is not None:
                        ms.insert(ms.index(m) + 1, extra)  # iterating over a copy of ms
                if p is not None and m.how == "ref_named":
                    people.learn(p, m)
            elif m.how == "ref":
                if m.counterpart:
                    p = people.counterpart_of(m, prev, seen)
                else:
                    p = people.by_role(m, seen=seen)
            elif m.how == "lastref":
                p = prev  # "الأخير التقى …": the person named last
            elif m.kind == "country" and m.how == "adj" and m.end - m.start == 1 and people.items:
                # "قال السوداني": a surname that is also a nationality adjective
                words = [m.words[0]] if m.words else []
                q = people.find_surname(words) if words else None
                if q is not None and m.surname_slot:
                    m.kind, m.how, m.name = "person", "loose", m.name
                    p = q
            elif m.how == "dual":
                found = []
                for q in people.items:
                    if m.lemma in q.lemmas and (not m.comps or m.comps <= q.comps):
                        found.append(q)
                countries = {q.country for q in found}
                if len(found) == 2 and len(countries) == 2:
                    m.eids = [q.eid for q in found]
                    m.person = found
            if p is not None:
                m.eid, m.person = p.eid, p
                if not m.country:
                    m.country = p.country
                prev = p
                if p not in seen:
                    seen.append(p)
        for m in ms:
            if m.kind == "person" and getattr(m, "person", None) is None and m.how != "dual":
                m.how = "unresolved" if m.how != "loose" else "loose"


def _entities(lex: Lexicon, used: dict[str, Mention], people: People, article_id: str,
              person_ids: set[str]) -> list[Entity]:
    out: dict[str, Entity] = {}

    def country(cid: str | None):
        if cid and cid in lex.countries and cid not in out:
            c = lex.countries[cid]
            out[cid] = Entity(id=cid, kind="country" if c.kind == "country" else "organization",
                              name=c.name, aliases=list(c.aliases))

    for p in people.items:
        if p.eid not in person_ids:
            continue
        country(p.country)
        for _, rc in p.roles:
            country(rc)
        roles = [Role(title=t, country=c, article=article_id) for t, c in p.roles]
        out[p.eid] = Entity(id=p.eid, kind="person", name=p.name, aliases=list(dict.fromkeys(p.aliases)),
                            country=p.country, roles=roles)
    for eid, m in used.items():
        if eid in out:
            continue
        if m.kind == "country":
            country(eid)
        elif m.kind == "group":
            g = lex.groups.get(eid)
            if g:
                country(g.country)
                out[eid] = Entity(id=eid, kind="group", name=g.name, aliases=list(g.aliases), country=g.country)
            else:
                out[eid] = Entity(id=eid, kind="group", name=m.name or eid)
        elif m.kind == "organization":
            named = lex.named.get(eid)
            if named:
                country(named.country)
                out[eid] = Entity(id=eid, kind="organization", name=named.name, aliases=list(named.aliases),
                                  country=named.country)
            else:
                body = lex.bodies.get(eid[len(m.country) + 1:] if m.country and eid.startswith(m.country + "-") else "")
                c = lex.countries.get(m.country or "")
                if body and c:
                    if c.adj_m:
                        name = body.name.replace("{m}", c.adj_m).replace("{f}", c.adj_f or c.adj_m)
                    else:
                        name = (body.genitive or body.name).replace("{country}", c.name)
                else:
                    name = m.name or eid
                country(m.country)
                out[eid] = Entity(id=eid, kind="organization", name=name, country=m.country)
    return [out[k] for k in sorted(out)]


BARE_ARMY = ("الجيش", "والجيش", "للجيش", "بالجيش", "وللجيش", "وبالجيش", "فالجيش")
ARMY_BODIES = ("army", "armed-forces")
PLACE_HOWS = ("name", "capital", "city", "adj")
SOLE_SHARE = 0.7  # a story set in one country: that country has this share of the place mentions


def _army_country(per_sentence: list[list[Mention]]) -> str | None:
    """Whose army a bare "الجيش" is: the one country whose army or armed forces the
    article names, or else the country of a story set in one country; None when unsure."""
    armies = {m.country for ms in per_sentence for m in ms if m.kind == "organization" and m.country
              and m.eid in {f"{m.country}-{b}" for b in ARMY_BODIES}}
    if armies:
        return armies.pop() if len(armies) == 1 else None
    return _story_country(per_sentence)


def _story_country(per_sentence: list[list[Mention]]) -> str | None:
    """The country of a story set in one country: it has most of the place mentions."""
    counts: dict[str, int] = {}
    for ms in per_sentence:
        for m in ms:
            if m.kind == "country" and m.how in PLACE_HOWS and m.eid:
                counts[m.eid] = counts.get(m.eid, 0) + 1
    total = sum(counts.values())
    if total < 3:
        return None
    top = max(counts, key=lambda c: counts[c])
    return top if counts[top] >= SOLE_SHARE * total else None


def _bare_army(sentences: list[Sentence], per_sentence: list[list[Mention]], lex: Lexicon) -> None:
    """"اتهمت قوات الدعم السريع الجيش بقتل مدنيين": "الجيش" with no nationality is the
    army of the article's one country (see _army_country); an organization mention."""
    country = None
    for s, ms in zip(sentences, per_sentence):
        for k, w in enumerate(s.words):
            if w.key not in BARE_ARMY:
                continue
            if _covered(ms, k):
                continue
            if _definite_after(s, k, lex):
                continue  # "الجيش الحر", "الجيش الوطني": a name of its own
            if country is None:
                country = _army_country(per_sentence) or ""
            if not country or country not in lex.countries:
                return
            _insert(ms, Mention(k, k + 1, "organization", "body", eid=f"{country}-army", country=country))


BARE_COALITION = ("التحالف", "والتحالف", "للتحالف", "بالتحالف", "وللتحالف", "فالتحالف")


def _bare_coalition(sentences: list[Sentence], per_sentence: list[list[Mention]], lex: Lexicon) -> None:
    """"غارات التحالف": a bare "التحالف" is the one coalition the article names
    ("تحالف دعم الشرعية في اليمن"); never a guess between two."""
    named = {m.eid for ms in per_sentence for m in ms if m.kind == "organization" and m.how == "named"
             and m.eid in lex.named and fold(lex.named[m.eid].name).removeprefix("ال").startswith("تحالف")}
    if len(named) != 1:
        return
    eid = named.pop()
    for s, ms in zip(sentences, per_sentence):
        for k, w in enumerate(s.words):
            if w.key not in BARE_COALITION or _covered(ms, k):
                continue
            if _definite_after(s, k, lex):
                continue  # "التحالف الدولي", "التحالف الوطني": another coalition
            _insert(ms, Mention(k, k + 1, "organization", "named", eid=eid, country=lex.named[eid].country))


def _definite_after(s: Sentence, k: int, lex: Lexicon) -> bool:
    """Word k is followed, with no comma, by a definite word that is not a stop word."""
    nxt = s.words[k + 1] if k + 1 < len(s.words) else None
    return nxt is not None and not nxt.comma_before and nxt.key.startswith("ال") and nxt.key not in lex.stops


def _covered(ms: list[Mention], k: int) -> bool:
    return any(m.start <= k < m.end and not (m.kind == "person" and m.how == "loose" and not m.eid) for m in ms)


def _insert(ms: list[Mention], new: Mention) -> None:
    ms[:] = [m for m in ms if not (m.start < new.end and new.start < m.end)]
    ms.append(new)
    ms.sort(key=lambda m: m.start)


def facts_of(facts: ArticleFacts):
    for kind in ("meetings", "visits", "agreements", "strikes", "statements"):
        for i, fact in enumerate(getattr(facts, kind)):
            yield kind, i, fact


def extract(clean: CleanArticle, article_id: str, source: str, lex: Lexicon | None = None) -> Draft:
    """A cleaned article's facts and entities (provisional ids)."""
    lex = lex or load_lexicons()
    sentences = sentences_of(clean.paragraphs)
    for s in sentences:
        tag(s, lex)
    per_sentence, people = _pass1(sentences, lex)
    people.assign_ids()
    people.build_index()
    _resolve(per_sentence, people)
    for ms in per_sentence:
        for m in ms:
            if m.kind == "group" and m.eid is None:
                m.eid = slug_of(m.name or "")
    _bare_army(sentences, per_sentence, lex)
    _bare_coalition(sentences, per_sentence, lex)
    facts = ArticleFacts(sentences, per_sentence, lex, clean.published)
    facts.story_country = _story_country(per_sentence)
    facts.run()
    used = facts.used
    for _, _, fact in facts_of(facts):  # every country a fact points at is an entity of the draft
        for field in ("participants", "parties", "targets", "visitor", "destination", "attacker", "place", "speaker"):
            value = getattr(fact, field, None)
            for eid in (value if isinstance(value, list) else [value]):
                if eid and eid not in used and eid in lex.countries:
                    facts._mention(eid, Mention(0, 0, "country", "name", eid=eid, country=eid))
    person_ids = {eid for eid, m in used.items() if m.kind == "person"}
    entities = _entities(lex, used, people, article_id, person_ids)
    known = {e.id for e in entities}
    missing = {eid for _, _, f in facts_of(facts) for eid in _refs(f)} - known
    if missing:  # an extractor bug: never hand on a fact that points nowhere
        raise ValueError(f"facts refer to unknown entities: {', '.join(sorted(missing))}")
    article = Article(
        id=article_id, source=source, title=clean.title, outlet=clean.outlet, published=clean.published,
        reviewed=False, mentions=[e for e in facts.mentions if e in known],
        meetings=facts.meetings, visits=facts.visits, agreements=facts.agreements,
        strikes=facts.strikes, statements=facts.statements,
    )
    return Draft(article=article, entities=entities)


def _refs(fact) -> list[str]:
    out = []
    for field in ("participants", "parties", "targets", "visitor", "destination", "attacker", "place", "speaker"):
        value = getattr(fact, field, None)
        out += [x for x in (value if isinstance(value, list) else [value]) if x]
    return out
