package dev.mergesdk.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check itself, on a small built reactor: it passes a complete one and names each thing Central would refuse. */
class CentralRequirementsTest {
  private static final String METADATA = "<url>https://example.test/lib</url>"
      + "<licenses><license><name>Apache-2.0</name><url>https://www.apache.org/licenses/LICENSE-2.0.txt</url>"
      + "</license></licenses>"
      + "<developers><developer><id>dev</id><name>Dev</name></developer></developers>"
      + "<scm><connection>scm:git:https://example.test/lib.git</connection><url>https://example.test/lib</url></scm>";

  @TempDir
  Path root;

  @BeforeEach
  void completeReactor() throws IOException {
    bom(METADATA, "<excludeArtifact>lib-examples</excludeArtifact>", "lib-core");
    write("pom.xml", parent("x-bom", "bom/pom.xml") + "<artifactId>lib-parent</artifactId><packaging>pom</packaging>"
        + "<name>Parent</name><description>The parent</description>"
        + "<modules><module>bom</module><module>core</module><module>examples</module></modules></project>");
    write("core/pom.xml", parent("lib-parent", "../pom.xml") + "<artifactId>lib-core</artifactId>"
        + "<name>Core</name><description>The core</description></project>");
    jars("core", "lib-core");
    write("examples/pom.xml", parent("lib-parent", "../pom.xml") + "<artifactId>lib-examples</artifactId>"
        + "<name>Examples</name><description>Not published</description>"
        + "<properties><maven.deploy.skip>true</maven.deploy.skip></properties></project>");
  }

  @Test
  void aCompleteReactorPasses() {
    assertEquals(List.of(), CentralRequirements.problems(root));
    assertEquals(List.of("lib-parent", "x-bom", "lib-core"), CentralRequirements.published(root));
  }

  @Test
  void aMissingLicenseIsNamedForEveryPublishedPom() throws IOException {
    bom(METADATA.replaceAll("<licenses>.*</licenses>", ""), "<excludeArtifact>lib-examples</excludeArtifact>",
        "lib-core");

    List<String> problems = CentralRequirements.problems(root);

    assertEquals(3, problems.size(), problems::toString);
    assertTrue(problems.stream().allMatch(p -> p.endsWith("no <licenses>")), problems::toString);
  }

  @Test
  void aLicenseWithoutUrlAndMissingScmAndDevelopersAreNamed() throws IOException {
    bom(METADATA.replace("<url>https://www.apache.org/licenses/LICENSE-2.0.txt</url>", "")
        .replaceAll("<scm>.*</scm>", "").replaceAll("<developers>.*</developers>", ""),
        "<excludeArtifact>lib-examples</excludeArtifact>", "lib-core");

    List<String> problems = CentralRequirements.problems(root);

    assertTrue(problems.contains("lib-core (core/pom.xml): a <license> without <name> and <url>"), problems::toString);
    assertTrue(problems.contains("lib-core (core/pom.xml): no <scm>"), problems::toString);
    assertTrue(problems.contains("lib-core (core/pom.xml): no <developers>"), problems::toString);
  }

  @Test
  void aModuleWithoutItsOwnDescriptionIsNamed() throws IOException {
    write("core/pom.xml", parent("lib-parent", "../pom.xml") + "<artifactId>lib-core</artifactId>"
        + "<name>Core</name></project>");

    assertEquals(List.of("lib-core (core/pom.xml): no <description>"), CentralRequirements.problems(root));
  }

  @Test
  void aMissingJavadocJarIsNamed() throws IOException {
    Files.delete(root.resolve("core/target/lib-core-1.0-javadoc.jar"));

    assertEquals(List.of("lib-core: no core/target/lib-core-1.0-javadoc.jar (build with package or later first)"),
        CentralRequirements.problems(root));
  }

  @Test
  void aJavadocJarWithoutAnIndexIsNamed() throws IOException {
    zip(root.resolve("core/target/lib-core-1.0-javadoc.jar"), "README.txt");

    assertEquals(List.of("lib-core: core/target/lib-core-1.0-javadoc.jar has no index.html"),
        CentralRequirements.problems(root));
  }

