package dev.bmtool.core.vanity;

/** Receives progress (about once a second, from the caller's thread) and hits as they are found. */
public interface VanityListener {
    default void progress(VanityProgress progress) {
    }

    default void found(VanityResult result) {
    }

    VanityListener NONE = new VanityListener() {
    };
}
