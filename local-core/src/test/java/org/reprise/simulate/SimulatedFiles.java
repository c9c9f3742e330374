package org.reprise.simulate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of a small simulated genome read back the plain way (no code of the simulator), so
 * that tests check what a user of the files would see.
 */
final class SimulatedFiles {
    /** One truth BED line. */
    record BedLine(String contig, long start, long end, String name, int score, char strand, String repeatClass,
            int copy, Map<String, String> attributes) {
        boolean has(String key) {
            return attributes.containsKey(key);
        }

        int[] range(String key) {
            String[] ab = attributes.get(key).split("-");
            return new int[] {Integer.parseInt(ab[0]), Integer.parseInt(ab[1])};
        }
    }

    final Map<String, String> genome;
    final List<BedLine> bed;
    final Map<String, String> families;
    final Map<String, Map<String, String>> tsv;

    SimulatedFiles(String prefix) throws IOException {
        genome = readFasta(Path.of(prefix + ".fa"));
        bed = readBed(Path.of(prefix + ".truth.bed"));
        families = readFasta(Path.of(prefix + ".families.fa"));
        tsv = readTsv(Path.of(prefix + ".truth.tsv"));
    }

    /** Records by header (the whole header line without {@code >}), sequence as written. */
    static Map<String, String> readFasta(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        String name = null;
        StringBuilder seq = new StringBuilder();
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            if (line.startsWith(">")) {
                if (name != null) {
                    out.put(name, seq.toString());
                }
                name = line.substring(1);
                seq.setLength(0);
            } else {
                seq.append(line);
            }
        }
        if (name != null) {
            out.put(name, seq.toString());
        }
        return out;
    }

    static List<BedLine> readBed(Path file) throws IOException {
        List<BedLine> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            String[] c = line.split("\t");
            if (c.length != 9) {
                throw new AssertionError("expected 9 columns: " + line);
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            if (!c[8].equals(".")) {
                for (String item : c[8].split(";")) {
                    int eq = item.indexOf('=');
                    attributes.put(eq < 0 ? item : item.substring(0, eq), eq < 0 ? "" : item.substring(eq + 1));
                }
            }
            out.add(new BedLine(c[0], Long.parseLong(c[1]), Long.parseLong(c[2]), c[3], Integer.parseInt(c[4]),
                    c[5].charAt(0), c[6], Integer.parseInt(c[7]), attributes));
        }
        return out;
    }

    static Map<String, Map<String, String>> readTsv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        String[] header = lines.get(0).split("\t");
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split("\t");
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], c[i]);
            }
            out.put(c[0], row);
        }
        return out;
    }

    /** The consensus of a family, from its {@code name#Class...} entry. */
    String consensus(String family) {
        for (Map.Entry<String, String> e : families.entrySet()) {
            if (e.getKey().startsWith(family + "#")) {
                return e.getValue();
            }
        }
        throw new AssertionError("no family " + family + " in families.fa");
    }

    /** The genome's bases [start, end) of a contig, upper case. */
    String bases(String contig, long start, long end) {
        return genome.get(contig).substring((int) start, (int) end).toUpperCase();
    }

    /** Pieces by copy id, in genome order. */
    Map<Integer, List<BedLine>> byCopy() {
        Map<Integer, List<BedLine>> out = new LinkedHashMap<>();
        for (BedLine b : bed) {
            out.computeIfAbsent(b.copy(), k -> new ArrayList<>()).add(b);
        }
        return out;
    }

    static String revcomp(String s) {
        StringBuilder r = new StringBuilder(s.length());
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            r.append(switch (c) {
                case 'A' -> 'T';
                case 'C' -> 'G';
                case 'G' -> 'C';
                case 'T' -> 'A';
                default -> throw new AssertionError("not a base: " + c);
            });
        }
        return r.toString();
    }
}
