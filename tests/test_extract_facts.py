"""Facts from invented articles about other conflicts and other diplomacy
(Gulf, Iraq, Yemen, Sudan, Turkey, Afghanistan): meetings, visits,
agreements, strikes and statements, with negation, questions, conditions and
intentions. None of these sentences comes from the seed articles."""
from __future__ import annotations

from generator.extract import extract
from generator.model import CleanArticle


class Result:
    def __init__(self, *paragraphs, published=None):
        self.draft = extract(CleanArticle(paragraphs=list(paragraphs), published=published), "t", "seeds/t.txt")
        self.a = self.draft.article
        self.name = {e.id: e.name for e in self.draft.entities}
        self.id = {e.name: e.id for e in self.draft.entities}

    def meetings(self) -> set[frozenset]:
        return {frozenset(self.name[p] for p in m.participants) for m in self.a.meetings}

    def visits(self, status=None) -> set[tuple]:
        return {(self.name[v.visitor], v.destination) for v in self.a.visits if status in (None, v.status)}

    def strikes(self) -> set[tuple]:
        return {(self.name.get(s.attacker), self.name.get(t)) for s in self.a.strikes for t in s.targets or [None]}

    def speakers(self) -> set[str]:
        return {self.name[s.speaker] for s in self.a.statements}


def test_gulf_visit_meeting_statement_agreement_and_plan():
    r = Result(
        "وصل وزير الدفاع السعودي الأمير خالد بن سلمان إلى طهران، أمس الثلاثاء، في زيارة رسمية.",
        "واستقبل الرئيس الإيراني مسعود بزشكيان الأمير خالد بن سلمان في مقر الرئاسة، وبحث الجانبان العلاقات الثنائية.",
        'وقال بزشكيان إن "أمن المنطقة مسؤولية دول المنطقة".',
        "واتفق الجانبان على تشكيل لجنة مشتركة لمتابعة تنفيذ الاتفاق الأمني الموقع بين البلدين.",
        "ومن المقرر أن يزور وزير الخارجية الإيراني عباس عراقجي الرياض الشهر المقبل.",
        published="2025-02-12")
    assert r.meetings() == {frozenset({"مسعود بزشكيان", "خالد بن سلمان"})}
    assert r.visits("done") == {("خالد بن سلمان", "iran")}
    assert r.visits("planned") == {("عباس عراقجي", "saudi-arabia")}
    done = next(v for v in r.a.visits if v.status == "done")
    assert done.date == "2025-02-11"  # "أمس الثلاثاء" against the publication date
    assert [set(a.parties) for a in r.a.agreements] == [{"iran", "saudi-arabia"}]
    assert r.speakers() == {"مسعود بزشكيان"}
    assert r.a.statements[0].text == "أمن المنطقة مسؤولية دول المنطقة"


def test_phone_call_is_a_call_between_two_ministers():
    r = Result("أجرى وزير الخارجية العماني بدر البوسعيدي اتصالا هاتفيا مع نظيره اليمني شائع الزنداني، "
               "تناول خلاله جهود التهدئة.")
    assert r.meetings() == {frozenset({"بدر البوسعيدي", "شائع الزنداني"})}
    assert r.a.meetings[0].kind == "call"
    assert r.a.visits == []  # a call is no trip


def test_meetings_with_several_counterparts_give_one_meeting_each():
    r = Result("وخلال الزيارة، عقد وزير الدفاع التركي يشار غولر اجتماعات مع المسؤولين العراقيين بمن فيهم "
               "رئيس الوزراء العراقي محمد شياع السوداني ووزير الدفاع العراقي ثابت العباسي.")
    assert r.meetings() == {frozenset({"يشار غولر", "محمد شياع السوداني"}),
                            frozenset({"يشار غولر", "ثابت العباسي"})}


def test_meeting_abroad_implies_a_visit_of_the_foreign_side():
    r = Result("التقى رئيس مجلس السيادة السوداني عبد الفتاح البرهان في القاهرة الرئيس المصري عبد الفتاح السيسي.")
    assert r.meetings() == {frozenset({"عبد الفتاح البرهان", "عبد الفتاح السيسي"})}
    assert r.visits("done") == {("عبد الفتاح البرهان", "egypt")}


def test_negated_asked_and_conditional_facts_are_dropped():
    r = Result("ولم يلتق وزير الخارجية التركي هاكان فيدان نظيره العراقي فؤاد حسين خلال الجولة.",
               "هل يزور فيدان أربيل؟",
               "وإذا زار فيدان بغداد فسيلتقي رئيس الوزراء العراقي.")
    assert r.a.meetings == [] and r.a.visits == []


def test_intention_gives_a_planned_visit():
    r = Result("ويعتزم الرئيس التركي رجب طيب أردوغان زيارة بغداد الشهر المقبل لتوقيع اتفاقيات تعاون.",
               published="2024-03-18")
    assert r.visits("planned") == {("رجب طيب أردوغان", "iraq")}
    assert r.visits("done") == set()


def test_signed_memorandum_between_two_states():
    r = Result("ووقع العراق وتركيا مذكرة تفاهم للتعاون الأمني في مكافحة الإرهاب.")
    assert [(set(a.parties), a.status) for a in r.a.agreements] == [({"iraq", "turkey"}, "signed")]


def test_agreement_to_sign_later_is_planned():
    r = Result("وتم التوافق بين الجانبين السوداني والمصري على توقيع اتفاقية للتعاون العسكري في أقرب وقت ممكن.")
    assert [(set(a.parties), a.status) for a in r.a.agreements] == [({"sudan", "egypt"}, "planned")]


