package org.reprise.partition;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link PartitionResult} as bytes and back: what a Spark task returns to the driver (one array,
 * whatever the serializer), or what a run keeps of a finished partition. Sorted position lists
 * (copies, runs) are written as variable-length deltas. The format is this version's own, not an
 * interchange format.
 */
public final class PartitionResultCodec {
    private static final int VERSION = 3;

    private PartitionResultCodec() {
    }

    /** The result as bytes; {@link #decode} gives back an equal result. */
    public static byte[] encode(PartitionResult r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(VERSION);
            out.writeInt(r.partition());
            out.writeInt(r.families().size());
            for (PartitionResult.PartitionFamily f : r.families()) {
                out.writeLong(f.seed());
                out.writeUTF(f.seedLetters());
                out.writeInt(f.rankCount());
                out.writeLong(f.rankPosition());
                out.writeInt(f.copies());
                out.writeInt(f.priority());
                out.writeInt(f.order());
                writeString(out, f.consensus());
                out.writeInt(f.leftLength());
                out.writeInt(f.elements().size());
                for (PartitionResult.ClaimedElement e : f.elements()) {
                    writeElement(out, e);
                }
                writeSorted(out, f.forward());
                writeSorted(out, f.reverse());
            }
            writeSorted(out, r.failedRuns());
            writeSorted(out, r.retrySeeds());
            out.writeInt(r.counters().size());
            for (Map.Entry<String, Long> e : r.counters().entrySet()) {
                out.writeUTF(e.getKey());
                out.writeLong(e.getValue());
            }
            out.writeInt(r.seconds().size());
            for (Map.Entry<String, Double> e : r.seconds().entrySet()) {
                out.writeUTF(e.getKey());
                out.writeDouble(e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The result {@link #encode} wrote.
     *
     * @throws IllegalArgumentException if the bytes are not such a result
     */
    public static PartitionResult decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readInt();
            if (version != VERSION) {
                throw new IllegalArgumentException("partition result of format " + version + ", expected " + VERSION);
            }
            int partition = in.readInt();
            int n = in.readInt();
            List<PartitionResult.PartitionFamily> families = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                long seed = in.readLong();
                String letters = in.readUTF();
                int rankCount = in.readInt();
                long rankPosition = in.readLong();
                int copies = in.readInt();
                int priority = in.readInt();
                int order = in.readInt();
                String consensus = readString(in);
                int leftLength = in.readInt();
                int ne = in.readInt();
                List<PartitionResult.ClaimedElement> elements = new ArrayList<>(ne);
                for (int j = 0; j < ne; j++) {
                    elements.add(readElement(in));
                }
                long[] forward = readSorted(in);
                long[] reverse = readSorted(in);
                families.add(new PartitionResult.PartitionFamily(seed, letters, rankCount, rankPosition, copies, priority,
                        order, consensus, leftLength, elements, forward, reverse));
            }
            long[] runs = readSorted(in);
            long[] retrySeeds = readSorted(in);
            Map<String, Long> counters = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                counters.put(in.readUTF(), in.readLong());
            }
            Map<String, Double> seconds = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                seconds.put(in.readUTF(), in.readDouble());
            }
            return new PartitionResult(partition, families, runs, retrySeeds, counters, seconds);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a partition result: " + e.getMessage(), e);
        }
    }

    /** One element, as {@link #readElement} reads it back (the annotation's results use it too). */
    static void writeElement(DataOutputStream out, PartitionResult.ClaimedElement e) throws IOException {
        out.writeInt(e.contig());
        out.writeLong(e.start());
        out.writeLong(e.end());
        out.writeByte((e.reverse() ? 1 : 0) | (e.boundary() ? 2 : 0));
        out.writeLong(e.chunkCoreStart());
    }

    static PartitionResult.ClaimedElement readElement(DataInputStream in) throws IOException {
        int contig = in.readInt();
        long start = in.readLong();
        long end = in.readLong();
        int flags = in.readByte();
        return new PartitionResult.ClaimedElement(contig, start, end, (flags & 1) != 0, in.readLong(), (flags & 2) != 0);
    }

    /** A string of any length (writeUTF stops at 64 KB; a consensus may be 20 kb of letters, or more). */
    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Non-decreasing non-negative longs as a count and variable-length deltas. */
    private static void writeSorted(DataOutputStream out, long[] values) throws IOException {
        out.writeInt(values.length);
        long previous = 0;
        for (long v : values) {
            long d = v - previous;
            if (d < 0) {
                throw new IllegalArgumentException("positions must be non-decreasing: " + v + " after " + previous);
            }
            while ((d & ~0x7FL) != 0) {
                out.writeByte((int) ((d & 0x7F) | 0x80));
                d >>>= 7;
            }
            out.writeByte((int) d);
            previous = v;
        }
    }

    private static long[] readSorted(DataInputStream in) throws IOException {
        long[] values = new long[in.readInt()];
        long previous = 0;
        for (int i = 0; i < values.length; i++) {
            long d = 0;
            int shift = 0;
            int b;
            do {
                b = in.readUnsignedByte();
                d |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            previous += d;
            values[i] = previous;
        }
        return values;
    }
}
