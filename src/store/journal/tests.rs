use super::*;
use crate::model::{Entity, Need};

fn at(text: &str) -> Timestamp {
    chrono::DateTime::parse_from_rfc3339(text).unwrap()
}

fn session() -> Session {
    let mut s = Session::new(
        "Круглый стол",
        chrono::NaiveDate::from_ymd_opt(2026, 11, 19).unwrap(),
        at("2026-11-19T09:00:00+06:00"),
    );
    s.needs.push(Need::new("Освещение", at("2026-11-19T09:00:00+06:00")));
    s
}

fn vote(s: &Session, votes: u32, when: &str) -> Vec<Change> {
    let mut need = s.needs[0].clone();
    need.votes = votes;
    need.updated = at(when);
    vec![Change::Put { entity: Entity::Need(need), index: 0 }]
}

/// A journal of three votes (1, 2, 3) for a session file of `file_bytes`.
fn three_votes(dir: &Path, file_bytes: &[u8], s: &Session) -> Vec<u8> {
    let mut journal = Journal::new(&dir.join("s.ron"));
    for (i, when) in
        ["2026-11-19T10:00:01+06:00", "2026-11-19T10:00:02+06:00", "2026-11-19T10:00:03+06:00"]
            .iter()
            .enumerate()
    {
        journal.append(hash_of(file_bytes), at(when), &vote(s, i as u32 + 1, when)).unwrap();
    }
    std::fs::read(dir.join(".s.ron.journal")).unwrap()
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("kenesh-journal-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_tail_torn_at_any_byte_loses_only_that_line() {
    let dir = temp_dir("torn");
    let s = session();
    let file = b"the file".to_vec();
    let mut journal = Journal::new(&dir.join("s.ron"));
    let mut need = s.needs[0].clone();
    need.title = "Нет освещения на ул. Ленина — Ак-Жар, ң ө ү".into();
    journal
        .append(
            hash_of(&file),
            at("2026-11-19T10:00:01+06:00"),
            &vote(&s, 1, "2026-11-19T10:00:01+06:00"),
        )
        .unwrap();
    let whole_first = std::fs::read(dir.join(".s.ron.journal")).unwrap().len();
    journal
        .append(
            hash_of(&file),
            at("2026-11-19T10:00:02+06:00"),
            &[Change::Put { entity: Entity::Need(need), index: 0 }],
        )
        .unwrap();
    let bytes = std::fs::read(dir.join(".s.ron.journal")).unwrap();
    for cut in whole_first..bytes.len() {
        let parsed = parse(&bytes[..cut]);
        let mut replayed_into = s.clone();
        let result = replay(&parsed, &file, &mut replayed_into);
        assert_eq!(result.applied, 1, "cut at {cut}: the first vote survives");
        assert!(result.bad_lines.is_empty(), "cut at {cut}: a torn tail is not a bad line");
        assert_eq!(replayed_into.needs[0].votes, 1);
    }
    let mut whole = s.clone();
    assert_eq!(replay(&parse(&bytes), &file, &mut whole).applied, 2);
    assert!(whole.needs[0].title.contains("ң ө ү"));
}

#[test]
fn a_bad_line_in_the_middle_is_reported_and_the_lines_after_it_count() {
    let dir = temp_dir("bad");
    let s = session();
    let file = b"f".to_vec();
    let bytes = three_votes(&dir, &file, &s);
    let text = String::from_utf8(bytes).unwrap();
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    lines.insert(2, "garbage \u{fffd} not ron\n");
    let mut damaged = lines.concat().into_bytes();
    // And an invalid UTF-8 line too.
    let second_line_end = damaged.iter().position(|&b| b == b'\n').unwrap() + 1;
    damaged.splice(second_line_end..second_line_end, b"\xd0\n".iter().copied());
    let mut replayed_into = s.clone();
    let result = replay(&parse(&damaged), &file, &mut replayed_into);
    assert_eq!(result.bad_lines, vec![2, 4]);
    assert_eq!(result.applied, 3, "every good line is applied");
    assert_eq!(replayed_into.needs[0].votes, 3);
}

#[test]
fn replaying_twice_is_harmless() {
    let dir = temp_dir("twice");
    let s = session();
    let file = b"f".to_vec();
    let parsed = parse(&three_votes(&dir, &file, &s));
    let mut once = s.clone();
    replay(&parsed, &file, &mut once);
    let mut twice = once.clone();
    replay(&parsed, &file, &mut twice);
    assert_eq!(once, twice);
}

#[test]
fn a_journal_for_another_version_applies_what_still_applies_and_rejects_the_rest() {
    let dir = temp_dir("other");
    let s = session();
    let parsed = parse(&three_votes(&dir, b"old file", &s));
    // The file was replaced (git pull): it holds a newer title for the need
    // (edited at 10:00:02, between our second and third vote) and a new need.
    let mut pulled = s.clone();
    pulled.needs[0].title = "Уличное освещение".into();
    pulled.needs[0].updated = at("2026-11-19T10:00:02+06:00");
    let mut result_session = pulled.clone();
    let result = replay(&parsed, b"new file", &mut result_session);
    assert!(result.other_version);
    // Vote 1 is older than the pulled version: rejected. Vote 2 has the same
    // time (a tie keeps ours), vote 3 is newer: applied.
    assert_eq!(result.rejected.len(), 1);
    assert_eq!(result.applied, 2);
    assert_eq!(result_session.needs[0].votes, 3);
    let mut ours = result_session.clone();
    force(&mut ours, &result.rejected);
    assert_eq!(ours.needs[0].votes, 1, "the conflict copy holds the rejected edit");
}

#[test]
fn a_snapshot_marker_tells_readers_where_to_start() {
    let dir = temp_dir("marker");
    let s = session();
    let old = b"old".to_vec();
    let mut journal = Journal::new(&dir.join("s.ron"));
    journal
        .append(
            hash_of(&old),
            at("2026-11-19T10:00:01+06:00"),
            &vote(&s, 1, "2026-11-19T10:00:01+06:00"),
        )
        .unwrap();
    journal
        .append(
            hash_of(&old),
            at("2026-11-19T10:00:02+06:00"),
            &vote(&s, 2, "2026-11-19T10:00:02+06:00"),
        )
        .unwrap();
    // A snapshot holding both votes is about to replace the file.
    let mut snapshot = s.clone();
    snapshot.needs[0].votes = 2;
    let new = b"new".to_vec();
    journal.mark_base(hash_of(&new), 2).unwrap();
    journal
        .append(
            hash_of(&old),
            at("2026-11-19T10:00:03+06:00"),
            &vote(&s, 3, "2026-11-19T10:00:03+06:00"),
        )
        .unwrap();
    let parsed = parse(&std::fs::read(dir.join(".s.ron.journal")).unwrap());
    // A reader that saw the old file replays everything.
    let mut from_old = s.clone();
    assert_eq!(replay(&parsed, &old, &mut from_old).applied, 3);
    // One that saw the new file replays only the third vote.
    let mut from_new = snapshot.clone();
    let result = replay(&parsed, &new, &mut from_new);
    assert_eq!((result.applied, result.other_version), (1, false));
    assert_eq!(from_old, from_new);
    // After the snapshot the journal keeps only the third vote.
    journal.folded(hash_of(&new), 2).unwrap();
    let parsed = parse(&std::fs::read(dir.join(".s.ron.journal")).unwrap());
    assert_eq!(parsed.entries.len(), 1);
    let mut again = snapshot.clone();
    assert_eq!(replay(&parsed, &new, &mut again).applied, 1);
    assert_eq!(again, from_new);
}

#[test]
fn a_format_1_journal_still_replays() {
    let s = session();
    let file = b"v1 file".to_vec();
    let mut text = format!("{HEADER_V1}{:016x}\n", legacy_hash(&file));
    text.push_str(&ron::to_string(&vote(&s, 5, "2026-11-19T10:00:01+06:00")).unwrap());
    text.push('\n');
    let mut replayed_into = s.clone();
    let result = replay(&parse(text.as_bytes()), &file, &mut replayed_into);
    assert_eq!((result.applied, result.other_version), (1, false));
    assert_eq!(replayed_into.needs[0].votes, 5);
}

#[test]
fn a_journal_of_another_session_is_never_applied() {
    let dir = temp_dir("session");
    let s = session();
    let file = b"f".to_vec();
    let mut journal = Journal::new(&dir.join("s.ron"));
    journal.set_session(s.id);
    journal
        .append(
            hash_of(&file),
            at("2026-11-19T10:00:01+06:00"),
            &vote(&s, 9, "2026-11-19T10:00:01+06:00"),
        )
        .unwrap();
    let parsed = parse(&std::fs::read(dir.join(".s.ron.journal")).unwrap());
    assert_eq!(parsed.session, Some(s.id));
    let mut other = session();
    let result = replay(&parsed, &file, &mut other);
    assert!(result.other_session && result.found_anything());
    assert_eq!(other.needs[0].votes, 0, "nothing of it applied");
    let mut same = s.clone();
    assert_eq!(replay(&parsed, &file, &mut same).applied, 1);
}
