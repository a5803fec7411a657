package dev.tandem.gateway;

import dev.tandem.devstack.testing.EmbeddedInfraTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Real embedded PostgreSQL (database {@code gateway}) and Kafka for every gateway @QuarkusTest. */
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "gateway"))
public final class GatewayTestResources {
}
