// The per-client rate limit: a burst at once, then the average rate, clients kept apart; and
// the gate that lets a few searches run at once while the rest wait in line.
#include <catch2/catch.hpp>

#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "overload.h"
#include "search_gate.h"

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

namespace {

// Waits (at most 5 s) until `ready` holds.
template <typename F> bool eventually(F ready) {
    for (int i = 0; i < 500 && !ready(); ++i)
        std::this_thread::sleep_for(10ms);
    return ready();
}

} // namespace

TEST_CASE("searches beyond the gate's limit wait and go in arrival order", "[overload]") {
    pressroom::searchd::SearchGate gate(2);
    gate.enter();
    gate.enter();
    CHECK(gate.running() == 2);

    std::mutex mutex;
    std::vector<std::string> admitted;
    auto search = [&](std::string name) {
        pressroom::searchd::GatePass pass(gate);
        std::lock_guard lock(mutex);
        admitted.push_back(std::move(name));
    };
    auto count = [&] {
        std::lock_guard lock(mutex);
        return admitted.size();
    };
    std::thread c(search, "c");
    REQUIRE(eventually([&] { return gate.waiting() == 1; }));
    std::thread d(search, "d");
    REQUIRE(eventually([&] { return gate.waiting() == 2; }));
    std::this_thread::sleep_for(50ms);
    CHECK(count() == 0); // both wait while two searches run

    gate.leave(); // one place frees: the first in line takes it
    REQUIRE(eventually([&] { return count() >= 1; }));
    c.join(); // c's pass ended, handing its place to d
    d.join();
    CHECK(admitted == std::vector<std::string>{"c", "d"});
    CHECK(gate.running() == 1);
    gate.leave();
    CHECK(gate.running() == 0);
    CHECK(gate.waiting() == 0);
}
