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
