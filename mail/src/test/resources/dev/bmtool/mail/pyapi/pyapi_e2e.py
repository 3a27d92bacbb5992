#!/usr/bin/env python3
"""End-to-end check of bmtool's PyBitmessage API with clients nobody in bmtool wrote:
Python's standard xmlrpc.client (node A, apivariant xml) and plain JSON-RPC 2.0 over
urllib (node B, apivariant json). Usage: pyapi_e2e.py PORT_A PORT_B USER PASSWORD.
Exits 0 when every check passed; prints one line per step."""
import base64
import hashlib
import json
import sys
import time
import urllib.error
import urllib.request
import xmlrpc.client

port_a, port_b, user, password = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
A = xmlrpc.client.ServerProxy("http://%s:%s@127.0.0.1:%d/" % (user, password, port_a))


class JsonRpcError(Exception):
    def __init__(self, code, message):
        super().__init__("%s: %s" % (code, message))
        self.code, self.message = code, message


class JsonRpc:
    def __init__(self, port):
        self.url = "http://127.0.0.1:%d/" % port
        self.auth = "Basic " + base64.b64encode(("%s:%s" % (user, password)).encode()).decode()
        self.next_id = 0

    def __getattr__(self, method):
        def call(*params):
            self.next_id += 1
            body = json.dumps({"jsonrpc": "2.0", "method": method, "params": list(params),
                               "id": self.next_id}).encode()
            req = urllib.request.Request(self.url, data=body, headers={
                "Authorization": self.auth, "Content-Type": "application/json"})
            with urllib.request.urlopen(req, timeout=120) as r:
                answer = json.loads(r.read().decode())
            assert answer["id"] == self.next_id, answer
            if "error" in answer:
                raise JsonRpcError(answer["error"]["code"], answer["error"]["message"])
            return answer["result"]
        return call


B = JsonRpc(port_b)


def b64(s):
    return base64.b64encode(s.encode() if isinstance(s, str) else s).decode()


def unb64(s):
    return base64.b64decode(s).decode()


def step(name):
    print("ok:", name, flush=True)


def fault(code, fn, *args, text=None):
    try:
        fn(*args)
    except xmlrpc.client.Fault as f:
        assert f.faultCode == code, (code, f.faultCode, f.faultString)
        if text is not None:
            assert f.faultString == text, (f.faultString, text)
        return f.faultString
    except JsonRpcError as e:
        assert e.code == code, (code, e.code, e.message)
        if text is not None:
            assert e.message == text, (e.message, text)
        return e.message
    raise AssertionError("no fault %d from %r" % (code, args))


def wait_for(what, fn, timeout=150):
    deadline = time.time() + timeout
    while time.time() < deadline:
        v = fn()
        if v:
            return v
        time.sleep(0.25)
    raise AssertionError("timed out waiting for " + what)


# --- addresses ------------------------------------------------------------------------------
assert A.helloWorld("hello", "world") == "hello-world"
assert A.add(2, 3) == 5 and B.add(2, 3) == 5
alice = A.createRandomAddress(b64("alice"))
assert alice.startswith("BM-"), alice
listed = A.listAddresses()["addresses"]
assert {"label": "alice", "address": alice, "stream": 1, "enabled": True, "chan": False} in listed, listed
assert A.listAddresses2()["addresses"][0]["label"] == b64("alice")
decoded = A.decodeAddress(alice)
assert decoded["status"] == "success" and decoded["addressVersion"] == 4 and decoded["streamNumber"] == 1
assert len(base64.b64decode(decoded["ripe"])) == 20
step("random address, listAddresses, decodeAddress")

det = A.createDeterministicAddresses(b64("bmtool e2e passphrase"), 2)["addresses"]
assert len(det) == 2, det
assert A.createDeterministicAddresses(b64("bmtool e2e passphrase"), 2) == {"addresses": []}
assert A.getDeterministicAddress(b64("bmtool e2e passphrase"), 4, 1) == det[0]
labels = {a["address"]: a["label"] for a in A.listAddresses()["addresses"]}
assert labels[det[0]] == "unused API address"
step("deterministic addresses (created once, same as getDeterministicAddress)")

