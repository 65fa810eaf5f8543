//! Colours of the charts: one colour per theme and per locality, built on the colour-blind-safe
//! Okabe–Ito palette, plus a high-contrast variant.
//!
//! Which theme gets which colour is data: each theme of `data/themes.toml` names a slot of the
//! theme palette (`colour = 0` to `15`, [`policy_data::model::Theme::colour`]), and
//! [`theme_slots`] gives the themes without one a free slot, so a new theme is never drawn grey.
//!
//! Sixteen themes are more than any colour-blind-safe palette can tell apart by hue alone, so the
//! theme palette pairs the eight Okabe–Ito colours (slots 0–7) with darker shades of the same hues
//! (slots 8–15; black is paired with grey). Within a pair
//! the colours differ in lightness, which survives every kind of colour-vision deficiency. The
//! charts never rely on colour alone: every theme is named in the legend and every chart has a
//! data-table alternative.
//!
//! The standard Okabe–Ito orange, sky blue and yellow fall below the 3:1 contrast against white that
//! WCAG 2.1 (1.4.11) asks of graphical objects. The high-contrast variant darkens every colour to
//! at least 3:1 (the eight base colours to about 4.5:1, their darker partners to about 7:1, so each
//! pair keeps its lightness step) and darkens the neutral colours (grid, band, muted text) too.

use plotters::style::RGBColor;

use policy_data::model::{Theme, THEME_COLOUR_SLOTS};

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

/// Standard theme colours, by slot: the eight Okabe–Ito colours, then the same hues at 55 %
/// lightness (black's partner is grey).
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

// The data's slots are exactly this palette's colours.
const _: () = assert!(THEME_COLORS.len() == THEME_COLOUR_SLOTS as usize);
const _: () = assert!(THEME_COLORS_HIGH_CONTRAST.len() == THEME_COLOUR_SLOTS as usize);

/// Colour of a theme id that is not among the dataset's themes (data built by hand; a dataset
/// that passes validation has none).
pub const UNKNOWN_THEME: Rgb = Rgb(0xBB, 0xBB, 0xBB);
/// [`UNKNOWN_THEME`] in the high-contrast variant.
pub const UNKNOWN_THEME_HIGH_CONTRAST: Rgb = Rgb(0x76, 0x76, 0x76);

/// The colour slot of each of `themes`, in order. A theme that names a slot of the palette keeps
/// it; the others take the slots no theme names, lowest first, in theme order, and when those run
/// out, every slot again from 0. Depends only on the theme list, so a theme keeps its colour
/// whichever documents a chart shows.
pub fn theme_slots(themes: &[Theme]) -> Vec<usize> {
    let n = THEME_COLORS.len();
    let named = |t: &Theme| t.colour.map(usize::from).filter(|s| *s < n);
    let mut used = vec![false; n];
    for slot in themes.iter().filter_map(named) {
        used[slot] = true;
    }
    let free: Vec<usize> = (0..n).filter(|s| !used[*s]).collect();
    let mut unnamed = 0;
    themes
        .iter()
        .map(|t| {
            named(t).unwrap_or_else(|| {
                let slot = free.get(unnamed).copied().unwrap_or_else(|| (unnamed - free.len()) % n);
                unnamed += 1;
                slot
            })
        })
        .collect()
}

/// The colour of a theme slot ([`theme_slots`]); `None` (an id not among the themes) is grey.
pub fn slot_color(slot: Option<usize>, high_contrast: bool) -> Rgb {
    match slot {
        Some(i) if high_contrast => THEME_COLORS_HIGH_CONTRAST[i % THEME_COLORS_HIGH_CONTRAST.len()],
        Some(i) => THEME_COLORS[i % THEME_COLORS.len()],
        None if high_contrast => UNKNOWN_THEME_HIGH_CONTRAST,
        None => UNKNOWN_THEME,
    }
}

