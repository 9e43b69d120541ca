package dev.topowatch.server.engine;

/**
 * What the status engine has done, so that a test (or a benchmark) can tell that a change costs work
 * in proportion to what it affects, not to the topology.
 *
 * @param batches         batches of results taken so far
 * @param results         results taken so far
 * @param judged          entities whose impact (root, casualty, available) was judged, in all
 * @param restated        entities whose status was judged again, in all
 * @param viewed          entities whose snapshot entry was rebuilt, in all
 * @param lastBatch       the results in the last batch
 * @param lastJudged      impacts judged for the last batch
 * @param lastRestated    statuses judged for the last batch
 */
public record EngineWork(long batches, long results, long judged, long restated, long viewed,
                         int lastBatch, int lastJudged, int lastRestated) {
}
