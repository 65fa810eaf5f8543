//! The review model on a fictional county plan (tests/fixtures/qinghe-county-2024.txt), not one of
//! the five curated documents: accepting, editing, adding a sentence, and the file it builds passing
//! `dataset_file::open` against the bundled data.

use super::*;
use policy_data::bundled;
use policy_data::dataset_file;
use policy_data::lang::Lang;
use policy_extract::extract;

const QINGHE: &str = include_str!("../../../tests/fixtures/qinghe-county-2024.txt");

fn catalogue() -> Catalogue {
    let dataset = bundled::dataset();
    Catalogue::new(&dataset.indicators, &dataset.themes)
}

fn review_of(text: &str) -> Review {
    let candidates = extract(text, None, &catalogue());
    Review::new(text, None, candidates)
}

fn index_of(review: &Review, value: &str) -> usize {
    review
        .items
        .iter()
        .position(|i| i.fields.value == value)
        .unwrap_or_else(|| panic!("no item with value {value}: {:#?}", review.items))
}

fn filled(mut review: Review) -> Review {
    review.set_meta(MetaField::LocalityEn, "Qinghe County".into());
    review
}

#[test]
fn metadata_is_guessed_from_the_text() {
    let review = review_of(QINGHE);
    let meta = &review.meta;
    assert_eq!(meta.issuer, "清河县人民政府办公室");
    assert_eq!(meta.locality_zh, "清河");
    assert_eq!(meta.doc_number, "清政办发〔2024〕8号");
    assert_eq!(meta.issued, "2024-03-15");
    assert_eq!(meta.period_end, "2026");
    assert_eq!(meta.period_start, "2024");
    assert_eq!(meta.locality_en, "Qinghe");
    assert_eq!(meta.guessed(MetaField::Issuer), Some(Guessed::IssuerLine));
    assert_eq!(meta.guessed(MetaField::LocalityZh), Some(Guessed::IssuerName));
    assert_eq!(meta.guessed(MetaField::LocalityEn), Some(Guessed::Romanised));
    assert_eq!(meta.guessed(MetaField::Issued), Some(Guessed::DateLine));
    assert_eq!(meta.guessed(MetaField::PeriodStart), Some(Guessed::TitlePeriod));
    assert_eq!(meta.guessed(MetaField::PeriodEnd), Some(Guessed::TitlePeriod));
    assert_eq!(meta.guessed(MetaField::DocNumber), Some(Guessed::NumberLine));
    assert_eq!(meta.guessed(MetaField::Published), None);
    assert!(
        meta.title.contains("清河县基础教育提质扩容三年行动计划"),
        "{}",
        meta.title
    );
    assert!(review.items.len() >= 5, "{:#?}", review.items);
    assert!(review.items.iter().all(|i| i.decision == Decision::Open));
    // 2023年学前三年毛入园率已达到88.5% is an actual value, never proposed.
    assert!(review.items.iter().all(|i| i.fields.value != "88.5"));
}

#[test]
fn the_reviewed_file_opens_against_the_bundled_data() {
    let mut review = filled(review_of(QINGHE));
    let enrolment = index_of(&review, "92");
    review.decide(enrolment, Decision::Accepted);
    let class = index_of(&review, "45");
    review.edit(class, Edit::ScopeZh("小学".into()));
    review.edit(class, Edit::ScopeEn("primary schools".into()));
    let high = index_of(&review, "93");
    review.decide(high, Decision::Rejected);
    let file = build(&review, bundled::dataset()).unwrap_or_else(|p| panic!("{p:#?}"));
    let entry = &file.documents[0];
    assert_eq!(entry.document.id, "qinghe-county-2024");
    assert_eq!(entry.document.doc_number.as_deref(), Some("清政办发〔2024〕8号"));
    let ids: Vec<&str> = entry.targets.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["qinghe-county-2024-1", "qinghe-county-2024-2"]);
    let first = &entry.targets[0];
    assert_eq!(first.indicator, "preschool-gross-enrolment");
    assert_eq!(first.target_year, Some(2026));
    assert!(
        first.summary.zh.contains("清河") && first.summary.zh.contains("92%"),
        "{:?}",
        first.summary
    );
    assert!(first.summary.en.contains("Qinghe County") && first.summary.en.contains("by 2026"));
    assert!(first.note.as_ref().unwrap().en.contains("extractor"));
    assert_eq!(entry.targets[1].scope.as_ref().unwrap().en, "primary schools");
    assert!(entry.targets[1].note.as_ref().unwrap().zh.contains("修改"));
    let json = file.to_json();
    let opened = dataset_file::open("qinghe.json", json.as_bytes(), bundled::dataset())
        .unwrap_or_else(|e| panic!("{:#?}", e.iter().map(|e| e.describe(Lang::En)).collect::<Vec<_>>()));
    assert_eq!(opened.documents[0].targets.len(), 2);
}