/// The colour of the theme `theme_id` of `themes` (a dataset's themes).
pub fn theme_color(themes: &[Theme], theme_id: &str, high_contrast: bool) -> Rgb {
    let slot = themes
        .iter()
        .position(|t| t.id == theme_id)
        .map(|i| theme_slots(themes)[i]);
    slot_color(slot, high_contrast)
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
    use policy_data::bundled;
    use std::collections::BTreeSet;

    const WHITE: Rgb = Rgb(0xFF, 0xFF, 0xFF);

    /// The theme order the palette was written for, when it listed the theme ids itself: theme
    /// `i` had colour `i`, and still has.
    const THEMES_BEFORE: [&str; 16] = [
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

    fn theme(id: &str, colour: Option<u8>) -> Theme {
        Theme {
            id: id.to_string(),
            name: policy_data::model::Bilingual::default(),
            colour,
        }
    }

    #[test]
    fn every_theme_has_a_distinct_colour_in_both_variants() {
        for colours in [THEME_COLORS, THEME_COLORS_HIGH_CONTRAST] {
            let distinct: BTreeSet<String> = colours.iter().map(|c| c.hex()).collect();
            assert_eq!(distinct.len(), usize::from(THEME_COLOUR_SLOTS));
        }
        let themes = &bundled::dataset().themes;
        let ids: BTreeSet<&str> = themes.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids.len(), themes.len());
        let slots: BTreeSet<usize> = theme_slots(themes).into_iter().collect();
        assert_eq!(slots.len(), themes.len());
    }

    #[test]
    fn themes_match_the_theme_file() {
        // Every theme of data/themes.toml names its colour slot, and the themes the palette used
        // to list keep their colours.
        let file = include_str!("../../../data/themes.toml");
        let ids: Vec<&str> = file
            .lines()
            .filter_map(|l| l.trim().strip_prefix("id = \""))
            .filter_map(|rest| rest.strip_suffix('"'))
            .collect();
        let themes = &bundled::dataset().themes;
        assert_eq!(ids, themes.iter().map(|t| t.id.as_str()).collect::<Vec<_>>());
        assert!(themes.iter().all(|t| t.colour.is_some()), "{themes:?}");
        for (i, id) in THEMES_BEFORE.iter().enumerate() {
            assert!(ids.contains(id), "{id}");
            assert_eq!(theme_color(themes, id, false), THEME_COLORS[i], "{id}");
            assert_eq!(theme_color(themes, id, true), THEME_COLORS_HIGH_CONTRAST[i], "{id}");
        }
    }

    #[test]
    fn themes_without_a_slot_take_free_ones_never_grey() {
        let named = |n: usize| (0..n).map(|i| theme(&format!("t{i}"), Some(i as u8)));
        // One theme added without a slot to the sixteen: all taken, so slots again from 0.
        let mut themes: Vec<Theme> = named(16).collect();
        themes.push(theme("new", None));
        assert_eq!(theme_slots(&themes)[16], 0);
        // Fourteen named, two without: they take the free slots 14 and 15, in order.
        let mut themes: Vec<Theme> = named(14).collect();
        themes.insert(3, theme("a", None));
        themes.push(theme("b", None));
        let slots = theme_slots(&themes);
        assert_eq!((slots[3], slots[15]), (14, 15));
        assert_eq!(theme_color(&themes, "b", false), THEME_COLORS[15]);
        assert_ne!(theme_color(&themes, "a", true), UNKNOWN_THEME_HIGH_CONTRAST);
        // Slots out of range count as none; a slot shared (refused by validation) is kept.
        let themes = vec![theme("x", Some(200)), theme("y", Some(0)), theme("z", Some(0))];
        assert_eq!(theme_slots(&themes), vec![1, 0, 0]);
        // The same list always gives the same slots.
        assert_eq!(theme_slots(&themes), theme_slots(&themes.clone()));
    }

    #[test]
    fn base_colours_are_okabe_ito() {
        let themes = &bundled::dataset().themes;
        assert_eq!(THEME_COLORS[..8], OKABE_ITO[..]);
        assert_eq!(theme_color(themes, "preschool", false).hex(), "#E69F00");
        assert_eq!(theme_color(themes, "higher-education", false).hex(), "#0072B2");
        assert_eq!(theme_color(themes, "no-such-theme", false), UNKNOWN_THEME);
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
