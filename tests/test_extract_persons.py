"""Persons found from the text: titles, ranks, honorifics, counterparts,
appositions, surnames and spelling variants. Sentences are written for the
tests (invented, or about people outside the seed articles)."""
from __future__ import annotations

import pytest

from generator.extract import extract, romanize
from generator.model import CleanArticle


def run(*paragraphs, published=None):
    draft = extract(CleanArticle(paragraphs=list(paragraphs), published=published), "t", "seeds/t.txt")
    return draft


def persons(draft) -> dict[str, object]:
    return {e.name: e for e in draft.entities if e.kind == "person"}


def test_title_nationality_and_name():
    d = run("قال وزير الخارجية العماني بدر البوسعيدي إن المحادثات كانت بناءة.")
    people = persons(d)
    assert list(people) == ["بدر البوسعيدي"]
    p = people["بدر البوسعيدي"]
    assert p.country == "oman"
    assert [(r.title, r.country) for r in p.roles] == [("وزير الخارجية", "oman")]


def test_title_with_country_genitive():
    d = run("وصل وزير خارجية السودان علي يوسف الشريف إلى القاهرة.")
    p = persons(d)["علي يوسف الشريف"]
    assert p.country == "sudan"


def test_rank_honorific_and_counterpart():
    d = run("استقبل رئيس أركان الجيش التركي الفريق أول متين غوراك نظيره العراقي الفريق أول عبد الأمير يار الله.")
    people = persons(d)
    assert set(people) == {"متين غوراك", "عبد الأمير يار الله"}
    assert people["متين غوراك"].country == "turkey"
    assert people["عبد الأمير يار الله"].country == "iraq"
    # the counterpart holds the same office for the other side
    assert people["عبد الأمير يار الله"].roles[0].title.startswith("رئيس أركان")


def test_counterpart_without_nationality_takes_the_other_country():
    d = run("بحث وزير الخارجية المصري بدر عبد العاطي مع نظيره سامح الحمد الأوضاع في السودان.",
            "وقال عبد العاطي إن مصر والسودان يرتبطان بعلاقات أخوية.")
    people = persons(d)
    assert people["سامح الحمد"].country == "sudan"
    assert [(r.title, r.country) for r in people["سامح الحمد"].roles] == [("وزير الخارجية", "sudan")]
    assert people["بدر عبد العاطي"].country == "egypt"


def test_honorific_sheikh():
    d = run("استقبل أمير دولة الكويت الشيخ مشعل الأحمد الجابر الصباح وفدا يمنيا رفيعا.")
    assert "مشعل الأحمد الجابر الصباح" in persons(d)


def test_apposition_name_then_title():
    d = run("وقال هاكان فيدان، وزير الخارجية التركي، إن بلاده تدعم الحوار.")
    p = persons(d)["هاكان فيدان"]
    assert p.country == "turkey"


def test_surname_resolves_to_the_full_name_and_spelling_variants_merge():
    d = run("بحث وزير الخارجية الأردني أيمن عبدالصفدي مع نظيره المصري بدر عبد العاطي الأوضاع في غزة.",
            "وأكد عبد الصفدي أن الأردن يرفض التهجير.",
            "من جهته قال عبد العاطي إن مصر تواصل جهودها.")
    people = persons(d)
    assert set(people) == {"أيمن عبدالصفدي", "بدر عبد العاطي"}
    speakers = {s.speaker for s in d.article.statements}
    ids = {e.name: e.id for e in d.entities}
    assert speakers == {ids["أيمن عبدالصفدي"], ids["بدر عبد العاطي"]}


def test_names_stop_at_verbs_prepositions_and_punctuation():
    d = run("أعلن المتحدث باسم الجيش السوداني نبيل عبد الله في بيان أن القوات صدت هجوما.")
    assert list(persons(d)) == ["نبيل عبد الله"]
    d = run("قال الرئيس الصومالي حسن شيخ محمود: «لن نقبل بالمساس بسيادتنا».")
    assert list(persons(d)) == ["حسن شيخ محمود"]


def test_a_bare_title_is_not_a_person_and_refers_back():
    d = run("التقى رئيس الوزراء العراقي محمد شياع السوداني وفدا أمريكيا.",
            "وأكد رئيس الوزراء العراقي على أهمية التعاون.")
    assert list(persons(d)) == ["محمد شياع السوداني"]
    assert len(d.article.statements) == 1


def test_no_person_from_common_words_after_a_title():
    d = run("أكد وزير الخارجية اليمني في تصريحات صحفية أن الحل السياسي هو الخيار الوحيد.")
    assert persons(d) == {}


@pytest.mark.parametrize("text,expected", [("عبد الله", "abd al-lh"), ("محمود", "mhmud")])
def test_romanize_is_ascii_and_deterministic(text, expected):
    assert romanize(text) == expected
    assert romanize("قوات الدعم السريع").isascii()
