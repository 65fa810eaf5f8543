//! Native benchmarks of the core operations behind every interaction (catalogue build, search,
//! the same search by scanning, clearing the search, filters with their live counts, comparison,
//! evaluation) on the real dataset and on seeded synthetic datasets 10× and 100× larger. Run with
//! `cargo bench --bench core`; BENCHMARKS.md has the figures and how time grows with the number
//! of targets.

use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};

use policy_analysis::catalog::Catalog;
use policy_analysis::compare::{key_differences, ComparisonMatrix, CoverageMatrix};
use policy_analysis::filter::{filter_rows, FacetCounts, SortKey, TargetFilter};
use policy_analysis::progress::{evaluable_rows, evaluate, EvaluationInput};
use policy_analysis::search::{SearchHits, SearchIndex};
use policy_data::model::Dataset;
use policy_dataset::{repository, synthetic};

/// The scales measured: the real dataset, 10× and 100× (seed 1, as in scripts/bench.sh).
const SCALES: [usize; 3] = [1, 10, 100];

/// Queries typed in the search box: common words, a number, Traditional script, English.
const QUERIES: [&str; 5] = ["班额", "学位", "2025", "學位", "teacher"];

/// The localities the compare view opens with.
const COMPARED: [&str; 4] = ["dongguan-2019", "panjin-2019", "qingbaijiang-2018", "sihui-2022"];

struct Scaled {
    scale: usize,
    targets: usize,
    dataset: Dataset,
    texts: BTreeMap<String, String>,
    catalog: Catalog,
}

fn datasets() -> Vec<Scaled> {
    let base = repository::load(Path::new(env!("CARGO_MANIFEST_DIR"))).expect("dataset loads");
    SCALES
        .iter()
        .map(|&scale| {
            let generated = synthetic::generate(&base.dataset, &base.texts, scale, 1);
            let catalog = Catalog::new(generated.dataset.clone(), generated.texts.clone());
            Scaled {
                scale,
                targets: catalog.rows.len(),
                dataset: generated.dataset,
                texts: generated.texts,
                catalog,
            }
        })
        .collect()
}

fn label(s: &Scaled) -> String {
    format!("{}x/{}targets", s.scale, s.targets)
}

fn preschool_filter() -> TargetFilter {
    let mut filter = TargetFilter::default();
    filter
        .localities
        .extend(["dongguan-2019".to_string(), "panjin-2019".to_string()]);
    filter.themes.insert("preschool".to_string());
    filter
}

/// What the targets list computes on a filter change: filtered rows plus the four facet counts.
fn filter_update(catalog: &Catalog, candidates: &[usize], filter: &TargetFilter) -> usize {
    let rows = filter_rows(catalog, candidates.iter().copied(), filter, SortKey::Year);
    let counts = FacetCounts::of(catalog, candidates);
    rows.len() + counts.documents.len() + counts.themes.len()
}

/// One group timing the five [`QUERIES`] at every scale through `query` (the index or the scan).
fn bench_queries(c: &mut Criterion, name: &str, data: &[Scaled], query: fn(&SearchIndex, &str) -> SearchHits) {
    let mut group = c.benchmark_group(name);
    for s in data {
        group.throughput(Throughput::Elements(s.targets as u64));
        group.bench_function(BenchmarkId::from_parameter(label(s)), |b| {
            b.iter(|| {
                QUERIES
                    .iter()
                    .map(|q| {
                        let hits = query(s.catalog.search_index(), black_box(q));
                        hits.rows.len() + hits.passages.len()
                    })
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

fn benches(c: &mut Criterion) {
    let data = datasets();
    let compared: Vec<String> = COMPARED.iter().map(|s| s.to_string()).collect();

    let mut group = c.benchmark_group("catalog_build");
    group.sample_size(10).measurement_time(Duration::from_secs(8));
    for s in &data {
        group.throughput(Throughput::Elements(s.targets as u64));
        group.bench_function(BenchmarkId::from_parameter(label(s)), |b| {
            b.iter_batched(
                || (s.dataset.clone(), s.texts.clone()),
                |(dataset, texts)| Catalog::new(dataset, texts),
                BatchSize::LargeInput,
            )
        });
    }
    group.finish();

    // The first search after the catalogue is built also folds every target and paragraph and makes
    // their gram index (made on demand, so start-up does not wait for it).
    let mut group = c.benchmark_group("first_search");
    group.sample_size(10).measurement_time(Duration::from_secs(8));
    for s in &data {
        group.throughput(Throughput::Elements(s.targets as u64));
        group.bench_function(BenchmarkId::from_parameter(label(s)), |b| {
            b.iter_batched(
                || Catalog::new(s.dataset.clone(), s.texts.clone()),
                |catalog| catalog.search_index().search(black_box(QUERIES[0])).rows.len(),
                BatchSize::LargeInput,
            )
        });
    }
    group.finish();

    bench_queries(c, "search", &data, SearchIndex::search);
    // The same queries by checking every folded text (what `search` did before the index).
    bench_queries(c, "search_scan", &data, SearchIndex::scan);

    // Clearing the search box: every row, no filter, document order, and the four facet counts.
    let mut group = c.benchmark_group("clear");
    let none = TargetFilter::default();
    for s in &data {
        group.throughput(Throughput::Elements(s.targets as u64));
        group.bench_function(BenchmarkId::from_parameter(label(s)), |b| {
            b.iter(|| {
                let all: Vec<usize> = (0..s.catalog.rows.len()).collect();
                let rows = filter_rows(&s.catalog, all.iter().copied(), black_box(&none), SortKey::Document);
                let counts = FacetCounts::of(&s.catalog, &all);
                rows.len() + counts.documents.len()
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("filter");
    let filter = preschool_filter();
    for s in &data {
        let all: Vec<usize> = (0..s.catalog.rows.len()).collect();
        group.throughput(Throughput::Elements(s.targets as u64));
        group.bench_function(BenchmarkId::from_parameter(label(s)), |b| {
            b.iter(|| filter_update(&s.catalog, black_box(&all), &filter))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("compare");
    for s in &data {
        group.throughput(Throughput::Elements(s.targets as u64));
        group.bench_function(BenchmarkId::from_parameter(label(s)), |b| {
            b.iter(|| {
                let dataset = &s.catalog.dataset;
                let matrix = ComparisonMatrix::build(dataset, black_box(&compared));
                let coverage = CoverageMatrix::build(dataset, &compared);
                let differences = key_differences(dataset, &compared);
                matrix.rows.len() + coverage.themes.len() + differences.len()
            })
        });
    }
    group.finish();

    // The evaluation view lists every evaluable target, then evaluates the chosen one.
    let mut group = c.benchmark_group("evaluation");
    let input = EvaluationInput {
        date: "2023-06-30".to_string(),
        current_value: "97.3".to_string(),
        ..Default::default()
    };
    for s in &data {
        let catalog = &s.catalog;
        let chosen = catalog
            .row_of("sihui-2022-t1-high-school-gross-enrolment")
            .expect("the evaluated target exists");
        group.throughput(Throughput::Elements(s.targets as u64));
        group.bench_function(BenchmarkId::from_parameter(label(s)), |b| {
            b.iter(|| {
                let evaluable = evaluable_rows(catalog).len();
                let row = catalog.rows[chosen];
                let result = evaluate(catalog.document(row), catalog.target(row), black_box(&input));
                evaluable + usize::from(result.is_ok())
            })
        });
    }
    group.finish();
}

criterion_group!(core, benches);
criterion_main!(core);
