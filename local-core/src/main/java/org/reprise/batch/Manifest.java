package org.reprise.batch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The genomes of a batch, read from a manifest: tab-separated text whose first line that is not
 * blank or a {@code #} comment is a header naming the columns. {@code genome_id} and
 * {@code input} are required; every other column names an option of the genome command in snake
 * case ({@code minfreq}, {@code dist}, {@code partition_size}) and gives that genome its own value
 * (an empty cell keeps the batch's). Blank lines and lines starting with {@code #} are skipped;
 * cells are trimmed; a row may stop before its last empty cells.
 *
 * <p>Checked here, each with a one-line message naming the manifest and line
 * ({@link ManifestException}): a missing, repeated or unknown column, a row with more cells than
 * the header, an empty id or input, an id that is not a safe folder name (letters, digits,
 * {@code . _ -}, starting with a letter or digit, at most 100 characters, not a name the batch
 * uses itself), an id used twice (also when two ids differ only in case, which a
 * case-insensitive file system would merge), and a manifest without genomes. The values of the
 * overrides are checked by the genome command's own parser ({@link GenomeArguments}).
 */
public final class Manifest {
    /** The column of the genome's id. */
    public static final String ID = "genome_id";
    /** The column of the genome's input (a path or URI; relative: to the manifest's folder). */
    public static final String INPUT = "input";

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Set<String> RESERVED = Set.of(BatchReport.TSV, BatchReport.JSON);

    private final String source;
    private final List<ManifestEntry> entries;

    private Manifest(String source, List<ManifestEntry> entries) {
        this.source = source;
        this.entries = List.copyOf(entries);
    }

    /**
     * Parses a manifest.
     *
     * @param text            the whole manifest
     * @param source          its path or URI, for messages
     * @param overrideColumns the columns other than {@link #ID} and {@link #INPUT} that are
     *                        allowed (the genome command's options in snake case)
     * @throws ManifestException on the first problem (see the class comment)
     */
    public static Manifest parse(String text, String source, Set<String> overrideColumns) {
        String[] lines = text.split("\r?\n", -1);
        String[] header = null;
        int idColumn = -1;
        int inputColumn = -1;
        List<ManifestEntry> entries = new ArrayList<>();
        Map<String, Integer> idLines = new HashMap<>();
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            for (int c = 0; c < cells.length; c++) {
                cells[c] = cells[c].strip();
            }
            if (header == null) {
                header = cells;
                Set<String> seen = new TreeSet<>();
                for (int c = 0; c < header.length; c++) {
                    String name = header[c];
                    if (name.isEmpty()) {
                        throw fail(source, lineNo, "header column " + (c + 1) + " has no name");
                    }
                    if (!seen.add(name)) {
                        throw fail(source, lineNo, "column '" + name + "' appears twice in the header");
                    }
                    if (name.equals(ID)) {
                        idColumn = c;
                    } else if (name.equals(INPUT)) {
                        inputColumn = c;
                    } else if (!overrideColumns.contains(name)) {
                        throw fail(source, lineNo, "unknown column '" + name + "' (allowed: " + ID + ", " + INPUT
                                + ", and the options " + String.join(", ", new TreeSet<>(overrideColumns)) + ")");
                    }
                }
                if (idColumn < 0 || inputColumn < 0) {
                    throw fail(source, lineNo, "the header has no '" + (idColumn < 0 ? ID : INPUT)
                            + "' column (the first line that is not a comment must name the columns, tab-separated: "
                            + ID + ", " + INPUT + ", then any option overrides)");
                }
                continue;
            }
            if (cells.length > header.length) {
                throw fail(source, lineNo, cells.length + " cells but the header has " + header.length
                        + " columns (cells are separated by tabs)");
            }
            String id = cell(cells, idColumn);
            String input = cell(cells, inputColumn);
            if (id.isEmpty()) {
                throw fail(source, lineNo, "empty " + ID);
            }
            checkId(source, lineNo, id);
            String key = id.toLowerCase(Locale.ROOT);
            Integer before = idLines.putIfAbsent(key, lineNo);
            if (before != null) {
                throw fail(source, lineNo, ID + " '" + id + "' is already used on line " + before
                        + (entries.get(indexOf(entries, before)).genomeId().equals(id) ? ""
                        : " as '" + entries.get(indexOf(entries, before)).genomeId() + "' (ids may not differ only in case)"));
            }
            if (input.isEmpty()) {
                throw fail(source, lineNo, "genome " + id + " has an empty " + INPUT);
            }
            Map<String, String> overrides = new LinkedHashMap<>();
            for (int c = 0; c < header.length; c++) {
                if (c != idColumn && c != inputColumn && !cell(cells, c).isEmpty()) {
                    overrides.put(header[c], cell(cells, c));
                }
            }
            entries.add(new ManifestEntry(id, input, overrides, lineNo));
        }
        if (header == null) {
            throw new ManifestException(source + ": empty manifest (no header line)");
        }
        if (entries.isEmpty()) {
            throw new ManifestException(source + ": no genome (the manifest has a header only)");
        }
        return new Manifest(source, entries);
    }

    private static int indexOf(List<ManifestEntry> entries, int line) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).line() == line) {
                return i;
            }
        }
        throw new IllegalStateException("no entry on line " + line);
    }

    private static void checkId(String source, int lineNo, String id) {
        if (!SAFE_ID.matcher(id).matches()) {
            throw fail(source, lineNo, ID + " '" + id + "' is not a safe folder name (letters, digits, '.', '_' "
                    + "and '-', starting with a letter or digit, at most 100 characters)");
        }
        if (RESERVED.contains(id)) {
            throw fail(source, lineNo, ID + " '" + id + "' is a name the batch uses itself");
        }
    }

    private static String cell(String[] cells, int c) {
        return c < cells.length ? cells[c] : "";
    }

    private static ManifestException fail(String source, int line, String what) {
        return new ManifestException(source + " line " + line + ": " + what);
    }

    /** Where the manifest was read from. */
    public String source() {
        return source;
    }

    /** The genomes, in manifest order. */
    public List<ManifestEntry> entries() {
        return entries;
    }
}
