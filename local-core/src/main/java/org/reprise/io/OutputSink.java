package org.reprise.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * Where a run's output files go, by suffix ({@code ".reprof"}...): local files under temporary
 * names ({@link OutputFiles}) or a Spark job's output directory on any Hadoop file system. Each
 * file is opened once and closed by the caller; nothing is final before the sink's commit.
 */
public interface OutputSink {
    /** A text writer (UTF-8) of the file with this suffix. */
    Writer open(String suffix) throws IOException;

    /** A byte stream of the file with this suffix. */
    OutputStream openStream(String suffix) throws IOException;
}
