//! The one key table. Input handling looks keys up here and the `?` help
//! is generated from it, so the two can never disagree.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::pane::Pane;
use crate::layout_keys::{canonical, cyrillic_twin};

/// The key as the Latin layout names it: `н` (on the `y` key) is `y`, so
/// keys handled outside the table (y/n, help, projector, dashboard) answer
/// in the Russian and Kyrgyz layouts too.
pub fn latin_code(code: KeyCode) -> KeyCode {
    match code {
        KeyCode::Char(c) => KeyCode::Char(canonical(c)),
        other => other,
    }
}

/// A key event as the editor reads it. A Ctrl or Alt chord with a
/// Cyrillic letter is the chord on the same Latin key (Ctrl-ц is Ctrl-w in
/// a text field): a chord is never text. Ctrl+Alt with a character other
/// than a Latin letter or digit is that character alone: Windows reports
/// AltGr as Ctrl+Alt, and AltGr+у types ү in the Kyrgyz layout.
pub fn normalize_key(key: &KeyEvent) -> KeyEvent {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    match key.code {
        KeyCode::Char(c) if ctrl && alt && !c.is_ascii_alphanumeric() => KeyEvent {
            modifiers: key.modifiers - (KeyModifiers::CONTROL | KeyModifiers::ALT),
            ..*key
        },
        _ if ctrl != alt => KeyEvent { code: latin_code(key.code), ..*key },
        _ => *key,
    }
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Global,
    Pane(Pane),
    /// The `?` help overlay.
    Help,
    /// The quit question when saving fails.
    Confirm,
    /// A form (typing into a field is text, not a binding).
    Form,
    /// The capture line (typing is text; digits pick a suggestion).
    Capture,
    /// At start, a draft or a recovery copy offered back.
    Offer,
    /// The filter line under a pane (`/`; typing is text).
    Filter,
    /// The projector view inside the editor; the meeting keys of
    /// [`PROJECTOR_GLOBALS`] work there too.
    Projector,
    /// `kenesh dashboard`.
    Dashboard,
    /// `kenesh present`.
    Present,
}

impl Scope {
    /// Every scope, in the order the help lists them.
    pub const ALL: [Scope; 15] = [
        Scope::Global,
        Scope::Pane(Pane::Agenda),
        Scope::Pane(Pane::Participants),
        Scope::Pane(Pane::Needs),
        Scope::Pane(Pane::Actions),
        Scope::Pane(Pane::Proposals),
        Scope::Form,
        Scope::Capture,
        Scope::Filter,
        Scope::Offer,
        Scope::Help,
        Scope::Confirm,
        Scope::Projector,
        Scope::Dashboard,
        Scope::Present,
    ];

    /// The scope's name in the configuration file's `keys` section
    /// (`form.submit`); normal mode's scopes have none (`quit`).
    pub fn config_name(self) -> Option<&'static str> {
        Some(match self {
            Scope::Global | Scope::Pane(_) => return None,
            Scope::Help => "help",
            Scope::Confirm => "confirm",
            Scope::Form => "form",
            Scope::Capture => "capture",
            Scope::Filter => "filter",
            Scope::Offer => "offer",
            Scope::Projector => "projector",
            Scope::Dashboard => "dashboard",
            Scope::Present => "present",
        })
    }
}

/// The normal-mode actions that also work in the projector view.
pub const PROJECTOR_GLOBALS: [Action; 7] = [
    Action::ToggleProjector,
    Action::NextItem,
    Action::StartStop,
    Action::NextSpeaker,
    Action::EndTurn,
    Action::Quit,
    Action::Help,
];

