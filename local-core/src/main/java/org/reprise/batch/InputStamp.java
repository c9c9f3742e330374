package org.reprise.batch;

import java.util.Objects;

/**
 * What a batch knows of an input without reading it: its resolved path or URI, size in bytes and
 * modification time (milliseconds since the epoch). A genome whose input has another stamp than
 * the one its output records is run again.
 */
public record InputStamp(String input, long size, long modified) {
    public InputStamp {
        Objects.requireNonNull(input, "input");
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, got " + size);
        }
    }
}
