"""Reading article files and cleaning away each site's noise (generator/ingest.py).

The site articles below are invented (people and events are made up); their
noise imitates what a copy-paste from each outlet's page carries: menus,
breadcrumbs, share buttons, time stamps, captions, bylines, "المصدر:" lines,
related-link lists, tag lines, newsletter prompts and copyright footers.
"""
from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import ingest
from generator.errors import InputError, LexiconError
from generator.ingest import MAX_BYTES, clean, read_article
from generator.normalize import fold

# --- invented articles as pasted from real sites ----------------------------------------

ALJAZEERA = """الجزيرة
الرئيسية
أخبار
سياسة
الحوثيون يعلنون استهداف سفينة تجارية في البحر الأحمر
الحوثيون يعلنون استهداف سفينة تجارية في البحر الأحمر
زورق تابع لخفر السواحل اليمني قرب ميناء الحديدة (رويترز)
21/1/2024
|آخر تحديث: 21/1/202410:45 (بتوقيت مكة المكرمة)
شارك
أعلنت جماعة الحوثيين في اليمن، اليوم الأحد، أنها استهدفت سفينة تجارية في البحر الأحمر بعدد من الصواريخ البحرية.
وقال المتحدث العسكري باسم الجماعة يحيى العامري في بيان إن العملية جاءت ردا على الغارات الأخيرة على مواقع الجماعة.
اقرأ أيضا
list of 3 items
list 1 of 3
واشنطن تفرض عقوبات جديدة على شبكة تمويل
list 2 of 3
مجلس الأمن يناقش أمن الملاحة الدولية
list 3 of 3
ارتفاع أسعار الشحن عبر قناة السويس
end of list
وأضاف العامري أن الجماعة ستواصل عملياتها حتى يتوقف العدوان، محذرا شركات الشحن من التعامل مع الموانئ.
من جهتها، قالت هيئة عمليات التجارة البحرية البريطانية إنها تلقت بلاغا عن حادث على بعد 50 ميلا بحريا غرب الحديدة.
المصدر : الجزيرة + وكالات
"""

ALARABIYA = """العربية.نت
الرئيسية / العالم العربي / السودان
اشتباكات عنيفة بين الجيش والدعم السريع في الفاشر
دبي - العربية.نت
نشر في: 21 يناير ,2024: 10:30 ص GST
آخر تحديث: 21 يناير ,2024: 11:45 ص GST
شهدت مدينة الفاشر في إقليم دارفور غرب السودان اشتباكات عنيفة بين الجيش وقوات الدعم السريع، وفق ما أفاد شهود عيان.
(صورة أرشيفية من الخرطوم)
وقال سكان إن القصف المدفعي استمر طوال الليل، وإن عشرات الأسر نزحت نحو الأحياء الشمالية من المدينة.
وكانت الأمم المتحدة قد حذرت في 15 ديسمبر 2023 من كارثة إنسانية في الإقليم إذا استمر القتال.
شارك
الأكثر قراءة
وزير المالية السعودي يعلن ميزانية العام المقبل
قمة خليجية طارئة في الرياض الأسبوع المقبل
"""

BBC = """بي بي سي نيوز عربي
تخطى إلى المحتوى
أخبار
الشرق الأوسط
العراق: مقتل ثلاثة جنود في هجوم لتنظيم الدولة الإسلامية شمال بغداد
صدر الصورة، Getty Images
التعليق على الصورة، قوات عراقية خلال عملية أمنية سابقة في محافظة ديالى
Article information
Author, فريق التحرير
Role, بي بي سي نيوز عربي
21 يناير/ كانون الثاني 2024
قُتل ثلاثة جنود عراقيين وأصيب اثنان آخران في هجوم شنه مسلحون من تنظيم الدولة الإسلامية على نقطة تفتيش شمالي بغداد.
وقالت خلية الإعلام الأمني في بيان إن المهاجمين استخدموا أسلحة خفيفة ومتوسطة قبل أن يفروا باتجاه منطقة زراعية.
وتشن القوات العراقية منذ أشهر عمليات لملاحقة خلايا التنظيم في المناطق الريفية بين محافظات كركوك وصلاح الدين.
قصص مقترحة
الجيش الأمريكي يعلن مقتل قيادي في تنظيم القاعدة بسوريا
هل تنجح المفاوضات في إنهاء الحرب في السودان؟
"""

ASHARQ_ALAWSAT = """الشرق الأوسط
أخبار
العالم العربي
مجلس الأمن يدعو إلى وقف فوري لإطلاق النار في السودان
نيويورك: «الشرق الأوسط»
نُشر: 14:23-21 يناير 2024 م ـ 10 رجب 1445 هـ
دعا مجلس الأمن الدولي، الأحد، طرفي النزاع في السودان إلى وقف فوري لإطلاق النار والسماح بوصول المساعدات الإنسانية.
سودانيون يفرون من القتال في دارفور (أ.ف.ب)
وأعرب أعضاء المجلس في بيان عن قلقهم البالغ من تدهور الأوضاع في إقليم دارفور، مطالبين بحماية المدنيين.
وكان المبعوث الأممي سليم الراشدي قد أجرى جولة محادثات في بورتسودان الأسبوع الماضي مع قادة الجيش.
مواضيع
السودان
الأمم المتحدة
"""

ANADOLU = """وكالة الأناضول
الرئيسية
العالم
تركيا وقطر تبحثان تعزيز التعاون الدفاعي
يوسف أوزتورك   |21.01.2024 - محدث : 21.01.2024
أنقرة/ الأناضول
بحث وزير الدفاع التركي كمال أيدين، مع نظيره القطري، سبل تعزيز التعاون الدفاعي بين البلدين.
جاء ذلك خلال لقاء جمعهما في العاصمة أنقرة، بحسب بيان صادر عن وزارة الدفاع التركية.
وأوضح البيان أن الجانبين تناولا التطورات الإقليمية، إلى جانب مشاريع الصناعات الدفاعية المشتركة.
يُسمح باستخدام جزء من الأخبار المنشورة على موقع وكالة الأناضول للمشتركين في نظام بث الأخبار، وبشكل مختصر.
"""

RT_ARABIC = """RT Arabic
أخبار العالم العربي
الجيش الليبي يعلن السيطرة على مواقع جنوب طرابلس
21.01.2024
أعلن الجيش الليبي، اليوم الأحد، أن وحداته سيطرت على عدة مواقع جنوب العاصمة طرابلس بعد اشتباكات مع مجموعات مسلحة.
وأفاد مصدر عسكري بأن الاشتباكات أسفرت عن سقوط قتلى وجرحى في صفوف المسلحين، دون أن يحدد عددهم.
المصدر: RT + وكالات
تابعوا RT على
"""

