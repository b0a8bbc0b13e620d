// A stemmer that remembers the stems it has made. Snowball's English stemmer costs far more
// than a hash lookup, and the same few thousand words are stemmed again and again: every word
// of every snippet's text (MSet::snippet stems each one), every word of every indexed release.
#pragma once

#include <cstddef>

#include <xapian.h>

namespace pressroom {

// `inner`'s stems, remembered in `capacity` slots (rounded up to a power of two, about 64
// bytes each, allocated at once): a word takes the slot its hash picks from the word there.
// The stems are `inner`'s, whatever is remembered. Like any Xapian::Stem, one per thread:
// copies share the slots, which are not locked.
Xapian::Stem remembering_stemmer(Xapian::Stem inner, std::size_t capacity);

} // namespace pressroom
