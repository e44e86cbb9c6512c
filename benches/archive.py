#!/usr/bin/env python3
"""Time `copydesk check` over an archive of drafts beside rumdl and typos, and print ratios.

An archive audit or a CI gate over a content repository checks thousands of files at once. This
builds such an archive from the evaluation corpus (each text written as a Markdown draft with
its publication date in front matter, each text twice, in a web/ and a print/ folder, as a
desk keeps two editions) in a temporary folder that is deleted afterwards, so no corpus text
ever lands in the repository. It then times, taking the median of --reps runs:

* copydesk cold: an empty cache, which the run fills (the default inside a git work tree);
* copydesk warm: the same files again, every result read back from that cache;
* copydesk --no-cache with --jobs 1 and --jobs 2, for the scaling from one core to two;
* `rumdl check --no-cache` and `typos`, when installed, over the same folder.

Every tool writes its usual text report to /dev/null. The load average is printed before and
after, because on a shared machine other work steals the second core; each run's processor time
(user and system) is printed beside its wall time, since it depends far less on that load.

    python3 benches/archive.py --copydesk target/release/copydesk
"""

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
# The shared folder stands beside the checkout (../shared from its top).
CORPUS = os.path.join(HERE, "..", "..", "shared", "corpus", "dev.jsonl")


def build_archive(corpus, folder):
    files = 0
    size = 0
    with open(corpus, encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            draft = f"---\ndate: {row['dct']}\n---\n\n{row['text']}\n"
            for edition in ("web", "print"):
                os.makedirs(os.path.join(folder, edition), exist_ok=True)
                path = os.path.join(folder, edition, row["doc"] + ".md")
                with open(path, "w", encoding="utf-8") as out:
                    out.write(draft)
                files += 1
                size += len(draft.encode("utf-8"))
    return files, size


def timed(command, cwd, env=None, before=None, ok=(0, 1)):
    """Wall time and processor time (user and system) of one run, in seconds; `before` runs
    untimed first (to empty a cache), and a status outside `ok` stops the benchmark. On a shared
    machine the wall time of a run grows with the load while its processor time barely does, so
    the two together say whether a slow run was slow or starved."""
    if before:
        before()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    status = subprocess.run(
        command,
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    ).returncode
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - children.ru_utime) + (after.ru_stime - children.ru_stime)
    # copydesk and rumdl exit 1 when they find something, typos 2.
    if status not in ok:
        sys.exit(f"{' '.join(command)} failed with status {status}")
    return elapsed, cpu


def median(command, reps, cwd, env=None, before=None, ok=(0, 1)):
    runs = [timed(command, cwd, env, before, ok) for _ in range(reps)]
    times = [elapsed for elapsed, _ in runs]
    return statistics.median(times), min(times), statistics.median(cpu for _, cpu in runs)


def load():
    return "/".join(f"{value:.2f}" for value in os.getloadavg())


def version(command):
    try:
        output = subprocess.run(command, capture_output=True, text=True).stdout
    except OSError:
        return "?"
    return output.strip().splitlines()[0] if output.strip() else "?"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copydesk", default=os.path.join(HERE, "..", "target", "release", "copydesk"))
    parser.add_argument("--corpus", default=CORPUS)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--rumdl", default=shutil.which("rumdl"))
    parser.add_argument("--typos", default=shutil.which("typos") or os.path.expanduser("~/.cargo/bin/typos"))
    args = parser.parse_args()
    copydesk = os.path.abspath(args.copydesk)

    work = tempfile.mkdtemp(prefix="copydesk-archive-")
    try:
        archive = os.path.join(work, "archive")
        cache = os.path.join(work, "cache")
        files, size = build_archive(args.corpus, archive)
        env = dict(os.environ, COPYDESK_CACHE_DIR=cache)
        env.pop("CI", None)
        check = [copydesk, "check", "--exit-zero", "archive"]

        def empty_cache():
            shutil.rmtree(cache, ignore_errors=True)

        print(f"archive: {files} drafts, {size / 1e6:.1f} MB, built from {os.path.basename(args.corpus)}")
        print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}")
        print(f"date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; load before: {load()}")
        rows = []
        # One untimed run of each warms the page cache, so the first timed tool is not penalised.
        timed(check + ["--no-cache"], work, env)
        rows.append(("copydesk, cold (empty cache)", median(check + ["--cache"], args.reps, work, env, empty_cache)))
        timed(check + ["--cache"], work, env)
        rows.append(("copydesk, warm (unchanged files)", median(check + ["--cache"], args.reps, work, env)))
        rows.append(("copydesk --no-cache --jobs 1", median(check + ["--no-cache", "--jobs", "1"], args.reps, work, env)))
        rows.append(("copydesk --no-cache --jobs 2", median(check + ["--no-cache", "--jobs", "2"], args.reps, work, env)))
        if args.rumdl:
            rumdl = [args.rumdl, "check", "--no-cache", "archive"]
            timed(rumdl, work)
            rows.append((f"rumdl check --no-cache ({version([args.rumdl, '--version'])})", median(rumdl, args.reps, work)))
        if args.typos and os.path.exists(args.typos):
            typos = [args.typos, "archive"]
            timed(typos, work, ok=(0, 2))
            rows.append((f"typos ({version([args.typos, '--version'])})", median(typos, args.reps, work, ok=(0, 2))))
        print(f"load after: {load()}")
        print()
        print(f"| run (median of {args.reps}) | time | best | processor time | files/s | MB/s |")
        print("|---|---|---|---|---|---|")
        for name, (middle, best, cpu) in rows:
            print(f"| {name} | {middle * 1000:.0f} ms | {best * 1000:.0f} ms | {cpu * 1000:.0f} ms | {files / middle:,.0f} | {size / 1e6 / middle:.1f} |")
        times = {name: middle for name, (middle, _, _) in rows}
        cpus = {name: cpu for name, (_, _, cpu) in rows}
        cold = times["copydesk, cold (empty cache)"]
        warm = times["copydesk, warm (unchanged files)"]
        one = times["copydesk --no-cache --jobs 1"]
        two = times["copydesk --no-cache --jobs 2"]
        print()
        print(f"scaling from 1 to 2 jobs: {one / two:.2f}x (target at least 1.7x)")
        # Two workers that do no more work between them than one does alone scale with the
        # cores they are given: this ratio near 1 means a low scaling was the load's doing.
        print(f"processor time with 2 jobs: {cpus['copydesk --no-cache --jobs 2'] / cpus['copydesk --no-cache --jobs 1']:.2f}x that with 1 job")
        print(f"warm re-run: {warm / cold:.0%} of cold (target at most 15%)")
        for name, middle in times.items():
            if name.startswith("rumdl"):
                print(f"copydesk cold throughput: {middle / cold:.2f}x rumdl --no-cache's (target at least 1x)")
                print(f"copydesk processor time per draft, one job: {cpus['copydesk --no-cache --jobs 1'] / cpus[name]:.2f}x rumdl's")
                print(f"copydesk warm: {middle / warm:.2f}x as fast as rumdl --no-cache")
            if name.startswith("typos"):
                print(f"copydesk cold: {middle / cold:.2f}x typos's throughput")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
