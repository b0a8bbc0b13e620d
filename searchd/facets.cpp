#include "facets.h"

#include <algorithm>

#include "schema.h"

namespace pressroom::searchd {

namespace {

std::vector<FacetValue> most_frequent(const std::map<std::string, Xapian::doccount> &counts) {
    std::vector<FacetValue> values;
    for (const auto &[value, count] : counts)
        values.push_back({value, count});
    std::stable_sort(values.begin(), values.end(),
                     [](const FacetValue &a, const FacetValue &b) { return a.count > b.count; });
    if (values.size() > kMaxFacetValues)
        values.resize(kMaxFacetValues);
    return values;
}

} // namespace

void FacetSpy::operator()(const Xapian::Document &doc, double) {
    namespace slot = schema::slot;
    std::string categories = doc.get_value(slot::kCategories);
    for (std::size_t start = 0; start < categories.size();) {
        std::size_t end = std::min(categories.find(slot::kValueSeparator, start), categories.size());
        if (end > start)
            ++m_category[categories.substr(start, end - start)];
        start = end + 1;
    }
    if (std::string source = doc.get_value(slot::kSource); !source.empty())
        ++m_source[source];
    if (std::string lang = doc.get_value(slot::kLang); !lang.empty())
        ++m_lang[lang];
    std::string date = doc.get_value(slot::kDate);
    if (date.size() >= 4)
        ++m_year[date.substr(0, 4)];
    else
        ++m_undated;
}

Facets FacetSpy::facets() const {
    Facets f;
    f.category = most_frequent(m_category);
    f.source = most_frequent(m_source);
    f.lang = most_frequent(m_lang);
    for (const auto &[year, count] : m_year)
        f.year.push_back({year, count});
    f.undated = m_undated;
    return f;
}

} // namespace pressroom::searchd
