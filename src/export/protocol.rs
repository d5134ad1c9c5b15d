//! The minutes in the protocol form that Kyrgyz and Russian offices expect
//! (ГОСТ Р 7.0.97-2016 style), used when the interface speaks Russian or
//! Kyrgyz: ПРОТОКОЛ with date and place, the chair and the secretary,
//! ПРИСУТСТВОВАЛИ, ПОВЕСТКА ДНЯ, then for each item СЛУШАЛИ / ВЫСТУПИЛИ /
//! РЕШИЛИ, proposals and the parking lot, the list of those present and
//! the timing (agenda times, speaking time) as attachments, the action
//! plan and the signatures. The number is the session's; without one it is left
//! blank to be filled in by the office that registers the protocol.

use super::clean;
use super::minutes::{
    Block, action_table, agenda_table, needs, participant_list, proposal_table,
    speaking_by_group_table, speaking_by_person_table,
};
use super::report::Report;
use crate::i18n::{t, targs};
use crate::model::{AgendaItem, ProposalKind};

pub fn protocol(r: &Report) -> Vec<Block> {
    let mut doc: Vec<Block> = super::minutes::letterhead(r).into_iter().collect();
    let title = if r.number.trim().is_empty() {
        t("protocol-title")
    } else {
        targs("protocol-title-number", &[("number", clean(r.number).into())])
    };
    doc.extend([Block::Heading(1, title), Block::Paragraph(clean(r.title))]);
    let when_where: Vec<String> =
        [r.date.map(crate::i18n::long_date).unwrap_or_default(), clean(r.place)]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
    if !when_where.is_empty() {
        doc.push(Block::Paragraph(when_where.join(", ")));
    }
    for (label, name) in [("protocol-chair", r.facilitator), ("protocol-secretary", r.secretary)] {
        let name = if name.is_empty() { "____________".to_owned() } else { clean(name) };
        doc.push(Block::Paragraph(format!("{} — {name}", t(label))));
    }
    doc.push(Block::Paragraph(targs("protocol-present", &[("count", r.present().count().into())])));
    doc.push(Block::Heading(2, t("protocol-agenda")));
    doc.push(Block::Numbered(
        r.agenda
            .iter()
            .map(|a| {
                let presenter = if a.presenter.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", clean(&a.presenter))
                };
                format!("{}{presenter}", clean(&a.title))
            })
            .collect(),
    ));
    for (i, item) in r.agenda.iter().enumerate() {
        agenda_item(r, i + 1, item, &mut doc);
    }
    let loose: Vec<String> = r
        .proposals_of(ProposalKind::Decision)
        .filter(|p| p.agenda_item.is_none_or(|id| !r.agenda.iter().any(|a| a.id == id)))
        .map(|p| clean(&p.text))
        .collect();
    if !loose.is_empty() {
        doc.push(Block::Heading(2, t("protocol-other-decisions")));
        doc.push(Block::Numbered(loose));
    }
    for (kind, heading) in [
        (ProposalKind::Proposal, "protocol-proposals"),
        (ProposalKind::ParkingLot, "protocol-parking-lot"),
    ] {
        if let Some(table) = proposal_table(r, kind) {
            doc.push(Block::Heading(2, t(heading)));
            doc.push(table);
        }
    }
    needs(r, &mut doc);
    // The list of participants, under the protocol's own heading.
    let start = doc.len();
    participant_list(r, &mut doc);
    if let Some(Block::Heading(_, heading)) = doc.get_mut(start) {
        *heading = t("protocol-attachment");
    }
    timing(r, &mut doc);
    doc.push(Block::Landscape);
    doc.push(Block::Heading(2, t("export-action-plan")));
    doc.push(action_table(r));
    doc.push(Block::Heading(2, t("export-signatures")));
    for (label, name) in [("protocol-chair", r.facilitator), ("protocol-secretary", r.secretary)] {
        doc.push(Block::Paragraph(format!("{} ____________________ {}", t(label), clean(name))));
    }
    doc
}

/// The second attachment: the agenda with planned and actual times, and
/// the speaking time per group and per participant, so the protocol
/// carries the same facts as the English minutes.
fn timing(r: &Report, doc: &mut Vec<Block>) {
    if r.agenda.is_empty() {
        return;
    }
    doc.push(Block::Heading(2, t("protocol-attachment-timing")));
    doc.push(Block::Heading(3, t("protocol-timing-agenda")));
    doc.push(agenda_table(r));
    for (table, heading) in [
        (speaking_by_group_table(r), "protocol-speaking-groups"),
        (speaking_by_person_table(r), "protocol-speaking-people"),
    ] {
        if let Some(table) = table {
            doc.push(Block::Heading(3, t(heading)));
            doc.push(table);
        }
    }
}

/// СЛУШАЛИ (the presenter and the item), ВЫСТУПИЛИ (who spoke under it,
/// with what was captured from them there), РЕШИЛИ (its decisions).
fn agenda_item(r: &Report, number: usize, item: &AgendaItem, doc: &mut Vec<Block>) {
    doc.push(Block::Heading(2, format!("{number}. {}", clean(&item.title))));
    let presenter = if item.presenter.is_empty() {
        String::new()
    } else {
        format!("{} — ", clean(&item.presenter))
    };
    doc.push(Block::Paragraph(format!(
        "{}: {presenter}{}",
        t("protocol-heard"),
        clean(&item.title)
    )));
    if !item.notes.trim().is_empty() {
        doc.push(Block::Paragraph(clean(&item.notes)));
    }
    let mut speakers = Vec::new();
    for turn in r.turns.iter().filter(|t| t.agenda_item == item.id && t.started.is_some()) {
        if !speakers.contains(&turn.participant) {
            speakers.push(turn.participant);
        }
    }
    let spoke: Vec<String> = speakers
        .iter()
        .filter_map(|id| r.participants.iter().find(|p| p.id == *id))
        .map(|p| {
            let mut line = clean(&p.name);
            if !p.organisation.is_empty() {
                line = format!("{line} ({})", clean(&p.organisation));
            }
            let said: Vec<String> = r
                .proposals
                .iter()
                .filter(|x| x.author == Some(p.id) && x.agenda_item == Some(item.id))
                .map(|x| clean(&x.text))
                .collect();
            if said.is_empty() { line } else { format!("{line}: {}", said.join("; ")) }
        })
        .collect();
    if !spoke.is_empty() {
        doc.push(Block::Paragraph(format!("{}:", t("protocol-spoke"))));
        doc.push(Block::Bullets(spoke));
    }
    let decided: Vec<String> = r
        .proposals_of(ProposalKind::Decision)
        .filter(|p| p.agenda_item == Some(item.id))
        .map(|p| clean(&p.text))
        .collect();
    if !decided.is_empty() {
        doc.push(Block::Paragraph(format!("{}:", t("protocol-decided"))));
        doc.push(Block::Numbered(decided));
    }
}
