//! Messages in the clerk's language beyond the robustness corpus (issue
//! 16): the letter markup a template prints (src/document), `batch` runs
//! (shards, lists of letters, the output folder, a worker that dies) and
//! mail merges (bad data files). Each is said with `LANG=ru_RU.UTF-8` and
//! `LANG=kk_KZ.UTF-8` at the same `file:line:col` as in English, with no
//! English word but quoted names, options and placeholders.

use std::collections::BTreeSet;
use std::path::Path;

use super::batch::{letter, write};
use super::messages::{field_names, places, run, words_to_check};

const LANGS: [&str; 2] = ["ru_RU.UTF-8", "kk_KZ.UTF-8"];

/// Words the messages use as written: placeholders (`--shard K/N`,
/// `--shards N`), the program's name, and the names of formats.
const PLACEHOLDERS: &[&str] = &["K", "N", "zhauap", "CSV", "Excel"];

/// The English words of every line `zhauap` wrote to stderr, but the
/// snippets' lines (the letter's or the data file's own text).
fn english_words(stderr: &str, dir: &str) -> BTreeSet<String> {
    let fields = field_names();
    stderr
        .lines()
        .filter(|l| {
            let t = l.trim_start();
            !(t.starts_with("-->")
                || t.starts_with('|')
                || t.split_once(" |")
                    .is_some_and(|(n, _)| n.trim().parse::<u32>().is_ok()))
        })
        .flat_map(|l| words_to_check(l, dir, &fields))
        .filter(|w| !PLACEHOLDERS.contains(&w.as_str()))
        .collect()
}

/// Runs `args` in English and in Russian and Kazakh: the same places, the
/// clerk's words, and `wanted` (per language: en, ru, kk) said. Returns
/// the problems found.
fn said_alike(args: &[String], dir: &Path, wanted: [&str; 3]) -> Vec<String> {
    let dir = dir.display().to_string();
    let english = run(args, None);
    let mut problems = Vec::new();
    if !english.contains(wanted[0]) {
        problems.push(format!(
            "{args:?}: English lacks «{}»:\n{english}",
            wanted[0]
        ));
    }
    let english_places = places(&english, &dir);
    for (lang, words) in LANGS.iter().zip(&wanted[1..]) {
        let said = run(args, Some(lang));
        if places(&said, &dir) != english_places {
            problems.push(format!(
                "{args:?} {lang}: places differ:\n{said}\n--- English:\n{english}"
            ));
        }
        if !said.contains(words) {
            problems.push(format!("{args:?} {lang}: «{words}» not said:\n{said}"));
        }
        let left = english_words(&said, &dir);
        if !left.is_empty() {
            problems.push(format!(
                "{args:?} {lang}: English words {left:?} in:\n{said}"
            ));
        }
    }
    problems
}

fn s(path: &Path) -> String {
    path.display().to_string()
}

const LETTER: &str = "template: t
inquiry:
  number: ДЗ-83
  date: 2024-03-01
addressee: Депутатам
salutation: Уважаемые депутаты!
body:
  - Текст.
signature:
  name: Е. Тугжанов
";

/// A template's markup mistakes, each at its line and column in the
/// template, in the clerk's language.
#[test]
fn template_markup_errors_are_in_russian_and_kazakh_at_the_same_places() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    // Block and attribute mistakes: every one is reported.
    let blocks = "Текст до блоков
