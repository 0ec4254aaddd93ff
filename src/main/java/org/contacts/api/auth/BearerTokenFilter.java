package org.contacts.api.auth;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.contacts.config.SecuritySettings;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * In jwt mode, lets a request through to a protected route only with a bearer token that
 * MicroProfile JWT verified and that carries the scope the method needs. It runs before every other
 * filter of a matched route, so a refused request reads and writes nothing.
 *
 * <p>Liberty is asked to verify the token here, through {@link HttpServletRequest#authenticate},
 * rather than by a security constraint: a constraint would make Liberty answer refused tokens
 * itself, with a bare 401 and no errors document, and could not be lifted in none mode.
 *
 * <p>Its place in the request pipeline: docs/pipeline.md.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {

  public static final String READ = "contacts:read";
  public static final String WRITE = "contacts:write";

  private static final String BEARER = "bearer ";
  private static final Set<String> READING = Set.of(HttpMethod.GET, HttpMethod.HEAD);

  @Inject SecuritySettings settings;
  @Inject VerifiedTokens verifiedTokens;

  @Context ResourceInfo resource;
  @Context HttpServletRequest servletRequest;
  @Context HttpServletResponse servletResponse;

  @Override
  public void filter(ContainerRequestContext request) {
    if (settings.mode() == SecuritySettings.Mode.NONE || isOpen(request)) {
      return;
    }
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw new AuthenticationRequiredException(false);
    }
    String token = authorization.substring(BEARER.length()).strip();
    VerifiedTokens.Verified verified =
        verifiedTokens.find(token).orElseGet(() -> verifyAndRemember(token));
    request.setSecurityContext(
        new Caller(verified.subject(), request.getSecurityContext().isSecure()));
    Set<String> scopes = verified.scopes();
    String needed = READING.contains(request.getMethod()) ? READ : WRITE;
    if (!scopes.contains(needed) && !scopes.contains(WRITE)) {
      throw new InsufficientScopeException(needed);
    }
  }

  /**
   * The routes marked {@link OpenRoute} (the probes) answer anyone, and OPTIONS only lists methods;
   * every other route of the service, present and future, is protected.
   */
  private boolean isOpen(ContainerRequestContext request) {
    return resource.getResourceClass().isAnnotationPresent(OpenRoute.class)
        || HttpMethod.OPTIONS.equals(request.getMethod());
  }

  private VerifiedTokens.Verified verifyAndRemember(String token) {
    JsonWebToken verified = verifiedToken();
    VerifiedTokens.Verified grant =
        new VerifiedTokens.Verified(verified.getName(), scopesOf(verified));
    verifiedTokens.remember(token, grant, verified.getExpirationTime());
    return grant;
  }

  /**
   * MicroProfile JWT's verification of the request's token. The response handed to Liberty is one
   * that keeps nothing, so its refusal (a bare 401) never reaches the client: the errors document
   * does, through the exception mapper.
   */
  private JsonWebToken verifiedToken() {
    try {
      if (servletRequest.authenticate(new DiscardedResponse(servletResponse))
          && servletRequest.getUserPrincipal() instanceof JsonWebToken token) {
        return token;
      }
    } catch (ServletException e) {
      // Refused. Why is in Liberty's trace only: its message would quote the token.
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AuthenticationRequiredException(true);
  }

  /**
   * The token's scopes: MicroProfile JWT's groups claim, and the OAuth 2 scope claim (one string,
   * space-separated) that most identity providers issue instead.
   */
  static Set<String> scopesOf(JsonWebToken token) {
    Set<String> groups = token.getGroups() == null ? Set.of() : token.getGroups();
    Object scope = token.getClaim("scope");
    Stream<String> scopes =
        scope == null ? Stream.empty() : Arrays.stream(scopeText(scope).trim().split("\\s+"));
    return Stream.concat(groups.stream(), scopes).collect(Collectors.toSet());
  }

  /** The claim as its text: a JSON string comes as a JsonString, whose toString() is quoted. */
  private static String scopeText(Object scope) {
    return scope instanceof jakarta.json.JsonString json ? json.getString() : scope.toString();
  }

  /** The verified caller, whether verified now or found again: the request log line names it. */
  private record Caller(String name, boolean secure) implements SecurityContext {

    @Override
    public Principal getUserPrincipal() {
      return () -> name;
    }

    @Override
    public boolean isUserInRole(String role) {
      return false;
    }

    @Override
    public boolean isSecure() {
      return secure;
    }

    @Override
    public String getAuthenticationScheme() {
      return "Bearer";
    }
  }
}
