package vn.investpulse.processor.topology;

/**
 * When this instance last read a registration from the input topic, before the repartition. The emitter's own input
 * (the authority partition) can go quiet for a moment while registrations still flow in front of it — its records
 * become readable at each commit, and the tasks of one thread take turns — so its input counts as idle only when
 * neither it nor the registrations before the repartition have moved (see {@link IndicatorEmitter#IDLE_AFTER}).
 * One per topology, shared by its tasks; read on the thread of the emitter, written on those of the input's tasks.
 */
final class InputActivity {

    private volatile long lastReadAt = Long.MIN_VALUE / 2;

    void read(long wallClockMs) {
        lastReadAt = wallClockMs;
    }

    long lastReadAt() {
        return lastReadAt;
    }
}
