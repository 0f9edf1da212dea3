package com.hoteltraffic.model;

/** Operation names as they appear in the {@code operation} column. */
public final class Operation {
  private Operation() {}

  // CASY, below https://onlinebuchungen.ch/v1
  public static final String CASY_RESERVATIONS = "reservations";
  public static final String CASY_RESERVATIONS_ALL = "reservations_all";
  public static final String CASY_HOTEL_HEALTH = "hotel_health";
  public static final String CASY_INTROSPECT = "introspect";

  // Hotelbeds APItude, below /hotel-api/{version}
  public static final String HB_AVAILABILITY = "availability";
  public static final String HB_CHECKRATES = "checkrates";
  public static final String HB_BOOKING_CONFIRMATION = "booking_confirmation";
  public static final String HB_BOOKING_LIST = "booking_list";
  public static final String HB_BOOKING_DETAIL = "booking_detail";
  public static final String HB_BOOKING_CHANGE = "booking_change";
  public static final String HB_BOOKING_CANCELLATION = "booking_cancellation";

  /** A request of a known provider whose method and path match no documented operation. */
  public static final String OTHER = "other";
}
