#!/usr/bin/env python3
"""Benchmark Dossier against Hugo and the cmark-gfm floor on synthetic sites.

    python3 bench/bench.py                         # 10,000 incidents, 200 actors, 5 rounds
    python3 bench/bench.py --sizes 1000,10000,100000 --rounds 5
    python3 bench/bench.py --write-doc             # also write docs/performance.md

For each size it generates a seeded site (bench/gen_site.py) on tmpfs, then
runs the tools round-robin (the order rotates every round), each into a fresh
output folder on tmpfs, under /usr/bin/time -v for peak RSS. It prints the
medians, the ratios dossier/hugo and dossier/cmark-floor, the targets as
pass/fail, and a no-change rebuild check. Standard library only.
"""

import argparse
import datetime
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH_DIR)
sys.path.insert(0, BENCH_DIR)
sys.dont_write_bytecode = True  # keep bench/ free of __pycache__
import gen_site  # noqa: E402

TIME = "/usr/bin/time"
CMARK_EXTENSIONS = ["-e", "table", "-e", "strikethrough", "-e", "autolink",
                    "-e", "tagfilter", "-e", "tasklist"]

# Targets, checked at TARGET_SIZE incidents.
TARGET_SIZE = 10000
MAX_VS_HUGO = 0.10
MAX_VS_FLOOR = 1.0
MAX_RSS_MIB = 250
MAX_SCALING_100K = 11.0


def log(*a):
    print(*a, flush=True)


def run_text(cmd):
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
        return (r.stdout + r.stderr).strip()
    except (OSError, subprocess.SubprocessError):
        return ""


# --------------------------------------------------------------------------
# Tools
# --------------------------------------------------------------------------

class Tool:
    """One thing to time: how to run it, where it writes."""

    def __init__(self, name, argv_fn, stdout_name=None):
        self.name = name
        self.argv_fn = argv_fn          # (paths, out_dir) -> argv
        self.stdout_name = stdout_name  # file in out_dir that receives stdout


def cmark_footnote_flags(cmark):
    """Newer cmark-gfm CLIs take --footnotes; Debian's 0.29.0.gfm.6 has it only as an extension."""
    if "--footnotes" in run_text([cmark, "--help"]):
        return ["--footnotes"]
    if "footnotes" in run_text([cmark, "--list-extensions"]):
        return ["-e", "footnotes"]
    return []


def make_tools(args):
    tools = []
    if os.access(args.dossier, os.X_OK):
        tools.append(Tool("dossier", lambda p, out: [
            args.dossier, "build", "--root", p["site"], "--output", out]))
    else:
        log("SKIP dossier: no executable at %s (build it with `swift build -c release`,"
            " or pass --dossier PATH)" % args.dossier)
    hugo = shutil.which(args.hugo)
    if hugo:
        tools.append(Tool("hugo", lambda p, out: [
            hugo, "--quiet", "--noBuildLock", "--source", p["hugo"], "--destination", out,
            "--cacheDir", p["hugo_cache"]]))
    else:
        log("SKIP hugo: `%s` not found (apt-get install -y hugo)" % args.hugo)
    cmark = shutil.which(args.cmark)
    if cmark:
        flags = CMARK_EXTENSIONS + cmark_footnote_flags(cmark)
        args.cmark_argv = [os.path.basename(cmark)] + flags
        tools.append(Tool("cmark", lambda p, out: [cmark] + flags + [p["floor"]],
                          stdout_name="floor.html"))
    else:
        log("SKIP cmark: `%s` not found (apt-get install -y cmark-gfm)" % args.cmark)
    if args.tools:
        wanted = args.tools.split(",")
        tools = [t for t in tools if t.name in wanted]
    return tools


def timed_run(tool, paths, out, scratch):
    """Run once into a fresh `out`. Returns (seconds, peak RSS in KiB, stderr text)."""
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    if tool.stdout_name:
        os.makedirs(out)
    tfile = os.path.join(scratch, "time.txt")
    efile = os.path.join(scratch, "stderr.txt")
    argv = [TIME, "-v", "-o", tfile] + tool.argv_fn(paths, out)
    stdout = open(os.path.join(out, tool.stdout_name), "wb") if tool.stdout_name else subprocess.DEVNULL
    with open(efile, "wb") as err:
        t0 = time.perf_counter()
        rc = subprocess.call(argv, stdout=stdout, stderr=err)
        secs = time.perf_counter() - t0
    if tool.stdout_name:
        stdout.close()
    with open(efile, encoding="utf-8", errors="replace") as f:
        stderr = f.read()
    with open(tfile, encoding="utf-8", errors="replace") as f:
        tinfo = f.read()
    if rc != 0:
        sys.exit("FAILED: %s exited with %d\n  command: %s\n%s" % (
            tool.name, rc, shlex.join(argv[4:]), stderr[-3000:]))
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", tinfo)
    return secs, int(m.group(1)) if m else 0, stderr


