//! Colours of the charts: one colour per theme id and per locality, built on the colour-blind-safe
//! Okabe–Ito palette, plus a high-contrast variant.
//!
//! Sixteen themes are more than any colour-blind-safe palette can tell apart by hue alone, so the
//! theme palette pairs the eight Okabe–Ito colours (the first eight themes of `data/themes.toml`)
//! with darker shades of the same hues (the other eight; black is paired with grey). Within a pair
//! the colours differ in lightness, which survives every kind of colour-vision deficiency. The
//! charts never rely on colour alone: every theme is named in the legend and every chart has a
//! data-table alternative.
//!
//! The standard Okabe–Ito orange, sky blue and yellow fall below the 3:1 contrast against white that
//! WCAG 2.1 (1.4.11) asks of graphical objects. The high-contrast variant darkens every colour to
//! at least 3:1 (the eight base colours to about 4.5:1, their darker partners to about 7:1, so each
//! pair keeps its lightness step) and darkens the neutral colours (grid, band, muted text) too.

use plotters::style::RGBColor;

/// A colour as plain data. `hex()` gives the `#RRGGBB` form (upper case, as the SVG backend
/// writes it) for HTML legends next to a chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#RRGGBB`, upper case.
    pub fn hex(self) -> String {
        format!("#{:02X}{:02X}{:02X}", self.0, self.1, self.2)
    }

    /// WCAG 2.1 relative luminance, 0 (black) to 1 (white).
    pub fn relative_luminance(self) -> f64 {
        fn channel(c: u8) -> f64 {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        }
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// WCAG 2.1 contrast ratio between two colours, 1 to 21.
    pub fn contrast_ratio(self, other: Rgb) -> f64 {
        let (a, b) = (self.relative_luminance(), other.relative_luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }
}

impl From<Rgb> for RGBColor {
    fn from(c: Rgb) -> Self {
        RGBColor(c.0, c.1, c.2)
    }
}

/// The eight Okabe–Ito colours (Okabe & Ito 2008, "Color Universal Design").
pub const OKABE_ITO: [Rgb; 8] = [
    Rgb(0xE6, 0x9F, 0x00), // orange
    Rgb(0x56, 0xB4, 0xE9), // sky blue
    Rgb(0x00, 0x9E, 0x73), // bluish green
    Rgb(0xF0, 0xE4, 0x42), // yellow
    Rgb(0x00, 0x72, 0xB2), // blue
    Rgb(0xD5, 0x5E, 0x00), // vermillion
    Rgb(0xCC, 0x79, 0xA7), // reddish purple
    Rgb(0x00, 0x00, 0x00), // black
];

/// The theme ids of `data/themes.toml`, in file order; `THEME_COLORS[i]` belongs to `THEME_IDS[i]`.
pub const THEME_IDS: [&str; 16] = [
    "preschool",
    "compulsory",
    "high-school",
    "vocational",
    "higher-education",
    "special-education",
    "teachers",
    "funding",
    "health",
    "digital",
    "equity",
    "governance",
    "moral",
    "international",
    "lifelong",
    "safety",
];

/// Standard theme colours: the eight Okabe–Ito colours, then the same hues at 55 % lightness
/// (black's partner is grey).
pub const THEME_COLORS: [Rgb; 16] = [
    Rgb(0xE6, 0x9F, 0x00),
    Rgb(0x56, 0xB4, 0xE9),
    Rgb(0x00, 0x9E, 0x73),
    Rgb(0xF0, 0xE4, 0x42),
    Rgb(0x00, 0x72, 0xB2),
    Rgb(0xD5, 0x5E, 0x00),
    Rgb(0xCC, 0x79, 0xA7),
    Rgb(0x00, 0x00, 0x00),
    Rgb(0x7F, 0x57, 0x00),
    Rgb(0x2F, 0x63, 0x80),
    Rgb(0x00, 0x57, 0x3F),
    Rgb(0x84, 0x7D, 0x24),
    Rgb(0x00, 0x3F, 0x62),
    Rgb(0x75, 0x34, 0x00),
    Rgb(0x70, 0x43, 0x5C),
    Rgb(0x99, 0x99, 0x99),
];

/// High-contrast theme colours: every one at least 3:1 against white.
pub const THEME_COLORS_HIGH_CONTRAST: [Rgb; 16] = [
    Rgb(0x9C, 0x6C, 0x00),
    Rgb(0x3B, 0x7C, 0xA1),
    Rgb(0x00, 0x86, 0x62),
    Rgb(0x7F, 0x79, 0x23),
    Rgb(0x00, 0x72, 0xB2),
    Rgb(0xC2, 0x56, 0x00),
    Rgb(0xA3, 0x61, 0x86),
    Rgb(0x00, 0x00, 0x00),
    Rgb(0x71, 0x4E, 0x00),
    Rgb(0x2A, 0x58, 0x72),
    Rgb(0x00, 0x60, 0x46),
    Rgb(0x59, 0x54, 0x18),
    Rgb(0x00, 0x3F, 0x62),
    Rgb(0x75, 0x34, 0x00),
    Rgb(0x70, 0x43, 0x5C),
    Rgb(0x76, 0x76, 0x76),
];

/// Colour of a theme id that is not in [`THEME_IDS`] (a theme added to the data but not here yet).
pub const UNKNOWN_THEME: Rgb = Rgb(0xBB, 0xBB, 0xBB);
/// [`UNKNOWN_THEME`] in the high-contrast variant.
pub const UNKNOWN_THEME_HIGH_CONTRAST: Rgb = Rgb(0x76, 0x76, 0x76);

/// The colour of a theme.
pub fn theme_color(theme_id: &str, high_contrast: bool) -> Rgb {
    match THEME_IDS.iter().position(|id| *id == theme_id) {
        Some(i) if high_contrast => THEME_COLORS_HIGH_CONTRAST[i],
        Some(i) => THEME_COLORS[i],
        None if high_contrast => UNKNOWN_THEME_HIGH_CONTRAST,
        None => UNKNOWN_THEME,
    }
}

/// Locality colours, strongest first (yellow, the weakest on white, comes last).
pub const LOCALITY_COLORS: [Rgb; 8] = [
    Rgb(0x00, 0x72, 0xB2),
    Rgb(0xD5, 0x5E, 0x00),
    Rgb(0x00, 0x9E, 0x73),
    Rgb(0xCC, 0x79, 0xA7),
    Rgb(0xE6, 0x9F, 0x00),
    Rgb(0x56, 0xB4, 0xE9),
    Rgb(0x00, 0x00, 0x00),
    Rgb(0xF0, 0xE4, 0x42),
];

/// [`LOCALITY_COLORS`] darkened to at least 4.5:1 against white.
pub const LOCALITY_COLORS_HIGH_CONTRAST: [Rgb; 8] = [
    Rgb(0x00, 0x72, 0xB2),
    Rgb(0xC2, 0x56, 0x00),
    Rgb(0x00, 0x86, 0x62),
    Rgb(0xA3, 0x61, 0x86),
    Rgb(0x9C, 0x6C, 0x00),
    Rgb(0x3B, 0x7C, 0xA1),
    Rgb(0x00, 0x00, 0x00),
    Rgb(0x7F, 0x79, 0x23),
];

/// The colour of the locality with this index. The index is the locality's position among the
/// distinct localities of the dataset, in document order (see `charts::locality_index`), so a
/// city keeps its colour whatever else is selected. Beyond eight localities the colours repeat.
pub fn locality_color(index: usize, high_contrast: bool) -> Rgb {
    if high_contrast {
        LOCALITY_COLORS_HIGH_CONTRAST[index % LOCALITY_COLORS_HIGH_CONTRAST.len()]
    } else {
        LOCALITY_COLORS[index % LOCALITY_COLORS.len()]
    }
}

/// The non-data colours of a chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Neutrals {
    pub background: Rgb,
    /// Labels and titles.
    pub ink: Rgb,
    /// Axis titles, counts, secondary labels.
    pub muted: Rgb,
    pub axis: Rgb,
    pub grid: Rgb,
    /// Fill of a plan-period band.
    pub band: Rgb,
    /// Outline of a plan-period band.
    pub band_edge: Rgb,
}

