package dev.mergesdk.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;

/**
 * Checks that hold for every generated operation of a client, found by {@link GeneratedOperations}: whatever the
 * spec grows to, no operation is left out.
 */
public final class OperationSweeps {
  /** A path argument that tries every way out of its segment. */
  public static final String HOSTILE = "a/../b?c=1#d%e é";

  private OperationSweeps() {
  }

  /**
   * Calls every operation with one required argument null at a time.
   *
   * @param client the client entry point
   * @param operations its operations
   * @return one line per argument that was accepted, or refused other than by a NullPointerException whose message
   *     names an argument; empty when all is well
   */
  public static List<String> requiredArgumentsNotCheckedForNull(Object client, Map<String, GeneratedOperations.Operation> operations) {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (GeneratedOperations.Operation op : operations.values()) {
      Class<?>[] types = op.parameterTypes();
      for (int i = 0; i < types.length; i++) {
        if (types[i].isPrimitive()) {
          continue;
        }
        Object[] args = op.placeholderArguments();
        args[i] = null;
        String where = op.key() + " argument " + (i + 1) + " (" + types[i].getSimpleName() + ")";
        checked++;
        try {
          op.prepare(client, args);
          problems.add(where + ": null accepted");
        } catch (NullPointerException e) {
          if (e.getMessage() == null || !e.getMessage().matches("[A-Za-z][A-Za-z0-9_]* must not be null")) {
            problems.add(where + ": message does not name the argument: " + e.getMessage());
          }
        } catch (RuntimeException e) {
          problems.add(where + ": " + e);
        }
      }
    }
    if (checked == 0) {
      problems.add("no operation has a required argument");
    }
    return problems;
  }

  /**
   * Calls every operation that takes a string with {@link #HOSTILE} as every string argument, and inspects the
   * request the server received.
   *
   * @param client a client whose base URL is {@code server}'s, without retries
   * @param operations its operations
   * @param server answers every request with the JSON it was given
   * @return one line per request whose path the argument escaped from; empty when all is well
   */
  public static List<String> pathArgumentsEscapingTheirSegment(Object client, Map<String, GeneratedOperations.Operation> operations,
      FuzzServer server) {
    List<String> problems = new ArrayList<>();
    server.serve("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    int checked = 0;
    for (GeneratedOperations.Operation op : operations.values()) {
      Class<?>[] types = op.parameterTypes();
      Object[] args = op.placeholderArguments();
      boolean anyString = false;
      for (int i = 0; i < types.length; i++) {
        if (types[i] == String.class) {
          args[i] = HOSTILE;
          anyString = true;
        }
      }
      if (!anyString) {
        continue;
      }
      try {
        Object result = op.prepare(client, args).execute();
        if (result instanceof Download) {
          ((Download) result).close();
        }
      } catch (DecodeException expected) {
        // "{}" is not every operation's response; only the request matters here.
      } catch (RuntimeException e) {
        problems.add(op.key() + ": " + e);
        continue;
      }
      RecordedRequest request = server.takeRequest();
      if (request == null) {
        problems.add(op.key() + ": no request sent");
        continue;
      }
      checked++;
      for (String segment : request.getUrl().pathSegments()) {
        if (segment.equals("..") || segment.equals(".") || segment.equals("a") || segment.startsWith("b?")
            || (segment.contains("c=1") && !segment.equals(HOSTILE))) {
          problems.add(op.key() + ": the argument left its segment: " + request.getTarget());
          break;
        }
      }
      if (request.getUrl().queryParameter("c") != null || request.getTarget().contains("#")) {
        problems.add(op.key() + ": the argument added to the query: " + request.getTarget());
      }
    }
    if (checked == 0) {
      problems.add("no operation takes a string argument");
    }
    return problems;
  }
}
