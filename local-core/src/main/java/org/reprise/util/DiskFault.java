package org.reprise.util;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test-only: output file systems that fail as a full disk or a read-only folder does, for tests
 * that cannot fill a disk or (running as root) cannot make a folder read-only.
 *
 * <p>With the system property {@value #PROPERTY} set to {@code full} or {@code full:BYTES}, the
 * output streams {@link #wrap} wraps throw {@code IOException("No space left on device")}, as the
 * JDK reports ENOSPC, once more than BYTES bytes (default 0) were written through all of them in
 * this JVM. With {@code readonly}, {@link #readOnly} is true and output folders count as not
 * writable. Without the property: one property lookup per output opened.
 */
public final class DiskFault {
    /** The system property naming the fault. */
    public static final String PROPERTY = "reprise.test.outputFault";
    /** The message of a write to a full disk, as the JDK gives it. */
    public static final String NO_SPACE = "No space left on device";

    private static final AtomicLong WRITTEN = new AtomicLong();

    private DiskFault() {
    }

    /** Whether output folders are to be taken as read-only. */
    public static boolean readOnly() {
        return "readonly".equals(System.getProperty(PROPERTY));
    }

    /** The stream, failing as on a full disk when the property asks for it; otherwise the stream itself. */
    public static OutputStream wrap(OutputStream out) {
        String spec = System.getProperty(PROPERTY);
        if (spec == null || !(spec.equals("full") || spec.startsWith("full:"))) {
            return out;
        }
        long room = spec.equals("full") ? 0 : Long.parseLong(spec.substring("full:".length()));
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                take(1);
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                take(len);
                out.write(b, off, len);
            }

            private void take(int n) throws IOException {
                if (WRITTEN.addAndGet(n) > room) {
                    throw new IOException(NO_SPACE);
                }
            }
        };
    }

    /** Forgets the bytes counted so far (tests call it before setting the property). */
    public static void reset() {
        WRITTEN.set(0);
    }
}
