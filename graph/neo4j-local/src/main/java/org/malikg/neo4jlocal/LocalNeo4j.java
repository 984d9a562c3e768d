package org.malikg.neo4jlocal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.kernel.internal.Version;
import org.neo4j.server.CommunityBootstrapper;
import org.neo4j.server.NeoBootstrapper;

/**
 * Runs a real Neo4j community server (Bolt, HTTP API, Neo4j Browser) in this JVM, with its home and store under
 * one data directory that persists across restarts.
 *
 * <p>Options, each as {@code --name value} or as the system property {@code malikg.neo4j.name}:
 * {@code data-dir} (default {@code data/neo4j}), {@code bolt-port} (7687), {@code http-port} (7474),
 * {@code pagecache} (128m), {@code tx-memory} (256m). Everything binds to 127.0.0.1 only, so authentication is
 * disabled: Neo4j Browser connects with "No authentication" and drivers' basic auth is accepted.
 *
 * <p>Prints one line starting with {@code malikg-neo4j ready} once Bolt and HTTP accept connections; stops cleanly
 * on SIGTERM/SIGINT through Neo4j's own shutdown hook. Exit codes: 0 after a clean stop, 2 for bad options,
 * otherwise Neo4j's startup error code.
 */
public final class LocalNeo4j {
    static final String LOOPBACK = "127.0.0.1";

    private LocalNeo4j() {}

    public static void main(String[] args) throws InterruptedException, IOException {
        Map<String, String> options;
        try {
            options = parseOptions(args);
        } catch (IllegalArgumentException e) {
            System.err.println("malikg-neo4j: " + e.getMessage());
            System.exit(2);
            return;
        }
        Path home = Path.of(options.get("data-dir")).toAbsolutePath().normalize();
        int boltPort = port(options, "bolt-port");
        int httpPort = port(options, "http-port");
        Files.createDirectories(home);

        Map<String, String> config = serverConfig(home, boltPort, httpPort, options);
        NeoBootstrapper bootstrapper = new CommunityBootstrapper();
        // No neo4j.conf: every setting comes from serverConfig, so the store is exactly <data-dir>/data.
        int status = bootstrapper.start(home, null, config, false, false);
        if (status != NeoBootstrapper.OK) {
            System.err.println("malikg-neo4j: Neo4j failed to start (code " + status + "); see "
                    + home.resolve("logs") + " and the lines above");
            System.exit(status);
            return;
        }
        System.out.println("malikg-neo4j ready version=" + Version.getNeo4jVersion()
                + " bolt=bolt://" + LOOPBACK + ":" + boltPort
                + " browser=http://" + LOOPBACK + ":" + httpPort + "/browser/"
                + " data-dir=" + home
                + " pid=" + ProcessHandle.current().pid());
        System.out.flush();
        // Neo4j's shutdown hook stops the server on SIGTERM; this thread only keeps the JVM alive until then.
        new CountDownLatch(1).await();
    }

    static Map<String, String> parseOptions(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("data-dir", "data/neo4j");
        options.put("bolt-port", "7687");
        options.put("http-port", "7474");
        options.put("pagecache", "128m");
        options.put("tx-memory", "256m");
        for (String name : options.keySet()) {
            String fromProperty = System.getProperty("malikg.neo4j." + name);
            if (fromProperty != null) {
                options.put(name, fromProperty);
            }
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || !options.containsKey(arg.substring(2))) {
                throw new IllegalArgumentException("unknown option " + arg + "; known: --" + String.join(", --", options.keySet()));
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + arg + " needs a value");
            }
            options.put(arg.substring(2), args[++i]);
        }
        port(options, "bolt-port");
        port(options, "http-port");
        return options;
    }

    static int port(Map<String, String> options, String name) {
        String raw = options.get(name);
        try {
            int value = Integer.parseInt(raw);
            if (value < 1 || value > 65535) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a port number (1-65535), got '" + raw + "'");
        }
    }

    static Map<String, String> serverConfig(Path home, int boltPort, int httpPort, Map<String, String> options) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("server.directories.data", home.resolve("data").toString());
        config.put("server.directories.logs", home.resolve("logs").toString());
        config.put("server.directories.import", home.resolve("import").toString());
        config.put("server.directories.plugins", home.resolve("plugins").toString());
        config.put("server.default_listen_address", LOOPBACK);
        config.put("server.default_advertised_address", LOOPBACK);
        config.put("server.bolt.enabled", "true");
        config.put("server.bolt.listen_address", LOOPBACK + ":" + boltPort);
        config.put("server.bolt.advertised_address", LOOPBACK + ":" + boltPort);
        config.put("server.http.enabled", "true");
        config.put("server.http.listen_address", LOOPBACK + ":" + httpPort);
        config.put("server.http.advertised_address", LOOPBACK + ":" + httpPort);
        config.put("server.https.enabled", "false");
        // Loopback only, so no credentials: see docs/neo4j-local.md.
        config.put("dbms.security.auth_enabled", "false");
        config.put("server.memory.pagecache.size", options.get("pagecache"));
        config.put("dbms.memory.transaction.total.max", options.get("tx-memory"));
        config.put("dbms.usage_report.enabled", "false");
        config.put("client.allow_telemetry", "false");
        // Bolt waits 5 s twice on shutdown by default; a local single-user server can stop faster.
        config.put("internal.server.bolt.thread_pool_shutdown_wait_time", "1s");
        config.put("internal.server.bolt.connection_shutdown_wait_time", "1s");
        return config;
    }
}
