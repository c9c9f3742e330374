package org.reprise.genome;

/** Bad genome input: the message names the file, contig and line where that helps the user. */
public class GenomeFormatException extends RuntimeException {
    public GenomeFormatException(String message) {
        super(message);
    }

    public GenomeFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
