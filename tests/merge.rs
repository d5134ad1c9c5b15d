//! The programme record: merge laws (property tests), the command line,
//! follow-up sessions, and git's merge driver.

mod common;

use std::path::Path;

use kenesh::merge::{join, merge, program_of};
use kenesh::model::{ActionStatus, NeedStatus, Program, Session, Timestamp};
use kenesh::store::{Loaded, to_ron};
use proptest::prelude::*;

fn base() -> Session {
    kenesh::synth::session(6)
}

/// Two timestamps only, so versions often tie and the tie-break decides.
fn tick(n: u8) -> Timestamp {
    common::at("2026-11-19T12:00:00+06:00") + chrono::TimeDelta::seconds(i64::from(n % 2))
}

/// A session derived from the base by small edits, each with one of two
/// timestamps.
fn variant(edits: &[(u8, u8, u8)]) -> Session {
    let mut s = base();
    for &(what, which, value) in edits {
        let at = tick(value);
        match what % 9 {
            0 => {
                let n = &mut s.needs[usize::from(which) % 6];
                n.votes = u32::from(value);
                n.updated = at;
            }
            1 => {
                let n = &mut s.needs[usize::from(which) % 6];
                n.title = format!("Нужда {value}");
                n.status = NeedStatus::ALL[usize::from(value) % 3];
                n.updated = at;
            }
            2 => {
                let a = &mut s.actions[usize::from(which) % 6];
                a.status = ActionStatus::ALL[usize::from(value) % 5];
                a.responsible = format!("Ответственный {}", value % 3);
                a.updated = at;
            }
            3 => {
                let p = &mut s.participants[usize::from(which) % 6];
                p.organisation = format!("Организация {}", value % 4);
                p.present = value % 2 == 0;
                p.updated = at;
            }
            4 => {
                let x = &mut s.settlements[usize::from(which) % 6];
                x.name = format!("Ак-Жар-{}", value % 3);
                x.updated = at;
            }
            6 => {
                // Speaking time: a turn of another length, or by someone else.
                let who = s.participants[usize::from(value) % 6].id;
                let n = s.speaker_turns.len();
                let t = &mut s.speaker_turns[usize::from(which) % n];
                t.participant = who;
                t.ended = t.started.map(|x| x + chrono::TimeDelta::seconds(i64::from(value)));
                t.updated = at;
            }
            7 => {
                let n = s.agenda.len();
                let item = &mut s.agenda[usize::from(which) % n];
                item.title = format!("Пункт {}", value % 3);
                item.planned_minutes = u32::from(value % 4) * 5;
                item.updated = at;
            }
            8 => {
                // An edit of the action after the meeting (days later).
                let a = &mut s.actions[usize::from(which) % 6];
                a.status = ActionStatus::ALL[usize::from(value) % 5];
                a.updated = at + chrono::TimeDelta::days(6);
            }
            _ => {
                let p = &mut s.proposals[usize::from(which) % 6];
                p.text = format!("Предложение {value}");
                p.updated = at;
            }
        }
    }
    // Each variant is another meeting (a session id of its own) or a
    // replay of the base meeting.
    if edits.len() % 2 == 1 {
        s.id = kenesh::model::Id::from_parts(1, u128::from(edits[0].1) + 7);
        s.date += chrono::TimeDelta::days(i64::from(edits[0].2 % 5));
    }
    s
}

fn bytes(p: &Program) -> String {
    to_ron(p).unwrap()
}

fn edits() -> impl Strategy<Value = Vec<(u8, u8, u8)>> {
    prop::collection::vec((any::<u8>(), any::<u8>(), any::<u8>()), 0..6)
}

fn sessions() -> impl Strategy<Value = Vec<Session>> {
    prop::collection::vec(edits(), 1..5).prop_map(|all| {
        let mut out: Vec<Session> = all.iter().map(|e| variant(e)).collect();
        // Replay the same session twice now and then.
        if all.len() > 2 {
            out.push(out[0].clone());
        }
        out
    })
}

fn merged(inputs: &[Session]) -> Program {
    merge(None, inputs.iter().cloned().map(Loaded::Session).collect())
}

