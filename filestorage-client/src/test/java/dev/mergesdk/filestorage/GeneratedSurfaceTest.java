package dev.mergesdk.filestorage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mergesdk.core.GeneratedSurface;
import dev.mergesdk.testkit.ApiSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the generated code promises checkers and readers, for every operation and model of the spec: a call built
 * but never executed is flagged ({@code @CheckReturnValue}), nullness follows the spec (JSpecify), and a model
 * prints on one line with its secret members as {@code ***}.
 */
class GeneratedSurfaceTest {
  private static final String MODELS = "dev.mergesdk.filestorage.model";

  @Test
  void everyOperationMustBeUsedAndTakesNullOnlyForItsOptionalParameters() {
    assertEquals(List.of(), GeneratedSurface.operationSignatureProblems(FileStorageClient.class));
  }

  @Test
  void everyModelMemberIsNullableExactlyWhenTheSpecLetsItBeAbsentOrNull() {
    assertEquals(List.of(), GeneratedSurface.membersWhoseNullnessDiffersFromTheSpec(MODELS, ApiSpec.fileStorage().openApi()));
  }

  @Test
  void everyModelPrintsOnOneLineWithSecretMembersMasked() {
    assertEquals(List.of(), GeneratedSurface.modelsWhoseToStringLeaksOrSpansLines(MODELS, ApiSpec.fileStorage().openApi()));
  }
}
