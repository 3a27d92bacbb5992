package dev.bmtool.core.vanity;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a vanity search looks for: at least {@code zeroBytes} leading zero bytes in the ripe and,
 * optionally, an address text after the part that version, stream and ripe length fix.
 *
 * <p>A v4 stream-1 address is base58 of {@code V = (0x0401 * 256^L + R) * 2^32 + checksum}, where
 * R is the stripped ripe of L bytes. Over all R of one length the leading base58 digits barely move:
 * L = 19 (one zero byte) always gives {@code BM-2c} then one of {@code S..X}; L = 18 gives
 * {@code BM-N} then {@code A..C}; L = 20 gives {@code BM-87}. A text prefix is compiled into numeric
 * ranges of R per length (one range per case variant), so candidates are tested by comparing
 * numbers, never by building strings; the checksum matters only at a range's two ends.
 */
public final class VanityPattern {
    /** Largest number of case variants compiled for --case-insensitive. */
    static final int MAX_VARIANTS = 1 << 12;
    static final int MIN_RIPE = 4;

    private final String text;
    private final boolean fullPrefix;
    private final int zeroBytes;
    private final boolean caseInsensitive;
    private final double probability;
    /** ranges[L]: sorted, disjoint ranges of R for stripped length L; null means every R matches. */
    private final Range[][] ranges;
    private final int zeroMask;

    /** One range of the stripped ripe R; R at either end also needs the checksum test. */
    record Range(long loA, long loB, long loC, long hiA, long hiB, long hiC, long csLo, long csHi,
            BigInteger lo, BigInteger hi) {
    }

    private VanityPattern(String text, boolean fullPrefix, int zeroBytes, boolean caseInsensitive,
            Range[][] ranges, double probability) {
        this.text = text;
        this.fullPrefix = fullPrefix;
        this.zeroBytes = zeroBytes;
        this.caseInsensitive = caseInsensitive;
        this.ranges = ranges;
        this.probability = probability;
        this.zeroMask = zeroBytes >= 4 ? -1 : (1 << (8 * zeroBytes)) - 1;
    }

    /** Only leading zero bytes, no text. */
    public static VanityPattern zeroBytesOnly(int zeroBytes) {
        return compile("", zeroBytes, false);
    }

    /**
     * Compiles a prefix.
     *
     * @param prefix text that follows the fixed part ({@code "BM-2c"} for one zero byte), or a full
     *     address start beginning with {@code "BM-"}; empty for zero bytes only
     * @param zeroBytes minimum number of leading zero bytes of the ripe (0..16)
     * @param caseInsensitive letters of the prefix may match in either case
     * @throws IllegalArgumentException with a message fit for users when no address can match
     */
    public static VanityPattern compile(String prefix, int zeroBytes, boolean caseInsensitive) {
        if (zeroBytes < 0 || zeroBytes > 20 - MIN_RIPE) {
            throw new IllegalArgumentException("zero bytes must be between 0 and " + (20 - MIN_RIPE));
        }
        String p = prefix == null ? "" : prefix.strip();
        boolean full = p.startsWith("BM-");
        String body = full ? p.substring(3) : p;
        checkAlphabet(body, caseInsensitive);
        List<String> variants = variants(body, caseInsensitive);
        Range[][] ranges = new Range[21][];
        BigDecimal total = BigDecimal.ZERO;
        for (int len = MIN_RIPE; len <= 20 - zeroBytes; len++) {
            BigInteger rMin = len == 20 ? BigInteger.ONE.shiftLeft(152) : BigInteger.ONE.shiftLeft(8 * (len - 1));
            BigInteger rMax = BigInteger.ONE.shiftLeft(8 * len).subtract(BigInteger.ONE);
            if (body.isEmpty()) {
                ranges[len] = null;
                total = total.add(new BigDecimal(rMax.subtract(rMin).add(BigInteger.ONE)));
                continue;
            }
            String fixed = full ? "" : fixedPart(len);
            List<Range> list = new ArrayList<>();
            for (String v : variants) {
                Range r = range(len, fixed + v, rMin, rMax);
                if (r != null) {
                    list.add(r);
                }
            }
            list.sort(Comparator.comparing(Range::lo));
            ranges[len] = list.toArray(new Range[0]);
            for (Range r : list) {
                total = total.add(new BigDecimal(r.hi().subtract(r.lo()).add(BigInteger.ONE)));
            }
        }
        double prob = total.divide(new BigDecimal(BigInteger.ONE.shiftLeft(160)), MathContext.DECIMAL64).doubleValue();
        if (prob == 0 || !hasRangesFor(ranges, 20 - zeroBytes)) {
            // impossible at the length asked for; name the zero-byte counts where it would work
            List<Integer> other = new ArrayList<>();
            for (int z = 0; z <= 20 - MIN_RIPE; z++) {
                int len = 20 - z;
                String fixed = full ? "" : fixedPart(len);
                BigInteger rMin = len == 20 ? BigInteger.ONE.shiftLeft(152) : BigInteger.ONE.shiftLeft(8 * (len - 1));
                BigInteger rMax = BigInteger.ONE.shiftLeft(8 * len).subtract(BigInteger.ONE);
                if (variants.stream().anyMatch(v -> range(len, fixed + v, rMin, rMax) != null)) {
                    other.add(z);
                }
            }
            String hint = other.isEmpty() ? "" : full
                    ? " (possible with --zero-bytes " + other.get(0) + ")"
                    : "";
            throw new IllegalArgumentException(impossibleMessage(p, full, body, zeroBytes) + hint);
        }
        return new VanityPattern(p, full, zeroBytes, caseInsensitive, ranges, prob);
    }