/// Every field value an input had is in the record or its conflict list.
fn assert_nothing_lost(inputs: &[Session], record: &Program) {
    let text = bytes(record);
    let mut values: std::collections::BTreeMap<
        kenesh::model::Id,
        Vec<serde_json::Map<String, serde_json::Value>>,
    > = Default::default();
    let fields = |v: serde_json::Value| v.as_object().cloned().unwrap();
    for p in &record.participants {
        values.entry(p.id).or_default().push(fields(serde_json::to_value(p).unwrap()));
    }
    for n in &record.needs {
        values.entry(n.need.id).or_default().push(fields(serde_json::to_value(&n.need).unwrap()));
    }
    for a in &record.actions {
        values
            .entry(a.action.id)
            .or_default()
            .push(fields(serde_json::to_value(&a.action).unwrap()));
    }
    for s in inputs {
        let check = |id: kenesh::model::Id, v: serde_json::Value| {
            let current = &values[&id][0];
            for (field, value) in v.as_object().unwrap() {
                if ["updated", "votes", "status", "present"].contains(&field.as_str()) {
                    continue;
                }
                let kept = current.get(field) == Some(value);
                let in_conflicts = record.conflicts.iter().any(|c| {
                    c.entity == id
                        && &c.field == field
                        && c.value == serde_json::to_string(value).unwrap()
                });
                assert!(kept || in_conflicts, "{id} {field} = {value} lost");
            }
        };
        for p in &s.participants {
            check(p.id, serde_json::to_value(p).unwrap());
            let present =
                record.attendance.iter().any(|a| a.session == s.id && a.participant == p.id);
            assert!(present, "attendance of {} kept", p.id);
        }
        for n in &s.needs {
            check(n.id, serde_json::to_value(n).unwrap());
            let raise = record
                .needs
                .iter()
                .find(|x| x.need.id == n.id)
                .unwrap()
                .raised
                .iter()
                .any(|r| r.session == s.id);
            assert!(raise, "votes per session kept");
        }
        for a in &s.actions {
            check(a.id, serde_json::to_value(a).unwrap());
            let entry = record.actions.iter().find(|x| x.action.id == a.id).unwrap();
            let h = entry.history.iter().find(|h| h.session == s.id).expect("status history kept");
            // A status set after the meeting never rewrites the meeting's
            // entry unnoticed: it is that entry or listed in the conflicts.
            if a.updated.date_naive() > s.date {
                let listed = record.conflicts.iter().any(|c| {
                    c.entity == a.id
                        && c.field == kenesh::merge::history_field(s.id)
                        && c.value == serde_json::to_string(&a.status).unwrap()
                });
                assert!(h.status == a.status || listed, "later status of {} lost", a.id);
            }
        }
    }
    assert!(!text.is_empty());
}

/// Progress recorded between meetings in the records of some inputs.
fn with_progress(inputs: &[Session], updates: &[(u8, u8, u8)]) -> Vec<Program> {
    let mut programs: Vec<Program> = inputs.iter().map(program_of).collect();
    for &(which, status, day) in updates {
        let n = programs.len();
        let p = &mut programs[usize::from(which) % n];
        let action = usize::from(status) % p.actions.len();
        let date = p.sessions[0].date + chrono::TimeDelta::days(i64::from(day % 20));
        let note = format!("Заметка {}", day % 3);
        let at = tick(day) + chrono::TimeDelta::days(30);
        let status = ActionStatus::ALL[usize::from(day) % 5];
        kenesh::commands::status::record(p, action, status, &note, date, at);
    }
    programs
}

