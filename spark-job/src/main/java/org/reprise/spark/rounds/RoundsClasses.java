package org.reprise.spark.rounds;

import com.esotericsoftware.kryo.Kryo;

/** Kryo registration of this package's shuffled and broadcast classes. */
public final class RoundsClasses {
    private RoundsClasses() {
    }

    public static void register(Kryo kryo) {
        kryo.register(Flank.class);
        kryo.register(RoundPlan.class);
    }
}
