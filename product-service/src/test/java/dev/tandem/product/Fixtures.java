package dev.tandem.product;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Small helpers for the API tests: create things through the API, read their ETag. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String uniqueKey() {
        return "K" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    /** Creates a product and returns its id. */
    public static String product(String name, String owner, String vision) {
        String body = """
                {"key": "%s", "name": "%s", "vision": %s, "targetSegments": ["SMB"], "owner": %s}"""
                .formatted(uniqueKey(), name, vision == null ? "null" : "\"" + vision + "\"",
                        owner == null ? "null" : "\"" + owner + "\"");
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/products")
                .then().statusCode(201).extract().path("id");
    }

    public static String product() {
        return product("Product", "ana.pm@example.com", "A vision");
    }

    /** Creates a feature from a JSON body and returns its id. */
    public static String feature(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/features")
                .then().statusCode(201).extract().path("id");
    }

    public static String feature(String productId, String title) {
        return feature("{\"productId\": \"" + productId + "\", \"title\": \"" + title + "\"}");
    }

    /** Creates an objective of the product (2027-Q1, no key results) and returns its id. */
    public static String objective(String productId, String title) {
        return given().contentType(ContentType.JSON)
                .body("{\"productId\": \"" + productId + "\", \"title\": \"" + title + "\", \"period\": \"2027-Q1\"}")
                .post("/api/v1/objectives").then().statusCode(201).extract().path("id");
    }

    public static String etag(String path) {
        return given().get(path).then().statusCode(200).extract().header("ETag");
    }

    /** POST/PATCH with the resource's current ETag. */
    public static Response withCurrentETag(String method, String path, String body) {
        String etag = etag(path.replaceAll("/(status|lifecycle|pivots|release)$", ""));
        var request = given().header("If-Match", etag);
        if (body != null) {
            request.contentType(ContentType.JSON).body(body);
        }
        return request.request(method, path);
    }
}
