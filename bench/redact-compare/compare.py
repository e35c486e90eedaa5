#!/usr/bin/env python3
"""Runs podnet, secretlint (recommended preset) and detect-secrets side by side on the labelled
secrets corpus (tests/fixtures/secrets/cases) and writes RESULTS.md.

Setup (once, from this folder):
    npm ci                                   # secretlint + preset, from package-lock.json
    python3 -m venv .venv && .venv/bin/pip install -r requirements.txt   # detect-secrets, whispers
    cargo build --release -p podnet-cli                       (from the repo root; the CLI binary)
    cargo build --release -p podnet-core --example redact     (the in-process benchmark)
  (One command with both `-p` and `--example` builds only the example, leaving a stale CLI.)
  For the browser measurement (skipped with a note when a piece is missing): the
  wasm32-unknown-unknown target, wasm-bindgen-cli 0.2.130, node with playwright-core in the repo's
  node_modules (npm ci at the repo root) and Chromium (/usr/bin/chromium, or CHROMIUM=path).
Run:
    python3 compare.py            # prints the table and rewrites RESULTS.md
  To time a change against the code before it in the same run, give a checkout of the older
  commit (`git archive <commit> | tar -x -C DIR`) with its example built (`CARGO_TARGET_DIR=DIR-target
  cargo build --release -p podnet-core --example redact`, from DIR):
    PODNET_BASELINE=DIR PODNET_BASELINE_TARGET=DIR-target python3 compare.py
  whispers (PyPI) is the third peer when it is installed in .venv; without it the table has two.

Metrics, per tool:
- recall (line): share of labelled secrets on a line the tool flags. detect-secrets reports only
  line numbers, so this is the measure all three share.
- recall (bytes): share of labelled secrets with every byte inside a reported span (what
  redaction needs: nothing left visible). Only for tools that report spans.
- benign hit: labelled look-alikes (CIDRs, digests, names, versions, ids) the tool flags; for the
  line-based tool, a look-alike counts when its line is flagged and holds no labelled secret.
- extra findings: findings that overlap no labelled secret.
- MB/s: about 1 MB of the corpus (secret-dense) and about 1 MB of flannel/AKS fixture inputs
  (config-like) through each tool's command line, per CPU second, minus the CPU time the tool
  takes on an empty file (start-up). podnet is also measured in-process (the `redact` example,
  compiled automaton reused).
- browser: the same redactor compiled to wasm (wasm/, its own crate, the workspace's release
  profile) and timed in headless Chromium by wasm/bench.mjs on the same two inputs, next to the
  native example run right before and after it (wall-clock MB/s for both, the fastest of several
  runs each, so the ratio compares like with like on a busy machine),
  plus the time per call for one ~3 KB paste with a reused compiled `Redactor` and with
  `redact::redact` (which compiles the keyword automaton on every call).
"""

import json
import os
import pathlib
import re
import resource
import shutil
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CASES = ROOT / "tests" / "fixtures" / "secrets" / "cases"
WORK = HERE / "work"
TARGET = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
PODNET = pathlib.Path(os.environ.get("PODNET", TARGET / "release" / "podnet"))
PODNET_EXAMPLE = TARGET / "release" / "examples" / "redact"
SECRETLINT = HERE / "node_modules" / ".bin" / "secretlint"
DETECT_SECRETS = HERE / ".venv" / "bin" / "detect-secrets"
WHISPERS = HERE / ".venv" / "bin" / "whispers"
BASELINE = pathlib.Path(os.environ["PODNET_BASELINE"]) if os.environ.get("PODNET_BASELINE") else None
BASELINE_TARGET = pathlib.Path(os.environ.get("PODNET_BASELINE_TARGET", str(BASELINE / "target") if BASELINE else "."))
BASELINE_EXAMPLE = BASELINE_TARGET / "release" / "examples" / "redact"
WASM_CRATE = HERE / "wasm"
WASM_PKG = WORK / "wasm-pkg"
PASTE = CASES / "kube-flannel-and-secrets.yaml"


