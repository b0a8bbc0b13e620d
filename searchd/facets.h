// Facet counts: how many of the matching releases have each category, publisher, language
// and year. The values of every release (from the postings of its boolean terms, and the date
// values) are read once per index revision into a FacetTable
// (shared by all request threads); a Xapian::MatchSpy then counts each match by its document
// id, which costs a few array increments instead of four value lookups.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "searcher.h"
#include "stored_data.h"

namespace pressroom::searchd {

// At most this many values per facet are returned, the most frequent; years are all returned.
inline constexpr std::size_t kMaxFacetValues = 30;

enum class FacetKind : std::uint8_t { Category, Source, Lang, Year };

// The facet values of every document of one revision of an index.
class FacetTable {
  public:
    // `codec` reads the releases, for the values as stated.
    FacetTable(const Xapian::Database &db, const stored::Codec &codec);

    struct Value {
        FacetKind kind;
        std::string text;
    };
    const std::vector<Value> &values() const { return m_values; }
    // The value ids of document `did` (empty for an unknown id); undated documents have no year.
    template <typename F> void for_each_value(Xapian::docid did, F &&f) const {
        if (did + 1 >= m_first.size())
            return;
        for (std::uint32_t i = m_first[did]; i < m_first[did + 1]; ++i)
            f(m_ids[i]);
    }

    // How many documents of the whole index have each value (by value id), and have no year.
    const std::vector<Xapian::doccount> &whole_index_counts() const { return m_whole; }
    Xapian::doccount whole_index_undated() const { return m_whole_undated; }
    // The same for the documents of one year ("YYYY") only, or for the undated ones (""):
    // null when no document has that year.
    const std::vector<Xapian::doccount> *year_counts(const std::string &year) const;

  private:
    std::vector<Value> m_values;
    std::vector<Xapian::doccount> m_whole;
    std::map<std::string, std::vector<Xapian::doccount>> m_by_year;
    Xapian::doccount m_whole_undated = 0;
    std::vector<std::uint32_t> m_first; // by docid: where its ids start in m_ids
    std::vector<std::uint32_t> m_ids;
};

class FacetSpy : public Xapian::MatchSpy {
  public:
    explicit FacetSpy(std::shared_ptr<const FacetTable> table);
    void operator()(const Xapian::Document &doc, double weight) override;
    // Counts every document of the index, as a match of everything would, from the table.
    void count_whole_index();
    // Counts every document of `years` ("YYYY"), and the undated ones when `undated`, from
    // the table. Returns how many documents that is.
    Xapian::doccount count_years(const std::vector<std::string> &years, bool undated);
    // The counts so far: category, source and lang most frequent first (ties by value),
    // years oldest first.
    Facets facets() const;

  private:
    std::shared_ptr<const FacetTable> m_table;
    std::vector<Xapian::doccount> m_counts; // by value id
    Xapian::doccount m_undated = 0;
};

} // namespace pressroom::searchd
