package com.hoteltraffic.bench;

import com.hoteltraffic.classify.ExchangeInterpreter;
import com.hoteltraffic.classify.ProviderRules;
import com.hoteltraffic.classify.ResponseClassifier;
import com.hoteltraffic.classify.TokenPseudonymizer;
import com.hoteltraffic.ingest.ExchangeReader;
import com.hoteltraffic.ingest.InputDiscovery;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/** Times the read stage alone in several shapes, to see where its time goes. Not a test. */
public final class ReadProbe {
  public static void main(String[] args) throws Exception {
    SparkSession spark =
        SparkSession.builder()
            .master("local[*]")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .getOrCreate();
    String mode = args[0];
    InputDiscovery.Result inputs =
        InputDiscovery.discover(
            List.of(args[1]),
            Optional.empty(),
            spark.sparkContext().hadoopConfiguration(),
            InputDiscovery.DEFAULT_SPLIT_BYTES);
    ExchangeInterpreter interpreter =
        new ExchangeInterpreter(
            ProviderRules.loadDefault(),
            ResponseClassifier.withDefaultTaxonomy(),
            new TokenPseudonymizer("k".getBytes()),
            false);
    long start = System.nanoTime();
    ExchangeReader.Read read = ExchangeReader.read(spark, inputs.splits(), interpreter, null);
    switch (mode) {
      case "count" -> System.out.println(read.exchanges().count());
      case "write" ->
          com.hoteltraffic.output.ExchangesTable.write(
              read.exchanges(), new org.apache.hadoop.fs.Path(args[2]));
      default -> throw new IllegalArgumentException(mode);
    }
    System.out.printf("PROBE %s %.1f s%n", mode, (System.nanoTime() - start) / 1e9);
    System.out.println("PROBE cpu " + BenchContender.cpuByRole());
    spark.stop();
  }
}
