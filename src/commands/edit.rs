//! Opening the editor on a file: `kenesh FILE`, `kenesh`, `kenesh demo`.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::app::run::{TerminalEvents, run};
use crate::app::saver::Saver;
use crate::app::{Model, Msg, terminal};
use crate::i18n::{t, targs};
use crate::model::{Session, Timestamp, now};
use crate::store::{Loaded, SessionFile, clean_stray_temp_files};
use crate::ui::projector::ThemeName;

/// The example session bundled into the binary for `kenesh demo`.
const DEMO: &str = include_str!(
    "../../sessions/2026-11-19-kruglyi-stol-araket-vzaimodeistvie-omsu-s-zhitelyami-novostroek.ron"
);

/// How the editor opens a file (`--theme`, `--read-only`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Opening {
    pub theme: Option<ThemeName>,
    /// Only watch: no edits, following the writers.
    pub read_only: bool,
}

/// `kenesh FILE`: opens FILE, creating an empty session there if absent.
pub fn open(path: &Path, now: Timestamp, opening: Opening) -> Result<ExitCode> {
    let theme = opening.theme;
    // The file itself, whatever link or `..` led to it: its lock, journal
    // and sidecars are the same for every way of naming it.
    let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    let mut read_only = opening.read_only.then(|| t("read-only-asked"));
    let (file, session) = if path.exists() {
        let (mut file, loaded) = SessionFile::open(&path)?;
        match loaded {
            Loaded::Session(mut session) => {
                match settle_problems(&mut file, &mut session, now)? {
                    Settled::Edit => {}
                    Settled::ViewOnly(_) if read_only.is_some() => {}
                    Settled::ViewOnly(reason) => read_only = Some(reason),
                    Settled::Quit => return Ok(ExitCode::FAILURE),
                }
                (file, session)
            }
            Loaded::Program(program) => return dashboard(&program, now),
        }
    } else {
        if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(folder)?;
        }
        let session = Session::new(t("new-default-title"), now.date_naive(), now);
        let file = SessionFile::create(&path, &session).with_context(|| {
            targs("new-cannot-write", &[("file", path.display().to_string().into())])
        })?;
        (file, session)
    };
    edit(file, session, now, theme, read_only)
}

/// What to do with a file that `check` rejects.
enum Settled {
    Edit,
    ViewOnly(String),
    Quit,
}

/// A file with duplicate ids or dangling references is never edited as it
/// is (an edit could hit the wrong entity): the problems are shown, and the
/// user chooses a repair (the file as it was is kept beside it), viewing it
/// read-only, or nothing. Without a terminal to ask, nothing.
fn settle_problems(
    file: &mut SessionFile,
    session: &mut Session,
    now: Timestamp,
) -> Result<Settled> {
    use std::io::{BufRead, IsTerminal, Write};
    let problems = super::check::session_problems(session);
    if problems.is_empty() {
        return Ok(Settled::Edit);
    }
    let shown = file.path().display().to_string();
    for problem in &problems {
        eprintln!("{shown}: {problem}");
    }
    if !std::io::stdin().is_terminal() {
        eprintln!("kenesh: {}", t("invalid-file-not-opened"));
        return Ok(Settled::Quit);
    }
    eprint!("{} ", t("invalid-file-prompt"));
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    match answer.trim() {
        "r" | "к" => {
            if let Err(reason) = file.lock() {
                return Ok(Settled::ViewOnly(reason.to_string()));
            }
            let stamp = now.format("%Y%m%d-%H%M%S").to_string();
            let stem = file.path().file_stem().unwrap_or_default().to_string_lossy().into_owned();
            let kept = file.path().with_file_name(format!("{stem}.before-repair-{stamp}.ron"));
            crate::store::write_new(&kept, &std::fs::read(file.path())?)?;
            let repaired = session.repair();
            file.save(session)?;
            eprintln!(
                "{}",
                targs(
                    "invalid-file-repaired",
                    &[
                        ("ids", repaired.fresh_ids.into()),
                        (
                            "references",
                            (repaired.cleared_references + repaired.removed_turns).into()
                        ),
                        ("kept", kept.display().to_string().into()),
                    ]
                )
            );
            Ok(Settled::Edit)
        }
        "v" | "м" => Ok(Settled::ViewOnly(t("read-only-invalid"))),
        _ => Ok(Settled::Quit),
    }
}

