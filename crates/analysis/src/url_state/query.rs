//! The state as a query string and back: defaults are left out, and any string parses without
//! panicking, each ignored piece reported as a [`Notice`].

use std::collections::BTreeSet;

use policy_data::model::Kind;

use super::super::filter::{BindingChoice, SortKey};
use super::super::ordering;
use super::codes::{
    binding_code, binding_from, is_id, kind_code, kind_from, sort_code, sort_from, year, MAX_EVALUATION_TEXT, MAX_TEXT,
};
use super::{Lang, Notice, UrlState, View};

impl UrlState {
    /// The query string (without '?') for this state; defaults are left out.
    pub fn to_query(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        let list = |set: &mut dyn Iterator<Item = String>| set.collect::<Vec<_>>().join(",");
        if self.view != View::Home {
            out.append_pair("v", self.view.code());
        }
        if self.lang != Lang::Zh {
            out.append_pair("lang", self.lang.code());
        }
        if !self.query.is_empty() {
            out.append_pair("q", &self.query);
        }
        let f = &self.filter;
        if !f.localities.is_empty() {
            out.append_pair("loc", &list(&mut f.localities.iter().cloned()));
        }
        if !f.themes.is_empty() {
            out.append_pair("theme", &list(&mut f.themes.iter().cloned()));
        }
        if !f.kinds.is_empty() {
            out.append_pair("kind", &list(&mut f.kinds.iter().map(|k| kind_code(*k).to_string())));
        }
        if !f.bindings.is_empty() {
            out.append_pair(
                "bind",
                &list(&mut f.bindings.iter().map(|b| binding_code(*b).to_string())),
            );
        }
        if let Some(y) = f.year_from {
            out.append_pair("from", &y.to_string());
        }
        if let Some(y) = f.year_to {
            out.append_pair("to", &y.to_string());
        }
        if !f.responsible.is_empty() {
            out.append_pair("resp", &f.responsible);
        }
        if let Some(b) = f.has_baseline {
            out.append_pair("base", if b { "1" } else { "0" });
        }
        if self.sort != SortKey::Document {
            out.append_pair("sort", sort_code(self.sort));
        }
        if let Some(t) = &self.target {
            out.append_pair("t", t);
        }
        if let Some(d) = &self.document {
            out.append_pair("doc", d);
        }
        if !self.compare.is_empty() {
            out.append_pair("cmp", &self.compare.join(","));
        }
        if let Some(i) = &self.indicator {
            out.append_pair("ind", i);
        }
        let e = &self.evaluation;
        for (key, value) in [
            ("at", &e.date),
            ("cur", &e.current),
            ("bv", &e.baseline_value),
            ("by", &e.baseline_year),
        ] {
            if !value.is_empty() {
                out.append_pair(key, value);
            }
        }
        if self.embed {
            out.append_pair("embed", "1");
        }
        out.finish()
    }

