package ftp.webconsole.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void parsesWhatThePagePosts() {
        Object parsed = Json.parse(" {\"configuration\": {\"banner.connect\": \"a\\nb \\u00e9\\\"\", \"ftp.port\": 2121,"
                + " \"feature.hash\": false, \"tls.cipherSuites\": [\"X\", \"Y\"], \"empty\": null, \"pi\": -3.5}} ");
        Map<?, ?> configuration = (Map<?, ?>) ((Map<?, ?>) parsed).get("configuration");
        assertEquals("a\nb é\"", configuration.get("banner.connect"));
        assertEquals(2121L, configuration.get("ftp.port"));
        assertEquals(Boolean.FALSE, configuration.get("feature.hash"));
        assertEquals(List.of("X", "Y"), configuration.get("tls.cipherSuites"));
        assertTrue(configuration.containsKey("empty") && configuration.get("empty") == null);
        assertEquals(-3.5, configuration.get("pi"));
    }

    @Test
    void refusesBrokenJsonWithTheOffset() {
        for (String broken : List.of("{", "{\"a\" 1}", "[1,", "\"open", "{\"a\":1} x", "tru")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(broken), broken);
            assertTrue(e.getMessage().startsWith("invalid JSON at offset "), e.getMessage());
        }
    }

    @Test
    void writesHtmlSafeJsonThatReadsBack() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("banner", "</script><b>&\"\\\n");
        value.put("list", List.of(1, true, "x"));
        value.put("none", null);
        String json = Json.write(value);
        assertTrue(!json.contains("<") && !json.contains(">") && !json.contains("&"), json);
        assertEquals(value.get("banner"), ((Map<?, ?>) Json.parse(json)).get("banner"));
        assertEquals("{\"banner\":\"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\\\"\\\\\\u000a\",\"list\":[1,true,\"x\"],\"none\":null}",
                json);
    }
}
