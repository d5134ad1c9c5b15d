//! The RON store: golden files, errors with positions, migration, atomic saves.

mod common;

use std::path::Path;

use kenesh::model::Session;
use kenesh::store::{LoadError, Loaded, SessionFile, load_file, parse_str, to_ron};

fn session_of(loaded: Loaded) -> Session {
    match loaded {
        Loaded::Session(s) => s,
        Loaded::Program(_) => panic!("expected a session"),
    }
}

#[test]
fn example_sessions_resave_byte_identical() {
    let files = common::example_sessions();
    assert!(files.len() >= 2, "both example sessions are present");
    for path in files {
        let original = std::fs::read_to_string(&path).unwrap();
        let session = session_of(load_file(&path).unwrap());
        assert_eq!(
            to_ron(&session).unwrap(),
            original,
            "{} re-saves byte-identical",
            path.display()
        );
        assert!(session.duplicate_ids().is_empty());
        assert!(session.dangling_references().is_empty(), "{:?}", session.dangling_references());
    }
}

#[test]
fn bishkek_example_is_complete() {
    use kenesh::model::{ProposalKind, StakeholderGroup};
    let s = session_of(load_file(&common::bishkek_example()).unwrap());
    assert!(s.participants.len() >= 15);
    for group in StakeholderGroup::ALL {
        assert!(s.participants.iter().any(|p| p.group == group), "a participant from {group:?}");
    }
    for name in
        ["Ак-Жар", "Адилет", "Алтын-Казык", "Дордой-2", "Ак-Ордо-2", "Ак-Ордо-3", "Ала-Тоо-3"]
    {
        assert!(s.settlements.iter().any(|x| x.name == name), "settlement {name}");
    }
    assert!(s.agenda.len() >= 7);
    assert!(s.needs.len() >= 12);
    assert!(s.proposals.len() >= 10);
    assert!(s.proposals.iter().any(|p| p.kind == ProposalKind::Decision));
    assert!(s.proposals.iter().any(|p| p.kind == ProposalKind::ParkingLot));
    assert!(s.actions.len() >= 8);
    assert!(
        s.actions
            .iter()
            .all(|a| !a.responsible.is_empty() && a.deadline.is_some() && !a.funding.is_empty())
    );
    let starts = s
        .events
        .iter()
        .filter(|e| matches!(e.kind, kenesh::model::EventKind::AgendaStarted { .. }))
        .count();
    let stops = s
        .events
        .iter()
        .filter(|e| matches!(e.kind, kenesh::model::EventKind::AgendaStopped { .. }))
        .count();
    assert_eq!((starts, stops), (s.agenda.len(), s.agenda.len()), "every item started and ended");
}

#[test]
fn cyrillic_is_written_as_itself() {
    let text = std::fs::read_to_string(common::bishkek_example()).unwrap();
    assert!(text.contains("Ак-Жар"));
    assert!(!text.contains("\\u{"), "no escaped letters");
}

#[test]
fn bom_and_crlf_are_accepted() {
    let original = std::fs::read_to_string(common::bishkek_example()).unwrap();
    let windows = format!("\u{FEFF}{}", original.replace('\n', "\r\n"));
    let a = session_of(parse_str(Path::new("x.ron"), &original).unwrap());
    let b = session_of(parse_str(Path::new("x.ron"), &windows).unwrap());
    assert_eq!(a, b);
}

fn error_of(text: &str) -> LoadError {
    parse_str(Path::new("sessions/x.ron"), text).expect_err("must not load")
}

fn example_text() -> String {
    std::fs::read_to_string(common::bishkek_example()).unwrap()
}

#[test]
fn truncated_file_reports_position() {
    let text = example_text();
    for cut in [10, 100, 1000, text.len() / 2, text.len() - 3] {
        let cut = text.floor_char_boundary(cut);
        let e = error_of(&text[..cut]);
        let shown = e.to_string();
        assert!(shown.starts_with("sessions/x.ron:"), "{shown}");
        assert!(e.position().is_some(), "{shown}");
    }
}

#[test]
fn wrong_type_names_line_and_column() {
    let text = example_text().replacen("planned_minutes: 10,", "planned_minutes: \"ten\",", 1);
    let line = text.lines().position(|l| l.contains("\"ten\"")).unwrap() + 1;
    let e = error_of(&text);
    assert_eq!(e.position().unwrap().line, line, "{e}");
    assert!(e.to_string().contains("expected"), "{e}");
}

