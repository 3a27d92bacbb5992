package dev.bmtool.mail.pyapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bmtool.core.encoding.ProtocolException;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the XML-RPC request parser and the server's answer to arbitrary bodies: the parser
 * throws nothing but {@link ProtocolException}, the server always answers a well-formed
 * XML-RPC document that our own parser reads back. In {@code mvn verify} these run in regression
 * mode over the seeds in {@code XmlRpcFuzzTestInputs/<method>/}; set JAZZER_FUZZ=1 to fuzz.
 */
class XmlRpcFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void parseCall(byte[] data) {
        try {
            XmlRpc.Call c = XmlRpc.parseCall(data);
            assertNotNull(c.method());
            // whatever parses can be answered and the answer parses as a response
            String answer = XmlRpc.response(c.params());
            assertEquals('<', answer.charAt(0));
        } catch (ProtocolException expected) {
            // rejected cleanly
        }
    }

    @FuzzTest(maxDuration = "30s")
    void serverAnswers(byte[] data) {
        PyApiServer server = PyApiServerTest.offline(PyApiConfig.Variant.XML);
        String answer = server.xml(data);
        String back = answer.replace("<methodResponse>", "<methodCall><methodName>r</methodName>")
                .replace("</methodResponse>", "</methodCall>").replace("<fault>", "<params><param>")
                .replace("</fault>", "</param></params>");
        XmlRpc.parseCall(back.getBytes(StandardCharsets.UTF_8)); // well-formed: never throws
    }
}
