"""Cross-article events: the same happening told by several articles becomes one event,
different happenings of the same actors stay apart, and an editor's `event:` wins."""
from __future__ import annotations

import gc
import random
import re
import time
from pathlib import Path

import pytest

from generator import yamlio
from generator.event_versions import event_differences, event_versions, written_name
from generator.events import (base_id, best_date, cluster_events, event_facts, event_problems, events_by_entity,
                              events_by_fact)
from generator.model import ID_PATTERN, Agreement, Article, Entity, Meeting, Statement, Strike, Visit
from generator.store import Facts, FactsStore

# Invented people of a Turkish–Iraqi and a Red Sea story (not from the seed articles).
ENTITIES = [
    {"id": "turkey", "kind": "country", "name": "تركيا"},
    {"id": "iraq", "kind": "country", "name": "العراق"},
    {"id": "united-states", "kind": "country", "name": "الولايات المتحدة"},
    {"id": "yemen", "kind": "country", "name": "اليمن"},
    {"id": "pkk", "kind": "group", "name": "حزب العمال الكردستاني", "aliases": ["العمال الكردستاني"]},
    {"id": "houthis", "kind": "group", "name": "جماعة الحوثي", "aliases": ["الحوثيون", "أنصار الله"],
     "country": "yemen"},
    {"id": "murat-aksoy", "kind": "person", "name": "مراد أقصوي", "country": "turkey",
     "roles": [{"title": "وزير الخارجية", "country": "turkey"}]},
    {"id": "sami-al-janabi", "kind": "person", "name": "سامي الجنابي", "country": "iraq",
     "roles": [{"title": "وزير الخارجية", "country": "iraq"}]},
    {"id": "iraqi-defence-ministry", "kind": "organization", "name": "وزارة الدفاع العراقية", "country": "iraq"},
    {"id": "turkish-armed-forces", "kind": "organization", "name": "القوات المسلحة التركية", "country": "turkey"},
    {"id": "saudi-arabia", "kind": "country", "name": "السعودية", "aliases": ["المملكة العربية السعودية"]},
    {"id": "oman", "kind": "country", "name": "عمان", "aliases": ["سلطنة عمان"]},
    {"id": "marlin-luanda", "kind": "organization", "name": "مارلين لواندا", "aliases": ["ناقلة النفط مارلين لواندا"]},
    {"id": "faisal-al-mutlaq", "kind": "person", "name": "فيصل المطلق", "country": "saudi-arabia",
     "roles": [{"title": "وزير الخارجية", "country": "saudi-arabia"}]},
    {"id": "hamad-al-rawahi", "kind": "person", "name": "حمد الرواحي", "country": "oman",
     "roles": [{"title": "وزير الخارجية", "country": "oman"}]},
    {"id": "salem-al-harthi", "kind": "person", "name": "سالم الحارثي", "country": "oman"},
    {"id": "syria", "kind": "country", "name": "سوريا"},
    {"id": "ypg", "kind": "group", "name": "وحدات حماية الشعب"},
    {"id": "makhmour-camp-militia", "kind": "group", "name": "مسلحو مخيم مخمور"},
]

MEET = "التقى وزير الخارجية التركي مراد أقصوي نظيره العراقي سامي الجنابي في بغداد."
TALKS = "أجرى الجنابي والوزير التركي أقصوي محادثات موسعة في العاصمة العراقية."
CALL = "تلقى وزير الخارجية العراقي سامي الجنابي اتصالا هاتفيا من نظيره التركي مراد أقصوي."
STRIKE = "قصفت مسيرات تركية مواقع لحزب العمال الكردستاني في جبال قنديل شمالي العراق."
STRIKE_2 = "أعلنت أنقرة أن طائراتها استهدفت مخابئ العمال الكردستاني في منطقة قنديل."


def meeting(date, kind="meeting", participants=("murat-aksoy", "sami-al-janabi"), evidence=MEET, **more):
    return {"participants": list(participants), "kind": kind, "date": date, "evidence": evidence, **more}


def strike(date, attacker="turkey", targets=("pkk",), evidence=STRIKE, **more):
    return {"attacker": attacker, "targets": list(targets), "date": date, "evidence": evidence, **more}


def write_facts(root: Path, articles: dict[str, dict], entities=ENTITIES) -> Path:
    """A facts folder in root: one YAML file per article (id -> fields) and per entity."""
    facts_dir = root / "facts"
    for entity in entities:
        yamlio.atomic_write(facts_dir / "entities" / f"{entity['id']}.yaml", yamlio.dump(entity))
    for article_id, fields in articles.items():
        data = {"id": article_id, "source": f"seeds/{article_id}.txt", **fields}
        yamlio.atomic_write(facts_dir / "articles" / f"{article_id}.yaml", yamlio.dump(data))
    return facts_dir


def load(root: Path, articles: dict[str, dict]) -> Facts:
    facts = FactsStore(write_facts(root, articles)).load()
    assert not facts.problems, [str(p) for p in facts.problems]
    return facts


def refs(event) -> list[tuple[str, int]]:
    return [(r.article, r.index) for r in event.facts]


def of_type(events, event_type):
    return [e for e in events if e.type == event_type]


# --- meetings --------------------------------------------------------------------------


