package dev.mergesdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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

  private static int live(Map<String, String> env, ByteArrayOutputStream bytes, String... args) {
    return QuickStart.run(args, env, new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
  }

  @Test
  void anUnknownRegionStopsTheLiveRunBeforeAnyRequestWithStatus2AndTheReason() {
    for (Map<String, String> env : java.util.List.of(
        Map.of("MERGE_API_KEY", "k", "MERGE_ACCOUNT_TOKEN", "t", "MERGE_REGION", "mars"),
        Map.of("MERGE_API_KEY", "k", "MERGE_REGION", "mars"))) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      int status = live(env, bytes);
      String out = bytes.toString(StandardCharsets.UTF_8);

      assertEquals(QuickStart.BAD_SETTING, status, out);
      assertTrue(out.contains("Bad setting MERGE_REGION: unknown region 'mars': expected US, EU, APAC or an https URL"),
          out);
      assertTrue(out.contains("Nothing was sent."), out);
      assertFalse(out.contains("skipped"), out);
    }
  }

  @Test
  void aKeyThatCannotBeSentIsABadSettingNamedByItsVariable() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int status = live(Map.of("MERGE_API_KEY", "k", "MERGE_AH_API_KEY", "line\nbreak", "MERGE_REGION", "eu"), bytes);
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertEquals(QuickStart.BAD_SETTING, status, out);
    assertTrue(out.contains("Bad setting MERGE_AH_API_KEY: "), out);
    assertFalse(out.contains("line\nbreak"), "the key is not echoed: " + out);
  }

  @Test
  void anUnknownArgumentIsRefusedWithStatus2() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int status = live(Map.of(), bytes, "--wirte");

    assertEquals(QuickStart.BAD_SETTING, status);
    assertEquals("Unknown argument '--wirte': the only option is --write.",
        bytes.toString(StandardCharsets.UTF_8).trim());
  }
}
