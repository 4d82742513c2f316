package dev.mergesdk.core;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * The Gson configuration both clients share: lenient RFC 3339 dates, unknown fields kept, nulls omitted on write.
 */
public final class Json {
  private static final Gson GSON = new GsonBuilder()
      .registerTypeAdapterFactory(UnknownFields.FACTORY)
      .registerTypeAdapterFactory(Expandable.FACTORY)
      .registerTypeAdapter(OffsetDateTime.class, new OffsetDateTimeAdapter().nullSafe())
      .registerTypeAdapter(LocalDate.class, new LocalDateAdapter().nullSafe())
      .disableHtmlEscaping()
      .create();

  private Json() {
  }

  /** @return the shared, thread-safe Gson instance */
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
    try {
      TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text.trim(), OffsetDateTime::from,
          LocalDateTime::from);
      return parsed instanceof OffsetDateTime
          ? (OffsetDateTime) parsed
          : ((LocalDateTime) parsed).atOffset(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new JsonParseException("not an RFC 3339 date-time: '" + Snippets.shorten(text, 64) + "'", e);
    }
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
      String path = in.getPath();
      try {
        return parseDateTime(in.nextString());
      } catch (JsonParseException e) {
        throw new JsonParseException(e.getMessage() + " at " + path, e.getCause());
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
      String path = in.getPath();
      String text = in.nextString();
      try {
        // Accept a full date-time where a date is declared; keep its calendar day.
        return text.length() > 10 ? parseDateTime(text).toLocalDate() : LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        throw new JsonParseException("not a date: '" + Snippets.shorten(text, 64) + "' at " + path, e);
      }
    }
  }
}
