package vn.investpulse.sink.write;

/**
 * Called by {@link BatchWriter} around the commit of a batch. Production uses {@link #NONE}; the crash
 * tests throw from {@link #beforeCommit} to stop the sink after the rows and offsets are written but before
 * the transaction commits, exactly where a crash would hurt most.
 */
public interface CommitHook {

    CommitHook NONE = new CommitHook() {
    };

    /** Rows, offsets and dead letters are written; the transaction is not committed yet. */
    default void beforeCommit(Batch batch) {
    }

    /** The transaction is committed. */
    default void afterCommit(Batch batch) {
    }
}
