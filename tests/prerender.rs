//! The build-time pages (`src/prerender.rs`): the rendered views go inside `#app` of Trunk's
//! `index.html`, the head is kept byte for byte, and document links point at the documents' pages.
#![cfg(not(target_arch = "wasm32"))]

use policy_site::prerender::{document_file, document_query, inject, link_document_pages, mark_prerendered, render};

const TEMPLATE: &str = r#"<!DOCTYPE html>
<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'" /><script src="./boot.js" integrity="sha384-x" type="module"></script></head>
  <body>
    <div id="app">
      <p id="boot" class="boot" role="status">正在加载… · <span lang="en">Loading…</span></p>
      <noscript><p>JavaScript 未启用</p></noscript>
    </div>
  </body>
</html>"#;

#[test]
fn the_body_goes_inside_app_after_the_noscript_note_and_the_loading_line_goes() {
    let page = inject(TEMPLATE, "<div class=\"app prerendered\">首页</div>", "").unwrap();
    let head = &TEMPLATE[..TEMPLATE.find("</head>").unwrap()];
    assert!(page.starts_with(head), "head untouched");
    assert!(page.contains(
        "<div id=\"app\" data-prerendered=\"\"><noscript><p>JavaScript 未启用</p></noscript><div class=\"app prerendered\">首页</div>\n    </div>"
    ));
    assert!(!page.contains("id=\"boot\""));
}

#[test]
fn the_query_is_escaped_in_the_marker() {
    let page = inject(TEMPLATE, "", &document_query("panjin-2019")).unwrap();
    assert!(page.contains("<div id=\"app\" data-prerendered=\"v=doc&amp;doc=panjin-2019\">"));
}

#[test]
fn a_template_without_app_is_refused() {
    assert!(inject("<html><body></body></html>", "x", "").is_err());
}

#[tokio::test]
async fn the_home_links_each_document_to_its_page_and_is_marked() {
    let ids: Vec<String> = ["dongguan-2019", "panjin-2019"].map(String::from).to_vec();
    let html = mark_prerendered(&link_document_pages(&render("").await, &ids));
    assert!(html.starts_with("<div class=\"app prerendered\">"));
    for id in &ids {
        assert!(html.contains(&format!("href=\"{}\"", document_file(id))), "{id} linked");
    }
    assert!(
        html.contains("href=\"?v=doc&amp;doc=sihui-2022\""),
        "others keep the app link"
    );
    assert!(!html.contains("<!--"), "no hydration markers");
}

#[tokio::test]
async fn a_document_page_holds_its_text() {
    let html = render(&document_query("panjin-2019")).await;
    assert!(html.contains("盘锦市推进教育高质量发展行动计划"));
    assert_eq!(document_file("panjin-2019"), "doc-panjin-2019.html");
}
