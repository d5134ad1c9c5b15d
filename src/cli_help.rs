//! `kenesh --help` in the interface language. clap's derive takes its help
//! from English doc comments; here the `clap::Command` is rebuilt with every
//! about and help text, heading and the help/version flags taken from the
//! message catalogue. The language has to be known before clap parses, so
//! `--lang` is read from the raw arguments.
//!
//! Message ids follow the command tree: `cli-arg-ARG` for the top level,
//! `cli-cmd-SUB` and `cli-cmd-SUB-ARG` for subcommands (`_` written `-`).

use std::ffi::OsString;

use clap::{Arg, ArgAction, Command, CommandFactory};

use crate::i18n::t;

/// The value of `--lang` in the raw arguments, if any (`--lang ru` or
/// `--lang=ru`; nothing after `--`).
pub fn lang_arg(args: &[OsString]) -> Option<String> {
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if let Some(value) = word.strip_prefix("--lang=") {
            return Some(value.to_owned());
        }
        if word == "--lang" {
            return words.next().map(|v| v.into_owned());
        }
    }
    None
}

/// The command line with its help in the language `crate::i18n` speaks.
pub fn command() -> Command {
    let root = localize(crate::cli::Cli::command(), "cli-arg")
        .about(t("cli-about"))
        .long_about(None::<&str>)
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(t("cli-flag-version")),
        );
    let names: Vec<String> = root
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .map(|s| s.get_name().to_owned())
        .collect();
    let mut root = names.iter().fold(root, |root, name| {
        root.mut_subcommand(name, |sub| {
            let prefix = format!("cli-cmd-{}", name.replace('_', "-"));
            localize(sub, &prefix).about(t(&prefix)).long_about(None::<&str>)
        })
    });
    // clap adds the `help` subcommand while building: build, then word it.
    root.build();
    root.mut_subcommand("help", |help| help.about(t("cli-cmd-help")))
}

/// Help texts of `cmd`'s own arguments from `PREFIX-ARG`, and localized
/// headings, possible and default values and `--help` flag.
fn localize(cmd: Command, prefix: &str) -> Command {
    let ids: Vec<String> =
        cmd.get_arguments().filter(|a| !a.is_hide_set()).map(|a| a.get_id().to_string()).collect();
    let cmd = ids
        .iter()
        .fold(cmd, |cmd, id| {
            cmd.mut_arg(id, |arg| {
                let message = format!("{prefix}-{}", id.replace('_', "-"));
                let note = values_note(&arg);
                let arg = if note.is_empty() {
                    arg
                } else {
                    // clap's own note is English: ours replaces it.
                    arg.hide_possible_values(true).hide_default_value(true)
                };
                arg.help(format!("{}{note}", t(&message))).long_help(None::<&str>)
            })
        })
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(t("cli-flag-help")),
        );
    let template = help_template(&cmd);
    cmd.help_template(template)
}

/// ` [values: a, b; default: a]` in the interface language.
fn values_note(arg: &Arg) -> String {
    if !arg.get_action().takes_values() {
        return String::new();
    }
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_owned())
        .collect();
    let defaults: Vec<String> =
        arg.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
    let mut parts = Vec::new();
    if !values.is_empty() {
        parts.push(format!("{}: {}", t("cli-possible-values"), values.join(", ")));
    }
    if !defaults.is_empty() {
        parts.push(format!("{}: {}", t("cli-default-value"), defaults.join(", ")));
    }
    if parts.is_empty() { String::new() } else { format!(" [{}]", parts.join("; ")) }
}

/// clap's layout with the headings in the interface language; a section
/// this command does not have is left out.
fn help_template(cmd: &Command) -> String {
    let mut template =
        format!("{{before-help}}{{about-with-newline}}\n{}: {{usage}}\n", t("cli-heading-usage"));
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        template += &format!("\n{}:\n{{subcommands}}\n", t("cli-heading-commands"));
    }
    if cmd.get_positionals().any(|a| !a.is_hide_set()) {
        template += &format!("\n{}:\n{{positionals}}\n", t("cli-heading-arguments"));
    }
    template += &format!("\n{}:\n{{options}}{{after-help}}", t("cli-heading-options"));
    template
}

/// Every message id the help uses, for the catalogue test.
pub fn message_ids() -> Vec<String> {
    let mut ids: Vec<String> = [
        "cli-about",
        "cli-flag-version",
        "cli-flag-help",
        "cli-cmd-help",
        "cli-heading-usage",
        "cli-heading-options",
        "cli-heading-arguments",
        "cli-heading-commands",
        "cli-possible-values",
        "cli-default-value",
    ]
    .map(str::to_owned)
    .to_vec();
    let root = crate::cli::Cli::command();
    let arg_ids = |cmd: &Command, prefix: &str| -> Vec<String> {
        cmd.get_arguments()
            .filter(|a| !a.is_hide_set())
            .map(|a| format!("{prefix}-{}", a.get_id().as_str().replace('_', "-")))
            .collect()
    };
    ids.extend(arg_ids(&root, "cli-arg"));
    for sub in root.get_subcommands().filter(|s| !s.is_hide_set()) {
        let prefix = format!("cli-cmd-{}", sub.get_name().replace('_', "-"));
        ids.extend(arg_ids(sub, &prefix));
        ids.push(prefix);
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<OsString> {
        words.iter().map(OsString::from).collect()
    }

    #[test]
    fn lang_is_found_before_parsing() {
        assert_eq!(lang_arg(&args(&["kenesh", "--lang", "ru", "--help"])), Some("ru".into()));
        assert_eq!(lang_arg(&args(&["kenesh", "new", "--lang=ky"])), Some("ky".into()));
        assert_eq!(lang_arg(&args(&["kenesh", "--", "--lang", "ru"])), None);
        assert_eq!(lang_arg(&args(&["kenesh", "--help"])), None);
    }

    #[test]
    fn the_localized_command_is_still_valid() {
        command().debug_assert();
    }
}
