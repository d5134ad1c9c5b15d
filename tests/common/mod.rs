//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The example sessions shipped in `sessions/`.
pub fn example_sessions() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo_root().join("sessions"))
        .expect("sessions folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

pub fn bishkek_example() -> PathBuf {
    example_sessions()
        .into_iter()
        .find(|p| p.to_string_lossy().contains("araket"))
        .expect("Bishkek example")
}

pub fn kenesh() -> std::process::Command {
    std::process::Command::new(env!("CARGO_BIN_EXE_kenesh"))
}

pub fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}
