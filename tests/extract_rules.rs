//! The extractor's phrasing rules, one test each, on sentences written like Chinese policy texts in
//! general (not taken from the five seed documents), with the negative cases: facts, baselines,
//! document numbers, dates, section numbers and thresholds that belong to the scope.
#![cfg(not(target_arch = "wasm32"))]

use policy_data::bundled;
use policy_data::model::{Binding, Comparator, Kind};
use policy_extract::{extract, Candidate, CandidateKind, Catalogue, Extraction, Signal};

fn catalogue() -> Catalogue {
    let dataset = bundled::dataset();
    Catalogue::new(&dataset.indicators, &dataset.themes)
}

/// The candidates proposed as targets in `text`.
fn targets(text: &str, issued: Option<(u16, u8)>) -> Vec<Candidate> {
    extract(text, issued, &catalogue())
        .into_iter()
        .filter(|c| c.kind.is_target())
        .collect()
}

/// The one target proposed in `text`.
fn one(text: &str) -> Candidate {
    let found = targets(text, Some((2021, 3)));
    assert_eq!(found.len(), 1, "{text}: {found:#?}");
    found.into_iter().next().unwrap()
}

/// (value, comparator) of the one target in `text`.
fn reading(text: &str) -> (Option<f64>, Comparator) {
    let c = one(text);
    (c.value, c.comparator)
}

// Comparators.

#[test]
fn reach_or_more() {
    assert_eq!(
        reading("到2025年,全县学前三年毛入园率达到95%以上。"),
        (Some(95.0), Comparator::AtLeast)
    );
}

#[test]
fn not_lower_than() {
    assert_eq!(
        reading("财政性教育经费支出占生产总值比例不低于4%。"),
        (Some(4.0), Comparator::AtLeast)
    );
}

#[test]
fn not_fewer_than() {
    assert_eq!(
        reading("每名教师每年参加培训不少于72学时。"),
        (Some(72.0), Comparator::AtLeast)
    );
}

#[test]
fn not_more_than() {
    assert_eq!(reading("初中班额不超过50人。"), (Some(50.0), Comparator::AtMost));
}

#[test]
fn kept_within() {
    let c = one("到2023年,小学班额控制在45人以内。");
    assert_eq!(
        (c.value, c.comparator, c.target_year),
        (Some(45.0), Comparator::AtMost, Some(2023))
    );
}

#[test]
fn raised_to() {
    assert_eq!(
        reading("将高中阶段毛入学率提高到97%。"),
        (Some(97.0), Comparator::AtLeast)
    );
}

#[test]
fn lowered_below() {
    assert_eq!(
        reading("到2025年,中小学生近视率下降到40%以下。"),
        (Some(40.0), Comparator::AtMost)
    );
}

#[test]
fn stable_at_about() {
    let c = one("义务教育巩固率稳定在99%左右。");
    assert_eq!(
        (c.value, c.comparator, c.approximate),
        (Some(99.0), Comparator::Equal, true)
    );
}

#[test]
fn kept_at() {
    assert_eq!(
        reading("特殊教育学校生均公用经费保持在每年6000元。").1,
        Comparator::Equal
    );
}

#[test]
fn strive_to_is_still_a_target() {
    let c = one("力争到2024年,普惠性幼儿园覆盖率达到85%。");
    assert_eq!((c.value, c.target_year), (Some(85.0), Some(2024)));
    assert!(c.reasons.contains(&Signal::Aspirational));
    assert_eq!(c.deadline_text.as_deref(), Some("力争到2024年"));
}

#[test]
fn eliminate_with_a_threshold() {
    let c = one("2022年底前全面消除56人以上大班额。");
    assert_eq!(
        (c.value, c.comparator, c.unit.as_deref()),
        (Some(56.0), Comparator::Eliminate, Some("人"))
    );
    assert_eq!(c.indicator.as_deref(), Some("large-class-elimination"));
}

#[test]
fn increase_add_and_build() {
    assert_eq!(
        reading("十四五期间新增公办学位1.2万个。"),
        (Some(12_000.0), Comparator::IncreaseBy)
    );
    assert_eq!(reading("新建改扩建中小学校8所。"), (Some(8.0), Comparator::Count));
    assert_eq!(
        reading("增加普惠性学位3000个。"),
        (Some(3000.0), Comparator::IncreaseBy)
    );
}

// Deadlines.