#[test]
fn unknown_enum_variant_lists_the_known_ones() {
    let text = example_text().replacen("group: CityHall,", "group: Mayor,", 1);
    let e = error_of(&text).to_string();
    assert!(e.contains("Mayor") && e.contains("CityHall"), "{e}");
}

#[test]
fn missing_required_field_is_named() {
    let text = example_text().replacen("            planned_minutes: 10,\n", "", 1);
    let e = error_of(&text).to_string();
    assert!(e.contains("planned_minutes"), "{e}");
}

#[test]
fn unknown_field_is_refused_not_dropped() {
    let text = example_text().replacen("    place:", "    venue_capacity: 80,\n    place:", 1);
    let e = error_of(&text);
    assert!(e.to_string().contains("venue_capacity"), "{e}");
    assert_eq!(e.position().unwrap().line, 7, "{e}");
}

#[test]
fn newer_format_is_refused_before_parsing_the_rest() {
    let text = "Session(\n    format: 4,\n    some_future_thing: Whatever(1),\n)";
    match error_of(text) {
        LoadError::TooNew { found, at, .. } => {
            assert_eq!(found, 4);
            assert_eq!((at.line, at.col), (2, 13));
        }
        other => panic!("expected TooNew, got {other}"),
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let depth = 100_000;
    let text =
        format!("Session(\n    format: 2,\n    id: {}{},\n)", "[".repeat(depth), "]".repeat(depth));
    let e = error_of(&text);
    // The schema has no place for arbitrary nesting, so the parser stops at
    // the first bracket where an id was expected, without recursing.
    assert!(
        e.to_string().contains("expected string") || e.to_string().contains("nesting is too deep"),
        "{e}"
    );
    assert_eq!(e.position().unwrap().line, 3);
}

#[test]
fn invalid_utf8_names_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.ron");
    std::fs::write(&path, b"Session(\n    format: 2,\n    title: \"\xFF\",\n)").unwrap();
    let e = load_file(&path).unwrap_err();
    assert_eq!(e.position().unwrap().line, 3, "{e}");
    assert!(e.to_string().contains("UTF-8"), "{e}");
}

#[test]
fn format_1_migrates_settlement_names_to_entities() {
    let path = common::repo_root().join("tests/fixtures/format1-session.ron");
    let s = session_of(load_file(&path).unwrap());
    assert_eq!(s.format, kenesh::store::CURRENT_FORMAT);
    let names: Vec<&str> = s.settlements.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(names, ["Ак-Жар", "Адилет"]);
    let ak_zhar = s.settlements[0].id;
    assert_eq!(s.participants[0].settlement, Some(ak_zhar));
    assert_eq!(s.participants[1].settlement, None);
    assert_eq!(s.needs[0].settlement, Some(ak_zhar), "need and participant share one settlement");
    assert_eq!(s.needs[1].settlement, Some(s.settlements[1].id));
    // Migrating again (another laptop) gives the same ids, so merges stay exact.
    assert_eq!(session_of(load_file(&path).unwrap()), s);
    // And the result is a valid current file.
    let resaved = to_ron(&s).unwrap();
    assert!(resaved.contains("format: 3,"));
    assert_eq!(session_of(parse_str(&path, &resaved).unwrap()), s);
}

#[test]
fn atomic_save_leaves_no_temporary_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    std::fs::copy(common::bishkek_example(), &path).unwrap();
    let (mut file, loaded) = SessionFile::open(&path).unwrap();
    let mut session = session_of(loaded);
    for i in 0..20 {
        session.title = format!("Заголовок {i}");
        file.save(&session).unwrap();
    }
    assert_eq!(common::files_in(dir.path()), ["s.ron"]);
    assert_eq!(session_of(load_file(&path).unwrap()).title, "Заголовок 19");
}

#[test]
fn stray_temporary_files_are_cleaned_for_that_file_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    std::fs::write(&path, "x").unwrap();
    std::fs::write(dir.path().join(".s.ron.123.0.kenesh-tmp"), "half").unwrap();
    std::fs::write(dir.path().join(".other.ron.123.0.kenesh-tmp"), "someone else's").unwrap();
    assert_eq!(kenesh::store::clean_stray_temp_files(&path), 1);
    assert_eq!(common::files_in(dir.path()), [".other.ron.123.0.kenesh-tmp", "s.ron"]);
}

/// Makes a folder read-only even for root (who ignores permission bits) by
/// setting the immutable attribute; undone on drop. Unix only: Windows has
/// no permission bits or chattr (and Wine maps folders to Unix ones).
#[cfg(unix)]
struct ReadOnlyFolder<'a>(&'a Path, bool);

