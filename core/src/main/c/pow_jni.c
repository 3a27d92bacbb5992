/*
 * The JNI face of the native PoW search, for dev.bmtool.core.pow.NativePow. JNI rather than
 * java.lang.foreign: binding three functions through the FFM linker costs about 90 ms of class
 * generation at every JVM start, a JNI method lookup next to nothing, and one-shot commands
 * pay that cost on every run.
 */
#include <jni.h>
#include "pow.h"

JNIEXPORT jint JNICALL Java_dev_bmtool_core_pow_NativePow_best0(JNIEnv *env, jclass cls) {
    (void) env;
    (void) cls;
    return bm_pow_best();
}

JNIEXPORT jint JNICALL Java_dev_bmtool_core_pow_NativePow_lanes0(JNIEnv *env, jclass cls, jint impl) {
    (void) env;
    (void) cls;
    return bm_pow_lanes(impl);
}

/* value: a long[1] that gets the trial value of the nonce found. */
JNIEXPORT jlong JNICALL Java_dev_bmtool_core_pow_NativePow_search0(JNIEnv *env, jclass cls, jint impl,
        jbyteArray initial_hash, jlong target, jlong start, jlong count, jlongArray value) {
    (void) cls;
    uint8_t ih[64];
    if ((*env)->GetArrayLength(env, initial_hash) != 64 || (*env)->GetArrayLength(env, value) < 1) {
        return -2;
    }
    (*env)->GetByteArrayRegion(env, initial_hash, 0, 64, (jbyte *) ih);
    uint64_t v = 0;
    int64_t found = bm_pow_search(impl, ih, (uint64_t) target, (uint64_t) start, (uint64_t) count, &v);
    if (found >= 0) {
        jlong jv = (jlong) v;
        (*env)->SetLongArrayRegion(env, value, 0, 1, &jv);
    }
    return found;
}
