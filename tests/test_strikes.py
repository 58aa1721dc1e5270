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
