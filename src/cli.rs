//! The command line: `kenesh [FILE]` and its subcommands.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::app::projector::ThemeName;
use crate::export::{Format, Table};
use crate::model::ActionStatus;

/// An action status as written on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatusArg {
    Proposed,
    Agreed,
    InProgress,
    Done,
    Dropped,
}

impl From<StatusArg> for ActionStatus {
    fn from(s: StatusArg) -> ActionStatus {
        match s {
            StatusArg::Proposed => ActionStatus::Proposed,
            StatusArg::Agreed => ActionStatus::Agreed,
            StatusArg::InProgress => ActionStatus::InProgress,
            StatusArg::Done => ActionStatus::Done,
            StatusArg::Dropped => ActionStatus::Dropped,
        }
    }
}

/// An export format as written on the command line (`--format`). The
/// mapping goes both ways so a new `Format` does not compile without one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    Markdown,
    Csv,
    Html,
    Docx,
    Xlsx,
    Ics,
    Json,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Csv => Format::Csv,
            FormatArg::Html => Format::Html,
            FormatArg::Docx => Format::Docx,
            FormatArg::Xlsx => Format::Xlsx,
            FormatArg::Ics => Format::Ics,
            FormatArg::Json => Format::Json,
        }
    }
}

impl From<Format> for FormatArg {
    fn from(f: Format) -> FormatArg {
        match f {
            Format::Markdown => FormatArg::Markdown,
            Format::Csv => FormatArg::Csv,
            Format::Html => FormatArg::Html,
            Format::Docx => FormatArg::Docx,
            Format::Xlsx => FormatArg::Xlsx,
            Format::Ics => FormatArg::Ics,
            Format::Json => FormatArg::Json,
        }
    }
}

/// Which table a CSV export holds, as written on the command line (`--table`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TableArg {
    Actions,
    Attendance,
    Needs,
}

impl From<TableArg> for Table {
    fn from(t: TableArg) -> Table {
        match t {
            TableArg::Actions => Table::Actions,
            TableArg::Attendance => Table::Attendance,
            TableArg::Needs => Table::Needs,
        }
    }
}

impl From<Table> for TableArg {
    fn from(t: Table) -> TableArg {
        match t {
            Table::Actions => TableArg::Actions,
            Table::Attendance => TableArg::Attendance,
            Table::Needs => TableArg::Needs,
        }
    }
}

/// A projector theme as written on the command line (`--theme`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeArg {
    Dark,
    Light,
    HighContrast,
}

impl From<ThemeArg> for ThemeName {
    fn from(t: ThemeArg) -> ThemeName {
        match t {
            ThemeArg::Dark => ThemeName::Dark,
            ThemeArg::Light => ThemeName::Light,
            ThemeArg::HighContrast => ThemeName::HighContrast,
        }
    }
}

impl From<ThemeName> for ThemeArg {
    fn from(t: ThemeName) -> ThemeArg {
        match t {
            ThemeName::Dark => ThemeArg::Dark,
            ThemeName::Light => ThemeArg::Light,
            ThemeName::HighContrast => ThemeArg::HighContrast,
        }
    }
}

/// Which document a Markdown, HTML or DOCX export is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Document {
    Minutes,
    SignIn,
    /// Donor tables: participation, cross-tabs, speaking time, needs, actions.
    Donor,
}

/// What an iCalendar export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Calendar {
    Todos,
    Events,
}

/// Run roundtable meetings from the terminal: agenda with timers,
/// participants, needs board and action plan, saved as RON files.
#[derive(Debug, Parser)]
#[command(name = "kenesh", version, about)]
pub struct Cli {
    /// Interface language: en, ru or ky (default: the config file, then
    /// LC_ALL / LC_MESSAGES / LANG).
    #[arg(long, global = true)]
    pub lang: Option<String>,

    /// Projector colours: dark, light (bright rooms) or high-contrast.
    #[arg(long, global = true, value_enum)]
    pub theme: Option<ThemeArg>,

    /// Open the session only to watch it: no edits, following the writers.
    #[arg(long)]
    pub read_only: bool,

