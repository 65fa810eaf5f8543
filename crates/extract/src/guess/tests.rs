//! The guesses on realistic first lines and signature lines, Simplified and Traditional, and what
//! they refuse.

use super::*;

const QINGHE: &str = include_str!("../../../../tests/fixtures/qinghe-county-2024.txt");

const DONGGUAN_TITLE: &str = "东莞市人民政府关于进一步加快教育现代化发展的若干意见\n\
各镇人民政府（街道办事处），市府直属各单位：\n\
为贯彻落实全国教育大会精神，现提出如下意见。\n\
一、总体目标\n\
到2022年，全市学前教育毛入园率达到98%。";

const SIGNED: &str = "关于印发青白江区教育事业发展规划的通知\n\
各街道、镇，区级各部门：\n\
现将规划印发给你们，请认真贯彻落实。\n\
一、发展目标\n\
到2020年，学前三年毛入园率达到95%。\n\
义务教育巩固率保持在98%以上。\n\
二、主要措施\n\
（一）扩大学前教育资源。\n\
（二）推进义务教育均衡发展。\n\
（三）加强教师队伍建设。\n\
三、保障措施\n\
各部门要加强协作，确保目标实现。\n\
成都市青白江区教育局\n\
2018年6月8日";

#[test]
fn the_issuer_on_a_short_line_near_the_top() {
    assert_eq!(
        issuer_and_source(QINGHE),
        Some(("清河县人民政府办公室".into(), IssuerFrom::Head))
    );
    assert_eq!(locality_of("清河县人民政府办公室"), "清河");
    assert_eq!(locality_of("盘锦市人民政府办公室"), "盘锦");
}

#[test]
fn the_issuer_before_guanyu_in_the_title_line() {
    assert_eq!(
        issuer_and_source(DONGGUAN_TITLE),
        Some(("东莞市人民政府".into(), IssuerFrom::Title))
    );
    let traditional = "東莞市人民政府關於進一步加快教育現代化發展的若干意見\n各鎮人民政府：\n現提出如下意見。";
    assert_eq!(
        issuer_and_source(traditional),
        Some(("東莞市人民政府".into(), IssuerFrom::Title))
    );
    assert_eq!(locality_of("東莞市人民政府"), "東莞");
    assert_eq!(locality_of("东莞市人民政府"), "东莞");
}

#[test]
fn the_issuer_on_the_signature_line_followed_by_a_date() {
    assert_eq!(
        issuer_and_source(SIGNED),
        Some(("成都市青白江区教育局".into(), IssuerFrom::Signature))
    );
    assert_eq!(locality_of("成都市青白江区教育局"), "青白江");
    assert_eq!(issue_date(SIGNED).as_deref(), Some("2018-06-08"));
    let written_out = "关于印发四会市教育发展规划的通知\n正文。\n四會市人民政府辦公室\n二〇二二年三月十五日";
    assert_eq!(issuer(written_out).as_deref(), Some("四會市人民政府辦公室"));
    assert_eq!(locality_of("四會市人民政府辦公室"), "四會");
    assert_eq!(issue_date(written_out).as_deref(), Some("2022-03-15"));
}

#[test]
fn a_text_with_no_issuer_line_gives_none() {
    let text = "关于做好学前教育工作的意见\n各乡镇人民政府，县政府各部门：\n到2025年，毛入园率达到90%。\n各乡镇人民政府\n县人民政府";
    assert_eq!(issuer(text), None);
    // A signature without a date after it is not taken.
    let undated = SIGNED.replace("2018年6月8日", "附件：指标表");
    assert_eq!(issuer(&undated), None);
    assert_eq!(issuer(""), None);
}

#[test]
fn localities_inside_longer_names() {
    assert_eq!(locality_of("广东省东莞市人民政府"), "东莞");
    assert_eq!(locality_of("四川省成都市青白江区人民政府"), "青白江");
    assert_eq!(locality_of("济南市市中区教育局"), "市中");
    assert_eq!(strip_level("东莞市"), "东莞");
    assert_eq!(strip_level("城区"), "城区");
}

#[test]
fn the_issue_date_from_the_date_line_the_number_or_the_title() {
    assert_eq!(
        issue_date_and_source(QINGHE, None),
        Some(("2024-03-15".into(), DateFrom::DateLine))
    );
    let numbered = "盘锦市人民政府办公室\n盘政办发〔2019〕24号\n关于印发盘锦市教育发展规划的通知";
    assert_eq!(
        issue_date_and_source(numbered, None),
        Some(("2019-01-01".into(), DateFrom::DocNumberYear))
    );
    let title = "东莞市教育发展“十四五”规划";
    assert_eq!(
        issue_date_and_source(title, Some(title)),
        Some(("2021-01-01".into(), DateFrom::TitlePeriod))
    );
    let traditional = "東莞市人民政府關於加快教育現代化的若干意見\n東府〔2019〕115號";
    assert_eq!(doc_number(traditional).as_deref(), Some("東府〔2019〕115號"));
    assert_eq!(
        issue_date_and_source(traditional, None),
        Some(("2019-01-01".into(), DateFrom::DocNumberYear))
    );
    assert_eq!(issue_date_and_source("到2025年，毛入园率达到90%。", None), None);
    assert_eq!(date_of_line("2024年13月1日"), None);
    assert_eq!(date_of_line("二〇二四年十二月三十一日"), Some((2024, 12, 31)));
    assert_eq!(date_of_line("二〇一九年十月十日"), Some((2019, 10, 10)));
    assert_eq!(date_of_line("二〇一九年十月"), None);
}

#[test]
fn the_plan_period_from_the_title_or_the_text() {
    assert_eq!(
        period_in("清河县基础教育提质扩容三年行动计划（2024—2026年）"),
        Some((2024, 2026))
    );
    assert_eq!(period_in("东莞市教育发展“十四五”规划"), Some((2021, 2025)));
    assert_eq!(period_in("東莞市教育發展「十三五」規劃"), Some((2016, 2020)));
    assert_eq!(period_in("规划期为2021年至2025年"), Some((2021, 2025)));
    assert_eq!(period_in("2019-2022年行动计划"), Some((2019, 2022)));
    let text = "四会市教育发展规划\n本规划的规划期为2021—2025年，展望到2035年。";
    assert_eq!(
        plan_period(text, Some("四会市教育发展规划")),
        Some(((2021, 2025), PeriodFrom::Text))
    );
    assert_eq!(
        plan_period(QINGHE, Some("清河县基础教育提质扩容三年行动计划（2024—2026年）")),
        Some(((2024, 2026), PeriodFrom::Title))
    );
}

#[test]
fn a_one_year_period_is_refused() {
    assert_eq!(period_in("2010—2010年"), None);
    assert_eq!(period_in("2026—2024年"), None);
    assert_eq!(period_in("2000—2050年"), None);
    assert_eq!(period_in("新增学位2400-2600个"), None);
    assert_eq!(period_in("到2025年"), None);
    assert_eq!(plan_period("规划期为2025年", None), None);
}
