//! Several editors on one session at once (issue 20), without files or a
//! terminal: three simulated writers edit their own replicas and append to
//! their own journals; a simulated sync tool copies journals and the file
//! between them late, whole (as prefixes) and more than once; writers
//! replay what they have at random points, and fold the journals into the
//! file at random points. In the end every replica is the same session,
//! and compaction writes the same bytes whoever does it; nothing is lost
//! that nobody deleted; one item runs and one person speaks; every vote
//! counts. The two `#[ignore]`d failing tests show the one known limit:
//! the relative order of two items inserted at one place in one moment can
//! flip once if the file was folded between them (both always survive).

use std::collections::{BTreeMap, VecDeque};

use chrono::TimeDelta;
use kenesh::model::{
    Action, AgendaItem, AgendaStatus, Change, Entity, EntityKind, Id, Need, Participant, Proposal,
    ProposalKind, Session, StakeholderGroup, Timestamp, edit,
};
use kenesh::store::shared::{Conflict, Entry, Hlc, WriterJournal, mark_folded, replay};
use kenesh::store::to_ron;
use proptest::prelude::*;

const WRITERS: usize = 3;

/// The meeting's start: every writer's wall clock counts from here.
fn start() -> Timestamp {
    chrono::DateTime::parse_from_rfc3339("2026-11-19T10:00:00+06:00").expect("valid time")
}

/// A base with a bit of everything, one agenda item running and two people
/// waiting to speak in it, so the shared controls have work from step one.
fn base() -> Session {
    let mut s = kenesh::synth::session(4);
    let at = start() - TimeDelta::minutes(5);
    s = edit_locally(&s, edit::next_item(&s, at), at);
    let item = s.active_item().expect("a pending item started").id;
    for person in [s.participants[1].id, s.participants[2].id] {
        s = edit_locally(&s, edit::queue_speaker(&s, item, person, at), at);
    }
    s
}

fn edit_locally(session: &Session, mut changes: Vec<Change>, now: Timestamp) -> Session {
    let mut s = session.clone();
    s.stamp(&mut changes, now);
    s.apply_all(changes);
    s
}

fn writer_id(w: usize) -> Id {
    Id::from_parts(1_763_500_000_000 + w as u64, 0xC0FFEE + w as u128)
}

/// One step of the simulation.
#[derive(Debug, Clone)]
enum Op {
    /// `writer` makes edit number `what` (see [`changes_for`]) `wait` ms
    /// after the previous step; `pick` chooses the entity, `index` where.
    Edit { writer: usize, what: u8, pick: u16, index: u16, wait: u16 },
    /// The sync tool copies `from`'s journal and the file, as they are now,
    /// towards `to`; the copy arrives at a later `Deliver`.
    Sync { from: usize, to: usize },
    /// The oldest `count` copies on their way to `to` arrive.
    Deliver { to: usize, count: usize },
    /// `writer` replays what it has; `shuffle` orders (and duplicates)
    /// the journals it passes.
    Integrate { writer: usize, shuffle: u8 },
    /// `writer` takes the compaction lock and folds what it has into the file.
    Compact { writer: usize },
}

const EDIT_KINDS: u8 = 27;

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        8 => (0..WRITERS, 0..EDIT_KINDS, any::<u16>(), any::<u16>(), 0..2500u16)
            .prop_map(|(writer, what, pick, index, wait)| Op::Edit { writer, what, pick, index, wait }),
        3 => (0..WRITERS, 0..WRITERS).prop_map(|(from, to)| Op::Sync { from, to }),
        3 => (0..WRITERS, 1..4usize).prop_map(|(to, count)| Op::Deliver { to, count }),
        3 => (0..WRITERS, any::<u8>()).prop_map(|(writer, shuffle)| Op::Integrate { writer, shuffle }),
        1 => (0..WRITERS).prop_map(|writer| Op::Compact { writer }),
    ]
}

/// What a sync tool carries: a whole journal (its first `len` entries) or
/// the file at some version.
#[derive(Debug, Clone, Copy)]
enum Transfer {
    Journal { from: usize, len: usize },
    File { version: usize },
}

struct Writer {
    id: Id,
    /// Its wall clock is this far off the room's.
    skew_ms: i64,
    clock: Hlc,
    journal: Vec<Entry>,
    /// How much of each writer's journal it has (its own: all).
    have: [usize; WRITERS],
    /// Which version of the file it has.
    base: usize,
    in_transit: VecDeque<Transfer>,
    replica: Session,
    /// The file version and journal lengths the replica was replayed from.
    replayed_from: (usize, [usize; WRITERS]),
    /// The last entry of each other writer it replayed.
    seen: BTreeMap<Id, u64>,
}

struct World {
    /// Every version of the session file, oldest first.
    files: Vec<Session>,
    writers: Vec<Writer>,
    /// The room's time, in ms since [`start`].
    room_ms: i64,
    checks: Checks,
}

/// What [`simulate`] checks beyond convergence, controls and votes.
#[derive(Debug, Clone, Copy, Default)]
struct Checks {
    /// After each edit, replaying the writer's journals gives what its
    /// screen shows (the next replay does not take the edit back).
    echo: bool,
    /// The outcome is what replaying every journal over the first file
    /// gives: it does not depend on when the compactions happened
    /// (`Some(true)`: down to the order of lists).
    never_folded: Option<bool>,
    /// An entity moved (a remove then a put in one entry) and never
    /// deleted is still there; without, a move counts as a delete.
    moved_survive: bool,
}

