//! Invented localities grouped as China's are: provinces (the 22 real ones), prefecture-level cities
//! in a province, counties and districts under a city. City and county names are two or three
//! characters drawn from [`NAME_PARTS`], every one unique in the dataset.

use std::collections::HashSet;

use super::Rng;

/// Characters of invented place names with their pinyin. None is a numeral, and each is written the
/// same in Simplified and Traditional script (a test checks both), so a name reads right in every
/// text and never adds a number to a quote.
pub(super) const NAME_PARTS: [(char, &str); 112] = [
    ('安', "an"),
    ('平', "ping"),
    ('和', "he"),
    ('江', "jiang"),
    ('山', "shan"),
    ('湖', "hu"),
    ('城', "cheng"),
    ('新', "xin"),
    ('清', "qing"),
    ('泰', "tai"),
    ('永', "yong"),
    ('福', "fu"),
    ('康', "kang"),
    ('桂', "gui"),
    ('松', "song"),
    ('柳', "liu"),
    ('梅', "mei"),
    ('林', "lin"),
    ('海', "hai"),
    ('溪', "xi"),
    ('源', "yuan"),
    ('昌', "chang"),
    ('德', "de"),
    ('武', "wu"),
    ('嘉', "jia"),
    ('宜', "yi"),
    ('瑞', "rui"),
    ('峰', "feng"),
    ('川', "chuan"),
    ('河', "he"),
    ('金', "jin"),
    ('石', "shi"),
    ('西', "xi"),
    ('南', "nan"),
    ('北', "bei"),
    ('定', "ding"),
    ('州', "zhou"),
    ('水', "shui"),
    ('田', "tian"),
    ('白', "bai"),
    ('青', "qing"),
    ('赤', "chi"),
    ('丹', "dan"),
    ('玉', "yu"),
    ('泉', "quan"),
    ('岩', "yan"),
    ('津', "jin"),
    ('浦', "pu"),
    ('沙', "sha"),
    ('洲', "zhou"),
    ('原', "yuan"),
    ('丘', "qiu"),
    ('古', "gu"),
    ('吉', "ji"),
    ('容', "rong"),
    ('富', "fu"),
    ('春', "chun"),
    ('秋', "qiu"),
    ('英', "ying"),
    ('秀', "xiu"),
    ('雅', "ya"),
    ('仁', "ren"),
    ('忠', "zhong"),
    ('湘', "xiang"),
    ('沅', "yuan"),
    ('淮', "huai"),
    ('汝', "ru"),
    ('洛', "luo"),
    ('渭', "wei"),
    ('沂', "yi"),
    ('潭', "tan"),
    ('洪', "hong"),
    ('汾', "fen"),
    ('淄', "zi"),
    ('株', "zhu"),
    ('桃', "tao"),
    ('榆', "yu"),
    ('柏', "bai"),
    ('梓', "zi"),
    ('桐', "tong"),
    ('樟', "zhang"),
    ('竹', "zhu"),
    ('茂', "mao"),
    ('邵', "shao"),
    ('郴', "chen"),
    ('邢', "xing"),
    ('邯', "han"),
    ('都', "du"),
    ('京', "jing"),
    ('宣', "xuan"),
    ('宿', "su"),
    ('滁', "chu"),
    ('舒', "shu"),
    ('屏', "ping"),
    ('博', "bo"),
    ('惠', "hui"),
    ('潮', "chao"),
    ('汕', "shan"),
    ('揭', "jie"),
    ('梧', "wu"),
    ('崇', "chong"),
    ('仙', "xian"),
    ('彭', "peng"),
    ('蒲', "pu"),
    ('蓬', "peng"),
    ('孟', "meng"),
    ('襄', "xiang"),
    ('恩', "en"),
    ('咸', "xian"),
    ('延', "yan"),
    ('鞍', "an"),
    ('唐', "tang"),
];

/// The provinces (省) of the mainland, Simplified name and English name; every one is written
/// "…省" in a text, as the real documents' provinces are.
pub(super) const PROVINCES: [(&str, &str); 22] = [
    ("广东", "Guangdong"),
    ("辽宁", "Liaoning"),
    ("四川", "Sichuan"),
    ("河北", "Hebei"),
    ("山西", "Shanxi"),
    ("吉林", "Jilin"),
    ("黑龙江", "Heilongjiang"),
    ("江苏", "Jiangsu"),
    ("浙江", "Zhejiang"),
    ("安徽", "Anhui"),
    ("福建", "Fujian"),
    ("江西", "Jiangxi"),
    ("山东", "Shandong"),
    ("河南", "Henan"),
    ("湖北", "Hubei"),
    ("湖南", "Hunan"),
    ("海南", "Hainan"),
    ("贵州", "Guizhou"),
    ("云南", "Yunnan"),
    ("陕西", "Shaanxi"),
    ("甘肃", "Gansu"),
    ("青海", "Qinghai"),
];

/// An invented city, county or district: its names and the lowercase stem of its document ids.
#[derive(Clone, Debug)]
pub(super) struct Place {
    pub zh: String,
    pub en: String,
    pub stem: String,
}

/// A prefecture-level city and the province it belongs to (an index into [`PROVINCES`]).
pub(super) struct City {
    pub place: Place,
    pub province: usize,
}

/// Where a synthetic document comes from: its own locality, the city it is in (itself for a
/// city's document) and the province.
pub(super) struct Locality {
    pub place: Place,
    pub city: Place,
    pub province: usize,
}

