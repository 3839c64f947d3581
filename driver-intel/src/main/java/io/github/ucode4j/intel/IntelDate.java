package io.github.ucode4j.intel;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The header's date: packed BCD {@code 0xMMDDYYYY} (month in bits 31:24, day in 23:16, year in 15:0).
 *
 * @param raw the header dword as stored
 */
public record IntelDate(int raw) {

    /**
     * The year's four BCD digits, as stored ({@code 0x2019} for 2019).
     *
     * @return bits 15:0 of the date, not decoded: each hex digit one decimal digit when the date is valid
     */
    public int yearBcd() {
        return raw & 0xffff;
    }

    /**
     * The month's two BCD digits, as stored.
     *
     * @return bits 31:24 of the date, not decoded ({@code 0x12} for December when valid)
     */
    public int monthBcd() {
        return raw >>> 24;
    }

    /**
     * The day's two BCD digits, as stored.
     *
     * @return bits 23:16 of the date, not decoded ({@code 0x31} for the 31st when valid)
     */
    public int dayBcd() {
        return (raw >>> 16) & 0xff;
    }

    /**
     * Whether the date passes iucode_tool's strict check: every nibble a decimal digit, year 1995 or later, month
     * 01 to 12, day 01 to 31. The day is not checked against the month's length.
     *
     * @return true when the date passes that check
     */
    public boolean isValid() {
        if (!isDecimal(raw)) {
            return false;
        }
        int year = decode(yearBcd());
        int month = decode(monthBcd());
        int day = decode(dayBcd());
        return year >= 1995 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
    }

    /**
     * The calendar date, when the value {@link #isValid() is valid} and names a real day.
     *
     * @return the date, or empty when it is not valid or names a day the month does not have (such as 02-30)
     */
    public Optional<LocalDate> toLocalDate() {
        if (!isValid()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(decode(yearBcd()), decode(monthBcd()), decode(dayBcd())));
        } catch (DateTimeException e) {
            return Optional.empty(); // valid digits, but a day such as 02-30
        }
    }

    /** {@code yyyy-mm-dd} printed from the BCD digits as they are, as iucode_tool does, valid or not. */
    @Override
    public String toString() {
        return String.format("%04x-%02x-%02x", yearBcd(), monthBcd(), dayBcd());
    }

    private static boolean isDecimal(int bcd) {
        for (int shift = 0; shift < 32; shift += 4) {
            if (((bcd >>> shift) & 0xf) > 9) {
                return false;
            }
        }
        return true;
    }

    private static int decode(int bcd) {
        int value = 0;
        for (int shift = 12; shift >= 0; shift -= 4) {
            value = value * 10 + ((bcd >>> shift) & 0xf);
        }
        return value;
    }
}