impl World {
    fn new(skews: [i64; WRITERS], checks: Checks) -> World {
        let base = base();
        let writers = (0..WRITERS)
            .map(|w| Writer {
                id: writer_id(w),
                skew_ms: skews[w],
                clock: Hlc::default(),
                journal: Vec::new(),
                have: [0; WRITERS],
                base: 0,
                in_transit: VecDeque::new(),
                replica: base.clone(),
                replayed_from: (0, [0; WRITERS]),
                seen: BTreeMap::new(),
            })
            .collect();
        World { files: vec![base], writers, room_ms: 0, checks }
    }

    fn journal(&self, v: usize, len: usize) -> WriterJournal {
        WriterJournal {
            writer: Some(self.writers[v].id),
            session: Some(self.files[0].id),
            entries: self.writers[v].journal[..len].to_vec(),
            ..WriterJournal::default()
        }
    }

    /// The journals `w` has, in an order (and with duplicates) chosen by
    /// `shuffle`, as a reader finds them on disk in no fixed order.
    fn journals_of(&self, w: usize, shuffle: u8) -> Vec<WriterJournal> {
        self.journals_with(w, self.writers[w].have, shuffle)
    }

    /// The journals `w` has when it has `have` of the others'.
    fn journals_with(&self, w: usize, have: [usize; WRITERS], shuffle: u8) -> Vec<WriterJournal> {
        let mut journals: Vec<WriterJournal> = (0..WRITERS)
            .map(|v| self.journal(v, if v == w { self.writers[w].journal.len() } else { have[v] }))
            .collect();
        journals.rotate_left(usize::from(shuffle) % WRITERS);
        if shuffle & 0x10 != 0 {
            journals.reverse();
        }
        for v in 0..WRITERS {
            if shuffle & (0x20 << v) != 0 {
                journals.push(journals[v].clone());
            }
        }
        journals
    }

    fn now_of(&self, w: usize) -> (i64, Timestamp) {
        let ms = self.room_ms + self.writers[w].skew_ms;
        let at = start() + TimeDelta::seconds(ms.div_euclid(1000));
        (at.timestamp_millis() + ms.rem_euclid(1000), at)
    }

    fn run(&mut self, op: &Op) {
        match *op {
            Op::Edit { writer, what, pick, index, wait } => {
                self.room_ms += i64::from(wait);
                self.edit(writer, what, pick, index);
            }
            Op::Sync { from, to } => {
                let len = self.writers[from].journal.len();
                let version = self.files.len() - 1;
                let transit = &mut self.writers[to].in_transit;
                transit.push_back(Transfer::Journal { from, len });
                transit.push_back(Transfer::File { version });
            }
            Op::Deliver { to, count } => {
                for _ in 0..count {
                    let Some(copy) = self.writers[to].in_transit.pop_front() else { break };
                    let writer = &mut self.writers[to];
                    match copy {
                        // A copy never shortens a journal: the tool copies
                        // only what changed since.
                        Transfer::Journal { from, len } if from != to => {
                            writer.have[from] = writer.have[from].max(len);
                        }
                        Transfer::Journal { .. } => {}
                        Transfer::File { version } => writer.base = writer.base.max(version),
                    }
                }
            }
            Op::Integrate { writer, shuffle } => self.integrate(writer, shuffle),
            Op::Compact { writer } => self.compact(writer),
        }
    }

    fn integrate(&mut self, w: usize, shuffle: u8) {
        let journals = self.journals_of(w, shuffle);
        let mut replica = self.files[self.writers[w].base].clone();
        let replayed = replay(&mut replica, &journals);
        check_controls(&replica);
        let writer = &mut self.writers[w];
        writer.clock = writer.clock.max(replayed.newest);
        writer.seen = replayed.seen;
        writer.seen.remove(&writer.id);
        writer.replica = replica;
        writer.replayed_from = (writer.base, writer.have);
        // As the editor does: what settling the controls changed is
        // recorded as an edit, so it holds.
        if !replayed.settled.is_empty() {
            let (now_ms, now) = self.now_of(w);
            self.record(w, replayed.settled, now_ms, now);
        }
    }

    /// Under the compaction lock the writer reads the file as it is now
    /// (the newest version) and folds in every journal it has.
    fn compact(&mut self, w: usize) {
        let journals = self.journals_of(w, 0);
        let mut file = self.files.last().expect("a file").clone();
        replay(&mut file, &journals);
        mark_folded(&mut file, &journals);
        check_controls(&file);
        self.files.push(file);
        self.writers[w].base = self.files.len() - 1;
        self.integrate(w, 0);
    }

    fn edit(&mut self, w: usize, what: u8, pick: u16, index: u16) {
        let (now_ms, now) = self.now_of(w);
        let writer = &mut self.writers[w];
        let session = &writer.replica;
        let mut changes = changes_for(session, what, pick, index, now);
        if changes.is_empty() {
            return;
        }
        // As the editor does: votes counted, versions stamped, applied,
        // and the session's own time touched.
        session.count_votes(&mut changes);
        writer.replica.stamp(&mut changes, now);
        writer.replica.apply_all(changes.clone());
        self.record(w, changes, now_ms, now);
    }

