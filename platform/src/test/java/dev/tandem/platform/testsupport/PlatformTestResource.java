package dev.tandem.platform.testsupport;

import dev.tandem.devstack.testing.EmbeddedInfraTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Real embedded PostgreSQL and Kafka for every platform @QuarkusTest (applies to all test classes). */
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.GLOBAL)
public final class PlatformTestResource {
}
