//! Any bytes: loading gives a session, a programme record or an error with
//! a position, and never panics; whatever loads saves and loads back equal.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = std::path::Path::new("fuzz.ron");
    if let Ok(loaded) = kenesh::store::parse_bytes(path, data) {
        let text = match &loaded {
            kenesh::store::Loaded::Session(s) => kenesh::store::to_ron(s).unwrap(),
            kenesh::store::Loaded::Program(p) => kenesh::store::to_ron(p).unwrap(),
        };
        assert_eq!(kenesh::store::parse_str(path, &text).unwrap(), loaded);
    }
});