/// A key as the table spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    const fn plain(code: KeyCode) -> Key {
        Key { code, modifiers: KeyModifiers::NONE }
    }

    const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    const fn ctrl(c: char) -> Key {
        Key { code: KeyCode::Char(c), modifiers: KeyModifiers::CONTROL }
    }

    /// Whether a key event from the terminal is this key. Shift is part of
    /// the character for printable keys (`?`, `+`), so it is ignored there.
    /// A character matches the one on the same physical key in the Latin,
    /// Russian and Kyrgyz layouts (`т` is `n`, Ctrl-к is Ctrl-r).
    pub fn matches(&self, event: &KeyEvent) -> bool {
        let relevant = KeyModifiers::CONTROL | KeyModifiers::ALT;
        let same_code = match (self.code, event.code) {
            (KeyCode::BackTab, KeyCode::Tab) => event.modifiers.contains(KeyModifiers::SHIFT),
            (KeyCode::Char(a), KeyCode::Char(b)) => canonical(a) == canonical(b),
            (a, b) => a == b,
        };
        same_code && (self.modifiers & relevant) == (event.modifiers & relevant)
    }

    /// The same key whatever layout it was written in (`т` and `n`).
    pub fn same_key(&self, other: &Key) -> bool {
        let code = |k: &Key| match k.code {
            KeyCode::Char(c) => KeyCode::Char(canonical(c)),
            other => other,
        };
        code(self) == code(other) && self.modifiers == other.modifiers
    }

    /// How the help shows the key: a letter with its Cyrillic twin on the
    /// same key (`n / т`, `Ctrl-r / Ctrl-к`).
    pub fn label(&self) -> String {
        let modifier = if self.modifiers.contains(KeyModifiers::CONTROL) {
            "Ctrl-"
        } else if self.modifiers.contains(KeyModifiers::ALT) {
            "Alt-"
        } else {
            ""
        };
        if let KeyCode::Char(c) = self.code
            && c != ' '
        {
            let latin = canonical(c);
            return match cyrillic_twin(latin) {
                Some(cyrillic) => format!("{modifier}{latin} / {modifier}{cyrillic}"),
                None => format!("{modifier}{latin}"),
            };
        }
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Tab => "Tab".to_owned(),
            KeyCode::BackTab => "Shift-Tab".to_owned(),
            KeyCode::Enter => "Enter".to_owned(),
            KeyCode::Esc => "Esc".to_owned(),
            KeyCode::Up => "↑".to_owned(),
            KeyCode::Down => "↓".to_owned(),
            KeyCode::Left => "←".to_owned(),
            KeyCode::Right => "→".to_owned(),
            KeyCode::PageUp => "PgUp".to_owned(),
            KeyCode::PageDown => "PgDn".to_owned(),
            KeyCode::Home => "Home".to_owned(),
            KeyCode::End => "End".to_owned(),
            KeyCode::F(n) => format!("F{n}"),
            // The form's jump-by-letter: any letter, not one key.
            KeyCode::Null => "a…я".to_owned(),
            other => format!("{other:?}"),
        };
        format!("{modifier}{base}")
    }
}

/// One row of the key table: keys, where they work, what they do, and the
/// message id of the help text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub keys: Vec<Key>,
    pub scope: Scope,
    pub action: Action,
    pub help: &'static str,
}

/// The key table in use (the compiled defaults; the configuration issue
/// patches overrides over these).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyMap {
    pub bindings: Vec<Binding>,
}

