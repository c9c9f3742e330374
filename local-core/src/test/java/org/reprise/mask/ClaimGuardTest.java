package org.reprise.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClaimGuardTest {

    @Test
    void closeWithoutCommitReleases() {
        Bitmask m = new Bitmask(200);
        try (ClaimGuard g = m.tryClaim(60, 130)) {
            assertNotNull(g);
            assertEquals(60, g.start());
            assertEquals(130, g.end());
            assertEquals(70, m.cardinality());
        }
        assertEquals(0, m.cardinality());
    }

    @Test
    void commitKeepsTheRangeAfterClose() {
        Bitmask m = new Bitmask(200);
        ClaimGuard g = m.tryClaim(60, 130);
        try (g) {
            g.commit();
            g.commit();                                      // idempotent while open
            assertTrue(g.isCommitted());
        }
        assertTrue(g.isClosed());
        assertTrue(g.isCommitted());
        assertEquals(70, m.cardinality());
        g.close();                                           // idempotent, still no release
        assertEquals(70, m.cardinality());
    }

    @Test
    void exceptionInsideTryWithResourcesReleases() {
        Bitmask m = new Bitmask(200);
        RuntimeException e = assertThrows(RuntimeException.class, () -> {
            try (ClaimGuard g = m.tryClaim(0, 200)) {
                assertNotNull(g);
                throw new RuntimeException("worker failed");
            }
        });
        assertEquals("worker failed", e.getMessage());
        assertEquals(0, m.cardinality());
        assertTrue(m.claimRange(0, 200), "the range can be claimed again");
    }

    @Test
    void doubleCloseReleasesOnceAndDoesNotTouchTheNextOwner() {
        Bitmask m = new Bitmask(200);
        ClaimGuard g = m.tryClaim(10, 100);
        g.close();
        assertTrue(m.claimRange(10, 100));                  // someone else owns it now
        g.close();                                           // must not release theirs
        assertEquals(90, m.cardinality());
        assertFalse(g.isCommitted());
    }

    @Test
    void commitAfterCloseThrows() {
        Bitmask m = new Bitmask(200);
        ClaimGuard g = m.tryClaim(10, 100);
        g.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, g::commit);
        assertTrue(e.getMessage().contains("[10, 100)"), e.getMessage());
        ClaimGuard h = m.tryClaim(10, 100);
        h.commit();
        h.close();
        assertThrows(IllegalStateException.class, h::commit);
        assertEquals(90, m.cardinality());
    }

    @Test
    void exceptionInWorkerThreadReleasesItsClaim() throws Exception {
        Bitmask m = new Bitmask(1000);
        Thread t = new Thread(() -> {
            try (ClaimGuard g = m.tryClaim(100, 900)) {
                throw new IllegalStateException("boom in " + g);
            }
        });
        t.setUncaughtExceptionHandler((th, ex) -> { });
        t.start();
        t.join();
        assertEquals(0, m.cardinality());
    }
}
