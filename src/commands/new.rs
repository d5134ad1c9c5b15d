use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::i18n::{t, targs};
use crate::model::{Session, Timestamp};
use crate::slug::slugify;
use crate::store::SessionFile;

/// The file name for a session: `YYYY-MM-DD-<slug>.ron`, always a plain
/// name inside the folder whatever the title.
pub fn file_name(session: &Session) -> String {
    format!("{}-{}.ron", session.date.format("%Y-%m-%d"), slugify(&session.title))
}

/// Creates a new session file in `folder`; never overwrites.
pub fn create(
    folder: &Path,
    title: Option<&str>,
    date: Option<&str>,
    now: Timestamp,
) -> Result<PathBuf> {
    write(folder, title, date, now, |_| {})
}

/// Like `create`, carrying over from a programme record or a session what
/// the next meeting reviews.
pub fn create_from(
    folder: &Path,
    title: Option<&str>,
    date: Option<&str>,
    from: &Path,
    now: Timestamp,
) -> Result<PathBuf> {
    let program = crate::merge::as_program(crate::store::load_file(from)?);
    write(folder, title, date, now, |session| {
        crate::merge::follow_up::carry_over(&program, session, now);
    })
}

fn write(
    folder: &Path,
    title: Option<&str>,
    date: Option<&str>,
    now: Timestamp,
    fill: impl FnOnce(&mut Session),
) -> Result<PathBuf> {
    let date = match date {
        Some(text) => super::parse_date(text)
            .with_context(|| targs("new-bad-date", &[("date", text.to_owned().into())]))?,
        None => now.date_naive(),
    };
    let title = title
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .unwrap_or(&t("new-default-title"))
        .to_owned();
    let mut session = Session::new(title, date, now);
    fill(&mut session);
    std::fs::create_dir_all(folder).with_context(|| {
        targs("new-cannot-create-folder", &[("folder", folder.display().to_string().into())])
    })?;
    let path = folder.join(file_name(&session));
    if path.exists() {
        bail!(targs("new-exists", &[("file", path.display().to_string().into())]));
    }
    SessionFile::create(&path, &session).with_context(|| {
        targs("new-cannot-write", &[("file", path.display().to_string().into())])
    })?;
    keep_sidecars_out_of_git(folder);
    Ok(path)
}

/// Writes a `.gitignore` listing kenesh's sidecar files into the sessions
/// folder, unless the folder has one (it is the user's then).
fn keep_sidecars_out_of_git(folder: &Path) {
    let path = folder.join(".gitignore");
    if std::fs::symlink_metadata(&path).is_err() {
        let _ = crate::store::write_new(&path, crate::store::sidecar::GITIGNORE.as_bytes());
    }
}