    /// Session or programme file to open in the editor (created if absent).
    /// Without it: today's session in the sessions folder.
    pub file: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new session file `YYYY-MM-DD-<slug>.ron`.
    New {
        /// Meeting title (Cyrillic is fine; the file name is transliterated).
        #[arg(long)]
        title: Option<String>,
        /// Meeting date, 2026-11-26 or 26.11.2026 (default: today).
        #[arg(long)]
        date: Option<String>,
        /// Folder to create the file in (default: the sessions folder).
        #[arg(long)]
        dir: Option<PathBuf>,
        /// Start from a programme record or an earlier session: its
        /// settlements, people, open needs, parking lot and open actions.
        #[arg(long)]
        from: Option<PathBuf>,
    },
    /// Open a scratch copy of the bundled example session in the editor.
    Demo,
    /// Show the projector view of FILE, read-only, following it as an
    /// editor saves it (same machine, shared folder or SSH).
    Present {
        file: PathBuf,
        /// Rotate the slides every this many seconds (0: only by hand;
        /// default: the config file).
        #[arg(long)]
        rotate: Option<u32>,
    },
    /// Where the configuration file is, or a commented default one.
    Config {
        /// Print the path of the configuration file.
        #[arg(long, conflicts_with = "default")]
        path: bool,
        /// Print a commented default configuration.
        #[arg(long)]
        default: bool,
    },
    /// Write a synthetic session with N items in every collection (for
    /// benchmarks and stress tests; see BENCHMARKS.md).
    #[command(hide = true)]
    Generate {
        #[arg(long)]
        items: usize,
        #[arg(short, long)]
        output: PathBuf,
        #[arg(long)]
        force: bool,
    },
    /// Print shell completions.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Export the action plan and minutes of a session or programme record.
    Export {
        file: PathBuf,
        #[arg(long, value_enum)]
        format: FormatArg,
        /// Output file; `-` writes text formats to standard output. Default:
        /// beside FILE, named after the session.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Which table a CSV holds.
        #[arg(long, value_enum, default_value_t = TableArg::Actions)]
        table: TableArg,
        /// Only actions with this status (repeatable).
        #[arg(long, value_enum)]
        status: Vec<StatusArg>,
        /// Only needs of this settlement, and actions linked to them.
        #[arg(long)]
        settlement: Option<String>,
        /// Only actions whose responsible contains this text.
        #[arg(long)]
        responsible: Option<String>,
        /// Only needs of settlements in this city, and actions linked to them.
        #[arg(long)]
        city: Option<String>,
        /// CSV separator, one character (default: `;` when the interface
        /// language is ru or ky, as Russian-locale Excel expects; else `,`).
        #[arg(long)]
        delimiter: Option<char>,
        /// JSON: keep participants' phone numbers and e-mails.
        #[arg(long)]
        include_contacts: bool,
        /// Markdown, HTML, DOCX: the minutes, or the sign-in sheet to print
        /// before the meeting.
        #[arg(long, value_enum, default_value_t = Document::Minutes)]
        document: Document,
        /// iCalendar: to-dos, or all-day events with a reminder a week before.
        #[arg(long, value_enum, default_value_t = Calendar::Todos)]
        calendar: Calendar,
        /// Overwrite an existing output file.
        #[arg(long)]
        force: bool,
    },
    /// Merge sessions (or other programme records) into the programme record.
    Merge {
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The programme record (default: program.ron beside the sessions folder).
        #[arg(long)]
        into: Option<PathBuf>,
        /// Print the summary and write nothing.
        #[arg(long)]
        dry_run: bool,
        /// The programme's title, shown in the dashboard and exports
        /// instead of its key.
        #[arg(long)]
        title: Option<String>,
    },
    /// Git merge driver for session and programme files: `kenesh merge-driver %O %A %B`.
    MergeDriver { base: PathBuf, ours: PathBuf, theirs: PathBuf },
    /// Add participants from a registration list (XLSX, ODS or CSV) to a
    /// session; prints the column mapping; all rows or none.
    Import {
        /// The session file to add them to.
        session: PathBuf,
        /// The registration list: .xlsx, .xls, .ods or .csv (UTF-8).
        file: PathBuf,
        /// Show the mapping and what would be added; write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Record progress on an action between meetings, in the programme
    /// record only (no session is rewritten).
    Status {
        /// The programme record.
        program: PathBuf,
        /// The action: its number in an export of the record, or its id.
        action: String,
        /// The new status.
        #[arg(value_enum)]
        status: StatusArg,
        /// What happened (shown in the action's history).
        #[arg(long)]
        note: Option<String>,
        /// When, 2026-12-05 or 05.12.2026 (default: today).
        #[arg(long)]
        date: Option<String>,
    },
    /// Validate session and programme files; exit 1 if any is invalid.
    Check {
        /// Files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

/// Why `kenesh FILE` must not create FILE, which does not exist: a bare
/// word close to a subcommand is a typo (`dmeo`), and a new session is
/// only made for a name ending in `.ron`. The message, translated.
pub fn new_file_refusal(path: &std::path::Path) -> Option<String> {
    use clap::CommandFactory;
    let name = path.to_string_lossy();
    let bare = path.components().count() == 1 && path.extension().is_none();
    if bare {
        let command = Cli::command();
        let names: Vec<&str> =
            command.get_subcommands().filter(|c| !c.is_hide_set()).map(|c| c.get_name()).collect();
        let typed = name.to_lowercase();
        let nearest = names
            .iter()
            .map(|n| (edit_distance(&typed, n), *n))
            .filter(|(d, n)| *d <= 2.min(n.len() / 2).max(1) || n.starts_with(typed.as_str()))
            .min();
        if let Some((_, suggestion)) = nearest {
            return Some(crate::i18n::targs(
                "cli-unknown-command",
                &[("word", name.to_string().into()), ("suggestion", suggestion.into())],
            ));
        }
    }
    let is_ron = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron"));
    (!is_ron)
        .then(|| crate::i18n::targs("cli-not-a-session-name", &[("file", name.to_string().into())]))
}

/// Levenshtein distance with a swap of two neighbours counted as one
/// (`dmeo` is one step from `demo`).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn a_word_near_a_subcommand_is_a_typo_and_only_ron_names_make_sessions() {
        let refusal = |p: &str| new_file_refusal(Path::new(p));
        assert!(refusal("dmeo").unwrap().contains("'demo'"), "{:?}", refusal("dmeo"));
        assert!(refusal("exprot").unwrap().contains("'export'"));
        assert!(refusal("chek").unwrap().contains("'check'"));
        assert!(refusal("notes.txt").unwrap().contains(".ron"));
        assert!(refusal("встреча").unwrap().contains(".ron"), "not a command, not .ron");
        assert_eq!(refusal("встреча.ron"), None);
        assert_eq!(refusal("sessions/2027-01-10-osh.RON"), None);
    }

    #[test]
    fn edit_distance_counts_a_swap_as_one() {
        assert_eq!(edit_distance("dmeo", "demo"), 1);
        assert_eq!(edit_distance("mrege", "merge"), 1);
        assert_eq!(edit_distance("new", "new"), 0);
        assert_eq!(edit_distance("x", "present"), 7);
    }
}
