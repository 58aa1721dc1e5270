#!/usr/bin/env python3
"""Synthetic Arabic news corpora for the performance benchmarks.

    python benchmarks/make_corpus.py 1000 benchmarks/work/corpus-1000
    python benchmarks/make_corpus.py 10000 benchmarks/work/corpus-10000 --seed 7

Each article is 15-30 non-empty lines like a pasted news page: a headline, a
date line, sometimes a dateline ("بغداد - وكالات"), the story, and sometimes
the site's noise at the end ("اقرأ أيضا:", tags). The story mixes

- real sentences: the 3,068 non-ambiguous sentences of the Arabic ASSAULT gold
  standard (../shared/bench/arabic_event_gsr) and the long lines of seeds/*.txt;
- template sentences (meetings, calls, visits, agreements, strikes, statements)
  whose people, groups, countries and cities are drawn from lexicons, so that a
  corpus names thousands of distinct persons and groups, as a newsroom's
  archive does. Officials (a name with a fixed country and title) and groups come
  from a population of 8,000 officials and 2,000 groups drawn with Zipf-like
  frequencies: a few are in the news all the time (their pages must not grow with
  the archive), most are named a few times; victims and group founders are
  composed afresh each time (the long tail of names met once).

Names are composed from first and family names listed here (none is the name of
a person in the seed articles); countries come from generator/lexicons/countries.yaml
when it has usable entries, else from the list here. Everything is seeded:
article i depends only on (seed, i), so the same command writes the same bytes,
and the 1,000-article corpus is the first 1,000 files of the 10,000 one.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GSR_CSV = REPO.parent / "shared" / "bench" / "arabic_event_gsr" / "assault_gsr.csv"
SEEDS = REPO / "seeds"
COUNTRIES_YAML = REPO / "generator" / "lexicons" / "countries.yaml"
GROUPS_YAML = REPO / "generator" / "lexicons" / "groups.yaml"

# --- people -------------------------------------------------------------------------

FIRST_NAMES = (
    "محمد أحمد خالد يوسف عمر سعيد حسن كريم طارق فيصل ماجد نبيل سامي وليد رامي عادل جمال هشام مروان "
    "زياد باسم عماد فؤاد منصور رشيد صالح ياسر إبراهيم إسماعيل مصطفى سليمان داود موسى عيسى هاني أنور "
    "بشير توفيق جواد حمزة زكريا سلمان شاكر صادق ضياء عاطف غسان فاروق قاسم كمال لؤي مهدي نادر هيثم "
    "وائل ياسين أيمن بلال ثامر حازم راشد سامر عمار فارس مازن نزار هادي أسامة إياد تامر جلال حاتم خليل "
    "رائد سعد طلال عصام فهد قيس ماهر نايف وسام يحيى مراد جميل منذر أكرم عدنان رضا بهرام داريوش كامران "
    "فرهاد سهراب أرسلان مسعود ظفر إمران شاهد طاهر عرفان ذاكر نعمان قدير"
).split()
COMPOUND_FIRST = ("عبد الله", "عبد العزيز", "عبد الكريم", "عبد الحميد", "عبد الرزاق", "عبد الوهاب",
                  "عبد الستار", "عبد الغني", "نور الدين", "صلاح الدين", "علاء الدين", "عز الدين")
FAMILY_NAMES = (
    "الحسيني العبيدي الخطيب الشمري الدليمي الجبوري الزبيدي العنزي المطيري القحطاني الغامدي الحربي "
    "العتيبي الكعبي النعيمي الحارثي الكندي البلوشي السعدي التميمي الربيعي الساعدي العلوي الهاشمي "
    "الأنصاري الخزرجي الكبيسي العزاوي الراوي السامرائي الطائي الشيباني المصري الحلبي الشامي البغدادي "
    "الموصلي البصري النجفي الحمداني العمري البكري الزعبي المجالي الرفاعي الخصاونة الطراونة الروسان "
    "عبيدات الحوراني الأتاسي الجابري القدسي النابلسي الخليلي حداد خوري نصار سلامة عيسى منصور "
    "يلدز أوزتورك قايا أرسلان شاهين دمير أكصوي تشليك كريمي حسيني رضائي نوري صالحي جعفري أحمدي "
    "كاظمي محمدي طاهري زاهدي فراهاني قريشي ملك شودري رانا أعوان زيدي رضوي ترين أحمدزي يوسفزي "
    "صافي وردك مجددي نورستاني الأمين المهدي الفاضل الصباغ الحلو الجمال العطار النجار القاضي"
).split()

TITLES = (
    ("وزير الخارجية", "نظيره"), ("وزير الدفاع", "نظيره"), ("وزير الداخلية", "نظيره"),
    ("رئيس الوزراء", "نظيره"), ("رئيس هيئة الأركان", "نظيره"), ("قائد الجيش", "نظيره"),
    ("مستشار الأمن القومي", "نظيره"), ("رئيس البرلمان", "نظيره"), ("وزير الخارجية", "نظيره"),
    ("نائب وزير الخارجية", "نظيره"), ("رئيس جهاز الاستخبارات", "نظيره"), ("وزير العدل", "نظيره"),
)
RANKS = ("الفريق", "اللواء", "العميد", "الجنرال", "الفريق أول", "العقيد")

# --- places -------------------------------------------------------------------------

# (name, capital, nationality adjective masculine, feminine, cities)
COUNTRIES_FALLBACK = (
    ("إيران", "طهران", "الإيراني", "الإيرانية", ("أصفهان", "مشهد", "زاهدان", "تبريز")),
    ("باكستان", "إسلام آباد", "الباكستاني", "الباكستانية", ("كراتشي", "لاهور", "بيشاور", "كويتا")),
    ("العراق", "بغداد", "العراقي", "العراقية", ("البصرة", "الموصل", "أربيل", "كركوك", "الأنبار")),
    ("سوريا", "دمشق", "السوري", "السورية", ("حلب", "حمص", "إدلب", "دير الزور", "درعا")),
    ("لبنان", "بيروت", "اللبناني", "اللبنانية", ("صيدا", "صور", "طرابلس", "بعلبك")),
    ("تركيا", "أنقرة", "التركي", "التركية", ("إسطنبول", "غازي عنتاب", "ديار بكر", "أضنة")),
    ("السعودية", "الرياض", "السعودي", "السعودية", ("جدة", "الدمام", "نجران", "جازان")),
    ("الإمارات", "أبوظبي", "الإماراتي", "الإماراتية", ("دبي", "الشارقة")),
    ("قطر", "الدوحة", "القطري", "القطرية", ("الوكرة",)),
    ("الكويت", "الكويت", "الكويتي", "الكويتية", ("الجهراء",)),
    ("سلطنة عمان", "مسقط", "العماني", "العمانية", ("صلالة", "صحار")),
    ("البحرين", "المنامة", "البحريني", "البحرينية", ("المحرق",)),
    ("اليمن", "صنعاء", "اليمني", "اليمنية", ("عدن", "تعز", "مأرب", "الحديدة")),
    ("مصر", "القاهرة", "المصري", "المصرية", ("الإسكندرية", "العريش", "أسوان")),
    ("السودان", "الخرطوم", "السوداني", "السودانية", ("أم درمان", "الفاشر", "بورتسودان", "نيالا")),
    ("الأردن", "عمان", "الأردني", "الأردنية", ("إربد", "الزرقاء", "العقبة")),
    ("أفغانستان", "كابل", "الأفغاني", "الأفغانية", ("قندهار", "هرات", "جلال آباد", "مزار شريف")),
    ("فلسطين", "رام الله", "الفلسطيني", "الفلسطينية", ("غزة", "نابلس", "جنين", "الخليل")),
    ("ليبيا", "طرابلس", "الليبي", "الليبية", ("بنغازي", "مصراتة", "سبها")),
    ("الجزائر", "الجزائر", "الجزائري", "الجزائرية", ("وهران", "قسنطينة")),
    ("المغرب", "الرباط", "المغربي", "المغربية", ("الدار البيضاء", "طنجة")),
    ("تونس", "تونس", "التونسي", "التونسية", ("صفاقس", "سوسة")),
    ("روسيا", "موسكو", "الروسي", "الروسية", ("سان بطرسبرغ",)),
    ("الصين", "بكين", "الصيني", "الصينية", ("شنغهاي",)),
    ("الهند", "نيودلهي", "الهندي", "الهندية", ("مومباي", "سريناغار")),
    ("الولايات المتحدة", "واشنطن", "الأمريكي", "الأمريكية", ("نيويورك",)),
    ("فرنسا", "باريس", "الفرنسي", "الفرنسية", ("مرسيليا",)),
    ("بريطانيا", "لندن", "البريطاني", "البريطانية", ("مانشستر",)),
)

# --- groups -------------------------------------------------------------------------

GROUP_PREFIXES = ("جماعة", "حركة", "تنظيم", "كتائب", "لواء", "سرايا", "جبهة", "فيلق", "جيش", "عصائب")
GROUP_NOUNS = (
    "الحق الفجر الوعد الصمود الكرامة العزة التحرير الأنصار المقاومة الرباط الفرقان الحسم البأس الغضب "
    "الثأر الشهداء التوحيد الإيمان الهدى النصر الفتح الأحرار العدالة النور الراية البيان الصحوة اليقين "
    "الإصلاح الخلاص السيف البرق الرعد الحرية الوفاء الفداء الإباء الشموخ"
).split()
GROUP_LEADS = ("أنصار", "أبناء", "حماة", "رجال", "أحرار", "جند", "فرسان", "أسود", "صقور", "درع", "سيوف", "رايات")
REGIONS = ("بلوشستان", "الأهواز", "كردستان", "الجنوب", "الشمال", "الساحل", "الجزيرة", "الصحراء",
           "الوادي", "الجبل", "السهل", "الريف", "الشرق", "الغرب", "الأطراف", "الحدود", "دارفور",
           "كردفان", "الفرات", "النيل الأزرق", "تهامة", "حضرموت", "سيناء", "القبائل", "الأوراس", "فزان")


OFFICIALS = 8000  # named officials in the archive's population
GROUPS = 2000  # groups in it


def zipf(rng: random.Random, n: int) -> int:
    """An index in [0, n) with probability about proportional to 1 / (index + 1)."""
    return min(n - 1, int(n ** rng.random()) - 1)


class Lexicon:
    """Everything a template needs, drawn with one seeded random generator."""

    def __init__(self, countries, known_groups=(), seed: int = 1):
        self.countries = countries
        self.known_groups = tuple(known_groups)
        # the archive's population: officials with a fixed country and title, and groups, drawn
        # with Zipf-like frequencies (a few in the news all the time, a long tail named once)
        rng = random.Random(f"{seed}:population")
        self.officials = [(self.person(rng), rng.choice(countries), rng.choice(TITLES)[0]) for _ in range(OFFICIALS)]
        self.groups = [self.new_group(rng) for _ in range(GROUPS)]

    def official(self, rng: random.Random, other=None) -> tuple:
        """(name, country, title) of an official, not of the country `other`."""
        while True:
            o = self.officials[zipf(rng, len(self.officials))]
            if other is None or o[1][0] != other[0]:
                return o

    def group(self, rng: random.Random) -> str:
        return self.groups[zipf(rng, len(self.groups))]

    def person(self, rng: random.Random) -> str:
        first = rng.choice(COMPOUND_FIRST) if rng.random() < 0.12 else rng.choice(FIRST_NAMES)
        if rng.random() < 0.35:  # a father's name between: "محمد خالد الحسيني"
            return f"{first} {rng.choice(FIRST_NAMES)} {rng.choice(FAMILY_NAMES)}"
        return f"{first} {rng.choice(FAMILY_NAMES)}"

    def new_group(self, rng: random.Random) -> str:
        """A group's name as a news text writes it. Invented names are quoted after a head word
        ('حركة "أنصار الفجر"') or follow "جبهة تحرير", the forms in which a reader (and the
        extractor) can tell an unknown name is a group; some are well-known groups of the lexicon."""
        roll = rng.random()
        if roll < 0.15 and self.known_groups:
            return rng.choice(self.known_groups)
        if roll < 0.3:
            return f"جبهة تحرير {rng.choice(REGIONS)}"
        if roll < 0.55:
            return f'{rng.choice(GROUP_PREFIXES)} "الشهيد {self.person(rng)}"'
        if roll < 0.85:
            return f'{rng.choice(GROUP_PREFIXES)} "{rng.choice(GROUP_LEADS)} {rng.choice(GROUP_NOUNS)}"'
        return f'{rng.choice(GROUP_PREFIXES)} "{rng.choice(GROUP_NOUNS)[2:]} {rng.choice(REGIONS)}"'

    def country(self, rng: random.Random, other=None):
        while True:
            c = rng.choice(self.countries)
            if other is None or c[0] != other[0]:
                return c


def load_countries() -> tuple[tuple, str]:
    """Countries from the project's lexicon when it has name + capital + adjectives, else the list here."""
    if COUNTRIES_YAML.is_file():
        try:
            import yaml

            data = yaml.safe_load(COUNTRIES_YAML.read_text(encoding="utf-8"))
            entries = data.get("countries", data) if isinstance(data, dict) else data
            if isinstance(entries, dict):
                entries = [dict(v, id=k) if isinstance(v, dict) else {"id": k} for k, v in entries.items()]
            out = []
            for e in entries or []:
                if not isinstance(e, dict) or e.get("kind", "country") != "country":
                    continue
                name = e.get("name")
                capital = _first(e.get("capital") or e.get("capitals"))
                adj = _first(e.get("adjective") or e.get("adjectives") or e.get("nationality")
                             or e.get("demonym") or e.get("nationalities"))
                if not (isinstance(name, str) and isinstance(capital, str) and isinstance(adj, str)):
                    continue
                adj_m = adj if adj.startswith("ال") else "ال" + adj
                adj_m = adj_m[:-1] if adj_m.endswith("ة") else adj_m
                cities = tuple(c for c in (e.get("cities") or []) if isinstance(c, str)) or (capital,)
                out.append((name, capital, adj_m, adj_m + "ة", cities))
            if len(out) >= 10:
                return tuple(sorted(out)), f"{COUNTRIES_YAML.relative_to(REPO)} ({len(out)} countries)"
        except Exception as exc:  # a lexicon being edited must not stop the benchmark
            print(f"note: {COUNTRIES_YAML.name} not usable ({exc}); using the built-in list", file=sys.stderr)
    return COUNTRIES_FALLBACK, f"built-in list ({len(COUNTRIES_FALLBACK)} countries)"


