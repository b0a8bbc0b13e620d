// A table read from one revision of an index and shared by the request threads (facet values,
// the spelling vocabulary): made by the first thread that needs it, replaced when a thread
// comes with another revision.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include <xapian.h>

#include "index_store.h"

namespace pressroom::searchd {

template <typename T> class PerRevision {
  public:
    // The table of `db`'s revision, made as T(args...) when the one held is of another.
    template <typename... Args> std::shared_ptr<const T> get(const Xapian::Database &db, const Args &...args) {
        std::string key = store::revision_key(db);
        std::lock_guard lock(m_mutex);
        if (!m_table || key != m_key) {
            m_table = std::make_shared<const T>(args...);
            m_key = std::move(key);
        }
        return m_table;
    }

  private:
    std::mutex m_mutex;
    std::string m_key; // store::revision_key of m_table's revision
    std::shared_ptr<const T> m_table;
};

} // namespace pressroom::searchd
