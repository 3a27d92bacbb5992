/** Minimal JSON for {@code --json} output and the local HTTP control APIs (no external library). */
package dev.bmtool.core.json;
