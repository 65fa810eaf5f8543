//! What a visitor copies to share a view in an article: the iframe snippet of embed mode.

/// The `<iframe>` that embeds the page at `src` (an absolute address with `embed=1`), titled for
/// screen readers. A `"` in a value is escaped; a link's `&` stays as it is (an attribute may hold
/// it, and the address pasted stays readable).
pub fn embed_snippet(src: &str, title: &str) -> String {
    let escape = |text: &str| text.replace('"', "&quot;");
    format!(
        r#"<iframe src="{}" title="{}" width="100%" height="560" loading="lazy" style="border:0"></iframe>"#,
        escape(src),
        escape(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_snippet_names_its_source_and_escapes_quotes() {
        let snippet = embed_snippet(
            "https://example.gov.cn/?v=targets&q=%E7%8F%AD&embed=1",
            "教育\"政策\"目标",
        );
        assert_eq!(
            snippet,
            r#"<iframe src="https://example.gov.cn/?v=targets&q=%E7%8F%AD&embed=1" title="教育&quot;政策&quot;目标" width="100%" height="560" loading="lazy" style="border:0"></iframe>"#
        );
    }
}
