#include "overload.h"

#include <algorithm>

namespace pressroom::searchd {

RateLimiter::RateLimiter(double per_second, double burst) : m_rate(per_second), m_burst(std::max(1.0, burst)) {}

bool RateLimiter::allow(const std::string &client, Clock::time_point now) {
    std::lock_guard lock(m_mutex);
    forget_idle(now);
    auto [it, added] = m_buckets.try_emplace(client, Bucket{m_burst, now});
    Bucket &b = it->second;
    if (!added) {
        double elapsed = std::chrono::duration<double>(now - b.last).count();
        b.tokens = std::min(m_burst, b.tokens + std::max(0.0, elapsed) * m_rate);
        b.last = std::max(b.last, now);
    }
    if (b.tokens < 1.0)
        return false;
    b.tokens -= 1.0;
    return true;
}

std::size_t RateLimiter::clients() const {
    std::lock_guard lock(m_mutex);
    return m_buckets.size();
}

// Once a second at most: a client whose bucket has filled up again is as good as new.
void RateLimiter::forget_idle(Clock::time_point now) {
    if (now - m_last_sweep < std::chrono::seconds(1))
        return;
    m_last_sweep = now;
    double refill = m_burst / m_rate;
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        if (std::chrono::duration<double>(now - it->second.last).count() >= refill)
            it = m_buckets.erase(it);
        else
            ++it;
    }
}

namespace {
thread_local bool t_overflow = false;
constexpr std::size_t kOverflowThreads = 2;
} // namespace

BoundedPool::BoundedPool(std::size_t workers, std::size_t max_waiting) : m_max_waiting(max_waiting) {
    for (std::size_t i = 0; i < workers; ++i)
        m_main.threads.emplace_back([this] { work(m_main, false); });
    for (std::size_t i = 0; i < kOverflowThreads; ++i)
        m_overflow.threads.emplace_back([this] { work(m_overflow, true); });
}

BoundedPool::~BoundedPool() { shutdown(); }

void BoundedPool::enqueue(std::function<void()> fn) {
    {
        std::lock_guard lock(m_mutex);
        // Free workers take connections at once; beyond them, at most m_max_waiting wait.
        if (m_main.tasks.size() < m_main.threads.size() - m_busy + m_max_waiting) {
            m_main.tasks.push_back(std::move(fn));
        } else {
            ++m_rejected;
            m_overflow.tasks.push_back(std::move(fn));
        }
    }
    m_ready.notify_all();
}

void BoundedPool::shutdown() {
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping)
            return;
        m_stopping = true;
    }
    m_ready.notify_all();
    for (auto *queue : {&m_main, &m_overflow})
        for (auto &t : queue->threads)
            if (t.joinable())
                t.join();
}

bool BoundedPool::overloaded() { return t_overflow; }

void BoundedPool::work(Queue &queue, bool overflow) {
    t_overflow = overflow;
    for (;;) {
        std::function<void()> fn;
        {
            std::unique_lock lock(m_mutex);
            m_ready.wait(lock, [&] { return m_stopping || !queue.tasks.empty(); });
            if (queue.tasks.empty())
                return; // stopping, and nothing left to serve
            fn = std::move(queue.tasks.front());
            queue.tasks.pop_front();
            if (!overflow)
                ++m_busy;
        }
        fn();
        if (!overflow) {
            std::lock_guard lock(m_mutex);
            --m_busy;
        }
    }
}

} // namespace pressroom::searchd
