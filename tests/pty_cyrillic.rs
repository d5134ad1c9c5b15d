//! A short meeting in the real binary, typed on a Russian keyboard only:
//! no Latin letter, no `#` and no `@`.
// Unix only: these drive the editor through a Unix pseudo-terminal (and
// chattr, symlinks, modes). On Windows portable-pty needs ConPTY, which
// Wine does not provide; Wine's console cannot judge the screen anyway.
#![cfg(unix)]

mod common;

use std::path::Path;

use kenesh::model::AgendaStatus;

use common::pty::Session;

/// Types `text`, which must hold no Latin letter and no `#` or `@`.
fn type_cyrillic(kenesh: &mut Session, text: &str) {
    assert!(
        !text.chars().any(|c| c.is_ascii_alphabetic() || c == '#' || c == '@'),
        "{text:?} needs a layout switch"
    );
    kenesh.type_text(text);
}

/// The Bishkek example as a meeting about to start.
fn meeting_in(dir: &Path) -> std::path::PathBuf {
    let mut session = common::load_session(&common::bishkek_example());
    for item in &mut session.agenda {
        item.status = AgendaStatus::Pending;
        item.runs.clear();
    }
    session.speaker_turns.clear();
    let path = dir.join("meeting.ron");
    std::fs::write(&path, kenesh::store::to_ron(&session).unwrap()).unwrap();
    path
}

#[test]
fn a_meeting_typed_only_in_cyrillic() {
    let dir = tempfile::tempdir().unwrap();
    let path = meeting_in(dir.path());
    let before = common::load_session(&path);

    let mut kenesh = Session::start_with(&["meeting.ron"], dir.path(), &[("LANG", "ru_RU.UTF-8")]);
    kenesh.wait_for("План действий");
    type_cyrillic(&mut kenesh, "т"); // n: start the next (first) item
    type_cyrillic(&mut kenesh, ":");
    // Three needs: № for the settlement, a bare name + Tab for the author.
    for (text, place, person) in [
        ("Нет освещения ", "№Ак-Ж", " асан"),
        ("Нет воды ", "№адил", " турдуб"),
        ("Яма на дороге ", "№дордой", " ковалев"),
    ] {
        type_cyrillic(&mut kenesh, &format!("т {text}{place}\t"));
        type_cyrillic(&mut kenesh, &format!("{person}\t"));
        type_cyrillic(&mut kenesh, "\r");
    }
    type_cyrillic(&mut kenesh, "з Провести встречу с жителями\r");
    type_cyrillic(&mut kenesh, "ф Починить фонари до весны\r");
    kenesh.wait_for("Починить фонари до весны");
    type_cyrillic(&mut kenesh, "\u{1b}");
    // Needs pane: one vote for the selected need (the last captured).
    type_cyrillic(&mut kenesh, "3+");
    // Participants: queue the selected person (к = r), give the floor (е = t).
    type_cyrillic(&mut kenesh, "2к");
    type_cyrillic(&mut kenesh, "е");
    type_cyrillic(&mut kenesh, "й"); // q
    assert!(kenesh.wait_exit().success(), "{}", kenesh.screen_text());

    let after = common::load_session(&path);
    let item = after.active_item().expect("an item was started");
    assert_eq!(item.id, before.agenda[0].id);
    let new_needs: Vec<_> = after.needs.iter().filter(|n| before.need(n.id).is_none()).collect();
    let described: Vec<(String, String, String, u32)> = new_needs
        .iter()
        .map(|n| {
            (
                n.title.clone(),
                after.settlement_name(n.settlement).to_owned(),
                after.participant_name(n.raised_by).to_owned(),
                n.votes,
            )
        })
        .collect();
    let expected = [
        ("Нет освещения", "Ак-Жар", "Асанова Айгуль", 0),
        ("Нет воды", "Адилет", "Турдубаева Роза", 0),
        ("Яма на дороге", "Дордой-2", "Ковалёв Сергей", 1),
    ];
    let expected: Vec<(String, String, String, u32)> = expected
        .iter()
        .map(|(a, b, c, v)| ((*a).to_owned(), (*b).to_owned(), (*c).to_owned(), *v))
        .collect();
    assert_eq!(described, expected);
    assert_eq!(after.proposals.last().unwrap().text, "Провести встречу с жителями");
    assert_eq!(after.actions.last().unwrap().what, "Починить фонари до весны");
    let turn = after.speaker_turns.last().expect("a speaker was queued");
    assert_eq!(turn.agenda_item, item.id);
    assert!(turn.started.is_some(), "the floor was given");
}
