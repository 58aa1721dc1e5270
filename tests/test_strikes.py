"""detect_strike: a sentence that REPORTS an attack vs one that only mentions
violence (threat, condemnation, denial, trial, background), and the checks
strikes.yaml gets on load. Sentences are invented."""
from __future__ import annotations

import pytest

from generator.errors import LexiconError
from generator.extract.strikes import LEXICON_PATH, StrikeCue, detect_strike, load_lexicon

REPORTS = [
    # active verb, armed agent, means, casualties
    "قال مصدر في الشرطة إن مسلحين مجهولين أطلقوا النار على دورية للجيش في بلدة الرميلة أمس ما أسفر عن مقتل جنديين.",
    # passive killing with a casualty count and a means
    "قتل خمسة أشخاص وأصيب عشرة آخرون بجروح في انفجار سيارة مفخخة وسط مدينة الحلة صباح اليوم.",
    # explosion told without an agent
    "انفجرت عبوة ناسفة لدى مرور حافلة للركاب في سوق شعبي شمال المدينة، مما أدى إلى مقتل ثلاثة مدنيين.",
    # air strike by a state
    "شنت طائرات حربية تركية غارات جوية على مواقع لمسلحين في جبال قنديل فجر الأحد، وفق بيان للجيش.",
    # missile strike claimed by the attacker
    "وقالت وزارة الدفاع إنها استهدفت بصواريخ بالستية مقرات لجماعة مسلحة في إقليم حدودي.",
    # suicide bombing
    "فجر انتحاري يرتدي حزاما ناسفا نفسه قرب نقطة تفتيش للشرطة في مدينة الرمادي.",
    # a time adverbial with قبل is not a reference to an earlier attack
    "وقبل يومين، انفجرت سيارة مفخخة قرب مقر للشرطة في مدينة كركوك موقعة 11 قتيلا و31 جريحا.",
]

NOT_REPORTS = [
    # threat / intent
    "هدد قائد الجماعة بشن هجمات صاروخية على القواعد العسكرية إذا استمر الحصار.",
    "وتعتزم الحكومة تنفيذ ضربات جوية ضد معاقل المتمردين في الأسابيع المقبلة.",
    # condemnation of an attack
    "أدانت وزارة الخارجية الهجوم الانتحاري الذي استهدف سوقا شعبية أمس وأسفر عن سقوط قتلى.",
    # negation / denial
    "ونفى الجيش أن تكون طائراته قد قصفت أي مواقع مدنية في المنطقة.",
    # trial of suspects for a past attack
    "بدأت المحكمة أمس محاكمة خمسة متهمين بالضلوع في تفجير سيارة مفخخة عام 2015.",
    # counter-terrorism talk
    "أكد الوزير أن التعاون في مكافحة الإرهاب سيستمر لمنع أي هجمات مستقبلية.",
    # a question
    "هل قصفت الطائرات مواقع المسلحين قرب الحدود؟",
    # background: the attack dates another story
    "وتوترت العلاقات بين البلدين بعد الضربات المتبادلة الشهر الماضي.",
    "وجاء الانفجار بعد يوم من مقتل عشرة أشخاص في هجوم انتحاري قرب مبنى حكومي.",
    # release of hostages kidnapped earlier
    "أفرجت جماعة مسلحة أمس عن مهندسين أجنبيين اختطفا الشهر الماضي قرب الحدود.",
    # details of an attack already told ("هذا الهجوم")
    "وقال شاهد إن أربعة مدنيين قتلوا في هذا الهجوم.",
    # a habit in the present tense
    "تشن الجماعة هجمات متكررة على قوافل الإمداد في المنطقة.",
    # empty input
    "",
]


@pytest.mark.parametrize("sentence", REPORTS)
def test_reports_are_detected(sentence):
    cue = detect_strike(sentence)
    assert isinstance(cue, StrikeCue), sentence
    assert sentence[cue.start:cue.end] == cue.trigger
    assert cue.planned is False


