package dev.mergesdk.testkit;

import java.util.ServiceLoader;

/**
 * The spec parser and the request validator log through SLF4J. On a test classpath without an SLF4J provider,
 * SLF4J falls back to its no-operation logger and says so in three lines on standard error, in every test run of
 * every project that uses the testkit. This selects that same no-operation provider by name before anything logs,
 * which SLF4J does silently. A classpath with a provider (logback, slf4j-simple, ...), a 1.x binding, a provider
 * chosen with {@code -Dslf4j.provider} or an SLF4J already in use is left as it is.
 */
final class QuietSlf4j {
  private static final String PROVIDER_PROPERTY = "slf4j.provider";
  private static final String VERBOSITY_PROPERTY = "slf4j.internal.verbosity";
  private static final String NO_OPERATION = "org.slf4j.helpers.NOP_FallbackServiceProvider";
  private static boolean done;

  private QuietSlf4j() {
  }

  /** Selects SLF4J's no-operation provider when the classpath has none; at most once per JVM. */
  static synchronized void whenNoProvider() {
    if (done) {
      return;
    }
    done = true;
    ClassLoader loader = QuietSlf4j.class.getClassLoader();
    if (System.getProperty(PROVIDER_PROPERTY) != null || !hasNoProvider(loader)) {
      return;
    }
    String verbosity = System.getProperty(VERBOSITY_PROPERTY);
    System.setProperty(PROVIDER_PROPERTY, NO_OPERATION);
    if (verbosity == null) {
      // Naming a provider makes SLF4J announce it at INFO: that line would replace the three it saves.
      System.setProperty(VERBOSITY_PROPERTY, "WARN");
    }
    try {
      Class.forName("org.slf4j.LoggerFactory", true, loader).getMethod("getILoggerFactory").invoke(null);
    } catch (ReflectiveOperationException | LinkageError e) {
      // An SLF4J this does not know: it will report for itself, as it would have.
    } finally {
      // Read once, while SLF4J initialises; nothing else in the JVM needs to see them afterwards.
      System.clearProperty(PROVIDER_PROPERTY);
      if (verbosity == null) {
        System.clearProperty(VERBOSITY_PROPERTY);
      }
    }
  }

  static boolean hasNoProvider(ClassLoader loader) {
    Class<?> spi;
    try {
      spi = Class.forName("org.slf4j.spi.SLF4JServiceProvider", false, loader);
      Class.forName(NO_OPERATION, false, loader);
    } catch (ClassNotFoundException notSlf4j2) {
      return false;
    }
    return !ServiceLoader.load(spi, loader).iterator().hasNext()
        && loader.getResource("org/slf4j/impl/StaticLoggerBinder.class") == null;
  }
}
