package org.reprise.seeds;

import org.junit.jupiter.api.Test;
import org.reprise.util.LongBuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CandidateColumnsTest {
    private static long[] ascending(Random r, int n) {
        long[] a = new long[n];
        long at = r.nextInt(19_000_000);
        for (int i = 0; i < n; i++) {
            at += 1 + r.nextInt(1000);
            a[i] = at;
        }
        return a;
    }

    private static List<Candidate> random(int n, long seed) {
        Random r = new Random(seed);
        List<Candidate> out = new ArrayList<>();
        long pos = 0;
        for (int i = 0; i < n; i++) {
            pos += 1 + r.nextInt(50);
            long[] f = ascending(r, r.nextInt(6));
            boolean palindrome = i % 7 == 3;
            long[] b = palindrome ? f : ascending(r, r.nextInt(6));
            int count = palindrome ? 2 * f.length : f.length + b.length;
            out.add(new Candidate(1000 + i, count, pos, f, b));
        }
        java.util.Collections.shuffle(out, r);
        return out;
    }

    @Test
    void packedCopiesGiveBackEveryListAndAPalindromesOnce() {
        PackedCopies p = new PackedCopies();
        List<Candidate> all = random(5000, 1);
        for (Candidate c : all) {
            p.add(c.forward(), c.forward().length, c.reverse(), c.reverse().length);
        }
        long stored = 0;
        LongBuffer f = new LongBuffer(), r = new LongBuffer();
        for (int i = 0; i < all.size(); i++) {
            Candidate c = all.get(i);
            boolean palindrome = c.reverse() == c.forward();
            assertEquals(palindrome, p.palindrome(i));
            assertArrayEquals(c.forward(), p.forward(i));
            assertArrayEquals(c.reverse(), p.reverse(i));
            p.copies(i, f, r);
            assertArrayEquals(c.forward(), f.toArray());
            assertArrayEquals(c.reverse(), r.toArray());
            stored += c.forward().length + (palindrome ? 0 : c.reverse().length);
        }
        assertEquals(stored, p.copyCount());
        p.trim();
        assertArrayEquals(all.get(4999).reverse(), p.reverse(4999));
    }

    @Test
    void rankOrderIsCountDescendingThenPositionAndFeedsPreMaskingAsObjectsDo() {
        List<Candidate> all = random(20000, 2);
        CandidateColumns columns = new CandidateColumns();
        for (int i = 0; i < all.size(); i++) {
            if (i % 2 == 0) {
                columns.add(all.get(i));
            } else {
                CandidateColumns one = new CandidateColumns();
                one.add(all.get(i));
                columns.addAll(one);
            }
        }
        assertEquals(all.size(), columns.size());
        Candidate back = columns.get(7);
        assertEquals(all.get(7).code(), back.code());
        if (all.get(7).reverse() == all.get(7).forward()) {
            assertSame(back.forward(), back.reverse());
        }
        int[] order = columns.rankOrder();
        for (int i = 1; i < order.length; i++) {
            assertTrue(columns.get(order[i - 1]).ranksBefore(columns.get(order[i])), "rank order at " + i);
        }

        List<Candidate> sorted = new ArrayList<>(all);
        sorted.sort((x, y) -> x.ranksBefore(y) ? -1 : y.ranksBefore(x) ? 1 : 0);
        PreMasking objects = new PreMasking(20_000_000, 12, 3, true);
        for (Candidate c : sorted) {
            objects.take(c);
        }
        PreMasking packed = new PreMasking(20_000_000, 12, 3, true);
        for (int i : order) {
            packed.take(columns.get(i));
        }
        SeedTable a = objects.seeds();
        assertTrue(a.size() > 100, "seeds: " + a.size());
        // the same seeds whether the table copies its seeds' copies or refers to the columns'
        for (SeedTable b : List.of(packed.seeds(), columns.preMask(20_000_000, 12, 3))) {
            assertEquals(a.size(), b.size());
            for (int i = 0; i < a.size(); i++) {
                assertEquals(a.code(i), b.code(i));
                assertEquals(a.freq(i), b.freq(i));
                assertEquals(a.position(i), b.position(i));
                assertArrayEquals(a.forward(i), b.forward(i));
                assertArrayEquals(a.reverse(i), b.reverse(i));
            }
        }
        assertEquals(a.copyCount(), packed.seeds().copyCount());
    }
}
