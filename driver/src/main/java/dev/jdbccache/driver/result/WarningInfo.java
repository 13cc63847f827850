package dev.jdbccache.driver.result;

import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;

/** One recorded {@link SQLWarning}: what is needed to build an equivalent warning on a hit. */
record WarningInfo(String reason, String sqlState, int vendorCode) {

  static List<WarningInfo> capture(SQLWarning chain) {
    if (chain == null) {
      return List.of(); // the usual case: nothing to allocate on every recorded result
    }
    List<WarningInfo> out = new ArrayList<>();
    for (SQLWarning w = chain; w != null; w = w.getNextWarning()) {
      out.add(new WarningInfo(w.getMessage(), w.getSQLState(), w.getErrorCode()));
    }
    return List.copyOf(out);
  }

  /** A fresh warning chain, or null when there are none. */
  static SQLWarning toChain(List<WarningInfo> warnings) {
    SQLWarning head = null;
    for (WarningInfo w : warnings) {
      SQLWarning next = new SQLWarning(w.reason, w.sqlState, w.vendorCode);
      if (head == null) {
        head = next;
      } else {
        head.setNextWarning(next);
      }
    }
    return head;
  }
}
