//! Three-way merge of two edits of one session file (for git): what one
//! side deleted and the other left alone stays deleted; what both changed
//! differently keeps the newer version and is reported.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::model::{Id, Session, Timestamp};

fn json<T: Serialize>(x: &T) -> String {
    serde_json::to_string(x).unwrap_or_default()
}

/// Merges one collection. `conflicts` collects ids changed on both sides.
fn collection<T: Serialize + Clone>(
    base: &[T],
    ours: Vec<T>,
    theirs: Vec<T>,
    id: impl Fn(&T) -> Id,
    updated: impl Fn(&T) -> Timestamp,
    conflicts: &mut BTreeSet<Id>,
) -> Vec<T> {
    let base: BTreeMap<Id, String> = base.iter().map(|x| (id(x), json(x))).collect();
    let order: Vec<Id> = ours.iter().chain(&theirs).map(&id).collect();
    let mut ours: BTreeMap<Id, T> = ours.into_iter().map(|x| (id(&x), x)).collect();
    let mut theirs: BTreeMap<Id, T> = theirs.into_iter().map(|x| (id(&x), x)).collect();
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for key in order {
        if !seen.insert(key) {
            continue;
        }
        let was = base.get(&key);
        let kept = match (ours.remove(&key), theirs.remove(&key)) {
            (Some(a), Some(b)) => {
                let (ja, jb) = (json(&a), json(&b));
                if ja == jb || Some(&jb) == was {
                    Some(a)
                } else if Some(&ja) == was {
                    Some(b)
                } else {
                    conflicts.insert(key);
                    Some(if (updated(&a), ja) >= (updated(&b), jb) { a } else { b })
                }
            }
            // Deleted on one side: stays deleted if the other side left it
            // as it was; an edit on the other side wins and is reported.
            (Some(a), None) | (None, Some(a)) => match was {
                None => Some(a),
                Some(old) if *old == json(&a) => None,
                Some(_) => {
                    conflicts.insert(key);
                    Some(a)
                }
            },
            (None, None) => None,
        };
        out.extend(kept);
    }
    out
}

/// Returns the merged session and the ids that were changed on both sides.
pub fn sessions(base: Option<&Session>, ours: Session, theirs: Session) -> (Session, Vec<Id>) {
    let empty = Session::new("", ours.date, ours.updated);
    let base = base.unwrap_or(&empty);
    let mut conflicts = BTreeSet::new();
    let header_from_theirs = theirs.updated > ours.updated;
    let mut merged = if header_from_theirs { theirs.clone() } else { ours.clone() };
    merged.updated = ours.updated.max(theirs.updated);
    merged.settlements = collection(
        &base.settlements,
        ours.settlements,
        theirs.settlements,
        |x| x.id,
        |x| x.updated,
        &mut conflicts,
    );
    merged.participants = collection(
        &base.participants,
        ours.participants,
        theirs.participants,
        |x| x.id,
        |x| x.updated,
        &mut conflicts,
    );
    merged.agenda = collection(
        &base.agenda,
        ours.agenda,
        theirs.agenda,
        |x| x.id,
        |x| x.updated,
        &mut conflicts,
    );
    merged.speaker_turns = collection(
        &base.speaker_turns,
        ours.speaker_turns,
        theirs.speaker_turns,
        |x| x.id,
        |x| x.updated,
        &mut conflicts,
    );
    merged.needs =
        collection(&base.needs, ours.needs, theirs.needs, |x| x.id, |x| x.updated, &mut conflicts);
    merged.proposals = collection(
        &base.proposals,
        ours.proposals,
        theirs.proposals,
        |x| x.id,
        |x| x.updated,
        &mut conflicts,
    );
    merged.actions = collection(
        &base.actions,
        ours.actions,
        theirs.actions,
        |x| x.id,
        |x| x.updated,
        &mut conflicts,
    );
    merged.private_notes = collection(
        &base.private_notes,
        ours.private_notes,
        theirs.private_notes,
        |x| x.id,
        |x| x.updated,
        &mut conflicts,
    );
    merged.events = collection(
        &base.events,
        ours.events,
        theirs.events,
        |x| x.id,
        |x| x.updated,
        &mut conflicts,
    );
    merged.events.sort_by_key(|e| (e.at, e.id));
    (merged, conflicts.into_iter().collect())
}
