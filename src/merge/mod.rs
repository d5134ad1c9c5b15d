//! Merging sessions into the programme record.
//!
//! (Two edits of one session file are merged by [`three_way`].)
//!
//! Every session becomes a small programme record, and records are joined:
//! entities are matched by id; of two versions of one entity the one with
//! the later `updated` wins, ties broken by comparing their content, so the
//! choice never depends on the order of the inputs. The losing values go to
//! the conflict list, so nothing a session said is lost. Votes, action
//! statuses and attendance are kept per session instead of being
//! overwritten. The join is commutative, associative and idempotent, and
//! every collection is sorted, so the same sessions in any order or
//! grouping give the same file, byte for byte.

pub mod follow_up;
pub mod three_way;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde_json::{Map, Value};

use crate::model::{
    ActionHistoryEntry, AgendaRecord, Attendance, Conflict, Id, LikelyDuplicate, NeedRaise,
    Program, ProgramAction, ProgramNeed, ProgressEntry, Session, SessionRef, Speaking, Timestamp,
};
use crate::store::{CURRENT_FORMAT, Loaded};

/// An entity as a JSON object, for comparing versions field by field.
fn fields<T: Serialize>(value: &T) -> Map<String, Value> {
    match serde_json::to_value(value) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

/// The total order of versions: later `updated` first, then content.
fn version_key<T: Serialize>(updated: Timestamp, value: &T) -> (Timestamp, String) {
    (updated, serde_json::to_string(value).unwrap_or_default())
}

/// Fields whose differences are not conflicts: `updated` is the version
/// itself, and the others are kept per session elsewhere in the record.
/// A session's agenda and speaking time are its own facts, replaced as a
/// whole by the newer version of that session.
const NOT_CONFLICTS: [&str; 6] = ["updated", "votes", "status", "present", "agenda", "speaking"];

/// Records the fields in which `loser` differs from `winner`.
fn record_losses(
    id: Id,
    loser: &Map<String, Value>,
    winner: &Map<String, Value>,
    out: &mut BTreeSet<Conflict>,
) {
    for (field, value) in loser {
        if NOT_CONFLICTS.contains(&field.as_str()) || winner.get(field) == Some(value) {
            continue;
        }
        out.insert(Conflict { entity: id, field: field.clone(), value: value.to_string() });
    }
}

/// Joins every version of one kind of entity by id: the winner of each id
/// is the greatest (updated, content); the others' differing values go to
/// the conflicts. Content is only serialized for ids with several versions.
fn join_by_id<T: Serialize + Clone>(
    all: impl IntoIterator<Item = T>,
    id: impl Fn(&T) -> Id,
    updated: impl Fn(&T) -> Timestamp,
    conflicts: &mut BTreeSet<Conflict>,
) -> Vec<T> {
    let mut by_id: BTreeMap<Id, Vec<T>> = BTreeMap::new();
    for x in all {
        by_id.entry(id(&x)).or_default().push(x);
    }
    by_id
        .into_iter()
        .map(|(key, mut versions)| {
            if versions.len() == 1 {
                return versions.pop().expect("one version");
            }
            let mut keyed: Vec<((Timestamp, String), T)> =
                versions.into_iter().map(|v| (version_key(updated(&v), &v), v)).collect();
            keyed.sort_by(|a, b| a.0.cmp(&b.0));
            let (_, winner) = keyed.pop().expect("several versions");
            let winner_fields = fields(&winner);
            for (_, loser) in &keyed {
                record_losses(key, &fields(loser), &winner_fields, conflicts);
            }
            winner
        })
        .collect()
}

/// Per-session facts (votes, statuses, attendance): one per session, the
/// newer version winning.
fn join_per_session<T: Clone + Serialize>(
    all: Vec<T>,
    session: impl Fn(&T) -> Id,
    updated: impl Fn(&T) -> Option<Timestamp>,
) -> Vec<T> {
    let mut by_session: BTreeMap<Id, Vec<T>> = BTreeMap::new();
    for item in all {
        by_session.entry(session(&item)).or_default().push(item);
    }
    by_session
        .into_values()
        .map(|mut versions| {
            if versions.len() > 1 {
                versions.sort_by_cached_key(|v| {
                    (updated(v), serde_json::to_string(v).unwrap_or_default())
                });
            }
            versions.pop().expect("at least one")
        })
        .collect()
}

/// The field under which a later edit of a session's action status is
/// listed in the conflicts.
pub fn history_field(session: Id) -> String {
    format!("history.{session}")
}

/// Whether a version of a session's history entry was written on or before
/// the meeting's day (in its own time zone): what the meeting decided.
fn decided_at_meeting(h: &ActionHistoryEntry) -> bool {
    h.updated.date_naive() <= h.date
}

/// An action's status per session. The meeting's own decision stands: of
/// the versions written on the meeting's day the last wins; a later edit
/// of the session (after the meeting) never rewrites it, and its status is
/// listed in the conflicts instead. With only later edits, the earliest
/// stands. Losing statuses of later edits go to the conflicts; settled ones
/// are dropped by `normalise`, so the result is the same in any grouping.
fn join_history(
    action: Id,
    all: Vec<ActionHistoryEntry>,
    conflicts: &mut BTreeSet<Conflict>,
) -> Vec<ActionHistoryEntry> {
    let mut by_session: BTreeMap<Id, Vec<ActionHistoryEntry>> = BTreeMap::new();
    for h in all {
        by_session.entry(h.session).or_default().push(h);
    }
    by_session
        .into_values()
        .map(|mut versions| {
            if versions.len() == 1 {
                return versions.pop().expect("one version");
            }
            versions.sort_by_cached_key(|h| {
                let at = h.updated.timestamp_millis();
                let meeting = decided_at_meeting(h);
                (
                    meeting,
                    if meeting { at } else { -at },
                    serde_json::to_string(h).unwrap_or_default(),
                )
            });
            let kept = versions.pop().expect("at least one");
            for loser in versions.iter().filter(|h| !decided_at_meeting(h)) {
                if loser.status != kept.status {
                    conflicts.insert(Conflict {
                        entity: action,
                        field: history_field(kept.session),
                        value: serde_json::to_string(&loser.status).unwrap_or_default(),
                    });
                }
            }
            kept
        })
        .collect()
}

/// The session's agenda as the record keeps it.
fn agenda_of(s: &Session) -> Vec<AgendaRecord> {
    s.agenda
        .iter()
        .map(|a| AgendaRecord {
            item: a.id,
            title: a.title.clone(),
            planned_minutes: a.planned_minutes,
            actual_seconds: a.elapsed(s.updated).num_seconds().unsigned_abs(),
            status: a.status,
        })
        .collect()
}

/// Speaking time per participant from the session's turns (a turn still
/// running counts up to the session's last save), by participant id.
fn speaking_of(s: &Session) -> Vec<Speaking> {
    let mut seconds: BTreeMap<Id, u64> = BTreeMap::new();
    for t in s.speaker_turns.iter().filter(|t| t.started.is_some()) {
        *seconds.entry(t.participant).or_default() +=
            t.duration(s.updated).num_seconds().unsigned_abs();
    }
    seconds.into_iter().map(|(participant, seconds)| Speaking { participant, seconds }).collect()
}

/// A deterministic id for a programme record made from scratch, so merging
/// the same sessions twice gives the same file.
fn programme_id(programme: &str) -> Id {
    let mut hash: u128 = 0x6c62272e07bb014262b821756295c58d;
    for byte in b"kenesh-programme:".iter().chain(programme.as_bytes()) {
        hash ^= u128::from(*byte);
        hash = hash.wrapping_mul(0x0000000001000000000000000000013B);
    }
    Id::from_parts(0, hash)
}

/// An empty record for a programme key.
pub fn empty(programme: &str, updated: Timestamp) -> Program {
    Program {
        format: CURRENT_FORMAT,
        id: programme_id(programme),
        updated,
        title: if programme.is_empty() {
            crate::i18n::t("programme-default-title")
        } else {
            programme.to_owned()
        },
        programme: programme.to_owned(),
        sessions: Vec::new(),
        settlements: Vec::new(),
        participants: Vec::new(),
        attendance: Vec::new(),
        needs: Vec::new(),
        actions: Vec::new(),
        proposals: Vec::new(),
        conflicts: Vec::new(),
        likely_duplicates: Vec::new(),
    }
}

/// One session as a record of its own. Private notes, the event log and
/// speaker turns stay in the session file.
pub fn program_of(s: &Session) -> Program {
    let mut p = empty(&s.programme, s.updated);
    p.sessions = vec![SessionRef {
        id: s.id,
        updated: s.updated,
        title: s.title.clone(),
        date: s.date,
        place: s.place.clone(),
        organiser: s.organiser.clone(),
        facilitator: s.facilitator.clone(),
        agenda: agenda_of(s),
        speaking: speaking_of(s),
    }];
    p.settlements = s.settlements.clone();
    p.participants = s.participants.clone();
    p.attendance = s
        .participants
        .iter()
        .map(|x| Attendance { session: s.id, participant: x.id, present: x.present })
        .collect();
    p.needs = s
        .needs
        .iter()
        .map(|n| ProgramNeed {
            need: n.clone(),
            raised: vec![NeedRaise { session: s.id, votes: n.votes, updated: n.updated }],
        })
        .collect();
    p.actions = s
        .actions
        .iter()
        .map(|a| ProgramAction {
            action: a.clone(),
            history: vec![ActionHistoryEntry {
                date: s.date,
                session: s.id,
                status: a.status,
                updated: a.updated,
            }],
            progress: Vec::new(),
        })
        .collect();
    p.proposals = s.proposals.clone();
    normalise(p)
}

/// The record as a join of `a` and `b`. The record's own id, title and
/// programme key come from `a` (the record merged into).
pub fn join(a: Program, b: Program) -> Program {
    join_all(a, vec![b])
}

/// The join of `head` and every record in `rest` at once (one pass, so
/// merging many sessions stays linear). Header from `head`.
pub fn join_all(head: Program, rest: Vec<Program>) -> Program {
    let mut all = vec![head];
    all.extend(rest);
    let id = all[0].id;
    let title = all[0].title.clone();
    let programme = all[0].programme.clone();
    let updated = all.iter().map(|p| p.updated).max().expect("a record");
    let mut conflicts: BTreeSet<Conflict> = BTreeSet::new();
    let (mut sessions, mut settlements, mut participants, mut proposals) =
        (vec![], vec![], vec![], vec![]);
    let (mut needs, mut actions, mut attendance_all) = (vec![], vec![], vec![]);
    for p in all {
        conflicts.extend(p.conflicts);
        sessions.extend(p.sessions);
        settlements.extend(p.settlements);
        participants.extend(p.participants);
        proposals.extend(p.proposals);
        needs.extend(p.needs);
        actions.extend(p.actions);
        attendance_all.extend(p.attendance);
    }
    let sessions = join_by_id(sessions, |x| x.id, |x| x.updated, &mut conflicts);
    let settlements = join_by_id(settlements, |x| x.id, |x| x.updated, &mut conflicts);
    let participants = join_by_id(participants, |x| x.id, |x| x.updated, &mut conflicts);
    let proposals = join_by_id(proposals, |x| x.id, |x| x.updated, &mut conflicts);

    let mut raised: BTreeMap<Id, Vec<NeedRaise>> = BTreeMap::new();
    for n in &needs {
        raised.entry(n.need.id).or_default().extend(n.raised.iter().cloned());
    }
    let needs =
        join_by_id(needs.into_iter().map(|n| n.need), |x| x.id, |x| x.updated, &mut conflicts)
            .into_iter()
            .map(|need| {
                let all = raised.remove(&need.id).unwrap_or_default();
                ProgramNeed {
                    raised: join_per_session(all, |r| r.session, |r| Some(r.updated)),
                    need,
                }
            })
            .collect();

    let mut history: BTreeMap<Id, Vec<ActionHistoryEntry>> = BTreeMap::new();
    let mut progress: BTreeMap<Id, BTreeSet<ProgressEntry>> = BTreeMap::new();
    for x in &actions {
        history.entry(x.action.id).or_default().extend(x.history.iter().cloned());
        progress.entry(x.action.id).or_default().extend(x.progress.iter().cloned());
    }
    let actions =
        join_by_id(actions.into_iter().map(|x| x.action), |x| x.id, |x| x.updated, &mut conflicts)
            .into_iter()
            .map(|action| {
                let all = history.remove(&action.id).unwrap_or_default();
                ProgramAction {
                    history: join_history(action.id, all, &mut conflicts),
                    progress: progress.remove(&action.id).unwrap_or_default().into_iter().collect(),
                    action,
                }
            })
            .collect();

    let attendance = {
        let mut present: BTreeMap<(Id, Id), bool> = BTreeMap::new();
        for x in attendance_all {
            // Present wins over absent if two versions of a session disagree.
            *present.entry((x.session, x.participant)).or_insert(false) |= x.present;
        }
        present
            .into_iter()
            .map(|((session, participant), present)| Attendance { session, participant, present })
            .collect()
    };

    normalise(Program {
        format: CURRENT_FORMAT,
        id,
        updated,
        title,
        programme,
        sessions,
        settlements,
        participants,
        attendance,
        needs,
        actions,
        proposals,
        conflicts: conflicts.into_iter().collect(),
        likely_duplicates: Vec::new(),
    })
}

/// Sorts everything, drops conflict values that equal what the record now
/// holds, and recomputes the likely duplicates. A function of the content
/// only, which is what makes the join's laws hold.
fn normalise(mut p: Program) -> Program {
    p.sessions.sort_by_key(|s| (s.date, s.id));
    p.settlements.sort_by_key(|x| x.id);
    p.participants.sort_by_key(|x| x.id);
    p.attendance.sort();
    p.needs.sort_by_key(|x| x.need.id);
    p.actions.sort_by_key(|x| x.action.id);
    p.proposals.sort_by_key(|x| x.id);
    let session_dates: BTreeMap<Id, crate::model::Date> =
        p.sessions.iter().map(|s| (s.id, s.date)).collect();
    for a in &mut p.actions {
        a.progress.sort();
        a.progress.dedup();
        a.history
            .sort_by_key(|h| (session_dates.get(&h.session).copied().unwrap_or(h.date), h.session));
    }
    for n in &mut p.needs {
        n.raised.sort_by_key(|r| (session_dates.get(&r.session).copied(), r.session));
        // A need's votes in the record are those of every session that
        // raised it, each counted once (a follow-up starts it at zero).
        if !n.raised.is_empty() {
            n.need.votes = n.raised.iter().map(|r| r.votes).sum();
        }
    }
    if !p.conflicts.is_empty() {
        drop_settled_conflicts(&mut p);
    }
    p.likely_duplicates = likely_duplicates(&p);
    p
}

/// Drops conflict values that equal what the record now holds.
fn drop_settled_conflicts(p: &mut Program) {
    let mut current: BTreeMap<Id, Map<String, Value>> = BTreeMap::new();
    current.extend(p.sessions.iter().map(|x| (x.id, fields(x))));
    current.extend(p.settlements.iter().map(|x| (x.id, fields(x))));
    current.extend(p.participants.iter().map(|x| (x.id, fields(x))));
    current.extend(p.needs.iter().map(|x| (x.need.id, fields(&x.need))));
    current.extend(p.actions.iter().map(|x| (x.action.id, fields(&x.action))));
    current.extend(p.proposals.iter().map(|x| (x.id, fields(x))));
    // A session's history entry, under the name its later edits are listed.
    for a in &p.actions {
        let action = current.entry(a.action.id).or_default();
        for h in &a.history {
            let status = serde_json::to_value(h.status).unwrap_or_default();
            action.insert(history_field(h.session), status);
        }
    }
    p.conflicts.retain(|c| {
        current
            .get(&c.entity)
            .and_then(|f| f.get(&c.field))
            .is_none_or(|v| serde_json::to_string(v).unwrap_or_default() != c.value)
    });
    p.conflicts.sort();
    p.conflicts.dedup();
}

/// A name reduced to what identifies it: lower case, Latin look-alikes read
/// as Cyrillic, no "г." (город) prefix, no punctuation, words in order.
pub fn normalised_name(name: &str) -> String {
    let lower = name.to_lowercase();
    let mapped: String = lower
        .chars()
        .map(|c| match c {
            'a' => 'а',
            'b' => 'в',
            'c' => 'с',
            'e' => 'е',
            'h' => 'н',
            'k' => 'к',
            'm' => 'м',
            'o' => 'о',
            'p' => 'р',
            't' => 'т',
            'x' => 'х',
            'y' => 'у',
            'ё' => 'е',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        })
        .collect();
    let mut words: Vec<&str> = mapped.split_whitespace().filter(|w| *w != "г").collect();
    words.sort_unstable();
    words.concat()
}

fn likely_duplicates(p: &Program) -> Vec<LikelyDuplicate> {
    let mut found = Vec::new();
    let mut group = |kind: &str, items: Vec<(Id, &str)>| {
        let mut by_name: BTreeMap<String, Vec<(Id, &str)>> = BTreeMap::new();
        for (id, name) in items {
            by_name.entry(normalised_name(name)).or_default().push((id, name));
        }
        for (_, mut same) in by_name {
            if same.len() > 1 {
                same.sort();
                found.push(LikelyDuplicate {
                    kind: kind.to_owned(),
                    ids: same.iter().map(|x| x.0).collect(),
                    names: same.iter().map(|x| x.1.to_owned()).collect(),
                });
            }
        }
    };
    group("settlement", p.settlements.iter().map(|s| (s.id, s.name.as_str())).collect());
    group("participant", p.participants.iter().map(|s| (s.id, s.name.as_str())).collect());
    found.sort();
    found
}

/// A loaded file as a record (a programme record merges as it is).
pub fn as_program(loaded: Loaded) -> Program {
    match loaded {
        Loaded::Session(s) => program_of(&s),
        Loaded::Program(p) => normalise(p),
    }
}

/// Merges `inputs` into `target` (or into a new record).
pub fn merge(target: Option<Program>, inputs: Vec<Loaded>) -> Program {
    let programs: Vec<Program> = inputs.into_iter().map(as_program).collect();
    let target = target.unwrap_or_else(|| {
        // A new record takes the smallest programme key among the inputs,
        // and the oldest time, so it does not depend on their order.
        let key = programs
            .iter()
            .map(|p| p.programme.as_str())
            .filter(|k| !k.is_empty())
            .min()
            .unwrap_or("");
        let updated = programs.iter().map(|p| p.updated).min().unwrap_or_else(crate::model::now);
        empty(key, updated)
    });
    join_all(target, programs)
}

/// Added / updated / unchanged counts per kind of entity.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub kinds: Vec<(&'static str, Counts)>,
    pub new_conflicts: Vec<Conflict>,
    pub duplicates: Vec<LikelyDuplicate>,
}

