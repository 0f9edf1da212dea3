package com.hoteltraffic.job;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a run's tables go besides {@code tables/}: nowhere more (Parquet folders only), or Iceberg
 * or Delta Lake tables, in an embedded file catalog under a warehouse folder or in a Spark catalog
 * the user configured.
 *
 * @param format {@link Format#PARQUET} (the default: only the run's own {@code tables/}), or the
 *     lakehouse format of the tables
 * @param warehouse the embedded file catalog's folder (an absolute URI), empty with a catalog
 * @param catalog a Spark catalog configured with {@code --conf spark.sql.catalog.NAME=...}, empty
 *     for the embedded file catalog
 * @param namespace the namespace (database) the tables go into
 */
public record TableSettings(
    Format format, Optional<String> warehouse, Optional<String> catalog, String namespace) {

  /** The namespace when none is given. */
  public static final String DEFAULT_NAMESPACE = "traffic";

  /** The name the command line gives the embedded Iceberg file catalog. */
  public static final String EMBEDDED_CATALOG = "traffic_analyzer";

  /** The table formats of {@code --tables}. */
  public enum Format {
    PARQUET,
    ICEBERG,
    DELTA;

    /** The option's spelling. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Only the run's own Parquet folders. */
  public static TableSettings parquetOnly() {
    return new TableSettings(Format.PARQUET, Optional.empty(), Optional.empty(), DEFAULT_NAMESPACE);
  }

  /** Whether the run writes lakehouse tables. */
  public boolean lakehouse() {
    return format != Format.PARQUET;
  }
}
