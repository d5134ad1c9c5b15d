//! load(save(x)) == x for sessions full of hostile strings.

use std::path::Path;

use chrono::{FixedOffset, TimeZone};
use kenesh::model::*;
use kenesh::store::{Loaded, parse_str, to_ron};
use proptest::prelude::*;

fn tricky_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\"".to_owned()),
        Just("\\".to_owned()),
        Just("\"#".to_owned()),
        Just("r#\"".to_owned()),
        Just("\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\t".to_owned()),
        Just("ң ө ү Ң Ө Ү".to_owned()),
        Just("Ак-Жар".to_owned()),
        Just("😀👩‍👩‍👧".to_owned()),
        Just("\u{0}\u{1b}[31m\u{7}\u{9b}\u{202e}".to_owned()),
        Just("\u{301}".to_owned()),
        Just("/* // */".to_owned()),
        any::<char>().prop_map(String::from),
        "[a-zA-Zа-яА-Я ]{0,12}",
    ];
    prop::collection::vec(piece, 0..8).prop_map(|v| v.concat())
}

fn time(seconds: i64, offset_hours: i32) -> Timestamp {
    FixedOffset::east_opt(offset_hours * 3600)
        .unwrap()
        .timestamp_opt(1_790_000_000 + seconds, 0)
        .unwrap()
}

/// Builds a session whose every text field comes from `texts` (cycled) and
/// whose shape comes from `shape`.
fn build(texts: &[String], shape: &[u8]) -> Session {
    let mut text = texts.iter().cycle();
    let mut next = || text.next().cloned().unwrap_or_default();
    let at = |i: usize| time(i as i64 * 37, (i % 13) as i32 - 6);
    let mut s = Session::new(next(), chrono::NaiveDate::from_ymd_opt(2026, 11, 19).unwrap(), at(0));
    s.place = next();
    s.organiser = next();
    s.facilitator = next();
    s.programme = next();
    for (i, &b) in shape.iter().enumerate() {
        match b % 8 {
            0 => s.settlements.push(Settlement { city: next(), ..Settlement::new(next(), at(i)) }),
            1 => {
                let mut p = Participant::new(next(), StakeholderGroup::ALL[b as usize % 9], at(i));
                p.organisation = next();
                p.contact = next();
                p.present = b % 2 == 0;
                p.gender = (b % 3 != 0).then_some(Gender::ALL[b as usize % 3]);
                p.age_band = (b % 5 != 0).then_some(AgeBand::ALL[b as usize % 5]);
                p.settlement = s.settlements.first().map(|x| x.id);
                s.participants.push(p);
            }
            2 => {
                let mut a = AgendaItem::new(next(), u32::from(b), at(i));
                a.presenter = next();
                a.notes = next();
                a.runs.push(Run { start: at(i), end: (b % 2 == 0).then(|| at(i + 3)) });
                s.agenda.push(a);
            }
            3 => {
                let mut n = Need::new(next(), at(i));
                n.detail = next();
                n.category = if b % 3 == 0 {
                    NeedCategory::Custom(next())
                } else {
                    NeedCategory::BUILT_IN[b as usize % 10].clone()
                };
                n.votes = u32::from(b);
                n.status = NeedStatus::ALL[b as usize % 3];
                n.raised_by = s.participants.last().map(|p| p.id);
                s.needs.push(n);
            }
            4 => s.proposals.push(Proposal {
                id: new_id(),
                updated: at(i),
                kind: ProposalKind::ALL[b as usize % 3],
                text: next(),
                author: s.participants.first().map(|p| p.id),
                time: at(i),
                agenda_item: s.agenda.first().map(|a| a.id),
                need: s.needs.first().map(|n| n.id),
            }),
            5 => {
                let mut a = Action::new(next(), at(i));
                a.responsible = next();
                a.partners = next();
                a.funding = next();
                a.indicator = next();
                a.notes = next();
                a.status = ActionStatus::ALL[b as usize % 5];
                a.deadline = chrono::NaiveDate::from_ymd_opt(2027, 1 + u32::from(b % 12), 1);
                a.needs = s.needs.iter().map(|n| n.id).collect();
                s.actions.push(a);
            }
            6 => s.private_notes.push(PrivateNote {
                id: new_id(),
                updated: at(i),
                text: next(),
                agenda_item: None,
            }),
            _ => s.events.push(Event::new(
                EventKind::Captured { entity: new_id(), what: next(), agenda_item: None },
                at(i),
            )),
        }
    }
    s
}

fn reload(s: &Session) -> Session {
    let text = to_ron(s).unwrap();
    match parse_str(Path::new("gen.ron"), &text) {
        Ok(Loaded::Session(back)) => back,
        Ok(Loaded::Program(_)) => panic!("came back as a programme"),
        Err(e) => panic!("{e}\n{text}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn load_of_save_is_identity(texts in prop::collection::vec(tricky_text(), 1..12), shape in prop::collection::vec(any::<u8>(), 0..40)) {
        let session = build(&texts, &shape);
        prop_assert_eq!(reload(&session), session);
    }

    /// The fast unescaped path never changes the bytes.
    #[test]
    fn fast_save_equals_fully_escaped_save(texts in prop::collection::vec(tricky_text(), 1..8), shape in prop::collection::vec(any::<u8>(), 0..30)) {
        let session = build(&texts, &shape);
        let config = ron::ser::PrettyConfig::new().indentor("    ").new_line("\n").struct_names(true).separate_tuple_members(false).escape_strings(true);
        let escaped = format!("{}\n", ron::Options::default().to_string_pretty(&session, config).unwrap());
        prop_assert_eq!(to_ron(&session).unwrap(), escaped);
    }

    #[test]
    fn save_is_deterministic(texts in prop::collection::vec(tricky_text(), 1..6), shape in prop::collection::vec(any::<u8>(), 0..20)) {
        let session = build(&texts, &shape);
        prop_assert_eq!(to_ron(&session).unwrap(), to_ron(&reload(&session)).unwrap());
    }
}

#[test]
fn saved_text_holds_no_raw_control_characters() {
    let texts = vec!["a\u{1b}[2J\u{7}\u{9b}31m\u{202e}b\u{0}".to_owned()];
    let text = to_ron(&build(&texts, &[0, 1, 3, 5])).unwrap();
    assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text:?}");
    assert!(!text.contains('\u{202e}'));
}
