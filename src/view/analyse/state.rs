//! The page's own state as a reducer: the review under way (the text, its items, the metadata),
//! the extraction's progress, the problems of the last input and of the last build, what the
//! site's checks found in the last file built, and the file last opened from the review. A bad
//! input or a failed build changes nothing else, and a new text replaces a review that holds work
//! only with a way back (`previous`), so no review work is lost. A bulk acceptance (by confidence or
//! by section: `policy_review::Review::accept_all`, the rule) can be undone until the next change to
//! the items, and its status line is kept for the screen readers' announcement (`bulk_status`). The
//! state is kept for the session
//! when the visitor goes to another page and back (it is not in the URL: a whole text and its
//! review do not fit in a link).

use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use yew::prelude::*;

use policy_data::dataset_file::FileError;
use policy_extract::{Catalogue, Progress};
use policy_review::{BulkAccepted, Decision, Edit, MetaField, Review, ReviewProblem, Selection};

/// Items shown at first and added by "show more".
pub const PAGE: usize = 30;

/// The page's state.
#[derive(Clone, Default, PartialEq)]
pub struct Page {
    pub review: Option<Rc<Review>>,
    /// Where the text came from: a file name, or none for pasted text.
    pub source: Option<String>,
    /// The extraction under way.
    pub progress: Option<Progress>,
    /// Problems of the last input (file or paste) or selection.
    pub input_problems: Vec<ReviewProblem>,
    /// Problems that stopped the last build.
    pub build_problems: Vec<ReviewProblem>,
    /// The file last opened from the review: its name and document id.
    pub opened: Option<(String, String)>,
    /// The checks could not be loaded, so the file was not opened.
    pub checks_missing: bool,
    /// What the site's checks found in the file built from the review (it was not opened).
    pub refused: Vec<FileError>,
    /// Items shown.
    pub shown: usize,
    /// The review a new text replaced while it held work, and its source: one click restores it.
    pub previous: Option<(Rc<Review>, Option<String>)>,
    /// The last bulk acceptance, while it can be undone: any other change to the items ends that.
    pub bulk: Option<Rc<BulkAccepted>>,
    /// What the status line says after a bulk acceptance or its undo.
    pub bulk_status: Option<BulkStatus>,
}

/// The status line of the bulk acceptance.
#[derive(Clone, Debug, PartialEq)]
pub enum BulkStatus {
    Accepted(Rc<BulkAccepted>),
    Undone(Rc<BulkAccepted>),
}

/// Changes to the page's state.
pub enum PageAction {
    Started(usize),
    Progress(Progress),
    Extracted(Rc<Review>, Option<String>),
    InputProblem(ReviewProblem),
    Decide(usize, Decision),
    /// Accept every open item of a confidence level or section.
    AcceptAll(Selection),
    /// Undo the last bulk acceptance.
    UndoBulk,
    Edit(usize, Edit),
    Meta(MetaField, String),
    Add(Range<usize>, Rc<Catalogue>),
    BuildProblems(Vec<ReviewProblem>),
    Opened(String, String),
    Refused(Vec<FileError>),
    ChecksMissing,
    ShowMore,
    /// Back to the review a new text replaced.
    RestorePrevious,
}

thread_local! {
    /// The state when the visitor left the page, for their return in this session.
    static KEPT: RefCell<Option<Rc<Page>>> = const { RefCell::new(None) };
}

impl Page {
    /// The state kept from an earlier visit to the page in this session, or a fresh one.
    pub fn kept() -> Page {
        KEPT.with(|k| k.borrow().as_deref().cloned()).unwrap_or_default()
    }

    /// Keeps `page` for the visitor's return.
    pub fn keep(page: Rc<Page>) {
        KEPT.with(|k| *k.borrow_mut() = Some(page));
    }

    /// Another change to the items: the last bulk acceptance can no longer be undone.
    fn end_bulk(&mut self) {
        self.bulk = None;
        self.bulk_status = None;
    }

    fn change_review(&mut self, change: impl FnOnce(&mut Review)) {
        if let Some(review) = &self.review {
            let mut next = (**review).clone();
            change(&mut next);
            self.review = Some(Rc::new(next));
            self.build_problems.clear();
        }
    }
}

impl Reducible for Page {
    type Action = PageAction;

    fn reduce(self: Rc<Self>, action: PageAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            PageAction::Started(total) => {
                next.input_problems.clear();
                next.progress = Some(Progress {
                    done_bytes: 0,
                    total_bytes: total,
                });
            }
            PageAction::Progress(progress) => next.progress = Some(progress),
            PageAction::Extracted(review, source) => {
                let previous = match &self.review {
                    Some(old) if old.work() > 0 => Some((old.clone(), self.source.clone())),
                    _ => self.previous.clone(),
                };
                next = Page {
                    previous,
                    input_problems: if review.items.is_empty() {
                        vec![ReviewProblem::NoCandidates]
                    } else {
                        Vec::new()
                    },
                    review: Some(review),
                    source,
                    shown: PAGE,
                    ..Page::default()
                };
            }
            PageAction::InputProblem(problem) => {
                next.progress = None;
                next.input_problems = vec![problem];
            }
            PageAction::Decide(index, decision) => {
                next.end_bulk();
                next.change_review(|r| r.decide(index, decision));
            }
            PageAction::Edit(index, edit) => {
                next.end_bulk();
                next.change_review(|r| r.edit(index, edit));
            }
            PageAction::AcceptAll(selection) => {
                let mut done = None;
                next.change_review(|r| done = Some(Rc::new(r.accept_all(selection))));
                if let Some(done) = done {
                    next.bulk = (!done.replaced.is_empty()).then(|| done.clone());
                    next.bulk_status = Some(BulkStatus::Accepted(done));
                }
            }
            PageAction::UndoBulk => {
                if let Some(done) = self.bulk.clone() {
                    next.change_review(|r| r.undo(&done));
                    next.bulk = None;
                    next.bulk_status = Some(BulkStatus::Undone(done));
                }
            }
            PageAction::Meta(field, value) => next.change_review(|r| r.set_meta(field, value)),
            PageAction::Add(range, catalogue) => {
                next.end_bulk();
                let mut added = Ok(0);
                next.change_review(|r| added = r.add(range, &catalogue));
                match added {
                    Ok(index) => {
                        next.input_problems.clear();
                        next.shown = next.shown.max(index + 1);
                    }
                    Err(problem) => next.input_problems = vec![problem],
                }
            }
            PageAction::BuildProblems(problems) => next.build_problems = problems,
            PageAction::Opened(name, id) => {
                next.checks_missing = false;
                next.refused.clear();
                next.opened = Some((name, id));
            }
            PageAction::Refused(errors) => {
                next.checks_missing = false;
                next.refused = errors;
            }
            PageAction::ChecksMissing => next.checks_missing = true,
            PageAction::ShowMore => next.shown += PAGE,
            PageAction::RestorePrevious => {
                if let Some((review, source)) = self.previous.clone() {
                    let replaced = self.review.clone().filter(|r| r.work() > 0);
                    next = Page {
                        previous: replaced.map(|r| (r, self.source.clone())),
                        review: Some(review),
                        source,
                        shown: PAGE,
                        ..Page::default()
                    };
                }
            }
        }
        Rc::new(next)
    }
}
