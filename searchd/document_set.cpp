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

void ValueRange::init(const Xapian::Database &db) {
    m_db = db;
    m_count = db.get_value_freq(m_slot);
    m_started = false;
}

void ValueRange::start() {
    if (!m_started) {
        m_started = true;
        m_it = m_db.valuestream_begin(m_slot);
        m_end = m_db.valuestream_end(m_slot);
    }
}

bool ValueRange::in_range() const {
    const std::string value = *m_it;
    return value >= m_low && value <= m_high;
}

void ValueRange::to_next_in_range() {
    while (m_it != m_end && !in_range())
        ++m_it;
}

void ValueRange::next(double) {
    if (m_started && m_it != m_end)
        ++m_it;
    start();
    to_next_in_range();
}

void ValueRange::skip_to(Xapian::docid did, double) {
    start();
    if (m_it != m_end)
        m_it.skip_to(did);
    to_next_in_range();
}

bool ValueRange::check(Xapian::docid did, double) {
    // False: `did` does not match, and the position is left where a later next() or skip_to()
    // moves on from (ValueIterator::check's own contract, which PostingSource::check shares).
    start();
    if (m_it == m_end)
        return true;
    if (!m_it.check(did))
        return false; // no value
    return m_it == m_end || in_range();
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
