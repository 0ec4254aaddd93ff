package org.contacts.priming;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Just enough HTTP/1.1 for priming to talk to the service's own listener on loopback, over
 * connections kept alive and shared by priming's threads. Priming does not use the JDK's {@link
 * java.net.http.HttpClient} because that client is code the JIT compiler must compile too: a
 * recording of every compilation at start gave it 3.4 s of the optimising compiler's time before
 * readiness, time the service's own hot path needs (BENCHMARKS.md). {@code HttpURLConnection} is
 * lighter but cannot send PATCH. Each request is encoded once, when priming builds its list, and
 * sent as the same bytes every time.
 */
final class LoopbackHttp implements AutoCloseable {

  /** A request, encoded once; its method also tells whether an answer has a body. */
  record Request(String method, String path, byte[] bytes) {

    /** How the log names the request: its method and path, without the query. */
    String describe() {
      int query = path.indexOf('?');
      return method + " " + (query < 0 ? path : path.substring(0, query));
    }
  }

  /** What a request answered: its status, entity tag and body. */
  record Answer(int status, String tag, String body) {}

  private static final int MAX_LINE = 16 * 1024;
  private static final int MAX_BODY = 16 * 1024 * 1024;

  private final InetSocketAddress address;
  private final int connectTimeoutMillis;
  private final int readTimeoutMillis;
  private final Queue<Connection> idle = new ConcurrentLinkedQueue<>();
  private volatile boolean closed;

  LoopbackHttp(int port, int connectTimeoutMillis, int readTimeoutMillis) {
    this.address = new InetSocketAddress("127.0.0.1", port);
    this.connectTimeoutMillis = connectTimeoutMillis;
    this.readTimeoutMillis = readTimeoutMillis;
  }

  /** Encodes a request: the headers in the order given, a Content-Length when there is a body. */
  static Request request(String method, String path, Map<String, String> headers, String body) {
    StringBuilder head = new StringBuilder(256);
    head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    head.append("Host: 127.0.0.1\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    if (body != null) {
      head.append("Content-Length: ").append(content.length).append("\r\n");
    }
    head.append("\r\n");
    byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[start.length + content.length];
    System.arraycopy(start, 0, bytes, 0, start.length);
    System.arraycopy(content, 0, bytes, start.length, content.length);
    return new Request(method, path, bytes);
  }

  /** Sends a request on an idle connection, or a new one, and reads the whole answer. */
  Answer send(Request request) throws IOException {
    Connection kept = idle.poll();
    if (kept != null) {
      try {
        return exchange(kept, request);
      } catch (IOException closedWhileIdle) {
        // The listener may close a connection that waited idle: once more, on a new one.
      }
    }
    return exchange(open(), request);
  }

  private Answer exchange(Connection connection, Request request) throws IOException {
    try {
      Answer answer = connection.exchange(request);
      if (connection.keepAlive && !closed) {
        idle.offer(connection);
      } else {
        connection.close();
      }
      return answer;
    } catch (IOException e) {
      connection.close();
      throw e;
    }
  }

  @Override
  public void close() {
    closed = true;
    for (Connection connection; (connection = idle.poll()) != null; ) {
      connection.close();
    }
  }

  private Connection open() throws IOException {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(readTimeoutMillis);
      socket.connect(address, connectTimeoutMillis);
      return new Connection(socket);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  /** One connection: a request is written whole, then its answer is read whole. */
  private static final class Connection {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private boolean keepAlive;

    Connection(Socket socket) throws IOException {
      this.socket = socket;
      this.out = socket.getOutputStream();
      this.in = new BufferedInputStream(socket.getInputStream());
    }

    Answer exchange(Request request) throws IOException {
      out.write(request.bytes());
      out.flush();
      try {
        return answer(request);
      } catch (NumberFormatException e) {
        throw new IOException("not an HTTP/1.1 answer", e);
      }
    }

    private Answer answer(Request request) throws IOException {
      String statusLine = line();
      if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
        throw new IOException("not an HTTP/1.1 status line");
      }
      int status = Integer.parseInt(statusLine.substring(9, 12));
      keepAlive = statusLine.startsWith("HTTP/1.1");
      String tag = null;
      long length = -1;
      boolean chunked = false;
      for (String header = line(); !header.isEmpty(); header = line()) {
        int colon = header.indexOf(':');
        if (colon <= 0) {
          continue;
        }
        String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = header.substring(colon + 1).trim();
        switch (name) {
          case "etag" -> tag = value;
          case "content-length" -> length = Long.parseLong(value);
          case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
          case "connection" -> keepAlive &= !value.equalsIgnoreCase("close");
          default -> {
            // not needed by priming
          }
        }
      }
      boolean bodiless =
          request.method().equals("HEAD") || status == 204 || status == 304 || status < 200;
      String body;
      if (bodiless) {
        body = "";
      } else if (chunked) {
        body = chunkedBody();
      } else if (length >= 0) {
        body = new String(exactly(length), StandardCharsets.UTF_8);
      } else {
        keepAlive = false; // the body runs to the end of the connection
        body = new String(untilClosed(), StandardCharsets.UTF_8);
      }
      return new Answer(status, tag, body);
    }

    private String chunkedBody() throws IOException {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (true) {
        String size = line();
        int extension = size.indexOf(';');
        long chunk =
            Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
        if (chunk == 0) {
          while (!line().isEmpty()) {
            // trailers, not needed by priming
          }
          return body.toString(StandardCharsets.UTF_8);
        }
        if (body.size() + chunk > MAX_BODY) {
          throw new IOException("an answer larger than priming reads");
        }
        body.writeBytes(exactly(chunk));
        line();
      }
    }

    private byte[] exactly(long length) throws IOException {
      if (length > MAX_BODY) {
        throw new IOException("an answer larger than priming reads");
      }
      byte[] bytes = in.readNBytes((int) length);
      if (bytes.length < length) {
        throw new EOFException("the answer ended early");
      }
      return bytes;
    }

    private byte[] untilClosed() throws IOException {
      byte[] bytes = in.readNBytes(MAX_BODY + 1);
      if (bytes.length > MAX_BODY) {
        throw new IOException("an answer larger than priming reads");
      }
      return bytes;
    }

    /** One line without its CRLF; an IOException when the connection ends first. */
    private String line() throws IOException {
      StringBuilder line = new StringBuilder(64);
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) {
          throw new EOFException("the connection ended");
        }
        if (line.length() > MAX_LINE) {
          throw new IOException("a line longer than priming reads");
        }
        if (c != '\r') {
          line.append((char) c);
        }
      }
      return line.toString();
    }

    void close() {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing what priming no longer needs
      }
    }
  }
}