def test_air_strikes_on_a_group_with_place_and_date():
    r = Result("شنت طائرات حربية تركية غارات جوية على مواقع لحزب العمال الكردستاني في منطقة قنديل شمالي العراق، الأحد.",
               published="2024-03-18")
    assert r.strikes() == {("القوات الجوية التركية", "حزب العمال الكردستاني")}
    s = r.a.strikes[0]
    assert s.place == "iraq" and s.date == "2024-03-17"


def test_coalition_strike_on_the_houthis_and_a_reported_claim():
    r = Result("شنت مقاتلات التحالف بقيادة السعودية غارات جوية على مواقع لجماعة الحوثيين في صنعاء.",
               "وقالت كابول إنها قصفت مخابئ لمسلحين من تنظيم داعش في ولاية ننغرهار.")
    assert ("التحالف بقيادة السعودية", "الحوثيون") in r.strikes()
    assert ("أفغانستان", "داعش") in r.strikes()


def test_strike_by_a_named_group_on_a_city_keeps_the_attacker():
    r = Result("قصفت قوات الدعم السريع، الأحد، مدينة الفاشر بالمدفعية الثقيلة، ما أسفر عن مقتل 12 مدنيا.",
               published="2024-06-03")
    assert [s.attacker for s in r.a.strikes] == ["rsf"]


def test_statements_carry_the_subject_to_the_next_sentence():
    r = Result("أكد الرئيس الصومالي حسن شيخ محمود أن بلاده ماضية في الحرب على حركة الشباب.",
               'وأضاف: "لن نسمح للإرهابيين بتهديد أمن شعبنا".')
    assert [r.name[s.speaker] for s in r.a.statements] == ["حسن شيخ محمود", "حسن شيخ محمود"]
    assert r.a.statements[1].text == "لن نسمح للإرهابيين بتهديد أمن شعبنا"
    assert "al-shabaab" in r.a.mentions


def test_a_report_is_not_a_speaker():
    r = Result("وقالت تقارير إعلامية إن اشتباكات اندلعت قرب الحدود.")
    assert r.a.statements == []


def test_group_aliases_and_group_heads():
    r = Result('أعلنت السلطات الإيرانية مقتل عنصرين من جماعة "جيش الظلم" في اشتباك مع حرس الحدود.',
               'وتبنت جماعة "سرايا الفجر الجديد" الهجوم في بيان.')
    groups = {e.id: e for e in r.draft.entities if e.kind == "group"}
    assert "jaish-al-adl" in groups  # the pejorative name is an alias of the known group
    assert any(e.name == "سرايا الفجر الجديد" for e in groups.values())


def test_extraction_is_deterministic():
    text = ["التقى وزير الخارجية السعودي فيصل بن فرحان في الرياض نظيره العراقي فؤاد حسين.",
            "وقال بن فرحان إن المملكة تدعم أمن العراق."]
    a = extract(CleanArticle(paragraphs=text), "t", "s").model_dump()
    b = extract(CleanArticle(paragraphs=text), "t", "s").model_dump()
    assert a == b


def test_call_with_a_preposition_and_a_visit_with_a_meeting_after_haythu():
    r = Result("أجرى ولي العهد السعودي الأمير محمد بن سلمان اتصالا هاتفيا بالرئيس الإيراني مسعود بزشكيان.",
               "وزار وزير الداخلية الباكستاني محسن علي كابل الأربعاء حيث التقى القائم بأعمال رئيس الوزراء "
               "الأفغاني الملا محمد حسن أخوند.", published="2024-10-10")
    assert r.meetings() == {frozenset({"محمد بن سلمان", "مسعود بزشكيان"}),
                            frozenset({"محسن علي", "محمد حسن أخوند"})}
    assert {m.kind for m in r.a.meetings} == {"call", "meeting"}
    assert r.visits("done") == {("محسن علي", "afghanistan")}
    roles = {e.name: [x.title for x in e.roles] for e in r.draft.entities if e.kind == "person"}
    assert roles["مسعود بزشكيان"] == ["الرئيس"]  # "بالرئيس": the clitic is not part of the title


def test_attackers_named_by_their_forces_or_their_drones():
    r = Result("قالت وزارة الدفاع الأفغانية إن قواتها شنت هجمات على مواقع لتنظيم داعش خراسان في ولاية ننغرهار.",
               "واستهدفت مسيرة تركية سيارة تقل عناصر من حزب العمال الكردستاني في السليمانية.")
    assert ("وزارة الدفاع الأفغانية", "داعش - خراسان") in r.strikes()
    assert ("تركيا", "حزب العمال الكردستاني") in r.strikes()
    assert r.a.strikes[-1].place == "iraq"
    assert "iraq" in {e.id for e in r.draft.entities}  # a place is an entity of the draft


def test_spokesman_of_a_group_and_its_forces():
    r = Result("وأعلن المتحدث العسكري باسم الحوثيين يحيى سريع أن قواتهم استهدفت سفينة إسرائيلية في البحر الأحمر.")
    assert r.strikes() == {("الحوثيون", "إسرائيل")}
    assert r.speakers() == {"يحيى سريع"}


def test_signing_ministers_name_their_states_and_the_subject_is_the_agreement():
    r = Result("ووقع وزيرا خارجية قطر وتركيا اتفاقية للتعاون الدفاعي.")
    assert [(set(a.parties), a.status, a.subject) for a in r.a.agreements] == [
        ({"qatar", "turkey"}, "signed", "اتفاقية للتعاون الدفاعي")]


