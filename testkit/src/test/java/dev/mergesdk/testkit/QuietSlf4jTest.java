package dev.mergesdk.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The testkit chooses SLF4J's no-operation provider only where SLF4J would have fallen back to it anyway. */
class QuietSlf4jTest {
  @TempDir
  Path dir;

  private ClassLoader with(String resource, String content) throws IOException {
    Path file = dir.resolve(resource);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
  }

  @Test
  void aClasspathWithoutAnyProviderIsTheOnlyOneItActsOn() {
    assertTrue(QuietSlf4j.hasNoProvider(getClass().getClassLoader()), "the testkit's own test classpath has none");
  }

  @Test
  void aClasspathWithAProviderIsLeftToIt() throws IOException {
    ClassLoader loader = with("META-INF/services/org.slf4j.spi.SLF4JServiceProvider",
        "org.slf4j.helpers.NOP_FallbackServiceProvider\n");

    assertFalse(QuietSlf4j.hasNoProvider(loader));
  }

  @Test
  void aClasspathWithAnSlf4j1BindingIsLeftToSlf4jsOwnReport() throws IOException {
    ClassLoader loader = with("org/slf4j/impl/StaticLoggerBinder.class", "not loaded, only found");

    assertFalse(QuietSlf4j.hasNoProvider(loader));
  }
}
