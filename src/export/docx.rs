//! The minutes and action plan as a Word document (docx-rs) that goes out
//! as it is: Word's own style names (Title, Heading 1/2, List Bullet, a
//! table style) so the navigation pane and a table of contents work, Arial
//! (which has Cyrillic everywhere) as the default font, the document
//! language and core properties set, tables with their column widths fitted
//! to the content, header rows repeated on every page and rows that never
//! split, the action plan on landscape A4 pages and page numbers in the
//! footer.

use std::collections::HashMap;

use docx_rs::{
    AbstractNumbering, AlignmentType, Docx, FieldCharType, Footer, IndentLevel, InstrPAGE,
    InstrText, Level, LevelJc, LevelText, LineSpacing, NumberFormat, Numbering, NumberingId,
    PageMargin, PageOrientationType, PageSize, Paragraph, Pic, Run, RunFonts, Section, Shading,
    ShdType, Start, Style, StyleType, Table, TableBorder, TableBorderPosition, TableBorders,
    TableCell, TableLayoutType, TableRow, WidthType,
};

use super::columns::{self, Metrics};
use super::letterhead::{ImageKind, Letterhead};
use super::minutes::{Block, TableKind, tables_by_kind};
use super::report::Report;
use crate::i18n::Lang;

const A4_SHORT: u32 = 11906;
const A4_LONG: u32 = 16838;
/// 2 cm on every side, the usual margin of office documents.
const MARGIN: u32 = 1134;
const FONT: &str = "Arial";
const TABLE_STYLE: &str = "KeneshTable";
const BULLET_LIST: usize = 2;
/// The abstract decimal list; each numbered list is its own numbering
/// (from this id on) so that it starts again at 1.
const NUMBER_LIST: usize = 3;
/// Table text is 9 pt (in half-points), smaller where a table's words
/// would not fit the page otherwise.
const TABLE_SIZES: [u32; 4] = [18, 16, 15, 14];
/// Arial at 9 pt: Cyrillic averages about 0.6 em, bold a little more; the
/// cell margins are 0.19 cm each side, plus the borders.
const TABLE_METRICS: Metrics = Metrics { char_width: 110, header_char_width: 120, padding: 240 };
/// Marks a header row until the package is written (docx-rs cannot write
/// `w:tblHeader`); see [`repeat_header_rows`].
const HEADER_MARK: f32 = 1.0;

/// The language tag Word uses for spelling and hyphenation.
fn language_tag() -> &'static str {
    match crate::i18n::lang() {
        Lang::En => "en-GB",
        Lang::Ru => "ru-RU",
        Lang::Ky => "ky-KG",
    }
}

fn text_width(landscape: bool) -> u32 {
    (if landscape { A4_LONG } else { A4_SHORT }) - 2 * MARGIN
}

fn margins() -> PageMargin {
    let m = MARGIN as i32;
    PageMargin::new().top(m).bottom(m).left(m).right(m).header(567).footer(567)
}

fn paragraph_style(id: &str, name: &str, size: usize, outline: Option<usize>) -> Style {
    let mut style = Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on("Normal")
        .next("Normal")
        .q_format(true)
        .size(size)
        .bold()
        .line_spacing(LineSpacing::new().before(240).after(80));
    if let Some(level) = outline {
        style = style.outline_lvl(level);
    }
    style.paragraph_property = style.paragraph_property.keep_next(true).keep_lines(true);
    style
}