    /// Journals `changes` (already applied to the writer's replica) as the
    /// editor's saver does.
    fn record(&mut self, w: usize, mut changes: Vec<Change>, now_ms: i64, now: Timestamp) {
        let writer = &mut self.writers[w];
        changes.push(Change::Touched(now));
        writer.replica.updated = now;
        let places = changes
            .iter()
            .filter_map(|c| match c {
                Change::Put { entity, .. } => {
                    writer.replica.place_of(entity.kind(), entity.id()).map(|p| (entity.id(), p))
                }
                _ => None,
            })
            .collect();
        writer.clock = writer.clock.next(now_ms);
        let entry = Entry {
            seq: writer.journal.len() as u64 + 1,
            at: now,
            clock: writer.clock,
            seen: writer.seen.iter().map(|(id, seq)| (*id, *seq)).collect(),
            places,
            changes,
            left: false,
        };
        writer.journal.push(entry);
        check_controls(&writer.replica);
        if self.checks.echo {
            self.check_echo(w);
        }
    }

    /// What the writer's screen shows after its edit is what replaying its
    /// journal gives: the next replay does not take the edit back.
    fn check_echo(&self, w: usize) {
        let (base, have) = self.writers[w].replayed_from;
        let mut replayed = self.files[base].clone();
        replay(&mut replayed, &self.journals_with(w, have, 0));
        // Content, not order: where twins inserted at one place in one
        // moment land relative to each other is the one known limit (see
        // `concurrent_inserts_keep_their_order_whenever_the_file_is_compacted`).
        let (mut replayed, mut local) =
            (shown(&replayed, false), shown(&self.writers[w].replica, false));
        for s in [&mut replayed, &mut local] {
            *s.journals = Default::default();
            s.updated = start();
        }
        assert!(
            replayed == local,
            "writer {w}'s edit looks different once replayed {}",
            difference(&local, &replayed)
        );
    }

    /// Everything reaches everyone: the newest file and every journal whole.
    fn deliver_all(&mut self) {
        let lens: Vec<usize> = self.writers.iter().map(|w| w.journal.len()).collect();
        let newest = self.files.len() - 1;
        for writer in &mut self.writers {
            writer.have.copy_from_slice(&lens);
            writer.base = newest;
            writer.in_transit.clear();
        }
    }

    fn all_entries(&self) -> impl Iterator<Item = &Entry> {
        self.writers.iter().flat_map(|w| &w.journal)
    }
}

fn pick<T>(list: &[T], seed: u16) -> Option<&T> {
    (!list.is_empty()).then(|| &list[usize::from(seed) % list.len()])
}

fn at_index(len: usize, seed: u16) -> usize {
    usize::from(seed) % (len + 1)
}

/// Edit number `what` on `s`, as the editor's keys and forms make it.
fn changes_for(s: &Session, what: u8, p: u16, i: u16, now: Timestamp) -> Vec<Change> {
    let text = |what: &str| format!("{what} {p}");
    match what {
        0 => {
            let mut need = Need::new(text("Нет воды"), now);
            need.settlement = pick(&s.settlements, i).map(|x| x.id);
            vec![Change::Put { entity: Entity::Need(need), index: at_index(s.needs.len(), i) }]
        }
        1 => pick(&s.needs, p).map_or_else(Vec::new, |n| {
            let mut n = n.clone();
            n.title = text("Жолдор");
            n.updated = now;
            vec![edit::put(Entity::Need(n))]
        }),
        2 => pick(&s.needs, p).map_or_else(Vec::new, |n| edit::cycle_need_status(s, n.id, now)),
        3 => pick(&s.needs, p)
            .map_or_else(Vec::new, |n| edit::delete(s, EntityKind::Need, n.id, now)),
        4..=6 => pick(&s.needs, p).map_or_else(Vec::new, |n| edit::vote(s, n.id, 1)),
        7 => pick(&s.needs, p).map_or_else(Vec::new, |n| edit::vote(s, n.id, -1)),
        8 => {
            let proposal = Proposal {
                id: Id::new(),
                updated: now,
                kind: ProposalKind::Proposal,
                text: text("Предложение"),
                author: pick(&s.participants, i).map(|x| x.id),
                time: now,
                agenda_item: s.active_item().map(|a| a.id),
                need: pick(&s.needs, p).map(|x| x.id),
            };
            let index = at_index(s.proposals.len(), i);
            vec![Change::Put { entity: Entity::Proposal(proposal), index }]
        }
        9 => {
            pick(&s.proposals, p).map_or_else(Vec::new, |x| edit::cycle_proposal_kind(s, x.id, now))
        }
        10 => pick(&s.proposals, p)
            .map_or_else(Vec::new, |x| edit::delete(s, EntityKind::Proposal, x.id, now)),
        11 => pick(&s.proposals, p).map_or_else(Vec::new, |x| edit::promote(s, x.id, now)),
        12 => {
            let mut action = Action::new(text("Установить фонари"), now);
            action.needs = pick(&s.needs, p).map(|x| x.id).into_iter().collect();
            vec![Change::Put {
                entity: Entity::Action(action),
                index: at_index(s.actions.len(), i),
            }]
        }
        13 => {
            pick(&s.actions, p).map_or_else(Vec::new, |x| edit::cycle_action_status(s, x.id, now))
        }
        14 => pick(&s.actions, p)
            .map_or_else(Vec::new, |x| edit::delete(s, EntityKind::Action, x.id, now)),
        15 => {
            let person = Participant::new(text("Осмонова Нургүл"), StakeholderGroup::Expert, now);
            vec![Change::Put { entity: Entity::Participant(person), index: usize::MAX }]
        }
        16 => {
            pick(&s.participants, p).map_or_else(Vec::new, |x| edit::toggle_present(s, x.id, now))
        }
        17 => pick(&s.participants, p)
            .map_or_else(Vec::new, |x| edit::delete(s, EntityKind::Participant, x.id, now)),
        18 => {
            let item = AgendaItem::new(text("Пункт"), 10, now);
            vec![Change::Put {
                entity: Entity::AgendaItem(item),
                index: at_index(s.agenda.len(), i),
            }]
        }
        19 => pick(&s.agenda, p).map_or_else(Vec::new, |x| {
            let mut x = x.clone();
            x.title = text("Пункт повестки");
            x.updated = now;
            vec![edit::put(Entity::AgendaItem(x))]
        }),
        20 => pick(&s.agenda, p)
            .map_or_else(Vec::new, |x| edit::delete(s, EntityKind::AgendaItem, x.id, now)),
        // Reorder: take the item out and put it back at another index.
        21 => pick(&s.agenda, p).map_or_else(Vec::new, |x| {
            let mut moved = x.clone();
            moved.updated = now;
            let index = at_index(s.agenda.len() - 1, i);
            vec![
                Change::Remove { kind: EntityKind::AgendaItem, id: x.id },
                Change::Put { entity: Entity::AgendaItem(moved), index },
            ]
        }),
        22 => {
            if i.is_multiple_of(2) {
                edit::next_item(s, now)
            } else {
                pick(&s.agenda, p).map_or_else(Vec::new, |x| edit::start_stop(s, x.id, now))
            }
        }
        23 => {
            let item = s.active_item().or_else(|| pick(&s.agenda, i));
            match (item, pick(&s.participants, p)) {
                (Some(item), Some(person)) => edit::queue_speaker(s, item.id, person.id, now),
                _ => Vec::new(),
            }
        }
        24 => {
            if i.is_multiple_of(3) {
                edit::end_turn(s, now)
            } else {
                edit::next_speaker(s, now)
            }
        }
        25 => pick(&s.participants, p)
            .map_or_else(Vec::new, |x| edit::move_in_queue(s, x.id, i.is_multiple_of(2), now)),
        _ => {
            let mut header = s.header();
            header.title = text("Круглый стол «Аракет»");
            header.secretary = text("Касымова");
            vec![Change::Header(header)]
        }
    }
}

