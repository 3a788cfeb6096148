//! The integration tests, as one test binary: each file of `tests/suite/`
//! is a module here, and `tests/common/` (the letter renderer and the
//! independent PDF reader) is shared by all of them.
//!
//! One binary instead of one per file: cargo compiles and links the test
//! code and its dependencies once, which halves the test build after an edit
//! (figures in the README, "Tests"). `Cargo.toml` sets `autotests = false`,
//! so a new file must be declared in `suite` below to run.
//!
//! Run one file's tests with a filter on its module path, e.g.
//! `cargo test --release --test main kazakh::`.

mod common;

mod suite {
    mod batch;
    mod card;
    mod card_pages;
    mod check_inputs;
    mod cli_messages;
    mod fewer_pages;
    mod first_minute;
    mod fuzz_corpus;
    mod help;
    mod kazakh;
    mod kazakh_words;
    mod letter_budget;
    mod letter_v2_batch;
    mod man_pages;
    mod markup;
    mod messages;
    mod messages_beyond_corpus;
    mod meta;
    mod options;
    mod pdf_profiles;
    mod preview_server;
    mod qr;
    mod reference_letter;
    mod robustness;
    mod sign;
    mod sign_chain;
    mod sign_language;
    mod tenge;
    mod text_area;
    mod text_as_typed;
    mod typography;
    mod typography_stats;
    mod v2_blocks;
    mod v2_examples;
}
