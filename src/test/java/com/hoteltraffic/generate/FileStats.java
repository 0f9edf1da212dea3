package com.hoteltraffic.generate;

/**
 * What one written file holds: its path relative to the output directory, its format ({@code jsonl}
 * or {@code har}), its lines (HAR: entries), blank lines, exchanges and deliberately malformed
 * (quarantined) lines.
 */
public record FileStats(
    String path, String format, long lines, long blank, long exchanges, long quarantined) {}
