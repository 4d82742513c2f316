package dev.mergesdk.core.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * The Gson configuration both clients share: lenient RFC 3339 dates, unknown fields kept, nulls omitted on write
 * except those a model's {@code clearX()} asked for.
 */
public final class Json {
  private static final Gson GSON = new GsonBuilder()
      .registerTypeAdapterFactory(UnknownFields.FACTORY)
      .registerTypeAdapterFactory(ExpandableAdapterFactory.INSTANCE)
      .registerTypeAdapterFactory(ExplicitNulls.FACTORY)
      .registerTypeAdapter(OffsetDateTime.class, new OffsetDateTimeAdapter().nullSafe())
      .registerTypeAdapter(LocalDate.class, new LocalDateAdapter().nullSafe())
      .registerTypeAdapter(Long.class, ExactInteger.LONG.nullSafe())
      .registerTypeAdapter(long.class, ExactInteger.LONG)
      .registerTypeAdapter(Integer.class, ExactInteger.INT.nullSafe())
      .registerTypeAdapter(int.class, ExactInteger.INT)
      // Last registered, so it wraps every adapter above (Gson consults the latest first).
      .registerTypeAdapterFactory(TolerantReading.FACTORY)
      .disableHtmlEscaping()
      .create();

  private Json() {
  }

  /** {@return the shared, thread-safe Gson instance} */
  public static Gson gson() {
    return GSON;
  }

  /**
   * Formats a date-time the way the APIs expect in query strings: always with seconds and an offset.
   *
   * @param value the instant
   * @return e.g. {@code 2024-01-01T00:00:00Z}
   */
  public static String formatDateTime(OffsetDateTime value) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value);
  }

  /**
   * Parses an RFC 3339 date-time with or without fractional seconds. A value without an offset is read as UTC,
   * since both APIs write UTC.
   *
   * @param text the value
   * @return the instant
   * @throws JsonParseException naming the bad value when it is not a date-time
   */
  public static OffsetDateTime parseDateTime(String text) {
    String trimmed = text.trim();
    OffsetDateTime common = parseCommonShape(trimmed);
    if (common != null) {
      return common;
    }
    try {
      TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(trimmed, OffsetDateTime::from,
          LocalDateTime::from);
      return parsed instanceof OffsetDateTime
          ? (OffsetDateTime) parsed
          : ((LocalDateTime) parsed).atOffset(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new JsonParseException("not an RFC 3339 date-time: '" + Snippets.shorten(text, 64) + "'", e);
    }
  }

  /**
   * The shape both APIs send, {@code yyyy-MM-ddTHH:mm:ss[.fraction][Z|+hh:mm|-hh:mm]}, parsed without the
   * formatter: {@code parseBest} allocates a few kilobytes per value, and with four timestamps per file it was
   * most of the cost of decoding a page. Anything else, including every invalid value, returns null and takes the
   * formatter's path, so what is accepted and the errors raised are unchanged.
   */
  private static OffsetDateTime parseCommonShape(String s) {
    int n = s.length();
    if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int i = 19;
    int nano = 0;
    if (i < n && s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
        nano = nano * 10 + (s.charAt(i++) - '0');
      }
      if (i == start || (i < n && isDigit(s.charAt(i)))) {
        return null;
      }
      for (int k = i - start; k < 9; k++) {
        nano *= 10;
      }
    }
    ZoneOffset offset;
    if (i == n || (i == n - 1 && s.charAt(i) == 'Z')) {
      offset = ZoneOffset.UTC;
    } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
      int hours = digits(s, i + 1, 2);
      int minutes = digits(s, i + 4, 2);
      if ((hours | minutes) < 0) {
        return null;
      }
      int sign = s.charAt(i) == '-' ? -1 : 1;
      try {
        offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
      } catch (DateTimeException e) {
        return null;
      }
    } else {
      return null;
    }
    try {
      return OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static final class OffsetDateTimeAdapter extends TypeAdapter<OffsetDateTime> {
    @Override
    public void write(JsonWriter out, OffsetDateTime value) throws IOException {
      out.value(formatDateTime(value));
    }

    @Override
    public OffsetDateTime read(JsonReader in) throws IOException {
      if (in.peek() != JsonToken.STRING) {
        throw new JsonParseException("expected a date-time string at " + in.getPath() + " but found " + in.peek());
      }
      try {
        return parseDateTime(in.nextString());
      } catch (JsonParseException e) {
        // The path is built only for the message: building it for every value cost as much as parsing it.
        throw new JsonParseException(e.getMessage() + " at " + in.getPreviousPath(), e.getCause());
      }
    }
  }

  private static final class LocalDateAdapter extends TypeAdapter<LocalDate> {
    @Override
    public void write(JsonWriter out, LocalDate value) throws IOException {
      out.value(value.toString());
    }

    @Override
    public LocalDate read(JsonReader in) throws IOException {
      String text = in.nextString();
      try {
        // Accept a full date-time where a date is declared; keep its calendar day.
        return text.length() > 10 ? parseDateTime(text).toLocalDate() : LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        throw new JsonParseException("not a date: '" + Snippets.shorten(text, 64) + "' at " + in.getPreviousPath(), e);
      }
    }
  }

  /**
   * Integers read exactly: Gson reads a number too large for a {@code long} through a {@code double} and, for
   * 2^63 and a little beyond, silently returns {@code Long.MAX_VALUE}. Here anything outside the type's range, or
   * with a fraction, is a {@link JsonParseException} naming the value; integral forms such as {@code 1.0} or
   * {@code 1e3} are accepted.
   */
  private static final class ExactInteger extends TypeAdapter<Number> {
    static final ExactInteger LONG = new ExactInteger(true);
    static final ExactInteger INT = new ExactInteger(false);
    private final boolean wide;

    private ExactInteger(boolean wide) {
      this.wide = wide;
    }

    @Override
    public void write(JsonWriter out, Number value) throws IOException {
      out.value(value);
    }

    @Override
    public Number read(JsonReader in) throws IOException {
      JsonToken token = in.peek();
      if (token != JsonToken.NUMBER && token != JsonToken.STRING) {
        throw new JsonParseException("expected an integer at " + in.getPath() + " but found " + token);
      }
      String text = in.nextString();
      try {
        long value;
        try {
          value = Long.parseLong(text);
        } catch (NumberFormatException notPlain) {
          value = new java.math.BigDecimal(text.trim()).longValueExact();
        }
        if (wide) {
          return value;
        }
        return Math.toIntExact(value);
      } catch (NumberFormatException | ArithmeticException e) {
        throw new JsonParseException("not a " + (wide ? "64" : "32") + "-bit integer: '" + Snippets.shorten(text, 40)
            + "' at " + in.getPreviousPath(), e);
      }
    }
  }
}
