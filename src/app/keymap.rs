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
pub const ACTIONS: [(&str, Action); 38] = [
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

/// The action names keys can be bound to in the configuration file.
pub fn action_names() -> Vec<&'static str> {
    ACTIONS.iter().map(|(name, _)| *name).collect()
}

impl KeyMap {
    /// Patches key overrides (action name, keys as the configuration file
    /// writes them) over the table; returns a message for each override
    /// that could not be used.
    pub fn apply_overrides<'a>(
        &mut self,
        overrides: impl IntoIterator<Item = (&'a str, &'a [String])>,
    ) -> Vec<String> {
        let mut problems = Vec::new();
        for (name, texts) in overrides {
            let Some(action) = ACTIONS.iter().find(|(n, _)| *n == name).map(|(_, a)| *a) else {
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
            self.rebind(action, &keys);
        }
        problems
    }

    /// Gives `action` exactly `keys`; the keys leave whatever else they were
    /// bound to in the same scope.
    fn rebind(&mut self, action: Action, keys: &[Key]) {
        for binding in self.bindings.iter_mut().filter(|b| b.action == action) {
            binding.keys = keys.to_vec();
        }
        let scopes: Vec<Scope> =
            self.bindings.iter().filter(|b| b.action == action).map(|b| b.scope).collect();
        for binding in
            self.bindings.iter_mut().filter(|b| b.action != action && scopes.contains(&b.scope))
        {
            binding.keys.retain(|k| !keys.iter().any(|own| own.same_key(k)));
        }
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
                    Scope::Pane(pane) => pane,
                    Scope::Global => Pane::Proposals,
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
}
