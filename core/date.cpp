#include "date.h"

#include <array>
#include <charconv>
#include <cstdio>

#include "text.h"

namespace pressroom {

namespace {

bool read_int(std::string_view s, std::size_t pos, std::size_t len, int &out) {
    if (pos + len > s.size())
        return false;
    for (std::size_t i = pos; i < pos + len; ++i)
        if (s[i] < '0' || s[i] > '9')
            return false;
    std::from_chars(s.data() + pos, s.data() + pos + len, out);
    return true;
}

Error bad_date(std::string_view s) {
    return Error{ErrorCode::InvalidInput,
                 "date `" + std::string(s) +
                     "` is not an ISO date: write YYYY, YYYY-MM or YYYY-MM-DD (optionally Thh:mm)"};
}

// What may follow hh:mm: nothing, or :ss (with a fraction), then a zone: Z, +hh:mm, -hhmm.
bool is_time_suffix(std::string_view rest) {
    int value = 0;
    if (rest.size() >= 3 && rest[0] == ':') {
        if (!read_int(rest, 1, 2, value) || value > 60)
            return false;
        rest.remove_prefix(3);
        if (!rest.empty() && rest[0] == '.') {
            std::size_t digits = rest.find_first_not_of("0123456789", 1);
            if (digits == 1)
                return false;
            rest.remove_prefix(digits == std::string_view::npos ? rest.size() : digits);
        }
    }
    if (rest.empty() || rest == "Z")
        return true;
    if (rest[0] != '+' && rest[0] != '-')
        return false;
    int hours = 0, minutes = 0;
    if (rest.size() == 6 && rest[3] == ':')
        return read_int(rest, 1, 2, hours) && read_int(rest, 4, 2, minutes) && hours <= 14 && minutes <= 59;
    if (rest.size() == 5)
        return read_int(rest, 1, 2, hours) && read_int(rest, 3, 2, minutes) && hours <= 14 && minutes <= 59;
    return rest.size() == 3 && read_int(rest, 1, 2, hours) && hours <= 14;
}

} // namespace

bool is_valid_day(int year, int month, int day) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1)
        return false;
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    int max = days[month - 1] + (month == 2 && leap ? 1 : 0);
    return day <= max;
}

std::string Date::iso() const {
    char buf[64];
    if (month == 0)
        std::snprintf(buf, sizeof buf, "%04d", year);
    else if (day == 0)
        std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    else if (hour < 0)
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    else
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", year, month, day, hour, minute < 0 ? 0 : minute);
    return buf;
}

std::string Date::sort_key() const {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d", year, month == 0 ? 1 : month, day == 0 ? 1 : day);
    return buf;
}

Result<Date> parse_iso_date(std::string_view s) {
    Date d;
    if (!read_int(s, 0, 4, d.year) || d.year < 1)
        return bad_date(s);
    if (s.size() == 4)
        return d;
    if (s[4] != '-' || !read_int(s, 5, 2, d.month) || d.month < 1 || d.month > 12)
        return bad_date(s);
    if (s.size() == 7)
        return d;
    if (s[7] != '-' || !read_int(s, 8, 2, d.day) || !is_valid_day(d.year, d.month, d.day))
        return bad_date(s);
    if (s.size() == 10)
        return d;
    if ((s[10] != 'T' && s[10] != ' ') || !read_int(s, 11, 2, d.hour) || s.size() < 16 || s[13] != ':' ||
        !read_int(s, 14, 2, d.minute) || d.hour > 23 || d.minute > 59 || !is_time_suffix(s.substr(16)))
        return bad_date(s);
    return d;
}

int month_number(std::string_view word) {
    static constexpr std::array<std::string_view, 12> names = {"january",   "february", "march",    "april",
                                                               "may",       "june",     "july",     "august",
                                                               "september", "october",  "november", "december"};
    using text::equals_ci;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (equals_ci(word, names[i]) || equals_ci(word, names[i].substr(0, 3)) || (i == 8 && equals_ci(word, "sept")))
            return static_cast<int>(i) + 1;
    return 0;
}

} // namespace pressroom
