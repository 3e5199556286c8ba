package policylineage;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community embedded, with only the Bolt connector, bound to loopback.
 *
 * The Node side owns the lifecycle: it starts this process, waits for Bolt to answer and
 * stops it with SIGTERM. Because a parent that dies without signalling would leave an
 * orphaned JVM holding the store lock, the launcher also exits when its stdin closes
 * (the parent's end of the pipe goes away with the parent).
 *
 * Messages meant for people start with "LAUNCHER:" on stderr so the Node side can show them
 * without a Java stack trace.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) throws Exception {
        String dataDir = arg(args, "--data", ".data/neo4j");
        int port = Integer.parseInt(arg(args, "--port", "7687"));
        String heap = arg(args, "--pagecache", "512m");
        boolean watchStdin = !hasFlag(args, "--no-stdin-watch");

        Path home = Path.of(dataDir).toAbsolutePath();
        Files.createDirectories(home);

        if (!portFree(port)) {
            fail("port " + port + " on 127.0.0.1 is already in use. Stop whatever holds it, choose another with "
                    + "NEO4J_PORT, or point the product at that server with NEO4J_URI.", 3);
        }

        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(HttpConnector.enabled, false)
                    // Loopback only and owned by this user's process: no password to manage.
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(heap))
                    .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(120))
                    .setConfig(GraphDatabaseSettings.check_point_interval_time, Duration.ofMinutes(5))
                    .build();
        } catch (Throwable t) {
            String text = String.valueOf(t) + " " + String.valueOf(t.getCause());
            if (text.contains("FileLock") || text.contains("lock") || text.contains("Lock")) {
                fail("the data folder " + home + " is in use by another Neo4j process. Stop it (npm run db:stop), "
                        + "or if none runs, the lock is stale: delete " + home.resolve("data/databases/store_lock")
                        + " and retry.", 4);
            }
            fail("Neo4j could not start: " + t.getMessage(), 5);
            return;
        }

        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
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
