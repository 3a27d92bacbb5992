package dev.bmtool.mail;

import java.util.Map;

/**
 * What the mail agent reads from keys.dat's {@code [bitmessagesettings]}, under PyBitmessage's
 * names: the most work we do for a recipient, whether only whitelisted senders get through
 * ({@code blackwhitelist = white}) and how our acks look ({@code ackstealthlevel} 0..2; anything
 * else counts as 0). Re-read whenever keys.dat changes.
 */
record KeysDatSettings(DifficultyLimit difficultyLimit, boolean whitelistMode, int ackStealthLevel) {
    static final KeysDatSettings DEFAULT = new KeysDatSettings(DifficultyLimit.DEFAULT, false, 0);

    static KeysDatSettings of(Map<String, String> section) {
        String mode = section.getOrDefault("blackwhitelist", "black").strip();
        return new KeysDatSettings(DifficultyLimit.of(section), "white".equalsIgnoreCase(mode),
                AckData.stealthLevel(section));
    }
}
