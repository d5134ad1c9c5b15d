//! The layering rule for new code (README, "Architecture"): every module
//! under `src/` uses only its own layer and the layers below it, and no two
//! modules import each other, directly or round a cycle.
//!
//! The test reads the source: every `use crate::…`/`use super::…` (groups
//! expanded) and every `crate::x::…`/`super::…` path in code, comments and
//! strings left out. A failure names the file and line of each offending
//! import, and prints every import cycle with the lines that close it.
//!
//! It also holds the size rule: no function in `src/app` or `src/ui` over
//! 80 lines (`scripts/longest_functions.py` lists the longest).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Bottom to top. A module may use modules of its own layer or a lower one.
const LAYERS: &[(&str, &[&str])] = &[
    ("domain", &["model", "synth"]),
    ("messages", &["i18n"]),
    // Small shared helpers: terminal-safe text, time and date formats and
    // parsing, key layouts, file names, human names of the model's enums.
    ("shared text", &["text", "format", "layout_keys", "slug", "labels"]),
    ("store", &["store"]),
    // `file_messages` puts the store's errors into words.
    ("merge", &["merge", "follow", "file_messages"]),
    ("export", &["export"]),
    ("editor", &["app", "capture", "config"]),
    ("views", &["ui"]),
    // The loops that own the terminal: read keys, perform what `update`
    // asks for and draw with `ui`. They sit above the views they draw.
    ("run loops", &["app::run", "app::present", "app::dashboard", "app::terminal", "app::signals"]),
    ("edges", &["commands", "cli", "cli_help"]),
];

/// Allowed by the order above but still not wanted, with the reason.
const FORBIDDEN: &[(&str, &str, &str)] =
    &[("store", "i18n", "store errors are data, translated where they are shown")];

/// Known exceptions, each to be removed by the work named. Nothing may be
/// added here: fix the import instead.
const KNOWN_IMPORTS: &[(&str, &str, &str)] = &[];

/// Known cycles (every module in the group), each to be removed by the
/// work named. The test fails when one of them is gone, so the list shrinks.
const KNOWN_CYCLES: &[(&[&str], &str)] = &[];

#[derive(Debug, Clone)]
struct Import {
    from: String,
    to: String,
    file: PathBuf,
    line: usize,
}

#[test]
fn every_import_respects_the_layers() {
    let imports = imports();
    let mut problems = Vec::new();
    for import in &imports {
        if let Some(why) = violation(&import.from, &import.to) {
            problems.push(format!(
                "{}:{}: {} uses {} ({why})",
                import.file.display(),
                import.line,
                import.from,
                import.to
            ));
        }
    }
    problems.sort();
    problems.dedup();
    assert!(problems.is_empty(), "imports that break the layering:\n{}\n", problems.join("\n"));
}

#[test]
fn no_import_cycles_between_modules() {
    let imports = imports();
    let found = cycles(&imports);
    let known = |members: &[&str]| KNOWN_CYCLES.iter().find(|(k, _)| *k == members);
    let new: Vec<String> = found
        .iter()
        .filter(|(members, _)| known(members).is_none())
        .map(|(_, text)| text.clone())
        .collect();
    for (members, text) in &found {
        if let Some((_, why)) = known(members) {
            println!("known cycle ({why}):\n{text}\n");
        }
    }
    assert!(new.is_empty(), "import cycles:\n{}\n", new.join("\n\n"));
    for (members, why) in KNOWN_CYCLES {
        assert!(
            found.iter().any(|(m, _)| m == members),
            "the known cycle {members:?} ({why}) is gone or changed: update KNOWN_CYCLES"
        );
    }
}

/// The command line's vocabulary (clap's `ValueEnum`, parsers) stays at the
/// edges: domain and editor types are mapped to arguments in `cli`.
#[test]
fn clap_only_at_the_edges() {
    let edges = rank("cli");
    let mut problems = Vec::new();
    for (module, file) in module_files() {
        if rank(&module) >= edges {
            continue;
        }
        let code = strip_comments_and_strings(&fs::read_to_string(&file).expect("source file"));
        for (n, line) in code.lines().enumerate() {
            let named = line.match_indices("clap").any(|(at, _)| {
                let before = line[..at].chars().next_back();
                let after = &line[at + 4..];
                !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
                    && (after.starts_with("::") || after.starts_with(';') || after.starts_with(' '))
            });
            if named {
                problems.push(format!(
                    "{}:{}: {module} uses clap",
                    relative(&file).display(),
                    n + 1
                ));
            }
        }
    }
    assert!(problems.is_empty(), "clap below the edges:\n{}\n", problems.join("\n"));
}

