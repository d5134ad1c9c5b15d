//! Documents that go out as they are: the DOCX's XML holds what Word needs
//! (styles, grids, header rows, sections, language, properties), and the
//! rendered result, printed by LibreOffice, has a landscape action plan and
//! no action title or deadline broken mid-word.

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use kenesh::model::{ProposalKind, Session};

fn part(docx: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip");
    let mut xml = String::new();
    archive
        .by_name(name)
        .unwrap_or_else(|_| panic!("{name} in the package"))
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

/// Exports `file` with the command line, in the interface language `lang`.
fn export(file: &Path, lang: &str, format: &str, out: &Path) {
    let output = common::kenesh()
        .args(["--lang", lang, "export"])
        .arg(file)
        .args(["--format", format, "--force", "-o"])
        .arg(out)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
}

fn russian_docx(dir: &Path) -> PathBuf {
    let path = dir.join("minutes.docx");
    export(&common::bishkek_example(), "ru", "docx", &path);
    path
}

fn example() -> Session {
    common::load_session(&common::bishkek_example())
}

/// The `n`-th occurrence's attributes of `<tag …>` elements.
fn elements<'a>(xml: &'a str, tag: &str) -> Vec<&'a str> {
    let open = format!("<{tag}");
    xml.match_indices(&open)
        .filter(|(i, _)| matches!(xml.as_bytes().get(i + open.len()), Some(b' ' | b'>' | b'/')))
        .map(|(i, _)| {
            let end = xml[i..].find('>').map_or(xml.len(), |e| i + e);
            &xml[i..end]
        })
        .collect()
}

#[test]
fn docx_styles_are_words_own_with_a_cyrillic_font_and_the_interface_language() {
    let dir = tempfile::tempdir().unwrap();
    let docx = std::fs::read(russian_docx(dir.path())).unwrap();
    let styles = part(&docx, "word/styles.xml");
    for (id, name) in [
        ("Title", "Title"),
        ("Heading1", "heading 1"),
        ("Heading2", "heading 2"),
        ("ListBullet", "List Bullet"),
        ("KeneshTable", "Kenesh Table"),
    ] {
        let style = format!("w:styleId=\"{id}\"><w:name w:val=\"{name}\" />");
        assert!(styles.contains(&style), "style {id} named {name}");
    }
    let defaults =
        &styles[styles.find("<w:rPrDefault>").unwrap()..styles.find("</w:rPrDefault>").unwrap()];
    assert!(
        defaults.contains("w:ascii=\"Arial\"") && defaults.contains("w:hAnsi=\"Arial\""),
        "{defaults}"
    );
    assert!(defaults.contains("<w:lang w:val=\"ru-RU\""), "{defaults}");
    let document = part(&docx, "word/document.xml");
    assert!(document.contains("<w:pStyle w:val=\"Heading1\" />"));
    assert!(document.contains("<w:pStyle w:val=\"ListBullet\" />"));
    assert!(!document.contains("• "), "bullets are a list style, not typed characters");
    let numbering = part(&docx, "word/numbering.xml");
    assert!(numbering.contains("<w:numFmt w:val=\"bullet\" />"), "{numbering}");
}

#[test]
fn docx_core_properties_name_the_meeting_its_organiser_and_date() {
    let dir = tempfile::tempdir().unwrap();
    let docx = std::fs::read(russian_docx(dir.path())).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&docx)).unwrap();
    let document = archive.by_name("word/document.xml").unwrap();
    assert_eq!(document.compression(), zip::CompressionMethod::Deflated, "parts are compressed");
    drop(document);
    let core = part(&docx, "docProps/core.xml");
    let session = example();
    assert!(core.contains(&format!("<dc:title>{}</dc:title>", session.title)), "{core}");
    assert!(core.contains(&format!("<dc:creator>{}</dc:creator>", session.organiser)), "{core}");
    assert!(core.contains(">2026-11-19T00:00:00Z</dcterms:created>"), "{core}");
    assert!(core.contains("<dc:language>ru-RU</dc:language>"), "{core}");
}

