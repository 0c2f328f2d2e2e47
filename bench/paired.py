#!/usr/bin/env python3
"""Two leafpress binaries on the same builds, run in alternation: on a busy host, where
bench/run.sh's absolute times drift from minute to minute, the ratio still holds.

    bench/paired.py OLD_BINARY NEW_BINARY [RUNS]

For each build (the one-word leaflet, the peers' 2 pages, the fr brochure, the 40-page stress
document, the 12 documents at -j 1 and -j 2), both binaries run three times to warm their
cache folders (one each, empty at the start), then RUNS times each (default 30), old and
new one after the other, the order swapped every other time. Prints the median wall time
(of subprocess.run, so about 1 ms of Python's own process start is in each figure) and the
median user + system time of the child. Run it from the repository's root."""
import os
import pathlib
import resource
import statistics
import subprocess
import sys
import tempfile
import time


def one_run(binary, source, extra, out, cache):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([binary, "build", source, *extra, "--out", out], env={**os.environ, "LEAFPRESS_CACHE_DIR": cache},
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall * 1000, cpu * 1000


def main():
    old, new = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 30
    with tempfile.TemporaryDirectory() as scratch:
        scratch = pathlib.Path(scratch)
        # Each binary its own cache folder, empty at the start and filled by its warm-up runs
        # (unless LEAFPRESS_CACHE_DIR gives one, "off" included).
        given = os.environ.get("LEAFPRESS_CACHE_DIR")
        caches = {old: given or str(scratch / "cache-old"), new: given or str(scratch / "cache-new")}
        word = scratch / "oneword"
        word.mkdir()
        (word / "leaflet.yaml").write_text("default_language: fr\ntitle: t\ncontent:\n  - paragraph: p\n")
        (word / "fr.yaml").write_text("t: Mot\np: Mot\n")
        subprocess.run(["bench/stress/generate.py", str(scratch / "stress")], stdout=subprocess.DEVNULL, check=True)
        builds = [("one word", str(word), []), ("2 pages", "bench/peers/leafpress", []),
                  ("fr brochure", "leaflets/immunotherapy", ["--lang", "fr", "--format", "brochure"]),
                  ("40 pages", str(scratch / "stress"), []),
                  ("batch -j 1", "leaflets/immunotherapy", ["-j", "1"]),
                  ("batch -j 2", "leaflets/immunotherapy", ["-j", "2"])]
        for name, source, extra in builds:
            times = {old: ([], []), new: ([], [])}
            for binary in (old, new):
                for _ in range(3):
                    one_run(binary, source, extra, str(scratch / "warm"), caches[binary])
            for i in range(runs):
                for binary in ((old, new) if i % 2 == 0 else (new, old)):
                    wall, cpu = one_run(binary, source, extra, str(scratch / ("old" if binary == old else "new")),
                                        caches[binary])
                    times[binary][0].append(wall)
                    times[binary][1].append(cpu)
            wall_old, wall_new = statistics.median(times[old][0]), statistics.median(times[new][0])
            cpu_old, cpu_new = statistics.median(times[old][1]), statistics.median(times[new][1])
            print(f"{name:12s} wall {wall_old:8.2f} -> {wall_new:8.2f} ms ({wall_old / wall_new:4.2f}x)"
                  f"   cpu {cpu_old:8.2f} -> {cpu_new:8.2f} ms")


if __name__ == "__main__":
    main()
