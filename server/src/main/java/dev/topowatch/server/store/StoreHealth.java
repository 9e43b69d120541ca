package dev.topowatch.server.store;

/**
 * @param writable  whether the last write went through
 * @param lastError why the last write failed; null when writable
 * @param queued    writes waiting for the writer
 */
public record StoreHealth(boolean writable, String lastError, int queued) {
}
