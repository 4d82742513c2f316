package dev.mergesdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegionTest {

  @Test
  void eachServedRegionMapsToItsBaseUrl() {
    try (TestClient us = TestClient.builder().apiKey("k").region(Region.US).build();
        TestClient eu = TestClient.builder().apiKey("k").region(Region.EU).build()) {
      assertEquals("https://us.example.test/api/", us.runtime.baseUrl());
      assertEquals("https://eu.example.test/api/", eu.runtime.baseUrl());
    }
  }

  @Test
  void aRegionTheApiDoesNotServeFailsAtBuildTimeNamingTheAlternatives() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TestClient.builder().apiKey("k").region(Region.APAC).build());
    assertTrue(e.getMessage().contains("Test API is not served in region APAC"), e.getMessage());
    assertTrue(e.getMessage().contains("US, EU"), e.getMessage());
  }

  @Test
  void customRegionUsesItsUrlAndGainsATrailingSlash() {
    try (TestClient client = TestClient.builder().apiKey("k").region(Region.custom("https://proxy.internal/merge")).build()) {
      assertEquals("https://proxy.internal/merge/", client.runtime.baseUrl());
    }
  }

  @Test
  void baseUrlOverrideWinsOverRegion() {
    try (TestClient client = TestClient.builder().apiKey("k").region(Region.EU).baseUrl("http://localhost:1/x/").build()) {
      assertEquals("http://localhost:1/x/", client.runtime.baseUrl());
    }
  }

  @Test
  void resolutionOrderIsBuilderThenSystemPropertyThenEnvironmentThenUs() {
    assertSame(Region.EU, Region.resolve(Region.EU, "APAC", "US"));
    assertSame(Region.APAC, Region.resolve(null, "apac", "EU"));
    assertSame(Region.EU, Region.resolve(null, null, "eu"));
    assertSame(Region.EU, Region.resolve(null, "  ", "EU"));
    assertSame(Region.US, Region.resolve(null, null, null));
  }

  @Test
  void systemPropertyIsConsultedWhenTheBuilderNamesNoRegion() {
    String previous = System.getProperty(Region.SYSTEM_PROPERTY);
    System.setProperty(Region.SYSTEM_PROPERTY, "EU");
    try (TestClient client = TestClient.builder().apiKey("k").build()) {
      assertEquals("https://eu.example.test/api/", client.runtime.baseUrl());
    } finally {
      if (previous == null) {
        System.clearProperty(Region.SYSTEM_PROPERTY);
      } else {
        System.setProperty(Region.SYSTEM_PROPERTY, previous);
      }
    }
  }

  @Test
  void regionNamesParseCaseInsensitivelyAndUrlsBecomeCustom() {
    assertSame(Region.US, Region.of("us"));
    assertSame(Region.APAC, Region.of("AP"));
    assertEquals("https://x.test/", Region.of("https://x.test").customUrl().orElseThrow());
  }

  @Test
  void unknownRegionNamesTheAcceptedValues() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Region.of("mars"));
    assertEquals("unknown region 'mars': expected US, EU, APAC or an https URL", e.getMessage());
  }

  @Test
  void malformedBaseUrlIsRejectedWithTheArgumentName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TestClient.builder().baseUrl("ht!tp:/nope"));
    assertTrue(e.getMessage().startsWith("baseUrl is not a valid http(s) URL"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Region.custom("ftp://files.example"));
    assertThrows(IllegalArgumentException.class, () -> TestClient.builder().baseUrl("https://x.test/api?x=1"));
  }
}
