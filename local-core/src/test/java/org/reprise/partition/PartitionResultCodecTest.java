package org.reprise.partition;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A partition's result crosses to the driver (a Spark task's bytes) whole. */
class PartitionResultCodecTest {
    @Test
    void aResultComesBackAsItWasWritten() {
        PartitionResult.ClaimedElement e = new PartitionResult.ClaimedElement(2, 100, 180, true, 0, false);
        PartitionResult.PartitionFamily f = new PartitionResult.PartitionFamily(12345L, "ACGTACGTACGTA", 40, 7L << 32,
                12, 38, 0, "ACGTACGTACGTATTTGGGCCCAAATTTGGGCCCAAATTTGGGCCCAAATTT", 3, List.of(e),
                new long[] {5, 900, 3L << 31}, new long[] {77});
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("failed_drafts", 9L);
        Map<String, Double> seconds = Map.of("families", 1.5);
        PartitionResult r = new PartitionResult(4, List.of(f), new long[] {10, 24, 3L << 31, (3L << 31) + 15},
                new long[] {3, 99, 1L << 40}, counters, seconds);

        PartitionResult back = PartitionResultCodec.decode(PartitionResultCodec.encode(r));
        assertEquals(4, back.partition());
        assertEquals(List.of(e), back.families().get(0).elements());
        assertEquals(f.consensus(), back.families().get(0).consensus());
        assertArrayEquals(f.forward(), back.families().get(0).forward());
        assertArrayEquals(r.failedRuns(), back.failedRuns());
        assertArrayEquals(r.retrySeeds(), back.retrySeeds());
        assertEquals(counters, back.counters());
        assertEquals(seconds, back.seconds());
    }

    @Test
    void retrySeedsMustBeAscending() {
        PartitionResult r = new PartitionResult(0, List.of(), new long[0], new long[] {9, 3}, Map.of(), Map.of());
        assertThrows(IllegalArgumentException.class, () -> PartitionResultCodec.encode(r));
    }
}