#[test]
fn docx_tables_have_grids_widths_repeating_headers_and_rows_that_do_not_split() {
    let dir = tempfile::tempdir().unwrap();
    let docx = std::fs::read(russian_docx(dir.path())).unwrap();
    let document = part(&docx, "word/document.xml");
    let tables: Vec<&str> =
        document.split("<w:tbl>").skip(1).map(|t| &t[..t.find("</w:tbl>").unwrap()]).collect();
    assert!(tables.len() >= 5, "attendance, agenda, speaking, needs, actions");
    for table in &tables {
        assert!(
            table.contains("<w:tblLayout w:type=\"fixed\" />"),
            "fixed layout keeps the widths"
        );
        let grid = elements(table, "w:gridCol");
        let rows: Vec<&str> = table.split("<w:tr>").skip(1).collect();
        assert!(rows[0].contains("<w:tblHeader />"), "the first row repeats on every page");
        assert_eq!(table.matches("<w:tblHeader />").count(), 1, "only the first row is a header");
        for row in &rows {
            assert!(row.contains("<w:cantSplit />"), "no row splits across pages");
            let widths: Vec<&str> = elements(row, "w:tcW");
            assert_eq!(widths.len(), grid.len(), "one cell per grid column");
            for (w, g) in widths.iter().zip(&grid) {
                let value = |e: &str| {
                    e.split("w:w=\"").nth(1).unwrap().split('"').next().unwrap().to_owned()
                };
                assert_eq!(value(w), value(g), "each cell as wide as its grid column");
                assert!(value(g).parse::<u32>().unwrap() >= 300, "no hair-thin column: {g}");
            }
        }
    }
    // Every needs table shares one set of columns.
    let needs_grids: std::collections::HashSet<Vec<&str>> = tables
        .iter()
        .filter(|t| t.contains("Кто поднял"))
        .map(|t| elements(t, "w:gridCol"))
        .collect();
    assert_eq!(needs_grids.len(), 1);
}

#[test]
fn docx_action_plan_is_a_landscape_section_and_pages_are_numbered() {
    let dir = tempfile::tempdir().unwrap();
    let docx = std::fs::read(russian_docx(dir.path())).unwrap();
    let document = part(&docx, "word/document.xml");
    let sections = elements(&document, "w:pgSz");
    assert_eq!(sections.len(), 2, "{sections:?}");
    assert!(
        sections[0].contains("w:w=\"11906\" w:h=\"16838\"") && !sections[0].contains("landscape")
    );
    assert!(sections[1].contains("w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\""));
    let plan = document.find("План действий").unwrap();
    let first_section_end = document.find("<w:sectPr>").unwrap();
    assert!(plan > first_section_end, "the action plan starts after the portrait section");
    assert_eq!(elements(&document, "w:footerReference").len(), 2, "both sections have the footer");
    for footer in ["word/footer1.xml", "word/footer2.xml"] {
        assert!(part(&docx, footer).contains("<w:instrText>PAGE</w:instrText>"), "{footer}");
    }
}

#[test]
fn docx_language_follows_the_interface() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("en.docx");
    export(&common::bishkek_example(), "en", "docx", &path);
    let docx = std::fs::read(&path).unwrap();
    assert!(part(&docx, "word/styles.xml").contains("<w:lang w:val=\"en-GB\""));
    assert!(part(&docx, "word/document.xml").contains(">Action plan<"));
}

/// Whether `name` runs here (`-v` is what poppler's tools answer to).
fn tool(name: &str, flag: &str) -> bool {
    Command::new(name).arg(flag).output().is_ok_and(|o| o.status.success())
}

/// Converts `file` to PDF in headless LibreOffice, in its own profile.
fn soffice_pdf(file: &Path, dir: &Path) -> PathBuf {
    let output = Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", dir.join("profile").display()))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(file)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let pdf = dir.join(file.with_extension("pdf").file_name().unwrap());
    assert!(pdf.exists(), "LibreOffice wrote {}", pdf.display());
    pdf
}

/// Page sizes in points, from `pdfinfo`.
fn page_sizes(pdf: &Path) -> Vec<(f64, f64)> {
    let out = Command::new("pdfinfo").args(["-f", "1", "-l", "999"]).arg(pdf).output().unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains("size:"))
        .map(|l| {
            let numbers: Vec<f64> =
                l.split_whitespace().filter_map(|w| w.parse().ok()).collect::<Vec<_>>();
            (numbers[1], numbers[2])
        })
        .collect()
}