chan = A.createChan(b64("bmtool e2e chan"))
fault(24, A.createChan, b64("bmtool e2e chan"), text="Chan address is already present.")
assert B.joinChan(b64("bmtool e2e chan"), chan) == "success"
assert [a for a in B.listAddresses()["addresses"] if a["address"] == chan][0]["chan"] is True
assert [a for a in A.listAddresses()["addresses"] if a["address"] == chan][0]["label"] == "[chan] bmtool e2e chan"
step("chan created on A and joined on B")

bob = B.createRandomAddress(b64("bob"))

# --- message A -> B, getStatus through PyBitmessage's states to ackreceived --------------
ack = A.sendMessage(bob, alice, b64("hello bob"), b64("first message\nover the API"), 2, 3600)
assert len(ack) >= 76, ack
seen = []


def status_is(want):
    s = A.getStatus(ack)
    if not seen or seen[-1] != s:
        seen.append(s)
    return s == want


wait_for("ackreceived", lambda: status_is("ackreceived"))
allowed = {"msgqueued", "doingpubkeypow", "awaitingpubkey", "doingmsgpow", "msgsent", "ackreceived"}
assert set(seen) <= allowed and seen[-1] == "ackreceived", seen
step("sendMessage -> getStatus went " + " -> ".join(seen))

sent = A.getSentMessageByAckData(ack)["sentMessage"][0]
assert sent["status"] == "ackreceived" and sent["toAddress"] == bob and unb64(sent["subject"]) == "hello bob"
assert sent["ackData"] == ack
assert [m["ackData"] for m in A.getAllSentMessages()["sentMessages"]] == [ack]
assert A.getSentMessagesBySender(alice)["sentMessages"][0]["msgid"] == sent["msgid"]
assert A.getSentMessageById(sent["msgid"])["sentMessage"][0]["ackData"] == ack

inbox = wait_for("B's inbox", lambda: B.getAllInboxMessages()["inboxMessages"])
msg = inbox[0]
assert msg["fromAddress"] == alice and msg["toAddress"] == bob, msg
assert unb64(msg["subject"]) == "hello bob" and unb64(msg["message"]) == "first message\nover the API"
assert msg["encodingType"] == 2 and msg["read"] == 0 and isinstance(msg["receivedTime"], str)
assert B.getAllInboxMessageIds() == {"inboxMessageIds": [{"msgid": msg["msgid"]}]}
assert B.getInboxMessageById(msg["msgid"], True)["inboxMessage"][0]["read"] == 1
assert B.getInboxMessagesByReceiver(bob)["inboxMessages"][0]["msgid"] == msg["msgid"]
assert B.trashMessage(msg["msgid"]) == "Trashed message (assuming message existed)."
assert B.getAllInboxMessages() == {"inboxMessages": []}
assert B.getInboxMessageById(msg["msgid"])["inboxMessage"][0]["msgid"] == msg["msgid"]  # still there, in the trash
assert B.deleteAndVacuum() == "done"
assert B.getInboxMessageById(msg["msgid"]) is None  # JSON-RPC: null
step("B read the message (getAllInboxMessages, read flag), trashed it, emptied the trash")

# --- broadcast A -> subscribers -------------------------------------------------------------
assert B.addSubscription(alice, b64("alice's news")) == "Added subscription."
fault(16, B.addSubscription, alice, b64("again"), text="You are already subscribed to that address.")
subs = B.listSubscriptions()["subscriptions"]
assert subs == [{"label": b64("alice's news"), "address": alice, "enabled": True}], subs
back = A.sendBroadcast(alice, b64("news"), b64("to all subscribers"))
wait_for("broadcastsent", lambda: A.getStatus(back) == "broadcastsent")
bc = wait_for("the broadcast at B", lambda: B.getAllInboxMessages()["inboxMessages"])[0]
assert bc["toAddress"] == "[Broadcast subscribers]" and bc["fromAddress"] == alice
assert unb64(bc["subject"]) == "news"
assert B.deleteSubscription(alice) == "Deleted subscription if it existed."
assert B.listSubscriptions() == {"subscriptions": []}
step("broadcast reached the subscriber")

# --- address book --------------------------------------------------------------------------
assert A.addAddressBookEntry(bob, b64("Bob")) == "Added address %s to address book" % bob
fault(16, A.addAddressBookEntry, bob, b64("Bob"), text="You already have this address in your address book.")
assert A.listAddressBookEntries() == {"addresses": [{"label": b64("Bob"), "address": bob}]}
assert A.deleteAddressBookEntry(bob) == "Deleted address book entry for %s if it existed" % bob
step("address book")

