package org.reprise.discover;

import org.reprise.extend.Extension;

import java.util.Arrays;

/**
 * A family drafted before its commit (docs/ALGORITHM.md, family loop, steps 2 and 3): both sides of
 * the consensus and every copy's element, relative to the copy, and the copies it was made from.
 * A draft is a function of its seed's copies alone, not of any mask, which is what lets drafts be
 * made ahead of their turn, by helper threads or on Spark executors; it is used only if the seed's
 * copies at its turn are exactly those it was made from ({@link #madeFrom}), so the output never
 * depends on who drafted what when. Immutable by convention (arrays are not copied).
 */
public final class Draft {
    private final Extension right;
    private final Extension left;
    private final long[] elementEnds;
    private final long[] forward;
    private final long[] reverse;

    /**
     * @param elementEnds copy i's element as {@code [elementEnds[2i], elementEnds[2i+1]]}, inclusive,
     *                    relative to the copy's position on the forward strand; copies are the forward
     *                    ones then the reverse ones
     * @param forward     the forward copies (genome positions of the seed's first base), ascending
     * @param reverse     the reverse copies, ascending
     */
    public Draft(Extension right, Extension left, long[] elementEnds, long[] forward, long[] reverse) {
        if (elementEnds.length != 2 * (forward.length + reverse.length)) {
            throw new IllegalArgumentException(elementEnds.length / 2 + " elements for "
                    + (forward.length + reverse.length) + " copies");
        }
        this.right = right;
        this.left = left;
        this.elementEnds = elementEnds;
        this.forward = forward;
        this.reverse = reverse;
    }

    public Extension right() {
        return right;
    }

    public Extension left() {
        return left;
    }

    /** Whether this draft was made from exactly these copies: the rule that makes a draft usable. */
    public boolean madeFrom(long[] forwardCopies, long[] reverseCopies) {
        return Arrays.equals(forward, forwardCopies) && Arrays.equals(reverse, reverseCopies);
    }

    public int copies() {
        return forward.length + reverse.length;
    }

    /** Copy i's genome position: forward copies first, then reverse ones. */
    public long position(int i) {
        return i < forward.length ? forward[i] : reverse[i - forward.length];
    }

    public boolean isReverse(int i) {
        return i >= forward.length;
    }

    /** First base of copy i's element, relative to its position (inclusive). */
    public long elementStart(int i) {
        return elementEnds[2 * i];
    }

    /** Last base of copy i's element, relative to its position (inclusive). */
    public long elementEnd(int i) {
        return elementEnds[2 * i + 1];
    }

    /** The element ends as given to the constructor (for serializers). */
    public long[] elementEnds() {
        return elementEnds;
    }

    public long[] forward() {
        return forward;
    }

    public long[] reverse() {
        return reverse;
    }
}
