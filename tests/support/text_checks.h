// Substring checks the tests of rendered pages, feeds and exports share. Header only, so the
// unit tests can use it without the indexing helpers.
#pragma once

#include <cstddef>
#include <string>

namespace pressroom::test {

inline bool contains(const std::string &haystack, const std::string &needle) {
    return haystack.find(needle) != std::string::npos;
}

// How many times needle occurs in haystack, overlaps included.
inline std::size_t count(const std::string &haystack, const std::string &needle) {
    std::size_t n = 0;
    for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1))
        ++n;
    return n;
}

} // namespace pressroom::test
