//! Pasting: one megabyte into the capture line and into a form field, as
//! the editor handles a bracketed paste (`update` with `Msg::Paste`, then a
//! frame), cut to the field's limit; and a paste that just fills the
//! capture line (every character inserted). Must be linear: well under a
//! second for 1 MB.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use kenesh::app::{Model, Msg, update};
use kenesh::model::Timestamp;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn now() -> Timestamp {
    chrono::DateTime::parse_from_rfc3339("2026-11-19T11:07:00+06:00").unwrap()
}

/// About 1 MB of Russian and Kyrgyz text over many lines, with tabs.
fn megabyte() -> String {
    let line = "Нужен свет на улице Ак-Жар, ң ө ү\tжана суу түтүгү\r\n";
    line.repeat(1_000_000 / line.len() + 1)
}

fn model_after(keys: &[char]) -> Model {
    let session = kenesh::synth::session(100);
    let mut model = Model::new(session, "b.ron".into(), now());
    for &c in keys {
        update(&mut model, Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)), now());
    }
    model
}

fn paste(c: &mut Criterion) {
    let text = megabyte();
    let mut group = c.benchmark_group("paste");
    group.sample_size(20);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let full: String = text.chars().take(kenesh::app::text_input::MAX_CHARS).collect();
    for (name, keys, text) in [
        ("capture_1mb", &[':'][..], &text),
        ("form_1mb", &['a'][..], &text),
        ("capture_full_field", &[':'][..], &full),
    ] {
        group.bench_function(name, |b| {
            b.iter_batched(
                || model_after(keys),
                |mut model| {
                    update(&mut model, Msg::Paste(text.clone()), now());
                    terminal.draw(|f| kenesh::ui::render(&model, f)).unwrap();
                    model
                },
                BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, paste);
criterion_main!(benches);
