package org.contacts.api.auth;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.OutputStream;
import java.io.PrintWriter;

/**
 * A response that keeps nothing written to it: what Liberty's authentication would answer by itself
 * (status, challenge header, body, cookies) is dropped, and the service answers instead.
 */
final class DiscardedResponse extends HttpServletResponseWrapper {

  DiscardedResponse(HttpServletResponse response) {
    super(response);
  }

  @Override
  public void sendError(int status) {}

  @Override
  public void sendError(int status, String message) {}

  @Override
  public void sendRedirect(String location) {}

  @Override
  public void setStatus(int status) {}

  @Override
  public void setHeader(String name, String value) {}

  @Override
  public void addHeader(String name, String value) {}

  @Override
  public void setIntHeader(String name, int value) {}

  @Override
  public void addIntHeader(String name, int value) {}

  @Override
  public void setDateHeader(String name, long date) {}

  @Override
  public void addDateHeader(String name, long date) {}

  @Override
  public void addCookie(Cookie cookie) {}

  @Override
  public void setContentType(String type) {}

  @Override
  public void setContentLength(int length) {}

  @Override
  public void setContentLengthLong(long length) {}

  @Override
  public void flushBuffer() {}

  @Override
  public PrintWriter getWriter() {
    return new PrintWriter(OutputStream.nullOutputStream());
  }

  @Override
  public ServletOutputStream getOutputStream() {
    return new ServletOutputStream() {
      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setWriteListener(WriteListener listener) {}

      @Override
      public void write(int b) {}
    };
  }
}
