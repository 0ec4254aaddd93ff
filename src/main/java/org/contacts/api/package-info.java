/**
 * The API edge: the routes ({@code ContactResource}, {@code HealthResource}), contacts as documents
 * ({@code ContactDocuments}, {@code ContactInput}, {@code SentDocument}) and error translation
 * ({@code ErrorMapper}, the one door from a failure to a response, and {@code ContactErrors}, which
 * translates domain facts). Its wings each do one cross-cutting job and never import this package:
 * {@code api.auth} (bearer tokens), {@code api.http} (HTTP plumbing) and {@code api.query} (the
 * query language).
 *
 * <p>The request pipeline, in order (docs/pipeline.md gives each step's priority and why):
 *
 * <ol>
 *   <li>{@code api.http.ReasonPhraseFilter}, servlet: 422's reason phrase on the way out
 *   <li>{@code api.http.CorsFilter}, servlet, only when origins are allowed: CORS, preflights
 *   <li>{@code api.http.MalformedQueryFilter}, servlet: hides a query invalid in a URI, marks it
 *   <li>{@code api.http.AdmissionFilter}, servlet, on the contacts routes: a few requests at work
 *       at once, the next in line for a moment, then marked as overloaded
 *   <li>{@code health.DrainFilter}: counts the request in flight
 *   <li>{@code priming.PrimingFilter}: marks the service's own priming requests (no log, no metric)
 *   <li>{@code telemetry.RequestTelemetryFilter}: request id, log context, trace, start time
 *   <li>{@code api.http.ServletRefusalFilter}: the marked refusal (400 for the query, 503 for the
 *       line)
 *   <li>{@code api.http.BodySizeLimitFilter}: 413 for a body too large
 *   <li>{@code api.http.NegotiationFilter}: 415 and 406
 *   <li>route matching (404, 405), then {@code api.auth.BearerTokenFilter}: 401 and 403
 *   <li>the resource; any failure goes through {@code ErrorMapper}
 *   <li>on the way out: {@code api.http.OptionsResponseFilter} (OPTIONS 204), {@code
 *       NegotiationFilter} (Vary: Accept), {@code RequestTelemetryFilter} (headers, metrics, log
 *       line), {@code DrainFilter}; then {@code api.http.JsonObjectWriter} writes the body
 * </ol>
 */
package org.contacts.api;
