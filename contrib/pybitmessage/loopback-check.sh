#!/usr/bin/env bash
# bmtool and a real PyBitmessage on one loopback network, as a user would run them: a msg each
# way (pubkey request, PoW, acknowledgement) and a broadcast each way, PyBitmessage with its
# default network settings (Dandelion on, TLS offered). Everything runs in a private network
# namespace (unshare -rn), so nothing reaches or is reached from outside.
#
#   contrib/pybitmessage/loopback-check.sh PYBITMESSAGE_SRC [PY2SHIM_DIR]
#
# PYBITMESSAGE_SRC: a checkout of PyBitmessage (branch v0.6); PyBitmessage runs with `python2`
# (PYENV_VERSION=2.7.18 by default) and needs `six`. PY2SHIM_DIR: RIPEMD-160 for a Python 2.7
# without _hashlib (see /work/shared/pybitmessage/README.md on the project's machines).
# Prints each step; exits non-zero at the first thing that did not arrive.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"

if [ "${1:-}" != --inside ]; then
  [ -n "${1:-}" ] && [ -f "$1/src/bitmessagemain.py" ] || { echo "usage: $0 PYBITMESSAGE_SRC [PY2SHIM_DIR]" >&2; exit 2; }
  exec unshare -rn "$0" --inside "$(cd "$1" && pwd)" "${2:-}"
fi
pysrc="$2"; shim="${3:-}"
ip link set lo up

work="$(mktemp -d)"; py="$work/pybitmessage"; bm="$work/bmtool"; mkdir -p "$py" "$bm"
node_pid=""
cleanup() {
  [ -n "$node_pid" ] && kill "$node_pid" 2>/dev/null
  [ -f "$py/singleton.lock" ] && kill "$(cat "$py/singleton.lock")" 2>/dev/null
  sleep 1; rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "loopback-check: FAILED: $*" >&2; echo "--- bmtool node log" >&2; tail -30 "$work/node.log" >&2 || true
         echo "--- PyBitmessage log" >&2; tail -30 "$py/debug.log" >&2 || true; exit 1; }

# PyBitmessage: API on 8442 for this script; otherwise the settings a new install writes. Its
# known-nodes file names bmtool's listener only: PyBitmessage's bootstrap by DNS name raises in
# its network thread when names do not resolve, which stops all its networking (no dial, no
# listen), and a known node that is not a default one makes it skip the bootstrap.
cat > "$py/keys.dat" <<'EOF'
[bitmessagesettings]
settingsversion = 10
port = 8444
timeformat = %%c
blackwhitelist = black
startonlogon = false
minimizetotray = false
showtraynotifications = true
startintray = false
socksproxytype = none
sockshostname = localhost
socksport = 9050
socksauthentication = false
socksusername =
sockspassword =
keysencrypted = false
messagesencrypted = false
defaultnoncetrialsperbyte = 1000
defaultpayloadlengthextrabytes = 1000
minimizeonclose = false
dontconnect = false
daemon = true
apienabled = true
apiinterface = 127.0.0.1
apiport = 8442
apiusername = username
apipassword = password
apivariant = xml
EOF
echo "[{\"stream\": 1, \"peer\": {\"host\": \"127.0.0.1\", \"port\": 8454}, \"info\": {\"lastseen\": $(date +%s), \"rating\": 0, \"self\": false}}]" \
  > "$py/knownnodes.dat"
# -d: it daemonizes, and the daemon ends the waiting parent with SIGTERM; started in the
# background so that bash does not report that as "Terminated" (the API wait below is the check)
( cd "$pysrc/src" && BITMESSAGE_HOME="$py/" PYTHONPATH="$shim" PYENV_VERSION="${PYENV_VERSION:-2.7.18}" \
    exec python2 bitmessagemain.py -d > "$work/pybitmessage.out" 2>&1 ) &

# PyBitmessage's API from Python 3's xmlrpc.client; text goes base64 as its API wants
cat > "$work/api.py" <<'PY'
import base64, sys, time, xmlrpc.client
api = xmlrpc.client.ServerProxy("http://username:password@127.0.0.1:8442/")
b64 = lambda s: base64.b64encode(s.encode()).decode()
text = lambda s: base64.b64decode(s).decode()
cmd, args = sys.argv[1], sys.argv[2:]
if cmd == "wait":
    for _ in range(200):
        try:
            api.helloWorld("a", "b"); break
        except Exception:
            time.sleep(0.2)
    else:
        sys.exit("no API")