impl Default for KeyMap {
    fn default() -> Self {
        use KeyCode::*;
        let b = |keys: &[Key], scope: Scope, action: Action, help: &'static str| Binding {
            keys: keys.to_vec(),
            scope,
            action,
            help,
        };
        let g = Scope::Global;
        let people = Scope::Pane(Pane::Participants);
        let needs = Scope::Pane(Pane::Needs);
        let mut bindings = Vec::new();
        let actions = Scope::Pane(Pane::Actions);
        let proposals = Scope::Pane(Pane::Proposals);
        bindings.extend([
            b(&[Key::plain(Tab)], g, Action::FocusNext, "help-focus-next"),
            b(&[Key::plain(BackTab)], g, Action::FocusPrev, "help-focus-prev"),
            b(&[Key::ch('1')], g, Action::Focus(Pane::Agenda), "help-focus-agenda"),
            b(&[Key::ch('2')], g, Action::Focus(Pane::Participants), "help-focus-participants"),
            b(&[Key::ch('3')], g, Action::Focus(Pane::Needs), "help-focus-needs"),
            b(&[Key::ch('4')], g, Action::Focus(Pane::Actions), "help-focus-actions"),
            b(
                &[Key::ch('5'), Key::ch('P')],
                g,
                Action::Focus(Pane::Proposals),
                "help-focus-proposals",
            ),
            b(&[Key::ch(':')], g, Action::Capture, "help-capture"),
            b(&[Key::ch('p')], g, Action::ToggleProjector, "help-projector"),
            b(&[Key::ch('s')], g, Action::StartStop, "help-start-stop"),
            b(&[Key::ch('n')], g, Action::NextItem, "help-next-item"),
            b(&[Key::ch('t')], g, Action::NextSpeaker, "help-next-speaker"),
            b(&[Key::ch('x')], g, Action::EndTurn, "help-end-turn"),
            b(&[Key::ch('X')], g, Action::DropQueue, "help-drop-queue"),
            b(&[Key::plain(Up), Key::ch('k')], g, Action::Up, "help-up"),
            b(&[Key::plain(Down), Key::ch('j')], g, Action::Down, "help-down"),
            b(&[Key::plain(PageUp)], g, Action::PageUp, "help-page-up"),
            b(&[Key::plain(PageDown)], g, Action::PageDown, "help-page-down"),
            b(&[Key::plain(Home), Key::ch('g')], g, Action::First, "help-first"),
            b(&[Key::plain(End), Key::ch('G')], g, Action::Last, "help-last"),
            b(&[Key::ch('a')], g, Action::Add, "help-add"),
            b(&[Key::plain(Enter), Key::ch('e')], g, Action::Edit, "help-edit"),
            b(&[Key::ch('d'), Key::plain(Delete)], g, Action::Delete, "help-delete"),
            b(&[Key::ch('u')], g, Action::Undo, "help-undo"),
            b(&[Key::ctrl('r')], g, Action::Redo, "help-redo"),
            b(&[Key::ch('U')], g, Action::TakeMine, "help-take-mine"),
            b(&[Key::ch('/')], g, Action::Filter, "help-filter"),
            b(&[Key::ch('i')], g, Action::EditSession, "help-edit-session"),
            b(&[Key::ch('?'), Key::plain(F(1))], g, Action::Help, "help-help"),
            b(&[Key::ch('q')], g, Action::Quit, "help-quit"),
            b(&[Key::ctrl('l')], g, Action::Reload, "help-reload"),
            b(&[Key::ch(' ')], people, Action::TogglePresent, "help-toggle-present"),
            b(&[Key::ch('r')], people, Action::QueueSpeaker, "help-queue-speaker"),
            b(&[Key::ch('R')], people, Action::Unqueue, "help-unqueue"),
            b(&[Key::ch('K')], people, Action::QueueUp, "help-queue-up"),
            b(&[Key::ch('J')], people, Action::QueueDown, "help-queue-down"),
            b(&[Key::ch('S')], people, Action::EditSettlement, "help-edit-settlement"),
            b(&[Key::ch('S')], needs, Action::EditSettlement, "help-edit-settlement"),
            b(&[Key::ch('+'), Key::ch('=')], needs, Action::VoteUp, "help-vote-up"),
            b(&[Key::ch('-')], needs, Action::VoteDown, "help-vote-down"),
            b(&[Key::ch('o')], needs, Action::ToggleGrouping, "help-toggle-grouping"),
            b(&[Key::ch('c')], needs, Action::CycleStatus, "help-cycle-need-status"),
            b(&[Key::ch('c')], actions, Action::CycleStatus, "help-cycle-action-status"),
            b(&[Key::ch('c')], proposals, Action::CycleStatus, "help-cycle-kind"),
            b(&[Key::ch('A')], proposals, Action::Promote, "help-promote"),
            b(&[Key::ch('l')], proposals, Action::LinkNeed, "help-link-need"),
        ]);
        bindings.extend(mode_bindings());
        KeyMap { bindings }
    }
}

/// The keys of the modes other than normal. The form and the capture line
/// hand every key that is not here to the focused text field.
fn mode_bindings() -> Vec<Binding> {
    use KeyCode::*;
    let b = |keys: &[Key], scope: Scope, action: Action, help: &'static str| Binding {
        keys: keys.to_vec(),
        scope,
        action,
        help,
    };
    let (help, confirm, form, capture) = (Scope::Help, Scope::Confirm, Scope::Form, Scope::Capture);
    let shift_tab = Key::plain(BackTab);
    let mut bindings = vec![
        b(&[Key::plain(Esc)], form, Action::Close, "help-form-cancel"),
        b(&[Key::plain(Enter), Key::ctrl('s')], form, Action::Submit, "help-form-save"),
        // Shift-Tab first: some terminals send it as Tab with Shift.
        b(&[shift_tab, Key::plain(Up)], form, Action::FocusPrev, "help-form-prev"),
        b(&[Key::plain(Tab), Key::plain(Down)], form, Action::FocusNext, "help-form-next"),
        b(&[Key::plain(Left)], form, Action::ChoosePrev, "help-form-choose-prev"),
        b(&[Key::plain(Right)], form, Action::ChooseNext, "help-form-choose"),
        b(&[Key::ch(' ')], form, Action::Toggle, "help-form-toggle"),
        b(&[Key::plain(Home)], form, Action::First, "help-form-first"),
        b(&[Key::plain(End)], form, Action::Last, "help-form-last"),
        b(&[Key::plain(Null)], form, Action::JumpToLetter, "help-form-letter"),
        b(&[Key::plain(Esc)], capture, Action::Close, "help-capture-close"),
        b(&[Key::plain(Enter)], capture, Action::Submit, "help-capture-submit"),
        b(&[Key::plain(Tab)], capture, Action::Complete, "help-capture-complete"),
        b(&[Key::plain(Up)], capture, Action::Up, "help-capture-recall"),
        b(&[Key::plain(Down)], capture, Action::Down, "help-capture-recall-next"),
        b(&[Key::plain(Enter)], Scope::Filter, Action::Submit, "help-filter-keep"),
        b(&[Key::plain(Esc)], Scope::Filter, Action::Close, "help-filter-clear"),
        b(&[Key::plain(Enter)], Scope::Offer, Action::Confirm, "help-offer-take"),
        b(
            &[Key::plain(Esc), Key::ch('q'), Key::ch('?'), Key::plain(F(1))],
            help,
            Action::Close,
            "help-key-close",
        ),
        b(&[Key::plain(Down), Key::ch('j')], help, Action::Down, "help-down"),
        b(&[Key::plain(Up), Key::ch('k')], help, Action::Up, "help-up"),
        b(&[Key::plain(PageDown)], help, Action::PageDown, "help-page-down"),
        b(&[Key::plain(PageUp)], help, Action::PageUp, "help-page-up"),
        b(&[Key::plain(End), Key::ch('G')], help, Action::Last, "help-help-last"),
        b(&[Key::plain(Home), Key::ch('g')], help, Action::First, "help-help-first"),
        b(&[Key::ch('y'), Key::ch('Y')], confirm, Action::Confirm, "help-confirm-quit"),
    ];
    bindings.extend(view_bindings());
    bindings
}

