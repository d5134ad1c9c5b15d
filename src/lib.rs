//! kenesh: run roundtable meetings from the terminal.

pub mod app;
pub mod capture;
pub mod cli;
pub mod cli_help;
pub mod commands;
pub mod config;
pub mod export;
pub mod file_messages;
pub mod follow;
pub mod format;
pub mod i18n;
pub mod labels;
pub mod layout_keys;
pub mod merge;
pub mod model;
pub mod slug;
pub mod store;
pub mod synth;
pub mod text;
pub mod ui;
