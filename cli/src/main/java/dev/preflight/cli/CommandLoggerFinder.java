package dev.preflight.cli;

import java.lang.StackWalker.StackFrame;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The command's {@link System.Logger} backend, found by {@link java.util.ServiceLoader}: what the
 * JDK's default backend does, java.util.logging, except that a message below INFO is dropped without
 * starting java.util.logging when nothing configured it ({@code java.util.logging.config.file} or
 * {@code .class}), since its default configuration drops those too. Probe discovery logs each probe
 * it finds at DEBUG, and starting java.util.logging for that was ~10 ms of CPU in every run.
 * Anything at INFO and above goes to java.util.logging as before, source class and method included.
 */
public final class CommandLoggerFinder extends System.LoggerFinder {
    /** Made by {@link java.util.ServiceLoader}. */
    public CommandLoggerFinder() {
    }

    @Override
    public System.Logger getLogger(String name, Module module) {
        return new DeferredLogger(name);
    }

    /** Starts java.util.logging only for a message it would print. */
    private static final class DeferredLogger implements System.Logger {
        private static final StackWalker WALKER = StackWalker.getInstance();
        private final String name;
        /** Held, as the JDK's own bridge holds it: java.util.logging keeps its loggers weakly. */
        private volatile Logger jul;

        DeferredLogger(String name) {
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean isLoggable(Level level) {
            if (level == Level.OFF) {
                return false;
            }
            boolean configured = System.getProperty("java.util.logging.config.file") != null
                    || System.getProperty("java.util.logging.config.class") != null;
            if (level.getSeverity() < Level.INFO.getSeverity() && !configured) {
                return false;
            }
            return jul().isLoggable(julLevel(level));
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
            if (isLoggable(level)) {
                LogRecord record = record(level, bundle, message);
                record.setThrown(thrown);
                jul().log(record);
            }
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            if (isLoggable(level)) {
                LogRecord record = record(level, bundle, format);
                record.setParameters(params);
                jul().log(record);
            }
        }

        private Logger jul() {
            Logger logger = jul;
            if (logger == null) {
                logger = Logger.getLogger(name);
                jul = logger;
            }
            return logger;
        }

        private LogRecord record(Level level, ResourceBundle bundle, String message) {
            LogRecord record = new LogRecord(julLevel(level), message);
            record.setLoggerName(name);
            record.setResourceBundle(bundle);
            // The caller, not this class, as the JDK's own bridge reports it.
            Optional<StackFrame> caller = WALKER.walk(frames -> frames
                    .dropWhile(f -> f.getClassName().equals(DeferredLogger.class.getName())
                            || f.getClassName().equals(System.Logger.class.getName()))
                    .findFirst());
            caller.ifPresent(f -> {
                record.setSourceClassName(f.getClassName());
                record.setSourceMethodName(f.getMethodName());
            });
            return record;
        }

        private static java.util.logging.Level julLevel(Level level) {
            switch (level) {
                case ALL:
                    return java.util.logging.Level.ALL;
                case TRACE:
                    return java.util.logging.Level.FINER;
                case DEBUG:
                    return java.util.logging.Level.FINE;
                case INFO:
                    return java.util.logging.Level.INFO;
                case WARNING:
                    return java.util.logging.Level.WARNING;
                case ERROR:
                    return java.util.logging.Level.SEVERE;
                default:
                    return java.util.logging.Level.OFF;
            }
        }
    }
}