/// The two tests above would pass on an empty list: the reader must find
/// imports written in each form.
#[test]
fn the_reader_finds_imports_in_every_form() {
    let paths = parse_use_tree("crate::{a::{b, c::D}, e as f, g::*, h::{self}}");
    assert_eq!(paths, ["crate::a::b", "crate::a::c::D", "crate::e", "crate::g", "crate::h"]);
    let code = strip_comments_and_strings(
        "// crate::x::y\nuse crate::a::B;\nlet s = \"crate::z\";\nmod tests {\n    use super::*;\n    f(crate::c::d());\n}\n",
    );
    let found: Vec<(String, Vec<String>)> =
        references(&code).into_iter().map(|(path, _, inline, _)| (path, inline)).collect();
    let tests = vec!["tests".to_string()];
    assert_eq!(
        found,
        [
            ("crate::a::B".to_string(), vec![]),
            ("super".to_string(), tests.clone()),
            ("crate::c::d".to_string(), tests),
        ]
    );
    assert!(imports().iter().any(|i| top(&i.from) == "store" && top(&i.to) == "model"));
}

/// The layer of a module: the one listing its longest prefix.
fn rank(module: &str) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None; // (prefix length, layer)
    for (layer, (_, modules)) in LAYERS.iter().enumerate() {
        for m in modules.iter() {
            if (module == *m || is_descendant(module, m))
                && best.is_none_or(|(len, _)| m.len() > len)
            {
                best = Some((m.len(), layer));
            }
        }
    }
    best.map(|(_, layer)| layer)
}

fn violation(from: &str, to: &str) -> Option<String> {
    if top(from) == top(to) && rank(from) == rank(to) {
        return None;
    }
    if KNOWN_IMPORTS.iter().any(|(f, t, _)| *f == from && *t == to) {
        return None;
    }
    if let Some((_, _, why)) = FORBIDDEN.iter().find(|(f, t, _)| *f == top(from) && *t == top(to)) {
        return Some((*why).to_string());
    }
    let name = |r: Option<usize>| r.map_or("no layer", |r| LAYERS[r].0);
    match (rank(from), rank(to)) {
        (Some(a), Some(b)) if b <= a => None,
        (a, b) => Some(format!(
            "layer `{}` may not use layer `{}`; the order is in tests/architecture.rs",
            name(a),
            name(b)
        )),
    }
}

fn top(module: &str) -> String {
    module.split("::").next().unwrap_or_default().to_string()
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Module path (`store::load`) → file, for every file under `src/` except
/// the crate roots.
fn module_files() -> BTreeMap<String, PathBuf> {
    let mut files = BTreeMap::new();
    let mut stack = vec![src()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).expect("src is readable") {
            let path = entry.expect("src entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let relative = path.strip_prefix(src()).expect("under src").with_extension("");
                let mut parts: Vec<String> =
                    relative.components().map(|c| c.as_os_str().to_string_lossy().into()).collect();
                if parts.last().is_some_and(|p| p == "mod") {
                    parts.pop();
                }
                if parts == ["lib"] || parts == ["main"] {
                    continue;
                }
                files.insert(parts.join("::"), path);
            }
        }
    }
    files
}

