//! A review turned into a dataset file in the published per-document form: the accepted items as
//! targets with ids `<doc-id>-<n>`, summaries written from their fields in both languages, a note
//! saying the extractor drafted them and the visitor reviewed them, the themes and indicators they
//! use (copied from the site's catalogue, and the new indicators accepted items propose, declared
//! by `new_indicator`) and the text. What cannot be read is returned as every
//! [`ReviewProblem`] at once; the file then still goes through `dataset_file::open`, the same
//! checks as any opened file.

use std::collections::BTreeMap;

use super::{new_indicator, Item, Review, ReviewProblem};
use policy_data::dataset_file::DatasetFile;
use policy_data::format::{requirement_in, target_year, ValueForm, YearForm};
use policy_data::lang::Lang;
use policy_data::model::{
    Bilingual, Comparator, Dataset, Document, DocumentEntry, Indicator, Kind, Level, Period, Script, Target,
};
use policy_data::numerals::states_number;
use policy_data::validation::{is_iso_date, YEAR_RANGE};
use policy_extract::guess;

/// The dataset file of `review`, checked against `loaded` (the data the site shows) for ids that
/// are taken; or every problem that stops it.
pub fn build(review: &Review, loaded: &Dataset) -> Result<DatasetFile, Vec<ReviewProblem>> {
    let mut problems = Vec::new();
    let meta = &review.meta;
    let required = [
        ("locality (Chinese)", &meta.locality_zh),
        ("locality (English)", &meta.locality_en),
        ("title", &meta.title),
        ("issuer", &meta.issuer),
    ];
    for (field, value) in required {
        if value.trim().is_empty() {
            problems.push(ReviewProblem::MetaMissing { field });
        }
    }
    let mut dates = [("issued", &meta.issued), ("published", &meta.published)]
        .map(|(field, text)| (field, text.trim().to_string()));
    for (field, text) in &mut dates {
        if !text.is_empty() && !is_iso_date(text) {
            problems.push(ReviewProblem::BadDate {
                field,
                text: text.clone(),
            });
        }
    }
    let period = match (year(&meta.period_start), year(&meta.period_end)) {
        (Some(start), Some(end)) if start <= end => Some(Period { start, end }),
        _ => {
            problems.push(ReviewProblem::BadPeriod);
            None
        }
    };
    let accepted: Vec<(usize, &Item)> = review
        .items
        .iter()
        .enumerate()
        .filter(|(_, i)| i.decision == super::Decision::Accepted)
        .collect();
    if accepted.is_empty() {
        problems.push(ReviewProblem::NothingAccepted);
    }
    let doc_id = document_id(meta.locality_en.trim(), &dates[0].1, period, loaded);
    let declared = new_indicator::declare(&accepted, &doc_id, loaded, &mut problems);
    let mut targets = Vec::new();
    for (n, (index, item)) in accepted.iter().enumerate() {
        if let Some(target) = target(
            review,
            item,
            *index + 1,
            &format!("{doc_id}-{}", n + 1),
            loaded,
            &declared,
            &mut problems,
        ) {
            targets.push(target);
        }
    }
    let (Some(period), true) = (period, problems.is_empty()) else {
        return Err(problems);
    };
    let script = match guess::script_of(&review.text) {
        "traditional" => Script::Traditional,
        _ => Script::Simplified,
    };
    let issuer = meta.issuer.trim().to_string();
    let level = if issuer.contains("区人民政府") {
        Level::District
    } else if issuer.contains("市人民政府") {
        Level::PrefectureLevelCity
    } else {
        Level::Unnamed
    };
    let title = meta.title.trim().to_string();
    let document = Document {
        id: doc_id.clone(),
        locality: Bilingual {
            zh: meta.locality_zh.trim().into(),
            en: meta.locality_en.trim().into(),
        },
        province: Bilingual::default(),
        level,
        genre: guess::genre(Some(&title)).to_string(),
        title,
        doc_number: Some(meta.doc_number.trim().to_string()).filter(|d| !d.is_empty()),
        issuer,
        issued: Some(dates[0].1.clone()).filter(|d| !d.is_empty()),
        published: Some(dates[1].1.clone()).filter(|d| !d.is_empty()),
        period,
        script,
        source: format!("texts/{doc_id}"),
        note: Some(Bilingual {
            zh: "本文件的目标由本站的提取程序从原文起草,经使用者在浏览器中逐项审阅;不属于本站发布的数据。".into(),
            en: "The targets of this document were drafted from its text by the site's extractor and reviewed one by one by a visitor in the browser; they are not part of the site's published data.".into(),
        }),
    };
    let indicator_ids: Vec<&str> = targets.iter().map(|t: &Target| t.indicator.as_str()).collect();
    let indicators: Vec<Indicator> = loaded
        .indicators
        .iter()
        .chain(&declared)
        .filter(|i| indicator_ids.contains(&i.id.as_str()))
        .cloned()
        .collect();
    let themes = loaded
        .themes
        .iter()
        .filter(|t| targets.iter().any(|x| x.theme == t.id))
        .cloned()
        .collect();
    Ok(DatasetFile {
        version: loaded.version.clone(),
        themes,
        indicators,
        documents: vec![DocumentEntry { document, targets }],
        texts: BTreeMap::from([(doc_id, review.text.to_string())]),
    })
}

