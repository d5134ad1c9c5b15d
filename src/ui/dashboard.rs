//! The programme dashboard (`kenesh program.ron`): what happened to the
//! plan across meetings. Actions by status with overdue ones marked, by
//! settlement and by responsible organisation; needs by settlement with the
//! sessions that raised them. Read-only: meetings change the record.

use std::collections::{BTreeMap, HashSet};

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Wrap};

use super::sanitize::safe;
use super::theme;
use crate::i18n::{t, targs};
use crate::labels;
use crate::model::{
    ActionStatus, Date, Id, Program, ProgramAction, ProgramNeed, Settlement, bodies, body_key,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    ByStatus,
    BySettlement,
    ByResponsible,
    Needs,
}

impl Tab {
    pub const ALL: [Tab; 4] = [Tab::ByStatus, Tab::BySettlement, Tab::ByResponsible, Tab::Needs];

    fn title_id(self) -> &'static str {
        match self {
            Tab::ByStatus => "dashboard-by-status",
            Tab::BySettlement => "dashboard-by-settlement",
            Tab::ByResponsible => "dashboard-by-responsible",
            Tab::Needs => "dashboard-needs",
        }
    }
}

pub struct Dashboard<'a> {
    pub program: &'a Program,
    pub today: Date,
    pub tab: Tab,
    pub scroll: u16,
    /// Only settlements of this city (and the needs and actions there).
    pub city: Option<String>,
}

impl Dashboard<'_> {
    /// The cities of the record's settlements, in order, each once: what
    /// the city filter cycles through.
    pub fn cities(&self) -> Vec<String> {
        let mut cities: Vec<String> = Vec::new();
        for s in &self.program.settlements {
            let city = s.city.trim();
            if !city.is_empty() && !cities.iter().any(|c| c.to_lowercase() == city.to_lowercase()) {
                cities.push(city.to_owned());
            }
        }
        cities.sort();
        cities
    }

    fn settlement_in_city(&self, s: &Settlement) -> bool {
        self.city.as_ref().is_none_or(|c| s.city.trim().to_lowercase() == c.to_lowercase())
    }

    fn need_in_city(&self, need: &ProgramNeed) -> bool {
        self.city.is_none()
            || need
                .need
                .settlement
                .and_then(|id| self.settlement(id))
                .is_some_and(|s| self.settlement_in_city(s))
    }

    fn action_in_city(&self, a: &ProgramAction) -> bool {
        self.city.is_none()
            || a.action.needs.iter().filter_map(|id| self.need(*id)).any(|n| self.need_in_city(n))
    }

    fn settlement(&self, id: Id) -> Option<&Settlement> {
        self.program.settlements.iter().find(|s| s.id == id)
    }

    fn need(&self, id: Id) -> Option<&ProgramNeed> {
        self.program.needs.iter().find(|n| n.need.id == id)
    }

    fn actions(&self) -> impl Iterator<Item = &ProgramAction> {
        self.program.actions.iter().filter(|a| self.action_in_city(a))
    }
}

/// "Ак-Жар (Бишкек)": a settlement with its city, wherever it is named.
pub fn settlement_label(s: &Settlement) -> String {
    if s.city.trim().is_empty() {
        s.name.clone()
    } else {
        format!("{} ({})", s.name, s.city.trim())
    }
}

fn action_line(a: &ProgramAction, today: Date) -> Line<'static> {
    let x = &a.action;
    let deadline = x.deadline.map_or_else(|| "—".to_owned(), |d| d.format("%d.%m.%Y").to_string());
    let mut spans = vec![
        Span::raw("  "),
        Span::styled(safe(&x.what).into_owned(), theme::title()),
        Span::styled(
            format!(
                "  {} · {deadline} · {}",
                safe(&x.responsible),
                labels::action_status(x.status)
            ),
            theme::dim(),
        ),
    ];
    if x.is_overdue(today) {
        spans.push(Span::styled(format!("  ⚠ {}", t("overdue")), theme::overrun()));
    }
    let history: Vec<String> = a
        .history
        .iter()
        .map(|h| format!("{} {}", h.date.format("%d.%m"), labels::action_status(h.status)))
        .collect();
    if history.len() > 1 {
        spans.push(Span::styled(format!("  [{}]", history.join(" → ")), theme::dim()));
    }
    Line::from(spans)
}