def count_html(out):
    n = 0
    for _, _, files in os.walk(out):
        n += sum(1 for f in files if f.endswith(".html"))
    return n


def snapshot(root):
    snap = {}
    for d, _, files in os.walk(root):
        for f in files:
            p = os.path.join(d, f)
            st = os.lstat(p)
            snap[os.path.relpath(p, root)] = (st.st_ino, st.st_mtime_ns, st.st_size)
    return snap


def rebuild_check(tool, paths, out, scratch):
    """Build, then rebuild with no change: how many files were written again?"""
    timed_run(tool, paths, out, scratch)
    before = snapshot(out)
    argv = tool.argv_fn(paths, out)
    r = subprocess.run(argv, capture_output=True)
    if r.returncode != 0:
        return {"error": "rebuild into its own output exited %d: %s"
                % (r.returncode, r.stderr.decode(errors="replace")[-500:])}
    after = snapshot(out)
    common = before.keys() & after.keys()
    rewritten = sum(1 for k in common if before[k][:2] != after[k][:2])
    return {"files": len(after), "rewritten": rewritten,
            "added": len(after.keys() - before.keys()),
            "removed": len(before.keys() - after.keys())}


# --------------------------------------------------------------------------
# Machine description
# --------------------------------------------------------------------------

def machine_info(args, tools):
    info = {"nproc": str(os.cpu_count())}
    try:
        info["nproc"] = run_text(["nproc"]) or info["nproc"]
        with open("/proc/cpuinfo") as f:
            m = re.search(r"^model name\s*:\s*(.+)$", f.read(), re.M)
            info["cpu"] = m.group(1).strip() if m else platform.processor()
        with open("/proc/meminfo") as f:
            m = re.search(r"^MemTotal:\s*(\d+) kB", f.read(), re.M)
            info["memory"] = "%.1f GiB" % (int(m.group(1)) / 1048576) if m else "?"
    except OSError:
        pass
    info["kernel"] = run_text(["uname", "-srvm"]) or platform.platform()
    names = [t.name for t in tools]
    if "hugo" in names:
        info["hugo"] = run_text([shutil.which(args.hugo), "version"]).splitlines()[0]
    if "cmark" in names:
        info["cmark-gfm"] = run_text([shutil.which(args.cmark), "--version"]).splitlines()[0]
    if "dossier" in names:
        commit = run_text(["git", "-C", REPO, "rev-parse", "--short", "HEAD"])
        if not re.fullmatch(r"[0-9a-f]{4,40}", commit):
            commit = "unknown (no commit)"
        elif run_text(["git", "-C", REPO, "status", "--porcelain", "--untracked-files=no"]):
            commit += " (with uncommitted changes)"
        info["dossier"] = "%s, commit %s" % (args.dossier, commit)
    info["python"] = platform.python_version()
    return info


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------