/// The keys of the projector views and the dashboard.
fn view_bindings() -> Vec<Binding> {
    use KeyCode::*;
    let b = |keys: &[Key], scope: Scope, action: Action, help: &'static str| Binding {
        keys: keys.to_vec(),
        scope,
        action,
        help,
    };
    let (projector, dashboard, present) = (Scope::Projector, Scope::Dashboard, Scope::Present);
    let shift_tab = Key::plain(BackTab);
    vec![
        b(
            &[Key::plain(Right), Key::ch(' '), Key::ch('l')],
            projector,
            Action::SlideNext,
            "help-slide-next",
        ),
        b(&[Key::plain(Left), Key::ch('h')], projector, Action::SlidePrev, "help-slide-prev"),
        b(&[Key::ch('r')], projector, Action::Rotate, "help-rotate"),
        b(&[Key::ch('c')], projector, Action::CycleTheme, "help-cycle-theme"),
        b(&[Key::plain(Esc)], projector, Action::Close, "help-projector-close"),
        b(&[Key::ch('q'), Key::plain(Esc)], dashboard, Action::Quit, "help-dashboard-quit"),
        b(&[Key::plain(Tab), Key::plain(Right)], dashboard, Action::FocusNext, "help-tab-next"),
        b(&[shift_tab, Key::plain(Left)], dashboard, Action::FocusPrev, "help-tab-prev"),
        b(&[Key::ch('1')], dashboard, Action::ShowTab(1), "dashboard-by-status"),
        b(&[Key::ch('2')], dashboard, Action::ShowTab(2), "dashboard-by-settlement"),
        b(&[Key::ch('3')], dashboard, Action::ShowTab(3), "dashboard-by-responsible"),
        b(&[Key::ch('4')], dashboard, Action::ShowTab(4), "dashboard-needs"),
        b(&[Key::plain(Down), Key::ch('j')], dashboard, Action::Down, "help-scroll-down"),
        b(&[Key::plain(Up), Key::ch('k')], dashboard, Action::Up, "help-scroll-up"),
        b(&[Key::plain(PageDown)], dashboard, Action::PageDown, "help-page-down"),
        b(&[Key::plain(PageUp)], dashboard, Action::PageUp, "help-page-up"),
        b(&[Key::plain(Home)], dashboard, Action::First, "help-scroll-top"),
        b(&[Key::ch('c')], dashboard, Action::CycleCity, "help-cycle-city"),
        b(&[Key::ch('q'), Key::ctrl('c')], present, Action::Quit, "help-present-quit"),
        b(&[Key::plain(Esc)], present, Action::QuitTwice, "help-present-quit-twice"),
        b(
            &[Key::plain(Right), Key::ch(' '), Key::ch('l')],
            present,
            Action::SlideNext,
            "help-slide-next",
        ),
        b(&[Key::plain(Left), Key::ch('h')], present, Action::SlidePrev, "help-slide-prev"),
        b(&[Key::ch('r')], present, Action::Rotate, "help-rotate"),
        b(&[Key::ch('c')], present, Action::CycleTheme, "help-cycle-theme"),
    ]
}

