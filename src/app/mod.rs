//! The editor: keys → messages → `update` → views. The run loop is generic
//! over the ratatui backend, so tests drive the real app on `TestBackend`.

pub mod action;
pub mod capture_line;
pub mod dashboard;
pub mod draft;
pub mod edit;
pub mod effect;
pub mod form;
pub mod help;
pub mod history;
pub mod keymap;
pub mod layout;
pub mod model;
pub mod msg;
pub mod pane;
pub mod poll;
pub mod present;
pub mod projector;
pub mod recovery;
pub mod rows;
pub mod text_input;
pub mod together;
pub mod update;

pub use effect::Effect;
pub use model::Model;
pub use msg::Msg;
pub use update::update;
pub mod run;
pub mod saver;
pub mod signals;
pub mod terminal;
