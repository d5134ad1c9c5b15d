//! Opening the editor on a file: `kenesh FILE`, `kenesh`, `kenesh demo`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::app::run::{TerminalEvents, run};
use crate::app::saver::Saver;
use crate::app::{Model, terminal};
use crate::i18n::{t, targs};
use crate::model::{Session, Timestamp, now};
use crate::store::{Loaded, SessionFile, clean_stray_temp_files, to_ron};

/// The example session bundled into the binary for `kenesh demo`.
const DEMO: &str = include_str!(
    "../../sessions/2026-11-19-kruglyi-stol-araket-vzaimodeistvie-omsu-s-zhitelyami-novostroek.ron"
);

/// `kenesh FILE`: opens FILE, creating an empty session there if absent.
pub fn open(path: &Path, now: Timestamp) -> Result<ExitCode> {
    let (file, session) = if path.exists() {
        let (file, loaded) = SessionFile::open(path)?;
        match loaded {
            Loaded::Session(session) => (file, session),
            Loaded::Program(program) => return dashboard(&program, now),
        }
    } else {
        if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(folder)?;
        }
        let session = Session::new(t("new-default-title"), now.date_naive(), now);
        let file = SessionFile::create(path, &session).with_context(|| {
            targs("new-cannot-write", &[("file", path.display().to_string().into())])
        })?;
        (file, session)
    };
    clean_stray_temp_files(path);
    edit(file, session, now)
}

/// A programme record opens as the dashboard.
fn dashboard(program: &crate::model::Program, now: Timestamp) -> Result<ExitCode> {
    let mut tui = terminal::enter()?;
    let result = crate::app::dashboard::run_dashboard(
        &mut tui,
        program,
        now.date_naive(),
        &mut TerminalEvents,
    );
    terminal::restore();
    result?;
    Ok(ExitCode::SUCCESS)
}

/// `kenesh` without a file: today's session in the sessions folder (the
/// newest if there are several), or a new one.
pub fn open_today(folder: &Path, now: Timestamp) -> Result<ExitCode> {
    let prefix = format!("{}-", now.format("%Y-%m-%d"));
    let newest = std::fs::read_dir(folder).ok().and_then(|entries| {
        entries
            .flatten()
            .filter(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                name.starts_with(&prefix) && name.ends_with(".ron")
            })
            .max_by_key(|e| e.metadata().and_then(|m| m.modified()).ok())
            .map(|e| e.path())
    });
    let path = match newest {
        Some(path) => path,
        None => super::new::create(folder, None, None, now)?,
    };
    open(&path, now)
}

/// `kenesh demo`: a scratch copy of the Bishkek example, so nothing the
/// user tries changes the bundled file.
pub fn demo(now: Timestamp) -> Result<ExitCode> {
    let folder = std::env::temp_dir().join(format!("kenesh-demo-{}", std::process::id()));
    std::fs::create_dir_all(&folder)?;
    let path = folder.join("demo.ron");
    std::fs::write(&path, DEMO)?;
    eprintln!("{}", targs("demo-copy", &[("file", path.display().to_string().into())]));
    open(&path, now)
}

fn edit(file: SessionFile, session: Session, now_at_start: Timestamp) -> Result<ExitCode> {
    let name =
        file.path().file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let draft = crate::app::draft::read(&crate::app::draft::path_for(file.path()), session.id);
    let mut model = Model::new(session, name, now_at_start);
    if let Some(draft) = draft {
        model.mode = crate::app::model::Mode::OfferDraft(Box::new(draft));
    }
    let mut saver = Saver::new(file);
    let mut tui = terminal::enter()?;
    let result = run(&mut tui, &mut model, &mut TerminalEvents, &mut saver, &mut now);
    terminal::restore();
    result?;
    if model.quit_with_recovery {
        let path = write_recovery(saver.path(), &model.session)?;
        eprintln!("{}", targs("recovery-written", &[("file", path.display().to_string().into())]));
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes the session somewhere it can be found again when the file itself
/// cannot be written: beside it, else the data folder, else the temp folder.
pub fn write_recovery(path: &Path, session: &Session) -> Result<PathBuf> {
    let text = to_ron(session)?;
    let stamp = now().format("%Y%m%d-%H%M%S");
    let name = format!(
        "{}.recovery-{stamp}.ron",
        path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
    );
    let mut folders = vec![path.parent().map(Path::to_path_buf).unwrap_or_default()];
    if let Some(dirs) = directories::ProjectDirs::from("", "", "kenesh") {
        folders.push(dirs.data_dir().join("recovery"));
    }
    folders.push(std::env::temp_dir());
    let mut last_error = None;
    for folder in folders {
        let target = folder.join(&name);
        let written = std::fs::create_dir_all(&folder)
            .and_then(|()| crate::store::write_new(&target, text.as_bytes()));
        match written {
            Ok(()) => return Ok(target),
            Err(e) => last_error = Some(e),
        }
    }
    Err(last_error.map_or_else(|| anyhow::anyhow!("no folder to write to"), anyhow::Error::from))
}
