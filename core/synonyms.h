// Synonym groups: names and phrases that mean the same ("SMG" and "Seoul Metropolitan
// Government"; "Park Won-soon" and "박원순"). Read from a plain-text file at index time, stored
// in the index's metadata, and used by searchd to widen a query to every member of a group.
//
// File format (UTF-8): one group per line, its members separated by commas; a member may be
// several words. Blank lines and lines starting with # are ignored. Matching ignores case,
// hyphens versus spaces and curly versus straight apostrophes, so list a name once in any of
// its spellings: "Park Won-soon" also covers "Park Won Soon" and "park won‐soon".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "result.h"

namespace pressroom {

// Each member folded for matching: lower case, hyphens as spaces, single spaces.
using SynonymGroups = std::vector<std::vector<std::string>>;

// The folded form of a member or of query words: text::fold_for_terms, lower-cased, hyphens
// and whitespace runs as single spaces.
std::string fold_synonym(std::string_view s);

// Parses the file's text. `name` is used in error messages (InvalidInput naming the line).
Result<SynonymGroups> parse_synonyms(std::string_view text, std::string_view name);

// The metadata form (JSON) and back; an empty or unreadable value gives no groups.
std::string synonyms_to_metadata(const SynonymGroups &groups);
SynonymGroups synonyms_from_metadata(std::string_view value);

} // namespace pressroom
