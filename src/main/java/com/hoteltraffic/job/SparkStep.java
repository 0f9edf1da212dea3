package com.hoteltraffic.job;

import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Names the Spark jobs of one step of a run, so that the Spark UI and the history server read as
 * the run's steps ("read and classify 4 files (634 MB)", "merge reports") instead of {@code parquet
 * at ExchangesTable.java:NNN}.
 *
 * <p>The job group and description are thread-local properties of the context: they are set when
 * the step starts and the caller's own values are put back when it ends, so a session the job is
 * given keeps what its owner set.
 */
final class SparkStep implements AutoCloseable {
  /** Spark's own property keys for the group and description ({@code SparkContext}'s). */
  static final String JOB_GROUP_ID = "spark.jobGroup.id";

  static final String JOB_DESCRIPTION = "spark.job.description";
  static final String JOB_INTERRUPT_ON_CANCEL = "spark.job.interruptOnCancel";

  /** The prefix of every job group of a run, so that a UI or a listener can pick them out. */
  static final String GROUP_PREFIX = "traffic-analyzer-";

  private final SparkContext context;
  private final String group;
  private final String description;
  private final String interrupt;

  private SparkStep(SparkContext context) {
    this.context = context;
    this.group = context.getLocalProperty(JOB_GROUP_ID);
    this.description = context.getLocalProperty(JOB_DESCRIPTION);
    this.interrupt = context.getLocalProperty(JOB_INTERRUPT_ON_CANCEL);
  }

  /**
   * Runs the Spark jobs started on this thread until {@link #close()} under the job group {@code
   * traffic-analyzer-<step>} with {@code description}.
   */
  static SparkStep start(SparkSession spark, String step, String description) {
    SparkStep saved = new SparkStep(spark.sparkContext());
    spark.sparkContext().setJobGroup(GROUP_PREFIX + step, description, false);
    return saved;
  }

  /** Puts back the group and description the thread had before the step. */
  @Override
  public void close() {
    context.setLocalProperty(JOB_GROUP_ID, group);
    context.setLocalProperty(JOB_DESCRIPTION, description);
    context.setLocalProperty(JOB_INTERRUPT_ON_CANCEL, interrupt);
  }
}
