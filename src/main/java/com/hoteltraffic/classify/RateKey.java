package com.hoteltraffic.classify;

/**
 * The parts of a Hotelbeds rateKey we use: {@code 20261209|20261211|W|59|1533|DBL.ST|...} holds
 * check-in, check-out and (5th field) the hotel code. Hotelbeds warns the format may change, so a
 * key that does not parse means "hotel unknown", never an error.
 */
record RateKey(String checkIn, String checkOut, String hotelCode) {

  static RateKey parse(String rateKey) {
    if (rateKey == null) {
      return null;
    }
    String[] fields = rateKey.split("\\|", 6);
    if (fields.length < 5 || !isCode(fields[4])) {
      return null;
    }
    return new RateKey(isoDate(fields[0]), isoDate(fields[1]), fields[4]);
  }

  private static boolean isCode(String field) {
    if (field.isEmpty() || field.length() > 12) {
      return false;
    }
    for (int i = 0; i < field.length(); i++) {
      if (!Character.isLetterOrDigit(field.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** {@code 20261209} → {@code 2026-12-09}; anything else → null. */
  private static String isoDate(String field) {
    if (field.length() != 8) {
      return null;
    }
    for (int i = 0; i < 8; i++) {
      if (!Character.isDigit(field.charAt(i))) {
        return null;
      }
    }
    return field.substring(0, 4) + "-" + field.substring(4, 6) + "-" + field.substring(6, 8);
  }
}
