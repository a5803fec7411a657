package dev.tandem.product;

import dev.tandem.devstack.testing.ServiceSecurityContract;
import dev.tandem.product.product.Product;
import io.quarkus.test.junit.QuarkusTest;

/** product-service refuses requests that did not come through the gateway with the right scope (see {@link ServiceSecurityContract}). */
@QuarkusTest
class ServiceSecurityTest extends ServiceSecurityContract {

    @Override
    protected String collectionPath() {
        return "/api/v1/products";
    }

    @Override
    protected String validCreateBody() {
        return """
                {"key": "SEC1", "name": "Secured"}""";
    }

    @Override
    protected long count() {
        return Product.count();
    }

    @Override
    protected String scopePrefix() {
        return "products";
    }

    @Override
    protected String otherScopePrefix() {
        return "projects";
    }
}