/// Settings from the configuration file (and `--theme`) for the editor.
pub fn apply_config(model: &mut Model, config: &crate::config::Config, theme: Option<ThemeName>) {
    if let Some(theme) = theme.or(config.theme) {
        model.projector_theme = theme;
    }
    if let Some(limit) = config.speaking_limit_seconds {
        model.turn_limit = i64::from(limit);
    }
    for problem in model.keymap.apply_overrides(config.key_overrides()) {
        eprintln!("kenesh: {problem}");
    }
}

/// The key table with the configuration file's overrides, for the views
/// outside the editor (dashboard, present).
pub fn configured_keymap() -> crate::app::keymap::KeyMap {
    let mut keymap = crate::app::keymap::KeyMap::default();
    for problem in keymap.apply_overrides(crate::config::current().key_overrides()) {
        eprintln!("kenesh: {problem}");
    }
    keymap
}

/// A programme record opens as the dashboard.
fn dashboard(program: &crate::model::Program, now: Timestamp) -> Result<ExitCode> {
    let mut tui = terminal::enter()?;
    let result = crate::app::dashboard::run_dashboard(
        &mut tui,
        program,
        now.date_naive(),
        &configured_keymap(),
        &mut TerminalEvents,
    );
    terminal::restore();
    result?;
    Ok(ExitCode::SUCCESS)
}

/// `kenesh` without a file: today's session in the sessions folder (the
/// newest if there are several), or a new one.
pub fn open_today(folder: &Path, now: Timestamp, opening: Opening) -> Result<ExitCode> {
    let prefix = format!("{}-", now.format("%Y-%m-%d"));
    let newest = std::fs::read_dir(folder).ok().and_then(|entries| {
        entries
            .flatten()
            .filter(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                // Never a conflict copy or a sidecar.
                name.starts_with(&prefix) && crate::store::sidecar::is_session_name(&name)
            })
            .max_by_key(|e| e.metadata().and_then(|m| m.modified()).ok())
            .map(|e| e.path())
    });
    let path = match newest {
        Some(path) => path,
        None => super::new::create(folder, None, None, now)?,
    };
    open(&path, now, opening)
}

/// `kenesh demo`: a scratch copy of the Bishkek example, so nothing the
/// user tries changes the bundled file. The copy lives in a fresh private
/// folder (a name nobody can guess or plant beforehand), removed on exit.
pub fn demo(now: Timestamp, theme: Option<ThemeName>) -> Result<ExitCode> {
    let folder =
        crate::store::safe_fs::create_private_folder(&std::env::temp_dir(), "kenesh-demo")?;
    let path = folder.join("demo.ron");
    crate::store::write_new(&path, DEMO.as_bytes())?;
    eprintln!("{}", targs("demo-copy", &[("file", path.display().to_string().into())]));
    let result = open(&path, now, Opening { theme, read_only: false });
    let _ = std::fs::remove_dir_all(&folder);
    result
}

/// Takes the lock and folds a journal left by a crash into the file. A
/// problem folding is shown, never a reason to lose the journal.
fn take_file(
    file: &mut SessionFile,
    session: &Session,
    now: Timestamp,
) -> (Option<String>, Option<String>) {
    let name = crate::config::current().name.clone().unwrap_or_default();
    let read_only = file.join(&name).err().map(|e| e.to_string());
    if read_only.is_some() {
        return (read_only, None);
    }
    clean_stray_temp_files(file.path());
    if !file.replayed().found_anything() && !file.has_gone_writers() {
        return (None, None);
    }
    let notice = match file.fold_journal(session, now) {
        Ok(folded) => folded_notice(&folded),
        Err(e) => targs("notice-fold-failed", &[("error", e.to_string().into())]),
    };
    (None, Some(notice).filter(|n| !n.is_empty()))
}

