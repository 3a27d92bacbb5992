/**
 * The node's local control API: HTTP+JSON on 127.0.0.1 with a bearer token kept in the data
 * directory, and the client the CLI uses to talk to it.
 */
package dev.bmtool.node.api;