fn merged_records(programs: &[Program]) -> Program {
    merge(None, programs.iter().cloned().map(Loaded::Program).collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn merging_records_with_progress_keeps_the_laws_and_every_entry(
        inputs in sessions(),
        updates in edits(),
    ) {
        let programs = with_progress(&inputs, &updates);
        let once = merged_records(&programs);
        let again = merge(Some(once.clone()), programs.iter().cloned().map(Loaded::Program).collect());
        prop_assert_eq!(bytes(&again), bytes(&once));
        let mut reversed = programs.clone();
        reversed.reverse();
        prop_assert_eq!(bytes(&merged_records(&reversed)), bytes(&once));
        if programs.len() >= 3 {
            let (a, b, c) = (programs[0].clone(), programs[1].clone(), programs[2].clone());
            let left = join(join(a.clone(), b.clone()), c.clone());
            let right = join(a, join(b, c));
            prop_assert_eq!(bytes(&left), bytes(&right));
        }
        // Every progress entry, and every session's agenda and speaking
        // time, is in the record.
        for p in &programs {
            for a in &p.actions {
                let kept = &once.actions.iter().find(|x| x.action.id == a.action.id).unwrap().progress;
                for entry in &a.progress {
                    prop_assert!(kept.contains(entry), "progress entry lost");
                }
            }
        }
        for s in &inputs {
            let kept = once.sessions.iter().find(|x| x.id == s.id).unwrap();
            prop_assert_eq!(kept.agenda.len(), s.agenda.len());
            let spoken: u64 = kept.speaking.iter().map(|x| x.seconds).sum();
            prop_assert!(spoken > 0 || s.speaker_turns.iter().all(|t| t.started.is_none()));
        }
    }

    #[test]
    fn merging_is_idempotent_commutative_associative_and_loses_nothing(inputs in sessions()) {
        let once = merged(&inputs);
        // Merging sessions already in the record changes nothing, byte for byte.
        let again = merge(Some(once.clone()), inputs.iter().cloned().map(Loaded::Session).collect());
        prop_assert_eq!(bytes(&again), bytes(&once));
        // The order of the sessions does not matter.
        let mut reversed = inputs.clone();
        reversed.reverse();
        prop_assert_eq!(bytes(&merged(&reversed)), bytes(&once));
        let mut rotated = inputs.clone();
        rotated.rotate_left(1);
        prop_assert_eq!(bytes(&merged(&rotated)), bytes(&once));
        // Grouping does not matter: (a ⊔ b) ⊔ c == a ⊔ (b ⊔ c).
        if inputs.len() >= 3 {
            let (a, b, c) = (program_of(&inputs[0]), program_of(&inputs[1]), program_of(&inputs[2]));
            let left = join(join(a.clone(), b.clone()), c.clone());
            let right = join(a, join(b, c));
            prop_assert_eq!(bytes(&left), bytes(&right));
        }
        assert_nothing_lost(&inputs, &once);
    }
}

fn run(args: &[&str], cwd: &Path) -> std::process::Output {
    common::kenesh().args(args).current_dir(cwd).output().unwrap()
}

fn copy_examples(dir: &Path) {
    let sessions = dir.join("sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    for file in common::example_sessions() {
        std::fs::copy(&file, sessions.join(file.file_name().unwrap())).unwrap();
    }
}

fn session_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = common::files_in(&dir.join("sessions"))
        .into_iter()
        .map(|n| format!("sessions/{n}"))
        .collect();
    names.retain(|n| n.ends_with(".ron"));
    names
}

