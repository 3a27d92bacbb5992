// Writes wire packets encoded by bitmessage-js (fixed inputs, no randomness) for bmtool's
// decoder tests: ../src/test/resources/vectors/bitmessage-js/packets.csv.
// Run: npm install && node make-packets.js
"use strict";
const fs = require("fs");
const path = require("path");
const bm = require("bitmessage");
const {messages, structs} = bm;

const OUT = path.join(__dirname, "../src/test/resources/vectors/bitmessage-js/packets.csv");
const hash = i => Buffer.alloc(32, i);
const when = new Date(1700000000 * 1000);

const rows = [
  ["version", messages.version.encode({remoteHost: "127.0.0.1", remotePort: 8445, port: 8444, time: when,
      nonce: Buffer.from("0102030405060708", "hex"), userAgent: [{name: "bitmessage-js", version: "0.6.6"}],
      streams: [1]})],
  ["version-ipv6-streams", messages.version.encode({remoteHost: "2001:db8::1", remotePort: 18444, port: 8444, time: when,
      nonce: Buffer.from("a1a2a3a4a5a6a7a8", "hex"), streams: [1, 2, 300]})],
  ["verack", structs.message.encode("verack")],
  ["inv", messages.inv.encode([hash(1), hash(2), hash(3)])],
  ["getdata", messages.getdata.encode([hash(0xab)])],
  ["addr", messages.addr.encode([
    {time: when, stream: 1, host: "1.2.3.4", port: 8444},
    {time: new Date(1700000100 * 1000), stream: 2, host: "2001:db8::2", port: 8555},
  ])],
  ["error", messages.error.encode({type: messages.error.FATAL, banTime: 3600, vector: hash(7),
      errorText: "bitmessage-js says no"})],
  ["ping", structs.message.encode("ping")],
];
fs.writeFileSync(OUT, "# name,packet hex (made by make-packets.js with bitmessage-js 0.6.6)\n"
    + rows.map(([n, b]) => n + "," + b.toString("hex")).join("\n") + "\n");
console.log("wrote", rows.length, "packets to", OUT);
