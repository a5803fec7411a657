package dev.tandem.project;

import dev.tandem.devstack.testing.EmbeddedInfraTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Real embedded PostgreSQL (database "project") and Kafka for every @QuarkusTest of this service. */
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "project"))
public final class ProjectTestResources {
}