def test_one_meeting_told_in_different_words_by_two_outlets_is_one_event(tmp_path):
    facts = load(tmp_path, {
        "anadolu-0311": {"published": "2024-03-12", "meetings": [meeting("2024-03-11")]},
        "rudaw-0311": {"published": "2024-03-11", "meetings": [
            meeting("2024-03-11", kind="talks", evidence=TALKS,
                    participants=["sami-al-janabi", "murat-aksoy", "iraq"])]},
    })
    [event] = cluster_events(facts)
    assert event.type == "meeting"
    assert refs(event) == [("anadolu-0311", 0), ("rudaw-0311", 0)]
    assert event.participants == ["iraq", "murat-aksoy", "sami-al-janabi"]
    assert event.date == "2024-03-11"
    assert event.id == "meeting-iraq-murat-aksoy-sami-al-janabi-2024-03-11"


def test_same_ministers_a_month_apart_are_two_events(tmp_path):
    facts = load(tmp_path, {
        "a-march": {"meetings": [meeting("2024-03-11")]},
        "b-april": {"meetings": [meeting("2024-04-15", kind="talks", evidence=TALKS)]},
    })
    events = cluster_events(facts)
    assert sorted(e.date for e in events) == ["2024-03-11", "2024-04-15"]
    assert sorted(refs(e)[0] for e in events) == [("a-march", 0), ("b-april", 0)]


def test_call_on_the_19th_and_talks_on_the_29th_stay_two_and_undated_reports_find_their_kind(tmp_path):
    facts = load(tmp_path, {
        "call-0119": {"published": "2024-01-20", "meetings": [meeting("2024-01-19", kind="call", evidence=CALL)]},
        "talks-0129": {"published": "2024-01-30", "meetings": [meeting("2024-01-29", kind="talks", evidence=TALKS)]},
        # a later round-up: the call without a date, the talks dated only to the month
        "roundup": {"published": "2024-02-02", "meetings": [
            meeting(None, kind="call", evidence=CALL), meeting("2024-01", evidence=MEET)]},
    })
    events = cluster_events(facts)
    assert len(events) == 2
    by_date = {e.date: refs(e) for e in events}
    assert by_date == {"2024-01-19": [("call-0119", 0), ("roundup", 0)],
                       "2024-01-29": [("roundup", 1), ("talks-0129", 0)]}


def test_a_call_never_joins_talks_even_without_dates(tmp_path):
    facts = load(tmp_path, {  # one article telling of both, neither dated
        "x": {"meetings": [meeting(None, kind="talks", evidence=TALKS), meeting(None, kind="call", evidence=CALL),
                           meeting(None, kind="meeting", evidence=MEET)]},
    })
    assert sorted(refs(e) for e in cluster_events(facts)) == [[("x", 0), ("x", 2)], [("x", 1)]]


def test_a_report_naming_a_third_participant_still_joins_the_meeting(tmp_path):
    facts = load(tmp_path, {
        "x": {"meetings": [meeting("2024-03-11", participants=["murat-aksoy", "sami-al-janabi", "salem-al-harthi"])]},
        "y": {"meetings": [meeting("2024-03-11", kind="talks", evidence=TALKS)]},
        "z": {"meetings": [meeting("2024-03-11", participants=["salem-al-harthi", "faisal-al-mutlaq"])]},
    })
    events = cluster_events(facts)
    assert sorted(refs(e) for e in events) == [[("x", 0), ("y", 0)], [("z", 0)]]
    assert events[1].participants == ["murat-aksoy", "salem-al-harthi", "sami-al-janabi"]


def test_meetings_compare_persons_not_the_countries_listed_beside_them(tmp_path):
    facts = load(tmp_path, {
        "x": {"meetings": [meeting("2024-03-11", participants=["murat-aksoy", "sami-al-janabi", "turkey"])]},
        "y": {"meetings": [meeting("2024-03-11", participants=["murat-aksoy", "iraq"])]},  # a different pair
    })
    events = cluster_events(facts)
    assert len(events) == 2


# --- pairs of real-style reports of one happening (written for these tests) --------------

SPA_CALL = ("تلقى صاحب السمو وزير الخارجية فيصل المطلق اتصالا هاتفيا من معالي حمد الرواحي وزير خارجية "
            "سلطنة عمان، جرى خلاله استعراض العلاقات الثنائية.")
ONA_CALL = "بحث معالي حمد الرواحي وزير الخارجية في اتصال هاتفي مع نظيره السعودي أمس سبل تعزيز التعاون."
ROUNDUP_CALL = "وكان الوزيران قد تباحثا هاتفيا في وقت سابق من الشهر بشأن التطورات في البحر الأحمر."
MUSCAT_TALKS = "عقد وزير الخارجية السعودي فيصل المطلق ونظيره العماني حمد الرواحي جلسة مباحثات رسمية في مسقط."
FEB_CALL = "وتلقى المطلق اتصالا هاتفيا آخر من الرواحي تناول مستجدات الأوضاع الإقليمية."
PAIR = ("faisal-al-mutlaq", "hamad-al-rawahi")


def test_saudi_omani_call_told_by_two_agencies_is_one_event_and_talks_and_next_call_are_others(tmp_path):
    facts = load(tmp_path, {
        "spa-0119": {"published": "2024-01-19", "meetings": [meeting("2024-01-19", "call", PAIR, SPA_CALL)]},
        "ona-0120": {"published": "2024-01-20", "meetings": [
            meeting("2024-01-19", "call", ("hamad-al-rawahi", "faisal-al-mutlaq", "saudi-arabia"), ONA_CALL)]},
        "talks-0129": {"published": "2024-01-30", "meetings": [meeting("2024-01-29", "talks", PAIR, MUSCAT_TALKS, place="oman")]},
        "call-0219": {"published": "2024-02-19", "meetings": [meeting("2024-02-19", "call", PAIR, FEB_CALL)]},
        # undated: published after the January call and before the February one
        "roundup-0125": {"published": "2024-01-25", "meetings": [meeting(None, "call", PAIR, ROUNDUP_CALL)]},
    })
    events = cluster_events(facts)
    assert sorted((e.date, refs(e)) for e in events) == [
        ("2024-01-19", [("ona-0120", 0), ("roundup-0125", 0), ("spa-0119", 0)]),
        ("2024-01-29", [("talks-0129", 0)]),
        ("2024-02-19", [("call-0219", 0)]),
    ]
    call = next(e for e in events if e.date == "2024-01-19")
    assert call.id == "meeting-faisal-al-mutlaq-hamad-al-rawahi-saudi-arabia-2024-01-19"
    assert call.participants == ["faisal-al-mutlaq", "hamad-al-rawahi", "saudi-arabia"]


