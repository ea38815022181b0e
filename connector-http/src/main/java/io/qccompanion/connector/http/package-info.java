/**
 * The HTTP layer every connector shares: one {@link io.qccompanion.connector.http.HostCalls retry
 * loop} (429 honouring Retry-After, 5xx and I/O errors with exponential backoff and jitter, no
 * blind resend of a non-idempotent request), the per-connection {@link
 * io.qccompanion.connector.http.RequestBudget request budget} and the {@link
 * io.qccompanion.connector.http.RequestMetrics request metrics} interceptor. It depends on the SPI
 * and OkHttp only, and never on a connector.
 */
package io.qccompanion.connector.http;
