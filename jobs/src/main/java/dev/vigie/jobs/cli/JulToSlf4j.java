package dev.vigie.jobs.cli;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@code java.util.logging} records to SLF4J. A few libraries of the command line log through the JDK's logging
 * (PDFBox, when it renders the report's PDF, warns about fallback fonts), and the JDK's default handler writes to the
 * terminal: routed here, they land in the log file with everything else and the terminal stays the command's.
 */
final class JulToSlf4j extends Handler {

    private final SimpleFormatter formatter = new SimpleFormatter();

    private JulToSlf4j() {}

    /** Replaces the JDK's console handler with this bridge, for the whole JVM. */
    static void install() {
        LogManager.getLogManager().reset();
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.setLevel(Level.INFO);
        root.addHandler(new JulToSlf4j());
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null) {
            return;
        }
        Logger log = LoggerFactory.getLogger(record.getLoggerName() == null ? "jul" : record.getLoggerName());
        String message = formatter.formatMessage(record);
        int level = record.getLevel().intValue();
        if (level >= Level.SEVERE.intValue()) {
            log.error(message, record.getThrown());
        } else if (level >= Level.WARNING.intValue()) {
            log.warn(message, record.getThrown());
        } else if (level >= Level.INFO.intValue()) {
            log.info(message, record.getThrown());
        } else {
            log.debug(message, record.getThrown());
        }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