def load_known_groups() -> tuple[str, ...]:
    """The canonical names of the lexicon's well-known groups that need no head word."""
    try:
        import yaml

        data = yaml.safe_load(GROUPS_YAML.read_text(encoding="utf-8")) or {}
        out = []
        for e in data.get("groups") or []:
            name = e.get("name") if isinstance(e, dict) else None
            if isinstance(name, str) and name not in (e.get("needs_head") or []):
                out.append(name)
        return tuple(sorted(out))
    except Exception as exc:  # a lexicon being edited must not stop the benchmark
        print(f"note: {GROUPS_YAML.name} not usable ({exc}); invented groups only", file=sys.stderr)
        return ()


def _first(value):
    if isinstance(value, list):
        return next((v for v in value if isinstance(v, str)), None)
    return value


# --- real sentences -------------------------------------------------------------------

def real_sentences() -> list[str]:
    """The non-ambiguous ASSAULT gold-standard sentences and the seeds' long story lines."""
    out = []
    if GSR_CSV.is_file():
        with GSR_CSV.open(encoding="utf-8", newline="") as f:
            out += [" ".join(r["text"].split()) for r in csv.DictReader(f) if r["label"] != "ambiguous"]
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = " ".join(line.split())
            if len(line.split()) >= 12 and line[-1:] in ".\"»:؟!":
                out.append(line)
    if not out:
        raise SystemExit(f"no real sentences found ({GSR_CSV} and {SEEDS} missing)")
    return sorted(set(out))


