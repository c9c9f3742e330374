package org.reprise.batch;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The command line of each genome of a batch, made from the batch's genome options and the
 * genome's manifest overrides, and checked by the genome command's own parser and checks before
 * any genome runs, so that a batch refuses exactly what the single-genome command refuses, with
 * its messages (ranges included).
 *
 * <p>Options are named by their longest name; a manifest column is that name without its dashes,
 * {@code -} written {@code _} ({@code --partition-size}: {@code partition_size}). Every option
 * taking a value may be overridden except the few the batch sets itself ({@code notOverridable}:
 * input, output, ...); hidden options never. The <b>effective options</b> of a genome, the values
 * after defaults, batch options and overrides, keyed by column name, are what its digest records
 * (minus {@code notInDigest}: options that do not change the outputs, such as threads).
 */
public final class GenomeArguments {
    private final Supplier<CommandLine> parser;
    private final Set<String> notOverridable;
    private final Set<String> notInDigest;
    private final Consumer<Object> check;
    private final List<String> required;

    /** A genome's checked command line (without input and output) and its effective options. */
    public record Resolved(List<String> args, SortedMap<String, String> effective) {
        public Resolved {
            args = List.copyOf(args);
            effective = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(effective));
        }

        /** The effective options as one line, {@code name=value} separated by spaces, sorted by name. */
        public String parameters() {
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<String, String> e : effective.entrySet()) {
                sb.append(sb.length() == 0 ? "" : " ").append(e.getKey()).append('=').append(e.getValue());
            }
            return sb.toString();
        }
    }

    /**
     * @param parser         a fresh command line of the genome command for each call (with the
     *                       defaults it runs with)
     * @param notOverridable column names the manifest may not set (and batch options may not give)
     * @param notInDigest    column names left out of the effective options
     * @param check          the genome command's own checks of a parsed command object, run after
     *                       parsing; throws an {@link IllegalArgumentException} (or an
     *                       {@link UnsupportedOperationException}) with a one-line message
     * @param required       arguments the command requires that the batch gives each genome
     *                       itself (e.g. {@code -input X -output Y}), added to every parse only
     */
    public GenomeArguments(Supplier<CommandLine> parser, Set<String> notOverridable, Set<String> notInDigest,
                           Consumer<Object> check, List<String> required) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.notOverridable = Set.copyOf(notOverridable);
        this.notInDigest = Set.copyOf(notInDigest);
        this.check = Objects.requireNonNull(check, "check");
        this.required = List.copyOf(required);
    }

    /** The manifest columns that may override an option. */
    public Set<String> overridableColumns() {
        Set<String> out = new TreeSet<>();
        for (OptionSpec o : parser.get().getCommandSpec().options()) {
            if (overridable(o)) {
                out.add(column(o));
            }
        }
        return out;
    }

    private boolean overridable(OptionSpec o) {
        return !o.hidden() && !o.usageHelp() && !o.versionHelp() && o.arity().max() > 0 && !isBoolean(o)
                && !notOverridable.contains(column(o));
    }

    private static boolean isBoolean(OptionSpec o) {
        return o.type() == boolean.class || o.type() == Boolean.class;
    }

    /** The manifest column of an option: its longest name without dashes, '-' as '_'. */
    public static String column(OptionSpec o) {
        return o.longestName().replaceFirst("^-+", "").replace('-', '_').toLowerCase(Locale.ROOT);
    }

    /**
     * Checks the batch's genome options alone (before any manifest line is looked at): none of
     * them may be one the batch sets itself, and they must pass the genome command's checks.
     *
     * @throws ManifestException naming the problem
     */
    public void checkBatchOptions(List<String> batchArgs) {
        for (OptionSpec o : parser.get().getCommandSpec().options()) {
            if (!notOverridable.contains(column(o))) {
                continue;
            }
            for (String token : batchArgs) {
                for (String name : o.names()) {
                    if (token.equals(name) || token.startsWith(name + "=")) {
                        throw new ManifestException(token + " is set by the batch for each genome ("
                                + (column(o).equals("input") ? "inputs come from the manifest"
                                : column(o).equals("output") ? "outputs go to ROOT/<genome_id>" : "always")
                                + "); remove it");
                    }
                }
            }
        }
        parse(batchArgs, "");
    }

    /**
     * The command line of one genome: the batch's genome options with the genome's overrides in
     * place of the same options, parsed and checked.
     *
     * @param batchArgs the genome options given to the batch (checked by {@link #checkBatchOptions})
     * @param overrides manifest column to value
     * @param where     names the genome in messages, e.g. {@code "manifest.tsv line 4 (genome ecoli)"}
     * @throws ManifestException with the parser's or the checks' message after {@code where}
     */
    public Resolved resolve(List<String> batchArgs, Map<String, String> overrides, String where) {
        CommandLine base = parser.get();
        ParseResult pr;
        List<String> withRequired = new ArrayList<>(batchArgs);
        withRequired.addAll(required); // a command whose parser requires input and output
        try {
            pr = base.parseArgs(withRequired.toArray(new String[0]));
        } catch (CommandLine.ParameterException e) {
            throw new ManifestException(e.getMessage());
        }
        // option -> its values as typed, batch options first, overrides replacing them
        Map<OptionSpec, List<String>> given = new LinkedHashMap<>();
        for (OptionSpec o : pr.matchedOptions()) {
            if (!notOverridable.contains(column(o))) {
                given.put(o, new ArrayList<>(o.originalStringValues()));
            }
        }
        CommandSpec spec = base.getCommandSpec();
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            OptionSpec o = null;
            for (OptionSpec candidate : spec.options()) {
                if (overridable(candidate) && column(candidate).equals(e.getKey())) {
                    o = candidate;
                }
            }
            if (o == null) {
                throw new ManifestException(where + ": column '" + e.getKey() + "' is not an option that a genome may override");
            }
            given.put(o, List.of(e.getValue()));
        }
        List<String> args = new ArrayList<>();
        for (Map.Entry<OptionSpec, List<String>> e : given.entrySet()) {
            OptionSpec o = e.getKey();
            if (isBoolean(o) && o.arity().max() == 0) {
                args.add(o.longestName());
                continue;
            }
            for (String v : e.getValue()) {
                args.add(o.longestName());
                args.add(v);
            }
        }
        Parsed parsed = parse(args, where + ": ");
        SortedMap<String, String> effective = new TreeMap<>();
        for (OptionSpec o : parsed.commandSpec().options()) {
            if (o.hidden() || o.usageHelp() || o.versionHelp() || notInDigest.contains(column(o))
                    || notOverridable.contains(column(o))) {
                continue;
            }
            Object v = o.getValue();
            effective.put(column(o), v == null ? "" : String.valueOf(v));
        }
        return new Resolved(args, effective);
    }

    private record Parsed(CommandSpec commandSpec) {
    }

    /** Parses and checks a genome's options; problems become a {@link ManifestException}. */
    private Parsed parse(List<String> args, String where) {
        CommandLine cl = parser.get();
        List<String> all = new ArrayList<>(args);
        all.addAll(required);
        try {
            cl.parseArgs(all.toArray(new String[0]));
            check.accept(cl.getCommand());
        } catch (CommandLine.ParameterException e) {
            throw new ManifestException(where + e.getMessage());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            throw new ManifestException(where + e.getMessage());
        }
        return new Parsed(cl.getCommandSpec());
    }
}
