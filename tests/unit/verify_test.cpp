// Word-by-word comparison of a printed quote with the verbatim one.
#include <catch2/catch.hpp>

#include "verify.h"

using namespace pressroom::searchd;

namespace {
const char *kOriginal = "China’s impact on Seoul’s economy is significant, as Chinese travelers account for the "
                        "majority of tourists visiting Seoul";

std::vector<std::string> kinds(const WordDiff &d) {
    std::vector<std::string> out;
    for (const auto &op : d.ops)
        out.push_back(diff_kind_name(op.kind));
    return out;
}
} // namespace

TEST_CASE("a verbatim excerpt is verbatim, whatever the apostrophes and case", "[verify]") {
    auto d = word_diff("china's impact on Seoul's economy is significant", kOriginal);
    CHECK(d.verbatim);
    CHECK(d.similarity == 1.0);
    CHECK(kinds(d) == std::vector<std::string>{"same"});
}

TEST_CASE("changed, added and missing words are told apart", "[verify]") {
    auto d = word_diff("China’s impact on Korea’s economy is really significant, as travelers account for the majority",
                       kOriginal);
    CHECK_FALSE(d.verbatim);
    REQUIRE(kinds(d) == std::vector<std::string>{"same", "changed", "same", "added", "same", "missing", "same"});
    CHECK(d.ops[1].printed == "Korea’s");
    CHECK(d.ops[1].original == "Seoul’s");
    CHECK(d.ops[3].printed == "really");
    CHECK(d.ops[5].original == "Chinese");
    CHECK(d.similarity > 0.8);
}

TEST_CASE("words found only scattered across a long quotation are not close", "[verify]") {
    auto d = word_diff("the right to vote is the cornerstone of our democracy",
                       "By their own admission the defendants wanted to punish those they believed had the right to "
                       "take part, and the court heard how they planned it; that is not how a vote in our country "
                       "is decided, and the jury saw the cornerstone of the case in the evidence of our witnesses "
                       "and the democracy they tried to intimidate");
    CHECK(d.similarity < 0.6);
    CHECK_FALSE(d.verbatim);
}

TEST_CASE("unrelated text shares almost nothing", "[verify]") {
    auto d = word_diff("bananas grow on trees in warm places", kOriginal);
    CHECK(d.similarity < 0.3);
    CHECK_FALSE(d.verbatim);
}