# --- templates ------------------------------------------------------------------------

DAYS = ("السبت", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة")
MONTHS = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
          "نوفمبر", "ديسمبر")
QUOTES = (
    "أمن بلدينا واحد ولن نسمح لأي جهة بالعبث به",
    "التعاون الأمني بين البلدين يشكل أولوية قصوى في هذه المرحلة",
    "الحوار هو السبيل الوحيد لحل الخلافات في المنطقة",
    "بلادنا ستواصل ملاحقة الجماعات الإرهابية أينما وجدت",
    "نرفض أي اعتداء على سيادة أراضينا وسنرد عليه بحزم",
    "العلاقات بين البلدين تاريخية ونعمل على تطويرها في كافة المجالات",
    "الهجوم الأخير لن يمر دون محاسبة المسؤولين عنه",
)
SUBJECTS = ("مكافحة الإرهاب وتبادل المعلومات الاستخباراتية", "أمن الحدود المشتركة",
            "مكافحة تهريب المخدرات والسلاح", "التعاون العسكري والتدريب المشترك",
            "تسليم المطلوبين", "إنشاء لجنة أمنية مشتركة", "تبادل الأسرى")


def template_sentence(rng: random.Random, lex: Lexicon) -> str:
    p1, c1, title = lex.official(rng)
    p2, c2, title2 = lex.official(rng, c1)
    peer = "نظيره"
    rank = rng.choice(RANKS)
    day = rng.choice(DAYS)
    group = lex.group(rng)
    city = rng.choice(c1[4])
    n = rng.randint(2, 40)
    kind = rng.randrange(16)
    if kind == 0:
        return (f"وبحث {title} {c1[2]} {p1} مع {peer} {c2[2]} {p2}، اليوم {day}، سبل تعزيز التعاون "
                f"الثنائي والتطورات الأمنية في المنطقة.")
    if kind == 1:
        return (f"والتقى {title} {c1[2]} {p1} في {c2[1]} {title2} {c2[2]} {p2}، حيث ناقشا الأوضاع "
                f"الأمنية على الحدود المشتركة بين البلدين.")
    if kind == 2:
        return (f"وأجرى {title} {c1[2]} {p1} اتصالا هاتفيا مع {peer} {c2[2]} {p2}، تناول العلاقات "
                f"الثنائية وسبل تطويرها.")
    if kind == 3:
        return (f"ووصل {title} {c1[2]} {p1} إلى {c2[1]}، {day}، في زيارة رسمية تستمر يومين يلتقي "
                f"خلالها كبار المسؤولين في {c2[0]}.")
    if kind == 4:
        return (f"ومن المقرر أن يزور {title} {c1[2]} {p1} {c2[0]} الأسبوع المقبل لبحث ملفات "
                f"التعاون الأمني.")
    if kind == 5:
        return (f"ووقعت {c1[0]} و{c2[0]} في {c1[1]} اتفاقية للتعاون في مجال {rng.choice(SUBJECTS)}، "
                f"بحضور {title} {c1[2]} {p1}.")
    if kind == 6:
        return (f"واتفق {title} {c1[2]} {p1} و{peer} {c2[2]} {p2} على {rng.choice(SUBJECTS)}، "
                f"وفق بيان مشترك صدر في ختام المباحثات.")
    if kind == 7:
        return (f"وأعلنت {group} مسؤوليتها عن هجوم استهدف نقطة تفتيش تابعة للجيش {c1[2]} في {city}، "
                f"ما أسفر عن مقتل {n} جنود.")
    if kind == 8:
        return (f"وشنت طائرات مسيرة {c1[3][2:]} غارات على مواقع {group} قرب الحدود مع {c2[0]}، "
                f"وفق ما أفادت مصادر محلية.")
    if kind == 9:
        return f"وقال {title} {c1[2]} {p1} إن \"{rng.choice(QUOTES)}\"."
    if kind == 10:
        return (f"وأكد المتحدث باسم وزارة الخارجية {c1[3]} {p1} أن بلاده ترفض أي تدخل في شؤونها "
                f"الداخلية، مشددا على أن \"{rng.choice(QUOTES)}\".")
    if kind == 11:
        return f"وقصفت مدفعية الجيش {c1[2]} مواقع لمسلحي {group} في ريف {city}، {day}."
    if kind == 12:
        return f"واغتال مسلحون مجهولون القيادي في {group} {lex.person(rng)} أمام منزله في {city}، مساء {day}."
    if kind == 13:
        return (f"وشارك {title} {c1[2]} {rank} {p1} في مؤتمر إقليمي عقد في {c2[1]} بمشاركة وزراء "
                f"من {rng.randint(3, 12)} دول لبحث مكافحة الإرهاب.")
    if kind == 14:
        return (f"واستقبل {title} {c1[2]} {p1} في {c1[1]}، {day}، {rank} {p2} {title2} {c2[2]}، "
                f"وبحث معه التعاون العسكري بين البلدين.")
    return (f"وقال مصدر أمني {c1[2][2:]} إن {n} مسلحين من {group} قتلوا في اشتباكات مع قوات الأمن "
            f"في {city}.")