  @Test
  void anEmptySourcesJarIsNamed() throws IOException {
    zip(root.resolve("core/target/lib-core-1.0-sources.jar"), "META-INF/MANIFEST.MF");

    assertEquals(List.of("lib-core: core/target/lib-core-1.0-sources.jar is empty"),
        CentralRequirements.problems(root));
  }

  @Test
  void aTestJarOfAPublishedModuleIsNamed() throws IOException {
    write("core/pom.xml", parent("lib-parent", "../pom.xml") + "<artifactId>lib-core</artifactId>"
        + "<name>Core</name><description>The core</description><build><plugins><plugin>"
        + "<artifactId>maven-jar-plugin</artifactId><executions><execution><goals><goal>test-jar</goal></goals>"
        + "</execution></executions></plugin></plugins></build></project>");

    List<String> problems = CentralRequirements.problems(root);

    assertEquals(1, problems.size(), problems::toString);
    assertTrue(problems.get(0).startsWith("lib-core: attaches a test-jar (core/pom.xml)"), problems::toString);
  }

  @Test
  void aSkippedModuleTheCentralPluginWouldStillPublishIsNamed() throws IOException {
    bom(METADATA, "", "lib-core");

    assertEquals(List.of("the release profile's excludeArtifacts [] differ from the modules with maven.deploy.skip"
        + " [lib-examples]"), CentralRequirements.problems(root));
  }

  @Test
  void aPublishedJarMissingFromTheBomIsNamed() throws IOException {
    bom(METADATA, "<excludeArtifact>lib-examples</excludeArtifact>");

    assertEquals(List.of("x-bom lists [] but the published jars are [lib-core]"), CentralRequirements.problems(root));
  }

  @Test
  void aModuleLeftAtAnotherVersionIsNamed() throws IOException {
    write("examples/pom.xml", "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>"
        + "<groupId>x</groupId><artifactId>lib-examples</artifactId><version>0.9</version>"
        + "<properties><maven.deploy.skip>true</maven.deploy.skip></properties></project>");

    assertEquals(List.of("lib-examples is at version 0.9, the BOM at 1.0"), CentralRequirements.problems(root));
  }

  private void bom(String metadata, String excludes, String... managed) throws IOException {
    StringBuilder dm = new StringBuilder("<dependencyManagement><dependencies>");
    for (String id : managed) {
      dm.append("<dependency><groupId>x</groupId><artifactId>").append(id).append("</artifactId></dependency>");
    }
    dm.append("</dependencies></dependencyManagement>");
    write("bom/pom.xml", "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>"
        + "<groupId>x</groupId><artifactId>x-bom</artifactId><version>1.0</version><packaging>pom</packaging>"
        + "<name>BOM</name><description>Versions</description>" + metadata + dm
        + "<profiles><profile><id>release</id><build><plugins><plugin>"
        + "<artifactId>central-publishing-maven-plugin</artifactId><configuration><excludeArtifacts>" + excludes
        + "</excludeArtifacts></configuration></plugin></plugins></build></profile></profiles></project>");
  }

  private static String parent(String artifactId, String relativePath) {
    return "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion><parent>"
        + "<groupId>x</groupId><artifactId>" + artifactId + "</artifactId><version>1.0</version><relativePath>"
        + relativePath + "</relativePath></parent>";
  }

  private void jars(String module, String artifactId) throws IOException {
    Path target = root.resolve(module).resolve("target");
    zip(target.resolve(artifactId + "-1.0.jar"), "META-INF/MANIFEST.MF", "x/Core.class");
    zip(target.resolve(artifactId + "-1.0-sources.jar"), "META-INF/MANIFEST.MF", "x/Core.java");
    zip(target.resolve(artifactId + "-1.0-javadoc.jar"), "META-INF/MANIFEST.MF", "index.html", "x/Core.html");
  }

  private void write(String path, String content) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private static void zip(Path jar, String... entries) throws IOException {
    Files.createDirectories(jar.getParent());
    try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (String entry : entries) {
        zip.putNextEntry(new ZipEntry(entry));
        zip.write(entry.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
  }
}