/// Every entity of a session, by kind and id.
fn entities(s: &Session) -> Vec<(EntityKind, Id)> {
    use EntityKind as K;
    let mut all = Vec::new();
    all.extend(s.settlements.iter().map(|x| (K::Settlement, x.id)));
    all.extend(s.participants.iter().map(|x| (K::Participant, x.id)));
    all.extend(s.agenda.iter().map(|x| (K::AgendaItem, x.id)));
    all.extend(s.speaker_turns.iter().map(|x| (K::SpeakerTurn, x.id)));
    all.extend(s.needs.iter().map(|x| (K::Need, x.id)));
    all.extend(s.proposals.iter().map(|x| (K::Proposal, x.id)));
    all.extend(s.actions.iter().map(|x| (K::Action, x.id)));
    all.extend(s.private_notes.iter().map(|x| (K::PrivateNote, x.id)));
    all.extend(s.events.iter().map(|x| (K::Event, x.id)));
    all
}

/// Whether an entry removes `id`; with `moves`, for good (not a move: a
/// remove then a put).
fn deleted<'a>(mut entries: impl Iterator<Item = &'a Entry>, id: Id, moves: bool) -> bool {
    entries.any(|e| {
        let removed =
            e.changes.iter().rposition(|c| matches!(c, Change::Remove { id: x, .. } if *x == id));
        let put = e
            .changes
            .iter()
            .rposition(|c| matches!(c, Change::Put { entity, .. } if entity.id() == id));
        removed.is_some_and(|r| !moves || put.is_none_or(|p| p < r))
    })
}

/// One agenda item runs at a time, one person speaks at a time.
fn check_controls(s: &Session) {
    let active = s.agenda.iter().filter(|a| a.status == AgendaStatus::Active).count();
    assert!(active <= 1, "{active} agenda items active at once");
    let speaking = s.speaker_turns.iter().filter(|t| t.is_speaking()).count();
    assert!(speaking <= 1, "{speaking} people speak at once");
}

/// The lines where two sessions' files differ, to read in a failure.
fn difference(a: &Session, b: &Session) -> String {
    let (a, b) = (to_ron(a).expect("serialises"), to_ron(b).expect("serialises"));
    let (a, b): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    let Some(first) = (0..a.len().max(b.len())).find(|i| a.get(*i) != b.get(*i)) else {
        return "no difference".into();
    };
    let from = first.saturating_sub(8);
    let show =
        |lines: &[&str]| lines[from.min(lines.len())..(first + 12).min(lines.len())].join("\n");
    format!("from line {}:\n--- left\n{}\n--- right\n{}", first + 1, show(&a), show(&b))
}

/// What a session shows, without the bookkeeping of what it folded in;
/// with `order` false, every list sorted by id (what it holds, not where).
fn shown(s: &Session, order: bool) -> Session {
    let mut s = s.clone();
    s.journals.folded.clear();
    if !order {
        s.settlements.sort_by_key(|x| x.id);
        s.participants.sort_by_key(|x| x.id);
        s.agenda.sort_by_key(|x| x.id);
        s.speaker_turns.sort_by_key(|x| x.id);
        s.needs.sort_by_key(|x| x.id);
        s.proposals.sort_by_key(|x| x.id);
        s.actions.sort_by_key(|x| x.id);
        s.private_notes.sort_by_key(|x| x.id);
        s.events.sort_by_key(|x| x.id);
    }
    s
}

