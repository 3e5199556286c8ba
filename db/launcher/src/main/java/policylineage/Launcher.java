package policylineage;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import inet.ipaddr.IPAddressString;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.event.DatabaseEventContext;
import org.neo4j.graphdb.event.DatabaseEventListenerAdapter;
import org.neo4j.graphdb.event.DatabaseEventListenerInternal;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community embedded, with only the Bolt connector, bound to loopback, with
 * authentication on: the password is the one in the data folder's password file (created by
 * the Node side with owner-only permissions). Loopback is not private on a shared machine, and
 * Bolt also answers WebSocket upgrades from any browser page, so the password is what keeps the
 * graph to its owner.
 *
 * The Node side owns the lifecycle: it starts this process, waits for the ready line and stops
 * it with SIGTERM. Because a parent that dies without signalling would leave an orphaned JVM
 * holding the store lock, the launcher also exits when its stdin closes (the parent's end of
 * the pipe goes away with the parent). Every exit is bounded in time: a shutdown that hangs
 * (a full disk during the final checkpoint) is cut short by a halt.
 *
 * Messages meant for people start with "LAUNCHER:" on stderr so the Node side can show them
 * without a Java stack trace.
 */
public final class Launcher {
    private static final String DEFAULT_DB = "neo4j";
    private static final Duration SHUTDOWN_LIMIT = Duration.ofSeconds(20);

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        String dataDir = arg(args, "--data", ".data/neo4j");
        int port = Integer.parseInt(arg(args, "--port", "7687"));
        String heap = arg(args, "--pagecache", "512m");
        String passwordFile = arg(args, "--password-file", null);
        boolean watchStdin = !hasFlag(args, "--no-stdin-watch");
        boolean afterDiskFull = hasFlag(args, "--after-disk-full");

        Path home = Path.of(dataDir).toAbsolutePath();
        Files.createDirectories(home);
        if (passwordFile == null) {
            fail("--password-file is required: the built-in Neo4j never runs without a password.", 2);
        }
        String password = Files.readString(Path.of(passwordFile), StandardCharsets.UTF_8).trim();
        if (password.length() < 8) {
            fail("the password file " + passwordFile + " holds no usable password (at least 8 characters). "
                    + "Delete it and start again: a new one is created.", 2);
        }

        // Not 3: that is the JVM's own exit code under -XX:+ExitOnOutOfMemoryError.
        if (!portFree(port)) {
            fail("port " + port + " on 127.0.0.1 is already in use. Stop whatever holds it, choose another with "
                    + "NEO4J_PORT, or point the product at that server with NEO4J_URI.", 10);
        }

        // The password is applied with Bolt closed, so no client ever sees the store with the
        // default credentials; afterwards a marker (a hash, not the password) says it is done.
        Path applied = home.resolve("password.applied");
        String digest = sha256(password);
        if (!Files.exists(applied) || !Files.readString(applied, StandardCharsets.UTF_8).trim().equals(digest)) {
            DatabaseManagementService setup = build(home, heap, port, false, afterDiskFull);
            try {
                setPassword(setup, password);
            } finally {
                setup.shutdown();
            }
            Files.writeString(applied, digest, StandardCharsets.UTF_8);
        }

