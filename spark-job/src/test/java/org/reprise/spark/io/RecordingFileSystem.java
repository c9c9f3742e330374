package org.reprise.spark.io;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The local file system under the scheme {@code rec://}, recording creates, renames and deletes
 * in order, so tests can check what a commit did and in which order.
 */
public class RecordingFileSystem extends RawLocalFileSystem {
    static final List<String> OPERATIONS = new ArrayList<>();

    @Override
    public String getScheme() {
        return "rec";
    }

    @Override
    public URI getUri() {
        return URI.create("rec:///");
    }

    @Override
    public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
                                     short replication, long blockSize, Progressable progress) throws IOException {
        record("create " + f.toUri().getPath());
        return super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress);
    }

    @Override
    public FSDataOutputStream create(Path f, boolean overwrite, int bufferSize, short replication, long blockSize,
                                     Progressable progress) throws IOException {
        record("create " + f.toUri().getPath());
        return super.create(f, overwrite, bufferSize, replication, blockSize, progress);
    }

    @Override
    public boolean rename(Path src, Path dst) throws IOException {
        record("rename " + src.toUri().getPath() + " " + dst.toUri().getPath());
        return super.rename(src, dst);
    }

    @Override
    public boolean delete(Path p, boolean recursive) throws IOException {
        record("delete " + p.toUri().getPath());
        return super.delete(p, recursive);
    }

    private static void record(String op) {
        synchronized (OPERATIONS) {
            OPERATIONS.add(op);
        }
    }
}
