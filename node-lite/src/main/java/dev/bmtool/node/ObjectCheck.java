package dev.bmtool.node;

import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.object.ObjectValidator;
import dev.bmtool.core.pow.PowMath;
import java.util.Set;

/**
 * Whether the node stores and relays an object: {@link ObjectValidator} (size, expiry window,
 * stream, proof of work with the verifier target, brief 6.4), then the per-type length limits.
 * A payload that does not decode is still relayed (it may be for a newer client), as
 * PyBitmessage does.
 */
final class ObjectCheck {
    /** PyBitmessage's test mode divides the network minimum by 100 (int(1000 / 100) = 10). */
    static final long EXTRA_LOW_DIVISOR = 100;

    private final ObjectValidator validator;

    private ObjectCheck(ObjectValidator validator) {
        this.validator = validator;
    }

    /** The network's minimum difficulty, or a hundredth of it on a test network. */
    static ObjectCheck of(boolean extraLowDifficulty) {
        ObjectValidator v = ObjectValidator.defaults().withStreams(Set.of(Node.STREAM));
        if (extraLowDifficulty) {
            v = v.withNetworkMinimum(PowMath.DEFAULT_NONCE_TRIALS_PER_BYTE / EXTRA_LOW_DIVISOR,
                    PowMath.DEFAULT_EXTRA_BYTES / EXTRA_LOW_DIVISOR);
        }
        return new ObjectCheck(v);
    }

    long nonceTrialsPerByte() {
        return validator.nonceTrialsPerByte();
    }

    long extraBytes() {
        return validator.extraBytes();
    }

    /** Returns null when acceptable, else the reason for rejection. */
    String reject(BitmessageObject o, long now) {
        ObjectValidator.Result r = validator.validate(o, now);
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