fn count<'a, T: PartialEq + 'a>(
    before: &[T],
    after: impl IntoIterator<Item = &'a T>,
    id: impl Fn(&T) -> Id,
) -> Counts {
    let old: BTreeMap<Id, &T> = before.iter().map(|x| (id(x), x)).collect();
    let mut counts = Counts::default();
    for x in after {
        match old.get(&id(x)) {
            None => counts.added += 1,
            Some(o) if *o == x => counts.unchanged += 1,
            Some(_) => counts.updated += 1,
        }
    }
    counts
}

pub fn summary(before: &Program, after: &Program) -> Summary {
    Summary {
        kinds: vec![
            ("sessions", count(&before.sessions, &after.sessions, |x| x.id)),
            ("settlements", count(&before.settlements, &after.settlements, |x| x.id)),
            ("participants", count(&before.participants, &after.participants, |x| x.id)),
            ("needs", count(&before.needs, &after.needs, |x| x.need.id)),
            ("actions", count(&before.actions, &after.actions, |x| x.action.id)),
            ("proposals", count(&before.proposals, &after.proposals, |x| x.id)),
        ],
        new_conflicts: after
            .conflicts
            .iter()
            .filter(|c| !before.conflicts.contains(c))
            .cloned()
            .collect(),
        duplicates: after.likely_duplicates.clone(),
    }
}

