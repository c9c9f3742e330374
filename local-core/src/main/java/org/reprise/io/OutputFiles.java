package org.reprise.io;

import org.reprise.util.DiskFault;
import org.reprise.util.PausePoint;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The output files of one run, written under temporary names beside their final ones and renamed
 * only when all of them are complete: a run that fails leaves no file that looks finished (the
 * temporary ones are deleted by {@link #close()} unless {@link #commit()} ran).
 *
 * <p><b>The mark of a finished run</b> is the output opened last (the CLI opens its summary
 * last): {@link #commit()} deletes its old copy before the first rename and renames it after all
 * the others, so a commit cut short (a kill between two renames) never leaves that mark beside a
 * mix of old and new files.
 *
 * <p><b>Leftovers of killed runs</b> (hidden temporary and scratch files named after this prefix
 * whose process is gone) are deleted when the next run on the same prefix starts.
 *
 * <p>Every write failure (a full disk, a read-only folder) is an {@link IOException} whose one-line
 * message names the output and the system's reason; the previous outputs stay as they were.
 */
public final class OutputFiles implements OutputSink, AutoCloseable {
    private static final Pattern LEFTOVER = Pattern.compile("\\.(.+)\\.(?:tmp|scratch)-(\\d+)");

    private final String prefix;
    private final Map<Path, Path> pending = new LinkedHashMap<>();
    private final List<Path> scratch = new ArrayList<>();
    private boolean committed;

    /**
     * Outputs are {@code prefix + suffix}; the prefix's folder must exist and be writable.
     *
     * @throws IOException if the folder is missing or not writable
     */
    public OutputFiles(String prefix) throws IOException {
        this.prefix = prefix;
        Path parent = Path.of(prefix).toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IOException("output folder does not exist: " + parent);
        }
        if (parent != null && (!Files.isWritable(parent) || DiskFault.readOnly())) {
            throw new IOException("output folder is not writable: " + parent);
        }
        deleteLeftovers();
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

    /** {@link #open} as bytes. */
    @Override
    public OutputStream openStream(String suffix) throws IOException {
        Path target = path(suffix);
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        pending.remove(tmp);
        pending.put(tmp, target);
        return create(tmp, target.toString());
    }

    /**
     * A working file beside the outputs (so on the same disk), never committed: deleted by
     * {@link #close()} whether the run succeeded or not.
     */
    public Path scratch(String suffix) {
        Path target = path(suffix);
        Path tmp = target.resolveSibling("." + target.getFileName() + ".scratch-" + ProcessHandle.current().pid());
        if (!scratch.contains(tmp)) {
            scratch.add(tmp);
        }
        return tmp;
    }

    /** Opens the file {@link #scratch} names for writing, with write failures named as for the outputs. */
    public OutputStream openScratch(String suffix) throws IOException {
        Path tmp = scratch(suffix);
        return create(tmp, tmp + " (a working file beside the outputs)");
    }

    private static OutputStream create(Path tmp, String name) throws IOException {
        try {
            return new Named(DiskFault.wrap(Files.newOutputStream(tmp)), name);
        } catch (AccessDeniedException e) {
            throw new IOException("cannot create output " + name + ": permission denied", e);
        } catch (FileSystemException e) {
            throw new IOException("cannot create output " + name + ": " + reason(e), e);
        }
    }

    /**
     * Renames every temporary file to its final name, the last one opened last (see the class
     * comment).
     *
     * @throws IOException if a rename fails; what was renamed stays, the mark of a finished run
     *         is not written
     */
    public void commit() throws IOException {
        List<Map.Entry<Path, Path>> order = new ArrayList<>(pending.entrySet());
        if (!order.isEmpty()) {
            Files.deleteIfExists(order.get(order.size() - 1).getValue());
        }
        int renamed = 0;
        for (Map.Entry<Path, Path> e : order) {
            try {
                Files.move(e.getKey(), e.getValue(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException ex) {
                Files.move(e.getKey(), e.getValue(), StandardCopyOption.REPLACE_EXISTING);
            } catch (FileSystemException ex) {
                throw new IOException("cannot rename " + e.getKey() + " to " + e.getValue() + ": " + reason(ex), ex);
            }
            if (++renamed == 1) {
                PausePoint.reached("commit");
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

    /**
     * Deletes hidden temporary and scratch files of this prefix left by runs that were killed:
     * those whose process id is no longer a live process (a live one may be another run writing
     * the same prefix right now, and is left alone).
     */
    private void deleteLeftovers() {
        Path target = Path.of(prefix).toAbsolutePath();
        Path parent = target.getParent();
        String name = target.getFileName() == null ? "" : target.getFileName().toString();
        if (parent == null || name.isEmpty()) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, "." + globEscape(name) + "*")) {
            for (Path p : entries) {
                Matcher m = LEFTOVER.matcher(p.getFileName().toString());
                if (!m.matches() || !m.group(1).startsWith(name)) {
                    continue;
                }
                long pid = Long.parseLong(m.group(2));
                if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                if (pid == ProcessHandle.current().pid() && (pending.containsKey(p) || scratch.contains(p))) {
                    continue;
                }
                Files.deleteIfExists(p);
            }
        } catch (IOException | NumberFormatException ignored) {
            // Best effort: leftovers are hidden files that no reader takes for results.
        }
    }

    private static String globEscape(String s) {
        return s.replaceAll("([*?\\[\\]{}\\\\])", "\\\\$1");
    }

    /** The system's reason of a file-system error, without the path Java puts first. */
    public static String reason(FileSystemException e) {
        if (e.getReason() != null) {
            return e.getReason();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof java.nio.file.NotDirectoryException) {
            return "not a directory";
        }
        return e.getClass().getSimpleName();
    }

    /** An output stream whose write failures name the output (Java's say only "No space left on device"). */
    private static final class Named extends FilterOutputStream {
        private final String name;

        Named(OutputStream out, String name) {
            super(out);
            this.name = name;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                out.close();
            } catch (IOException e) {
                throw failed(e);
            }
        }

        private IOException failed(IOException e) {
            String why = e instanceof FileSystemException f ? reason(f) : e.getMessage();
            return new IOException("cannot write " + name + ": " + why, e);
        }
    }
}
