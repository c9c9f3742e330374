package org.reprise.eval;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A malformed or inconsistent line in an input file. The message always names the file and,
 * when there is one, the 1-based line number, so the command can print it as a single line
 * that the user can jump to ({@code file:line: what is wrong}).
 */
public final class InputFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long lineNumber;

    /**
     * @param file       the offending file
     * @param lineNumber 1-based line number, or 0 when the problem is not tied to one line
     * @param problem    what is wrong, without the file name
     */
    public InputFormatException(Path file, long lineNumber, String problem) {
        super(lineNumber > 0 ? file + ":" + lineNumber + ": " + problem : file + ": " + problem);
        this.file = file;
        this.lineNumber = lineNumber;
    }

    public Path file() {
        return file;
    }

    /** 1-based line number, 0 when the problem concerns the whole file. */
    public long lineNumber() {
        return lineNumber;
    }
}
