//! The editor and projector: frames, key → durable save → frame, and start
//! to first frame.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use kenesh::app::saver::Saver;
use kenesh::app::{Model, Msg, update};
use kenesh::model::{Session, Timestamp};
use kenesh::store::SessionFile;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn now() -> Timestamp {
    chrono::DateTime::parse_from_rfc3339("2026-11-19T11:07:00+06:00").unwrap()
}

fn key(c: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(c, KeyModifiers::NONE))
}

fn with_running_item(mut s: Session) -> Session {
    let i = s.agenda.len() / 2;
    s.agenda[i].status = kenesh::model::AgendaStatus::Active;
    s.agenda[i].runs =
        vec![kenesh::model::Run { start: now() - chrono::TimeDelta::minutes(7), end: None }];
    s
}

fn projector_frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("projector_frame");
    for n in [100usize, 10_000] {
        let mut model =
            Model::new(with_running_item(kenesh::synth::session(n)), "b.ron".into(), now());
        update(&mut model, key(KeyCode::Char('p')), now());
        for (w, h) in [(200u16, 60u16), (80, 24)] {
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            group.bench_with_input(
                BenchmarkId::new(format!("n{n}"), format!("{w}x{h}")),
                &model,
                |b, model| {
                    b.iter(|| {
                        terminal.clear().unwrap();
                        terminal.draw(|f| kenesh::ui::render(model, f)).unwrap();
                    })
                },
            );
        }
    }
    group.finish();
}

/// Hands the changes `update` asks to save to the saver, as the run loop does.
fn queue(saver: &mut Saver, effects: Vec<kenesh::app::Effect>) {
    for effect in effects {
        match effect {
            kenesh::app::Effect::Save(changes) => saver.queue(changes),
            kenesh::app::Effect::Rewrite => saver.rewrite_next(),
            _ => {}
        }
    }
}

/// One key, the durable save it causes, and the frame that shows "saved".
fn key_to_saved_frame(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut group = c.benchmark_group("key_save_frame");
    group.sample_size(20);
    for n in [1000usize, 10_000] {
        let session = kenesh::synth::session(n);
        let path = dir.path().join(format!("k{n}.ron"));
        let _ = std::fs::remove_file(&path);
        let file = SessionFile::create(&path, &session).unwrap();
        let mut saver = Saver::new(file);
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
        let mut model = Model::new(session, "k.ron".into(), now());
        update(&mut model, key(KeyCode::Char('3')), now());
        let mut step = |model: &mut Model, keys: &[Msg]| {
            for k in keys {
                let effects = update(model, k.clone(), now());
                queue(&mut saver, effects);
            }
            if model.save.is_dirty() {
                let msg = saver.persist(&model.session, model.save.revision, now());
                update(model, msg, now());
            }
            terminal.draw(|f| kenesh::ui::render(model, f)).unwrap();
        };
        group.bench_function(BenchmarkId::new("vote", n), |b| {
            b.iter(|| step(&mut model, &[key(KeyCode::Char('+'))]))
        });
        group.bench_function(BenchmarkId::new("move", n), |b| {
            b.iter(|| step(&mut model, &[key(KeyCode::Char('j'))]))
        });
        // Adding a need: the line is typed beforehand; Enter commits it.
        group.bench_function(BenchmarkId::new("add_need", n), |b| {
            b.iter_custom(|iters| {
                let mut total = std::time::Duration::ZERO;
                for _ in 0..iters {
                    for c in ":n Нет освещения #Ак-Жар-1 @Асанова".chars() {
                        update(&mut model, key(KeyCode::Char(c)), now());
                    }
                    let start = std::time::Instant::now();
                    step(&mut model, &[key(KeyCode::Enter)]);
                    total += start.elapsed();
                    update(&mut model, key(KeyCode::Esc), now());
                }
                total
            })
        });
    }
    group.finish();
}

/// From the bytes of the file to the first frame on screen.
fn start_to_first_frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("start_first_frame");
    group.sample_size(20);
    {
        let n = 1000usize;
        let text = kenesh::store::to_ron(&kenesh::synth::session(n)).unwrap();
        group.bench_with_input(BenchmarkId::from_parameter(n), &text, |b, text| {
            b.iter(|| {
                let kenesh::store::Loaded::Session(s) =
                    kenesh::store::parse_str(std::path::Path::new("s.ron"), text).unwrap()
                else {
                    unreachable!()
                };
                let model = Model::new(s, "s.ron".into(), now());
                let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
                terminal.draw(|f| kenesh::ui::render(&model, f)).unwrap();
            })
        });
    }
    group.finish();
}

/// A key while the journal is being folded into the file on the background
/// thread (N=10,000: the snapshot takes about 0.15 s): the key must not
/// wait for it. Also what starting a snapshot costs the editor (a copy of
/// the session in memory).
fn key_during_snapshot(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut group = c.benchmark_group("key_during_snapshot");
    group.sample_size(20);
    let n = 10_000usize;
    let session = kenesh::synth::session(n);
    let path = dir.path().join("snapshot.ron");
    let file = SessionFile::create(&path, &session).unwrap();
    let mut saver = Saver::new(file);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let mut model = Model::new(session, "s.ron".into(), now());
    update(&mut model, key(KeyCode::Char('3')), now());
    let mut snapshots = 0u32;
    group.bench_function(BenchmarkId::new("vote", n), |b| {
        b.iter_custom(|iters| {
            let mut total = std::time::Duration::ZERO;
            for _ in 0..iters {
                if let Some(msg) = saver.poll_snapshot(model.save.saved_revision) {
                    update(&mut model, msg, now());
                }
                if !saver.snapshot_in_flight() && saver.has_journal_entries() {
                    saver.start_snapshot(&model.session, now());
                    snapshots += 1;
                }
                let start = std::time::Instant::now();
                let effects = update(&mut model, key(KeyCode::Char('+')), now());
                queue(&mut saver, effects);
                let msg = saver.persist(&model.session, model.save.revision, now());
                update(&mut model, msg, now());
                terminal.draw(|f| kenesh::ui::render(&model, f)).unwrap();
                total += start.elapsed();
            }
            total
        })
    });
    assert!(snapshots > 0, "keys were measured while snapshots ran");
    group.bench_function(BenchmarkId::new("start", n), |b| {
        b.iter_custom(|iters| {
            let mut total = std::time::Duration::ZERO;
            for _ in 0..iters {
                let effects = update(&mut model, key(KeyCode::Char('+')), now());
                queue(&mut saver, effects);
                let msg = saver.persist(&model.session, model.save.revision, now());
                update(&mut model, msg, now());
                // Let the previous snapshot finish: only the start is timed.
                while saver.snapshot_in_flight() {
                    if let Some(msg) = saver.poll_snapshot(model.save.saved_revision) {
                        update(&mut model, msg, now());
                    }
                    std::thread::sleep(std::time::Duration::from_millis(5));
                }
                let start = std::time::Instant::now();
                saver.start_snapshot(&model.session, now());
                total += start.elapsed();
            }
            total
        })
    });
    group.finish();
}

criterion_group!(
    benches,
    projector_frames,
    key_to_saved_frame,
    start_to_first_frame,
    key_during_snapshot
);
criterion_main!(benches);
