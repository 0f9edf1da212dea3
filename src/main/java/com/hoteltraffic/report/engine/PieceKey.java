package com.hoteltraffic.report.engine;

/**
 * One key: its kind of piece ({@link PieceKind#name}) and its grouping values; what {@code key},
 * {@code detail} and {@code number} hold is the kind's (a hotel, a credential, an error code and
 * class with the HTTP status, a window). Strings and longs only, so its codec bytes, and hence its
 * shuffle key, are the same in every JVM.
 */
public record PieceKey(String kind, String provider, String key, String detail, long number) {}