/// Every invented place so far, so that names are never reused.
pub(super) struct Geography {
    cities: Vec<City>,
    taken: HashSet<String>,
    ids: HashSet<String>,
    /// The provinces in a seeded order; earlier ones are drawn more often, so that provinces
    /// hold several cities even in a small dataset.
    provinces: Vec<usize>,
}

impl Geography {
    /// `taken`: names already used (the real localities); `ids`: document ids already used.
    pub fn new(rng: &mut Rng, taken: impl IntoIterator<Item = String>, ids: impl IntoIterator<Item = String>) -> Self {
        let mut provinces: Vec<usize> = (0..PROVINCES.len()).collect();
        for i in (1..provinces.len()).rev() {
            provinces.swap(i, rng.below(i + 1));
        }
        let mut taken: HashSet<String> = taken.into_iter().collect();
        taken.extend(PROVINCES.iter().map(|(zh, _)| zh.to_string()));
        Geography {
            cities: Vec::new(),
            taken,
            ids: ids.into_iter().collect(),
            provinces,
        }
    }

    fn province(&self, rng: &mut Rng) -> usize {
        // The square of a uniform draw favours the first provinces of the seeded order.
        let u = rng.unit();
        self.provinces[((u * u) * self.provinces.len() as f64) as usize % self.provinces.len()]
    }

    fn name(&mut self, rng: &mut Rng) -> Place {
        let mut attempts = 0usize;
        loop {
            // Mostly two characters, some three; more once two-character names grow scarce.
            let len = (if rng.below(100) < 12 + attempts.min(80) { 3 } else { 2 }) + attempts / 200;
            attempts += 1;
            let mut zh = String::new();
            let mut stem = String::new();
            let mut previous = None;
            for _ in 0..len {
                let (c, pinyin) = loop {
                    let part = NAME_PARTS[rng.below(NAME_PARTS.len())];
                    if Some(part.0) != previous {
                        break part;
                    }
                };
                previous = Some(c);
                zh.push(c);
                stem.push_str(pinyin);
            }
            if self.taken.insert(zh.clone()) {
                let mut en = stem.clone();
                en[..1].make_ascii_uppercase();
                return Place { zh, en, stem };
            }
        }
    }

    /// A new prefecture-level city with a document of its own.
    pub fn new_city(&mut self, rng: &mut Rng) -> Locality {
        let province = self.province(rng);
        let place = self.name(rng);
        self.cities.push(City {
            place: place.clone(),
            province,
        });
        Locality {
            city: place.clone(),
            place,
            province,
        }
    }

    /// A new county, county-level city or district: under a city met before (three times in
    /// four) or under a new city that has no document of its own.
    pub fn new_county(&mut self, rng: &mut Rng) -> Locality {
        let parent = if self.cities.is_empty() || rng.below(4) == 0 {
            let province = self.province(rng);
            let place = self.name(rng);
            self.cities.push(City { place, province });
            self.cities.len() - 1
        } else {
            rng.below(self.cities.len())
        };
        let place = self.name(rng);
        let city = &self.cities[parent];
        Locality {
            place,
            city: city.place.clone(),
            province: city.province,
        }
    }

    /// A document id unused so far: `<stem>-<year>`, numbered when that is taken.
    pub fn document_id(&mut self, stem: &str, year: &str) -> String {
        let mut id = format!("{stem}-{year}");
        let mut n = 2;
        while !self.ids.insert(id.clone()) {
            id = format!("{stem}{n}-{year}");
            n += 1;
        }
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use policy_data::numerals::{chinese_digit, chinese_unit};
    use policy_data::script::is_traditional_specific;

    #[test]
    fn name_characters_are_no_numerals_and_the_same_in_both_scripts() {
        let simplified_forms = super::super::walk::simplified_forms();
        let mut seen = HashSet::new();
        for (c, pinyin) in NAME_PARTS {
            assert!(seen.insert(c), "{c} twice");
            assert!(
                chinese_digit(c).is_none() && chinese_unit(c).is_none(),
                "{c} is a numeral"
            );
            assert!(!is_traditional_specific(c), "{c} is Traditional");
            // Written alike in both scripts, though `fast2s` also folds other characters into
            // them (鬆 loose, 谿, 巖, 鞦 swing, 鹹 salty).
            const ALSO_TRADITIONAL: [char; 5] = ['松', '溪', '岩', '秋', '咸'];
            assert!(
                !simplified_forms.contains_key(&c) || ALSO_TRADITIONAL.contains(&c),
                "{c} is written otherwise in Traditional: {:?}",
                simplified_forms[&c]
            );
            assert!(!pinyin.is_empty() && pinyin.bytes().all(|b| b.is_ascii_lowercase()));
        }
    }

    #[test]
    fn names_are_unique_and_counties_share_cities() {
        let mut rng = Rng(3);
        let mut geography = Geography::new(&mut rng, ["盘锦".to_string()], []);
        let mut names = HashSet::new();
        let mut cities = HashSet::new();
        for i in 0..6000 {
            let locality = if i % 2 == 0 {
                geography.new_city(&mut rng)
            } else {
                geography.new_county(&mut rng)
            };
            assert!(names.insert(locality.place.zh.clone()), "{} twice", locality.place.zh);
            assert_ne!(locality.place.zh, "盘锦");
            cities.insert(locality.city.zh.clone());
        }
        assert!(cities.len() < 6000, "counties are grouped under cities");
        let id = geography.document_id("anping", "2020");
        assert_eq!(id, "anping-2020");
        assert_eq!(geography.document_id("anping", "2020"), "anping2-2020");
    }
}
