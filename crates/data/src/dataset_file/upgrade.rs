//! Reading files written in an earlier form of the dataset, and saying what was read differently.
//!
//! Before dataset 2026.12.0 a target's `note` and `scope` and a document's `note` were one string
//! (notes in English, scopes in Chinese); since then they are `{ zh, en }`. An item in the old form
//! is read with the string in both halves, so nothing is lost and the visitor sees the text as the
//! file wrote it in either language. An indicator whose unit is Chinese and that gives no English
//! form (`unit_en`, also new in 2026.12.0) keeps the unit as written on English pages.

use serde_json::{Map, Value};

use crate::lang::Lang;
use crate::model::Indicator;

/// One thing read in an earlier form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Upgrade {
    /// Document id ("indicators" for an indicator).
    pub document: String,
    /// Target or indicator id; `None` for the document itself.
    pub item: Option<String>,
    pub kind: UpgradeKind,
}

/// What was read differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UpgradeKind {
    /// `note` was one string: shown as written in both languages.
    SingleLanguageNote,
    /// `scope` was one string: shown as written in both languages.
    SingleLanguageScope,
    /// The Chinese unit has no English form: shown as written on English pages.
    UnitWithoutEnglish,
}

/// What was read in an earlier form, as one sentence for the visitor; `None` when nothing was.
pub fn upgrade_summary(upgrades: &[Upgrade], lang: Lang) -> Option<String> {
    let count = |kind: UpgradeKind| upgrades.iter().filter(|u| u.kind == kind).count();
    let texts = count(UpgradeKind::SingleLanguageNote) + count(UpgradeKind::SingleLanguageScope);
    let units = count(UpgradeKind::UnitWithoutEnglish);
    let mut parts = Vec::new();
    if texts > 0 {
        parts.push(lang.pick(
            format!("{texts} 处说明或范围只有一种语言,中英文页面都按文件原文显示"),
            format!("{texts} notes or scopes are in one language only and are shown as the file wrote them on both the Chinese and the English pages"),
        ));
    }
    if units > 0 {
        parts.push(lang.pick(
            format!("{units} 个中文单位没有英文写法,英文页面按原文显示"),
            format!("{units} Chinese units have no English form and are shown as written on English pages"),
        ));
    }
    (!parts.is_empty()).then(|| match lang {
        Lang::Zh => format!("此文件按旧版数据格式读取:{}。", parts.join(";")),
        Lang::En => format!(
            "This file was read in the earlier dataset format: {}.",
            parts.join("; ")
        ),
    })
}

/// The bilingual fields of an item that may be one string in an older file.
const TEXT_FIELDS: [(&str, UpgradeKind); 2] = [
    ("note", UpgradeKind::SingleLanguageNote),
    ("scope", UpgradeKind::SingleLanguageScope),
];

/// Rewrites the old single-string `note` and `scope` of one JSON item (a document or a target) into
/// `{ zh, en }` with the string in both halves; returns what was rewritten.
pub(super) fn bilingual_texts(item: &mut Value) -> Vec<UpgradeKind> {
    let Some(object) = item.as_object_mut() else {
        return Vec::new();
    };
    let mut done = Vec::new();
    for (field, kind) in TEXT_FIELDS {
        if let Some(Value::String(text)) = object.get(field) {
            let mut both = Map::new();
            both.insert("zh".into(), Value::String(text.clone()));
            both.insert("en".into(), Value::String(text.clone()));
            object.insert(field.into(), Value::Object(both));
            done.push(kind);
        }
    }
    done
}

/// Gives an indicator with a Chinese unit and no English form its unit as written, so English
/// pages show the file's unit; true when it did.
pub(super) fn unit_without_english(indicator: &mut Indicator) -> bool {
    let missing = indicator.unit_en.as_deref().is_none_or(|u| u.trim().is_empty());
    if missing && crate::validation::has_han(&indicator.unit) {
        indicator.unit_en = Some(indicator.unit.clone());
        return true;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_strings_become_both_halves() {
        let mut item = serde_json::json!({ "id": "t", "note": "Read as 85%.", "scope": "全市" });
        assert_eq!(
            bilingual_texts(&mut item),
            vec![UpgradeKind::SingleLanguageNote, UpgradeKind::SingleLanguageScope]
        );
        assert_eq!(
            item["note"],
            serde_json::json!({ "zh": "Read as 85%.", "en": "Read as 85%." })
        );
        assert_eq!(item["scope"], serde_json::json!({ "zh": "全市", "en": "全市" }));
    }

    #[test]
    fn the_summary_counts_in_both_languages() {
        let upgrade = |kind| Upgrade {
            document: "d".into(),
            item: None,
            kind,
        };
        assert_eq!(upgrade_summary(&[], Lang::Zh), None);
        let list = [
            upgrade(UpgradeKind::SingleLanguageNote),
            upgrade(UpgradeKind::SingleLanguageScope),
            upgrade(UpgradeKind::UnitWithoutEnglish),
        ];
        assert_eq!(
            upgrade_summary(&list, Lang::Zh).unwrap(),
            "此文件按旧版数据格式读取:2 处说明或范围只有一种语言,中英文页面都按文件原文显示;1 个中文单位没有英文写法,英文页面按原文显示。"
        );
        let en = upgrade_summary(&list, Lang::En).unwrap();
        assert!(
            en.starts_with("This file was read in the earlier dataset format: 2 notes or scopes"),
            "{en}"
        );
        assert!(!crate::validation::has_han(&en));
    }

    #[test]
    fn the_current_form_is_left_alone() {
        let mut item = serde_json::json!({ "note": { "zh": "按85%读取。", "en": "Read as 85%." } });
        let before = item.clone();
        assert!(bilingual_texts(&mut item).is_empty());
        assert_eq!(item, before);
        assert!(bilingual_texts(&mut serde_json::json!([1, 2])).is_empty());
    }

    #[test]
    fn a_chinese_unit_without_english_keeps_its_unit() {
        let mut indicator = crate::test_support::indicator(
            "places",
            crate::model::Bilingual::default(),
            "preschool",
            "个",
            crate::model::Better::Higher,
            "",
        );
        assert!(unit_without_english(&mut indicator));
        assert_eq!(indicator.unit_en.as_deref(), Some("个"));
        assert!(!unit_without_english(&mut indicator), "only once");
        let mut share = indicator.clone();
        share.unit = "%".into();
        share.unit_en = None;
        assert!(!unit_without_english(&mut share));
    }
}