def test_one_state_deciding_alone_is_no_agreement():
    r = Result("يبدو أن إيران قررت اللجوء إلى باكستان لمساعدتها في ضبط الحدود.")
    assert r.a.agreements == []


def test_delegation_head_travels_and_the_guest_is_the_visitor():
    r = Result("وصل وفد من حركة حماس برئاسة خليل الحية، نائب رئيس المكتب السياسي للحركة، إلى القاهرة مساء السبت.",
               "واستقبل الرئيس المصري عبد الفتاح السيسي ضيفه الفلسطيني في قصر الاتحادية.",
               published="2024-05-05")
    assert r.visits("done") == {("خليل الحية", "egypt")}
    assert r.meetings() == {frozenset({"عبد الفتاح السيسي", "خليل الحية"})}


def test_a_surname_that_is_also_a_nationality_adjective():
    r = Result("وصل رئيس الوزراء العراقي محمد شياع السوداني إلى أنقرة في زيارة رسمية.",
               "وقال السوداني إن العراق لن يسمح بأن تكون أراضيه منطلقا للاعتداء على جيرانه.",
               "وأكد الوفد السوداني المشارك في المؤتمر دعمه للحوار.")
    assert r.speakers() == {"محمد شياع السوداني"}
    assert ("محمد شياع السوداني", "turkey") in r.visits("done")


def test_a_joined_verb_keeps_the_sentence_subject_and_visits_several_capitals():
    r = Result("وكان المبعوث الأمريكي الخاص إلى اليمن تيم ليندركينغ قد زار الرياض ومسقط الأسبوع الماضي، "
               "والتقى خلالها وزير الدفاع السعودي خالد بن سلمان.")
    assert r.visits("done") == {("تيم ليندركينغ", "saudi-arabia"), ("تيم ليندركينغ", "oman")}
    assert r.meetings() == {frozenset({"تيم ليندركينغ", "خالد بن سلمان"})}
    envoy = next(e for e in r.draft.entities if e.name == "تيم ليندركينغ")
    assert envoy.country == "united-states"  # "إلى اليمن" is where he serves, not whose he is


def test_claimed_attack_and_attack_suffered():
    r = Result('وتعرضت القوات الأمريكية في سوريا لهجوم بطائرة مسيرة تبنته "المقاومة الإسلامية في العراق".',
               "وأعلنت كتائب القسام مسؤوليتها عن قصف تجمعات لقوات الاحتلال قرب رفح.")
    assert ("المقاومة الإسلامية في العراق", "الولايات المتحدة") in r.strikes()
    assert ("كتائب القسام", "الجيش الإسرائيلي") in r.strikes()


def test_the_group_named_last_is_the_target_of_the_organisation():
    r = Result('وتبنى تنظيم "داعش - خراسان" الهجوم على المسجد.',
               "وقالت مصادر إن قوات طالبان داهمت مخابئ للتنظيم في ولاية ننغرهار.")
    assert ("طالبان", "داعش - خراسان") in r.strikes()


def test_an_unnamed_official_is_not_replaced_by_the_previous_subject():
    r = Result("وقال الرئيس التركي رجب طيب أردوغان إن العلاقات ممتازة.",
               "وعقد رئيس مجلس الوزراء وزير الخارجية القطري اجتماعا مع وزير الخارجية التركي هاكان فيدان.")
    assert r.meetings() == set()


# --- general rules for articles the extractor was not tuned on ---------------------------


def test_strike_attacker_from_the_nationality_of_its_means_in_a_passive_report():
    r = Result("قتل قيادي بارز في حزب الله بغارة إسرائيلية على بلدة في جنوب لبنان.")
    assert r.strikes() == {("إسرائيل", "حزب الله")}
    r = Result("قتل ثلاثة عناصر من حزب العمال الكردستاني في غارة جوية تركية شمالي العراق.")
    assert r.strikes() == {("تركيا", "حزب العمال الكردستاني")}


def test_a_weapon_shot_down_is_not_the_attacker():
    r = Result("أسقطت الدفاعات الجوية مسيرة أمريكية فوق محافظة مأرب.")
    assert all(s.attacker != "united-states" for s in r.a.strikes)


def test_the_means_nationality_is_the_attacker_not_the_target():
    r = Result("استهدفت غارة إسرائيلية سيارة في جنوب لبنان، ما أدى إلى مقتل عنصر من حزب الله.")
    assert r.strikes() == {("إسرائيل", "حزب الله")}


def test_attack_planes_with_the_article_and_an_affiliation():
    r = Result("شن الطيران الحربي التابع للجيش السوداني، الخميس، غارات على مواقع لقوات الدعم السريع في أم درمان.")
    assert r.strikes() == {("الجيش السوداني", "قوات الدعم السريع")}


def test_a_group_attacking_the_army_of_its_own_base_country():
    r = Result("أعلنت هيئة تحرير الشام أن مقاتليها هاجموا مواقع للجيش السوري في ريف حلب.")
    assert r.strikes() == {("هيئة تحرير الشام", "الجيش السوري")}


def test_the_speaker_whose_positions_were_hit_is_the_target():
    r = Result("قال الجيش العراقي إن طائرات مسيرة مجهولة قصفت مقراته في بلد.")
    assert r.strikes() == {(None, "الجيش العراقي")}


def test_the_object_of_an_earlier_attack_is_not_the_next_attacker():
    r = Result("قامت باكستان بشن غارات جوية على أفغانستان حيث استهدفت مخابئ حركة طالبان باكستان.")
    assert ("أفغانستان", "حركة طالبان باكستان") not in r.strikes()
    assert ("باكستان", "حركة طالبان باكستان") in r.strikes()


