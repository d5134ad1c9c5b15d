//! `kenesh merge SESSION... [--into PROGRAM] [--dry-run]` and the git merge
//! driver.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use crate::i18n::targs;
use crate::merge::{Summary, join, merge, summary};
use crate::model::Program;
use crate::store::{Loaded, load_file, to_ron, write_atomic};
use crate::text::{print_line, say};

/// `program.ron` beside the folder of the first session (so
/// `sessions/x.ron` merges into `./program.ron`).
pub fn default_program(first: &Path) -> PathBuf {
    let folder = first.parent().filter(|p| !p.as_os_str().is_empty());
    let beside = folder.and_then(|f| f.parent()).filter(|p| !p.as_os_str().is_empty());
    beside.unwrap_or(Path::new(".")).join("program.ron")
}

fn load_program(path: &Path) -> Result<Program> {
    match load_file(path)? {
        Loaded::Program(p) => Ok(p),
        Loaded::Session(_) => {
            bail!(targs("merge-into-session", &[("file", path.display().to_string().into())]))
        }
    }
}

fn conflict_message(c: &crate::model::Conflict) -> String {
    targs(
        "merge-conflict",
        &[
            ("entity", c.entity.to_string().into()),
            ("field", c.field.clone().into()),
            ("value", c.value.clone().into()),
        ],
    )
}

fn print_summary(summary: &Summary, out: &mut impl Write, err: &mut impl Write) {
    for (kind, c) in &summary.kinds {
        let _ = print_line(
            out,
            &targs(
                "merge-summary-line",
                &[
                    ("kind", crate::i18n::t(&format!("merge-kind-{kind}")).into()),
                    ("added", c.added.into()),
                    ("updated", c.updated.into()),
                    ("unchanged", c.unchanged.into()),
                ],
            ),
        );
    }
    for c in &summary.new_conflicts {
        let _ = print_line(err, &conflict_message(c));
    }
    for d in &summary.duplicates {
        let _ = print_line(
            err,
            &targs(
                "merge-duplicate",
                &[("kind", d.kind.clone().into()), ("names", d.names.join(" / ").into())],
            ),
        );
    }
}

pub fn run(
    inputs: &[PathBuf],
    into: Option<&Path>,
    dry_run: bool,
    title: Option<&str>,
) -> Result<ExitCode> {
    // Every input must load before anything is written.
    let mut loaded = Vec::with_capacity(inputs.len());
    for path in inputs {
        loaded.push(load_file(path)?);
    }
    let target_path = into.map_or_else(|| default_program(&inputs[0]), Path::to_path_buf);
    // Say so before any summary: nothing will be written there.
    let folder = crate::store::sidecar::folder_of(&target_path);
    if !dry_run && !folder.is_dir() {
        bail!(targs(
            "merge-no-folder",
            &[
                ("file", target_path.display().to_string().into()),
                ("folder", folder.display().to_string().into())
            ]
        ));
    }
    let target = if target_path.exists() { Some(load_program(&target_path)?) } else { None };
    let before = target.clone();
    // Each input as a record, to say what it brought.
    let as_records: Vec<Program> = loaded.iter().cloned().map(crate::merge::as_program).collect();
    let mut result = merge(target, loaded);
    // `--title`: the record keeps it, as later merges keep the target's.
    if let Some(title) = title.map(str::trim).filter(|t| !t.is_empty()) {
        result.title = title.to_owned();
    }
    let empty = crate::merge::empty(&result.programme, result.updated);
    let before = before.as_ref().unwrap_or(&empty);
    let mut out = std::io::stdout();
    for (path, input) in inputs.iter().zip(&as_records) {
        let shown = path.display().to_string();
        let _ = print_line(&mut out, &targs("merge-input", &[("file", shown.into())]));
        let counts = crate::merge::input_summary(before, &result, input);
        print_summary(&counts, &mut out, &mut std::io::stderr());
    }
    let summary = summary(before, &result);
    let totals = Summary { kinds: Vec::new(), ..summary };
    print_summary(&totals, &mut out, &mut std::io::stderr());
    if dry_run {
        say(&crate::i18n::t("merge-dry-run"));
        return Ok(ExitCode::SUCCESS);
    }
    let text = to_ron(&result)?;
    let unchanged = std::fs::read_to_string(&target_path).is_ok_and(|old| old == text);
    if !unchanged {
        write_atomic(&target_path, text.as_bytes()).with_context(|| {
            targs("export-cannot-write", &[("file", target_path.display().to_string().into())])
        })?;
    }
    say(&targs("merge-written", &[("file", target_path.display().to_string().into())]));
    Ok(ExitCode::SUCCESS)
}

/// `kenesh merge-driver %O %A %B`: git's merge driver for programme and
/// session files. Writes the result to %A; exit 0 when merged cleanly,
/// 1 when conflicts remain (recorded in the file, or listed on stderr).
pub fn driver(base: &Path, ours: &Path, theirs: &Path) -> Result<ExitCode> {
    let (o, a, b) = (load_file(base).ok(), load_file(ours)?, load_file(theirs)?);
    let (text, clean) = match (a, b) {
        (Loaded::Program(a), Loaded::Program(b)) => {
            let known: Vec<_> = a.conflicts.iter().chain(&b.conflicts).cloned().collect();
            let result = join(a, b);
            let clean = result.conflicts.iter().all(|c| known.contains(c));
            for c in result.conflicts.iter().filter(|c| !known.contains(c)) {
                say(&conflict_message(c));
            }
            (to_ron(&result)?, clean)
        }
        (Loaded::Session(a), Loaded::Session(b)) => {
            let base = match o {
                Some(Loaded::Session(o)) => Some(o),
                _ => None,
            };
            let (result, conflicts) = crate::merge::three_way::sessions(base.as_ref(), a, b);
            for id in &conflicts {
                say(&targs("merge-session-conflict", &[("entity", id.to_string().into())]));
            }
            (to_ron(&result)?, conflicts.is_empty())
        }
        _ => bail!(crate::i18n::t("merge-driver-kinds")),
    };
    write_atomic(ours, text.as_bytes()).with_context(|| {
        targs("export-cannot-write", &[("file", ours.display().to_string().into())])
    })?;
    Ok(if clean { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}
