package parley.db;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import inet.ipaddr.IPAddressString;
import org.neo4j.configuration.FulltextSettings;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Starts Neo4j Community embedded with only Bolt open, for machines without Docker.
 *
 * <p>Configured from the environment (see the README's configuration table). Prints one line
 * {@code parley-db ready bolt://HOST:PORT} once Bolt accepts connections, and shuts the store down
 * cleanly on SIGTERM/SIGINT so the next start needs no recovery. Exit codes: 0 clean stop, 3 port
 * taken, 4 data directory locked or unreadable, 1 anything else.
 */
public final class Launcher {
  private Launcher() {}

  /** What ingest, the server and the console call; everything else is not even loaded. */
  static final List<String> PROCEDURES = List.of(
      "dbms.components",
      "db.awaitIndex",
      "db.awaitIndexes",
      "db.index.fulltext.awaitEventuallyConsistentIndexRefresh",
      "db.index.fulltext.queryNodes",
      "db.index.fulltext.queryRelationships",
      "db.labels",
      "db.relationshipTypes",
      "db.propertyKeys",
      "db.schema.visualization",
      "db.schema.nodeTypeProperties",
      "db.schema.relTypeProperties");

  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    String host = env.getOrDefault("PARLEY_NEO4J_HOST", "127.0.0.1");
    int port = Integer.parseInt(env.getOrDefault("PARLEY_NEO4J_PORT", "7687"));
    Path data = Path.of(env.getOrDefault("PARLEY_NEO4J_DATA", "data/neo4j")).toAbsolutePath();
    String password = env.getOrDefault("NEO4J_PASSWORD", "");
    long pageCache = parseBytes(env.getOrDefault("PARLEY_NEO4J_PAGECACHE", "256m"));
    long txTimeout = Long.parseLong(env.getOrDefault("PARLEY_NEO4J_TX_TIMEOUT_SECONDS", "60"));
    // Half the heap unless set: one query may use that much, never the memory all others need.
    String txMemorySetting = env.getOrDefault("PARLEY_NEO4J_TX_MEMORY", "");
    long txMemory = txMemorySetting.isEmpty()
        ? Runtime.getRuntime().maxMemory() / 2
        : parseBytes(txMemorySetting);

    if (!portFree(host, port)) {
      fail(3, "port " + port + " on " + host + " is already in use by another process"
          + " (set PARLEY_NEO4J_PORT to another port, or stop that process)");
    }
    try {
      Files.createDirectories(data);
    } catch (IOException e) {
      fail(4, "cannot create data directory " + data + ": " + e.getMessage());
    }

    DatabaseManagementService dbms;
    try {
      dbms = new DatabaseManagementServiceBuilder(data)
          .setConfig(BoltConnector.enabled, true)
          .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
          .setConfig(BoltConnector.advertised_address, new SocketAddress(host, port))
          .setConfig(HttpConnector.enabled, false)
          .setConfig(HttpsConnector.enabled, false)
          .setConfig(GraphDatabaseSettings.auth_enabled, !password.isEmpty())
          // No LOAD CSV from the server's file system, and none from the network either: every
          // IPv4 and IPv6 address is blocked, so a query can never make Neo4j fetch a URL.
          .setConfig(GraphDatabaseSettings.allow_file_urls, false)
          .setConfig(GraphDatabaseInternalSettings.cypher_ip_blocklist,
              List.of(new IPAddressString("0.0.0.0/0"), new IPAddressString("::/0")))
          // Only the procedures Parley itself calls (README, "Cypher console"): no dbms.listConfig,
          // killConnections, clearQueryCaches, stats or tx metadata for anyone on this Bolt port.
          .setConfig(GraphDatabaseSettings.procedure_allowlist, PROCEDURES)
          .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeout))
          .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
          // A query that collects, sorts or holds too much is stopped when it passes this much heap
          // (Neo.TransientError.General.MemoryPoolOutOfMemoryError), before the JVM spends its
          // time collecting garbage and every other transaction waits behind it.
          .setConfig(GraphDatabaseSettings.memory_transaction_max_size, txMemory)
          // The full-text indexes are eventually consistent (db/schema.ts); refreshing their
          // Lucene readers once a second instead of after every commit more than halves the
          // database's CPU time per ingested report. Ingest waits for the refresh when it is done.
          .setConfig(FulltextSettings.eventually_consistent_refresh_interval, Duration.ofSeconds(1))
          // Offline by default: no usage reports to neo4j.com.
          .setConfig(GraphDatabaseSettings.udc_enabled, false)
          // Bolt otherwise idles ~10 s on shutdown waiting for connections that are already gone.
          .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
          .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
          .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
          .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
          .build();
    } catch (RuntimeException e) {
      String why = rootMessage(e);
      if (why.contains("lock") || why.contains("Lock")) {
        fail(4, "data directory " + data + " is locked by another Neo4j process: " + why);
      }
      if (why.contains("Address already in use") || why.contains("bind")) {
        fail(3, "port " + port + " on " + host + " is already in use: " + why);
      }
      fail(4, "Neo4j could not open data directory " + data + ": "
          + osCause(data).orElse("corrupt or unreadable? " + why));
      return;
    }

    // Embedded Neo4j starts even when the default database fails to open (a corrupt store), so
    // check that it answers before saying "ready".
    try {
      dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
    } catch (RuntimeException e) {
      String why = rootMessage(e);
      dbms.shutdown();
      fail(4, "Neo4j could not open the database in data directory " + data + ": "
          + osCause(data).orElse("corrupt or unreadable? (details in "
              + data.resolve("logs/debug.log") + ") " + why));
    }

    CountDownLatch stopped = new CountDownLatch(1);
    DatabaseManagementService service = dbms;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("parley-db stopping");
      service.shutdown();
      System.out.println("parley-db stopped");
      stopped.countDown();
    }, "parley-db-shutdown"));

    if (!password.isEmpty()) {
      // Embedded transactions bypass auth, so this is how the configured password is installed.
      dbms.database("system").executeTransactionally(
          "ALTER USER neo4j SET PLAINTEXT PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
    }
    waitForBolt(host, port);
    System.out.println("parley-db ready bolt://" + host + ":" + port + " data=" + data);
    System.out.flush();
    if ("1".equals(env.get("PARLEY_NEO4J_EXIT_WHEN_READY"))) {
      // A training run for the class-data archive (see db/embedded.ts): start fully, then stop cleanly.
      System.exit(0);
    }
    stopped.await();
  }

  private static boolean portFree(String host, int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(host, port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void waitForBolt(String host, int port) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(host, port), 500);
        return;
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    fail(1, "Bolt did not open on " + host + ":" + port + " within 60 s");
  }

  private static long parseBytes(String v) {
    String s = v.trim().toLowerCase();
    long mult = 1;
    if (s.endsWith("g")) { mult = 1L << 30; s = s.substring(0, s.length() - 1); }
    else if (s.endsWith("m")) { mult = 1L << 20; s = s.substring(0, s.length() - 1); }
    else if (s.endsWith("k")) { mult = 1L << 10; s = s.substring(0, s.length() - 1); }
    return Long.parseLong(s) * mult;
  }

  /**
   * The operating system's reason when Neo4j failed on the disk, found in its debug.log: Neo4j
   * reports a full disk while preallocating transaction logs there, and then fails with an
   * unrelated-looking message. Empty when the log names no such cause.
   */
  static Optional<String> osCause(Path data) {
    Path log = data.resolve("logs/debug.log");
    String text;
    try {
      byte[] all = Files.readAllBytes(log);
      int from = Math.max(0, all.length - 512 * 1024);
      text = new String(all, from, all.length - from, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (text.contains("No space left on device") || text.contains("running out of disk space")) {
      long freeMb = -1;
      try {
        freeMb = Files.getFileStore(data).getUsableSpace() >> 20;
      } catch (IOException ignored) {
        // the size is a detail; the cause is what matters
      }
      return Optional.of("no space left on device (" + (freeMb >= 0 ? freeMb + " MB free; " : "")
          + "Neo4j preallocates its transaction logs, about 256 MB per database). "
          + "Free disk space, or set PARLEY_NEO4J_DATA to a folder on a larger disk");
    }
    for (String cause : List.of("Permission denied", "Read-only file system", "Too many open files")) {
      if (text.contains(cause)) {
        return Optional.of(cause.toLowerCase() + " (details in " + log + ")");
      }
    }
    return Optional.empty();
  }

  private static String rootMessage(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null) {
        if (sb.length() > 0) sb.append(" <- ");
        sb.append(t.getMessage());
      }
    }
    return sb.toString();
  }

  private static void fail(int code, String message) {
    System.err.println("parley-db error: " + message);
    System.err.flush();
    Runtime.getRuntime().halt(code);
  }
}
