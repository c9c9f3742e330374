package org.reprise.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.api.Test;
import org.reprise.spark.partition.Chunk;
import org.reprise.spark.partition.GenomePartitioner;
import org.reprise.spark.partition.PartitionPlan;
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
                .partition(List.of("chrI", "empty", "chrII", "mito"), new long[] {4_321, 0, 999, 85});
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
