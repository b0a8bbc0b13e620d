// Facet counts: how many of the matching releases have each category, publisher, language
// and year. A Xapian::MatchSpy reads the value slots of every match (the search asks for
// exact counts when facets are wanted, so every match is seen).
#pragma once

#include <map>
#include <string>

#include <xapian.h>

#include "searcher.h"

namespace pressroom::searchd {

// At most this many values per facet are returned, the most frequent; years are all returned.
inline constexpr std::size_t kMaxFacetValues = 30;

class FacetSpy : public Xapian::MatchSpy {
  public:
    void operator()(const Xapian::Document &doc, double weight) override;
    // The counts so far: category, source and lang most frequent first (ties by value),
    // years oldest first.
    Facets facets() const;

  private:
    std::map<std::string, Xapian::doccount> m_category, m_source, m_lang, m_year;
    Xapian::doccount m_undated = 0;
};

} // namespace pressroom::searchd
