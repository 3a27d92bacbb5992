#!/usr/bin/env bash
# OpenCL proof-of-work check and benchmark for a GPU machine (see docs/opencl.md).
#
# Prepare here:   mvn -o -q -B -pl cli -am package -DskipTests && ../shared/gpu/make-jre.sh .jre
# Run there:      benchmarks/gpu/run-gpu.sh [--quick] [--seconds S] [--latency-jobs N] [...]
#   (carry .jre and cli/target; every option goes to dev.bmtool.pow.opencl.OpenClBench)
#
# It registers the NVIDIA OpenCL driver when that is missing (root only), lists the devices,
# checks the kernel against the CPU reference, measures trials/s, the latency of a
# default-difficulty job on a warm engine, and a table of launch shapes. Output: stdout and
# $OUT (or target/gpu-bench) as opencl-bench.txt / opencl-bench.json / env.txt; then the vanity
# kernel's candidates/s per device (vanity-rate.txt; VANITY_SECONDS per measurement, default 5).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${OUT:-$root/target/gpu-bench}"
mkdir -p "$out"

java=""
for c in "$root/.jre/bin/java" "${JAVA_HOME:-/nonexistent}/bin/java" /usr/lib/jvm/temurin-2[5-9]*/bin/java \
         "$(command -v java 2>/dev/null)"; do
  # the first Java 25 or later (the classes are compiled for 25)
  [ -n "$c" ] && [ -x "$c" ] && "$c" -version 2>&1 | grep -q 'version "\(2[5-9]\|[3-9][0-9]\)' && { java="$c"; break; }
done
[ -n "$java" ] || { echo "run-gpu: no Java 25 (build one with ../shared/gpu/make-jre.sh .jre)" >&2; exit 2; }
jar="$root/cli/target/bmtool.jar"
[ -f "$jar" ] && [ -d "$root/cli/target/lib" ] || { echo "run-gpu: $jar missing (mvn -pl cli -am package -DskipTests)" >&2; exit 2; }

# NVIDIA's ICD: the loader only sees drivers listed in /etc/OpenCL/vendors
if ls /usr/lib/x86_64-linux-gnu/libnvidia-opencl.so.1 /usr/lib64/libnvidia-opencl.so.1 >/dev/null 2>&1 \
   || ldconfig -p 2>/dev/null | grep -q libnvidia-opencl.so.1; then
  if ! grep -qs libnvidia-opencl /etc/OpenCL/vendors/*.icd; then
    if [ "$(id -u)" = 0 ]; then
      mkdir -p /etc/OpenCL/vendors && echo libnvidia-opencl.so.1 > /etc/OpenCL/vendors/nvidia.icd
      echo "run-gpu: registered /etc/OpenCL/vendors/nvidia.icd"
    else
      echo "run-gpu: NVIDIA ICD not registered and not root; set OCL_ICD_VENDORS" >&2
    fi
  fi
fi

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)  host: $(hostname)"
  command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,driver_version,clocks.max.sm,power.limit --format=csv,noheader
  "$java" -version 2>&1 | head -1
} | tee "$out/env.txt"

opts=(--enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -cp "$jar:$root/cli/target/lib/*")
"$java" "${opts[@]}" dev.bmtool.pow.opencl.OpenClBench --cache "$out/kernel-cache" \
  --out "$out/opencl-bench.json" "$@" 2>&1 | tee "$out/opencl-bench.txt"
rc=${PIPESTATUS[0]}
# vanity search on the same devices (issue target: >= 500 M candidates/s on one H100)
"$java" "${opts[@]}" dev.bmtool.pow.opencl.vanity.VanityRate "${VANITY_SECONDS:-5}" 2>&1 | tee "$out/vanity-rate.txt"
vrc=${PIPESTATUS[0]}
[ "$rc" = 0 ] && rc=$vrc
echo "run-gpu: exit $rc; results in $out"
exit "$rc"