@pytest.mark.parametrize("sentence", NOT_REPORTS)
def test_mentions_are_not_reports(sentence):
    assert detect_strike(sentence) is None, sentence


def test_passive_and_means_are_reported():
    cue = detect_strike(REPORTS[1])
    assert cue.passive is True
    assert "سيارة مفخخة" in cue.means
    active = detect_strike(REPORTS[0])
    assert active.passive is False


def test_seed_style_claims_name_a_strike():
    """Long news sentences in which each side tells its own strike."""
    sentence = ("وقالت الحكومة إنها ضربت قواعد لانفصاليين من جبهة مسلحة، في حين قالت الدولة المجاورة "
                "إنها استهدفت مسلحين من جماعة متمردة.")
    assert detect_strike(sentence) is not None


# --- lexicon validation ---------------------------------------------------------

def _broken(tmp_path, old: str, new: str):
    text = LEXICON_PATH.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "strikes.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path, text.replace(old, new, 1)


def _line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_lexicon_loads():
    lex = load_lexicon()
    assert lex.verbs and lex.nouns and lex.means


def test_unknown_set_names_file_line_and_entry(tmp_path):
    path, text = _broken(tmp_path, "needs_after: [target_noun, victim]", "needs_after: [target_nown, victim]")
    with pytest.raises(LexiconError) as err:
        load_lexicon(path)
    msg = str(err.value)
    assert msg.startswith(f"{path}:{_line_of(text, 'target_nown')}:")
    assert "verbs.ambush" in msg and "target_nown" in msg


def test_unknown_field_names_the_entry(tmp_path):
    path, text = _broken(tmp_path, "  - id: assassinate\n", "  - id: assassinate\n    pasive: [اغتيل]\n")
    with pytest.raises(LexiconError) as err:
        load_lexicon(path)
    msg = str(err.value)
    assert msg.startswith(f"{path}:{_line_of(text, 'pasive')}:")
    assert "verbs.assassinate" in msg and "pasive" in msg


def test_bad_window_and_missing_kind(tmp_path):
    path, _ = _broken(tmp_path, "    window: 8\n    not_next", "    window: 40\n    not_next")
    with pytest.raises(LexiconError, match=r"verbs\.fire: window must be"):
        load_lexicon(path)
    path, _ = _broken(tmp_path, "  demonstrative: [", "  demonstrativ: [")
    with pytest.raises(LexiconError, match=r"strikes\.yaml:\d+:\d+: not_events\.demonstrativ: unknown kind"):
        load_lexicon(path)


def test_duplicate_verb_form_is_refused(tmp_path):
    path, _ = _broken(tmp_path, "    past: [اغتال]\n", "    past: [اغتال, قتل]\n")
    with pytest.raises(LexiconError, match=r"verbs\.assassinate: form 'قتل' already belongs to verbs\.kill"):
        load_lexicon(path)


# light verbs carrying an attack verbal noun: "قام X بـ…", "تم …"
LIGHT_REPORTS = [
    "وقامت قوات الحكومة صباح اليوم باستهداف مواقع للمتمردين بصواريخ موجهة شرق المدينة.",
    "وأعلن الجيش أنه تم شن ضربة جوية على تجمع لمسلحين قرب الحدود أسفرت عن مقتل سبعة منهم.",
    "وقام مسلحون مجهولون بإطلاق النار على سيارة تقل موظفين في البلدية فقتلوا اثنين منهم.",
]
LIGHT_NOT_REPORTS = [
    # the light verb carries a non-attack noun
    "وقامت الحكومة صباح اليوم بافتتاح مستشفى جديد في المدينة بحضور عدد من الوزراء.",
    # the verbal noun is not governed by the light verb ("تم عبر تفجير"): a description
    "وذكرت مصادر أن الحادث تم عبر استهداف منزله بعد منتصف الليل.",
    # threatened, not done
    "وهدد القائد بأن قواته ستقوم باستهداف مواقع الجماعة بالصواريخ إذا لم تنسحب.",
    # the verb's own condition fails: إطلاق without a projectile is a release or a launch
    "وقامت الوزارة بإطلاق حملة وطنية للتلقيح في المدارس أمس.",
]