#[test]
fn an_added_sentence_is_read_and_accepted() {
    let mut review = filled(review_of(QINGHE));
    let sentence = "新建、改扩建幼儿园6所";
    let start = QINGHE.find(sentence).unwrap();
    // Selections often carry white space; it is trimmed.
    let at = review.add(start - 1..start + sentence.len(), &catalogue()).unwrap();
    let item = &review.items[at];
    assert_eq!(&QINGHE[item.range.clone()], sentence.trim());
    assert!(item.candidate.is_none() && item.decision == Decision::Accepted);
    assert_eq!(
        review.add(start..start + sentence.len(), &catalogue()),
        Err(ReviewProblem::SelectionListed)
    );
    assert_eq!(review.add(3..3, &catalogue()), Err(ReviewProblem::SelectionEmpty));
    assert_eq!(
        review.add(1..2, &catalogue()),
        Err(ReviewProblem::SelectionEmpty),
        "inside a character"
    );
    // Items stay in the text's order.
    assert!(review.items.windows(2).all(|w| w[0].range.start <= w[1].range.start));
}

#[test]
fn unreadable_fields_are_every_problem_at_once() {
    let mut review = review_of(QINGHE);
    // The English locality is guessed now (Qinghe): the visitor empties it.
    review.set_meta(MetaField::LocalityEn, String::new());
    review.set_meta(MetaField::Issued, "2024/3/15".into());
    review.set_meta(MetaField::PeriodStart, "2030".into());
    let first = index_of(&review, "92");
    review.edit(first, Edit::Value("93.7".into()));
    review.edit(first, Edit::Year("3000".into()));
    review.edit(first, Edit::ScopeEn("kindergartens".into()));
    let second = index_of(&review, "55");
    review.edit(second, Edit::Indicator(String::new()));
    let problems = build(&review, bundled::dataset()).unwrap_err();
    let n = first + 1;
    for expected in [
        ReviewProblem::MetaMissing {
            field: "locality (English)",
        },
        ReviewProblem::BadDate {
            field: "issued",
            text: "2024/3/15".into(),
        },
        ReviewProblem::BadPeriod,
        ReviewProblem::ValueNotInQuote { n, text: "93.7".into() },
        ReviewProblem::BadYear { n, text: "3000".into() },
        ReviewProblem::ScopeHalf { n },
        ReviewProblem::NoIndicator { n: second + 1 },
    ] {
        assert!(problems.contains(&expected), "{expected:?} in {problems:#?}");
    }
    let none = filled(review_of(QINGHE));
    assert_eq!(
        build(&none, bundled::dataset()).unwrap_err(),
        vec![ReviewProblem::NothingAccepted]
    );
}

#[test]
fn a_value_removed_makes_a_milestone_and_ids_do_not_clash() {
    let mut review = filled(review_of(QINGHE));
    let first = index_of(&review, "92");
    review.edit(first, Edit::Value(String::new()));
    let mut loaded = bundled::dataset().clone();
    let file = build(&review, &loaded).unwrap();
    let target = &file.documents[0].targets[0];
    assert_eq!(
        (target.kind, target.value, target.comparator),
        (Kind::Milestone, None, Comparator::None)
    );
    // The same document opened twice gets another id.
    loaded.documents.extend(file.documents.iter().cloned());
    let again = build(&review, &loaded).unwrap();
    assert_eq!(again.documents[0].document.id, "qinghe-county-2024-2");
}

#[test]
fn a_text_without_targets_has_no_items() {
    let review = review_of("今天天气很好。我们去公园散步。");
    assert!(review.items.is_empty());
}

#[test]
fn work_counts_what_the_visitor_decided_edited_or_added() {
    let mut review = review_of(QINGHE);
    assert_eq!(review.work(), 0, "a fresh review holds no work");
    let first = index_of(&review, "92");
    review.decide(first, Decision::Rejected);
    assert_eq!(review.work(), 1);
    review.decide(first, Decision::Open);
    assert_eq!(review.work(), 0, "undecided again");
    let second = index_of(&review, "45");
    review.edit(second, Edit::ScopeEn("primary schools".into()));
    review.decide(second, Decision::Open);
    assert_eq!(review.work(), 1, "an edit counts even when left open");
}

