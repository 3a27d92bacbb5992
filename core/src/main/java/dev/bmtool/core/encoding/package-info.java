/**
 * Byte-level encoding shared by every protocol structure: big-endian fields, minimal var_ints,
 * hex, and the one typed {@link dev.bmtool.core.encoding.ProtocolException} hierarchy.
 */
package dev.bmtool.core.encoding;