/// Word's built-in names ("heading 1", "List Bullet"), so Word maps them
/// to its own styles: navigation pane, table of contents, style gallery.
fn with_styles(docx: Docx) -> Docx {
    let border = |position| TableBorder::new(position).size(4).color("808080");
    let borders = [
        TableBorderPosition::Top,
        TableBorderPosition::Left,
        TableBorderPosition::Bottom,
        TableBorderPosition::Right,
        TableBorderPosition::InsideH,
        TableBorderPosition::InsideV,
    ]
    .into_iter()
    .fold(TableBorders::new(), |b, p| b.set(border(p)));
    let mut list_number = Style::new("ListNumber", StyleType::Paragraph)
        .name("List Number")
        .based_on("Normal")
        .q_format(true);
    list_number.paragraph_property = list_number
        .paragraph_property
        .numbering(NumberingId::new(NUMBER_LIST), IndentLevel::new(0));
    let mut list_bullet = Style::new("ListBullet", StyleType::Paragraph)
        .name("List Bullet")
        .based_on("Normal")
        .q_format(true);
    list_bullet.paragraph_property = list_bullet
        .paragraph_property
        .numbering(NumberingId::new(BULLET_LIST), IndentLevel::new(0));
    let fonts = RunFonts::new().ascii(FONT).hi_ansi(FONT).cs(FONT).east_asia(FONT);
    docx.default_fonts(fonts)
        .default_size(22)
        .add_style(paragraph_style("Title", "Title", 36, None))
        .add_style(paragraph_style("Heading1", "heading 1", 28, Some(0)))
        .add_style(paragraph_style("Heading2", "heading 2", 24, Some(1)))
        .add_style(list_bullet)
        .add_style(list_number)
        .add_style(
            Style::new(TABLE_STYLE, StyleType::Table)
                .name("Kenesh Table")
                .based_on("TableNormal")
                .set_borders(borders),
        )
        .add_abstract_numbering(
            AbstractNumbering::new(BULLET_LIST).add_level(
                Level::new(
                    0,
                    Start::new(1),
                    NumberFormat::new("bullet"),
                    LevelText::new("•"),
                    LevelJc::new("left"),
                )
                .indent(
                    Some(360),
                    Some(docx_rs::SpecialIndentType::Hanging(360)),
                    None,
                    None,
                ),
            ),
        )
        .add_numbering(Numbering::new(BULLET_LIST, BULLET_LIST))
        .add_abstract_numbering(
            AbstractNumbering::new(NUMBER_LIST).add_level(
                Level::new(
                    0,
                    Start::new(1),
                    NumberFormat::new("decimal"),
                    LevelText::new("%1."),
                    LevelJc::new("left"),
                )
                .indent(
                    Some(360),
                    Some(docx_rs::SpecialIndentType::Hanging(360)),
                    None,
                    None,
                ),
            ),
        )
        .add_numbering(Numbering::new(NUMBER_LIST, NUMBER_LIST))
}

/// Page numbers at the foot of every page, right-aligned.
fn footer() -> Footer {
    let number = Run::new()
        .add_field_char(FieldCharType::Begin, true)
        .add_instr_text(InstrText::PAGE(InstrPAGE::new()))
        .add_field_char(FieldCharType::Separate, false)
        .add_text("1")
        .add_field_char(FieldCharType::End, false);
    Footer::new().add_paragraph(Paragraph::new().align(AlignmentType::Right).add_run(number))
}

fn text(text: &str) -> Run {
    Run::new().add_text(text)
}

/// How one kind of table is laid out: its column widths and text size.
struct Layout {
    widths: Vec<u32>,
    size: usize,
}

fn cell(value: &str, width: u32, size: usize, header: bool, right: bool) -> TableCell {
    let mut run = text(value).size(size);
    if header {
        run = run.bold();
    }
    let mut paragraph = Paragraph::new().add_run(run);
    if right {
        paragraph = paragraph.align(AlignmentType::Right);
    }
    let mut cell = TableCell::new().width(width as usize, WidthType::Dxa).add_paragraph(paragraph);
    if header {
        cell = cell.shading(Shading::new().shd_type(ShdType::Clear).color("auto").fill("E8EAF0"));
    }
    cell
}

/// Sign-in rows are 9 mm high, room for a handwritten signature.
const SIGN_IN_ROW: f32 = 510.0;

