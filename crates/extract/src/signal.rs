//! Why the extractor proposes what it proposes: the signals a candidate was read from (a
//! comparator word, a dated deadline, a unit, an indicator's name, words that report the past, …),
//! each worded in both languages (this file is the one place the page takes them from). How much
//! each adds to the confidence is `judge::confidence`'s.

use serde::Serialize;

use policy_data::lang::Lang;

/// One reason behind a candidate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Signal {
    /// A comparator word (达到, 不低于, 不超过, 控制在…).
    ComparatorWord,
    /// A comparator symbol (≥, >, ≤, <).
    ComparatorSymbol,
    /// A verb of building or changing (新建, 培育, 增加, 提高…个百分点).
    TargetVerb,
    /// No comparator word of its own: taken from the clause before (创建…17所、…14所,…16所).
    SharedComparator,
    /// No comparator word: read as "equal" (a norm or a table value).
    DefaultComparator,
    /// A dated deadline (到2025年, 2025年底前, “十四五”期间).
    Deadline,
    /// A relative deadline (三年内), counted from the issue date.
    RelativeDeadline,
    /// A relative deadline, but no issue date to count it from.
    RelativeDeadlineUndated,
    /// No deadline in the sentence: the year of the deadline heading its paragraph, list or table
    /// (到2025年, followed by several sentences of targets).
    HeadingDeadline,
    /// No deadline in the sentence nor over it: the last year of the plan's period (十四五,
    /// 2021—2025年) named in the title.
    PlanPeriod,
    /// One year of a year-by-year trajectory.
    Trajectory,
    /// Written with 力争 or 争取.
    Aspirational,
    /// Written as approximate (约, 左右).
    Approximate,
    /// A unit is written after the value.
    Unit,
    /// No unit after the value.
    NoUnit,
    /// A rate or norm (人/班, 每天…小时, 1000:1).
    PerUnit,
    /// The indicator's name (or an alias) is written in the sentence.
    IndicatorMatch,
    /// Only part of an indicator's name matches.
    WeakIndicatorMatch,
    /// No indicator in the catalogue fits.
    NoIndicator,
    /// The name's count of years differs from the nearest indicator's (第四年 for 三年): a new
    /// indicator.
    YearsDiffer,
    /// The name's stage of schooling differs from the nearest indicator's (初中 for 小学): a new
    /// indicator.
    StageDiffers,
    /// The name's type of act differs from the nearest indicator's (建园 for 入园): a new indicator.
    TypeDiffers,
    /// The value's unit differs from the guessed indicator's.
    UnitMismatch,
    /// One of several values given to enumerated items (分别达到60%、90%).
    Enumerated,
    /// A number saying whom the rule covers was moved to the scope (1200人以上小学).
    ScopeThreshold,
    /// A row of a table with a target column.
    TableRow,
    /// The table states 约束性 or 预期性.
    BindingStated,
    /// The table or the sentence states a starting point.
    BaselineStated,
    /// Forecast words (预测, 按此计算).
    Forecast,
    /// Words of completion without a number (全覆盖, 只增不减, 实现…).
    CompletionWords,
    /// A dated commitment without a number.
    NoValue,
    /// Words that report the present or the past (现有, 目前, 已, 共, 了).
    FactWords,
    /// Dated before the document was issued.
    PastYear,
    /// A difference derived from other figures (差距, 相差, 低于…个百分点), not a target.
    Difference,
    /// Money already spent (累计投入, 已投入, 完成投资 … 亿元), not a target.
    Spent,
    /// In a section that reports (发展基础, 现状, 进展情况).
    ReportSection,
    /// The sentence is long and holds many numbers: the reading may be off.
    Crowded,
}

