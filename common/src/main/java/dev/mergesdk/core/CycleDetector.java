package dev.mergesdk.core;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * Notices when a sequence of page keys (cursors, page numbers) comes back to one it has seen, in bounded memory
 * however long the walk: exactly for a repeat of any of the last {@value #WINDOW} keys, and for longer cycles by
 * Brent's method (a checkpoint moved at each power of two), which catches any cycle within about two of its laps.
 */
final class CycleDetector {
  static final int WINDOW = 256;
  private final ArrayDeque<String> recent = new ArrayDeque<>();
  private final Set<String> recentSet = new HashSet<>();
  private String checkpoint;
  private long power = 1;
  private long sinceCheckpoint;

  /**
   * @param key the next key of the walk
   * @return whether it was seen before (the walk would cycle)
   */
  boolean repeats(String key) {
    if (recentSet.contains(key) || key.equals(checkpoint)) {
      return true;
    }
    recent.addLast(key);
    recentSet.add(key);
    if (recent.size() > WINDOW) {
      recentSet.remove(recent.removeFirst());
    }
    if (++sinceCheckpoint == power) {
      checkpoint = key;
      power <<= 1;
      sinceCheckpoint = 0;
    }
    return false;
  }
}
