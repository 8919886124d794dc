package io.github.ghaoidc.core.trust.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Date condition values: ISO-8601 (date, date-time with or without offset) or epoch seconds. */
final class Dates {
    private Dates() {
    }

    /** The instant, or {@code null} when the text is neither an ISO-8601 date/time nor epoch seconds. */
    static Instant parse(String text) {
        String t = text.trim();
        if (t.isEmpty() || t.length() > 64) {
            return null;
        }
        if (t.chars().allMatch(Character::isDigit)) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(t));
            } catch (NumberFormatException | java.time.DateTimeException e) {
                return null;
            }
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