fn imports() -> Vec<Import> {
    let files = module_files();
    // Every reference, made absolute, with whether it is a `pub use`.
    let mut read = Vec::new();
    for (module, file) in &files {
        let code = strip_comments_and_strings(&fs::read_to_string(file).expect("source file"));
        for (path, offset, inline, public) in references(&code) {
            let here = if inline.is_empty() {
                module.clone()
            } else {
                format!("{module}::{}", inline.join("::"))
            };
            let Some(absolute) = absolute(&path, &here, module, &files) else { continue };
            let line = code[..offset].matches('\n').count() + 1;
            read.push((module, file, absolute, line, public));
        }
    }
    // `pub use` re-exports, so a name is followed to the module defining it.
    let mut reexports: BTreeMap<String, String> = BTreeMap::new();
    for (module, _, absolute, _, public) in &read {
        if let (true, Some(name)) = (*public, absolute.rsplit("::").next()) {
            reexports.insert(format!("{module}::{name}"), absolute.clone());
        }
    }
    let mut all = Vec::new();
    for (module, file, absolute, line, public) in read {
        let Some(to) = resolve(&absolute, &files, &reexports) else { continue };
        // A module's own re-exports of its children are its facade, not a use.
        if to == *module || (public && is_descendant(&to, module)) {
            continue;
        }
        all.push(Import { from: module.clone(), to, file: relative(file), line });
    }
    all
}

fn relative(file: &Path) -> PathBuf {
    file.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap_or(file).to_path_buf()
}

fn is_descendant(module: &str, ancestor: &str) -> bool {
    module.starts_with(&format!("{ancestor}::"))
}

/// `crate::…`, `super::…` and `self::…` made absolute (without `crate::`).
/// `here` is the module the path is written in (inline modules included);
/// `file_module` is the file's module, whose children a bare `use child::…`
/// may name.
fn absolute(
    path: &str,
    here: &str,
    file_module: &str,
    files: &BTreeMap<String, PathBuf>,
) -> Option<String> {
    let mut segments: Vec<&str> = path.split("::").collect();
    let mut base: Vec<&str> = here.split("::").collect();
    match segments[0] {
        "crate" => {
            base.clear();
            segments.remove(0);
        }
        "self" => {
            segments.remove(0);
        }
        "super" => {
            while segments.first() == Some(&"super") {
                segments.remove(0);
                base.pop()?;
            }
        }
        first if files.contains_key(&format!("{file_module}::{first}")) => {}
        _ => return None, // another crate, or a name in scope
    }
    base.extend(segments);
    Some(base.join("::"))
}

/// The module an absolute path names: its longest module prefix, or where
/// that module's `pub use` of the next name leads.
fn resolve(
    path: &str,
    files: &BTreeMap<String, PathBuf>,
    reexports: &BTreeMap<String, String>,
) -> Option<String> {
    let mut path = path.to_string();
    for _ in 0..8 {
        let segments: Vec<&str> = path.split("::").collect();
        let n =
            (1..=segments.len()).rev().find(|n| files.contains_key(&segments[..*n].join("::")))?;
        let module = segments[..n].join("::");
        let Some(next) = segments.get(n) else { return Some(module) };
        match reexports.get(&format!("{module}::{next}")) {
            Some(target) if *target != path => {
                path = [target.as_str()]
                    .into_iter()
                    .chain(segments[n + 1..].iter().copied())
                    .collect::<Vec<_>>()
                    .join("::");
            }
            _ => return Some(module),
        }
    }
    None
}