fn table(kind: TableKind, header: &[String], rows: &[Vec<String>], layout: &Layout) -> Table {
    let widths = &layout.widths;
    let body: Vec<&[String]> = rows.iter().map(Vec::as_slice).collect();
    let right: Vec<bool> = (0..header.len()).map(|c| columns::numeric(&body, c)).collect();
    let row = |cells: &[String], is_header: bool| {
        let cells = cells
            .iter()
            .enumerate()
            .map(|(c, value)| {
                cell(value, widths[c], layout.size, is_header, right[c] && !is_header)
            })
            .collect();
        let row = TableRow::new(cells).cant_split();
        if is_header {
            row.row_height(HEADER_MARK)
        } else if kind == TableKind::SignIn {
            row.row_height(SIGN_IN_ROW)
        } else {
            row
        }
    };
    let mut table_rows = vec![row(header, true)];
    table_rows.extend(rows.iter().map(|r| row(r, false)));
    Table::new(table_rows)
        .style(TABLE_STYLE)
        .layout(TableLayoutType::Fixed)
        .width(widths.iter().sum::<u32>() as usize, WidthType::Dxa)
        .set_grid(widths.iter().map(|w| *w as usize).collect())
}

/// Column widths per kind of table, fitted to all tables of that kind, so
/// that (say) every settlement's needs table has the same columns.
fn layouts(blocks: &[Block]) -> HashMap<TableKind, Layout> {
    tables_by_kind(blocks)
        .into_iter()
        .map(|t| {
            let available = text_width(t.landscape);
            let (size, widths) =
                columns::fit_shrinking(t.header, &t.rows, available, TABLE_METRICS, &TABLE_SIZES);
            (t.kind, Layout { widths, size: size as usize })
        })
        .collect()
}

/// English Metric Units per centimetre, Word's unit for drawings.
const EMU_PER_CM: u32 = 360_000;

/// The logo (1.6 cm high, at most 6 cm wide) on a line of its own, the
/// organisation's name in bold under it, then the support line in grey.
fn letterhead_paragraphs(letterhead: &Letterhead) -> impl Iterator<Item = Paragraph> {
    let logo = letterhead.logo.as_ref().map(|logo| {
        let (width, height) = logo.fit(16 * EMU_PER_CM / 10, 6 * EMU_PER_CM);
        let pic = Pic::new_with_dimensions(logo.bytes.clone(), logo.width, logo.height)
            .size(width, height);
        Paragraph::new().add_run(Run::new().add_image(pic))
    });
    let line = |value: &str, run: fn(Run) -> Run| {
        (!value.is_empty()).then(|| Paragraph::new().add_run(run(text(value))))
    };
    let name = line(&letterhead.organisation, |r| r.bold().size(28).color("222244"));
    let support = line(&letterhead.support, |r| r.size(20).color("444444"));
    logo.into_iter().chain(name).chain(support)
}

enum Part {
    Paragraph(Box<Paragraph>),
    Table(Box<Table>),
}

/// The body in its portrait and landscape parts, and how many numbered
/// lists it has (each needs its own numbering instance).
fn parts(blocks: &[Block]) -> (Vec<Part>, Vec<Part>, usize) {
    let mut lists = 0;
    let layouts = layouts(blocks);
    let (mut portrait, mut landscape) = (Vec::new(), Vec::new());
    let mut out = &mut portrait;
    for block in blocks {
        match block {
            Block::Heading(level, value) => {
                let style = match level {
                    1 => "Title",
                    2 => "Heading1",
                    _ => "Heading2",
                };
                out.push(Part::Paragraph(Box::new(
                    Paragraph::new().style(style).add_run(text(value)),
                )));
            }
            Block::Paragraph(value) => {
                out.push(Part::Paragraph(Box::new(Paragraph::new().add_run(text(value)))))
            }
            Block::Bullets(items) => out.extend(items.iter().map(|item| {
                Part::Paragraph(Box::new(
                    Paragraph::new()
                        .style("ListBullet")
                        .numbering(NumberingId::new(BULLET_LIST), IndentLevel::new(0))
                        .add_run(text(item)),
                ))
            })),
            Block::Numbered(items) => {
                lists += 1;
                let id = NUMBER_LIST + lists;
                out.extend(items.iter().map(|item| {
                    Part::Paragraph(Box::new(
                        Paragraph::new()
                            .style("ListNumber")
                            .numbering(NumberingId::new(id), IndentLevel::new(0))
                            .add_run(text(item)),
                    ))
                }));
            }
            Block::Table { kind, header, rows } => {
                out.push(Part::Table(Box::new(table(*kind, header, rows, &layouts[kind]))));
                // Word needs a paragraph between tables, or it joins them.
                out.push(Part::Paragraph(Box::new(Paragraph::new())));
            }
            Block::Landscape => out = &mut landscape,
            Block::Letterhead(letterhead) => {
                out.extend(letterhead_paragraphs(letterhead).map(|p| Part::Paragraph(Box::new(p))))
            }
        }
    }
    (portrait, landscape, lists)
}

