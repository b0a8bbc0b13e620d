#include "stem_cache.h"

#include <functional>
#include <string>
#include <vector>

namespace pressroom {

namespace {

// Longer words are rare, and each would push out a common word.
constexpr std::size_t kLongestRemembered = 24;

// A direct-mapped table: each word has one slot, chosen by its hash, and a new word takes the
// slot from the one there. No allocation once the slots' strings have grown, no rehashing,
// and the frequent words, met again and again, keep their slots.
class RememberingStem : public Xapian::StemImplementation {
  public:
    RememberingStem(Xapian::Stem inner, std::size_t capacity) : m_inner(std::move(inner)) {
        std::size_t slots = 1;
        while (slots < capacity)
            slots *= 2;
        m_slots.resize(slots);
        m_mask = slots - 1;
    }

    std::string operator()(const std::string &word) override {
        if (word.size() > kLongestRemembered || word.empty())
            return m_inner(word);
        Slot &slot = m_slots[std::hash<std::string>{}(word)&m_mask];
        if (slot.word != word) {
            slot.word = word;
            slot.stem = m_inner(word);
        }
        return slot.stem;
    }

    std::string get_description() const override { return "remembering " + m_inner.get_description(); }

  private:
    struct Slot {
        std::string word, stem; // word empty: unused
    };
    Xapian::Stem m_inner;
    std::vector<Slot> m_slots;
    std::size_t m_mask = 0;
};

} // namespace

Xapian::Stem remembering_stemmer(Xapian::Stem inner, std::size_t capacity) {
    if (inner.is_none() || capacity == 0)
        return inner;
    return Xapian::Stem(new RememberingStem(std::move(inner), capacity));
}

} // namespace pressroom
