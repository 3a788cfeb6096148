use super::*;
use page::{Line, MM, PAGE_WIDTH, Page};

/// A block of markup: `[kind attrs]` and its lines.
fn block(kind: BlockKind, lines: &[&str], attrs: &[(&str, &str)]) -> String {
    let attrs: String = attrs.iter().map(|(k, v)| format!(" {k}=\"{v}\"")).collect();
    format!("[{}{attrs}]\n{}\n", kind.name(), lines.join("\n"))
}

fn para(text: &str) -> String {
    block(BlockKind::Paragraph, &[text], &[])
}

fn words(n: usize, seed: usize) -> String {
    const W: [&str; 8] = [
        "государственных",
        "органов",
        "работа",
        "информационной",
        "поддержки",
        "граждан",
        "в",
        "регионах",
    ];
    (0..n)
        .map(|i| W[(i * 7 + seed) % W.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

fn set(blocks: Vec<String>) -> Pages {
    let doc = crate::document::parse(
        &blocks.concat(),
        std::path::Path::new("t"),
        crate::lang::Lang::Ru,
    )
    .unwrap();
    typeset(&doc, &Resources::default(), &Rules::default()).unwrap()
}

/// Lines of each block per page: (page, block index) → count.
fn lines_per_page(pages: &Pages, index: usize) -> Vec<usize> {
    pages
        .pages
        .iter()
        .map(|p| p.lines.iter().filter(|l| l.block.index == index).count())
        .collect()
}

#[test]
fn split_paragraphs_leave_two_lines_on_each_page() {
    // Vary the text before a long paragraph so that page breaks fall at
    // every possible line of it; no page may hold a single line of it.
    for lead in 0..30 {
        let mut blocks = vec![block(BlockKind::Salutation, &["Уважаемые депутаты!"], &[])];
        blocks.push(para(&words(20 + lead * 9, 1)));
        blocks.push(para(&words(900, 3)));
        blocks.push(block(BlockKind::Signature, &[], &[("name", "Е. Тугжанов")]));
        let pages = set(blocks);
        for index in [1, 2] {
            let counts = lines_per_page(&pages, index);
            let parts: Vec<usize> = counts.into_iter().filter(|&c| c > 0).collect();
            if parts.len() > 1 {
                assert!(
                    parts.iter().all(|&c| c >= 2),
                    "lead {lead}, block {index}: {parts:?}"
                );
            }
        }
    }
}

#[test]
fn signature_keeps_two_text_lines_and_the_executor_its_page() {
    for lead in 0..40 {
        let blocks = vec![
            para(&words(300 + lead * 11, 2)),
            para(&words(40, 5)),
            block(
                BlockKind::Signature,
                &["Заместитель Премьер-Министра"],
                &[("name", "Е. Тугжанов")],
            ),
            block(
                BlockKind::Executor,
                &["Исп.: Турганбаев А.Е.", "Тел. 745674"],
                &[],
            ),
        ];
        let pages = set(blocks);
        let last = pages.pages.last().unwrap();
        let sig_page = pages
            .pages
            .iter()
            .position(|p| p.lines.iter().any(|l| l.block.kind == BlockKind::Signature))
            .unwrap();
        assert_eq!(
            sig_page,
            pages.pages.len() - 1,
            "lead {lead}: the signature is on the last page"
        );
        let text_before = last
            .lines
            .iter()
            .filter(|l| l.block.kind == BlockKind::Paragraph && !l.block.is_page_number())
            .count();
        assert!(
            text_before >= 2,
            "lead {lead}: {text_before} text lines with the signature"
        );
        // The executor stands at the foot, below everything else.
        let exec: Vec<&Line> = last
            .lines
            .iter()
            .filter(|l| l.block.kind == BlockKind::Executor)
            .collect();
        assert_eq!(exec.len(), 2);
        let lowest_other = last
            .lines
            .iter()
            .filter(|l| l.block.kind != BlockKind::Executor)
            .map(|l| l.baseline)
            .fold(0.0, f32::max);
        assert!(exec[0].baseline > lowest_other, "lead {lead}");
        assert!(exec[1].baseline <= PAGE_HEIGHT - Rules::default().margin_bottom);
    }
}

#[test]
fn page_numbers_from_page_two_top_centre() {
    let pages = set(vec![para(&words(1500, 4))]);
    assert!(pages.pages.len() >= 3);
    let number = |p: &Page| {
        p.lines.iter().find(|l| l.block.is_page_number()).map(|l| {
            (
                p.runs[l.runs.clone()]
                    .iter()
                    .map(|r| r.text.clone())
                    .collect::<String>(),
                l.baseline,
                l.x + l.width / 2.0,
            )
        })
    };
    assert!(number(&pages.pages[0]).is_none());
    for (i, page) in pages.pages.iter().enumerate().skip(1) {
        let (text, baseline, centre) = number(page).unwrap();
        assert_eq!(text, (i + 1).to_string());
        let r = Rules::default();
        assert!(
            baseline < r.margin_top
                && baseline - r.page_number_size > 10.0 * MM - 0.5 - r.page_number_size
        );
        let text_centre = r.margin_left + r.text_width() / 2.0;
        assert!((centre - text_centre).abs() < 1.0);
        // The number is the first line of the page in reading order.
        assert!(page.lines[0].block.is_page_number());
    }
}

#[test]
fn addressee_top_is_level_with_the_reference() {
    let pages = set(vec![
        block(BlockKind::Outgoing, &["№ 1", "01.01.2020"], &[]),
        block(
            BlockKind::Reference,
            &["На № ДЗ-83", "от 22.04.2020 года"],
            &[],
        ),
        block(
            BlockKind::Addressee,
            &["Депутатам Мажилиса", "Парламента"],
            &[],
        ),
        para("Текст."),
    ]);
    let p = &pages.pages[0];
    let first = |kind| p.lines.iter().find(|l| l.block.kind == kind).unwrap();
    let (r, a) = (first(BlockKind::Reference), first(BlockKind::Addressee));
    // Tops level: the baselines differ only by the font sizes' ascent.
    let rules = Rules::default();
    let r_top =
        r.baseline - rules.baseline_in(rules.reference_size, rules.reference_size * rules.leading);
    let a_top = a.baseline - rules.baseline_in(rules.body_size, rules.body_size * rules.leading);
    assert!((r_top - a_top).abs() < 0.5, "{r_top} {a_top}");
    assert!(a.x >= rules.margin_left + rules.text_width() / 2.0);
}

#[test]
fn an_unbreakable_token_never_overflows_the_margin() {
    let url = "https://www.gov.kz/memleket/entities/qogam/press/news/details/a-very-long-path-segment-that-goes-on?lang=ru&page=2&x=1";
    let hashtag = "#".to_string() + &"оченьдлинныйхэштег".repeat(6);
    let pages = set(vec![para(&format!(
        "Подробности на {url} и {hashtag} в сетях."
    ))]);
    let right = PAGE_WIDTH - Rules::default().margin_right;
    for l in &pages.pages[0].lines {
        assert!(
            l.x + l.width <= right + 0.5,
            "overfull line: {} > {right}",
            l.x + l.width
        );
    }
}