fn core_properties(report: &Report) -> Vec<u8> {
    let escape = super::html::escape;
    let created = report.date.map_or_else(
        || "2000-01-01T00:00:00Z".to_owned(),
        |d| d.format("%Y-%m-%dT00:00:00Z").to_string(),
    );
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{title}</dc:title><dc:creator>{author}</dc:creator>\
         <cp:lastModifiedBy>{author}</cp:lastModifiedBy><dc:language>{lang}</dc:language>\
         <dcterms:created xsi:type=\"dcterms:W3CDTF\">{created}</dcterms:created>\
         <dcterms:modified xsi:type=\"dcterms:W3CDTF\">{created}</dcterms:modified>\
         <cp:revision>1</cp:revision></cp:coreProperties>",
        title = escape(&super::clean(report.title)),
        author = escape(&super::clean(report.organiser)),
        lang = language_tag(),
    )
    .into_bytes()
}

/// Every header row (marked with a height of [`HEADER_MARK`]) becomes a
/// `w:tblHeader` row, which Word and LibreOffice repeat on each page.
fn repeat_header_rows(document: &[u8]) -> Vec<u8> {
    let marked = format!("<w:trHeight w:val=\"{HEADER_MARK}\" w:hRule=\"atLeast\" />");
    String::from_utf8_lossy(document).replace(&marked, "<w:tblHeader />").into_bytes()
}

/// The document language goes into the default run properties, where it
/// comes last in the schema's order.
fn with_language(styles: &[u8]) -> Vec<u8> {
    let lang = language_tag();
    let tag = format!("<w:lang w:val=\"{lang}\" w:eastAsia=\"{lang}\" w:bidi=\"ar-SA\" />");
    String::from_utf8_lossy(styles)
        .replacen("</w:rPr></w:rPrDefault>", &format!("{tag}</w:rPr></w:rPrDefault>"), 1)
        .into_bytes()
}

pub fn render(report: &Report, blocks: &[Block]) -> anyhow::Result<Vec<u8>> {
    let (portrait, landscape, lists) = parts(blocks);
    let portrait_empty = portrait.is_empty();
    let mut first = Section::new()
        .page_size(PageSize::new().size(A4_SHORT, A4_LONG))
        .page_margin(margins())
        .footer(footer());
    for part in portrait {
        first = match part {
            Part::Paragraph(p) => first.add_paragraph(*p),
            Part::Table(t) => first.add_table(*t),
        };
    }
    let mut docx = with_styles(Docx::new());
    for list in 1..=lists {
        let restart = docx_rs::LevelOverride::new(0).start(1);
        docx = docx
            .add_numbering(Numbering::new(NUMBER_LIST + list, NUMBER_LIST).add_override(restart));
    }
    if !portrait_empty {
        docx = docx.add_section(first);
    }
    for part in landscape {
        docx = match part {
            Part::Paragraph(p) => docx.add_paragraph(*p),
            Part::Table(t) => docx.add_table(*t),
        };
    }
    docx = docx
        .page_size(A4_LONG, A4_SHORT)
        .page_orient(PageOrientationType::Landscape)
        .page_margin(margins())
        .footer(footer());
    let mut xml = docx.build();
    xml.document = repeat_header_rows(&xml.document);
    xml.styles = with_language(&xml.styles);
    xml.doc_props.core = core_properties(report);
    let mut out = std::io::Cursor::new(Vec::new());
    xml.pack(&mut out)?;
    let jpeg_logo = blocks.iter().any(|b| {
        matches!(b, Block::Letterhead(l) if l.logo.as_ref().is_some_and(|l| l.kind == ImageKind::Jpeg))
    });
    deflated(&out.into_inner(), jpeg_logo)
}

