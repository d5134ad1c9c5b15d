//! The minutes as one self-contained HTML page: inline CSS with an A4 print
//! stylesheet (the action plan on landscape pages, page numbers, headings
//! kept with their tables), no scripts, no external resources, every text escaped.

use std::collections::HashMap;

use super::columns::{self, Metrics};
use super::letterhead::Letterhead;
use super::minutes::{Block, TableKind, tables_by_kind};
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
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: .5rem 0 1rem; }
th, td { border: 1px solid #999; padding: 2pt 3pt; text-align: left; vertical-align: top; overflow-wrap: break-word; hyphens: manual; }
th { background: #e8eaf0; }
table.sign-in td { height: 9mm; }
.letterhead { display: flex; align-items: center; gap: 4mm; border-bottom: 1px solid #224; padding-bottom: 2mm; margin-bottom: 4mm; }
.letterhead img { height: 16mm; max-width: 60mm; object-fit: contain; }
.letterhead .organisation { font-weight: bold; font-size: 1.15rem; color: #224; }
.letterhead .support { font-size: .9rem; color: #444; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr:nth-child(even) td { background: #f7f7f9; }
.landscape { max-width: none; }
@page { size: A4 portrait; margin: 15mm 12mm; @bottom-right { content: counter(page); font-size: 9pt; } }
@page landscape { size: A4 landscape; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  h1, h2, h3 { break-after: avoid; }
  .keep { break-inside: avoid; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
  .landscape { page: landscape; }
}
";

/// Printed text widths in tenths of a point: A4 less the 12 mm margins.
const PORTRAIT: u32 = 5270;
const LANDSCAPE: u32 = 7740;
/// DejaVu Sans (the first font of the page) at 9 pt averages about 0.7 em in
/// Cyrillic words such as «женщины»,
/// bold more; cells have 3 pt padding each side and a border.
const METRICS: Metrics = Metrics { char_width: 63, header_char_width: 74, padding: 70 };
/// Table text sizes in tenths of a point, largest first: a table too wide
/// for its page at 9 pt prints smaller rather than breaking words.
const SIZES: [u32; 4] = [90, 80, 75, 70];

/// One kind of table's text size (tenths of a point) and column widths.
struct Layout {
    size: u32,
    widths: Vec<u32>,
}

fn table(
    out: &mut String,
    kind: TableKind,
    header: &[String],
    rows: &[Vec<String>],
    layout: &Layout,
) {
    let body: Vec<&[String]> = rows.iter().map(Vec::as_slice).collect();
    let widths = &layout.widths;
    let total = widths.iter().sum::<u32>().max(1);
    let size = layout.size;
    let class = if kind == TableKind::SignIn { " class=\"sign-in\"" } else { "" };
    out.push_str(&format!(
        "<table{class} style=\"font-size:{}.{}pt\">\n<colgroup>",
        size / 10,
        size % 10
    ));
    for w in widths {
        let tenths = w * 1000 / total;
        out.push_str(&format!("<col style=\"width:{}.{}%\">", tenths / 10, tenths % 10));
    }
    out.push_str("</colgroup>\n<thead><tr>");
    for cell in header {
        out.push_str(&format!("<th>{}</th>", escape(cell)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let numeric: Vec<bool> = (0..header.len()).map(|c| columns::numeric(&body, c)).collect();
    for row in rows {
        out.push_str("<tr>");
        for (c, cell) in row.iter().enumerate() {
            let class = if numeric.get(c) == Some(&true) { " class=\"num\"" } else { "" };
            out.push_str(&format!("<td{class}>{}</td>", escape(cell)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn layouts(blocks: &[Block]) -> HashMap<TableKind, Layout> {
    tables_by_kind(blocks)
        .into_iter()
        .map(|t| {
            let available = if t.landscape { LANDSCAPE } else { PORTRAIT };
            let (size, widths) =
                columns::fit_shrinking(t.header, &t.rows, available, METRICS, &SIZES);
            (t.kind, Layout { size, widths })
        })
        .collect()
}

/// Rows up to which a table is kept on one page with its heading.
const SHORT_TABLE: usize = 12;

/// Whether block `i` is a short table right under a heading.
fn kept_with_heading(blocks: &[Block], i: usize) -> bool {
    i > 0
        && matches!(blocks[i - 1], Block::Heading(..))
        && matches!(blocks.get(i), Some(Block::Table { rows, .. }) if rows.len() <= SHORT_TABLE)
}

/// The organisation's name and support line beside its logo (inline, as a
/// `data:` URI, so the page stays self-contained).
fn letterhead_html(out: &mut String, letterhead: &Letterhead) {
    out.push_str("<header class=\"letterhead\">");
    if let Some(logo) = &letterhead.logo {
        out.push_str(&format!("<img src=\"{}\" alt=\"\">", logo.data_uri()));
    }
    out.push_str("<div>");
    for (class, text) in
        [("organisation", &letterhead.organisation), ("support", &letterhead.support)]
    {
        if !text.is_empty() {
            out.push_str(&format!("<div class=\"{class}\">{}</div>", escape(text)));
        }
    }
    out.push_str("</div></header>\n");
}

pub fn render(report: &Report, blocks: Vec<Block>) -> String {
    let layouts = layouts(&blocks);
    let mut body = String::new();
    let mut landscape = false;
    for (i, block) in blocks.iter().enumerate() {
        match block {
            Block::Heading(level, text) => {
                // A heading and a short table under it go to a page
                // together (a long one may start under its heading).
                if kept_with_heading(&blocks, i + 1) {
                    body.push_str("<div class=\"keep\">");
                }
                body.push_str(&format!("<h{level}>{}</h{level}>\n", escape(text)))
            }
            Block::Paragraph(text) => body.push_str(&format!("<p>{}</p>\n", escape(text))),
            Block::Bullets(items) => {
                body.push_str("<ul>\n");
                for item in items {
                    body.push_str(&format!("<li>{}</li>\n", escape(item)));
                }
                body.push_str("</ul>\n");
            }
            Block::Table { kind, header, rows } => {
                table(&mut body, *kind, header, rows, &layouts[kind]);
                if kept_with_heading(&blocks, i) {
                    body.push_str("</div>\n");
                }
            }
            Block::Numbered(items) => {
                body.push_str("<ol>\n");
                for item in items {
                    body.push_str(&format!("<li>{}</li>\n", escape(item)));
                }
                body.push_str("</ol>\n");
            }
            Block::Letterhead(letterhead) => letterhead_html(&mut body, letterhead),
            Block::Landscape => {
                landscape = true;
                body.push_str("<section class=\"landscape\">\n");
            }
        }
    }
    if landscape {
        body.push_str("</section>\n");
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        lang = crate::i18n::lang().code(),
        title = escape(&super::clean(report.title)),
    )
}
