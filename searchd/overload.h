// Protection against overload: a per-client request rate (answered 429 beyond it) and a
// bounded queue of connections waiting for a worker (answered 503 beyond it). The rate
// limiter takes the time as an argument, so it is tested without waiting.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include <httplib.h>

namespace pressroom::searchd {

// A token bucket per client: `per_second` requests on average, `burst` at once.
class RateLimiter {
  public:
    using Clock = std::chrono::steady_clock;
    RateLimiter(double per_second, double burst);
    // Whether `client` may make a request at `now`; takes one token if so.
    bool allow(const std::string &client, Clock::time_point now);
    // Clients tracked: idle ones (full buckets) are forgotten, so memory stays bounded.
    std::size_t clients() const;

  private:
    struct Bucket {
        double tokens;
        Clock::time_point last;
    };
    void forget_idle(Clock::time_point now);

    double m_rate, m_burst;
    mutable std::mutex m_mutex;
    std::unordered_map<std::string, Bucket> m_buckets;
    Clock::time_point m_last_sweep{};
};

// httplib's worker pool with a bound on the connections waiting for a worker. A connection
// beyond the bound is served by a small overflow pool on which overloaded() is true: its
// requests are answered 503 at once and the connection closed, instead of waiting unseen.
class BoundedPool : public httplib::TaskQueue {
  public:
    BoundedPool(std::size_t workers, std::size_t max_waiting);
    ~BoundedPool() override;
    void enqueue(std::function<void()> fn) override;
    void shutdown() override;
    // True on a thread of the overflow pool.
    static bool overloaded();
    std::size_t rejected() const { return m_rejected; }

  private:
    struct Queue {
        std::deque<std::function<void()>> tasks;
        std::vector<std::thread> threads;
    };
    void work(Queue &queue, bool overflow);

    std::size_t m_max_waiting;
    std::mutex m_mutex;
    std::condition_variable m_ready;
    bool m_stopping = false;
    std::size_t m_busy = 0; // main workers serving a connection
    Queue m_main, m_overflow;
    std::atomic<std::size_t> m_rejected{0};
};

} // namespace pressroom::searchd
