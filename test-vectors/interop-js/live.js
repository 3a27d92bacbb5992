// End-to-end check over TCP on loopback: bitmessage-js as a peer of a running `bmtool node run`.
// Starts a node in a temporary data dir, connects to it with bitmessage-js's wire code and runs
// the whole person-to-person flow in both directions:
//   JS -> node: handshake, inv/getdata/object of the JS identity's pubkey;
//   bmtool send -> JS: the msg reaches the JS peer, decrypts and verifies; JS returns the ack
//     object found inside, and bmtool's sent folder reaches "ackreceived";
//   JS getpubkey -> the node's mail agent publishes bmtool's pubkey -> JS msg -> bmtool inbox;
//   broadcasts both ways (bmtool subscribe).
// Run: npm install && node live.js   (needs the repository's ./bmtool and JDK 25)
"use strict";
const fs = require("fs");
const os = require("os");
const net = require("net");
const path = require("path");
const {spawn, execFileSync} = require("child_process");
const bm = require("bitmessage");
const {Address, objects, messages, structs} = bm;

const BMTOOL = path.resolve(__dirname, "../../bmtool");
const TTL = 3600;
const started = Date.now();
function log(...a) { console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s]`, ...a); }
function fail(msg) { console.error("FAIL:", msg); cleanup(); process.exit(1); }

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bmtool-interop-"));
let node;
function cleanup() { if (node && node.exitCode === null) node.kill("SIGTERM"); }
process.on("exit", cleanup);

function bmtool(...args) {
  const out = execFileSync(BMTOOL, [...args, "--data-dir", dataDir, "--json"],
      {encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: {...process.env, BMTOOL_VECTOR: "1"}});
  return JSON.parse(out);
}

// ---- a minimal peer on bitmessage-js's codecs ----
class Peer {
  constructor(sock) {
    this.sock = sock; this.buf = Buffer.alloc(0); this.handlers = []; this.objects = new Map();
    this.have = new Map(); // inventory hash hex -> object payload we offer
    sock.on("data", d => { this.buf = Buffer.concat([this.buf, d]); this.drain(); });
  }
  drain() {
    for (;;) {
      const res = structs.message.tryDecode(this.buf);
      if (!res) return;
      this.buf = res.rest;
      if (res.error) fail("undecodable packet from bmtool: " + res.error.message);
      this.onMessage(res.message);
    }
  }
  send(packet) { this.sock.write(packet); }
  onMessage(m) {
    switch (m.command) {
      case "inv": {
        const want = messages.inv.decodePayload(m.payload).vectors.filter(v => !this.objects.has(v.toString("hex")));
        if (want.length) this.send(messages.getdata.encode(want));
        break;
      }
      case "getdata":
        for (const v of messages.getdata.decodePayload(m.payload).vectors) {
          const obj = this.have.get(v.toString("hex"));
          if (obj) { this.send(structs.message.encode("object", obj)); log("JS: served object", v.toString("hex").slice(0, 16)); }
        }
        break;
      case "object": {
        structs.object.decodePayload(m.payload); // bitmessage-js's own checks, PoW included
        const inv = structs.inv_vect.encode(m.payload).toString("hex");
        this.objects.set(inv, m.payload);
        break;
      }
      case "ping": this.send(structs.message.encode("pong")); break;
    }
    for (const h of this.handlers.slice()) h(m);
  }
  waitFor(pred, what, ms = 120000) {
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error("timed out waiting for " + what)), ms);
      const h = m => { const r = pred(m); if (r) { clearTimeout(t); this.handlers.splice(this.handlers.indexOf(h), 1); resolve(r); } };
      this.handlers.push(h);
    });
  }
  offer(objectPacket) {
    const payload = structs.message.decode(objectPacket).payload;
    const inv = structs.inv_vect.encode(payload);
    this.have.set(inv.toString("hex"), payload);
    this.send(messages.inv.encode([inv]));
    return inv.toString("hex");
  }
}

async function waitUntil(fn, what, ms = 120000) {
  const end = Date.now() + ms;
  for (;;) {
    const r = fn();
    if (r) return r;
    if (Date.now() > end) throw new Error("timed out waiting for " + what);
    await new Promise(r => setTimeout(r, 500));
  }
}

async function main() {
  const me = Address.fromRandom();
  log("JS identity", me.encode());
  const ours = bmtool("identity", "new", "--label", "bmtool-side");
  log("bmtool identity", ours.address);

  node = spawn(BMTOOL, ["node", "run", "--no-bootstrap", "--listen", "127.0.0.1:0", "--api-port", "0",
      "--data-dir", dataDir, "--json"], {stdio: ["ignore", "pipe", "pipe"]});
  const nodeLog = fs.createWriteStream(path.join(dataDir, "node-stderr.log"));
  node.stderr.pipe(nodeLog);
  const summary = await new Promise((resolve, reject) => {
    let out = "";
    node.stdout.on("data", d => { out += d; const nl = out.indexOf("\n"); if (nl >= 0) resolve(JSON.parse(out.slice(0, nl))); });
    node.on("exit", c => reject(new Error("node exited " + c)));
  });
  log("bmtool node listening on", summary.listenPort, "TLS offered:", summary.tls);

  const sock = net.connect(summary.listenPort, "127.0.0.1");
  await new Promise((res, rej) => { sock.on("connect", res); sock.on("error", rej); });
  const peer = new Peer(sock);
  const gotVersion = peer.waitFor(m => m.command === "version" && messages.version.decodePayload(m.payload), "version");
  const gotVerack = peer.waitFor(m => m.command === "verack", "verack");
  peer.send(messages.version.encode({remoteHost: "127.0.0.1", remotePort: summary.listenPort, port: 8444,
      userAgent: [{name: "bitmessage-js", version: "0.6.6"}, {name: "bmtool-interop"}]}));
  const v = await gotVersion;
  log("bmtool's version:", JSON.stringify({protocol: v.protoVersion, userAgent: v.userAgent, streams: v.streams,
      services: v.services.get ? undefined : v.services}));
  if (v.protoVersion !== 3) fail("protocol version " + v.protoVersion);
  peer.send(structs.message.encode("verack"));
  await gotVerack;
  log("handshake done (plain TCP: the JS peer does not offer NODE_SSL)");

  // 1. Publish the JS identity's pubkey through the wire.
  const pubkey = await objects.pubkey.encodeAsync({ttl: TTL, from: me, to: me});
  const pubInv = peer.offer(pubkey);
  await peer.waitFor(m => m.command === "getdata" && messages.getdata.decodePayload(m.payload).vectors
      .some(x => x.toString("hex") === pubInv), "getdata for the JS pubkey");
  await waitUntil(() => bmtool("object", "list").objects.some(o => o.hash === pubInv),
      "the JS pubkey in bmtool's store", 30000).catch(e => fail(e.message));
  log("bmtool stored the JS pubkey", pubInv.slice(0, 16));

  // 2. bmtool -> JS.
  const subject = "from bmtool", body = "Hallo bitmessage-js, ünïcödé ✓";
  const sent = bmtool("send", "--from", ours.address, "--to", me.encode(), "--subject", subject, "--body", body, "--ttl", String(TTL));
  log("bmtool send:", sent.status);
  const msgPayload = await waitUntil(() => [...peer.objects.values()].find(p => structs.object.decodePayload(p).type === 2), "the msg at the JS peer");
  const got = await objects.msg.decodePayloadAsync(msgPayload, {identities: [me]});
  if (got.subject !== subject || got.message !== body) fail(`msg text differs: ${JSON.stringify([got.subject, got.message])}`);
  const sender = new Address({version: got.senderVersion, stream: got.senderStream,
      signPublicKey: got.signPublicKey, encPublicKey: got.encPublicKey}).encode();
  if (sender !== ours.address) fail("sender " + sender);
  log("JS decrypted bmtool's msg and verified its signature:", JSON.stringify(got.subject), "encoding", got.encoding);
  if (!got.ack || got.ack.length === 0) fail("no ack in the msg");
  const ack = structs.message.decode(got.ack);
  if (ack.command !== "object") fail("ack is not an object packet");
  structs.object.decodePayload(ack.payload); // its PoW must satisfy bitmessage-js too
  const ackInv = peer.offer(got.ack);
  log("JS returned the ack object", ackInv.slice(0, 16));
  await waitUntil(() => bmtool("sent").some(m => m.status === "ackreceived"), "ackreceived in bmtool's sent folder")
      .catch(e => fail(e.message));
  log("bmtool: sent message is ackreceived");

  // 3. JS -> bmtool, starting from the address only.
  const target = Address.decode(ours.address);
  peer.offer(await objects.getpubkey.encodeAsync({ttl: TTL, to: target}));
  log("JS sent getpubkey for", ours.address);
  const theirPub = await waitUntil(() => {
    for (const p of peer.objects.values()) {
      if (structs.object.decodePayload(p).type === 1) return p;
    }
    return null;
  }, "bmtool's pubkey at the JS peer").catch(e => fail(e.message));
  const decodedPub = await objects.pubkey.decodePayloadAsync(theirPub, {needed: [target]});
  log("JS decrypted bmtool's pubkey v" + decodedPub.version);
  const to = new Address({version: decodedPub.version, stream: decodedPub.stream,
      signPublicKey: decodedPub.signPublicKey, encPublicKey: decodedPub.encPublicKey});
  if (to.encode() !== ours.address) fail("pubkey keys hash to " + to.encode());
  const jsSubject = "from bitmessage-js", jsBody = "Hello bmtool. Ωμέγα.";
  peer.offer(await objects.msg.encodeAsync({ttl: TTL, from: me, to, encoding: objects.msg.SIMPLE,
      subject: jsSubject, message: jsBody}));
  log("JS sent a msg to bmtool");
  const inboxed = await waitUntil(() => bmtool("inbox").find(m => m.subject === jsSubject), "the JS msg in bmtool's inbox")
      .catch(e => fail(e.message));
  if (inboxed.from !== me.encode()) fail("inbox sender " + inboxed.from);
  log("bmtool inbox:", JSON.stringify({from: inboxed.from, subject: inboxed.subject}));
  // 4. Broadcasts both ways: bmtool's v5 broadcast decrypted by a JS subscriber; a JS broadcast
  //    reaches bmtool's inbox through `bmtool subscribe`.
  const bSubject = "bmtool broadcast", bBody = "to every subscriber";
  bmtool("broadcast", "--from", ours.address, "--subject", bSubject, "--body", bBody, "--ttl", String(TTL));
  const bPayload = await waitUntil(() => [...peer.objects.values()].find(p => structs.object.decodePayload(p).type === 3),
      "bmtool's broadcast at the JS peer").catch(e => fail(e.message));
  const bc = await objects.broadcast.decodePayloadAsync(bPayload, {subscriptions: [target]});
  if (bc.subject !== bSubject || bc.message !== bBody) fail("broadcast text differs: " + JSON.stringify([bc.subject, bc.message]));
  log("JS subscriber decrypted bmtool's broadcast v" + bc.version + " and verified its signature");
  bmtool("subscribe", me.encode(), "--label", "bitmessage-js");
  const jbSubject = "bitmessage-js broadcast";
  peer.offer(await objects.broadcast.encodeAsync({ttl: TTL, from: me, encoding: objects.msg.SIMPLE,
      subject: jbSubject, message: "hello subscribers"}));
  const jb = await waitUntil(() => bmtool("inbox").find(m => m.subject === jbSubject), "the JS broadcast in bmtool's inbox")
      .catch(e => fail(e.message));
  log("bmtool inbox:", JSON.stringify({kind: jb.kind, from: jb.from, subject: jb.subject}));
  log("PASS: every step interoperated; node log in", path.join(dataDir, "node-stderr.log"));
  sock.end();
  cleanup();
}

main().catch(e => fail(e.stack || e.message));