elif cmd == "newaddress":
    print(api.createRandomAddress(b64(args[0])))
elif cmd == "send":
    print(api.sendMessage(args[0], args[1], b64(args[2]), b64(args[3])))
elif cmd == "broadcast":
    print(api.sendBroadcast(args[0], b64(args[1]), b64(args[2])))
elif cmd == "subscribe":
    print(api.addSubscription(args[0], b64("bmtool")))
elif cmd == "inbox":  # subject|body of every inbox message from args[0]
    for m in api.getAllInboxMessages()["inboxMessages"]:
        if m["fromAddress"] == args[0]:
            print(text(m["subject"]) + "|" + text(m["message"]))
elif cmd == "status":  # the status of the sent message with this ackData
    print(api.getStatus(args[0]))
PY
api() { python3 "$work/api.py" "$@"; }
api wait || fail "PyBitmessage's API did not answer: $(cat "$work/pybitmessage.out")"
bmt() { "$root/bmtool" --data-dir "$bm" "$@"; }
# wait_for SECONDS COMMAND...: until COMMAND succeeds
wait_for() { local end=$((SECONDS + $1)); shift; until "$@"; do [ $SECONDS -lt $end ] || return 1; sleep 2; done; }

alice=$(api newaddress alice)
bob=$(bmt identity new --label bob --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["address"])')
echo "loopback-check: PyBitmessage $(cd "$pysrc" && git describe --always 2>/dev/null || echo '?') as $alice, bmtool as $bob"
# the launcher itself, not through bmt(): it execs java, so $! is the node and the exit trap stops it
"$root/bmtool" --data-dir "$bm" node run --listen 127.0.0.1:8454 --no-bootstrap --api-port 8456 \
    --log-file "$work/node.log" > /dev/null &
node_pid=$!
wait_for 60 grep -q "connected (inbound" "$work/node.log" 2>/dev/null || fail "PyBitmessage never connected"
echo "loopback-check: $(grep -m1 "connected (inbound" "$work/node.log" | cut -d' ' -f3-)"

# 1. bmtool -> PyBitmessage: getpubkey, pubkey, msg, ack
bmt send --from bob --to "$alice" --subject "to py" --body "from bmtool" --wait --timeout 300 --no-progress \
  || fail "bmtool send did not get its ack"
py_has() { api inbox "$bob" | grep -qxF "$1"; }
wait_for 60 py_has "to py|from bmtool" \
  || fail "the msg is not in PyBitmessage's inbox"
echo "loopback-check: msg bmtool -> PyBitmessage: in its inbox, acknowledged"

# 2. PyBitmessage -> bmtool: msg and its ack
ack=$(api send "$bob" "$alice" "to bm" "from pybitmessage")
# has_msg SUBJECT BODY: bmtool's inbox has a message from alice with these (read shows the body)
has_msg() {
  local id
  id=$(bmt inbox --json --no-progress | python3 -c 'import json,sys
print(next((str(m["id"]) for m in json.load(sys.stdin) if m["from"] == sys.argv[1] and m["subject"] == sys.argv[2]), ""))' "$alice" "$1")
  [ -n "$id" ] && [ "$(bmt read "$id" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["body"])')" = "$2" ]
}
wait_for 300 has_msg "to bm" "from pybitmessage" || fail "PyBitmessage's msg did not reach bmtool's inbox"
acked() { [ "$(api status "$ack")" = ackreceived ]; }
wait_for 120 acked \
  || fail "PyBitmessage did not get bmtool's ack (status $(api status "$ack"))"
echo "loopback-check: msg PyBitmessage -> bmtool: in the inbox; PyBitmessage says ackreceived"

# 3. broadcasts each way (v5, tagged)
bmt subscribe "$alice" >/dev/null
api subscribe "$bob" >/dev/null
api broadcast "$alice" "news from py" "broadcast body" >/dev/null
wait_for 300 has_msg "news from py" "broadcast body" || fail "PyBitmessage's broadcast did not reach bmtool"
echo "loopback-check: broadcast PyBitmessage -> bmtool: in the inbox"
bmt broadcast --from bob --subject "news from bm" --body "broadcast body" --no-progress >/dev/null
wait_for 300 py_has "news from bm|broadcast body" \
  || fail "bmtool's broadcast did not reach PyBitmessage"
echo "loopback-check: broadcast bmtool -> PyBitmessage: in its inbox"
echo "loopback-check: ok"
