//! Reliability under faults: hostile files, one writer, outside changes,
//! full and read-only disks, terminal safety. (Crash and kill -9 tests that
//! need a terminal are in `pty.rs`.)

mod common;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use kenesh::store::{Loaded, SaveError, SessionFile, load_file, to_ron};

fn hostile_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(common::repo_root().join("tests/hostile"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    files
}

/// Runs the binary, killing it if it takes longer than `limit`.
fn run_with_limit(args: &[&std::ffi::OsStr], limit: Duration) -> std::process::Output {
    let mut child = common::kenesh()
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            child.kill().unwrap();
            panic!("kenesh {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn every_hostile_file_gives_a_clear_answer_and_stays_untouched() {
    let files = hostile_files();
    assert!(files.len() >= 30, "the corpus has {} files", files.len());
    let dir = tempfile::tempdir().unwrap();
    let (mut errors, mut loaded) = (0, 0);
    for original in &files {
        let name = original.file_name().unwrap();
        let path = dir.path().join(name);
        std::fs::copy(original, &path).unwrap();
        let before = std::fs::read(&path).unwrap();
        let out = run_with_limit(&["check".as_ref(), path.as_os_str()], Duration::from_secs(20));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{name:?}: {stderr}");
        match out.status.code() {
            Some(0) => loaded += 1,
            Some(1) => {
                errors += 1;
                let shown = path.display().to_string();
                assert!(
                    stderr.starts_with(&shown),
                    "{name:?}: the message names the file: {stderr}"
                );
            }
            other => panic!("{name:?}: exit {other:?}: {stderr}"),
        }
        // Opening it in the editor does not write it either (an invalid file
        // is refused before the terminal is touched).
        if out.status.code() == Some(1) {
            let edit = run_with_limit(&[path.as_os_str()], Duration::from_secs(20));
            assert_eq!(edit.status.code(), Some(1), "{name:?}");
        }
        let merged = run_with_limit(
            &[
                "merge".as_ref(),
                "--dry-run".as_ref(),
                "--into".as_ref(),
                dir.path().join("p.ron").as_os_str(),
                path.as_os_str(),
            ],
            Duration::from_secs(20),
        );
        assert!(!String::from_utf8_lossy(&merged.stderr).contains("panicked"), "{name:?}");
        assert_eq!(std::fs::read(&path).unwrap(), before, "{name:?} was changed");
    }
    eprintln!(
        "hostile corpus: {} files, {errors} refused with a message, {loaded} loaded",
        files.len()
    );
    assert!(errors >= 25);
}

#[test]
fn syntax_errors_in_the_corpus_carry_line_and_column() {
    for file in hostile_files() {
        if let Err(e) = load_file(&file)
            && !matches!(e, kenesh::store::LoadError::Io { .. })
        {
            assert!(e.position().is_some(), "{}: {e}", file.display());
        }
    }
}

#[test]
fn a_20_mb_file_loads_and_a_truncated_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    let text = to_ron(&kenesh::synth::session(10_000)).unwrap();
    assert!(text.len() > 15_000_000, "{} bytes", text.len());
    std::fs::write(&path, &text).unwrap();
    assert!(matches!(load_file(&path), Ok(Loaded::Session(_))));
    std::fs::write(&path, &text[..text.floor_char_boundary(text.len() - 1000)]).unwrap();
    assert!(load_file(&path).is_err());
}

#[test]
fn one_writer_per_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    std::fs::copy(common::bishkek_example(), &path).unwrap();
    let (mut first, _) = SessionFile::open(&path).unwrap();
    let (mut second, _) = SessionFile::open(&path).unwrap();
    first.lock().expect("the first editor gets the lock");
    let holder = second.lock().expect_err("the second is refused").to_string();
    assert!(holder.contains(&format!("pid {}", std::process::id())), "names the holder: {holder}");
    drop(first);
    second.lock().expect("free again once the holder is gone");
}

#[test]
fn a_file_changed_outside_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    std::fs::copy(common::bishkek_example(), &path).unwrap();
    let (mut file, loaded) = SessionFile::open(&path).unwrap();
    let Loaded::Session(mut ours) = loaded else { panic!() };
    // Another program edits the file.
    let theirs = std::fs::read_to_string(&path).unwrap().replace("votes: 14,", "votes: 15,");
    std::fs::write(&path, &theirs).unwrap();
    ours.title = "наша версия".into();
    let kept_in = match file.save(&ours) {
        Err(SaveError::ChangedOutside { kept_in, .. }) => kept_in,
        other => panic!("expected ChangedOutside, got {other:?}"),
    };
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs, "their file untouched");
    assert!(kept_in.file_name().unwrap().to_string_lossy().starts_with("s.conflict-"));
    assert!(std::fs::read_to_string(&kept_in).unwrap().contains("наша версия"));
    // Later saves keep going to the conflict copy...
    ours.place = "другое место".into();
    file.save(&ours).unwrap();
    assert!(std::fs::read_to_string(&kept_in).unwrap().contains("другое место"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    // ...until the file is reloaded.
    let Loaded::Session(reloaded) = file.reload().unwrap() else { panic!() };
    assert!(reloaded.needs.iter().any(|n| n.votes == 15));
    file.save(&reloaded).unwrap();
    assert_eq!(file.diverted_to(), None);
}

#[test]
fn a_touch_without_a_change_is_not_an_outside_change() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    std::fs::copy(common::bishkek_example(), &path).unwrap();
    let (mut file, loaded) = SessionFile::open(&path).unwrap();
    let content = std::fs::read(&path).unwrap();
    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(&path, &content).unwrap(); // same bytes, new mtime
    let Loaded::Session(s) = loaded else { panic!() };
    file.save(&s).expect("same content: saving is fine");
}