/// "agreed — 7 (2 overdue)"
fn heading(name: &str, actions: &[&ProgramAction], today: Date) -> Line<'static> {
    let overdue = actions.iter().filter(|a| a.action.is_overdue(today)).count();
    Line::styled(
        targs(
            "dashboard-group",
            &[
                ("name", safe(name).into_owned().into()),
                ("count", actions.len().into()),
                ("overdue", overdue.into()),
            ],
        ),
        theme::group(),
    )
}

fn by_status(d: &Dashboard) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for status in ActionStatus::ALL {
        let actions: Vec<&ProgramAction> =
            d.actions().filter(|a| a.action.status == status).collect();
        if actions.is_empty() {
            continue;
        }
        lines.push(heading(&labels::action_status(status), &actions, d.today));
        lines.extend(actions.into_iter().map(|a| action_line(a, d.today)));
        lines.push(Line::from(""));
    }
    lines
}

/// Settlements (with their city), each with its actions and then the
/// needs no action addresses; a settlement with needs but no action is
/// listed too.
fn by_settlement(d: &Dashboard) -> Vec<Line<'static>> {
    let p = d.program;
    let linked: HashSet<Id> =
        p.actions.iter().flat_map(|a| a.action.needs.iter().copied()).collect();
    let mut lines = Vec::new();
    // By city, then name: each city's settlements together.
    let mut settlements: Vec<&Settlement> =
        p.settlements.iter().filter(|s| d.settlement_in_city(s)).collect();
    settlements.sort_by_key(|s| (s.city.trim().to_lowercase(), s.name.to_lowercase()));
    let places = settlements
        .into_iter()
        .map(|s| (Some(s.id), settlement_label(s)))
        .chain(d.city.is_none().then(|| (None, t("no-settlement"))));
    for (id, name) in places {
        let actions: Vec<&ProgramAction> = d
            .actions()
            .filter(|a| {
                let settlements: Vec<Option<Id>> = a
                    .action
                    .needs
                    .iter()
                    .filter_map(|n| d.need(*n))
                    .map(|n| n.need.settlement)
                    .collect();
                if id.is_none() {
                    settlements.iter().all(Option::is_none)
                } else {
                    settlements.contains(&id)
                }
            })
            .collect();
        let unaddressed: Vec<&ProgramNeed> = p
            .needs
            .iter()
            .filter(|n| n.need.settlement == id && !linked.contains(&n.need.id))
            .collect();
        if actions.is_empty() && unaddressed.is_empty() {
            continue;
        }
        lines.push(heading(&name, &actions, d.today));
        lines.extend(actions.into_iter().map(|a| action_line(a, d.today)));
        if !unaddressed.is_empty() {
            lines.push(Line::styled(
                format!("  {}", t("dashboard-needs-without-action")),
                theme::dim(),
            ));
            lines.extend(unaddressed.into_iter().map(|n| {
                Line::from(vec![Span::raw("    • "), Span::raw(safe(&n.need.title).into_owned())])
            }));
        }
        lines.push(Line::from(""));
    }
    lines
}

/// Actions by lead organisation (written any way, one group), with the
/// co-responsible bodies under each heading.
fn by_responsible(d: &Dashboard) -> Vec<Line<'static>> {
    // key → (shown name, co-responsible bodies, actions)
    let mut groups: BTreeMap<String, (String, Vec<String>, Vec<&ProgramAction>)> = BTreeMap::new();
    for a in d.actions() {
        let (lead, co) = bodies(&a.action);
        let lead = lead.unwrap_or_else(|| "—".to_owned());
        let group = groups.entry(body_key(&lead)).or_insert_with(|| (lead.clone(), vec![], vec![]));
        // The same name in every spelling: show the one that sorts first
        // (capitalised before lower case), whatever order actions come in.
        if lead < group.0 {
            group.0 = lead;
        }
        for body in co {
            if !group.1.iter().any(|b| body_key(b) == body_key(&body)) {
                group.1.push(body);
            }
        }
        group.2.push(a);
    }
    let mut lines = Vec::new();
    for (_, (name, co, actions)) in groups {
        lines.push(heading(&name, &actions, d.today));
        if !co.is_empty() {
            let co: Vec<String> = co.iter().map(|b| safe(b).into_owned()).collect();
            lines.push(Line::styled(
                format!(
                    "  {}",
                    targs("dashboard-co-responsible", &[("bodies", co.join(", ").into())])
                ),
                theme::dim(),
            ));
        }
        lines.extend(actions.into_iter().map(|a| action_line(a, d.today)));
        lines.push(Line::from(""));
    }
    lines
}

