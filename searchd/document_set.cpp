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

} // namespace pressroom::searchd