def load_cases():
    cases = []
    for path in sorted(CASES.iterdir()):
        if path.name.endswith(".labels.json"):
            continue
        labels = json.loads((CASES / (path.name + ".labels.json")).read_text())
        cases.append((path.name, path.read_bytes(), labels))
    return cases


def line_of(text, offset):
    return text.count(b"\n", 0, offset) + 1


def lines_of(text, start, end):
    return set(range(line_of(text, start), line_of(text, max(start, end - 1)) + 1))


def run(args, cwd=HERE):
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True)


def podnet_findings(name, text):
    """Spans from `podnet redact`'s report: path:LINE:COL: redacted KIND (N characters) as …"""
    result = run([str(PODNET), "redact", str(WORK / name)])
    decoded = text.decode()
    line_starts = [0] + [m.end() for m in re.finditer("\n", decoded)]
    spans = []
    for line in result.stderr.splitlines():
        match = re.search(r":(\d+):(\d+): redacted (\S+) \((\d+) characters\)", line)
        if not match:
            continue
        row, column, length = int(match.group(1)), int(match.group(2)), int(match.group(4))
        start_char = line_starts[row - 1] + column - 1
        start = len(decoded[:start_char].encode())
        end = len(decoded[: start_char + length].encode())
        spans.append((start, end))
    return spans


def secretlint_findings(names):
    # Through a file: node may exit before a pipe has taken all of a long stdout.
    report = WORK / "secretlint.json"
    report.unlink(missing_ok=True)
    run([str(SECRETLINT), "--format", "json", "--output", str(report), *[f"work/{name}" for name in names]])
    found = {name: [] for name in names}
    for entry in json.loads(report.read_text() if report.exists() else "[]"):
        name = pathlib.Path(entry["filePath"]).name
        for message in entry["messages"]:
            found[name].append(tuple(message["range"]))
    return found


def detect_secrets_findings(names):
    result = run([str(DETECT_SECRETS), "scan", "--all-files", "work"])
    found = {name: [] for name in names}
    for path, items in json.loads(result.stdout)["results"].items():
        name = pathlib.Path(path).name
        found.setdefault(name, []).extend(item["line_number"] for item in items)
    return found


def whispers_findings(names):
    """Spans from whispers' JSON: it reports the file, the line and the value it read; the span is
    the value where it stands on that line, or the whole line when the value was decoded (a
    quoted or escaped value) and is not there as written."""
    result = run([str(WHISPERS), "work"])
    found = {name: [] for name in names}
    texts = {name: (WORK / name).read_bytes() for name in names}
    for item in json.loads(result.stdout or "[]"):
        name = pathlib.Path(item["file"]).name
        row = int(item.get("line") or 0)
        if name not in texts or row < 1:
            continue
        text = texts[name]
        starts = [0] + [m.end() for m in re.finditer(rb"\n", text)]
        start = starts[row - 1]
        end = starts[row] - 1 if row < len(starts) else len(text)
        value = str(item.get("value") or "").encode()
        at = text.find(value, start, end) if value else -1
        found[name].append((at, at + len(value)) if at >= 0 else (start, end))
    return found


def per_kind(cases, spans_by_case=None, lines_by_case=None):
    """Line recall per kind of labelled secret: {kind: [caught, total]}."""
    kinds = {}
    for name, text, labels in cases:
        if spans_by_case is not None:
            flagged = set()
            for start, end in spans_by_case[name]:
                flagged |= lines_of(text, start, end)
        else:
            flagged = set(lines_by_case[name])
        for secret in labels["secrets"]:
            entry = kinds.setdefault(secret["kind"], [0, 0])
            entry[0] += bool(lines_of(text, secret["start"], secret["end"]) & flagged)
            entry[1] += 1
    return kinds