#[test]
fn by_a_year() {
    assert_eq!(one("到2025年,新建幼儿园5所。").target_year, Some(2025));
    let written = one("到二〇二五年,學前三年毛入園率達到百分之九十五。");
    assert_eq!((written.target_year, written.value), (Some(2025), Some(95.0)));
}

#[test]
fn before_the_end_of_a_year() {
    let c = one("2025年底前,各中小学至少配备1名专职心理健康教育教师。");
    assert_eq!(
        (c.target_year, c.deadline_text.as_deref()),
        (Some(2025), Some("2025年底前"))
    );
    assert_eq!(c.comparator, Comparator::AtLeast);
}

#[test]
fn until_a_year() {
    assert_eq!(one("至2024年,建成标准化考点10个。").target_year, Some(2024));
}

#[test]
fn before_a_month() {
    let c = one("2022年9月前,全市中小学校心理辅导室建设达100%。");
    assert_eq!(
        (c.target_year, c.deadline_text.as_deref()),
        (Some(2022), Some("2022年9月前"))
    );
}

#[test]
fn five_year_plan_period_and_end() {
    assert_eq!(one("“十四五”期间,新建公办幼儿园12所。").target_year, Some(2025));
    assert_eq!(one("到“十四五”期末,学前三年毛入园率达到98%。").target_year, Some(2025));
}

#[test]
fn relative_deadlines_from_the_issue_date() {
    let within = targets("三年内新建学校4所。", Some((2021, 3)));
    assert_eq!(within[0].target_year, Some(2024));
    let spend = targets("用三年时间实现乡镇公办中心幼儿园全覆盖。", Some((2019, 5)));
    assert_eq!(spend[0].target_year, Some(2022));
    assert_eq!(spend[0].kind, CandidateKind::Target(Kind::Milestone));
    let two = targets("两年内新建幼儿园3所。", Some((2020, 1)));
    assert_eq!(two[0].target_year, Some(2022));
    let written = Extraction::new("某县人民政府\n2023年3月20日\n三年内新建学校4所。", None);
    assert_eq!(written.issued(), Some((2023, 3)), "the notice's own date");
    let undated = targets("三年内新建学校4所。", None);
    assert_eq!(undated[0].target_year, None);
    assert_eq!(undated[0].deadline_text.as_deref(), Some("三年内"));
    assert!(undated[0].reasons.contains(&Signal::RelativeDeadlineUndated));
}

// Several values in one sentence; tables.

#[test]
fn several_values_for_enumerated_items() {
    let found = targets("到2025年,幼儿园、小学专任教师本科学历比例分别达到60%、90%。", None);
    let read: Vec<(Option<f64>, Option<&str>)> = found.iter().map(|c| (c.value, c.scope.as_deref())).collect();
    assert_eq!(read, vec![(Some(60.0), Some("幼儿园")), (Some(90.0), Some("小学"))]);
    assert!(found
        .iter()
        .all(|c| c.comparator == Comparator::AtLeast && c.target_year == Some(2025)));
}

#[test]
fn a_table_row_gives_baseline_target_and_binding() {
    let text = "表1 主要发展指标\n指标\t2020年\t2025年\t属性\n学前三年毛入园率(%)\t93.5\t≥96\t约束性\n";
    let c = one(text);
    assert_eq!(
        (c.value, c.comparator, c.target_year),
        (Some(96.0), Comparator::AtLeast, Some(2025))
    );
    let baseline = c.baseline.unwrap();
    assert_eq!((baseline.value, baseline.year), (93.5, Some(2020)));
    assert_eq!(c.binding, Some(Binding::Binding));
    assert_eq!(c.quote, "学前三年毛入园率(%)\t93.5\t≥96\t约束性");
    assert_eq!(c.indicator.as_deref(), Some("preschool-gross-enrolment"));
}

#[test]
fn a_table_with_one_cell_per_line() {
    let text = "表2 主要指标\n2020年\n2025年\n属性\n义务教育巩固率(%)\n98.2\n≥99\n约束性\n";
    let c = one(text);
    assert_eq!(
        (c.value, c.baseline.map(|b| b.value), c.binding),
        (Some(99.0), Some(98.2), Some(Binding::Binding))
    );
}

// Numbers.

#[test]
fn wan_and_yi() {
    assert_eq!(reading("新增学位2.5万个。").0, Some(25_000.0));
    assert_eq!(reading("每年投入教育经费1.2亿元。").0, Some(120_000_000.0));
    let c = one("建设1—2所标准化运动场。");
    assert_eq!(
        (c.value, c.value_max, c.comparator),
        (Some(1.0), Some(2.0), Comparator::Count)
    );
}

