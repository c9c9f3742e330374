package org.reprise.partition;

import org.reprise.mask.RangeMask;
import org.reprise.parallel.Workers;
import org.reprise.seeds.Candidate;
import org.reprise.seeds.CandidateColumns;
import org.reprise.seeds.UnmaskedCopies;
import org.reprise.util.DiskFault;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The genome-wide candidates with their copies as the count found them (every exact copy, after
 * the tandem filter), kept in working files, one per counting batch, so that the thin seeds' count
 * reads them back in order instead of counting the genome again: the same candidates as
 * {@link GenomeWideSeeds#unmaskedCandidates} (the copies' order and the tandem filter are the
 * count's), at the cost of a sequential write and read of a few bytes per copy. A batch's file is
 * written by the one worker that counts that batch.
 *
 * <p>A record: the representative's code, count and position, a palindrome flag, the forward and
 * reverse copy counts, then each side's positions as ascending differences, all unsigned varints.
 */
final class CandidateCopies implements AutoCloseable {
    private final Path[] files;
    private long bytes;

    /** One working file for each of {@code batches} batches, named by {@code scratch} (given a suffix). */
    CandidateCopies(Function<String, Path> scratch, int batches) {
        this.files = new Path[batches];
        for (int b = 0; b < batches; b++) {
            files[b] = scratch.apply(".candidate-copies-" + b);
        }
    }

    /** The writer of batch {@code b}'s candidates (one thread). */
    Sink sink(int b) {
        try {
            return new Sink(DiskFault.wrap(Files.newOutputStream(files[b])), files[b]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the working file " + files[b] + ": " + e.getMessage(), e);
        }
    }

    /** Writes one batch's candidates. */
    final class Sink implements AutoCloseable {
        private final OutputStream out;
        private final Path file;
        private final byte[] buf = new byte[1 << 16];
        private int at;

        private Sink(OutputStream out, Path file) {
            this.out = out;
            this.file = file;
        }

        void write(Candidate c) {
            boolean palindrome = c.reverse() == c.forward();
            varint(c.code());
            varint(c.count());
            varint(c.position());
            varint(palindrome ? 1 : 0);
            varint(c.forward().length);
            if (!palindrome) {
                varint(c.reverse().length);
            }
            ascending(c.forward());
            if (!palindrome) {
                ascending(c.reverse());
            }
        }

        private void ascending(long[] positions) {
            long last = 0;
            for (long p : positions) {
                varint(p - last);
                last = p;
            }
        }

        private void varint(long v) {
            if (at > buf.length - 10) {
                flush();
            }
            while ((v & ~0x7FL) != 0) {
                buf[at++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[at++] = (byte) v;
        }

        private void flush() {
            try {
                out.write(buf, 0, at);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the working file " + file + ": " + e.getMessage(), e);
            }
            synchronized (CandidateCopies.this) {
                bytes += at;
            }
            at = 0;
        }

        @Override
        public void close() {
            flush();
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the working file " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** Bytes written to the working files. */
    synchronized long bytes() {
        return bytes;
    }

    /**
     * The candidates that still have a copy {@code mask} leaves free, with those copies only, ranked
     * by all their copies ({@link GenomeWideSeeds#unmasked}'s rule), in no particular order: the
     * batches read by the workers side by side.
     *
     * @param tableCandidates how many candidates were written (the columns are allocated for them at once)
     * @param tableCopies     their copies
     */
    CandidateColumns unmasked(RangeMask mask, int k, Workers workers, int tableCandidates, long tableCopies) {
        CandidateColumns all = new CandidateColumns(tableCandidates, MemoryModel.passCopies(tableCandidates, tableCopies));
        workers.map(files.length, b -> {
            read(b, mask, k, all);
            return null;
        });
        return all;
    }

    /** Candidates a reader collects before it appends them to the whole (a batch is not held twice). */
    private static final int APPEND_EVERY = 1 << 16;

    private void read(int b, RangeMask mask, int k, CandidateColumns all) {
        CandidateColumns out = new CandidateColumns();
        long[] f = new long[16];
        long[] r = new long[16];
        try (Source in = new Source(Files.newInputStream(files[b]))) {
            while (in.more()) {
                long code = in.varint();
                int count = (int) in.varint();
                long position = in.varint();
                boolean palindrome = in.varint() == 1;
                int nf = (int) in.varint();
                int nr = palindrome ? nf : (int) in.varint();
                if (f.length < nf) {
                    f = new long[Math.max(nf, 2 * f.length)];
                }
                if (r.length < nr) {
                    r = new long[Math.max(nr, 2 * r.length)];
                }
                in.ascending(f, nf);
                int keptF = UnmaskedCopies.keep(f, nf, mask, k);
                int keptR;
                if (palindrome) {
                    keptR = keptF;
                } else {
                    in.ascending(r, nr);
                    keptR = UnmaskedCopies.keep(r, nr, mask, k);
                }
                if (keptF + keptR == 0) {
                    continue;
                }
                out.add(code, count, position, f, keptF, palindrome ? f : r, keptR);
                if (out.size() == APPEND_EVERY) {
                    synchronized (all) {
                        all.addAll(out);
                    }
                    out = new CandidateColumns();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back the working file " + files[b] + ": " + e.getMessage(), e);
        }
        synchronized (all) {
            all.addAll(out);
        }
    }

    /** Reads one batch's file. */
    private static final class Source implements AutoCloseable {
        private final InputStream in;
        private final byte[] buf = new byte[1 << 16];
        private int at;
        private int end;

        Source(InputStream in) {
            this.in = in;
        }

        boolean more() throws IOException {
            return at < end || fill();
        }

        private boolean fill() throws IOException {
            int n = in.read(buf);
            at = 0;
            end = Math.max(0, n);
            return n > 0;
        }

        long varint() throws IOException {
            long v = 0;
            for (int shift = 0; ; shift += 7) {
                if (at == end && !fill()) {
                    throw new EOFException("a record cut short");
                }
                byte x = buf[at++];
                v |= (long) (x & 0x7F) << shift;
                if (x >= 0) {
                    return v;
                }
            }
        }

        void ascending(long[] into, int n) throws IOException {
            long last = 0;
            for (int i = 0; i < n; i++) {
                last += varint();
                into[i] = last;
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Deletes the working files. */
    @Override
    public void close() {
        for (Path p : files) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a working file: OutputFiles deletes what is left when the run ends
            }
        }
    }

    @Override
    public String toString() {
        return "CandidateCopies" + Arrays.toString(files);
    }
}
