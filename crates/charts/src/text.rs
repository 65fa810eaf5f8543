//! Text width without a font engine: the charts' own estimate of how wide a string is drawn
//! ([`text_width`]) and cutting a string to fit ([`fit_text`]). See the `charts` module doc.

/// Estimated width of `text` in pixels at font size `size` (CJK and full-width characters one em,
/// anything else 0.6 em). Deliberately independent of the backend, see the module doc.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| {
            let u = c as u32;
            if (0x2E80..=0x9FFF).contains(&u)
                || (0xAC00..=0xD7AF).contains(&u)
                || (0xF900..=0xFAFF).contains(&u)
                || (0xFE30..=0xFE4F).contains(&u)
                || (0xFF00..=0xFF60).contains(&u)
                || (0xFFE0..=0xFFE6).contains(&u)
            {
                1.0
            } else if c == ' ' || c == '.' || c == ',' || c == '(' || c == ')' {
                0.35
            } else {
                0.6
            }
        })
        .sum::<f64>()
        * size
}

/// `text` cut to fit `max` pixels, with an ellipsis when cut.
pub(crate) fn fit_text(text: &str, max: f64, size: f64) -> String {
    if text_width(text, size) <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        let mut next = out.clone();
        next.push(c);
        if text_width(&next, size) + text_width("…", size) > max {
            break;
        }
        out = next;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_estimates_and_fitting() {
        assert_eq!(text_width("东莞", 10.0), 20.0);
        assert!((text_width("2020", 10.0) - 24.0).abs() < 1e-9);
        let cut = fit_text("Qingbaijiang District", 60.0, 10.0);
        assert!(cut.ends_with('…'));
        assert!(text_width(&cut, 10.0) <= 60.0);
        assert_eq!(fit_text("东莞", 60.0, 10.0), "东莞");
    }
}
