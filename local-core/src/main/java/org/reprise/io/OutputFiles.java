package org.reprise.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The output files of one run, written under temporary names beside their final ones and renamed
 * only when all of them are complete: a run that fails leaves no file that looks finished (the
 * temporary ones are deleted by {@link #close()} unless {@link #commit()} ran).
 */
public final class OutputFiles implements OutputSink, AutoCloseable {
    private final String prefix;
    private final Map<Path, Path> pending = new LinkedHashMap<>();
    private final List<Path> scratch = new ArrayList<>();
    private boolean committed;

    /** Outputs are {@code prefix + suffix}; the prefix's folder must exist and be writable. */
    public OutputFiles(String prefix) throws IOException {
        this.prefix = prefix;
        Path parent = Path.of(prefix).toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IOException("output folder does not exist: " + parent);
        }
        if (parent != null && !Files.isWritable(parent)) {
            throw new IOException("output folder is not writable: " + parent);
        }
    }

    /** The final path of an output. */
    public Path path(String suffix) {
        return Path.of(prefix + suffix);
    }

    /** Opens a temporary file for an output; it becomes {@code prefix + suffix} on commit. */
    @Override
    public Writer open(String suffix) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(openStream(suffix), StandardCharsets.US_ASCII), 1 << 16);
    }

    @Override
    public OutputStream openStream(String suffix) throws IOException {
        Path target = path(suffix);
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        pending.put(tmp, target);
        return Files.newOutputStream(tmp);
    }

    /**
     * A working file beside the outputs (so on the same disk), never committed: deleted by
     * {@link #close()} whether the run succeeded or not.
     */
    public Path scratch(String suffix) {
        Path target = path(suffix);
        Path tmp = target.resolveSibling("." + target.getFileName() + ".scratch-" + ProcessHandle.current().pid());
        scratch.add(tmp);
        return tmp;
    }

    /** Renames every temporary file to its final name. */
    public void commit() throws IOException {
        for (Map.Entry<Path, Path> e : pending.entrySet()) {
            try {
                Files.move(e.getKey(), e.getValue(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException ex) {
                Files.move(e.getKey(), e.getValue(), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        committed = true;
    }

    public List<Path> committedPaths() {
        return committed ? new ArrayList<>(pending.values()) : List.of();
    }

    /** Deletes the scratch files and what was not committed. */
    @Override
    public void close() {
        for (Path tmp : scratch) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // Best effort: a hidden file with a scratch name.
            }
        }
        if (committed) {
            return;
        }
        for (Path tmp : pending.keySet()) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // Best effort: the file has a temporary name and cannot be taken for a result.
            }
        }
    }
}
