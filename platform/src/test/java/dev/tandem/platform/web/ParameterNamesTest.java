package dev.tandem.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;

import org.junit.jupiter.api.Test;

class ParameterNamesTest {

    interface BodyOnlyApi {
        void create(String body);
    }

    static class BodyOnlyResource implements BodyOnlyApi {
        @Override
        public void create(String body) {
        }
    }

    @Test
    void aMethodWhoseOnlyParameterIsTheBodyIsFoundThroughItsInterfacesWithoutFailing() throws Exception {
        // every parameter is the body, so the search walks the whole hierarchy, interfaces included (whose
        // superclass is null): it must end with the method, not a NullPointerException (which became a 500)
        Method found = ParameterNames.findAnnotatedMethod(BodyOnlyResource.class, "create",
                new Class<?>[] {String.class});
        assertEquals("create", found.getName());
    }
}
