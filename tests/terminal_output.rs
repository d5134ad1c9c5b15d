//! Everything the command line prints goes through the screen's sanitizer:
//! hostile names and values in sessions, and hostile file names, never reach
//! a terminal as escape sequences (clipboard writes, screen clears, C1 CSI,
//! bidi overrides).

mod common;

use std::path::Path;
use std::process::Output;

use kenesh::model::{Id, Session};
use kenesh::store::{Loaded, to_ron};

/// OSC 52 (set the clipboard), clear screen, bell, one-byte CSI, RLO.
const HOSTILE: &str = "Айгуль\u{1b}]52;c;aGk=\u{7}\u{1b}[2J\u{9b}31m\u{202e}";
/// The same words without the controls: a likely duplicate of HOSTILE.
const PLAIN: &str = "Айгуль 52 c aGk 2J 31m";

fn assert_clean(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let raw: Vec<String> = text
        .chars()
        .filter(|&c| c != '\n' && kenesh::text::is_unsafe(c))
        .map(|c| format!("U+{:04X}", u32::from(c)))
        .collect();
    assert!(raw.is_empty(), "{what} printed {raw:?} raw:\n{text}");
}

fn assert_output_clean(out: &Output) {
    assert_clean("stdout", &out.stdout);
    assert_clean("stderr", &out.stderr);
}

/// Two meetings: `a` has a hostile need title that loses to `b`'s newer
/// one (a conflict), and the two have participants whose names differ only
/// in the hostile characters (a likely duplicate).
fn hostile_pair() -> (Session, Session) {
    let mut a = common::load_session(&common::bishkek_example());
    let mut b = a.clone();
    b.id = Id::new();
    a.needs[0].title = HOSTILE.into();
    b.needs[0].title = "Свет".into();
    b.needs[0].updated = a.needs[0].updated + chrono::TimeDelta::hours(1);
    let mut person = a.participants[0].clone();
    person.id = Id::new();
    person.name = HOSTILE.into();
    a.participants.push(person.clone());
    person.id = Id::new();
    person.name = PLAIN.into();
    b.participants.push(person);
    (a, b)
}

fn write(path: &Path, session: &Session) {
    std::fs::write(path, to_ron(session).unwrap()).unwrap();
}

#[test]
fn merge_prints_hostile_duplicates_and_conflicts_sanitized() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = hostile_pair();
    write(&dir.path().join("a.ron"), &a);
    write(&dir.path().join("b.ron"), &b);
    let out = common::kenesh()
        .args(["merge", "a.ron", "b.ron", "--into", "program.ron"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("likely duplicate participant"), "{stderr}");
    assert!(stderr.contains("conflict:"), "{stderr}");
    assert_output_clean(&out);
}

#[test]
fn merge_driver_prints_hostile_conflicts_sanitized() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = hostile_pair();
    let programme = |s: &Session| kenesh::merge::merge(None, vec![Loaded::Session(s.clone())]);
    let (ours, theirs, base) =
        (dir.path().join("ours.ron"), dir.path().join("theirs.ron"), dir.path().join("base.ron"));
    std::fs::write(&ours, to_ron(&programme(&a)).unwrap()).unwrap();
    std::fs::write(&base, to_ron(&programme(&a)).unwrap()).unwrap();
    std::fs::write(&theirs, to_ron(&programme(&b)).unwrap()).unwrap();
    let out = common::kenesh().arg("merge-driver").args([&base, &ours, &theirs]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("conflict:"), "{stderr}");
    assert_output_clean(&out);
}

#[test]
fn check_prints_hostile_file_names_sanitized() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join(format!("{HOSTILE}.ron"));
    std::fs::copy(common::bishkek_example(), &good).unwrap();
    let bad = dir.path().join(format!("bad{HOSTILE}.ron"));
    std::fs::write(&bad, "(format: 2,").unwrap();
    let out = common::kenesh().arg("check").args([&good, &bad]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains(": ok"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad"));
    assert_output_clean(&out);
}

#[test]
fn json_export_escapes_c1_controls_and_bidi_overrides() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = common::load_session(&common::bishkek_example());
    let title = "x\u{9b}2J\u{90}q\u{9c}\u{202e}\u{2066}\u{200f}\u{61c}y\u{1b}]52;c;aGk=\u{7}";
    session.title = title.into();
    let path = dir.path().join("s.ron");
    write(&path, &session);
    let out = common::kenesh()
        .arg("export")
        .arg(&path)
        .args(["--format", "json", "-o", "-"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_output_clean(&out);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["session"]["title"], title, "escaped, not changed");
    assert!(String::from_utf8_lossy(&out.stdout).contains("\\u009B"));
}

#[test]
fn command_line_errors_quote_hostile_arguments_sanitized() {
    let out = common::kenesh().arg(format!("--{HOSTILE}")).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--Айгуль"));
    assert_output_clean(&out);
    let out = common::kenesh().args(["export", "x.ron", "--format", HOSTILE]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_output_clean(&out);
}
