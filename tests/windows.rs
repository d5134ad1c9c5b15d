//! What differs on Windows: replacing a file another program holds open,
//! files saved by Notepad, paths with drive letters and backslashes in
//! messages, where the configuration lives. Runs on Windows and, in CI,
//! under Wine (`scripts/wine/runner.sh`); elsewhere there is nothing to test.
#![cfg(windows)]

mod common;

use std::os::windows::fs::OpenOptionsExt;
use std::path::Path;
use std::time::Duration;

use common::{files_in, kenesh};

/// Share mode of a reader that lets others read but not delete or rename
/// the file: what many viewers and antivirus scanners use.
const FILE_SHARE_READ: u32 = 0x1;

fn hold_without_delete_sharing(path: &Path) -> std::fs::File {
    std::fs::OpenOptions::new().read(true).share_mode(FILE_SHARE_READ).open(path).unwrap()
}

#[test]
fn a_save_waits_for_a_program_that_holds_the_file_open_briefly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    std::fs::write(&path, "old").unwrap();
    let reader = hold_without_delete_sharing(&path);
    // The situation is real: while the reader has it, a plain rename fails.
    let probe = dir.path().join("probe");
    std::fs::write(&probe, "x").unwrap();
    assert!(std::fs::rename(&probe, &path).is_err(), "the held file cannot be replaced");

    let closer = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        drop(reader);
    });
    kenesh::store::write_atomic(&path, b"new").expect("the save retries until the reader closes");
    closer.join().unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"new");
    assert_eq!(files_in(dir.path()), ["probe", "s.ron"], "no temporary file left");
}

#[test]
fn a_save_blocked_for_good_fails_and_keeps_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    std::fs::write(&path, "old").unwrap();
    let reader = hold_without_delete_sharing(&path);
    assert!(kenesh::store::write_atomic(&path, b"new").is_err());
    drop(reader);
    assert_eq!(std::fs::read(&path).unwrap(), b"old");
    assert_eq!(files_in(dir.path()), ["s.ron"], "no temporary file left");
}

#[test]
fn a_session_saved_by_notepad_checks_and_merges() {
    let dir = tempfile::tempdir().unwrap();
    let original = std::fs::read_to_string(common::bishkek_example()).unwrap();
    let path = dir.path().join("notepad.ron");
    // Notepad: CRLF line ends, and a byte-order mark in older versions.
    std::fs::write(&path, format!("\u{FEFF}{}", original.replace('\n', "\r\n"))).unwrap();
    let out = kenesh().arg("check").arg(&path).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let program = dir.path().join("program.ron");
    let out = kenesh().arg("merge").arg(&path).arg("--into").arg(&program).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(common::load_program(&program).sessions.len(), 1);
}

#[test]
fn messages_name_the_file_with_its_drive_and_backslashes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    std::fs::write(&path, "(format: 2,").unwrap();
    let shown = path.display().to_string();
    assert!(shown.contains(":\\") && shown.ends_with("\\broken.ron"), "a Windows path: {shown}");
    let out = kenesh().arg("check").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.starts_with(&format!("{shown}:")), "{stderr}");
}

#[test]
fn the_configuration_lives_in_roaming_app_data() {
    let out = kenesh().args(["config", "--path"]).output().unwrap();
    assert!(out.status.success());
    let path = String::from_utf8(out.stdout).unwrap();
    let path = path.trim();
    assert!(
        path.contains("\\AppData\\Roaming\\") && path.ends_with("\\kenesh\\config\\config.ron"),
        "{path}"
    );
}

#[test]
fn the_merge_driver_takes_windows_paths() {
    let dir = tempfile::tempdir().unwrap();
    let original = std::fs::read_to_string(common::bishkek_example()).unwrap();
    let mut theirs = common::load_session(&common::bishkek_example());
    theirs.actions[0].what = "Ош шаарындагы кеңеш".into();
    theirs.actions[0].updated = common::at("2026-12-01T10:00:00+06:00");
    let id = theirs.actions[0].id;
    let [base, ours, other] = ["base", "ours", "theirs"].map(|n| dir.path().join(n));
    std::fs::write(&base, &original).unwrap();
    std::fs::write(&ours, &original).unwrap();
    std::fs::write(&other, kenesh::store::to_ron(&theirs).unwrap()).unwrap();
    // As Git for Windows substitutes %O %A %B.
    let out = kenesh().arg("merge-driver").args([&base, &ours, &other]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let merged = common::load_session(&ours);
    let action = merged.actions.iter().find(|a| a.id == id).unwrap();
    assert_eq!(action.what, "Ош шаарындагы кеңеш", "their edit arrived");
}
