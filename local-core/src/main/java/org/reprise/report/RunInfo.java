package org.reprise.report;

import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How a run was made: tool version, input, date, strategy, parameters, genome size, k, wall time,
 * seconds per phase and peak memory. Immutable; build with {@link #builder()}. Parameters and
 * phases keep the order they were given in.
 */
public final class RunInfo {
    private final String toolVersion;
    private final String input;
    private final ZonedDateTime date;
    private final String strategy;
    private final Map<String, String> parameters;
    private final GenomeSize genome;
    private final int k;
    private final double wallSeconds;
    private final Map<String, Double> phaseSeconds;
    private final long peakMemoryBytes;

    private RunInfo(Builder b) {
        toolVersion = b.toolVersion;
        input = b.input;
        date = b.date;
        strategy = b.strategy;
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(b.parameters));
        genome = b.genome;
        k = b.k;
        wallSeconds = b.wallSeconds;
        phaseSeconds = Collections.unmodifiableMap(new LinkedHashMap<>(b.phaseSeconds));
        peakMemoryBytes = b.peakMemoryBytes;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String toolVersion() {
        return toolVersion;
    }

    /** @return the input path or URI as the user gave it */
    public String input() {
        return input;
    }

    /** @return when the run started */
    public ZonedDateTime date() {
        return date;
    }

    /** @return how discovery was run, e.g. {@code exact} or {@code partitioned, 8 partitions} */
    public String strategy() {
        return strategy;
    }

    /** @return parameter name to value, in the order given */
    public Map<String, String> parameters() {
        return parameters;
    }

    public GenomeSize genome() {
        return genome;
    }

    /** @return the k-mer length */
    public int k() {
        return k;
    }

    /** @return wall seconds of the whole run */
    public double wallSeconds() {
        return wallSeconds;
    }

    /** @return wall seconds per phase, in run order */
    public Map<String, Double> phaseSeconds() {
        return phaseSeconds;
    }

    /** @return the peak memory in bytes, empty when it was not measured */
    public OptionalLong peakMemoryBytes() {
        return peakMemoryBytes < 0 ? OptionalLong.empty() : OptionalLong.of(peakMemoryBytes);
    }

    /** Collects the fields of a {@link RunInfo}; {@link #build()} checks them. Not thread-safe. */
    public static final class Builder {
        private String toolVersion;
        private String input;
        private ZonedDateTime date;
        private String strategy;
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private GenomeSize genome;
        private int k;
        private double wallSeconds;
        private final Map<String, Double> phaseSeconds = new LinkedHashMap<>();
        private long peakMemoryBytes = -1;

        private Builder() {
        }

        public Builder toolVersion(String v) {
            toolVersion = v;
            return this;
        }

        public Builder input(String v) {
            input = v;
            return this;
        }

        public Builder date(ZonedDateTime v) {
            date = v;
            return this;
        }

        public Builder strategy(String v) {
            strategy = v;
            return this;
        }

        /**
         * Adds one parameter after those already given.
         *
         * @throws IllegalArgumentException if {@code name} was given before
         */
        public Builder parameter(String name, Object value) {
            Objects.requireNonNull(name, "parameter name");
            Objects.requireNonNull(value, "value of parameter " + name);
            if (parameters.putIfAbsent(name, String.valueOf(value)) != null) {
                throw new IllegalArgumentException("parameter given twice: " + name);
            }
            return this;
        }

        /** Adds every entry of {@code m} in its iteration order, as {@link #parameter} does. */
        public Builder parameters(Map<String, ?> m) {
            for (Map.Entry<String, ?> e : m.entrySet()) {
                parameter(e.getKey(), e.getValue());
            }
            return this;
        }

        public Builder genome(GenomeSize v) {
            genome = v;
            return this;
        }

        public Builder k(int v) {
            k = v;
            return this;
        }

        public Builder wallSeconds(double v) {
            wallSeconds = v;
            return this;
        }

        /**
         * Adds one phase after those already given.
         *
         * @throws IllegalArgumentException if the phase was given before or the seconds are negative or not finite
         */
        public Builder phase(String name, double seconds) {
            Objects.requireNonNull(name, "phase name");
            checkSeconds("phase " + name, seconds);
            if (phaseSeconds.putIfAbsent(name, seconds) != null) {
                throw new IllegalArgumentException("phase given twice: " + name);
            }
            return this;
        }

        /** Adds every entry of {@code m} in its iteration order, as {@link #phase} does. */
        public Builder phases(Map<String, Double> m) {
            for (Map.Entry<String, Double> e : m.entrySet()) {
                phase(e.getKey(), Objects.requireNonNull(e.getValue(), "seconds of phase " + e.getKey()));
            }
            return this;
        }

        /** @param v peak memory in bytes; leave unset when it was not measured */
        public Builder peakMemoryBytes(long v) {
            if (v < 0) {
                throw new IllegalArgumentException("negative peak memory: " + v);
            }
            peakMemoryBytes = v;
            return this;
        }

        /**
         * @return the run description
         * @throws NullPointerException     if the version, input, date, strategy or genome size is missing
         * @throws IllegalArgumentException if k is not positive or the wall time is negative or not finite
         */
        public RunInfo build() {
            Objects.requireNonNull(toolVersion, "tool version");
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(strategy, "strategy");
            Objects.requireNonNull(genome, "genome size");
            if (k < 1) {
                throw new IllegalArgumentException("k must be positive: " + k);
            }
            checkSeconds("wall time", wallSeconds);
            return new RunInfo(this);
        }

        private static void checkSeconds(String what, double s) {
            if (!(s >= 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException(what + ": seconds " + s + " not a finite value >= 0");
            }
        }
    }
}
