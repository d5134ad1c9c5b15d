#!/usr/bin/env python3
"""Writes BENCHMARKS.md from criterion's output (target/criterion) and a few
measurements taken here: peak memory with /usr/bin/time, idle output bytes
from tests/perf.rs. Run `cargo bench` first, then `python3 scripts/benchmarks.py`."""

import json, os, platform, re, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CRITERION = os.path.join(ROOT, "target", "criterion")


def medians():
    out = {}
    for dirpath, _, files in os.walk(CRITERION):
        if os.path.basename(dirpath) == "new" and "estimates.json" in files:
            with open(os.path.join(dirpath, "benchmark.json")) as f:
                meta = json.load(f)
            with open(os.path.join(dirpath, "estimates.json")) as f:
                est = json.load(f)
            out[meta["full_id"]] = est["median"]["point_estimate"] / 1e6  # ns -> ms
    return out


def ms(value):
    if value is None:
        return "—"
    return f"{value * 1000:.0f} µs" if value < 1 else f"{value:.2f} ms"


def machine():
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {cpu}, {platform.system()} {platform.release()}"


def peak_memory():
    """Peak RSS of `kenesh check` on a generated N=10,000 session, and its size."""
    exe = os.path.join(ROOT, "target", "release", "kenesh")
    big = os.path.join(ROOT, "target", "bench-n10000.ron")
    if not os.path.exists(exe):
        subprocess.run(["cargo", "build", "--release", "-q"], cwd=ROOT, check=True)
    subprocess.run([exe, "generate", "--items", "10000", "-o", big, "--force"], check=True, capture_output=True)
    size = os.path.getsize(big)
    res = subprocess.run(["/usr/bin/time", "-v", exe, "check", big], capture_output=True, text=True)
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", res.stderr)
    return size, (int(m.group(1)) * 1024 if m else None)


def idle_bytes():
    res = subprocess.run(["cargo", "test", "-q", "--release", "--test", "perf", "--", "--nocapture"],
                         cwd=ROOT, capture_output=True, text=True)
    m = re.search(r"idle bytes per second: editor (\d+), editor with timers (\d+), projector with timer (\d+)", res.stdout)
    return tuple(int(x) for x in m.groups()) if m else None


