package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommandLoggerFinderTest {
    private static final String NAME = "dev.preflight.cli.test.logger";
    private final Logger jul = Logger.getLogger(NAME);
    private final List<LogRecord> published = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            published.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureRecords() {
        jul.setUseParentHandlers(false);
        jul.addHandler(capture);
    }

    @AfterEach
    void restore() {
        jul.removeHandler(capture);
        jul.setUseParentHandlers(true);
        jul.setLevel(null);
        System.clearProperty("java.util.logging.config.file");
    }

    @Test
    void isTheCommandsSystemLoggerBackend() {
        assertThat(System.LoggerFinder.getLoggerFinder()).isInstanceOf(CommandLoggerFinder.class);
    }

    @Test
    void debugIsDroppedUnlessJavaUtilLoggingIsConfigured() {
        jul.setLevel(Level.ALL);
        System.Logger logger = new CommandLoggerFinder().getLogger(NAME, getClass().getModule());

        assertThat(logger.isLoggable(System.Logger.Level.DEBUG)).isFalse();
        logger.log(System.Logger.Level.DEBUG, "found probe x");
        assertThat(published).isEmpty();

        System.setProperty("java.util.logging.config.file", "logging.properties");
        assertThat(logger.isLoggable(System.Logger.Level.DEBUG)).isTrue();
        logger.log(System.Logger.Level.DEBUG, "found probe {0}", "y");
        assertThat(published).singleElement().satisfies(r -> {
            assertThat(r.getLevel()).isEqualTo(Level.FINE);
            assertThat(r.getMessage()).isEqualTo("found probe {0}");
            assertThat(r.getParameters()).containsExactly("y");
        });
    }

    @Test
    void infoAndAboveReachJavaUtilLoggingWithTheCallerAsSource() {
        System.Logger logger = new CommandLoggerFinder().getLogger(NAME, getClass().getModule());
        IllegalStateException problem = new IllegalStateException("boom");

        logger.log(System.Logger.Level.WARNING, "could not read", problem);
        logger.log(System.Logger.Level.ERROR, () -> "gave up");

        assertThat(published).hasSize(2);
        LogRecord warning = published.get(0);
        assertThat(warning.getLevel()).isEqualTo(Level.WARNING);
        assertThat(warning.getMessage()).isEqualTo("could not read");
        assertThat(warning.getThrown()).isSameAs(problem);
        assertThat(warning.getLoggerName()).isEqualTo(NAME);
        assertThat(warning.getSourceClassName()).isEqualTo(CommandLoggerFinderTest.class.getName());
        assertThat(warning.getSourceMethodName()).isEqualTo("infoAndAboveReachJavaUtilLoggingWithTheCallerAsSource");
        assertThat(published.get(1).getLevel()).isEqualTo(Level.SEVERE);
        assertThat(published.get(1).getMessage()).isEqualTo("gave up");
    }

    @Test
    void aLevelJavaUtilLoggingIsSetToStillFilters() {
        jul.setLevel(Level.SEVERE);
        System.Logger logger = new CommandLoggerFinder().getLogger(NAME, getClass().getModule());

        logger.log(System.Logger.Level.WARNING, "quiet");
        logger.log(System.Logger.Level.ERROR, "loud");

        assertThat(published).extracting(LogRecord::getMessage).containsExactly("loud");
        assertThat(logger.isLoggable(System.Logger.Level.OFF)).isFalse();
    }
}
