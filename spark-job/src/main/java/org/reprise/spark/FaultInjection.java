package org.reprise.spark;

import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;

import java.io.File;
import java.io.IOException;
import java.util.Locale;

/**
 * Test-only failures inside the job's tasks, to show that a task that throws, or whose executor
 * dies while it works on a partition, is retried and the outputs do not change.
 *
 * <p>The Spark setting {@value #SETTING} (a local property of the submitting thread, or a
 * {@code --conf} of the application) holds {@code STAGE:PARTITION:ACTION}: at {@link #at}
 * ({@code STAGE}), in the task of partition {@code PARTITION} on its first attempt (task and stage
 * attempt 0), {@code throw} throws an {@link InjectedFault} and {@code exit} halts the executor's
 * JVM (executors only: in local mode it would take the driver with it, so it throws instead);
 * {@code fail} throws on every attempt, so that the run fails (to show what the user sees when
 * retries do not help).
 * With {@value #MARKER} naming a file, the fault fires once: the first firing creates the file,
 * and no fault fires while it exists (a partition recomputed later in another stage, after its
 * executor died, is left alone).
 *
 * <p>Stages: {@code partitions} (a partition read its chunks), {@code counting} (a k-mer reducer
 * took its blocks), {@code drafting} (a round's task drafts a seed), {@code discovery} (a
 * partitioned-strategy task found its partition's families). Without the setting, one
 * property lookup per call.
 */
public final class FaultInjection {
    /** The setting naming the fault: {@code STAGE:PARTITION:throw|exit|fail}. */
    public static final String SETTING = "spark.reprise.test.fault";
    /** Optional: a file whose creation marks that the fault fired, so that it fires once. */
    public static final String MARKER = "spark.reprise.test.faultMarker";

    private FaultInjection() {
    }

    /** The failure a {@code throw} fault raises. */
    public static final class InjectedFault extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedFault(String message) {
            super(message);
        }
    }

    /** Called in a task at a named point of the job; fails it when the setting names this point. */
    public static void at(String stage) {
        TaskContext task = TaskContext.get();
        if (task == null) {
            return;
        }
        String spec = setting(task, SETTING);
        if (spec == null || spec.isEmpty()) {
            return;
        }
        String[] parts = spec.split(":");
        if (parts.length != 3 || !parts[0].equals(stage)) {
            return;
        }
        String action = parts[2].toLowerCase(Locale.ROOT);
        if (task.partitionId() != Integer.parseInt(parts[1])) {
            return;
        }
        if (action.equals("fail")) {
            throw new InjectedFault("injected fault: " + stage + ", partition " + task.partitionId() + ", attempt "
                    + task.attemptNumber() + " (every attempt)");
        }
        if (task.attemptNumber() != 0 || task.stageAttemptNumber() != 0) {
            return;
        }
        String marker = setting(task, MARKER);
        if (marker != null && !marker.isEmpty()) {
            try {
                if (!new File(marker).createNewFile()) {
                    return; // fired already
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot create fault marker " + marker, e);
            }
        }
        String what = "injected fault: " + stage + ", partition " + task.partitionId() + ", first attempt";
        SparkEnv env = SparkEnv.get();
        boolean executor = env != null && !"driver".equals(env.executorId());
        if (action.equals("exit") && executor) {
            System.err.println(what + ": halting executor " + env.executorId());
            System.err.flush();
            Runtime.getRuntime().halt(41);
        }
        throw new InjectedFault(what);
    }

    private static String setting(TaskContext task, String key) {
        String v = task.getLocalProperty(key);
        if (v != null) {
            return v;
        }
        SparkEnv env = SparkEnv.get();
        return env == null ? null : env.conf().get(key, null);
    }
}