HOUTHI_A = ("أعلن المتحدث العسكري باسم جماعة أنصار الله أن القوات البحرية استهدفت ناقلة النفط مارلين لواندا "
            "في خليج عدن بعدد من الصواريخ البحرية.")
HOUTHI_B = "اندلع حريق في مارلين لواندا بعد أن أصابها صاروخ أطلقه الحوثيون مساء الجمعة قبالة سواحل اليمن."
HOUTHI_C = "وكانت الناقلة مارلين لواندا قد تعرضت لهجوم حوثي الشهر الماضي."
HOUTHI_LATER = "استهدفت جماعة الحوثي مجددا السفينة مارلين لواندا بطائرة مسيرة."


def houthi(date, evidence, means=(), place=None):
    return strike(date, attacker="houthis", targets=["marlin-luanda"], evidence=evidence, means=list(means), place=place)


def test_houthi_strike_on_a_tanker_told_by_three_outlets_is_one_event_a_month_later_another(tmp_path):
    facts = load(tmp_path, {
        "saba-0126": {"published": "2024-01-27", "strikes": [houthi("2024-01-26", HOUTHI_A, ["صواريخ بحرية"], "yemen")]},
        "wire-0128": {"published": "2024-01-28", "strikes": [houthi(None, HOUTHI_B, ["صاروخ"])]},
        "recap-0215": {"published": "2024-02-15", "strikes": [houthi("2024-01", HOUTHI_C)]},
        "saba-0226": {"published": "2024-02-27", "strikes": [houthi("2024-02-26", HOUTHI_LATER, ["طائرة مسيرة"])]},
    })
    events = cluster_events(facts)
    assert [(e.id, refs(e)) for e in events] == [
        ("strike-houthis-marlin-luanda-2024-01-26", [("recap-0215", 0), ("saba-0126", 0), ("wire-0128", 0)]),
        ("strike-houthis-marlin-luanda-2024-02-26", [("saba-0226", 0)]),
    ]

    versions = event_versions(events[0], facts)
    assert list(versions) == ["attacker", "targets", "place", "means", "date"]
    # one outlet names the attacker "أنصار الله", two "الحوثيون"/canonical: two namings side by side
    assert [(v.value, v.written, v.refs) for v in versions["attacker"]] == [
        ("houthis", ("جماعة الحوثي",), (("recap-0215", 0), ("wire-0128", 0))),
        ("houthis", ("أنصار الله",), (("saba-0126", 0),))]
    # "ناقلة النفط مارلين لواندا" and "مارلين لواندا" are one naming
    assert [(v.value, v.refs) for v in versions["targets"]] == [
        (("marlin-luanda",), (("recap-0215", 0), ("saba-0126", 0), ("wire-0128", 0)))]
    differ = event_differences(events[0], facts)
    assert sorted(differ) == ["attacker", "date", "means"]  # the place is told once: silence is no version
    assert [v.value for v in differ["means"]] == [("صواريخ بحرية",), ("صاروخ",)]
    assert [(v.value, v.refs) for v in differ["date"]] == [("2024-01", (("recap-0215", 0),)),
                                                           ("2024-01-26", (("saba-0126", 0),))]
    assert event_differences(events[1], facts) == {}


MUTUAL = [
    {"id": "iran", "kind": "country", "name": "إيران"},
    {"id": "pakistan", "kind": "country", "name": "باكستان"},
    {"id": "jaish-al-adl", "kind": "group", "name": "جيش العدل", "aliases": ["جيش الظلم"]},
    {"id": "bla", "kind": "group", "name": "جيش تحرير بلوشستان"},
    {"id": "blf", "kind": "group", "name": "جبهة تحرير بلوشستان", "aliases": ["جبهة بلوشستان"]},
    {"id": "kamran-siddiqi", "kind": "person", "name": "كامران صديقي", "country": "pakistan"},
    {"id": "dariush-farahani", "kind": "person", "name": "داريوش فراهاني", "country": "iran"},
]
FMS = ("dariush-farahani", "kamran-siddiqi")


