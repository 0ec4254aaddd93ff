package org.contacts.api.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.lang.reflect.Method;

/**
 * Gives a 422 the reason phrase RFC 9110 names, {@code HTTP/1.1 422 Unprocessable Content}.
 * Liberty's HTTP channel has no phrase of its own for 422 and writes {@code Undefined}; a JAX-RS
 * {@code Response.status(422, phrase)} is lost, because Servlet 6 removed {@code setStatus(int,
 * String)} from its API. Liberty's response object still has that method, so it is called here,
 * when the status is set; on a container without it nothing changes. {@link ServletFilters} adds it
 * first, so that it wraps the response every later step sets a status on.
 */
public class ReasonPhraseFilter implements Filter {

  static final int UNPROCESSABLE_CONTENT = 422;
  static final String PHRASE = "Unprocessable Content";

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(request, new PhrasedResponse((HttpServletResponse) response));
  }

  private static final class PhrasedResponse extends HttpServletResponseWrapper {

    PhrasedResponse(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setStatus(int status) {
      super.setStatus(status);
      if (status == UNPROCESSABLE_CONTENT) {
        setContainerStatus(container(getResponse()), status, PHRASE);
      }
    }
  }

  /** The container's own response beneath every wrapper. */
  static ServletResponse container(ServletResponse response) {
    ServletResponse inner = response;
    while (inner instanceof ServletResponseWrapper wrapper) {
      inner = wrapper.getResponse();
    }
    return inner;
  }

  /** Calls the container's {@code setStatus(int, String)} where it has one; true if it did. */
  static boolean setContainerStatus(ServletResponse response, int status, String phrase) {
    try {
      Method method = response.getClass().getMethod("setStatus", int.class, String.class);
      method.invoke(response, status, phrase);
      return true;
    } catch (ReflectiveOperationException | RuntimeException noSuchMethod) {
      return false;
    }
  }
}