/// Mounts a tiny tmpfs (root only), so saves really hit "no space left".
/// Unix only: `mount` and tmpfs (a test under Wine cannot mount a disk).
#[cfg(unix)]
struct TinyDisk(PathBuf);

#[cfg(unix)]
impl TinyDisk {
    fn mount(size: &str) -> Option<TinyDisk> {
        let dir = tempfile::tempdir().unwrap().keep();
        let ok = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(&dir)
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(TinyDisk(dir))
    }
}

#[cfg(unix)]
impl Drop for TinyDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.0).status();
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[cfg(unix)]
#[test]
fn a_full_disk_keeps_the_old_file_and_saving_works_once_space_returns() {
    let Some(disk) = TinyDisk::mount("256k") else {
        eprintln!("skipped: cannot mount a tmpfs here (needs root)");
        return;
    };
    let path = disk.0.join("s.ron");
    std::fs::copy(common::bishkek_example(), &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    let (mut file, loaded) = SessionFile::open(&path).unwrap();
    let Loaded::Session(mut session) = loaded else { panic!() };
    // Fill the disk.
    let filler = disk.0.join("filler");
    let free = 256 * 1024 - before.len() - 8 * 1024;
    std::fs::write(&filler, vec![b'x'; free]).unwrap();
    session.title = "после заполнения диска".into();
    let error = file.save(&session).expect_err("no space");
    assert!(error.to_string().to_lowercase().contains("space"), "{error}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "old file byte-identical");
    assert_eq!(common::files_in(&disk.0), ["filler", "s.ron"], "no temporary file left");
    std::fs::remove_file(&filler).unwrap();
    file.save(&session).expect("saving works once space returns");
    assert!(std::fs::read_to_string(&path).unwrap().contains("после заполнения диска"));
}

/// Bytes a real crossterm backend writes for a screen full of hostile text.
#[test]
fn no_escape_sequence_from_user_text_reaches_the_terminal() {
    use ratatui::backend::CrosstermBackend;
    use ratatui::layout::Rect;
    use ratatui::{Terminal, TerminalOptions, Viewport};
    let mut session = common::load_session(&common::bishkek_example());
    let evil = "\u{1b}]52;c;aGVsbG8=\u{7}\u{1b}[6n\u{9b}6n\u{202e}\u{1b}P+q\u{1b}\\";
    for n in &mut session.needs {
        n.title = format!("{evil}{}", n.title);
    }
    for p in &mut session.participants {
        p.name = format!("{evil}{}", p.name);
    }
    for a in &mut session.actions {
        a.what = format!("{evil}{}", a.what);
    }
    session.title = evil.into();
    let now = common::at("2026-11-19T11:00:00+06:00");
    let written = std::rc::Rc::new(std::cell::RefCell::new(Vec::<u8>::new()));
    for keys in ["", "?", "5", "p", "4e", ":n x #", "2/"] {
        let mut model = kenesh::app::Model::new(session.clone(), "s.ron".into(), now);
        for c in keys.chars() {
            let key = ratatui::crossterm::event::KeyEvent::new(
                ratatui::crossterm::event::KeyCode::Char(c),
                ratatui::crossterm::event::KeyModifiers::NONE,
            );
            kenesh::app::update(&mut model, kenesh::app::Msg::Key(key), now);
        }
        let backend = CrosstermBackend::new(common::Shared(std::rc::Rc::clone(&written)));
        let mut terminal = Terminal::with_options(
            backend,
            TerminalOptions { viewport: Viewport::Fixed(Rect::new(0, 0, 160, 50)) },
        )
        .unwrap();
        terminal.draw(|f| kenesh::ui::render(&model, f)).unwrap();
    }
    let bytes = written.borrow().clone();
    let text = String::from_utf8_lossy(&bytes);
    // The words may show (after a visible placeholder); the control bytes must not.
    for needle in ["\u{1b}]52;", "\u{7}", "\u{1b}[6n", "\u{9b}", "\u{202e}", "\u{1b}P", "\u{1b}\\"]
    {
        assert!(!text.contains(needle), "{needle:?} reached the terminal");
    }
    assert!(text.contains("Ак-Жар"), "the rest of the text is shown");
}

/// A smaller, always-on version of the fuzz targets: mutated files never
/// make loading or merging panic.
mod fuzz {
    use proptest::prelude::*;

    fn example() -> Vec<u8> {
        std::fs::read(super::common::bishkek_example()).unwrap()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn mutated_files_never_panic(edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..4), 1..12)) {
            let mut bytes = example();
            for (at, byte, how) in edits {
                let i = at.index(bytes.len().max(1));
                match how {
                    0 => bytes[i] = byte,
                    1 => bytes.insert(i, byte),
                    2 => { bytes.remove(i); }
                    _ => bytes.truncate(i),
                }
                if bytes.is_empty() { break; }
            }
            if let Ok(loaded) = kenesh::store::parse_bytes(std::path::Path::new("fuzz.ron"), &bytes) {
                let record = kenesh::merge::merge(None, vec![loaded.clone(), loaded]);
                let _ = kenesh::store::to_ron(&record).unwrap();
            }
        }
    }
}

