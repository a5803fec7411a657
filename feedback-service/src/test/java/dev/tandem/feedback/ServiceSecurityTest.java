package dev.tandem.feedback;

import dev.tandem.devstack.testing.ServiceSecurityContract;
import dev.tandem.feedback.customer.Customer;
import io.quarkus.test.junit.QuarkusTest;

/** feedback-service refuses requests that did not come through the gateway with the right scope (see {@link ServiceSecurityContract}). */
@QuarkusTest
class ServiceSecurityTest extends ServiceSecurityContract {

    @Override
    protected String collectionPath() {
        return "/api/v1/customers";
    }

    @Override
    protected String validCreateBody() {
        return """
                {"externalCrmId": "SEC-1", "name": "Secured", "tier": "STARTER"}""";
    }

    @Override
    protected long count() {
        return Customer.count();
    }

    @Override
    protected String scopePrefix() {
        return "feedback";
    }

    @Override
    protected String otherScopePrefix() {
        return "projects";
    }
}
