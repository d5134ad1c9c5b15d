//! The minutes as one self-contained HTML page: inline CSS with an A4 print
//! stylesheet, no scripts, no external resources, every text escaped.

use super::minutes::{Block, minutes};
use super::report::Report;

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "
body { font-family: 'DejaVu Sans', 'Noto Sans', Arial, sans-serif; color: #111; margin: 2rem auto; max-width: 60rem; line-height: 1.4; }
h1 { font-size: 1.6rem; border-bottom: 2px solid #224; padding-bottom: .3rem; }
h2 { font-size: 1.25rem; margin-top: 1.6rem; color: #224; }
h3 { font-size: 1.05rem; margin-bottom: .3rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid #999; padding: .25rem .4rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { background: #e8eaf0; }
tr:nth-child(even) td { background: #f7f7f9; }
@page { size: A4; margin: 15mm 12mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2 { break-after: avoid; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
}
";

pub fn render(report: &Report) -> String {
    let mut body = String::new();
    for block in minutes(report) {
        match block {
            Block::Heading(level, text) => {
                body.push_str(&format!("<h{level}>{}</h{level}>\n", escape(&text)))
            }
            Block::Paragraph(text) => body.push_str(&format!("<p>{}</p>\n", escape(&text))),
            Block::Bullets(items) => {
                body.push_str("<ul>\n");
                for item in items {
                    body.push_str(&format!("<li>{}</li>\n", escape(&item)));
                }
                body.push_str("</ul>\n");
            }
            Block::Table { header, rows } => {
                body.push_str("<table>\n<thead><tr>");
                for cell in &header {
                    body.push_str(&format!("<th>{}</th>", escape(cell)));
                }
                body.push_str("</tr></thead>\n<tbody>\n");
                for row in &rows {
                    body.push_str("<tr>");
                    for cell in row {
                        body.push_str(&format!("<td>{}</td>", escape(cell)));
                    }
                    body.push_str("</tr>\n");
                }
                body.push_str("</tbody>\n</table>\n");
            }
        }
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        lang = crate::i18n::t("html-lang"),
        title = escape(&super::clean(report.title)),
    )
}