/// What one input brought to the record: of the entities it holds, how
/// many the record did not have before the merge (added), how many it had
/// and now holds differently (updated), and how many are as they were.
pub fn input_summary(before: &Program, after: &Program, input: &Program) -> Summary {
    fn of<T: PartialEq>(
        before: &[T],
        after: &[T],
        input: &[T],
        id: impl Fn(&T) -> Id + Copy,
    ) -> Counts {
        let ids: BTreeSet<Id> = input.iter().map(id).collect();
        count(before, after.iter().filter(|x| ids.contains(&id(x))), id)
    }
    let (b, a, i) = (before, after, input);
    Summary {
        kinds: vec![
            ("sessions", of(&b.sessions, &a.sessions, &i.sessions, |x| x.id)),
            ("settlements", of(&b.settlements, &a.settlements, &i.settlements, |x| x.id)),
            ("participants", of(&b.participants, &a.participants, &i.participants, |x| x.id)),
            ("needs", of(&b.needs, &a.needs, &i.needs, |x| x.need.id)),
            ("actions", of(&b.actions, &a.actions, &i.actions, |x| x.action.id)),
            ("proposals", of(&b.proposals, &a.proposals, &i.proposals, |x| x.id)),
        ],
        new_conflicts: Vec::new(),
        duplicates: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::normalised_name;

    #[test]
    fn names_normalise_case_spacing_prefixes_and_lookalikes() {
        assert_eq!(normalised_name("г. Бишкек"), normalised_name("Бишкек"));
        assert_eq!(normalised_name("Дордой 2"), normalised_name("Дордой-2"));
        // Latin "A", "K", "O", "p" typed in a Cyrillic name.
        assert_eq!(normalised_name("Aк-Opдo-3"), normalised_name("Ак-Ордо-3"));
        assert_eq!(normalised_name("Асанова  Айгуль"), normalised_name("айгуль асанова"));
        assert_ne!(normalised_name("Ак-Ордо-2"), normalised_name("Ак-Ордо-3"));
    }
}
