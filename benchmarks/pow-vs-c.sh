#!/usr/bin/env bash
# bmtool's PoW against the C/OpenSSL pattern (PyBitmessage's C extension), all in one run:
#   1. `bmtool bench` with the C pattern measured in the same process run (steady rates)
#   2. 100 jobs of 1M expected trials through `bmtool pow --stdin --engine auto` (and simd, java)
#   3. one-shot default-difficulty jobs (12.6M expected trials), wall time including JVM start,
#      with the AOT cache and without it (BMTOOL_AOT=0), and on the Java engines (--engine java)
#   4. `pow serve` with 8 concurrent clients posting 1M-trial jobs
# usage: benchmarks/pow-vs-c.sh [POWREF_C]   (default ../shared/bench/powref.c; needs gcc, libssl-dev)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
src="${1:-$root/../shared/bench/powref.c}"
[ -f "$src" ] || src=/work/shared/bench/powref.c
work="$(mktemp -d /tmp/bmtool-powbench.XXXXXX)"
serve_pid=""
trap '[ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null; rm -rf "$work"' EXIT
bm() { "$root/bmtool" --data-dir "$work/data" "$@"; }

gcc -O2 -o "$work/powref" "$src" -lcrypto -lpthread 2>/dev/null
threads=$(nproc)
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $threads threads,"\
     "avx512f: $(grep -qw avx512f /proc/cpuinfo && echo yes || echo no), $(bm --version)"
echo "# load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
bm --version >/dev/null
# the AOT cache is made in the background after a build: wait for it
while [ -d "$root/cli/target/bmtool-vector.aot.lock" ]; do sleep 1; done

echo "## 1. steady rates (bmtool bench --seconds 3, C pattern in the same run)"
bm bench --seconds 3 --no-opencl --c-pattern "$work/powref" --json 2>/dev/null > "$work/bench.json"
python3 - "$work/bench.json" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))
for e in b["engines"]:
    print(f"  {e['engine']:<22} {e['threads']} thr  {e['trialsPerSecond']/1e6:7.2f} M/s")
for n in b["notes"]: print("  note:", n)
PY
rate() { python3 -c "import json,sys; b=json.load(open('$work/bench.json')); print([e['trialsPerSecond'] for e in b['engines'] if e['engine']==sys.argv[1]][0])" "$1"; }
simd=$(rate "simd-8x64*$threads" 2>/dev/null || rate "simd-4x64*$threads")
# the default CPU engine on every thread (the first all-threads row): what auto runs, the steady rate to reach
default_engine=$(python3 -c "import json; b=json.load(open('$work/bench.json')); print([e['engine'] for e in b['engines'] if '*' in e['engine']][0])")
steady=$(rate "$default_engine")
echo "  steady rate of the default engine ($default_engine): $(python3 -c "print(f'{$steady/1e6:.2f}')") M/s"
md1=$(rate messagedigest)
c=$(rate c-openssl-pattern)

echo "## 2. 100 x 1M expected trials through pow --stdin"
python3 -c "
import os
for i in range(100): print(os.urandom(64).hex(), 2**64 // 1000000)" > "$work/jobs.txt"
for engine in auto simd java; do
  s=$(date +%s.%N)
  bm pow --stdin --engine "$engine" --json --no-progress < "$work/jobs.txt" > "$work/batch-$engine.json" 2>/dev/null
  e=$(date +%s.%N)
  python3 - "$work/batch-$engine.json" "$s" "$e" "$simd" "$c" "$engine" "$steady" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
secs = float(sys.argv[3]) - float(sys.argv[2]); simd, c, steady = float(sys.argv[4]), float(sys.argv[5]), float(sys.argv[7])
trials = sum(r["trials"] for r in rows)
r = trials / secs
engines = sorted(set(r_["engine"] for r_ in rows))
print(f"  --engine {sys.argv[6]}: {len(rows)} jobs, {trials/1e6:.1f} M trials in {secs:.2f} s wall (JVM start included)"
      f" = {r/1e6:.2f} M/s = {r/steady:.2f}x the default engine's steady rate ({r/simd:.2f}x Java SIMD steady),"
      f" {r/c:.2f}x the C pattern; engines {engines}")
PY
done

echo "## 3. one-shot default-difficulty job (12.6M expected trials), wall incl. JVM start, 5 initial hashes"
for mode in aot noaot java; do
  : > "$work/one-$mode.txt"
  for i in 1 2 3 4 5; do
    h=$(python3 -c "import hashlib; print(hashlib.sha512(b'oneshot-$i').hexdigest())")
    s=$(date +%s.%N)
    case "$mode" in
      aot) bm pow --initial-hash "$h" --target 1464027307437 --json --no-progress ;;
      noaot) BMTOOL_AOT=0 bm pow --initial-hash "$h" --target 1464027307437 --json --no-progress ;;
      java) bm pow --initial-hash "$h" --target 1464027307437 --engine java --json --no-progress ;;
    esac 2>/dev/null > "$work/o.json"
    e=$(date +%s.%N)
    python3 -c "import json; d=json.load(open('$work/o.json')); print($e-$s, d['trials'], d['engine'])" >> "$work/one-$mode.txt"
  done
  python3 - "$work/one-$mode.txt" "$c" "$mode" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1])]; c = float(sys.argv[2])
wall = sum(float(r[0]) for r in rows); trials = sum(int(r[1]) for r in rows)
ctime = trials / c
print(f"  {sys.argv[3]:<6}: walls {' '.join(f'{float(r[0]):.2f}' for r in rows)} s; total {wall:.2f} s for {trials/1e6:.1f} M trials;"
      f" the C pattern needs {ctime:.2f} s for those trials: ratio {wall/ctime:.2f}x;"
      f" mean wall {wall/len(rows):.2f} s vs C expected {12.6e6/c:.2f} s per job ({wall/len(rows)/(12.6e6/c):.2f}x)")
PY
done

echo "## 4. pow serve, 8 concurrent clients, 1M-trial jobs (10 each)"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# not through bm(): $! must be the launcher, which execs java, so that the trap stops the server
"$root/bmtool" --data-dir "$work/data" pow serve --listen "127.0.0.1:$port" > "$work/serve.log" 2>&1 &
serve_pid=$!
for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/health" | grep -q '"warm":true' && break; sleep 0.1; done
python3 - "$port" "$steady" "$c" <<'PY'
import json, os, sys, threading, time, urllib.request
port, simd, c = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
warm = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/health"))["warm"]
trials = [0]; lock = threading.Lock()
def client():
    for _ in range(10):
        body = json.dumps({"initialHash": os.urandom(64).hex(), "target": str(2**64 // 1000000)}).encode()
        r = json.load(urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{port}/pow", body,
                                                                   {"Content-Type": "application/json"})))
        with lock: trials[0] += r["trials"]
t0 = time.time(); ts = [threading.Thread(target=client) for _ in range(8)]
[t.start() for t in ts]; [t.join() for t in ts]; secs = time.time() - t0
r = trials[0] / secs
print(f"  80 jobs, {trials[0]/1e6:.1f} M trials in {secs:.2f} s = {r/1e6:.2f} M/s = {r/simd:.2f}x the default engine's steady rate,"
      f" {r/c:.2f}x the C pattern (server warm at start: {warm})")
PY
echo "# load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
