package dev.tandem.devstack.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Where the running stack can be reached: the actual ports, URLs and connection strings. */
public final class StackEndpoints {

    /** Everything binds and is reached on the loopback address. */
    public static final String HOST = "127.0.0.1";

    private final Map<Service, Integer> ports;
    private final Map<Service, String> jdbcUrls;
    private final String kafkaBootstrapServers;
    private final int kafkaPort;
    private final int postgresPort;
    private final String postgresUser;
    private final String postgresPassword;
    private final Path dataDir;
    /** The ports of the further instances of each service (empty with one instance each). */
    private final Map<Service, List<Integer>> replicaPorts;
    /** The mail server: SMTP and IMAP ports (0 when there is none), and the folder of its .eml files. */
    private final int smtpPort;
    private final int imapPort;
    private final Path mailFolder;

    public StackEndpoints(Map<Service, Integer> ports, Map<Service, String> jdbcUrls, String kafkaBootstrapServers,
            int kafkaPort, int postgresPort, String postgresUser, String postgresPassword, Path dataDir) {
        this(ports, Map.of(), jdbcUrls, kafkaBootstrapServers, kafkaPort, postgresPort, postgresUser, postgresPassword,
                dataDir);
    }

    /** Without a mail server: the services are given no mailer settings. */
    public StackEndpoints(Map<Service, Integer> ports, Map<Service, List<Integer>> replicaPorts,
            Map<Service, String> jdbcUrls, String kafkaBootstrapServers, int kafkaPort, int postgresPort,
            String postgresUser, String postgresPassword, Path dataDir) {
        this(ports, replicaPorts, jdbcUrls, kafkaBootstrapServers, kafkaPort, postgresPort, postgresUser,
                postgresPassword, dataDir, 0, 0, null);
    }

    public StackEndpoints(Map<Service, Integer> ports, Map<Service, List<Integer>> replicaPorts,
            Map<Service, String> jdbcUrls, String kafkaBootstrapServers, int kafkaPort, int postgresPort,
            String postgresUser, String postgresPassword, Path dataDir, int smtpPort, int imapPort,
            Path mailFolder) {
        Map<Service, List<Integer>> replicas = new EnumMap<>(Service.class);
        replicaPorts.forEach((s, list) -> replicas.put(s, List.copyOf(list)));
        this.replicaPorts = Collections.unmodifiableMap(replicas);
        this.ports = Collections.unmodifiableMap(new EnumMap<>(ports));
        this.jdbcUrls = Collections.unmodifiableMap(new EnumMap<>(jdbcUrls));
        for (Service s : Service.values()) {
            Objects.requireNonNull(this.ports.get(s), "port of " + s);
            Objects.requireNonNull(this.jdbcUrls.get(s), "JDBC URL of " + s);
        }
        this.kafkaBootstrapServers = Objects.requireNonNull(kafkaBootstrapServers);
        this.kafkaPort = kafkaPort;
        this.postgresPort = postgresPort;
        this.postgresUser = Objects.requireNonNull(postgresUser);
        this.postgresPassword = Objects.requireNonNull(postgresPassword);
        this.dataDir = dataDir;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.mailFolder = mailFolder;
    }

    public int port(Service service) {
        return ports.get(service);
    }

    /** {@code http://127.0.0.1:<port>} of {@code service}, without a trailing slash. */
    public String url(Service service) {
        return "http://" + HOST + ":" + port(service);
    }

    /** The port of one instance of a service. */
    public int port(Instance instance) {
        return instance.index() == 0 ? port(instance.service())
                : replicaPorts.get(instance.service()).get(instance.index() - 1);
    }

    /** {@code http://127.0.0.1:<port>} of one instance. */
    public String url(Instance instance) {
        return "http://" + HOST + ":" + port(instance);
    }

    /** Every instance of {@code service}, the first first. */
    public List<Instance> instances(Service service) {
        List<Instance> list = new ArrayList<>();
        list.add(Instance.first(service));
        for (int i = 1; i <= replicaPorts.getOrDefault(service, List.of()).size(); i++) {
            list.add(new Instance(service, i));
        }
        return list;
    }

    /** The URLs of every instance of {@code service}, comma-separated: what the gateway's upstream setting takes. */
    public String upstreamUrls(Service service) {
        return instances(service).stream().map(this::url).collect(java.util.stream.Collectors.joining(","));
    }

    /** The readiness endpoint of one instance. */
    public String readinessUrl(Instance instance) {
        return url(instance) + "/q/health/ready";
    }

    /** The readiness endpoint of {@code service}. */
    public String readinessUrl(Service service) {
        return url(service) + "/q/health/ready";
    }

    /** The one front door: {@code http://127.0.0.1:<gateway port>}. */
    public String gatewayUrl() {
        return url(Service.GATEWAY);
    }

    public String productUrl() {
        return url(Service.PRODUCT);
    }

    public String projectUrl() {
        return url(Service.PROJECT);
    }

    public String feedbackUrl() {
        return url(Service.FEEDBACK);
    }

    /** Swagger UI, served by the gateway. */
    public String swaggerUiUrl() {
        return gatewayUrl() + "/q/swagger-ui";
    }

    /** The merged OpenAPI document, served by the gateway. */
    public String openApiUrl() {
        return gatewayUrl() + "/openapi";
    }

    /** {@code host:port} for a Kafka client's {@code bootstrap.servers}. */
    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public int kafkaPort() {
        return kafkaPort;
    }

    /** The JDBC URL of the database {@code service} owns. */
    public String jdbcUrl(Service service) {
        return jdbcUrls.get(service);
    }

    public int postgresPort() {
        return postgresPort;
    }

    public String postgresUser() {
        return postgresUser;
    }

    /** Empty: the embedded server trusts local connections. */
    public String postgresPassword() {
        return postgresPassword;
    }

    /** The folder holding {@code postgres/}, {@code kafka/} and {@code mail/} of this run. */
    public Path dataDir() {
        return dataDir;
    }

    /** Whether the stack runs a mail server (feedback-service then sends the customers' mails to it). */
    public boolean hasMail() {
        return smtpPort > 0;
    }

    /** The mail server's SMTP port on {@link #HOST}; 0 when there is none. */
    public int smtpPort() {
        return smtpPort;
    }

    /** The mail server's IMAP port on {@link #HOST} (login and password: the recipient's address); 0 when none. */
    public int imapPort() {
        return imapPort;
    }

    /** Where every received mail is written as an {@code .eml} file; null when there is no mail server. */
    public Path mailFolder() {
        return mailFolder;
    }

    @Override
    public String toString() {
        return "StackEndpoints[gateway=" + gatewayUrl() + ", product=" + productUrl() + ", project=" + projectUrl()
                + ", feedback=" + feedbackUrl() + ", kafka=" + kafkaBootstrapServers + ", postgres port="
                + postgresPort + ", smtp port=" + smtpPort + "]";
    }
}
