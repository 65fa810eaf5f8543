//! Settings the site operator changes in this one place before deploying.

/// Where "report an error" messages go. Replace with the operator's corrections mailbox.
pub const CORRECTIONS_EMAIL: &str = "corrections@example.gov.cn";