def test_mutual_strikes_told_by_three_articles_give_one_event_per_attacker(tmp_path):
    """A wire story on the day of a call, a round-up after talks ten days later, and an undated
    feature months later: each tells the two raids in its own words and dates."""
    def raid(attacker, targets, date, evidence, means=()):
        return {"attacker": attacker, "targets": targets, "date": date, "evidence": evidence, "means": list(means)}

    articles = {
        "call-day": {"published": "2024-01-19",
                     "meetings": [meeting(None, "call", FMS, "وخلال اتصال هاتفي تلقاه فراهاني من نظيره الباكستاني.")],
                     "strikes": [raid("iran", ["jaish-al-adl"], None,
                                      "وأشار إلى العملية الأخيرة التي نفذتها القوات الإيرانية ضد جماعة جيش الظلم.")]},
        "talks-roundup": {"published": "2024-01-30",
                          "meetings": [meeting("2024-01-29", "talks", FMS, "وأجرى الوزيران محادثات في إسلام آباد.")],
                          "strikes": [raid("pakistan", ["blf", "bla"], None,
                                           "وقالت إسلام آباد إنها ضربت قواعد لجبهة تحرير بلوشستان وجيش تحرير بلوشستان."),
                                      raid("iran", ["jaish-al-adl"], "2024-01",
                                           "وقالت طهران إنها استهدفت هذا الشهر مسلحين من جماعة جيش العدل.")]},
        "feature": {"strikes": [raid("iran", ["jaish-al-adl"], None,
                                     "وكانت إيران قد استهدفت بطائرات مسيرة وصواريخ مجموعات تابعة لجيش العدل.",
                                     ["طائرات مسيرة", "صواريخ"]),
                                raid("pakistan", ["bla", "blf"], None,
                                     "كما استهدفت باكستان مواقع تابعة لجيش تحرير بلوشستان وجبهة بلوشستان.")]},
    }
    facts = FactsStore(write_facts(tmp_path, articles, ENTITIES + MUTUAL)).load()
    assert not facts.problems
    events = {e.id: refs(e) for e in cluster_events(facts)}
    assert events == {
        "strike-iran-jaish-al-adl-2024-01": [("call-day", 0), ("feature", 0), ("talks-roundup", 1)],
        "strike-bla-blf-pakistan": [("feature", 1), ("talks-roundup", 0)],
        "meeting-dariush-farahani-kamran-siddiqi": [("call-day", 0)],
        "meeting-dariush-farahani-kamran-siddiqi-2024-01-29": [("talks-roundup", 0)],
    }
    iran = next(e for e in cluster_events(facts) if e.id.startswith("strike-iran"))
    named = {v.written: v.refs for v in event_versions(iran, facts)["targets"]}
    assert named == {("جيش العدل",): (("feature", 0), ("talks-roundup", 1)), ("جيش الظلم",): (("call-day", 0),)}


def test_written_name_is_the_spelling_the_evidence_uses():
    group = Entity(id="jaish-al-adl", kind="group", name="جيش العدل", aliases=["جيش الظلم", "تنظيم جيش العدل"])
    assert written_name(group, "العملية ضد جماعة \"جيش الظلم\" في سيستان") == "جيش الظلم"
    assert written_name(group, "استهدفت مسلحين من تنظيمِ جيشِ العدل") == "تنظيم جيش العدل"
    assert written_name(group, "استهدفت الجماعة") == "جيش العدل"  # not named: the canonical name
    assert written_name(None, "x") is None


def test_namings_differ_only_when_neither_is_a_form_of_the_other():
    from generator.event_versions import _same_naming
    assert not _same_naming(("جيش الظلم",), ("جيش العدل",))  # one shared word is not enough
    assert _same_naming(("تنظيم جيش العدل",), ("جيش العدل",))
    assert _same_naming(("الجنابي",), ("سامي الجنابي",))
    assert _same_naming(("الحوثيون",), ("جماعة الحوثي",))
    assert not _same_naming(("أنصار الله",), ("جماعة الحوثي",))


# --- strikes -------------------------------------------------------------------------------


def test_strike_dated_to_the_month_joins_the_strike_dated_to_a_day_of_that_month(tmp_path):
    facts = load(tmp_path, {
        "early": {"published": "2024-01-17", "strikes": [strike("2024-01-16", targets=["pkk", "iraqi-defence-ministry"])]},
        "late": {"published": "2024-02-01", "strikes": [strike("2024-01", evidence=STRIKE_2)]},
        "next-month": {"published": "2024-02-04", "strikes": [strike("2024-02-03")]},
    })
    events = cluster_events(facts)
    assert [(e.id, refs(e)) for e in events] == [
        ("strike-iraqi-defence-ministry-pkk-turkey-2024-01-16", [("early", 0), ("late", 0)]),
        ("strike-pkk-turkey-2024-02-03", [("next-month", 0)]),
    ]


def test_strikes_dated_only_to_the_same_month_merge_with_each_other(tmp_path):
    facts = load(tmp_path, {
        "a": {"strikes": [strike("2024-01")]},
        "b": {"strikes": [strike("2024-01", evidence=STRIKE_2)]},
        "c": {"strikes": [strike("2024-02")]},
    })
    assert [(e.id, refs(e)) for e in cluster_events(facts)] == [
        ("strike-pkk-turkey-2024-01", [("a", 0), ("b", 0)]),
        ("strike-pkk-turkey-2024-02", [("c", 0)]),
    ]


def test_month_dated_strike_stays_apart_when_two_strikes_that_month_could_take_it(tmp_path):
    facts = load(tmp_path, {
        "a": {"strikes": [strike("2024-01-05")]},
        "b": {"strikes": [strike("2024-01-20", evidence=STRIKE_2)]},
        "c": {"strikes": [strike("2024-01")]},
    })
    events = cluster_events(facts)
    assert sorted(len(e.facts) for e in events) == [1, 1, 1]


def test_undated_strike_joins_the_single_matching_cluster_and_only_then(tmp_path):
    one = load(tmp_path / "one", {
        "a": {"strikes": [strike("2024-01-16")]},
        "b": {"strikes": [strike("2024-01-16", evidence=STRIKE_2)]},
        "undated": {"strikes": [strike(None)]},
    })
    [event] = cluster_events(one)
    assert refs(event) == [("a", 0), ("b", 0), ("undated", 0)]

    two = load(tmp_path / "two", {
        "a": {"strikes": [strike("2024-01-16")]},
        "b": {"strikes": [strike("2024-03-02", evidence=STRIKE_2)]},
        "undated": {"strikes": [strike(None)]},
    })
    events = cluster_events(two)
    assert [refs(e) for e in events if e.date is None] == [[("undated", 0)]]
    assert len(events) == 3


