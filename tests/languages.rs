//! The message catalogue, the configuration file and the command line's
//! language and completions.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use kenesh::i18n::Lang;

/// Message ids and the variables each uses, read from a Fluent file.
fn messages(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current = None;
    for line in lang.source().lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if !line.starts_with(' ') && line.contains(" = ") || line.ends_with(" =") {
            let id = line.split(" =").next().unwrap().trim().to_owned();
            out.insert(id.clone(), BTreeSet::new());
            current = Some(id);
        }
        if let Some(id) = &current {
            let mut rest = line;
            while let Some(at) = rest.find('$') {
                let name: String = rest[at + 1..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                out.get_mut(id).unwrap().insert(name);
                rest = &rest[at + 1..];
            }
        }
    }
    out
}

#[test]
fn russian_and_english_have_the_same_messages_and_variables() {
    let en = messages(Lang::En);
    let ru = messages(Lang::Ru);
    assert!(en.len() > 300, "{} messages", en.len());
    let only_en: Vec<_> = en.keys().filter(|k| !ru.contains_key(*k)).collect();
    let only_ru: Vec<_> = ru.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(
        only_en.is_empty() && only_ru.is_empty(),
        "missing in ru: {only_en:?}; missing in en: {only_ru:?}"
    );
    for (id, vars) in &en {
        assert_eq!(&ru[id], vars, "variables of {id}");
    }
}

#[test]
fn kyrgyz_covers_the_projector_and_main_labels_with_known_ids() {
    let en = messages(Lang::En);
    let ky = messages(Lang::Ky);
    for id in ky.keys() {
        assert!(en.contains_key(id), "ky has {id}, which English does not");
        assert_eq!(ky[id], en[id], "variables of {id}");
    }
    for id in [
        "pane-agenda",
        "pane-needs",
        "pane-actions",
        "slide-now",
        "slide-needs",
        "slide-actions",
        "projector-end",
        "welcome",
    ] {
        assert!(ky.contains_key(id), "ky lacks {id}");
    }
}

/// Every id the code looks up exists in English (the complete fallback).
#[test]
fn every_id_used_in_the_code_exists() {
    let en = messages(Lang::En);
    let mut missing = Vec::new();
    for file in rust_files(&common::repo_root().join("src")) {
        let text = std::fs::read_to_string(&file).unwrap();
        for call in [
            "t(\"",
            "targs(\n",
            "targs(\"",
            "help: \"",
            "\"help-",
            "\"field-",
            "\"form-",
            "\"col-",
            "\"export-",
        ] {
            let _ = call;
        }
        let mut rest = text.as_str();
        while let Some(at) = rest.find('"') {
            rest = &rest[at + 1..];
            let Some(end) = rest.find('"') else { break };
            let literal = &rest[..end];
            rest = &rest[end + 1..];
            let looks_like_id = literal.len() > 3
                && literal
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && literal.contains('-')
                && [
                    "help-",
                    "field-",
                    "form-",
                    "col-",
                    "export-",
                    "pane-",
                    "capture-",
                    "notice-",
                    "projector-",
                    "status-",
                    "merge-",
                    "config-",
                    "group-",
                    "category-",
                    "need-",
                    "action-",
                    "agenda-",
                    "slide-",
                    "dashboard-",
                    "check-",
                    "new-",
                    "recovery-",
                    "draft-",
                    "save-",
                    "quit-",
                    "present-",
                ]
                .iter()
                .any(|p| literal.starts_with(p));
            if looks_like_id && !en.contains_key(literal) {
                missing.push(format!("{}: {literal}", file.display()));
            }
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
}

fn rust_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

/// View code holds no user-facing words: only message ids, symbols and
/// format strings. A literal with three letters in a row is suspect unless
/// it is allowed here.
#[test]
fn view_code_has_no_user_facing_literals() {
    // Key names are the same in every language.
    const ALLOWED: [&str; 7] =
        [" Tab: ", "#… @…  Tab", "Tab / ↓", "Shift-Tab / ↑", "Space", "Enter", "Esc"];
    let mut found = Vec::new();
    for file in rust_files(&common::repo_root().join("src/ui")) {
        let text = std::fs::read_to_string(&file).unwrap();
        let before_tests = text.split("#[cfg(test)]").next().unwrap_or("");
        for (n, line) in before_tests.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            let mut parts = code.split('"');
            parts.next();
            while let (Some(literal), rest) = (parts.next(), parts.next()) {
                let letters = literal.chars().filter(|c| c.is_alphabetic()).count();
                let is_id = literal
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                let is_format = literal.contains('{') || literal.contains('%');
                let has_word =
                    literal.split(|c: char| !c.is_alphabetic()).any(|w| w.chars().count() >= 3);
                if letters >= 3 && has_word && !is_id && !is_format && !ALLOWED.contains(&literal) {
                    found.push(format!("{}:{}: {literal:?}", file.display(), n + 1));
                }
                if rest.is_none() {
                    break;
                }
            }
        }
    }
    assert!(found.is_empty(), "user-facing literals in view code: {found:#?}");
}

#[test]
fn russian_plurals_follow_cldr() {
    let ru = kenesh::i18n::bundle_for(Lang::Ru);
    let say = |id: &str, args: &[(&str, i64)]| {
        let mut fluent = fluent_bundle::FluentArgs::new();
        for (k, v) in args {
            fluent.set(*k, *v);
        }
        let mut errors = Vec::new();
        let pattern = ru.get_message(id).unwrap().value().unwrap();
        ru.format_pattern(pattern, Some(&fluent), &mut errors).into_owned()
    };
    assert_eq!(say("participants-count", &[("count", 1)]), "1 участник");
    assert_eq!(say("participants-count", &[("count", 2)]), "2 участника");
    assert_eq!(say("participants-count", &[("count", 5)]), "5 участников");
    assert_eq!(say("participants-count", &[("count", 21)]), "21 участник");
    let votes = |n| say("needs-group", &[("count", 1), ("votes", n)]);
    assert!(votes(1).ends_with("1 голос"), "{}", votes(1));
    assert!(votes(3).ends_with("3 голоса"));
    assert!(votes(11).ends_with("11 голосов"));
    assert!(votes(22).ends_with("22 голоса"));
}

#[test]
fn the_language_comes_from_lang_and_the_flag() {
    let check = |args: &[&str], env: &[(&str, &str)]| {
        let mut cmd = common::kenesh();
        cmd.env_remove("LC_ALL").env_remove("LC_MESSAGES").env_remove("LANG");
        cmd.env("XDG_CONFIG_HOME", "/nonexistent");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.args(args).arg("check").args(common::example_sessions()).output().unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(check(&[], &[]).contains(": ok"));
    assert!(check(&[], &[("LANG", "ru_RU.UTF-8")]).contains(": в порядке"));
    assert!(check(&["--lang", "en"], &[("LANG", "ru_RU.UTF-8")]).contains(": ok"));
    assert!(check(&["--lang", "ru"], &[]).contains(": в порядке"));
}

#[test]
fn an_invalid_config_is_reported_with_its_position_and_defaults_are_used() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("kenesh");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("config.ron"),
        "Config(\n    language: Some(\"ru\"),\n    theme: Purple,\n)\n",
    )
    .unwrap();
    let out = common::kenesh()
        .env("XDG_CONFIG_HOME", dir.path())
        .env("LANG", "C")
        .arg("check")
        .arg(common::bishkek_example())
        .output()
        .unwrap();
    assert!(out.status.success(), "the program still runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("config.ron:3:12"), "{stderr}");
    assert!(stderr.contains("defaults"), "{stderr}");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains(": ok"),
        "English: the broken file's language was not used"
    );
}

