// A query leaf matching exactly a given set of documents, with no weight of its own: used to
// rank a page of best candidates again with costlier evidence.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace pressroom::searchd {

class DocumentSet : public Xapian::PostingSource {
  public:
    explicit DocumentSet(std::vector<Xapian::docid> ids); // any order; duplicates allowed

    Xapian::doccount get_termfreq_min() const override { return static_cast<Xapian::doccount>(m_ids.size()); }
    Xapian::doccount get_termfreq_est() const override { return get_termfreq_min(); }
    Xapian::doccount get_termfreq_max() const override { return get_termfreq_min(); }
    void init(const Xapian::Database &db) override;
    void next(double min_wt) override;
    void skip_to(Xapian::docid did, double min_wt) override;
    bool at_end() const override { return m_started && m_pos >= m_ids.size(); }
    Xapian::docid get_docid() const override { return m_ids[m_pos]; }
    std::string name() const override { return "pressroom::DocumentSet"; }
    DocumentSet *clone() const override { return new DocumentSet(m_ids); }

  private:
    std::vector<Xapian::docid> m_ids; // sorted, unique
    std::size_t m_pos = 0;
    bool m_started = false;
};

} // namespace pressroom::searchd