/// Runs `ops`, delivers everything, and checks the replicas agree, and
/// what `checks` asks for.
fn simulate(skews: [i64; WRITERS], ops: &[Op], checks: Checks) -> Result<(), TestCaseError> {
    let mut world = World::new(skews, checks);
    for op in ops {
        world.run(op);
    }
    // Deliver until quiet: integrating may record what settling the
    // controls changed (as the editor does), which must reach everyone too.
    loop {
        let before = world.all_entries().count();
        world.deliver_all();
        for w in 0..WRITERS {
            world.integrate(w, (w as u8) * 0x31 + 0x60);
        }
        if world.all_entries().count() == before {
            break;
        }
    }
    let first = &world.writers[0].replica;
    for writer in &world.writers[1..] {
        prop_assert!(
            writer.replica == *first,
            "replicas differ {}",
            difference(&writer.replica, first)
        );
    }
    check_controls(first);

    // Compaction by each writer, with the journals in its own order.
    let texts: Vec<String> = (0..WRITERS)
        .map(|w| {
            let journals = world.journals_of(w, (w as u8) * 0x13 + 0x90);
            let mut file = world.files.last().expect("a file").clone();
            replay(&mut file, &journals);
            mark_folded(&mut file, &journals);
            to_ron(&file).expect("serialises")
        })
        .collect();
    prop_assert_eq!(&texts[0], &texts[1]);
    prop_assert_eq!(&texts[0], &texts[2]);

    // Nothing in the first file or added since is lost unless someone
    // deleted it (a remove then a put of the same id in one entry is a move).
    let base = &world.files[0];
    let added = world.all_entries().flat_map(|e| &e.changes).filter_map(|c| match c {
        Change::Put { entity, .. } => Some((entity.kind(), entity.id())),
        _ => None,
    });
    for (kind, id) in entities(base).into_iter().chain(added) {
        if first.version_of(kind, id).is_some() {
            continue;
        }
        let deleted = deleted(world.all_entries(), id, checks.moved_survive);
        prop_assert!(deleted, "{kind:?} {id} is lost");
    }

    // Every +1 counted, on needs nobody deleted or voted down.
    for need in &first.needs {
        let changes = || world.all_entries().flat_map(|e| &e.changes);
        let deleted = changes().any(|c| matches!(c, Change::Remove { id, .. } if *id == need.id));
        let deltas: Vec<i32> = changes()
            .filter_map(|c| match c {
                Change::Vote { need: n, delta } if *n == need.id => Some(*delta),
                _ => None,
            })
            .collect();
        if deleted || deltas.iter().any(|d| *d < 0) {
            continue;
        }
        let before = base.need(need.id).map_or(0, |n| n.votes);
        prop_assert_eq!(need.votes, before + deltas.len() as u32, "votes lost on {}", need.title);
    }
    // The same journals over the first file, never compacted in between:
    // folding earlier must not change what the meeting ends with.
    let Some(order) = checks.never_folded else { return Ok(()) };
    let journals = world.journals_of(0, 0);
    let mut never_folded = world.files[0].clone();
    replay(&mut never_folded, &journals);
    let (never_folded, first) = (shown(&never_folded, order), shown(first, order));
    prop_assert!(
        never_folded == first,
        "compaction changed the outcome {}",
        difference(&never_folded, &first)
    );

    Ok(())
}

fn skews() -> impl Strategy<Value = [i64; WRITERS]> {
    [-3000..3000i64, -3000..3000i64, -3000..3000i64]
}

proptest! {
    #[test]
    fn three_writers_converge(skews in skews(), ops in prop::collection::vec(op(), 1..80)) {
        simulate(skews, &ops, Checks::default())?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]
    /// Longer meetings, more cases (about two minutes):
    /// `cargo test --test convergence -- --ignored three_writers_converge_over_long_meetings`.
    #[test]
    #[ignore = "slow: a heavier run of the convergence property"]
    fn three_writers_converge_over_long_meetings(
        skews in skews(),
        ops in prop::collection::vec(op(), 1..400),
    ) {
        simulate(skews, &ops, Checks::default())?;
    }
}

proptest! {
    /// Known to fail (see the `#[ignore]`d example below): where two items
    /// inserted at one place in the same moment land relative to each other
    /// can depend on whether one was already folded into the file when the
    /// other is replayed (both always survive; the file keeps each entity's
    /// version, which settles every other kind of race, but not the order
    /// of such twins).
    #[test]
    #[ignore = "fails: the outcome depends on when compactions happened (see below)"]
    fn compaction_at_any_time_gives_what_replaying_everything_gives(
        skews in skews(),
        ops in prop::collection::vec(op(), 1..80),
    ) {
        simulate(skews, &ops, Checks { never_folded: Some(false), ..Checks::default() })?;
    }
}

proptest! {
    /// What a writer's screen shows after its edit is what every replay of
    /// its journal gives, also when settling the controls stopped an item
    /// (the editor records that as an edit, so a later replay keeps it).
    #[test]
    fn every_edit_looks_the_same_once_replayed(
        skews in skews(),
        ops in prop::collection::vec(op(), 1..80),
    ) {
        simulate(skews, &ops, Checks { echo: true, ..Checks::default() })?;
    }
}

proptest! {
    /// Two people moving one item at once never delete it, however the
    /// file was folded in between.
    #[test]
    fn nothing_moved_is_lost(
        skews in skews(),
        ops in prop::collection::vec(op(), 1..80),
    ) {
        simulate(skews, &ops, Checks { moved_survive: true, ..Checks::default() })?;
    }
}