HEADLINES = (
    "{c1} و{c2} تبحثان تعزيز التعاون الأمني",
    "مقتل {n} جنود في هجوم تبنته {group} في {city}",
    "{title} {adj} يزور {cap2} لبحث أمن الحدود",
    "{c1} و{c2} توقعان اتفاقية لمكافحة الإرهاب",
    "غارات {adjf} على مواقع {group} قرب الحدود",
    "اتصال هاتفي بين {title} {adj} و{peer} {adj2}",
)
OUTLETS = ("وكالات", "رويترز", "الأناضول", "فرانس برس", "مراسلنا", "متابعة")


def headline(rng: random.Random, lex: Lexicon) -> str:
    c1 = lex.country(rng)
    c2 = lex.country(rng, c1)
    title, peer = rng.choice(TITLES)
    return rng.choice(HEADLINES).format(
        c1=c1[0], c2=c2[0], n=rng.randint(2, 30), group=lex.group(rng), city=rng.choice(c1[4]),
        title=title, adj=c1[2], adjf=c1[3][2:], adj2=c2[2], cap2=c2[1], peer=peer)


def date_line(rng: random.Random) -> str:
    y, m, d = rng.randint(2015, 2024), rng.randint(1, 12), rng.randint(1, 28)
    style = rng.randrange(4)
    if style == 0:
        return f"تاريخ النشر: {d} {MONTHS[m - 1]} {y}"
    if style == 1:
        return f"{d:02d}/{m:02d}/{y}"
    if style == 2:
        return f"{rng.choice(DAYS)} {d} {MONTHS[m - 1]} {y} - {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
    return f"نشر في: {y}-{m:02d}-{d:02d}"


