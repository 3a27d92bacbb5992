#!/usr/bin/env bash
# A PoW farm on loopback: two 'bmtool pow serve' behind HAProxy (Debian package haproxy), one
# client pushing a batch of jobs through the balancer, then one server stopped to show that the
# balancer's health checks route around it. Prints a report. Everything binds 127.0.0.1.
#
#   contrib/pow-farm/farm.sh [JOBS] [EXPECTED_TRIALS_PER_JOB]     (default 40 jobs of 1M trials)
#
# docs/pow.md ("A PoW farm") says how to run the same on real hosts.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jobs="${1:-40}"
trials="${2:-1000000}"
work="$(mktemp -d /tmp/bmtool-farm.XXXXXX)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

if ! command -v haproxy >/dev/null; then
  echo "farm: installing haproxy (apt-get)..." >&2
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y -q haproxy >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q haproxy >/dev/null; }
  else
    sudo apt-get install -y -q haproxy >/dev/null
  fi
fi
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

token="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
printf '%s\n' "$token" > "$work/token"
chmod 600 "$work/token"
"$root/bmtool" --version >/dev/null # builds once, before the servers race to do it

ports=()
for i in 1 2; do
  port="$(free_port)"
  # one CPU thread each: on a 2-core machine the two servers share the cores
  "$root/bmtool" --data-dir "$work/d$i" pow serve --listen "127.0.0.1:$port" --threads 1 \
      --token-file "$work/token" --per-client 64 >"$work/serve$i.log" 2>&1 &
  pids+=($!)
  ports+=("$port")
done
for port in "${ports[@]}"; do
  for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done
  curl -fs "http://127.0.0.1:$port/health" >/dev/null || { echo "farm: pow serve on $port did not start" >&2; cat "$work"/serve*.log >&2; exit 1; }
done

lb="$(free_port)"
cat > "$work/haproxy.cfg" <<CFG
global
    maxconn 256
defaults
    mode http
    timeout connect 3s
    timeout client 10m
    timeout server 10m
    retries 2
    option redispatch
frontend pow
    bind 127.0.0.1:$lb
    default_backend powfarm
backend powfarm
    balance leastconn
    option httpchk GET /health
    http-check expect status 200
    server pow1 127.0.0.1:${ports[0]} check inter 1s fall 2 rise 2
    server pow2 127.0.0.1:${ports[1]} check inter 1s fall 2 rise 2
CFG
haproxy -f "$work/haproxy.cfg" -db >"$work/haproxy.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$lb/health" >/dev/null && break; sleep 0.1; done

target="$(python3 -c "print(2**64 // $trials)")"
python3 -c "
import os
for i in range($jobs): print(os.urandom(64).hex(), $target)" > "$work/jobs.txt"

solved() { curl -fs "http://127.0.0.1:$1/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["solved"])'; }
echo "farm: HAProxy on 127.0.0.1:$lb -> pow serve on ${ports[0]} and ${ports[1]} (token required)"
echo "farm: load before: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s.%N)
"$root/bmtool" pow --stdin --pow-server "http://$token@127.0.0.1:$lb" --batch 64 --no-progress \
    < "$work/jobs.txt" > "$work/answers.txt"
end=$(date +%s.%N)
answers=$(grep -c . "$work/answers.txt")
s1=$(solved "${ports[0]}"); s2=$(solved "${ports[1]}")
python3 - "$start" "$end" "$jobs" "$trials" "$answers" "$s1" "$s2" <<'PY'
import sys
start, end, jobs, trials, answers, s1, s2 = sys.argv[1:]
secs = float(end) - float(start)
print(f"farm: {answers}/{jobs} jobs answered (every nonce verified by the client) in {secs:.1f} s,"
      f" {int(jobs) * int(trials) / secs / 1e6:.2f} M expected trials/s")
print(f"farm: pow1 solved {s1}, pow2 solved {s2}")
PY
[ "$answers" = "$jobs" ] || { echo "farm: FAILED: missing answers" >&2; exit 1; }
# every job was solved in the farm (the client falls back to its own engines when the farm fails,
# which would still answer), and the balancer used both servers
[ $((s1 + s2)) -ge "$jobs" ] || { echo "farm: FAILED: only $((s1 + s2)) of $jobs jobs were solved by the farm" >&2; exit 1; }
[ "$s1" -gt 0 ] && [ "$s2" -gt 0 ] || { echo "farm: FAILED: the balancer used one server only" >&2; exit 1; }

# failover: stop server 1; the balancer's health check takes it out, the client sees no error
kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true
sleep 3
head -n 4 "$work/jobs.txt" | "$root/bmtool" pow --stdin --pow-server "http://$token@127.0.0.1:$lb" --no-progress \
    > "$work/answers2.txt"
s2_after=$(solved "${ports[1]}")
echo "farm: with pow1 stopped: $(grep -c . "$work/answers2.txt")/4 answered; pow2 solved $s2_after in all"
[ "$(grep -c . "$work/answers2.txt")" = 4 ] && [ $((s2_after - s2)) -ge 4 ] \
  || { echo "farm: FAILED: with pow1 stopped, pow2 did not take the jobs" >&2; exit 1; }
echo "farm: ok"