impl KeyMap {
    /// The action for a key in the focused pane: pane bindings first, then
    /// global ones.
    pub fn action_for(&self, event: &KeyEvent, focus: Pane) -> Option<Action> {
        let find = |scope: Scope| {
            self.bindings
                .iter()
                .find(|b| b.scope == scope && b.keys.iter().any(|k| k.matches(event)))
                .map(|b| b.action)
        };
        find(Scope::Pane(focus)).or_else(|| find(Scope::Global))
    }

    /// The first key bound to `action` in normal mode, as the help shows
    /// it (a key override shows the overriding key).
    pub fn label_of(&self, action: Action) -> String {
        self.label_in(Scope::Global, action)
    }

    /// The first key bound to `action` in `scope`, as the help shows it.
    pub fn label_in(&self, scope: Scope, action: Action) -> String {
        self.bindings
            .iter()
            .find(|b| b.scope == scope && b.action == action)
            .and_then(|b| b.keys.first())
            .map(Key::label)
            .unwrap_or_default()
    }

    /// The action a key has in one scope of a mode (no fallback).
    pub fn lookup(&self, scope: Scope, event: &KeyEvent) -> Option<Action> {
        self.bindings
            .iter()
            .find(|b| b.scope == scope && b.keys.iter().any(|k| k.matches(event)))
            .map(|b| b.action)
    }

    /// The panes where a key that does nothing in `focus` has a binding,
    /// so the user can be told where it works.
    pub fn panes_for(&self, event: &KeyEvent, focus: Pane) -> Vec<Pane> {
        let mut panes: Vec<Pane> = self
            .bindings
            .iter()
            .filter(|b| b.keys.iter().any(|k| k.matches(event)))
            .filter_map(|b| match b.scope {
                Scope::Pane(pane) if pane != focus => Some(pane),
                _ => None,
            })
            .collect();
        panes.dedup();
        panes
    }
}

/// Action names for key overrides.
pub const ACTIONS: [(&str, Action); 39] = [
    ("focus-next", Action::FocusNext),
    ("focus-prev", Action::FocusPrev),
    ("focus-agenda", Action::Focus(Pane::Agenda)),
    ("focus-participants", Action::Focus(Pane::Participants)),
    ("focus-needs", Action::Focus(Pane::Needs)),
    ("focus-actions", Action::Focus(Pane::Actions)),
    ("focus-proposals", Action::Focus(Pane::Proposals)),
    ("up", Action::Up),
    ("down", Action::Down),
    ("page-up", Action::PageUp),
    ("page-down", Action::PageDown),
    ("first", Action::First),
    ("last", Action::Last),
    ("add", Action::Add),
    ("edit", Action::Edit),
    ("delete", Action::Delete),
    ("undo", Action::Undo),
    ("redo", Action::Redo),
    ("take-mine", Action::TakeMine),
    ("filter", Action::Filter),
    ("edit-session", Action::EditSession),
    ("help", Action::Help),
    ("quit", Action::Quit),
    ("start-stop", Action::StartStop),
    ("next-item", Action::NextItem),
    ("vote-up", Action::VoteUp),
    ("vote-down", Action::VoteDown),
    ("toggle-grouping", Action::ToggleGrouping),
    ("cycle-status", Action::CycleStatus),
    ("toggle-present", Action::TogglePresent),
    ("capture", Action::Capture),
    ("queue-speaker", Action::QueueSpeaker),
    ("next-speaker", Action::NextSpeaker),
    ("end-turn", Action::EndTurn),
    ("promote", Action::Promote),
    ("link-need", Action::LinkNeed),
    ("projector", Action::ToggleProjector),
    ("reload", Action::Reload),
    ("edit-settlement", Action::EditSettlement),
];

/// Parses "Ctrl-s", "Alt-x", "F5", "Space", "Enter", "Tab", "Up", "q".
pub fn parse_key(text: &str) -> Option<Key> {
    let (modifiers, name) = if let Some(rest) = text.strip_prefix("Ctrl-") {
        (KeyModifiers::CONTROL, rest)
    } else if let Some(rest) = text.strip_prefix("Alt-") {
        (KeyModifiers::ALT, rest)
    } else {
        (KeyModifiers::NONE, text)
    };
    let code = match name {
        "Space" => KeyCode::Char(' '),
        "Enter" => KeyCode::Enter,
        "Tab" => KeyCode::Tab,
        "Shift-Tab" | "BackTab" => KeyCode::BackTab,
        "Esc" => KeyCode::Esc,
        "Up" => KeyCode::Up,
        "Down" => KeyCode::Down,
        "Left" => KeyCode::Left,
        "Right" => KeyCode::Right,
        "PgUp" | "PageUp" => KeyCode::PageUp,
        "PgDn" | "PageDown" => KeyCode::PageDown,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "Delete" => KeyCode::Delete,
        f if f.starts_with('F') && f.len() > 1 => KeyCode::F(f[1..].parse().ok()?),
        c if c.chars().count() == 1 => KeyCode::Char(c.chars().next()?),
        _ => return None,
    };
    Some(Key { code, modifiers })
}

