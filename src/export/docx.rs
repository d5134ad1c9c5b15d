//! The minutes and action plan as a Word document (docx-rs).

use docx_rs::{Docx, Paragraph, Run, Table, TableCell, TableRow};

use super::minutes::{Block, minutes};
use super::report::Report;

fn paragraph(text: &str, size: usize, bold: bool) -> Paragraph {
    let mut run = Run::new().add_text(text).size(size);
    if bold {
        run = run.bold();
    }
    Paragraph::new().add_run(run)
}

fn cell(text: &str, bold: bool) -> TableCell {
    TableCell::new().add_paragraph(paragraph(text, 18, bold))
}

pub fn render(report: &Report) -> anyhow::Result<Vec<u8>> {
    let mut doc = Docx::new();
    for block in minutes(report) {
        doc = match block {
            Block::Heading(level, text) => {
                let size = match level {
                    1 => 36,
                    2 => 28,
                    _ => 24,
                };
                doc.add_paragraph(paragraph(&text, size, true))
            }
            Block::Paragraph(text) => doc.add_paragraph(paragraph(&text, 22, false)),
            Block::Bullets(items) => items.iter().fold(doc, |doc, item| {
                doc.add_paragraph(paragraph(&format!("• {item}"), 22, false))
            }),
            Block::Table { header, rows } => {
                let mut table_rows =
                    vec![TableRow::new(header.iter().map(|h| cell(h, true)).collect())];
                table_rows.extend(
                    rows.iter()
                        .map(|row| TableRow::new(row.iter().map(|c| cell(c, false)).collect())),
                );
                doc.add_table(Table::new(table_rows)).add_paragraph(Paragraph::new())
            }
        };
    }
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut out)?;
    Ok(out.into_inner())
}
