use super::*;
use crate::model::{Need, now};

fn journal(writer: Id, session: Id, entries: Vec<Entry>) -> WriterJournal {
    WriterJournal { writer: Some(writer), session: Some(session), entries, ..Default::default() }
}

fn entry(seq: u64, millis: i64, seen: Vec<(Id, u64)>, changes: Vec<Change>) -> Entry {
    let clock = Hlc { millis, count: 0 };
    Entry { seq, at: now(), clock, seen, places: Vec::new(), changes, left: false }
}

#[test]
fn two_votes_at_once_add_two_and_replay_twice_changes_nothing() {
    let mut base = Session::new("t", now().date_naive(), now());
    let need = Need::new("вода", now());
    base.needs.push(need.clone());
    let (a, b) = (Id::new(), Id::new());
    let vote = || vec![Change::Vote { need: need.id, delta: 1 }];
    let journals = [
        journal(a, base.id, vec![entry(1, 10, vec![], vote())]),
        journal(b, base.id, vec![entry(1, 10, vec![], vote())]),
    ];
    let mut once = base.clone();
    replay(&mut once, &journals);
    assert_eq!(once.needs[0].votes, 2);
    let mut folded = once.clone();
    assert!(mark_folded(&mut folded, &journals));
    let mut again = folded.clone();
    let replayed = replay(&mut again, &journals);
    assert_eq!(replayed.applied, 0, "a file that holds the entries skips them");
    assert_eq!(again.needs[0].votes, 2);
}

#[test]
fn header_and_entries_read_back() {
    let (w, s) = (Id::new(), Id::new());
    let origin = Origin { host: "aigul@laptop".into(), folder: "00ff".into() };
    let mut text = header(w, s, &origin, "Асанова Айгуль");
    let e = entry(1, 5, vec![], vec![Change::Touched(now())]);
    text.push_str(&ron::to_string(&e).unwrap());
    text.push('\n');
    text.push_str("(seq:2,"); // torn
    let parsed = parse(Path::new("j"), text.as_bytes());
    assert_eq!(parsed.writer, Some(w));
    assert_eq!(parsed.session, Some(s));
    assert_eq!(parsed.name, "Асанова Айгуль");
    assert_eq!(parsed.host, "aigul@laptop");
    assert_eq!(parsed.folder.as_deref(), Some("00ff"));
    assert_eq!(parsed.entries, vec![e]);
    assert!(parsed.bad_lines.is_empty());
}

#[test]
fn journals_are_tidied_only_where_no_other_folder_syncs() {
    let here = Origin { host: "aigul@laptop".into(), folder: "aa".into() };
    let written = |host: &str, folder: Option<&str>| WriterJournal {
        host: host.into(),
        folder: folder.map(str::to_owned),
        modified: Some(std::time::SystemTime::now()),
        ..WriterJournal::default()
    };
    let ours = written("bakyt@laptop", Some("aa"));
    let before_folders = written("aigul@laptop", None);
    let other_folder = written("aigul@laptop", Some("bb"));
    let other_laptop = written("nurlan@notebook", Some("aa"));
    assert!(here.wrote(&ours) && here.wrote(&before_folders));
    assert!(!here.wrote(&other_folder) && !here.wrote(&other_laptop));
    assert!(may_tidy(&[ours.clone(), before_folders.clone()], &here));
    assert!(!may_tidy(&[ours.clone(), other_folder], &here));
    assert!(!may_tidy(&[ours.clone(), other_laptop.clone()], &here));
    // Even a day later: a file folded on the other laptop without our edits
    // may still arrive (it was offline), so journals stay.
    let day_old = |mut j: WriterJournal| {
        j.modified = Some(std::time::SystemTime::now() - QUIET_FOR);
        j
    };
    assert!(!may_tidy(&[day_old(ours), day_old(other_laptop.clone())], &here));
    assert!(!writer_is_gone(&other_laptop, &here), "a copy: its writer may be at work");
    assert!(writer_is_gone(&day_old(other_laptop), &here), "silent for a day: not shown");
}
