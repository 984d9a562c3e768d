package org.malikg.neo4jlocal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.kernel.internal.Version;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.server.CommunityBootstrapper;
import org.neo4j.server.NeoBootstrapper;
import org.neo4j.server.security.auth.FileUserRepository;
import org.neo4j.server.security.auth.LegacyCredential;

/**
 * Runs a real Neo4j community server (Bolt, HTTP API, Neo4j Browser) in this JVM, with its home and store under
 * one data directory that persists across restarts.
 *
 * <p>Options, each as {@code --name value} or as the system property {@code malikg.neo4j.name}:
 * {@code data-dir} (default {@code data/neo4j}), {@code bolt-port} (7687), {@code http-port} (7474),
 * {@code pagecache} (128m), {@code tx-memory} (256m), {@code password-file} (default {@code <data-dir>/password}),
 * {@code recover-log-tail} (false; true lets recovery truncate an unreadable transaction log tail).
 * Everything binds to 127.0.0.1 only, and authentication is on even so: any web page the user opens can reach
 * loopback ports. The user {@code neo4j} gets the password held in the password file (written by
 * {@code malikg db start}): as the initial password when the store is new, and by {@code ALTER USER} at every start
 * otherwise, so the file is the one source of truth. The HTTP API allows no cross-origin caller but the server's
 * own origin (Neo4j's default is {@code *}). See docs/neo4j-local.md.
 *
 * <p>Prints one line starting with {@code malikg-neo4j ready} once Bolt and HTTP accept connections; stops cleanly
 * on SIGTERM/SIGINT through Neo4j's own shutdown hook. Exit codes: 0 after a clean stop, 2 for bad options or a
 * missing/short password file, otherwise Neo4j's startup error code.
 */
public final class LocalNeo4j {
    static final String LOOPBACK = "127.0.0.1";
    static final String USER = "neo4j";
    static final int MIN_PASSWORD_LENGTH = 8; // Neo4j's dbms.security.auth_minimum_password_length default

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
        String password;
        try {
            password = readPassword(options.get("password-file").isEmpty()
                    ? home.resolve("password") : Path.of(options.get("password-file")));
        } catch (IllegalArgumentException e) {
            System.err.println("malikg-neo4j: " + e.getMessage());
            System.exit(2);
            return;
        }

        Map<String, String> config = serverConfig(home, boltPort, httpPort, options);
        Path initialUser = home.resolve("data").resolve("dbms").resolve("auth.ini");
        if (!Files.isDirectory(home.resolve("data").resolve("databases").resolve("system"))) {
            writeInitialUser(initialUser, password);
        }
        NeoBootstrapper bootstrapper = new CommunityBootstrapper();
        // No neo4j.conf: every setting comes from serverConfig, so the store is exactly <data-dir>/data.
        int status = bootstrapper.start(home, null, config, false, false);
        if (status != NeoBootstrapper.OK) {
            System.err.println("malikg-neo4j: Neo4j failed to start (code " + status + "); see "
                    + home.resolve("logs") + " and the lines above");
            System.exit(status);
            return;
        }
        applyPassword(bootstrapper, password);
        Files.deleteIfExists(initialUser); // read once, when the system database is created; no hash left behind
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
        options.put("password-file", "");
        options.put("browser-post-connect-cmd", "");
        options.put("recover-log-tail", "false");
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
        // Loopback is no protection from web pages the user opens (they can reach 127.0.0.1): authentication on,
        // and no wildcard CORS (Neo4j's default); Neo4j Browser is served from this origin and needs no CORS.
        config.put("dbms.security.auth_enabled", "true");
        config.put("dbms.security.http_access_control_allow_origin", "http://" + LOOPBACK + ":" + httpPort);
        config.put("server.memory.pagecache.size", options.get("pagecache"));
        config.put("dbms.memory.transaction.total.max", options.get("tx-memory"));
        config.put("dbms.usage_report.enabled", "false");
        config.put("client.allow_telemetry", "false");
        // Neo4j Browser runs these commands (";"-separated, without the colon) once connected: malikg's style and guide.
        if (!options.get("browser-post-connect-cmd").isEmpty()) {
            config.put("browser.post_connect_cmd", options.get("browser-post-connect-cmd"));
        }
        // `malikg db recover`: a transaction log whose tail a full disk cut ("Unreadable bytes are encountered after
        // last readable position") stops recovery by default. Off for one start, recovery replays every readable
        // transaction and truncates the unreadable tail: a transaction whose commit never reached the disk, so
        // never acknowledged to a client. See docs/reliability.md, "Disk full".
        if (Boolean.parseBoolean(options.get("recover-log-tail"))) {
            config.put("internal.dbms.tx_log.fail_on_corrupted_log_files", "false");
        }
        // Bolt waits 5 s twice on shutdown by default; a local single-user server can stop faster.
        config.put("internal.server.bolt.thread_pool_shutdown_wait_time", "1s");
        config.put("internal.server.bolt.connection_shutdown_wait_time", "1s");
        return config;
    }

    static String readPassword(Path file) {
        String password;
        try {
            password = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the password file " + file + " (" + e + "); "
                    + "`malikg db start` creates it");
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("the password in " + file + " is shorter than "
                    + MIN_PASSWORD_LENGTH + " characters");
        }
        return password;
    }

    /** What {@code neo4j-admin dbms set-initial-password} does: the system database, created at first start,
     * then gives the user {@code neo4j} this password (no forced change) instead of the default "neo4j". */
    static void writeInitialUser(Path authFile, String password) throws IOException {
        Files.createDirectories(authFile.getParent());
        Files.deleteIfExists(authFile);
        FileUserRepository users = new FileUserRepository(new DefaultFileSystemAbstraction(), authFile,
                NullLogProvider.getInstance(), EmptyMemoryTracker.INSTANCE);
        try {
            users.start();
            users.create(new User(USER, null, LegacyCredential.forPassword(password), false, false));
            users.shutdown();
        } catch (Exception e) {
            throw new IOException("cannot write the initial user file " + authFile, e);
        }
    }

    /** Make the password file's password the user's, whatever it was (an older store, a change made in Browser). */
    static void applyPassword(NeoBootstrapper bootstrapper, String password) {
        try {
            bootstrapper.getDatabaseManagementService().database("system").executeTransactionally(
                    "ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (QueryExecutionException e) {
            if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
                System.err.println("malikg-neo4j: could not set the password of user " + USER + ": " + e.getMessage());
            }
        }
    }
}
