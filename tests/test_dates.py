"""Dates in Arabic news text (generator/dates.py): publication date lines, the
dates of reported events, relative dates against the article's own date, and
months.yaml checked on load."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import dates
from generator.dates import find_dates, resolve_date
from generator.datelines import lead_dateline_date, parse_published, publication_date
from generator.errors import LexiconError

# --- publication date lines ------------------------------------------------------------


@pytest.mark.parametrize("line,expected", [
    ("30th, January 2024", "2024-01-30"),
    ("تاريخ النشر: 30th, January 2024 GMT", "2024-01-30"),
    ("January 30, 2024", "2024-01-30"),
    ("19/01/2024", "2024-01-19"),
    ("16/11/2001", "2001-11-16"),
    ("1/2/2024", "2024-02-01"),  # day first
    ("12/31/2023", "2023-12-31"),  # month first when the day cannot be the first number
    ("21.01.2024", "2024-01-21"),
    ("2024-01-30", "2024-01-30"),
    ("2024/01/30", "2024-01-30"),
    ("١٩/٠١/٢٠٢٤", "2024-01-19"),  # Eastern Arabic digits
    ("۱۹/۰۱/۲۰۲۴", "2024-01-19"),  # Persian digits
    ("٣٠ كانون الثاني ٢٠٢٤", "2024-01-30"),
    ("30 كانون الثاني 2024", "2024-01-30"),
    ("30 يناير 2024", "2024-01-30"),
    ("30 كانون الثاني/ يناير 2024", "2024-01-30"),
    ("30 يناير (كانون الثاني) 2024", "2024-01-30"),
    ("الثلاثاء 30 كانون الثاني 2024", "2024-01-30"),
    ("الثلاثاء، 30 يناير 2024 10:30 ص", "2024-01-30"),
    ("الاثنين 5 آب 2019 - 14:20", "2019-08-05"),
    ("نُشر: 14:23-19 يناير 2024 م ـ 08 رجب 1445 هـ", "2024-01-19"),
    ("نشر في: 21 يناير 2024 - 10:30 بتوقيت أبوظبي", "2024-01-21"),
    ("الخميس 1 حزيران 2023", "2023-06-01"),
    ("10 يونيه 2023", "2023-06-10"),  # Egyptian spellings
    ("10 يوليه 2023", "2023-07-10"),
    ("10 جانفي 2023", "2023-01-10"),  # Maghreb spellings
    ("10 غشت 2023", "2023-08-10"),
    ("يوسف أحمد | 20.01.2024", "2024-01-20"),
    ("Sun, 21 Jan 2024 10:30:00 GMT", "2024-01-21"),
    ("الأحد 10 رجب 1445 هـ الموافق 21 يناير 2024 م", "2024-01-21"),
    ("تاريخ النشر : 2024-01-21T10:30:00Z", "2024-01-21"),
    # a print paper's dateline: weekday, Hijri twin (هـ), Gregorian date (م / مـ), issue number
    ("الخميس - 4 شوال 1446 هـ - 3 أبريل 2025 مـ رقم العدد [ 17100]", "2025-04-03"),
    ("الخميس - 4 شوال 1446 هـ - 3 أبريل 2025 م", "2025-04-03"),
    ("الخميس 4 من شوال 1446هـ - 3 نيسان 2025م العدد 17100", "2025-04-03"),
    ("3 أبريل 2025 مـ - 4 شوال 1446 هـ", "2025-04-03"),
    ("ذو القعدة 1445 هـ - 20 مايو 2024 م", "2024-05-20"),
])
def test_publication_date_line(line, expected):
    found = publication_date(line)
    assert found is not None and found.published == expected


@pytest.mark.parametrize("month,names", [
    (1, ["كانون الثاني", "يناير"]), (2, ["شباط", "فبراير"]), (3, ["آذار", "مارس"]), (4, ["نيسان", "أبريل"]),
    (5, ["أيار", "مايو"]), (6, ["حزيران", "يونيو"]), (7, ["تموز", "يوليو"]), (8, ["آب", "أغسطس"]),
    (9, ["أيلول", "سبتمبر"]), (10, ["تشرين الأول", "أكتوبر"]), (11, ["تشرين الثاني", "نوفمبر"]),
    (12, ["كانون الأول", "ديسمبر"]),
])
def test_every_month_in_levantine_and_egyptian_names(month, names):
    for name in names:
        assert parse_published(f"تاريخ النشر: 9 {name} 2022") == f"2022-{month:02d}-09"


@pytest.mark.parametrize("line", [
    "٢٠٢٤/١٣/٤٥",  # no 13th month, no 45th day
    "45/13/2024",
    "31/02/2024",
    "30 فبراير 2024",
    "32 يناير 2024",
    "30/01/1850",  # outside the years a news article can carry
])
def test_impossible_dates_are_none(line):
    found = publication_date(line)
    assert found is None or found.published is None
    assert parse_published(line) is None


@pytest.mark.parametrize("line", [
    "وقال الوزير إن الاجتماع عقد في 19/01/2024 بحضور الوفدين.",  # a sentence, not a date line
    "اجتماع 19 يناير 2024 في الدوحة",
    "منذ 3 ساعات",
    "يناير 2024",  # a month is not a day
    "الثلاثاء",
    "آخر تحديث: 19/01/2024",  # an update date alone
    "",
])
def test_lines_that_are_not_a_publication_date(line):
    found = publication_date(line)
    assert found is None or found.published is None


@pytest.mark.parametrize("line", [
    "4 شوال 1446 هـ",  # a Hijri date alone: not read as a Gregorian one
    "الخميس - 4 شوال 1446 هـ رقم العدد [ 17100]",
    "رقم العدد [ 17100]",  # an issue number alone is no date
    "وصل الوفد يوم 4 شوال 1446 هـ - 3 أبريل 2025 م",  # inside a sentence
])
def test_hijri_dates_and_issue_numbers_alone_are_no_publication_date(line):
    found = publication_date(line)
    assert found is None or found.published is None


def test_published_and_updated_on_one_line_take_the_published_one():
    assert parse_published("آخر تحديث: 21/01/2024 | نشر في: 20/01/2024") == "2024-01-20"
    assert parse_published("محمد علي   |21.01.2024 - محدث : 22.01.2024") == "2024-01-21"


def test_parse_published_takes_the_first_date_line_only():
    text = "عنوان الخبر\nتاريخ النشر: 30/01/2024\nوقال إن الهجوم وقع في 12/01/2024.\n"
    assert parse_published(text) == "2024-01-30"
    assert parse_published("وقال إن الهجوم وقع في 12/01/2024.") is None


# --- dates of what a sentence reports ---------------------------------------------------------

PUB = "2024-01-30"  # a Tuesday


@pytest.mark.parametrize("sentence,published,expected", [
    ("التقى الوزيران في 19 كانون الثاني/ يناير 2024 في طهران.", None, "2024-01-19"),
    ("وقعت الهجمات في أغسطس (آب) 2021.", None, "2021-08"),
    ("عقد الاجتماع في ١٦/١١/٢٠٠١ في جنيف.", None, "2001-11-16"),
    ("أعلن الجيش في السابع من أكتوبر 2023 بدء العملية.", None, "2023-10-07"),
    ("قال الوزير أمس إن المحادثات مثمرة.", PUB, "2024-01-29"),
    ("قال الوزير أمس إن المحادثات مثمرة.", None, None),  # never guessed without the article's date
    ("زار الوفد العاصمة أول أمس.", PUB, "2024-01-28"),
    ("يصل الرئيس غدا إلى بغداد.", PUB, "2024-01-31"),
    ("التقى الوزيران اليوم الاثنين في أنقرة.", PUB, "2024-01-29"),
    ("التقى الوزيران الاثنين في أنقرة.", PUB, "2024-01-29"),
    ("قالت الوزارة الثلاثاء إن الهجوم فشل.", PUB, "2024-01-30"),
    ("ويصل الوفد الخميس المقبل.", PUB, "2024-02-01"),
    ("وقعت الاشتباكات الأحد الماضي.", PUB, "2024-01-28"),
    ("بدأت المحادثات الشهر الماضي.", PUB, "2023-12"),
    ("وقعت الضربات في يناير الماضي.", "2024-03-10", "2024-01"),
    ("التقيا في 19 مايو في الرياض.", PUB, "2023-05-19"),  # day and month: the latest before the article
    ("التقيا في 19 مايو في الرياض.", None, None),
    ("قال إن الأحد عشر جنديا قتلوا.", PUB, None),  # "الأحد عشر" is eleven, not Sunday
    ("مارس الضغط على الحكومة.", PUB, None),  # a bare month name is also a verb
])
def test_resolve_date(sentence, published, expected):
    assert resolve_date(sentence, published) == expected


def test_find_dates_gives_offsets_into_the_original_text():
    sentence = "وصلَ الوفدُ أمسِ، ثم التقى الوزيرين في ١٩ كانون الثاني ٢٠٢٤ بالقاهرة."
    found = find_dates(sentence, PUB)
    assert [d.value for d in found] == ["2024-01-29", "2024-01-19"]
    assert [d.explicit for d in found] == [False, True]
    for d in found:
        assert sentence[d.start:d.end] == d.text
    assert "كانون الثاني" in found[1].text


def test_fold_keeps_length_except_for_deleted_marks():
    text = "أكَّد الوزير ١٩ يناير"
    folded = dates.fold(text)
    assert "19" in folded and "اكد" in folded
    offsets = dates.fold_offsets(text)
    assert offsets is not None and len(offsets) == len(folded) + 1
    assert dates.fold_offsets("بلا تشكيل") is None


# --- months.yaml is data, checked on load --------------------------------------------------------


def broken_months(tmp_path, old: str, new: str) -> Path:
    lex = tmp_path / "lexicons"
    shutil.copytree(Path(dates.__file__).parent / "lexicons", lex)
    path = lex / "months.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return lex


@pytest.mark.parametrize("old,new,expected", [
    ("3:  [مارس, آذار", "3:  [مارس, شباط", r"months.yaml:\d+:\d+: entry 'months\[3\]\[1\]': 'شباط' is already month 2"),
    ("12: [ديسمبر, كانون الأول, دجنبر, December, Dec]\n", "", r"months.yaml:\d+:\d+: entry 'months': missing 12"),
    ("  past: [الماضي", "  past: ['', الماضي", r"months.yaml:\d+:\d+: entry 'relative.past\[0\]': expected a non-empty"),
    ("  tomorrow:", "  tomorow:", r"months.yaml:\d+:\d+: entry 'relative.tomorow': unknown section"),
    ("weekdays:\n", "weekdays:\n  8: [Someday]\n", r"months.yaml:\d+:\d+: entry 'weekdays\[8\]': 8 is not a number"),
])
def test_months_errors_name_file_line_and_entry(tmp_path, old, new, expected):
    lex = broken_months(tmp_path, old, new)
    with pytest.raises(LexiconError, match=expected):
        dates.lexicon(lex)


def test_the_shipped_months_file_loads():
    lex = dates.lexicon()
    assert lex.month_of["كانون الثاني"] == 1 and lex.month_of["يناير"] == 1
    assert lex.weekday_of["الاحد"] == 7



@pytest.mark.parametrize("paragraph, expected", [
    ("بورتسودان 6 مايو 2025 — وصل نائب رئيس مجلس السيادة إلى القاهرة.", "2025-05-06"),
    ("بكين 30 مايو 2024 (شينخوا) التقى الرئيس الصيني نظيره المصري.", "2024-05-30"),
    ("دار السلام 3 يناير 2024: افتتح الرئيس المؤتمر.", "2024-01-03"),
    ("وصل الوزير في 6 مايو 2025 إلى القاهرة.", None),          # a date inside the sentence
    ("بورتسودان مايو 2025 — وصل الوزير إلى القاهرة.", None),    # a month is no day
    ("قال الوزير إن 6 مايو 2025 موعد اللقاء.", None),
])
def test_lead_dateline_date(paragraph, expected):
    assert lead_dateline_date(paragraph) == expected


@pytest.mark.parametrize("line, expected", [
    ("12 - أبريل - 2025", "2025-04-12"),
    ("12-أبريل-2025", "2025-04-12"),
    ("الاثنين، 12 أيار 2025 10:15", "2025-05-12"),
    ("17.04.2025 | 15:20 GMT", "2025-04-17"),
])
def test_agency_date_lines_with_dashes_and_levantine_months(line, expected):
    found = publication_date(line)
    assert found is not None and found.published == expected


@pytest.mark.parametrize("line, expected", [
    ("سامر الخطيب - الأحد 12 مايو 2025", "2025-05-12"),   # a byline and a date
    ("الرياض 12 مايو 2025", "2025-05-12"),                # a place and a date on their own line
    ("الرياض 12 مايو 2025 (واس)", "2025-05-12"),
])
def test_byline_or_place_beside_a_date(line, expected):
    found = publication_date(line)
    assert found is not None and found.published == expected


@pytest.mark.parametrize("line", [
    "الرياض 12 مايو 2025 (واس) - استقبل الأمير ضيفه في القصر",
    "وقع الهجوم في 12 مايو 2025",
    "قمة بغداد - 12 مايو 2025 انطلاق الأعمال",
    "الحرب المستمرة في شمال السودان - 15 أبريل 2023",
])
def test_sentences_with_a_date_are_no_date_lines(line):
    assert publication_date(line) is None