# --- every documented error code -----------------------------------------------------------
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def address(body):
    data = body + hashlib.sha512(hashlib.sha512(body).digest()).digest()[:4]
    n = int.from_bytes(data, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = B58[r] + out
    return "BM-" + out


ripe = bytes.fromhex("00" + "11" * 19)[1:]
fault(0, A.helloWorld, "a", text="Command helloWorld takes at least 3 parameters (1 given)")
fault(1, A.createDeterministicAddresses, "")
fault(2, A.createDeterministicAddresses, b64("x"), 1, 5)
fault(3, A.createDeterministicAddresses, b64("x"), 1, 4, 2)
fault(4, A.createDeterministicAddresses, b64("x"), 0)
fault(5, A.createDeterministicAddresses, b64("x"), 1000)
fault(6, A.sendMessage, bob, alice, b64("s"), b64("m"), 1)
fault(7, A.decodeAddress, address(b"\x04\x01" + b"\x11\x22"))  # ripe too short
fault(8, A.decodeAddress, alice[:-1] + ("1" if alice[-1] != "1" else "2"))
fault(9, A.decodeAddress, "BM-0OIl")
fault(10, A.decodeAddress, address(b"\x05\x01" + ripe))
fault(11, A.decodeAddress, address(b"\x01\x01" + ripe))
fault(12, A.decodeAddress, address(b"\x04\x02" + ripe))
fault(13, A.deleteAddress, bob, text="Could not find this address in your keys.dat file.")
assert A.enableAddress(alice, False) == "success"
fault(14, A.sendMessage, bob, alice, b64("s"), b64("m"), text="Your fromAddress is disabled. Cannot send.")
assert A.enableAddress(alice, True) == "success"
fault(15, A.getStatus, "00", text="Invalid ackData object size.")
assert A.addSubscription(bob, b64("x")) == "Added subscription."
fault(16, A.addSubscription, bob, b64("x"))
fault(17, A.createRandomAddress, b64(b"\xff\xfe"), text="Label is not valid UTF-8 data.")
fault(18, A.joinChan, b64("not the chan's name"), chan, text="Chan name does not match address.")
fault(19, A.getMessageDataByDestinationHash, "00")
fault(20, A.noSuchMethod, text="Invalid method: noSuchMethod")
fault(21, A.helloWorld, 1, "x")
fault(22, A.trashMessage, "zz")
fault(23, A.createRandomAddress, b64("x"), 1)
fault(24, B.joinChan, b64("bmtool e2e chan"), chan)
fault(25, A.leaveChan, alice)
fault(26, A.decodeAddress, address(b"\xfd\x00\x04\x01" + ripe))
fault(27, A.sendMessage, bob, alice, b64("s"), b64("m" * (2 ** 18)), text="Message is too long.")
fault(20, B.noSuchMethod, text="Invalid method: noSuchMethod")
fault(15, B.getStatus, "00")
try:
    xmlrpc.client.ServerProxy("http://%s:wrong@127.0.0.1:%d/" % (user, port_a)).helloWorld("a", "b")
    raise AssertionError("wrong password accepted")
except xmlrpc.client.ProtocolError as e:
    assert e.errcode == 401, e.errcode
step("error codes 0000-0027 and HTTP 401")

# --- an object built by the client, PoW done by bmtool (nonce 0) --------------------------
import os
import struct
getpubkey = struct.pack(">QQI", 0, int(time.time()) + 3600, 0) + b"\x04\x01" + os.urandom(32)
inv = A.disseminatePreparedObject(getpubkey.hex())
assert len(inv) == 64 and int(inv, 16) >= 0, inv
print("disseminated:", inv, flush=True)
fault(21, A.disseminatePreEncryptedMsg, (b"\x01" * 8 + getpubkey[8:]).hex())  # a made-up nonce: refused
step("disseminatePreparedObject did the PoW of a nonce-0 object")

assert A.leaveChan(chan) == "success"
assert A.deleteAddress(det[1]) == "success"
assert det[1] not in [a["address"] for a in A.listAddresses()["addresses"]]
assert "getStatus" in A.system.listMethods()
step("leaveChan, deleteAddress, system.listMethods")
print("all passed")
