package org.reprise.spark.reconcile;

import com.esotericsoftware.kryo.Kryo;

/** Kryo registration of this package's shuffled and broadcast classes. */
public final class ReconcileClasses {
    private ReconcileClasses() {
    }

    public static void register(Kryo kryo) {
        kryo.register(Flank.class);
        kryo.register(RemoteDraft.class);
        kryo.register(RoundPlan.class);
    }
}