SKY_NEWS = """سكاي نيوز عربية
عاجل
أخبار العالم
الأمم المتحدة: نزوح أكثر من مليون شخص في الصومال بسبب الجفاف
سكاي نيوز عربية - أبوظبي
نشر في: 21 يناير 2024 - 10:30 بتوقيت أبوظبي
آخر تحديث: 21 يناير 2024 - 12:05 بتوقيت أبوظبي
صورة أرشيفية لمخيم للنازحين قرب مقديشو
ملخص
قالت الأمم المتحدة، الأحد، إن أكثر من مليون شخص نزحوا من ديارهم في الصومال منذ بداية العام بسبب الجفاف والنزاع.
وأضاف مكتب تنسيق الشؤون الإنسانية أن الاحتياجات تفوق بكثير التمويل المتاح، داعيا المانحين إلى التحرك العاجل.
اشترك في النشرة البريدية لسكاي نيوز عربية
وأشار المكتب إلى أن حركة الشباب تواصل شن هجمات في وسط البلاد، ما يعرقل وصول المساعدات.
"""

INDEPENDENT = """اندبندنت عربية
الرئيسية
سياسة
مقتل 12 مدنياً في غارة جوية على قرية شمال غربي سوريا
مسعفون يتفقدون موقع الغارة في ريف إدلب (أ ف ب)
اندبندنت عربية ووكالات
الأحد 21 يناير 2024 10:30
ملخص
قالت مصادر طبية إن 12 مدنياً بينهم أطفال قتلوا في غارة جوية استهدفت قرية في ريف إدلب شمال غربي سوريا.
وأفاد الدفاع المدني بأن فرقه انتشلت الضحايا من تحت الأنقاض، مشيرا إلى أن عدد القتلى مرشح للارتفاع.
اشترك في نشرتنا البريدية
كلمات مفتاحية: سوريا إدلب غارات
"""

ALQUDS = """القدس العربي
رئيسية
سياسة
الأمم المتحدة تحذر من مجاعة وشيكة في غزة
منذ 3 ساعات
حجم الخط
لندن- “القدس العربي”: حذرت الأمم المتحدة من أن سكان قطاع غزة يواجهون خطر المجاعة مع استمرار القيود على المعابر.
وقال برنامج الأغذية العالمي إن ربع السكان على الأقل يعانون من الجوع الشديد، وإن الشاحنات تنتظر أياما على المعابر.
اقرأ أيضاً: مقتل 20 شخصا في قصف على مخيم للنازحين في رفح
وأعلن الهلال الأحمر أن فرقه نقلت الجرحى إلى مستشفى ميداني، وأن القصف طال خياما تؤوي عائلات نازحة.
"""

YOUM7 = """اليوم السابع
الأحد، 21 يناير 2024 10:30 ص
وزير الخارجية المصري يبحث مع نظيره الأردني تطورات الأوضاع في غزة
كتب أحمد سمير
بحث وزير الخارجية المصري، في اتصال هاتفي مع نظيره الأردني، تطورات الأوضاع في قطاع غزة والجهود المبذولة لوقف إطلاق النار.
وأكد الوزيران ضرورة إدخال المساعدات الإنسانية دون عوائق، ورفض أي محاولات لتهجير الفلسطينيين.
موضوعات متعلقة
الرئيس يستقبل رئيس وزراء اليونان في القاهرة
"""

HESPRESS = """هسبريس
سياسة
الرباط تحتضن اجتماعا إقليميا حول مكافحة الإرهاب في الساحل
هسبريس - عبد الكريم الفاسي
الأحد 21 يناير 2024 - 10:30
صورة: هسبريس
احتضنت العاصمة الرباط، اليوم الأحد، اجتماعا إقليميا لبحث سبل مكافحة الإرهاب في منطقة الساحل والصحراء.
وشارك في الاجتماع ممثلو عشر دول أفريقية، إلى جانب خبراء من الأمم المتحدة والاتحاد الأفريقي.
تابعوا آخر الأخبار من هسبريس على Google News
جميع الحقوق محفوظة © هسبريس 2024
"""

# An article pasted without its headline and with no date line: a local paper's
# text that begins with its dateline; the dates it gives are of the events.
NO_HEADLINE = """صنعاء - متابعات
قالت مصادر محلية إن قوات الحكومة اليمنية صدت هجوما على مواقعها في محافظة مأرب مساء الأحد 14 يناير 2024.
وأضافت المصادر أن الاشتباكات استمرت حتى فجر الاثنين، وأسفرت عن سقوط قتلى من الطرفين.
وكانت الهدنة الأممية قد انتهت في 2 أكتوبر 2022 دون تمديد.
"""

