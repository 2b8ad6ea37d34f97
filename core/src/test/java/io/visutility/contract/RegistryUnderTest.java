package io.visutility.contract;

import io.visutility.registry.ModelRegistry;
import io.visutility.registry.ModelVersion;
import io.visutility.testing.MutableClock;

/** What the parts of the registry contract kept in test interfaces need from {@link ModelRegistryContract}. */
public interface RegistryUnderTest {
    /** The fresh registry of the running test. */
    ModelRegistry registry();

    /** The clock the registry stamps times with. */
    MutableClock clock();

    /** Registers a new version of {@code model} with a fresh artifact checksum and no idempotency key. */
    ModelVersion register(String model);
}
