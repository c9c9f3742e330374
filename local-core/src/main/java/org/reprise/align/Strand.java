package org.reprise.align;

/** Which strand of the second sequence an alignment uses: as given, or reverse-complemented. */
public enum Strand {
    PLUS('+'),
    MINUS('-');

    private final char symbol;

    Strand(char symbol) {
        this.symbol = symbol;
    }

    /** '+' or '-', as in BED. */
    public char symbol() {
        return symbol;
    }
}
