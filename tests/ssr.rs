//! Native rendering of the app (Yew server-side rendering): the views render from a link without a
//! browser, which keeps components free of browser calls during render.
#![cfg(not(target_arch = "wasm32"))]

use policy_explorer::view::{App, AppProps};

async fn render(query: &str) -> String {
    let props = AppProps {
        query: query.to_string(),
        ..Default::default()
    };
    yew::LocalServerRenderer::<App>::with_props(props).render().await
}

#[tokio::test]
async fn home_lists_every_document() {
    let html = render("").await;
    for text in ["东莞", "盘锦", "青白江", "四会", "東府〔2019〕76號", "四府〔2022〕4号"] {
        assert!(html.contains(text), "home lacks {text}");
    }
}

#[tokio::test]
async fn a_target_link_opens_its_detail_with_the_verbatim_quote() {
    let html = render("v=targets&t=panjin-2019-primary-class-size").await;
    assert!(html.contains("到2022年,实现小学班额不超过45人"), "quote shown");
    assert!(html.contains("aria-expanded=\"true\""));
}

#[tokio::test]
async fn the_reader_marks_the_selected_sentence() {
    let html = render("v=doc&doc=dongguan-2019&t=dongguan-2019-inclusive-kindergarten-share").await;
    assert!(html.contains("id=\"current-quote\""), "selected quote is marked");
    assert!(
        html.contains("lang=\"zh-Hant\""),
        "Dongguan's text is marked Traditional"
    );
}

#[tokio::test]
async fn a_mangled_link_renders_the_home_page_with_a_notice() {
    let html = render("v=%%%&t=%3Cscript%3E&zzz").await;
    assert!(html.contains("已忽略"));
    assert!(!html.contains("<script>"));
}

#[tokio::test]
async fn the_comparison_renders_its_charts_with_summaries_badges_and_the_indicator_choice() {
    let html = render("v=compare").await;
    for id in [
        "indicator-chart-canvas",
        "timeline-chart-canvas",
        "indicator-chart-summary",
        "indicator-choice",
    ] {
        assert!(html.contains(&format!("id=\"{id}\"")), "{id} rendered");
    }
    assert!(
        html.contains("role=\"img\""),
        "canvases are images to assistive technology"
    );
    assert!(html.contains("仅大致可比"), "a roughly comparable badge");
    assert!(html.contains("平均每年需变化"), "a required yearly change");
    assert!(
        html.contains("value=\"inclusive-kindergarten-share\" selected"),
        "the most shared indicator is chosen by default"
    );
    let chosen = render("v=compare&ind=primary-class-size-cap").await;
    assert!(
        chosen.contains("value=\"primary-class-size-cap\" selected"),
        "the link's indicator is chosen"
    );
}

#[tokio::test]
async fn an_evaluation_link_renders_the_paths_chart_with_the_entered_value() {
    let html = render("v=evaluate&t=sihui-2022-fitness-2022&at=2022-06-30&cur=49&bv=42&by=2020").await;
    assert!(html.contains("id=\"paths-chart-canvas\""));
    assert!(html.contains("自填49%"), "the summary names the entered value");
}

#[tokio::test]
async fn embed_mode_renders_only_the_table_with_a_source_line_and_a_way_back() {
    let html = render("v=compare&cmp=dongguan-2019,panjin-2019&embed=1").await;
    assert!(html.contains("id=\"embed-matrix\""), "the comparison table");
    assert!(
        !html.contains("site-header") && !html.contains("site-footer"),
        "no page chrome"
    );
    assert!(html.contains("数据版本"), "the source line names the dataset version");
    assert!(
        html.contains("href=\"?v=compare&amp;cmp=dongguan-2019%2Cpanjin-2019\""),
        "link back without embed"
    );
    assert!(
        html.contains("<q lang=\"zh-Hant\">"),
        "Dongguan's quotes are marked Traditional"
    );
}

#[tokio::test]
async fn the_compare_page_carries_a_cited_table_for_print() {
    let html = render("v=compare").await;
    assert!(html.contains("class=\"print-only\"") && html.contains("id=\"print-matrix\""));
    assert!(html.contains("<sup class=\"cite\">[1]</sup>") && html.contains("id=\"cite-1\""));
}

