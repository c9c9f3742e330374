package org.reprise.discover;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Look-ahead claims: a seed's own overlapping copies never block it; another seed's claims do, all or nothing. */
class LookAheadClaimsTest {
    @Test
    void aSeedsOwnOverlapsDoNotBlockIt() {
        LookAheadClaims claims = new LookAheadClaims(1_000, 10);
        long[] copies = {100, 105, 400};
        long[] palindrome = claims.claimAll(copies, copies); // both strands at the same positions
        assertNotNull(palindrome);
        // everything it covers is held: another seed meeting any of it is left out
        assertNull(claims.claimAll(new long[] {112}, new long[0]));
        assertNull(claims.claimAll(new long[0], new long[] {395}));
        claims.release(palindrome);
        assertArrayEquals(new long[] {112, 122}, claims.claimAll(new long[] {112}, new long[0]));
    }

    @Test
    void aConflictWithAnotherSeedTakesNothing() {
        LookAheadClaims claims = new LookAheadClaims(1_000, 10);
        long[] first = claims.claimFree(new long[] {500}, new long[0]);
        assertNull(claims.claimAll(new long[] {10, 20, 495}, new long[] {30}));
        // nothing of the failed claim is left behind
        long[] again = claims.claimAll(new long[] {10, 20}, new long[] {30});
        assertArrayEquals(new long[] {10, 20, 20, 30, 30, 40}, again);
        claims.release(first);
        claims.release(again);
        assertNotNull(claims.claimAll(new long[] {0, 495}, new long[0]));
    }
}
