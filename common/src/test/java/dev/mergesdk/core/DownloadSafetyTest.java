package dev.mergesdk.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Downloads: {@code fileName()} is one safe file name whatever {@code Content-Disposition} says, and a file is
 * never silently short, including a body without any framing cut by the server.
 */
class DownloadSafetyTest {
  @TempDir
  Path dir;

  static Stream<Arguments> dispositions() {
    String longName = "n".repeat(300) + ".pdf";
    return Stream.of(
        Arguments.of("attachment; filename=\"report.pdf\"", "report.pdf", "report.pdf"),
        Arguments.of("attachment; filename=report.pdf", "report.pdf", "report.pdf"),
        Arguments.of("attachment; filename=\"../../etc/passwd\"", "../../etc/passwd", "passwd"),
        Arguments.of("attachment; filename=\"/abs/path/x.txt\"", "/abs/path/x.txt", "x.txt"),
        Arguments.of("attachment; filename=\"..\\\\..\\\\win.ini\"", "..\\..\\win.ini", "win.ini"),
        Arguments.of("attachment; filename=\"..\"", "..", null),
        Arguments.of("attachment; filename*=UTF-8''..%2F..%2Fx", "../../x", "x"),
        Arguments.of("attachment; filename*=UTF-8''a%00b%0d%0a.txt", "a\u0000b\r\n.txt", "ab.txt"),
        Arguments.of("attachment; filename*=UTF-8''na%C3%AFve%20file.txt", "naïve file.txt", "naïve file.txt"),
        Arguments.of("attachment; filename*=UTF-8''a+b.txt", "a+b.txt", "a+b.txt"),
        Arguments.of("attachment; filename*=UTF-8''bad%zzescape%.txt", "bad%zzescape%.txt", "bad%zzescape%.txt"),
        Arguments.of("attachment; filename*=iso-8859-1'en'%E9t%E9.txt", "été.txt", "été.txt"),
        Arguments.of("attachment; filename=\"plain.txt\"; filename*=UTF-8''%E2%82%AC.txt", "€.txt", "€.txt"),
        Arguments.of("attachment; filename=\"a;b.txt\"", "a;b.txt", "a;b.txt"),
        Arguments.of("attachment; filename=\"say \\\"hi\\\".txt\"", "say \"hi\".txt", "say _hi_.txt"),
        Arguments.of("attachment; filename=\"CON.txt\"", "CON.txt", "_CON.txt"),
        Arguments.of("attachment; filename=\"\u202egnp.exe\"", "\u202egnp.exe", "gnp.exe"),
        Arguments.of("attachment; filename=\"" + longName + "\"", longName, "n".repeat(251) + ".pdf"),
        Arguments.of("attachment", null, null),
        Arguments.of("attachment; filename*=UTF-8'", null, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dispositions")
  void theFileNameIsOneSafeNameAndTheRawOneIsKeptApart(String header, String raw, String safe) throws IOException {
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.enqueue(new MockResponse.Builder().code(200).addHeaderLenient("Content-Disposition", header).body("x"));
      try (Download download = client.api.download("f").execute()) {
        assertEquals(raw, download.rawFileName().orElse(null));
        assertEquals(safe, download.fileName().orElse(null));
        if (safe != null) {
          Path target = dir.resolve(safe).normalize();
          assertEquals(dir, target.getParent(), "stays in the directory");
          assertTrue(safe.getBytes(StandardCharsets.UTF_8).length <= 255);
          download.saveTo(target);
          assertEquals("x", Files.readString(target));
        }
      }
    }
  }

  @Test
  void saveToWorksForTheLongestNameTheFileSystemTakes() throws IOException {
    String name = "y".repeat(251) + ".bin";
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.enqueue(new MockResponse.Builder().code(200).body("data"));
      client.api.download("f").execute().saveTo(dir.resolve(name));
      assertEquals("data", Files.readString(dir.resolve(name)));
    }
  }

  @Test
  void aLocalWriteFailureIsReportedAsLocalNotAsTheNetwork() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("file"), "occupied");
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.enqueue(new MockResponse.Builder().code(200).body("data"));
      UncheckedIOException e = assertThrows(UncheckedIOException.class,
          () -> client.api.download("f").execute().saveTo(notADirectory.resolve("x.bin")));
      assertTrue(e.getMessage().startsWith("cannot write"), e.getMessage());
    }
  }

  /** HTTP/1.1 with neither Content-Length nor chunked: the body ends when the server closes the connection. */
  private static HostileServer unframed(byte[] sent) {
    return new HostileServer((request, out) -> {
      HostileServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n");
      out.write(sent);
    });
  }

  @Test
  void anUnframedBodyCutShortIsCaughtWhenTheCallerGivesTheExpectedLength() throws IOException {
    byte[] half = new byte[500];
    try (HostileServer server = unframed(half);
        TestClient client = TestClient.builder().apiKey(MockServer.API_KEY).baseUrl(server.url("/api/")).build()) {
      Download cut = client.api.download("f").execute();
      assertFalse(cut.lengthVerifiable(), "nothing declares or frames the length");
      NetworkException e = assertThrows(NetworkException.class, () -> cut.expectLength(1000).saveTo(dir.resolve("f.bin")));
      assertTrue(e.getMessage().contains("500 of 1000 expected"), e.getMessage());
      assertFalse(Files.exists(dir.resolve("f.bin")), "no short file");
      try (Stream<Path> left = Files.list(dir)) {
        assertEquals(0, left.count(), "no temporary file left");
      }

      Download whole = client.api.download("f").execute().expectLength(500);
      assertTrue(whole.lengthVerifiable());
      whole.saveTo(dir.resolve("g.bin"));
      assertArrayEquals(half, Files.readAllBytes(dir.resolve("g.bin")));
    }
  }

  @Test
  void declaredAndChunkedBodiesAreVerifiableByThemselves() throws IOException {
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.enqueue(new MockResponse.Builder().code(200).body("declared"));
      server.enqueue(new MockResponse.Builder().code(200).chunkedBody("chunked body", 4));
      try (Download declared = client.api.download("f").execute(); Download chunked = client.api.download("f").execute()) {
        assertTrue(declared.lengthVerifiable());
        assertTrue(chunked.lengthVerifiable());
      }
    }
  }
}
