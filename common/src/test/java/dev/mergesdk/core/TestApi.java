package dev.mergesdk.core;

import dev.mergesdk.core.internal.NoAuth;

import dev.mergesdk.core.internal.CommaSeparated;
import dev.mergesdk.core.internal.CursorPage;
import dev.mergesdk.core.internal.NumberedPage;
import dev.mergesdk.core.internal.TokenPage;
import dev.mergesdk.core.internal.UnknownFields;
import dev.mergesdk.core.internal.Unrepeatable;
import com.google.gson.JsonObject;
import com.google.gson.annotations.SerializedName;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Path;
import retrofit2.http.Query;

/** A tiny API in the shape the generator produces, so the runtime can be specified without either real API. */
interface TestApi {
  @GET("things/{id}")
  MergeCall<Thing> get(@Path(value = "id", encoded = true) String id);

  @GET("shapes/{id}")
  MergeCall<Shaped> shaped(@Path(value = "id", encoded = true) String id);

  /** An operation that needs no credential, marked as the generator marks it. */
  @NoAuth
  @POST("signup/")
  MergeCall<Thing> signup();

  @GET("things")
  PagedCall<CursorThings, Thing> listByCursor(@Query("name") String name, @Query("page_size") Integer pageSize);

  @GET("numbered/")
  PagedCall<NumberedThings, Thing> listByNumber(@Query("name") String name);

  @GET("tokens/")
  PagedCall<TokenThings, Thing> listByToken(@Query("tool") String tool);

  @GET("issues")
  MergeCall<List<Thing>> issues(@Query("account_token") String accountToken);

  @POST("things")
  MergeCall<Thing> create(@Body Thing thing);

  @PATCH("things/{id}")
  MergeCall<Thing> update(@Path(value = "id", encoded = true) String id, @Body Thing thing);

  @POST("things/{id}/delete")
  MergeCall<Void> delete(@Path(value = "id", encoded = true) String id);

  @GET("things/{id}/content")
  MergeCall<Download> download(@Path(value = "id", encoded = true) String id);

  @PUT("uploads/{token}")
  MergeCall<Void> upload(@Path(value = "token", encoded = true) String token, @Body Upload body);

  /** An upload to a one-shot reservation, marked as the generator marks it. */
  @Unrepeatable
  @PUT("reservations/{token}")
  MergeCall<Thing> uploadOnce(@Path(value = "token", encoded = true) String token, @Body Upload body);

  @retrofit2.http.DELETE("things/{id}")
  MergeCall<java.util.Optional<Thing>> remove(@Path(value = "id", encoded = true) String id);

  @GET("since")
  MergeCall<List<Thing>> since(@Query("modified_after") OffsetDateTime after, @Query(value = "expand", encoded = true) CommaSeparated expand);

  /** A model as the generator writes it: Gson fields, an open enum, the unknown-fields slot. */
  /** A member of every shape a generated model has, for the specification of tolerant reading. */
  final class Shaped {
    @SerializedName("text")
    String text;
    @SerializedName("count")
    Integer count;
    @SerializedName("size")
    Long size;
    @SerializedName("ratio")
    Double ratio;
    @SerializedName("flag")
    Boolean flag;
    @SerializedName("status")
    Status status;
    @SerializedName("at")
    OffsetDateTime at;
    @SerializedName("day")
    java.time.LocalDate day;
    @SerializedName("owner")
    Expandable<Thing> owner;
    @SerializedName("child")
    Thing child;
    @SerializedName("tags")
    List<String> tags;
    @SerializedName("children")
    List<Thing> children;
    @SerializedName("labels")
    Map<String, String> labels;
    @SerializedName("grid")
    List<List<Integer>> grid;
    @SerializedName("raw")
    com.google.gson.JsonElement raw;
    private transient JsonObject unknownFields;

    JsonObject unknownFields() {
      return unknownFields == null ? new JsonObject() : unknownFields;
    }
  }

  final class Thing {
    @SerializedName("id")
    String id;
    @SerializedName("name")
    String name;
    @SerializedName("status")
    Status status;
    @SerializedName("created_at")
    OffsetDateTime createdAt;
    @SerializedName("owner")
    Expandable<Thing> owner;
    @SerializedName("remote_data")
    Map<String, Object> remoteData;
    @SerializedName("size")
    Long size;
    private transient JsonObject unknownFields;

    JsonObject unknownFields() {
      return unknownFields == null ? new JsonObject() : unknownFields;
    }

    static Thing named(String name) {
      Thing t = new Thing();
      t.name = name;
      return t;
    }
  }

  @com.google.gson.annotations.JsonAdapter(Status.Adapter.class)
  enum Status {
    ACTIVE("ACTIVE"), ARCHIVED("ARCHIVED"), UNKNOWN(null);

    final String value;

    Status(String value) {
      this.value = value;
    }

    static Status fromValue(String value) {
      for (Status s : values()) {
        if (s.value != null && s.value.equals(value)) {
          return s;
        }
      }
      return UNKNOWN;
    }

    static final class Adapter extends com.google.gson.TypeAdapter<Status> {
      @Override
      public void write(com.google.gson.stream.JsonWriter out, Status value) throws java.io.IOException {
        if (value.value == null) {
          out.nullValue();
        } else {
          out.value(value.value);
        }
      }

      @Override
      public Status read(com.google.gson.stream.JsonReader in) throws java.io.IOException {
        String value = in.nextString();
        Status parsed = fromValue(value);
        if (parsed == UNKNOWN) {
          UnknownFields.recordUnknownValue(in, value);
        }
        return parsed;
      }
    }
  }

  final class CursorThings implements CursorPage<Thing> {
    String next;
    List<Thing> results;

    @Override
    public String getNext() {
      return next;
    }

    @Override
    public List<Thing> getResults() {
      return results;
    }
  }

  final class NumberedThings implements NumberedPage<Thing> {
    Integer count;
    String next;
    List<Thing> results;

    @Override
    public String getNext() {
      return next;
    }

    @Override
    public List<Thing> getResults() {
      return results;
    }
  }

  final class TokenThings implements TokenPage<Thing> {
    @SerializedName("next_cursor")
    String nextCursor;
    @SerializedName("has_more")
    Boolean hasMore;
    List<Thing> results;

    @Override
    public String getNextCursor() {
      return nextCursor;
    }

    @Override
    public Boolean getHasMore() {
      return hasMore;
    }

    @Override
    public List<Thing> getResults() {
      return results;
    }
  }
}
