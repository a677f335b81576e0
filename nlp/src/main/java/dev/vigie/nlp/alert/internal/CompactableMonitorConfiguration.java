package dev.vigie.nlp.alert.internal;

import java.io.IOException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.monitor.MonitorConfiguration;

/**
 * A Monitor configuration that keeps a handle on the query index's writer, so that the matcher can merge the index
 * into one segment once all rules are registered.
 *
 * <p>Why: the presearcher looks every document term up in every segment of the query index, and the Monitor commits
 * a segment per registration batch. With 100,000 rules the index had several segments and the per-segment term
 * look-ups dominated matching; one segment does each look-up once.
 */
public final class CompactableMonitorConfiguration extends MonitorConfiguration {

    private IndexWriter writer;

    @Override
    public IndexWriter buildIndexWriter() throws IOException {
        writer = super.buildIndexWriter();
        return writer;
    }

    /**
     * Merges the query index into one segment; the merged segment becomes visible at the Monitor's next commit.
     *
     * @throws IllegalStateException if the Monitor has not built its writer yet
     */
    public void mergeToOneSegment() throws IOException {
        if (writer == null) {
            throw new IllegalStateException("the Monitor has not opened its query index writer yet");
        }
        writer.forceMerge(1);
    }
}