        DatabaseManagementService dbms = build(home, heap, port, true, afterDiskFull);
        requireAvailable(dbms, home);
        dbms.registerDatabaseEventListener(new PanicExit(home));

        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            haltAfter(SHUTDOWN_LIMIT);
            dbms.shutdown();
            stop.countDown();
        }, "neo4j-shutdown"));

        // Bolt is bound once build() returns; the marker line lets the parent stop polling early.
        System.out.println("LAUNCHER: ready bolt://127.0.0.1:" + port);
        System.out.flush();

        if (watchStdin) {
            Thread watcher = new Thread(() -> {
                try (InputStream in = System.in) {
                    while (in.read() != -1) {
                        // Discard: stdin only signals whether the parent is alive.
                    }
                } catch (IOException ignored) {
                    // Treat a broken pipe as a dead parent.
                }
                System.exit(0);
            }, "parent-watch");
            watcher.setDaemon(true);
            watcher.start();
        }
        stop.await();
    }

    /**
     * {@code afterDiskFull}: the last run stopped because a transaction log append failed on a
     * full disk (the supervisor says so). That append can leave unreadable bytes after the last
     * complete transaction, and recovery then refuses the whole store. Those bytes are the one
     * transaction whose append failed, which no client was told had committed, so recovery may
     * drop them: everything before them is replayed as usual.
     */
    private static DatabaseManagementService build(Path home, String pagecache, int port, boolean bolt, boolean afterDiskFull) {
        try {
            return new DatabaseManagementServiceBuilder(home)
                    .setConfig(GraphDatabaseInternalSettings.fail_on_corrupted_log_files, !afterDiskFull)
                    .setConfig(BoltConnector.enabled, bolt)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    // LOAD CSV may read neither local files nor any URL: the product never uses
                    // it, and the JVM may run with more rights than the person querying.
                    .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                    .setConfig(GraphDatabaseInternalSettings.cypher_ip_blocklist,
                            List.of(new IPAddressString("0.0.0.0/0"), new IPAddressString("::/0")))
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pagecache))
                    // The setup run has no timeout: on a busy machine compiling its one statement
                    // alone can take minutes, and it must not fail half-way.
                    .setConfig(GraphDatabaseSettings.transaction_timeout, bolt ? Duration.ofSeconds(120) : Duration.ZERO)
                    .setConfig(GraphDatabaseSettings.check_point_interval_time, Duration.ofMinutes(5))
                    .build();
        } catch (Throwable t) {
            String text = describe(t);
            if (text.contains("FileLock") || text.contains("lock") || text.contains("Lock")) {
                fail("the data folder " + home + " is in use by another Neo4j process. Stop it (npm run db:stop), "
                        + "or if none runs, the lock is stale: delete " + home.resolve("data/databases/store_lock")
                        + " and retry.", 4);
            }
            if (text.contains("No space left")) {
                fail("the disk holding " + home + " is full; Neo4j cannot start. Free some space and start again.", 7);
            }
            fail("Neo4j could not start: " + t.getMessage(), 5);
            throw new IllegalStateException(t);
        }
    }

    /**
     * The default database must come up; when it does not (a store recovery cannot repair), say
     * so at once with what to do, instead of letting clients wait for a database that never opens.
     */
    private static void requireAvailable(DatabaseManagementService dbms, Path home) {
        GraphDatabaseService db = dbms.database(DEFAULT_DB);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        String status = "";
        // A database that failed to start is reported by SHOW DATABASE at once; waiting for it to
        // become available would only run into the timeout.
        while (System.nanoTime() < deadline) {
            if (db.isAvailable(500)) {
                return;
            }
            try {
                String[] s = dbms.database("system").executeTransactionally(
                        "SHOW DATABASE $name YIELD currentStatus, statusMessage RETURN currentStatus, statusMessage",
                        Map.of("name", DEFAULT_DB),
                        r -> {
                            if (!r.hasNext()) {
                                return new String[] {"unknown", ""};
                            }
                            Map<String, Object> row = r.next();
                            return new String[] {String.valueOf(row.get("currentStatus")), String.valueOf(row.get("statusMessage"))};
                        });
                status = s[0] + ": " + s[1];
                if (!s[0].equals("starting") && !s[0].equals("online") && !s[1].isBlank() && !s[1].equals("null")) {
                    break;
                }
            } catch (RuntimeException e) {
                status = e.getMessage();
            }
        }
        dbms.shutdown();
        String detail = status.replace('\n', ' ').trim();
        // A recovery that fails for want of space says so only in debug.log, if at all: the free
        // space decides. A full disk is transient (the supervisor restarts once space is freed);
        // a damaged store is not, and gets its own exit code so that nobody retries it.
        long freeMb = freeMb(home);
        if (status.toLowerCase().contains("space") || (freeMb >= 0 && freeMb < LOW_SPACE_MB)) {
            fail("the graph in " + home + " does not open: the disk holding it is full (" + Math.max(freeMb, 0)
                    + " MB free; " + detail + "). Free some space and start again.", 7);
        }
        fail("the graph in " + home + " does not open: the store is damaged and Neo4j cannot recover it (" + detail + "). "
                + "What to do: stop the product, move the data folder aside (mv " + home + " " + home + ".damaged), "
                + "then run npm start to create a new one and ingest the seeds again; re-ingest your own documents "
                + "and re-apply any curation. Keep the moved folder until the new graph is complete.", 6);
    }

    /** Below this a store cannot be trusted to recover or write: Neo4j's own writes come in megabytes. */
    private static final long LOW_SPACE_MB = 64;

    /** Usable space on the data folder's disk in MB, or -1 when unknown. */
    private static long freeMb(Path home) {
        try {
            return Files.getFileStore(home).getUsableSpace() >> 20;
        } catch (IOException e) {
            return -1;
        }
    }

    private static void setPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database("system").executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (RuntimeException e) {
            // Already this password (a lost marker): nothing to change.
            if (!describe(e).contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
    }

    /**
     * A database that panics (a transaction log write failed, most often on a full disk) refuses
     * every transaction until the process restarts, while Bolt still accepts connections. The
     * launcher exits instead, with the reason, so the Node side's supervisor restarts it, or gives
     * up with that reason when it keeps failing.
     */
    private static final class PanicExit extends DatabaseEventListenerAdapter implements DatabaseEventListenerInternal {
        private final Path home;
        private volatile boolean outOfDisk;

        PanicExit(Path home) {
            this.home = home;
        }

        @Override
        public void databaseOutOfDiskSpace(DatabaseEventContext ctx) {
            outOfDisk = true;
        }

        @Override
        public void databasePanic(DatabaseEventContext ctx) {
            long freeMb = freeMb(home);
            boolean full = outOfDisk || (freeMb >= 0 && freeMb < LOW_SPACE_MB);
            String why = full
                    ? "the disk holding " + home + " is full (" + Math.max(freeMb, 0) + " MB free): Neo4j could not write its store. "
                            + "Free some space; the transactions it committed are kept, the one it was writing is not."
                    : "see " + home.resolve("logs/debug.log") + ".";
            System.err.println("LAUNCHER: the database " + ctx.getDatabaseName() + " stopped after a critical error; " + why);
            System.err.flush();
            // Not on Neo4j's own thread: System.exit runs the shutdown hook, which waits for it.
            Thread exit = new Thread(() -> System.exit(9), "panic-exit");
            exit.setDaemon(false);
            exit.start();
        }
    }

    /** A shutdown that hangs must not leave an orphan JVM behind. */
    private static void haltAfter(Duration limit) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(limit.toMillis());
            } catch (InterruptedException ignored) {
                return;
            }
            System.err.println("LAUNCHER: Neo4j did not shut down within " + limit.toSeconds() + " s; stopping the JVM.");
            Runtime.getRuntime().halt(8);
        }, "shutdown-limit");
        t.setDaemon(true);
        t.start();
    }

    private static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null && sb.length() < 10_000; c = c.getCause()) {
            sb.append(c).append(' ');
        }
        return sb.toString();
    }

    private static String sha256(String s) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean portFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void fail(String message, int code) {
        System.err.println("LAUNCHER: " + message);
        System.err.flush();
        System.exit(code);
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static boolean hasFlag(String[] args, String name) {
        for (String a : args) {
            if (a.equals(name)) {
                return true;
            }
        }
        return false;
    }
}