/// Every path named in `use` items and every `crate::`/`super::` path in
/// code, with its byte offset, the inline modules (`mod tests { … }`)
/// it sits in, and whether it is a `pub use`.
fn references(code: &str) -> Vec<(String, usize, Vec<String>, bool)> {
    let bytes = code.as_bytes();
    let mut found = Vec::new();
    let mut inline: Vec<(String, usize)> = Vec::new(); // name, brace depth inside it
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'{' {
            depth += 1;
            i += 1;
            continue;
        }
        if c == b'}' {
            if inline.last().is_some_and(|(_, d)| *d == depth) {
                inline.pop();
            }
            depth = depth.saturating_sub(1);
            i += 1;
            continue;
        }
        if !is_ident(c) || (i > 0 && (is_ident(bytes[i - 1]) || bytes[i - 1] == b':')) {
            i += 1;
            continue;
        }
        let word_end = (i..bytes.len()).find(|&j| !is_ident(bytes[j])).unwrap_or(bytes.len());
        let word = &code[i..word_end];
        let names: Vec<String> = inline.iter().map(|(n, _)| n.clone()).collect();
        if word == "mod" {
            let rest = &code[word_end..];
            let name: String = rest
                .trim_start()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let after = rest.trim_start()[name.len()..].trim_start();
            if after.starts_with('{') {
                inline.push((name, depth + 1));
            }
            i = word_end;
        } else if word == "use" {
            let end = code[word_end..].find(';').map_or(code.len(), |e| word_end + e);
            let before = code[..i].trim_end();
            let public = before.ends_with("pub") || before.ends_with("pub(crate)");
            for path in parse_use_tree(&code[word_end..end]) {
                found.push((path, i, names.clone(), public));
            }
            i = end;
        } else if matches!(word, "crate" | "super") && code[word_end..].starts_with("::") {
            let mut end = word_end;
            while code[end..].starts_with("::") {
                let next = end + 2;
                let seg_end =
                    (next..bytes.len()).find(|&j| !is_ident(bytes[j])).unwrap_or(bytes.len());
                if seg_end == next {
                    break;
                }
                end = seg_end;
            }
            found.push((code[i..end].to_string(), i, names, false));
            i = end;
        } else {
            i = word_end;
        }
    }
    found
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// `a::{b, c::{d, e as f}, g::*}` → `a::b`, `a::c::d`, `a::c::e`, `a::g`.
fn parse_use_tree(tree: &str) -> Vec<String> {
    let mut tree = tree.split_whitespace().collect::<Vec<_>>().join(" ");
    for token in ["::", "{", "}", ","] {
        tree = tree.replace(&format!(" {token}"), token).replace(&format!("{token} "), token);
    }
    let mut out = Vec::new();
    expand("", &tree, &mut out);
    out
}

fn expand(prefix: &str, tree: &str, out: &mut Vec<String>) {
    let tree = tree.trim_start_matches("::");
    let join = |p: &str, s: &str| if p.is_empty() { s.to_string() } else { format!("{p}::{s}") };
    if let Some(open) = tree.find('{') {
        let head = tree[..open].trim_end_matches("::");
        let prefix = if head.is_empty() { prefix.to_string() } else { join(prefix, head) };
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        let mut level = 0;
        let mut start = 0;
        for (k, c) in inner.char_indices() {
            match c {
                '{' => level += 1,
                '}' => level -= 1,
                ',' if level == 0 => {
                    expand(&prefix, &inner[start..k], out);
                    start = k + 1;
                }
                _ => {}
            }
        }
        expand(&prefix, &inner[start..], out);
        return;
    }
    // `x as y` names `x`; `x::*` names `x`.
    let item = tree.split(' ').next().unwrap_or_default();
    let item = item.trim_end_matches('*').trim_end_matches("::");
    if item == "self" {
        out.push(prefix.to_string());
    } else if !item.is_empty() {
        out.push(join(prefix, item));
    }
}

