//! The English of the scopes the extractor reads (全市, 城区, 公办, 小学…; `policy_extract`'s scope
//! and enumeration words), so that an item's scope is prefilled in both languages and an accepted
//! item builds without the visitor typing a translation. A scope not listed (a threshold such as
//! 1200人以上小学) keeps its English field empty for the visitor to fill.

/// Each scope as the extractor writes it (Simplified), with its English.
const ENGLISH: &[(&str, &str)] = &[
    ("全省", "the whole province"),
    ("全市", "the whole city"),
    ("全县", "the whole county"),
    ("全区", "the whole district"),
    ("市区", "urban districts"),
    ("县(市)", "counties and county-level cities"),
    ("县（市）", "counties and county-level cities"),
    ("城区", "urban areas"),
    ("城镇", "towns"),
    ("农村", "rural areas"),
    ("乡村", "rural areas"),
    ("东部地区", "eastern areas"),
    ("中部地区", "central areas"),
    ("西部地区", "western areas"),
    ("东部", "eastern areas"),
    ("中部", "central areas"),
    ("西部", "western areas"),
    ("公办", "public"),
    ("民办", "private"),
    ("幼儿园", "kindergarten"),
    ("学前教育", "preschool education"),
    ("小学", "primary school"),
    ("初中", "junior secondary school"),
    ("中学", "secondary school"),
    ("高中", "senior high school"),
    ("普通高中", "general senior high school"),
    ("义务教育", "compulsory education"),
    ("中职", "secondary vocational school"),
    ("中职学校", "secondary vocational school"),
    ("中等职业学校", "secondary vocational school"),
    ("高职", "higher vocational college"),
    ("高校", "universities and colleges"),
    ("特殊教育学校", "special education schools"),
    ("乡镇", "townships"),
];

/// The English of `scope` (Simplified, as the extractor writes it), if it is one of the scopes
/// listed.
pub fn english(scope: &str) -> Option<&'static str> {
    let scope = scope.trim();
    ENGLISH.iter().find(|(zh, _)| *zh == scope).map(|(_, en)| *en)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listed_scopes_have_their_english_and_others_none() {
        assert_eq!(english("全市"), Some("the whole city"));
        assert_eq!(english("城区"), Some("urban areas"));
        assert_eq!(english("公办"), Some("public"));
        assert_eq!(english("1200人以上小学"), None);
        assert_eq!(english(""), None);
        assert!(ENGLISH.iter().all(|(zh, en)| !zh.is_empty() && en.is_ascii()));
    }
}
