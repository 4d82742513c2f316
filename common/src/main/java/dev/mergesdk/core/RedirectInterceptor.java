package dev.mergesdk.core;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The redirect policy; OkHttp's own redirects are off ({@link ClientRuntime}), since OkHttp would carry every header
 * but {@code Authorization} (the account token, the caller's headers) and a 307/308 request body to any host.
 *
 * <ul>
 *   <li>JSON operations of these APIs never redirect: a 3xx is answered as it is and becomes a
 *       {@link RedirectException} naming the status and the target.
 *   <li>A download follows up to {@value #MAX_HOPS} redirects with a GET. Within the API's origin (scheme, host and
 *       port) the request keeps its headers; a hop to any other origin is a fresh request carrying nothing the SDK
 *       or the caller attached (no credential, no caller header), and every later hop stays that way. A redirect
 *       from https to http is never followed.
 * </ul>
 *
 * <p>It sits below {@link RetryInterceptor} and above {@link LoggingInterceptor}, so each hop is logged and a
 * failed hop is retried from the API's URL.
 */
final class RedirectInterceptor implements Interceptor {
  static final int MAX_HOPS = 5;

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Response response = chain.proceed(request);
    CallContext call = CallContext.of(request);
    if (call == null) {
      return response;
    }
    boolean stripped = false;
    for (int hops = 0; isRedirect(response.code()); hops++) {
      HttpUrl from = response.request().url();
      String location = response.header("Location");
      HttpUrl target = location == null ? null : from.resolve(location);
      String refusal = call.download ? refusal(from, target, hops) : "API operations do not redirect";
      if (refusal != null) {
        call.redirectRefusal = refusal;
        return response;
      }
      response.close();
      call.forgetRetryAfter();
      stripped = stripped || !sameOrigin(request.url(), target);
      Request next;
      if (stripped) {
        call.log.log("following " + response.code() + " to " + Redaction.url(target)
            + ", another origin: without credentials or caller headers");
        next = new Request.Builder().url(target).get()
            .header("Accept", request.header("Accept") == null ? "*/*" : request.header("Accept"))
            .tag(CallContext.class, call)
            .build();
      } else {
        call.log.log("following " + response.code() + " to " + Redaction.url(target));
        next = request.newBuilder().url(target).get().build();
      }
      response = chain.proceed(next);
    }
    return response;
  }

  static boolean isRedirect(int code) {
    return code == 300 || code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
  }

  /** {@return why the redirect is not followed, or null to follow it} */
  static String refusal(HttpUrl from, HttpUrl target, int hopsSoFar) {
    if (target == null) {
      return "the redirect has no http(s) Location";
    }
    if (from.isHttps() && !target.isHttps()) {
      return "a redirect from https to http is never followed";
    }
    if (hopsSoFar >= MAX_HOPS) {
      return "more than " + MAX_HOPS + " redirects";
    }
    return null;
  }

  static boolean sameOrigin(HttpUrl a, HttpUrl b) {
    return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
  }
}