/// The source with comments removed and string and character literals
/// emptied; line breaks stay, so offsets give the right line numbers.
fn strip_comments_and_strings(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    let keep_lines = |s: &[char], out: &mut String| {
        out.extend(s.iter().filter(|c| **c == '\n'));
    };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut level = 0;
            let start = i;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    level += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    level -= 1;
                    i += 2;
                    if level == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            keep_lines(&chars[start..i.min(chars.len())], &mut out);
        } else if c == 'r'
            && (next == Some('"') || next == Some('#'))
            && (i == 0 || !is_ident(chars[i - 1] as u8))
        {
            let hashes = chars[i + 1..].iter().take_while(|c| **c == '#').count();
            if chars.get(i + 1 + hashes) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            let start = i;
            i += hashes + 2;
            let closing: String = std::iter::once('"').chain("#".repeat(hashes).chars()).collect();
            let closing: Vec<char> = closing.chars().collect();
            while i < chars.len() && !chars[i..].starts_with(&closing) {
                i += 1;
            }
            i += closing.len();
            keep_lines(&chars[start..i.min(chars.len())], &mut out);
            out.push_str("\"\"");
        } else if c == '"' {
            let start = i;
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            keep_lines(&chars[start..i.min(chars.len())], &mut out);
            out.push_str("\"\"");
        } else if c == '\'' && (chars.get(i + 2) == Some(&'\'') || next == Some('\\')) {
            // a character literal ('x', '\n', '\u{2066}'), not a lifetime
            i += 1;
            while i < chars.len() && chars[i] != '\'' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("' '");
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Every strongly connected group of modules, as one cycle through it with
/// the file and line of each import on the way.
fn cycles(imports: &[Import]) -> Vec<(Vec<&str>, String)> {
    let mut graph: BTreeMap<&str, BTreeMap<&str, &Import>> = BTreeMap::new();
    for import in imports {
        graph.entry(&import.from).or_default().entry(&import.to).or_insert(import);
    }
    let nodes: BTreeSet<&str> =
        imports.iter().flat_map(|i| [i.from.as_str(), i.to.as_str()]).collect();
    let mut reported = Vec::new();
    let mut done: BTreeSet<&str> = BTreeSet::new();
    for &start in &nodes {
        if done.contains(start) {
            continue;
        }
        let component: BTreeSet<&str> = nodes
            .iter()
            .copied()
            .filter(|n| reaches(&graph, start, n) && reaches(&graph, n, start))
            .collect();
        done.extend(component.iter().copied());
        if component.len() < 2 {
            continue;
        }
        // The shortest way back to `start` from each of its neighbours in the group.
        let path = shortest_cycle(&graph, start, &component);
        let steps: Vec<String> = path
            .windows(2)
            .map(|w| {
                let import = graph[w[0]][w[1]];
                format!("  {} -> {}   ({}:{})", w[0], w[1], import.file.display(), import.line)
            })
            .collect();
        let members: Vec<&str> = component.iter().copied().collect();
        let text =
            format!("{} modules: {}\n{}", members.len(), members.join(", "), steps.join("\n"));
        reported.push((members, text));
    }
    reported
}

fn reaches(graph: &BTreeMap<&str, BTreeMap<&str, &Import>>, from: &str, to: &str) -> bool {
    let mut seen = BTreeSet::new();
    let mut stack = vec![from];
    while let Some(node) = stack.pop() {
        if node == to {
            return true;
        }
        if seen.insert(node) {
            stack.extend(graph.get(node).into_iter().flat_map(|n| n.keys().copied()));
        }
    }
    false
}

fn shortest_cycle<'a>(
    graph: &BTreeMap<&'a str, BTreeMap<&'a str, &Import>>,
    start: &'a str,
    component: &BTreeSet<&'a str>,
) -> Vec<&'a str> {
    let mut previous: BTreeMap<&str, &str> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(node) = queue.pop_front() {
        for &next in graph.get(node).into_iter().flat_map(|n| n.keys()) {
            if !component.contains(next) {
                continue;
            }
            if next == start {
                // `previous` leads back from `node` to `start`, which has none.
                let mut path = vec![node];
                let mut at = node;
                while let Some(&p) = previous.get(at) {
                    path.push(p);
                    at = p;
                }
                path.reverse();
                path.push(start);
                return path;
            }
            if next != start && !previous.contains_key(next) {
                previous.insert(next, node);
                queue.push_back(next);
            }
        }
    }
    vec![start]
}

/// The most lines a function in `src/app` or `src/ui` may have, from its
/// `fn` line to its closing brace (as `scripts/longest_functions.py`
/// counts them).
const MAX_FUNCTION_LINES: usize = 80;

/// Functions over the limit, each to be split by the work named. The test
/// fails when one of them is back under it, so the list shrinks.
const KNOWN_LONG_FUNCTIONS: &[(&str, &str)] = &[];

