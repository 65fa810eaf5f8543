//! New indicators a built file declares: an accepted item with no catalogue indicator chosen, whose
//! indicator the extractor read as a new one (a name a qualifier apart from the catalogue's,
//! 学前第四年毛入园率 beside 学前三年毛入园率) or the visitor named, becomes a target of an indicator
//! the file declares itself. Items of one Chinese name share one indicator. Its id is the document's
//! id and the name's pinyin (`romanise::slug`), made unique against the catalogue and the file's other
//! new indicators; its English name is the visitor's (never invented: without one, the build stops
//! with [`ReviewProblem::NewIndicatorEnglish`]); its unit is the one the sentence writes (a Chinese
//! unit reads in English as a catalogue indicator of that unit reads it), its theme the one the
//! extractor gave it (the nearest catalogue indicator's).

use super::romanise;
use super::{Decision, Item, ReviewProblem};
use policy_data::model::{Better, Bilingual, Dataset, Indicator};
use policy_data::validation::{has_han, MAX_ID_LEN};

/// True when `item` proposes a new indicator: no catalogue indicator chosen, and a new one named
/// by the extractor or the visitor.
pub(crate) fn proposes(item: &Item) -> bool {
    item.fields.indicator.trim().is_empty()
        && (item.candidate.as_ref().is_some_and(|c| c.new_indicator.is_some()) || !item.fields.new_zh.trim().is_empty())
}

/// The new indicators of the accepted `items` (each with its index in the review), one per Chinese
/// name, in the order first used; what stops one is pushed onto `problems` (an item whose new
/// name is empty is left to the caller: it has no indicator).
pub(crate) fn declare(
    items: &[(usize, &Item)],
    doc_id: &str,
    loaded: &Dataset,
    problems: &mut Vec<ReviewProblem>,
) -> Vec<Indicator> {
    let mut groups: Vec<(&str, Vec<(usize, &Item)>)> = Vec::new();
    for &(index, item) in items {
        let zh = item.fields.new_zh.trim();
        if !proposes(item) || zh.is_empty() {
            continue;
        }
        match groups.iter_mut().find(|(name, _)| *name == zh) {
            Some((_, members)) => members.push((index, item)),
            None => groups.push((zh, vec![(index, item)])),
        }
    }
    let mut declared: Vec<Indicator> = Vec::new();
    for (zh, members) in groups {
        let n = members[0].0 + 1;
        let en = members
            .iter()
            .map(|(_, i)| i.fields.new_en.trim())
            .find(|en| !en.is_empty());
        let en = match en {
            Some(en) if !has_han(en) => en,
            _ => {
                for (index, item) in &members {
                    if item.fields.new_en.trim().is_empty() || has_han(item.fields.new_en.trim()) {
                        problems.push(ReviewProblem::NewIndicatorEnglish {
                            n: index + 1,
                            name: zh.to_string(),
                        });
                    }
                }
                continue;
            }
        };
        let unit = members
            .iter()
            .find_map(|(_, i)| i.candidate.as_ref()?.unit.clone())
            .filter(|u| !u.trim().is_empty());
        let unit_en = unit.as_deref().filter(|u| has_han(u)).map(|u| {
            loaded
                .indicators
                .iter()
                .find(|i| i.unit == u)
                .and_then(|i| i.unit_en.clone())
        });
        let (Some(unit), None | Some(Some(_))) = (unit, &unit_en) else {
            problems.push(ReviewProblem::NewIndicatorUnit {
                n,
                name: zh.to_string(),
            });
            continue;
        };
        let theme = members
            .iter()
            .find_map(|(_, i)| i.candidate.as_ref()?.theme.clone())
            .filter(|t| loaded.themes.iter().any(|x| x.id == *t));
        let Some(theme) = theme else {
            problems.push(ReviewProblem::NewIndicatorTheme {
                n,
                name: zh.to_string(),
            });
            continue;
        };
        let id = unique_id(doc_id, zh, loaded, &declared);
        declared.push(Indicator {
            id,
            name: Bilingual {
                zh: zh.to_string(),
                en: en.to_string(),
            },
            aliases: Vec::new(),
            theme,
            unit,
            unit_en: unit_en.flatten(),
            unit_en_one: None,
            // The direction is not read: the file claims none.
            better: Better::None,
            definition: "A new indicator the site's extractor read from this document's own words, named in English by the visitor; not in the site's catalogue.".into(),
        });
    }
    declared
}

/// For item `index` of `items`, accepted with a new indicator and no English name of its own: the
/// first other accepted item of the same Chinese name that gives one (its index and the name),
/// which `declare` gives the shared indicator.
pub(crate) fn english_from(items: &[Item], index: usize) -> Option<(usize, &str)> {
    let item = items.get(index)?;
    let zh = item.fields.new_zh.trim();
    let shares = |i: &Item| i.decision == Decision::Accepted && proposes(i) && i.fields.new_zh.trim() == zh;
    if zh.is_empty() || !shares(item) || !item.fields.new_en.trim().is_empty() {
        return None;
    }
    items
        .iter()
        .enumerate()
        .filter(|&(i, other)| i != index && shares(other))
        .map(|(i, other)| (i, other.fields.new_en.trim()))
        .find(|(_, en)| !en.is_empty() && !has_han(en))
}

/// The indicator of an accepted item that proposes a new one, among the `declared`.
pub(crate) fn of<'a>(item: &Item, declared: &'a [Indicator]) -> Option<&'a Indicator> {
    let zh = item.fields.new_zh.trim();
    (proposes(item) && !zh.is_empty())
        .then(|| declared.iter().find(|i| i.name.zh == zh))
        .flatten()
}

/// `<doc-id>-<pinyin of the name>`, shortened to leave room for a number, and numbered (`-2`,
/// `-3`…) while the catalogue or an indicator declared before holds it.
fn unique_id(doc_id: &str, zh: &str, loaded: &Dataset, declared: &[Indicator]) -> String {
    let slug = romanise::slug(zh);
    let slug = if slug.is_empty() { "indicator".to_string() } else { slug };
    let mut base = format!("{doc_id}-{slug}");
    base.truncate(MAX_ID_LEN - 4);
    let base = base.trim_end_matches('-').to_string();
    let taken = |id: &str| loaded.indicators.iter().chain(declared).any(|i| i.id == id);
    let mut id = base.clone();
    let mut k = 2;
    while taken(&id) {
        id = format!("{base}-{k}");
        k += 1;
    }
    id
}