def score(cases, spans_by_case=None, lines_by_case=None):
    secrets = caught_line = caught_bytes = benign = benign_hit = findings = extra = 0
    for name, text, labels in cases:
        secret_lines = set()
        for secret in labels["secrets"]:
            secret_lines |= lines_of(text, secret["start"], secret["end"])
        if spans_by_case is not None:
            spans = spans_by_case[name]
            flagged = set()
            for start, end in spans:
                flagged |= lines_of(text, start, end)
        else:
            spans = None
            flagged = set(lines_by_case[name])
        for secret in labels["secrets"]:
            secrets += 1
            if lines_of(text, secret["start"], secret["end"]) & flagged:
                caught_line += 1
            if spans is not None and all(any(s <= b < e for s, e in spans) for b in range(secret["start"], secret["end"])):
                caught_bytes += 1
        for look_alike in labels["benign"]:
            benign += 1
            if spans is not None:
                hit = any(s < look_alike["end"] and look_alike["start"] < e for s, e in spans)
            else:
                lines = lines_of(text, look_alike["start"], look_alike["end"])
                hit = bool(lines & flagged) and not (lines & secret_lines)
            benign_hit += hit
        if spans is not None:
            findings += len(spans)
            extra += sum(
                not any(s < sec["end"] and sec["start"] < e for sec in labels["secrets"]) for s, e in spans
            )
        else:
            findings += len(flagged)
            extra += len(flagged - secret_lines)
    return {
        "kinds": per_kind(cases, spans_by_case, lines_by_case),
        "secrets": secrets,
        "recall_line": caught_line / secrets,
        "recall_bytes": None if spans_by_case is None else caught_bytes / secrets,
        "benign": benign,
        "benign_hit": benign_hit,
        "findings": findings,
        "extra": extra,
    }