[document lang=\"{{ lang }}\" date=\"01.03.2024\"]
[paragraph align=\"middle\"]
Текст
[heading colour=\"red\"]
Заголовок
[signature bold=\"yes\" name=\"А. Б.\"]
[item level=\"4\"]
Пункт
[paragrph]
x
[table widths=\"x 1\"]
[row]
[cell]
а
";
    // Header mistakes, lists and tables.
    let headers = "[document lang=\"{{ lang }}\"]
[paragraph x]
a
[paragraph] trailing
b
[item number=\"1.\" level=\"1\"]
Пункт
[item level=\"3\"]
Подпункт
[cell]
a
[table]
[row]
[cell]
a
[row]
[cell]
b
[cell]
c
";
    write(&dir.join("templates/t/ru.tera"), blocks);
    write(&dir.join("templates/h/ru.tera"), headers);
    write(&dir.join("t.yaml"), LETTER);
    write(
        &dir.join("h.yaml"),
        &LETTER.replace("template: t", "template: h"),
    );
    let mut problems = Vec::new();
    for (letter, wanted) in [
        (
            "t.yaml",
            [
                "is not an alignment",
                "не способ выравнивания",
                "туралау тәсілі емес",
            ],
        ),
        (
            "h.yaml",
            [
                "bad block header",
                "неверный заголовок блока",
                "блок тақырыбы қате",
            ],
        ),
    ] {
        let args = [
            "render".to_owned(),
            s(&dir.join(letter)),
            "--templates".to_owned(),
            s(&dir.join("templates")),
            "-o".to_owned(),
            s(&dir.join("out.pdf")),
        ];
        problems.extend(said_alike(&args, dir, wanted));
        let english = run(&args, None);
        assert!(
            english.matches(": error: ").count() >= 5,
            "every mistake said:\n{english}"
        );
    }
    assert!(!dir.join("out.pdf").exists());
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

/// `batch` refusals: --shard auto outside an orchestrator, a list of
/// letters naming a missing one, an output folder under a file.
#[test]
fn batch_refusals_are_in_russian_and_kazakh() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    write(&dir.join("in/a.yaml"), &letter(1));
    write(
        &dir.join("list.txt"),
        &format!(
            "{}\n{}\n",
            s(&dir.join("in/a.yaml")),
            s(&dir.join("in/missing.yaml"))
        ),
    );
    write(&dir.join("file"), "x");
    let out = s(&dir.join("out"));
    let mut problems = Vec::new();
    problems.extend(said_alike(
        &[
            "batch".into(),
            s(&dir.join("in")),
            "-o".into(),
            out.clone(),
            "--shard".into(),
            "auto".into(),
        ],
        dir,
        [
            "needs the index of this worker",
            "нужен номер этого исполнителя",
            "осы орындаушының нөмірі керек",
        ],
    ));
    problems.extend(said_alike(
        &[
            "batch".into(),
            "--files-from".into(),
            s(&dir.join("list.txt")),
            "-o".into(),
            out.clone(),
        ],
        dir,
        ["no such file", "такого файла нет", "мұндай файл жоқ"],
    ));
    problems.extend(said_alike(
        &[
            "batch".into(),
            s(&dir.join("in")),
            "-o".into(),
            s(&dir.join("file/out")),
        ],
        dir,
        [
            "cannot create the output folder",
            "не удаётся создать папку",
            "қалтасын құру мүмкін емес",
        ],
    ));
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

/// Mail-merge data files with mistakes: each said at its row and column.
#[test]
fn mail_merge_errors_are_in_russian_and_kazakh_at_the_same_places() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    write(&dir.join("reply.yaml"), &letter(1));
    let cases: [(&str, &str, [&str; 3]); 5] = [
        (
            "columns.csv",
            "addressee;;salutation;salutation\nДепутату;x;Уважаемый!;Уважаемый!;лишнее\n",
            ["has no name", "нет названия", "атауы жоқ"],
        ),
        (
            "files.csv",
            "file,salutation\nабенов/1,Уважаемый!\nабенов,Уважаемый!\nабенов,Уважаемый!\n",
            [
                "would both be written",
                "были бы записаны в один файл",
                "бір файлға",
            ],
        ),
        ("empty.csv", "", ["is empty", "пуст", "бос"]),
        (
            "header.csv",
            "salutation\n",
            ["no rows", "нет строк", "жолдар жоқ"],
        ),
        (
            "rows.txt",
            "salutation\n",
            [".csv or .xlsx", ".csv или .xlsx", ".csv немесе .xlsx"],
        ),
    ];
    let mut problems = Vec::new();
    for (name, text, wanted) in cases {
        write(&dir.join(name), text);
        problems.extend(said_alike(
            &[
                "batch".into(),
                s(&dir.join("reply.yaml")),
                "--data".into(),
                s(&dir.join(name)),
                "-o".into(),
                s(&dir.join("out")),
            ],
            dir,
            wanted,
        ));
    }
    // Not UTF-8: the line is named.
    std::fs::write(
        dir.join("cp1251.csv"),
        b"salutation\n\xd3\xe2\xe0\xe6\xe0\xe5\xec\xfb\xe9!\n",
    )
    .unwrap();
    problems.extend(said_alike(
        &[
            "batch".into(),
            s(&dir.join("reply.yaml")),
            "--data".into(),
            s(&dir.join("cp1251.csv")),
            "-o".into(),
            s(&dir.join("out")),
        ],
        dir,
        [
            "not UTF-8 text (line 2)",
            "не текст в кодировке UTF-8 (строка 2)",
            "UTF-8 кодтауындағы мәтін емес (2-жол)",
        ],
    ));
    assert!(
        !dir.join("out").exists()
            || std::fs::read_dir(dir.join("out")).unwrap().all(|e| e
                .unwrap()
                .path()
                .extension()
                .is_none_or(|x| x != "pdf"))
    );
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

/// A worker that dies (an allocation abort) fails its letter with the
/// reason in the clerk's language.
#[test]
#[cfg(unix)]
fn a_worker_that_dies_is_said_in_russian_and_kazakh() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    super::batch::worker::bomb_templates(&dir.join("templates"));
    for n in 0..2 {
        let mut text = letter(n);
        if n == 1 {
            text = text.replace("number: ДЗ-83", "number: BOMB");
        }
        write(&dir.join(format!("in/l{n}.yaml")), &text);
    }
    let said = |lang: &str| {
        let out = crate::common::in_english(&mut std::process::Command::new("sh"))
            .current_dir(dir)
            .env("MALLOC_ARENA_MAX", "1")
            .env("LANG", lang)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANGUAGE")
            .arg("-c")
            .arg(format!(
                "ulimit -v 800000 && exec '{}' --templates templates batch in -o out -j 1 --force",
                env!("CARGO_BIN_EXE_zhauap")
            ))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let english = said("C");
    assert!(
        english.contains("in/l1.yaml: error: zhauap stopped while rendering this letter (ended by signal 6 (an abort"),
        "{english}"
    );
    for (lang, words) in [
        (
            "ru_RU.UTF-8",
            "in/l1.yaml: ошибка: zhauap остановился, изготавливая это письмо (завершён сигналом 6 (аварийная остановка",
        ),
        (
            "kk_KZ.UTF-8",
            "in/l1.yaml: қате: zhauap осы хатты дайындап жатқанда тоқтап қалды (6 сигналымен аяқталды (апаттық тоқтау",
        ),
    ] {
        let stderr = said(lang);
        assert!(stderr.contains(words), "{stderr}");
        let message: String = stderr
            .lines()
            .filter(|l| l.starts_with("in/l1.yaml") || l.trim_start().starts_with(['п', 'к']))
            .collect::<Vec<_>>()
            .join("\n");
        let left = english_words(&message, &s(dir));
        assert!(left.is_empty(), "{left:?} in:\n{stderr}");
    }
}