/// What folding a journal at open did, in one line for the status bar.
fn folded_notice(folded: &crate::store::Folded) -> String {
    let mut parts = Vec::new();
    if folded.applied > 0 || folded.rejected > 0 {
        parts.push(targs("notice-folded", &[("count", folded.applied.into())]));
    }
    if let (true, Some(copy)) = (folded.other_session, &folded.damaged_copy) {
        let file = copy.display().to_string();
        parts.push(targs("notice-folded-other-session", &[("file", file.into())]));
        return parts.join("; ");
    }
    if let Some(copy) = &folded.conflict_copy {
        parts.push(targs(
            "notice-folded-conflict",
            &[("count", folded.rejected.into()), ("file", copy.display().to_string().into())],
        ));
    }
    if let Some(copy) = &folded.damaged_copy {
        parts.push(targs(
            "notice-folded-damaged",
            &[
                (
                    "lines",
                    folded
                        .bad_lines
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(", ")
                        .into(),
                ),
                ("file", copy.display().to_string().into()),
            ],
        ));
    }
    parts.join("; ")
}

fn edit(
    mut file: SessionFile,
    session: Session,
    now_at_start: Timestamp,
    theme: Option<ThemeName>,
    view_only: Option<String>,
) -> Result<ExitCode> {
    let (read_only, folded) = match view_only {
        Some(reason) => (Some(reason), None),
        None => take_file(&mut file, &session, now_at_start),
    };
    let name =
        file.path().file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut model = Model::new(session, name, now_at_start);
    // What the editor starts with goes through `update` like everything
    // else (none of these messages asks for an effect).
    let mut opening = Vec::new();
    opening.extend(folded.map(Msg::Notice));
    let mut adopted = None;
    // Drafts and recovery copies belong to the writer: a read-only viewer
    // neither offers nor removes them.
    match read_only {
        Some(holder) => opening.push(Msg::ReadOnly { holder }),
        None => {
            // Only a draft no live writer is still typing.
            let draft = file.orphan_drafts().into_iter().find_map(|path| {
                crate::app::draft::read(&path, model.session.id).map(|d| (path, d))
            });
            if let Some((path, draft)) = draft {
                adopted = Some(path);
                opening.push(Msg::OfferDraft(Box::new(draft)));
            }
            // A recovery copy replaces the session whole: not while others
            // are writing it (their edits since would be undone).
            if !file.others_writing() {
                let recovered = crate::app::recovery::find(file.path(), &model.session);
                opening.extend(recovered.map(|r| Msg::OfferRecovery(Box::new(r))));
            }
        }
    }
    for msg in opening {
        let effects = crate::app::update(&mut model, msg, now_at_start);
        debug_assert!(effects.is_empty(), "opening messages ask for nothing");
    }
    apply_config(&mut model, crate::config::current(), theme);
    let mut saver = Saver::new(file);
    if let Some(path) = adopted {
        saver.adopt_draft(path);
    }
    let mut tui = terminal::enter()?;
    // A panic restores the terminal (see `terminal::enter`) and, caught here,
    // still leaves the model: what was in memory goes to a recovery file.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        run(&mut tui, &mut model, &mut TerminalEvents, &mut saver, &mut now)
    }));
    terminal::restore();
    // However the loop ended (the terminal closed, a panic): others stop
    // showing us as present. After a normal quit this was done already.
    saver.leave(now());
    let keep_recovery =
        matches!(result, Ok(Ok(crate::app::run::Exit::Quit { keep_recovery: true })));
    let crashed = result.is_err();
    if crashed || keep_recovery {
        let path = crate::app::recovery::write(saver.path(), &model.session)?;
        eprintln!("{}", targs("recovery-written", &[("file", path.display().to_string().into())]));
    }
    match result {
        Ok(run_result) => {
            run_result?;
        }
        Err(_) => return Ok(ExitCode::from(101)),
    }
    Ok(where_the_data_is(&model, &saver))
}

/// After quitting: if the file itself does not hold everything, say where
/// the rest is, and exit non-zero so a script notices.
fn where_the_data_is(model: &Model, saver: &Saver) -> ExitCode {
    let file = saver.path().display().to_string();
    if let Some(kept_in) = &model.save.diverted_to {
        eprintln!(
            "kenesh: {}",
            targs("quit-diverted", &[("file", file.into()), ("kept", kept_in.clone().into())])
        );
        return ExitCode::FAILURE;
    }
    if saver.has_journal_entries() {
        let journal = saver.journal_path().display().to_string();
        eprintln!(
            "kenesh: {}",
            targs("quit-journal-only", &[("file", file.into()), ("journal", journal.into())])
        );
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
