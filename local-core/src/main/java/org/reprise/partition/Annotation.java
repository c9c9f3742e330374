package org.reprise.partition;

import org.reprise.align.Dna;
import org.reprise.discover.CopySource;
import org.reprise.discover.Draft;
import org.reprise.discover.Element;
import org.reprise.discover.Family;
import org.reprise.discover.FamilyCommit;
import org.reprise.discover.IndexCopies;
import org.reprise.extend.ElementAligner;
import org.reprise.extend.Extension;
import org.reprise.extend.SeedCopies;
import org.reprise.genome.ContigDictionary;
import org.reprise.index.KmerIndex;
import org.reprise.mask.Bitmask;
import org.reprise.params.Parameters;
import org.reprise.parallel.Workers;
import org.reprise.seeds.UnmaskedCopies;
import org.reprise.util.LongBuffer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One partition annotated with an ordered library (docs/ALGORITHM.md, partitioned strategy, step
 * 6): for each entry in library order, its seed's copies in the partition's chunk cores (as the
 * family loop finds them, tandem filter included: with -dist 0 by one scan for the library's seeds,
 * {@link ScannedCopies}, else from a k-mer index) that the partition's repeat mask
 * leaves free are each aligned to the entry's consensus for their element (REPrise's element
 * alignment), and committed as the family loop commits a draft: every element masks, those of at
 * least minlength are reported. It is the family loop with the drafting done: a family's masking
 * is local, only its consensus needed copies from everywhere. Depends on the partition and the
 * library alone, not on the threads.
 */
public final class Annotation {
    /** Copies from which one entry's alignments are shared among the workers. */
    static final int SPLIT_FROM = 64;

    private Annotation() {
    }

    /**
     * A library entry: the seed and the consensus as the two sides the extension grew from it
     * ({@link Extension}: the left side outwards from the base before the seed).
     */
    public record Entry(long seed, String seedLetters, Extension left, Extension right) {
        /** The entry of a consensus whose seed starts at {@code leftLength}. */
        public static Entry of(long seed, String seedLetters, String consensus, int leftLength) {
            byte[] codes = Dna.encode(consensus);
            byte[] left = new byte[leftLength];
            for (int i = 0; i < leftLength; i++) {
                left[i] = codes[leftLength - 1 - i];
            }
            byte[] right = java.util.Arrays.copyOfRange(codes, leftLength, codes.length);
            return new Entry(seed, seedLetters, new Extension(left, leftLength - 1),
                    new Extension(right, right.length - 1));
        }

        public String consensus() {
            return Extension.consensus(left, right);
        }
    }

    /**
     * What one partition's annotation found.
     *
     * @param copies     per library entry, its seed's copies the partition's mask left free at its turn
     * @param elements   per library entry, its reported elements in genome coordinates
     * @param forward    per library entry, those copies on the forward strand (genome positions, ascending)
     * @param reverse    per library entry, those on the reverse strand
     * @param repeatRuns the partition's repeat mask after the annotation, as genome intervals
     *                   ({@code [2i], [2i+1]} half-open, ascending)
     */
    public record Result(int partition, int[] copies, List<List<PartitionResult.ClaimedElement>> elements,
                         List<long[]> forward, List<long[]> reverse, long[] repeatRuns, double seconds) {
    }

    /** Annotates {@code part} with {@code library}, in library order. */
    public static Result run(PartitionGenome part, List<Entry> library, Parameters params, Workers workers) {
        long t = System.nanoTime();
        int k = params.k;
        CopySource source;
        if (params.dist == 0) {
            long[] seeds = new long[library.size()];
            for (int e = 0; e < seeds.length; e++) {
                seeds[e] = library.get(e).seed();
            }
            source = new ScannedCopies(part.genome(), k, part.owned(), seeds, params.tandemDist);
        } else {
            source = new IndexCopies(KmerIndex.build(part.genome(), k, workers, part.owned()), params.dist,
                    params.tandemDist);
        }
        ContigDictionary local = part.genome().dictionary();
        Bitmask repeatMask = new Bitmask(local.length());
        FamilyCommit commit = new FamilyCommit(local, params, repeatMask, new Bitmask(local.length()));
        ElementAligner aligner = new ElementAligner(params);
        LongBuffer fwd = new LongBuffer(256);
        LongBuffer rev = new LongBuffer(256);
        int[] copies = new int[library.size()];
        List<List<PartitionResult.ClaimedElement>> elements = new ArrayList<>(library.size());
        List<long[]> forward = new ArrayList<>(library.size());
        List<long[]> reverse = new ArrayList<>(library.size());
        long[] none = new long[0];
        for (int e = 0; e < library.size(); e++) {
            Entry entry = library.get(e);
            source.copies(entry.seed(), fwd, rev);
            UnmaskedCopies.keep(fwd, repeatMask, k);
            UnmaskedCopies.keep(rev, repeatMask, k);
            int n = fwd.size() + rev.size();
            copies[e] = n;
            if (n == 0) {
                elements.add(List.of());
                forward.add(none);
                reverse.add(none);
                continue;
            }
            long[] f = fwd.toArray();
            long[] r = rev.toArray();
            forward.add(part.genomePositions(f));
            reverse.add(part.genomePositions(r));
            Draft draft = new Draft(entry.right(), entry.left(), alignAll(part, k, f, r, entry, aligner, params, workers),
                    f, r);
            Family family = commit.commit(entry.seedLetters(), 0, draft);
            List<PartitionResult.ClaimedElement> found = new ArrayList<>(family == null ? 0 : family.elements().size());
            if (family != null) {
                for (Element x : family.elements()) {
                    found.add(part.claimed(x));
                }
            }
            elements.add(found);
        }
        return new Result(part.partition(), copies, elements, forward, reverse, PartitionDiscovery.repeatRuns(part, repeatMask),
                (System.nanoTime() - t) / 1e9);
    }