def test_undated_reports_without_any_dates_merge_only_inside_their_article(tmp_path):
    facts = load(tmp_path, {
        "x": {"strikes": [strike(None), strike(None, evidence=STRIKE_2)]},  # one story told twice
        "y": {"strikes": [strike(None)]},  # maybe another strike: kept apart
    })
    assert sorted(refs(e) for e in cluster_events(facts)) == [[("x", 0), ("x", 1)], [("y", 0)]]


def test_undated_reports_published_the_same_month_merge_and_another_month_stays_apart(tmp_path):
    facts = load(tmp_path, {
        "a": {"published": "2024-01-20", "strikes": [strike(None)]},
        "b": {"published": "2024-01-30", "strikes": [strike(None, evidence=STRIKE_2)]},
        "c": {"published": "2024-03-05", "strikes": [strike(None)]},
        "d": {"strikes": [strike(None)]},  # no publication date: two groups could take it
    })
    assert sorted(refs(e) for e in cluster_events(facts)) == [[("a", 0), ("b", 0)], [("c", 0)], [("d", 0)]]


def test_undated_report_without_publication_date_joins_the_only_group(tmp_path):
    facts = load(tmp_path, {
        "a": {"published": "2024-01-20", "strikes": [strike(None)]},
        "b": {"published": "2024-01-30", "strikes": [strike(None, evidence=STRIKE_2)]},
        "d": {"strikes": [strike(None, targets=["pkk", "iraqi-defence-ministry"])]},
    })
    [event] = cluster_events(facts)
    assert refs(event) == [("a", 0), ("b", 0), ("d", 0)]
    assert event.participants == ["iraqi-defence-ministry", "pkk", "turkey"]


def test_undated_agreements_without_publication_dates_do_not_join_other_articles(tmp_path):
    def pact(subject):
        return {"parties": ["turkey", "iraq"], "subject": subject, "date": None,
                "evidence": f"اتفق البلدان على {subject}."}
    facts = load(tmp_path, {
        "jan": {"published": "2024-01-30", "agreements": [pact("مكافحة الإرهاب")]},
        "x": {"agreements": [pact("تبادل المعلومات"), pact("إدارة الحدود")]},  # one visit's clauses
        "y": {"agreements": [pact("تقاسم المياه")]},
    })
    assert sorted(refs(e) for e in cluster_events(facts)) == [[("jan", 0)], [("x", 0), ("x", 1)], [("y", 0)]]


def test_undated_report_cannot_be_about_a_strike_after_its_publication(tmp_path):
    facts = load(tmp_path, {
        "before": {"published": "2024-01-10", "strikes": [strike(None)]},
        "after": {"published": "2024-02-06", "strikes": [strike("2024-02-05")]},
    })
    assert len(cluster_events(facts)) == 2


def test_strikes_need_the_same_attacker_and_a_shared_target(tmp_path):
    facts = load(tmp_path, {
        "a": {"strikes": [strike("2024-01-16", targets=["pkk"])]},
        "b": {"strikes": [strike("2024-01-16", targets=["pkk", "iraqi-defence-ministry"])]},  # overlaps a
        "c": {"strikes": [strike("2024-01-16", attacker="united-states", targets=["pkk"])]},  # other attacker
        "d": {"strikes": [strike("2024-01-16", targets=["houthis"])]},  # no shared target
    })
    groups = sorted(refs(e) for e in cluster_events(facts))
    assert groups == [[("a", 0), ("b", 0)], [("c", 0)], [("d", 0)]]


def test_one_attacker_one_day_one_country_is_one_operation_whichever_target_is_named(tmp_path):
    facts = load(tmp_path, {
        "a": {"strikes": [strike("2024-02-10", targets=["pkk"], place="iraq")]},
        "b": {"strikes": [strike("2024-02-10", targets=["makhmour-camp-militia"], place="iraq", evidence=STRIKE_2)]},
        "c": {"strikes": [strike("2024-02-10", targets=["ypg"], place="syria")]},  # the same day, another country
        "d": {"strikes": [strike("2024-02", targets=["ypg"], place="iraq")]},  # a month: place is not enough
    })
    groups = sorted(refs(e) for e in cluster_events(facts))
    assert groups == [[("a", 0), ("b", 0)], [("c", 0), ("d", 0)]]


def test_a_state_army_strikes_for_its_country_but_a_group_based_there_does_not(tmp_path):
    facts = load(tmp_path, {
        "a": {"published": "2024-02-11", "strikes": [strike("2024-02-10")]},
        "b": {"published": "2024-02-12", "strikes": [strike(None, attacker="turkish-armed-forces", evidence=STRIKE_2)]},
        "c": {"published": "2024-02-12", "strikes": [strike("2024-02-10", attacker="houthis", targets=["united-states"]),
                                                     strike("2024-02-10", attacker="yemen", targets=["united-states"])]},
    })
    events = cluster_events(facts)
    assert sorted(refs(e) for e in events) == [[("a", 0), ("b", 0)], [("c", 0)], [("c", 1)]]
    [turkish] = [e for e in events if "pkk" in e.participants]
    assert turkish.participants == ["pkk", "turkey", "turkish-armed-forces"] and turkish.date == "2024-02-10"


