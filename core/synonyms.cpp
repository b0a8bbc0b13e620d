#include "synonyms.h"

#include <nlohmann/json.hpp>

#include "text.h"

namespace pressroom {

std::string fold_synonym(std::string_view s) {
    std::string folded = text::fold_case(text::fold_for_terms(s));
    for (char &c : folded)
        if (c == '-' || c == '\t')
            c = ' ';
    return text::collapse_whitespace(folded);
}

Result<SynonymGroups> parse_synonyms(std::string_view content, std::string_view name) {
    SynonymGroups groups;
    auto lines = text::split_lines(content);
    for (std::size_t n = 0; n < lines.size(); ++n) {
        std::string_view line = text::trim(lines[n]);
        std::string where = std::string(name) + " line " + std::to_string(n + 1);
        if (line.empty() || line.front() == '#')
            continue;
        if (!text::is_valid_utf8(line))
            return Error{ErrorCode::InvalidInput, where + " is not valid UTF-8; save the file as UTF-8"};
        std::vector<std::string> group;
        std::size_t start = 0;
        while (start <= line.size()) {
            std::size_t comma = std::min(line.find(',', start), line.size());
            std::string member = fold_synonym(line.substr(start, comma - start));
            if (member.empty())
                return Error{ErrorCode::InvalidInput,
                             where + " has an empty member; separate the names of a group with single commas"};
            if (std::find(group.begin(), group.end(), member) == group.end())
                group.push_back(std::move(member));
            start = comma + 1;
        }
        if (group.size() < 2)
            return Error{ErrorCode::InvalidInput,
                         where + " names only one distinct name; a group needs two or more, separated by commas"};
        groups.push_back(std::move(group));
    }
    return groups;
}

std::string synonyms_to_metadata(const SynonymGroups &groups) { return nlohmann::json(groups).dump(); }

SynonymGroups synonyms_from_metadata(std::string_view value) {
    if (value.empty())
        return {};
    auto j = nlohmann::json::parse(value, nullptr, false);
    if (!j.is_array())
        return {};
    SynonymGroups groups;
    for (const auto &group : j) {
        if (!group.is_array())
            continue;
        std::vector<std::string> members;
        for (const auto &member : group)
            if (member.is_string())
                members.push_back(member.get<std::string>());
        if (members.size() >= 2)
            groups.push_back(std::move(members));
    }
    return groups;
}

} // namespace pressroom
