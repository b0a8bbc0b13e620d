#include "facets.h"

#include <algorithm>
#include <map>

#include "release.h"
#include "schema.h"

namespace pressroom::searchd {

namespace {

std::vector<FacetValue> most_frequent(std::vector<FacetValue> values) {
    std::sort(values.begin(), values.end(), [](const FacetValue &a, const FacetValue &b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    if (values.size() > kMaxFacetValues)
        values.resize(kMaxFacetValues);
    return values;
}

} // namespace

namespace {

// `term`'s value as the release `did` states it (the term holds it folded: "tax division").
std::string as_stated(const Xapian::Database &db, const stored::Codec &codec, Xapian::docid did, FacetKind kind,
                      std::string_view prefix, const std::string &term) {
    std::string folded = term.substr(prefix.size());
    if (kind == FacetKind::Lang)
        return folded; // a code: "en"
    Release r = stored::release_of(codec, db.get_document(did));
    if (kind == FacetKind::Source)
        return r.source.empty() ? folded : r.source;
    for (const auto &category : r.categories())
        if (schema::boolean_term(prefix, category) == term)
            return category;
    return folded;
}

} // namespace

FacetTable::FacetTable(const Xapian::Database &db, const stored::Codec &codec) {
    namespace p = schema::prefix;
    Xapian::docid last = db.get_lastdocid();
    std::vector<std::vector<std::uint32_t>> by_doc(last + 1);
    // A facet value per boolean term, and its releases from the term's postings.
    for (auto [prefix, kind] : {std::pair{p::kCategory, FacetKind::Category}, std::pair{p::kSource, FacetKind::Source},
                                std::pair{p::kLang, FacetKind::Lang}}) {
        std::string start(prefix);
        for (auto t = db.allterms_begin(start); t != db.allterms_end(start); ++t) {
            std::string term = *t;
            Xapian::PostingIterator it = db.postlist_begin(term);
            if (it == db.postlist_end(term))
                continue;
            auto id = static_cast<std::uint32_t>(m_values.size());
            m_values.push_back({kind, as_stated(db, codec, *it, kind, prefix, term)});
            for (; it != db.postlist_end(term); ++it)
                if (*it <= last)
                    by_doc[*it].push_back(id);
        }
    }
    // Years from the date values, read in document order a chunk at a time.
    std::map<std::string, std::uint32_t> years;
    for (auto it = db.valuestream_begin(schema::slot::kDate); it != db.valuestream_end(schema::slot::kDate); ++it) {
        const std::string &v = *it;
        if (it.get_docid() > last || v.size() < 4)
            continue;
        auto [year, added] = years.try_emplace(v.substr(0, 4), static_cast<std::uint32_t>(m_values.size()));
        if (added)
            m_values.push_back({FacetKind::Year, year->first});
        by_doc[it.get_docid()].push_back(year->second);
    }
    m_first.reserve(by_doc.size() + 1);
    for (const auto &doc : by_doc) {
        m_first.push_back(static_cast<std::uint32_t>(m_ids.size()));
        m_ids.insert(m_ids.end(), doc.begin(), doc.end());
    }
    m_first.push_back(static_cast<std::uint32_t>(m_ids.size()));
    m_whole.assign(m_values.size(), 0);
    for (std::uint32_t id : m_ids)
        ++m_whole[id];
    // Each document's values counted under its year's value id (the undated ones under none),
    // then filed by the year's text.
    const auto none = static_cast<std::uint32_t>(m_values.size());
    std::vector<std::vector<Xapian::doccount>> by_year_id(m_values.size() + 1);
    for (std::size_t did = 0; did + 1 < m_first.size(); ++did) {
        std::uint32_t year = none;
        for (std::uint32_t i = m_first[did]; i < m_first[did + 1]; ++i)
            if (m_values[m_ids[i]].kind == FacetKind::Year)
                year = m_ids[i];
        auto &counts = by_year_id[year];
        if (counts.empty())
            counts.assign(m_values.size(), 0);
        for (std::uint32_t i = m_first[did]; i < m_first[did + 1]; ++i)
            ++counts[m_ids[i]];
    }
    for (std::uint32_t id = 0; id <= none; ++id)
        if (!by_year_id[id].empty())
            m_by_year.emplace(id == none ? std::string() : m_values[id].text, std::move(by_year_id[id]));
    Xapian::doccount dated = 0;
    for (std::size_t id = 0; id < m_values.size(); ++id)
        if (m_values[id].kind == FacetKind::Year)
            dated += m_whole[id];
    m_whole_undated = db.get_doccount() - dated;
}

const std::vector<Xapian::doccount> *FacetTable::year_counts(const std::string &year) const {
    auto it = m_by_year.find(year);
    return it == m_by_year.end() ? nullptr : &it->second;
}

FacetSpy::FacetSpy(std::shared_ptr<const FacetTable> table)
    : m_table(std::move(table)), m_counts(m_table->values().size(), 0) {}

void FacetSpy::operator()(const Xapian::Document &doc, double) {
    bool dated = false;
    m_table->for_each_value(doc.get_docid(), [&](std::uint32_t id) {
        ++m_counts[id];
        dated = dated || m_table->values()[id].kind == FacetKind::Year;
    });
    if (!dated)
        ++m_undated;
}

void FacetSpy::count_whole_index() {
    m_counts = m_table->whole_index_counts();
    m_undated = m_table->whole_index_undated();
}

Xapian::doccount FacetSpy::count_years(const std::vector<std::string> &years, bool undated) {
    Xapian::doccount counted = 0;
    for (const auto &year : years)
        if (const auto *counts = m_table->year_counts(year))
            for (std::size_t id = 0; id < counts->size(); ++id) {
                m_counts[id] += (*counts)[id];
                if (m_table->values()[id].kind == FacetKind::Year)
                    counted += (*counts)[id];
            }
    if (undated) {
        if (const auto *counts = m_table->year_counts(""))
            for (std::size_t id = 0; id < counts->size(); ++id)
                m_counts[id] += (*counts)[id];
        m_undated += m_table->whole_index_undated();
        counted += m_table->whole_index_undated();
    }
    return counted;
}

Facets FacetSpy::facets() const {
    std::vector<FacetValue> category, source, lang, year;
    const auto &values = m_table->values();
    for (std::size_t id = 0; id < values.size(); ++id) {
        if (!m_counts[id])
            continue;
        FacetValue v{values[id].text, m_counts[id]};
        switch (values[id].kind) {
        case FacetKind::Category:
            category.push_back(std::move(v));
            break;
        case FacetKind::Source:
            source.push_back(std::move(v));
            break;
        case FacetKind::Lang:
            lang.push_back(std::move(v));
            break;
        case FacetKind::Year:
            year.push_back(std::move(v));
            break;
        }
    }
    Facets f;
    f.category = most_frequent(std::move(category));
    f.source = most_frequent(std::move(source));
    f.lang = most_frequent(std::move(lang));
    std::sort(year.begin(), year.end(), [](const FacetValue &a, const FacetValue &b) { return a.value < b.value; });
    f.year = std::move(year);
    f.undated = m_undated;
    return f;
}

} // namespace pressroom::searchd