def test_strike_with_neither_attacker_nor_target_stays_alone(tmp_path):
    facts = load(tmp_path, {
        "a": {"strikes": [strike("2024-01-16", attacker=None, targets=[])]},
        "b": {"strikes": [strike("2024-01-16", attacker=None, targets=[])]},
    })
    assert len(cluster_events(facts)) == 2


# --- agreements, visits, statements ------------------------------------------------------------


def test_agreement_parties_compare_as_countries(tmp_path):
    signed = "وقّع البلدان مذكرة تفاهم للتعاون الأمني ومكافحة الإرهاب."
    facts = load(tmp_path, {
        "a": {"agreements": [{"parties": ["turkey", "iraq"], "subject": "التعاون الأمني", "status": "signed",
                              "date": "2024-03-11", "evidence": signed}]},
        "b": {"agreements": [{"parties": ["murat-aksoy", "iraqi-defence-ministry"], "subject": "مكافحة الإرهاب",
                              "date": "2024-03-11", "evidence": signed}]},
        "c": {"agreements": [{"parties": ["turkey", "iraq"], "subject": "المياه", "date": "2024-05-02",
                              "evidence": "اتفق الجانبان على تقاسم مياه نهري دجلة والفرات."}]},
    })
    groups = sorted(refs(e) for e in cluster_events(facts))
    assert groups == [[("a", 0), ("b", 0)], [("c", 0)]]


def test_announced_visit_joins_the_visit_it_announced(tmp_path):
    visit = {"visitor": "murat-aksoy", "destination": "iraq"}
    facts = load(tmp_path, {
        "announced": {"published": "2024-03-08", "visits": [{**visit, "status": "planned", "date": None,
                                                              "evidence": "يزور وزير الخارجية التركي بغداد الأسبوع المقبل."}]},
        "done": {"published": "2024-03-11", "visits": [{**visit, "date": "2024-03-11",
                                                         "evidence": "وصل وزير الخارجية التركي إلى بغداد اليوم."}]},
    })
    [event] = cluster_events(facts)
    assert event.id == "visit-iraq-murat-aksoy-2024-03-11"
    assert refs(event) == [("announced", 0), ("done", 0)]


def test_statements_merge_only_on_the_same_text(tmp_path):
    said = "إن أمن العراق من أمن تركيا."
    facts = load(tmp_path, {
        "a": {"statements": [{"speaker": "murat-aksoy", "text": said, "evidence": "وقال أقصوي إن أمن العراق من أمن تركيا."},
                             {"speaker": "murat-aksoy", "text": "لن نسمح بوجود الإرهاب على حدودنا.",
                              "evidence": "وأضاف: لن نسمح بوجود الإرهاب على حدودنا."}]},
        "b": {"statements": [{"speaker": "murat-aksoy", "text": "إنّ أمنَ العراقِ من أمنِ تركيا",
                              "evidence": "وصرّح الوزير: إنّ أمنَ العراقِ من أمنِ تركيا"}]},
    })
    events = cluster_events(facts)
    assert [(e.id, refs(e)) for e in events] == [
        ("statement-murat-aksoy", [("a", 0), ("b", 0)]),
        ("statement-murat-aksoy-2", [("a", 1)]),
    ]
    assert all(e.date is None for e in events)


# --- the editor's override -------------------------------------------------------------------


def test_editor_event_splits_a_cluster(tmp_path):
    facts = load(tmp_path, {
        "a": {"meetings": [meeting("2024-03-11")]},
        "b": {"meetings": [meeting("2024-03-11", kind="talks", evidence=TALKS, event="janabi-aksoy-second-round")]},
    })
    events = cluster_events(facts)
    assert [(e.id, refs(e)) for e in events] == [
        ("janabi-aksoy-second-round", [("b", 0)]),
        ("meeting-murat-aksoy-sami-al-janabi-2024-03-11", [("a", 0)]),
    ]


def test_editor_event_joins_facts_and_keeps_others_out(tmp_path):
    facts = load(tmp_path, {
        "jan": {"strikes": [strike("2024-01-16", event="claw-lock-campaign")]},
        "mar": {"strikes": [strike("2024-03-02", evidence=STRIKE_2, event="claw-lock-campaign")]},
        "jan-other": {"strikes": [strike("2024-01-16")]},  # would match "jan", but that one is the editor's
    })
    events = cluster_events(facts)
    assert [(e.id, e.date, refs(e)) for e in events] == [
        ("claw-lock-campaign", "2024-01-16", [("jan", 0), ("mar", 0)]),
        ("strike-pkk-turkey-2024-01-16", "2024-01-16", [("jan-other", 0)]),
    ]


def test_editor_id_on_two_types_gives_two_events_and_a_warning(tmp_path):
    facts = load(tmp_path, {
        "a": {"meetings": [meeting("2024-03-11", event="baghdad-visit")],
              "visits": [{"visitor": "murat-aksoy", "destination": "iraq", "date": "2024-03-11",
                          "evidence": "وصل أقصوي إلى بغداد.", "event": "baghdad-visit"}]},
    })
    events = cluster_events(facts)
    assert [(e.id, e.type) for e in events] == [("baghdad-visit", "meeting"), ("baghdad-visit-2", "visit")]
    [problem] = event_problems(facts)
    assert problem.severity == "warning" and "baghdad-visit" in problem.message
    assert problem.path.endswith("articles/a.yaml") and problem.line > 0 and problem.column > 0


# --- ids, determinism, helpers ------------------------------------------------------------------