    /** Every copy's element against the entry's sides; shared among the workers for many copies. */
    private static long[] alignAll(PartitionGenome part, int k, long[] f, long[] r, Entry entry, ElementAligner aligner,
                                   Parameters params, Workers workers) {
        int n = f.length + r.length;
        long[] positions = new long[n];
        boolean[] strand = new boolean[n];
        System.arraycopy(f, 0, positions, 0, f.length);
        System.arraycopy(r, 0, positions, f.length, r.length);
        for (int i = f.length; i < n; i++) {
            strand[i] = true;
        }
        SeedCopies reads = new SeedCopies(part.genome(), k, positions, strand);
        long[] ends = new long[2 * n];
        if (n < SPLIT_FROM || workers.threads() == 1) {
            for (int i = 0; i < n; i++) {
                long[] x = aligner.align(reads, i, entry.right(), entry.left());
                ends[2 * i] = x[0];
                ends[2 * i + 1] = x[1];
            }
            return ends;
        }
        int pieces = Math.min(n / 16, 4 * workers.threads());
        workers.map(pieces, piece -> {
            ElementAligner own = new ElementAligner(params);
            for (int i = n * piece / pieces, to = n * (piece + 1) / pieces; i < to; i++) {
                long[] x = own.align(reads, i, entry.right(), entry.left());
                ends[2 * i] = x[0];
                ends[2 * i + 1] = x[1];
            }
            return null;
        });
        return ends;
    }

    /** The library as bytes, for a Spark broadcast (no serializer of its own needed). */
    public static byte[] encodeLibrary(List<Entry> library) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(library.size());
            for (Entry e : library) {
                out.writeLong(e.seed());
                out.writeUTF(e.seedLetters());
                writeSide(out, e.left());
                writeSide(out, e.right());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static List<Entry> decodeLibrary(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int n = in.readInt();
            List<Entry> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                long seed = in.readLong();
                String letters = in.readUTF();
                Extension left = readSide(in);
                out.add(new Entry(seed, letters, left, readSide(in)));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a library: " + e.getMessage(), e);
        }
    }

    /** A result as bytes: what a Spark task returns to the driver. */
    public static byte[] encode(Result r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(r.partition());
            out.writeInt(r.copies().length);
            for (int e = 0; e < r.copies().length; e++) {
                out.writeInt(r.copies()[e]);
                List<PartitionResult.ClaimedElement> l = r.elements().get(e);
                out.writeInt(l.size());
                for (PartitionResult.ClaimedElement x : l) {
                    PartitionResultCodec.writeElement(out, x);
                }
                writeLongs(out, r.forward().get(e));
                writeLongs(out, r.reverse().get(e));
            }
            out.writeInt(r.repeatRuns().length);
            for (long v : r.repeatRuns()) {
                out.writeLong(v);
            }
            out.writeDouble(r.seconds());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static Result decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int partition = in.readInt();
            int n = in.readInt();
            int[] copies = new int[n];
            List<List<PartitionResult.ClaimedElement>> elements = new ArrayList<>(n);
            List<long[]> forward = new ArrayList<>(n);
            List<long[]> reverse = new ArrayList<>(n);
            for (int e = 0; e < n; e++) {
                copies[e] = in.readInt();
                int m = in.readInt();
                List<PartitionResult.ClaimedElement> l = new ArrayList<>(m);
                for (int j = 0; j < m; j++) {
                    l.add(PartitionResultCodec.readElement(in));
                }
                elements.add(l);
                forward.add(readLongs(in));
                reverse.add(readLongs(in));
            }
            long[] runs = new long[in.readInt()];
            for (int i = 0; i < runs.length; i++) {
                runs[i] = in.readLong();
            }
            return new Result(partition, copies, elements, forward, reverse, runs, in.readDouble());
        } catch (IOException e) {
            throw new IllegalArgumentException("not an annotation result: " + e.getMessage(), e);
        }
    }

    private static void writeLongs(DataOutputStream out, long[] v) throws IOException {
        out.writeInt(v.length);
        for (long x : v) {
            out.writeLong(x);
        }
    }

    private static long[] readLongs(DataInputStream in) throws IOException {
        long[] v = new long[in.readInt()];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readLong();
        }
        return v;
    }

    private static void writeSide(DataOutputStream out, Extension side) throws IOException {
        out.writeInt(side.bestStep());
        byte[] b = side.bases();
        out.writeInt(b.length);
        out.write(b);
    }

    private static Extension readSide(DataInputStream in) throws IOException {
        int best = in.readInt();
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new Extension(b, best);
    }
}