def test_a_claimed_attack_inside_a_state_targets_that_state():
    r = Result("وجاء ذلك بعد الهجوم الذي استهدف مقر الشرطة في أنقرة، والذي تبناه حزب العمال الكردستاني.")
    assert r.strikes() == {("حزب العمال الكردستاني", "تركيا")}


def test_the_military_wing_does_not_target_its_own_movement():
    r = Result("وأعلنت كتائب القسام، الجناح العسكري لحركة حماس، استهداف دبابة في رفح.")
    assert ("كتائب القسام", "حماس") not in r.strikes()


def test_visit_noun_takes_the_subject_of_the_sentence_verb():
    r = Result("في زيارة رسمية إلى بغداد، التقى وزير الخارجية الأردني أيمن الصفدي رئيس الوزراء العراقي "
               "محمد شياع السوداني.")
    assert r.visits("done") == {("أيمن الصفدي", "iraq")}
    r = Result("أكد وزير الخارجية الأردني أيمن الصفدي، خلال زيارته إلى أنقرة، دعم بلاده للحوار.")
    assert r.visits("done") == {("أيمن الصفدي", "turkey")}
    r = Result("بدأ وزير الخارجية الأردني أيمن الصفدي زيارة رسمية إلى القاهرة.")
    assert r.visits("done") == {("أيمن الصفدي", "egypt")}


def test_a_reported_visit_is_not_the_speakers():
    r = Result("وقال المتحدث باسم الخارجية المصرية أحمد أبو زيد إن زيارة الرئيس إلى أنقرة تأتي في إطار تعزيز العلاقات.")
    assert r.visits() == set()


def test_arriving_as_a_guest_is_a_visit():
    r = Result("حل وزير الخارجية الأردني أيمن الصفدي ضيفا على العاصمة القطرية الدوحة.")
    assert {(v.destination, v.status) for v in r.a.visits} == {("qatar", "done")}


def test_who_received_the_guest_met_him():
    r = Result("وصل رئيس الوزراء العراقي محمد شياع السوداني إلى الكويت، وكان في استقباله رئيس مجلس الوزراء "
               "الكويتي الشيخ أحمد عبدالله الأحمد الصباح.")
    assert r.meetings() == {frozenset({"محمد شياع السوداني", "أحمد عبدالله الأحمد الصباح"})}
    r = Result("وأكد الرئيس المصري عبد الفتاح السيسي خلال لقائه رئيس الوزراء الإثيوبي آبي أحمد أهمية الحوار.")
    assert r.meetings() == {frozenset({"عبد الفتاح السيسي", "آبي أحمد"})}


def test_the_relative_pronoun_takes_its_antecedent_as_subject():
    r = Result("وحضر اللقاء وزير الخارجية العراقي فؤاد حسين الذي التقى لاحقا نظيره الكويتي عبدالله علي اليحيا.")
    assert r.meetings() == {frozenset({"فؤاد حسين", "عبدالله علي اليحيا"})}


def test_a_spokesman_reporting_a_meeting_is_no_participant():
    r = Result("وصل وزير الخارجية الأردني أيمن الصفدي إلى مسقط.",
               "وقال المتحدث باسم الخارجية الأردنية سفيان القضاة إن الوزير التقى نظيره العماني بدر البوسعيدي.")
    assert r.meetings() == {frozenset({"أيمن الصفدي", "بدر البوسعيدي"})}


def test_talks_by_phone_are_a_call_and_no_visit():
    r = Result("بحث وزير الخارجية الأردني أيمن الصفدي هاتفيا مع نظيره الأمريكي ماركو روبيو التطورات في سوريا.")
    assert [m.kind for m in r.a.meetings] == ["call"]
    assert r.a.visits == []


def test_a_fact_without_a_date_takes_the_day_of_its_paragraphs_lead():
    r = Result("قالت مصر وإثيوبيا، الإثنين، إن البلدين يعملان على استئناف المفاوضات. وأجرى وزير الخارجية "
               "المصري سامح شكري محادثات مع نظيره الإثيوبي تاي أصقي سيلاسي في أديس أبابا.",
               published="2024-05-22")
    assert [m.date for m in r.a.meetings] == ["2024-05-20"]


def test_a_fact_takes_the_articles_first_day_but_never_a_period_or_a_guess():
    r = Result("أعلنت الخارجية العمانية، أمس الثلاثاء، انطلاق جولة جديدة من المحادثات.",
               "واستقبل وزير الخارجية العماني بدر البوسعيدي المبعوث الأمريكي ستيف ويتكوف في مسقط.",
               published="2025-04-16")
    assert [m.date for m in r.a.meetings] == ["2025-04-15"]
    r = Result("تعمل عمان على الوساطة منذ أكتوبر الماضي.",
               "واستقبل وزير الخارجية العماني بدر البوسعيدي المبعوث الأمريكي ستيف ويتكوف في مسقط.",
               published="2025-04-16")
    assert [m.date for m in r.a.meetings] == [None]  # a period is no day; `published` alone is no date
    r = Result("أعلنت الخارجية العمانية، الثلاثاء، انطلاق جولة جديدة من المحادثات.",
               "واستقبل وزير الخارجية العماني بدر البوسعيدي المبعوث الأمريكي ستيف ويتكوف في مسقط "
               "بعد لقائهما في أبريل الماضي.", published="2025-04-16")
    assert [m.date for m in r.a.meetings][0] != "2025-04-15"  # the sentence's own date wins


