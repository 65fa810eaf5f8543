//! The text with the review's items marked: each run of text is an element carrying its byte offset
//! (`data-start`), so that a selection maps back to the text exactly (`browser::selection`); items
//! that overlap (two values of one sentence) are marked once, with their numbers. Accepted items
//! are marked strongly, rejected ones struck through, facts the extractor recognised not at all.
//! The text comes in blocks of about [`BLOCK_BYTES`], each ending at a line break outside any mark,
//! which the browser lays out only when they are scrolled near (`content-visibility: auto`): a
//! 2 MB text shows without laying out all of it at once.

use std::ops::Range;

use yew::prelude::*;

use policy_data::lang::Lang;
use policy_review::{Decision, Review};

use super::super::text::tr;

/// Bytes of text in a block, at least (a block ends at the next line break outside a mark).
pub const BLOCK_BYTES: usize = 16 * 1024;

#[derive(Properties)]
pub struct MarkedTextProps {
    pub lang: Lang,
    pub review: std::rc::Rc<Review>,
}

/// Drawn again only when the marks change: the same text with the same items and decisions is the
/// same view, whatever else of the review changed (metadata, an item's fields, the list's paging).
impl PartialEq for MarkedTextProps {
    fn eq(&self, other: &Self) -> bool {
        let marks = |r: &Review| {
            r.items
                .iter()
                .map(|i| (i.range.clone(), i.decision))
                .collect::<Vec<_>>()
        };
        self.lang == other.lang
            && std::rc::Rc::ptr_eq(&self.review.text, &other.review.text)
            && marks(&self.review) == marks(&other.review)
    }
}

/// The text with its items marked.
#[component]
pub fn MarkedText(props: &MarkedTextProps) -> Html {
    let (lang, review) = (props.lang, &*props.review);
    let text = &*review.text;
    let mut blocks: Vec<Html> = Vec::new();
    let mut parts: Vec<Html> = Vec::new();
    let mut block_start = 0;
    // Where the search for a line break stopped last, so no byte is searched twice.
    let mut searched = 0;
    // Ends the block after the line break at or after `block_start + BLOCK_BYTES` and before `limit`.
    let mut cut = |parts: &mut Vec<Html>, blocks: &mut Vec<Html>, from: usize, limit: usize| -> usize {
        let mut from = from;
        while block_start + BLOCK_BYTES < limit {
            let scan = (block_start + BLOCK_BYTES).max(from).max(searched);
            let scan = (scan..limit).find(|&i| text.is_char_boundary(i)).unwrap_or(limit);
            let Some(end) = text[scan..limit].find('\n').map(|i| scan + i + 1) else {
                searched = limit;
                break;
            };
            if from < end {
                parts.push(plain(text, from..end));
            }
            blocks.push(block(std::mem::take(parts)));
            block_start = end;
            from = end;
        }
        from
    };
    let mut at = 0;
    let mut items = review.items.iter().enumerate().peekable();
    while let Some((first, item)) = items.next() {
        let mut range = item.range.clone();
        let mut numbers = vec![first + 1];
        let mut decisions = vec![item.decision];
        while let Some((n, next)) = items.next_if(|(_, next)| next.range.start < range.end) {
            range.end = range.end.max(next.range.end);
            numbers.push(n + 1);
            decisions.push(next.decision);
        }
        if range.start < at {
            // Nested in the previous mark.
            continue;
        }
        let from = cut(&mut parts, &mut blocks, at, range.start);
        if from < range.start {
            parts.push(plain(text, from..range.start));
        }
        let class = if decisions.contains(&Decision::Accepted) {
            "accepted"
        } else if decisions.iter().all(|d| *d == Decision::Rejected) {
            "rejected"
        } else {
            "open"
        };
        let label = numbers.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(",");
        parts.push(html! {
            <mark class={classes!("candidate", class)} data-start={range.start.to_string()}
                title={format!("{} {label}", tr(lang, "审阅项", "Item"))}>{ &text[range.clone()] }</mark>
        });
        at = range.end;
    }
    let from = cut(&mut parts, &mut blocks, at, text.len());
    if from < text.len() {
        parts.push(plain(text, from..text.len()));
    }
    if !parts.is_empty() {
        blocks.push(block(parts));
    }
    html! {
        <div id="analyse-text" class="analyse-text" lang="zh" tabindex="0"
            aria-label={tr(lang, "原文(标出的是找到的目标)", "The text (targets found are marked)")}>
            { for blocks }
        </div>
    }
}

fn block(parts: Vec<Html>) -> Html {
    html! { <div class="text-block">{ for parts }</div> }
}

fn plain(text: &str, range: Range<usize>) -> Html {
    html! { <span data-start={range.start.to_string()}>{ &text[range] }</span> }
}

/// The byte range of the text between two selection ends (segment start, UTF-16 offset), in order.
pub fn byte_range(text: &str, a: (usize, usize), b: (usize, usize)) -> Option<Range<usize>> {
    let (x, y) = (byte_at(text, a)?, byte_at(text, b)?);
    Some(x.min(y)..x.max(y))
}

fn byte_at(text: &str, (start, units): (usize, usize)) -> Option<usize> {
    let rest = text.get(start..)?;
    let mut counted = 0;
    for (i, c) in rest.char_indices() {
        if counted >= units {
            return Some(start + i);
        }
        counted += c.len_utf16();
    }
    Some(text.len())
}
