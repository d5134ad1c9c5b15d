#!/usr/bin/env python3
"""Lists the longest functions in src/app and src/ui (lines from `fn` to its
closing brace), longest first. Usage: scripts/longest_functions.py [N]"""
import pathlib, re, sys

FN = re.compile(r'^\s*(pub(\([^)]*\))?\s+)?(const\s+)?(async\s+)?(unsafe\s+)?fn\s+(\w+)')

def functions(path):
    lines = path.read_text(encoding='utf-8').splitlines()
    i = 0
    while i < len(lines):
        m = FN.match(lines[i])
        if not m:
            i += 1
            continue
        depth, started, j = 0, False, i
        while j < len(lines):
            code = re.sub(r'"(\\.|[^"\\])*"|\'(\\.|[^\'\\])\'|//.*', '', lines[j])
            if not started and ';' in code and '{' not in code:
                break  # a declaration without a body
            for ch in code:
                if ch == '{':
                    depth += 1
                    started = True
                elif ch == '}':
                    depth -= 1
            if started and depth == 0:
                yield (j - i + 1, f'{path}:{i + 1}', m.group(6))
                break
            j += 1
        i += 1

count = int(sys.argv[1]) if len(sys.argv) > 1 else 10
found = []
for root in ('src/app', 'src/ui'):
    for path in sorted(pathlib.Path(root).rglob('*.rs')):
        found.extend(functions(path))
for length, where, name in sorted(found, reverse=True)[:count]:
    print(f'{length:4} {name:30} {where}')
