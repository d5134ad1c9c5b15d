use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use kenesh::cli::{Cli, Command};
use kenesh::commands;
use kenesh::i18n::{t, targs};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "kenesh: {}: {e:#}", t("error-prefix"));
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let now = kenesh::model::now();
    match cli.command {
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
            println!("{}", targs("new-created", &[("file", path.display().to_string().into())]));
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Demo) => commands::edit::demo(now),
        Some(Command::Merge { inputs, into, dry_run }) => {
            commands::merge::run(&inputs, into.as_deref(), dry_run)
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
            force,
        }) => commands::export::run(&commands::export::Request {
            file: &file,
            format,
            output: output.as_deref(),
            table,
            filters: kenesh::export::Filters {
                status: status.into_iter().map(Into::into).collect(),
                settlement,
                responsible,
            },
            force,
        }),
        Some(Command::Present { file, theme, rotate }) => {
            commands::present::run(&file, theme, rotate, now)
        }
        None => match cli.file {
            Some(path) => commands::edit::open(&path, now),
            None => commands::edit::open_today(&commands::sessions_folder(), now),
        },
    }
}
