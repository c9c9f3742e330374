package org.reprise.batch;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A batch's output root on a local (or mounted) file system, through java.nio. The lock is an
 * operating-system lock ({@link FileChannel#tryLock}) on {@value #LOCK} in the root: the system
 * releases it when the process ends, however it ends, so a killed run never leaves the root
 * locked.
 */
public final class LocalBatchStore implements BatchStore {
    /** The lock file's name in the root. */
    public static final String LOCK = "_batch.lock";
    /** Prefix of the temporary directories in a genome's folder. */
    public static final String TEMPORARY_PREFIX = "_temporary-";

    private final Path root;

    public LocalBatchStore(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    @Override
    public String root() {
        return root.toString();
    }

    /** The root as a path. */
    public Path rootPath() {
        return root;
    }

    @Override
    public void createRoot() throws IOException {
        try {
            Files.createDirectories(root);
        } catch (FileSystemException e) {
            throw new IOException("cannot create output root " + root + ": " + reason(e), e);
        }
    }

    @Override
    public String resolveInput(String manifestSource, String input) {
        if (input.startsWith("file:")) {
            return Path.of(java.net.URI.create(input)).toString();
        }
        if (input.matches("[A-Za-z][A-Za-z0-9+.-]*://.*")) {
            return input; // another file system: the run says it cannot read it
        }
        Path p = Path.of(input);
        if (p.isAbsolute()) {
            return p.normalize().toString();
        }
        Path manifest = Path.of(manifestSource).toAbsolutePath();
        Path base = manifest.getParent() == null ? Path.of("").toAbsolutePath() : manifest.getParent();
        return base.resolve(p).normalize().toString();
    }

    @Override
    public InputStamp stamp(String resolvedInput) {
        try {
            Path p = Path.of(resolvedInput);
            if (!Files.isRegularFile(p)) {
                return null;
            }
            return new InputStamp(resolvedInput, Files.size(p), Files.getLastModifiedTime(p).toMillis());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public String genomeFolder(String genomeId) {
        return root.resolve(genomeId).toString();
    }

    @Override
    public boolean exists(String relative) {
        return Files.exists(root.resolve(relative));
    }

    @Override
    public String read(String relative) throws IOException {
        try {
            return Files.readString(root.resolve(relative), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    @Override
    public void writeAtomically(String relative, String text) throws IOException {
        writeAtomically(root.resolve(relative), text);
    }

    /** Writes a file under a hidden temporary name beside it, then renames it over the old one. */
    public static void writeAtomically(Path target, String text) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid()
                + "-" + Thread.currentThread().getId());
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (FileSystemException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("cannot write " + target + ": " + reason(e), e);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void deleteLeftovers(String genomeId) throws IOException {
        Path folder = root.resolve(genomeId);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, TEMPORARY_PREFIX + "*")) {
            for (Path p : entries) {
                deleteTree(p);
            }
        }
    }

    /** Deletes a file or a directory with everything in it. */
    public static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(q);
            }
        }
    }

    @Override
    public Closeable tryLock(String holder) throws IOException {
        createRoot();
        Path file = root.resolve(LOCK);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (FileSystemException e) {
            throw new IOException("cannot open the batch lock " + file + ": " + reason(e), e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this very process (another batch in the same JVM)
        }
        if (lock == null) {
            channel.close();
            return null;
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((holder + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        FileLock held = lock;
        return () -> {
            try {
                held.release();
            } finally {
                channel.close();
            }
        };
    }

    @Override
    public String lockHolder() {
        try {
            String s = Files.readString(root.resolve(LOCK), StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? "unknown" : s;
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String reason(FileSystemException e) {
        return org.reprise.io.OutputFiles.reason(e);
    }
}
