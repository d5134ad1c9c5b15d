//! The minutes as Markdown. Every text is escaped, so nothing a
//! participant said can become a link, a heading or a broken table.

use super::minutes::Block;

/// Backslash-escapes what Markdown would act on: emphasis, code, links,
/// HTML, table pipes anywhere, and list/heading markers at the start, so
/// "Ак-Жар" stays readable in the raw file.
fn escape(text: &str) -> String {
    escape_inline(text, true)
}

/// Table cells cannot start a list or heading, so they keep a leading `+`.
fn escape_cell(text: &str) -> String {
    escape_inline(text, false)
}

fn escape_inline(text: &str, line_start: bool) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, c) in text.chars().enumerate() {
        let special = matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~')
            || (line_start && i == 0 && matches!(c, '#' | '+' | '-' | '=' | '!'));
        if special {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub fn render(blocks: Vec<Block>) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Heading(level, text) => {
                out.push_str(&format!("{} {}\n\n", "#".repeat(usize::from(level)), escape(&text)));
            }
            Block::Paragraph(text) => out.push_str(&format!("{}\n\n", escape(&text))),
            Block::Bullets(items) => {
                for item in items {
                    out.push_str(&format!("- {}\n", escape(&item)));
                }
                out.push('\n');
            }
            Block::Numbered(items) => {
                for (i, item) in items.iter().enumerate() {
                    out.push_str(&format!("{}. {}\n", i + 1, escape_cell(item)));
                }
                out.push('\n');
            }
            Block::Landscape => {}
            Block::Letterhead(letterhead) => {
                for (text, bold) in [(&letterhead.organisation, true), (&letterhead.support, false)]
                {
                    if !text.is_empty() {
                        let marks = if bold { "**" } else { "" };
                        out.push_str(&format!("{marks}{}{marks}\n\n", escape(text)));
                    }
                }
                out.push_str("---\n\n");
            }
            Block::Table { header, rows, .. } => {
                let line = |cells: &[String]| {
                    format!(
                        "| {} |\n",
                        cells.iter().map(|c| escape_cell(c)).collect::<Vec<_>>().join(" | ")
                    )
                };
                out.push_str(&line(&header));
                out.push_str(&format!("|{}\n", "---|".repeat(header.len())));
                for row in &rows {
                    out.push_str(&line(row));
                }
                out.push('\n');
            }
        }
    }
    out
}
