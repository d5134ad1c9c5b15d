//! Every export of a synthetic session with N=1,000 items in every
//! collection (the minutes in Russian take the protocol form). Prints each
//! output's size once, for the record.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use kenesh::export::{Filters, Format, Table, export};
use kenesh::store::Loaded;

fn exports(c: &mut Criterion) {
    kenesh::i18n::init(kenesh::i18n::Lang::Ru);
    let n = 1000;
    let loaded = Loaded::Session(kenesh::synth::session(n));
    let filters = Filters::default();
    let sign_in = Filters { sign_in: true, ..Filters::default() };
    let cases = [
        ("markdown", Format::Markdown, Table::Actions, &filters),
        ("html", Format::Html, Table::Actions, &filters),
        ("docx", Format::Docx, Table::Actions, &filters),
        ("xlsx", Format::Xlsx, Table::Actions, &filters),
        ("csv_actions", Format::Csv, Table::Actions, &filters),
        ("csv_attendance", Format::Csv, Table::Attendance, &filters),
        ("csv_needs", Format::Csv, Table::Needs, &filters),
        ("ics", Format::Ics, Table::Actions, &filters),
        ("json", Format::Json, Table::Actions, &filters),
        ("sign_in_docx", Format::Docx, Table::Actions, &sign_in),
        ("sign_in_html", Format::Html, Table::Actions, &sign_in),
    ];
    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    for (name, format, table, filters) in cases {
        let bytes = export(&loaded, format, table, filters).unwrap();
        eprintln!("export/{name}/{n}: {} bytes", bytes.len());
        group.bench_with_input(BenchmarkId::new(name, n), &loaded, |b, loaded| {
            b.iter(|| export(loaded, format, table, filters).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, exports);
criterion_main!(benches);
