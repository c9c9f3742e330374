package org.reprise.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the Spark tests start: contexts as conf/spark-defaults.conf sets them, an in-process HDFS. */
public final class SparkTesting {
    private SparkTesting() {
    }

    /** Kryo with registration required, no UI, everything on 127.0.0.1. */
    public static SparkConf conf(String master, String app) {
        return RepriseKryoRegistratorTest.kryoConf()
                .setMaster(master).setAppName(app)
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
    }

    /**
     * {@link #conf} for a {@code local-cluster[...]} master: real executor JVMs, which Spark's worker
     * launches from {@code $SPARK_HOME} (surefire sets it to target/spark-home; an empty jars/
     * folder is enough) with this JVM's class path and its Java 17 options.
     */
    public static SparkConf localClusterConf(String master, String app) throws IOException {
        String home = System.getenv("SPARK_HOME");
        if (home == null) {
            throw new IllegalStateException("SPARK_HOME must be set (spark-job/pom.xml's surefire configuration sets it)");
        }
        Files.createDirectories(Path.of(home, "jars"));
        return conf(master, app)
                .set("spark.executor.extraClassPath", System.getProperty("java.class.path"))
                .set("spark.executor.extraJavaOptions", String.join(" ", sparkJavaOptions()));
    }

    /** Spark's Java 17 options and the compiler choice, as this test JVM got them from surefire's argLine. */
    public static List<String> sparkJavaOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-") || a.startsWith("-Dio.netty") || a.startsWith("-XX:+Ignore")
                        || a.startsWith("-XX:TieredStopAtLevel")
                        || a.startsWith("--sun-misc") || a.startsWith("--enable-native"))
                .toList();
    }

    public static JavaSparkContext context(String master, String app) {
        return new JavaSparkContext(conf(master, app));
    }

    /** A MiniDFSCluster (one name node, one data node) on 127.0.0.1, ports chosen by the system. */
    public static MiniDFSCluster hdfs(File base) throws IOException {
        Configuration conf = new Configuration();
        conf.set("dfs.namenode.rpc-address", "127.0.0.1:0");
        conf.set("dfs.namenode.http-address", "127.0.0.1:0");
        conf.set("dfs.datanode.address", "127.0.0.1:0");
        conf.set("dfs.datanode.http.address", "127.0.0.1:0");
        conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
        conf.setBoolean("dfs.permissions.enabled", false);
        MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf, base).numDataNodes(1).build();
        cluster.waitActive();
        return cluster;
    }
}