/// Needs by settlement with the sessions that raised them (each once) and
/// their status as shown (derived from their actions).
fn needs(d: &Dashboard) -> Vec<Line<'static>> {
    let p = d.program;
    let statuses = p.need_statuses();
    let linked: HashSet<Id> =
        p.actions.iter().flat_map(|a| a.action.needs.iter().copied()).collect();
    let mut lines = Vec::new();
    let session_name = |id| {
        p.sessions.iter().find(|s| s.id == id).map_or_else(String::new, |s| {
            let town = s.place.split(',').next().unwrap_or("").trim();
            format!("{} {town}", s.date.format("%d.%m.%Y")).trim().to_owned()
        })
    };
    let places = p
        .settlements
        .iter()
        .filter(|s| d.settlement_in_city(s))
        .map(|s| (Some(s.id), settlement_label(s)))
        .chain(d.city.is_none().then(|| (None, t("no-settlement"))));
    for (id, name) in places {
        let needs: Vec<_> = p.needs.iter().filter(|n| n.need.settlement == id).collect();
        if needs.is_empty() {
            continue;
        }
        lines.push(Line::styled(safe(&name).into_owned(), theme::group()));
        for n in needs {
            let raised: Vec<String> = n
                .raises_shown()
                .map(|r| format!("{} (▲{})", session_name(r.session), r.votes))
                .collect();
            let status = statuses.get(&n.need.id).copied().unwrap_or(n.need.status);
            let mut detail = format!("  {} · {}", labels::need_status(status), raised.join("; "));
            if !linked.contains(&n.need.id) {
                detail.push_str(&format!(" · {}", t("dashboard-no-action")));
            }
            lines.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(safe(&n.need.title).into_owned(), theme::title()),
                Span::styled(detail, theme::dim()),
            ]));
        }
        lines.push(Line::from(""));
    }
    lines
}

fn lines(d: &Dashboard) -> Vec<Line<'static>> {
    match d.tab {
        Tab::ByStatus => by_status(d),
        Tab::BySettlement => by_settlement(d),
        Tab::ByResponsible => by_responsible(d),
        Tab::Needs => needs(d),
    }
}

pub fn render(d: &Dashboard, frame: &mut Frame) {
    let area = frame.area();
    if area.width < 20 || area.height < 5 {
        frame.render_widget(Paragraph::new(t("too-small-short")), area);
        return;
    }
    let [tabs, body, footer] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1), Constraint::Length(1)])
            .areas(area);
    let mut spans = vec![Span::styled(format!(" {} ", safe(&d.program.title)), theme::title())];
    if let Some(city) = &d.city {
        spans.push(Span::styled(format!("[{}] ", safe(city)), theme::selected()));
    }
    for (i, tab) in Tab::ALL.iter().enumerate() {
        let style = if *tab == d.tab { theme::selected() } else { theme::dim() };
        spans.push(Span::styled(format!(" {} {} ", i + 1, t(tab.title_id())), style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), tabs);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme::border());
    frame.render_widget(
        Paragraph::new(lines(d)).block(block).wrap(Wrap { trim: false }).scroll((d.scroll, 0)),
        body,
    );
    let summary = targs(
        "dashboard-footer",
        &[
            ("sessions", d.program.sessions.len().into()),
            ("actions", d.actions().count().into()),
            ("overdue", d.actions().filter(|a| a.action.is_overdue(d.today)).count().into()),
        ],
    );
    frame.render_widget(Paragraph::new(Line::styled(summary, theme::dim())), footer);
}
