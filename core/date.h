// Calendar dates as press releases state them: a year, a month or a day, optionally a time.
#pragma once

#include <string>
#include <string_view>

#include "result.h"

namespace pressroom {

struct Date {
    int year = 0;
    int month = 0;   // 1-12, or 0 when only the year is known
    int day = 0;     // 1-31, or 0 when unknown
    int hour = -1;   // 0-23, or -1 when no time is stated
    int minute = -1; // 0-59, or -1

    // ISO 8601 at the precision known: "2013", "2013-04", "2013-04-21", "2013-04-21T16:30".
    std::string iso() const;
    // YYYYMMDD for sorting and ranges; unknown month or day count as 01.
    std::string sort_key() const;

    friend bool operator==(const Date &, const Date &) = default;
};

// Parses YYYY, YYYY-MM, YYYY-MM-DD, optionally followed by Thh:mm or Thh:mm:ss (seconds and
// any zone suffix are accepted and dropped). Checks month and day ranges, leap years included.
Result<Date> parse_iso_date(std::string_view s);

bool is_valid_day(int year, int month, int day);

// 1-12 for an English month name or its abbreviation ("Sep", "Sept"), any case; 0 otherwise.
int month_number(std::string_view word);

} // namespace pressroom