def main():
    m = medians()
    get = lambda k: m.get(k)
    rows = []

    def row(what, value, target, ok, reference=""):
        verdict = "" if target == "—" else ("met" if ok else "**not met**")
        rows.append(f"| {what} | {value} | {target} | {verdict} | {reference} |")

    for n in ["example", "n100", "n1000", "n10000"]:
        v = get(f"editor_frame/{n}/200x60")
        row(f"editor frame 200×60, {n}", ms(v), "≤ 1.5 ms", v is not None and v <= 1.5,
            f"{v / 1.0:.1f}× ratatui's ~1 ms for four tables" if v else "")
    a, b = get("editor_frame/n10000/200x60"), get("editor_frame/n100/200x60")
    if a and b:
        row("frame(N=10,000) / frame(N=100)", f"{a / b:.2f}", "≤ 1.3", a / b <= 1.3)
    for n in ["n100", "n10000"]:
        v = get(f"projector_frame/{n}/200x60")
        row(f"projector frame 200×60, {n}", ms(v), "≤ 1.5 ms", v is not None and v <= 1.5)
    for n, limit in [(1000, 5.0), (10000, 20.0)]:
        for edit in ["vote", "add_need", "move"]:
            v = get(f"key_save_frame/{edit}/{n}")
            row(f"key → durable save → frame, {edit}, N={n:,}", ms(v), f"≤ {limit:g} ms", v is not None and v <= limit)
    v = get("key_during_snapshot/vote/10000")
    row("key → durable save → frame while a snapshot is written, N=10,000", ms(v), "≤ 20 ms", v is not None and v <= 20,
        "before: the snapshot ran on the UI thread, ~130 ms every 3 s")
    v = get("key_during_snapshot/start/10000")
    row("starting a snapshot (copy of the session), N=10,000", ms(v), "≤ 50 ms", v is not None and v <= 50)
    v = get("start_first_frame/1000")
    row("start → first frame, N=1,000", ms(v), "≤ 25 ms", v is not None and v <= 25)
    m100, m1000 = get("merge/sessions_n100/100"), get("merge/sessions_n100/1000")
    row("merge 100 sessions of N=100", ms(m100), "≤ 300 ms", m100 is not None and m100 <= 300)
    if m100 and m1000:
        row("merge 1,000 / merge 100", f"{m1000 / m100:.1f}×", "≤ 12×", m1000 / m100 <= 12)
    for name, what in [("capture_1mb", "capture line"), ("form_1mb", "form field")]:
        v = get(f"paste/{name}")
        row(f"paste 1 MB into the {what} (cut to 10,000 characters) + frame", ms(v), "≤ 100 ms", v is not None and v <= 100,
            "4.9 s for 100k characters before (one insert per character)")
    v = get("paste/capture_full_field")
    row("paste 10,000 characters into the capture line + frame", ms(v), "≤ 100 ms", v is not None and v <= 100)
    for n in [100, 1000, 10000]:
        v = get(f"store/load/{n}")
        ref = f"{v / 9:.2f}× ron's ~9 ms for 2 MB" if v and n == 1000 else ""
        row(f"load N={n:,}", ms(v), "—", True, ref)
        v = get(f"store/check/{n}")
        row(f"check (load + duplicate ids + references) N={n:,}", ms(v), "—", True)
        v = get(f"store/serialize/{n}")
        ref = f"{v / 12:.2f}× ~12 ms escaped, {v / 3:.1f}× ~3 ms unescaped" if v and n == 1000 else ""
        row(f"serialize N={n:,}", ms(v), "—", True, ref)
        v = get(f"store/save_durable/{n}")
        row(f"save (serialize + atomic durable write) N={n:,}", ms(v), "—", True)
    c1, c10 = get("store/check/1000"), get("store/check/10000")
    if c1 and c10:
        row("check N=10,000 / check N=1,000", f"{c10 / c1:.1f}×", "≤ 12×", c10 / c1 <= 12,
            "13× before (0.37 s against 27 ms: references looked up by linear search)")
    for fmt in ["markdown", "csv", "html", "docx", "xlsx", "ics", "json"]:
        v = get(f"export_n1000/{fmt}")
        row(f"export {fmt}, N=1,000", ms(v), "—", True)
    size, peak = peak_memory()
    limit = 3 * size + 20 * 1024 * 1024
    row(f"peak memory loading N=10,000 ({size / 1e6:.1f} MB file)", f"{peak / 1e6:.1f} MB" if peak else "—",
        f"≤ {limit / 1e6:.0f} MB (3× file + 20 MB)", peak is not None and peak <= limit)
    idle = idle_bytes()
    if idle:
        row("terminal output per idle second (editor / with timers / projector)", " / ".join(map(str, idle)) + " bytes",
            "≤ 200 bytes", idle[0] <= 200 and idle[1] <= 200)

    notes = """
## How a change becomes durable

Rewriting the whole file on every key (serialize, temporary file, fsync, rename, fsync the
folder) costs about 13 ms at N=1,000 and 127 ms at N=10,000 (`save` rows above): too slow for
the key → durable save → frame targets, and above PRODUCT.md's 100 ms at N=10,000. So each
committed change is appended to a journal beside the file (`.FILE.journal`, one line of
compact RON per edit, fsync'd: a few hundred bytes whatever the size of the session), and the
status bar says "saved" once that returns. The whole file is rewritten from memory every 3 s
while there are journaled edits, and on quit, by a background thread (the editor copies the
session and goes on journaling), so no key waits for it; the journal then keeps only what came
after. Every reader (`load`, `check`, `merge`, `export`, `present`) replays the journal over
the file it names (by an xxh3 hash of the file's bytes). Options measured: full rewrite per key
(13 / 127 ms), unescaped serialization (19 → 8 ms at N=1,000, kept: byte-identical output),
journal (1.2 / 5.1 ms, chosen), snapshot on the UI thread (a 0.13 s pause every 3 s at
N=10,000, replaced by the background thread).
"""
    text = f"""# Benchmarks

Produced by `python3 scripts/benchmarks.py` from criterion's output: the table is rewritten, the
sections after it (each `## ` heading on) are kept as they are.

How to run: `cargo bench` (all benchmarks in `benches/`; `cargo bench --bench editor` for one
file), then `python3 scripts/benchmarks.py`. CI only checks that the benchmarks compile
(`cargo bench --no-run`). Sessions come from `kenesh generate --items N` (`src/synth.rs`): N
items in every collection with realistic Russian text (N=1,000 is about 3.6 MB of RON, N=10,000
about 37 MB; the reference points below were taken on a 2 MB file).

Machine: {machine()}. Medians.

| measurement | median | target | | reference |
|---|---|---|---|---|
""" + "\n".join(rows) + "\n" + kept_sections(notes)
    with open(os.path.join(ROOT, "BENCHMARKS.md"), "w") as f:
        f.write(text)
    print(text)


def kept_sections(default):
    """The sections after the table in the current BENCHMARKS.md (written by
    hand, or measured by a bench that prints its own figures, like the two
    editors' one), so that regenerating the table never drops them."""
    try:
        with open(os.path.join(ROOT, "BENCHMARKS.md")) as f:
            current = f.read()
    except FileNotFoundError:
        return default
    at = current.find("\n## ")
    return current[at:] if at >= 0 else default


if __name__ == "__main__":
    sys.exit(main())
