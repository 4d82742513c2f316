package dev.mergesdk.release;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads a built reactor (its POMs and the jars in each module's target/) and lists everything that would make Maven
 * Central refuse, or the project regret, a release: a published POM without name, description, url, licenses,
 * developers or scm (its own or inherited, as Central accepts); a published jar without its sources and javadoc
 * jars; internal test code that would be published; a module kept out of the release by one switch but not the
 * other; a published jar the BOM does not list; a module whose version is not the BOM's.
 *
 * <p>A module is published unless it sets {@code maven.deploy.skip}; the Central plugin does not read that
 * property, so such a module must also be in the release profile's {@code excludeArtifacts}.
 */
final class CentralRequirements {
  private final Path root;
  private final Map<Path, Pom> poms = new LinkedHashMap<>();

  private CentralRequirements(Path root) {
    this.root = root;
  }

  /** Everything wrong with the reactor under {@code root}, one line each; empty when a release could go out. */
  static List<String> problems(Path root) {
    return new CentralRequirements(root.toAbsolutePath().normalize()).check();
  }

  /** The artifactIds a release of the reactor under {@code root} publishes, in reactor order. */
  static List<String> published(Path root) {
    CentralRequirements reactor = new CentralRequirements(root.toAbsolutePath().normalize());
    reactor.collect(reactor.root);
    List<String> ids = new ArrayList<>();
    for (Pom pom : reactor.poms.values()) {
      if (reactor.isPublished(pom)) {
        ids.add(pom.artifactId);
      }
    }
    return ids;
  }

  private List<String> check() {
    List<String> problems = new ArrayList<>();
    collect(root);
    Set<String> skipped = new TreeSet<>();
    Set<String> publishedJars = new TreeSet<>();
    for (Pom pom : poms.values()) {
      if (!isPublished(pom)) {
        skipped.add(pom.artifactId);
        continue;
      }
      checkMetadata(pom, problems);
      checkNoTestJar(pom, problems);
      if ("jar".equals(pom.packaging)) {
        publishedJars.add(pom.artifactId);
        checkJars(pom, problems);
      }
    }
    Optional<Pom> bom = poms.values().stream().filter(p -> p.artifactId.endsWith("-bom")).findFirst();
    if (bom.isEmpty()) {
      problems.add("no BOM (an artifactId ending in -bom) in the reactor");
    } else {
      Set<String> listed = bom.get().managedArtifactIds();
      if (!listed.equals(publishedJars)) {
        problems.add(bom.get().artifactId + " lists " + listed + " but the published jars are " + publishedJars);
      }
      String release = version(bom.get());
      for (Pom pom : poms.values()) {
        if (!version(pom).equals(release)) {
          problems.add(pom.artifactId + " is at version " + version(pom) + ", the BOM at " + release);
        }
      }
    }
    Set<String> excluded = excludedFromCentral();
    if (!excluded.equals(skipped)) {
      problems.add("the release profile's excludeArtifacts " + excluded + " differ from the modules with"
          + " maven.deploy.skip " + skipped);
    }
    return problems;
  }

  private void checkMetadata(Pom pom, List<String> problems) {
    String where = pom.artifactId + " (" + root.relativize(pom.file) + ")";
    // name and description are required of each POM itself: inherited ones would describe the parent.
    if (pom.text("name").isEmpty()) {
      problems.add(where + ": no <name>");
    }
    if (pom.text("description").isEmpty()) {
      problems.add(where + ": no <description>");
    }
    if (inherited(pom, p -> p.text("url")).isEmpty()) {
      problems.add(where + ": no <url>");
    }
    Optional<Element> licenses =
        inherited(pom, p -> p.child("licenses").filter(l -> !children(l, "license").isEmpty()));
    if (licenses.isEmpty()) {
      problems.add(where + ": no <licenses>");
    } else {
      for (Element license : children(licenses.get(), "license")) {
        if (text(license, "name").isEmpty() || text(license, "url").isEmpty()) {
          problems.add(where + ": a <license> without <name> and <url>");
        }
      }
    }
    Optional<Element> developers =
        inherited(pom, p -> p.child("developers").filter(d -> !children(d, "developer").isEmpty()));
    if (developers.isEmpty()) {
      problems.add(where + ": no <developers>");
    } else {
      for (Element developer : children(developers.get(), "developer")) {
        if (text(developer, "name").isEmpty() && text(developer, "id").isEmpty()) {
          problems.add(where + ": a <developer> without <name> or <id>");
        }
      }
    }
    Optional<Element> scm = inherited(pom, p -> p.child("scm"));
    if (scm.isEmpty()) {
      problems.add(where + ": no <scm>");
    } else if (text(scm.get(), "url").isEmpty() || text(scm.get(), "connection").isEmpty()) {
      problems.add(where + ": <scm> without <url> and <connection>");
    }
  }

  private void checkNoTestJar(Pom pom, List<String> problems) {
    for (Pom p = pom; p != null; p = parentOf(p)) {
      if (p.source.contains("<goal>test-jar</goal>")) {
        problems.add(pom.artifactId + ": attaches a test-jar (" + root.relativize(p.file) + "), which a release would"
            + " publish; put shared test code in an unpublished module");
      }
    }
  }

  private void checkJars(Pom pom, List<String> problems) {
    Path target = pom.file.getParent().resolve("target");
    String base = pom.artifactId + "-" + version(pom);
    checkJar(pom, target.resolve(base + ".jar"), null, problems);
    checkJar(pom, target.resolve(base + "-sources.jar"), null, problems);
    checkJar(pom, target.resolve(base + "-javadoc.jar"), "index.html", problems);
  }

  private void checkJar(Pom pom, Path jar, String requiredEntry, List<String> problems) {
    if (!Files.isRegularFile(jar)) {
      problems.add(pom.artifactId + ": no " + root.relativize(jar) + " (build with package or later first)");
      return;
    }
    int content = 0;
    boolean found = requiredEntry == null;
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (!e.isDirectory() && !e.getName().startsWith("META-INF/")) {
          content++;
        }
        found |= e.getName().equals(requiredEntry);
      }
    } catch (IOException e) {
      problems.add(pom.artifactId + ": " + root.relativize(jar) + " is not a readable jar: " + e);
      return;
    }
    if (content == 0) {
      problems.add(pom.artifactId + ": " + root.relativize(jar) + " is empty");
    } else if (!found) {
      problems.add(pom.artifactId + ": " + root.relativize(jar) + " has no " + requiredEntry);
    }
  }

  private Set<String> excludedFromCentral() {
    Set<String> ids = new TreeSet<>();
    for (Pom pom : poms.values()) {
      for (Element profile : pom.child("profiles").map(p -> children(p, "profile")).orElse(List.of())) {
        if (!text(profile, "id").orElse("").equals("release")) {
          continue;
        }
        for (Element plugin : descendants(profile, "plugin")) {
          if (text(plugin, "artifactId").orElse("").equals("central-publishing-maven-plugin")) {
            for (Element exclude : descendants(plugin, "excludeArtifact")) {
              ids.add(exclude.getTextContent().trim());
            }
          }
        }
      }
    }
    return ids;
  }

  private boolean isPublished(Pom pom) {
    return !inherited(pom, p -> p.property("maven.deploy.skip")).orElse("false").equals("true");
  }

  private String version(Pom pom) {
    return inherited(pom, p -> p.text("version"))
        .or(() -> inherited(pom, p -> p.child("parent").flatMap(parent -> text(parent, "version"))))
        .orElseThrow(() -> new IllegalStateException(pom.file + " has no version"));
  }

  private <T> Optional<T> inherited(Pom pom, java.util.function.Function<Pom, Optional<T>> field) {
    for (Pom p = pom; p != null; p = parentOf(p)) {
      Optional<T> value = field.apply(p);
      if (value.isPresent()) {
        return value;
      }
    }
    return Optional.empty();
  }

  private Pom parentOf(Pom pom) {
    Optional<Element> parent = pom.child("parent");
    if (parent.isEmpty()) {
      return null;
    }
    Path relative = Path.of(text(parent.get(), "relativePath").orElse("../pom.xml"));
    Path file = pom.file.getParent().resolve(relative).normalize();
    if (Files.isDirectory(file)) {
      file = file.resolve("pom.xml");
    }
    if (!Files.isRegularFile(file)) {
      return null; // a parent from outside the reactor (a consumer build's): not ours to check
    }
    return load(file);
  }

  private void collect(Path dir) {
    Pom pom = load(dir.resolve("pom.xml"));
    for (Element module : pom.child("modules").map(m -> children(m, "module")).orElse(List.of())) {
      collect(dir.resolve(module.getTextContent().trim()).normalize());
    }
  }

  private Pom load(Path file) {
    return poms.computeIfAbsent(file.normalize(), Pom::read);
  }

  /** One POM file as written (not the effective model): what is deployed and what Central reads. */
  private static final class Pom {
    final Path file;
    final String source;
    final Element project;
    final String artifactId;
    final String packaging;

    private Pom(Path file, String source, Element project) {
      this.file = file;
      this.source = source;
      this.project = project;
      this.artifactId = CentralRequirements.text(project, "artifactId")
          .orElseThrow(() -> new IllegalStateException(file + ": no artifactId"));
      this.packaging = CentralRequirements.text(project, "packaging").orElse("jar");
    }

    static Pom read(Path file) {
      try (InputStream in = Files.newInputStream(file)) {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Element project = factory.newDocumentBuilder().parse(in).getDocumentElement();
        return new Pom(file, Files.readString(file), project);
      } catch (Exception e) {
        throw new IllegalStateException("cannot read " + file, e);
      }
    }

    Optional<Element> child(String name) {
      List<Element> found = children(project, name);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    Optional<String> text(String name) {
      return CentralRequirements.text(project, name);
    }

    Optional<String> property(String name) {
      return child("properties").flatMap(p -> CentralRequirements.text(p, name));
    }

    Set<String> managedArtifactIds() {
      Set<String> ids = new TreeSet<>();
      child("dependencyManagement").ifPresent(dm -> {
        for (Element dependency : descendants(dm, "dependency")) {
          CentralRequirements.text(dependency, "artifactId").ifPresent(ids::add);
        }
      });
      return ids;
    }
  }

  private static Optional<String> text(Element parent, String name) {
    List<Element> found = children(parent, name);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    String value = found.get(0).getTextContent().trim();
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element && name.equals(n.getLocalName())) {
        found.add((Element) n);
      }
    }
    return found;
  }

  private static List<Element> descendants(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    var nodes = parent.getElementsByTagNameNS("*", name);
    for (int i = 0; i < nodes.getLength(); i++) {
      found.add((Element) nodes.item(i));
    }
    return found;
  }
}
