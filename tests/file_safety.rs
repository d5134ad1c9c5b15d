//! Files around a session that someone planted or changed: links, FIFOs,
//! devices, hard links, a deleted lock, wide permissions, broken files.
//! Nothing outside the session is ever written, and nothing hangs.
#![cfg(unix)]

mod common;

use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use kenesh::model::{Change, Entity, Session};
use kenesh::store::{Loaded, SessionFile, Sidecars, load_file};

fn example_in(dir: &Path) -> PathBuf {
    let path = dir.join("s.ron");
    std::fs::copy(common::bishkek_example(), &path).unwrap();
    path
}

fn open(path: &Path) -> (SessionFile, Session) {
    let (file, loaded) = SessionFile::open(path).unwrap();
    match loaded {
        Loaded::Session(s) => (file, s),
        Loaded::Program(_) => panic!("not a session"),
    }
}

/// A vote as the editor journals it: counted.
fn vote(session: &mut Session) -> Vec<Change> {
    let change = vec![Change::Vote { need: session.needs[0].id, delta: 1 }];
    session.apply_all(change.clone());
    change
}

fn mode(path: &Path) -> u32 {
    std::fs::symlink_metadata(path).unwrap().permissions().mode() & 0o777
}

/// Runs `kenesh ARGS` and fails the test if it takes longer than 10 s.
fn kenesh_within_10s(args: &[&std::ffi::OsStr]) -> std::process::Output {
    let child = common::kenesh()
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let watchdog = std::thread::spawn(move || {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
            if !Path::new(&format!("/proc/{pid}")).exists() {
                return false;
            }
        }
        let _ = std::process::Command::new("kill").args(["-9", &pid.to_string()]).status();
        true
    });
    let out = child.wait_with_output().unwrap();
    assert!(!watchdog.join().unwrap(), "kenesh {args:?} hung");
    out
}

#[test]
fn a_symlinked_journal_is_refused_and_its_target_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_in(dir.path());
    let victim = dir.path().join("other.ron");
    std::fs::copy(common::bishkek_example(), &victim).unwrap();
    let before = std::fs::read(&victim).unwrap();
    symlink(&victim, Sidecars::of(&path).journal()).unwrap();

    let out = kenesh_within_10s(&["check".as_ref(), path.as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(".s.ron.journal") && stderr.contains("symbolic link"), "{stderr}");
    assert!(SessionFile::open(&path).is_err(), "the editor does not open through it either");
    assert_eq!(std::fs::read(&victim).unwrap(), before);
}

#[test]
fn a_journal_link_planted_while_editing_is_never_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_in(dir.path());
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    let (mut file, mut session) = open(&path);
    file.join("").unwrap();
    let journal = file.journal_path().unwrap();
    // Someone swaps our journal for a link while we edit.
    std::fs::remove_file(&journal).unwrap();
    symlink(&victim, &journal).unwrap();
    let change = vote(&mut session);
    assert!(file.append(kenesh::model::now(), &change).is_err(), "no journal through a link");
    file.save_session(&session).expect("the whole file is saved instead");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    assert!(std::fs::symlink_metadata(&journal).unwrap().is_symlink());
}

#[test]
fn a_symlinked_lock_file_neither_locks_nor_truncates_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_in(dir.path());
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    symlink(&victim, Sidecars::of(&path).lock()).unwrap();
    let (mut file, _) = open(&path);
    let refused = file.lock().unwrap_err().to_string();
    assert!(refused.contains("symbolic link"), "{refused}");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
}

#[test]
fn symlinked_drafts_and_recovery_copies_are_never_read_or_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_in(dir.path());
    let (_, session) = open(&path);
    let sidecars = Sidecars::of(&path);
    // A planted "recovery copy": a valid session with the same id.
    let mut planted = session.clone();
    planted.title = "planted".into();
    let evil = dir.path().join("evil.ron");
    std::fs::write(&evil, kenesh::store::to_ron(&planted).unwrap()).unwrap();
    symlink(&evil, sidecars.recovery()).unwrap();
    assert_eq!(kenesh::app::recovery::find(&path, &session), None);
    // A draft link: not read, and writing a draft replaces the link.
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    symlink(&victim, sidecars.draft()).unwrap();
    assert!(kenesh::app::draft::read(&sidecars.draft(), session.id).is_none());
    kenesh::store::write_sidecar_atomic(&sidecars.draft(), b"draft").unwrap();
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    assert_eq!(mode(&sidecars.draft()), 0o600);
}

#[test]
fn a_recovery_copy_in_a_folder_others_can_write_is_not_offered() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_in(dir.path());
    let (_, session) = open(&path);
    let mut changed = session.clone();
    changed.title = "from the recovery folder".into();
    // SAFETY (test): the data folder is this test process's own variable.
    let data = dir.path().join("data");
    unsafe { std::env::set_var("XDG_DATA_HOME", &data) };
    let written = kenesh::app::recovery::write(&dir.path().join("nowhere/s.ron"), &changed);
    // Beside a file in a missing folder fails; the private folder takes it.
    let written = written.unwrap();
    assert!(written.starts_with(&data));
    assert_eq!(mode(written.parent().unwrap()), 0o700);
    assert_eq!(mode(&written), 0o600);
    std::fs::set_permissions(written.parent().unwrap(), std::fs::Permissions::from_mode(0o777))
        .unwrap();
    assert_eq!(kenesh::app::recovery::find(&dir.path().join("nowhere/s.ron"), &session), None);
}

