package org.reprise.parallel;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkersTest {

    @Test
    void mapGivesResultsInPieceOrderForAnyThreadCount() {
        for (int threads : new int[] {1, 2, 5}) {
            try (Workers w = new Workers(threads)) {
                List<Integer> r = w.map(100, i -> i * i);
                for (int i = 0; i < 100; i++) {
                    assertEquals(i * i, r.get(i));
                }
            }
        }
    }

    @Test
    void mapCompletesEveryPieceWhileTheHelperIsBusy() throws Exception {
        try (Workers w = new Workers(2)) {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch helperBusy = new CountDownLatch(1);
            Workers.Task<Integer> blocker = w.submit(() -> {
                helperBusy.countDown();
                release.await(10, TimeUnit.SECONDS);
                return 1;
            });
            assertTrue(helperBusy.await(10, TimeUnit.SECONDS));
            int[] done = new int[8];
            w.map(8, i -> {
                done[i] = 1;
                return null;
            });
            // map returned: every piece must be done now, by this thread since the helper is busy.
            for (int d : done) {
                assertEquals(1, d);
            }
            assertFalse(blocker.cancelIfNotStarted(), "a running task cannot be taken back");
            release.countDown();
            assertEquals(1, blocker.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aTaskTakenBackNeverRuns() throws Exception {
        try (Workers w = new Workers(2)) {
            CountDownLatch release = new CountDownLatch(1);
            w.submit(() -> release.await(10, TimeUnit.SECONDS)); // keeps the only helper busy
            AtomicInteger runs = new AtomicInteger();
            Workers.Task<Integer> queued = w.submit(runs::incrementAndGet);
            assertTrue(queued.cancelIfNotStarted());
            release.countDown();
            Workers.Task<Integer> after = w.submit(() -> 7);
            assertEquals(7, after.get(10, TimeUnit.SECONDS)); // the helper has passed the taken-back task
            assertEquals(0, runs.get());
        }
    }

    @Test
    void aTaskRunHereRunsOnceAndItsResultIsThere() throws Exception {
        try (Workers w = new Workers(2)) {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch started = new CountDownLatch(1);
            Workers.Task<Boolean> busy = w.submit(() -> {
                started.countDown();
                return release.await(10, TimeUnit.SECONDS);
            }); // keeps the only helper busy
            assertTrue(started.await(10, TimeUnit.SECONDS));
            AtomicInteger runs = new AtomicInteger();
            Workers.Task<Integer> queued = w.submit(runs::incrementAndGet);
            assertTrue(queued.runHereIfNotStarted());
            assertEquals(1, queued.get(0, TimeUnit.SECONDS));
            assertTrue(!busy.runHereIfNotStarted(), "a started task is not run again");
            release.countDown();
            assertEquals(7, w.submit(() -> 7).get(10, TimeUnit.SECONDS)); // the helper has passed the queued task
            assertEquals(1, runs.get());
        }
    }

    @Test
    void anExceptionInAPieceReachesTheCaller() {
        try (Workers w = new Workers(3)) {
            assertThrows(IllegalStateException.class, () -> w.map(20, i -> {
                if (i == 13) {
                    throw new IllegalStateException("piece 13");
                }
                return i;
            }));
        }
    }

    @Test
    void bothRunsBothTasks() {
        for (int threads : new int[] {1, 2}) {
            try (Workers w = new Workers(threads)) {
                AtomicInteger a = new AtomicInteger(), b = new AtomicInteger();
                w.both(a::incrementAndGet, b::incrementAndGet);
                assertEquals(1, a.get());
                assertEquals(1, b.get());
            }
        }
    }
}