SITES = [
    # id, text, title, outlets accepted, published, kept (substrings), dropped (substrings)
    ("aljazeera", ALJAZEERA, "الحوثيون يعلنون استهداف سفينة تجارية في البحر الأحمر", {"الجزيرة"}, "2024-01-21",
     ["أعلنت جماعة الحوثيين", "وأضاف العامري أن الجماعة", "من جهتها، قالت هيئة"],
     ["واشنطن تفرض عقوبات", "مجلس الأمن يناقش", "list 1 of 3", "end of list", "خفر السواحل", "آخر تحديث",
      "الجزيرة + وكالات", "شارك"]),
    ("alarabiya", ALARABIYA, "اشتباكات عنيفة بين الجيش والدعم السريع في الفاشر", {"العربية.نت"}, "2024-01-21",
     ["شهدت مدينة الفاشر", "وقال سكان", "وكانت الأمم المتحدة قد حذرت في 15 ديسمبر 2023"],
     ["الرئيسية / العالم العربي", "نشر في", "صورة أرشيفية", "وزير المالية السعودي", "قمة خليجية"]),
    ("bbc", BBC, "العراق: مقتل ثلاثة جنود في هجوم لتنظيم الدولة الإسلامية شمال بغداد", {"بي بي سي نيوز عربي"},
     "2024-01-21", ["قُتل ثلاثة جنود", "وقالت خلية الإعلام", "وتشن القوات العراقية"],
     ["صدر الصورة", "التعليق على الصورة", "Article information", "فريق التحرير", "تخطى إلى المحتوى",
      "تنظيم القاعدة بسوريا", "هل تنجح المفاوضات"]),
    ("asharq-alawsat", ASHARQ_ALAWSAT, "مجلس الأمن يدعو إلى وقف فوري لإطلاق النار في السودان", {"الشرق الأوسط"},
     "2024-01-21", ["دعا مجلس الأمن الدولي", "وأعرب أعضاء المجلس", "وكان المبعوث الأممي"],
     ["نيويورك", "رجب 1445", "أ.ف.ب", "مواضيع"]),
    ("anadolu", ANADOLU, "تركيا وقطر تبحثان تعزيز التعاون الدفاعي", {"الأناضول", "وكالة الأناضول"}, "2024-01-21",
     ["بحث وزير الدفاع التركي", "جاء ذلك خلال لقاء", "وأوضح البيان"],
     ["يوسف أوزتورك", "محدث", "أنقرة/ الأناضول", "يُسمح باستخدام"]),
    ("rt", RT_ARABIC, "الجيش الليبي يعلن السيطرة على مواقع جنوب طرابلس", {"RT", "RT Arabic"}, "2024-01-21",
     ["أعلن الجيش الليبي", "وأفاد مصدر عسكري"], ["21.01.2024", "المصدر: RT", "تابعوا RT"]),
    ("sky-news-arabia", SKY_NEWS, "الأمم المتحدة: نزوح أكثر من مليون شخص في الصومال بسبب الجفاف", {"سكاي نيوز عربية"},
     "2024-01-21", ["قالت الأمم المتحدة، الأحد", "وأضاف مكتب تنسيق", "وأشار المكتب إلى أن حركة الشباب"],
     ["بتوقيت أبوظبي", "صورة أرشيفية", "ملخص", "اشترك في النشرة", "عاجل\n"]),
    ("independent-arabia", INDEPENDENT, "مقتل 12 مدنياً في غارة جوية على قرية شمال غربي سوريا", {"اندبندنت عربية"},
     "2024-01-21", ["قالت مصادر طبية", "وأفاد الدفاع المدني"],
     ["مسعفون يتفقدون", "ووكالات", "ملخص", "اشترك في نشرتنا", "كلمات مفتاحية"]),
    ("al-quds", ALQUDS, "الأمم المتحدة تحذر من مجاعة وشيكة في غزة", {"القدس العربي"}, None,
     ["حذرت الأمم المتحدة من أن سكان", "وقال برنامج الأغذية العالمي"],
     # everything after "اقرأ أيضاً" goes, even a paragraph that may be the story's own; the lead tag goes
     ["منذ 3 ساعات", "حجم الخط", "مقتل 20 شخصا", "الهلال الأحمر", "لندن", "“القدس العربي”:"]),
    ("youm7", YOUM7, "وزير الخارجية المصري يبحث مع نظيره الأردني تطورات الأوضاع في غزة", {"اليوم السابع"},
     "2024-01-21", ["بحث وزير الخارجية المصري", "وأكد الوزيران"],
     ["كتب أحمد سمير", "10:30 ص", "موضوعات متعلقة", "رئيس وزراء اليونان"]),
    ("hespress", HESPRESS, "الرباط تحتضن اجتماعا إقليميا حول مكافحة الإرهاب في الساحل", {"هسبريس"}, "2024-01-21",
     ["احتضنت العاصمة الرباط", "وشارك في الاجتماع ممثلو"],
     ["عبد الكريم الفاسي", "صورة: هسبريس", "Google News", "جميع الحقوق محفوظة"]),
    ("no-headline", NO_HEADLINE, None, set(), None,
     ["قالت مصادر محلية", "وأضافت المصادر", "وكانت الهدنة الأممية"], ["متابعات"]),
]


@pytest.mark.parametrize("text,title,outlets,published,kept,gone", [s[1:] for s in SITES], ids=[s[0] for s in SITES])
def test_site_article_keeps_the_story_and_reads_its_metadata(text, title, outlets, published, kept, gone):
    art = clean(text)
    body = "\n".join(art.paragraphs)
    assert art.title == title
    assert (art.outlet in outlets) if outlets else art.outlet is None, art.outlet
    assert art.published == published
    for piece in kept:
        assert piece in body, f"lost from the story: {piece}"
    for piece in gone:
        assert piece not in body, f"noise kept: {piece}"
    assert all(p in text for p in art.paragraphs), "paragraphs must be verbatim lines of the text"
    assert art.dropped and all(d.startswith("line") for d in art.dropped)


def test_every_site_article_keeps_only_lines_of_its_own_story():
    """Across the site articles, nothing kept is a menu, button or link line (all are short)."""
    for name, text, *_ in SITES:
        for p in clean(text).paragraphs:
            assert len(p.split()) >= 8, (name, p)


# --- the markers, one at a time ----------------------------------------------------------

STORY = ("أعلنت وزارة الدفاع السودانية أن الجيش استعاد السيطرة على جسر استراتيجي في الخرطوم بعد معارك عنيفة.\n"
         "وقال المتحدث باسم الجيش العميد نبيل عبد الله إن العملية أسفرت عن مقتل العشرات من عناصر الدعم السريع.\n")
GLUED = ("وزير خارجية ماليزيا يزور أنقرة لبحث التجارة\n"
         "بحث وزير الخارجية الماليزي زامبري قادر في أنقرة مع نظيره التركي سبل تعزيز التجارة بين البلدين.\n"
         "وأضاف الوزير أن البلدين يعملان على اتفاقية للتجارة الحرة قبل نهاية العام.\n")


@pytest.mark.parametrize("marker", [
    "اقرأ أيضاً:", "إقرأ أيضاً", "اقرأ أيضــــًا :", "اقرأ المزيد", "إقرأ المزيد في: عربي ودولي", "قد يهمك أيضاً",
    "مقالات مشابهة", "الأكثر قراءة", "كلمات دلالية: السودان الخرطوم", "المصدر: وكالات", "المصدر: الجزيرة",
    "أخبار ذات صلة", "شاهد أيضا", "الوسوم", "التعليقات",
])
def test_a_marker_ends_the_story_and_everything_glued_after_it_goes(marker):
    art = clean(STORY + marker + "\n" + GLUED)
    body = "\n".join(art.paragraphs)
    assert "أعلنت وزارة الدفاع السودانية" in body and "وقال المتحدث باسم الجيش" in body
    assert "ماليزيا" not in body and "زامبري" not in body and "التجارة الحرة" not in body
    assert any("after the end of the story" in d for d in art.dropped)


