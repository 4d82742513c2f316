package dev.mergesdk.filestorage;

import dev.mergesdk.testkit.ApiSpec;
import dev.mergesdk.testkit.ContractCoverage;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other test class of the module (src/test/resources/junit-platform.properties orders classes by
 * {@link Order}): fails, listing them, when an operation of the spec was never sent through the validating
 * {@link dev.mergesdk.testkit.MergeMock} (see {@link TestClients}). Writes target/contract-coverage/*.txt. Run alone, it fails: nothing was exercised.
 */
@Order(Integer.MAX_VALUE)
class ContractCoverageTest {
  @Test
  void everyOperationOfTheSpecHasAContractTest() {
    ContractCoverage.assertAllExercised(ApiSpec.fileStorage());
  }
}
