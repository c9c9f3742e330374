package org.reprise.discover;

/** Hears how a long run advances; called from the thread running the discovery. */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {
    };

    /** A phase starts (e.g. "index", "seed candidates", "families"). */
    default void phase(String name) {
    }

    /** A figure worth telling while a phase runs (e.g. how a run was planned). */
    default void message(String text) {
    }

    /** Called after every seed taken from the queue. */
    default void seedDone(int seedsProcessed, int familiesReported, int seedsQueued) {
    }
}