#[cfg(unix)]
impl<'a> ReadOnlyFolder<'a> {
    fn new(path: &'a Path) -> Option<Self> {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o555)).unwrap();
        if std::fs::write(path.join("probe"), "x").is_err() {
            return Some(ReadOnlyFolder(path, false));
        }
        std::fs::remove_file(path.join("probe")).unwrap();
        let ok = std::process::Command::new("chattr")
            .arg("+i")
            .arg(path)
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(ReadOnlyFolder(path, true))
    }
}

#[cfg(unix)]
impl Drop for ReadOnlyFolder<'_> {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        if self.1 {
            let _ = std::process::Command::new("chattr").arg("-i").arg(self.0).status();
        }
        let _ = std::fs::set_permissions(self.0, std::fs::Permissions::from_mode(0o755));
    }
}

// Unix only: needs `ReadOnlyFolder` (chmod, chattr). On Windows the failed
// replace is shown by windows.rs (a file held open without delete sharing).
#[cfg(unix)]
#[test]
fn failed_save_leaves_the_old_file_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    std::fs::copy(common::bishkek_example(), &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    let (mut file, loaded) = SessionFile::open(&path).unwrap();
    let mut session = session_of(loaded);
    session.title = "changed".into();
    let Some(guard) = ReadOnlyFolder::new(dir.path()) else {
        eprintln!("skipped: cannot make a read-only folder here (root without chattr)");
        return;
    };
    assert!(file.save(&session).is_err(), "saving into a read-only folder fails");
    drop(guard);
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(common::files_in(dir.path()), ["s.ron"]);
    file.save(&session).expect("retry succeeds once the folder is writable");
    assert_eq!(session_of(load_file(&path).unwrap()).title, "changed");
}

mod journal {
    use super::*;
    use kenesh::model::Change;

