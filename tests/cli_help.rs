//! `kenesh --help` and every subcommand's help speak the interface
//! language, chosen as for the screen: --lang, config, LC_ALL / LC_MESSAGES
//! / LANG.

mod common;

use kenesh::i18n::{Lang, bundle_for};

fn help(args: &[&str], env: &[(&str, &str)]) -> (Option<i32>, String) {
    let home = tempfile::tempdir().unwrap();
    let mut cmd = common::kenesh();
    cmd.args(args).env("XDG_CONFIG_HOME", home.path()).env("HOME", home.path());
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        cmd.env_remove(var);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    (out.status.code(), String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn every_help_text_is_in_english_and_russian() {
    for lang in [Lang::En, Lang::Ru] {
        let bundle = bundle_for(lang);
        for id in kenesh::cli_help::message_ids() {
            assert!(bundle.has_message(&id), "{id} missing in {lang:?}");
        }
    }
}

#[test]
fn help_follows_the_lang_flag_and_the_environment() {
    let (code, text) = help(&["--lang", "ru", "--help"], &[]);
    assert_eq!(code, Some(0));
    assert!(text.contains("Использование: kenesh"), "{text}");
    assert!(text.contains("Команды:") && text.contains("Параметры:"), "{text}");
    assert!(text.contains("Создать файл заседания"), "{text}");
    assert!(!text.contains("Usage") && !text.contains("Print help"), "{text}");

    let (_, text) = help(&["new", "--help"], &[("LANG", "ru_RU.UTF-8")]);
    assert!(text.contains("Название встречи"), "{text}");
    let (_, text) = help(&["export", "--help"], &[("LC_MESSAGES", "ru_RU.UTF-8")]);
    assert!(text.contains("[значения: markdown, csv"), "{text}");
    assert!(text.contains("по умолчанию: actions]"), "{text}");

    // Kyrgyz has the headings and falls back to Russian for the rest.
    let (_, text) = help(&["check", "--help", "--lang=ky"], &[]);
    assert!(text.contains("Колдонуу: kenesh check"), "{text}");
    assert!(text.contains("Файлы для проверки"), "{text}");

    let (code, text) = help(&["--help"], &[("LANG", "C.UTF-8")]);
    assert_eq!(code, Some(0));
    assert!(text.contains("Usage: kenesh") && text.contains("Print help"), "{text}");
}

#[test]
fn help_follows_the_config_file() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("kenesh")).unwrap();
    std::fs::write(home.path().join("kenesh/config.ron"), "Config(language: Some(\"ru\"))")
        .unwrap();
    let out = common::kenesh()
        .args(["merge", "--help"])
        .env("XDG_CONFIG_HOME", home.path())
        .env("LANG", "en_US.UTF-8")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Напечатать сводку и ничего не записывать"), "{text}");
}

#[test]
fn version_and_bad_arguments_keep_their_exit_codes() {
    let (code, text) = help(&["--version"], &[("LANG", "ru_RU.UTF-8")]);
    assert_eq!(code, Some(0));
    assert!(text.starts_with("kenesh "), "{text}");
    let (code, _) = help(&["--lang", "ru", "--no-such-flag"], &[]);
    assert_eq!(code, Some(2));
    let (code, text) = help(&["help", "new"], &[("LANG", "ru_RU.UTF-8")]);
    assert_eq!(code, Some(0));
    assert!(text.contains("Название встречи"), "{text}");
}