def timed(args, cwd=HERE):
    """CPU seconds (user + system) the command and its children spent: fair on a busy machine."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(args, cwd=cwd, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def throughput(make_args, big, empty):
    startup = min(timed(make_args(empty)) for _ in range(3))
    scan = min(timed(make_args(big)) for _ in range(2))
    size = (WORK / big).stat().st_size
    return size / 1e6 / max(scan - startup, 1e-6), scan, startup


def config_like_text(size):
    """The flannel and AKS fixture inputs (configs and commands, few secrets), repeated."""
    fixtures = ROOT / "tests" / "fixtures"
    parts = [
        path.read_bytes()
        for area in ("flannel", "aks")
        for path in sorted((fixtures / area).iterdir())
        if path.is_file() and path.suffix not in (".expected", ".context")
    ]
    text = b"\n".join(parts)
    return text * max(1, size // max(1, len(text)))


def native_wall_speed(path, example=PODNET_EXAMPLE):
    """MB/s of the `redact` example (wall clock, compiled automaton reused) on one file: the best
    of two runs of three seconds."""
    speeds = []
    for _ in range(2):
        out = run([str(example), "--bench", str(path)]).stdout
        match = re.search(r"([\d.]+) MB/s", out)
        if match:
            speeds.append(float(match.group(1)))
    return max(speeds, default=None)


def build_wasm(crate=WASM_CRATE, target=TARGET / "redact-bench-wasm", out=WASM_PKG):
    """Builds wasm/ for the browser and generates its JS glue into work/wasm-pkg; None or why not."""
    build = subprocess.run(
        ["cargo", "build", "--release", "--target", "wasm32-unknown-unknown"],
        cwd=crate, env={**os.environ, "CARGO_TARGET_DIR": str(target)}, capture_output=True, text=True,
    )
    if build.returncode != 0:
        return f"wasm build failed: {build.stderr.strip().splitlines()[-1:]}"
    wasm = target / "wasm32-unknown-unknown" / "release" / "podnet_redact_bench.wasm"
    bindgen = run(["wasm-bindgen", "--target", "web", "--out-dir", str(out), str(wasm)])
    if bindgen.returncode != 0:
        return f"wasm-bindgen failed: {bindgen.stderr.strip()}"
    return None


def browser_speeds(bench, names, example=PODNET_EXAMPLE, crate=WASM_CRATE, target=TARGET / "redact-bench-wasm"):
    """Runs wasm/bench.mjs in headless Chromium, with native wall-clock runs before and after."""
    if shutil.which("node") is None or not example.exists():
        return {"skipped": "node or the native redact example is missing"}
    try:
        shutil.rmtree(WASM_PKG, ignore_errors=True)
        problem = build_wasm(crate, target)
    except FileNotFoundError as error:
        problem = f"missing tool: {error}"
    if problem:
        return {"skipped": problem}
    shutil.copy(PASTE, WORK / bench / "paste.yaml")
    native_before = {name: native_wall_speed(WORK / bench / name, example) for name in names}
    result = run(["node", "wasm/bench.mjs", "--files", ",".join(names), "--paste", "paste.yaml", "--repeats", "7"])
    native_after = {name: native_wall_speed(WORK / bench / name, example) for name in names}
    if result.returncode != 0:
        return {"skipped": f"browser run failed: {(result.stderr or result.stdout).strip()[-300:]}"}
    browser = json.loads(result.stdout)
    native = {
        name: max([v for v in (native_before[name], native_after[name]) if v], default=float("nan"))
        for name in names
    }
    return {"browser": browser, "native": native}


def browser_lines(wasm):
    if "skipped" in wasm:
        return ["podnet in the browser (wasm): not measured in this run (" + wasm["skipped"] + ")."]
    browser, native = wasm["browser"], wasm["native"]
    lines = [
        f"podnet in the browser (wasm, headless Chromium {browser.get('browserVersion', '?')}, compiled `Redactor` reused; "
        "`wasm/bench.mjs`), next to the native example in the same run (wall clock, fastest of 7 browser runs and of 4 native runs "
        "around them; both builds use the workspace release profile, opt-level \"z\"):",
        "",
        "| input | native MB/s | wasm MB/s | wasm / native |",
        "|---|---|---|---|",
    ]
    for name, label in (("corpus.txt", "secret-dense corpus"), ("config.txt", "config-like text")):
        speed = browser["files"][name]["mbPerSecond"]
        lines.append(f"| {label} | {native[name]:.1f} | {speed:.1f} | {speed / native[name]:.2f} |")
    paste = browser.get("paste")
    if paste:
        lines += [
            "",
            f"One {paste['bytes']} byte paste (`{PASTE.name}`) in the browser: {paste['reusedMsPerCall']:.3f} ms per call with a "
            f"reused `Redactor`, {paste['freshMsPerCall']:.3f} ms with `redact::redact` (compiles the keyword automaton "
            "every call).",
        ]
    return lines


def per_cpu_second(example, path):
    """MB/s per CPU second of the `redact` example on one file, and what it printed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = run([str(example), "--bench", str(path)]).stdout.strip()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    match = re.search(r"(\d+) bytes, (\d+) rounds", out)
    if not match:
        return None, out
    return int(match.group(1)) * int(match.group(2)) / 1e6 / cpu, out


def baseline_speeds(bench, names, current_wasm):
    """The baseline checkout against the current code, in this run: native per CPU second (runs
    alternated, best of three each), then the baseline's wasm in the browser like the current's."""
    if not BASELINE_EXAMPLE.exists():
        return {"skipped": f"missing {BASELINE_EXAMPLE}"}
    native = {}
    for name in names:
        best = {"before": 0.0, "after": 0.0}
        for _ in range(3):
            for label, example in (("before", BASELINE_EXAMPLE), ("after", PODNET_EXAMPLE)):
                speed, _ = per_cpu_second(example, WORK / bench / name)
                best[label] = max(best[label], speed or 0.0)
        native[name] = best
    wasm = browser_speeds(
        bench, names, BASELINE_EXAMPLE, BASELINE / "bench" / "redact-compare" / "wasm", TARGET / "redact-bench-wasm-baseline"
    )
    return {"native": native, "wasm_before": wasm, "wasm_after": current_wasm}


