//! The `?` help's content, generated from the key table: one section per
//! scope, each binding with its keys and help text. The view styles these
//! lines; the editor measures them to know how far the help scrolls.

use ratatui::layout::Rect;

use super::keymap::{KeyMap, Scope};
#[cfg(test)]
use super::pane::Pane;
use crate::i18n::t;

/// One line of the help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Section(String),
    /// Keys (padded to a column) and what they do.
    Row(String, String),
    Blank,
}

impl HelpLine {
    pub fn text(&self) -> String {
        match self {
            HelpLine::Section(title) => title.clone(),
            HelpLine::Row(keys, help) => format!("{keys}{help}"),
            HelpLine::Blank => String::new(),
        }
    }
}

/// The message id of a scope's section title.
pub fn section_id(scope: Scope) -> &'static str {
    match scope {
        Scope::Global => "help-section-global",
        Scope::Pane(pane) => pane.title_id(),
        Scope::Help => "help-section-help",
        Scope::Confirm => "help-section-confirm",
        Scope::Form => "help-section-form",
        Scope::Capture => "help-section-capture",
        Scope::Filter => "help-section-filter",
        Scope::Offer => "help-section-offer",
        Scope::Projector => "help-section-projector",
        Scope::Dashboard => "help-section-dashboard",
        Scope::Present => "help-section-present",
    }
}

fn row(keys: &str, help: String) -> HelpLine {
    HelpLine::Row(format!("  {keys:<16}"), help)
}

pub fn lines(keymap: &KeyMap) -> Vec<HelpLine> {
    let mut lines = Vec::new();
    for scope in Scope::ALL {
        // A pane whose keys all work everywhere has no section of its own.
        if !keymap.bindings.iter().any(|b| b.scope == scope) {
            continue;
        }
        lines.push(HelpLine::Section(t(section_id(scope))));
        for binding in keymap.bindings.iter().filter(|b| b.scope == scope) {
            let keys = binding.keys.iter().map(|k| k.label()).collect::<Vec<_>>().join(" / ");
            lines.push(row(&keys, t(binding.help)));
        }
        if scope == Scope::Capture {
            capture_prefixes(&mut lines);
        }
        lines.push(HelpLine::Blank);
    }
    lines.pop();
    lines
}

/// The capture prefixes come from the parser's own table.
fn capture_prefixes(lines: &mut Vec<HelpLine>) {
    for (prefix, kind) in crate::capture::CaptureKind::PREFIXES {
        // The Cyrillic letter on the same key works as the prefix too.
        let twin = prefix.chars().next().and_then(crate::layout_keys::cyrillic_twin);
        let prefix = twin.map_or_else(|| prefix.to_owned(), |c| format!("{prefix} / {c}"));
        lines.push(HelpLine::Row(format!("  : {prefix:<14}"), t(kind.help_id())));
    }
    lines.push(row("#… @…  Tab", t("help-capture-tags")));
}

/// Where the help box sits on a screen.
pub fn help_rect(area: Rect) -> Rect {
    super::layout::centered(area, 96, area.height.saturating_sub(2).max(3))
}

/// Rows `text` takes when word-wrapped to `width` columns, greedily as the
/// paragraph wraps it.
fn wrapped_rows(text: &str, width: usize) -> usize {
    use unicode_width::UnicodeWidthStr;
    let width = width.max(1);
    let (mut rows, mut used) = (1, 0);
    for word in text.split_inclusive(' ') {
        let w = word.trim_end().width();
        if used > 0 && used + w > width {
            rows += 1;
            used = 0;
        }
        used += word.width();
        while used > width {
            rows += 1;
            used -= width;
        }
    }
    rows
}

/// The furthest the help can scroll on this screen: its last line at the
/// bottom of the box.
pub fn max_scroll(model: &super::model::Model) -> u16 {
    let rect = help_rect(model.screen);
    let (width, height) = (rect.width.saturating_sub(2), rect.height.saturating_sub(2));
    let rows: usize =
        lines(&model.keymap).iter().map(|l| wrapped_rows(&l.text(), usize::from(width))).sum();
    u16::try_from(rows.saturating_sub(usize::from(height))).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_help_lists_every_modes_keys_from_the_table() {
        let text: Vec<String> = lines(&KeyMap::default()).iter().map(HelpLine::text).collect();
        let has = |needle: &str| text.iter().any(|l| l.contains(needle));
        for scope in Scope::ALL.into_iter().filter(|s| !matches!(s, Scope::Pane(Pane::Agenda))) {
            assert!(text.contains(&t(section_id(scope))), "{scope:?} has a section");
        }
        assert!(has("Ctrl-s / Ctrl-ы"), "the form's Ctrl-s");
        assert!(has(&t("help-form-first")) && has(&t("help-form-letter")), "Home and letters");
        assert!(has(&t("help-slide-next")) && has(&t("help-cycle-city")), "projector, dashboard");
    }

    #[test]
    fn the_help_follows_an_override() {
        let mut map = KeyMap::default();
        assert!(map.apply_overrides([("form.submit", &["F2".to_owned()][..])]).is_empty());
        let text: Vec<String> = lines(&map).iter().map(HelpLine::text).collect();
        assert!(text.iter().any(|l| l.contains("F2") && l.contains(&t("help-form-save"))));
    }
}