#[test]
fn chinese_numerals() {
    assert_eq!(reading("每个乡镇至少建成一所公办中心幼儿园。").0, Some(1.0));
    assert_eq!(reading("新建学校十二所。").0, Some(12.0));
    assert_eq!(reading("教师每五年接受不少于三百六十学时的培训。").0, Some(360.0));
}

#[test]
fn ranges() {
    for text in ["每所学校配备1—2名校医。", "每位学生掌握1-2项运动技能。"] {
        let c = one(text);
        assert_eq!(
            (c.value, c.value_max, c.comparator),
            (Some(1.0), Some(2.0), Comparator::AtLeast),
            "{text}"
        );
    }
}

#[test]
fn ratios_are_norms() {
    let c = one("按照师生比1:800的标准配备心理健康教育教师。");
    assert_eq!(
        (c.value, c.comparator, c.kind),
        (Some(800.0), Comparator::Equal, CandidateKind::Target(Kind::Standard))
    );
    assert_eq!(c.indicator.as_deref(), Some("psychology-teacher-staffing"));
}

#[test]
fn rates_of_change() {
    let c = one("确保学生体质健康优良率每年提高1个百分点。");
    assert_eq!(
        (c.value, c.unit.as_deref(), c.comparator),
        (Some(1.0), Some("%"), Comparator::IncreaseBy)
    );
    assert_eq!((c.target_year, c.deadline_text.as_deref()), (None, Some("每年")));
    let years: Vec<Option<u16>> = targets("2023-2025年每年降低近视率0.5个百分点。", None)
        .iter()
        .map(|c| c.target_year)
        .collect();
    assert_eq!(years, vec![Some(2023), Some(2024), Some(2025)]);
}

// Not targets.

#[test]
fn facts_are_not_proposed() {
    let all = extract("全县现有中小学112所,在校学生5.6万人。", Some((2021, 3)), &catalogue());
    assert!(!all.is_empty());
    assert!(all.iter().all(|c| c.kind == CandidateKind::Fact), "{all:#?}");
}

#[test]
fn baselines_and_actual_values_are_not_proposed() {
    let all = extract(
        "2021年,全县学前三年毛入园率已达到93.5%。",
        Some((2022, 2)),
        &catalogue(),
    );
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].kind, CandidateKind::Actual);
    let from_to = targets("学前三年毛入园率由90%提高到95%。", None);
    assert_eq!(from_to.len(), 1);
    assert_eq!(
        (from_to[0].value, from_to[0].baseline.map(|b| b.value)),
        (Some(95.0), Some(90.0))
    );
}

#[test]
fn document_numbers_are_not_values() {
    let all = extract(
        "根据《关于加强学前教育的意见》(某政发〔2019〕15号)精神,制定本方案。",
        None,
        &catalogue(),
    );
    assert!(all.is_empty(), "{all:#?}");
}

#[test]
fn dates_are_not_values() {
    let all = extract("某县人民政府\n2021年3月15日\n二〇二一年三月", None, &catalogue());
    assert!(all.is_empty(), "{all:#?}");
}

#[test]
fn section_numbers_are_not_values() {
    let text =
        "第三章 主要任务\n一、扩大学前教育资源\n(二)推进义务教育均衡发展。\n（三）完善经费投入机制。\n3.加强教师队伍建设。\n专栏1 重点工程\n表2 主要指标";
    let all = extract(text, None, &catalogue());
    assert!(all.is_empty(), "{all:#?}");
}

#[test]
fn thresholds_go_to_the_scope() {
    let found = targets("1200人以上小学必须配备1名专职心理健康教育教师。", None);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        (found[0].value, found[0].scope.as_deref()),
        (Some(1.0), Some("1200人以上小学"))
    );
    let two = targets("1200人以上的小学、1000人以上的中学配备2名以上心理教师。", None);
    let scopes: Vec<Option<&str>> = two.iter().map(|c| c.scope.as_deref()).collect();
    assert_eq!(scopes, vec![Some("1200人以上的小学"), Some("1000人以上的中学")]);
    assert!(two.iter().all(|c| c.value == Some(2.0)));
}

// Scripts, slices, output.

#[test]
fn traditional_text_keeps_its_quote() {
    let text = "到2022年,增加學位9萬個。";
    let c = one(text);
    assert_eq!((c.value, c.unit.as_deref()), (Some(90_000.0), Some("个")));
    assert_eq!(c.quote, text);
    assert_eq!(&text[c.value_range.clone()], "9萬");
}

