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
#include <vector>

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

// The key under which the spellings of one name count as one speaker: case, spaces, hyphens,
// full stops and middle initials do not matter ("Park Won-soon" = "park won soon",
// "Olympia J. Snowe" = "Olympia Snowe"). Empty for an empty name.
std::string speaker_key(std::string_view name);

// As above, and a name in a synonym group gets the key of the group's first member, so that
// "박원순" and "Park Won-soon" are one speaker.
std::string speaker_key(std::string_view name, const SynonymGroups &groups);

} // namespace pressroom::quotes
