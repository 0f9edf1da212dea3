package com.hoteltraffic.report.bookings;

import com.hoteltraffic.report.engine.ReportFacts;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The booking report's facts: every booking list page of the run that can prove a booking's absence
 * for any client reference ({@link CoveringList}). Each read task gathers its own; the merge needs
 * them all, whatever key it reconciles.
 */
final class CoveringLists {
  private final List<CoveringList> lists;

  /** Built on first use in a merge task; never encoded. */
  private CoveringIndex index;

  CoveringLists(List<CoveringList> lists) {
    this.lists = lists;
  }

  void add(CoveringList list) {
    lists.add(list);
  }

  List<CoveringList> lists() {
    return lists;
  }

  /** The lists, indexed for the attempts' lookups (built once per merge task). */
  synchronized CoveringIndex index() {
    if (index == null) {
      index = new CoveringIndex(lists);
    }
    return index;
  }

  /** The facts' codec and join: the lists of every task, in time order. */
  static final class Facts implements ReportFacts<CoveringLists> {
    private static final long serialVersionUID = 1L;

    @Override
    public CoveringLists empty() {
      return new CoveringLists(new ArrayList<>());
    }

    @Override
    public CoveringLists join(List<CoveringLists> tasks) {
      List<CoveringList> all = new ArrayList<>();
      tasks.forEach(task -> all.addAll(task.lists));
      all.sort(
          Comparator.comparingLong(CoveringList::tsMicros)
              .thenComparing(CoveringList::start, Comparator.nullsFirst(Comparator.naturalOrder()))
              .thenComparing(CoveringList::end, Comparator.nullsFirst(Comparator.naturalOrder())));
      return new CoveringLists(all);
    }

    @Override
    public void write(CoveringLists facts, DataOutput out) throws IOException {
      out.writeInt(facts.lists.size());
      for (CoveringList list : facts.lists) {
        BookingCodec.writeCoveringList(out, list);
      }
    }

    @Override
    public CoveringLists read(DataInput in) throws IOException {
      int count = in.readInt();
      List<CoveringList> lists = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        lists.add(BookingCodec.readCoveringList(in));
      }
      return new CoveringLists(lists);
    }
  }
}