#[test]
fn merging_the_examples_is_repeatable_and_order_free() {
    let dir = tempfile::tempdir().unwrap();
    copy_examples(dir.path());
    let files = session_files(dir.path());
    let args: Vec<&str> =
        std::iter::once("merge").chain(files.iter().map(String::as_str)).collect();
    let out = run(&args, dir.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let summary = String::from_utf8(out.stdout).unwrap();
    // Counted per input: what each file brought to the record.
    assert_eq!(
        summary.matches("sessions: 1 added, 0 updated, 0 unchanged").count(),
        2,
        "{summary}"
    );
    assert!(summary.contains("actions: 10 added, 0 updated, 0 unchanged"), "{summary}");
    assert!(summary.contains("actions: 3 added, 0 updated, 0 unchanged"), "{summary}");
    let program = dir.path().join("program.ron");
    assert!(run(&["check", "program.ron"], dir.path()).status.success());
    let first = std::fs::read(&program).unwrap();

    let again = run(&args, dir.path());
    assert!(
        String::from_utf8(again.stdout)
            .unwrap()
            .matches("sessions: 0 added, 0 updated, 1 unchanged")
            .count()
            == 2
    );
    assert_eq!(std::fs::read(&program).unwrap(), first, "merging again changes nothing");

    std::fs::remove_file(&program).unwrap();
    let reversed: Vec<&str> =
        std::iter::once("merge").chain(files.iter().rev().map(String::as_str)).collect();
    assert!(run(&reversed, dir.path()).status.success());
    assert_eq!(std::fs::read(&program).unwrap(), first, "the other order gives the same bytes");

    let record = common::load_program(&program);
    let shared = record.participants.iter().find(|p| p.name == "Асанова Айгуль").unwrap();
    assert_eq!(
        record.attendance.iter().filter(|a| a.participant == shared.id).count(),
        2,
        "one person, two meetings"
    );
}

#[test]
fn dry_run_writes_nothing_and_a_bad_session_stops_everything() {
    let dir = tempfile::tempdir().unwrap();
    copy_examples(dir.path());
    let files = session_files(dir.path());
    let out = run(&["merge", "--dry-run", &files[0]], dir.path());
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("added"));
    assert!(!dir.path().join("program.ron").exists());

    std::fs::write(
        dir.path().join("sessions/broken.ron"),
        "Session(\n    format: 2,\n    id: 5,\n)",
    )
    .unwrap();
    let out = run(&["merge", &files[0], "sessions/broken.ron"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("sessions/broken.ron:3:9"));
    assert!(!dir.path().join("program.ron").exists(), "nothing written");
}

#[test]
fn a_programme_record_merges_into_another() {
    let dir = tempfile::tempdir().unwrap();
    copy_examples(dir.path());
    let files = session_files(dir.path());
    assert!(run(&["merge", &files[0], "--into", "bishkek.ron"], dir.path()).status.success());
    assert!(run(&["merge", &files[1], "--into", "osh.ron"], dir.path()).status.success());
    assert!(
        run(&["merge", "bishkek.ron", "osh.ron", "--into", "all.ron"], dir.path()).status.success()
    );
    assert!(
        run(&["merge", &files[0], &files[1], "--into", "direct.ron"], dir.path()).status.success()
    );
    let all = common::load_program(&dir.path().join("all.ron"));
    let direct = common::load_program(&dir.path().join("direct.ron"));
    assert_eq!(all.sessions, direct.sessions);
    assert_eq!(all.needs, direct.needs);
    assert_eq!(all.actions, direct.actions);
}

#[test]
fn likely_duplicates_are_reported_not_merged() {
    let mut a = common::load_session(&common::bishkek_example());
    let mut b = a.clone();
    b.id = kenesh::model::Id::new();
    let mut twin = b.settlements[3].clone();
    twin.id = kenesh::model::Id::new();
    twin.name = "Дордой 2".into();
    b.settlements.push(twin);
    let mut person = b.participants[0].clone();
    person.id = kenesh::model::Id::new();
    person.name = "Айгуль  Асанова".into();
    b.participants.push(person);
    a.title = "A".into();
    let record = merged(&[a, b]);
    assert_eq!(record.settlements.len(), 8, "not merged");
    let kinds: Vec<&str> = record.likely_duplicates.iter().map(|d| d.kind.as_str()).collect();
    assert_eq!(kinds, ["participant", "settlement"]);
}

#[test]
fn the_next_meeting_reviews_the_open_actions_and_merges_back() {
    let dir = tempfile::tempdir().unwrap();
    copy_examples(dir.path());
    let files = session_files(dir.path());
    assert!(run(&["merge", &files[0], &files[1]], dir.path()).status.success());
    let out = run(
        &[
            "new",
            "--lang",
            "en",
            "--from",
            "program.ron",
            "--title",
            "Обзор плана",
            "--date",
            "2026-12-10",
            "--dir",
            "sessions",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let path = dir.path().join("sessions/2026-12-10-obzor-plana.ron");
    assert!(run(&["check", "sessions/2026-12-10-obzor-plana.ron"], dir.path()).status.success());
    let mut next = common::load_session(&path);
    let record = common::load_program(&dir.path().join("program.ron"));
    let open = record.actions.iter().filter(|a| a.action.status.is_open()).count();
    assert_eq!(next.actions.len(), open);
    assert_eq!(next.agenda[0].title, "Review of the previous action plan");
    assert!(next.participants.iter().all(|p| !p.present));
    assert!(next.proposals.iter().all(|p| p.kind == kenesh::model::ProposalKind::ParkingLot));

    // The meeting marks an action done; merging puts it on the same id.
    let id = next.actions[0].id;
    next.actions[0].status = ActionStatus::Done;
    next.actions[0].updated = common::at("2026-12-10T11:00:00+06:00");
    std::fs::write(&path, to_ron(&next).unwrap()).unwrap();
    let out = run(&["merge", "sessions/2026-12-10-obzor-plana.ron"], dir.path());
    assert!(out.status.success());
    let record = common::load_program(&dir.path().join("program.ron"));
    let action = record.actions.iter().find(|a| a.action.id == id).unwrap();
    assert_eq!(action.action.status, ActionStatus::Done);
    let history: Vec<ActionStatus> = action.history.iter().map(|h| h.status).collect();
    assert_eq!(history.last(), Some(&ActionStatus::Done));
    assert!(history.len() >= 2, "the earlier status is kept: {history:?}");
}

#[cfg(unix)]
fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.org")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.org")
        .output()
        .unwrap()
}

// Unix only: the Wine prefix has no Git for Windows. The driver itself runs
// under Wine in windows.rs; README documents the Windows quoting.
#[cfg(unix)]
#[test]
fn git_merges_two_offices_edits_with_the_driver() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    copy_examples(repo);
    let files = session_files(repo);
    assert!(run(&["merge", &files[0]], repo).status.success());
    let kenesh = env!("CARGO_BIN_EXE_kenesh");
    assert!(git(repo, &["init", "-q", "-b", "main"]).status.success());
    git(repo, &["config", "merge.kenesh.name", "kenesh record merge"]);
    git(repo, &["config", "merge.kenesh.driver", &format!("{kenesh} merge-driver %O %A %B")]);
    std::fs::write(repo.join(".gitattributes"), "*.ron merge=kenesh\n").unwrap();
    git(repo, &["add", "."]);
    assert!(git(repo, &["commit", "-qm", "Bishkek"]).status.success());

    // The Osh office merges the Osh session; Bishkek marks an action done.
    git(repo, &["checkout", "-qb", "osh"]);
    assert!(run(&["merge", &files[1]], repo).status.success());
    git(repo, &["commit", "-qam", "Osh"]);
    git(repo, &["checkout", "-q", "main"]);
    let mut record = common::load_program(&repo.join("program.ron"));
    record.actions[0].action.status = ActionStatus::Done;
    record.actions[0].action.updated = common::at("2026-11-25T10:00:00+06:00");
    let done = record.actions[0].action.id;
    std::fs::write(repo.join("program.ron"), to_ron(&record).unwrap()).unwrap();
    git(repo, &["commit", "-qam", "Bishkek: action done"]);

    let out = git(repo, &["merge", "-q", "--no-edit", "osh"]);
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let merged = common::load_program(&repo.join("program.ron"));
    assert_eq!(merged.sessions.len(), 2, "Osh's session arrived");
    assert_eq!(
        merged.actions.iter().find(|a| a.action.id == done).unwrap().action.status,
        ActionStatus::Done
    );
    assert!(run(&["check", "program.ron"], repo).status.success());
}