@pytest.mark.parametrize("sentence", LIGHT_REPORTS)
def test_light_verb_with_attack_noun_is_a_report(sentence):
    cue = detect_strike(sentence)
    assert cue is not None, sentence
    assert cue.trigger.lstrip("و") in ("قامت", "تم", "قام"), cue


@pytest.mark.parametrize("sentence", LIGHT_NOT_REPORTS)
def test_light_verb_without_a_governed_attack_noun_is_not(sentence):
    assert detect_strike(sentence) is None, sentence


def test_verbal_noun_owned_by_two_verbs_is_refused(tmp_path):
    path, _ = _broken(tmp_path, "    verbal_nouns: [اغتيال]\n", "    verbal_nouns: [اغتيال, قتل]\n")
    with pytest.raises(LexiconError, match=r"verbs\.(assassinate|kill): verbal noun 'قتل' already belongs"):
        load_lexicon(path)


def test_light_verbal_nouns_are_loaded():
    lex = load_lexicon()
    assert lex.verbal_nouns["استهداف"].id == "target"
    assert lex.verbal_nouns["شن"].id == "launch_attack"


# --- full-article attack reports (named attacker, claims, raids) ----------------
# Invented sentences in the style of long articles on other conflicts (Sudan, Yemen,
# Somalia, Syria, Iraq, the Sahel): the attacker is named as the verb's subject, the
# actor claims its attack, a raid is told with its target.
ARTICLE_REPORTS = [
    # a named attacker as the subject, with the object and a place (VSO)
    "قصفت قوات الدعم السريع أحياء في مدينة الفاشر.",
    "شنت القوات الصومالية غارات على معاقل حركة الشباب في إقليم شبيلي السفلى.",
    # the subject and a time adverbial between the verb and its attack noun
    "شن الجيش النيجري، فجر الاثنين، ضربات جوية على أكثر من 20 هدفا لجماعات مسلحة في منطقة تيلابيري.",
    # the attacker before the verb (SVO), after "إن"/"بأن"
    "وذكر المرصد أن طائرات حربية روسية استهدفت مواقع للفصائل في ريف إدلب الجنوبي.",
    "وأفاد سكان بأن مسيرة تابعة للجيش استهدفت سيارة في بلدة شمالي مالي.",
    # the attacker opens the reported content, a parenthesis before the verb
    "وقالت القيادة إن القوات البريطانية، بمشاركة سفن حربية، ضربت 12 هدفا للحوثيين في محافظة حجة.",
    # a definite attack claimed, told with its means and its target
    "وكانت جماعة أنصار الله قد تبنت الهجوم بصاروخ باليستي على ميناء في جنوب البحر الأحمر.",
    # a raid on hideouts, with killing
    "وقال مصدر أمني إن قوات الجيش العراقي داهمت أوكارا لتنظيم داعش في صحراء الأنبار، وقتلت خمسة من عناصره.",
    # responsibility claimed for an attack told here
    "وأعلنت حركة الشباب مسؤوليتها عن قصف قاعدة للقوات الأفريقية قرب مقديشو بقذائف الهاون.",
    # an announced strike: "أعلن X، …، استهداف …"
    "أعلن المتحدث باسم الجماعة، في بيان مصور، استهداف ناقلة نفط في البحر الأحمر بطائرات مسيرة.",
]
ARTICLE_NOT_REPORTS = [
    # the claim of an attack already told (definite, no means or target)
    "وتبنت حركة الشباب الهجوم الذي وقع الأسبوع الماضي.",
    "وأعلنت جماعة مسلحة مسؤوليتها عن التفجير في بيان.",
    # responsibility denied
    "ونفت الحركة مسؤوليتها عن قصف المخيم.",
    # a raid to arrest suspects
    "وداهمت الشرطة منزلا في حي الكرادة وألقت القبض على ثلاثة مشتبه بهم.",
    # تبنى = adopted; أعلن + a refusal or a foiled attack
    "وتبنى البرلمان السوداني قرارا يدعو إلى وقف القتال.",
    "أعلنت الحكومة اليمنية رفضها قصف الموانئ.",
    "وأعلن الجيش إحباط هجوم بطائرات مسيرة على قاعدة جوية.",
    # a named attacker does not make a threat, a denial or a habit a report
    "وهددت الجماعة بأن قواتها ستقصف مواقع الجيش في المدينة.",
    "ونفى الجيش السوداني أن تكون طائراته قد قصفت مواقع مدنية في نيالا.",
    "وتقصف القوات الحكومية مواقع المتمردين بشكل يومي في دارفور.",
    # ضرب موعدا: not a strike; مسيرة: a march, not a drone
    "ضرب الرئيس الصومالي موعدا لإجراء الانتخابات في العاصمة.",
    "وشارك الجيش العراقي في مسيرة احتفالية وسط بغداد.",
    # the attacker of an attack already known, in a relative clause
    "وطالب النواب بمحاسبة المسؤولين عن التقصير في التصدي للهجوم الذي نفذته حركة مسلحة على المدينة.",
]


