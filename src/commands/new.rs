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
    use crate::merge::follow_up::{Hosts, carry_over};
    let loaded = crate::store::load_file(from)?;
    let hosts = match &loaded {
        crate::store::Loaded::Session(s) => Hosts::of_session(s),
        crate::store::Loaded::Program(p) => Hosts::of_program(p),
    };
    let program = crate::merge::as_program(loaded);
    let lang = review_language(&program);
    write(folder, title, date, now, |session| carry_over(&program, &hosts, lang, session, now))
}

/// The interface language if one was chosen (`--lang`, the config file or
/// the locale); on a machine that chose none (LANG=C), the language the
/// record is written in, so a Russian programme gets a Russian agenda.
fn review_language(program: &crate::model::Program) -> crate::i18n::Lang {
    use crate::i18n::Lang;
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let flag = crate::cli_help::lang_arg(&args);
    let config = crate::config::current().language.clone();
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
        .find_map(|v| Lang::from_tag(&v));
    let chosen = flag.or(config).and_then(|tag| Lang::from_tag(&tag)).or(locale);
    if chosen.is_some() {
        return crate::i18n::lang();
    }
    let texts = program
        .needs
        .iter()
        .map(|n| n.need.title.as_str())
        .chain(program.actions.iter().map(|a| a.action.what.as_str()))
        .chain(program.sessions.iter().map(|s| s.title.as_str()));
    crate::i18n::language_of_text(texts).unwrap_or_else(crate::i18n::lang)
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
