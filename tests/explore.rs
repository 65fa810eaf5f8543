//! Search and filters on the bundled dataset: script-insensitive search, numbers and years,
//! English indicator names, and the filter combinations the targets list offers.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::disallowed_methods, reason = "tests may sort freely (clippy.toml)")]

use policy_analysis::catalog::Catalog;
use policy_analysis::filter::{filter_rows, BindingChoice, SortKey, TargetFilter};
use policy_data::bundled;
use policy_data::model::Kind;

fn catalog() -> Catalog {
    Catalog::new(bundled::dataset().clone(), bundled::texts().clone())
}

fn localities(catalog: &Catalog, rows: &[usize]) -> Vec<String> {
    let mut ids: Vec<String> = rows
        .iter()
        .map(|i| catalog.document(catalog.rows[*i]).id.clone())
        .collect();
    ids.dedup();
    ids
}

#[test]
fn simplified_queries_find_traditional_text_and_back() {
    let catalog = catalog();
    for (simplified, traditional) in [("东莞", "東莞"), ("学位", "學位"), ("幼儿园", "幼兒園")] {
        let a = catalog.search_index().search(simplified);
        let b = catalog.search_index().search(traditional);
        assert_eq!(a, b, "{simplified} and {traditional} find the same");
    }
    let hits = catalog.search_index().search("學位");
    assert!(localities(&catalog, &hits.rows).contains(&"dongguan-2019".to_string()));
    assert!(hits
        .passages
        .iter()
        .any(|p| catalog.dataset.documents[p.document].document.id == "sihui-2022"));
}

#[test]
fn numbers_years_and_english_names_are_searchable() {
    let catalog = catalog();
    let caps = catalog.search_index().search("班额 45");
    let ids: Vec<&str> = caps
        .rows
        .iter()
        .map(|i| catalog.target(catalog.rows[*i]).id.as_str())
        .collect();
    assert!(ids.contains(&"panjin-2019-primary-class-size"), "{ids:?}");
    assert!(localities(&catalog, &caps.rows).contains(&"qingbaijiang-2018".to_string()));
    let english = catalog.search_index().search("class-size cap");
    assert!(english.rows.len() >= 4, "English indicator names match");
    let year = catalog.search_index().search("2025");
    assert!(year.rows.iter().all(|i| {
        let t = catalog.target(catalog.rows[*i]);
        t.target_year == Some(2025)
            || t.quote.contains("2025")
            || t.summary.en.contains("2025")
            || t.summary.zh.contains("2025")
            || t.note
                .as_ref()
                .is_some_and(|n| n.zh.contains("2025") || n.en.contains("2025"))
            || t.id.contains("2025")
            || t.deadline_text.as_deref().unwrap_or("").contains("2025")
    }));
    assert!(
        catalog.search_index().search("   ").rows.is_empty(),
        "an empty query finds nothing"
    );
}

#[test]
fn filters_combine_and_sort() {
    let catalog = catalog();
    let all = 0..catalog.rows.len();
    let filter = TargetFilter {
        localities: ["dongguan-2019".to_string(), "panjin-2019".to_string()].into(),
        themes: ["preschool".to_string()].into(),
        ..Default::default()
    };
    let rows = filter_rows(&catalog, all.clone(), &filter, SortKey::Year);
    assert!(rows.len() >= 4);
    for i in &rows {
        let row = catalog.rows[*i];
        assert!(["dongguan-2019", "panjin-2019"].contains(&catalog.document(row).id.as_str()));
        assert_eq!(catalog.target(row).theme, "preschool");
    }
    let years: Vec<Option<u16>> = rows
        .iter()
        .map(|i| catalog.target(catalog.rows[*i]).target_year)
        .collect();
    let mut sorted = years.clone();
    sorted.sort_by_key(|y| (y.is_none(), *y));
    assert_eq!(years, sorted, "sorted by year, undated last");

    let binding = TargetFilter {
        bindings: [BindingChoice::Binding].into(),
        ..Default::default()
    };
    let rows = filter_rows(&catalog, all.clone(), &binding, SortKey::Document);
    assert!(!rows.is_empty());
    assert_eq!(
        localities(&catalog, &rows),
        ["sihui-2022"],
        "only Sihui marks 约束性 targets"
    );

    let ranged = TargetFilter {
        year_from: Some(2021),
        year_to: Some(2022),
        kinds: [Kind::Quantitative].into(),
        ..Default::default()
    };
    for i in filter_rows(&catalog, all.clone(), &ranged, SortKey::Document) {
        let t = catalog.target(catalog.rows[i]);
        assert!(matches!(t.target_year, Some(2021..=2022)) && t.kind == Kind::Quantitative);
    }

    let responsible = TargetFilter {
        responsible: "教育局".into(),
        has_baseline: Some(false),
        ..Default::default()
    };
    let rows = filter_rows(&catalog, all, &responsible, SortKey::Document);
    assert!(!rows.is_empty());
    for i in rows {
        let t = catalog.target(catalog.rows[i]);
        assert!(t.baseline.is_none() && t.responsible.iter().any(|r| r.contains("教育局")));
    }
}