    fn setup() -> (tempfile::TempDir, std::path::PathBuf, SessionFile, Session) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        std::fs::copy(common::bishkek_example(), &path).unwrap();
        let (file, loaded) = SessionFile::open(&path).unwrap();
        (dir, path, file, session_of(loaded))
    }

    /// A vote as the editor journals it: counted.
    fn vote(session: &mut Session) -> Vec<Change> {
        let change = vec![Change::Vote { need: session.needs[0].id, delta: 1 }];
        session.apply_all(change.clone());
        change
    }

    #[test]
    fn an_appended_edit_is_on_disk_before_any_snapshot() {
        let (_dir, path, mut file, mut session) = setup();
        let before = std::fs::read(&path).unwrap();
        let votes = session.needs[0].votes;
        for _ in 0..3 {
            file.append(kenesh::model::now(), &vote(&mut session)).unwrap();
        }
        assert_eq!(std::fs::read(&path).unwrap(), before, "the file itself is untouched");
        let reread = session_of(load_file(&path).unwrap());
        assert_eq!(reread.needs[0].votes, votes + 3, "every reader replays the journal");
        assert_eq!(reread, session);
        // A whole-file save folds it in; the journal goes when we leave.
        let journal = file.journal_path().expect("the writer's own journal");
        file.save_session(&session).unwrap();
        assert_eq!(session_of(load_file(&path).unwrap()).needs, session.needs);
        file.leave(kenesh::model::now());
        assert!(!journal.exists());
        assert_eq!(session_of(load_file(&path).unwrap()).needs, session.needs);
    }

    /// A sync tool copies a live writer's journal from the other laptop's
    /// folder: the copy's lock is free, yet its writer is not gone; and our
    /// journal stays on quit (that folder may still fold the file without
    /// it), saying we left.
    #[test]
    fn in_a_synced_folder_journals_stay_and_say_who_left() {
        use kenesh::store::shared::{Origin, read_journals, writer_is_gone};
        let (dir, path, mut file, mut session) = setup();
        let other_dir = dir.path().join("other-laptop");
        std::fs::create_dir(&other_dir).unwrap();
        let other_path = other_dir.join("s.ron");
        std::fs::copy(&path, &other_path).unwrap();
        let (mut other, loaded) = SessionFile::open(&other_path).unwrap();
        let mut other_session = session_of(loaded);
        other.append(kenesh::model::now(), &vote(&mut other_session)).unwrap();
        let other_journal = other.journal_path().unwrap();
        let copy = path.with_file_name(other_journal.file_name().unwrap());
        std::fs::copy(&other_journal, &copy).unwrap();

        file.append(kenesh::model::now(), &vote(&mut session)).unwrap();
        let here = Origin::here(&path);
        let copied = read_journals(&path).unwrap().into_iter().find(|j| j.path == copy).unwrap();
        assert!(!writer_is_gone(&copied, &here), "a copy from elsewhere: its writer is at work");
        let done = file.snapshot_job(session.clone()).write().unwrap();
        assert!(matches!(done, kenesh::store::SnapshotDone::Replaced { .. }));
        assert!(copy.exists(), "a fold keeps the other folder's journal");
        let own = file.journal_path().unwrap();
        file.leave(kenesh::model::now());
        assert!(own.exists(), "our journal stays in a synced folder");
        let journals = read_journals(&path).unwrap();
        let ours = journals.iter().find(|j| j.path == own).unwrap();
        assert!(ours.has_left() && writer_is_gone(ours, &here), "it says we left");
        let reread = session_of(load_file(&path).unwrap());
        assert_eq!(reread.needs[0].votes, session.needs[0].votes + 1, "both votes, each once");
        // The other laptop's own journal (written there, locked) is alive there.
        let there = Origin::here(&other_path);
        let original = read_journals(&other_path).unwrap().remove(0);
        assert!(there.wrote(&original) && !writer_is_gone(&original, &there));
    }

    /// A journal beside the file that cannot be read (here a FIFO) might
    /// be another folder's: our journal is not removed on quit then.
    #[cfg(unix)]
    #[test]
    fn an_unreadable_journal_beside_the_file_keeps_ours() {
        let (_dir, path, mut file, mut session) = setup();
        let fifo = kenesh::store::shared::path_for(&path, kenesh::model::Id::new());
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        file.append(kenesh::model::now(), &vote(&mut session)).unwrap();
        let own = file.journal_path().unwrap();
        file.save_session(&session).unwrap();
        file.leave(kenesh::model::now());
        assert!(own.exists(), "kept: it cannot be told whether a sync tool carries it");
    }

    #[test]
    fn a_torn_last_line_is_ignored() {
        let (_dir, path, mut file, mut session) = setup();
        let votes = session.needs[0].votes;
        file.append(kenesh::model::now(), &vote(&mut session)).unwrap();
        let journal = file.journal_path().unwrap();
        let mut f = std::fs::OpenOptions::new().append(true).open(journal).unwrap();
        std::io::Write::write_all(&mut f, b"[Put(entity: Need((id: \"01M").unwrap();
        assert_eq!(session_of(load_file(&path).unwrap()).needs[0].votes, votes + 1);
    }

    #[test]
    fn a_journal_of_another_version_of_the_file_still_counts_where_it_applies() {
        let (_dir, path, mut file, mut session) = setup();
        let votes = session.needs[0].votes;
        file.append(kenesh::model::now(), &vote(&mut session)).unwrap();
        // Someone else rewrites the file (a crash, then `git pull`): the
        // journal no longer continues it, but its vote is not lost.
        let text = std::fs::read_to_string(&path).unwrap();
        let other = text.replacen("Нет школы в шаговой доступности", "Нет школы рядом", 1);
        assert_ne!(other, text, "the example has the text the test edits");
        std::fs::write(&path, other).unwrap();
        let reread = session_of(load_file(&path).unwrap());
        assert_eq!(reread.needs[0].votes, votes + 1, "the journaled vote still applies");
        assert!(
            reread.needs.iter().any(|n| n.title.contains("Нет школы рядом")),
            "and so does the outside edit"
        );
    }
}

#[test]
fn format_2_files_migrate_to_3_with_an_empty_secretary() {
    // The bundled examples as format 2 wrote them: they load, and save as
    // the current files do.
    for path in common::example_sessions() {
        let current = std::fs::read_to_string(&path).unwrap();
        let old = current.replacen("format: 3,", "format: 2,", 1).replacen(
            "    secretary: \"\",\n",
            "",
            1,
        );
        assert_ne!(old, current);
        let s = session_of(parse_str(&path, &old).unwrap());
        assert_eq!(s.format, 3);
        assert_eq!(s.secretary, "");
        assert_eq!(to_ron(&s).unwrap(), current, "{}", path.display());
    }
    // A programme record of format 2 loads as format 3 too.
    let program = "Program(\n    format: 2,\n    id: \"01M7SA68Q0K1SRAZZS55JA3RJG\",\n    updated: \"2026-11-19T13:09:00+06:00\",\n    title: \"Аракет\",\n)";
    match parse_str(std::path::Path::new("program.ron"), program).unwrap() {
        kenesh::store::Loaded::Program(p) => assert_eq!(p.format, 3),
        _ => panic!("a programme record"),
    }
}