/// Names of the actions only other modes have, for overrides written
/// `scope.action` (`form.submit`, `projector.next-slide`).
pub const MODE_ACTIONS: [(&str, Action); 17] = [
    ("close", Action::Close),
    ("confirm", Action::Confirm),
    ("submit", Action::Submit),
    ("complete", Action::Complete),
    ("choose-prev", Action::ChoosePrev),
    ("choose-next", Action::ChooseNext),
    ("toggle", Action::Toggle),
    ("next-slide", Action::SlideNext),
    ("prev-slide", Action::SlidePrev),
    ("rotate", Action::Rotate),
    ("cycle-theme", Action::CycleTheme),
    ("cycle-city", Action::CycleCity),
    ("ask-quit", Action::QuitTwice),
    ("tab-1", Action::ShowTab(1)),
    ("tab-2", Action::ShowTab(2)),
    ("tab-3", Action::ShowTab(3)),
    ("tab-4", Action::ShowTab(4)),
];

/// The action names keys can be bound to in the configuration file:
/// normal mode's as they are, the other modes' as `scope.action` for each
/// binding the table has.
pub fn action_names() -> Vec<String> {
    let mut names: Vec<String> = ACTIONS.iter().map(|(name, _)| (*name).to_owned()).collect();
    for binding in &KeyMap::default().bindings {
        if let (Some(scope), Some(action)) =
            (binding.scope.config_name(), action_name(binding.action))
        {
            let name = format!("{scope}.{action}");
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    names
}

/// The configuration name of an action.
pub fn action_name(action: Action) -> Option<&'static str> {
    ACTIONS.iter().chain(&MODE_ACTIONS).find(|(_, a)| *a == action).map(|(n, _)| *n)
}

/// The scope (None: normal mode) and action an override names.
fn parse_action_name(name: &str) -> Option<(Option<Scope>, Action)> {
    let (scope, action) = match name.split_once('.') {
        Some((scope, action)) => {
            let scope = Scope::ALL.into_iter().find(|s| s.config_name() == Some(scope))?;
            (Some(scope), action)
        }
        None => (None, name),
    };
    // The mode actions have no meaning in normal mode.
    let mode_actions = if scope.is_some() { &MODE_ACTIONS[..] } else { &[] };
    let action = ACTIONS.iter().chain(mode_actions).find(|(n, _)| *n == action).map(|(_, a)| *a)?;
    Some((scope, action))
}

impl KeyMap {
    /// Patches key overrides (action name, keys as the configuration file
    /// writes them) over the table; returns a message for each override
    /// that could not be used. `quit` is normal mode's; `form.submit` is
    /// the form's (see [`action_names`]).
    pub fn apply_overrides<'a>(
        &mut self,
        overrides: impl IntoIterator<Item = (&'a str, &'a [String])>,
    ) -> Vec<String> {
        let mut problems = Vec::new();
        for (name, texts) in overrides {
            let target = parse_action_name(name).filter(|(scope, action)| {
                self.bindings.iter().any(|b| in_scope(b.scope, *scope) && b.action == *action)
            });
            let Some((scope, action)) = target else {
                problems.push(crate::i18n::targs(
                    "config-unknown-action",
                    &[("action", name.to_owned().into())],
                ));
                continue;
            };
            let keys: Vec<Key> = texts.iter().filter_map(|k| parse_key(k)).collect();
            if keys.len() != texts.len() || keys.is_empty() {
                problems.push(crate::i18n::targs(
                    "config-bad-key",
                    &[("keys", texts.join(", ").into())],
                ));
                continue;
            }
            self.rebind(scope, action, &keys);
        }
        problems
    }

    /// Gives `action` exactly `keys` in `scope` (None: normal mode's
    /// scopes); the keys leave whatever else they were bound to there.
    fn rebind(&mut self, scope: Option<Scope>, action: Action, keys: &[Key]) {
        let target = |b: &Binding| in_scope(b.scope, scope) && b.action == action;
        for binding in self.bindings.iter_mut().filter(|b| target(b)) {
            binding.keys = keys.to_vec();
        }
        let scopes: Vec<Scope> =
            self.bindings.iter().filter(|b| target(b)).map(|b| b.scope).collect();
        for binding in
            self.bindings.iter_mut().filter(|b| b.action != action && scopes.contains(&b.scope))
        {
            binding.keys.retain(|k| !keys.iter().any(|own| own.same_key(k)));
        }
    }
}

