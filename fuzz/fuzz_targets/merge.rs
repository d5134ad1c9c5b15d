//! Two inputs split from the bytes: merging never panics, and merging the
//! result again changes nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let cut = data.first().map_or(0, |b| usize::from(*b)).min(data.len());
    let path = std::path::Path::new("fuzz.ron");
    let inputs: Vec<_> = [&data[..cut], &data[cut..]]
        .iter()
        .filter_map(|part| kenesh::store::parse_bytes(path, part).ok())
        .collect();
    if inputs.is_empty() {
        return;
    }
    let record = kenesh::merge::merge(None, inputs.clone());
    let again = kenesh::merge::merge(Some(record.clone()), inputs);
    assert_eq!(kenesh::store::to_ron(&again).unwrap(), kenesh::store::to_ron(&record).unwrap());
});
