package dev.tandem.feedback;

import dev.tandem.devstack.testing.EmbeddedInfraTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Real embedded PostgreSQL (database "feedback") and Kafka for every @QuarkusTest of this service. */
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "feedback"))
public final class FeedbackTestResources {
}
