//! Link options of the program itself (no crate is compiled differently, so
//! the prebuilt dependencies stay valid; RUSTFLAGS set by
//! packaging/build-static.sh add to this rather than replace it).
//!
//! On GNU/Linux the executable is linked with packed relative relocations
//! (`-z pack-relative-relocs`, RELR): a position-independent binary holds the
//! address of every pointer in its read-only tables (fonts, templates,
//! messages, vtables) as a relocation, 24 bytes each in the classic format,
//! about 18,000 of them (430 KB of .rela.dyn, 2.4% of the shipped binary);
//! RELR stores them as a bitmap of a few KB, and the dynamic loader walks the
//! bitmap instead of a table, which also touches fewer pages at start-up.
//! Needs GNU ld >= 2.38 (or lld) to link and glibc >= 2.36 to run (Debian 12,
//! Ubuntu 22.10); the static build links its own glibc and applies them itself.
fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo::rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}
