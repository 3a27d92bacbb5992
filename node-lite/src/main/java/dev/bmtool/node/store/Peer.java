package dev.bmtool.node.store;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One known node.
 *
 * @param lastSeen UNIX seconds
 * @param rating   -1..1, raised by good connections, lowered by failures (PyBitmessage style)
 * @param source   where we learnt it: bootstrap, config, addr or inbound
 */
public record Peer(String host, int port, long stream, long services, long lastSeen, double rating, String source) {

    public String hostPort() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("host", host);
        m.put("port", port);
        m.put("stream", stream);
        m.put("services", services);
        m.put("lastSeen", lastSeen);
        m.put("rating", rating);
        m.put("source", source);
        return m;
    }
}
