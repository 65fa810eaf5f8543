//! New indicators in a built file, on a fictional plan (tests/fixtures/fourth-year-plan.txt) with
//! two sentences of 学前第四年毛入园率, a qualifier apart from the catalogue's 学前三年毛入园率:
//! declared once for both, with a valid id the catalogue does not hold; refused without an English
//! name; an exact catalogue match beside them unaffected.

use super::*;
use policy_data::model::{Indicator, Target};

const PLAN: &str = include_str!("../../../../tests/fixtures/fourth-year-plan.txt");
const NEW: &str = "学前第四年毛入园率";

/// The plan's review, every item accepted.
fn accepted() -> Review {
    let mut review = review_of(PLAN);
    for i in 0..review.items.len() {
        review.decide(i, Decision::Accepted);
    }
    review
}

fn new_items(review: &Review) -> Vec<usize> {
    (0..review.items.len())
        .filter(|&i| review.items[i].proposes_new())
        .collect()
}

#[test]
fn the_extractor_proposes_the_new_name_in_the_fields() {
    let review = review_of(PLAN);
    let new = new_items(&review);
    assert_eq!(new.len(), 2, "{:#?}", review.items);
    for i in new {
        let f = &review.items[i].fields;
        assert_eq!(
            (f.indicator.as_str(), f.new_zh.as_str(), f.new_en.as_str()),
            ("", NEW, "")
        );
    }
}

#[test]
fn an_empty_english_name_is_refused_naming_the_item() {
    let review = accepted();
    let new = new_items(&review);
    let problems = build(&review, bundled::dataset()).unwrap_err();
    for i in &new {
        let expected = ReviewProblem::NewIndicatorEnglish {
            n: i + 1,
            name: NEW.into(),
        };
        assert!(problems.contains(&expected), "{problems:#?}");
    }
    assert!(
        !problems.iter().any(|p| matches!(p, ReviewProblem::NoIndicator { .. })),
        "{problems:#?}"
    );
    let n = new[0] + 1;
    let zh = problems[0].message(Lang::Zh);
    let en = problems[0].message(Lang::En);
    assert!(
        zh.contains(&format!("第 {n} 项")) && zh.contains(NEW) && zh.contains("新指标英文名"),
        "{zh}"
    );
    assert!(
        en.contains(&format!("Item {n} ")) && en.contains("New indicator's English name"),
        "{en}"
    );
    // Chinese in the English name is no English name either.
    let mut review = review;
    review.edit(new[0], Edit::NewEn("第四年".into()));
    assert!(build(&review, bundled::dataset())
        .unwrap_err()
        .contains(&ReviewProblem::NewIndicatorEnglish {
            n: new[0] + 1,
            name: NEW.into()
        }));
}

#[test]
fn two_items_share_one_declared_indicator_with_a_unique_valid_id() {
    let mut review = accepted();
    let new = new_items(&review);
    // The English name typed on one item names the indicator of both.
    review.edit(
        new[1],
        Edit::NewEn("Gross enrolment rate of the fourth preschool year".into()),
    );
    let mut loaded = bundled::dataset().clone();
    let file = build(&review, &loaded).unwrap_or_else(|p| panic!("{p:#?}"));
    let declared: Vec<&Indicator> = file
        .indicators
        .iter()
        .filter(|i| !loaded.indicators.iter().any(|l| l.id == i.id))
        .collect();
    assert_eq!(declared.len(), 1, "{:#?}", file.indicators);
    let indicator = declared[0];
    let doc_id = &file.documents[0].document.id;
    assert_eq!(indicator.id, format!("{doc_id}-xue-qian-di-si-nian-mao-ru-yuan-lv"));
    assert!(policy_data::validation::is_valid_id(&indicator.id));
    assert_eq!(indicator.name.zh, NEW);
    assert_eq!(indicator.name.en, "Gross enrolment rate of the fourth preschool year");
    assert_eq!((indicator.unit.as_str(), indicator.theme.as_str()), ("%", "preschool"));
    let targets = &file.documents[0].targets;
    let of_new: Vec<&Target> = targets.iter().filter(|t| t.indicator == indicator.id).collect();
    assert_eq!(of_new.len(), 2);
    assert!(of_new
        .iter()
        .all(|t| t.unit.as_deref() == Some("%") && t.summary.zh.contains(NEW)));
    assert!(
        of_new[0].summary.en.contains("fourth preschool year"),
        "{:?}",
        of_new[0].summary
    );
    // An exact catalogue match beside them is unaffected.
    let three = index_of(&review, "92");
    assert!(!review.items[three].proposes_new());
    let t = targets.iter().find(|t| t.value == Some(92.0)).unwrap();
    assert_eq!(t.indicator, "preschool-gross-enrolment");
    assert!(file.indicators.iter().any(|i| i.id == "preschool-gross-enrolment"));
    let opened = dataset_file::open("plan.json", file.to_json().as_bytes(), &loaded)
        .unwrap_or_else(|e| panic!("{:#?}", e.iter().map(|e| e.describe(Lang::En)).collect::<Vec<_>>()));
    assert_eq!(
        opened.indicators.len(),
        1,
        "only the new indicator is added to the site"
    );

    // An id the catalogue holds already is numbered.
    let mut taken = indicator.clone();
    taken.id = format!("{doc_id}-xue-qian-di-si-nian-mao-ru-yuan-lv");
    loaded.indicators.push(taken);
    let again = build(&review, &loaded).unwrap();
    let ids: Vec<&str> = again.indicators.iter().map(|i| i.id.as_str()).collect();
    assert!(
        ids.contains(&format!("{doc_id}-xue-qian-di-si-nian-mao-ru-yuan-lv-2").as_str()),
        "{ids:?}"
    );
}

#[test]
fn two_new_names_are_two_indicators_and_a_catalogue_choice_is_not_new() {
    let mut review = accepted();
    let new = new_items(&review);
    review.edit(new[0], Edit::NewEn("Fourth-year enrolment".into()));
    review.edit(new[1], Edit::NewZh("城区学前第四年毛入园率".into()));
    review.edit(new[1], Edit::NewEn("Fourth-year enrolment in the town".into()));
    let file = build(&review, bundled::dataset()).unwrap_or_else(|p| panic!("{p:#?}"));
    let declared: Vec<&str> = file
        .indicators
        .iter()
        .filter(|i| i.name.zh.contains("第四年"))
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(declared.len(), 2, "{declared:?}");
    assert_ne!(declared[0], declared[1]);
    // Choosing a catalogue indicator drops the new one.
    review.edit(new[1], Edit::Indicator("preschool-gross-enrolment".into()));
    assert!(!review.items[new[1]].proposes_new());
    let file = build(&review, bundled::dataset()).unwrap();
    assert_eq!(
        file.indicators.iter().filter(|i| i.name.zh.contains("第四年")).count(),
        1
    );
}