def test_the_source_line_names_the_outlet_and_a_glued_story_lends_no_metadata():
    text = ("الجيش السوداني يستعيد جسرا في الخرطوم\n" + STORY + "المصدر: صحيفة التيار\n"
            "إقرأ أيضاً:\n" + GLUED + "نشر بتاريخ: 12/03/2023\nالمصدر: وكالة أنباء ماليزيا\n")
    art = clean(text)
    assert art.outlet == "صحيفة التيار"
    assert art.published is None  # the date line belongs to the glued story
    assert art.title == "الجيش السوداني يستعيد جسرا في الخرطوم"


def test_share_buttons_inside_the_story_do_not_end_it():
    text = STORY.replace("\n", "\nشارك\nفيسبوك تويتر واتساب\n", 1)
    art = clean(text)
    assert len(art.paragraphs) == 2
    assert any("page button" in d for d in art.dropped)


def test_a_headline_glued_to_itself_gives_the_title_once():
    head = "غارات تركية على مواقع في شمال العراق"
    art = clean(f"{head}\n{head}{head}\n{head}\n{STORY}")
    assert art.title == head
    assert len(art.paragraphs) == 2
    assert sum("repeated headline" in d for d in art.dropped) == 2


def test_a_link_list_above_the_story_lends_no_title():
    text = ("الرئيسية\nالأكثر قراءة\nوزير المالية يعلن ميزانية العام المقبل\nقمة خليجية طارئة في الرياض الأسبوع المقبل\n"
            "غارات تركية على مواقع في شمال العراق\n21/01/2024\n" + STORY)
    art = clean(text)
    assert art.title == "غارات تركية على مواقع في شمال العراق"
    assert art.published == "2024-01-21"
    assert art.paragraphs == STORY.strip().split("\n")


def test_a_date_in_the_story_is_not_the_publication_date():
    text = ("ليبيا: اتفاق على تبادل الأسرى\n"
            "اتفق طرفا النزاع في ليبيا في 16/11/2023 على تبادل الأسرى بإشراف الأمم المتحدة.\n"
            "وقال المبعوث إن التنفيذ سيبدأ في 30 كانون الثاني 2024 في مدينة سرت.\n")
    art = clean(text)
    assert art.published is None
    assert art.title == "ليبيا: اتفاق على تبادل الأسرى"


@pytest.mark.parametrize("line,expected", [
    ("تاريخ النشر: 30th, January 2024 GMT", "2024-01-30"),
    ("19/01/2024", "2024-01-19"),
    ("16/11/2001", "2001-11-16"),
    ("الثلاثاء 30 كانون الثاني 2024", "2024-01-30"),
    ("نشر في: ٣٠ يناير ٢٠٢٤", "2024-01-30"),
    ("آخر تحديث: 31/01/2024 - 10:15", None),  # an update date alone is not the publication date
])
def test_publication_date_lines(line, expected):
    art = clean("سوريا: قصف على ريف حلب\n" + line + "\n" + STORY)
    assert art.published == expected
    assert line not in "\n".join(art.paragraphs)


def test_no_headline_no_outlet_no_date_are_none_not_guesses():
    art = clean(STORY)
    assert (art.title, art.outlet, art.published) == (None, None, None)
    assert art.paragraphs == STORY.strip().split("\n")


def test_captions_bylines_tags_and_copyright_are_dropped_with_reasons():
    text = ("مقتل خمسة مدنيين في قصف على درعا\n(صورة: رويترز)\nبقلم: سارة الخطيب\n" + STORY
            + "الصورة: آثار القصف على أحد المنازل\nالكلمات الدلالية: سوريا درعا\n© 2024 شبكة الأخبار العربية\n")
    art = clean(text)
    reasons = "\n".join(art.dropped)
    assert "photo caption" in reasons and "byline" in reasons
    assert [p for p in art.paragraphs] == STORY.strip().split("\n")


@pytest.mark.parametrize("menu", [
    "الرئيسية سياسة اقتصاد إذاعة",
    "أخبار تقارير الشرق الأوسط",
    "الرئيسية | العالم | أوروبا | بودكاست",
    "أخبار عربي ودولي رياضة فيديو",
    "اقتصاد وأعمال منوعات تلفزيون",
])
def test_a_site_menu_line_is_never_the_headline(menu):
    headline = "اشتباكات عنيفة بين فصيلين مسلحين في طرابلس"
    art = clean("شبكة الأنباء اليوم\n" + menu + "\n\n" + headline + "\n\n" + STORY)
    assert art.title == headline
    assert menu not in art.paragraphs and headline not in art.paragraphs
    assert any(menu in d for d in art.dropped)  # dropped as the site's menu or breadcrumb


@pytest.mark.parametrize("headline", [
    "الخليج يستعد لقمة أمنية في الرياض الشهر المقبل",  # opens with a section word, then news
    "أوروبا تفرض عقوبات جديدة على شركات شحن",
    "تحليل إخباري: لماذا فشلت مفاوضات جدة",
])
def test_a_headline_with_section_words_stays_a_headline(headline):
    art = clean("الرئيسية أخبار سياسة\n" + headline + "\n" + STORY)
    assert art.title == headline


def test_a_region_name_alone_is_still_the_site_banner():
    art = clean("الشرق الأوسط\nأخبار تحليلات رياضة\nاشتباكات عنيفة بين فصيلين مسلحين في طرابلس\n" + STORY)
    assert art.outlet == "الشرق الأوسط"
    assert art.title == "اشتباكات عنيفة بين فصيلين مسلحين في طرابلس"


# --- breadcrumbs, country menus and tags glued to the first paragraph ----------------------

HEADLINE = "اشتباكات عنيفة بين فصيلين مسلحين في طرابلس"


@pytest.mark.parametrize("crumb", [
    "سوريا | كوردستان سوريا",
    "لبنان | جنوب لبنان",
    "الرئيسية › أخبار › العالم",
    "أخبار / عربي ودولي",
    "السودان » دارفور",
    "اليمن > الحديدة > الساحل الغربي",
    "ليبيا / طرابلس",
])
def test_a_breadcrumb_above_the_headline_is_navigation(crumb):
    art = clean(crumb + "\n" + HEADLINE + "\n" + STORY)
    assert art.title == HEADLINE
    assert crumb not in "\n".join(art.paragraphs)
    assert any(crumb in d for d in art.dropped)


@pytest.mark.parametrize("menu", [
    "مصر السعودية العالم",
    "العراق سوريا لبنان فلسطين",
    "الأردن الكويت قطر البحرين",
    "الرئيسية الإمارات سلطنة عمان",
])
def test_a_menu_of_country_names_is_navigation(menu):
    art = clean(menu + "\n" + HEADLINE + "\n" + STORY)
    assert art.title == HEADLINE
    assert any("site menu" in d and menu in d for d in art.dropped)


