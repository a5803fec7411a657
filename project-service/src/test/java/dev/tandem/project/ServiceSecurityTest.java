package dev.tandem.project;

import dev.tandem.devstack.testing.ServiceSecurityContract;
import dev.tandem.project.project.Project;
import io.quarkus.test.junit.QuarkusTest;

/** project-service refuses requests that did not come through the gateway with the right scope (see {@link ServiceSecurityContract}). */
@QuarkusTest
class ServiceSecurityTest extends ServiceSecurityContract {

    @Override
    protected String collectionPath() {
        return "/api/v1/projects";
    }

    @Override
    protected String validCreateBody() {
        return """
                {"key": "SEC1", "name": "Secured"}""";
    }

    @Override
    protected long count() {
        return Project.count();
    }

    @Override
    protected String scopePrefix() {
        return "projects";
    }

    @Override
    protected String otherScopePrefix() {
        return "feedback";
    }
}
