package dev.vigie.jobs.report.internal;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends openhtmltopdf's logging to SLF4J like the rest of Vigie, one step down: its per-document INFO chatter
 * (stylesheets parsed, fonts loaded) becomes DEBUG; its warnings (a missing glyph, a bad CSS rule) stay warnings.
 */
final class Slf4jXRLogger implements XRLogger {

    @Override
    public void log(String where, Level level, String msg) {
        log(where, level, msg, null);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
        Logger log = LoggerFactory.getLogger(where);
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            log.error(msg, th);
        } else if (value >= Level.WARNING.intValue()) {
            log.warn(msg, th);
        } else if (value >= Level.INFO.intValue()) {
            log.debug(msg, th);
        } else {
            log.trace(msg, th);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // levels are SLF4J's business (log4j2.xml), not the renderer's
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        Logger log = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
        int value = diagnostic.getLevel().intValue();
        return value >= Level.WARNING.intValue() ? log.isWarnEnabled() : log.isDebugEnabled();
    }
}
