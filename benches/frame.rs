//! One full frame of the editor on TestBackend, at two sizes, for the
//! example session and synthetic sessions of growing size.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use kenesh::app::Model;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn frames(c: &mut Criterion) {
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-19T11:07:00+06:00").unwrap();
    let example = include_str!(
        "../sessions/2026-11-19-kruglyi-stol-araket-vzaimodeistvie-omsu-s-zhitelyami-novostroek.ron"
    );
    let example =
        match kenesh::store::parse_str(std::path::Path::new("example.ron"), example).unwrap() {
            kenesh::store::Loaded::Session(s) => s,
            _ => unreachable!(),
        };
    let mut group = c.benchmark_group("editor_frame");
    let sessions = [
        ("example", example),
        ("n100", kenesh::synth::session(100)),
        ("n1000", kenesh::synth::session(1000)),
        ("n10000", kenesh::synth::session(10_000)),
    ];
    for (name, session) in sessions {
        let model = Model::new(session, "bench.ron".into(), now);
        for (w, h) in [(200u16, 60u16), (80, 24)] {
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            group.bench_with_input(
                BenchmarkId::new(name, format!("{w}x{h}")),
                &model,
                |b, model| {
                    b.iter(|| {
                        // A fresh buffer each time, so the whole screen is built and diffed.
                        terminal.clear().unwrap();
                        terminal.draw(|f| kenesh::ui::render(model, f)).unwrap();
                    })
                },
            );
        }
    }
    group.finish();
}

criterion_group!(benches, frames);
criterion_main!(benches);
