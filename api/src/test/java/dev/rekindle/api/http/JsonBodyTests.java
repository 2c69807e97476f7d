package dev.rekindle.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonBodyTests {

    @Test
    void buildsNestedBodiesWithEveryCharacterEscaped() {
        String json = JsonBody.object()
                .put("msgtype", "text")
                .put("text", JsonBody.object().put("content", "【暖心小铺】\t\"周年\"\\回T退订\u0001"))
                .put("at", Map.of("isAtAll", false))
                .put("mobiles", List.of("138", 2, true))
                .putIfPresent("skip", null)
                .put("nothing", null)
                .toJson();

        assertEquals("{\"msgtype\":\"text\",\"text\":{\"content\":\"【暖心小铺】\\t\\\"周年\\\"\\\\回T退订\\u0001\"},"
                + "\"at\":{\"isAtAll\":false},\"mobiles\":[\"138\",2,true],\"nothing\":null}", json);
    }

    @Test
    void refusesWhatJsonCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> JsonBody.object().put("x", new Object()));
        assertThrows(IllegalArgumentException.class, () -> JsonBody.object().put("x", Double.NaN).toJson());
    }
}
