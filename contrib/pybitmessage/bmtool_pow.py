"""Offload PyBitmessage's proof of work to a running ``bmtool pow serve``.

Python 2.7 and 3, standard library only. ``run(target, initialHash)`` has the contract of
PyBitmessage's ``proofofwork.run``: it returns ``[trialValue, nonce]``. Every answer is checked
here with two SHA-512s before it is returned; when the service is down, busy or wrong,
``Unavailable`` is raised so the caller can fall back to its own PoW.

Settings (environment): BMTOOL_POW_URL (default http://127.0.0.1:8445/pow) and
BMTOOL_POW_TIMEOUT in seconds (default 3600). See README.md next to this file.

Self-check against a running service:  python bmtool_pow.py [URL]
"""

import hashlib
import json
import os
import socket
import struct
import sys
from binascii import hexlify

try:  # Python 3
    from urllib.request import Request, urlopen
    from urllib.error import HTTPError, URLError
except ImportError:  # Python 2.7
    from urllib2 import Request, urlopen, HTTPError, URLError

URL = os.environ.get("BMTOOL_POW_URL", "http://127.0.0.1:8445/pow")
TIMEOUT = float(os.environ.get("BMTOOL_POW_TIMEOUT", "3600"))


class Unavailable(Exception):
    """bmtool could not do this job; do the proof of work some other way."""


def trial_value(nonce, initial_hash):
    """First 8 bytes of SHA512(SHA512(nonce || initialHash)) as an unsigned integer."""
    inner = hashlib.sha512(struct.pack(">Q", nonce) + initial_hash).digest()
    return struct.unpack(">Q", hashlib.sha512(inner).digest()[:8])[0]


def run(target, initialHash, url=None, timeout=None):
    """Returns [trialValue, nonce] with trialValue <= target, or raises Unavailable."""
    target = int(target)
    if len(initialHash) != 64:
        raise Unavailable("initial hash must be 64 bytes, got %d" % len(initialHash))
    if not 0 <= target < 2 ** 64:
        raise Unavailable("target out of range: %d" % target)
    body = json.dumps({"initialHash": hexlify(initialHash).decode("ascii"), "target": str(target)})
    request = Request(url or URL, data=body.encode("ascii"), headers={"Content-Type": "application/json"})
    try:
        response = urlopen(request, timeout=TIMEOUT if timeout is None else timeout)
        answer = json.loads(response.read().decode("utf-8"))
        nonce = int(answer["nonce"], 16)
    except HTTPError as e:
        raise Unavailable("bmtool pow serve answered HTTP %d: %s" % (e.code, e.read()[:200]))
    except (URLError, socket.error, socket.timeout) as e:
        raise Unavailable("bmtool pow serve not reachable at %s: %s" % (url or URL, e))
    except (ValueError, KeyError, TypeError) as e:
        raise Unavailable("unexpected answer from bmtool pow serve: %s" % e)
    value = trial_value(nonce, initialHash)
    if value > target:
        raise Unavailable("bmtool returned nonce %d whose trial value %d is above the target" % (nonce, value))
    return [value, nonce]


def _self_check(url):
    initial_hash = hashlib.sha512(b"bmtool_pow self-check").digest()
    target = 2 ** 64 // 500000  # about half a million trials: well under a second
    value, nonce = run(target, initial_hash, url=url, timeout=60)
    print("ok: nonce %d, trial value %d <= target %d" % (nonce, value, target))
    try:
        run(target, initial_hash, url="http://127.0.0.1:1/pow", timeout=5)
        print("FAIL: no error for a closed port")
        return 1
    except Unavailable as e:
        print("ok: a closed port raises Unavailable (%s)" % e)
    return 0


if __name__ == "__main__":
    sys.exit(_self_check(sys.argv[1] if len(sys.argv) > 1 else URL))