/// Everything delivered to everyone; each replays with its own order of
/// journals. The replicas, which the caller checks are one.
fn settle(world: &mut World) -> Vec<Session> {
    world.deliver_all();
    for w in 0..WRITERS {
        world.integrate(w, (w as u8) * 0x47 + 0x11);
    }
    let replicas: Vec<Session> = world.writers.iter().map(|w| w.replica.clone()).collect();
    for replica in &replicas[1..] {
        assert!(*replica == replicas[0], "replicas differ {}", difference(replica, &replicas[0]));
    }
    replicas
}

fn edit_op(writer: usize, what: u8, pick: u16, index: u16, wait: u16) -> Op {
    Op::Edit { writer, what, pick, index, wait }
}

/// Edit numbers of [`changes_for`] the examples use.
const ADD_PARTICIPANT: u8 = 15;
const ADD_AGENDA_ITEM: u8 = 18;
const NEXT_ITEM: u8 = 22; // with an even index
const START_STOP: u8 = 22; // with an odd index
const NEXT_SPEAKER: u8 = 24; // with an index not divisible by 3
const EDIT_NEED: u8 = 1;
const DELETE_NEED: u8 = 3;
const CYCLE_PROPOSAL_KIND: u8 = 9;
const DELETE_PROPOSAL: u8 = 10;
const DELETE_AGENDA_ITEM: u8 = 20;
const MOVE_AGENDA_ITEM: u8 = 21;
const EDIT_HEADER: u8 = 26;

/// C puts an item first, then one after the (old) first item; A, not
/// having seen either, puts one after the first item too, a little later.
/// By index A's would land before the old first item (C's first insert
/// moved it down); by neighbour both sit right after it.
#[test]
fn two_items_inserted_at_one_place_at_once_both_survive_in_one_order() {
    let mut world = World::new([0, 0, 0], Checks::default());
    let before: Vec<Id> = world.files[0].agenda.iter().map(|a| a.id).collect();
    world.run(&edit_op(2, ADD_AGENDA_ITEM, 3, 0, 0));
    world.run(&edit_op(2, ADD_AGENDA_ITEM, 2, 2, 0));
    world.run(&edit_op(0, ADD_AGENDA_ITEM, 1, 1, 10));
    let replicas = settle(&mut world);
    let agenda = &replicas[0].agenda;
    assert_eq!(agenda.len(), before.len() + 3);
    assert_eq!(agenda[0].title, "Пункт 3");
    assert_eq!(agenda[1].id, before[0]);
    let mut inserted: Vec<&str> = agenda[2..4].iter().map(|a| a.title.as_str()).collect();
    inserted.sort_unstable();
    assert_eq!(inserted, ["Пункт 1", "Пункт 2"], "both sit after the old first item");
    let rest: Vec<Id> = agenda[4..].iter().map(|a| a.id).collect();
    assert_eq!(rest, before[1..], "the other items keep their order");
}

#[test]
fn two_people_pressing_n_at_once_advance_the_agenda_by_one_item() {
    let mut world = World::new([0, 300, 0], Checks::default());
    let agenda = world.files[0].agenda.clone();
    let (running, next) = (agenda[2].id, agenda[3].id);
    assert_eq!(world.files[0].active_item().map(|a| a.id), Some(running));
    world.run(&edit_op(0, NEXT_ITEM, 0, 0, 0));
    world.run(&edit_op(1, NEXT_ITEM, 0, 0, 0));
    let s = &settle(&mut world)[0];
    assert_eq!(s.active_item().map(|a| a.id), Some(next), "the next item runs, not the one after");
    let next = s.agenda_item(next).expect("still there");
    assert_eq!(next.runs.len(), 1, "started once: {:?}", next.runs);
    let running = s.agenda_item(running).expect("still there");
    assert_eq!(running.status, AgendaStatus::Done);
    assert!(running.runs.iter().all(|r| r.end.is_some()));
}

#[test]
fn two_people_giving_the_floor_at_once_make_one_speaker() {
    let mut world = World::new([0, 200, -200], Checks::default());
    let first = world.files[0].participants[1].id;
    let second = world.files[0].participants[2].id;
    world.run(&edit_op(0, NEXT_SPEAKER, 0, 1, 0));
    world.run(&edit_op(1, NEXT_SPEAKER, 0, 1, 0));
    world.run(&edit_op(2, NEXT_SPEAKER, 0, 1, 0));
    let s = &settle(&mut world)[0];
    let speaking: Vec<Id> =
        s.speaker_turns.iter().filter(|t| t.is_speaking()).map(|t| t.participant).collect();
    assert_eq!(speaking, [first], "the first in the queue speaks, alone");
    let waiting: Vec<Id> =
        s.speaker_turns.iter().filter(|t| t.is_queued()).map(|t| t.participant).collect();
    assert_eq!(waiting, [second], "the second still waits");
}

#[test]
fn a_delete_beats_an_older_edit_delivered_after_the_file_folded_the_delete() {
    let mut world = World::new([0, 0, 0], Checks::default());
    let need = world.files[0].needs[0].id;
    // A edits the need; four seconds later B, who has not seen that,
    // deletes it and folds its journal into the file at once.
    world.run(&edit_op(0, EDIT_NEED, 0, 0, 0));
    world.run(&edit_op(1, DELETE_NEED, 0, 0, 4000));
    world.run(&Op::Compact { writer: 1 });
    assert!(world.files.last().expect("file").journals.removed.contains_key(&need));
    let replicas = settle(&mut world);
    assert!(replicas[0].need(need).is_none(), "the late, older edit does not bring it back");
    let journals = world.journals_of(2, 0);
    let mut never_folded = world.files[0].clone();
    replay(&mut never_folded, &journals);
    assert!(never_folded.need(need).is_none(), "nor without the compaction");
}

