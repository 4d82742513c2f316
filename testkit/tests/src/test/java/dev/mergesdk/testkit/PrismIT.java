package dev.mergesdk.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import dev.mergesdk.agenthandler.AgentHandlerClient;
import dev.mergesdk.core.RetryPolicy;
import dev.mergesdk.filestorage.FileStorageClient;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.io.Closeable;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * Drives every GET operation of both clients through Stoplight Prism mocking the specs (started by
 * {@code .ci/prism-check}, which passes {@code -Dprism.filestorage.url} and {@code -Dprism.agent-handler.url}).
 * The operations come from the spec; each is matched to the generated group method whose Retrofit {@code @GET}
 * path is the operation's, and called with the spec's example values for its required parameters. Prism answers
 * a request that breaks the spec with an error (or flags it in {@code sl-violations}), and serves the spec's
 * examples, which the client must decode: either fails the test, naming the operation.
 */
class PrismIT {
  private final List<String> violations = new CopyOnWriteArrayList<>();

  private static String url(String property) {
    String url = System.getProperty(property);
    assertNotNull(url, "-D" + property + " is not set: run this through .ci/prism-check");
    return url;
  }

  private OkHttpClient http() {
    return new OkHttpClient.Builder().addInterceptor(chain -> {
      okhttp3.Response response = chain.proceed(chain.request());
      String header = response.header("sl-violations");
      if (header != null && !header.isEmpty()) {
        violations.add(chain.request().method() + " " + chain.request().url().encodedPath() + ": " + header);
      }
      return response;
    }).build();
  }

  @Test
  void everyFileStorageReadOperation() throws Exception {
    try (FileStorageClient client = FileStorageClient.builder().apiKey("prism-key").accountToken("prism-token")
        .baseUrl(url("prism.filestorage.url")).retryPolicy(RetryPolicy.none()).httpClient(http()).build()) {
      drive(ApiSpec.fileStorage(), client);
    }
  }

  @Test
  void everyAgentHandlerReadOperation() throws Exception {
    try (AgentHandlerClient client = AgentHandlerClient.builder().apiKey("prism-key")
        .baseUrl(url("prism.agent-handler.url")).retryPolicy(RetryPolicy.none()).httpClient(http()).build()) {
      drive(ApiSpec.agentHandler(), client);
    }
  }

  /** A generated group's operation: the group object and its Retrofit service method. */
  private static final class Binding {
    final Object group;
    final Method service;

    Binding(Object group, Method service) {
      this.group = group;
      this.service = service;
    }
  }

  private void drive(ApiSpec spec, Object client) throws Exception {
    Map<String, Binding> gets = new LinkedHashMap<>();
    for (Method accessor : client.getClass().getMethods()) {
      if (accessor.getParameterCount() != 0) {
        continue;
      }
      Class<?> serviceType = Arrays.stream(accessor.getReturnType().getDeclaredClasses())
          .filter(c -> c.getSimpleName().equals("Service") && c.isInterface()).findFirst().orElse(null);
      if (serviceType == null) {
        continue;
      }
      Object group = accessor.invoke(client);
      for (Method m : serviceType.getDeclaredMethods()) {
        retrofit2.http.GET get = m.getAnnotation(retrofit2.http.GET.class);
        if (get != null) {
          gets.put(normalize(get.value()), new Binding(group, m));
        }
      }
    }
    List<String> failures = new ArrayList<>();
    int driven = 0;
    for (SpecOperation op : spec.operations()) {
      if (!op.method().equals("GET")) {
        continue;
      }
      Binding binding = gets.get(normalize(op.path()));
      if (binding == null) {
        failures.add(op + ": the client has no method with @GET(\"" + op.path() + "\")");
        continue;
      }
      driven++;
      int before = violations.size();
      try {
        call(op, binding);
      } catch (InvocationTargetException e) {
        failures.add(op + ": " + e.getCause());
      } catch (RuntimeException | ReflectiveOperationException e) {
        failures.add(op + ": cannot call it: " + e);
      }
      for (String v : violations.subList(before, violations.size())) {
        failures.add(op + ": Prism reports " + v);
      }
    }
    System.out.println("[prism] " + spec.title() + ": " + driven + " GET operation(s) driven through Prism, "
        + failures.size() + " failure(s)");
    assertFalse(driven == 0, "no GET operation in " + spec);
    if (!failures.isEmpty()) {
      fail(failures.size() + " of " + driven + " GET operations of " + spec.title() + " failed against Prism:\n  - "
          + String.join("\n  - ", failures));
    }
  }

  private static String normalize(String path) {
    return path.startsWith("/") ? path.substring(1) : path;
  }

  private static void call(SpecOperation op, Binding binding) throws Exception {
    Method method = Arrays.stream(binding.group.getClass().getMethods())
        .filter(m -> m.getName().equals(binding.service.getName()))
        .min(Comparator.comparingInt(Method::getParameterCount))
        .orElseThrow(() -> new NoSuchMethodException(binding.service.getName()));
    Object[] args = new Object[method.getParameterCount()];
    for (int i = 0; i < args.length; i++) {
      String name = paramName(binding.service.getParameterAnnotations()[i]);
      Parameter parameter = op.parameters().stream().filter(p -> p.getName().equals(name)).findFirst()
          .orElseThrow(() -> new IllegalStateException("no spec parameter " + name));
      args[i] = convert(op.exampleValue(parameter), method.getGenericParameterTypes()[i]);
    }
    Object call = method.invoke(binding.group, args);
    // Through the declared (public) call interface: the implementation class is not public.
    Object result = method.getReturnType().getMethod("execute").invoke(call);
    if (result instanceof Closeable) {
      try (Closeable closeable = (Closeable) result) {
        for (Method m : result.getClass().getMethods()) {
          if (m.getName().equals("inputStream") && m.getParameterCount() == 0) {
            ((InputStream) m.invoke(result)).readAllBytes();
          }
        }
      }
    }
  }

  private static String paramName(Annotation[] annotations) {
    for (Annotation a : annotations) {
      if (a instanceof retrofit2.http.Path) {
        return ((retrofit2.http.Path) a).value();
      }
      if (a instanceof retrofit2.http.Query) {
        return ((retrofit2.http.Query) a).value();
      }
    }
    throw new IllegalStateException("a required parameter that is neither path nor query");
  }

  private static Object convert(String value, Type type) {
    Class<?> raw = type instanceof ParameterizedType ? (Class<?>) ((ParameterizedType) type).getRawType()
        : (Class<?>) type;
    if (raw == String.class) {
      return value;
    }
    if (raw == Integer.class || raw == int.class) {
      return Integer.valueOf(value);
    }
    if (raw == Long.class || raw == long.class) {
      return Long.valueOf(value);
    }
    if (raw == Boolean.class || raw == boolean.class) {
      return Boolean.valueOf(value);
    }
    if (raw == OffsetDateTime.class) {
      return OffsetDateTime.parse(value);
    }
    if (raw == LocalDate.class) {
      return LocalDate.parse(value);
    }
    if (raw.isEnum()) {
      for (Object constant : raw.getEnumConstants()) {
        if (constant.toString().equals(value)) {
          return constant;
        }
      }
      throw new IllegalArgumentException(value + " is not a value of " + raw.getName());
    }
    if (List.class.isAssignableFrom(raw) && type instanceof ParameterizedType) {
      return List.of(convert(value.split(",")[0], ((ParameterizedType) type).getActualTypeArguments()[0]));
    }
    throw new IllegalArgumentException("no example conversion to " + type);
  }
}
