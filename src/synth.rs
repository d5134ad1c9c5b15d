//! Synthetic sessions for benchmarks and stress tests: N items in every
//! collection, with realistic Cyrillic text. Deterministic for a given N.

use chrono::{NaiveDate, TimeDelta};

use crate::model::{
    Action, ActionStatus, AgendaItem, AgendaStatus, Event, EventKind, Id, Need, NeedCategory,
    NeedStatus, Participant, Proposal, ProposalKind, Run, Session, Settlement, SpeakerTurn,
    StakeholderGroup, Timestamp,
};

const SURNAMES: [&str; 12] = [
    "Асанова",
    "Жумабаев",
    "Осмонова",
    "Касымова",
    "Токтогулов",
    "Эсенов",
    "Турдубаева",
    "Алымкулов",
    "Шаршеналиева",
    "Абдрахманов",
    "Жээнбекова",
    "Кадыров",
];
const NAMES: [&str; 10] = [
    "Айгуль",
    "Бакытбек",
    "Нургуль",
    "Жылдыз",
    "Алмаз",
    "Улан",
    "Роза",
    "Бекжан",
    "Мээрим",
    "Чолпон",
];
const PLACES: [&str; 7] =
    ["Ак-Жар", "Адилет", "Алтын-Казык", "Дордой-2", "Ак-Ордо-2", "Ак-Ордо-3", "Ала-Тоо-3"];
const NEEDS: [&str; 8] = [
    "Нет уличного освещения на улице",
    "Нет подключения к водопроводу",
    "Грунтовые дороги без покрытия",
    "Нерегулярный вывоз мусора",
    "Нехватка мест в детском саду",
    "Нет фельдшерско-акушерского пункта",
    "Нет маршрута общественного транспорта",
    "Жители не могут оформить прописку",
];
const VERBS: [&str; 6] =
    ["Установить", "Подготовить", "Согласовать", "Провести", "Отремонтировать", "Организовать"];

/// A deterministic id: time part from `at`, random part from a counter.
fn id(at: Timestamp, n: u64) -> Id {
    Id::from_parts(
        u64::try_from(at.timestamp_millis()).unwrap_or(0),
        u128::from(n) * 0x9E37_79B9_7F4A_7C15,
    )
}

/// A session with `n` settlements, participants, agenda items, speaker
/// turns, needs, proposals, actions and events.
pub fn session(n: usize) -> Session {
    let start =
        chrono::DateTime::parse_from_rfc3339("2026-11-19T09:00:00+06:00").expect("valid time");
    let mut counter = 0u64;
    let mut next_id = |at: Timestamp| {
        counter += 1;
        id(at, counter)
    };
    let date = NaiveDate::from_ymd_opt(2026, 11, 19).expect("valid date");
    let mut s = Session::new(format!("Круглый стол «Аракет» — синтетический, N={n}"), date, start);
    s.id = next_id(start);
    s.place = "Бишкек".into();
    for i in 0..n {
        let at = start + TimeDelta::seconds(i as i64);
        let mut settlement = Settlement::new(format!("{}-{}", PLACES[i % 7], i / 7 + 1), at);
        settlement.id = next_id(at);
        s.settlements.push(settlement);
    }
    for i in 0..n {
        let at = start + TimeDelta::seconds(i as i64);
        let group = StakeholderGroup::ALL[i % 9];
        let mut p =
            Participant::new(format!("{} {} {i}", SURNAMES[i % 12], NAMES[i % 10]), group, at);
        p.id = next_id(at);
        p.organisation = format!("Организация №{}", i % 50);
        p.settlement = (group == StakeholderGroup::CommunityLeader).then(|| s.settlements[i].id);
        p.present = i % 5 != 0;
        s.participants.push(p);
    }
    for i in 0..n {
        let at = start + TimeDelta::minutes(i as i64);
        let mut item = AgendaItem::new(
            format!("Пункт повестки {i}: обсуждение потребностей новостроек"),
            15,
            at,
        );
        item.id = next_id(at);
        item.presenter = s.participants[i].name.clone();
        if i < n / 2 {
            item.status = AgendaStatus::Done;
            item.runs.push(Run { start: at, end: Some(at + TimeDelta::minutes(14)) });
        }
        s.agenda.push(item);
    }
    for i in 0..n {
        let at = start + TimeDelta::seconds(30 * i as i64);
        let mut need = Need::new(format!("{} ({})", NEEDS[i % 8], PLACES[i % 7]), at);
        need.id = next_id(at);
        need.detail = "Жители обращались в мэрию несколько раз; вопрос не решён.".into();
        need.settlement = Some(s.settlements[i % s.settlements.len()].id);
        need.category = NeedCategory::BUILT_IN[i % 10].clone();
        need.raised_by = Some(s.participants[i].id);
        need.votes = (i * 7 % 23) as u32;
        need.status = NeedStatus::ALL[i % 3];
        s.needs.push(need);
    }
    for i in 0..n {
        let at = start + TimeDelta::seconds(45 * i as i64);
        s.proposals.push(Proposal {
            id: next_id(at),
            updated: at,
            kind: ProposalKind::ALL[i % 3],
            text: format!("Предложение {i}: включить вопрос в план действий мэрии на 2027 год"),
            author: Some(s.participants[i].id),
            time: at,
            agenda_item: Some(s.agenda[i].id),
            need: Some(s.needs[i].id),
        });
    }
    for i in 0..n {
        let at = start + TimeDelta::seconds(60 * i as i64);
        let mut a =
            Action::new(format!("{} работы по пункту {i} в {}", VERBS[i % 6], PLACES[i % 7]), at);
        a.id = next_id(at);
        a.needs = vec![s.needs[i].id];
        a.responsible = format!("Мэрия г. Бишкек, отдел {}", i % 12);
        a.partners = "ОО «Ресурсный центр для пожилых»".into();
        a.deadline = NaiveDate::from_ymd_opt(2027, 1 + (i % 12) as u32, 28);
        a.funding = "Малый грант «Аракет»".into();
        a.indicator = "Работы приняты, акт подписан".into();
        a.status = ActionStatus::ALL[i % 5];
        s.actions.push(a);
    }
    for i in 0..n {
        let at = start + TimeDelta::seconds(20 * i as i64);
        s.speaker_turns.push(SpeakerTurn {
            id: next_id(at),
            updated: at,
            agenda_item: s.agenda[i % s.agenda.len()].id,
            participant: s.participants[i].id,
            requested: at,
            started: Some(at),
            ended: Some(at + TimeDelta::seconds(90)),
        });
        s.events.push(Event {
            id: next_id(at),
            updated: at,
            at,
            kind: EventKind::Captured {
                entity: s.needs[i].id,
                what: "need".into(),
                agenda_item: Some(s.agenda[i % s.agenda.len()].id),
            },
        });
    }
    s
}
