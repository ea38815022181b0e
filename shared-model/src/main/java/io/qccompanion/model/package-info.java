/**
 * Domain records shared by the companion server and every connector, and the connector SPI ({@link
 * io.qccompanion.model.TicketSource}, {@link io.qccompanion.model.FeedbackSink}, discovered through
 * {@link io.qccompanion.model.ConnectorProvider} with {@link java.util.ServiceLoader}).
 *
 * <p>Depends on the JDK only.
 */
package io.qccompanion.model;
