package dev.bmtool.vectors.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmtool.core.crypto.Hashes;
import dev.bmtool.core.encoding.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** vectors.md section 1. */
class HashVectorsTest {
    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);

    @Test
    void sha512() {
        assertEquals("9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca72323c3d99ba5c11d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043",
                Hex.encode(Hashes.sha512(HELLO)));
    }

    @Test
    void doubleSha512() {
        assertEquals("0592a10584ffabf96539f3d780d776828c67da1ab5b169e9e8aed838aaecc9ed36d49ff1423c55f019e050c66c6324f53588be88894fef4dcffdb74b98e2b200",
                Hex.encode(Hashes.dsha512(HELLO)));
    }

    @Test
    void bm160() {
        assertEquals("79a324faeebcbf9849f310545ed531556882487e", Hex.encode(Hashes.bm160(HELLO)));
        assertEquals(Hex.encode(Hashes.ripemd160(Hashes.sha512(HELLO))), Hex.encode(Hashes.bm160(HELLO)));
    }

    @Test
    void emptyPayloadChecksum() {
        assertEquals("cf83e135", Hex.encode(Arrays.copyOf(Hashes.sha512(new byte[0]), 4)));
    }

    @Test
    void sha256Family() {
        // FIPS 180-2 "abc" values, to pin the WIF checksum helpers
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Hex.encode(Hashes.sha256(abc)));
        assertEquals(Hex.encode(Hashes.sha256(Hashes.sha256(abc))), Hex.encode(Hashes.dsha256(abc)));
    }
}
