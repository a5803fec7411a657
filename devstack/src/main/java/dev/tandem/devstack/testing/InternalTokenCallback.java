package dev.tandem.devstack.testing;

import java.util.List;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Makes a service's {@code @QuarkusTest}s call it the way the gateway does: before each test, a REST Assured filter
 * adds an internal token ({@link TestTokens}) with the service's read and write scopes
 * ({@code <tandem.security.scope-prefix>:read|write}) to every request that does not carry one of its own. A service
 * registers it in
 * {@code src/test/resources/META-INF/services/io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback}. A test
 * about refusals calls {@link #withoutToken()} first and sends what it means to send; the next test gets the filter
 * again. (A filter rather than {@code RestAssured.requestSpecification}: a spec built here would pin the port before
 * Quarkus sets the test port.)
 */
public class InternalTokenCallback implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        String prefix = ConfigProvider.getConfig().getOptionalValue("tandem.security.scope-prefix", String.class)
                .orElse(null);
        if (prefix == null) {
            withoutToken();
            return;
        }
        String token = TestTokens.mint(prefix + ":read", prefix + ":write");
        Filter addToken = (request, response, ctx) -> {
            if (!request.getHeaders().hasHeaderWithName(TestTokens.HEADER)) {
                request.header(TestTokens.HEADER, token);
            }
            return ctx.next(request, response);
        };
        RestAssured.replaceFiltersWith(List.of(addToken));
    }

    /** No token on this test's requests unless it adds one itself. */
    public static void withoutToken() {
        RestAssured.replaceFiltersWith(List.of());
    }
}
