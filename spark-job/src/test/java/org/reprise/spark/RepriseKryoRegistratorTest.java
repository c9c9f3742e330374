package org.reprise.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.api.Test;
import org.reprise.discover.Draft;
import org.reprise.extend.Extension;
import org.reprise.genome.ContigDictionary;
import org.reprise.partition.Chunk;
import org.reprise.partition.GenomePartitioner;
import org.reprise.partition.PartitionPlan;
import org.reprise.seeds.Candidate;
import scala.Tuple2;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

import java.nio.ByteBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Round trips through Spark's KryoSerializer configured as conf/spark-defaults.conf does. */
class RepriseKryoRegistratorTest {

    static SparkConf kryoConf() {
        return new SparkConf(false)
                .set("spark.serializer", KryoSerializer.class.getName())
                .set("spark.kryo.registrator", RepriseKryoRegistrator.class.getName())
                .set("spark.kryo.registrationRequired", "true");
    }

    private static final SerializerInstance KRYO = new KryoSerializer(kryoConf()).newInstance();

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) {
        ClassTag<Object> tag = ClassTag$.MODULE$.Any();
        ByteBuffer bytes = KRYO.serialize(value, tag);
        return (T) KRYO.deserialize(bytes, tag);
    }

    private static PartitionPlan plan() {
        return GenomePartitioner.withTargetSize(1_000, 105)
                .partition(ContigDictionary.of("g.fa", List.of("chrI", "empty", "chrII", "mito"), new long[] {4_321, 0, 999, 85}));
    }

    @Test
    void chunkRoundTrips() {
        Chunk c = new Chunk(3, "scaffold_12", 1L << 33, 5_000_000_000L, 5_000_001_000L, 4_999_989_995L, 5_000_011_005L);
        Chunk back = roundTrip(c);
        assertEquals(c, back);
        assertEquals(c.toString(), back.toString());
    }

    @Test
    void chunkArraysAndPairsRoundTrip() {
        Chunk[] chunks = plan().chunks().toArray(new Chunk[0]);
        assertArrayEquals(chunks, roundTrip(chunks));
        Tuple2<Chunk, Long> pair = new Tuple2<>(chunks[1], 42L);
        assertEquals(pair, roundTrip(pair));
    }

    @Test
    void partitionPlanRoundTripsWhole() {
        PartitionPlan plan = plan();
        PartitionPlan back = roundTrip(plan);
        assertEquals(plan, back);
        assertEquals(plan.owner("chrI", 4_320), back.owner("chrI", 4_320));
        assertEquals(plan.ownerPartition(2, 500), back.ownerPartition(2, 500));
    }

    @Test
    void contigDictionaryRoundTrips() {
        ContigDictionary d = ContigDictionary.of("hdfs://nn/g.fa", List.of("a", "b <&>", "c"), new long[] {3_000_000_000L, 0, 7});
        ContigDictionary back = roundTrip(d);
        assertEquals(d, back);
        assertEquals("hdfs://nn/g.fa", back.source());
        assertEquals(2, back.contigIndexAt(3_000_000_000L));
    }

    @Test
    void candidatesRoundTripAndAPalindromeKeepsOneList() {
        Candidate c = new Candidate(12345L, 5, 3_000_000_001L, new long[] {3_000_000_001L, 9}, new long[] {4, 5, 6});
        Candidate back = roundTrip(c);
        assertEquals(c.code(), back.code());
        assertEquals(c.count(), back.count());
        assertEquals(c.position(), back.position());
        assertArrayEquals(c.forward(), back.forward());
        assertArrayEquals(c.reverse(), back.reverse());
        long[] both = {1, 600, 1200};
        Candidate palindrome = roundTrip(new Candidate(27L, 6, 1, both, both));
        assertTrue(palindrome.forward() == palindrome.reverse(), "a palindrome's two lists are one");
    }

    @Test
    void draftsRoundTrip() {
        Draft d = new Draft(new Extension(new byte[] {0, 1, 2, 3}, 2), new Extension(new byte[0], -1),
                new long[] {-3, 20, 0, 11, -1, 5}, new long[] {100, 5_000_000_000L}, new long[] {42});
        Draft back = roundTrip(d);
        assertTrue(back.madeFrom(new long[] {100, 5_000_000_000L}, new long[] {42}));
        assertArrayEquals(d.elementEnds(), back.elementEnds());
        assertArrayEquals(d.right().bases(), back.right().bases());
        assertEquals(2, back.right().bestStep());
        assertEquals(-1, back.left().bestStep());
        assertEquals(0, back.left().length());
    }

    @Test
    void registrationIsRequired() {
        Exception e = assertThrows(Exception.class, () -> KRYO.serialize(new NotRegistered(), ClassTag$.MODULE$.Any()));
        assertTrue(String.valueOf(e.getMessage()).contains("not registered"), e.toString());
    }

    static final class NotRegistered {
        int x = 1;
    }

    @Test
    void corruptChunkIsRejectedOnRead() {
        Kryo kryo = new KryoSerializer(kryoConf()).newKryo();
        Output out = new Output(64);
        kryo.writeObject(out, new Chunk(0, "c", 10, 2, 5, 0, 7));
        byte[] bytes = out.toBytes();
        bytes[bytes.length - 1] = 11; // paddedEnd 7 -> 11, past the contig end
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> kryo.readObject(new Input(bytes), Chunk.class));
        assertTrue(e.getMessage().contains("paddedEnd <= length"), e.getMessage());
    }
}
