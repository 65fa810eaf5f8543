//! Maintainer tool for the dataset.
//!
//! - `cargo dataset clean`   re-derives the cleaned texts from the raw scrapes;
//! - `cargo dataset check`   validates the TOML sources and lists every problem;
//! - `cargo dataset publish` validates, then writes `data/published/` (index.json: home's index,
//!   the first documents; document-list.json: every document; targets.json, texts.json,
//!   targets.csv), which the app bundles and the site serves as open data, the targets
//!   and texts split by document for the views that show a few (`indicators.json`,
//!   `targets/<id>.json`, `texts/<id>.json`: `policy_data::by_document`), and one self-contained file per document (`documents/<id>.json`,
//!   the form a visitor can open in the app);
//! - `cargo dataset generate --scale 10 --seed 1 --out DIR [--report]` writes a valid
//!   synthetic dataset 10× larger (`DIR/targets.json`, `DIR/texts.json`, the index and the split by
//!   document) for the benchmarks
//!   (BENCHMARKS.md); `--report` adds timings, peak memory and how the files compress (brotli,
//!   quality 11) next to the real ones;
//! - `cargo dataset measure-search --scale N [--seed S] [--only LABEL]` prints what the cut search index's
//!   layouts weigh on a synthetic dataset N× larger (`search_measure`; build it with `--release`);
//! - `cargo dataset extract FILE [--issued YYYY-MM-DD]` prints the extractor's candidate
//!   targets in a policy text, one JSON object per line (`analysis::extract`);
//! - `cargo dataset draft FILE [--issued YYYY-MM-DD] [--id DOC-ID] [--out PATH] [--force]`
//!   writes a `data/documents/<id>.toml` skeleton from those candidates for a person to review.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::path::Path;

    // The repository root, two folders above this crate.
    let root = &Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let command = std::env::args().nth(1).unwrap_or_default();
    let result = match command.as_str() {
        "clean" => tool::clean(root),
        "check" => tool::check(root).map(|_| ()),
        "publish" => tool::publish(root),
        "generate" => tool::generate(root, &std::env::args().skip(2).collect::<Vec<_>>()),
        "measure-search" => tool::measure_search(root, &std::env::args().skip(2).collect::<Vec<_>>()),
        "extract" => tool::extract(root, &std::env::args().skip(2).collect::<Vec<_>>()),
        "draft" => tool::draft(root, &std::env::args().skip(2).collect::<Vec<_>>()),
        _ => Err("usage: cargo dataset clean | check | publish | generate --scale N --seed S --out DIR [--report]
                    | measure-search --scale N [--seed S] [--only LABEL] | extract FILE [--issued YYYY-MM-DD] | draft FILE [--issued YYYY-MM-DD] [--id DOC-ID] [--out PATH] [--force]"
            .to_string()),
    };
    if let Err(message) = result {
        eprintln!("{message}");
        std::process::exit(1);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod tool {
    use std::path::Path;
    use std::time::Instant;

    use policy_data::dataset_file::DatasetFile;
    use policy_data::model::{Indicator, Theme};
    use policy_data::{export, format, summary, validation};
    use policy_dataset::cleaning::{clean as clean_text, CleaningRules};
    use policy_dataset::draft::{self, Draft};
    use policy_dataset::repository;
    use policy_dataset::search_measure;
    use policy_dataset::synthetic::{self, measure};
    use policy_extract::{self as extract, Catalogue};

    pub fn clean(root: &Path) -> Result<(), String> {
        let rules_text = std::fs::read_to_string(root.join("data/sources/cleaning.toml")).map_err(|e| e.to_string())?;
        let rules: CleaningRules = toml::from_str(&rules_text).map_err(|e| e.to_string())?;
        for rule in &rules.rules {
            let raw = std::fs::read_to_string(root.join(&rule.raw)).map_err(|e| format!("{}: {e}", rule.raw))?;
            let cleaned = clean_text(&raw, rule).map_err(|e| e.to_string())?;
            let out = root.join(format!("data/sources/{}.txt", rule.id));
            std::fs::write(&out, format!("{cleaned}\n")).map_err(|e| e.to_string())?;
            println!("{}: {} characters", out.display(), cleaned.chars().count());
        }
        Ok(())
    }

    pub fn check(root: &Path) -> Result<repository::Loaded, String> {
        let loaded = repository::load(root)?;
        let problems = validation::validate(&loaded.dataset, &loaded.texts);
        for problem in &problems {
            eprintln!("{problem}");
        }
        let targets: usize = loaded.dataset.documents.iter().map(|d| d.targets.len()).sum();
        println!(
            "{} documents, {} targets, {} indicators: {} problems",
            loaded.dataset.documents.len(),
            targets,
            loaded.dataset.indicators.len(),
            problems.len()
        );
        if problems.is_empty() {
            Ok(loaded)
        } else {
            Err(format!("{} problems; nothing published", problems.len()))
        }
    }

    pub fn publish(root: &Path) -> Result<(), String> {
        let loaded = check(root)?;
        let out = root.join("data/published");
        std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
        let files = [
            (
                "index.json",
                summary::index_json(&policy_analysis::summary::home_index_of(&loaded.dataset)),
            ),
            ("targets.json", export::dataset_json(&loaded.dataset)),
            (
                "texts.json",
                serde_json::to_string_pretty(&loaded.texts).map_err(|e| e.to_string())?,
            ),
            (
                "targets.csv",
                export::targets_csv(&loaded.dataset, export::all_rows(&loaded.dataset)),
            ),
            (
                "document-list.json",
                summary::index_json(&policy_analysis::summary::index_of(&loaded.dataset)),
            ),
        ];
        let split = policy_data::by_document::published_files(&loaded.dataset, &files[1].1)?;
        let split_texts = policy_data::by_document::text_files(&loaded.texts, &files[2].1)?;
        for (name, content) in files {
            std::fs::write(out.join(name), content).map_err(|e| e.to_string())?;
            println!("wrote data/published/{name}");
        }
        // The split by document: stale files of removed documents go with the old folder.
        let _ = std::fs::remove_dir_all(out.join("targets"));
        std::fs::create_dir_all(out.join("targets")).map_err(|e| e.to_string())?;
        for (name, content) in &split {
            std::fs::write(out.join(name), content).map_err(|e| e.to_string())?;
        }
        let _ = std::fs::remove_dir_all(out.join("texts"));
        std::fs::create_dir_all(out.join("texts")).map_err(|e| e.to_string())?;
        for (name, content) in &split_texts {
            std::fs::write(out.join(name), content).map_err(|e| e.to_string())?;
        }
        println!(
            "wrote data/published/indicators.json, {} files in data/published/targets/ and {} in data/published/texts/",
            split.len() - 1,
            split_texts.len()
        );
        let documents = out.join("documents");
        std::fs::create_dir_all(&documents).map_err(|e| e.to_string())?;
        for entry in &loaded.dataset.documents {
            let file = DatasetFile::for_document(&loaded.dataset, &loaded.texts, entry);
            let name = format!("{}.json", entry.document.id);
            std::fs::write(documents.join(&name), file.to_json()).map_err(|e| e.to_string())?;
            println!("wrote data/published/documents/{name}");
        }
        Ok(())
    }

    /// Writes a synthetic dataset `--scale` times larger than the sources, after validating it;
    /// with `--report`, also how its files and the real ones compress (brotli, quality 11).
    pub fn generate(root: &Path, args: &[String]) -> Result<(), String> {
        let value = |flag: &str| {
            args.iter()
                .position(|a| a == flag)
                .and_then(|i| args.get(i + 1))
                .ok_or_else(|| format!("generate needs {flag} VALUE"))
        };
        let scale: usize = value("--scale")?.parse().map_err(|e| format!("--scale: {e}"))?;
        let seed: u64 = value("--seed")?.parse().map_err(|e| format!("--seed: {e}"))?;
        let out = Path::new(value("--out")?);
        let report = args.iter().any(|a| a == "--report");
        if scale == 0 {
            return Err("--scale must be at least 1".to_string());
        }
        let loaded = repository::load(root)?;
        let started = Instant::now();
        let generated = synthetic::generate(&loaded.dataset, &loaded.texts, scale, seed);
        let generation = started.elapsed();
        let started = Instant::now();
        let problems = validation::validate(&generated.dataset, &generated.texts);
        if let Some(first) = problems.first() {
            return Err(format!(
                "the generated dataset has {} problems, e.g. {first}",
                problems.len()
            ));
        }
        let validating = started.elapsed();
        let started = Instant::now();
        std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
        synthetic::write_published(&generated, out).map_err(|e| format!("{}: {e}", out.display()))?;
        let writing = started.elapsed();
        let targets: usize = generated.dataset.documents.iter().map(|d| d.targets.len()).sum();
        let documents = generated.dataset.documents.len();
        println!("{}: {documents} documents, {targets} targets, valid", out.display());
        if generated.copied > 0 {
            println!(
                "{} synthetic documents are copies of their model with new names (every draw broke a rule)",
                generated.copied
            );
        }
        if !report {
            return Ok(());
        }
        println!(
            "generated in {:.1} s, validated in {:.1} s, written in {:.1} s; peak memory so far {}",
            generation.as_secs_f64(),
            validating.as_secs_f64(),
            writing.as_secs_f64(),
            peak_memory()
        );
        drop(generated);
        let real = synthetic::generate(&loaded.dataset, &loaded.texts, 1, seed);
        let real_files = synthetic::published_files(&real);
        let started = Instant::now();
        let names = ["document-list.json", "targets.json", "texts.json"];
        let real_each = measure::each_file_sizes(
            real_files.iter().map(|(_, content)| content.as_bytes()).collect(),
            real.dataset.documents.len(),
        )
        .map_err(|e| e.to_string())?;
        let mut files = Vec::new();
        for name in names {
            let path = out.join(name);
            let file = std::fs::File::open(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            files.push(std::io::BufReader::new(file));
        }
        let synthetic_each = measure::each_file_sizes(files, documents).map_err(|e| e.to_string())?;
        let measuring = started.elapsed();
        let total = |each: &[measure::Sizes]| each.iter().copied().reduce(|sum, s| sum + s).unwrap_or_default();
        let (real_sizes, synthetic_sizes) = (total(&real_each), total(&synthetic_each));
        let line = |label: &str, s: &measure::Sizes| {
            println!(
                "{label:<32} {:>13} bytes → brotli {:>11} bytes = {:>5.2}:1; per document {:>7} → {:>6} bytes",
                group(s.raw),
                group(s.brotli),
                s.ratio(),
                group(s.raw_per_document().round() as u64),
                group(s.brotli_per_document().round() as u64)
            );
        };
        println!(
            "brotli quality {}, window 2^{} bytes, each file whole:",
            measure::BROTLI_QUALITY,
            measure::BROTLI_WINDOW_BITS
        );
        for (label, each, sizes) in [
            (
                format!("real ({} documents)", real_sizes.documents),
                &real_each,
                &real_sizes,
            ),
            (
                format!("synthetic {scale}× ({documents} documents)"),
                &synthetic_each,
                &synthetic_sizes,
            ),
        ] {
            line(&label, sizes);
            for (name, s) in names.iter().zip(each.iter()) {
                line(&format!("  {name}"), s);
            }
        }
        let relative = synthetic_sizes.ratio() / real_sizes.ratio();
        println!(
            "ratio synthetic / real: {relative:.3} ({:+.1} %; the aim is within ±25 %); compressed bytes per document: {:.3}",
            (relative - 1.0) * 100.0,
            synthetic_sizes.brotli_per_document() / real_sizes.brotli_per_document()
        );
        println!(
            "measured in {:.1} s; peak memory {}",
            measuring.as_secs_f64(),
            peak_memory()
        );
        Ok(())
    }

    /// Prints the measured layouts of the cut search index on the dataset `--scale` times larger
    /// (from 1,000×, only those the smaller scales did not rule out).
    pub fn measure_search(root: &Path, args: &[String]) -> Result<(), String> {
        let value = |flag: &str| args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1));
        let scale: usize = value("--scale")
            .ok_or("measure-search needs --scale N")?
            .parse()
            .map_err(|e| format!("--scale: {e}"))?;
        let seed: u64 = value("--seed")
            .map_or(Ok(1), |s| s.parse())
            .map_err(|e| format!("--seed: {e}"))?;
        let loaded = repository::load(root)?;
        let started = Instant::now();
        let generated = synthetic::generate(&loaded.dataset, &loaded.texts, scale, seed);
        let targets: usize = generated.dataset.documents.iter().map(|d| d.targets.len()).sum();
        let text_bytes: usize = generated.texts.values().map(String::len).sum();
        eprintln!("generated in {:.1} s", started.elapsed().as_secs_f64());
        let started = Instant::now();
        let grams = policy_analysis::search_shards::build::build(&generated.dataset, &generated.texts);
        let postings: usize = grams.iter().map(|(_, p)| p.targets.len() + p.passages.len()).sum();
        println!(
            "{scale}×: {} documents, {targets} targets, texts {:.1} MB; {} grams, {postings} postings, built in {:.1} s; peak memory {}",
            generated.dataset.documents.len(),
            text_bytes as f64 / 1e6,
            grams.len(),
            started.elapsed().as_secs_f64(),
            peak_memory()
        );
        drop(generated);
        let mut out = std::io::stdout().lock();
        search_measure::measure(
            &grams,
            &format!("{scale}×"),
            scale < 1000,
            value("--only").map(String::as_str),
            &mut out,
        )
        .map_err(|e| e.to_string())?;
        println!("peak memory {}", peak_memory());
        Ok(())
    }

    /// `1234567` → `1,234,567`.
    fn group(n: u64) -> String {
        format::format_number(n as f64, format::NumberForm::Grouped)
    }

    /// The process's peak resident memory (Linux `VmHWM`), or "unknown".
    fn peak_memory() -> String {
        std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|status| {
                let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
                let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
                Some(format!("{:.0} MB", kb as f64 / 1024.0))
            })
            .unwrap_or_else(|| "unknown".to_string())
    }

    /// The catalogue the extractor guesses indicators from: `data/indicators.toml` and `data/themes.toml`.
    fn catalogue(root: &Path) -> Result<Catalogue, String> {
        #[derive(serde::Deserialize)]
        struct Indicators {
            indicators: Vec<Indicator>,
        }
        #[derive(serde::Deserialize)]
        struct Themes {
            themes: Vec<Theme>,
        }
        let read = |name: &str| {
            let path = root.join("data").join(name);
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
        };
        let indicators: Indicators =
            toml::from_str(&read("indicators.toml")?).map_err(|e| format!("indicators.toml: {e}"))?;
        let themes: Themes = toml::from_str(&read("themes.toml")?).map_err(|e| format!("themes.toml: {e}"))?;
        Ok(Catalogue::new(&indicators.indicators, &themes.themes))
    }

    /// The FILE argument and the value of each `--flag VALUE` (flags without a value: `--force`).
    struct Args {
        file: String,
        issued: Option<String>,
        id: Option<String>,
        out: Option<String>,
        force: bool,
    }

    fn parse_args(args: &[String], command: &str) -> Result<Args, String> {
        let mut parsed = Args {
            file: String::new(),
            issued: None,
            id: None,
            out: None,
            force: false,
        };
        let mut rest = args.iter();
        while let Some(arg) = rest.next() {
            let mut value = |flag: &str| {
                rest.next()
                    .cloned()
                    .ok_or_else(|| format!("{command}: {flag} needs a value"))
            };
            match arg.as_str() {
                "--issued" => parsed.issued = Some(value("--issued")?),
                "--id" => parsed.id = Some(value("--id")?),
                "--out" => parsed.out = Some(value("--out")?),
                "--force" => parsed.force = true,
                flag if flag.starts_with("--") => return Err(format!("{command}: unknown option {flag}")),
                file if parsed.file.is_empty() => parsed.file = file.to_string(),
                extra => return Err(format!("{command}: one FILE only (also got {extra})")),
            }
        }
        if parsed.file.is_empty() {
            return Err(format!("usage: cargo dataset {command} FILE [--issued YYYY-MM-DD] …"));
        }
        if let Some(date) = &parsed.issued {
            let ok = policy_data::validation::is_iso_date(date) && extract::parse_issued(date).is_some();
            if !ok {
                return Err(format!("{command}: --issued {date} is not a YYYY-MM-DD date"));
            }
        }
        Ok(parsed)
    }

    /// Reads FILE (UTF-8, a byte-order mark allowed) and extracts its candidates.
    fn candidates(root: &Path, args: &Args) -> Result<(String, Vec<extract::Candidate>, Catalogue), String> {
        let bytes = std::fs::read(&args.file).map_err(|e| format!("{}: {e}", args.file))?;
        let text = String::from_utf8(bytes).map_err(|_| format!("{}: not UTF-8 text", args.file))?;
        let text = text.trim_start_matches('\u{FEFF}').replace("\r\n", "\n");
        let catalogue = catalogue(root)?;
        let issued = args.issued.as_deref().and_then(extract::parse_issued);
        let found = extract::extract(&text, issued, &catalogue);
        Ok((text, found, catalogue))
    }

    /// Prints one JSON object per candidate per line; a count on stderr.
    pub fn extract(root: &Path, args: &[String]) -> Result<(), String> {
        let args = parse_args(args, "extract")?;
        let (_, found, _) = candidates(root, &args)?;
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        for candidate in &found {
            let line = serde_json::to_string(candidate).map_err(|e| e.to_string())?;
            std::io::Write::write_all(&mut out, format!("{line}\n").as_bytes()).map_err(|e| e.to_string())?;
        }
        let proposed = found.iter().filter(|c| c.kind.is_target()).count();
        eprintln!(
            "{}: {} candidates, {proposed} proposed as targets, {} recognised as facts, baselines or actual values",
            args.file,
            found.len(),
            found.len() - proposed
        );
        Ok(())
    }

    /// Writes the draft document file (never over an existing one without --force).
    pub fn draft(root: &Path, args: &[String]) -> Result<(), String> {
        let args = parse_args(args, "draft")?;
        let (text, found, catalogue) = candidates(root, &args)?;
        let file = Path::new(&args.file);
        let id = match &args.id {
            Some(id) => id.clone(),
            None => file
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_string(),
        };
        if !policy_data::validation::is_valid_id(&id) {
            return Err(format!(
                "draft: '{id}' is not a valid document id (a-z, 0-9 and -); give one with --id"
            ));
        }
        let absolute = std::fs::canonicalize(file).map_err(|e| format!("{}: {e}", args.file))?;
        let root_absolute = std::fs::canonicalize(root).map_err(|e| e.to_string())?;
        let source = match absolute.strip_prefix(&root_absolute) {
            Ok(relative) => relative.to_string_lossy().replace('\\', "/"),
            Err(_) => format!("data/sources/{id}.txt"),
        };
        let toml = draft::draft(&Draft {
            id: &id,
            source: &source,
            text: &text,
            issued: args.issued.as_deref(),
            candidates: &found,
            catalogue: &catalogue,
        });
        let out = match &args.out {
            Some(path) => std::path::PathBuf::from(path),
            None => root.join("data/documents").join(format!("{id}.toml")),
        };
        if out.exists() && !args.force {
            return Err(format!(
                "{} exists; give --force to replace it or --out PATH",
                out.display()
            ));
        }
        std::fs::write(&out, toml).map_err(|e| format!("{}: {e}", out.display()))?;
        let proposed = found.iter().filter(|c| c.kind.is_target()).count();
        println!("wrote {} ({proposed} targets to review)", out.display());
        if !source.starts_with("data/sources/") || !root.join(&source).exists() {
            println!("note: the document's source is {source}; put the cleaned text there before `check`");
        }
        Ok(())
    }
}
