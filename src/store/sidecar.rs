//! The files kenesh keeps beside a session, with their names built in one
//! place: `.NAME.lock`, `.NAME.journal`, `.NAME.draft.ron`,
//! `.NAME.recovery.ron`, temporary files of a save, conflict copies and
//! damaged journals. Everything else (the editor, `kenesh` without a FILE,
//! the `.gitignore` that `kenesh new` writes) asks this module.

use std::path::{Path, PathBuf};

/// What marks a temporary file of an atomic save.
pub const TEMP_MARK: &str = ".kenesh-tmp";

/// Patterns for the sessions folder's `.gitignore`: every sidecar, so only
/// sessions and conflict copies someone must look at show up in git.
pub const GITIGNORE: &str = "\
# Written by kenesh: files beside each session that are not the session.
.*.lock
.*.journal
.*.journal.*
.*.draft.ron
.*.draft.*.ron
.*.recovery.ron
.*.kenesh-tmp
";

/// The sidecar names of one session file.
#[derive(Debug, Clone)]
pub struct Sidecars {
    session: PathBuf,
    name: String,
}

impl Sidecars {
    pub fn of(session: &Path) -> Sidecars {
        let name =
            session.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        Sidecars { session: session.to_owned(), name }
    }

    pub fn session(&self) -> &Path {
        &self.session
    }

    /// The folder holding the session (`.` for a bare file name).
    pub fn folder(&self) -> &Path {
        folder_of(&self.session)
    }

    fn beside(&self, name: String) -> PathBuf {
        self.session.with_file_name(name)
    }

    pub fn lock(&self) -> PathBuf {
        self.beside(format!(".{}.lock", self.name))
    }

    pub fn journal(&self) -> PathBuf {
        self.beside(format!(".{}.journal", self.name))
    }

    /// Where a journal with unreadable lines is kept after its good lines
    /// were folded into the file, so nothing in it is thrown away.
    pub fn damaged_journal(&self, stamp: &str) -> PathBuf {
        self.beside(format!(".{}.journal.damaged-{stamp}", self.name))
    }

    pub fn draft(&self) -> PathBuf {
        self.beside(format!(".{}.draft.ron", self.name))
    }

    /// The draft of one writer, when several edit the session at once:
    /// each one's half-typed text is its own.
    pub fn writer_draft(&self, writer: crate::model::Id) -> PathBuf {
        self.beside(format!(".{}.draft.{writer}.ron", self.name))
    }

    /// Every writer's draft beside the session (and the single-writer one).
    pub fn drafts(&self) -> Vec<(Option<crate::model::Id>, PathBuf)> {
        let prefix = format!(".{}.draft.", self.name);
        let mut drafts = vec![(None, self.draft())];
        let Ok(entries) = std::fs::read_dir(self.folder()) else { return drafts };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let writer = name.strip_prefix(&prefix).and_then(|r| r.strip_suffix(".ron"));
            if let Some(writer) = writer.and_then(|w| w.parse().ok()) {
                drafts.push((Some(writer), self.beside(name)));
            }
        }
        drafts
    }

    pub fn recovery(&self) -> PathBuf {
        self.beside(format!(".{}.recovery.ron", self.name))
    }

    /// A temporary file for an atomic save; `unique` keeps two saves of one
    /// process apart.
    pub fn temp(&self, unique: u64) -> PathBuf {
        self.beside(format!(".{}.{}.{unique}{TEMP_MARK}", self.name, std::process::id()))
    }

    /// Whether `file_name` is a temporary file of a save of this session.
    pub fn is_temp(&self, file_name: &str) -> bool {
        file_name.starts_with(&format!(".{}.", self.name)) && file_name.ends_with(TEMP_MARK)
    }

    /// `NAME.conflict-<stamp>.ron`: a whole version of the session that
    /// could not go into the file itself. Visible (no leading dot), since a
    /// person has to look at it.
    pub fn conflict(&self, stamp: &str) -> PathBuf {
        let stem = self.session.file_stem().map(|s| s.to_string_lossy().into_owned());
        self.beside(format!("{}.conflict-{stamp}.ron", stem.unwrap_or_default()))
    }
}

/// Whether a file name in a sessions folder is a session (not a sidecar, a
/// conflict copy or a temporary file).
pub fn is_session_name(file_name: &str) -> bool {
    file_name.ends_with(".ron")
        && !file_name.starts_with('.')
        && !file_name.contains(".conflict-")
        && !file_name.contains(".before-repair-")
}

pub fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sidecar_lives_beside_the_session_and_is_ignored_by_git() {
        let s = Sidecars::of(Path::new("sessions/2026-11-19-x.ron"));
        for path in
            [s.lock(), s.journal(), s.draft(), s.recovery(), s.temp(7), s.damaged_journal("t")]
        {
            assert_eq!(path.parent(), Some(Path::new("sessions")), "{path:?}");
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            assert!(name.starts_with(".2026-11-19-x.ron."), "{name}");
            assert!(!is_session_name(&name), "{name}");
        }
        assert!(s.is_temp(&s.temp(3).file_name().unwrap().to_string_lossy()));
        let conflict = s.conflict("20261119-101010");
        assert_eq!(conflict, Path::new("sessions/2026-11-19-x.conflict-20261119-101010.ron"));
        assert!(!is_session_name(&conflict.file_name().unwrap().to_string_lossy()));
        assert!(is_session_name("2026-11-19-x.ron"));
    }
}
