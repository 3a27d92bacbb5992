#!/usr/bin/env bash
# Wire intake benchmark (issue 13): the same IntakeBench against this tree and a baseline commit,
# one after the other on this machine. Loopback only; about 3-5 minutes on 2 cores.
#   benchmarks/intake/run.sh [BASELINE_REF] [N] [RUNS] [tls]
# BASELINE_REF defaults to be3d377 (main before issue 13); N to 5000 objects; RUNS to 3.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
base="${1:-be3d377}"
n="${2:-5000}"
runs="${3:-3}"
mode="${4:-plain}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"
work="$(mktemp -d /tmp/bmtool-intake-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT

build() { # $1 = source tree; leaves its runtime jars in $1/cli/target/lib
  (cd "$1" && mvn -q -B -o -DskipTests -pl cli -am package) >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
}
bench() { # $1 = tree, $2 = label
  local out="$work/classes-$2"
  mkdir -p "$out"
  javac -d "$out" -cp "$1/cli/target/lib/*" "$root/benchmarks/intake/IntakeBench.java"
  java -Xmx256m --enable-native-access=ALL-UNNAMED -cp "$out:$1/cli/target/lib/*" IntakeBench "$n" "$runs" "$2" "$mode"
}

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ); N=$n objects, $runs runs, $mode TCP"
mkdir -p "$work/base"
git -C "$root" archive "$base" | tar -x -C "$work/base"
echo "building baseline $base and this tree ($(git -C "$root" rev-parse --short HEAD))..." >&2
build "$work/base"
build "$root"
bench "$work/base" "baseline-$base"
bench "$root" "this-tree"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
