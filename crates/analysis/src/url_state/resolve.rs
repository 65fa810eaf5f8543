//! Checking a parsed state against the dataset: ids it does not know are dropped, each reported as
//! a [`Notice`], so a link to a removed target or a mistyped locality still opens a sensible view;
//! and what a link opens on ([`UrlState::open`]: in the saved language when it names none).

use super::super::catalog::Catalog;
use super::query::names_lang;
use super::{Action, Lang, Notice, UrlState};

impl UrlState {
    /// Parses `query` and resolves it against `catalog`: what a link opens.
    pub fn read(query: &str, catalog: &Catalog) -> (UrlState, Vec<Notice>) {
        let (state, mut notices) = UrlState::parse(query);
        let (state, dropped) = state.resolve(catalog);
        notices.extend(dropped);
        (state, notices)
    }

    /// What the page opens on: [`UrlState::read`], in the `saved` language (an earlier visit's)
    /// when the link names none the app knows. A link's own language always wins.
    pub fn open(query: &str, saved: Option<Lang>, catalog: &Catalog) -> (UrlState, Vec<Notice>) {
        let (state, notices) = UrlState::read(query, catalog);
        match saved {
            Some(lang) if !names_lang(query) => (state.apply(Action::SetLang(lang), catalog), notices),
            _ => (state, notices),
        }
    }

    /// Drops the ids `catalog` does not know (localities, themes, target, document, indicator,
    /// compared documents), with a notice for each.
    pub fn resolve(mut self, catalog: &Catalog) -> (UrlState, Vec<Notice>) {
        let mut notices = Vec::new();
        let mut drop = |key: &str, value: &str| {
            notices.push(Notice {
                key: key.into(),
                value: value.into(),
            })
        };
        let known_doc = |id: &str| catalog.document_by_id(id).is_some();
        let localities = std::mem::take(&mut self.filter.localities);
        for id in localities {
            if known_doc(&id) {
                self.filter.localities.insert(id);
            } else {
                drop("loc", &id);
            }
        }
        let themes = std::mem::take(&mut self.filter.themes);
        for id in themes {
            if catalog.theme(&id).is_some() {
                self.filter.themes.insert(id);
            } else {
                drop("theme", &id);
            }
        }
        if let Some(id) = self.target.take() {
            match catalog.row_of(&id) {
                Some(_) => self.target = Some(id),
                None => drop("t", &id),
            }
        }
        if let Some(id) = self.document.take() {
            match known_doc(&id) {
                true => self.document = Some(id),
                false => drop("doc", &id),
            }
        }
        if let Some(id) = self.indicator.take() {
            match catalog.indicator(&id) {
                Some(_) => self.indicator = Some(id),
                None => drop("ind", &id),
            }
        }
        let compare = std::mem::take(&mut self.compare);
        for id in compare {
            match known_doc(&id) {
                true => self.compare.push(id),
                false => drop("cmp", &id),
            }
        }
        (self, notices)
    }
}

#[cfg(test)]
mod tests {
    use super::super::View;
    use super::*;
    use policy_data::bundled;

    fn catalog() -> Catalog {
        Catalog::new(bundled::dataset().clone(), Default::default())
    }

    #[test]
    fn unknown_ids_are_dropped_each_with_a_notice() {
        let (state, notices) = UrlState::read(
            "v=compare&loc=panjin-2019,atlantis&theme=nowhere&t=no-such-target&doc=gone&ind=x&cmp=sihui-2022,mars",
            &catalog(),
        );
        assert_eq!(state.view, View::Compare);
        assert_eq!(state.filter.localities, ["panjin-2019".to_string()].into());
        assert!(state.filter.themes.is_empty());
        assert_eq!((state.target, state.document, state.indicator), (None, None, None));
        assert_eq!(state.compare, ["sihui-2022"]);
        let dropped: Vec<(&str, &str)> = notices.iter().map(|n| (n.key.as_str(), n.value.as_str())).collect();
        assert_eq!(
            dropped,
            [
                ("loc", "atlantis"),
                ("theme", "nowhere"),
                ("t", "no-such-target"),
                ("doc", "gone"),
                ("ind", "x"),
                ("cmp", "mars")
            ]
        );
    }

    #[test]
    fn a_link_without_a_language_opens_in_the_saved_one() {
        let catalog = catalog();
        let open = |query: &str, saved: Option<Lang>| UrlState::open(query, saved, &catalog).0;
        // The link names none: the saved language, and the rest of the link as `read` gives it.
        let saved = open("v=targets&q=%E7%8F%AD%E9%A2%9D", Some(Lang::En));
        assert_eq!(saved.lang, Lang::En);
        assert_eq!(
            UrlState {
                lang: Lang::Zh,
                ..saved
            },
            UrlState::read("v=targets&q=%E7%8F%AD%E9%A2%9D", &catalog).0
        );
        assert_eq!(open("?v=doc", Some(Lang::En)).lang, Lang::En);
        assert_eq!(open("", None).lang, Lang::Zh, "nothing saved: the default");
        // The link's own language wins, either way round.
        assert_eq!(open("lang=zh", Some(Lang::En)).lang, Lang::Zh);
        assert_eq!(open("?v=home&lang=en", Some(Lang::Zh)).lang, Lang::En);
        assert_eq!(open("lang=en", None).lang, Lang::En);
        // Only a `lang` parameter counts, not the letters elsewhere in the link; one the app does
        // not know names none (and is reported).
        assert_eq!(open("xlang=zh", Some(Lang::En)).lang, Lang::En);
        assert_eq!(open("q=lang%3Dzh", Some(Lang::En)).lang, Lang::En);
        let (unknown, notices) = UrlState::open("lang=fr", Some(Lang::En), &catalog);
        assert_eq!(unknown.lang, Lang::En);
        assert_eq!(notices[0].key, "lang");
    }

    #[test]
    fn known_ids_are_kept() {
        let query = "v=doc&doc=sihui-2022&t=panjin-2019-primary-class-size&theme=preschool";
        let (state, notices) = UrlState::read(query, &catalog());
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(state.document.as_deref(), Some("sihui-2022"));
        assert_eq!(state.target.as_deref(), Some("panjin-2019-primary-class-size"));
    }
}