def test_ids_are_valid_and_unique_and_editor_ids_are_never_reused(tmp_path):
    facts = load(tmp_path, {
        "a": {"strikes": [strike("2024-01-16", event="strike-pkk-turkey-2024-01-16")]},
        "b": {"strikes": [strike("2024-01-16")], "statements": [
            {"speaker": "houthis", "text": "سنواصل العمليات.", "evidence": "وقالت الجماعة: سنواصل العمليات."},
            {"speaker": "houthis", "text": "لن نتوقف.", "evidence": "وأضافت: لن نتوقف."}]},
    })
    ids = [e.id for e in cluster_events(facts)]
    assert len(ids) == len(set(ids)) == 4
    assert "strike-pkk-turkey-2024-01-16-2" in ids  # the editor holds the plain id
    assert all(re.match(ID_PATTERN, i) and len(i) <= 120 for i in ids)


def test_a_long_editor_id_on_two_types_still_gives_valid_ids(tmp_path):
    long_id = "-".join(["round"] * 20)  # 119 characters
    facts = load(tmp_path, {"a": {"meetings": [meeting("2024-03-11", event=long_id)],
                                  "statements": [{"speaker": "murat-aksoy", "text": "نص.", "evidence": "قال: نص.",
                                                  "event": long_id}]}})
    ids = {e.type: e.id for e in cluster_events(facts)}
    assert ids["meeting"] == long_id
    assert ids["statement"].endswith("-2") and len(ids["statement"]) <= 120


def test_long_participant_lists_give_short_ids():
    many = [f"member-state-{n:02d}" for n in range(30)]
    one, two = base_id("meeting", many, "2024-05-01"), base_id("meeting", many[:-1], "2024-05-01")
    assert len(one) <= 100 and one.endswith("-2024-05-01") and one != two


def test_best_date_prefers_days_then_the_most_frequent_then_the_earliest():
    assert best_date([None, "2024-01", "2024-01-16"]) == "2024-01-16"
    assert best_date(["2024-01-18", "2024-01-16", "2024-01-18"]) == "2024-01-18"
    assert best_date(["2024-01-18", "2024-01-16"]) == "2024-01-16"
    assert best_date([None, None]) is None


def mixed_articles() -> dict[str, dict]:
    return {
        "a": {"published": "2024-01-20", "meetings": [meeting("2024-01-19", kind="call", evidence=CALL)],
              "strikes": [strike("2024-01-16"), strike(None, attacker="united-states", targets=["houthis"])]},
        "b": {"published": "2024-01-30", "meetings": [meeting("2024-01-29", kind="talks", evidence=TALKS)],
              "strikes": [strike("2024-01", evidence=STRIKE_2)]},
        "c": {"published": "2024-02-02", "meetings": [meeting(None, kind="call", evidence=CALL)],
              "strikes": [strike("2024-01-12", attacker="united-states", targets=["houthis", "yemen"])],
              "statements": [{"speaker": "sami-al-janabi", "text": "نرفض أي اعتداء على أراضينا.",
                              "evidence": "وقال الجنابي: نرفض أي اعتداء على أراضينا."}]},
    }


def test_every_fact_is_in_exactly_one_event_and_helpers_find_it(tmp_path):
    facts = load(tmp_path, mixed_articles())
    events = cluster_events(facts)
    index = events_by_fact(events)
    all_facts = [(a.id, kind, i) for a in facts.articles.values() for kind, i, _ in a.facts()]
    assert sorted(index) == sorted(all_facts)
    by_entity = events_by_entity(events)
    assert sorted(by_entity) == sorted({p for e in events for p in e.participants})
    assert [e.type for e in by_entity["sami-al-janabi"]] == ["meeting", "meeting", "statement"]
    assert sum(len(e.facts) for e in events) == len(all_facts)
    for event in events:
        pairs = event_facts(event, facts)
        assert [a.id for a, _ in pairs] == [r.article for r in event.facts]
        assert all(index[(a.id, kind, r.index)] == event.id
                   for (a, _), r, kind in zip(pairs, event.facts, [_kind(event)] * len(pairs)))


def _kind(event):
    return {"meeting": "meetings", "visit": "visits", "agreement": "agreements",
            "strike": "strikes", "statement": "statements"}[event.type]


def test_same_facts_give_the_same_events_whatever_the_order(tmp_path):
    facts = load(tmp_path, mixed_articles())
    expected = [e.model_dump() for e in cluster_events(facts)]
    assert len(expected) == 5  # call, talks, turkish strike, us strike, statement
    for seed in range(5):
        rng = random.Random(seed)
        ids, ents = list(facts.articles), list(facts.entities)
        rng.shuffle(ids)
        rng.shuffle(ents)
        shuffled = Facts(entities={k: facts.entities[k] for k in ents}, articles={k: facts.articles[k] for k in ids})
        assert [e.model_dump() for e in cluster_events(shuffled)] == expected


