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