def test_host_title_chain_then_place_then_guest_who_arrived_in_the_country():
    r = Result("استقبل رئيس المجلس الرئاسي القائد الأعلى للقوات المسلحة الفريق أول صالح المهدي، في مدينة "
               "عدن، المبعوث الخاص للأمم المتحدة إلى اليمن سمير الكردي، الذي وصل إلى البلاد أمس في زيارة تستغرق يومين.")
    assert r.meetings() == {frozenset({"صالح المهدي", "سمير الكردي"})}
    assert ("سمير الكردي", "yemen") in r.visits("done")


def test_a_host_receiving_a_foreign_guest_is_the_guests_visit_but_not_an_ambassadors():
    r = Result("استقبل الرئيس التركي رجب طيب أردوغان، اليوم، وزير الخارجية العراقي فؤاد حسين، وبحث معه العلاقات.",
               "واستقبل وزير الخارجية التركي هاكان فيدان السفير الإيراني في أنقرة محمد فرازمند.")
    assert frozenset({"رجب طيب أردوغان", "فؤاد حسين"}) in r.meetings()
    assert r.visits("done") == {("فؤاد حسين", "turkey")}


def test_guest_of_a_visit_noun_is_the_one_from_abroad():
    r = Result("استقبل الرئيس اللبناني ميشال سليمان، اليوم، في قصر بعبدا، المبعوثة الفرنسية الخاصة إلى الشرق الأوسط كاترين مارتان، "
               "في زيارة هي الأولى لها إلى لبنان.")
    assert r.visits("done") == {("كاترين مارتان", "lebanon")}


def test_visiting_a_person_is_meeting_him():
    r = Result("وصلت المبعوثة الأمريكية الخاصة ليندا ستيل إلى بيروت.",
               "كما زارت ستيل رئيس مجلس النواب اللبناني نبيه بري في مقره، ووصف مكتبه اللقاء بأنه كان جيدا.")
    assert r.meetings() == {frozenset({"ليندا ستيل", "نبيه بري"})}
    assert r.visits("done") == {("ليندا ستيل", "lebanon")}


def test_two_surnames_joined_by_wa_hold_talks_with_each_other():
    r = Result("وصل وزير الخارجية التركي هاكان فيدان ونظيره العراقي فؤاد حسين إلى جنيف.",
               "وأجرى فيدان وحسين محادثات ثنائية على هامش الاجتماع.")
    assert r.meetings() == {frozenset({"هاكان فيدان", "فؤاد حسين"})}


def test_a_hosted_trilateral_meeting_joins_all_three_and_the_guests_travelled():
    r = Result("استضاف وزير الخارجية الإيراني عباس عراقجي في طهران، الأحد، اجتماعاً ثلاثياً ضم وزير الخارجية "
               "التركي هاكان فيدان، ووزير الخارجية الروسي سيرغي لافروف، لبحث الأزمة السورية.")
    assert [set(m.participants) for m in r.a.meetings] == [
        {r.id["عباس عراقجي"], r.id["هاكان فيدان"], r.id["سيرغي لافروف"]}]
    assert r.visits("done") == {("هاكان فيدان", "iran"), ("سيرغي لافروف", "iran")}


def test_a_dual_followed_by_names_is_those_names_not_the_last_pair():
    r = Result("التقى وزير الخارجية الجزائري أحمد عطاف نظيره التونسي نبيل عمار في تونس.",
               "وقال الرئيس الليبي محمد المنفي والرئيس التونسي قيس سعيد والرئيس الجزائري عبد المجيد تبون إن التشاور مستمر.",
               "ومن المرتقب أن تحتضن طرابلس قمة تجمع الرئيسين تبون وسعيد ورئيس المجلس الرئاسي الليبي محمد المنفي.")
    assert frozenset({"أحمد عطاف", "عبد المجيد تبون"}) not in r.meetings()
    assert frozenset({"أحمد عطاف", "محمد المنفي"}) not in r.meetings()
    assert frozenset({"عبد المجيد تبون", "قيس سعيد", "محمد المنفي"}) in r.meetings()


def test_counterpart_then_comma_then_name_is_one_person():
    r = Result("أجرى وزير الخارجية العراقي فؤاد حسين جلسة مباحثات مع نظيره الأردني، وزير الخارجية وشؤون المغتربين، "
               "أيمن الصفدي، تناولت الأوضاع الإقليمية.")
    assert r.meetings() == {frozenset({"فؤاد حسين", "أيمن الصفدي"})}


def test_arrived_in_the_capital_with_a_companion():
    r = Result("حل وزير الخارجية العراقي فؤاد حسين، اليوم الإثنين، بالعاصمة التركية، في زيارة عمل تدوم يومين، "
               "يرافقه فيها وزير الداخلية العراقي عبد الأمير الشمري.")
    assert r.visits("done") == {("فؤاد حسين", "turkey"), ("عبد الأمير الشمري", "turkey")}


def test_three_states_agreeing_are_the_sides_of_the_last_three_way_meeting():
    r = Result("استضاف وزير الخارجية الروسي سيرغي لافروف في موسكو اجتماعا ثلاثيا ضم وزير الخارجية الإيراني عباس عراقجي "
               "ووزير الخارجية التركي هاكان فيدان.",
               "وقال لافروف إن الدول الثلاث \"اتفقت على مواصلة التنسيق بشأن سوريا\".")
    assert [set(a.parties) for a in r.a.agreements] == [{"russia", "iran", "turkey"}]


