package org.reprise.batch;

/**
 * A manifest or a batch option that cannot be used, found before any genome runs: a usage error
 * (exit 2). The message is one line naming the manifest and its line where that applies.
 */
public final class ManifestException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ManifestException(String message) {
        super(message);
    }
}