/// One accepted item as a target, or its problems pushed onto `problems`. `n` is the item's number
/// in the review list.
fn target(
    review: &Review,
    item: &Item,
    n: usize,
    id: &str,
    loaded: &Dataset,
    declared: &[Indicator],
    problems: &mut Vec<ReviewProblem>,
) -> Option<Target> {
    let f = &item.fields;
    let quote = review.text.get(item.range.clone()).unwrap_or_default().to_string();
    let before = problems.len();
    let indicator = match item.proposes_new() {
        false => loaded.indicators.iter().find(|i| i.id == f.indicator.trim()),
        true => new_indicator::of(item, declared),
    };
    // A named new indicator that could not be declared has its problem already.
    if indicator.is_none() && (!item.proposes_new() || f.new_zh.trim().is_empty()) {
        problems.push(ReviewProblem::NoIndicator { n });
    }
    let value_text = f.value.trim();
    let value = match value_text {
        "" => None,
        text => match text.replace([',', '，'], "").parse::<f64>() {
            Ok(v) if v.is_finite() => {
                if !states_number(&quote, v) {
                    problems.push(ReviewProblem::ValueNotInQuote {
                        n,
                        text: text.to_string(),
                    });
                }
                Some(v)
            }
            _ => {
                problems.push(ReviewProblem::BadValue {
                    n,
                    text: text.to_string(),
                });
                None
            }
        },
    };
    let year_text = f.year.trim();
    let target_year = match year_text {
        "" => None,
        text => {
            let y = year(text);
            if y.is_none() {
                problems.push(ReviewProblem::BadYear {
                    n,
                    text: text.to_string(),
                });
            }
            y
        }
    };
    let (scope_zh, scope_en) = (f.scope_zh.trim(), f.scope_en.trim());
    if scope_zh.is_empty() != scope_en.is_empty() {
        problems.push(ReviewProblem::ScopeHalf { n });
    }
    let indicator = indicator?;
    if problems.len() > before {
        return None;
    }
    // A target without a value is a milestone (or an elimination); one with a value is not.
    let (kind, comparator) = match (value, f.kind, f.comparator) {
        (None, _, Comparator::Eliminate) => (f.kind.unwrap_or(Kind::Quantitative), Comparator::Eliminate),
        (None, _, _) => (Kind::Milestone, Comparator::None),
        (Some(_), Some(Kind::Milestone) | None, c) => (Kind::Quantitative, c),
        (Some(_), Some(kind), c) => (kind, c),
    };
    let candidate = item.candidate.as_ref();
    let deadline_text = candidate
        .filter(|c| c.target_year == target_year)
        .and_then(|c| c.deadline_text.clone());
    let baseline = candidate
        .and_then(|c| c.baseline)
        .filter(|b| match (b.year, target_year) {
            (Some(b), Some(t)) => b <= t && YEAR_RANGE.contains(&b),
            (Some(b), None) => YEAR_RANGE.contains(&b),
            _ => true,
        });
    let scope = (!scope_zh.is_empty()).then(|| Bilingual {
        zh: scope_zh.into(),
        en: scope_en.into(),
    });
    let mut target = Target {
        id: id.to_string(),
        kind,
        theme: indicator.theme.clone(),
        indicator: indicator.id.clone(),
        comparator,
        value,
        unit: value.map(|_| indicator.unit.clone()),
        scope,
        baseline,
        target_year,
        deadline_text,
        binding: candidate.and_then(|c| c.binding),
        responsible: Vec::new(),
        section: candidate.map(|c| c.section.clone()).unwrap_or_default(),
        quote,
        summary: Bilingual::default(),
        note: Some(note(item)),
        garbled: false,
    };
    target.summary = summary(&target, indicator, &review.meta.locality_zh, &review.meta.locality_en);
    Some(target)
}

