// The document model: one press release, as the indexer extracts it and the daemon shows it.
// Its JSON form (to_json) is stored as the Xapian document data.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "date.h"

namespace pressroom {

struct Release {
    std::string id; // stable: the record id, or the file's path under its source root
    std::string title;
    std::string subtitle;        // empty when none
    std::string category;        // as stated; several are joined with "; "
    std::string source;          // the publisher, in words
    std::string url;             // empty when unknown
    std::optional<Date> date;    // publication date; none when the release states none
    std::optional<Date> updated; // last update, where stated
    std::string lang = "en";
    std::string byline;    // author line, where stated
    std::string reference; // the publisher's own number, e.g. "SMG 5221"
    std::vector<std::string> paragraphs;

    // The categories one by one ("Tax Division; USAO - Florida" gives two).
    std::vector<std::string> categories() const;
    // All paragraphs joined by blank lines.
    std::string body() const;
};

// Empty strings and absent dates are written as null. stored::release_of (core/stored_data.h)
// reads it back.
nlohmann::json to_json(const Release &r);

} // namespace pressroom
