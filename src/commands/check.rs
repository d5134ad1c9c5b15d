use std::io::Write;
use std::path::PathBuf;

use crate::i18n::{t, targs};
use crate::store::{Loaded, read};
use crate::text::print_line;

/// Validates every file; prints each error as `file:line:col: message`.
/// Returns true when all files are valid.
pub fn run(files: &[PathBuf], out: &mut impl Write, err: &mut impl Write) -> bool {
    let mut all_good = true;
    for path in files {
        match read(path) {
            Ok((loaded, replayed)) => {
                report_journal(path, &replayed, err);
                let problems = problems_of(&loaded);
                let shown = path.display().to_string();
                if problems.is_empty() {
                    let _ = print_line(out, &targs("check-ok", &[("file", shown.into())]));
                } else {
                    all_good = false;
                    for problem in problems {
                        let _ = print_line(err, &format!("{shown}: {problem}"));
                    }
                }
            }
            Err(e) => {
                all_good = false;
                let _ = print_line(err, &e.to_string());
            }
        }
    }
    if !all_good {
        let _ = print_line(err, &t("check-failed"));
    }
    all_good
}

/// What the journal beside a session says, when it is not simply the
/// edits since the last save: a warning, not a failure (nothing is lost).
fn report_journal(
    path: &std::path::Path,
    replayed: &crate::store::journal::Replayed,
    err: &mut impl Write,
) {
    let file = path.display().to_string();
    if replayed.other_version {
        let _ = print_line(
            err,
            &targs(
                "check-journal-other-version",
                &[
                    ("file", file.clone().into()),
                    ("applied", replayed.applied.into()),
                    ("rejected", replayed.rejected.len().into()),
                ],
            ),
        );
    }
    if replayed.other_session {
        let _ = print_line(
            err,
            &targs("check-journal-other-session", &[("file", file.clone().into())]),
        );
    }
    if !replayed.bad_lines.is_empty() {
        let lines: Vec<String> = replayed.bad_lines.iter().map(ToString::to_string).collect();
        let _ = print_line(
            err,
            &targs(
                "check-journal-bad-lines",
                &[("file", file.into()), ("lines", lines.join(", ").into())],
            ),
        );
    }
}

/// What is wrong with a file that parsed: duplicate ids and references
/// that point at nothing.
fn problems_of(loaded: &Loaded) -> Vec<String> {
    match loaded {
        Loaded::Session(session) => session_problems(session),
        Loaded::Program(_) => Vec::new(),
    }
}

/// What `check` rejects in a session (the editor refuses to edit it too).
pub(crate) fn session_problems(session: &crate::model::Session) -> Vec<String> {
    let mut problems: Vec<String> = session
        .duplicate_ids()
        .into_iter()
        .map(|id| targs("check-duplicate-id", &[("id", id.to_string().into())]))
        .collect();
    problems.extend(session.dangling_references());
    problems
}
