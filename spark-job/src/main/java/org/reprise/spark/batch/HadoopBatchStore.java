package org.reprise.spark.batch;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.reprise.batch.BatchStore;
import org.reprise.batch.InputStamp;
import org.reprise.batch.LocalBatchStore;
import org.reprise.spark.io.AtomicOutputDirectory;

import java.io.Closeable;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A batch's output root on any Hadoop file system (local, {@code hdfs://}, {@code s3a://}), for
 * the Spark job's batches; inputs may be on any of them too.
 *
 * <p><b>The lock.</b> On a local root, local-core's operating-system lock
 * ({@link LocalBatchStore#tryLock}), released by the system however the driver ends. Elsewhere,
 * {@value LocalBatchStore#LOCK} created exclusively (a create that fails if the file exists,
 * atomic on HDFS) and deleted on close; a driver killed with -9 leaves it, so a lock file whose
 * holder ran on this host under a process id that is no longer alive is taken over, and one from
 * another host is reported with its holder (delete it by hand when no batch runs).
 */
public final class HadoopBatchStore implements BatchStore {
    private final String rootUri;
    private final Configuration conf;
    private final FileSystem fs;
    private final Path root;
    private final boolean osLock;

    /**
     * @param rootUri the output root: a path (on Hadoop's default file system) or a URI
     * @throws IOException if its file system cannot be reached
     */
    public HadoopBatchStore(String rootUri, Configuration conf) throws IOException {
        this(rootUri, conf, true);
    }

    /** {@code osLock} false: the lock file of other file systems even on a local root (tests). */
    HadoopBatchStore(String rootUri, Configuration conf, boolean osLock) throws IOException {
        this.rootUri = Objects.requireNonNull(rootUri, "rootUri");
        this.conf = Objects.requireNonNull(conf, "conf");
        Path p = new Path(rootUri);
        FileSystem f = p.getFileSystem(conf);
        if (f instanceof LocalFileSystem local) {
            f = local.getRaw(); // no .crc side files beside the reports
        }
        this.fs = f;
        this.root = fs.makeQualified(p);
        this.osLock = osLock && "file".equals(root.toUri().getScheme());
    }

    @Override
    public String root() {
        return root.toString();
    }

    @Override
    public void createRoot() throws IOException {
        if (!fs.mkdirs(root)) {
            throw new IOException("cannot create output root " + root);
        }
    }

    @Override
    public String resolveInput(String manifestSource, String input) {
        Path in = new Path(input);
        if (in.isAbsolute() || in.toUri().getScheme() != null) {
            return in.toString();
        }
        Path manifest = new Path(manifestSource);
        Path base = manifest.getParent() == null ? new Path(".") : manifest.getParent();
        try {
            return base.getFileSystem(conf).makeQualified(new Path(base, in)).toString();
        } catch (IOException e) {
            return new Path(base, in).toString();
        }
    }

    @Override
    public InputStamp stamp(String resolvedInput) {
        try {
            Path p = new Path(resolvedInput);
            FileStatus s = p.getFileSystem(conf).getFileStatus(p);
            return s.isFile() ? new InputStamp(resolvedInput, s.getLen(), s.getModificationTime()) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public String genomeFolder(String genomeId) {
        return new Path(root, genomeId).toString();
    }

    @Override
    public boolean exists(String relative) throws IOException {
        return fs.exists(new Path(root, relative));
    }

    @Override
    public String read(String relative) throws IOException {
        try (FSDataInputStream in = fs.open(new Path(root, relative))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (FileNotFoundException e) {
            return null;
        }
    }

    /**
     * Written under a hidden name and renamed over the old file; on file systems whose rename
     * does not replace (HDFS), the old file is deleted just before, so a reader may for a moment
     * find none, never a half-written one.
     */
    @Override
    public void writeAtomically(String relative, String text) throws IOException {
        Path target = new Path(root, relative);
        Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp-" + ProcessHandle.current().pid()
                + "-" + Thread.currentThread().getId());
        try {
            try (FSDataOutputStream out = fs.create(tmp, true)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
            if (fs.exists(target) && !fs.delete(target, false)) {
                throw new IOException("cannot replace it");
            }
            if (!fs.rename(tmp, target)) {
                throw new IOException("cannot rename " + tmp + " to it");
            }
        } catch (IOException e) {
            fs.delete(tmp, false);
            throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void deleteLeftovers(String genomeId) throws IOException {
        Path folder = new Path(root, genomeId);
        if (!fs.exists(folder)) {
            return;
        }
        for (FileStatus s : fs.listStatus(folder)) {
            if (s.getPath().getName().startsWith(AtomicOutputDirectory.TEMPORARY_PREFIX)) {
                fs.delete(s.getPath(), true);
            }
        }
    }

    @Override
    public Closeable tryLock(String holder) throws IOException {
        createRoot();
        if (osLock) {
            return new LocalBatchStore(java.nio.file.Path.of(root.toUri())).tryLock(holder);
        }
        Path lock = new Path(root, LocalBatchStore.LOCK);
        String line = host() + "\t" + ProcessHandle.current().pid() + "\t" + holder;
        for (int attempt = 0; attempt < 2; attempt++) {
            try (FSDataOutputStream out = fs.create(lock, false)) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (FileAlreadyExistsException e) {
                if (attempt == 0 && heldByDeadProcessHere()) {
                    fs.delete(lock, false);
                    continue;
                }
                return null;
            }
            return () -> fs.delete(lock, false);
        }
        return null;
    }

    /** Whether the lock file names this host and a process id that is not alive. */
    private boolean heldByDeadProcessHere() {
        String[] f = rawLock().split("\t", 3);
        if (f.length < 3 || !f[0].equals(host())) {
            return false;
        }
        try {
            long pid = Long.parseLong(f[1]);
            return ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String rawLock() {
        try {
            String s = read(LocalBatchStore.LOCK);
            return s == null ? "" : s.strip();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public String lockHolder() {
        if (osLock) {
            return new LocalBatchStore(java.nio.file.Path.of(root.toUri())).lockHolder();
        }
        String[] f = rawLock().split("\t", 3);
        return f.length == 3 ? f[2] : "unknown";
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown host";
        }
    }
}
