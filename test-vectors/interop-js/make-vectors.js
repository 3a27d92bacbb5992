// Writes objects made by bitmessage-js (with proof of work) for bmtool's tests:
// ../src/test/resources/vectors/bitmessage-js/. Run: npm install && node make-vectors.js
"use strict";
const fs = require("fs");
const path = require("path");
const bm = require("bitmessage");
const {Address, objects, structs} = bm;

const OUT = path.join(__dirname, "../src/test/resources/vectors/bitmessage-js");
const TTL = 3600; // short TTL keeps the pure-JavaScript proof of work to seconds

// Every key comes from a passphrase, so the Java test derives the same identities.
const receiver = Address.fromPassphrase({passphrase: "bmtool interop receiver", version: 4});
const senderV4 = Address.fromPassphrase({passphrase: "bitmessage-js sender v4", version: 4});
const senderV3 = Address.fromPassphrase({passphrase: "bitmessage-js sender v3", version: 3});
const SUBJECT = "Hello from bitmessage-js";
const BODY = "Grüße, 世界: one line\nand a second one.";

async function main() {
  fs.mkdirSync(OUT, {recursive: true});
  const rows = [];
  async function emit(name, packetPromise, note) {
    const packet = await packetPromise;
    // Keep the object payload only (the 24-byte message header is not part of the object).
    const decoded = structs.message.decode(packet);
    if (decoded.command !== "object") throw new Error("not an object packet");
    const obj = structs.object.decodePayload(decoded.payload);
    fs.writeFileSync(path.join(OUT, name + ".hex"), decoded.payload.toString("hex") + "\n");
    const inventory = structs.inv_vect.encode(decoded.payload).toString("hex");
    rows.push([name, TTL, obj.type, obj.version, inventory, note].join(","));
    console.log(name, decoded.payload.length, "bytes, inventory", structs.inv_vect.encode(decoded.payload).toString("hex"));
  }
  await emit("getpubkey-v4", objects.getpubkey.encodeAsync({ttl: TTL, to: receiver}), "getpubkey for the receiver (tag)");
  await emit("pubkey-v3", objects.pubkey.encodeAsync({ttl: TTL, from: senderV3, to: senderV3}), "signed SHA-1; unencrypted");
  await emit("pubkey-v4", objects.pubkey.encodeAsync({ttl: TTL, from: senderV4, to: senderV4}), "encrypted with the tag key");
  await emit("msg-simple", objects.msg.encodeAsync({ttl: TTL, from: senderV4, to: receiver,
      encoding: objects.msg.SIMPLE, subject: SUBJECT, message: BODY}), "sender v4 to receiver; no ack");
  await emit("msg-trivial-v3", objects.msg.encodeAsync({ttl: TTL, from: senderV3, to: receiver,
      encoding: objects.msg.TRIVIAL, message: BODY}), "sender v3 to receiver; TRIVIAL encoding");
  await emit("broadcast-v5", objects.broadcast.encodeAsync({ttl: TTL, from: senderV4,
      encoding: objects.msg.SIMPLE, subject: SUBJECT, message: BODY}), "tagged broadcast of sender v4");
  await emit("broadcast-v4", objects.broadcast.encodeAsync({ttl: TTL, from: senderV3,
      encoding: objects.msg.SIMPLE, subject: SUBJECT, message: BODY}), "broadcast of sender v3");
  fs.writeFileSync(path.join(OUT, "objects.csv"),
      "# name,ttl,type,version,inventory,note  (made by make-vectors.js with bitmessage-js 0.6.6; see interop-js/README.md)\n"
      + rows.join("\n") + "\n");
  fs.writeFileSync(path.join(OUT, "addresses.csv"),
      "# passphrase,address (bitmessage-js Address.fromPassphrase)\n" + [
        ["bmtool interop receiver", receiver.encode()],
        ["bitmessage-js sender v4", senderV4.encode()],
        ["bitmessage-js sender v3", senderV3.encode()],
      ].map(r => r.join(",")).join("\n") + "\n");
}

main().catch(e => { console.error(e); process.exit(1); });