def baseline_lines(baseline):
    if baseline is None:
        return []
    if "skipped" in baseline:
        return [f"Against a baseline: not measured ({baseline['skipped']}).", ""]
    lines = [
        f"Against the baseline `{BASELINE}` in the same run (native: MB/s per CPU second of the `redact` example, "
        "best of three alternated runs each; wasm / native: the browser runs above, each next to its own native build):",
        "",
        "| input | native before | native after | change | wasm / native before | wasm / native after |",
        "|---|---|---|---|---|---|",
    ]
    for name, label in (("corpus.txt", "secret-dense corpus"), ("config.txt", "config-like text")):
        native = baseline["native"][name]
        ratios = []
        for key in ("wasm_before", "wasm_after"):
            wasm = baseline[key]
            if "skipped" in wasm:
                ratios.append("n/a")
            else:
                ratios.append(f"{wasm['browser']['files'][name]['mbPerSecond'] / wasm['native'][name]:.2f}")
        change = native["after"] / native["before"] - 1 if native["before"] else float("nan")
        lines.append(
            f"| {label} | {native['before']:.0f} | {native['after']:.0f} | {change:+.1%} | {ratios[0]} | {ratios[1]} |"
        )
    return lines + [""]


def kind_lines(results):
    """Kinds of secret where a peer's line recall beats podnet's."""
    ours = results["podnet"]["kinds"]
    rows = []
    for tool, result in results.items():
        if tool == "podnet":
            continue
        for kind, (caught, total) in sorted(result["kinds"].items()):
            mine = ours.get(kind, [0, total])
            if caught / total > mine[0] / mine[1]:
                rows.append(f"| {kind} | {tool} | {caught}/{total} | {mine[0]}/{mine[1]} |")
    if not rows:
        return ["Per kind of secret (line recall): no peer beats podnet on any kind."]
    return [
        "Per kind of secret, where a peer's line recall beats podnet's:",
        "",
        "| kind | peer | peer | podnet |",
        "|---|---|---|---|",
        *rows,
    ]


