package dev.mergesdk.testkit;

import dev.mergesdk.core.Download;
import dev.mergesdk.core.internal.Json;
import dev.mergesdk.core.MergeCall;
import dev.mergesdk.core.Upload;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Binds each operation of a spec to the generated client method that sends it (by the HTTP method and path of its
 * Retrofit annotation) and calls it with values the spec accepts: its examples for path and query parameters, its
 * example request body (or one made from the body's schema). A new operation is found as soon as the spec has it.
 */
final class ClientOperations {
  /** A generated operation: the group object, its Retrofit service method, and the public method to call. */
  static final class Bound {
    final SpecOperation operation;
    private final Object group;
    private final Method service;
    private final Method method;

    Bound(SpecOperation operation, Object group, Method service, Method method) {
      this.operation = operation;
      this.group = group;
      this.service = service;
      this.method = method;
    }

    /**
     * Calls the operation with spec-valid arguments and returns what it decoded; a download is read to the end.
     *
     * @return the decoded body, the downloaded bytes' count, or {@code null} for an operation without a body
     */
    Object call() {
      Object[] args = new Object[method.getParameterCount()];
      for (int i = 0; i < args.length; i++) {
        args[i] = argument(service.getParameterAnnotations()[i], method.getGenericParameterTypes()[i]);
      }
      MergeCall<?> call;
      try {
        call = (MergeCall<?>) method.invoke(group, args);
      } catch (InvocationTargetException e) {
        throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause()
            : new IllegalStateException(e.getCause());
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
      Object result = call.execute();
      if (result instanceof Download) {
        try (Download download = (Download) result; InputStream in = download.inputStream()) {
          return in.readAllBytes().length;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return result;
    }

    private Object argument(Annotation[] annotations, Type type) {
      for (Annotation a : annotations) {
        if (a instanceof retrofit2.http.Path) {
          return convert(example(((retrofit2.http.Path) a).value()), type);
        }
        if (a instanceof retrofit2.http.Query) {
          return convert(example(((retrofit2.http.Query) a).value()), type);
        }
        if (a instanceof retrofit2.http.Body) {
          return body(type);
        }
      }
      throw new IllegalStateException(operation + ": a required argument that is neither path, query nor body");
    }

    private String example(String name) {
      Parameter parameter = operation.parameters().stream().filter(p -> p.getName().equals(name)).findFirst()
          .orElseThrow(() -> new IllegalStateException(operation + " has no parameter " + name));
      return operation.exampleValue(parameter);
    }

    private Object body(Type type) {
      if (type == Upload.class) {
        byte[] bytes = "spec-valid upload".getBytes(StandardCharsets.UTF_8);
        return Upload.fromStream(new ByteArrayInputStream(bytes), bytes.length, "application/octet-stream");
      }
      String json = operation.exampleRequestBody();
      if (json == null) {
        throw new IllegalStateException(operation + " takes a " + type + " but its spec has no JSON body");
      }
      return Json.gson().fromJson(json, type);
    }

    @Override
    public String toString() {
      return operation.toString();
    }
  }

  private ClientOperations() {
  }

  /**
   * @param spec the spec
   * @param client the client entry point
   * @return every operation of the spec bound to its client method, in the spec's order
   * @throws AssertionError naming the operations that the client has no method for
   */
  static List<Bound> bind(ApiSpec spec, Object client) {
    Map<String, Object[]> byRoute = new LinkedHashMap<>();
    for (Method accessor : client.getClass().getMethods()) {
      if (accessor.getParameterCount() != 0) {
        continue;
      }
      Optional<Class<?>> serviceType = Arrays.stream(accessor.getReturnType().getDeclaredClasses())
          .filter(c -> c.getSimpleName().equals("Service") && c.isInterface()).findFirst();
      if (serviceType.isEmpty()) {
        continue;
      }
      Object group = invoke(accessor, client);
      for (Method m : serviceType.get().getDeclaredMethods()) {
        route(m).ifPresent(route -> byRoute.put(route, new Object[] {group, m}));
      }
    }
    List<Bound> bound = new java.util.ArrayList<>();
    List<String> unbound = new java.util.ArrayList<>();
    for (SpecOperation op : spec.operations()) {
      Object[] found = byRoute.get(op.method() + " " + normalize(op.path()));
      if (found == null) {
        unbound.add(op.toString());
        continue;
      }
      Method service = (Method) found[1];
      Method method = Arrays.stream(found[0].getClass().getMethods())
          .filter(m -> m.getName().equals(service.getName()))
          .min(Comparator.comparingInt(Method::getParameterCount))
          .orElseThrow(() -> new AssertionError(op + ": no public method " + service.getName()));
      bound.add(new Bound(op, found[0], service, method));
    }
    if (!unbound.isEmpty()) {
      throw new AssertionError("operations of " + spec + " without a client method: " + unbound);
    }
    return bound;
  }

  private static Optional<String> route(Method m) {
    for (Annotation a : m.getAnnotations()) {
      String http = a.annotationType().getSimpleName();
      if (a.annotationType().getPackageName().equals("retrofit2.http")
          && List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(http)) {
        try {
          return Optional.of(http + " " + normalize((String) a.annotationType().getMethod("value").invoke(a)));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
      if (a instanceof retrofit2.http.HTTP) {
        retrofit2.http.HTTP h = (retrofit2.http.HTTP) a;
        return Optional.of(h.method().toUpperCase(Locale.ROOT) + " " + normalize(h.path()));
      }
    }
    return Optional.empty();
  }

  private static String normalize(String path) {
    return path.startsWith("/") ? path.substring(1) : path;
  }

  private static Object invoke(Method accessor, Object client) {
    try {
      return accessor.invoke(client);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
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
