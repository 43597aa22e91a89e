package io.github.camelmessenger.send.model.event;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/**
 * Reads Meta's timestamps, which arrive as epoch milliseconds, sometimes as epoch seconds, as JSON numbers or
 * strings, and in a few payloads as ISO-8601 date-times, into epoch milliseconds.
 * <p>
 * A positive value below {@value #SECONDS_BELOW} is taken as seconds and multiplied by 1000: as milliseconds it
 * would be a time before March 1973, years before Messenger existed, while as seconds it covers every date up to the
 * year 5138. Zero and negative values are kept as they are. A value that is not a time at all reads as null: a
 * strange timestamp never costs the event.
 */
final class EpochMillis {

    static final long SECONDS_BELOW = 100_000_000_000L;

    // a long has 19 digits: a value with more is no time in milliseconds
    private static final int MAX_DIGITS = 19;

    // ISO-8601 with the offset as Z, +00:00 or +0000 (the last is what some payloads carry)
    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private EpochMillis() {
    }

    static long fromNumber(long value) {
        return value > 0 && value < SECONDS_BELOW ? value * 1000 : value;
    }

    static Long fromDecimal(BigDecimal value) {
        // digits before the point; bounded first, as rounding 1e30000000 or 1e-30000000 costs seconds and memory
        long integerDigits = (long) value.precision() - value.scale();
        if (integerDigits > MAX_DIGITS) {
            return null;
        }
        if (integerDigits < -3) {
            return 0L;
        }
        BigDecimal millis = value.signum() > 0 && value.compareTo(BigDecimal.valueOf(SECONDS_BELOW)) < 0
                ? value.movePointRight(3)
                : value;
        try {
            return millis.setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    static Long fromText(String text) {
        String value = text.trim();
        if (value.isEmpty()) {
            return null;
        }
        char first = value.charAt(0);
        if (Character.isDigit(first) || first == '-' || first == '+') {
            try {
                return fromDecimal(new BigDecimal(value));
            } catch (NumberFormatException e) {
                // not a number: perhaps a date-time
            }
        }
        try {
            return OffsetDateTime.parse(value, ISO).toInstant().toEpochMilli();
        } catch (DateTimeException e) {
            return null;
        }
    }
}
