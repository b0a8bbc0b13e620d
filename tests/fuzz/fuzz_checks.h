// What every fuzz target checks besides "no crash, no sanitizer report": the invariants the
// rest of the program relies on. A broken invariant aborts, so libFuzzer keeps the input and
// the replay test fails.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "release.h"
#include "stored_data.h"
#include "text.h"

#define FUZZ_CHECK(cond)                                                                                               \
    do {                                                                                                               \
        if (!(cond)) {                                                                                                 \
            std::fprintf(stderr, "%s:%d: fuzz invariant failed: %s\n", __FILE__, __LINE__, #cond);                     \
            std::abort();                                                                                              \
        }                                                                                                              \
    } while (0)

namespace pressroom::fuzz {

// A release as a reader stores it: every text valid UTF-8 (nlohmann::json::dump throws on
// anything else, which would stop an indexing run), a body, and a stored JSON form that searchd
// reads back (stored::release_of) as the same release.
inline void check_release(const Release &r) {
    for (const std::string *s :
         {&r.id, &r.title, &r.subtitle, &r.category, &r.source, &r.url, &r.lang, &r.byline, &r.reference})
        FUZZ_CHECK(text::is_valid_utf8(*s));
    FUZZ_CHECK(!r.paragraphs.empty());
    for (const std::string &p : r.paragraphs)
        FUZZ_CHECK(text::is_valid_utf8(p));
    stored::Codec codec;
    Xapian::Document doc;
    doc.set_data(codec.encode(to_json(r).dump()));
    Release back = stored::release_of(codec, doc);
    FUZZ_CHECK(back.title == r.title && back.paragraphs == r.paragraphs && back.date == r.date &&
               back.updated == r.updated && back.category == r.category && back.source == r.source);
}

} // namespace pressroom::fuzz
