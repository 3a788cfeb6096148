//! Tera's `range`, with the letter's time budget checked at every call.
//!
//! Tera counts no steps: a loop that prints nothing never reaches the
//! budgeted output, and nested `{% for %}` over ranges run for hours. The
//! inner range is called once per turn of the outer loop, so checking the
//! budget here stops such loops within it, and the refusal points at the
//! `range(…)` call (file, line and column) that Tera names. Same arguments,
//! results and limit as Tera's own.

use tera::{Kwargs, State, TeraResult};

/// Tera's own limit on a range's length.
const MAX_RANGE_LEN: i128 = 100_000;

/// What a spent budget makes `range` fail with; [`super::Templates::compose`]
/// words the refusal.
pub const OVER_BUDGET: &str = "over the letter's time budget";

pub fn range(kwargs: Kwargs, _: &State) -> TeraResult<Vec<i128>> {
    if crate::budget::spent() {
        return Err(tera::Error::message(OVER_BUDGET));
    }
    let start = kwargs.get::<i128>("start")?.unwrap_or_default();
    let end = kwargs.must_get::<i128>("end")?;
    let step = kwargs.get::<i128>("step_by")?.unwrap_or(1);
    if step == 0 {
        return Err(tera::Error::message(
            "Function `range` was called with a `step_by` argument of 0",
        ));
    }
    if start > end && step > 0 {
        return Err(tera::Error::message(
            "Function `range` was called with a `start` argument greater than the `end` one",
        ));
    }
    let overflow =
        || tera::Error::message("Function `range` was called with arguments that overflow i128");
    // Counted as Tera counts: the whole steps from start towards end.
    let (span, by) = match (step > 0, start <= end) {
        (true, _) => (end.checked_sub(start), step),
        (false, true) => (Some(0), 1),
        (false, false) => (
            start.checked_sub(end),
            step.checked_neg().ok_or_else(overflow)?,
        ),
    };
    let span = span.ok_or_else(overflow)?;
    let len = span.checked_add(by - 1).ok_or_else(overflow)? / by;
    if len > MAX_RANGE_LEN {
        return Err(tera::Error::message(format!(
            "Function `range` would produce {len} elements, which exceeds the limit of {MAX_RANGE_LEN}"
        )));
    }
    Ok((0..len).map(|i| start + i * step).collect())
}
