//! The command line, run as the built binary.

mod common;

use common::{files_in, kenesh};

#[test]
fn check_accepts_both_example_sessions() {
    let out = kenesh().arg("check").args(common::example_sessions()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().filter(|l| l.ends_with(": ok")).count(), 2, "{stdout}");
}

#[test]
fn check_reports_every_bad_file_and_exits_1_without_touching_them() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.ron");
    std::fs::copy(common::bishkek_example(), &good).unwrap();
    let original = std::fs::read_to_string(&good).unwrap();
    let truncated = dir.path().join("truncated.ron");
    std::fs::write(&truncated, &original[..original.floor_char_boundary(500)]).unwrap();
    let newer = dir.path().join("newer.ron");
    std::fs::write(&newer, original.replacen("format: 3", "format: 7", 1)).unwrap();
    let wrong = dir.path().join("wrong.ron");
    std::fs::write(&wrong, original.replacen("votes: 14", "votes: -14", 1)).unwrap();

    let out = kenesh().arg("check").args([&good, &truncated, &newer, &wrong]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert!(lines.iter().any(|l| l.starts_with(&format!("{}:", truncated.display()))), "{stderr}");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with(&format!("{}:2:13: format 7 is newer", newer.display()))),
        "{stderr}"
    );
    let wrong_line = original.lines().position(|l| l.contains("votes: 14")).unwrap() + 1;
    assert!(
        lines.iter().any(|l| l.starts_with(&format!("{}:{wrong_line}:", wrong.display()))),
        "{stderr}"
    );
    assert!(String::from_utf8(out.stdout).unwrap().contains("good.ron: ok"));
    assert_eq!(
        std::fs::read_to_string(&newer).unwrap(),
        original.replacen("format: 3", "format: 7", 1)
    );
    assert!(!stderr.contains("panicked"));
}

#[test]
fn check_reports_a_missing_file() {
    let out = kenesh().args(["check", "/nonexistent/x.ron"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("/nonexistent/x.ron: cannot read the file")
    );
}

#[test]
fn new_creates_a_transliterated_file_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let run = || {
        kenesh()
            .args(["new", "--title", "Круглый стол в Оше", "--date", "03.12.2026", "--dir"])
            .arg(dir.path())
            .output()
            .unwrap()
    };
    let first = run();
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    assert_eq!(files_in(dir.path()), [".gitignore", "2026-12-03-kruglyi-stol-v-oshe.ron"]);
    let ignored = std::fs::read_to_string(dir.path().join(".gitignore")).unwrap();
    for sidecar in [".*.journal", ".*.lock", ".*.draft.ron", ".*.recovery.ron"] {
        assert!(ignored.lines().any(|l| l == sidecar), "sessions/.gitignore lists {sidecar}");
    }
    let path = dir.path().join("2026-12-03-kruglyi-stol-v-oshe.ron");
    let created = std::fs::read_to_string(&path).unwrap();
    assert!(created.starts_with("Session(\n    format: 3,\n"));
    assert!(created.contains("title: \"Круглый стол в Оше\""));
    let check = kenesh().arg("check").arg(&path).output().unwrap();
    assert!(check.status.success());

    let second = run();
    assert_eq!(second.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&second.stderr).contains("already exists"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), created, "existing file untouched");
}

#[test]
fn new_with_unsafe_titles_stays_inside_the_folder() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("sessions");
    for title in ["../x", "", "CON", "../../etc/passwd", "a/b\\c"] {
        let out = kenesh()
            .args(["new", "--date", "2026-12-03", "--title", title, "--dir"])
            .arg(&dir)
            .output()
            .unwrap();
        assert!(out.status.success(), "{title}: {}", String::from_utf8_lossy(&out.stderr));
    }
    assert_eq!(files_in(parent.path()), ["sessions"], "nothing escaped the folder");
    assert_eq!(
        files_in(&dir),
        [
            ".gitignore",
            "2026-12-03-a-b-c.ron",
            "2026-12-03-con-session.ron",
            "2026-12-03-etc-passwd.ron",
            "2026-12-03-roundtable.ron",
            "2026-12-03-x.ron",
        ]
    );
}

#[test]
fn bad_arguments_exit_2_with_a_message() {
    let out = kenesh().args(["new", "--no-such-flag"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--no-such-flag"));

    let out = kenesh().args(["check"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "check needs at least one file");

    let out = kenesh().args(["new", "--date", "31.02.2026", "--dir", "/tmp"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("\"31.02.2026\" is not a date"));
}

#[test]
fn version_and_help() {
    let out = kenesh().arg("--version").output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("kenesh "));
    for sub in [&["--help"][..], &["check", "--help"], &["new", "--help"]] {
        let out = kenesh().args(sub).output().unwrap();
        assert!(out.status.success(), "{sub:?}");
        assert!(String::from_utf8_lossy(&out.stdout).contains("Usage:"));
    }
}

#[test]
fn a_mistyped_command_is_refused_with_a_suggestion_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = kenesh().arg("dmeo").current_dir(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("unknown command 'dmeo' — did you mean 'demo'?"), "{stderr}");
    assert!(files_in(dir.path()).is_empty(), "no file named dmeo");
}

#[test]
fn a_new_session_is_created_only_for_a_name_ending_in_ron() {
    let dir = tempfile::tempdir().unwrap();
    let out = kenesh().arg("notes.txt").current_dir(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("only for a name ending in .ron"), "{stderr}");
    assert!(files_in(dir.path()).is_empty());
}
