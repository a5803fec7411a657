package dev.tandem.devstack.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a Quarkus service in the stack tests: packed alone into a {@code quarkus-run.jar}, it reads the
 * same environment a service reads, serves {@code /q/health/ready} and {@code /env}, and stops on SIGTERM. What it
 * does is chosen by a file {@code fake-mode} in its working directory (the module folder): {@code crash} (write 45
 * lines, exit 3), {@code never-ready} (answer 503 DOWN), otherwise behave.
 *
 * <p>No lambdas capturing into extra classes and no nested classes: the jar holds this one class file.
 */
public final class FakeService {

    public static void main(String[] args) throws Exception {
        Path cwd = Path.of("").toAbsolutePath();
        String module = cwd.getFileName().toString();
        String mode = Files.exists(cwd.resolve("fake-mode")) ? Files.readString(cwd.resolve("fake-mode")).trim() : "ok";
        System.out.println("fake " + module + " starting in mode " + mode);
        if (mode.equals("crash")) {
            for (int i = 0; i < 45; i++) {
                System.out.println("boom line #" + i + "#");
            }
            System.out.flush();
            System.exit(3);
        }
        int port = Integer.parseInt(System.getenv("QUARKUS_HTTP_PORT"));
        Thread.sleep(300);
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        boolean ready = !mode.equals("never-ready");
        server.createContext("/q/health/ready", exchange -> respond(exchange, ready ? 200 : 503,
                ready ? "{\"status\":\"UP\",\"checks\":[]}" : "{\"status\":\"DOWN\",\"checks\":[]}"));
        server.createContext("/env", exchange -> {
            Map<String, String> env = new TreeMap<>(System.getenv());
            StringBuilder sb = new StringBuilder();
            env.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
            respond(exchange, 200, sb.toString());
        });
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("fake " + module + " stopping on signal");
            System.out.flush();
            server.stop(0);
        }));
        System.out.println("fake " + module + " listening on " + port);
        Thread.currentThread().join();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