/// Every screen at every size from 0×0 to 120×40 with worst-case text.
mod every_size {
    use kenesh::app::{Model, Msg, update};
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use ratatui::{Terminal, backend::TestBackend};

    fn worst() -> kenesh::model::Session {
        let mut s = super::common::load_session(&super::common::bishkek_example());
        let nasty = [
            "ң".repeat(200),
            "中文".repeat(50),
            "👩‍👩‍👧".repeat(20),
            "\u{1b}[2J\u{202e}x\u{7}".into(),
            String::new(),
        ];
        for (i, t) in nasty.iter().cycle().take(40).enumerate() {
            if let Some(x) = s.needs.get_mut(i) {
                x.title = t.clone();
            }
            if let Some(x) = s.actions.get_mut(i) {
                x.what = t.clone();
            }
            if let Some(x) = s.proposals.get_mut(i) {
                x.text = t.clone();
            }
            if let Some(x) = s.agenda.get_mut(i) {
                x.title = t.clone();
            }
        }
        s.agenda[2].status = kenesh::model::AgendaStatus::Active;
        s.agenda[2].runs.push(kenesh::model::Run { start: s.updated, end: None });
        s
    }

    fn screen(keys: &str) -> Model {
        let now = super::common::at("2026-11-19T15:00:00+06:00");
        let mut model = Model::new(worst(), "w.ron".into(), now);
        for c in keys.chars() {
            let code = if c == '\t' { KeyCode::Tab } else { KeyCode::Char(c) };
            update(&mut model, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)), now);
        }
        model
    }

    fn all_sizes(model: &Model) {
        for width in 0..=120 {
            for height in 0..=40 {
                let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
                terminal.draw(|f| kenesh::ui::render(model, f)).unwrap();
            }
        }
    }

    #[test]
    fn help() {
        all_sizes(&screen("?"));
    }

    #[test]
    fn forms() {
        all_sizes(&screen("4e"));
        all_sizes(&screen("2a"));
    }

    #[test]
    fn proposals_and_capture() {
        all_sizes(&screen("5"));
        all_sizes(&screen(":n x #ак"));
    }

    #[test]
    fn projector_slides() {
        all_sizes(&screen("p"));
        all_sizes(&screen("p "));
        all_sizes(&screen("p  "));
    }

    #[test]
    fn dashboard() {
        let inputs = super::common::example_sessions()
            .iter()
            .map(|f| kenesh::store::load_file(f).unwrap())
            .collect();
        let record = kenesh::merge::merge(None, inputs);
        let today = chrono::NaiveDate::from_ymd_opt(2027, 4, 1).unwrap();
        for tab in kenesh::ui::dashboard::Tab::ALL {
            let view = kenesh::ui::dashboard::Dashboard {
                program: &record,
                today,
                tab,
                scroll: 0,
                city: None,
            };
            for width in 0..=120 {
                for height in 0..=40 {
                    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
                    terminal.draw(|f| kenesh::ui::dashboard::render(&view, f)).unwrap();
                }
            }
        }
    }
}

#[test]
fn an_outside_change_while_journaling_sends_the_next_save_to_the_conflict_copy() {
    use kenesh::model::{Change, Entity};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    std::fs::copy(common::bishkek_example(), &path).unwrap();
    let (mut file, loaded) = SessionFile::open(&path).unwrap();
    let Loaded::Session(mut session) = loaded else { panic!() };
    let mut need = session.needs[0].clone();
    need.votes += 1;
    let change = vec![Change::Put { entity: Entity::Need(need), index: 0 }];
    session.apply_all(change.clone());
    file.append(kenesh::model::now(), &change).unwrap();
    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(
        &path,
        std::fs::read_to_string(&path).unwrap().replace("votes: 11,", "votes: 12,"),
    )
    .unwrap();
    // Our journal does not depend on the file (other editors fold into it
    // all the time): the edit is still journaled, durable.
    file.append(kenesh::model::now(), &change).expect("journaled");
    let kept_in = match file.save(&session) {
        Err(SaveError::ChangedOutside { kept_in, .. }) => kept_in,
        other => panic!("{other:?}"),
    };
    assert_eq!(common::load_session(&kept_in), session, "our edits are all in the conflict copy");
}
