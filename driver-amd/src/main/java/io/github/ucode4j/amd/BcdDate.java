package io.github.ucode4j.amd;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The {@code data_code} date of an AMD patch: packed BCD {@code 0xMMDDYYYY}. Real files hold invalid values (a
 * family 0x12 patch says month 13), so decoding yields a date only when the value is one.
 */
public final class BcdDate {
    private BcdDate() {
    }

    /**
     * The date {@code dataCode} holds, or empty when it is not valid BCD or not a calendar date.
     *
     * @param dataCode the header's {@code data_code}, {@code 0xMMDDYYYY} in packed BCD
     * @return the date, or empty
     */
    public static Optional<LocalDate> decode(int dataCode) {
        int month = decimal(dataCode >>> 24, 2);
        int day = decimal(dataCode >>> 16, 2);
        int year = decimal(dataCode, 4);
        if (month < 0 || day < 0 || year < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException notADate) {
            return Optional.empty();
        }
    }

    /**
     * Whether {@code dataCode} is packed BCD with a month and day that are not zero, calendar date or not: every
     * patch AMD has published passes, the family 0x12 patch dated month 13 included.
     *
     * @param dataCode the header's {@code data_code}
     * @return true when every nibble is a decimal digit and neither month nor day is 0
     */
    public static boolean isPacked(int dataCode) {
        return decimal(dataCode >>> 24, 2) > 0 && decimal(dataCode >>> 16, 2) > 0 && decimal(dataCode, 4) >= 0;
    }

    /**
     * The {@code data_code} for {@code date}.
     *
     * @param date the date to encode
     * @return {@code 0xMMDDYYYY} in packed BCD
     * @throws IllegalArgumentException when the year is not 0 to 9999
     */
    public static int encode(LocalDate date) {
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("a BCD year has four digits: " + year);
        }
        return bcd(date.getMonthValue()) << 24 | bcd(date.getDayOfMonth()) << 16 | bcd(year / 100) << 8 | bcd(year % 100);
    }

    /** The value of the low {@code digits} BCD nibbles of {@code packed}, or -1 when a nibble exceeds 9. */
    private static int decimal(int packed, int digits) {
        int value = 0;
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            int nibble = (packed >>> shift) & 0xf;
            if (nibble > 9) {
                return -1;
            }
            value = value * 10 + nibble;
        }
        return value;
    }

    private static int bcd(int twoDigits) {
        return (twoDigits / 10) << 4 | (twoDigits % 10);
    }
}
