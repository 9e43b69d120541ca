package dev.topowatch.server.engine;

/** Counts the engine's work for {@link EngineWork}; used under the engine's lock. */
final class WorkCounter {
    private long batches;
    private long results;
    private long judged;
    private long restated;
    private long viewed;
    private int lastBatch;
    private int lastJudged;
    private int lastRestated;
    /** Judged and restated since the current batch started. */
    private int judgedNow;
    private int restatedNow;

    void startBatch() {
        judgedNow = 0;
        restatedNow = 0;
    }

    void judged(int count) {
        judged += count;
        judgedNow += count;
    }

    void restated(int count) {
        restated += count;
        restatedNow += count;
    }

    void statusesViewed(int count) {
        viewed += count;
    }

    void endBatch(int size) {
        batches++;
        results += size;
        lastBatch = size;
        lastJudged = judgedNow;
        lastRestated = restatedNow;
    }

    EngineWork now() {
        return new EngineWork(batches, results, judged, restated, viewed, lastBatch, lastJudged, lastRestated);
    }
}