def test_a_breadcrumb_alone_lends_no_title():
    art = clean("سوريا | كوردستان سوريا\n" + STORY)
    assert art.title is None
    assert art.paragraphs == STORY.strip().split("\n")


@pytest.mark.parametrize("headline", [
    "تركيا والعراق: اتفاق على تقاسم مياه دجلة",
    "غزة - مقتل 5 في غارة",
    "العراق / مقتل جنديين في هجوم",
    "السودان | الجيش يستعيد مدينة ود مدني",
    "ليبيا | البرلمان يقر الميزانية",
    "«حماس» ترفض العرض » الجديد",
])
def test_a_headline_with_a_colon_dash_or_bar_stays_a_headline(headline):
    art = clean("الرئيسية\n" + headline + "\n" + STORY)
    assert art.title == headline


def test_two_countries_joined_by_and_are_not_a_menu():
    bp = ingest.boilerplate()
    assert ingest._is_menu(ingest._split_lines("مصر قطر")[0], bp)
    assert not ingest._is_menu(ingest._split_lines("مصر وقطر")[0], bp)


def test_the_country_names_of_menus_come_from_the_countries_lexicon(tmp_path):
    lex = tmp_path / "lexicons"
    shutil.copytree(Path(ingest.__file__).parent / "lexicons", lex)
    path = lex / "countries.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  - id: norway\n", "  - id: bhutan\n    name: بوتان\n  - id: norway\n", 1),
                    encoding="utf-8")
    line = ingest._split_lines("بوتان النرويج")[0]
    assert ingest._is_menu(line, ingest.boilerplate(lex))
    assert not ingest._is_menu(line, ingest.boilerplate())  # بوتان is not in the shipped lexicon


FIRST = STORY.split("\n")[0]  # "أعلنت وزارة الدفاع …": the story's first sentence


@pytest.mark.parametrize("tag,outlet", [
    ("كتب: سامي نور ", None),  # the name ends at the statement verb
    ("بقلم: ليلى حداد - ", None),
    ("تحرير: فريق التحرير - ", None),
    ("المحرر: كريم سعيد | ", None),
    ("(رويترز) - ", "رويترز"),
    ("(أ ف ب) - ", "أ ف ب"),
    ("الخرطوم (رويترز) - ", "رويترز"),
    ("بغداد - شفق نيوز - ", "شفق نيوز"),
    ("شفق نيوز/ ", "شفق نيوز"),
    ("مراسل شبكة النهرين نيوز في البصرة - ", "شبكة النهرين نيوز"),
    ('لندن- "القدس العربي": ', "القدس العربي"),
    ("الخرطوم - خاص - ", None),
])
def test_a_tag_glued_to_the_first_paragraph_goes_and_the_sentence_stays(tag, outlet):
    text = HEADLINE + "\n" + tag + STORY
    art = clean(text)
    assert art.paragraphs == STORY.strip().split("\n")
    assert all(p in text for p in art.paragraphs)
    assert any("tag before the story" in d and tag.strip() in d for d in art.dropped)
    assert art.outlet == outlet


@pytest.mark.parametrize("line", [
    # a byline whose name's end cannot be told: kept whole (evidence stays verbatim)
    "كتب: سامي نور محمد العلي الحسن الكبير تقريرا مطولا عن الوضع في المدينة الساحلية بعد أسابيع من القتال.",
    # a bare place is a dateline, not a tag: kept ("بغداد" may be where the news happened)
    "بغداد - أعلنت وزارة الدفاع العراقية مقتل ثلاثة مسلحين في عملية أمنية شمالي العاصمة.",
    "الكويت: أعلنت وزارة الخارجية الكويتية استدعاء سفير دولة مجاورة للاحتجاج على تصريحات مسيئة.",
    # a sentence that opens with "(…)" not an agency
    "(تحديث) أعلنت وزارة الدفاع العراقية مقتل ثلاثة مسلحين في عملية أمنية شمالي العاصمة.",
])
def test_a_first_paragraph_without_a_clear_tag_is_kept_whole(line):
    art = clean(HEADLINE + "\n" + line + "\n" + STORY)
    assert art.paragraphs[0] == line
    assert not any("tag before the story" in d for d in art.dropped)


def test_only_the_first_paragraph_loses_its_tag():
    later = "(رويترز) - قال مسؤول عسكري إن القوات تقدمت نحو وسط المدينة بعد معارك استمرت ليلة كاملة."
    art = clean(HEADLINE + "\n" + STORY + later + "\n")
    assert art.paragraphs[-1] == later


@pytest.mark.parametrize("line,outlet", [
    ("مراسل الجزيرة في بغداد", "الجزيرة"),
    ("مراسلة شبكة الرافدين نيوز من الموصل", "شبكة الرافدين نيوز"),
    ("مراسلنا في صنعاء", None),
])
def test_a_correspondent_line_is_a_byline(line, outlet):
    art = clean(HEADLINE + "\n" + line + "\n" + STORY)
    assert art.paragraphs == STORY.strip().split("\n")
    assert any("byline" in d and line in d for d in art.dropped)
    assert art.outlet == outlet


def test_a_headline_opening_with_a_correspondent_word_stays_a_headline():
    headline = "مراسل الجزيرة يروي لحظات القصف على المستشفى"
    art = clean(headline + "\n" + STORY)
    assert art.title == headline


@pytest.mark.parametrize("sentence", [
    "قتل جنديان في كمين.",
    "من يقف وراء التفجير؟",
    "ثم قصفوا بها المدينة!",
    "وأضاف: «لم نطلق أي رصاصة.",
    "واستهدف الهجوم قافلة عسكرية قرب الحدود الشرقية للبلاد بعبوة ناسفة",  # no final stop
])
def test_a_one_sentence_article_is_read_and_kept(tmp_path, sentence):
    path = tmp_path / "one.txt"
    path.write_text(sentence + "\n", encoding="utf-8")
    text, notes = read_article(path)
    art = clean(text)
    assert notes == [] and art.paragraphs == [sentence] and art.title is None


def test_a_page_with_only_a_headline_keeps_it_as_headline_and_story():
    art = clean("الرئيسية\nانفجار يهز مستودعا للذخيرة شمالي البلاد\nشارك\n")
    assert art.title == "انفجار يهز مستودعا للذخيرة شمالي البلاد"
    assert art.paragraphs == ["انفجار يهز مستودعا للذخيرة شمالي البلاد"]


