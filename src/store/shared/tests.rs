use super::*;
use crate::model::{Need, now};

fn journal(writer: Id, session: Id, entries: Vec<Entry>) -> WriterJournal {
    WriterJournal { writer: Some(writer), session: Some(session), entries, ..Default::default() }
}

fn entry(seq: u64, millis: i64, seen: Vec<(Id, u64)>, changes: Vec<Change>) -> Entry {
    Entry { seq, at: now(), clock: Hlc { millis, count: 0 }, seen, places: Vec::new(), changes }
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
    let mut text = header(w, s, "aigul@laptop", "Асанова Айгуль");
    let e = entry(1, 5, vec![], vec![Change::Touched(now())]);
    text.push_str(&ron::to_string(&e).unwrap());
    text.push('\n');
    text.push_str("(seq:2,"); // torn
    let parsed = parse(Path::new("j"), text.as_bytes());
    assert_eq!(parsed.writer, Some(w));
    assert_eq!(parsed.session, Some(s));
    assert_eq!(parsed.name, "Асанова Айгуль");
    assert_eq!(parsed.host, "aigul@laptop");
    assert_eq!(parsed.entries, vec![e]);
    assert!(parsed.bad_lines.is_empty());
}