    private static boolean hasRangesFor(Range[][] ranges, int len) {
        return ranges[len] == null || ranges[len].length > 0;
    }

    private static void checkAlphabet(String body, boolean ci) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            boolean ok = Codec.digit(c) >= 0;
            if (!ok && ci) {
                ok = Codec.digit(Character.toUpperCase(c)) >= 0 || Codec.digit(Character.toLowerCase(c)) >= 0;
            }
            if (!ok) {
                throw new IllegalArgumentException("'" + c + "' (character " + (i + 1) + " of \"" + body
                        + "\") never appears in an address: base58 has no 0, O, I or l"
                        + (ci ? "" : " (try --case-insensitive for letters)"));
            }
        }
    }

    private static List<String> variants(String body, boolean ci) {
        Set<String> out = new LinkedHashSet<>();
        out.add("");
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            Set<String> next = new LinkedHashSet<>();
            List<Character> options = new ArrayList<>();
            if (ci) {
                for (char o : new char[] {Character.toUpperCase(c), Character.toLowerCase(c)}) {
                    if (Codec.digit(o) >= 0 && !options.contains(o)) {
                        options.add(o);
                    }
                }
            } else {
                options.add(c);
            }
            for (String s : out) {
                for (char o : options) {
                    next.add(s + o);
                }
            }
            if (next.size() > MAX_VARIANTS) {
                throw new IllegalArgumentException("prefix too long for --case-insensitive (over "
                        + MAX_VARIANTS + " case variants)");
            }
            out = next;
        }
        return new ArrayList<>(out);
    }

    /** Smallest and largest address value for stripped ripe length len. */
    static BigInteger minValue(int len) {
        BigInteger rMin = len == 20 ? BigInteger.ONE.shiftLeft(152) : BigInteger.ONE.shiftLeft(8 * (len - 1));
        return base(len).add(rMin).shiftLeft(32);
    }

    static BigInteger maxValue(int len) {
        return base(len).add(BigInteger.ONE.shiftLeft(8 * len)).shiftLeft(32).subtract(BigInteger.ONE);
    }

    private static BigInteger base(int len) {
        return BigInteger.valueOf(0x0401).shiftLeft(8 * len);
    }

    /** The leading characters (after "BM-") shared by every v4 stream-1 address with this ripe length. */
    public static String fixedPart(int len) {
        String a = Codec.base58(minValue(len));
        String b = Codec.base58(maxValue(len));
        int i = 0;
        while (i < Math.min(a.length(), b.length()) && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return a.length() == b.length() ? a.substring(0, i) : "";
    }

    /** Address length after "BM-" for a stripped ripe length. */
    public static int addressLength(int len) {
        return Codec.base58(minValue(len)).length();
    }

    /** The characters that may follow the fixed part for this ripe length, e.g. "STUVWX". */
    public static String nextCharacters(int len) {
        String fixed = fixedPart(len);
        String a = Codec.base58(minValue(len));
        String b = Codec.base58(maxValue(len));
        int from = Codec.digit(a.charAt(fixed.length()));
        int to = Codec.digit(b.charAt(fixed.length()));
        return Codec.ALPHABET.substring(from, to + 1);
    }

    private static String impossibleMessage(String p, boolean full, String body, int zeroBytes) {
        int len = 20 - zeroBytes;
        String fixed = fixedPart(len);
        int wanted = (full ? 0 : fixed.length()) + body.length();
        if (wanted > addressLength(len)) {
            return "\"" + p + "\" is too long: with " + zeroBytes + " leading zero byte(s) an address has "
                    + addressLength(len) + " characters after \"BM-\"" + (full ? "" : ", starting with \"" + fixed + "\"");
        }
        if (full) {
            return "no v4 stream-1 address with " + zeroBytes + " leading zero byte(s) starts with \"" + p
                    + "\": such addresses start with \"BM-" + fixed + "\" followed by one of "
                    + nextCharacters(len);
        }
        String head = "no v4 stream-1 address with " + zeroBytes + " leading zero byte(s) starts with \"BM-" + fixed
                + body + "\": ";
        if (!body.isEmpty() && nextCharacters(len).indexOf(body.charAt(0)) >= 0) {
            // the first character is possible, a later one is beyond the first or last address
            int n = Math.min(fixed.length() + body.length(), addressLength(len));
            return head + "such addresses run from \"BM-" + Codec.base58(minValue(len)).substring(0, n)
                    + "...\" to \"BM-" + Codec.base58(maxValue(len)).substring(0, n) + "...\"";
        }
        return head + "after \"BM-" + fixed + "\" the next character is one of " + nextCharacters(len);
    }

    /** Base58 digit counts of the smallest and largest address value per ripe length. */
    private static final int[][] DIGITS = new int[21][];

    static {
        for (int len = MIN_RIPE; len <= 20; len++) {
            DIGITS[len] = new int[] {Codec.base58(minValue(len)).length(), Codec.base58(maxValue(len)).length()};
        }
    }

    /** The range of R whose address (after "BM-") starts with target, or null. */
    private static Range range(int len, String target, BigInteger rMin, BigInteger rMax) {
        BigInteger vMin = minValue(len);
        BigInteger vMax = maxValue(len);
        int dMin = DIGITS[len][0];
        int dMax = DIGITS[len][1];
        BigInteger t = BigInteger.ZERO;
        for (int i = 0; i < target.length(); i++) {
            t = t.multiply(Codec.B58).add(BigInteger.valueOf(Codec.digit(target.charAt(i))));
        }
        BigInteger lo = null;
        BigInteger hi = null;
        for (int d = dMin; d <= dMax; d++) {
            if (target.length() > d) {
                continue;
            }
            BigInteger scale = Codec.B58.pow(d - target.length());
            BigInteger a = t.multiply(scale).max(Codec.B58.pow(d - 1)).max(vMin);
            BigInteger b = t.add(BigInteger.ONE).multiply(scale).subtract(BigInteger.ONE)
                    .min(Codec.B58.pow(d).subtract(BigInteger.ONE)).min(vMax);
            if (a.compareTo(b) <= 0) {
                // the digit counts give disjoint value ranges; one prefix matches in at most one of them
                lo = a;
                hi = b;
            }
        }
        if (lo == null) {
            return null;
        }
        BigInteger base = base(len);
        BigInteger rLo = lo.shiftRight(32).subtract(base).max(rMin);
        BigInteger rHi = hi.shiftRight(32).subtract(base).min(rMax);
        if (rLo.compareTo(rHi) > 0) {
            return null;
        }
        long csLo = rLo.equals(lo.shiftRight(32).subtract(base)) ? lo.longValue() & 0xFFFFFFFFL : 0;
        long csHi = rHi.equals(hi.shiftRight(32).subtract(base)) ? hi.longValue() & 0xFFFFFFFFL : 0xFFFFFFFFL;
        return new Range(word(rLo, 96), word(rLo, 32), rLo.longValue() & 0xFFFFFFFFL,
                word(rHi, 96), word(rHi, 32), rHi.longValue() & 0xFFFFFFFFL, csLo, csHi, rLo, rHi);
    }

    private static long word(BigInteger v, int shift) {
        return v.shiftRight(shift).longValue();
    }

    /** Ranges of the primary ripe length as 6 words each (see VanityDeviceData.ranges). */
    long[] primaryRanges() {
        Range[] rs = ranges[20 - zeroBytes];
        if (rs == null) {
            return new long[0];
        }
        long[] out = new long[6 * rs.length];
        for (int i = 0; i < rs.length; i++) {
            Range r = rs[i];
            out[6 * i] = r.loA();
            out[6 * i + 1] = r.loB();
            out[6 * i + 2] = r.loC();
            out[6 * i + 3] = r.hiA();
            out[6 * i + 4] = r.hiB();
            out[6 * i + 5] = r.hiC();
        }
        return out;
    }

    /** Chance that one random candidate matches. */
    public double probability() {
        return probability;
    }

    /** Expected number of candidates per match (1 / probability). */
    public double expectedCandidates() {
        return 1 / probability;
    }

    public int zeroBytes() {
        return zeroBytes;
    }

    public boolean caseInsensitive() {
        return caseInsensitive;
    }

    /** The prefix as given (empty for zero bytes only). */
    public String text() {
        return text;
    }

    /** What addresses this pattern accepts, for humans: e.g. {@code BM-2cX...} (34 characters after BM-). */
    public String describe() {
        int len = 20 - zeroBytes;
        String body = fullPrefix ? text.substring(3) : text;
        String shown = "BM-" + (fullPrefix ? "" : fixedPart(len)) + body;
        return shown + "... (" + addressLength(len) + " characters after BM- with " + zeroBytes
                + " leading zero byte(s)" + (zeroBytes < 16 ? ", shorter with more" : "") + ")"
                + (caseInsensitive && !body.isEmpty() ? ", case-insensitive" : "");
    }

    /** Quick test on ripe byte 0..3 (the low bytes of r0): those leading bytes must be zero. */
    boolean quickReject(int r0) {
        return (r0 & zeroMask) != 0;
    }

    /**
     * Full test of a candidate ripe given as RIPEMD-160 output words (little-endian bytes).
     * Computes the address checksum only when R sits at a range boundary.
     */
    boolean matches(int r0, int r1, int r2, int r3, int r4) {
        long q0 = Integer.reverseBytes(r0) & 0xFFFFFFFFL;
        long q1 = Integer.reverseBytes(r1) & 0xFFFFFFFFL;
        long q2 = Integer.reverseBytes(r2) & 0xFFFFFFFFL;
        long q3 = Integer.reverseBytes(r3) & 0xFFFFFFFFL;
        long c = Integer.reverseBytes(r4) & 0xFFFFFFFFL;
        long a = (q0 << 32) | q1;
        long b = (q2 << 32) | q3;
        int zero = a != 0 ? Long.numberOfLeadingZeros(a) >>> 3
                : b != 0 ? 8 + (Long.numberOfLeadingZeros(b) >>> 3)
                : 16 + ((Long.numberOfLeadingZeros(c) - 32) >>> 3);
        int len = 20 - zero;
        if (zero < zeroBytes || len < MIN_RIPE) {
            return false;
        }
        Range[] rs = ranges[len];
        if (rs == null) {
            return true;
        }
        // last range whose low end is <= R
        int lo = 0;
        int hi = rs.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Range r = rs[mid];
            if (compare(r.loA(), r.loB(), r.loC(), a, b, c) <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (found < 0) {
            return false;
        }
        Range r = rs[found];
        int cmpHi = compare(a, b, c, r.hiA(), r.hiB(), r.hiC());
        if (cmpHi > 0) {
            return false;
        }
        boolean atLo = compare(a, b, c, r.loA(), r.loB(), r.loC()) == 0;
        boolean atHi = cmpHi == 0;
        if ((atLo && r.csLo() != 0) || (atHi && r.csHi() != 0xFFFFFFFFL)) {
            long cs = Codec.checksum(Codec.v4Data(ripeBytes(r0, r1, r2, r3, r4)));
            return (!atLo || cs >= r.csLo()) && (!atHi || cs <= r.csHi());
        }
        return true;
    }

    private static int compare(long a1, long b1, long c1, long a2, long b2, long c2) {
        int x = Long.compareUnsigned(a1, a2);
        if (x != 0) {
            return x;
        }
        x = Long.compareUnsigned(b1, b2);
        return x != 0 ? x : Long.compare(c1, c2);
    }

    static byte[] ripeBytes(int r0, int r1, int r2, int r3, int r4) {
        byte[] out = new byte[20];
        int[] r = {r0, r1, r2, r3, r4};
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 4; j++) {
                out[4 * i + j] = (byte) (r[i] >>> (8 * j));
            }
        }
        return out;
    }

    /** Tests a ripe (20 bytes) the way the search does. */
    public boolean matchesRipe(byte[] ripe20) {
        int[] r = new int[5];
        for (int i = 0; i < 5; i++) {
            r[i] = (ripe20[4 * i] & 0xFF) | (ripe20[4 * i + 1] & 0xFF) << 8
                    | (ripe20[4 * i + 2] & 0xFF) << 16 | (ripe20[4 * i + 3] & 0xFF) << 24;
        }
        return matches(r[0], r[1], r[2], r[3], r[4]);
    }

    /**
     * Tests an address string directly (slow; used to double-check hits): its ripe has at least
     * {@code zeroBytes} leading zeros and its text starts with the wanted prefix.
     */
    public boolean matchesAddress(String address, int strippedRipeLength) {
        if (20 - strippedRipeLength < zeroBytes) {
            return false;
        }
        if (text.isEmpty()) {
            return true;
        }
        String body = fullPrefix ? text.substring(3) : text;
        String want = "BM-" + (fullPrefix ? "" : fixedPart(strippedRipeLength)) + body;
        if (caseInsensitive) {
            return address.length() >= want.length()
                    && address.substring(0, want.length()).toLowerCase(Locale.ROOT).equals(want.toLowerCase(Locale.ROOT));
        }
        return address.startsWith(want);
    }

    @Override
    public String toString() {
        return describe();
    }
}