#[test]
fn saving_keeps_the_permissions_and_sidecars_are_private() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_in(dir.path());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    let (mut file, mut session) = open(&path);
    file.lock().unwrap();
    let change = vote(&mut session);
    file.append(kenesh::model::now(), &change).unwrap();
    assert_eq!(mode(&file.journal_path().unwrap()), 0o600);
    assert_eq!(mode(&Sidecars::of(&path).lock()), 0o600);
    file.save(&session).unwrap();
    assert_eq!(mode(&path), 0o600, "a save keeps the session's bits");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    file.save(&session).unwrap();
    assert_eq!(mode(&path), 0o640);
    // A conflict copy is private too.
    std::fs::write(
        &path,
        std::fs::read_to_string(&path).unwrap().replace("votes: 11,", "votes: 2,"),
    )
    .unwrap();
    let Err(kenesh::store::SaveError::ChangedOutside { kept_in, .. }) = file.save(&session) else {
        panic!("the outside change is noticed")
    };
    assert_eq!(mode(&kept_in), 0o600);
}

#[test]
fn a_hard_linked_session_opens_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_in(dir.path());
    std::fs::hard_link(&path, dir.path().join("t.ron")).unwrap();
    let (mut file, _) = open(&path);
    let refused = file.lock().unwrap_err().to_string();
    assert!(refused.contains("hard links"), "{refused}");
}

#[test]
fn a_deleted_lock_file_cannot_make_a_second_writer() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_in(dir.path());
    let (mut first, _) = open(&path);
    first.lock().unwrap();
    std::fs::remove_file(Sidecars::of(&path).lock()).unwrap();
    // The first writer notices before its next save and takes it again...
    first.lock_intact().unwrap();
    let (mut second, _) = open(&path);
    assert!(second.lock().is_err(), "so a second editor is read-only");
    // ...and if the second got in first, the first is no longer a writer.
    let dir = tempfile::tempdir().unwrap();
    let path = example_in(dir.path());
    let (mut first, _) = open(&path);
    first.lock().unwrap();
    std::fs::remove_file(Sidecars::of(&path).lock()).unwrap();
    let (mut second, _) = open(&path);
    second.lock().unwrap();
    let lost = first.lock_intact().unwrap_err().to_string();
    assert!(lost.contains("pid"), "{lost}");
}

#[test]
fn fifos_devices_and_huge_files_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo.ron");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let zero = dir.path().join("zero.ron");
    symlink("/dev/zero", &zero).unwrap();
    let path = example_in(dir.path());
    assert!(
        std::process::Command::new("mkfifo")
            .arg(Sidecars::of(&path).journal())
            .status()
            .unwrap()
            .success()
    );
    for (file, what) in [(&fifo, "FIFO"), (&zero, "device"), (&path, "FIFO")] {
        let out = kenesh_within_10s(&["check".as_ref(), file.as_os_str()]);
        assert_eq!(out.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(what), "{file:?}: {stderr}");
    }
    for file in [&fifo, &zero, &path] {
        let out = kenesh_within_10s(&[file.as_os_str()]);
        assert_eq!(out.status.code(), Some(1), "the editor refuses {file:?}");
    }
}

#[test]
fn a_file_with_duplicate_ids_is_not_edited() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_in(dir.path());
    let text = std::fs::read_to_string(&path).unwrap();
    let session = common::load_session(&path);
    let (first, second) = (session.needs[0].id.to_string(), session.needs[1].id.to_string());
    std::fs::write(&path, text.replace(&second, &first)).unwrap();
    let before = std::fs::read(&path).unwrap();
    // Without a terminal to ask whether to repair, it says why and stops.
    let out = kenesh_within_10s(&[path.as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&first) && stderr.contains("not opened for editing"), "{stderr}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_time_at_the_end_of_chronos_range_is_refused_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_in(dir.path());
    let text = std::fs::read_to_string(&path).unwrap();
    let line = text.lines().position(|l| l.contains("updated:")).unwrap() + 1;
    let far = regex_free_replace_first_updated(&text, "+262142-12-31T23:59:59+06:00");
    std::fs::write(&path, far).unwrap();
    let err = load_file(&path).unwrap_err().to_string();
    assert!(err.contains(&format!("s.ron:{line}:")), "{err}");
    assert!(err.contains("out of range"), "{err}");
}

fn regex_free_replace_first_updated(text: &str, to: &str) -> String {
    let at = text.find("updated: \"").unwrap() + "updated: \"".len();
    let end = at + text[at..].find('"').unwrap();
    format!("{}{to}{}", &text[..at], &text[end..])
}

