"""Runs both sides of the benchmark suite and prints one table of ratios (called by bench/run).

For each thread count and repeat, the course library's side (dl.bench.Suite, in its own JVM) and
PyTorch's side (torch_suite.py, Debian's /usr/bin/python3) run one after the other with the same
OMP_NUM_THREADS, so every ratio compares numbers from the same run. Writes every number to
build/bench/results.json. BENCH_JAVA_OPTS adds JVM options to the course library's side.
"""
import argparse
import glob
import json
import os
import re
import statistics
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
FASHION = "/usr/share/datasets/fashion-mnist"


def classpath(classifier):
    jars = [os.path.join(ROOT, "bench/target/course-bench-0.1.0-SNAPSHOT.jar")]
    for jar in sorted(glob.glob(os.path.join(ROOT, "bench/target/lib/*.jar"))):
        name = os.path.basename(jar)
        if classifier and re.match(r"nd4j-native-[0-9].*-linux-", name):
            version = re.match(r"nd4j-native-(.+?)-linux-", name).group(1)
            jar = os.path.expanduser(f"~/.m2/repository/org/nd4j/nd4j-native/{version}/"
                                     f"nd4j-native-{version}-{classifier}.jar")
            if not os.path.exists(jar):
                sys.exit(f"bench/run: --nd4j-classifier {classifier}: {jar} is not in the local Maven repository; "
                         f"fetch it with mvn dependency:get -Dartifact=org.nd4j:nd4j-native:{version}:jar:{classifier}")
        jars.append(jar)
    return ":".join(jars)


def last_json(cmd, env):
    out = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def run_once(threads, only, classifier):
    env = dict(os.environ, OMP_NUM_THREADS=str(threads), OPENBLAS_NUM_THREADS=str(threads),
               MKL_NUM_THREADS=str(threads))
    jvm = os.environ.get("BENCH_JAVA_OPTS", "").split()
    ours = last_json(["java", "-Xmx4g", *jvm, "-cp", classpath(classifier), "dl.bench.Suite", "--threads", str(threads),
                      "--only", only], env)
    torch = last_json(["/usr/bin/python3", os.path.join(ROOT, "bench/src/main/python/torch_suite.py"),
                       "--threads", str(threads), "--only", only, "--data", FASHION], env)
    return {"threads": threads, "load_before": os.getloadavg()[0], "course_lib": ours, "pytorch": torch}


def ratio(ours, torch):
    """ours / PyTorch as a time ratio: > 1 means the course library is slower (or needs more)."""
    if ours["unit"] == "":
        return None
    if ours["lower_is_better"]:
        return ours["value"] / torch["value"] if torch["value"] else None
    return torch["value"] / ours["value"] if ours["value"] else None


def print_run(run):
    ours = {r["name"]: r for r in run["course_lib"]["rows"]}
    torch = {r["name"]: r for r in run["pytorch"]["rows"]}
    print(f"\n{run['threads']} thread(s), load average before the run {run['load_before']:.2f}")
    print(f"  {'row':32}{'unit':>9}{'course library':>16}{'PyTorch':>12}{'ratio':>9}")
    for name, o in ours.items():
        t = torch.get(name)
        if t is None:
            print(f"  {name:32}{o['unit']:>9}{o['value']:>16.4g}{'-':>12}{'-':>9}")
            continue
        r = ratio(o, t)
        shown = f"{r:.2f}x" if r is not None else f"{o['value'] - t['value']:+.4f}"
        print(f"  {name:32}{o['unit']:>9}{o['value']:>16.4g}{t['value']:>12.4g}{shown:>9}")


def main():
    p = argparse.ArgumentParser(prog="bench/run", description=__doc__)
    p.add_argument("--threads", default="1,2", help="comma-separated thread counts (default 1,2)")
    p.add_argument("--repeat", type=int, default=1, help="runs per thread count (default 1)")
    p.add_argument("--only", default="ops,matmul,mlp,memory", help="benchmark ids (default all)")
    p.add_argument("--memory-threads", default="1", help="thread counts that also run 'memory' (default 1)")
    p.add_argument("--nd4j-classifier", default="", help="run with this nd4j-native build from ~/.m2 instead")
    p.add_argument("--out", default=os.path.join(ROOT, "build/bench/results.json"))
    args = p.parse_args()
    runs = []
    for rep in range(args.repeat):
        for threads in [int(t) for t in args.threads.split(",")]:
            only = [b for b in args.only.split(",")
                    if b != "memory" or str(threads) in args.memory_threads.split(",")]
            run = run_once(threads, ",".join(only), args.nd4j_classifier)
            run["repeat"] = rep + 1
            runs.append(run)
            if len(runs) == 1:
                m = run["course_lib"]["machine"]
                print(f"CPU: {m['cpu']} ({m['simd']}); data: {run['course_lib']['data']}")
                print(f"course library: Nd4j native build {m['nd4j_classifier']}, BLAS {m['blas']}")
                print(f"  libnd4j: {m['nd4j_build'][:300]}")
                tm = run["pytorch"]["machine"]
                print(f"PyTorch: {run['pytorch']['side']}, kernels {tm['cpu_capability']}, BLAS {tm['blas']}")
            print_run(run)
    if args.repeat > 1:
        print("\nmedian ratio over the repeats (each ratio from one run):")
        for threads in sorted({r["threads"] for r in runs}):
            same = [r for r in runs if r["threads"] == threads]
            names = [row["name"] for row in same[0]["course_lib"]["rows"]]
            for name in names:
                vals = []
                for r in same:
                    o = next(x for x in r["course_lib"]["rows"] if x["name"] == name)
                    t = next((x for x in r["pytorch"]["rows"] if x["name"] == name), None)
                    if t is not None and ratio(o, t) is not None:
                        vals.append(ratio(o, t))
                if vals:
                    print(f"  {threads} thread(s) {name:32} {statistics.median(vals):.2f}x  "
                          f"(runs: {', '.join(f'{v:.2f}' for v in vals)})")
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w") as f:
        json.dump({"date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "runs": runs}, f, indent=1)
    print(f"\nwritten: {os.path.relpath(args.out, ROOT)}")


if __name__ == "__main__":
    main()
