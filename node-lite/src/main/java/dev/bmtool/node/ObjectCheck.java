package dev.bmtool.node;

import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.object.ObjectValidator;
import java.util.Set;

/**
 * Whether the node stores and relays an object: {@link ObjectValidator} (size, expiry window,
 * stream, proof of work with the verifier target, brief 6.4), then the per-type length limits.
 * A payload that does not decode is still relayed (it may be for a newer client), as
 * PyBitmessage does.
 */
final class ObjectCheck {
    private static final ObjectValidator VALIDATOR = ObjectValidator.defaults().withStreams(Set.of(Node.STREAM));

    private ObjectCheck() {
    }

    /** Returns null when acceptable, else the reason for rejection. */
    static String reject(BitmessageObject o, long now) {
        ObjectValidator.Result r = VALIDATOR.validate(o, now);
        if (!r.valid()) {
            return r.message();
        }
        ObjectValidator.Result content = ObjectValidator.checkContent(o);
        return switch (content.reason()) {
            case TOO_SHORT, TOO_LONG, BAD_VERSION -> content.message();
            default -> null;
        };
    }
}