def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default=str(TARGET_SIZE),
                    help="comma-separated incident counts (default %(default)s)")
    ap.add_argument("--actors", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=1, help="untimed runs of each tool first")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--dossier", default=os.path.join(REPO, ".build", "release", "dossier"))
    ap.add_argument("--hugo", default="hugo")
    ap.add_argument("--cmark", default="cmark-gfm")
    ap.add_argument("--tools", help="subset to run, e.g. hugo,cmark")
    ap.add_argument("--workdir", default="/dev/shm",
                    help="tmpfs folder for sites and outputs (default %(default)s)")
    ap.add_argument("--keep", action="store_true", help="keep the generated sites and outputs")
    ap.add_argument("--write-doc", nargs="?", const=os.path.join(REPO, "docs", "performance.md"),
                    metavar="PATH", help="write the Markdown report (default docs/performance.md)")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a target fails")
    args = ap.parse_args(argv)
    args.sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s]
    args.cmark_argv = None
    return args


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if not os.access(TIME, os.X_OK):
        sys.exit("%s is missing: apt-get install -y time" % TIME)
    if not os.path.isdir(args.workdir):
        sys.exit("work folder %s does not exist (it should be a tmpfs)" % args.workdir)
    tools = make_tools(args)
    if not tools:
        sys.exit("nothing to run")
    info = machine_info(args, tools)
    log("machine: %s" % "; ".join("%s: %s" % kv for kv in info.items()))

    work = tempfile.mkdtemp(prefix="dossier-bench-", dir=args.workdir)
    results = {}   # size -> {tool: {"times": [...], "rss": [...], "pages": n}}
    rebuilds = {}  # size -> rebuild check of dossier
    notes = []
    try:
        for size in args.sizes:
            base = os.path.join(work, "n%d" % size)
            paths = {"site": os.path.join(base, "site"), "hugo": os.path.join(base, "hugo-site"),
                     "floor": os.path.join(base, "floor.md"),
                     "hugo_cache": os.path.join(base, "hugo-cache")}
            log("\n== %d incidents, %d actors (seed %d) ==" % (size, args.actors, args.seed))
            t0 = time.perf_counter()
            stats = gen_site.generate(size, args.actors, args.seed,
                                      paths["site"], paths["hugo"], paths["floor"])
            log("generated in %.1fs: %.1f MB of Markdown in the site, %.1f MB of bodies for the floor"
                % (time.perf_counter() - t0, stats["markdown_bytes"] / 1e6, stats["floor_bytes"] / 1e6))
            scratch = os.path.join(base, "scratch")
            os.makedirs(scratch)
            res = {t.name: {"times": [], "rss": [], "pages": 0} for t in tools}
            for t in tools:
                for _ in range(args.warmup):
                    _, _, err = timed_run(t, paths, os.path.join(base, "out", t.name), scratch)
                    warn = [l for l in err.splitlines() if l.strip()]
                    if warn:
                        notes.append("%s at %d printed: %s" % (t.name, size, " | ".join(warn[:5])))
                        log("note: %s printed on stderr:\n  %s" % (t.name, "\n  ".join(warn[:10])))
            for r in range(args.rounds):
                k = r % len(tools)
                for t in tools[k:] + tools[:k]:
                    out = os.path.join(base, "out", t.name)
                    secs, rss, err = timed_run(t, paths, out, scratch)
                    res[t.name]["times"].append(secs)
                    res[t.name]["rss"].append(rss)
                    log("  round %d  %-8s %8.3fs  %7.1f MiB" % (r + 1, t.name, secs, rss / 1024))
            for t in tools:
                res[t.name]["pages"] = count_html(os.path.join(base, "out", t.name))
            results[size] = res
            report_size(size, args, res)
            dossier = next((t for t in tools if t.name == "dossier"), None)
            if dossier:
                rb = rebuild_check(dossier, paths, os.path.join(base, "out", "rebuild"), scratch)
                rebuilds[size] = rb
                log("no-change rebuild: %s" % fmt_rebuild(rb))
            if not args.keep:
                shutil.rmtree(base)
    finally:
        if args.keep:
            log("\nkept: %s" % work)
        else:
            shutil.rmtree(work, ignore_errors=True)

    checks = targets(args, results)
    log("\n== targets (%d incidents, %d actors) ==" % (TARGET_SIZE, args.actors))
    for name, ok, detail in checks:
        log("  %-4s %s: %s" % ("n/a" if ok is None else ("PASS" if ok else "FAIL"), name, detail))
    if args.write_doc:
        write_doc(args, info, results, rebuilds, checks, notes)
        log("\nwrote %s" % args.write_doc)
    if args.strict and any(ok is False for _, ok, _ in checks):
        return 1
    return 0


def med(res, name):
    return statistics.median(res[name]["times"]) if name in res and res[name]["times"] else None


def ratio(a, b):
    return a / b if a is not None and b else None


def report_size(size, args, res):
    log("\n  %-8s %9s %9s %9s %11s %7s" % ("tool", "median s", "min s", "max s", "peak MiB", "pages"))
    for name, r in res.items():
        if not r["times"]:
            continue
        log("  %-8s %9.3f %9.3f %9.3f %11.1f %7d" % (
            name, statistics.median(r["times"]), min(r["times"]), max(r["times"]),
            max(r["rss"]) / 1024, r["pages"]))
    d = med(res, "dossier")
    for other, label in (("hugo", "dossier/hugo"), ("cmark", "dossier/cmark-floor")):
        x = ratio(d, med(res, other))
        if x is not None:
            log("  %s = %.3f" % (label, x))
    x = ratio(med(res, "hugo"), med(res, "cmark"))
    if x is not None:
        log("  hugo/cmark-floor = %.2f" % x)


def targets(args, results):
    checks = []
    res = results.get(TARGET_SIZE)
    d = med(res, "dossier") if res else None

    def check(name, value, limit, fmt):
        if value is None:
            checks.append((name, None, "not measured"))
        else:
            checks.append((name, value <= limit, fmt % (value, limit)))

    check("dossier time vs Hugo", ratio(d, med(res, "hugo")) if res else None, MAX_VS_HUGO,
          "%.3f x (target <= %.2f x)")
    check("dossier time vs cmark-gfm floor", ratio(d, med(res, "cmark")) if res else None,
          MAX_VS_FLOOR, "%.3f x (target <= %.2f x)")
    rss = max(res["dossier"]["rss"]) / 1024 if res and "dossier" in res else None
    check("dossier peak RSS", rss, MAX_RSS_MIB, "%.1f MiB (target <= %d MiB)")
    big = results.get(10 * TARGET_SIZE)
    scale = ratio(med(big, "dossier"), d) if big else None
    check("dossier 100k time vs 10k time", scale, MAX_SCALING_100K, "%.2f x (target <= %.0f x)")
    return checks


