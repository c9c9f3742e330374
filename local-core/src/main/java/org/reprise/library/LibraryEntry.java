package org.reprise.library;

import java.util.Locale;

/**
 * One sequence of a repeat library (a consensus) or of a set of true families: its name, its
 * classification when the header carries one, and its bases. Immutable.
 *
 * <p>Names and classes come from the first word of the FASTA header, in either convention our
 * tools meet: RepeatMasker's {@code >name#Class/Family ...} (name before '#', classification
 * after it) and REPrise's {@code >R=12, seedfreq=..., ...} (name {@code R=12}, no class).
 */
public final class LibraryEntry {
    private final String name;
    private final String classification;
    private final byte[] codes;

    /**
     * @param name           the name, not empty
     * @param classification e.g. {@code LTR/Copia}, {@code DNA}, {@code Unknown}; null when none
     * @param codes          the bases as codes (copied)
     */
    public LibraryEntry(String name, String classification, byte[] codes) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("entry name is empty");
        }
        if (codes == null) {
            throw new IllegalArgumentException("entry " + name + " has no sequence array");
        }
        this.name = name;
        this.classification = classification == null || classification.isEmpty() ? null : classification;
        this.codes = codes.clone();
    }

    /** An entry named from the first word of a FASTA header, as the class comment describes. */
    public static LibraryEntry fromHeaderWord(String firstWord, byte[] codes) {
        int hash = firstWord.indexOf('#');
        String name = hash < 0 ? firstWord : firstWord.substring(0, hash);
        String classification = hash < 0 ? null : firstWord.substring(hash + 1);
        if (hash < 0 && name.endsWith(",")) {
            name = name.substring(0, name.length() - 1); // REPrise: "R=12," then the other fields
        }
        if (name.isEmpty()) {
            name = firstWord;
        }
        return new LibraryEntry(name, classification, codes);
    }

    public String name() {
        return name;
    }

    /** The classification as written after '#' (e.g. {@code LTR/Copia}), or null. */
    public String classification() {
        return classification;
    }

    /**
     * The top-level class: the classification up to its first '/', without RepeatModeler's
     * trailing '?' of an uncertain call ({@code LINE?} is LINE); null when there is no
     * classification.
     */
    public String repeatClass() {
        if (classification == null) {
            return null;
        }
        int slash = classification.indexOf('/');
        String c = slash < 0 ? classification : classification.substring(0, slash);
        while (c.endsWith("?")) {
            c = c.substring(0, c.length() - 1);
        }
        return c;
    }

    /** True when there is no classification or its class is {@code Unknown} (any case). */
    public boolean isUnclassified() {
        String c = repeatClass();
        return c == null || c.isEmpty() || c.toLowerCase(Locale.ROOT).equals("unknown");
    }

    public int length() {
        return codes.length;
    }

    /** The bases as codes (a copy). */
    public byte[] codes() {
        return codes.clone();
    }

    @Override
    public String toString() {
        return classification == null ? name : name + "#" + classification;
    }
}
