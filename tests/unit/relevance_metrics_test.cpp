// The ranking measures of the relevance evaluation, on hand-computed cases.
#include <catch2/catch.hpp>

#include <cmath>

#include "metrics.h"

using namespace pressroom::relevance;

TEST_CASE("reciprocal rank is one over the rank of the first relevant hit", "[metrics]") {
    CHECK(reciprocal_rank({"a", "b", "c"}, {"a"}) == 1.0);
    CHECK(reciprocal_rank({"x", "y", "b"}, {"a", "b"}) == Approx(1.0 / 3));
    CHECK(reciprocal_rank({"x", "y"}, {"a"}) == 0.0);
    // beyond the cut-off counts as not found
    CHECK(reciprocal_rank({"x", "a"}, {"a"}, 1) == 0.0);
}

TEST_CASE("nDCG rewards the most relevant release first", "[metrics]") {
    // ideal order: a (grade 2) then b (grade 1)
    CHECK(ndcg({"a", "b"}, {"a", "b"}) == Approx(1.0));
    // swapped: (1 + 3/log2(3)) / (3 + 1/log2(3))
    double swapped = (1.0 + 3.0 / std::log2(3.0)) / (3.0 + 1.0 / std::log2(3.0));
    CHECK(ndcg({"b", "a"}, {"a", "b"}) == Approx(swapped));
    CHECK(ndcg({"x", "y"}, {"a"}) == 0.0);
    CHECK(ndcg({}, {}) == 0.0);
}

TEST_CASE("recall counts relevant releases found in the first k", "[metrics]") {
    CHECK(recall({"a", "x", "b"}, {"a", "b", "c", "d"}) == Approx(0.5));
    // with more relevant releases than k, finding k of them is full recall
    CHECK(recall({"a", "b"}, {"a", "b", "c"}, 2) == Approx(1.0));
    CHECK(recall({"a"}, {}) == 0.0);
}
