package dev.mergesdk.core;

import dev.mergesdk.core.internal.NoAuth;

import dev.mergesdk.core.internal.Unrepeatable;
import com.google.gson.Gson;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.CallAdapter;
import retrofit2.Retrofit;

/**
 * Lets generated Retrofit interfaces return {@link MergeCall} and {@link PagedCall}. Retrofit is used only for what
 * it does best, turning an annotated method and its arguments into an {@link okhttp3.Request}; the call it hands
 * over is never executed. {@link RealMergeCall} runs the request on the SDK's OkHttp stack and {@link
 * ResponseDecoder} reads the response, so what a call returns, and when its body streams (a {@link Download}), is
 * decided by the declared type alone.
 */
final class MergeCallAdapterFactory extends CallAdapter.Factory {
  private final Gson gson;
  private final ClientContext client;

  MergeCallAdapterFactory(Gson gson, ClientContext client) {
    this.gson = gson;
    this.client = client;
  }

  @Override
  public CallAdapter<?, ?> get(Type returnType, Annotation[] annotations, Retrofit retrofit) {
    Class<?> raw = getRawType(returnType);
    if (raw != MergeCall.class && raw != PagedCall.class) {
      return null;
    }
    if (!(returnType instanceof ParameterizedType)) {
      throw new IllegalStateException(raw.getSimpleName() + " must be parameterized");
    }
    Type bodyType = getParameterUpperBound(0, (ParameterizedType) returnType);
    boolean paged = raw == PagedCall.class;
    boolean repeatable = true;
    boolean open = false;
    for (Annotation annotation : annotations) {
      if (annotation instanceof Unrepeatable) {
        repeatable = false;
      }
      if (annotation instanceof NoAuth) {
        open = true;
      }
    }
    boolean operationRepeatable = repeatable;
    boolean authenticated = !open;
    ResponseDecoder<Object> decoder = new ResponseDecoder<>(bodyType, gson, client.maxBodyBytes);
    return new CallAdapter<Object, Object>() {
      @Override
      public Type responseType() {
        // Retrofit asks for a converter of this type up front; its built-in one for raw bodies, never used.
        return ResponseBody.class;
      }

      @Override
      @SuppressWarnings({"unchecked", "rawtypes"})
      public Object adapt(Call<Object> call) {
        okhttp3.Request request = call.request();
        return paged
            ? new RealPagedCall(request, client, decoder, RequestOptions.none(), operationRepeatable, authenticated)
            : new RealMergeCall<>(request, client, decoder, RequestOptions.none(), operationRepeatable, authenticated);
      }
    };
  }
}