impl Signal {
    /// The signal in words, for the review list.
    pub fn label(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Signal::ComparatorWord => (
                "有比较用语(达到、不低于、不超过等)",
                "a comparator word (达到, 不低于, 不超过…)",
            ),
            Signal::ComparatorSymbol => ("有比较符号(≥、≤等)", "a comparator symbol (≥, ≤…)"),
            Signal::TargetVerb => (
                "有建设或增减动词(新建、增加等)",
                "a verb of building or change (新建, 增加…)",
            ),
            Signal::SharedComparator => ("比较用语取自前一分句", "comparator taken from the clause before"),
            Signal::DefaultComparator => ("没有比较用语,按“等于”读", "no comparator word: read as equal"),
            Signal::Deadline => ("写明期限", "a dated deadline"),
            Signal::RelativeDeadline => (
                "相对期限,按印发日期推算年份",
                "relative deadline, year counted from the issue date",
            ),
            Signal::RelativeDeadlineUndated => (
                "相对期限,缺少印发日期,未推算年份",
                "relative deadline with no issue date to count from",
            ),
            Signal::HeadingDeadline => (
                "句中无期限,年份取自段首的期限",
                "no deadline in the sentence: the year heading its paragraph",
            ),
            Signal::PlanPeriod => (
                "句中无期限,年份取自规划期",
                "no deadline in the sentence: the last year of the plan's period",
            ),
            Signal::Trajectory => ("逐年目标中的一年", "one year of a year-by-year trajectory"),
            Signal::Aspirational => ("“力争”“争取”类表述", "written as an aim (力争, 争取)"),
            Signal::Approximate => ("约数(约、左右)", "approximate (约, 左右)"),
            Signal::Unit => ("数值后有单位", "a unit after the value"),
            Signal::NoUnit => ("数值后没有单位", "no unit after the value"),
            Signal::PerUnit => ("比率或标准(人/班、每天等)", "a rate or norm (per class, per day…)"),
            Signal::IndicatorMatch => ("句中写有指标名称", "the indicator's name is in the sentence"),
            Signal::WeakIndicatorMatch => ("只部分符合指标名称", "only part of an indicator's name matches"),
            Signal::NoIndicator => ("指标目录中没有相符的指标", "no indicator in the catalogue fits"),
            Signal::YearsDiffer => (
                "名称中的年数与目录中最接近的指标不同(如第四年与三年),按新指标提出",
                "the name counts other years than the nearest catalogue indicator (fourth year, not three years): proposed as a new indicator",
            ),
            Signal::StageDiffers => (
                "名称中的学段与目录中最接近的指标不同(如初中与小学),按新指标提出",
                "the name's stage of schooling differs from the nearest catalogue indicator's (junior, not primary school): proposed as a new indicator",
            ),
            Signal::TypeDiffers => (
                "名称中的类型与目录中最接近的指标不同(如建园与入园),按新指标提出",
                "the name's type differs from the nearest catalogue indicator's (founding, not enrolment): proposed as a new indicator",
            ),
            Signal::UnitMismatch => ("单位与猜测的指标不同", "the unit differs from the guessed indicator's"),
            Signal::Enumerated => ("多个对象分别对应多个数值", "one of several values for enumerated items"),
            Signal::ScopeThreshold => (
                "表示适用范围的数字已归入范围",
                "a number saying whom it covers went to the scope",
            ),
            Signal::TableRow => ("表格中的一行", "a table row"),
            Signal::BindingStated => ("表格注明约束性或预期性", "the table states binding or expected"),
            Signal::BaselineStated => ("写明基数", "a stated starting point"),
            Signal::Forecast => ("预测性表述(预测、按此计算)", "forecast wording (预测, 按此计算)"),
            Signal::CompletionWords => (
                "完成类表述(全覆盖、只增不减等)",
                "words of completion (全覆盖, 只增不减…)",
            ),
            Signal::NoValue => ("没有数值的承诺", "a commitment without a number"),
            Signal::FactWords => (
                "陈述现状或过去(现有、目前、已等)",
                "reports the present or the past (现有, 目前, 已…)",
            ),
            Signal::PastYear => ("年份早于印发日期", "dated before the document was issued"),
            Signal::Difference => (
                "由其他数值推算的差距(差距、相差、低于…个百分点)",
                "a difference derived from other figures (差距, 相差…)",
            ),
            Signal::Spent => (
                "已投入的资金(累计投入、完成投资等)",
                "money already spent (累计投入, 完成投资…)",
            ),
            Signal::ReportSection => ("所在章节陈述现状(发展基础等)", "in a section that reports (发展基础…)"),
            Signal::Crowded => (
                "句子较长、数字较多,读法可能有误",
                "a long sentence with many numbers: the reading may be off",
            ),
        };
        lang.pick(zh, en)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_signal_is_worded_in_both_languages() {
        let all = [
            Signal::ComparatorWord,
            Signal::Deadline,
            Signal::RelativeDeadline,
            Signal::HeadingDeadline,
            Signal::PlanPeriod,
            Signal::YearsDiffer,
            Signal::StageDiffers,
            Signal::TypeDiffers,
            Signal::Difference,
            Signal::Spent,
            Signal::FactWords,
            Signal::Crowded,
        ];
        for signal in all {
            assert!(signal
                .label(Lang::Zh)
                .chars()
                .any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)));
            assert!(signal.label(Lang::En).starts_with(|c: char| c.is_ascii_lowercase()));
        }
        assert_eq!(
            serde_json::to_string(&Signal::ComparatorWord).unwrap(),
            "\"comparator_word\""
        );
    }
}
