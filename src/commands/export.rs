//! `kenesh export FILE --format F [-o OUT]`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use crate::export::{Filters, Format, Table, export};
use crate::i18n::{t, targs};
use crate::slug::slugify;
use crate::store::{Loaded, load_file};

pub struct Request<'a> {
    pub file: &'a Path,
    pub format: Format,
    pub output: Option<&'a Path>,
    pub table: Table,
    pub filters: Filters,
    pub force: bool,
}

/// The default output: beside the input, named after the session (date and
/// transliterated title), so any title gives a safe name in that folder.
pub fn default_output(
    file: &Path,
    loaded: &Loaded,
    format: Format,
    table: Table,
    sign_in: bool,
) -> PathBuf {
    let stem = match loaded {
        Loaded::Session(s) => format!("{}-{}", s.date.format("%Y-%m-%d"), slugify(&s.title)),
        Loaded::Program(p) => slugify(&p.title),
    };
    let suffix = match (format, table) {
        (Format::Csv, Table::Attendance) => "-attendance",
        (Format::Csv, Table::Needs) => "-needs",
        _ if sign_in => "-sign-in",
        _ => "",
    };
    let folder = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    folder.join(format!("{stem}{suffix}.{}", format.extension()))
}

/// `--delimiter`: one ASCII character that cannot be confused with text
/// quoting or line ends.
pub fn delimiter(c: char) -> Result<u8> {
    match u8::try_from(c) {
        Ok(b) if c.is_ascii() && !matches!(c, '"' | '\r' | '\n') => Ok(b),
        _ => bail!(targs("export-bad-delimiter", &[("delimiter", c.to_string().into())])),
    }
}

/// Whether a filtered export came out empty (the tables it shows).
fn nothing_matched(loaded: &Loaded, request: &Request) -> bool {
    if !request.filters.narrows() {
        return false;
    }
    let report = crate::export::Report::new(loaded, &request.filters);
    match (request.format, request.table) {
        (crate::export::Format::Csv, Table::Attendance) => false,
        (crate::export::Format::Csv, Table::Needs) => report.needs.is_empty(),
        _ => report.actions.is_empty(),
    }
}

pub fn run(request: &Request) -> Result<ExitCode> {
    let loaded = load_file(request.file)?;
    if nothing_matched(&loaded, request) {
        eprintln!("{}", t("export-nothing-matched"));
    }
    let bytes = export(&loaded, request.format, request.table, &request.filters)?;
    match request.output {
        Some(path) if path == Path::new("-") => {
            if !request.format.is_text() {
                bail!(targs(
                    "export-binary-to-stdout",
                    &[("format", request.format.extension().into())]
                ));
            }
            write_text_out(&bytes)?;
        }
        output => {
            let path = output.map_or_else(
                || {
                    let sign_in = request.filters.sign_in;
                    let path = default_output(
                        request.file,
                        &loaded,
                        request.format,
                        request.table,
                        sign_in,
                    );
                    if request.filters.donor { donor_output(&path) } else { path }
                },
                Path::to_path_buf,
            );
            let shown = path.display().to_string();
            if request.force {
                crate::store::write_atomic(&path, &bytes)
            } else {
                crate::store::write_new(&path, &bytes).map_err(|e| {
                    if e.kind() == std::io::ErrorKind::AlreadyExists {
                        std::io::Error::other(targs(
                            "export-exists",
                            &[("file", shown.clone().into())],
                        ))
                    } else {
                        e
                    }
                })
            }
            .with_context(|| targs("export-cannot-write", &[("file", shown.clone().into())]))?;
            crate::text::say(&targs("export-written", &[("file", shown.into())]));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Text written to stdout. A terminal gets it through the sanitizer (a
/// hostile title must not clear the screen or set the clipboard); a pipe or
/// file gets the exact bytes.
fn write_text_out(bytes: &[u8]) -> std::io::Result<()> {
    use std::io::IsTerminal;
    let mut stdout = std::io::stdout().lock();
    if stdout.is_terminal() {
        let text = String::from_utf8_lossy(bytes);
        stdout.write_all(crate::text::safe_lines(&text).as_bytes())
    } else {
        stdout.write_all(bytes)
    }
}

/// The donor tables' default name: the minutes' name with `-donor`.
fn donor_output(minutes: &Path) -> PathBuf {
    let stem = minutes.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let extension = minutes.extension().map(|e| e.to_string_lossy().into_owned());
    minutes.with_file_name(format!("{stem}-donor.{}", extension.unwrap_or_default()))
}