#[test]
fn a_session_deleted_while_open_is_reported_not_recreated() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_in(dir.path());
    let (mut file, mut session) = open(&path);
    file.lock().unwrap();
    std::fs::remove_file(&path).unwrap();
    vote(&mut session);
    match file.save(&session) {
        Err(kenesh::store::SaveError::ChangedOutside { deleted: true, kept_in, .. }) => {
            assert_eq!(common::load_session(&kept_in), session, "our version is kept");
        }
        other => panic!("expected the deletion to be reported, got {other:?}"),
    }
    assert!(!path.exists(), "the deleted file is not silently recreated");
}

#[test]
fn the_editor_folds_a_journal_for_another_version_and_keeps_what_no_longer_applies() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_in(dir.path());
    let (mut file, mut session) = open(&path);
    file.lock().unwrap();
    // Two edits journaled, then a crash (no snapshot).
    let mut second = session.needs[1].clone();
    second.title = "Наша правка".into();
    second.updated = kenesh::model::now();
    let edit = vec![Change::Put { entity: Entity::Need(second.clone()), index: 1 }];
    session.apply_all(edit.clone());
    file.append(kenesh::model::now(), &edit).unwrap();
    let change = vote(&mut session);
    file.append(kenesh::model::now(), &change).unwrap();
    let journal = file.journal_path().unwrap();
    drop(file);
    // Then `git pull` brings a version where someone edited need 2 later.
    let text = std::fs::read_to_string(&path).unwrap();
    let later = "2099-01-01T10:00:00+06:00";
    let original = common::load_session(&common::bishkek_example());
    let old_stamp = original.needs[1].updated.to_rfc3339();
    let at = text.find(&original.needs[1].id.to_string()).unwrap();
    let pulled = format!("{}{}", &text[..at], text[at..].replacen(&old_stamp, later, 1));
    assert_ne!(pulled, text);
    std::fs::write(&path, &pulled).unwrap();

    // The next editor folds the journal of the writer that crashed.
    let (mut file, folded_session) = open(&path);
    file.join("").unwrap();
    let folded = file.fold_journal(&folded_session, kenesh::model::now()).unwrap();
    assert_eq!((folded.applied, folded.rejected), (1, 1));
    assert!(!journal.exists(), "the journal is folded in");
    let now_in_file = common::load_session(&path);
    assert_eq!(now_in_file.needs[0].votes, session.needs[0].votes, "the vote still applied");
    assert_ne!(now_in_file.needs[1].title, "Наша правка", "the newer outside edit won");
    let kept = common::load_session(&folded.conflict_copy.unwrap());
    assert_eq!(kept.needs[1].title, "Наша правка", "our edit is kept in the conflict copy");
}

#[test]
fn a_file_cut_inside_a_character_says_it_looks_truncated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cut.ron");
    let text = std::fs::read(common::bishkek_example()).unwrap();
    // Cut right after the first byte of the first Cyrillic letter.
    let at = text.iter().position(|&b| b == 0xD0).unwrap() + 1;
    std::fs::write(&path, &text[..at]).unwrap();
    let err = load_file(&path).unwrap_err().to_string();
    assert!(err.contains("cut.ron:") && err.contains("truncated"), "{err}");
}

#[test]
fn merging_into_a_missing_folder_names_the_path_and_prints_no_summary() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("missing/program.ron");
    let out = common::kenesh()
        .arg("merge")
        .arg(common::bishkek_example())
        .arg("--into")
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("missing/program.ron") && stderr.contains("does not exist"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty(), "no summary for a merge that cannot be written");
}

#[test]
fn the_lock_file_holds_a_language_neutral_line_that_the_refusal_puts_into_words() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_in(dir.path());
    let (mut first, _) = open(&path);
    first.lock().unwrap();
    let line = std::fs::read_to_string(Sidecars::of(&path).lock()).unwrap();
    let pid = std::process::id();
    assert!(line.starts_with(&format!("pid={pid} ")), "{line}");
    assert!(line.contains(" since="), "{line}");
    let (mut second, _) = open(&path);
    let refused = second.lock().unwrap_err();
    let kenesh::store::LockError::Held(holder) = &refused else { panic!("{refused}") };
    assert_eq!(holder.pid, Some(pid));
    let words = refused.to_string();
    assert!(words.contains(&format!("pid {pid} on ")), "{words}");
    assert!(!words.contains("pid="), "{words}");
}

#[test]
fn a_lock_line_in_another_shape_is_shown_as_it_is() {
    use kenesh::store::LockHolder;
    // An older kenesh wrote a sentence in its interface language.
    let old = LockHolder::parse("процесс 4242 на laptop с 10:02:11\n");
    assert_eq!(old.pid, None);
    assert_eq!(old.to_string(), "процесс 4242 на laptop с 10:02:11");
    let neutral = LockHolder::parse("pid=4242 since=10:02:11");
    assert_eq!((neutral.pid, neutral.host.as_deref()), (Some(4242), None));
    assert!(neutral.to_string().starts_with("pid 4242 on "), "{neutral}");
}