def test_two_ministers_announcing_an_agreement_on_a_committee():
    r = Result("التقى وزير الخارجية الأردني أيمن الصفدي نظيره العراقي فؤاد حسين في عمان.",
               "وأعلن الوزيران الاتفاق على تشكيل لجنة مشتركة للتجارة والطاقة.",
               "وقال مسؤولون إن الاتفاق على الخط النفطي لم يكتمل بعد.")
    assert [set(a.parties) for a in r.a.agreements] == [{"jordan", "iraq"}]


def test_a_bare_title_with_a_nationality_names_the_one_minister_of_that_country():
    r = Result("وشارك نائب رئيس الوزراء وزير الخارجية الأردني أيمن الصفدي في اجتماع بالقاهرة.",
               "وجاء ذلك بعد الزيارة التي قام بها الوزير الأردني إلى دمشق الشهر الماضي.")
    assert ("أيمن الصفدي", "syria") in r.visits("done")


def test_an_attack_a_group_claimed_strikes_the_state_it_hit_not_a_group_named_later():
    r = Result("وأعلنت السلطات أن هجوما تبنته جماعة الحوثي على منشأة نفطية في مدينة جدة أدى إلى حريق.")
    assert ("الحوثيون", "السعودية") in r.strikes()
    r = Result("وجاء ذلك بعد هجوم تبناه تنظيم داعش على مسجد في قرية نائية، وهو التنظيم الذي تقول حركة طالبان إنها تحاربه.")
    assert ("داعش", "طالبان") not in r.strikes()


def test_a_light_verb_a_few_words_before_its_call_noun_keeps_its_own_subject():
    r = Result("وقال المتحدث باسم الخارجية القطرية سالم الكواري إن وزير الدولة القطري جاسم المهندي أجرى في وقت "
               "لاحق اتصالا هاتفيا مع رئيس الاستخبارات المصرية اللواء طارق عبد الحليم.")
    assert r.meetings() == {frozenset({"جاسم المهندي", "طارق عبد الحليم"})}  # not the spokesman


def test_where_she_met_after_an_unnamed_title_is_the_one_person_of_that_nationality():
    r = Result("وصلت المبعوثة الأمريكية سارة كولينز إلى بيروت أمس.",
               "وذكرت الرئاسة اللبنانية في بيان أن اللقاء تناول الوضع في الجنوب.",
               "وانتقلت المسؤولة الأميركية بعد ذلك إلى قصر بعبدا، حيث التقت الرئيس اللبناني ميشال خوري.")
    assert r.meetings() == {frozenset({"سارة كولينز", "ميشال خوري"})}


def test_the_object_of_a_meeting_verb_after_a_relative_clause():
    r = Result("واستقبل رئيس الوزراء العراقي عادل الحسني، الذي كان قد عاد من جولة خليجية شملت الرياض والدوحة "
               "الأسبوع الماضي، وزير الخارجية الفرنسي بيير لوران في بغداد.")
    assert r.meetings() == {frozenset({"عادل الحسني", "بيير لوران"})}


def test_two_who_just_met_and_signed_give_an_agreement_of_their_countries():
    r = Result("التقى وزير الداخلية العراقي حسن الجبوري نظيره الأردني سامي الحديد في عمان.",
               "ووقعا مذكرة تفاهم للتعاون الأمني.")
    assert [(set(a.parties), a.status) for a in r.a.agreements] == [({"iraq", "jordan"}, "signed")]


def test_signatories_of_two_countries_met_and_a_bare_title_keeps_its_nationality():
    r = Result("حل وزير الخارجية الجزائري أحمد بلقاسم بالعاصمة التونسية، يرافقه فيها وزير الداخلية رشيد زروقي.",
               "وفي ختام اللقاء، وقع وزير الداخلية الجزائري ونظيره التونسي كمال الحمامي اتفاقية للتعاون الأمني.")
    assert frozenset({"رشيد زروقي", "كمال الحمامي"}) in r.meetings()
    assert [set(a.parties) for a in r.a.agreements] == [{"algeria", "tunisia"}]


def test_a_group_in_a_relative_clause_claims_the_attacks():
    r = Result("وتتهم إسلام آباد كابل بإيواء مقاتلي حركة طالبان باكستان، التي تبنت هجمات عدة في الأشهر الأخيرة "
               "في بيشاور.")
    assert ("حركة طالبان باكستان", "باكستان") in r.strikes()


def test_an_unknown_command_by_its_nationality_and_a_claimed_attack_on_a_foreign_force():
    r = Result("وأعلنت القيادة الأميركية في المنطقة أنها نفذت غارة جوية استهدفت مقاتلين من حركة الشباب.",
               "وأعلنت كتائب القسام، الجناح العسكري لحركة حماس، استهداف قوة إسرائيلية في رفح بقذيفة.")
    assert ("الولايات المتحدة", "حركة الشباب") in r.strikes()
    assert ("كتائب القسام", "إسرائيل") in r.strikes()


def test_a_spokesman_for_a_group_announcing_an_attack_speaks_for_the_attacker():
    r = Result("وكان المتحدث العسكري باسم حركة الشباب علي طاهر قد أعلن، مساء الجمعة، تنفيذ عملية، موضحا أنها "
               "استهدفت سفينة تركية قبالة السواحل.")
    assert ("حركة الشباب", "تركيا") in r.strikes()


def test_a_bare_army_is_the_army_of_the_one_country_the_article_names():
    r = Result("شنت مقاتلات الجيش الصومالي غارات على مواقع لحركة الشباب في شبيلي الوسطى.",
               "في المقابل، اتهمت حركة الشباب الجيش بقصف قرية في منطقة جوهر.",
               "وقال الجيش في بيان إنه قصف مخابئ لحركة الشباب قرب مقديشو.")
    attackers = [s.attacker for s in r.a.strikes]
    assert attackers.count("somalia-army") >= 2 and None not in attackers


