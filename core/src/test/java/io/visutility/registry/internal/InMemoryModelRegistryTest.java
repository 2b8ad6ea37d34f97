package io.visutility.registry.internal;

import io.visutility.contract.ModelRegistryContract;
import io.visutility.registry.ModelRegistry;
import java.time.Clock;

/** Runs the registry contract on the in-memory registry. */
class InMemoryModelRegistryTest extends ModelRegistryContract {

    @Override
    protected ModelRegistry newRegistry(Clock clock) {
        return ModelRegistry.inMemory(clock);
    }
}