#[tokio::test]
async fn markup_typed_into_the_search_box_stays_text() {
    let html = render("v=targets&q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E").await;
    assert!(
        html.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "the query is shown, escaped"
    );
    assert!(!html.contains("<img"), "never HTML");
}

/// The text of `html` that holds Chinese outside any element whose `lang` starts with `zh`
/// (WCAG 3.1.2, Language of Parts: an English page marks its Chinese glosses, names and quotes).
fn unmarked_chinese(html: &str) -> Vec<String> {
    const VOID: [&str; 14] = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ];
    let is_han = |c: char| matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{3134f}');
    // Each open element: its name and whether it or an ancestor is marked Chinese.
    let mut open: Vec<(String, bool)> = Vec::new();
    let mut found = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(comment) = rest.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
        } else if rest.starts_with('<') {
            // A tag: up to the `>` outside quotes.
            let mut quote = None;
            let mut end = rest.len();
            for (i, c) in rest.char_indices().skip(1) {
                match (quote, c) {
                    (None, '"' | '\'') => quote = Some(c),
                    (Some(q), _) if c == q => quote = None,
                    (None, '>') => {
                        end = i;
                        break;
                    }
                    _ => {}
                }
            }
            let tag = &rest[1..end];
            rest = rest.get(end + 1..).unwrap_or("");
            if let Some(name) = tag.strip_prefix('/') {
                let name = name.trim().to_ascii_lowercase();
                if let Some(at) = open.iter().rposition(|(n, _)| *n == name) {
                    open.truncate(at);
                }
                continue;
            }
            let name: String = tag
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != '/')
                .collect::<String>()
                .to_ascii_lowercase();
            if name.starts_with('!') || VOID.contains(&name.as_str()) || tag.ends_with('/') {
                continue;
            }
            let marked =
                tag.contains(" lang=\"zh") || (!tag.contains(" lang=\"") && open.last().is_some_and(|(_, zh)| *zh));
            open.push((name, marked));
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let text = &rest[..end];
            rest = &rest[end..];
            // An option holds text only: it cannot mark a part (not checked).
            let in_option = open.iter().any(|(n, _)| n == "option");
            if text.chars().any(is_han) && !open.last().is_some_and(|(_, zh)| *zh) && !in_option {
                let path: Vec<&str> = open.iter().map(|(n, _)| n.as_str()).collect();
                found.push(format!("{} > {text}", path.join(" ")));
            }
        }
    }
    found
}

#[test]
fn the_checker_finds_chinese_outside_a_chinese_element() {
    let html = "<div lang=\"en\"><p>binding (<span lang=\"zh\">约束性</span>)</p><p>Dongguan 东莞</p>\
                <input value=\"东\"><q lang=\"zh-Hant\"><b>東莞</b></q><p lang=\"en\">盘锦</p></div>";
    assert_eq!(unmarked_chinese(html), ["div p > Dongguan 东莞", "div p > 盘锦"]);
}

#[tokio::test]
async fn english_pages_mark_every_chinese_part() {
    let mut found = Vec::new();
    for query in [
        "",
        "v=targets",
        "v=targets&t=panjin-2019-primary-class-size",
        "v=targets&t=dongguan-2019-inclusive-kindergarten-share",
        "v=doc&doc=dongguan-2019&t=dongguan-2019-inclusive-kindergarten-share",
        "v=doc&doc=panjin-2019",
        "v=compare",
        "v=compare&cmp=dongguan-2019,panjin-2019&embed=1",
        "v=evaluate&t=sihui-2022-fitness-2022&at=2022-06-30&cur=49&bv=42&by=2020",
        "v=analyse",
        "v=targets&zzz=%E4%B8%9C%E8%8E%9E",
        "v=evaluate&t=sihui-2022-t1-high-school-gross-enrolment&cur=abc",
    ] {
        let query = if query.is_empty() {
            "lang=en".to_string()
        } else {
            format!("{query}&lang=en")
        };
        let html = render(&query).await;
        found.extend(unmarked_chinese(&html).into_iter().map(|f| format!("{query}: {f}")));
    }
    assert!(found.is_empty(), "Chinese outside lang=zh*:\n{}", found.join("\n"));
}
