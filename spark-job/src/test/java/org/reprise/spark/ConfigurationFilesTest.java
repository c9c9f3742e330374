package org.reprise.spark;

import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;
import org.reprise.params.Parameters;

import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * conf/ and the scripts agree with the code they configure: Spark's Java 17 options are exactly
 * the launcher's list everywhere they are written down, the Kryo settings name our registrator,
 * and the job's defaults are REPrise's.
 */
class ConfigurationFilesTest {
    /** The repository root (surefire runs in spark-job/). */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(ROOT.resolve(name))) {
            p.load(r); // spark-defaults.conf is white-space separated, which Properties accepts
        }
        return p;
    }

    private static List<String> launcherOptions() {
        return Arrays.asList(JavaModuleOptions.defaultModuleOptionArray());
    }

    @Test
    void sparkDefaultsCarryKryoAndTheLaunchersJavaOptions() throws IOException {
        Properties conf = load("conf/spark-defaults.conf");
        assertEquals("org.apache.spark.serializer.KryoSerializer", conf.getProperty("spark.serializer"));
        assertEquals(RepriseKryoRegistrator.class.getName(), conf.getProperty("spark.kryo.registrator"));
        assertEquals("true", conf.getProperty("spark.kryo.registrationRequired"));
        for (String key : List.of("spark.driver.extraJavaOptions", "spark.executor.extraJavaOptions")) {
            assertEquals(launcherOptions(), Arrays.asList(conf.getProperty(key).trim().split("\\s+")), key);
        }
    }

    @Test
    void scriptsAndTestJvmUseTheLaunchersJavaOptions() throws IOException {
        String joined = String.join(" ", launcherOptions());
        for (String script : List.of("submit.sh", "bench/spark-home.sh")) {
            String text = Files.readString(ROOT.resolve(script));
            assertTrue(text.contains("JAVA17_OPTIONS=\"" + joined + "\""),
                    script + " does not carry Spark's Java 17 options: " + joined);
        }
        List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (String option : launcherOptions()) {
            assertTrue(jvm.contains(option), "surefire argLine lacks " + option);
        }
    }

    @Test
    void jobDefaultsAreREPrisesDefaults() throws IOException {
        Properties job = load("conf/reprise.properties");
        for (Map.Entry<String, Object> e : Parameters.defaults().asMap().entrySet()) {
            if (e.getKey().equals("threads")) {
                continue; // the job's parallelism is its executors' cores
            }
            assertEquals(String.valueOf(e.getValue()), job.getProperty(e.getKey()), e.getKey());
        }
        assertTrue(Long.parseLong(job.getProperty("partition.target.bases")) >= 0);
        assertTrue(Integer.parseInt(job.getProperty("partitions")) >= 0);
        // Every key is an option of the job (picocli's properties default provider reads them by
        // option name, or by description key), so an edit to the file changes a default.
        picocli.CommandLine.Model.CommandSpec spec = new picocli.CommandLine(new SparkRepriseJob()).getCommandSpec();
        java.util.Set<String> known = new java.util.HashSet<>();
        for (picocli.CommandLine.Model.OptionSpec o : spec.options()) {
            known.add(o.longestName().replaceFirst("^-+", ""));
            if (o.descriptionKey() != null && !o.descriptionKey().isEmpty()) {
                known.add(o.descriptionKey());
            }
        }
        for (String key : job.stringPropertyNames()) {
            assertTrue(known.contains(key), "conf/reprise.properties: " + key + " is not an option of the job");
        }
    }

    @Test
    void theJobTakesItsDefaultsFromRepriseProperties() throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("reprise", ".properties");
        java.nio.file.Files.writeString(file, "window=77\nminfreq=9\npartition.target.bases=1234\n");
        SparkRepriseJob job = new SparkRepriseJob();
        picocli.CommandLine cl = new picocli.CommandLine(job);
        cl.setDefaultValueProvider(new picocli.CommandLine.PropertiesDefaultProvider(file.toFile()));
        cl.parseArgs("-input", "g.fa", "-output", "out");
        assertEquals(77, job.window);
        assertEquals(1234, job.partitionSize);
        assertEquals(9, job.algorithm.builder().build().minFreq);
        java.nio.file.Files.delete(file);
    }

    @Test
    void log4jConfigQuietsSparkAndKeepsOurInfo() throws IOException {
        Properties log = load("conf/log4j2.properties");
        assertEquals("warn", log.getProperty("rootLogger.level"));
        assertEquals("org.reprise", log.getProperty("logger.reprise.name"));
        assertEquals("info", log.getProperty("logger.reprise.level"));
        assertEquals("warn", log.getProperty("logger.spark.level"));
    }
}
