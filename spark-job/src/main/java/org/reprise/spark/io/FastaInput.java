package org.reprise.spark.io;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.reprise.genome.FastaGenomeReader;
import org.reprise.genome.GenomeFormatException;
import org.reprise.util.CompressedInput;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Opens a FASTA file named by a URI ({@code file://}, {@code hdfs://}, {@code s3a://} when
 * configured, or a plain path: Hadoop's default file system) through Hadoop's {@link FileSystem},
 * whatever its compression ({@link CompressedInput}, as local-core's {@link FastaGenomeReader#open}).
 * The parsing is local-core's.
 */
public final class FastaInput {
    private static final int BUFFER = 1 << 16;

    private FastaInput() {
    }

    /**
     * Opens the file for reading, decompressed.
     *
     * @throws GenomeFormatException if it does not exist, is a directory or is empty
     * @throws IOException on a file-system error
     */
    public static InputStream open(String uri, Configuration conf) throws IOException {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(conf, "conf");
        if (uri.isBlank()) {
            throw new GenomeFormatException("input URI is empty");
        }
        Path path = new Path(uri);
        FileSystem fs = path.getFileSystem(conf);
        FileStatus status;
        try {
            status = fs.getFileStatus(path);
        } catch (FileNotFoundException e) {
            throw new GenomeFormatException("input file not found: " + uri);
        }
        if (status.isDirectory()) {
            throw new GenomeFormatException("input is a directory, not a FASTA file: " + uri);
        }
        if (status.getLen() == 0) {
            throw new GenomeFormatException("input file is empty: " + uri);
        }
        return CompressedInput.open(fs.open(path, BUFFER));
    }
}