#[test]
fn slices_give_the_same_candidates_as_one_pass() {
    let catalogue = catalogue();
    let text: String = bundled::texts().values().map(|t| format!("{t}\n")).collect();
    let whole = extract(&text, Some((2020, 1)), &catalogue);
    let mut extraction = Extraction::new(text.clone(), Some((2020, 1)));
    let mut last = 0;
    loop {
        let progress = extraction.step(&catalogue, 2048);
        assert!(progress.done_bytes >= last && progress.done_bytes <= progress.total_bytes);
        last = progress.done_bytes;
        if progress.is_done() {
            break;
        }
    }
    assert_eq!(extraction.candidates(), whole.as_slice());
    assert_eq!(last, text.len());
}

#[test]
fn candidates_serialize_as_json_lines() {
    let c = one("到2025年,全县学前三年毛入园率达到95%以上。");
    let json = serde_json::to_value(&c).unwrap();
    for key in [
        "quote",
        "value",
        "unit",
        "comparator",
        "target_year",
        "kind",
        "indicator",
        "confidence",
        "reasons",
    ] {
        assert!(json.get(key).is_some(), "{key} missing from {json}");
    }
    assert_eq!(json["comparator"], ">=");
    assert_eq!(json["kind"], "quantitative");
    assert_eq!(json["reasons"][0], "comparator_word");
}

#[test]
fn long_runs_without_punctuation_stay_linear() {
    let catalogue = catalogue();
    for text in [
        "1".repeat(60_000),
        "学校".repeat(30_000),
        "二".repeat(60_000),
        "到2025年新建学校".repeat(5_000),
    ] {
        let start = std::time::Instant::now();
        let found = extract(&text, None, &catalogue);
        assert!(found
            .iter()
            .all(|c| text.get(c.range.clone()) == Some(c.quote.as_str())));
        assert!(
            start.elapsed().as_secs() < 20,
            "{} bytes took {:?}",
            text.len(),
            start.elapsed()
        );
    }
}

#[test]
fn empty_and_numberless_texts_give_nothing() {
    assert!(extract("", None, &catalogue()).is_empty());
    assert!(extract("加强党的建设,落实立德树人根本任务。", None, &catalogue()).is_empty());
    let mut extraction = Extraction::new("", None);
    assert!(extraction.step(&catalogue(), 10).is_done());
}

// Years read from the context (issue 24).

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// (value, target year) of each target, in the text's order.
fn values_and_years(found: &[Candidate]) -> Vec<(Option<f64>, Option<u16>)> {
    found.iter().map(|c| (c.value, c.target_year)).collect()
}

#[test]
fn a_deadline_heading_a_paragraph_dates_the_sentences_after_it() {
    let text = "二、主要目标\n到2025年，学前三年毛入园率达到95%以上。九年义务教育巩固率保持在98%以上。高中阶段毛入学率达到96%。";
    let found = targets(text, Some((2021, 3)));
    assert_eq!(
        values_and_years(&found),
        vec![
            (Some(95.0), Some(2025)),
            (Some(98.0), Some(2025)),
            (Some(96.0), Some(2025))
        ]
    );
    assert!(found[0].reasons.contains(&Signal::Deadline));
    assert!(!found[0].reasons.contains(&Signal::HeadingDeadline), "its own deadline");
    assert!(found[1].reasons.contains(&Signal::HeadingDeadline));
    assert_eq!(found[1].deadline_text, None, "not written in the sentence");
    assert!(found[1].confidence < found[0].confidence, "lower than a written year");
}

#[test]
fn a_written_year_wins_over_the_heading_deadline() {
    let found = targets(
        "到2025年，学前三年毛入园率达到95%以上。2023年底前，全面消除56人以上大班额。",
        Some((2021, 3)),
    );
    let years: Vec<Option<u16>> = found.iter().map(|c| c.target_year).collect();
    assert_eq!(years, vec![Some(2025), Some(2023)]);
    assert!(!found[1].reasons.contains(&Signal::HeadingDeadline));
}

#[test]
fn the_heading_deadline_ends_with_its_section() {
    let text = "（一）学前教育\n到2025年，学前三年毛入园率达到95%以上。普惠性幼儿园覆盖率达到85%。\n（二）义务教育\n九年义务教育巩固率保持在98%以上。";
    let found = targets(text, Some((2021, 3)));
    assert_eq!(
        values_and_years(&found),
        vec![(Some(95.0), Some(2025)), (Some(85.0), Some(2025)), (Some(98.0), None)]
    );
}

