package org.reprise.polish;

import java.util.List;
import java.util.Objects;

import org.reprise.discover.Element;
import org.reprise.report.RepeatClass;

/**
 * One family of the polished library: its name ({@code rnd1_family-12}), its class and the
 * evidence for it, its consensus, its elements (strand relative to the consensus, 0-based
 * half-open contig coordinates, {@link Element#family()} the family's 0-based place in the
 * library), the raw family it is named after (the best-supported of those it was made from) and
 * how many raw families it was made from. Immutable.
 */
public final class PolishedFamily {
    private final String name;
    private final Classification classification;
    private final String consensus;
    private final List<Element> elements;
    private final int rawNumber;
    private final int rawFamilies;
    private final String seed;
    private final int seedFreq;

    /**
     * @throws IllegalArgumentException for an empty name or consensus, or no raw family
     */
    public PolishedFamily(String name, Classification classification, String consensus, List<Element> elements,
                          int rawNumber, int rawFamilies, String seed, int seedFreq) {
        if (Objects.requireNonNull(name, "name").isEmpty() || Objects.requireNonNull(consensus, "consensus").isEmpty()) {
            throw new IllegalArgumentException("a polished family needs a name and a consensus");
        }
        if (rawFamilies < 1) {
            throw new IllegalArgumentException("family " + name + " made from " + rawFamilies + " raw families");
        }
        this.name = name;
        this.classification = Objects.requireNonNull(classification, "classification");
        this.consensus = consensus;
        this.elements = List.copyOf(elements);
        this.rawNumber = rawNumber;
        this.rawFamilies = rawFamilies;
        this.seed = Objects.requireNonNull(seed, "seed");
        this.seedFreq = seedFreq;
    }

    public String name() {
        return name;
    }

    /** @return the RepeatMasker identifier, {@code name#Class/Family} (e.g. {@code rnd1_family-12#LTR/Unknown}) */
    public String header() {
        return name + "#" + classification.repeatClass().label();
    }

    public RepeatClass repeatClass() {
        return classification.repeatClass();
    }

    public Classification classification() {
        return classification;
    }

    /** @return the consensus, upper-case letters A, C, G, T, N */
    public String consensus() {
        return consensus;
    }

    public List<Element> elements() {
        return elements;
    }

    /** @return genome bases covered by the elements (they do not overlap one another) */
    public long maskedBases() {
        long n = 0;
        for (Element e : elements) {
            n += e.length();
        }
        return n;
    }

    /** @return the number (R=n) of the raw family this one is named after */
    public int rawNumber() {
        return rawNumber;
    }

    /** @return how many raw families were merged or joined into this one */
    public int rawFamilies() {
        return rawFamilies;
    }

    public String seed() {
        return seed;
    }

    public int seedFreq() {
        return seedFreq;
    }

    @Override
    public String toString() {
        return header() + " (" + consensus.length() + " bp, " + elements.size() + " elements)";
    }
}
