//! Property tests of the URL state: any state survives a trip through the URL unchanged, and any
//! string at all parses into some state without panicking.
#![cfg(not(target_arch = "wasm32"))]

use policy_explorer::analysis::filter::{BindingChoice, SortKey, TargetFilter};
use policy_explorer::analysis::url_state::{EvaluationFields, Lang, UrlState, View};
use policy_explorer::data::model::Kind;
use proptest::prelude::*;

fn id() -> impl Strategy<Value = String> {
    "[a-z0-9][a-z0-9_-]{0,30}"
}

fn text() -> impl Strategy<Value = String> {
    // Any printable text, including Chinese, '&', '=', '%', '+', '#' and spaces (no leading/trailing trim issues).
    proptest::collection::vec(
        prop_oneof![
            any::<char>().prop_filter("printable", |c| !c.is_control()),
            Just('学'),
            Just('&'),
            Just('=')
        ],
        0..30,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

fn state() -> impl Strategy<Value = UrlState> {
    let view = prop::sample::select(View::ALL.to_vec());
    let lang = prop::sample::select(vec![Lang::Zh, Lang::En]);
    let kinds = prop::collection::btree_set(
        prop::sample::select(vec![
            Kind::Quantitative,
            Kind::Standard,
            Kind::Milestone,
            Kind::Projection,
        ]),
        0..4,
    );
    let bindings = prop::collection::btree_set(
        prop::sample::select(vec![
            BindingChoice::Binding,
            BindingChoice::Expected,
            BindingChoice::Unstated,
        ]),
        0..3,
    );
    let years = (prop::option::of(2000u16..2100), prop::option::of(2000u16..2100)).prop_map(|(a, b)| match (a, b) {
        (Some(a), Some(b)) if a > b => (Some(b), Some(a)),
        other => other,
    });
    let filter = (
        prop::collection::btree_set(id(), 0..4),
        prop::collection::btree_set(id(), 0..4),
        kinds,
        bindings,
        years,
        text(),
        prop::option::of(any::<bool>()),
    )
        .prop_map(
            |(localities, themes, kinds, bindings, (year_from, year_to), responsible, has_baseline)| TargetFilter {
                localities,
                themes,
                kinds,
                bindings,
                year_from,
                year_to,
                responsible,
                has_baseline,
            },
        );
    let sort = prop::sample::select(vec![
        SortKey::Document,
        SortKey::Year,
        SortKey::Locality,
        SortKey::Value,
    ]);
    let short = || "[0-9a-z.%-]{0,12}";
    let evaluation = (short(), short(), short(), short()).prop_map(|(date, current, baseline_value, baseline_year)| {
        EvaluationFields {
            date,
            current,
            baseline_value,
            baseline_year,
        }
    });
    (
        (view, lang, text(), filter, sort),
        (
            prop::option::of(id()),
            prop::option::of(id()),
            prop::collection::vec(id(), 0..5),
            prop::option::of(id()),
        ),
        (evaluation, any::<bool>()),
    )
        .prop_map(
            |((view, lang, query, filter, sort), (target, document, compare, indicator), (evaluation, embed))| {
                UrlState {
                    view,
                    lang,
                    query,
                    filter,
                    sort,
                    target,
                    document,
                    compare,
                    indicator,
                    evaluation,
                    embed,
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    #[test]
    fn any_state_round_trips_through_the_url(state in state()) {
        let (back, notices) = UrlState::parse(&state.to_query());
        prop_assert!(notices.is_empty(), "{notices:?}");
        prop_assert_eq!(back, state);
    }

    #[test]
    fn any_string_parses_without_panicking(query in ".{0,200}") {
        let (state, _) = UrlState::parse(&query);
        // Whatever was understood survives a second trip.
        let (again, notices) = UrlState::parse(&state.to_query());
        prop_assert!(notices.is_empty());
        prop_assert_eq!(again, state);
    }
}
