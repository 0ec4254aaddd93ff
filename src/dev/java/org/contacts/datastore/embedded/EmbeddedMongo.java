package org.contacts.datastore.embedded;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A MongoDB wire-protocol server in this JVM, its data in one file so that it survives a restart.
 * For development and tests on machines without MongoDB; never a production datastore.
 */
public final class EmbeddedMongo implements AutoCloseable {

  /**
   * mongo-java-server's loggers that speak at every change stream read: the live clients' follower
   * reads a few times a second, and each read would log that its cursor was killed (INFO) and that
   * its batch size was ignored (a WARNING), three lines every 200 ms in the run command's log. Held
   * here so that the loggers, and their levels, are not collected.
   */
  private static final List<Logger> QUIETED =
      List.of(
          quiet("de.bwaldvogel.mongo.backend.AbstractMongoBackend", Level.WARNING),
          quiet("de.bwaldvogel.mongo.backend.aggregation.Aggregation", Level.SEVERE));

  private final MongoServer server;
  private final InetSocketAddress address;

  private EmbeddedMongo(MongoServer server, InetSocketAddress address) {
    this.server = server;
    this.address = address;
  }

  /** Starts a server on 127.0.0.1 at the given port (0 for any free one) over the given file. */
  public static EmbeddedMongo start(Path file, int port) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    H2Backend backend = new H2Backend(file.toString());
    backend.enableOplog(); // for change streams: the change feed (docs/api.md)
    MongoServer server = new MongoServer(backend);
    try {
      server.bind("127.0.0.1", port);
    } catch (Exception e) { // Netty reports a taken port with an undeclared BindException
      backend.close(); // releases the data file for another attempt
      throw new IllegalStateException(
          "The embedded datastore cannot listen on 127.0.0.1:" + port, e);
    }
    return new EmbeddedMongo(server, server.getLocalAddress());
  }

  public String connectionString() {
    return "mongodb://127.0.0.1:" + address.getPort();
  }

  @Override
  public void close() {
    server.shutdownNow();
  }

  private static Logger quiet(String name, Level level) {
    Logger logger = Logger.getLogger(name);
    logger.setLevel(level);
    return logger;
  }
}
