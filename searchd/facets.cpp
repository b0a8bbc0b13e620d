#include "facets.h"

#include <algorithm>
#include <map>

#include "index_store.h"
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

FacetTable::FacetTable(const Xapian::Database &db) {
    namespace slot = schema::slot;
    Xapian::docid last = db.get_lastdocid();
    std::vector<std::vector<std::uint32_t>> by_doc(last + 1);
    std::map<std::pair<FacetKind, std::string>, std::uint32_t> ids;
    auto id_of = [&](FacetKind kind, std::string text) {
        auto [it, added] = ids.try_emplace({kind, text}, static_cast<std::uint32_t>(m_values.size()));
        if (added)
            m_values.push_back({kind, std::move(text)});
        return it->second;
    };
    // Value streams are read in document order, a chunk at a time.
    auto read = [&](Xapian::valueno slot, auto &&add) {
        for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it)
            if (it.get_docid() <= last)
                add(it.get_docid(), *it);
    };
    read(slot::kCategories, [&](Xapian::docid did, const std::string &categories) {
        for (std::size_t start = 0; start < categories.size();) {
            std::size_t end = std::min(categories.find(slot::kValueSeparator, start), categories.size());
            if (end > start)
                by_doc[did].push_back(id_of(FacetKind::Category, categories.substr(start, end - start)));
            start = end + 1;
        }
    });
    read(slot::kSource,
         [&](Xapian::docid did, const std::string &v) { by_doc[did].push_back(id_of(FacetKind::Source, v)); });
    read(slot::kLang,
         [&](Xapian::docid did, const std::string &v) { by_doc[did].push_back(id_of(FacetKind::Lang, v)); });
    read(slot::kDate, [&](Xapian::docid did, const std::string &v) {
        if (v.size() >= 4)
            by_doc[did].push_back(id_of(FacetKind::Year, v.substr(0, 4)));
    });
    m_first.reserve(by_doc.size() + 1);
    for (const auto &doc : by_doc) {
        m_first.push_back(static_cast<std::uint32_t>(m_ids.size()));
        m_ids.insert(m_ids.end(), doc.begin(), doc.end());
    }
    m_first.push_back(static_cast<std::uint32_t>(m_ids.size()));
}

std::shared_ptr<const FacetTable> FacetTableCache::get(const Xapian::Database &db) {
    std::string key = store::revision_key(db);
    std::lock_guard lock(m_mutex);
    if (!m_table || key != m_key) {
        m_table = std::make_shared<const FacetTable>(db);
        m_key = std::move(key);
    }
    return m_table;
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