/// The target's summary from its fields: locality, indicator, scope, requirement and year.
fn summary(target: &Target, indicator: &Indicator, locality_zh: &str, locality_en: &str) -> Bilingual {
    let scope = target.scope.as_ref();
    let zh = format!(
        "{}:{}{}{},{}",
        locality_zh.trim(),
        scope.map(|s| s.zh.clone()).unwrap_or_default(),
        indicator.name.zh,
        match target.value {
            Some(_) => format!(
                " {}",
                requirement_in(target, Some(indicator), Lang::Zh, ValueForm::Label)
            ),
            None => String::new(),
        },
        target_year(target.target_year, Lang::Zh, YearForm::By),
    );
    let en = format!(
        "{}: {}{}{}, {}",
        locality_en.trim(),
        indicator.name.en,
        scope.map(|s| format!(" ({})", s.en)).unwrap_or_default(),
        match target.value {
            Some(_) => format!(
                " {}",
                requirement_in(target, Some(indicator), Lang::En, ValueForm::Label)
            ),
            None => String::new(),
        },
        target_year(target.target_year, Lang::En, YearForm::By),
    );
    Bilingual { zh, en }
}

/// How the target was read: drafted by the extractor and reviewed (or added) by the visitor.
fn note(item: &Item) -> Bilingual {
    match (&item.candidate, item.edited()) {
        (None, _) => Bilingual {
            zh: "这句话由使用者在原文中选出并填写各项,未经本站核对。".into(),
            en: "The visitor selected this sentence in the text and filled in its fields; not checked by the site."
                .into(),
        },
        (Some(_), false) => Bilingual {
            zh: "由本站提取程序起草,使用者审阅后采纳,未经本站核对。".into(),
            en: "Drafted by the site's extractor and accepted by the visitor after review; not checked by the site."
                .into(),
        },
        (Some(_), true) => Bilingual {
            zh: "由本站提取程序起草,使用者审阅时作了修改,未经本站核对。".into(),
            en: "Drafted by the site's extractor and edited by the visitor in review; not checked by the site.".into(),
        },
    }
}

/// The document's id: the English locality as a slug and the issue (or start) year, made unique
/// against the documents and targets already shown.
fn document_id(locality_en: &str, issued: &str, period: Option<Period>, loaded: &Dataset) -> String {
    let mut slug = String::new();
    for c in locality_en.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let mut slug = slug.trim_end_matches('-').to_string();
    slug.truncate(40);
    if slug.is_empty() {
        slug = "document".into();
    }
    let year = issued
        .get(..4)
        .and_then(year)
        .or(period.map(|p| p.start))
        .map(|y| format!("-{y}"))
        .unwrap_or_default();
    let base = format!("{}{year}", slug.trim_end_matches('-'));
    let taken = |id: &str| {
        loaded
            .documents
            .iter()
            .any(|e| e.document.id == id || e.targets.iter().any(|t| t.id.starts_with(&format!("{id}-"))))
    };
    let mut id = base.clone();
    let mut k = 2;
    while taken(&id) {
        id = format!("{base}-{k}");
        k += 1;
    }
    id
}

fn year(text: &str) -> Option<u16> {
    text.trim().parse::<u16>().ok().filter(|y| YEAR_RANGE.contains(y))
}
