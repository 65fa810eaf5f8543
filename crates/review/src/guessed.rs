//! Where a metadata field's first value was read: the form marks each such field "据文本推测 /
//! guessed from the text" with its source, in the page's language, until the visitor changes it.
//! Worded here in Chinese and English in the manner of `problems`.

use policy_data::lang::Lang;

/// The source of a guessed field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Guessed {
    /// The issuer on a short line of its own near the top.
    IssuerLine,
    /// The issuer before 关于 in the title line.
    TitleWords,
    /// The issuer on the signature line near the end.
    Signature,
    /// The locality from the issuer's name.
    IssuerName,
    /// The English locality romanised from the Chinese one.
    Romanised,
    /// The title line near the top.
    TitleLine,
    /// The 文号 near the top.
    NumberLine,
    /// The issue date on a line of its own.
    DateLine,
    /// The issue year in the 文号 (the first of January).
    NumberYear,
    /// The issue year as the first year of the title's period (the first of January).
    TitlePeriodStart,
    /// The issue month the extractor read (the first day of it).
    ExtractorMonth,
    /// The period the title names.
    TitlePeriod,
    /// The period a line of the text states (规划期).
    TextPeriod,
    /// The period from the issue year to the latest target year.
    TargetYears,
}

impl Guessed {
    /// The note the form shows under the field, in `lang`.
    pub fn note(self, lang: Lang) -> String {
        let (zh, en) = match self {
            Guessed::IssuerLine => ("文首的发文机关行", "the issuer's line at the top"),
            Guessed::TitleWords => (
                "标题行“关于”之前的机关名",
                "the body named at the start of the title line",
            ),
            Guessed::Signature => ("文末落款", "the signature at the end"),
            Guessed::IssuerName => ("发文机关的名称", "the issuer's name"),
            Guessed::Romanised => (
                "中文地区名的拼音,请核对",
                "the pinyin of the Chinese locality; please check",
            ),
            Guessed::TitleLine => ("文首的标题行", "the title line at the top"),
            Guessed::NumberLine => ("文首的文号", "the document number at the top"),
            Guessed::DateLine => ("成文日期行", "the date line"),
            Guessed::NumberYear => (
                "文号中的年份,月、日请核对",
                "the year in the document number; check the month and day",
            ),
            Guessed::TitlePeriodStart => (
                "标题中规划期的首年,月、日请核对",
                "the first year of the title's period; check the month and day",
            ),
            Guessed::ExtractorMonth => (
                "分析所依据的年月,日请核对",
                "the month the analysis counted from; check the day",
            ),
            Guessed::TitlePeriod => ("标题中的规划期", "the period in the title"),
            Guessed::TextPeriod => ("正文所述的规划期", "the period the text states"),
            Guessed::TargetYears => ("发布年份至目标的最晚年份", "the issue year to the latest target year"),
        };
        match lang {
            Lang::Zh => format!("据文本推测:{zh}"),
            Lang::En => format!("Guessed from the text: {en}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use policy_data::validation::has_han;

    #[test]
    fn every_source_is_worded_in_both_languages() {
        let all = [
            Guessed::IssuerLine,
            Guessed::TitleWords,
            Guessed::Signature,
            Guessed::IssuerName,
            Guessed::Romanised,
            Guessed::TitleLine,
            Guessed::NumberLine,
            Guessed::DateLine,
            Guessed::NumberYear,
            Guessed::TitlePeriodStart,
            Guessed::ExtractorMonth,
            Guessed::TitlePeriod,
            Guessed::TextPeriod,
            Guessed::TargetYears,
        ];
        for g in all {
            let (zh, en) = (g.note(Lang::Zh), g.note(Lang::En));
            assert!(zh.starts_with("据文本推测") && has_han(&zh), "{g:?}: {zh}");
            assert!(en.starts_with("Guessed from the text") && !has_han(&en), "{g:?}: {en}");
        }
    }
}