#[test]
fn no_function_in_the_editor_or_the_views_is_over_80_lines() {
    let mut long = Vec::new();
    for dir in ["app", "ui"] {
        for file in rust_files(&src().join(dir)) {
            let text = fs::read_to_string(&file).unwrap();
            for (lines, line, name) in function_lengths(&text) {
                if lines > MAX_FUNCTION_LINES {
                    long.push((format!("{}:{line}", relative(&file).display()), name, lines));
                }
            }
        }
    }
    let known = |name: &str, at: &str| {
        KNOWN_LONG_FUNCTIONS.iter().any(|(k, _)| *k == format!("{at} {name}").as_str())
    };
    let new: Vec<String> = long
        .iter()
        .filter(|(at, name, _)| !known(name, at.split(':').next().unwrap()))
        .map(|(at, name, lines)| format!("{at}: {name} has {lines} lines"))
        .collect();
    assert!(
        new.is_empty(),
        "functions over {MAX_FUNCTION_LINES} lines (split them into named helpers):\n{}\n",
        new.join("\n")
    );
    for (which, why) in KNOWN_LONG_FUNCTIONS {
        assert!(
            long.iter()
                .any(|(at, name, _)| format!("{} {name}", at.split(':').next().unwrap()) == *which),
            "{which} ({why}) is no longer over the limit: remove it from KNOWN_LONG_FUNCTIONS"
        );
    }
}

#[test]
fn function_lengths_count_from_fn_to_the_closing_brace() {
    let code = "pub(crate) fn a() {\n    let s = \"}\";\n    let c = '{';\n    // }\n}\n\
                fn declared();\n    async fn b<'a>(x: &'a str) {\n    if x.is_empty() { }\n}\n";
    assert_eq!(function_lengths(code), vec![(5, 1, "a".to_owned()), (3, 7, "b".to_owned())]);
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// Every function with a body in `text`: its length in lines, its first
/// line (1-based) and its name. The same rule as the script: a line that
/// starts (after `pub`, `pub(…)`, `const`, `async`, `unsafe`) with `fn NAME`
/// opens one; it ends where its braces balance, strings, character
/// literals and line comments left out.
fn function_lengths(text: &str) -> Vec<(usize, usize, String)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(name) = function_name(line) else { continue };
        let (mut depth, mut started) = (0i64, false);
        for (j, next) in lines.iter().enumerate().skip(i) {
            let code = code_of(next);
            if !started && code.contains(';') && !code.contains('{') {
                break; // a declaration without a body
            }
            for c in code.chars() {
                match c {
                    '{' => {
                        depth += 1;
                        started = true;
                    }
                    '}' => depth -= 1,
                    _ => {}
                }
            }
            if started && depth == 0 {
                found.push((j - i + 1, i + 1, name));
                break;
            }
        }
    }
    found
}

/// The name of the function a line declares, if it does.
fn function_name(line: &str) -> Option<String> {
    let mut rest = line.trim_start();
    if let Some(after) = rest.strip_prefix("pub") {
        let after = match after.strip_prefix('(') {
            Some(inner) => &inner[inner.find(')')? + 1..],
            None => after,
        };
        let trimmed = after.trim_start();
        if trimmed.len() == after.len() {
            return None; // `pub` must be followed by a space (e.g. not `public`)
        }
        rest = trimmed;
    }
    for keyword in ["const", "async", "unsafe"] {
        if let Some(after) = rest.strip_prefix(keyword)
            && after.starts_with(char::is_whitespace)
        {
            rest = after.trim_start();
        }
    }
    let after = rest.strip_prefix("fn")?;
    let name_part = after.trim_start();
    if name_part.len() == after.len() {
        return None;
    }
    let name: String = name_part.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
    (!name.is_empty()).then_some(name)
}

/// A line without its string literals, character literals and line comment.
fn code_of(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut code = String::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '"' => {
                if let Some(end) = closing_quote(&chars, i + 1) {
                    i = end + 1;
                    continue;
                }
            }
            '\'' => {
                let len = if chars.get(i + 1) == Some(&'\\') { 4 } else { 3 };
                if chars.get(i + len - 1) == Some(&'\'')
                    && (len == 4 || chars.get(i + 1) != Some(&'\''))
                {
                    i += len;
                    continue;
                }
            }
            '/' if chars.get(i + 1) == Some(&'/') => break,
            _ => {}
        }
        code.push(chars[i]);
        i += 1;
    }
    code
}

/// Where the string literal starting at `from` ends on this line.
fn closing_quote(chars: &[char], from: usize) -> Option<usize> {
    let mut i = from;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 2,
            '"' => return Some(i),
            _ => i += 1,
        }
    }
    None
}
