package dev.bmtool.cli.pow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PowFormatTest {
    @Test
    void largeCountsUseLargerUnits() {
        assertEquals("980.0 k", PowFormat.si(980_000));
        assertEquals("1.25 M", PowFormat.si(1_250_000));
        assertEquals("3.00 G", PowFormat.si(3e9));
        assertEquals("4.50 T", PowFormat.si(4.5e12));
        // the expected trials of target 0 (2^64): was "18446744073.71 G"
        assertEquals("18.45 E", PowFormat.si(Math.pow(2, 64)));
    }

    @Test
    void hopelessEtasAreInYears() {
        assertEquals("2h 05m", PowFormat.duration(7500));
        assertEquals("30d", PowFormat.duration(30 * 86400));
        assertEquals("7.3e+04 years", PowFormat.duration(26_717_556.0 * 86400));
    }
}
