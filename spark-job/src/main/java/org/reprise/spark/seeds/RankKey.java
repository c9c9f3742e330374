package org.reprise.spark.seeds;

import org.reprise.seeds.Candidate;

import java.io.Serializable;

/** A candidate's place in the ranking: copy count descending, then representative position ascending. */
public final class RankKey implements Comparable<RankKey>, Serializable {
    private static final long serialVersionUID = 1L;
    final int count;
    final long position;

    RankKey(int count, long position) {
        this.count = count;
        this.position = position;
    }

    static RankKey of(Candidate c) {
        return new RankKey(c.count(), c.position());
    }

    @Override
    public int compareTo(RankKey o) {
        if (count != o.count) {
            return count > o.count ? -1 : 1;
        }
        return Long.compare(position, o.position);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RankKey r && r.count == count && r.position == position;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(position) * 31 + count;
    }
}
