// At most N searches run at once; the others wait their turn in arrival order.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>

namespace pressroom::searchd {

// On two cores, 128 connections searching at once each got 1/64 of a core, so one heavy query
// took seconds and clients gave up. Through the gate each search waits for the ones that came
// before it and then runs at full speed: the same throughput, and waits that follow the queue.
class SearchGate {
  public:
    explicit SearchGate(std::size_t limit);
    SearchGate(const SearchGate &) = delete;
    SearchGate &operator=(const SearchGate &) = delete;

    // Waits until this caller's turn, then holds one of the `limit` places until leave().
    void enter();
    void leave();

    std::size_t limit() const { return m_limit; }
    std::size_t running() const;
    std::size_t waiting() const;

  private:
    struct Waiter {
        std::condition_variable turn;
        bool admitted = false;
    };
    std::size_t m_limit;
    mutable std::mutex m_mutex;
    std::size_t m_running = 0;
    std::deque<Waiter *> m_waiting; // oldest first
};

// Holds a place in a gate for a scope.
class GatePass {
  public:
    explicit GatePass(SearchGate &gate) : m_gate(gate) { m_gate.enter(); }
    ~GatePass() { m_gate.leave(); }
    GatePass(const GatePass &) = delete;
    GatePass &operator=(const GatePass &) = delete;

  private:
    SearchGate &m_gate;
};

} // namespace pressroom::searchd
