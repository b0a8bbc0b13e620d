// The per-client rate limit: a burst at once, then the average rate, clients kept apart.
#include <catch2/catch.hpp>

#include "overload.h"

using pressroom::searchd::RateLimiter;
using namespace std::chrono_literals;

TEST_CASE("a client gets its burst and then its rate and no more", "[overload]") {
    RateLimiter limiter(2, 3); // 2 a second, 3 at once
    auto t0 = RateLimiter::Clock::time_point{} + 100s;
    CHECK(limiter.allow("10.0.0.1", t0));
    CHECK(limiter.allow("10.0.0.1", t0));
    CHECK(limiter.allow("10.0.0.1", t0));
    CHECK_FALSE(limiter.allow("10.0.0.1", t0));
    // Another client is not held back by the first.
    CHECK(limiter.allow("10.0.0.2", t0));
    // Half a second later one more request is due, and only one.
    CHECK(limiter.allow("10.0.0.1", t0 + 500ms));
    CHECK_FALSE(limiter.allow("10.0.0.1", t0 + 500ms));
    // A long pause refills the burst, not more.
    auto later = t0 + 60s;
    CHECK(limiter.allow("10.0.0.1", later));
    CHECK(limiter.allow("10.0.0.1", later));
    CHECK(limiter.allow("10.0.0.1", later));
    CHECK_FALSE(limiter.allow("10.0.0.1", later));
}

TEST_CASE("clients that went quiet are forgotten so memory stays bounded", "[overload]") {
    RateLimiter limiter(10, 10);
    auto t0 = RateLimiter::Clock::time_point{} + 100s;
    for (int i = 0; i < 1000; ++i)
        limiter.allow("client-" + std::to_string(i), t0);
    CHECK(limiter.clients() == 1000);
    limiter.allow("one more", t0 + 5s);
    CHECK(limiter.clients() == 1);
}
