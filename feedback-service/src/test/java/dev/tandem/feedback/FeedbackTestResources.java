package dev.tandem.feedback;

import dev.tandem.devstack.testing.EmbeddedInfraTestResource;
import dev.tandem.devstack.testing.EmbeddedMailTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * Real embedded PostgreSQL (database "feedback"), Kafka and an SMTP server (the mails of closed loops) for every
 * @QuarkusTest of this service.
 */
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "feedback"))
@WithTestResource(value = EmbeddedMailTestResource.class, scope = TestResourceScope.GLOBAL)
public final class FeedbackTestResources {
}
