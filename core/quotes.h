// Quotations in a release: the quoted words, who the release says spoke them, and where.
// Extracted at index time (indexer/document_builder) and searched by searchd as records of
// their own. Pure functions.
//
// What counts as a quotation: words between double quotation marks (curly or straight) that
// the release attributes to someone ("...," said Mayor Park; He added, "..."), or, without an
// attribution, read as a sentence. Titles and names of things ("One Belt, One Road", a report
// entitled "..."), scare quotes and single quotation marks are not quotations.
//
// Who spoke: the name in the attribution, completed from the release ("Mayor Park" is "Park
// Won Soon" when the release names him in full; "He added" is the person named last before
// it). A quotation whose speaker the release does not state has none: never a guess.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "release.h"
#include "synonyms.h"

namespace pressroom::quotes {

struct Quote {
    std::string text;          // the quoted words; parts split by the attribution joined by a space
    std::string speaker;       // the full name as the release gives it, no title; empty: not stated
    std::string attributed_as; // the words naming the speaker next to the quote ("Mayor Park", "He")
    std::string role;          // the speaker's title as stated ("Mayor", "Senator"); empty: none
    int paragraph = 0;         // 1-based body paragraph the quotation starts in
    int paragraph_end = 0;     // ... and the one it ends in
};

std::vector<Quote> extract_quotes(const std::vector<std::string> &paragraphs);

// A quotation as stored in the index: the quote and what a reader needs to cite it.
struct QuoteRecord {
    std::string id; // "<release id>#q<n>", n from 1 in the order of the release
    Quote quote;
    std::string release_id, title, date, url, source; // date as ISO text, empty when undated
};

// Records for every quotation of a release, in order.
std::vector<QuoteRecord> quote_records(const Release &release);

// The stored JSON form (empty strings as null) and back.
nlohmann::json to_json(const QuoteRecord &record);
QuoteRecord quote_record_from_json(const nlohmann::json &j);

// The key under which the spellings of one name count as one speaker: case, spaces, hyphens,
// full stops and middle initials do not matter ("Park Won-soon" = "park won soon",
// "Olympia J. Snowe" = "Olympia Snowe"). Empty for an empty name.
std::string speaker_key(std::string_view name);

// speaker_key() with synonym groups: a name in a group gets the key of the group's first
// member, so that "박원순" and "Park Won-soon" are one speaker. Built once per set of groups.
class SpeakerKeys {
  public:
    explicit SpeakerKeys(const SynonymGroups &groups = {});
    std::string operator()(std::string_view name) const;

  private:
    std::unordered_map<std::string, std::string> m_canonical; // member's key -> group's key
};

} // namespace pressroom::quotes
