//! Several real editors on one session at once (issue #20): two editors
//! and `kenesh present` on one file, typing together, one of them killed
//! with -9 in the middle; and two folders kept in step by a copier that
//! behaves like a file-sync tool, with an editor in each.
//!
//! What the screens showed as saved must be in the file at the end, the
//! screens must agree, and no journal may be left behind.
// Unix only: these drive the editor through a Unix pseudo-terminal.
#![cfg(unix)]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::pty::Session;
use proptest::test_runner::{RngAlgorithm, TestRng};
use rand::RngExt;

/// The example session about to start: no item run yet, no turns, so `n`
/// and the speaker queue have something to do.
fn fresh_meeting(dir: &Path) -> PathBuf {
    let mut session = common::load_session(&common::bishkek_example());
    for item in &mut session.agenda {
        item.status = kenesh::model::AgendaStatus::Pending;
        item.runs.clear();
    }
    session.speaker_turns.clear();
    let path = dir.join("meeting.ron");
    std::fs::write(&path, kenesh::store::to_ron(&session).unwrap()).unwrap();
    path
}

/// The session as every reader sees it (file plus journals), as JSON.
fn exported(path: &Path) -> serde_json::Value {
    let out = common::kenesh()
        .args(["export", "--format", "json", "-o", "-"])
        .arg(path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    value["session"].clone()
}

fn total_votes(session: &serde_json::Value) -> u64 {
    session["needs"].as_array().unwrap().iter().map(|n| n["votes"].as_u64().unwrap()).sum()
}

fn need_titles(session: &serde_json::Value) -> BTreeSet<String> {
    session["needs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["title"].as_str().unwrap().to_owned())
        .collect()
}

/// How many agenda items run, and how many turns are running, in the file.
fn running_controls(session: &serde_json::Value) -> (usize, usize) {
    let items = session["agenda"].as_array().unwrap();
    let running = items.iter().filter(|i| i["status"] == "Active").count();
    let turns = session["speaker_turns"].as_array().unwrap();
    let speaking = turns.iter().filter(|t| t["started"].is_string() && t["ended"].is_null());
    (running, speaking.count())
}

/// Polls the screen until `ready` says yes; a save that failed or a file
/// that changed outside ends the test at once.
fn wait_screen(editor: &Session, what: &str, ready: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let screen = editor.screen_text();
        for trouble in ["NOT SAVED", "CHANGED OUTSIDE", "NOT UPDATED", "READ-ONLY"] {
            assert!(!screen.contains(trouble), "{what}: the editor shows {trouble}:\n{screen}");
        }
        if ready(&screen) {
            return screen;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}:\n{screen}");
        std::thread::sleep(Duration::from_millis(15));
    }
}

/// The status bar (the last line with text) says everything is saved (or
/// this editor has changed nothing yet: `r` or `t` with nobody to queue or
/// give the floor to changes nothing).
fn says_saved(screen: &str) -> bool {
    let bar = screen.lines().rev().find(|l| !l.trim().is_empty());
    bar.is_some_and(|l| l.contains("saved ") || l.contains("no changes yet"))
}

/// Esc alone (a byte right after it would make it Alt plus that key).
fn escape(editor: &mut Session) {
    editor.write_raw(b"\x1b");
    std::thread::sleep(Duration::from_millis(60));
}

/// Types `keys`, then `?`: once the help shows, every key before it was
/// handled (keys are read in order); once the status bar says "saved" with
/// the help open, what they changed is on disk. Then the help is closed.
fn type_and_confirm(editor: &mut Session, keys: &str) {
    editor.write_raw(format!("{keys}?").as_bytes());
    wait_screen(editor, &format!("{keys:?} saved"), |s| s.contains("Esc closes") && says_saved(s));
    escape(editor);
    wait_screen(editor, "the help closed", |s| !s.contains("Esc closes"));
}

/// Adds a need through the capture line and waits until it is saved.
fn capture_need(editor: &mut Session, title: &str) {
    editor.write_raw(format!(":n {title}\r").as_bytes());
    let done = format!("✓ need: {title}");
    wait_screen(editor, &done, |s| s.contains(&done) && says_saved(s));
    escape(editor);
}

/// `3`, the first row, `down` rows further, `+`.
fn vote_keys(down: u32) -> String {
    format!("3g{}+", "j".repeat(down as usize))
}

/// What every screen must have seen as saved, and what may be there too.
#[derive(Default, Debug)]
struct Record {
    /// Votes each screen showed as saved.
    confirmed_votes: u64,
    /// Votes typed but never confirmed (the one in flight at `kill -9`).
    unconfirmed_votes: u64,
    titles: Vec<String>,
    /// Edits of each kind, for the report.
    counts: BTreeMap<&'static str, u32>,
}

/// One random edit in `editor`, waited for until its screen says saved.
fn random_edit(editor: &mut Session, rng: &mut TestRng, record: &mut Record) {
    let roll = rng.random_range(0..100u32);
    let kind = match roll {
        0..45 => {
            type_and_confirm(editor, &vote_keys(rng.random_range(0..16)));
            record.confirmed_votes += 1;
            "vote"
        }
        45..70 => {
            let title = format!("Проверка {} ң ө ү", record.titles.len() + 1);
            capture_need(editor, &title);
            record.titles.push(title);
            "need"
        }
        70..76 => {
            type_and_confirm(editor, "n");
            "next item"
        }
        76..90 => {
            // Someone asks for the floor (only while an item runs).
            let down = "j".repeat(rng.random_range(0..20));
            type_and_confirm(editor, &format!("2g{down}r"));
            "queue"
        }
        _ => {
            type_and_confirm(editor, "t");
            "next speaker"
        }
    };
    *record.counts.entry(kind).or_default() += 1;
}

/// The slide body: everything below the title line (which holds the clock).
fn slide_body(screen: &str) -> String {
    screen.lines().skip(1).map(str::trim_end).collect::<Vec<_>>().join("\n")
}

/// Waits until every screen shows the same slide body; returns it.
fn screens_agree(screens: &[(&str, &Session)], what: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let bodies: Vec<String> =
            screens.iter().map(|(_, s)| slide_body(&s.screen_text())).collect();
        if bodies.iter().all(|b| *b == bodies[0]) && !bodies[0].trim().is_empty() {
            return bodies[0].clone();
        }
        if Instant::now() > deadline {
            let shown: Vec<String> = screens
                .iter()
                .zip(&bodies)
                .map(|((name, _), body)| format!("--- {name}:\n{body}"))
                .collect();
            panic!("the screens disagree on {what}:\n{}", shown.join("\n"));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn start_editor(dir: &Path) -> Session {
    let editor = Session::start(&["meeting.ron"], dir);
    editor.wait_for("Action plan");
    editor
}

/// Two editors and the projector on one file for `seconds`, A killed with
/// -9 halfway and started again.
fn two_editors_and_present(seconds: u64) {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh_meeting(dir.path());
    let initial = exported(&path);
    let mut rng = TestRng::from_seed(RngAlgorithm::ChaCha, &[20; 32]);
    let mut record = Record::default();

    let mut present = Session::start(&["present", "--rotate", "0", "meeting.ron"], dir.path());
    let mut a = start_editor(dir.path());
    let mut b = start_editor(dir.path());
    present.wait_for("Now");

    let started = Instant::now();
    let typing = Duration::from_secs(seconds);
    let mut killed = false;
    let mut steps = 0u32;
    while started.elapsed() < typing {
        if !killed && started.elapsed() > typing / 2 {
            // A vote typed and not waited for: it may or may not be saved.
            a.write_raw(vote_keys(rng.random_range(0..16)).as_bytes());
            std::thread::sleep(Duration::from_millis(rng.random_range(0..30)));
            a.kill_9();
            record.unconfirmed_votes += 1;
            killed = true;
            a = start_editor(dir.path());
            continue;
        }
        let editor = if steps.is_multiple_of(2) { &mut a } else { &mut b };
        random_edit(editor, &mut rng, &mut record);
        steps += 1;
    }
    eprintln!("{steps} edits in {:?}: {:?}", started.elapsed(), record);

    // All three screens agree: the projector view in each editor (`p`)
    // and `kenesh present` show the same Now and Needs slides.
    for editor in [&mut a, &mut b] {
        escape(editor);
        editor.write_raw(b"p");
    }
    let screens = [("A", &a), ("B", &b), ("present", &present)];
    let now_slide = screens_agree(&screens, "the Now slide");
    for s in [&mut a, &mut b, &mut present] {
        s.write_raw(b"\x1b[C");
    }
    let screens = [("A", &a), ("B", &b), ("present", &present)];
    let needs_slide = screens_agree(&screens, "the Needs slide");
    assert!(needs_slide.contains("Needs with most votes"), "{needs_slide}");

    for editor in [&mut a, &mut b] {
        editor.write_raw(b"p");
        std::thread::sleep(Duration::from_millis(100));
        editor.write_raw(b"q");
        assert!(editor.wait_exit().success());
    }
    present.write_raw(b"q");
    present.wait_exit();

    assert!(kenesh::store::shared::journal_paths(&path).is_empty(), "journals left");
    let last = exported(&path);
    let titles = need_titles(&last);
    for title in &record.titles {
        assert!(titles.contains(title), "the need {title:?} was shown as saved and is lost");
    }
    let (least, most) = (
        total_votes(&initial) + record.confirmed_votes,
        total_votes(&initial) + record.confirmed_votes + record.unconfirmed_votes,
    );
    let votes = total_votes(&last);
    assert!(
        (least..=most).contains(&votes),
        "{votes} votes in the file; the screens confirmed {least}, at most {most} were typed"
    );
    let (running, speaking) = running_controls(&last);
    assert!(running <= 1 && speaking <= 1, "{running} items and {speaking} turns running");
    // What the projector showed is what the file says.
    let agenda = last["agenda"].as_array().unwrap();
    if let Some(item) = agenda.iter().find(|i| i["status"] == "Active") {
        let title: String = item["title"].as_str().unwrap().chars().take(30).collect();
        assert!(now_slide.contains(&title), "{title:?} runs, the Now slide says:\n{now_slide}");
    }
}

#[test]
fn two_editors_and_present_typing_at_once() {
    two_editors_and_present(30);
}

#[test]
#[ignore = "slow: 5 minutes of typing (cargo test --test together -- --ignored)"]
fn two_editors_and_present_typing_at_once_for_5_minutes() {
    two_editors_and_present(300);
}

// ---------------------------------------------------------------------------
// Two laptops whose folders a file-sync tool keeps in step.

/// The files a sync tool carries between the two folders: the session
/// file and every writer's journal.
fn synced(name: &str) -> bool {
    name == "meeting.ron" || name.starts_with(".meeting.ron.journal.")
}

fn synced_files(dir: &Path) -> BTreeMap<String, (Vec<u8>, std::time::SystemTime)> {
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !synced(&name) {
            continue;
        }
        let path = entry.path();
        if let (Ok(bytes), Ok(meta)) = (std::fs::read(&path), std::fs::metadata(&path)) {
            files.insert(name, (bytes, meta.modified().unwrap()));
        }
    }
    files
}

/// Copies what changed in one folder to the other, the way Syncthing
/// does: into a temporary name in the destination, then renamed over;
/// a deletion is carried over too (after the copies of the round); a file
/// changed on both sides is a conflict: the newer wins, the other is kept
/// as `meeting.sync-conflict-N.ron`, and a change beats a deletion. Now and
/// then a file first arrives half written under its real name, the way a
/// shared network folder shows a copy in progress.
struct Copier {
    left: PathBuf,
    right: PathBuf,
    /// What each file held when both sides last agreed.
    base: BTreeMap<String, Vec<u8>>,
    rng: TestRng,
    copies: u32,
    half_copies: u32,
    deletions: u32,
    conflicts: u32,
}

impl Copier {
    fn new(left: &Path, right: &Path) -> Copier {
        Copier {
            left: left.to_owned(),
            right: right.to_owned(),
            base: BTreeMap::new(),
            rng: TestRng::from_seed(RngAlgorithm::ChaCha, &[5; 32]),
            copies: 0,
            half_copies: 0,
            deletions: 0,
            conflicts: 0,
        }
    }

    /// One pass over both folders; true if both already agreed.
    fn round(&mut self) -> bool {
        let (left, right) = (synced_files(&self.left), synced_files(&self.right));
        let names: BTreeSet<String> =
            left.keys().chain(right.keys()).chain(self.base.keys()).cloned().collect();
        let mut deletions = Vec::new();
        let mut quiet = true;
        for name in names {
            let (l, r) = (left.get(&name), right.get(&name));
            let (l_bytes, r_bytes) = (l.map(|f| &f.0), r.map(|f| &f.0));
            if l_bytes == r_bytes {
                match l_bytes {
                    Some(bytes) => self.base.insert(name, bytes.clone()),
                    None => self.base.remove(&name),
                };
                continue;
            }
            quiet = false;
            let base = self.base.get(&name);
            let from_left = match (l_bytes != base, r_bytes != base) {
                (true, false) => true,
                (false, true) => false,
                _ => match (l, r) {
                    (None, _) => false,
                    (_, None) => true,
                    (Some(l), Some(r)) => {
                        let left_wins = l.1 >= r.1;
                        let (loser, dir) =
                            if left_wins { (&r.0, &self.right) } else { (&l.0, &self.left) };
                        self.conflicts += 1;
                        let kept =
                            dir.join(format!("meeting.sync-conflict-{}.ron", self.conflicts));
                        std::fs::write(kept, loser).unwrap();
                        left_wins
                    }
                },
            };
            let (content, to) = if from_left {
                (l_bytes.cloned(), self.right.clone())
            } else {
                (r_bytes.cloned(), self.left.clone())
            };
            match content {
                Some(bytes) => {
                    self.deliver(&to, &name, &bytes);
                    self.base.insert(name, bytes);
                }
                None => {
                    deletions.push(to.join(&name));
                    self.base.remove(&name);
                }
            }
        }
        for path in deletions {
            let _ = std::fs::remove_file(path);
            self.deletions += 1;
        }
        quiet
    }

    fn deliver(&mut self, dir: &Path, name: &str, bytes: &[u8]) {
        let target = dir.join(name);
        if self.rng.random_range(0..4u32) == 0 {
            std::fs::write(&target, &bytes[..bytes.len() / 2]).unwrap();
            std::thread::sleep(Duration::from_millis(self.rng.random_range(20..150)));
            self.half_copies += 1;
        }
        let temporary = dir.join(format!(".syncthing.{name}.tmp"));
        std::fs::write(&temporary, bytes).unwrap();
        std::fs::rename(&temporary, &target).unwrap();
        self.copies += 1;
    }
}

/// The top panes (agenda, participants, needs): what both editors show of
/// the session, with the same focus and filter.
fn top_panes(screen: &str) -> String {
    screen.lines().take(13).map(str::trim_end).collect::<Vec<_>>().join("\n")
}

#[test]
fn two_folders_kept_in_step_by_a_copier_converge() {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Arc, Mutex};
    let root = tempfile::tempdir().unwrap();
    let (left, right) = (root.path().join("L"), root.path().join("R"));
    std::fs::create_dir_all(&left).unwrap();
    std::fs::create_dir_all(&right).unwrap();
    let left_file = fresh_meeting(&left);
    let right_file = right.join("meeting.ron");
    std::fs::copy(&left_file, &right_file).unwrap();
    let initial = exported(&left_file);

    let copier = Arc::new(Mutex::new(Copier::new(&left, &right)));
    let stop = Arc::new(AtomicBool::new(false));
    let thread = {
        let (copier, stop) = (Arc::clone(&copier), Arc::clone(&stop));
        std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                copier.lock().unwrap().round();
                std::thread::sleep(Duration::from_millis(500));
            }
        })
    };

    let mut l = start_editor(&left);
    let mut r = start_editor(&right);
    let mut rng = TestRng::from_seed(RngAlgorithm::ChaCha, &[21; 32]);
    let mut record = Record::default();
    let started = Instant::now();
    let mut steps = 0u32;
    while started.elapsed() < Duration::from_secs(15) {
        let editor = if steps.is_multiple_of(2) { &mut l } else { &mut r };
        if record.titles.len() < 8 && rng.random_range(0..3u32) == 0 {
            let title = format!("Проверка {} ң ө ү", record.titles.len() + 1);
            capture_need(editor, &title);
            record.titles.push(title);
        } else {
            type_and_confirm(editor, &vote_keys(rng.random_range(0..16)));
            record.confirmed_votes += 1;
        }
        steps += 1;
        std::thread::sleep(Duration::from_millis(rng.random_range(0..300)));
    }
    eprintln!("{steps} edits in {:?}: {:?}", started.elapsed(), record);

    // Both show the same: the needs typed here (filtered), and the top votes.
    for editor in [&mut l, &mut r] {
        escape(editor);
        editor.write_raw("3/Проверка\r".as_bytes());
        std::thread::sleep(Duration::from_millis(100));
        editor.write_raw(b"g");
    }
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let (ls, rs) = (l.screen_text(), r.screen_text());
        let shown = record.titles.iter().all(|t| ls.contains(t.as_str()));
        if shown && top_panes(&ls) == top_panes(&rs) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the two folders' editors do not converge:\n--- L:\n{ls}\n--- R:\n{rs}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    for editor in [&mut l, &mut r] {
        editor.write_raw(b"p\x1b[C");
    }
    screens_agree(&[("L", &l), ("R", &r)], "the Needs slide");
    for editor in [&mut l, &mut r] {
        editor.write_raw(b"p");
        std::thread::sleep(Duration::from_millis(100));
        editor.write_raw(b"q");
        let status = editor.wait_exit();
        assert!(status.success(), "{status:?}:\n{}", editor.screen_text());
    }
    stop.store(true, Ordering::Relaxed);
    thread.join().unwrap();
    let mut copier = Arc::try_unwrap(copier).ok().unwrap().into_inner().unwrap();
    let mut settled = false;
    for _ in 0..10 {
        if copier.round() {
            settled = true;
            break;
        }
    }
    assert!(settled, "the copier never settled");
    eprintln!(
        "copier: {} copies ({} half first), {} deletions, {} conflicts",
        copier.copies, copier.half_copies, copier.deletions, copier.conflicts
    );

    for (side, file) in [("L", &left_file), ("R", &right_file)] {
        // In a synced folder the journals stay: another folder might fold
        // the file without one, and the copier keep that file. Each says
        // its writer left, so nobody shows them as present.
        let journals = kenesh::store::shared::read_journals(file).unwrap();
        assert_eq!(journals.len(), 2, "{side}: both writers' journals stay");
        assert!(journals.iter().all(|j| j.has_left()), "{side}: each says its writer left");
        let last = exported(file);
        let titles = need_titles(&last);
        for title in &record.titles {
            assert!(titles.contains(title), "{side}: the need {title:?} is lost");
        }
        assert_eq!(
            total_votes(&last),
            total_votes(&initial) + record.confirmed_votes,
            "{side}: every vote both screens showed as saved, each once"
        );
    }
}