def test_clean_of_nothing():
    art = clean("")
    assert art.paragraphs == [] and art.title is None


# --- the five seeds against the gold metadata -----------------------------------------------


def seed_cases():
    return sorted(Path(__file__).resolve().parents[1].joinpath("seeds").glob("*.txt"))


@pytest.mark.parametrize("seed", seed_cases(), ids=lambda p: p.stem[:3])
def test_seed_metadata_matches_gold_and_no_glued_text_survives(seed, shared_dir):
    gold = yaml.safe_load((shared_dir / "eval" / "gold" / f"{seed.stem[:3]}.yaml").read_text(encoding="utf-8"))
    text, notes = read_article(seed)
    art = clean(text)
    assert notes == []
    assert (str(art.published) if art.published else None) == (str(gold["published"]) if gold["published"] else None)
    assert art.title == gold.get("title")
    outlets = gold.get("outlet") or []
    assert (art.outlet in outlets) if outlets else art.outlet is None
    body = fold(" ".join(art.paragraphs))
    for bad in (gold.get("must_not_text") or []) + (gold.get("must_not_people") or []):
        assert fold(bad) not in body, bad
    assert all(p in text for p in art.paragraphs)


# --- reading files ----------------------------------------------------------------------------

ARABIC = "قال وزير الخارجية العراقي إن بغداد ترفض أي اعتداء على أراضيها، وأكد أن الحكومة ستتخذ الإجراءات اللازمة.\n"


@pytest.mark.parametrize("data,note", [
    (ARABIC.encode("utf-8"), None),
    (b"\xef\xbb\xbf" + ARABIC.encode("utf-8"), None),
    (ARABIC.encode("utf-16"), "UTF-16"),
    (b"\xfe\xff" + ARABIC.encode("utf-16-be"), "UTF-16"),
    (ARABIC.replace("\n", "\r\n").encode("utf-8"), None),
    (ARABIC.encode("cp1256"), "Windows-1256"),
    (ARABIC.encode("utf-8").decode("cp1256").encode("utf-8"), "garbled"),  # "ط§ظ„" mojibake, repaired
    (ARABIC.encode("utf-8").decode("latin-1").encode("utf-8"), "garbled"),  # "Ø§Ù„" mojibake, repaired
])
def test_read_article_decodes_or_says_how(tmp_path, data, note):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    text, notes = read_article(path)
    assert text.strip() == ARABIC.strip()
    if note is None:
        assert notes == []
    else:
        assert len(notes) == 1 and note in notes[0]


@pytest.mark.parametrize("data,reason", [
    (b"", "empty article"),
    (b"  \n\t\n\xe2\x80\x8f \n", "empty article"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
    ("The minister said the talks were useful and constructive.\n".encode(), "no Arabic"),
    (b"12345 678 --- ***\n", "no Arabic"),
    (("Breaking news from the region, full English report follows here " * 20 + "قال الوزير").encode(), "not Arabic"),
    ("Short English note with one word: قال\n".encode(), "mostly not Arabic (only 3 of its"),
    ("x ا\n".encode(), "mostly not Arabic (only 1 of its 2 letters"),
    (bytes((i * 7919 + 13) % 256 or 1 for i in range(5000)), "not UTF-8"),
    (b"\xef\xbb\xbf\xff\xfe\xfa garbage", "not valid UTF-8"),
])
def test_read_article_refuses_what_is_not_an_arabic_text(tmp_path, data, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        read_article(path)
    message = str(err.value)
    assert "bad.txt" in message and reason in message and "\n" not in message


def test_read_article_refuses_a_huge_file_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:  # 20 MB, sparse: reading it all would show in the time
        f.seek(20 * 1024 * 1024)
        f.write(b"x")
    started = time.perf_counter()
    with pytest.raises(InputError, match=r"huge\.txt: is 20\.0 MB; article files over"):
        read_article(path)
    assert time.perf_counter() - started < 0.5
    assert MAX_BYTES < 20 * 1024 * 1024


def test_read_article_works_out_the_display_path_only_for_an_error(tmp_path, monkeypatch):
    from generator import reading
    calls = []
    monkeypatch.setattr(reading, "display_path", lambda p: calls.append(p) or str(p))
    good = tmp_path / "good.txt"
    good.write_text("قتل جنديان في كمين.\n", encoding="utf-8")
    read_article(good)
    assert calls == []
    bad = tmp_path / "bad.txt"
    bad.write_text("English only\n", encoding="utf-8")
    with pytest.raises(InputError, match="bad.txt: has no Arabic text"):
        read_article(bad)
    assert calls == [bad]


def test_read_article_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError, match="nope.txt: no such file"):
        read_article(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a folder"):
        read_article(tmp_path)


# --- the boilerplate lexicon is data, checked on load -----------------------------------------


def broken_lexicon(tmp_path, old: str, new: str) -> Path:
    lex = tmp_path / "lexicons"
    shutil.copytree(Path(ingest.__file__).parent / "lexicons", lex)
    path = lex / "boilerplate.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return lex


@pytest.mark.parametrize("old,new,expected", [
    ("  url: '^", "  url: '(^", r"boilerplate.yaml:\d+:\d+: entry 'patterns.url': not a valid regular expression"),
    ("caption_words:", "caption_wordz:", r"boilerplate.yaml:\d+:\d+: entry 'caption_wordz': unknown section"),
    ("ui_words: [تابع,", "ui_words: ['', ", r"boilerplate.yaml:\d+:\d+: entry 'ui_words\[0\]': expected a non-empty"),
    ("inline_list_ends: [end of list, نهاية القائمة]", "inline_list_ends: 7",
     r"boilerplate.yaml:\d+:\d+: entry 'inline_list_ends': expected a non-empty list of words, got int"),
    ("related: [", "related: [a, a: [", r"boilerplate.yaml:\d+:\d+: YAML does not parse"),
])
def test_boilerplate_errors_name_file_line_and_entry(tmp_path, old, new, expected):
    lex = broken_lexicon(tmp_path, old, new)
    with pytest.raises(LexiconError, match=expected):
        ingest.boilerplate(lex)


def test_the_error_line_is_the_bad_entry_line(tmp_path):
    lex = broken_lexicon(tmp_path, "caption_words: [", "caption_words: [[nested], ")
    with pytest.raises(LexiconError) as err:
        ingest.boilerplate(lex)
    line = int(str(err.value).split(":")[1])
    assert (lex / "boilerplate.yaml").read_text(encoding="utf-8").splitlines()[line - 1].startswith("caption_words:")


# --- fuzz ---------------------------------------------------------------------------------------

_PIECES = st.sampled_from([
    "اقرأ أيضاً", "المصدر:", "شارك", "\u200f", "\u200d", "\u202b", "\ufeff", "\x00", "\x1b", "\r", "\u2028", "ـــ",
    "١٩/٠١/٢٠٢٤", "30th, January 2024", "كانون الثاني", "(صورة: رويترز)", "list 1 of 3", "end of list", "«", "»",
    "\n", "\n\n", " ", ".", "قال الوزير إن المحادثات كانت مثمرة.", "© 2024", "منذ 3 ساعات", "|", "/", "-",
])
_TEXT = st.lists(st.one_of(_PIECES, st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF,
                                                                        blacklist_categories=("Cs",)), max_size=40),
                           st.text(alphabet="ابتثجحخدذرسشصضطظعغفقكلمنهوي ًٌٍَُِّْ", max_size=200)),
                 max_size=60).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_clean_never_crashes_and_keeps_only_verbatim_text(text):
    art = clean(text)
    for p in art.paragraphs:
        assert p and p in text
    assert art.title is None or art.paragraphs


