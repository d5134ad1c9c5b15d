//! Loading and saving sessions of growing size, and merging.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use kenesh::store::{Loaded, parse_str, to_ron, write_atomic};

fn store(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut group = c.benchmark_group("store");
    group.sample_size(20);
    for n in [100usize, 1000, 10_000] {
        let session = kenesh::synth::session(n);
        let text = to_ron(&session).unwrap();
        let path = dir.path().join(format!("s{n}.ron"));
        group.bench_with_input(BenchmarkId::new("load", n), &text, |b, text| {
            b.iter(|| parse_str(std::path::Path::new("s.ron"), text).unwrap())
        });
        // What `kenesh check` does: load, then look for duplicate ids and
        // references that point at nothing.
        group.bench_with_input(BenchmarkId::new("check", n), &text, |b, text| {
            b.iter(|| {
                let loaded = parse_str(std::path::Path::new("s.ron"), text).unwrap();
                let kenesh::store::Loaded::Session(s) = loaded else { unreachable!() };
                (s.duplicate_ids().len(), s.dangling_references().len())
            })
        });
        group.bench_with_input(BenchmarkId::new("serialize", n), &session, |b, s| {
            b.iter(|| to_ron(s).unwrap())
        });
        group.bench_with_input(BenchmarkId::new("save_durable", n), &session, |b, s| {
            b.iter(|| write_atomic(&path, to_ron(s).unwrap().as_bytes()).unwrap())
        });
    }
    group.finish();
}

fn merging(c: &mut Criterion) {
    let mut group = c.benchmark_group("merge");
    group.sample_size(10);
    for count in [100usize, 1000] {
        let sessions: Vec<Loaded> = (0..count)
            .map(|i| {
                let mut s = kenesh::synth::session(100);
                s.id = kenesh::model::Id::from_parts(i as u64, i as u128);
                s.date += chrono::TimeDelta::days(i as i64);
                Loaded::Session(s)
            })
            .collect();
        group.bench_with_input(
            BenchmarkId::new("sessions_n100", count),
            &sessions,
            |b, sessions| b.iter(|| kenesh::merge::merge(None, sessions.clone())),
        );
    }
    group.finish();
}

fn exports(c: &mut Criterion) {
    use kenesh::export::{Filters, Format, Table, export};
    let loaded = Loaded::Session(kenesh::synth::session(1000));
    let mut group = c.benchmark_group("export_n1000");
    group.sample_size(10);
    for (name, format) in [
        ("markdown", Format::Markdown),
        ("csv", Format::Csv),
        ("html", Format::Html),
        ("docx", Format::Docx),
        ("xlsx", Format::Xlsx),
        ("ics", Format::Ics),
        ("json", Format::Json),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| export(&loaded, format, Table::Actions, &Filters::default()).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, store, merging, exports);
criterion_main!(benches);
