package dev.mergesdk.core;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds every generated operation of a client by reflection, keyed {@code group_operation} as the operationIds and
 * fixture files are named (e.g. {@code files_retrieve}), and invokes it with placeholder arguments: the overload
 * with the fewest parameters, strings {@code "id-1"}, numbers 1, empty collections, new empty models. Lets a test
 * drive every operation without a hand-written table that would fall behind the spec.
 */
public final class GeneratedOperations {
  private static final OffsetDateTime WHEN = OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);
  private static Path uploadFile;

  /** One operation: its group accessor, its method, and what its call returns. */
  public static final class Operation {
    private final String key;
    private final Method group;
    private final Method method;
    private final Type body;

    Operation(String key, Method group, Method method, Type body) {
      this.key = key;
      this.group = group;
      this.method = method;
      this.body = body;
    }

    /** @return {@code group_operation} */
    public String key() {
      return key;
    }

    /** @return the model type the call decodes, {@link Download} or {@link Void} */
    public Type body() {
      return body;
    }

    /** @return whether the call decodes a JSON body */
    public boolean decodesJson() {
      return body != Download.class && body != Void.class;
    }

    /** @return the parameter types of the overload used: the required parameters, in order */
    public Class<?>[] parameterTypes() {
      return method.getParameterTypes();
    }

    /** @return placeholder values for {@link #parameterTypes()}, to be changed one at a time */
    public Object[] placeholderArguments() {
      return arguments(method);
    }

    /**
     * Builds the call with placeholder arguments and executes it.
     *
     * @param client the client entry point
     * @return the decoded body (a download is closed)
     */
    public Object execute(Object client) {
      Object result = prepare(client, placeholderArguments()).execute();
      if (result instanceof Download) {
        ((Download) result).close();
      }
      return result;
    }

    /**
     * Builds the call without executing it; whatever the operation method throws is rethrown as is.
     *
     * @param client the client entry point
     * @param args one value per {@link #parameterTypes()}
     * @return the call
     */
    public MergeCall<?> prepare(Object client, Object[] args) {
      try {
        Object api = group.invoke(client);
        return (MergeCall<?>) method.invoke(api, args);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof RuntimeException) {
          throw (RuntimeException) e.getCause();
        }
        if (e.getCause() instanceof Error) {
          throw (Error) e.getCause();
        }
        throw new IllegalStateException(e.getCause());
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public String toString() {
      return key;
    }
  }

  private GeneratedOperations() {
  }

  /**
   * @param clientClass the client entry point, e.g. {@code FileStorageClient.class}
   * @return every operation, by {@code group_operation}
   */
  public static Map<String, Operation> of(Class<?> clientClass) {
    Map<String, Operation> operations = new TreeMap<>();
    for (Method group : clientClass.getMethods()) {
      // Only the generated groups, which live beside the client; raw() is the runtime's, not an operation.
      if (group.getParameterCount() != 0 || !group.getReturnType().getSimpleName().endsWith("Api")
          || group.getReturnType().getPackage() != clientClass.getPackage()) {
        continue;
      }
      group.setAccessible(true);
      Map<String, Method> fewest = new TreeMap<>();
      for (Method m : group.getReturnType().getMethods()) {
        if (!MergeCall.class.isAssignableFrom(m.getReturnType()) || Modifier.isStatic(m.getModifiers())) {
          continue;
        }
        fewest.merge(m.getName(), m, (a, b) -> a.getParameterCount() <= b.getParameterCount() ? a : b);
      }
      for (Method m : fewest.values()) {
        m.setAccessible(true);
        String key = group.getName() + "_" + m.getName();
        operations.put(key, new Operation(key, group, m, bodyType(m)));
      }
    }
    return operations;
  }

  /**
   * @param operations from {@link #of(Class)}
   * @param key a fixture-style key, matched ignoring case
   * @return the operation, or null
   */
  public static Operation find(Map<String, Operation> operations, String key) {
    return operations.values().stream().filter(o -> o.key.toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT)))
        .min(Comparator.comparing(Operation::key)).orElse(null);
  }

  private static Type bodyType(Method m) {
    Type returned = m.getGenericReturnType();
    return returned instanceof ParameterizedType ? ((ParameterizedType) returned).getActualTypeArguments()[0] : Object.class;
  }

  private static Object[] arguments(Method m) {
    Class<?>[] types = m.getParameterTypes();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      args[i] = placeholder(types[i]);
    }
    return args;
  }

  private static Object placeholder(Class<?> type) {
    if (type == String.class) {
      return "id-1";
    }
    if (type == Integer.class || type == int.class) {
      return 1;
    }
    if (type == Long.class || type == long.class) {
      return 1L;
    }
    if (type == Boolean.class || type == boolean.class) {
      return true;
    }
    if (type == Double.class || type == double.class) {
      return 1.0;
    }
    if (type == Float.class || type == float.class) {
      return 1.0f;
    }
    if (type == BigDecimal.class) {
      return BigDecimal.ONE;
    }
    if (type == OffsetDateTime.class) {
      return WHEN;
    }
    if (type == LocalDate.class) {
      return WHEN.toLocalDate();
    }
    if (type.isEnum()) {
      return type.getEnumConstants()[0];
    }
    if (List.class.isAssignableFrom(type)) {
      return List.of();
    }
    if (Set.class.isAssignableFrom(type)) {
      return Set.of();
    }
    if (Map.class.isAssignableFrom(type)) {
      return Map.of();
    }
    if (JsonElement.class.isAssignableFrom(type)) {
      return new JsonObject();
    }
    if (type == Upload.class) {
      return Upload.fromPath(uploadFile());
    }
    try {
      return type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static synchronized Path uploadFile() {
    try {
      if (uploadFile == null) {
        uploadFile = Files.createTempFile("merge-sdk-upload", ".bin");
        uploadFile.toFile().deleteOnExit();
        Files.write(uploadFile, new byte[] {1, 2, 3});
      }
      return uploadFile;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
