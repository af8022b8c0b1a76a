/**
 * The transactional outbox: turns the domain events other modules publish into outbox rows in the
 * publisher's transaction, and relays them to Kafka in order. It offers no API (features only
 * publish events), so everything is in {@code internal}; the mapping event → topic → key lives in
 * {@code internal.EventRouting}.
 */
package io.bsocial.web.outbox;