def test_a_bare_coalition_is_the_one_coalition_the_article_names():
    r = Result("أعلن تحالف دعم الشرعية في اليمن بدء عملية عسكرية.",
               "وأفادت قناة محلية بأن غارات التحالف استهدفت مواقع لجماعة الحوثيين في صنعاء.")
    assert ("التحالف بقيادة السعودية", "الحوثيون") in r.strikes()


def test_a_group_attacking_a_town_in_a_story_set_in_one_country_strikes_that_country():
    r = Result("تتواصل المعارك في السودان منذ أشهر، وتشهد الخرطوم وأم درمان اشتباكات يومية.",
               "وفي شمال السودان، أعلنت السلطات المحلية أن الدفاعات الأرضية تصدت لهجوم بطائرات مسيرة شنته "
               "قوات الدعم السريع على مدينة شندي.")
    assert ("قوات الدعم السريع", "السودان") in r.strikes()


def test_a_spokesman_announcing_the_targeting_of_a_ship_speaks_for_the_attacker():
    r = Result("أعلن المتحدث العسكري باسم حركة الشباب علي طاهر، استهداف سفينة تجارية تركية قبالة السواحل "
               "بعدد من الصواريخ.")
    assert ("حركة الشباب", "تركيا") in r.strikes()


def test_undated_lead_happening_takes_the_stated_dateline_and_nothing_else_does():
    lead = ("أكد وزير الخارجية العماني بدر البوسعيدي ونظيره الأردني أيمن الصفدي أهمية التنسيق بين البلدين.",
            "وخلال اتصال هاتفي تلقاه البوسعيدي من الصفدي، بحث الوزيران تطورات الأوضاع في المنطقة. "
            "ومن المقرر أن يزور الصفدي مسقط في وقت لاحق لتوقيع مذكرة تفاهم.",
            "وكان الوزيران قد التقيا في عمّان على هامش مؤتمر إقليمي.")
    dated = Result(*lead, published="2025-03-04")
    call = next(m for m in dated.a.meetings if m.kind == "call")
    assert call.date == "2025-03-04"  # the story of the day: the dateline stated in the text
    planned = [v for v in dated.a.visits if v.status == "planned"]
    assert planned and all(v.date is None for v in planned)  # announced that day, not held that day
    later = [m for m in dated.a.meetings if m.kind != "call"]
    assert later and all(m.date is None for m in later)  # background paragraph: no date
    undated = Result(*lead)  # no publication date in the text: never a guess
    assert all(m.date is None for m in undated.a.meetings)
    own = Result("قال مسؤولون، الأحد، إن وزير الخارجية العماني بدر البوسعيدي ونظيره الأردني أيمن الصفدي "
                 "بحثا في اتصال هاتفي تطورات المنطقة.", published="2025-03-04")
    assert own.a.meetings[0].date == "2025-03-02"  # a date in the text wins over the dateline


# --- diplomacy wording of agency reports (dev5 rules); invented sentences ---

def test_royal_honorific_and_epithet_before_a_received_guest():
    r = Result("استقبل حضرة صاحب الجلالة السلطان قابوس بن سعيد المعظم، في قصر العلم العامر اليوم، "
               "معالي سيرغي لافروف وزير خارجية روسيا.")
    assert r.meetings() == {frozenset({"قابوس بن سعيد", "سيرغي لافروف"})}
    assert "قابوس بن سعيد المعظم" not in r.id


def test_place_after_a_name_with_a_preposition_is_not_part_of_the_name():
    r = Result("عقد وزير الخارجية القطري خالد الخاطر جلسة مباحثات مع رئيس الوزراء المصري كمال الجنزوري بمقر "
               "مجلس الوزراء في القاهرة.")
    assert "كمال الجنزوري" in r.id
    assert r.meetings() == {frozenset({"خالد الخاطر", "كمال الجنزوري"})}


def test_arrival_with_luggage_idiom_is_a_visit():
    r = Result("وحط الرئيس الجزائري سليم بوزيد رحاله في إسطنبول قادماً من الدوحة، في زيارة رسمية.")
    assert r.visits("done") == {("سليم بوزيد", "turkey")}
    assert "سليم بوزيد رحاله" not in r.id


def test_title_right_after_an_honorific_name_is_its_apposition():
    r = Result("استقبل الملك فهد بن ناصر معالي نيكولاي بيتروف وزير خارجية روسيا.",
               "والتقى السيد ماجد الحارثي وزير الخارجية الروسي.")
    assert frozenset({"ماجد الحارثي", "نيكولاي بيتروف"}) in r.meetings()


def test_title_after_the_first_person_may_be_the_verbs_object():
    # "التقى الشيخ X وزير الخارجية الأمريكي": X met the US minister; X is no minister
    r = Result("التقى الشيخ حمدان بن راشد وزير الخارجية الأمريكي.")
    assert r.draft.entities and not any(role.title.startswith("وزير") for e in r.draft.entities
                                        for role in (e.roles or []))


def test_foreign_first_name_written_with_hamza_after_a_title():
    r = Result("التقى الرئيس العراقي عبد الرحمن عارف السفيرة الأميركية ألينا كولمان في بغداد.")
    assert frozenset({"عبد الرحمن عارف", "ألينا كولمان"}) in r.meetings()


