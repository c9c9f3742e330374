package org.reprise.io;

import org.reprise.batch.LocalBatchStore;
import org.reprise.util.DiskFault;
import org.reprise.util.PausePoint;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A local output directory that becomes complete all at once, as the Spark job's
 * {@code AtomicOutputDirectory} does on Hadoop file systems (the same contract, for the local
 * batch): files are written under {@code DIR/_temporary-<id>/}; {@link #commit()} deletes the
 * old {@code DIR/_SUCCESS}, then the old outputs, renames each new entry into {@code DIR/} and
 * writes {@code DIR/_SUCCESS} last, listing the names. A directory without {@code _SUCCESS} is
 * not finished, whatever else it holds; a run killed before or during the commit leaves none.
 * {@link #close()} without a commit deletes the temporary directory (a kill leaves it: the next
 * batch run on the folder deletes it). Not thread-safe.
 */
public final class OutputDirectory implements AutoCloseable {
    /** Written last by {@link #commit()}. */
    public static final String SUCCESS = "_SUCCESS";

    private final Path dir;
    private final Path temporary;
    private final boolean createdDir;
    private boolean committed;

    private OutputDirectory(Path dir, Path temporary, boolean createdDir) {
        this.dir = dir;
        this.temporary = temporary;
        this.createdDir = createdDir;
    }

    /**
     * Creates {@code dir} if needed and a new temporary directory in it.
     *
     * @throws IOException naming the directory and the system's reason (read-only, full)
     */
    public static OutputDirectory open(Path dir) throws IOException {
        String id = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        Path temporary = dir.resolve(LocalBatchStore.TEMPORARY_PREFIX + id);
        boolean created = !Files.exists(dir);
        try {
            if (DiskFault.readOnly()) {
                throw new java.nio.file.AccessDeniedException(dir.toString());
            }
            Files.createDirectories(temporary);
        } catch (FileSystemException e) {
            throw new IOException("cannot create output directory " + dir + ": " + OutputFiles.reason(e), e);
        }
        return new OutputDirectory(dir, temporary, created);
    }

    /** Where the outputs are written before the commit. */
    public Path temporary() {
        return temporary;
    }

    /** Moves the new outputs into place, {@code _SUCCESS} last (see the class comment). */
    public void commit() throws IOException {
        if (committed) {
            throw new IllegalStateException(dir + " is already committed");
        }
        try {
            Files.deleteIfExists(dir.resolve(SUCCESS));
            for (Path old : entries(dir)) {
                if (!old.getFileName().toString().startsWith(LocalBatchStore.TEMPORARY_PREFIX)) {
                    LocalBatchStore.deleteTree(old);
                }
            }
            StringBuilder names = new StringBuilder();
            int moved = 0;
            for (Path p : entries(temporary)) {
                Path target = dir.resolve(p.getFileName().toString());
                try {
                    Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(p, target);
                }
                names.append(p.getFileName()).append('\n');
                if (++moved == 1) {
                    PausePoint.reached("batch-commit");
                }
            }
            Files.delete(temporary);
            LocalBatchStore.writeAtomically(dir.resolve(SUCCESS), names.toString());
        } catch (FileSystemException e) {
            throw new IOException("cannot commit " + dir + ": " + e.getFile() + ": " + OutputFiles.reason(e), e);
        }
        committed = true;
    }

    private static List<Path> entries(Path d) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(d)) {
            for (Path p : s) {
                out.add(p);
            }
        }
        out.sort(null);
        return out;
    }

    /** Without a commit, deletes the temporary directory, and the directory if this run made it; best effort. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            LocalBatchStore.deleteTree(temporary);
            if (createdDir) {
                try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
                    if (!s.iterator().hasNext()) {
                        Files.delete(dir);
                    }
                }
            }
        } catch (IOException ignored) {
            // a hidden _temporary-* directory; the next batch run deletes it
        }
    }
}
