package org.reprise.batch;

import org.reprise.util.JsonInput;
import org.reprise.util.JsonOutput;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a batch genome's output was made from: the tool and its version, the input's stamp and the
 * effective parameters, with their SHA-256 digest. Written as {@value #FILE} in the genome's
 * folder once its outputs are committed; an output is current when {@code _SUCCESS} is there and
 * this record's digest equals the one the batch computes now.
 */
public record GenomeDigest(String tool, String version, InputStamp input, String parameters) {
    /** The record's name in a genome's folder (hidden from Hadoop and Spark readers, as {@code _SUCCESS}). */
    public static final String FILE = "_DIGEST.json";

    public GenomeDigest {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(parameters, "parameters");
    }

    /** SHA-256 (hex) of the tool, version, input stamp and parameters, one per line. */
    public String digest() {
        String text = "tool=" + tool + "\nversion=" + version + "\ninput=" + input.input() + "\nsize=" + input.size()
                + "\nmodified=" + input.modified() + "\nparameters=" + parameters + "\n";
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Why an output recorded with {@code previous} is not current for this digest; null when it is.
     * One short phrase: "input changed (size ...)", "parameters changed (minfreq 3 -> 5)", ...
     */
    public String whyNotCurrent(GenomeDigest previous) {
        if (previous == null) {
            return "no digest recorded";
        }
        if (!previous.input.input().equals(input.input())) {
            return "input changed (" + previous.input.input() + " -> " + input.input() + ")";
        }
        if (previous.input.size() != input.size()) {
            return "input changed (size " + previous.input.size() + " -> " + input.size() + " bytes)";
        }
        if (previous.input.modified() != input.modified()) {
            return "input changed (modified since its output was made)";
        }
        if (!previous.parameters.equals(parameters)) {
            return "parameters changed (" + changes(previous.parameters, parameters) + ")";
        }
        if (!previous.version.equals(version) || !previous.tool.equals(tool)) {
            return "version changed (" + previous.tool + " " + previous.version + " -> " + tool + " " + version + ")";
        }
        return null;
    }

    private static String changes(String before, String after) {
        Map<String, String> a = split(before);
        Map<String, String> b = split(after);
        List<String> out = new ArrayList<>();
        for (String key : new java.util.TreeSet<>(union(a, b))) {
            String x = a.getOrDefault(key, "(none)");
            String y = b.getOrDefault(key, "(none)");
            if (!x.equals(y)) {
                out.add(key + " " + x + " -> " + y);
            }
        }
        return String.join(", ", out);
    }

    private static java.util.Set<String> union(Map<String, String> a, Map<String, String> b) {
        java.util.Set<String> s = new java.util.HashSet<>(a.keySet());
        s.addAll(b.keySet());
        return s;
    }

    private static Map<String, String> split(String parameters) {
        Map<String, String> m = new TreeMap<>();
        for (String token : parameters.split(" ")) {
            int eq = token.indexOf('=');
            if (eq > 0) {
                m.put(token.substring(0, eq), token.substring(eq + 1));
            }
        }
        return m;
    }

    /** The record as written, with the genome's figures (a skipped genome reports them again). */
    public String toJson(GenomeResult result) throws IOException {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("digest", digest());
        tree.put("tool", tool);
        tree.put("version", version);
        tree.put("input", input.input());
        tree.put("input_size", input.size());
        tree.put("input_modified", input.modified());
        tree.put("parameters", parameters);
        tree.put("families", result.families());
        tree.put("elements", result.elements());
        tree.put("masked_fraction", result.maskedFraction());
        tree.put("wall_seconds", result.wallSeconds());
        tree.put("finished", java.time.Instant.now().toString());
        StringWriter w = new StringWriter();
        JsonOutput.write(tree, w);
        return w.toString();
    }

    /** A record read back; null if it is not one (a damaged record counts as none). */
    public static Recorded parse(String json) {
        try {
            Map<String, Object> m = JsonInput.topLevel(json);
            GenomeDigest d = new GenomeDigest((String) m.get("tool"), (String) m.get("version"),
                    new InputStamp((String) m.get("input"), ((Number) m.get("input_size")).longValue(),
                            ((Number) m.get("input_modified")).longValue()), (String) m.get("parameters"));
            if (!d.digest().equals(m.get("digest"))) {
                return null;
            }
            return new Recorded(d, number(m.get("families")), number(m.get("elements")), real(m.get("masked_fraction")),
                    real(m.get("wall_seconds")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Long number(Object o) {
        return o instanceof Number n ? n.longValue() : null;
    }

    private static Double real(Object o) {
        return o instanceof Number n ? n.doubleValue() : null;
    }

    /** A record with the figures of the run that wrote it. */
    public record Recorded(GenomeDigest digest, Long families, Long elements, Double maskedFraction, Double wallSeconds) {
    }
}
