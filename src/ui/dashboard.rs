//! The programme dashboard (`kenesh program.ron`): what happened to the
//! plan across meetings. Actions by status with overdue ones marked, by
//! settlement and by responsible organisation; needs by settlement with the
//! sessions that raised them. Read-only: meetings change the record.

use std::collections::BTreeMap;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Wrap};

use super::sanitize::safe;
use super::theme;
use crate::i18n::{t, targs};
use crate::labels;
use crate::model::{ActionStatus, Date, Program, ProgramAction};

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

fn grouped<'a>(
    d: &Dashboard<'a>,
    key: impl Fn(&'a ProgramAction) -> Vec<String>,
) -> Vec<Line<'static>> {
    let mut groups: BTreeMap<String, Vec<&ProgramAction>> = BTreeMap::new();
    for a in &d.program.actions {
        for k in key(a) {
            groups.entry(k).or_default().push(a);
        }
    }
    let mut lines = Vec::new();
    for (name, actions) in groups {
        lines.push(heading(&name, &actions, d.today));
        lines.extend(actions.into_iter().map(|a| action_line(a, d.today)));
        lines.push(Line::from(""));
    }
    lines
}

fn lines(d: &Dashboard) -> Vec<Line<'static>> {
    let p = d.program;
    match d.tab {
        Tab::ByStatus => {
            let mut lines = Vec::new();
            for status in ActionStatus::ALL {
                let actions: Vec<&ProgramAction> =
                    p.actions.iter().filter(|a| a.action.status == status).collect();
                if actions.is_empty() {
                    continue;
                }
                lines.push(heading(&labels::action_status(status), &actions, d.today));
                lines.extend(actions.into_iter().map(|a| action_line(a, d.today)));
                lines.push(Line::from(""));
            }
            lines
        }
        Tab::BySettlement => grouped(d, |a| {
            let mut places: Vec<String> = a
                .action
                .needs
                .iter()
                .filter_map(|id| p.needs.iter().find(|n| n.need.id == *id))
                .filter_map(|n| n.need.settlement)
                .filter_map(|id| p.settlements.iter().find(|s| s.id == id))
                .map(|s| s.name.clone())
                .collect();
            places.sort();
            places.dedup();
            if places.is_empty() { vec![t("no-settlement")] } else { places }
        }),
        Tab::ByResponsible => grouped(d, |a| {
            let who = a.action.responsible.split([',', '(']).next().unwrap_or("").trim().to_owned();
            vec![if who.is_empty() { "—".to_owned() } else { who }]
        }),
        Tab::Needs => {
            let mut lines = Vec::new();
            let session_name = |id| {
                p.sessions.iter().find(|s| s.id == id).map_or_else(String::new, |s| {
                    let town = s.place.split(',').next().unwrap_or("").trim();
                    format!("{} {town}", s.date.format("%d.%m.%Y")).trim().to_owned()
                })
            };
            for s in p
                .settlements
                .iter()
                .map(|s| (Some(s.id), s.name.clone()))
                .chain(std::iter::once((None, t("no-settlement"))))
            {
                let needs: Vec<_> = p.needs.iter().filter(|n| n.need.settlement == s.0).collect();
                if needs.is_empty() {
                    continue;
                }
                lines.push(Line::styled(safe(&s.1).into_owned(), theme::group()));
                for n in needs {
                    let raised: Vec<String> = n
                        .raised
                        .iter()
                        .map(|r| format!("{} (▲{})", session_name(r.session), r.votes))
                        .collect();
                    lines.push(Line::from(vec![
                        Span::raw("  "),
                        Span::styled(safe(&n.need.title).into_owned(), theme::title()),
                        Span::styled(
                            format!(
                                "  {} · {}",
                                labels::need_status(n.need.status),
                                raised.join("; ")
                            ),
                            theme::dim(),
                        ),
                    ]));
                }
                lines.push(Line::from(""));
            }
            lines
        }
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
            ("actions", d.program.actions.len().into()),
            (
                "overdue",
                d.program.actions.iter().filter(|a| a.action.is_overdue(d.today)).count().into(),
            ),
        ],
    );
    frame.render_widget(Paragraph::new(Line::styled(summary, theme::dim())), footer);
}
