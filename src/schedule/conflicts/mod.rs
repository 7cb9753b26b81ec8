//! Conflicts in a [`Calendar`](super::Calendar): a minister in two meetings
//! at once, or in two places without the time to travel between them.
//!
//! [`Calendar::conflicts`](crate::schedule::Calendar::conflicts) finds them one at a
//! time (their number can grow as the square of the meetings);
//! [`Calendar::conflicts_capped`](crate::schedule::Calendar::conflicts_capped) keeps
//! the first few and counts the rest.

mod count;
mod kind;
mod search;
mod sweep;

pub use kind::{Conflict, ConflictKind};
pub use search::{CappedConflicts, Conflicts};
