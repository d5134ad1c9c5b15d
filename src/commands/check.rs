use std::io::Write;
use std::path::PathBuf;

use crate::i18n::{t, targs};
use crate::store::{Loaded, load_file};
use crate::text::print_line;

/// Validates every file; prints each error as `file:line:col: message`.
/// Returns true when all files are valid.
pub fn run(files: &[PathBuf], out: &mut impl Write, err: &mut impl Write) -> bool {
    let mut all_good = true;
    for path in files {
        match load_file(path) {
            Ok(loaded) => {
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

/// What is wrong with a file that parsed: duplicate ids and references
/// that point at nothing.
fn problems_of(loaded: &Loaded) -> Vec<String> {
    match loaded {
        Loaded::Session(session) => {
            let mut problems: Vec<String> = session
                .duplicate_ids()
                .into_iter()
                .map(|id| targs("check-duplicate-id", &[("id", id.to_string().into())]))
                .collect();
            problems.extend(session.dangling_references());
            problems
        }
        Loaded::Program(_) => Vec::new(),
    }
}