fn example_record() -> Program {
    let inputs: Vec<Loaded> =
        common::example_sessions().iter().map(|f| kenesh::store::load_file(f).unwrap()).collect();
    merge(None, inputs)
}

#[test]
fn dashboard_views_and_every_size() {
    use kenesh::ui::dashboard::{Dashboard, Tab, render};
    use ratatui::{Terminal, backend::TestBackend};
    let record = example_record();
    let today = chrono::NaiveDate::from_ymd_opt(2027, 4, 1).unwrap();
    for (i, tab) in Tab::ALL.into_iter().enumerate() {
        let view = Dashboard { program: &record, today, tab, scroll: 0, city: None };
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        terminal.draw(|f| render(&view, f)).unwrap();
        insta::assert_snapshot!(format!("dashboard_{i}"), terminal.backend());
        for w in (0..=120).step_by(11) {
            for h in (0..=40).step_by(5) {
                let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
                terminal.draw(|f| render(&view, f)).unwrap();
            }
        }
    }
    let view = Dashboard { program: &record, today, tab: Tab::ByStatus, scroll: 0, city: None };
    let mut terminal = Terminal::new(TestBackend::new(160, 50)).unwrap();
    terminal.draw(|f| render(&view, f)).unwrap();
    assert!(
        format!("{}", terminal.backend()).contains("⚠ overdue"),
        "past deadlines are marked in words"
    );
}
