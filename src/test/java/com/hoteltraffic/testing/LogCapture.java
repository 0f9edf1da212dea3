package com.hoteltraffic.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/**
 * Collects every log line of the test JVM (ours and Spark's, at the levels the configuration lets
 * through) while it is open: level, logger, message and any stack trace, as the console would show.
 */
public final class LogCapture implements AutoCloseable {
  private final List<String> lines = new ArrayList<>();
  private final AbstractAppender appender;

  private LogCapture() {
    appender =
        new AbstractAppender(
            "test-capture-" + System.nanoTime(), null, null, true, Property.EMPTY_ARRAY) {
          @Override
          public void append(LogEvent event) {
            StringBuilder line =
                new StringBuilder()
                    .append(event.getLevel())
                    .append(' ')
                    .append(event.getLoggerName())
                    .append(": ")
                    .append(event.getMessage().getFormattedMessage());
            if (event.getThrown() != null) {
              StringWriter trace = new StringWriter();
              event.getThrown().printStackTrace(new PrintWriter(trace));
              line.append('\n').append(trace);
            }
            synchronized (lines) {
              lines.add(line.toString());
            }
          }
        };
  }

  /** Starts capturing on the root logger. */
  public static LogCapture start() {
    LogCapture capture = new LogCapture();
    capture.appender.start();
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    context.getConfiguration().getRootLogger().addAppender(capture.appender, Level.ALL, null);
    context.updateLoggers();
    return capture;
  }

  public List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  @Override
  public void close() {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    context.getConfiguration().getRootLogger().removeAppender(appender.getName());
    context.updateLoggers();
    appender.stop();
  }
}
