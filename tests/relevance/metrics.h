// Ranking quality measures for the relevance evaluation. Pure.
#pragma once

#include <string>
#include <vector>

namespace pressroom::relevance {

// 1/rank of the first relevant id among the first k of `ranked`, or 0.
double reciprocal_rank(const std::vector<std::string> &ranked, const std::vector<std::string> &relevant,
                       std::size_t k = 10);

// nDCG@k with graded gains: the first id listed in `relevant` (the most relevant) has grade 2,
// the others grade 1; gain 2^grade - 1, discount log2(rank + 1).
double ndcg(const std::vector<std::string> &ranked, const std::vector<std::string> &relevant, std::size_t k = 10);

// Share of the relevant ids found in the first k, out of min(k, number relevant).
double recall(const std::vector<std::string> &ranked, const std::vector<std::string> &relevant, std::size_t k = 10);

} // namespace pressroom::relevance
