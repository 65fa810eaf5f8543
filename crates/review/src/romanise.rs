//! The locality's English name, romanised from its Chinese name: 东莞 → Dongguan, 青白江区 →
//! Qingbaijiang, 東莞 → Dongguan. Pinyin without tones, in one word with a capital, an apostrophe
//! before a syllable that starts with a vowel (西安 → Xi'an), the level (市、区、县) left out as the
//! dataset writes its localities. A character of several readings takes the one place names use
//! (长沙 → Changsha, 重庆 → Chongqing). A guess for the visitor to check, like every guessed field.
//! `slug` writes any name as an id's words (学前第四年毛入园率 → xue-qian-di-si-nian-mao-ru-yuan-lv).

use pinyin::ToPinyin;
use policy_extract::guess::strip_level;

/// Characters whose first reading is not the one place names use.
const PLACE_READINGS: [(char, &str); 13] = [
    ('长', "chang"),
    ('長', "chang"),
    ('重', "chong"),
    ('厦', "xia"),
    ('廈', "xia"),
    ('莞', "guan"),
    ('朝', "chao"),
    ('藏', "zang"),
    ('都', "du"),
    ('番', "pan"),
    ('蚌', "beng"),
    ('单', "shan"),
    ('單', "shan"),
];

/// The romanised name of `locality` (without its level), or `None` when a character has no reading
/// (a Latin letter, a digit, punctuation).
pub fn romanise(locality: &str) -> Option<String> {
    let name = strip_level(locality.trim());
    let mut out = String::new();
    for c in name.chars() {
        let syllable = match PLACE_READINGS.iter().find(|(p, _)| *p == c) {
            Some((_, reading)) => *reading,
            None => c.to_pinyin()?.plain(),
        };
        if out.is_empty() {
            let mut letters = syllable.chars();
            out.extend(letters.next().map(|l| l.to_ascii_uppercase()));
            out.push_str(letters.as_str());
        } else {
            if syllable.starts_with(['a', 'o', 'e']) {
                out.push('\'');
            }
            out.push_str(syllable);
        }
    }
    (!out.is_empty()).then_some(out)
}

/// `name` as lowercase ASCII words for an id: each Chinese character's pinyin without tones (ü as
/// v), runs of ASCII letters and digits kept, everything else a separator; empty when nothing is
/// left.
pub fn slug(name: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut run = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            run.push(c.to_ascii_lowercase());
            continue;
        }
        if !run.is_empty() {
            words.push(std::mem::take(&mut run));
        }
        if let Some(p) = c.to_pinyin() {
            words.push(p.plain().replace('ü', "v"));
        }
    }
    if !run.is_empty() {
        words.push(run);
    }
    words.retain(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
    words.join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_five_documents_localities() {
        assert_eq!(romanise("东莞").as_deref(), Some("Dongguan"));
        assert_eq!(romanise("东莞市").as_deref(), Some("Dongguan"));
        assert_eq!(romanise("東莞").as_deref(), Some("Dongguan"));
        assert_eq!(romanise("盘锦").as_deref(), Some("Panjin"));
        assert_eq!(romanise("青白江区").as_deref(), Some("Qingbaijiang"));
        assert_eq!(romanise("四会").as_deref(), Some("Sihui"));
        assert_eq!(romanise("四會市").as_deref(), Some("Sihui"));
        assert_eq!(romanise("清河").as_deref(), Some("Qinghe"));
    }

    #[test]
    fn place_readings_and_apostrophes() {
        assert_eq!(romanise("长沙").as_deref(), Some("Changsha"));
        assert_eq!(romanise("重庆").as_deref(), Some("Chongqing"));
        assert_eq!(romanise("厦门").as_deref(), Some("Xiamen"));
        assert_eq!(romanise("西安").as_deref(), Some("Xi'an"));
        assert_eq!(romanise("成都").as_deref(), Some("Chengdu"));
    }

    #[test]
    fn nothing_for_what_is_not_a_chinese_name() {
        assert_eq!(romanise(""), None);
        assert_eq!(romanise("  "), None);
        assert_eq!(romanise("A市"), None);
        assert_eq!(romanise("某市(未具名)"), None);
    }

    #[test]
    fn a_slug_is_an_ids_words() {
        assert_eq!(slug("学前第四年毛入园率"), "xue-qian-di-si-nian-mao-ru-yuan-lv");
        assert_eq!(slug("初中班额 (2025)"), "chu-zhong-ban-e-2025");
        assert_eq!(slug("……"), "");
    }
}
