/**
 * PyBitmessage's remote API (XML-RPC or JSON-RPC 2.0 over HTTP with basic auth), served by
 * {@code bmtool node run} when keys.dat says {@code apienabled = true}: the same methods, return
 * strings, JSON documents and {@code API Error} codes as PyBitmessage v0.6's {@code src/api.py}.
 * The request parsers read untrusted bytes and throw only {@link dev.bmtool.core.encoding.ProtocolException}.
 */
package dev.bmtool.mail.pyapi;
