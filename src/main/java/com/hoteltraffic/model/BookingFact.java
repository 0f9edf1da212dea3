package com.hoteltraffic.model;

/**
 * A booking as a Hotelbeds response shows it (confirmation, detail, change, cancellation or one
 * entry of a booking list page). Hotelbeds upper-cases {@code clientReference}: compare it
 * case-insensitively.
 */
public record BookingFact(
    String reference,
    String clientReference,
    String status,
    String hotelCode,
    String creationDate) {}
