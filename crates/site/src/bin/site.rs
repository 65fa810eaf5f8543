//! The site's build command. Trunk runs it after every build (Trunk.toml, `post_build` hook) on
//! its staging folder:
//!
//! - `site finish [DIR] [--split] [--wasm PATH] [--pack-below BYTES] [--precache-budget BYTES]
//!   [--home-only]` runs the
//!   steps of `policy_site::finish` on DIR (default: Trunk's `TRUNK_STAGING_DIR`). `--split` cuts
//!   cargo's module (`--wasm`, default `target/wasm32-unknown-unknown/<TRUNK_PROFILE>/app.wasm`)
//!   into the main module and on-demand chunks; without it Trunk's unsplit module stays.
//!   `--pack-below` sets the pack threshold (default 8192; `SITE_PACK_BELOW` in the environment
//!   when the flag is absent, which is how the naming test builds a second site through Trunk).
//!   `--home-only` writes the home page and no document pages (`SITE_DOCUMENT_PAGES=0` does the
//!   same; the benchmark's synthetic sites use it). `--precache-budget` sets the plain bytes at or
//!   under which the service worker precaches the files that grow with the documents (default
//!   2000000; `SITE_PRECACHE_BUDGET` in the environment when the flag is absent).
//! - `site worker DIR [--template PATH] [--precache-budget BYTES]` writes DIR's `sw.js` again from
//!   the template (default: the workspace's `static/sw.js`) and its compressed copies: the service
//!   worker step alone, on a finished site (the offline test's site over the budget is a copy of
//!   dist/ with budget 0).
//! - `site check-names DIR` lists the files served immutable whose name is not their bytes'
//!   digest, and fails if there is one.

use std::path::{Path, PathBuf};

use policy_site::finish::{finish, Options};
use policy_site::names::misnamed;
use policy_site::{precompress, service_worker};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("finish") => finish_command(&args[1..]),
        Some("check-names") => check_names(&args[1..]),
        Some("worker") => worker_command(&args[1..]),
        _ => Err(USAGE.into()),
    };
    if let Err(message) = result {
        eprintln!("site: {message}");
        std::process::exit(1);
    }
}

const USAGE: &str =
    "usage: site finish [DIR] [--split] [--wasm PATH] [--pack-below BYTES] [--precache-budget BYTES] [--home-only]
       site worker DIR [--template PATH] [--precache-budget BYTES]
       site check-names DIR";

/// The precache budget from `SITE_PRECACHE_BUDGET`, else the default.
fn budget_from_env() -> Result<u64, String> {
    match std::env::var("SITE_PRECACHE_BUDGET") {
        Ok(value) => value
            .parse()
            .map_err(|_| format!("SITE_PRECACHE_BUDGET={value} is not a number of bytes")),
        Err(_) => Ok(service_worker::PRECACHE_BUDGET),
    }
}

fn bytes_arg(flag: &str, value: Option<&String>) -> Result<u64, String> {
    let value = value.ok_or_else(|| format!("{flag} needs a number of bytes"))?;
    value
        .parse()
        .map_err(|_| format!("{flag} {value}: not a number of bytes"))
}

fn finish_command(args: &[String]) -> Result<(), String> {
    let mut dir = None;
    let mut split = false;
    let mut wasm = None;
    let mut options = Options::default();
    if let Ok(value) = std::env::var("SITE_PACK_BELOW") {
        options.pack_below = value
            .parse()
            .map_err(|_| format!("SITE_PACK_BELOW={value} is not a number of bytes"))?;
    }
    options.document_pages = std::env::var("SITE_DOCUMENT_PAGES").as_deref() != Ok("0");
    options.precache_budget = budget_from_env()?;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--split" => split = true,
            "--home-only" => options.document_pages = false,
            "--wasm" => wasm = Some(PathBuf::from(args.next().ok_or("--wasm needs a path")?)),
            "--pack-below" => {
                let value = args.next().ok_or("--pack-below needs a number of bytes")?;
                options.pack_below = value
                    .parse()
                    .map_err(|_| format!("--pack-below {value}: not a number of bytes"))?;
            }
            "--precache-budget" => options.precache_budget = bytes_arg(arg, args.next())?,
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            folder => dir = Some(PathBuf::from(folder)),
        }
    }
    let dir = dir
        .or_else(|| std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from))
        .ok_or("name the built site's folder (or run as Trunk's hook)")?;
    if split {
        options.split_from = Some(match wasm {
            Some(path) => path,
            None => cargo_module()?,
        });
    }
    finish(&dir, &options, |line| eprintln!("site: {line}"))?;
    eprintln!("site: {} finished", dir.display());
    Ok(())
}

/// Cargo's module of the app for Trunk's profile (`TRUNK_PROFILE`), in the workspace's target
/// folder (`CARGO_TARGET_DIR` if set).
fn cargo_module() -> Result<PathBuf, String> {
    let profile = std::env::var("TRUNK_PROFILE")
        .map_err(|_| "--split outside Trunk needs --wasm PATH (cargo's module of the app)")?;
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    Ok(target.join("wasm32-unknown-unknown").join(profile).join("app.wasm"))
}

/// `site worker`: the service-worker step again on a finished site, from the template.
fn worker_command(args: &[String]) -> Result<(), String> {
    let mut dir = None;
    let mut template = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../static/sw.js");
    let mut budget = budget_from_env()?;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--template" => template = PathBuf::from(args.next().ok_or("--template needs a path")?),
            "--precache-budget" => budget = bytes_arg(arg, args.next())?,
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            folder => dir = Some(PathBuf::from(folder)),
        }
    }
    let dir = dir.ok_or("name the finished site's folder")?;
    let template = std::fs::read_to_string(&template).map_err(|e| format!("{}: {e}", template.display()))?;
    let precache = service_worker::write_from(&dir, &template, budget)?;
    precompress::compress_file(&dir.join("sw.js"))?;
    eprintln!("site: {}", service_worker::describe(&precache, budget));
    Ok(())
}

fn check_names(args: &[String]) -> Result<(), String> {
    let dir = args.first().ok_or("name the site's folder")?;
    let wrong = misnamed(Path::new(dir))?;
    if wrong.is_empty() {
        eprintln!("site: every immutable file of {dir} is named by its bytes");
        Ok(())
    } else {
        Err(format!("not named by their bytes: {}", wrong.join(", ")))
    }
}
