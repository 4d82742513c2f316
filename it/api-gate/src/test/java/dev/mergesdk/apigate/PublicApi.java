package dev.mergesdk.apigate;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public API of one artifact as a sorted signature listing: every public or protected type outside an
 * {@code internal} package, with its supertypes and its public and protected members, generic signatures
 * included. Two listings differ exactly when a user could notice.
 */
final class PublicApi {
  private PublicApi() {
  }

  /**
   * @param classes a jar or a directory of classes
   * @param loader loads them
   * @return one line per type and member, sorted
   */
  static List<String> of(Path classes, ClassLoader loader) throws IOException {
    TreeSet<String> lines = new TreeSet<>();
    for (String name : classNames(classes)) {
      if (name.contains(".internal.") || name.endsWith("module-info") || name.endsWith("package-info")) {
        continue;
      }
      Class<?> type;
      try {
        type = Class.forName(name, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        throw new IllegalStateException("cannot load " + name, e);
      }
      if (!visible(type.getModifiers()) || type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()
          || !enclosingVisible(type)) {
        continue;
      }
      String owner = type.getName();
      lines.add(owner + " " + describe(type));
      for (Field f : type.getDeclaredFields()) {
        if (visible(f.getModifiers()) && !f.isSynthetic()) {
          lines.add(owner + " field " + Modifier.toString(f.getModifiers()) + " " + f.getGenericType().getTypeName()
              + " " + f.getName());
        }
      }
      for (Constructor<?> c : type.getDeclaredConstructors()) {
        if (visible(c.getModifiers()) && !c.isSynthetic()) {
          lines.add(owner + " constructor " + c.toGenericString());
        }
      }
      for (Method m : type.getDeclaredMethods()) {
        if (visible(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
          lines.add(owner + " method " + m.toGenericString());
        }
      }
    }
    return new ArrayList<>(lines);
  }

  private static boolean enclosingVisible(Class<?> type) {
    for (Class<?> c = type.getEnclosingClass(); c != null; c = c.getEnclosingClass()) {
      if (!visible(c.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private static String describe(Class<?> type) {
    StringBuilder sb = new StringBuilder(Modifier.toString(type.getModifiers() & ~Modifier.INTERFACE));
    sb.append(type.isAnnotation() ? " @interface" : type.isInterface() ? " interface" : type.isEnum() ? " enum" : " class");
    if (type.getGenericSuperclass() != null && type.getSuperclass() != Object.class && !type.isEnum()) {
      sb.append(" extends ").append(type.getGenericSuperclass().getTypeName());
    }
    if (type.getGenericInterfaces().length > 0) {
      sb.append(" implements ").append(Arrays.stream(type.getGenericInterfaces()).map(t -> t.getTypeName())
          .collect(Collectors.joining(", ")));
    }
    return sb.toString().trim();
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static List<String> classNames(Path classes) throws IOException {
    List<String> names = new ArrayList<>();
    if (Files.isDirectory(classes)) {
      try (Stream<Path> walk = Files.walk(classes)) {
        walk.filter(p -> p.toString().endsWith(".class")).forEach(p ->
            names.add(toName(classes.relativize(p).toString().replace('\\', '/'))));
      }
    } else {
      try (JarFile jar = new JarFile(classes.toFile())) {
        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
          String entry = e.nextElement().getName();
          if (entry.endsWith(".class") && !entry.startsWith("META-INF/")) {
            names.add(toName(entry));
          }
        }
      }
    }
    return names;
  }

  private static String toName(String path) {
    return path.substring(0, path.length() - ".class".length()).replace('/', '.');
  }
}
