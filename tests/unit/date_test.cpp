// Table-driven tests for core/date.h. One row per case, each with the reason it is there;
// CAPTURE prints the failing row.
#include <catch2/catch.hpp>

#include <string>

#include "date.h"

using pressroom::Date;
using pressroom::ErrorCode;
using pressroom::is_valid_day;
using pressroom::parse_iso_date;

TEST_CASE("parse_iso_date accepts each documented form", "[date]") {
    struct Row {
        std::string input;
        Date expected; // year, month, day, hour, minute
        std::string iso;
        std::string sort_key;
    };
    const Row rows[] = {
        {"2013", {2013, 0, 0, -1, -1}, "2013", "20130101"},                                   // year only
        {"2013-04", {2013, 4, 0, -1, -1}, "2013-04", "20130401"},                             // year and month
        {"2013-04-21", {2013, 4, 21, -1, -1}, "2013-04-21", "20130421"},                      // full date
        {"2013-04-21T16:30", {2013, 4, 21, 16, 30}, "2013-04-21T16:30", "20130421"},          // with a time
        {"2013-04-21 16:30", {2013, 4, 21, 16, 30}, "2013-04-21T16:30", "20130421"},          // space instead of T
        {"2013-04-21T16:30:59", {2013, 4, 21, 16, 30}, "2013-04-21T16:30", "20130421"},       // seconds dropped
        {"2013-04-21T16:30Z", {2013, 4, 21, 16, 30}, "2013-04-21T16:30", "20130421"},         // UTC zone dropped
        {"2013-04-21T16:30:00+09:00", {2013, 4, 21, 16, 30}, "2013-04-21T16:30", "20130421"}, // offset dropped
        {"2013-04-21T16:30-05:00", {2013, 4, 21, 16, 30}, "2013-04-21T16:30", "20130421"},    // negative offset
        {"2013-04-21T00:00", {2013, 4, 21, 0, 0}, "2013-04-21T00:00", "20130421"},            // midnight
        {"2013-04-21T23:59", {2013, 4, 21, 23, 59}, "2013-04-21T23:59", "20130421"},          // last minute
        {"2016-02-29", {2016, 2, 29, -1, -1}, "2016-02-29", "20160229"},                      // leap year
        {"2000-02-29", {2000, 2, 29, -1, -1}, "2000-02-29", "20000229"},                      // divisible by 400: leap
        {"2014-12-31", {2014, 12, 31, -1, -1}, "2014-12-31", "20141231"},                     // last day of the year
        {"2014-04-30", {2014, 4, 30, -1, -1}, "2014-04-30", "20140430"}, // last day of a 30-day month
        {"0001", {1, 0, 0, -1, -1}, "0001", "00010101"},                 // smallest year, zero-padded
    };
    for (const auto &row : rows) {
        CAPTURE(row.input);
        auto parsed = parse_iso_date(row.input);
        REQUIRE(parsed.ok());
        CHECK(*parsed == row.expected);
        CHECK(parsed->iso() == row.iso);
        CHECK(parsed->sort_key() == row.sort_key);
    }
}

TEST_CASE("parse_iso_date rejects malformed and impossible dates", "[date]") {
    const std::string rows[] = {
        "",                         // empty
        "14-01-01",                 // two-digit year
        "2014/01/01",               // slashes
        "20140101",                 // no separators
        "2014-13-01",               // month 13
        "2014-00-10",               // month 0
        "2014-00",                  // month 0 without a day
        "2014-02-30",               // February never has 30 days
        "2015-02-29",               // 2015 is not a leap year
        "1900-02-29",               // century not divisible by 400: not leap
        "2014-01-01T10:30junk",     // anything but seconds or a zone after the time
        "2014-01-01T10:30:99",      // seconds out of range
        "2014-01-01T10:30+25:00",   // no such zone
        "2014-04-31",               // April has 30 days
        "2014-01-00",               // day 0
        "2014-01-32",               // day 32
        "0000",                     // year 0
        "2014-1-01",                // one-digit month
        "2014-01-1",                // one-digit day
        "2014-01-",                 // dangling separator
        "2014-",                    // dangling separator after the year
        "2014 ",                    // trailing space
        " 2014",                    // leading space
        "abcd",                     // not digits
        "\uFF12\uFF10\uFF11\uFF14", // full-width digits
        "2014-01-01T",              // T without a time
        "2014-01-01T10",            // hour without minutes
        "2014-01-01T10:3",          // one-digit minute
        "2014-01-01T24:00",         // hour 24
        "2014-01-01T10:60",         // minute 60
        "2014-01-01X10:30",         // unknown separator before the time
        "2014-01-01T10-30",         // wrong separator inside the time
    };
    for (const auto &input : rows) {
        CAPTURE(input);
        auto parsed = parse_iso_date(input);
        REQUIRE_FALSE(parsed.ok());
        CHECK(parsed.error().code == ErrorCode::InvalidInput);
    }
}

TEST_CASE("a date error names the value and the accepted forms", "[date]") {
    auto parsed = parse_iso_date("2014-13-01");
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().message ==
          "date `2014-13-01` is not an ISO date: write YYYY, YYYY-MM or YYYY-MM-DD (optionally Thh:mm)");
}

TEST_CASE("iso and sort_key follow the known precision", "[date]") {
    struct Row {
        Date date;
        std::string iso;
        std::string sort_key;
    };
    const Row rows[] = {
        {{2013, 0, 0, -1, -1}, "2013", "20130101"},            // unknown month and day count as 01
        {{2013, 7, 0, -1, -1}, "2013-07", "20130701"},         // unknown day counts as 01
        {{2013, 7, 4, -1, -1}, "2013-07-04", "20130704"},      // zero-padded month and day
        {{2013, 7, 4, 9, 5}, "2013-07-04T09:05", "20130704"},  // zero-padded time, not in the sort key
        {{2013, 7, 4, 9, -1}, "2013-07-04T09:00", "20130704"}, // hour without minute shows :00
        {{987, 1, 2, -1, -1}, "0987-01-02", "09870102"},       // short year padded to four digits
    };
    for (const auto &row : rows) {
        CAPTURE(row.iso);
        CHECK(row.date.iso() == row.iso);
        CHECK(row.date.sort_key() == row.sort_key);
    }
}

TEST_CASE("is_valid_day knows month lengths and leap years", "[date]") {
    struct Row {
        int year, month, day;
        bool valid;
    };
    const Row rows[] = {
        {2014, 1, 31, true},  // 31-day month
        {2014, 4, 31, false}, // 30-day month
        {2014, 2, 28, true},  // February in a common year
        {2014, 2, 29, false}, // no 29th in a common year
        {2012, 2, 29, true},  // divisible by 4: leap
        {2100, 2, 29, false}, // divisible by 100 not 400: common
        {2400, 2, 29, true},  // divisible by 400: leap
        {2014, 0, 1, false},  // month 0
        {2014, 13, 1, false}, // month 13
        {2014, 5, 0, false},  // day 0
        {2014, 5, -1, false}, // negative day
    };
    for (const auto &row : rows) {
        CAPTURE(row.year, row.month, row.day);
        CHECK(is_valid_day(row.year, row.month, row.day) == row.valid);
    }
}
