package dev.mergesdk.core;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;

/**
 * Applies a call's extra query parameters and body members ({@link RequestOptions.Builder#extraQueryParameter},
 * {@link RequestOptions.Builder#extraBodyMember}) to the request the operation built. They change the query and
 * the body only, so the request still goes to the operation's own URL.
 */
final class RequestExtras {
  /** The merged body is written as it was read: the only nulls in it are the ones that were sent or asked for. */
  private static final Gson WITH_NULLS = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

  private RequestExtras() {
  }

  /**
   * @return {@code options}, once it is clear they can be applied to {@code request}
   * @throws IllegalArgumentException when they carry body members and the request has no JSON object body
   */
  static RequestOptions checked(Request request, RequestOptions options) {
    if (options.hasExtraBodyMembers()) {
      jsonObjectBody(request);
    }
    return options;
  }

  static Request apply(Request request, RequestOptions options) {
    Map<String, List<String>> query = options.extraQueryParameters();
    if (query.isEmpty() && !options.hasExtraBodyMembers()) {
      return request;
    }
    Request.Builder builder = request.newBuilder();
    if (!query.isEmpty()) {
      HttpUrl.Builder url = request.url().newBuilder();
      query.forEach((name, values) -> values.forEach(value -> url.addQueryParameter(name, value)));
      builder.url(url.build());
    }
    if (options.hasExtraBodyMembers()) {
      JsonObject body = jsonObjectBody(request);
      options.bodyMembers().forEach((name, value) -> body.add(name, value.deepCopy()));
      builder.method(request.method(), RequestBody.create(WITH_NULLS.toJson(body).getBytes(StandardCharsets.UTF_8),
          request.body().contentType()));
    }
    return builder.build();
  }

  private static JsonObject jsonObjectBody(Request request) {
    RequestBody body = request.body();
    MediaType type = body == null ? null : body.contentType();
    String what = request.method() + " " + Redaction.url(request.url());
    if (type == null || !type.subtype().toLowerCase(Locale.ROOT).contains("json")) {
      throw new IllegalArgumentException("extraBodyMember needs an operation with a JSON object body; " + what
          + (body == null ? " sends no body" : " sends " + (type == null ? "a body without a content type" : type)));
    }
    Buffer buffer = new Buffer();
    try {
      body.writeTo(buffer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonElement parsed;
    try {
      parsed = JsonParser.parseString(buffer.readUtf8());
    } catch (JsonParseException e) {
      throw new IllegalArgumentException("extraBodyMember needs a JSON object body; " + what + " sends no valid JSON", e);
    }
    if (!parsed.isJsonObject()) {
      throw new IllegalArgumentException("extraBodyMember needs an operation with a JSON object body; " + what
          + " sends a JSON " + (parsed.isJsonArray() ? "array" : "value"));
    }
    return parsed.getAsJsonObject();
  }
}