/// docx-rs names every image `.png`; a JPEG logo gets its own extension and
/// content type, so Word does not take it for a broken PNG.
fn jpeg_named(name: &str, content: Vec<u8>) -> (String, Vec<u8>) {
    let text = || String::from_utf8_lossy(&content).into_owned();
    match name {
        "[Content_Types].xml" => {
            let jpeg = "<Default Extension=\"jpeg\" ContentType=\"image/jpeg\" />";
            let patched = text().replacen("<Default ", &format!("{jpeg}<Default "), 1);
            (name.to_owned(), patched.into_bytes())
        }
        "word/_rels/document.xml.rels" => {
            (name.to_owned(), text().replace(".png\"", ".jpeg\"").into_bytes())
        }
        media if media.starts_with("word/media/") && media.ends_with(".png") => {
            (format!("{}.jpeg", media.trim_end_matches(".png")), content)
        }
        _ => (name.to_owned(), content),
    }
}

/// The same package with every part deflated (docx-rs only stores them):
/// a tenth of the size, the same parts in the same order.
fn deflated(stored: &[u8], jpeg_logo: bool) -> anyhow::Result<Vec<u8>> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(stored))?;
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..archive.len() {
        let mut part = archive.by_index(i)?;
        if part.is_dir() {
            writer.add_directory(part.name(), options)?;
        } else if jpeg_logo {
            let mut content = Vec::new();
            std::io::Read::read_to_end(&mut part, &mut content)?;
            let (name, content) = jpeg_named(part.name(), content);
            writer.start_file(name, options)?;
            std::io::Write::write_all(&mut writer, &content)?;
        } else {
            writer.start_file(part.name(), options)?;
            std::io::copy(&mut part, &mut writer)?;
        }
    }
    Ok(writer.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::jpeg_named;

    #[test]
    fn a_jpeg_logo_gets_its_own_extension_relation_and_content_type() {
        let types = "<Types><Default Extension=\"png\" ContentType=\"image/png\" /></Types>";
        let (name, patched) = jpeg_named("[Content_Types].xml", types.as_bytes().to_vec());
        let patched = String::from_utf8(patched).unwrap();
        assert_eq!(name, "[Content_Types].xml");
        assert!(patched.contains("<Default Extension=\"jpeg\" ContentType=\"image/jpeg\" />"));
        assert!(patched.contains("Extension=\"png\""), "the other defaults stay");
        let rels = "<Relationship Id=\"rIdImage1\" Target=\"media/rIdImage1.png\" />";
        let (_, patched) = jpeg_named("word/_rels/document.xml.rels", rels.as_bytes().to_vec());
        assert!(String::from_utf8(patched).unwrap().contains("media/rIdImage1.jpeg\""));
        let (name, bytes) = jpeg_named("word/media/rIdImage1.png", vec![0xFF, 0xD8]);
        assert_eq!((name.as_str(), bytes), ("word/media/rIdImage1.jpeg", vec![0xFF, 0xD8]));
        let (name, _) = jpeg_named("word/document.xml", Vec::new());
        assert_eq!(name, "word/document.xml");
    }
}
