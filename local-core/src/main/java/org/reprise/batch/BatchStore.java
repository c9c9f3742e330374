package org.reprise.batch;

import java.io.Closeable;
import java.io.IOException;

/**
 * The file system of a batch, seen from its output root: what the batch reads and writes besides
 * the genomes' own outputs (which each genome's run commits itself). One implementation per file
 * system API: {@link LocalBatchStore} (java.nio) here, a Hadoop one in the Spark job. Paths named
 * "relative" are relative to the root, with '/' separators.
 */
public interface BatchStore {
    /** The output root as given, for messages. */
    String root();

    /** Creates the root folder if it does not exist. */
    void createRoot() throws IOException;

    /**
     * The input of a manifest line as a genome's run opens it: an absolute path or a URI as it is;
     * a relative path against the manifest's folder.
     */
    String resolveInput(String manifestSource, String input);

    /** The input's stamp; null when it does not exist or cannot be looked at (its run will say why). */
    InputStamp stamp(String resolvedInput);

    /** Where a genome's outputs go: {@code ROOT/<genomeId>}. */
    String genomeFolder(String genomeId);

    /** Whether ROOT/relative exists. */
    boolean exists(String relative) throws IOException;

    /** The text of ROOT/relative, or null when there is no such file. */
    String read(String relative) throws IOException;

    /** Writes ROOT/relative under a temporary name and renames it: readers see the old or the new text. */
    void writeAtomically(String relative, String text) throws IOException;

    /** Deletes what killed runs left in a genome's folder (temporary directories); the batch lock is held. */
    void deleteLeftovers(String genomeId) throws IOException;

    /**
     * Takes the root's batch lock, or returns null when another run holds it. The lock lasts
     * until it is closed or the process dies.
     *
     * @param holder who takes it (process, host, time), kept in the lock file for the message of
     *               a run that finds it held
     */
    Closeable tryLock(String holder) throws IOException;

    /** Who holds the lock, as its holder wrote it (or "unknown"). */
    String lockHolder();
}
