package com.hoteltraffic.report.engine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * The small facts a report gathers in every read task and needs whole in the merge (for example the
 * booking lists that can prove a booking's absence for any client reference): they travel to the
 * driver with each task's counts, are joined there, and reach every merge task as codec bytes. They
 * must stay small whatever the traffic: the driver holds them.
 *
 * @param <F> the facts; mutable while a task adds to them
 */
public interface ReportFacts<F> extends Serializable {
  /** A task's facts before its first exchange. */
  F empty();

  /**
   * The facts of every task as one, in any order of the tasks: the result must not depend on it.
   */
  F join(List<F> tasks);

  void write(F facts, DataOutput out) throws IOException;

  /** Facts back from what {@link #write} wrote. */
  F read(DataInput in) throws IOException;
}