@settings(max_examples=20, deadline=None)
@given(st.text(alphabet="ابت ث\u200f\u0640", min_size=1, max_size=5).map(lambda s: s * 20000))
def test_clean_is_bounded_on_very_long_lines(text):
    started = time.perf_counter()
    art = clean(text)
    assert time.perf_counter() - started < 5
    assert all(p in text for p in art.paragraphs)


# --- a one-line related link inside the story, or a glued story after it ------------------------

_CONTINUES = [
    # Sky News Arabia style: marker and headline on one line, the same story goes on
    ("""سكاي نيوز عربية - أبوظبي
الجيش السوداني يستعيد مواقع في ولاية الجزيرة
أعلن المتحدث باسم الجيش السوداني العميد نبيل عبد الله، الخميس، أن قوات الجيش استعادت مواقع في ولاية الجزيرة بعد معارك مع قوات الدعم السريع.
وأضاف عبد الله أن الجيش يواصل تقدمه نحو مدينة ود مدني عاصمة ولاية الجزيرة.
اقرأ أيضا: أسعار الذهب ترتفع في الأسواق العالمية
وقال عبد الله في بيان إن قوات الدعم السريع تكبدت خسائر كبيرة في ولاية الجزيرة، وإن الجيش سيطر على طريق ود مدني.
من جهتها، نفت قوات الدعم السريع رواية الجيش السوداني، وقالت إنها صدت الهجوم على مواقعها في ولاية الجزيرة قرب ود مدني.
""", "أسعار الذهب", ["وقال عبد الله في بيان", "من جهتها، نفت قوات الدعم السريع"]),
    # Anadolu style: the marker alone, one headline line, then "من جهته" paragraphs
    ("""أنقرة/ الأناضول
وزير الدفاع التركي يبحث مع نظيره الليبي التعاون العسكري
بحث وزير الدفاع التركي يشار غولر، الثلاثاء، مع نظيره الليبي عبد السلام الزوبي في أنقرة التعاون العسكري بين البلدين وبرامج تدريب الجيش الليبي.
وذكرت وزارة الدفاع التركية أن غولر والزوبي استعرضا برامج التدريب المشتركة في طرابلس.
اقرأ أيضاً
انخفاض أسعار النفط مع تراجع الطلب
من جهته، أشاد الزوبي بدعم أنقرة لبرامج تدريب الجيش الليبي، مؤكدا أن التعاون العسكري مع تركيا يخدم استقرار ليبيا.
وأوضح غولر أن الوزارة ستوسع برامج التدريب المشتركة لتشمل قوات خفر السواحل الليبي في طرابلس.
""", "انخفاض أسعار النفط", ["من جهته، أشاد الزوبي", "وأوضح غولر"]),
    # a Yemeni site: "قد يهمك أيضا:" on the headline's line
    ("""عدن - خاص
الحكومة اليمنية تطالب بدعم دولي لإنقاذ العملة
طالب رئيس الحكومة اليمنية سالم بن بريك، الأحد في عدن، المجتمع الدولي بدعم البنك المركزي اليمني لوقف انهيار الريال اليمني.
وأشار بن بريك إلى أن البنك المركزي اليمني في عدن اتخذ إجراءات لضبط سوق الصرف.
قد يهمك أيضا: مباراة حاسمة للمنتخب في تصفيات كأس آسيا
وأضاف بن بريك أن انهيار الريال اليمني يهدد رواتب الموظفين، داعيا المانحين إلى دعم البنك المركزي اليمني بوديعة عاجلة.
كما التقى بن بريك في عدن سفير الاتحاد الأوروبي، وبحث معه دعم البنك المركزي اليمني وإجراءات سوق الصرف.
""", "تصفيات كأس آسيا", ["وأضاف بن بريك", "كما التقى بن بريك"]),


    # a long story above, a shorter one-place paragraph right after the link, then one sharing its words
    ("""غزة - الجزيرة نت
غارات على خيام النازحين في دير البلح والقسام تستهدف آلية شرق رفح
استشهد 12 فلسطينيا على الأقل، فجر اليوم الأحد، في غارات إسرائيلية استهدفت خياما للنازحين في دير البلح وسط قطاع غزة، وفق الدفاع المدني الفلسطيني في القطاع.
وقال المتحدث باسم الدفاع المدني في القطاع رائد الدهشان إن الطواقم انتشلت جثامين الشهداء من بين الخيام المحترقة بعد القصف الإسرائيلي الليلي على المنطقة.
من جهتها، أعلنت كتائب القسام، الجناح العسكري لحركة حماس، أن مقاتليها استهدفوا آلية عسكرية إسرائيلية بقذيفة مضادة للدروع شرق مدينة رفح جنوب القطاع، وأوقعوا طاقمها بين قتيل وجريح.
اقرأ أيضا
ارتفاع أسعار الدقيق في أسواق القاهرة
وفي الدوحة، التقى رئيس الوزراء القطري الوسطاء لبحث مسار التفاوض المتعثر منذ أسابيع.
وارتفعت حصيلة الشهداء في قطاع غزة منذ بدء الحرب الإسرائيلية على القطاع، وفق وزارة الصحة، فيما تواصل حركة حماس التفاوض على وقف إطلاق النار.
""", "أسعار الدقيق", ["وفي الدوحة، التقى", "وارتفعت حصيلة الشهداء"]),
]


