package org.reprise.report;

/**
 * The repeat classes a library entry can carry, with the label RepeatMasker-style libraries use
 * ({@code LTR/Unknown}, ...). The report gives each class one colour everywhere. A classifier that
 * names superfamilies later adds constants here; the report needs no other change.
 */
public enum RepeatClass {
    LTR("LTR/Unknown"),
    DNA("DNA/Unknown"),
    LINE("LINE/Unknown"),
    SINE("SINE/Unknown"),
    SATELLITE("Satellite"),
    UNKNOWN("Unknown");

    private final String label;

    RepeatClass(String label) {
        this.label = label;
    }

    /** @return the label as written in a library header, e.g. {@code LTR/Unknown} */
    public String label() {
        return label;
    }

    /**
     * The class of a label.
     *
     * @param label a label as returned by {@link #label()}, case-sensitive
     * @return its class
     * @throws IllegalArgumentException if no class has that label
     */
    public static RepeatClass fromLabel(String label) {
        for (RepeatClass c : values()) {
            if (c.label.equals(label)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown repeat class label: " + label);
    }
}