#[test]
fn a_deadline_inside_a_sentence_heads_nothing() {
    let found = targets(
        "学前三年毛入园率到2025年达到95%以上。九年义务教育巩固率保持在98%以上。",
        Some((2021, 3)),
    );
    assert_eq!(
        values_and_years(&found),
        vec![(Some(95.0), Some(2025)), (Some(98.0), None)]
    );
    // A past year at the head of a paragraph reports: it dates nothing after it.
    let past = targets(
        "2020年，学前三年毛入园率达到91%。九年义务教育巩固率保持在98%以上。",
        Some((2021, 3)),
    );
    assert!(past.iter().all(|c| c.target_year.is_none()), "{past:#?}");
}

#[test]
fn the_plan_period_dates_what_nothing_else_dates() {
    let text = "某县教育事业发展“十四五”规划\n三、保障措施\n每年安排教师培训经费不少于500万元。新建公办幼儿园4所。";
    let found = targets(text, Some((2021, 6)));
    assert!(!found.is_empty());
    for c in &found {
        assert_eq!(c.target_year, Some(2025), "{c:#?}");
        assert!(c.reasons.contains(&Signal::PlanPeriod));
    }
    let dated = targets(
        "某县教育事业发展“十四五”规划\n到2023年，新建公办幼儿园4所。",
        Some((2021, 6)),
    );
    assert_eq!(dated[0].target_year, Some(2023), "never over a written year");
    assert!(!dated[0].reasons.contains(&Signal::PlanPeriod));
    // Without a plan named in the title, nothing is supplied.
    let plain = targets(
        "某县人民政府关于加强学前教育的意见\n新建公办幼儿园4所。",
        Some((2021, 6)),
    );
    assert_eq!(plain[0].target_year, None);
}

#[test]
fn fixture_plan_with_a_heading_deadline() {
    let text = fixture("heading-deadline-plan.txt");
    let all = extract(&text, Some((2021, 3)), &catalogue());
    let found: Vec<&Candidate> = all.iter().filter(|c| c.kind.is_target()).collect();
    let summary: Vec<(Option<f64>, Option<u16>)> = found.iter().map(|c| (c.value, c.target_year)).collect();
    assert_eq!(
        summary,
        vec![
            (None, Some(2025)),
            (Some(95.0), Some(2025)),
            (Some(98.0), Some(2025)),
            (Some(96.0), Some(2025)),
            (Some(20.0), Some(2025)),
            (Some(6000.0), Some(2025)),
            (Some(56.0), Some(2023)),
            (Some(5_000_000.0), Some(2025)),
        ],
        "{found:#?}"
    );
    assert!(found[2].reasons.contains(&Signal::HeadingDeadline));
    assert!(found[4].reasons.contains(&Signal::PlanPeriod), "{:#?}", found[4]);
    // The achievements of the last plan are facts.
    let section_one: Vec<&Candidate> = all.iter().filter(|c| c.section.starts_with("一、发展基础")).collect();
    assert!(!section_one.is_empty());
    assert!(section_one.iter().all(|c| !c.kind.is_target()), "{section_one:#?}");
}

// When was this written (issue 24).

#[test]
fn the_issue_date_comes_from_the_date_line_then_the_number_then_the_title() {
    use policy_extract::IssuedFrom;
    let given = Extraction::new("某县人民政府\n2023年3月20日\n三年内新建学校4所。", Some((2022, 1)));
    assert_eq!(
        (given.issued(), given.issued_from()),
        (Some((2022, 1)), Some(IssuedFrom::Given))
    );
    let dated = Extraction::new(
        "某县人民政府\n某政发〔2019〕76号\n2023年3月20日\n三年内新建学校4所。",
        None,
    );
    assert_eq!(
        (dated.issued(), dated.issued_from()),
        (Some((2023, 3)), Some(IssuedFrom::DateLine))
    );
    let numbered = Extraction::new(
        "某县人民政府关于印发某方案的通知\n某政办发〔2019〕76号\n三年内新建学校4所。",
        None,
    );
    assert_eq!(
        (numbered.issued(), numbered.issued_from()),
        (Some((2019, 1)), Some(IssuedFrom::DocumentNumber))
    );
    let titled = Extraction::new("某市教育事业发展“十一五”规划\n三年内新建学校4所。", None);
    assert_eq!(
        (titled.issued(), titled.issued_from()),
        (Some((2006, 1)), Some(IssuedFrom::PlanPeriod))
    );
    let ranged = Extraction::new("某县学前教育三年行动计划（2024—2026年）\n新建幼儿园3所。", None);
    assert_eq!(ranged.issued(), Some((2024, 1)));
    let nothing = Extraction::new("新建幼儿园3所。", None);
    assert_eq!((nothing.issued(), nothing.issued_from()), (None, None));
    // A number in brackets that is no document number (〔2019〕 alone, a year in a sentence).
    let bare = Extraction::new("某县人民政府\n（2019）\n新建幼儿园3所。", None);
    assert_eq!(bare.issued_from(), None);
}

