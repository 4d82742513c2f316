package dev.mergesdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuickStartTest {

  @Test
  void theOfflineQuickStartWalksBothApisAndEveryRequestConformsToTheSpecs() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int status = new QuickStart(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, true, false).runOffline();
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, out);
    assertTrue(out.contains("OFFLINE"), out);
    assertTrue(out.contains("magic link: https://ah.merge.dev/magic-link/demo-7Hq2"), out);
    assertTrue(out.contains("Support agent"), out);
    assertTrue(out.contains("linear__create_issue"), out);
    assertTrue(out.contains("ok: {\"ok\":true"), out);
    assertTrue(out.contains("send the user this link: https://ah.merge.dev/magic-link/linear-3kP9"), out);
    assertTrue(out.contains(OfflineApis.FILES + " files"), out);
    assertTrue(out.contains("saved " + OfflineApis.DOWNLOAD_BYTES + " bytes"), out);
    assertTrue(out.contains("created folder"), out);
    assertTrue(out.contains("PARTIALLY_SYNCED"), out);
    assertTrue(out.contains("all conforming to the specs"), out);
    assertFalse(out.contains("FAILED"), out);
  }
}
