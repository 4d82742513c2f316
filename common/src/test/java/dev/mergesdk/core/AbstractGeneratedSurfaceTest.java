package dev.mergesdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * What a client's generated code promises checkers and readers, for every operation and model of its spec, read by
 * reflection so none is left out as the spec grows: a call built but never executed is flagged (Error Prone's
 * {@code @CheckReturnValue}), nullness is the spec's (JSpecify), and a model prints on one line with its secret
 * members as {@code ***}. Each client module runs it with its own client, model package and spec. The annotations
 * are matched by name: they are the clients' dependencies, not common's.
 */
@SuppressWarnings("rawtypes") // the spec model's properties are a raw Map<String, Schema>
public abstract class AbstractGeneratedSurfaceTest {
  private static final String NULLABLE = "org.jspecify.annotations.Nullable";
  private static final String NULL_MARKED = "org.jspecify.annotations.NullMarked";
  private static final String CHECK_RETURN_VALUE = "com.google.errorprone.annotations.CheckReturnValue";
  /** What a secret member is set to; it must never show in a toString(). */
  private static final String SECRET = "s3cr3t-marker";

  private final Class<?> clientClass;
  private final String modelPackage;
  private final OpenAPI spec;

  /**
   * @param clientClass the client entry point
   * @param modelPackage its model package
   * @param spec its spec
   */
  protected AbstractGeneratedSurfaceTest(Class<?> clientClass, String modelPackage, OpenAPI spec) {
    this.clientClass = clientClass;
    this.modelPackage = modelPackage;
    this.spec = spec;
  }

  @Test
  void everyOperationMustBeUsedAndTakesNullOnlyForItsOptionalParameters() {
    assertEquals(List.of(), operationSignatureProblems(clientClass));
  }

  @Test
  void everyModelMemberIsNullableExactlyWhenTheSpecLetsItBeAbsentOrNull() {
    assertEquals(List.of(), membersWhoseNullnessDiffersFromTheSpec(modelPackage, spec));
  }

  @Test
  void everyModelPrintsOnOneLineWithSecretMembersMasked() {
    assertEquals(List.of(), modelsWhoseToStringLeaksOrSpansLines(modelPackage, spec));
  }