@pytest.mark.parametrize("sentence", ARTICLE_REPORTS)
def test_article_reports_are_detected(sentence):
    cue = detect_strike(sentence)
    assert cue is not None, sentence
    assert sentence[cue.start:cue.end] == cue.trigger
    assert cue.passive is False


@pytest.mark.parametrize("sentence", ARTICLE_NOT_REPORTS)
def test_article_mentions_are_not_reports(sentence):
    assert detect_strike(sentence) is None, sentence


def test_named_attacker_is_what_makes_the_report():
    """The same verb, object and place: a report with a named attacker, not without one."""
    assert detect_strike("قصفت إسرائيل مواقع في غزة.") is not None
    assert detect_strike("قصفت مواقع في غزة.") is None
    assert detect_strike("شنت القوات الأميركية غارات على أهداف في العراق.") is not None


def test_claimed_attack_means_are_kept():
    cue = detect_strike(ARTICLE_REPORTS[6])
    assert cue.trigger == "تبنت" and "صواريخ" in cue.means
    cue = detect_strike(ARTICLE_REPORTS[9])
    assert cue.trigger == "أعلن" and "طائرات مسيرة" in cue.means


def test_not_any_names_a_known_set_or_kind(tmp_path):
    path, text = _broken(tmp_path, "    not_any: [judicial]\n", "    not_any: [judicail]\n")
    with pytest.raises(LexiconError) as err:
        load_lexicon(path)
    msg = str(err.value)
    assert msg.startswith(f"{path}:{_line_of(text, 'judicail')}:")
    assert "verbs.raid" in msg and "judicail" in msg


def test_written_out_forms_are_verbs_and_checked(tmp_path):
    lex = load_lexicon()
    assert lex.verbs["تبنت"][0].id == "claim" and lex.verbs["تبنت"][0].claim is True
    path, _ = _broken(tmp_path, "    forms: [تبنت,", "    forms: [قصفت, تبنت,")
    with pytest.raises(LexiconError, match=r"verbs\.claim: form 'قصفت' already belongs to verbs\.shell"):
        load_lexicon(path)


@pytest.mark.parametrize("sentence, reported", [
    ("أعلنت وزارة الدفاع التركية تحييد 14 إرهابيا في منطقة جبلية شمالي العراق.", True),
    ("حيدت القوات الخاصة 6 مسلحين في ريف المدينة أمس.", True),
    ("وقال إن الحكومة تسعى إلى تحييد البلاد عن الصراعات الإقليمية.", False),
    ("ودعا الوزير إلى تحييد المؤسسات عن الخلافات السياسية.", False),
])
def test_neutralised_fighters_are_an_attack_report(sentence, reported):
    assert (detect_strike(sentence) is not None) is reported
