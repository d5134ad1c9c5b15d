//! Issue 19: needs follow their actions, a clean `new --from`, the
//! programme's title, settlements with their city and "By responsible"
//! grouping by whole organisation.

mod common;

use std::path::Path;

use kenesh::export::{Filters, Report};
use kenesh::model::{ActionStatus, NeedStatus, Program};
use kenesh::store::{Loaded, to_ron};
use kenesh::ui::dashboard::{Dashboard, Tab, render};
use ratatui::{Terminal, backend::TestBackend};

/// kenesh with no language chosen anywhere (no flag, no config, LANG=C).
fn run(args: &[&str], cwd: &Path) -> std::process::Output {
    common::kenesh()
        .args(args)
        .current_dir(cwd)
        .env("XDG_CONFIG_HOME", cwd.join("no-config"))
        .env("HOME", cwd.join("no-config"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .output()
        .unwrap()
}

fn ok(out: std::process::Output) -> String {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn screen(record: &Program, tab: Tab, city: Option<&str>) -> String {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let view = Dashboard { program: record, today, tab, scroll: 0, city: city.map(Into::into) };
    let mut terminal = Terminal::new(TestBackend::new(200, 120)).unwrap();
    terminal.draw(|f| render(&view, f)).unwrap();
    format!("{}", terminal.backend())
}

#[test]
fn a_follow_up_carries_open_needs_without_votes_and_merging_back_counts_no_vote_twice() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("sessions")).unwrap();
    let first = dir.path().join("sessions/first.ron");
    let mut session = common::load_session(&common::bishkek_example());
    // Every action of one need is done: the need is addressed by its actions.
    let need = session.actions.iter().find_map(|a| a.needs.first().copied()).unwrap();
    for a in session.actions.iter_mut().filter(|a| a.needs.contains(&need)) {
        a.status = ActionStatus::Done;
    }
    std::fs::write(&first, to_ron(&session).unwrap()).unwrap();
    let title = "Аракет: ОМСУ и жители новостроек";
    ok(run(
        &["merge", "sessions/first.ron", "--into", "program.ron", "--title", title],
        dir.path(),
    ));
    let before = common::load_program(&dir.path().join("program.ron"));
    assert_eq!(before.title, title, "--title names the programme");
    assert_eq!(before.need_statuses()[&need], NeedStatus::Addressed, "derived from its actions");

    let args = ["new", "--from", "program.ron", "--dir", "sessions", "--date", "2026-12-15"];
    ok(run(&args, dir.path()));
    let name = common::files_in(&dir.path().join("sessions"))
        .into_iter()
        .find(|n| n.starts_with("2026-12-15"))
        .expect("the follow-up session");
    let next_path = dir.path().join("sessions").join(name);
    let next = common::load_session(&next_path);
    assert_eq!(
        (&next.place, &next.organiser, &next.facilitator, &next.programme),
        (&session.place, &session.organiser, &session.facilitator, &session.programme),
        "the place, hosts and programme of the last meeting"
    );
    assert!(!next.needs.iter().any(|n| n.id == need), "an addressed need is not carried");
    let statuses = before.need_statuses();
    let linked: Vec<_> = next
        .actions
        .iter()
        .flat_map(|a| a.needs.iter().copied())
        .chain(next.proposals.iter().filter_map(|p| p.need))
        .collect();
    assert!(
        next.needs.iter().all(|n| statuses[&n.id] == NeedStatus::Open || linked.contains(&n.id)),
        "open needs, and only those a carried action or item points at besides"
    );
    assert!(next.needs.iter().all(|n| n.votes == 0), "no fresh votes");
    assert!(!next.needs.is_empty());
    assert!(next.participants.iter().all(|p| !p.present), "presence is per meeting");
    assert_eq!(
        next.agenda[0].title, "Обзор предыдущего плана действий",
        "a Russian record gets a Russian review item when no language is chosen"
    );

    let name = next_path.strip_prefix(dir.path()).unwrap().to_string_lossy().into_owned();
    ok(run(&["merge", &name, "--into", "program.ron"], dir.path()));
    let after = common::load_program(&dir.path().join("program.ron"));
    assert_eq!(after.title, title, "a later merge keeps the title");
    for n in &after.needs {
        let earlier = before.needs.iter().find(|b| b.need.id == n.need.id).unwrap();
        assert_eq!(n.need.votes, earlier.need.votes, "{}: votes counted once", n.need.title);
        assert_eq!(n.raises_shown().count(), 1, "{}: not raised again", n.need.title);
    }
    let board = screen(&after, Tab::Needs, None);
    assert!(board.contains(title), "the dashboard shows the title");
    assert!(!board.contains("15.12.2026"), "the follow-up did not raise the needs again");
    let markdown =
        ok(run(&["export", "program.ron", "--format", "markdown", "-o", "-"], dir.path()));
    assert!(markdown.contains(title), "exports show the title");
}

fn example_record() -> Program {
    let inputs: Vec<Loaded> =
        common::example_sessions().iter().map(|f| kenesh::store::load_file(f).unwrap()).collect();
    kenesh::merge::merge(None, inputs)
}

#[test]
fn by_responsible_groups_whole_organisations_and_lists_co_responsible_bodies() {
    let record = example_record();
    let board = screen(&record, Tab::ByResponsible, None);
    let osh_groups = board.lines().filter(|l| l.to_lowercase().contains("мэрия г. ош —")).count();
    assert_eq!(osh_groups, 1, "one group for Мэрия г. Ош however written:\n{board}");
    assert!(!board.contains("Осмонова Нургуль —"), "a person is not an organisation:\n{board}");
    assert!(board.contains("МЧС КР"), "co-responsible bodies are listed:\n{board}");
    assert!(board.contains("Бишкекзеленхоз"), "{board}");
}

#[test]
fn settlements_show_their_city_and_the_city_filter_narrows_the_dashboard_and_exports() {
    let record = example_record();
    let board = screen(&record, Tab::BySettlement, None);
    assert!(board.contains("(Ош)") && board.contains("(Бишкек)"), "{board}");
    let osh = screen(&record, Tab::Needs, Some("Ош"));
    assert!(!osh.contains("(Бишкек)") && osh.contains("(Ош)"), "{osh}");
    assert!(
        board.contains("Needs no action addresses") || board.contains("Потребности без действий"),
        "needs with no action appear:\n{board}"
    );
    let loaded = Loaded::Program(record.clone());
    let report = Report::new(&loaded, &Filters { city: Some("ош".into()), ..Filters::default() });
    let osh_ids: Vec<_> =
        record.settlements.iter().filter(|s| s.city == "Ош").map(|s| s.id).collect();
    assert!(!report.needs.is_empty());
    assert!(report.needs.iter().all(|n| n.settlement.is_some_and(|s| osh_ids.contains(&s))));
}

#[test]
fn exports_show_a_need_addressed_once_its_actions_are_done() {
    let mut record = example_record();
    let need = record.actions.iter().find_map(|a| a.action.needs.first().copied()).unwrap();
    for a in record.actions.iter_mut().filter(|a| a.action.needs.contains(&need)) {
        a.action.status = ActionStatus::Done;
    }
    let stored = record.needs.iter().find(|n| n.need.id == need).unwrap().need.clone();
    assert_eq!(stored.status, NeedStatus::Open, "the record itself is not rewritten");
    let loaded = Loaded::Program(record);
    let report = Report::new(&loaded, &Filters::default());
    assert_eq!(report.need_status(&stored), NeedStatus::Addressed);
}
