package org.reprise.util;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * Writes a tree of maps, lists, strings, numbers and booleans as pretty-printed JSON through
 * Jackson's streaming generator, keeping the maps' iteration order. Doubles are rounded to six
 * decimals (microseconds, fractions to a millionth), which is all the summaries need.
 */
public final class JsonOutput {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonOutput() {
    }

    /**
     * @param tree values of type Map (string keys), List, String, Integer/Long, Double/Float,
     *             Boolean, or null
     * @throws IllegalArgumentException for a value of another type
     */
    public static void write(Map<String, ?> tree, Writer out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            // "key": value, as people write JSON (Jackson's default puts a space before the colon).
            g.setPrettyPrinter(new DefaultPrettyPrinter().withSeparators(
                    Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            value(g, tree);
            g.writeRaw('\n');
        }
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object x : l) {
                value(g, x);
            }
            g.writeEndArray();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            g.writeNumber(Double.isFinite(d) ? Math.round(d * 1e6) / 1e6 : 0.0);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            throw new IllegalArgumentException("no JSON form for a " + v.getClass().getName());
        }
    }
}