    /// Reads a query string (with or without the leading '?'). Never panics; whatever is not
    /// understood is skipped and reported.
    pub fn parse(query: &str) -> (UrlState, Vec<Notice>) {
        let mut state = UrlState::default();
        let mut notices = Vec::new();
        let query = query.strip_prefix('?').unwrap_or(query);
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            let (key, value) = (key.into_owned(), value.into_owned());
            let mut ok = true;
            let ids = |ok: &mut bool| -> Vec<String> {
                let parts: Vec<String> = value.split(',').filter(|p| !p.is_empty()).map(str::to_string).collect();
                let (good, bad): (Vec<String>, Vec<String>) = parts.into_iter().partition(|p| is_id(p));
                *ok &= bad.is_empty();
                good
            };
            match key.as_str() {
                "v" => match View::from_code(&value) {
                    Some(v) => state.view = v,
                    None => ok = false,
                },
                "lang" => match Lang::from_code(&value) {
                    Some(l) => state.lang = l,
                    None => ok = false,
                },
                "q" => state.query = value.chars().take(MAX_TEXT).collect(),
                "loc" => state.filter.localities = ordering::set_of(ids(&mut ok)),
                "theme" => state.filter.themes = ordering::set_of(ids(&mut ok)),
                "kind" => {
                    let codes: Vec<&str> = value.split(',').filter(|p| !p.is_empty()).collect();
                    let kinds: BTreeSet<Kind> = ordering::set_of(codes.iter().filter_map(|c| kind_from(c)));
                    ok = kinds.len() == codes.len();
                    state.filter.kinds = kinds;
                }
                "bind" => {
                    let codes: Vec<&str> = value.split(',').filter(|p| !p.is_empty()).collect();
                    let bindings: BTreeSet<BindingChoice> =
                        ordering::set_of(codes.iter().filter_map(|c| binding_from(c)));
                    ok = bindings.len() == codes.len();
                    state.filter.bindings = bindings;
                }
                "from" => match year(&value) {
                    Some(y) => state.filter.year_from = Some(y),
                    None => ok = false,
                },
                "to" => match year(&value) {
                    Some(y) => state.filter.year_to = Some(y),
                    None => ok = false,
                },
                "resp" => state.filter.responsible = value.chars().take(MAX_TEXT).collect(),
                "base" => match value.as_str() {
                    "1" => state.filter.has_baseline = Some(true),
                    "0" => state.filter.has_baseline = Some(false),
                    _ => ok = false,
                },
                "sort" => match sort_from(&value) {
                    Some(s) => state.sort = s,
                    None => ok = false,
                },
                "t" if is_id(&value) => state.target = Some(value.clone()),
                "doc" if is_id(&value) => state.document = Some(value.clone()),
                "ind" if is_id(&value) => state.indicator = Some(value.clone()),
                "cmp" => state.compare = ids(&mut ok),
                "at" | "cur" | "bv" | "by" => {
                    let text: String = value.chars().take(MAX_EVALUATION_TEXT).collect();
                    let e = &mut state.evaluation;
                    match key.as_str() {
                        "at" => e.date = text,
                        "cur" => e.current = text,
                        "bv" => e.baseline_value = text,
                        _ => e.baseline_year = text,
                    }
                }
                "embed" => state.embed = value == "1",
                _ => ok = false,
            }
            if !ok {
                notices.push(Notice {
                    key,
                    value: value.chars().take(60).collect(),
                });
            }
        }
        state.filter.order_years();
        (state, notices)
    }
}

/// True when `query` names a language the app knows (`lang=en`), which then wins over a saved one.
pub(super) fn names_lang(query: &str) -> bool {
    let query = query.strip_prefix('?').unwrap_or(query);
    form_urlencoded::parse(query.as_bytes()).any(|(key, value)| key == "lang" && Lang::from_code(&value).is_some())
}

#[cfg(test)]
mod tests {
    use super::super::*;
    use policy_data::model::Kind;

    #[test]
    fn only_home_starts_without_the_targets() {
        let needs = |query: &str| UrlState::parse(query).0.needs_targets();
        assert!(!needs(""), "home");
        assert!(!needs("lang=en"), "home in English");
        assert!(needs("v=targets"));
        assert!(needs("v=compare"));
        assert!(needs("v=analyse"), "the analysis reads with the catalogue's indicators");
        assert!(needs("embed=1"), "an embed shows targets");
        assert!(
            needs("q=班额"),
            "a home link with a search keeps it for the targets list"
        );
    }

    #[test]
    fn default_state_is_an_empty_query() {
        assert_eq!(UrlState::default().to_query(), "");
        assert_eq!(UrlState::parse(""), (UrlState::default(), vec![]));
    }

    #[test]
    fn a_full_state_round_trips() {
        let mut state = UrlState {
            view: View::Targets,
            lang: Lang::En,
            query: "班额 45".into(),
            ..Default::default()
        };
        state.filter.localities = ["panjin-2019".to_string(), "qingbaijiang-2018".to_string()].into();
        state.filter.kinds = [Kind::Quantitative].into();
        state.filter.year_from = Some(2019);
        state.filter.responsible = "市教育局".into();
        state.target = Some("panjin-2019-primary-class-size".into());
        state.evaluation.current = "82,5%".into();
        let (back, notices) = UrlState::parse(&state.to_query());
        assert_eq!(back, state);
        assert!(notices.is_empty());
    }

    #[test]
    fn unknown_and_malformed_parameters_are_reported_and_ignored() {
        let (state, notices) = UrlState::parse("?v=nowhere&lang=fr&from=abc&zzz=1&t=<script>&q=ok");
        assert_eq!(state.query, "ok");
        assert_eq!(state.view, View::Home);
        let keys: Vec<&str> = notices.iter().map(|n| n.key.as_str()).collect();
        assert_eq!(keys, ["v", "lang", "from", "zzz", "t"]);
    }
}
