package org.reprise.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import org.apache.spark.serializer.KryoRegistrator;
import org.reprise.discover.Draft;
import org.reprise.extend.Extension;
import org.reprise.genome.ContigDictionary;
import org.reprise.partition.Chunk;
import org.reprise.partition.PartitionPlan;
import org.reprise.seeds.Candidate;
import org.reprise.spark.rounds.RoundsClasses;
import org.reprise.spark.seeds.SeedsClasses;

import java.util.ArrayList;
import java.util.List;

/**
 * Every class this job ships through Spark's serializer (shuffles, broadcasts, task results),
 * registered in one place so that {@code spark.kryo.registrationRequired=true} holds: an
 * unregistered class is a failure in tests, not a silent fall-back to writing class names.
 *
 * <p>Spark's own Kryo (kryo-shaded 4) is used. Value classes get hand-written serializers that
 * rebuild them through their constructors, so a value read back is checked like one made fresh
 * (Kryo's default field serializer would bypass the constructor, and would need a no-argument
 * one or Objenesis; Java records are not supported by Kryo 4 at all: give them a serializer here).
 *
 * <p>Add a class here when it starts travelling; {@code RepriseKryoRegistratorTest} round-trips
 * each one with registration required.
 */
public final class RepriseKryoRegistrator implements KryoRegistrator {

    @Override
    public void registerClasses(Kryo kryo) {
        kryo.register(Chunk.class, new ChunkSerializer());
        kryo.register(Chunk[].class);
        kryo.register(PartitionPlan.class, new PartitionPlanSerializer());
        kryo.register(ContigDictionary.class, new ContigDictionarySerializer());
        kryo.register(Candidate.class, new CandidateSerializer());
        kryo.register(Draft.class, new DraftSerializer());
        // The job's own data (field serializers: plain holders of primitive arrays, written by
        // Kryo's array serializers without per-element overhead).
        kryo.register(String[].class);
        kryo.register(long[].class);
        kryo.register(int[].class);
        kryo.register(byte[].class);
        kryo.register(long[][].class);
        // groupByKey's buffers, with the class tag they carry (when a group is spilled or moved)
        kryo.register(org.apache.spark.util.collection.CompactBuffer.class);
        kryo.register(org.apache.spark.util.collection.CompactBuffer[].class);
        registerByName(kryo, "scala.reflect.ManifestFactory$ObjectManifest");
        registerByName(kryo, "scala.reflect.ClassTag$GenericClassTag");
        SeedsClasses.register(kryo);
        RoundsClasses.register(kryo);
        org.reprise.spark.tasks.TasksClasses.register(kryo);
    }

    private static void registerByName(Kryo kryo, String name) {
        try {
            kryo.register(Class.forName(name));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Spark's Scala library lacks " + name, e);
        }
    }

    /** A {@link Chunk}: contig index and name, lengths and the two intervals as variable-length numbers. */
    public static final class ChunkSerializer extends Serializer<Chunk> {
        public ChunkSerializer() {
            setImmutable(true);
        }

        @Override
        public void write(Kryo kryo, Output out, Chunk c) {
            out.writeVarInt(c.contigIndex(), true);
            out.writeString(c.contigName());
            out.writeVarLong(c.contigLength(), true);
            writeIntervals(out, c);
        }

        @Override
        public Chunk read(Kryo kryo, Input in, Class<Chunk> type) {
            int contigIndex = in.readVarInt(true);
            String name = in.readString();
            long length = in.readVarLong(true);
            return readIntervals(in, contigIndex, name, length);
        }

        static void writeIntervals(Output out, Chunk c) {
            out.writeVarLong(c.coreStart(), true);
            out.writeVarLong(c.coreEnd(), true);
            out.writeVarLong(c.paddedStart(), true);
            out.writeVarLong(c.paddedEnd(), true);
        }

        static Chunk readIntervals(Input in, int contigIndex, String name, long length) {
            long coreStart = in.readVarLong(true);
            long coreEnd = in.readVarLong(true);
            long paddedStart = in.readVarLong(true);
            long paddedEnd = in.readVarLong(true);
            return new Chunk(contigIndex, name, length, coreStart, coreEnd, paddedStart, paddedEnd);
        }
    }

    /**
     * A {@link PartitionPlan} (broadcast to executors): the contig table once, then each partition's
     * chunks without their names; read back through {@link PartitionPlan#of}, which checks it whole.
     */
    public static final class PartitionPlanSerializer extends Serializer<PartitionPlan> {
        public PartitionPlanSerializer() {
            setImmutable(true);
        }

        @Override
        public void write(Kryo kryo, Output out, PartitionPlan plan) {
            ContigDictionarySerializer.writeContigs(out, plan.contigs());
            out.writeVarLong(plan.padding(), true);
            out.writeVarInt(plan.partitionCount(), true);
            for (int p = 0; p < plan.partitionCount(); p++) {
                List<Chunk> chunks = plan.partition(p);
                out.writeVarInt(chunks.size(), true);
                for (Chunk c : chunks) {
                    out.writeVarInt(c.contigIndex(), true);
                    ChunkSerializer.writeIntervals(out, c);
                }
            }
        }