#[test]
fn votes_cast_at_once_by_three_people_all_count() {
    let mut world = World::new([0, 5, -5], Checks::default());
    let before = world.files[0].needs[1].votes;
    for writer in 0..WRITERS {
        world.run(&edit_op(writer, 4, 1, 0, 0));
    }
    world.run(&Op::Compact { writer: 2 });
    assert_eq!(settle(&mut world)[0].needs[1].votes, before + 3);
}

/// Found by the property above. A and C each add a participant at the end
/// of the list in the same millisecond; C folds its journal into the file
/// before A's arrives. Replaying both journals over the first file puts
/// C's (the later clock: same millis, larger writer id) first, A's second;
/// replaying A's over C's compacted file puts A's right after the old last
/// participant, before C's. Expected: one order, whenever the file was
/// compacted (e.g. entries placed after one neighbour ordered by clock,
/// as an RGA does, which needs the insert's clock kept with the entity).
#[test]
#[ignore = "bug in store::shared::replay: concurrent inserts reorder when one was folded first"]
fn concurrent_inserts_keep_their_order_whenever_the_file_is_compacted() {
    let ops = [
        edit_op(0, ADD_PARTICIPANT, 0, 0, 0),
        edit_op(2, ADD_PARTICIPANT, 0, 0, 0),
        Op::Compact { writer: 2 },
    ];
    simulate([0, 0, 0], &ops, Checks { never_folded: Some(true), ..Checks::default() }).unwrap();
}

/// Found by the property above. C (clock 48 ms behind) deletes proposal 3
/// at 09:59:59.953; A, not having seen that, changes its kind at
/// 10:00:00.001 (version 10:00:00). Replayed together over the first file,
/// the delete comes first and A's newer edit brings the proposal back
/// (a tombstone only beats older puts). But if A folded its edit into the
/// file before C's delete arrived, replay no longer knows A's put was
/// concurrent (`last_put` lives only for one replay), so the delete wins
/// and A's edit is gone. Expected: the same outcome either way.
#[test]
fn a_delete_and_a_newer_concurrent_edit_end_the_same_whenever_folded() {
    let ops = [
        edit_op(0, CYCLE_PROPOSAL_KIND, 3, 0, 1),
        edit_op(2, DELETE_PROPOSAL, 3, 0, 0),
        Op::Compact { writer: 0 },
    ];
    simulate([0, 0, -48], &ops, Checks { never_folded: Some(false), ..Checks::default() }).unwrap();
}

/// Found by the property above. In the same second (same millisecond,
/// A's writer id the smaller) A deletes agenda item 0, which also clears
/// proposal 0's link to it (a put of proposal 0), and C changes proposal
/// 0's kind; C folds its journal into the file first. Both puts carry the
/// version 10:00:00, and on a tie the put replayed last wins: replayed
/// together, C's (later clock) wins, with the kind changed and the link to
/// the deleted item left dangling; replayed over C's compacted file, A's
/// wins and C's change of kind is lost. Expected: a tie broken the same
/// way whatever was folded first (e.g. by the entry's clock and writer).
#[test]
fn two_edits_of_one_entity_in_one_second_end_the_same_whenever_folded() {
    let ops = [
        edit_op(0, DELETE_AGENDA_ITEM, 0, 0, 0),
        edit_op(2, CYCLE_PROPOSAL_KIND, 0, 0, 0),
        Op::Compact { writer: 2 },
    ];
    simulate([0, 0, 0], &ops, Checks { never_folded: Some(false), ..Checks::default() }).unwrap();
}

/// Found by the property above. C presses `n` (agenda item 2 stops, item
/// 3 starts, 10:00:00.024). A, not having seen that, starts item 1 with
/// `s` a second later. A then receives C's journal and replays: two items
/// run, and `settle_controls` stops item 3 (started earlier) in A's
/// picture only: no entry records that. A, seeing item 1 run and item 3
/// done, deletes item 1. A's screen shows no item running; replaying A's
/// journals shows item 3 running again, its run reopened from 10:00:00.
/// (Folded into a file in between, item 3 would stay done: the outcome also
/// depends on compaction.) Expected: item 3 stays stopped, e.g. by having
/// the replay's settling recorded, or by an edit that deletes the running
/// item also carrying the stop of the items it had settled.
#[test]
fn an_item_stopped_by_settling_stays_stopped_after_the_winner_is_deleted() {
    let ops = [
        edit_op(2, NEXT_ITEM, 0, 0, 24),
        Op::Sync { from: 2, to: 0 },
        edit_op(0, START_STOP, 1, 1, 976),
        Op::Deliver { to: 0, count: 1 },
        Op::Integrate { writer: 0, shuffle: 0 },
        edit_op(0, DELETE_AGENDA_ITEM, 1, 0, 0),
    ];
    simulate([0, 0, 0], &ops, Checks { echo: true, ..Checks::default() }).unwrap();
}

