#include "search_gate.h"

#include <algorithm>

namespace pressroom::searchd {

SearchGate::SearchGate(std::size_t limit) : m_limit(std::max<std::size_t>(1, limit)) {}

void SearchGate::enter() {
    std::unique_lock lock(m_mutex);
    if (m_running < m_limit && m_waiting.empty()) {
        ++m_running;
        return;
    }
    Waiter me;
    m_waiting.push_back(&me);
    me.turn.wait(lock, [&] { return me.admitted; });
    // leave() handed its place over: m_running already counts this caller.
}

void SearchGate::leave() {
    std::lock_guard lock(m_mutex);
    if (m_waiting.empty()) {
        --m_running;
        return;
    }
    Waiter *next = m_waiting.front();
    m_waiting.pop_front();
    next->admitted = true;
    next->turn.notify_one();
}

std::size_t SearchGate::running() const {
    std::lock_guard lock(m_mutex);
    return m_running;
}

std::size_t SearchGate::waiting() const {
    std::lock_guard lock(m_mutex);
    return m_waiting.size();
}

} // namespace pressroom::searchd