#[test]
fn config_path_and_default() {
    let dir = tempfile::tempdir().unwrap();
    let out = common::kenesh()
        .env("XDG_CONFIG_HOME", dir.path())
        .args(["config", "--path"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim(),
        dir.path().join("kenesh/config.ron").display().to_string()
    );
    let out = common::kenesh().args(["config", "--default"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let config: kenesh::config::Config =
        ron::Options::default().from_str(&text).expect("the default parses");
    assert_eq!(config.language.as_deref(), Some("ru"));
    assert!(text.contains("vote-up"), "lists the action names");
}

#[test]
fn a_key_override_changes_behaviour_and_help() {
    use kenesh::app::model::Pane;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let config: kenesh::config::Config = ron::Options::default()
        .from_str("#![enable(implicit_some)]\nConfig(keys: [(action: \"vote-up\", keys: [\"v\"]), (action: \"nope\", keys: [\"x\"])])")
        .unwrap();
    let mut h = common::Harness::example();
    let problems = h.model.keymap.apply_overrides(config.key_overrides());
    assert_eq!(problems.len(), 1, "the unknown action is reported: {problems:?}");
    h.keys("3");
    let id = h.model.pane(Pane::Needs).selected_id().unwrap();
    let before = h.model.session.need(id).unwrap().votes;
    h.keys("+");
    assert_eq!(h.model.session.need(id).unwrap().votes, before, "+ no longer votes");
    h.send(kenesh::app::Msg::Key(KeyEvent::new(KeyCode::Char('v'), KeyModifiers::NONE)));
    assert_eq!(h.model.session.need(id).unwrap().votes, before + 1, "v does");
    let help: Vec<String> =
        kenesh::ui::help::lines(&h.model).iter().map(|l| l.to_string()).collect();
    assert!(
        help.iter().any(|l| l.trim_start().starts_with('v') && l.contains("One vote more")),
        "{help:#?}"
    );
}

/// The example session with a configuration's key overrides, all valid.
fn example_with_keys(config: &str) -> common::Harness {
    let config: kenesh::config::Config = ron::Options::default().from_str(config).unwrap();
    let mut h = common::Harness::example();
    let problems = h.model.keymap.apply_overrides(config.key_overrides());
    assert!(problems.is_empty(), "{problems:?}");
    h
}

/// The filter line's keys come from the key table too: an override of
/// `filter.close` clears the filter with the new key, and `?` shows it.
#[test]
fn the_filter_keys_can_be_overridden() {
    use kenesh::app::model::Pane;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut h = example_with_keys(r#"Config(keys: [(action: "filter.close", keys: ["Ctrl-g"])])"#);
    let everyone = h.model.session.participants.len();
    h.keys("2/").keys("ак-жар");
    assert_eq!(h.model.pane(Pane::Participants).rows.len(), 1);
    h.send(kenesh::app::Msg::Key(KeyEvent::new(KeyCode::Char('g'), KeyModifiers::CONTROL)));
    assert_eq!(h.model.pane(Pane::Participants).rows.len(), everyone, "Ctrl-g cleared it");
    let help: Vec<String> =
        kenesh::ui::help::lines(&h.model).iter().map(|l| l.to_string()).collect();
    assert!(
        help.iter().any(|l| l.contains("Ctrl-g") && l.contains("Clear the filter")),
        "{help:#?}"
    );
}

/// The key that takes a recovery copy back is the key table's: an
/// override of `offer.confirm` takes it, Enter then declines, and the
/// offer names the new key.
#[test]
fn the_offer_key_can_be_overridden_and_is_named_on_screen() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let offered = || {
        let mut h = example_with_keys(r#"Config(keys: [(action: "offer.confirm", keys: ["y"])])"#);
        let mut recovered = h.model.session.clone();
        recovered.title = "Восстановлено".into();
        h.send(kenesh::app::Msg::OfferRecovery(Box::new(recovered)));
        h
    };
    let mut h = offered();
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
    terminal.draw(|frame| kenesh::ui::render(&h.model, frame)).unwrap();
    let screen: String =
        terminal.backend().buffer().content().iter().map(|cell| cell.symbol()).collect();
    assert!(screen.contains("y / н: restore them"), "{screen}");
    h.send(kenesh::app::Msg::Key(KeyEvent::new(KeyCode::Char('y'), KeyModifiers::NONE)));
    assert_eq!(h.model.session.title, "Восстановлено", "y takes it");
    let mut h = offered();
    h.send(kenesh::app::Msg::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)));
    assert_ne!(h.model.session.title, "Восстановлено", "Enter no longer does");
}

#[test]
fn completions_for_three_shells() {
    for shell in ["bash", "zsh", "fish"] {
        let out = common::kenesh().args(["completions", shell]).output().unwrap();
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("merge") && text.contains("export"), "{shell}");
    }
}

/// Kyrgyz messages are Kyrgyz throughout: none holds a Russian-only
/// function word (a half-translated "по плану", "до", "и ещё"). Words that
/// are also Kyrgyz ("от", the hour abbreviation "с") are not in the list.
#[test]
fn kyrgyz_messages_hold_no_russian_only_words() {
    const RUSSIAN_ONLY: [&str; 12] =
        ["по", "и", "из", "для", "не", "на", "или", "ещё", "до", "при", "все", "это"];
    let mut mixed = Vec::new();
    for line in Lang::Ky.source().lines().filter(|l| !l.starts_with('#') && l.contains(" = ")) {
        let (id, text) = line.split_once(" = ").unwrap();
        let without_args: String =
            text.split('{').map(|part| part.split_once('}').map_or(part, |(_, r)| r)).collect();
        let words = without_args.split(|c: char| !c.is_alphabetic()).map(str::to_lowercase);
        if let Some(word) = words.into_iter().find(|w| RUSSIAN_ONLY.contains(&w.as_str())) {
            mixed.push(format!("{id}: «{word}» in {text}"));
        }
    }
    assert!(mixed.is_empty(), "Russian words in Kyrgyz messages: {mixed:#?}");
}

/// Labels built from several messages (a pane title and its grouping, the
/// agenda summary and its duration, a need group and its category, a
/// detail fact and its value) are translated together, so falling back
/// whole message by message never puts Russian inside a Kyrgyz label.
#[test]
fn kyrgyz_translates_every_part_of_composed_screen_labels() {
    let ky = messages(Lang::Ky);
    let root = common::repo_root();
    let mut sources = rust_files(&root.join("src/ui"));
    sources.push(root.join("src/labels.rs"));
    let code: String = sources.iter().map(|f| std::fs::read_to_string(f).unwrap()).collect();
    // The screen's parts: column and field labels and the label families.
    let families =
        ["col-", "field-", "group-", "category-", "kind-", "need-", "action-", "agenda-"];
    let used: BTreeSet<&str> = code
        .split('"')
        .filter(|literal| families.iter().any(|f| literal.starts_with(f)))
        .filter(|literal| literal.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
        .collect();
    assert!(used.len() > 50, "{} label ids found", used.len());
    let wholes = ["needs-by-settlement", "needs-by-category", "hours-minutes", "projector-due"];
    let missing: Vec<&str> =
        used.into_iter().chain(wholes).filter(|id| !ky.contains_key(*id)).collect();
    assert!(missing.is_empty(), "ky lacks parts of composed labels: {missing:?}");
}