def fmt_rebuild(rb):
    if "error" in rb:
        return rb["error"]
    return ("%(rewritten)d of %(files)d files rewritten, %(added)d added, %(removed)d removed"
            " (target: 0 rewritten)" % rb)


def write_doc(args, info, results, rebuilds, checks, notes):
    L_cmd = ["python3", "bench/bench.py", "--sizes", ",".join(map(str, args.sizes)),
             "--actors", str(args.actors), "--rounds", str(args.rounds),
             "--warmup", str(args.warmup), "--seed", str(args.seed)]
    if os.path.abspath(args.dossier) != os.path.join(REPO, ".build", "release", "dossier"):
        L_cmd += ["--dossier", args.dossier]
    L_cmd.append("--write-doc")
    if os.path.abspath(args.write_doc) != os.path.join(REPO, "docs", "performance.md"):
        L_cmd.append(args.write_doc)
    cmd = shlex.join(L_cmd)
    L = ["# Performance", "",
         "Measured by `bench/bench.py` on %s. Rerun with:" % datetime.date.today().isoformat(), "",
         "```sh", cmd, "```", "",
         "The ratios are the claim; the absolute times are this machine's.", "",
         "## Machine", "", "| | |", "|---|---|"]
    for k, v in info.items():
        L.append("| %s | %s |" % (k, v.replace("|", "\\|")))
    L += ["", "## What runs", "",
          "Each size is a seeded synthetic site (`bench/gen_site.py`, seed %d, %d actors):"
          " incidents with headings, a GFM table, lists, a fenced code block, a footnote,"
          " `~~strike~~`, a `www.` autolink and `[[id]]` cross-references." % (args.seed, args.actors),
          "",
          "- **dossier**: `dossier build --root SITE --output OUT`.",
          "- **hugo**: the same documents as a Hugo site: a page per incident, actors as the term"
          " pages of an `actors` taxonomy (listing their incidents), the incidents section as the"
          " timeline, a home page; goldmark set up like cmark-gfm (tables, strikethrough, linkify,"
          " task lists, footnotes; no typographer, no raw HTML, no highlighting); RSS, sitemap,"
          " robots.txt and 404 off; `[[id]]` turned into relative Markdown links.",
          "- **cmark**: the floor: `%s` over every incident body concatenated into one file, one process."
          % " ".join(args.cmark_argv or ["cmark-gfm"]),
          "",
          "Tools run round-robin (the order rotates each round), %d round(s) after %d warm-up run(s),"
          " each into a fresh output folder on tmpfs (`%s`). Time is wall-clock; peak RSS is"
          " `Maximum resident set size` from `/usr/bin/time -v`." % (args.rounds, args.warmup, args.workdir),
          "", "## Results", ""]
    for size, res in results.items():
        L += ["### %s incidents, %d actors" % (format(size, ","), args.actors), "",
              "| tool | median (s) | min (s) | max (s) | peak RSS (MiB) | HTML pages |",
              "|---|---:|---:|---:|---:|---:|"]
        for name, r in res.items():
            if r["times"]:
                L.append("| %s | %.3f | %.3f | %.3f | %.1f | %d |" % (
                    name, statistics.median(r["times"]), min(r["times"]), max(r["times"]),
                    max(r["rss"]) / 1024, r["pages"]))
        d = med(res, "dossier")
        L.append("")
        for other, label in (("hugo", "dossier / hugo"), ("cmark", "dossier / cmark-gfm floor")):
            x = ratio(d, med(res, other))
            if x is not None:
                L.append("- %s: **%.3f x**" % (label, x))
        if size in rebuilds:
            L.append("- no-change rebuild: %s" % fmt_rebuild(rebuilds[size]))
        L.append("")
    L += ["## Targets (%s incidents, %d actors)" % (format(TARGET_SIZE, ","), args.actors), "",
          "| target | result | |", "|---|---|---|"]
    for name, ok, detail in checks:
        L.append("| %s | %s | %s |" % (name, detail, "n/a" if ok is None else ("pass" if ok else "**fail**")))
    if notes:
        L += ["", "## Notes", ""] + ["- " + n.replace("\n", " ") for n in notes]
    os.makedirs(os.path.dirname(os.path.abspath(args.write_doc)), exist_ok=True)
    with open(args.write_doc, "w", encoding="utf-8") as f:
        f.write("\n".join(L) + "\n")


if __name__ == "__main__":
    sys.exit(main())
