package org.reprise.spark.io;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * An output directory, named by a URI ({@code file://}, {@code hdfs://}, {@code s3a://} when
 * configured, or a path on Hadoop's default file system), that becomes visible all at once.
 *
 * <p><b>Contract.</b> Files are written under {@code <out>/_temporary-<id>/}; {@link #commit()}
 * renames each top-level entry into {@code <out>/} and then writes {@code <out>/_SUCCESS} last,
 * listing the committed names one per line. A directory with {@code _SUCCESS} is complete; a run
 * that fails or is killed leaves no {@code _SUCCESS} ({@link #close()} without commit deletes the
 * temporary directory, and {@code <out>} too if this run created it and it is empty). Names that
 * start with {@code _} or {@code .} are hidden from Hadoop and Spark readers, so a half-written
 * run is never read as data.
 *
 * <p><b>Existing output.</b> {@link #open} refuses an existing {@code <out>} that holds anything but
 * stale {@code _temporary-*} directories of killed runs (a {@link FileAlreadyExistsException}),
 * unless {@code overwrite}; a file at {@code <out>} is always refused. With {@code overwrite}, the old
 * contents are deleted only in {@link #commit()}, {@code _SUCCESS} first, so a run that fails
 * leaves the previous output as it was. The check is repeated at commit, so two runs racing for
 * one output do not mix their files silently (the second commit fails).
 *
 * <p>Renames are atomic per entry on HDFS and local disks, not across entries: a commit cut short
 * leaves some files in place without {@code _SUCCESS}. On object stores (s3a) a rename is a copy.
 *
 * <p>Not thread-safe: one driver thread opens, writes and commits. Local output goes through the
 * raw local file system, so no {@code .crc} side files appear next to the user's files.
 */
public final class AtomicOutputDirectory implements Closeable {
    /** Written last by {@link #commit()}; its presence marks a complete output. */
    public static final String SUCCESS = "_SUCCESS";
    /** Prefix of the temporary directory inside the output directory. */
    public static final String TEMPORARY_PREFIX = "_temporary-";

    private final FileSystem fs;
    private final Path output;
    private final Path temporary;
    private final boolean overwrite;
    private final boolean createdOutput;
    private final Set<TrackedStream> openStreams = new LinkedHashSet<>();
    private boolean committed;
    private boolean closed;

    private AtomicOutputDirectory(FileSystem fs, Path output, Path temporary, boolean overwrite, boolean createdOutput) {
        this.fs = fs;
        this.output = output;
        this.temporary = temporary;
        this.overwrite = overwrite;
        this.createdOutput = createdOutput;
    }

    /**
     * Opens {@code uri} for output and creates the temporary directory.
     *
     * @throws FileAlreadyExistsException if the output exists and is not empty (unless
     *         {@code overwrite}), or is a file
     * @throws IllegalArgumentException if the URI is blank
     * @throws IOException on a file-system error
     */
    public static AtomicOutputDirectory open(String uri, Configuration conf, boolean overwrite) throws IOException {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(conf, "conf");
        if (uri.isBlank()) {
            throw new IllegalArgumentException("output URI is empty");
        }
        Path path = new Path(uri);
        FileSystem fs = path.getFileSystem(conf);
        if (fs instanceof LocalFileSystem) {
            fs = ((LocalFileSystem) fs).getRaw();
        }
        Path output = fs.makeQualified(path);
        if (org.reprise.util.DiskFault.readOnly()) { // test-only: root writes anywhere, the hook stands in
            throw new java.nio.file.AccessDeniedException("output folder is not writable: " + uri);
        }
        boolean created = false;
        if (fs.exists(output)) {
            if (!fs.getFileStatus(output).isDirectory()) {
                throw new FileAlreadyExistsException("output " + uri
                        + " exists and is a file, not a directory; remove it or choose another output");
            }
            List<Path> existing = visibleEntries(fs, output, null);
            if (!existing.isEmpty() && !overwrite) {
                throw new FileAlreadyExistsException("output directory " + uri + " is not empty (" + existing.size()
                        + " entries, e.g. " + existing.get(0).getName() + "); use --overwrite to replace it");
            }
        } else {
            if (!fs.mkdirs(output)) {
                throw new IOException("cannot create output directory " + uri);
            }
            created = true;
        }
        String id = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        Path temporary = new Path(output, TEMPORARY_PREFIX + id);
        if (fs.exists(temporary) || !fs.mkdirs(temporary)) {
            throw new IOException("cannot create temporary directory " + temporary);
        }
        return new AtomicOutputDirectory(fs, output, temporary, overwrite, created);
    }

    /** Entries of {@code dir} that a reader would see: all but {@code _temporary-*} ones (and {@code skip}). */
    private static List<Path> visibleEntries(FileSystem fs, Path dir, Path skip) throws IOException {
        List<Path> out = new ArrayList<>();
        FileStatus[] statuses = fs.listStatus(dir);
        Arrays.sort(statuses, Comparator.comparing(s -> s.getPath().getName()));
        for (FileStatus s : statuses) {
            String name = s.getPath().getName();
            if (!name.startsWith(TEMPORARY_PREFIX) && !s.getPath().equals(skip)) {
                out.add(s.getPath());
            }
        }
        return out;
    }

    /**
     * Creates a file that will be {@code <out>/<name>} after commit. {@code name} is relative, may
     * have sub-directories ({@code a/b.txt}), and must not start with {@code _} or {@code .}.
     * Every stream must be closed before {@link #commit()}.
     */
    public OutputStream create(String name) throws IOException {
        Path target = temporaryPath(name);
        // DiskFault: a test-only stand-in for a full disk (no-op unless its property is set)
        TrackedStream stream = new TrackedStream(org.reprise.util.DiskFault.wrap(fs.create(target, false)), name);
        openStreams.add(stream);
        return stream;
    }

    /** {@link #create} as a buffered UTF-8 writer. */
    public Writer createWriter(String name) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(create(name), StandardCharsets.UTF_8), 1 << 16);
    }

    /**
     * Where {@code name} is written before commit: for writers that take a Hadoop path themselves
     * (e.g. an RDD's {@code saveAsTextFile} into a sub-directory). Nothing is created here.
     */
    public Path temporaryPath(String name) {
        checkOpen();
        return new Path(temporary, checkName(name));
    }

    /** Where {@code name} will be after commit. */
    public Path finalPath(String name) {
        return new Path(output, checkName(name));
    }

    private static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.startsWith("/") || name.contains(":") || name.contains("\\")) {
            throw new IllegalArgumentException("output name must be a relative path without ':' or '\\', got '"
                    + name + "'");
        }
        if (name.startsWith("_") || name.startsWith(".")) {
            throw new IllegalArgumentException("output name must not start with '_' or '.' (reserved for "
                    + SUCCESS + " and temporary files), got '" + name + "'");
        }
        for (String part : name.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new IllegalArgumentException("output name has an empty, '.' or '..' component: '" + name + "'");
            }
        }
        return name;
    }

    /**
     * Moves everything written into place and writes {@code _SUCCESS} last (see the class comment).
     *
     * @throws IllegalStateException if a stream from {@link #create} is still open, or already
     *         committed or closed
     * @throws FileAlreadyExistsException if, without overwrite, the output was filled meanwhile
     */
    public void commit() throws IOException {
        checkOpen();
        if (!openStreams.isEmpty()) {
            throw new IllegalStateException(openStreams.size() + " output file(s) still open, e.g. "
                    + openStreams.iterator().next().name + "; close them before commit");
        }
        List<Path> previous = visibleEntries(fs, output, temporary);
        if (!previous.isEmpty()) {
            if (!overwrite) {
                throw new FileAlreadyExistsException("output directory " + output + " was filled by someone else ("
                        + previous.get(0).getName() + "); nothing committed");
            }
            Path success = new Path(output, SUCCESS);
            if (fs.exists(success) && !fs.delete(success, false)) {
                throw new IOException("cannot delete " + success);
            }
            for (Path p : previous) {
                if (fs.exists(p) && !fs.delete(p, true)) {
                    throw new IOException("cannot delete old output " + p);
                }
            }
        }
        FileStatus[] entries = fs.listStatus(temporary);
        Arrays.sort(entries, Comparator.comparing(s -> s.getPath().getName()));
        StringBuilder names = new StringBuilder();
        for (FileStatus e : entries) {
            String name = e.getPath().getName();
            Path target = new Path(output, name);
            if (!fs.rename(e.getPath(), target)) {
                throw new IOException("cannot rename " + e.getPath() + " to " + target);
            }
            names.append(name).append('\n');
            if (names.indexOf("\n") == names.length() - 1) {
                org.reprise.util.PausePoint.reached("commit"); // tests kill a driver here, after its first rename
            }
        }
        if (!fs.delete(temporary, true)) {
            throw new IOException("cannot delete temporary directory " + temporary);
        }
        try (FSDataOutputStream out = fs.create(new Path(output, SUCCESS), false)) {
            out.write(names.toString().getBytes(StandardCharsets.UTF_8));
        }
        committed = true;
    }

    /**
     * Without a commit: closes the streams still open, deletes the temporary directory, and
     * deletes {@code <out>} if this run created it and it is empty. After a commit: nothing.
     * Idempotent; best effort (a failure to clean up is not thrown over the error that caused it).
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (committed) {
            return;
        }
        for (TrackedStream s : new ArrayList<>(openStreams)) {
            try {
                s.close();
            } catch (IOException ignored) {
                // the data is being thrown away anyway
            }
        }
        fs.delete(temporary, true);
        if (createdOutput && fs.exists(output) && fs.listStatus(output).length == 0) {
            fs.delete(output, false);
        }
    }

    private void checkOpen() {
        if (committed) {
            throw new IllegalStateException("output " + output + " is already committed");
        }
        if (closed) {
            throw new IllegalStateException("output " + output + " is closed");
        }
    }

    public boolean isCommitted() {
        return committed;
    }

    /** The output directory, fully qualified. */
    public Path outputPath() {
        return output;
    }

    /** The temporary directory, {@code <out>/_temporary-<id>}. */
    public Path temporaryDirectory() {
        return temporary;
    }

    public FileSystem fileSystem() {
        return fs;
    }

    /** An output stream that tells this directory when it is closed. */
    /**
     * An output stream that tells this directory when it is closed, and names the file it is for
     * in a write error ("cannot write DIR/NAME: No space left on device"), as the local CLI does.
     */
    private final class TrackedStream extends OutputStream {
        private final OutputStream out;
        private final String name;
        private boolean streamClosed;

        TrackedStream(OutputStream out, String name) {
            this.out = out;
            this.name = name;
        }

        private IOException named(IOException e) {
            return new IOException("cannot write " + output + "/" + name + ": " + e.getMessage(), e);
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw named(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw named(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw named(e);
            }
        }

        @Override
        public void close() throws IOException {
            if (streamClosed) {
                return;
            }
            streamClosed = true;
            try {
                out.close();
            } catch (IOException e) {
                throw named(e);
            } finally {
                openStreams.remove(this);
            }
        }
    }
}
