package dev.mergesdk.core;

import dev.mergesdk.core.internal.Json;
import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.Buffer;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Request bodies: {@link Upload} streams as is, anything else is JSON. Query values: date-times always with
 * seconds and offset. No response converter: Retrofit only builds the requests (see {@link
 * MergeCallAdapterFactory}), and {@link ResponseDecoder} reads every response.
 */
final class MergeConverterFactory extends Converter.Factory {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final Converter<OffsetDateTime, String> DATE_TIME = new Converter<OffsetDateTime, String>() {
    @Override
    public String convert(OffsetDateTime value) {
      return Json.formatDateTime(value);
    }
  };
  private final Gson gson;

  MergeConverterFactory(Gson gson) {
    this.gson = gson;
  }

  @Override
  public Converter<?, RequestBody> requestBodyConverter(Type type, Annotation[] parameterAnnotations,
      Annotation[] methodAnnotations, Retrofit retrofit) {
    if (type == Upload.class) {
      return (Converter<Upload, RequestBody>) Upload::requestBody;
    }
    TypeAdapter<?> adapter = gson.getAdapter(TypeToken.get(type));
    return value -> json(adapter, value);
  }

  @SuppressWarnings("unchecked")
  private <T> RequestBody json(TypeAdapter<T> adapter, Object value) throws java.io.IOException {
    Buffer buffer = new Buffer();
    Writer writer = new OutputStreamWriter(buffer.outputStream(), StandardCharsets.UTF_8);
    JsonWriter jsonWriter = gson.newJsonWriter(writer);
    adapter.write(jsonWriter, (T) value);
    jsonWriter.close();
    return RequestBody.create(buffer.readByteString(), JSON);
  }

  @Override
  public Converter<?, String> stringConverter(Type type, Annotation[] annotations, Retrofit retrofit) {
    if (type == OffsetDateTime.class) {
      return DATE_TIME;
    }
    return null;
  }
}
