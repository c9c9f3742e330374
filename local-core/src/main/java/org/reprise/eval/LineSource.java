package org.reprise.eval;

import org.reprise.util.CompressedInput;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a text file line by line, keeping the line number so that every reader can report
 * {@code file:line} in its errors. Compressed files are read through {@link CompressedInput}.
 */
final class LineSource implements Closeable {
    private static final int BUFFER = 1 << 16;

    private final Path file;
    private final BufferedReader reader;
    private long lineNumber;

    LineSource(Path file) throws IOException {
        this.file = file;
        this.reader = new BufferedReader(
                new InputStreamReader(open(file), StandardCharsets.UTF_8), BUFFER);
    }

    /** Opens a file, transparently decompressing gzip/BGZF ({@link CompressedInput}). */
    static InputStream open(Path file) throws IOException {
        return CompressedInput.open(Files.newInputStream(file));
    }

    /** The next line without its line terminator (a trailing '\r' is removed too), or null at the end. */
    String next() throws IOException {
        String line = reader.readLine();
        if (line == null) {
            return null;
        }
        lineNumber++;
        int n = line.length();
        if (n > 0 && line.charAt(n - 1) == '\r') {
            line = line.substring(0, n - 1);
        }
        return line;
    }

    Path file() {
        return file;
    }

    long lineNumber() {
        return lineNumber;
    }

    /** An error about the line last returned by {@link #next()}. */
    InputFormatException error(String problem) {
        return new InputFormatException(file, lineNumber, problem);
    }

    /** Parses a coordinate column, turning a bad number into an error that names the column. */
    long parseLong(String text, String column) throws InputFormatException {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw error(column + " is not an integer: '" + text + "'");
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