/// Whether a binding's scope is the one an override names (None: normal
/// mode, the global and pane scopes).
fn in_scope(binding: Scope, named: Option<Scope>) -> bool {
    match named {
        Some(scope) => binding == scope,
        None => matches!(binding, Scope::Global | Scope::Pane(_)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout_keys::Layout;

    #[test]
    fn no_two_bindings_in_one_scope_share_a_key() {
        let map = KeyMap::default();
        for (i, a) in map.bindings.iter().enumerate() {
            for b in &map.bindings[i + 1..] {
                if a.scope == b.scope {
                    for key in &a.keys {
                        assert!(
                            !b.keys.iter().any(|k| k.same_key(key)),
                            "{} bound twice in {:?}",
                            key.label(),
                            a.scope
                        );
                    }
                }
            }
        }
    }

    const PANES: [Pane; 5] =
        [Pane::Agenda, Pane::Participants, Pane::Needs, Pane::Actions, Pane::Proposals];

    /// What the key at the same place as `key` types in `layout`: the same
    /// level, plus the Kyrgyz AltGr letter on that key.
    fn twins(key: &Key, layout: Layout) -> Vec<KeyEvent> {
        let KeyCode::Char(latin) = key.code else { return Vec::new() };
        let Some(physical) = crate::layout_keys::physical(latin) else { return Vec::new() };
        let mut chars: Vec<char> = physical.same_level(latin, layout).into_iter().collect();
        if layout == Layout::Kyrgyz
            && let Some((small, capital)) = physical.kyrgyz_altgr
        {
            chars.push(if latin == physical.latin.0 { small } else { capital });
        }
        chars.into_iter().map(|c| KeyEvent::new(KeyCode::Char(c), key.modifiers)).collect()
    }

    #[test]
    fn every_key_in_the_table_works_at_its_place_in_each_cyrillic_layout() {
        let map = KeyMap::default();
        let mut checked = 0;
        for binding in &map.bindings {
            for key in &binding.keys {
                let latin = KeyEvent::new(key.code, key.modifiers);
                let home = match binding.scope {
                    Scope::Pane(pane) => Some(pane),
                    Scope::Global => Some(Pane::Proposals),
                    _ => None,
                };
                for layout in Layout::CYRILLIC {
                    for twin in twins(key, layout) {
                        let KeyCode::Char(c) = twin.code else { unreachable!() };
                        if c.is_ascii() {
                            // `?` sits on Shift-7 in ЙЦУКЕН: the key there
                            // types `,`. The key is still typeable as itself.
                            let KeyCode::Char(own) = key.code else { unreachable!() };
                            let typeable = crate::layout_keys::KEYS
                                .iter()
                                .any(|k| k.chars(layout).contains(&own))
                                || own == ' ';
                            assert!(typeable, "{own} cannot be typed in {layout:?}");
                            continue;
                        }
                        let Some(home) = home else {
                            // A mode's scope: the twin is the same key there.
                            assert_eq!(
                                map.lookup(binding.scope, &twin),
                                Some(binding.action),
                                "{c} ({layout:?}) in {:?}",
                                binding.scope
                            );
                            checked += 1;
                            continue;
                        };
                        for pane in PANES {
                            assert_eq!(
                                map.action_for(&twin, pane),
                                map.action_for(&latin, pane),
                                "{c} ({layout:?}) in {pane:?} for {}",
                                key.label()
                            );
                        }
                        assert_eq!(map.action_for(&twin, home), Some(binding.action), "{c}");
                        checked += 1;
                    }
                }
            }
        }
        // Every letter binding, both layouts, plus ү ң ө on the Kyrgyz one.
        assert!(checked > 40, "{checked}");
    }

    #[test]
    fn ctrl_with_a_cyrillic_letter_is_ctrl_with_the_latin_one() {
        let map = KeyMap::default();
        let ctrl_k = KeyEvent::new(KeyCode::Char('к'), KeyModifiers::CONTROL);
        assert_eq!(map.action_for(&ctrl_k, Pane::Needs), Some(Action::Redo));
        let plain_k = KeyEvent::new(KeyCode::Char('к'), KeyModifiers::NONE);
        assert_eq!(map.action_for(&plain_k, Pane::Participants), Some(Action::QueueSpeaker));
        assert_eq!(map.action_for(&plain_k, Pane::Needs), None, "r is a pane key");
    }

    #[test]
    fn help_labels_show_both_letters() {
        assert_eq!(Key::ch('n').label(), "n / т");
        assert_eq!(Key::ch('т').label(), "n / т", "a Cyrillic override reads the same");
        assert_eq!(Key::ch('S').label(), "S / Ы");
        assert_eq!(Key::ctrl('r').label(), "Ctrl-r / Ctrl-к");
        assert_eq!(Key::ch('+').label(), "+");
        assert_eq!(Key::ch(' ').label(), "Space");
    }

    #[test]
    fn pane_keys_win_over_global_ones_only_in_their_pane() {
        let map = KeyMap::default();
        let space = KeyEvent::new(KeyCode::Char(' '), KeyModifiers::NONE);
        assert_eq!(map.action_for(&space, Pane::Participants), Some(Action::TogglePresent));
        assert_eq!(map.action_for(&space, Pane::Needs), None);
        assert_eq!(map.panes_for(&space, Pane::Needs), [Pane::Participants]);
        let s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::NONE);
        assert_eq!(
            map.action_for(&s, Pane::Needs),
            Some(Action::StartStop),
            "meeting keys work anywhere"
        );
        let shift_tab = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(map.action_for(&shift_tab, Pane::Needs), Some(Action::FocusPrev));
        let plus = KeyEvent::new(KeyCode::Char('+'), KeyModifiers::SHIFT);
        assert_eq!(map.action_for(&plus, Pane::Needs), Some(Action::VoteUp));
        let ctrl_r = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL);
        assert_eq!(map.action_for(&ctrl_r, Pane::Needs), Some(Action::Redo));
    }

    #[test]
    fn every_mode_reads_its_keys_from_its_scope() {
        let map = KeyMap::default();
        let ev = |code, modifiers| KeyEvent::new(code, modifiers);
        let none = KeyModifiers::NONE;
        let ctrl_s = ev(KeyCode::Char('ы'), KeyModifiers::CONTROL);
        assert_eq!(map.lookup(Scope::Form, &ctrl_s), Some(Action::Submit));
        assert_eq!(map.lookup(Scope::Form, &ev(KeyCode::Char('x'), none)), None, "typing");
        assert_eq!(
            map.lookup(Scope::Confirm, &ev(KeyCode::Char('н'), none)),
            Some(Action::Confirm)
        );
        assert_eq!(
            map.lookup(Scope::Projector, &ev(KeyCode::Right, none)),
            Some(Action::SlideNext)
        );
        assert_eq!(
            map.lookup(Scope::Dashboard, &ev(KeyCode::Char('4'), none)),
            Some(Action::ShowTab(4))
        );
        assert_eq!(
            map.lookup(Scope::Present, &ev(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(map.lookup(Scope::Help, &ev(KeyCode::Char('п'), none)), Some(Action::First));
        assert_eq!(map.lookup(Scope::Capture, &ev(KeyCode::Tab, none)), Some(Action::Complete));
        for scope in Scope::ALL {
            assert!(
                map.bindings.iter().any(|b| b.scope == scope)
                    || matches!(scope, Scope::Pane(Pane::Agenda)),
                "{scope:?}"
            );
        }
    }

    #[test]
    fn an_override_names_its_scope_and_stays_in_it() {
        let mut map = KeyMap::default();
        let overrides = [
            ("form.submit", vec!["F2".to_owned()]),
            ("projector.next-slide", vec!["n".to_owned()]),
            ("up", vec!["w".to_owned()]),
        ];
        let problems = map.apply_overrides(overrides.iter().map(|(n, k)| (*n, k.as_slice())));
        assert!(problems.is_empty(), "{problems:?}");
        let ev = |code| KeyEvent::new(code, KeyModifiers::NONE);
        assert_eq!(map.lookup(Scope::Form, &ev(KeyCode::F(2))), Some(Action::Submit));
        assert_eq!(map.lookup(Scope::Form, &ev(KeyCode::Enter)), None);
        assert_eq!(map.lookup(Scope::Projector, &ev(KeyCode::Char('n'))), Some(Action::SlideNext));
        assert_eq!(map.lookup(Scope::Projector, &ev(KeyCode::Right)), None);
        assert_eq!(map.action_for(&ev(KeyCode::Char('n')), Pane::Needs), Some(Action::NextItem));
        assert_eq!(map.action_for(&ev(KeyCode::Char('w')), Pane::Needs), Some(Action::Up));
        assert_eq!(
            map.lookup(Scope::Help, &ev(KeyCode::Char('k'))),
            Some(Action::Up),
            "help's own"
        );
        for bad in ["submit", "nope.quit", "form.rotate"] {
            assert_eq!(map.apply_overrides([(bad, &["F3".to_owned()][..])]).len(), 1, "{bad}");
        }
        assert!(action_names().contains(&"dashboard.cycle-city".to_owned()));
    }
}
