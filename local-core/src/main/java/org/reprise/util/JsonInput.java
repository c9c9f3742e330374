package org.reprise.util;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads back the top-level scalar fields of a JSON object written by {@link JsonOutput} (a run's
 * summary, a batch genome's digest record) through Jackson's streaming parser; nested objects
 * and arrays are skipped. Numbers come back as Long or Double, booleans as Boolean, null as null.
 */
public final class JsonInput {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonInput() {
    }

    /**
     * @throws IOException if the text is not a JSON object
     */
    public static Map<String, Object> topLevel(String json) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (v) {
                    case START_OBJECT, START_ARRAY -> p.skipChildren();
                    case VALUE_STRING -> out.put(name, p.getText());
                    case VALUE_NUMBER_INT -> out.put(name, p.getLongValue());
                    case VALUE_NUMBER_FLOAT -> out.put(name, p.getDoubleValue());
                    case VALUE_TRUE, VALUE_FALSE -> out.put(name, p.getBooleanValue());
                    case VALUE_NULL -> out.put(name, null);
                    default -> throw new IOException("unexpected " + v + " in field " + name);
                }
            }
            if (t != JsonToken.END_OBJECT) {
                throw new IOException("unexpected " + t + " in a JSON object");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("not valid JSON: " + e.getOriginalMessage(), e);
        }
        return out;
    }
}