/// Found by the long property run (data loss). A moves agenda item 0
/// (a remove and a put at its new index, version 10:00:00); two seconds
/// later C, not having seen that, moves it too (version 10:00:02) and
/// folds its journal into the file: the file holds the item at 10:00:02
/// and a tombstone of 10:00:02 from C's own remove. Replaying A's move over
/// that file: A's remove is applied (replay no longer knows C's put was
/// concurrent, `last_put` lives only for one replay), then A's put is older
/// than the tombstone and skipped. The item is gone for everyone, though
/// nobody deleted it. Replayed over the first file it survives. Expected:
/// it survives (a remove older than the version in the file loses to it;
/// or a move is not journaled as a remove).
#[test]
fn an_item_two_people_move_at_once_survives_compaction() {
    let mut world = World::new([0, 0, 0], Checks::default());
    let item = world.files[0].agenda[0].id;
    world.run(&edit_op(0, MOVE_AGENDA_ITEM, 0, 1, 0));
    world.run(&edit_op(2, MOVE_AGENDA_ITEM, 0, 2, 2000));
    world.run(&Op::Compact { writer: 2 });
    let replicas = settle(&mut world);
    assert!(replicas[0].agenda_item(item).is_some(), "the item both moved is gone");
}

/// A edits the first need's title (pick 4 of 4 needs); a second later C,
/// not having seen that, edits it too. Replaying: C's title stands, and A
/// is told, with A's version.
fn concurrent_titles(compact_first: bool) -> (Session, Vec<Conflict>, Id) {
    let mut world = World::new([0, 0, 0], Checks::default());
    let need = world.files[0].needs[0].id;
    world.run(&edit_op(0, EDIT_NEED, 4, 0, 0));
    world.run(&edit_op(2, EDIT_NEED, 8, 0, 1000));
    if compact_first {
        world.run(&Op::Compact { writer: 2 });
    }
    world.deliver_all();
    let mut session = world.files.last().expect("a file").clone();
    let conflicts = replay(&mut session, &world.journals_of(1, 0)).conflicts;
    (session, conflicts, need)
}

#[test]
fn the_author_of_an_edit_that_lost_is_told_with_their_version() {
    let (session, conflicts, need) = concurrent_titles(false);
    assert_eq!(session.need(need).map(|n| n.title.as_str()), Some("Жолдор 8"));
    let [conflict] = conflicts.as_slice() else { panic!("one conflict: {conflicts:?}") };
    assert_eq!((conflict.loser, conflict.winner), (writer_id(0), Some(writer_id(2))));
    assert!(matches!(&conflict.theirs, Entity::Need(n) if n.title == "Жолдор 4"));
}

/// The same, but C folded its edit into the file before A's journal
/// arrived: replay finds C's newer version in the file and drops A's edit
/// without a conflict (`last_put`, which tells a concurrent edit, lives
/// only for one replay), so A's text is lost silently. Expected: A is
/// told, as when nothing was folded (e.g. the file keeps who put each
/// version, or a version older than the file's is a conflict unless the
/// entry saw the file's).
#[test]
fn the_author_of_an_edit_that_lost_to_a_folded_one_is_told_too() {
    let (session, conflicts, need) = concurrent_titles(true);
    assert_eq!(session.need(need).map(|n| n.title.as_str()), Some("Жолдор 8"));
    assert_eq!(conflicts.len(), 1, "A's edit dropped without a word");
}

/// Found by an exploratory run. A presses `n` (item 2 stops, item 3
/// starts, the people queued in item 2 move to item 3); a millisecond
/// later B, not having seen that, gives the floor in item 2 to the first
/// in its queue. Both puts of that turn carry the version 10:00:00, B's is
/// replayed last and wins: the person speaks in item 2, which is done, and
/// their timer runs on ("a turn never runs past its item" does not hold).
/// Expected: after a replay nobody speaks in an item that is not running
/// (e.g. `settle_controls` ends such a turn when its item stopped).
#[test]
fn nobody_speaks_in_an_item_that_stopped_at_the_same_time() {
    let mut world = World::new([0, 0, 0], Checks::default());
    world.run(&edit_op(0, NEXT_ITEM, 0, 0, 0));
    world.run(&edit_op(1, NEXT_SPEAKER, 0, 1, 1));
    let s = &settle(&mut world)[0];
    for turn in s.speaker_turns.iter().filter(|t| t.is_speaking()) {
        let item = s.agenda_item(turn.agenda_item).expect("its item is there");
        assert_eq!(
            item.status,
            AgendaStatus::Active,
            "speaks in {:?} item {}",
            item.status,
            item.title
        );
    }
}

/// Found while reading `replay`: the session's own fields (a `Header`
/// change) carry no version, so replay applies them in clock order. A
/// renames the meeting; two seconds later C renames it again and folds
/// its journal into the file. A's older rename, replayed over that file,
/// overwrites C's newer one. Replayed over the first file, C's stands.
/// Expected: C's title either way (the header needs a version, like an
/// entity, or replay must skip a header older than the file's).
#[test]
fn a_newer_title_stays_when_an_older_rename_arrives_after_compaction() {
    let mut world = World::new([0, 0, 0], Checks::default());
    world.run(&edit_op(0, EDIT_HEADER, 1, 0, 0));
    world.run(&edit_op(2, EDIT_HEADER, 2, 0, 2000));
    world.run(&Op::Compact { writer: 2 });
    let s = &settle(&mut world)[0];
    let mut never_folded = world.files[0].clone();
    replay(&mut never_folded, &world.journals_of(0, 0));
    assert_eq!(never_folded.title, "Круглый стол «Аракет» 2", "over the first file");
    assert_eq!(s.title, "Круглый стол «Аракет» 2", "over the compacted file");
}