#[test]
fn fixture_notice_with_a_document_number_and_a_signature() {
    let text = fixture("notice-with-number.txt");
    let extraction = Extraction::new(text.as_str(), None);
    assert_eq!(extraction.issued(), Some((2019, 1)), "临政办发〔2019〕76号");
    let found = targets(&text, None);
    let summary: Vec<(Option<f64>, Option<u16>, Option<&str>)> = found
        .iter()
        .map(|c| (c.value, c.target_year, c.scope.as_deref()))
        .collect();
    assert_eq!(
        summary,
        vec![
            (Some(45.0), Some(2022), Some("小学")),
            (Some(50.0), Some(2022), Some("初中")),
            (Some(97.0), Some(2021), None),
            (Some(10_000_000.0), None, None),
        ],
        "{found:#?}"
    );
}

#[test]
fn sections_about_achievements_report_facts() {
    let text = "一、“十三五”以来取得的成绩\n新建幼儿园12所，学前三年毛入园率达到90%。\n二、主要目标\n到2025年，新建幼儿园10所。";
    let all = extract(text, Some((2021, 5)), &catalogue());
    let kinds: Vec<(Option<f64>, CandidateKind)> = all.iter().map(|c| (c.value, c.kind)).collect();
    assert_eq!(
        kinds,
        vec![
            (Some(12.0), CandidateKind::Fact),
            (Some(90.0), CandidateKind::Actual),
            (Some(10.0), CandidateKind::Target(Kind::Quantitative)),
        ]
    );
    let worked = extract(
        "一、2021年工作取得的成绩\n新建幼儿园5所。",
        Some((2022, 1)),
        &catalogue(),
    );
    assert_eq!(worked[0].kind, CandidateKind::Fact);
}

#[test]
fn fixture_plan_dated_by_its_title() {
    let text = fixture("heading-deadline-plan.txt");
    let extraction = Extraction::new(text.as_str(), None);
    assert_eq!(
        (extraction.issued(), extraction.issued_from()),
        (Some((2021, 1)), Some(policy_extract::IssuedFrom::PlanPeriod)),
        "“十四五”规划: its period's first year"
    );
    let all = extract(&text, None, &catalogue());
    let reported: Vec<&Candidate> = all.iter().filter(|c| c.section.starts_with("一、发展基础")).collect();
    assert_eq!(reported.len(), 3, "{reported:#?}");
    assert!(reported.iter().all(|c| !c.kind.is_target()), "{reported:#?}");
    assert_eq!(all.iter().filter(|c| c.kind.is_target()).count(), 8);
}

// Not targets: baselines, money spent, differences (issue 24).

#[test]
fn the_starting_point_of_from_to_is_the_baseline() {
    for text in [
        "学前三年毛入园率由85%提高到95%。",
        "学前三年毛入园率从85%提高到95%。",
        "普惠性幼儿园覆盖率从80%增加到90%。",
    ] {
        let found = targets(text, None);
        assert_eq!(found.len(), 1, "{text}: {found:#?}");
        assert_eq!(
            found[0].baseline.map(|b| b.value),
            Some(85.0).filter(|_| !text.contains("80%")).or(Some(80.0))
        );
        assert!(found[0].reasons.contains(&Signal::BaselineStated));
    }
}

