//! Property tests of the URL state: any state survives a trip through the URL unchanged, and any
//! string at all parses into some state without panicking.
#![cfg(not(target_arch = "wasm32"))]

use policy_analysis::filter::{BindingChoice, SortKey, TargetFilter};
use policy_analysis::url_state::{EvaluationFields, Lang, UrlState, View};
use policy_data::model::Kind;
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

mod transitions {
    //! Every state a visitor's action leads to survives the URL: `apply`, then `to_query`, `parse`
    //! and `resolve` give back the same state, from any state a link can open.

    use std::rc::Rc;

    use policy_analysis::catalog::Catalog;
    use policy_analysis::filter::{BindingChoice, SortKey};
    use policy_analysis::progress::Field;
    use policy_analysis::url_state::{Action, FilterChange, Lang, UrlState, View};
    use policy_data::bundled;
    use policy_data::model::Kind;
    use proptest::prelude::*;

    thread_local! {
        static CATALOG: Rc<Catalog> = Rc::new(Catalog::new(bundled::dataset().clone(), Default::default()));
    }

    fn catalog() -> Rc<Catalog> {
        CATALOG.with(Rc::clone)
    }

    /// Ids of the data, and some it does not have.
    fn ids(known: Vec<String>) -> impl Strategy<Value = String> {
        prop_oneof![4 => prop::sample::select(known), 1 => "[a-z]{1,8}"]
    }

    fn document_id() -> impl Strategy<Value = String> {
        ids(bundled::dataset()
            .documents
            .iter()
            .map(|e| e.document.id.clone())
            .collect())
    }

    fn target_id() -> impl Strategy<Value = String> {
        let targets = bundled::dataset()
            .documents
            .iter()
            .flat_map(|e| e.targets.iter().map(|t| t.id.clone()));
        ids(targets.collect())
    }

    fn theme_id() -> impl Strategy<Value = String> {
        ids(bundled::dataset().themes.iter().map(|t| t.id.clone()).collect())
    }

    fn indicator_id() -> impl Strategy<Value = String> {
        ids(bundled::dataset().indicators.iter().map(|i| i.id.clone()).collect())
    }

    fn filter_change() -> impl Strategy<Value = FilterChange> {
        prop_oneof![
            document_id().prop_map(FilterChange::Locality),
            theme_id().prop_map(FilterChange::Theme),
            prop::sample::select(vec![
                Kind::Quantitative,
                Kind::Standard,
                Kind::Milestone,
                Kind::Projection
            ])
            .prop_map(FilterChange::Kind),
            prop::sample::select(vec![
                BindingChoice::Binding,
                BindingChoice::Expected,
                BindingChoice::Unstated
            ])
            .prop_map(FilterChange::Binding),
            prop::option::of(any::<u16>()).prop_map(FilterChange::YearFrom),
            prop::option::of(1990u16..2040).prop_map(FilterChange::YearTo),
            ".{0,250}".prop_map(FilterChange::Responsible),
            prop::option::of(any::<bool>()).prop_map(FilterChange::Baseline),
        ]
    }

    fn action() -> impl Strategy<Value = Action> {
        let field = prop::sample::select(vec![
            Field::Date,
            Field::CurrentValue,
            Field::BaselineValue,
            Field::BaselineYear,
        ]);
        prop_oneof![
            prop::sample::select(View::ALL.to_vec()).prop_map(Action::Show),
            prop::sample::select(vec![Lang::Zh, Lang::En]).prop_map(Action::SetLang),
            ".{0,250}".prop_map(Action::Search),
            filter_change().prop_map(Action::Filter),
            Just(Action::ClearFilters),
            prop::sample::select(vec![
                SortKey::Document,
                SortKey::Year,
                SortKey::Locality,
                SortKey::Value
            ])
            .prop_map(Action::Sort),
            target_id().prop_map(Action::ToggleTarget),
            target_id().prop_map(Action::SelectTarget),
            target_id().prop_map(Action::OpenTarget),
            document_id().prop_map(Action::ListDocument),
            document_id().prop_map(Action::ReadDocument),
            document_id().prop_map(Action::ReadPassage),
            target_id().prop_map(Action::ReadTarget),
            target_id().prop_map(Action::HighlightTarget),
            target_id().prop_map(Action::Evaluate),
            target_id().prop_map(Action::ChooseEvaluated),
            (field, ".{0,60}").prop_map(|(f, text)| Action::SetEvaluation(f, text)),
            document_id().prop_map(Action::ToggleCompared),
            indicator_id().prop_map(Action::ChooseIndicator),
            any::<bool>().prop_map(Action::SetEmbed),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]

        #[test]
        fn any_action_s_state_survives_the_url(start in super::state(), actions in prop::collection::vec(action(), 1..6)) {
            // A state a link can open (ids checked against the data), then a few actions.
            let catalog = catalog();
            let (mut state, _) = UrlState::read(&start.to_query(), &catalog);
            for action in actions {
                state = state.apply(action, &catalog);
                let (parsed, notices) = UrlState::parse(&state.to_query());
                prop_assert!(notices.is_empty(), "{notices:?}");
                let (back, dropped) = parsed.resolve(&catalog);
                prop_assert!(dropped.is_empty(), "{dropped:?}");
                prop_assert_eq!(&back, &state);
            }
        }
    }
}