#[test]
fn a_field_the_visitor_changes_is_no_longer_a_guess() {
    let mut review = review_of(QINGHE);
    review.set_meta(MetaField::LocalityEn, "Qinghe".into());
    assert_eq!(review.meta.guessed(MetaField::LocalityEn), Some(Guessed::Romanised));
    review.set_meta(MetaField::LocalityEn, "Qinghe County".into());
    assert_eq!(review.meta.guessed(MetaField::LocalityEn), None);
    assert_eq!(review.meta.locality_en, "Qinghe County");
    assert_eq!(review.meta.guessed(MetaField::Issuer), Some(Guessed::IssuerLine));
}

#[test]
fn metadata_from_a_title_line_and_a_traditional_signature() {
    let text = "東莞市人民政府關於進一步加快教育現代化發展的若干意見\n\
        東府〔2019〕115號\n\
        各鎮人民政府（街道辦事處），市府直屬各單位：\n\
        到2022年，全市學前教育毛入園率達到98%。";
    let meta = Metadata::guess(text, None, &[]);
    assert_eq!(meta.issuer, "東莞市人民政府");
    assert_eq!(meta.guessed(MetaField::Issuer), Some(Guessed::TitleWords));
    assert_eq!(meta.locality_zh, "東莞");
    assert_eq!(meta.locality_en, "Dongguan");
    assert_eq!(meta.issued, "2019-01-01");
    assert_eq!(meta.guessed(MetaField::Issued), Some(Guessed::NumberYear));
    // No period in the title or the text, and no targets: none guessed.
    assert_eq!((meta.period_start.as_str(), meta.period_end.as_str()), ("", ""));
}

#[test]
fn the_period_from_the_targets_never_ends_where_it_starts() {
    let text = "盘锦市人民政府办公室\n2010年5月30日\n到2010年，学前三年毛入园率达到85%。\n到2012年，巩固率达到95%。";
    let candidates = extract(text, None, &catalogue());
    let years: Vec<_> = candidates
        .iter()
        .filter(|c| c.kind.is_target())
        .filter_map(|c| c.target_year)
        .collect();
    assert!(years.contains(&2012), "{candidates:#?}");
    let meta = Metadata::guess(text, None, &candidates);
    assert_eq!((meta.period_start.as_str(), meta.period_end.as_str()), ("2010", "2012"));
    assert_eq!(meta.guessed(MetaField::PeriodStart), Some(Guessed::TargetYears));
    let same_year: Vec<_> = candidates.into_iter().filter(|c| c.target_year != Some(2012)).collect();
    let meta = Metadata::guess(text, None, &same_year);
    assert_eq!((meta.period_start.as_str(), meta.period_end.as_str()), ("", ""));
    assert_eq!(meta.guessed(MetaField::PeriodStart), None);
    // No issuer line: no issuer and no locality guessed.
    let meta = Metadata::guess("到2025年，毛入园率达到90%。", None, &[]);
    assert_eq!(
        (
            meta.issuer.as_str(),
            meta.locality_zh.as_str(),
            meta.locality_en.as_str()
        ),
        ("", "", "")
    );
    assert!(meta.guessed.is_empty(), "{:?}", meta.guessed);
}

/// A fictional plan of 20 targets (issue 24's journey): accepted by confidence, one year fixed,
/// built and opened without anything else typed.
#[test]
fn a_twenty_target_plan_accepted_by_confidence_opens() {
    const YUNXI: &str = include_str!("../../../tests/fixtures/yunxi-county-plan-2025.txt");
    let mut review = review_of(YUNXI);
    assert_eq!(review.items.len(), 20, "{:#?}", review.items);
    assert_eq!(
        (review.meta.locality_zh.as_str(), review.meta.locality_en.as_str()),
        ("云溪", "Yunxi")
    );
    let done = review.accept_all(crate::Selection::AtLeast(crate::Level::High));
    assert_eq!((done.replaced.len(), done.skipped), (19, 0));
    let screening = index_of(&review, "100");
    review.edit(screening, Edit::Year("2026".into()));
    let file = build(&review, bundled::dataset()).unwrap_or_else(|p| panic!("{p:#?}"));
    let targets = &file.documents[0].targets;
    assert_eq!(targets.len(), 19);
    assert!(targets.iter().any(|t| t.target_year == Some(2026)));
    dataset_file::open("yunxi.json", file.to_json().as_bytes(), bundled::dataset())
        .unwrap_or_else(|e| panic!("{:#?}", e.iter().map(|e| e.describe(Lang::En)).collect::<Vec<_>>()));
}

mod new_indicator;