fn pdf_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext").arg(pdf).arg("-").output().unwrap();
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Every word of every action title, and every deadline, appears whole in
/// the PDF's text: no column was so narrow that it broke one.
pub fn assert_nothing_broken(text: &str, session: &Session) {
    let words: std::collections::HashSet<&str> =
        text.split(|c: char| c.is_whitespace() || "(),;:«»\"".contains(c)).collect();
    for action in &session.actions {
        for word in action.what.split(|c: char| c.is_whitespace() || "(),;:«»\"".contains(c)) {
            let found = |piece: &str| words.iter().any(|w| w.contains(piece));
            // A compound may break after its hyphen, as typesetting allows
            // (pdftotext then joins the two halves without it).
            let pieces: Vec<&str> =
                word.split_inclusive('-').filter(|p| p.chars().count() > 1).collect();
            assert!(
                found(word) || found(&word.replace('-', "")) || pieces.iter().all(|p| found(p)),
                "«{word}» of «{}» is broken in the PDF",
                action.what
            );
        }
        if let Some(deadline) = action.deadline {
            let date = deadline.format("%d.%m.%Y").to_string();
            assert!(words.contains(date.as_str()), "deadline {date} is broken in the PDF");
        }
    }
}

#[test]
fn docx_prints_in_libreoffice_with_a_landscape_action_plan_and_nothing_broken() {
    if !tool("soffice", "--version") || !tool("pdfinfo", "-v") || !tool("pdftotext", "-v") {
        eprintln!("skipped: LibreOffice or poppler-utils is not installed (CI installs both)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pdf = soffice_pdf(&russian_docx(dir.path()), dir.path());
    let sizes = page_sizes(&pdf);
    assert!(sizes.len() >= 2, "{sizes:?}");
    let a4 = |(w, h): (f64, f64)| (w - 595.3).abs() < 1.0 && (h - 841.9).abs() < 1.0;
    let a4_landscape = |(w, h): (f64, f64)| a4((h, w));
    assert!(a4(sizes[0]), "the minutes start on portrait A4: {sizes:?}");
    assert!(a4_landscape(*sizes.last().unwrap()), "the action plan is landscape A4: {sizes:?}");
    let text = pdf_text(&pdf);
    let plan_pages: Vec<&str> =
        text.split('\u{c}').filter(|p| p.contains("План действий")).collect();
    assert_eq!(plan_pages.len(), 1, "the action plan heading is printed once");
    let plan_page = text.split('\u{c}').position(|p| p.contains("План действий")).unwrap();
    assert!(a4_landscape(sizes[plan_page]), "the action plan's page is landscape: {sizes:?}");
    let plan: Vec<&str> = text.split('\u{c}').skip(plan_page).collect();
    assert_nothing_broken(&plan.join("\n"), &example());
}

#[test]
fn html_prints_the_action_plan_on_landscape_pages_with_one_set_of_columns_per_kind() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("minutes.html");
    export(&common::bishkek_example(), "ru", "html", &path);
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.contains("<html lang=\"ru\">"));
    assert!(html.contains("@page landscape { size: A4 landscape; }"));
    assert!(html.contains("counter(page)"), "pages are numbered");
    let landscape = html.find("<section class=\"landscape\">").expect("a landscape part");
    assert!(html[landscape..].contains("<h2>План действий</h2>"));
    assert!(!html[..landscape].contains("<h2>План действий</h2>"));
    let needs: std::collections::HashSet<&str> = html
        .split("<table ")
        .filter(|t| t.contains("<th>Кто поднял</th>"))
        .map(|t| &t[..t.find("</colgroup>").unwrap()])
        .collect();
    assert_eq!(needs.len(), 1, "every needs table has the same columns: {needs:?}");
    assert!(html.contains("<td class=\"num\">"), "numbers align right");
    assert!(html.contains("<div class=\"keep\"><h3>"), "a settlement heading stays with its table");
}

fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .map(PathBuf::from)
        .find(|c| tool(&c.to_string_lossy(), "--version"))
}

