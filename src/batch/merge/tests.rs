use super::*;
use crate::letter::node::Value;

fn data(csv: &str) -> Result<Data> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rows.csv");
    std::fs::write(&path, csv).unwrap();
    read(&path)
}

#[test]
fn rows_become_fields_placed_at_their_cells() {
    let d =
        data("file,addressee,signature.name,draft\nabenov,\"Депутату\nАбенову\",А. Б.,true\n,,,\n")
            .unwrap();
    assert_eq!(d.len(), 1, "an empty row is no letter");
    let node = d.fields(0).node();
    let Value::Map(entries) = &node.value else {
        panic!()
    };
    let names: Vec<&str> = entries.iter().map(|(k, _)| k.name.as_str()).collect();
    assert_eq!(names, ["addressee", "signature", "draft"]);
    assert_eq!(entries[0].1.value, Value::Text("Депутату\nАбенову".into()));
    assert_eq!(entries[0].1.pos, Pos { line: 2, column: 2 });
    assert_eq!(entries[2].1.value, Value::Bool(true));
    let Value::Map(sig) = &entries[1].1.value else {
        panic!()
    };
    assert_eq!(sig[0].0.name, "name");
    assert_eq!(sig[0].1.pos, Pos { line: 2, column: 3 });
}

#[test]
fn a_bad_header_is_refused_at_its_cell() {
    let e = data("file;adressee;salutation;salutation\nx;y;z;w\n").unwrap_err();
    let text = e.render(false);
    assert!(text.contains("rows.csv:1:2"), "{text}");
    assert!(text.contains("did you mean 'addressee'"), "{text}");
    assert!(text.contains("rows.csv:1:4"), "{text}");
    assert!(text.contains("appears twice"), "{text}");
}

#[test]
fn output_names_are_checked() {
    assert!(output_name("abenov").is_ok());
    assert!(output_name("../x").is_err());
    assert!(output_name("a/b").is_err());
    assert!(output_name(".hidden").is_err());
}

/// A minimal workbook: one sheet, inline strings, a number and a date
/// (serial 46097 = 2026-03-16, formatted as a date by style 1).
fn xlsx(path: &Path) {
    use std::io::Write;
    let files = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Rows" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#,
        ),
        (
            "xl/styles.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>"#,
        ),
        (
            "xl/worksheets/sheet1.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>file</t></is></c><c r="B1" t="inlineStr"><is><t>outgoing.number</t></is></c><c r="C1" t="inlineStr"><is><t>outgoing.date</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>abenov</t></is></c><c r="B2"><v>8812</v></c><c r="C2" s="1"><v>46097</v></c></row></sheetData></worksheet>"#,
        ),
    ];
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (name, text) in files {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
}

#[test]
fn a_workbook_reads_as_rows_with_numbers_and_dates_as_typed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rows.xlsx");
    xlsx(&path);
    let d = read(&path).unwrap();
    let names: Vec<&str> = d.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["file", "outgoing.number", "outgoing.date"]);
    assert_eq!(d.len(), 1);
    assert_eq!(d.row(0).number, 2);
    assert_eq!(
        d.row(0).cells().collect::<Vec<_>>(),
        ["abenov", "8812", "2026-03-16"]
    );
}

#[test]
fn short_rows_are_padded_blank_rows_dropped_and_long_rows_refused() {
    let d = data("file,addressee,salutation\nx\n,  ,\ny,Z,W\n").unwrap();
    assert_eq!(d.len(), 2, "a blank row is no letter");
    assert_eq!(d.row(0).number, 2);
    assert_eq!(d.row(0).cells().collect::<Vec<_>>(), ["x", "", ""]);
    assert!(d.fields(0).cells.is_empty(), "empty cells set nothing");
    assert_eq!(d.row(1).number, 4);
    assert_eq!(d.row(1).cells().collect::<Vec<_>>(), ["y", "Z", "W"]);
    let fields: Vec<_> = d.fields(1).cells.into_iter().map(|c| c.field).collect();
    assert_eq!(fields, ["addressee", "salutation"]);

    let e = data("file,addressee\na,b,c,\nd,e\n").unwrap_err();
    let text = e.render(false);
    assert!(text.contains("rows.csv:2:3"), "{text}");
    assert!(
        text.contains("this row has 3 cells; the header names 2 columns"),
        "{text}"
    );
}
