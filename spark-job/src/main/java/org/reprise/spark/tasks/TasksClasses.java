package org.reprise.spark.tasks;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import org.reprise.partition.GenomeWideSeeds;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Kryo registration of what the partitioned strategy ships: the genome-wide table (a broadcast), candidates collected in arrays. */
public final class TasksClasses {
    private TasksClasses() {
    }

    public static void register(Kryo kryo) {
        kryo.register(GenomeWideSeeds.class, new GenomeWideSeedsSerializer());
        kryo.register(org.reprise.seeds.Candidate[].class);
    }

    /** The table through its own byte form ({@link GenomeWideSeeds#writeTo}). */
    public static final class GenomeWideSeedsSerializer extends Serializer<GenomeWideSeeds> {
        public GenomeWideSeedsSerializer() {
            setImmutable(true);
        }

        @Override
        public void write(Kryo kryo, Output output, GenomeWideSeeds table) {
            try {
                DataOutputStream out = new DataOutputStream(output);
                table.writeTo(out);
                out.flush();
            } catch (IOException e) {
                throw new KryoException(e);
            }
        }

        @Override
        public GenomeWideSeeds read(Kryo kryo, Input input, Class<GenomeWideSeeds> type) {
            try {
                return GenomeWideSeeds.readFrom(new DataInputStream(input));
            } catch (IOException e) {
                throw new KryoException(e);
            }
        }
    }
}