/// Neutral colours, standard or high-contrast.
pub fn neutrals(high_contrast: bool) -> Neutrals {
    if high_contrast {
        Neutrals {
            background: Rgb(0xFF, 0xFF, 0xFF),
            ink: Rgb(0x00, 0x00, 0x00),
            muted: Rgb(0x1A, 0x1A, 0x1A),
            axis: Rgb(0x00, 0x00, 0x00),
            grid: Rgb(0x8C, 0x8C, 0x8C),
            band: Rgb(0xD4, 0xD4, 0xD4),
            band_edge: Rgb(0x00, 0x00, 0x00),
        }
    } else {
        Neutrals {
            background: Rgb(0xFF, 0xFF, 0xFF),
            ink: Rgb(0x22, 0x22, 0x22),
            muted: Rgb(0x59, 0x59, 0x59),
            axis: Rgb(0x76, 0x76, 0x76),
            grid: Rgb(0xE3, 0xE3, 0xE3),
            band: Rgb(0xEE, 0xEE, 0xEE),
            band_edge: Rgb(0x9E, 0x9E, 0x9E),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    const WHITE: Rgb = Rgb(0xFF, 0xFF, 0xFF);

    #[test]
    fn every_theme_has_a_distinct_colour_in_both_variants() {
        for colours in [THEME_COLORS, THEME_COLORS_HIGH_CONTRAST] {
            let distinct: BTreeSet<String> = colours.iter().map(|c| c.hex()).collect();
            assert_eq!(distinct.len(), THEME_IDS.len());
        }
        let ids: BTreeSet<&str> = THEME_IDS.iter().copied().collect();
        assert_eq!(ids.len(), THEME_IDS.len());
    }

    #[test]
    fn themes_match_the_theme_file() {
        // A guard, not a fixture: a theme added to data/themes.toml needs a colour here.
        let file = include_str!("../../data/themes.toml");
        let ids: Vec<&str> = file
            .lines()
            .filter_map(|l| l.trim().strip_prefix("id = \""))
            .filter_map(|rest| rest.strip_suffix('"'))
            .collect();
        assert_eq!(ids, THEME_IDS.to_vec());
    }

    #[test]
    fn base_colours_are_okabe_ito() {
        assert_eq!(THEME_COLORS[..8], OKABE_ITO[..]);
        assert_eq!(theme_color("preschool", false).hex(), "#E69F00");
        assert_eq!(theme_color("higher-education", false).hex(), "#0072B2");
        assert_eq!(theme_color("no-such-theme", false), UNKNOWN_THEME);
        for c in LOCALITY_COLORS {
            assert!(OKABE_ITO.contains(&c));
        }
    }

    #[test]
    fn high_contrast_variant_meets_wcag_non_text_contrast() {
        for c in THEME_COLORS_HIGH_CONTRAST
            .iter()
            .chain(LOCALITY_COLORS_HIGH_CONTRAST.iter())
        {
            assert!(c.contrast_ratio(WHITE) >= 3.0, "{} too light", c.hex());
        }
        for c in LOCALITY_COLORS_HIGH_CONTRAST {
            assert!(c.contrast_ratio(WHITE) >= 4.5, "{} too light", c.hex());
        }
        // Each base colour and its darker partner keep a visible lightness step.
        for i in 0..8 {
            let (base, dark) = (THEME_COLORS_HIGH_CONTRAST[i], THEME_COLORS_HIGH_CONTRAST[i + 8]);
            assert!(base.contrast_ratio(dark) >= 1.3, "{} vs {}", base.hex(), dark.hex());
        }
        let n = neutrals(true);
        assert!(n.ink.contrast_ratio(n.background) >= 7.0);
        assert!(n.muted.contrast_ratio(n.background) >= 7.0);
        assert!(neutrals(false).muted.contrast_ratio(WHITE) >= 4.5);
    }

    #[test]
    fn contrast_formula() {
        assert!((Rgb(0, 0, 0).contrast_ratio(WHITE) - 21.0).abs() < 1e-9);
        assert!((WHITE.contrast_ratio(WHITE) - 1.0).abs() < 1e-9);
        assert_eq!(locality_color(9, false), locality_color(1, false));
    }
}
