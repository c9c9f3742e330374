package org.reprise.discover;

import java.util.List;

/**
 * A reported repeat family: its number (R=n, counting reported families only), the seed k-mer and
 * its copy count, the consensus, and the elements of at least minlength bases. Immutable.
 */
public final class Family {
    private final int number;
    private final String seed;
    private final int seedFreq;
    private final String consensus;
    private final List<Element> elements;

    public Family(int number, String seed, int seedFreq, String consensus, List<Element> elements) {
        this.number = number;
        this.seed = seed;
        this.seedFreq = seedFreq;
        this.consensus = consensus;
        this.elements = List.copyOf(elements);
    }

    public int number() {
        return number;
    }

    public String seed() {
        return seed;
    }

    public int seedFreq() {
        return seedFreq;
    }

    public String consensus() {
        return consensus;
    }

    public List<Element> elements() {
        return elements;
    }

    public int elementFreq() {
        return elements.size();
    }
}