#[test]
fn money_already_spent_is_not_a_target() {
    for text in [
        "全县累计投入教育资金3.2亿元。",
        "各级财政已投入资金1.5亿元,新建校舍3万平方米。",
        "全年完成投资2.4亿元。",
    ] {
        let all = extract(text, None, &catalogue());
        let money: Vec<&Candidate> = all.iter().filter(|c| c.unit.as_deref() == Some("元")).collect();
        assert!(!money.is_empty(), "{text}: {all:#?}");
        assert!(
            money.iter().all(|c| c.kind == CandidateKind::Fact),
            "{text}: {money:#?}"
        );
        assert!(money.iter().all(|c| c.reasons.contains(&Signal::Spent)), "{text}");
    }
    // Money to be spent is a target.
    let planned = targets("到2025年,累计投入教育资金10亿元。", Some((2021, 3)));
    assert_eq!(planned.len(), 1);
    assert_eq!(planned[0].value, Some(1_000_000_000.0));
    let yearly = targets("县财政每年投入学前教育经费不少于800万元。", None);
    assert_eq!(yearly.len(), 1);
}

#[test]
fn differences_are_not_targets() {
    for text in [
        "高中阶段毛入学率低于全省平均水平2.3个百分点。",
        "与全省平均水平相比,学前三年毛入园率仍有3个百分点的差距。",
        "城乡学校生均经费相差1200元。",
        "我市初中巩固率高出全国平均水平1.5个百分点。",
    ] {
        let found = targets(text, None);
        assert!(found.is_empty(), "{text}: {found:#?}");
        let all = extract(text, None, &catalogue());
        assert!(
            all.iter().any(|c| c.reasons.contains(&Signal::Difference)),
            "{text}: {all:#?}"
        );
    }
    // Narrowing a gap is a target; 不低于 is a comparator.
    let narrowed = targets(
        "到2025年,城乡学前三年毛入园率差距缩小到3个百分点以内。",
        Some((2021, 3)),
    );
    assert_eq!(narrowed.len(), 1, "{narrowed:#?}");
    assert_eq!(reading("财政性教育经费支出占生产总值比例不低于4%。").0, Some(4.0));
}

#[test]
fn fixture_achievements_report() {
    let text = fixture("achievements-report.txt");
    let all = extract(&text, None, &catalogue());
    let extraction = Extraction::new(text.as_str(), None);
    assert_eq!(
        extraction.issued(),
        None,
        "no date line, number nor plan period in the title"
    );
    let reported: Vec<&Candidate> = all.iter().filter(|c| c.section.contains("取得的成绩")).collect();
    assert!(reported.len() >= 3, "{all:#?}");
    assert!(reported.iter().all(|c| !c.kind.is_target()), "{reported:#?}");
    let planned: Vec<(Option<f64>, Option<u16>)> = all
        .iter()
        .filter(|c| c.kind.is_target())
        .map(|c| (c.value, c.target_year))
        .collect();
    assert_eq!(
        planned,
        vec![(Some(92.0), Some(2022)), (Some(3.0), Some(2022))],
        "{all:#?}"
    );
}

#[test]
fn fixture_traditional_plan() {
    let text = fixture("traditional-plan.txt");
    let extraction = Extraction::new(text.as_str(), None);
    assert_eq!(extraction.issued(), Some((2023, 1)), "（2023—2025年） in the title");
    let all = extract(&text, None, &catalogue());
    let reported: Vec<(Option<f64>, CandidateKind)> = all
        .iter()
        .filter(|c| !c.kind.is_target())
        .map(|c| (c.value, c.kind))
        .collect();
    assert_eq!(
        reported,
        vec![(Some(38.0), CandidateKind::Fact), (Some(89.0), CandidateKind::Actual)]
    );
    let found = targets(&text, None);
    assert_eq!(
        values_and_years(&found),
        vec![
            (Some(95.0), Some(2025)),
            (Some(90.0), Some(2025)),
            (Some(4.0), Some(2025))
        ],
        "{found:#?}"
    );
    assert_eq!(
        found[1].quote, "普惠性幼兒園覆蓋率不低於90%。",
        "the quote stays Traditional"
    );
    assert!(found[1].reasons.contains(&Signal::HeadingDeadline));
    assert!(found[2].reasons.contains(&Signal::PlanPeriod));
}

// Scope read from the sentence (issue 24).

#[test]
fn each_value_is_read_with_the_scope_written_before_it() {
    let found = targets(
        "到2025年,全市学前三年毛入园率达到95%,其中城区达到98%、农村达到90%。",
        Some((2021, 3)),
    );
    let scopes: Vec<(Option<f64>, Option<&str>)> = found.iter().map(|c| (c.value, c.scope.as_deref())).collect();
    assert_eq!(
        scopes,
        vec![
            (Some(95.0), Some("全市")),
            (Some(98.0), Some("城区")),
            (Some(90.0), Some("农村"))
        ]
    );
    let owned = targets(
        "公办幼儿园在园幼儿占比达到55%以上,民办幼儿园收费不超过每月1500元。",
        Some((2021, 3)),
    );
    assert_eq!(owned[0].scope.as_deref(), Some("公办"), "{owned:#?}");
    // No scope word: none invented; an enumeration keeps its own.
    assert_eq!(one("高中阶段毛入学率达到97%。").scope, None);
    let listed = targets("到2025年,幼儿园、小学专任教师本科学历比例分别达到60%、90%。", None);
    assert_eq!(listed[1].scope.as_deref(), Some("小学"));
}