        @Override
        public PartitionPlan read(Kryo kryo, Input in, Class<PartitionPlan> type) {
            ContigDictionary dictionary = ContigDictionarySerializer.readContigs(in);
            int contigs = dictionary.contigCount();
            long padding = in.readVarLong(true);
            int partitionCount = in.readVarInt(true);
            List<List<Chunk>> partitions = new ArrayList<>(partitionCount);
            for (int p = 0; p < partitionCount; p++) {
                int n = in.readVarInt(true);
                List<Chunk> chunks = new ArrayList<>(n);
                for (int j = 0; j < n; j++) {
                    int ci = in.readVarInt(true);
                    if (ci >= contigs) {
                        throw new IllegalArgumentException("serialized chunk names contig " + ci + " of " + contigs);
                    }
                    chunks.add(ChunkSerializer.readIntervals(in, ci, dictionary.contigName(ci), dictionary.contigLength(ci)));
                }
                partitions.add(chunks);
            }
            return PartitionPlan.of(dictionary, padding, partitions);
        }
    }

    /** A {@link ContigDictionary}: its source, then each contig's name and length; rebuilt through its factory. */
    public static final class ContigDictionarySerializer extends Serializer<ContigDictionary> {
        public ContigDictionarySerializer() {
            setImmutable(true);
        }

        @Override
        public void write(Kryo kryo, Output out, ContigDictionary d) {
            writeContigs(out, d);
        }

        @Override
        public ContigDictionary read(Kryo kryo, Input in, Class<ContigDictionary> type) {
            return readContigs(in);
        }

        static void writeContigs(Output out, ContigDictionary d) {
            out.writeString(d.source());
            out.writeVarInt(d.contigCount(), true);
            for (int i = 0; i < d.contigCount(); i++) {
                out.writeString(d.contigName(i));
                out.writeVarLong(d.contigLength(i), true);
            }
        }

        static ContigDictionary readContigs(Input in) {
            String source = in.readString();
            int n = in.readVarInt(true);
            List<String> names = new ArrayList<>(n);
            long[] lengths = new long[n];
            for (int i = 0; i < n; i++) {
                names.add(in.readString());
                lengths[i] = in.readVarLong(true);
            }
            return ContigDictionary.of(source, names, lengths);
        }
    }

    /** A seed {@link Candidate}; a palindrome's one copy list is written once. */
    public static final class CandidateSerializer extends Serializer<Candidate> {
        public CandidateSerializer() {
            setImmutable(true);
        }

        @Override
        public void write(Kryo kryo, Output out, Candidate c) {
            out.writeLong(c.code());
            out.writeVarInt(c.count(), true);
            out.writeVarLong(c.position(), true);
            writeLongs(out, c.forward());
            boolean palindrome = c.reverse() == c.forward();
            out.writeBoolean(palindrome);
            if (!palindrome) {
                writeLongs(out, c.reverse());
            }
        }

        @Override
        public Candidate read(Kryo kryo, Input in, Class<Candidate> type) {
            long code = in.readLong();
            int count = in.readVarInt(true);
            long position = in.readVarLong(true);
            long[] forward = readLongs(in);
            long[] reverse = in.readBoolean() ? forward : readLongs(in);
            return new Candidate(code, count, position, forward, reverse);
        }
    }

    /** A family {@link Draft}: both sides' bases and best steps, the element ends and the copies. */
    public static final class DraftSerializer extends Serializer<Draft> {
        public DraftSerializer() {
            setImmutable(true);
        }

        @Override
        public void write(Kryo kryo, Output out, Draft d) {
            writeSide(out, d.right());
            writeSide(out, d.left());
            writeLongs(out, d.elementEnds());
            writeLongs(out, d.forward());
            writeLongs(out, d.reverse());
        }

        @Override
        public Draft read(Kryo kryo, Input in, Class<Draft> type) {
            Extension right = readSide(in);
            Extension left = readSide(in);
            return new Draft(right, left, readLongs(in), readLongs(in), readLongs(in));
        }

        private static void writeSide(Output out, Extension side) {
            byte[] bases = side.bases();
            out.writeVarInt(bases.length, true);
            out.writeBytes(bases);
            out.writeVarInt(side.bestStep() + 1, true);
        }

        private static Extension readSide(Input in) {
            byte[] bases = in.readBytes(in.readVarInt(true));
            return new Extension(bases, in.readVarInt(true) - 1);
        }
    }

    private static void writeLongs(Output out, long[] values) {
        out.writeVarInt(values.length, true);
        out.writeLongs(values);
    }

    private static long[] readLongs(Input in) {
        return in.readLongs(in.readVarInt(true));
    }
}