def synthetic_facts(n_articles: int, seed: int = 7) -> Facts:
    """n_articles in memory, each with 2 meetings, 1 visit, 1 agreement, 5 strikes and 1 statement
    among 300 persons, 40 countries and 500 groups over one year; about a third of the dates are
    months and a third unknown."""
    rng = random.Random(seed)
    persons = [Entity(id=f"person-{n}", kind="person", name=f"شخص {n}") for n in range(300)]
    countries = [Entity(id=f"country-{n}", kind="country", name=f"دولة {n}") for n in range(40)]
    groups = [Entity(id=f"group-{n}", kind="group", name=f"جماعة {n}") for n in range(500)]
    entities = {e.id: e for e in persons + countries + groups}

    def date():
        day = rng.randrange(365)
        text = f"2024-{day // 31 % 12 + 1:02d}-{day % 28 + 1:02d}"
        return rng.choice([text, text[:7], None])

    def ids(pool, k):
        return [e.id for e in rng.sample(pool, k)]

    articles = {}
    for n in range(n_articles):
        article_id = f"art-{n:05d}"
        articles[article_id] = Article(
            id=article_id, source="seeds/x.txt", published=f"2024-{n % 12 + 1:02d}-28",
            meetings=[Meeting(participants=ids(persons, 2), kind=rng.choice(["call", "talks"]), date=date(),
                              evidence=MEET) for _ in range(2)],
            visits=[Visit(visitor=ids(persons, 1)[0], destination=ids(countries, 1)[0], date=date(), evidence=MEET)],
            agreements=[Agreement(parties=ids(countries, 2), subject="تعاون", date=date(), evidence=MEET)],
            strikes=[Strike(attacker=ids(countries, 1)[0], targets=ids(groups, rng.choice([1, 2])),
                            place=ids(countries, 1)[0], date=date(), evidence=STRIKE) for _ in range(5)],
            statements=[Statement(speaker=ids(persons, 1)[0], text=f"نص {rng.randrange(2000)}", evidence=MEET)])
    return Facts(entities=entities, articles=articles)


@pytest.mark.slow
def test_clustering_stays_near_linear_on_many_facts():
    """10,000 articles (100,000 facts): every fact in one event, in seconds, and four times
    the articles cost well under sixteen times the time."""
    def timed(n):  # the best of two runs: the machine may be busy
        facts, best = synthetic_facts(n), float("inf")
        for _ in range(2):
            gc.collect()
            start = time.perf_counter()
            events = cluster_events(facts)
            best = min(best, time.perf_counter() - start)
        assert sum(len(e.facts) for e in events) == n * 10
        assert len({e.id for e in events}) == len(events)
        return best

    small, large = timed(2500), timed(10_000)
    print(f"clustering: 2,500 articles {small:.2f}s, 10,000 articles {large:.2f}s")
    assert large < 30, f"{large:.1f}s for 10,000 articles"
    assert large < 8 * small, f"2,500 articles {small:.2f}s, 10,000 articles {large:.2f}s: not near-linear"


def test_check_warns_about_an_editor_id_on_two_types(tmp_path):
    from generator.validate import check_loaded

    facts = load(tmp_path, {"a": {"meetings": [meeting("2024-03-11", event="baghdad-visit")],
                                  "statements": [{"speaker": "murat-aksoy", "text": "نص.", "evidence": "قال: نص.",
                                                  "event": "baghdad-visit"}]}})
    warnings = [p for p in check_loaded(facts) if "baghdad-visit" in p.message]
    assert len(warnings) == 1 and warnings[0].severity == "warning"


def test_editor_event_survives_re_extraction(project, monkeypatch):
    """The extractor never writes `event:`; an edited file is kept, so the editor's id stays."""
    from click.testing import CliRunner

    from generator.cli import main

    monkeypatch.chdir(project)
    run = CliRunner().invoke(main, ["extract", "-q", "-j", "1"])
    assert run.exit_code == 0, run.output
    path = next(p for p in sorted((project / "facts" / "articles").glob("*.yaml"))
                if re.search(r"^ *evidence: ", p.read_text(encoding="utf-8"), re.M))
    text = path.read_text(encoding="utf-8")
    assert "event:" not in text
    evidence = re.search(r"^( *)evidence: .*$", text, re.M)  # a fact's last key: `event` goes after it
    pin = f"\n{evidence.group(1)}event: editor-pinned-event"
    path.write_text(text[:evidence.end()] + pin + text[evidence.end():], encoding="utf-8")

    run = CliRunner().invoke(main, ["extract", "-q", "-j", "1"])
    assert run.exit_code == 0, run.output
    assert "event: editor-pinned-event" in path.read_text(encoding="utf-8")
    facts = FactsStore(project / "facts").load()
    [pinned] = [e for e in cluster_events(facts) if e.id == "editor-pinned-event"]
    assert [r.article for r in pinned.facts] == [path.stem]


def test_undated_agreement_joins_a_dated_one_only_from_an_article_of_the_weeks_after(tmp_path):
    def pact(date, subject="مكافحة الإرهاب"):
        return {"parties": ["turkey", "iraq"], "subject": subject, "date": date,
                "evidence": f"اتفق البلدان على {subject}."}
    facts = load(tmp_path, {
        "signed": {"published": "2024-01-30", "agreements": [pact("2024-01-29")]},
        "next-week": {"published": "2024-02-05", "agreements": [pact(None, "تبادل المعلومات")]},
        "spring": {"published": "2024-04-23", "agreements": [pact(None, "إدارة الحدود")]},  # a new round
        "no-dateline": {"agreements": [pact(None, "خطة عمل مشتركة")]},  # when? the text does not say
    })
    assert sorted(refs(e) for e in cluster_events(facts)) == [
        [("next-week", 0), ("signed", 0)], [("no-dateline", 0)], [("spring", 0)]]


def test_undated_strike_may_be_told_months_later_but_a_meeting_may_not(tmp_path):
    facts = load(tmp_path, {
        "jan": {"published": "2024-01-17", "strikes": [strike("2024-01-16")],
                "meetings": [meeting("2024-01-16")]},
        "april": {"published": "2024-04-22", "strikes": [strike(None, evidence=STRIKE_2)],
                  "meetings": [meeting(None, kind="talks", evidence=TALKS)]},
    })
    by_type = {e.type: sorted(refs(e)) for e in cluster_events(facts) if len(e.facts) > 1}
    assert by_type == {"strike": [("april", 0), ("jan", 0)]}