def test_resident_ambassador_met_at_home_is_no_visit():
    r = Result("التقى رئيس الوزراء العراقي جواد المالكي في بغداد السفيرة الأمريكية ماري كولمان.")
    assert frozenset({"جواد المالكي", "ماري كولمان"}) in r.meetings()
    assert r.visits() == set()


def test_relative_clause_visit_belongs_to_the_guest():
    r = Result("استقبل رئيس الجمهورية الجزائري، السيد كمال رزاق، يوم الأحد بمقر الرئاسة، رئيس الحكومة الليبية، "
               "سالم المصراتي، الذي يقوم بزيارة عمل إلى مصر.")
    assert r.visits("done") == {("سالم المصراتي", "egypt")}


def test_visit_carried_by_a_verb_with_its_subject_left_out():
    r = Result("التقى وزير الدفاع الأردني سمير الحباشنة، الأربعاء، نظيره الصيني دونغ جون في بكين، وذلك في إطار "
               "زيارة رسمية يجريها إلى الصين.")
    assert ("سمير الحباشنة", "china") in r.visits("done")


def test_capital_after_a_posting_word_continues_the_title():
    r = Result("استقبل رئيس الوزراء العراقي عادل الحكيم، الثلاثاء، السفيرة الأميركية لدى بغداد ماري كولمان.")
    assert frozenset({"عادل الحكيم", "ماري كولمان"}) in r.meetings()
    assert r.draft.entities and any(e.name == "ماري كولمان" and e.country == "united-states"
                                    for e in r.draft.entities)


def test_reception_noun_with_host_and_guest_after_it():
    r = Result("ويأتي ذلك بعد يومين من استقبال رئيس الوزراء الليبي عبد الحميد الدبيبة، في طرابلس، "
               "قائد القيادة الأميركية في أفريقيا الجنرال مايكل لانغلي، حيث بحثا التعاون الأمني.")
    assert r.meetings() == {frozenset({"عبد الحميد الدبيبة", "مايكل لانغلي"})}


def test_reception_ceremony_of_one_person_is_no_meeting():
    r = Result("وجرت مراسم استقبال رسمية للرئيس التركي رجب طيب أردوغان في مطار الدوحة الدولي.")
    assert r.meetings() == set()


def test_attendees_of_a_meeting_do_not_meet_each_other():
    r = Result("استقبل الملك الأردني فيصل بن زيد الرئيس اللبناني نبيل سركيس في قصر الحسينية.",
               "وحضر اللقاء رئيس الديوان الملكي الأردني كريم الحمود، ووزير الخارجية الأردني سامي العدوان.")
    assert r.meetings() == {frozenset({"فيصل بن زيد", "نبيل سركيس"})}


def test_call_to_a_compound_surname_with_a_preposition():
    r = Result("وقال رئيس الوفد المفاوض صالح عبد الرحيم إن اللقاءات إيجابية.",
               "والتقى المبعوث الأممي مارتن كولر وزير الخارجية العماني يوسف بن علوي.",
               "وأجرى كولر اتصالاً هاتفياً بعبد الرحيم لمناقشة الخطوات التالية.")
    assert frozenset({"مارتن كولر", "صالح عبد الرحيم"}) in r.meetings()


def test_capital_after_ila_in_a_title_is_a_destination_not_a_posting():
    r = Result("ولفت إلى أن الزيارة هي الثانية لوزير الدفاع السعودي إلى واشنطن خلال أقل من عام.")
    assert not any(e.kind == "person" for e in r.draft.entities)


def test_special_envoy_without_a_country_names_the_person_after_it():
    r = Result("وصل وفد أمريكي برئاسة المبعوث الخاص جون بولتون إلى الرياض.")
    assert r.visits("done") == {("جون بولتون", "saudi-arabia")}


def test_departure_heading_to_a_country_is_a_visit_there():
    r = Result("وغادر وزير الخارجية الليبي عمر الكيلاني طرابلس مساء اليوم متوجهاً إلى أنقرة.")
    assert r.visits("done") == {("عمر الكيلاني", "turkey")}


def test_departure_alone_is_no_visit():
    r = Result("وغادر وزير الخارجية الليبي عمر الكيلاني طرابلس مساء اليوم بعد انتهاء الاجتماع.")
    assert r.visits() == set()


def test_two_titled_subjects_of_a_light_verb_with_a_family_name():
    r = Result("أجرى الرئيس الإماراتي الشيخ خليفة بن زايد آل نهيان والرئيس الفرنسي جاك شيراك محادثات في أبوظبي.")
    assert r.meetings() == {frozenset({"خليفة بن زايد آل نهيان", "جاك شيراك"})}


def test_dual_title_followed_by_two_titled_names_keeps_both_people():
    r = Result("وبحث الزعيمان الرئيس التركي عبد الله غول والرئيس الروسي دميتري ميدفيديف الأزمة في سوتشي.")
    people = {e.name for e in r.draft.entities if e.kind == "person"}
    assert {"عبد الله غول", "دميتري ميدفيديف"} <= people


def test_arrival_with_the_destination_before_the_subject():
    r = Result("وصل إلى الدوحة مساء أمس وزير الخارجية المغربي محمد بنعيسى في زيارة رسمية.")
    assert r.visits("done") == {("محمد بنعيسى", "qatar")}


def test_gathering_verb_before_the_meeting_noun():
    r = Result("جمع لقاء في الدوحة رئيس الوزراء القطري حمد بن جاسم والمبعوث الأمريكي دينيس روس.")
    assert r.meetings() == {frozenset({"حمد بن جاسم", "دينيس روس"})}