def article(i: int, seed: int, lex: Lexicon, sentences: list[str]) -> str:
    rng = random.Random(f"{seed}:{i}")
    lines = [headline(rng, lex), date_line(rng)]
    if rng.random() < 0.5:
        lines.append(f"{rng.choice(lex.countries)[1]} - {rng.choice(OUTLETS)}")
    target = rng.randint(15, 30)
    noise = []
    if rng.random() < 0.4:
        noise = ["اقرأ أيضا:", headline(rng, lex), headline(rng, lex)]
    elif rng.random() < 0.3:
        noise = ["كلمات دلالية: " + " ".join(rng.choice(lex.countries)[0] for _ in range(5))]
    while len(lines) + len(noise) < target:
        lines.append(template_sentence(rng, lex) if rng.random() < 0.5 else rng.choice(sentences))
    lines += noise
    sep = "\n\n" if rng.random() < 0.3 else "\n"  # some sites put a blank line between paragraphs
    return sep.join(lines) + "\n"


def write_corpus(n: int, out: Path, seed: int = 1) -> dict:
    """Write n articles as out/bench_<i>.txt; return a manifest (also written as out/manifest.json)."""
    countries, source = load_countries()
    lex = Lexicon(countries, load_known_groups(), seed)
    sentences = real_sentences()
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("bench_*.txt"):
        if int(old.stem.split("_")[1]) >= n:
            old.unlink()
    total = hashlib.sha256()
    size = 0
    for i in range(n):
        text = article(i, seed, lex, sentences)
        data = text.encode("utf-8")
        path = out / f"bench_{i:05d}.txt"
        if not path.is_file() or path.read_bytes() != data:  # keep mtimes of unchanged files
            path.write_bytes(data)
        total.update(data)
        size += len(data)
    manifest = {"articles": n, "seed": seed, "bytes": size, "sha256": total.hexdigest()[:16],
                "countries": source, "real_sentences": len(sentences)}
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return manifest


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("out", type=Path, help="output folder (bench_00000.txt ...)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    m = write_corpus(args.n, args.out, args.seed)
    print(f"wrote {m['articles']} articles ({m['bytes'] / 1e6:.1f} MB, sha256 {m['sha256']}) to {args.out}; "
          f"countries: {m['countries']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