@pytest.mark.parametrize("text, link, kept", _CONTINUES)
def test_a_one_line_link_inside_the_story_goes_and_the_story_goes_on(text, link, kept):
    article = clean(text)
    body = "\n".join(article.paragraphs)
    assert link not in body
    for start in kept:
        assert any(p.startswith(start) for p in article.paragraphs), start
    assert any("link" in d for d in article.dropped)


_GLUED = [
    # a new headline, a dateline and another story with other people, after the marker
    ("""الدوحة - الجزيرة نت
أمير قطر يستقبل رئيس وزراء العراق
استقبل أمير قطر الشيخ تميم بن حمد آل ثاني في الدوحة، الاثنين، رئيس الوزراء العراقي، وبحث معه العلاقات بين قطر والعراق.
وأكد الجانبان أهمية تعزيز العلاقات بين قطر والعراق في مجالات الطاقة والاستثمار.
اقرأ أيضا
وزير خارجية قطر يلتقي نظيره الإيراني
طهران - وكالات
التقى وزير الدولة القطري محمد الخليفي في طهران نظيره الإيراني، وبحثا العلاقات بين قطر والعراق وإيران في مجالات الطاقة.
وأكد الخليفي أهمية تعزيز العلاقات في مجالات الطاقة والاستثمار بين قطر وإيران.
""", ["محمد الخليفي", "وأكد الخليفي"]),
    # one line with marker and headline, but the paragraphs after it tell another story
    ("""بيروت - النهار
الجيش اللبناني ينتشر في بلدات الجنوب
انتشر الجيش اللبناني، الجمعة، في بلدات جنوب الليطاني بعد انسحاب القوات الإسرائيلية منها، وفق بيان لقيادة الجيش.
وقال قائد الجيش العماد رودولف هيكل إن الجيش سيواصل انتشاره في بلدات الجنوب.
اقرأ أيضاً: منتخب لبنان لكرة السلة يتأهل إلى النهائيات
تأهل منتخب لبنان لكرة السلة إلى نهائيات كأس آسيا بعد فوزه على منتخب البحرين في المباراة التي أقيمت في بيروت مساء الخميس.
وسجل اللاعب وائل عرقجي 24 نقطة في المباراة، وأشاد المدرب جاد الحاج بأداء اللاعبين في المباراة.
""", ["وائل عرقجي", "جاد الحاج", "منتخب البحرين"]),
    # a photo caption closing the story above the marker: what follows is another page's story
    ("""الخرطوم - سودان تريبيون
الجيش السوداني يعلن السيطرة على جسر في الخرطوم
أعلن الجيش السوداني، السبت، السيطرة على جسر الحلفايا في الخرطوم بعد معارك مع قوات الدعم السريع استمرت أياما.
وقال متحدث باسم الجيش السوداني إن قوات الدعم السريع انسحبت من محيط الجسر في الخرطوم.
جنود من الجيش السوداني في الخرطوم (أرشيفية - رويترز)
اقرأ أيضا
مقتل مدنيين في قصف على الفاشر
وقال شهود إن قوات الدعم السريع قصفت أحياء في الفاشر، ما أدى إلى مقتل مدنيين بينهم الطبيب حسن الطاهر.
وأضاف الشهود أن قوات الدعم السريع تحاصر الفاشر منذ أشهر، فيما قال الجيش السوداني إنه صد هجوما على المدينة.
""", ["حسن الطاهر", "تحاصر الفاشر"]),
    # one continuing-looking paragraph is not enough to tell the story goes on
    ("""بغداد - شفق نيوز
رئيس الوزراء العراقي يستقبل وفدا تركيا في بغداد
استقبل رئيس الوزراء العراقي، الأربعاء في بغداد، وفدا تركيا برئاسة وزير الطاقة ألب أرسلان بيرقدار، وبحث معه ملف المياه وتصدير النفط.
وأكد الجانبان أهمية استئناف تصدير النفط عبر ميناء جيهان التركي.
اقرأ أيضاً: ارتفاع درجات الحرارة في بغداد إلى 50 درجة
وقال بيرقدار إن أنقرة مستعدة لاستئناف تصدير النفط العراقي عبر ميناء جيهان في أقرب وقت بعد إنهاء ملف المياه.
""", ["مستعدة لاستئناف"]),
]


@pytest.mark.parametrize("text, gone", _GLUED)
def test_a_link_followed_by_another_story_ends_the_story(text, gone):
    article = clean(text)
    body = "\n".join(article.paragraphs)
    for phrase in gone:
        assert phrase not in body, phrase
    assert article.paragraphs, "the article's own story stays"
    assert any("after the end of the story" in d for d in article.dropped)


# --- dates and menus of agency pages (dev5) ---------------------------------------------------

def test_date_inside_the_first_sentence_after_the_place_is_the_publication_date():
    text = ("سودان الآن\nالبرهان يستقبل المبعوث الأممي في بورتسودان\n\n"
            "بورتسودان 14 مارس 2025 — استقبل رئيس مجلس السيادة المبعوث الأممي إلى السودان في مكتبه اليوم.\n"
            "وبحث الجانبان سبل إيصال المساعدات الإنسانية إلى المتضررين من الحرب.\n")
    art = clean(text)
    assert art.published == "2025-03-14"
    assert art.paragraphs[0].startswith("بورتسودان 14 مارس 2025 —")  # evidence stays verbatim


def test_date_later_in_the_first_sentence_is_no_publication_date():
    text = ("عنوان الخبر عن اللقاء الثنائي\n\n"
            "قال وزير الخارجية إن اللقاء الذي جرى في 14 مارس 2025 كان مثمرا للطرفين وللمنطقة كلها.\n"
            "وأضاف أن الجانبين سيلتقيان مجددا في الشهر المقبل لمتابعة الملفات المشتركة.\n")
    assert clean(text).published is None


def test_a_menu_of_section_adjectives_is_no_headline():
    text = ("وكالة الأنباء الوطنية\nالرئيسية  سياسية  أمنية  اقتصادية  محلية\n\n"
            "وزير الخارجية يبحث هاتفياً مع نظيره الأردني ملف الحدود\n\n"
            "بحث وزير الخارجية هاتفياً مع نظيره الأردني ملف الحدود المشتركة والتبادل التجاري بين البلدين.\n"
            "وأكد الجانبان أهمية التنسيق المستمر بين البلدين في الملفات الإقليمية.\n")
    assert clean(text).title == "وزير الخارجية يبحث هاتفياً مع نظيره الأردني ملف الحدود"
