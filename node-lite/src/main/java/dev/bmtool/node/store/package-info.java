/**
 * Persistent node state in one SQLite database (WAL, synchronous=FULL): the object inventory and
 * the known-peer table.
 */
package dev.bmtool.node.store;