  /**
   * Looks at every public method of every operation group that returns a call.
   *
   * @param clientClass the client entry point
   * @return one line per operation that is not {@code @CheckReturnValue}, per optional-parameters argument that is
   *     not {@code @Nullable}, and per required argument that is; empty when all is well
   */
  private static List<String> operationSignatureProblems(Class<?> clientClass) {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Method group : clientClass.getMethods()) {
      if (group.getParameterCount() != 0 || !group.getReturnType().getSimpleName().endsWith("Api")) {
        continue;
      }
      Class<?> api = group.getReturnType();
      if (!has(api, NULL_MARKED)) {
        problems.add(api.getSimpleName() + ": not @NullMarked");
      }
      for (Method m : api.getDeclaredMethods()) {
        if (!Modifier.isPublic(m.getModifiers()) || !MergeCall.class.isAssignableFrom(m.getReturnType())) {
          continue;
        }
        checked++;
        String where = api.getSimpleName() + "." + m.getName() + Arrays.toString(m.getParameterTypes());
        if (!has(m, CHECK_RETURN_VALUE)) {
          problems.add(where + ": not @CheckReturnValue");
        }
        AnnotatedType[] parameters = m.getAnnotatedParameterTypes();
        for (int i = 0; i < parameters.length; i++) {
          boolean optional = m.getParameterTypes()[i].getSimpleName().endsWith("Params");
          if (has(parameters[i], NULLABLE) != optional) {
            problems.add(where + " argument " + (i + 1) + (optional ? ": optional but not @Nullable" : ": required but @Nullable"));
          }
        }
      }
    }
    if (checked == 0) {
      problems.add("no operation found on " + clientClass.getName());
    }
    return problems;
  }

  /**
   * Compares every member of every generated model with its schema: the getter, the setter and the fluent setter
   * are {@code @Nullable} exactly when the spec lets the member be absent or null (not required, or nullable).
   *
   * @param modelPackage the client's model package
   * @param spec the client's spec
   * @return one line per member whose annotations differ from the spec; empty when all is well
   */
  private static List<String> membersWhoseNullnessDiffersFromTheSpec(String modelPackage, OpenAPI spec) {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    Map<String, Class<?>> models = models(modelPackage, spec);
    if (!models.isEmpty() && !has(models.values().iterator().next().getPackage(), NULL_MARKED)) {
      problems.add(modelPackage + ": not @NullMarked");
    }
    for (Map.Entry<String, Class<?>> model : models.entrySet()) {
      Schema<?> schema = spec.getComponents().getSchemas().get(model.getKey());
      Set<String> required = schema.getRequired() == null ? Set.of() : Set.copyOf(schema.getRequired());
      for (Map.Entry<String, Schema> property : properties(schema).entrySet()) {
        Field field = field(model.getValue(), property.getKey());
        if (field == null) {
          problems.add(model.getKey() + "." + property.getKey() + ": no field");
          continue;
        }
        boolean mayBeNull = !required.contains(property.getKey()) || allowsNull(spec, property.getValue());
        String where = model.getValue().getSimpleName() + "." + field.getName();
        checked++;
        Method getter = method(model.getValue(), "get" + capitalized(field.getName()));
        if (getter == null) {
          problems.add(where + ": no getter");
        } else if (has(getter.getAnnotatedReturnType(), NULLABLE) != mayBeNull) {
          problems.add(where + ": getter " + (mayBeNull ? "not @Nullable" : "@Nullable") + " but the spec says "
              + (mayBeNull ? "it may be absent or null" : "it is required"));
        }
        for (String setter : List.of("set" + capitalized(field.getName()), field.getName())) {
          Method m = method(model.getValue(), setter, field.getType());
          if (m != null && has(m.getAnnotatedParameterTypes()[0], NULLABLE) != mayBeNull) {
            problems.add(where + ": " + setter + "(...) " + (mayBeNull ? "not @Nullable" : "@Nullable"));
          }
        }
      }
    }
    if (checked == 0) {
      problems.add("no model member found in " + modelPackage);
    }
    return problems;
  }

  /**
   * Sets every string member of every generated model (a secret one to a marker) and prints the model.
   *
   * @param modelPackage the client's model package
   * @param spec the client's spec, whose {@code format: password} members are the secret ones
   * @return one line per model whose toString() spans lines, shows a secret or does not mask it as {@code ***};
   *     empty when all is well
   */
  private static List<String> modelsWhoseToStringLeaksOrSpansLines(String modelPackage, OpenAPI spec) {
    List<String> problems = new ArrayList<>();
    int secrets = 0;
    for (Map.Entry<String, Class<?>> model : models(modelPackage, spec).entrySet()) {
      Object instance;
      try {
        instance = model.getValue().getConstructor().newInstance();
      } catch (ReflectiveOperationException e) {
        problems.add(model.getKey() + ": no public no-argument constructor");
        continue;
      }
      List<String> masked = new ArrayList<>();
      for (Map.Entry<String, Schema> property : properties(spec.getComponents().getSchemas().get(model.getKey())).entrySet()) {
        Field field = field(model.getValue(), property.getKey());
        if (field == null || field.getType() != String.class) {
          continue;
        }
        boolean secret = "password".equals(property.getValue().getFormat());
        set(field, instance, secret ? SECRET : "value of " + property.getKey());
        if (secret) {
          masked.add(field.getName() + "=***");
          secrets++;
        }
      }
      String printed = instance.toString();
      if (printed.contains("\n")) {
        problems.add(model.getKey() + ": spans lines: " + printed);
      }
      if (printed.contains(SECRET)) {
        problems.add(model.getKey() + ": shows a secret: " + printed);
      }
      for (String mask : masked) {
        if (!printed.contains(mask)) {
          problems.add(model.getKey() + ": does not print " + mask + ": " + printed);
        }
      }
    }
    if (secrets == 0) {
      problems.add("no secret member found in " + modelPackage);
    }
    return problems;
  }

  /** The spec's object schemas that have a generated class, by schema name. */
  private static Map<String, Class<?>> models(String modelPackage, OpenAPI spec) {
    Map<String, Class<?>> models = new TreeMap<>();
    for (Map.Entry<String, Schema> schema : spec.getComponents().getSchemas().entrySet()) {
      if (schema.getValue().getEnum() != null || properties(schema.getValue()).isEmpty()) {
        continue;
      }
      try {
        models.put(schema.getKey(), Class.forName(modelPackage + "." + schema.getKey()));
      } catch (ClassNotFoundException e) {
        // Mapped to another type (an Expandable reference), so there is no model class.
      }
    }
    return models;
  }

  private static Map<String, Schema> properties(Schema<?> schema) {
    return schema.getProperties() == null ? Map.of() : schema.getProperties();
  }

  /** Whether JSON null is a valid value: a nullable schema, one referring to a nullable schema, or any value. */
  private static boolean allowsNull(OpenAPI spec, Schema<?> schema) {
    if (schema.get$ref() != null) {
      String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
      return allowsNull(spec, spec.getComponents().getSchemas().get(name));
    }
    if (Boolean.TRUE.equals(schema.getNullable())) {
      return true;
    }
    return schema.getType() == null && schema.getTypes() == null && schema.getAllOf() == null
        && schema.getOneOf() == null && schema.getAnyOf() == null && schema.getProperties() == null
        && schema.getItems() == null && schema.getEnum() == null;
  }

  private static Field field(Class<?> model, String wireName) {
    for (Field field : model.getDeclaredFields()) {
      com.google.gson.annotations.SerializedName name = field.getAnnotation(com.google.gson.annotations.SerializedName.class);
      if (name != null && name.value().equals(wireName)) {
        return field;
      }
    }
    return null;
  }

  private static Method method(Class<?> type, String name, Class<?>... parameters) {
    try {
      return type.getMethod(name, parameters);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static void set(Field field, Object instance, Object value) {
    try {
      field.setAccessible(true);
      field.set(instance, value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The accessor suffix of a field: {@code _file} (the generator's escape of a reserved word) has getFile(). */
  private static String capitalized(String name) {
    String bare = name.replaceFirst("^_+", "");
    return bare.substring(0, 1).toUpperCase(Locale.ROOT) + bare.substring(1);
  }

  private static boolean has(AnnotatedElement element, String annotation) {
    for (Annotation a : element.getAnnotations()) {
      if (a.annotationType().getName().equals(annotation)) {
        return true;
      }
    }
    return false;
  }
}
