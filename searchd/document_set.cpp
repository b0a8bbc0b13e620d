#include "document_set.h"

#include <algorithm>

namespace pressroom::searchd {

DocumentSet::DocumentSet(std::vector<Xapian::docid> ids) : m_ids(std::move(ids)) {
    std::sort(m_ids.begin(), m_ids.end());
    m_ids.erase(std::unique(m_ids.begin(), m_ids.end()), m_ids.end());
}

void DocumentSet::init(const Xapian::Database &) {
    m_pos = 0;
    m_started = false;
}

void DocumentSet::next(double) {
    if (m_started)
        ++m_pos;
    m_started = true;
}

void DocumentSet::skip_to(Xapian::docid did, double) {
    m_started = true;
    m_pos = static_cast<std::size_t>(
        std::lower_bound(m_ids.begin() + static_cast<std::ptrdiff_t>(m_pos), m_ids.end(), did) - m_ids.begin());
}

void Deadline::init(const Xapian::Database &db) {
    m_did = 0;
    m_last = db.get_lastdocid();
    m_count = db.get_doccount();
    m_calls = 0;
    m_passed = false;
    check();
}

void Deadline::check() {
    // Reading the clock costs about as much as a posting: look every 64 moves.
    if (m_calls++ % 64 == 0 && Clock::now() >= m_at)
        m_passed = true;
}

void Deadline::next(double) {
    ++m_did;
    check();
}

void Deadline::skip_to(Xapian::docid did, double) {
    m_did = std::max(m_did, did);
    check();
}

} // namespace pressroom::searchd
