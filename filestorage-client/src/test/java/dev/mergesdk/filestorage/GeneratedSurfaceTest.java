package dev.mergesdk.filestorage;

import dev.mergesdk.core.AbstractGeneratedSurfaceTest;
import dev.mergesdk.testkit.ApiSpec;

/** The File Storage client's generated code: annotations and toString() as the spec says. */
class GeneratedSurfaceTest extends AbstractGeneratedSurfaceTest {
  GeneratedSurfaceTest() {
    super(FileStorageClient.class, "dev.mergesdk.filestorage.model", ApiSpec.fileStorage().openApi());
  }
}
