//! The rows each pane shows: filtered, sorted and grouped from the session.

use super::pane::{NeedGrouping, Pane};
use crate::labels;
use crate::model::{Id, Need, Session};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// A group heading (settlement or category on the needs board).
    Group { label: String, count: usize, votes: u64 },
    /// An entity; `index` is its position in the session's collection.
    Item { id: Id, index: usize },
    /// A private note among the proposals; `index` is in `private_notes`.
    Note { id: Id, index: usize },
}

impl Row {
    pub fn id(&self) -> Option<Id> {
        match self {
            Row::Item { id, .. } | Row::Note { id, .. } => Some(*id),
            Row::Group { .. } => None,
        }
    }

    pub fn is_selectable(&self) -> bool {
        !matches!(self, Row::Group { .. })
    }
}

/// Case-insensitive "contains" that works for Cyrillic.
fn matches(filter: &str, fields: &[&str]) -> bool {
    if filter.is_empty() {
        return true;
    }
    let filter = filter.to_lowercase();
    fields.iter().any(|f| f.to_lowercase().contains(&filter))
}

pub fn build(session: &Session, pane: Pane, filter: &str, grouping: NeedGrouping) -> Vec<Row> {
    let item = |id, index| Row::Item { id, index };
    match pane {
        Pane::Agenda => session
            .agenda
            .iter()
            .enumerate()
            .filter(|(_, a)| matches(filter, &[&a.title, &a.presenter, &a.notes]))
            .map(|(i, a)| item(a.id, i))
            .collect(),
        Pane::Participants => session
            .participants
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                filter.is_empty()
                    || matches(
                        filter,
                        &[
                            &p.name,
                            &p.organisation,
                            &labels::group(p.group),
                            session.settlement_name(p.settlement),
                            &p.contact,
                        ],
                    )
            })
            .map(|(i, p)| item(p.id, i))
            .collect(),
        Pane::Needs => need_rows(session, filter, grouping),
        Pane::Proposals => proposal_rows(session, filter),
        Pane::Actions => session
            .actions
            .iter()
            .enumerate()
            .filter(|(_, a)| {
                filter.is_empty()
                    || matches(
                        filter,
                        &[
                            &a.what,
                            &a.responsible,
                            &a.partners,
                            &a.funding,
                            &labels::action_status(a.status),
                        ],
                    )
            })
            .map(|(i, a)| item(a.id, i))
            .collect(),
    }
}

/// Needs grouped (settlement or category), most votes first in each group.
fn need_rows(session: &Session, filter: &str, grouping: NeedGrouping) -> Vec<Row> {
    // Settlement order and names looked up once, not per need.
    let settlements: std::collections::HashMap<Id, (usize, &str)> =
        session.settlements.iter().enumerate().map(|(i, s)| (s.id, (i, s.name.as_str()))).collect();
    let no_settlement = crate::i18n::t("no-settlement");
    let group_key = |n: &Need| -> (usize, String) {
        match grouping {
            NeedGrouping::Settlement => match n.settlement.and_then(|id| settlements.get(&id)) {
                Some((position, name)) => (*position, (*name).to_owned()),
                None => (usize::MAX, no_settlement.clone()),
            },
            NeedGrouping::Category => {
                let position = crate::model::NeedCategory::BUILT_IN
                    .iter()
                    .position(|c| *c == n.category)
                    .unwrap_or(usize::MAX);
                (position, labels::category(&n.category))
            }
        }
    };
    let settlement_name =
        |n: &Need| n.settlement.and_then(|id| settlements.get(&id)).map_or("", |s| s.1);
    let mut needs: Vec<(usize, String, &Need, usize)> = session
        .needs
        .iter()
        .enumerate()
        .filter(|(_, n)| {
            filter.is_empty()
                || matches(
                    filter,
                    &[&n.title, &n.detail, settlement_name(n), &labels::category(&n.category)],
                )
        })
        .map(|(i, n)| {
            let (position, label) = group_key(n);
            (position, label, n, i)
        })
        .collect();
    needs.sort_by(|a, b| {
        (a.0, &a.1).cmp(&(b.0, &b.1)).then(b.2.votes.cmp(&a.2.votes)).then(a.3.cmp(&b.3))
    });
    let mut rows = Vec::with_capacity(needs.len() + 16);
    let mut start = 0;
    while start < needs.len() {
        let label = &needs[start].1;
        let end = start + needs[start..].iter().take_while(|n| &n.1 == label).count();
        let votes: u64 = needs[start..end].iter().map(|n| u64::from(n.2.votes)).sum();
        rows.push(Row::Group { label: label.clone(), count: end - start, votes });
        rows.extend(needs[start..end].iter().map(|n| Row::Item { id: n.2.id, index: n.3 }));
        start = end;
    }
    rows
}

/// Proposals and private notes grouped by the agenda item they were said
/// under (in agenda order, then those under no item), in time order.
fn proposal_rows(session: &Session, filter: &str) -> Vec<Row> {
    let agenda: std::collections::HashMap<Id, usize> =
        session.agenda.iter().enumerate().map(|(i, a)| (a.id, i)).collect();
    let slot = |item: Option<Id>| -> usize {
        item.and_then(|id| agenda.get(&id).copied()).unwrap_or(session.agenda.len())
    };
    let mut entries: Vec<(usize, crate::model::Timestamp, Row)> = Vec::new();
    for (index, p) in session.proposals.iter().enumerate() {
        if filter.is_empty()
            || matches(
                filter,
                &[&p.text, session.participant_name(p.author), &labels::proposal_kind(p.kind)],
            )
        {
            entries.push((slot(p.agenda_item), p.time, Row::Item { id: p.id, index }));
        }
    }
    for (index, n) in session.private_notes.iter().enumerate() {
        if filter.is_empty() || matches(filter, &[&n.text]) {
            entries.push((slot(n.agenda_item), n.updated, Row::Note { id: n.id, index }));
        }
    }
    entries.sort_by_key(|(slot, time, _)| (*slot, *time));
    let mut rows = Vec::with_capacity(entries.len() + session.agenda.len() + 1);
    let mut start = 0;
    while start < entries.len() {
        let group = entries[start].0;
        let end = start + entries[start..].iter().take_while(|e| e.0 == group).count();
        let label = session
            .agenda
            .get(group)
            .map_or_else(|| crate::i18n::t("no-agenda-item"), |a| a.title.clone());
        rows.push(Row::Group { label, count: end - start, votes: 0 });
        rows.extend(entries[start..end].iter().map(|e| e.2.clone()));
        start = end;
    }
    rows
}

/// The item row closest to `index` (selections skip group headings).
pub fn nearest_item(rows: &[Row], index: usize) -> usize {
    let index = index.min(rows.len().saturating_sub(1));
    (index..rows.len()).chain((0..index).rev()).find(|&i| rows[i].is_selectable()).unwrap_or(0)
}

/// The next item row from `from` in direction `step` (±1), or `from`.
pub fn step_item(rows: &[Row], from: usize, step: isize, count: usize) -> usize {
    let mut at = from;
    let mut moved = 0;
    let mut probe = from as isize;
    while moved < count {
        probe += step;
        if probe < 0 || probe as usize >= rows.len() {
            break;
        }
        if rows[probe as usize].is_selectable() {
            at = probe as usize;
            moved += 1;
        }
    }
    at
}