def main():
    for tool in (PODNET, SECRETLINT, DETECT_SECRETS):
        if not tool.exists():
            sys.exit(f"missing {tool}: see the setup steps at the top of this script")
    cases = load_cases()
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir()
    for name, text, _ in cases:
        (WORK / name).write_bytes(text)
    names = [name for name, _, _ in cases]

    results = {
        "podnet": score(cases, spans_by_case={name: podnet_findings(name, text) for name, text, _ in cases}),
        "secretlint (recommend preset)": score(cases, spans_by_case=secretlint_findings(names)),
        "detect-secrets (default plugins)": score(cases, lines_by_case=detect_secrets_findings(names)),
    }
    if WHISPERS.exists():
        results["whispers (default config)"] = score(cases, spans_by_case=whispers_findings(names))

    bench = pathlib.Path("bench")
    (WORK / bench).mkdir()
    corpus = b"\n".join(text for _, text, _ in cases)
    (WORK / bench / "corpus.txt").write_bytes(corpus * max(1, 1_000_000 // len(corpus)))
    (WORK / bench / "config.txt").write_bytes(config_like_text(1_000_000))
    (WORK / bench / "empty.txt").write_bytes(b"")
    empty = str(bench / "empty.txt")
    commands = {
        "podnet": lambda f: [str(PODNET), "redact", str(WORK / f)],
        "secretlint (recommend preset)": lambda f: [str(SECRETLINT), "--format", "json", f"work/{f}"],
        "detect-secrets (default plugins)": lambda f: [str(DETECT_SECRETS), "scan", f"work/{f}"],
        "whispers (default config)": lambda f: [str(WHISPERS), f"work/{f}"],
    }
    commands = {tool: command for tool, command in commands.items() if tool in results}
    speeds = {
        tool: {name: throughput(command, str(bench / name), empty) for name in ("corpus.txt", "config.txt")}
        for tool, command in commands.items()
    }
    in_process = []
    if PODNET_EXAMPLE.exists():
        for name in ("corpus.txt", "config.txt"):
            speed, out = per_cpu_second(PODNET_EXAMPLE, WORK / bench / name)
            if speed:
                in_process.append(f"{name}: {speed:.0f} MB/s per CPU second ({out})")

    wasm = browser_speeds(bench, ["corpus.txt", "config.txt"])
    baseline = baseline_speeds(bench, ["corpus.txt", "config.txt"], wasm) if BASELINE else None

    versions = {
        "podnet": run([str(PODNET), "--version"]).stdout.strip(),
        "secretlint": run([str(SECRETLINT), "--version"]).stdout.strip(),
        "detect-secrets": run([str(DETECT_SECRETS), "--version"]).stdout.strip(),
    }
    whispers_version = ""
    if WHISPERS.exists():
        match = re.search(r"\d+\.\d+\.\d+", run([str(WHISPERS), "--version"]).stdout)
        whispers_version = f", whispers {match.group(0) if match else '?'}"
    total = results["podnet"]
    peers = ", ".join(tool.split(" (")[0] for tool in results if tool != "podnet")
    lines = [
        f"# Redaction compared: podnet, {peers}",
        "",
        f"Generated by `compare.py` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; "
        f"corpus `tests/fixtures/secrets/cases`: {len(cases)} files, {total['secrets']} labelled secrets, "
        f"{total['benign']} labelled look-alikes. Versions: {versions['podnet']}, secretlint {versions['secretlint']}, "
        f"detect-secrets {versions['detect-secrets']}{whispers_version}.",
        "",
        "| tool | recall (line) | recall (no byte visible) | look-alikes hit | findings | findings on no labelled secret | MB/s secret-dense corpus | MB/s config-like text |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for tool, result in results.items():
        recall_bytes = "n/a (lines only)" if result["recall_bytes"] is None else f"{result['recall_bytes']:.1%}"
        corpus_speed, config_speed = speeds[tool]["corpus.txt"][0], speeds[tool]["config.txt"][0]
        lines.append(
            f"| {tool} | {result['recall_line']:.1%} | {recall_bytes} | {result['benign_hit']}/{result['benign']} | "
            f"{result['findings']} | {result['extra']} | {corpus_speed:.1f} | {config_speed:.1f} |"
        )
    lines += ["", *kind_lines(results), ""]
    lines += [
        "podnet in-process (compiled automaton reused, `cargo run --release -p podnet-core --example redact -- --bench FILE`):",
        *[f"- {line}" for line in in_process],
        "",
        *browser_lines(wasm),
        "",
        *baseline_lines(baseline),
        "Notes:",
        "- The corpus is podnet's own: its labels follow podnet's notion of a secret (including the identifier",
        "  tier: subscription, tenant and client ids, account ids, public IPs, e-mails, internal host names),",
        "  which the other tools do not try to find. Their recall here is a measure of coverage of this",
        "  corpus, not of their quality in general.",
        "- detect-secrets reports line numbers only, so its \"look-alikes hit\" counts look-alikes on a flagged",
        "  line that holds no labelled secret, and its findings are flagged lines.",
        "- whispers reports the line and the value it read; its span is that value where it stands on the",
        "  line, or the whole line when the value is not there as written (decoded from quotes or escapes).",
        "- MB/s is per CPU second (user + system time of the tool's process and children, start-up on an empty",
        "  file subtracted), through each tool's command line, so a busy machine does not skew it. Inputs: about",
        "  1 MB of the corpus repeated (secret-dense: a secret every ~200 bytes) and about 1 MB of the flannel and",
        "  AKS fixture inputs repeated (config-like: few secrets). podnet's CLI also writes the redacted text.",
        "",
    ]
    (HERE / "RESULTS.md").write_text("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
