package org.reprise.spark.seeds;

import com.esotericsoftware.kryo.Kryo;

/** Kryo registration of this package's shuffled classes (their fields are package-private). */
public final class SeedsClasses {
    private SeedsClasses() {
    }

    public static void register(Kryo kryo) {
        kryo.register(KmerBlock.class);
        kryo.register(RankKey.class);
        kryo.register(RankKey[].class);
        kryo.register(long[][].class);
    }
}
