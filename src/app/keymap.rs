//! The one key table. Input handling looks keys up here and the `?` help
//! is generated from it, so the two can never disagree.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::model::Pane;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Global,
    Pane(Pane),
}

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
    pub fn matches(&self, event: &KeyEvent) -> bool {
        let relevant = KeyModifiers::CONTROL | KeyModifiers::ALT;
        let same_code = match (self.code, event.code) {
            (KeyCode::BackTab, KeyCode::Tab) => event.modifiers.contains(KeyModifiers::SHIFT),
            (a, b) => a == b,
        };
        same_code && (self.modifiers & relevant) == (event.modifiers & relevant)
    }

    /// How the help shows the key.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
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
            other => format!("{other:?}"),
        };
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{base}")
        } else if self.modifiers.contains(KeyModifiers::ALT) {
            format!("Alt-{base}")
        } else {
            base
        }
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
        let agenda = Scope::Pane(Pane::Agenda);
        let people = Scope::Pane(Pane::Participants);
        let needs = Scope::Pane(Pane::Needs);
        let actions = Scope::Pane(Pane::Actions);
        let proposals = Scope::Pane(Pane::Proposals);
        KeyMap {
            bindings: vec![
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
                b(&[Key::ch('t')], g, Action::NextSpeaker, "help-next-speaker"),
                b(&[Key::ch('x')], g, Action::EndTurn, "help-end-turn"),
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
                b(&[Key::ch('/')], g, Action::Filter, "help-filter"),
                b(&[Key::ch('i')], g, Action::EditSession, "help-edit-session"),
                b(&[Key::ch('?'), Key::plain(F(1))], g, Action::Help, "help-help"),
                b(&[Key::ch('q')], g, Action::Quit, "help-quit"),
                b(&[Key::ctrl('l')], g, Action::Reload, "help-reload"),
                b(&[Key::ch('s')], agenda, Action::StartStop, "help-start-stop"),
                b(&[Key::ch('n')], agenda, Action::NextItem, "help-next-item"),
                b(&[Key::ch(' ')], people, Action::TogglePresent, "help-toggle-present"),
                b(&[Key::ch('r')], people, Action::QueueSpeaker, "help-queue-speaker"),
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
            ],
        }
    }
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_bindings_in_one_scope_share_a_key() {
        let map = KeyMap::default();
        for (i, a) in map.bindings.iter().enumerate() {
            for b in &map.bindings[i + 1..] {
                if a.scope == b.scope {
                    for key in &a.keys {
                        assert!(
                            !b.keys.contains(key),
                            "{} bound twice in {:?}",
                            key.label(),
                            a.scope
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn pane_keys_win_over_global_ones_only_in_their_pane() {
        let map = KeyMap::default();
        let s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::NONE);
        assert_eq!(map.action_for(&s, Pane::Agenda), Some(Action::StartStop));
        assert_eq!(map.action_for(&s, Pane::Needs), None);
        let shift_tab = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(map.action_for(&shift_tab, Pane::Needs), Some(Action::FocusPrev));
        let plus = KeyEvent::new(KeyCode::Char('+'), KeyModifiers::SHIFT);
        assert_eq!(map.action_for(&plus, Pane::Needs), Some(Action::VoteUp));
        let ctrl_r = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL);
        assert_eq!(map.action_for(&ctrl_r, Pane::Needs), Some(Action::Redo));
    }
}