// Honest indicator guesses (issue 24): one qualifier apart is another indicator.

#[test]
fn a_name_one_qualifier_apart_is_a_new_indicator() {
    let exact = one("到2025年,全市学前三年毛入园率达到60%。");
    for (text, name, signal) in [
        (
            "到2025年,全市学前第四年毛入园率达到60%。",
            "学前第四年毛入园率",
            Signal::YearsDiffer,
        ),
        (
            "到2025年,全县普惠性幼儿园建园率达到60%。",
            "普惠性幼儿园建园率",
            Signal::TypeDiffers,
        ),
        ("到2025年,初中毛入学率达到60%。", "初中毛入学率", Signal::StageDiffers),
    ] {
        let c = one(text);
        assert_eq!(c.indicator, None, "{text}: {c:#?}");
        assert_eq!(c.new_indicator.as_deref(), Some(name), "{text}");
        assert!(c.reasons.contains(&signal), "{text}: {:?}", c.reasons);
        assert!(!c.reasons.contains(&Signal::IndicatorMatch), "{text}");
        assert!(c.theme.is_some(), "{text}: the nearest indicator's theme");
        assert!(
            c.confidence < exact.confidence,
            "{text}: {} < {}",
            c.confidence,
            exact.confidence
        );
        assert_eq!(c.value, Some(60.0));
    }
    let json = serde_json::to_value(one("到2025年,全市学前第四年毛入园率达到60%。")).unwrap();
    assert_eq!(json["new_indicator"], "学前第四年毛入园率");
    assert_eq!(json["reasons"][3], "years_differ");
}

#[test]
fn an_exact_name_keeps_its_indicator_and_confidence() {
    for (text, id) in [
        ("到2025年,全市学前三年毛入园率达到60%。", "preschool-gross-enrolment"),
        ("到2025年,小学教师高级岗位比例达到30%。", "senior-post-ratio-primary"),
        ("到2025年,初中班额不超过50人。", "junior-class-size-cap"),
        ("到2025年,义务教育阶段中小学班额不超过45人。", "primary-class-size-cap"),
    ] {
        let c = one(text);
        assert_eq!(c.indicator.as_deref(), Some(id), "{text}: {c:#?}");
        assert_eq!(c.new_indicator, None, "{text}");
        assert!(c.confidence >= 0.8, "{text}: {}", c.confidence);
        let json = serde_json::to_value(&c).unwrap();
        assert!(json.get("new_indicator").is_none(), "left out when absent");
    }
    // A deadline of three years is not a count of years in the name.
    assert_eq!(
        one("三年内,全市学前三年毛入园率达到95%。").indicator.as_deref(),
        Some("preschool-gross-enrolment")
    );
    // Beside the primary class size, the junior one that the sentence names.
    let both = targets("到2022年,实现小学班额不超过45人,初中不超过50人。", None);
    let ids: Vec<Option<&str>> = both.iter().map(|c| c.indicator.as_deref()).collect();
    assert_eq!(ids, vec![Some("primary-class-size-cap"), Some("junior-class-size-cap")]);
}

#[test]
fn fixture_twenty_target_plan() {
    let text = fixture("yunxi-county-plan-2025.txt");
    let extraction = Extraction::new(text.as_str(), None);
    assert_eq!(extraction.issued(), Some((2025, 2)), "the date line");
    let found = targets(&text, None);
    assert_eq!(found.len(), 20, "{found:#?}");
    assert!(found.iter().all(|c| c.target_year == Some(2027)), "{found:#?}");
    let sure: Vec<&Candidate> = found.iter().filter(|c| c.confidence >= 0.8).collect();
    assert_eq!(sure.len(), 19);
    assert!(sure.iter().all(|c| c.indicator.is_some() && c.new_indicator.is_none()));
    // The money to be spent each year names no indicator of the catalogue.
    let money = found.last().unwrap();
    assert_eq!((money.value, money.indicator.as_deref()), (Some(12_000_000.0), None));
}