#[test]
fn html_prints_in_chromium_on_a4_with_a_landscape_action_plan_and_nothing_broken() {
    let Some(chromium) = chromium() else {
        eprintln!("skipped: Chromium is not installed (CI installs Debian's chromium)");
        return;
    };
    if !tool("pdfinfo", "-v") || !tool("pdftotext", "-v") {
        eprintln!("skipped: poppler-utils is not installed (CI installs it)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("minutes.html");
    export(&common::bishkek_example(), "ru", "html", &html);
    let pdf = dir.path().join("minutes.pdf");
    let out = Command::new(&chromium)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"])
        .args(["--disable-background-networking", "--disable-component-update", "--disable-sync"])
        .arg(format!("--user-data-dir={}", dir.path().join("profile").display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg("--no-pdf-header-footer")
        .arg(format!("file://{}", html.display()))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let sizes = page_sizes(&pdf);
    let a4 = |(w, h): (f64, f64)| (w - 595.3).abs() < 2.0 && (h - 841.9).abs() < 2.0;
    let landscape = |(w, h): (f64, f64)| a4((h, w));
    for size in &sizes {
        assert!(a4(*size) || landscape(*size), "every page is A4: {sizes:?}");
    }
    let text = pdf_text(&pdf);
    let plan_page = text.split('\u{c}').position(|p| p.contains("План действий")).unwrap();
    assert!(a4(sizes[0]), "the minutes start portrait: {sizes:?}");
    assert!(landscape(sizes[plan_page]), "the action plan is landscape: {sizes:?}");
    let plan: Vec<&str> = text.split('\u{c}').skip(plan_page).collect();
    assert_nothing_broken(&plan.join("\n"), &example());
    assert!(text.contains(&format!("\n{}\n", sizes.len())), "the last page is numbered");
}

fn sign_in(lang: &str, format: &str, dir: &Path) -> PathBuf {
    let path = dir.join(format!("sign-in.{format}"));
    let output = common::kenesh()
        .args(["--lang", lang, "export"])
        .arg(common::bishkek_example())
        .args(["--format", format, "--document", "sign-in", "-o"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    path
}

#[test]
fn the_sign_in_sheet_lists_the_invited_with_room_for_walk_ins_and_signatures() {
    let dir = tempfile::tempdir().unwrap();
    let session = example();
    let docx = std::fs::read(sign_in("ru", "docx", dir.path())).unwrap();
    let document = part(&docx, "word/document.xml");
    let pages = elements(&document, "w:pgSz");
    assert_eq!(pages.len(), 1, "one landscape section, no blank portrait page: {pages:?}");
    assert!(pages[0].contains("landscape"));
    assert!(document.contains(">Лист регистрации участников<"));
    for column in ["Имя", "Организация", "Жилмассив", "Пол", "Возраст", "Телефон", "Подпись"]
    {
        assert!(document.contains(&format!(">{column}<")), "{column}");
    }
    for p in &session.participants {
        assert!(document.contains(&format!(">{}<", p.name)), "{}", p.name);
    }
    let tall = document.matches("<w:trHeight w:val=\"510\"").count();
    assert_eq!(
        tall,
        session.participants.len() + 10,
        "every row has room to sign, 10 for walk-ins"
    );
    assert!(!document.contains("Повестка"), "the sign-in sheet is not the minutes");

    let html = std::fs::read_to_string(sign_in("ru", "html", dir.path())).unwrap();
    assert!(html.contains("<table class=\"sign-in\""));
    assert!(html.find("<section class=\"landscape\">") < html.find("<h1>"));
    for p in &session.participants {
        assert!(html.contains(&format!("<td>{}</td>", p.name)), "{}", p.name);
    }
    let bad = common::kenesh()
        .arg("export")
        .arg(common::bishkek_example())
        .args(["--format", "csv", "--document", "sign-in", "-o", "-"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("markdown, html or docx"));
}

#[test]
fn russian_minutes_follow_the_protocol_form_and_english_keeps_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = example();
    session.secretary = "Ким Ольга".into();
    let file = dir.path().join("session.ron");
    std::fs::write(&file, kenesh::store::to_ron(&session).unwrap()).unwrap();
    let md = dir.path().join("protocol.md");
    export(&file, "ru", "markdown", &md);
    let md = std::fs::read_to_string(&md).unwrap();
    let present = session.participants.iter().filter(|p| p.present).count();
    for line in [
        "# ПРОТОКОЛ №".to_owned(),
        format!("Председательствующий — {}", session.facilitator),
        "Секретарь — Ким Ольга".to_owned(),
        format!("ПРИСУТСТВОВАЛИ: {present} человек (список прилагается)."),
        "## ПОВЕСТКА ДНЯ".to_owned(),
        "## Приложение 1: список участников".to_owned(),
        "Секретарь \\_".to_owned(),
    ] {
        assert!(md.contains(&line), "{line}");
    }
    assert_eq!(md.matches("\nСЛУШАЛИ: ").count(), session.agenda.len(), "one per agenda item");
    for (i, item) in session.agenda.iter().enumerate() {
        let start = md.find(&format!("## {}. ", i + 1)).unwrap();
        let part = &md[start..];
        let part = &part[..part[3..].find("\n## ").map_or(part.len(), |e| e + 3)];
        for turn in session.speaker_turns.iter().filter(|t| t.agenda_item == item.id) {
            let who = session.participants.iter().find(|p| p.id == turn.participant).unwrap();
            assert!(
                part.contains("ВЫСТУПИЛИ:") && part.contains(&who.name),
                "{}: {}",
                item.title,
                who.name
            );
        }
        let decisions: Vec<_> = session
            .proposals
            .iter()
            .filter(|p| p.kind == ProposalKind::Decision && p.agenda_item == Some(item.id))
            .collect();
        if !decisions.is_empty() {
            assert!(part.contains("РЕШИЛИ:"), "{}", item.title);
        }
        for (n, d) in decisions.iter().enumerate() {
            assert!(part.contains(&format!("{}. {}", n + 1, d.text)), "{}", d.text);
        }
    }
    let english = dir.path().join("minutes.md");
    export(&file, "en", "markdown", &english);
    let english = std::fs::read_to_string(&english).unwrap();
    assert!(!english.contains("ПРОТОКОЛ") && !english.contains("MINUTES No."));
    assert!(english.contains("## List of participants") && english.contains("## Decisions"));
}

/// Exports the example in `lang` with a configuration whose letterhead
/// names the organisation, a support line and `logo`; returns the output
/// and what the command said on stderr.
fn with_letterhead(dir: &Path, logo: &str, lang: &str, format: &str, document: &str) -> String {
    let folder = dir.join("config/kenesh");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("config.ron"),
        format!(
            "Config(letterhead: Some((organisation: \"Городской центр развития\", \
             logo: Some(\"{logo}\"), support: \"при поддержке GFA и SDC\")))"
        ),
    )
    .unwrap();
    let out = dir.join(format!("{document}.{format}"));
    let output = common::kenesh()
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("HOME", dir)
        .args(["--lang", lang, "export"])
        .arg(common::bishkek_example())
        .args(["--format", format, "--document", document, "--force", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn the_letterhead_logo_is_embedded_in_the_docx_and_inline_in_the_html() {
    let dir = tempfile::tempdir().unwrap();
    let logo = common::repo_root().join("tests/fixtures/logo.png");
    let png = std::fs::read(&logo).unwrap();
    for document in ["minutes", "sign-in"] {
        let said = with_letterhead(dir.path(), &logo.display().to_string(), "ru", "docx", document);
        assert!(!said.to_lowercase().contains("логотип"), "no complaint about the logo: {said}");
        let docx = std::fs::read(dir.path().join(format!("{document}.docx"))).unwrap();
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&docx)).unwrap();
        let media: Vec<String> = archive
            .file_names()
            .filter(|n| n.starts_with("word/media/"))
            .map(String::from)
            .collect();
        let image = media.iter().find(|n| !n.ends_with('/')).expect("an image in word/media");
        let mut bytes = Vec::new();
        archive.by_name(image).unwrap().read_to_end(&mut bytes).unwrap();
        assert_eq!(bytes, png, "the logo as it is");
        let xml = part(&docx, "word/document.xml");
        assert!(xml.contains("<pic:pic") && xml.contains("Городской центр развития"));
        assert!(xml.contains("при поддержке GFA и SDC"));

        with_letterhead(dir.path(), &logo.display().to_string(), "ru", "html", document);
        let html = std::fs::read_to_string(dir.path().join(format!("{document}.html"))).unwrap();
        assert!(html.contains("<img src=\"data:image/png;base64,iVBORw0KGgo"), "{document}");
        assert!(html.contains("img-src data:"), "the page's own policy lets the logo show");
        assert!(html.contains("Городской центр развития") && html.contains("GFA и SDC"));
    }
    with_letterhead(dir.path(), &logo.display().to_string(), "ru", "markdown", "minutes");
    let md = std::fs::read_to_string(dir.path().join("minutes.markdown")).unwrap();
    assert!(md.starts_with("**Городской центр развития**\n\nпри поддержке GFA и SDC\n\n---\n"));
}

#[test]
fn a_logo_that_cannot_be_used_is_named_and_the_document_goes_out_without_it() {
    let dir = tempfile::tempdir().unwrap();
    let not_an_image = dir.path().join("logo.png");
    std::fs::write(&not_an_image, "GIF89a, not a PNG").unwrap();
    let missing = dir.path().join("нет-такого.png");
    for (logo, why) in [(&missing, "не читается"), (&not_an_image, "не PNG и не JPEG")]
    {
        let said =
            with_letterhead(dir.path(), &logo.display().to_string(), "ru", "docx", "minutes");
        assert!(said.contains(&logo.display().to_string()) && said.contains(why), "{said}");
        let docx = std::fs::read(dir.path().join("minutes.docx")).unwrap();
        let archive = zip::ZipArchive::new(std::io::Cursor::new(&docx)).unwrap();
        assert!(!archive.file_names().any(|n| n.starts_with("word/media/") && !n.ends_with('/')));
        assert!(part(&docx, "word/document.xml").contains("Городской центр развития"));
    }
}

#[test]
fn the_letterhead_prints_atop_the_docx_and_the_html() {
    if !tool("soffice", "--version") || !tool("pdftotext", "-v") {
        eprintln!("skipped: LibreOffice or poppler-utils is not installed (CI installs both)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let logo = common::repo_root().join("tests/fixtures/logo.png");
    with_letterhead(dir.path(), &logo.display().to_string(), "ru", "docx", "minutes");
    let text = pdf_text(&soffice_pdf(&dir.path().join("minutes.docx"), dir.path()));
    let first_page = text.split('\u{c}').next().unwrap();
    let name = first_page.find("Городской центр развития").expect("the name on page 1");
    assert!(first_page.contains("при поддержке GFA и SDC"));
    assert!(name < first_page.find("ПРОТОКОЛ").unwrap(), "the letterhead comes first");
    if let Some(chromium) = chromium() {
        with_letterhead(dir.path(), &logo.display().to_string(), "ru", "html", "minutes");
        let pdf = dir.path().join("minutes-html.pdf");
        let status = Command::new(chromium)
            .args(["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer"])
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(dir.path().join("minutes.html"))
            .output()
            .unwrap();
        assert!(status.status.success());
        let text = pdf_text(&pdf);
        assert!(text.contains("Городской центр развития") && text.contains("GFA и SDC"));
    }
}

/// The example with a protocol number, saved in `dir`.
fn numbered_example(dir: &Path) -> PathBuf {
    let mut session = example();
    session.number = "17-к".into();
    let file = dir.join("numbered.ron");
    std::fs::write(&file, kenesh::store::to_ron(&session).unwrap()).unwrap();
    file
}

#[test]
fn the_protocol_carries_the_sessions_number_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let file = numbered_example(dir.path());
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.contains("    number: \"17-к\",\n"), "saved with the session");
    let md = dir.path().join("protocol.md");
    export(&file, "ru", "markdown", &md);
    assert!(std::fs::read_to_string(&md).unwrap().starts_with("# ПРОТОКОЛ № 17-к\n"));
    let html = dir.path().join("protocol.html");
    export(&file, "ru", "html", &html);
    assert!(std::fs::read_to_string(&html).unwrap().contains("<h1>ПРОТОКОЛ № 17-к</h1>"));
    let docx = dir.path().join("protocol.docx");
    export(&file, "ru", "docx", &docx);
    assert!(part(&std::fs::read(&docx).unwrap(), "word/document.xml").contains("ПРОТОКОЛ № 17-к"));
    // Without a number the line is left blank for the registering office,
    // and the file does not mention the field at all.
    let plain = std::fs::read_to_string(common::bishkek_example()).unwrap();
    assert!(!plain.contains("number:"));
    let blank = dir.path().join("blank.md");
    export(&common::bishkek_example(), "ru", "markdown", &blank);
    assert!(std::fs::read_to_string(&blank).unwrap().starts_with("# ПРОТОКОЛ № \\_\\_\\_\\_\n"));
}

/// The rows of the Markdown table under `heading`.
fn table_under<'a>(md: &'a str, heading: &str) -> Vec<Vec<&'a str>> {
    let start = md.find(heading).unwrap_or_else(|| panic!("{heading}"));
    md[start..]
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2)
        .map(|l| l.trim_matches('|').split(" | ").map(str::trim).collect())
        .collect()
}

/// Agenda time to the minute (`38 min`, `1 h 05 min`), never `0:38`.
fn assert_minutes(cell: &str) {
    let number = cell.strip_suffix(" min").unwrap_or_else(|| panic!("{cell}"));
    let parts: Vec<&str> = number.split(" h ").collect();
    assert!(parts.len() <= 2 && !cell.contains(':'), "{cell}");
    assert!(parts.iter().all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit())), "{cell}");
}

#[test]
fn minutes_write_times_in_words_and_shares_that_add_up_to_a_hundred() {
    // The English minutes' own layout; the Russian protocol's timing
    // attachment is checked in
    // `the_protocol_carries_proposals_parking_lot_and_timing_in_every_format`.
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("minutes.md");
    export(&common::bishkek_example(), "en", "markdown", &md);
    let md = std::fs::read_to_string(&md).unwrap();
    let rows = table_under(&md, "## Agenda");
    assert!(!rows.is_empty());
    for row in &rows {
        for cell in [row[3], row[6], row[7].trim_start_matches('+')] {
            if !cell.is_empty() {
                assert_minutes(cell);
            }
        }
    }
    let rows = table_under(&md, "## Speaking time");
    assert!(rows.len() > 1, "several groups spoke");
    let mut percent = 0;
    for row in &rows {
        // Speaking time to the second: `7 min 29 s`.
        let time = row[1];
        let (minutes, seconds) = time.split_once(" min ").unwrap_or_else(|| panic!("{time}"));
        let seconds = seconds.strip_suffix(" s").unwrap_or_else(|| panic!("{time}"));
        assert!(minutes.chars().all(|c| c.is_ascii_digit()), "{time}");
        assert!(seconds.len() == 2 && seconds.chars().all(|c| c.is_ascii_digit()), "{time}");
        percent += row[2].trim_end_matches('%').parse::<u32>().unwrap();
    }
    assert_eq!(percent, 100, "the shares add up");
}

#[test]
fn a_running_item_exports_the_time_spent_on_it_so_far() {
    use kenesh::export::{Filters, Format, Table};
    let mut session = example();
    let started = common::at("2026-11-19T11:00:00+06:00");
    let item = &mut session.agenda[0];
    item.status = kenesh::model::AgendaStatus::Active;
    item.runs = vec![kenesh::model::Run { start: started, end: None }];
    let title = item.title.clone();
    let loaded = kenesh::store::Loaded::Session(session);
    let now = started + chrono::TimeDelta::seconds(6 * 60 + 40);
    let filters = Filters { now: Some(now), ..Filters::default() };
    let md = kenesh::export::export(&loaded, Format::Markdown, Table::Actions, &filters).unwrap();
    let md = String::from_utf8(md).unwrap();
    let row = table_under(&md, "## Agenda").into_iter().find(|r| title.starts_with(r[1])).unwrap();
    assert_eq!(row[6], "6 min", "spent so far: {row:?}");
}

/// Russian speaking time (`7 мин 29 с`, `1 ч 02 мин 05 с`) in seconds.
fn russian_seconds(cell: &str) -> i64 {
    let number = |s: &str| -> i64 { s.parse().unwrap_or_else(|_| panic!("{cell}")) };
    let rest = cell.strip_suffix(" с").unwrap_or_else(|| panic!("{cell}"));
    let (hours, rest) = rest.split_once(" ч ").map_or((0, rest), |(h, r)| (number(h), r));
    let (minutes, seconds) = rest.split_once(" мин ").unwrap_or_else(|| panic!("{cell}"));
    assert_eq!(seconds.len(), 2, "{cell}");
    hours * 3600 + number(minutes) * 60 + number(seconds)
}

/// A speaking-time table's seconds per row, after checking its shares add up.
fn speaking_rows(md: &str, heading: &str) -> Vec<(String, i64)> {
    let rows = table_under(md, heading);
    assert!(rows.len() > 1, "{heading}: several spoke");
    let shares: u32 = rows.iter().map(|r| r[2].trim_end_matches('%').parse::<u32>().unwrap()).sum();
    assert_eq!(shares, 100, "{heading}: the shares add up");
    rows.iter().map(|r| (r[0].to_owned(), russian_seconds(r[1]))).collect()
}

#[test]
fn the_protocol_carries_proposals_parking_lot_and_timing_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let session = example();
    let of_kind = |kind: ProposalKind| -> Vec<&str> {
        session.proposals.iter().filter(|p| p.kind == kind).map(|p| p.text.as_str()).collect()
    };
    let (proposals, parked) = (of_kind(ProposalKind::Proposal), of_kind(ProposalKind::ParkingLot));
    assert!(!proposals.is_empty() && !parked.is_empty(), "the example has both");
    let md = dir.path().join("protocol.md");
    export(&common::bishkek_example(), "ru", "markdown", &md);
    let md = std::fs::read_to_string(&md).unwrap();
    for (heading, texts) in [("## ПРЕДЛОЖЕНИЯ", &proposals), ("## ОТЛОЖЕННЫЕ ВОПРОСЫ", &parked)]
    {
        let rows = table_under(&md, heading);
        let shown: Vec<&str> = rows.iter().map(|r| r[1]).collect();
        assert_eq!(&shown, texts, "{heading}: every one, in order");
    }
    let timing = "## Приложение 2: регламент и время выступлений";
    let order = ["## ОТЛОЖЕННЫЕ ВОПРОСЫ", "## Приложение 1:", timing, "## План действий"];
    let at: Vec<usize> =
        order.iter().map(|h| md.find(h).unwrap_or_else(|| panic!("{h}"))).collect();
    assert!(at.is_sorted(), "after the items, attachments before the action plan: {at:?}");
    let agenda = table_under(&md, "### Повестка: время по плану и фактически");
    assert_eq!(agenda.len(), session.agenda.len());
    for row in &agenda {
        for cell in [row[3], row[6], row[7].trim_start_matches('+')] {
            assert!(cell.is_empty() || (cell.ends_with(" мин") && !cell.contains(':')), "{cell}");
        }
    }
    // Per participant and per group: the same seconds, shares of 100 each.
    let groups = speaking_rows(&md, "### Время выступлений по группам");
    let people = speaking_rows(&md, "### Время выступлений по участникам");
    let total = |rows: &[(String, i64)]| rows.iter().map(|(_, s)| s).sum::<i64>();
    assert_eq!(total(&groups), total(&people));
    for (name, _) in &people {
        assert!(session.participants.iter().any(|p| &p.name == name), "{name}");
    }

    let html = dir.path().join("protocol.html");
    export(&common::bishkek_example(), "ru", "html", &html);
    let html = std::fs::read_to_string(&html).unwrap();
    let docx = dir.path().join("protocol.docx");
    export(&common::bishkek_example(), "ru", "docx", &docx);
    let docx = part(&std::fs::read(&docx).unwrap(), "word/document.xml");
    for document in [&html, &docx] {
        for text in
            ["ПРЕДЛОЖЕНИЯ", "ОТЛОЖЕННЫЕ ВОПРОСЫ", &timing[3..], "Время выступлений по участникам"]
        {
            assert!(document.contains(&format!(">{text}<")), "{text}");
        }
        for text in proposals.iter().chain(&parked) {
            assert!(document.contains(&format!(">{}<", text.replace('"', "&quot;"))), "{text}");
        }
    }
}

#[test]
fn kyrgyz_protocol_labels_are_kyrgyz_throughout() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("protocol.md");
    export(&common::bishkek_example(), "ky", "markdown", &md);
    let md = std::fs::read_to_string(&md).unwrap();
    for heading in [
        "## СУНУШТАР",
        "## КИЙИНКИГЕ КАЛТЫРЫЛГАН МАСЕЛЕЛЕР",
        "## 1-тиркеме: катышуучулардын тизмеси",
        "## 2-тиркеме: регламент жана сөз сүйлөө убактысы",
    ] {
        assert!(md.contains(heading), "{heading}");
    }
    // Russian labels the Kyrgyz catalogue has its own words for.
    for russian in
        ["Приложение", "ПРЕДЛОЖЕНИЯ", "СЛУШАЛИ", "Повестка:", " мин |", " с |", "Секретарь"]
    {
        assert!(!md.contains(russian), "a Russian label in the Kyrgyz protocol: {russian}");
    }
}
