package it.org.contacts.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A TCP proxy on 127.0.0.1 between the service and its datastore, for resilience tests. It can
 * deliver every reply late (a slow datastore) and hold all traffic while keeping the connections
 * open (a partition: nothing is refused or reset, nothing arrives); healing delivers what was held,
 * as TCP would. It closes itself after its lifetime, whatever the test does. It uses the JDK alone:
 * the benchmark compiles it too.
 */
public final class FaultProxy implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(FaultProxy.class.getName());
  private static final byte[] END = new byte[0];

  private final InetSocketAddress target;
  private final ServerSocket listener;
  private final ExecutorService threads = Executors.newCachedThreadPool(FaultProxy::daemon);
  private final ScheduledExecutorService stopper =
      Executors.newSingleThreadScheduledExecutor(FaultProxy::daemon);
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final Object traffic = new Object();

  private volatile long replyDelayNanos;
  private boolean partitioned;
  private volatile boolean closed;

  private FaultProxy(InetSocketAddress target, int port) throws IOException {
    this.target = target;
    this.listener = new ServerSocket(port, 128, InetAddress.getLoopbackAddress());
  }

  /** Starts a proxy on a free port of 127.0.0.1 to the target, closed after the lifetime. */
  public static FaultProxy start(String host, int port, Duration lifetime) {
    return start(host, port, 0, lifetime);
  }

  static FaultProxy start(String host, int port, int listenPort, Duration lifetime) {
    try {
      FaultProxy proxy = new FaultProxy(new InetSocketAddress(host, port), listenPort);
      proxy.stopper.schedule(proxy::close, lifetime.toMillis(), TimeUnit.MILLISECONDS);
      proxy.threads.execute(proxy::accept);
      return proxy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** The connection string that reaches the datastore through this proxy, with these options. */
  public String connectionString(String options) {
    return "mongodb://127.0.0.1:" + port() + "/?directConnection=true" + options;
  }

  /** Every reply from the datastore arrives this much later than it was sent. */
  public void delayReplies(Duration delay) {
    replyDelayNanos = delay.toNanos();
  }

  /** Holds all traffic both ways, on open and new connections alike, until {@link #heal}. */
  public void partition() {
    synchronized (traffic) {
      partitioned = true;
    }
  }

  /** Lets traffic through again, what was held first. */
  public void heal() {
    synchronized (traffic) {
      partitioned = false;
      traffic.notifyAll();
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    heal();
    quietly(listener);
    sockets.forEach(FaultProxy::quietly);
    threads.shutdownNow();
    stopper.shutdownNow();
  }

  private void accept() {
    while (!closed) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket();
        server.connect(target, 5_000);
        sockets.add(client);
        sockets.add(server);
        threads.execute(() -> pump(client, server, false));
        threads.execute(() -> pump(server, client, true));
      } catch (IOException e) {
        if (!closed) {
          LOG.warning("proxy connection failed: " + e);
        }
      }
    }
  }

  /**
   * Copies one direction. Replies (from the server) go through a queue, so that each chunk is
   * written its delay after it was read, however many chunks a reply takes.
   */
  private void pump(Socket from, Socket to, boolean replies) {
    BlockingQueue<Chunk> late = new LinkedBlockingQueue<>();
    if (replies) {
      threads.execute(() -> deliverLate(late, to, from));
    }
    try (InputStream in = from.getInputStream()) {
      OutputStream out = to.getOutputStream();
      byte[] buffer = new byte[16 * 1024];
      for (int read; (read = in.read(buffer)) >= 0; ) {
        byte[] chunk = Arrays.copyOf(buffer, read);
        if (replies) {
          late.add(new Chunk(chunk, System.nanoTime() + replyDelayNanos));
        } else {
          awaitTraffic();
          out.write(chunk);
          out.flush();
        }
      }
    } catch (IOException | InterruptedException e) {
      // the other side closed, or the proxy did
    } finally {
      if (replies) {
        late.add(new Chunk(END, 0));
      } else {
        closeBoth(from, to);
      }
    }
  }

  private void deliverLate(BlockingQueue<Chunk> late, Socket to, Socket from) {
    try {
      OutputStream out = to.getOutputStream();
      for (Chunk chunk = late.take(); chunk.bytes() != END; chunk = late.take()) {
        long wait = chunk.due() - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait); // the delay is what this proxy is for
        }
        awaitTraffic();
        out.write(chunk.bytes());
        out.flush();
      }
    } catch (IOException | InterruptedException e) {
      // the client closed, or the proxy did
    } finally {
      closeBoth(from, to);
    }
  }

  private void awaitTraffic() throws InterruptedException {
    synchronized (traffic) {
      while (partitioned && !closed) {
        traffic.wait();
      }
    }
  }

  private void closeBoth(Socket a, Socket b) {
    quietly(a);
    quietly(b);
    sockets.remove(a);
    sockets.remove(b);
  }

  private static void quietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // closing anyway
    }
  }

  private static Thread daemon(Runnable runnable) {
    Thread thread = new Thread(runnable, "fault-proxy");
    thread.setDaemon(true);
    return thread;
  }

  private record Chunk(byte[] bytes, long due) {}

  /**
   * Runs a proxy by hand: {@code listenPort targetPort delayMillis lifetimeSeconds
   * [delayAfterSeconds]}, for example between the development server and its datastore; the replies
   * are late from the start, or from that many seconds on.
   */
  public static void main(String[] args) throws InterruptedException {
    Duration lifetime = Duration.ofSeconds(Long.parseLong(args[3]));
    FaultProxy proxy =
        start("127.0.0.1", Integer.parseInt(args[1]), Integer.parseInt(args[0]), lifetime);
    Duration delay = Duration.ofMillis(Long.parseLong(args[2]));
    long after = args.length > 4 ? Long.parseLong(args[4]) : 0;
    proxy.stopper.schedule(() -> proxy.delayReplies(delay), after, TimeUnit.SECONDS);
    LOG.info("proxy on 127.0.0.1:" + proxy.port() + " for " + lifetime);
    proxy.stopper.awaitTermination(lifetime.toSeconds() + 1, TimeUnit.SECONDS);
    proxy.close();
  }
}
