// Makes bitmessage-js 0.6.6 usable as a reference on a plain Node.js without native add-ons,
// and aligns its two known differences from PyBitmessage (see README.md). Idempotent.
"use strict";
const fs = require("fs");
const path = require("path");

function patch(file, edits) {
  const p = path.join(__dirname, "node_modules", file);
  let s = fs.readFileSync(p, "utf8");
  if (s.includes("/* bmtool-interop patched */")) return;
  for (const [from, to] of edits) {
    if (!s.includes(from)) throw new Error(`${file}: expected text not found: ${from.slice(0, 60)}`);
    s = s.split(from).join(to);
  }
  fs.writeFileSync(p, "/* bmtool-interop patched */\n" + s);
  console.log("patched", file);
}

// 1. platform.js needs the native `bignum` and PoW add-ons: BigInt target, plain SHA-512 PoW loop.
patchPlatform();

function patchPlatform() {
  const p = path.join(__dirname, "node_modules/bitmessage/lib/platform.js");
  let s = fs.readFileSync(p, "utf8");
  if (s.includes("/* bmtool-interop patched */")) return;
  s = s.replace('var bignum = require("bignum");\n', "").replace('var worker = require("./worker");\n', "");
  const start = s.indexOf("// 2^80."), end = s.indexOf("exports.Promise");
  if (start < 0 || end < 0) throw new Error("platform.js: unexpected layout");
  s = s.slice(0, start) + `exports.getTarget = function(opts) {
  // The original's formula, 2^80 / ((ttl + 2^16) * length * trials), in BigInt.
  var length = BigInt(opts.payloadLength) + BigInt(opts.payloadLengthExtraBytes);
  var denominator = (BigInt(opts.ttl) + 65536n) * length * BigInt(opts.nonceTrialsPerByte);
  var target = Number((1n << 80n) / denominator);
  assert(target <= 9007199254740991, "Unsafe target");
  return target;
};

exports.pow = function(opts) {
  return new PPromise(function(resolve) {
    var t = BigInt(opts.target);
    var buf = Buffer.alloc(72);
    opts.initialHash.copy(buf, 8);
    for (var n = 0n; ; n++) {
      buf.writeBigUInt64BE(n, 0);
      var h = createHash("sha512").update(createHash("sha512").update(buf).digest()).digest();
      if (h.readBigUInt64BE(0) <= t) { resolve(Number(n)); return; }
    }
  });
};

` + s.slice(end);
  fs.writeFileSync(p, "/* bmtool-interop patched */\n" + s);
  console.log("patched bitmessage/lib/platform.js");
}

// 2. eccrypto 1.x MACs over IV || 04 X Y || ciphertext; PyBitmessage (and the network) MAC over
//    IV || 02CA 0020 X 0020 Y || ciphertext, the bytes as serialised. Without this no encrypted
//    object of bitmessage-js can be read by PyBitmessage, nor the other way round.
const macFrom = "Buffer.concat([iv, ephemPublicKey, ciphertext])";
const macTo = "Buffer.concat([iv, bmKeyPart(ephemPublicKey), ciphertext])";
const decFrom = "opts.iv,\n      opts.ephemPublicKey,\n      opts.ciphertext";
const decTo = "opts.iv,\n      bmKeyPart(opts.ephemPublicKey),\n      opts.ciphertext";
const helper = "\nfunction bmKeyPart(k) { return Buffer.concat([Buffer.from([2, 0xca, 0, 32]), k.slice(1, 33), Buffer.from([0, 32]), k.slice(33)]); }\n";
patch("eccrypto/index.js", [[macFrom, macTo], [decFrom, decTo], ['"use strict";', '"use strict";' + helper]]);
// 3. The browser build (used when the native secp256k1 add-on is missing) also drops leading zero
//    bytes of the ECDH secret; PyBitmessage hashes all 32 bytes (1 key in 256 differs).
patch("eccrypto/browser.js", [[macFrom, macTo], [decFrom, decTo], ['"use strict";', '"use strict";' + helper],
  ["Buffer.from(Px.toArray())", 'Buffer.from(Px.toArray("be", 32))']]);

// 4. bitmessage-js verifies ECDSA over SHA-1 only; PyBitmessage signs SHA-256 since 0.6.2 and
//    accepts either (SHA-1 first), as bmtool does.
patch("bitmessage/lib/crypto.js", [[
  "exports.verify = function(publicKey, msg, sig) {\n  var hash = sha1(msg);\n  return eccrypto.verify(publicKey, hash, sig);\n};",
  "exports.verify = function(publicKey, msg, sig) {\n  return eccrypto.verify(publicKey, sha1(msg), sig).catch(function() {\n    return eccrypto.verify(publicKey, exports.sha256(msg), sig);\n  });\n};"]]);
