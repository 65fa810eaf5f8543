//! Checking a parsed state against the dataset: ids it does not know are dropped, each reported as
//! a [`Notice`], so a link to a removed target or a mistyped locality still opens a sensible view.

use super::super::catalog::Catalog;
use super::{Notice, UrlState};

impl UrlState {
    /// Parses `query` and resolves it against `catalog`: what a link opens.
    pub fn read(query: &str, catalog: &Catalog) -> (UrlState, Vec<Notice>) {
        let (state, mut notices) = UrlState::parse(query);
        let (state, dropped) = state.resolve(catalog);
        notices.extend(dropped);
        (state, notices)
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
    fn known_ids_are_kept() {
        let query = "v=doc&doc=sihui-2022&t=panjin-2019-primary-class-size&theme=preschool";
        let (state, notices) = UrlState::read(query, &catalog());
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(state.document.as_deref(), Some("sihui-2022"));
        assert_eq!(state.target.as_deref(), Some("panjin-2019-primary-class-size"));
    }
}
