//! How the published files compress: brotli at quality 11 with a 16 MB window (as the site's
//! precompressed copies), over each whole file, so that a generator that repeats itself anywhere
//! within the window is caught.

use std::io::{self, Read, Write};

/// Brotli quality and window (bits) of the measure: the site's settings (`policy-site`).
pub const BROTLI_QUALITY: i32 = 11;
pub const BROTLI_WINDOW_BITS: i32 = 24;

/// Raw and compressed size of a set of files, and how many documents they hold.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Sizes {
    pub raw: u64,
    pub brotli: u64,
    pub documents: usize,
}

impl Sizes {
    /// Raw bytes per compressed byte.
    pub fn ratio(&self) -> f64 {
        self.raw as f64 / self.brotli.max(1) as f64
    }

    pub fn raw_per_document(&self) -> f64 {
        self.raw as f64 / self.documents.max(1) as f64
    }

    pub fn brotli_per_document(&self) -> f64 {
        self.brotli as f64 / self.documents.max(1) as f64
    }
}

/// Two sets of files of the same dataset together.
impl std::ops::Add for Sizes {
    type Output = Sizes;

    fn add(self, other: Sizes) -> Sizes {
        Sizes {
            raw: self.raw + other.raw,
            brotli: self.brotli + other.brotli,
            documents: self.documents.max(other.documents),
        }
    }
}

/// Counts what is written to it.
struct Counter(u64);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Counts what is read through it.
struct Counted<R>(R, u64);

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.0.read(buf)?;
        self.1 += n as u64;
        Ok(n)
    }
}

/// The raw and brotli sizes of everything `input` yields, streamed (a file of any size).
pub fn brotli_sizes(input: impl Read) -> io::Result<Sizes> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: BROTLI_QUALITY,
        lgwin: BROTLI_WINDOW_BITS,
        ..Default::default()
    };
    let mut input = Counted(input, 0);
    let mut out = Counter(0);
    brotli::BrotliCompress(&mut input, &mut out, &params)?;
    Ok(Sizes {
        raw: input.1,
        brotli: out.0,
        documents: 0,
    })
}

/// The sizes of each of several files (each compressed whole, on its own thread), for a dataset
/// of `documents` documents.
pub fn each_file_sizes<R: Read + Send>(files: Vec<R>, documents: usize) -> io::Result<Vec<Sizes>> {
    let results: Vec<io::Result<Sizes>> = std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .into_iter()
            .map(|file| scope.spawn(move || brotli_sizes(file)))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(io::Error::other("brotli thread panicked")))
            })
            .collect()
    });
    results
        .into_iter()
        .map(|sizes| Ok(Sizes { documents, ..sizes? }))
        .collect()
}

/// The sizes of several files together, as [`each_file_sizes`] measures them.
pub fn files_sizes<R: Read + Send>(files: Vec<R>, documents: usize) -> io::Result<Sizes> {
    let each = each_file_sizes(files, documents)?;
    Ok(each.into_iter().fold(
        Sizes {
            documents,
            ..Sizes::default()
        },
        |total, sizes| total + sizes,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_text_compresses_far_better_than_varied_text() {
        let repeated = "教育现代化".repeat(2000);
        let mut rng = super::super::Rng(1);
        let varied: String = (0..10_000)
            .map(|_| char::from_u32(0x4e00 + rng.below(3000) as u32).unwrap())
            .collect();
        let a = brotli_sizes(repeated.as_bytes()).unwrap();
        let b = brotli_sizes(varied.as_bytes()).unwrap();
        assert_eq!(a.raw, repeated.len() as u64);
        assert!(a.ratio() > 100.0, "{a:?}");
        assert!(b.ratio() < 3.0, "{b:?}");
        let both = files_sizes(vec![repeated.as_bytes(), varied.as_bytes()], 2).unwrap();
        assert_eq!(both.raw, a.raw + b.raw);
        assert_eq!(both.brotli, a.brotli + b.brotli);
    }
}
