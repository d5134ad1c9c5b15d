use std::process::ExitCode;

use clap::FromArgMatches;
use kenesh::cli::{Cli, Command};
use kenesh::commands;
use kenesh::i18n::{t, targs};

fn main() -> ExitCode {
    // The configuration first: it may choose the language of every message,
    // the --help text included, so the language is known before parsing.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let (config, config_problem) =
        kenesh::config::path().map_or_else(Default::default, |p| kenesh::config::read(&p));
    let lang = kenesh::i18n::Lang::choose(
        kenesh::cli_help::lang_arg(&args).as_deref(),
        config.language.as_deref(),
        |name| std::env::var(name).ok(),
    );
    kenesh::i18n::init(lang);
    // Errors quote what was typed: printed through the sanitizer.
    let parsed = kenesh::cli_help::command()
        .try_get_matches_from(args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => return command_line_error(&e),
    };
    if let Some(problem) = config_problem {
        kenesh::text::say(&format!("kenesh: {problem}"));
        kenesh::config::install_problem(problem);
    }
    kenesh::config::install(config);
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            kenesh::text::say(&format!("kenesh: {}: {e:#}", t("error-prefix")));
            ExitCode::FAILURE
        }
    }
}

/// clap's errors quote what was typed: through the sanitizer, without
/// clap's colours. Help and version are our own text and keep them.
fn command_line_error(e: &clap::Error) -> ExitCode {
    if !e.use_stderr() {
        e.exit();
    }
    kenesh::text::say(e.render().to_string().trim_end());
    ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let now = kenesh::model::now();
    match cli.command {
        Some(Command::Status { program, action, status, note, date }) => commands::status::run(
            &program,
            &action,
            status.into(),
            note.as_deref(),
            date.as_deref(),
            now,
        ),
        Some(Command::Check { files }) => {
            let ok = commands::check::run(&files, &mut std::io::stdout(), &mut std::io::stderr());
            Ok(if ok { ExitCode::SUCCESS } else { ExitCode::FAILURE })
        }
        Some(Command::New { title, date, dir, from }) => {
            let folder = dir.unwrap_or_else(commands::sessions_folder);
            let path = match from {
                Some(from) => commands::new::create_from(
                    &folder,
                    title.as_deref(),
                    date.as_deref(),
                    &from,
                    now,
                )?,
                None => commands::new::create(&folder, title.as_deref(), date.as_deref(), now)?,
            };
            let created = targs("new-created", &[("file", path.display().to_string().into())]);
            kenesh::text::show(&created);
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Demo) => commands::edit::demo(now, cli.theme.map(Into::into)),
        Some(Command::Merge { inputs, into, dry_run, title }) => {
            commands::merge::run(&inputs, into.as_deref(), dry_run, title.as_deref())
        }
        Some(Command::Import { session, file, dry_run }) => {
            commands::import::run(&session, &file, dry_run, now)
        }
        Some(Command::MergeDriver { base, ours, theirs }) => {
            commands::merge::driver(&base, &ours, &theirs)
        }
        Some(Command::Export {
            file,
            format,
            output,
            table,
            status,
            settlement,
            responsible,
            city,
            delimiter,
            include_contacts,
            calendar,
            document,
            force,
        }) => commands::export::run(&commands::export::Request {
            file: &file,
            format: format.into(),
            output: output.as_deref(),
            table: table.into(),
            filters: kenesh::export::Filters {
                status: status.into_iter().map(Into::into).collect(),
                settlement,
                responsible,
                city,
                today: Some(now.date_naive()),
                delimiter: delimiter.map(commands::export::delimiter).transpose()?,
                include_contacts,
                calendar_events: calendar == kenesh::cli::Calendar::Events,
                sign_in: document == kenesh::cli::Document::SignIn,
                now: Some(now),
                letterhead: letterhead(),
                donor: document == kenesh::cli::Document::Donor,
            },
            force,
        }),
        Some(Command::Present { file, rotate }) => {
            let config = kenesh::config::current();
            let theme = cli.theme.map(Into::into).or(config.theme).unwrap_or_default();
            let rotate = rotate.or(config.projector_rotation_seconds).unwrap_or(0);
            commands::present::run(&file, theme, rotate, now)
        }
        Some(Command::Config { path, default }) => {
            if default {
                let names = kenesh::app::keymap::action_names();
                let names: Vec<&str> = names.iter().map(String::as_str).collect();
                print!("{}", kenesh::config::default_text(&names));
            } else {
                let _ = path;
                match kenesh::config::path() {
                    Some(p) => kenesh::text::show(&p.display().to_string()),
                    None => anyhow::bail!(t("config-no-folder")),
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Generate { items, output, force }) => {
            let text = kenesh::store::to_ron(&kenesh::synth::session(items))?;
            if force {
                kenesh::store::write_atomic(&output, text.as_bytes())?;
            } else {
                kenesh::store::write_new(&output, text.as_bytes())?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Completions { shell }) => {
            use clap::CommandFactory;
            clap_complete::generate(shell, &mut Cli::command(), "kenesh", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let opening = commands::edit::Opening {
                theme: cli.theme.map(Into::into),
                read_only: cli.read_only,
            };
            open_file(cli.file, now, opening)
        }
    }
}

/// `kenesh [FILE]`: the editor on FILE, or on today's session.
fn open_file(
    file: Option<std::path::PathBuf>,
    now: kenesh::model::Timestamp,
    opening: commands::edit::Opening,
) -> anyhow::Result<ExitCode> {
    match file {
        Some(path) if !path.exists() => match kenesh::cli::new_file_refusal(&path) {
            Some(problem) => {
                kenesh::text::say(&format!("kenesh: {problem}"));
                Ok(ExitCode::from(2))
            }
            None => commands::edit::open(&path, now, opening),
        },
        Some(path) => commands::edit::open(&path, now, opening),
        None => commands::edit::open_today(&commands::sessions_folder(), now, opening),
    }
}

/// The configured letterhead, its logo read and checked; a logo that cannot
/// be used is reported and the documents go out without it.
fn letterhead() -> Option<kenesh::export::Letterhead> {
    let configured = kenesh::config::current().letterhead.as_ref()?;
    let path = kenesh::config::path();
    let (letterhead, problem) = configured.load(path.as_deref().and_then(std::path::Path::parent));
    if let Some(problem) = problem {
        kenesh::text::say(&format!("kenesh: {problem}"));
    }
    Some(letterhead)
}
