#include "metrics.h"

#include <algorithm>
#include <cmath>

namespace pressroom::relevance {

namespace {

// 0 when not relevant; 2 for the most relevant id, 1 for the others.
int grade(const std::vector<std::string> &relevant, const std::string &id) {
    auto it = std::find(relevant.begin(), relevant.end(), id);
    if (it == relevant.end())
        return 0;
    return it == relevant.begin() ? 2 : 1;
}

double gain(int g) { return std::pow(2.0, g) - 1.0; }

} // namespace

double reciprocal_rank(const std::vector<std::string> &ranked, const std::vector<std::string> &relevant,
                       std::size_t k) {
    for (std::size_t i = 0; i < std::min(k, ranked.size()); ++i)
        if (grade(relevant, ranked[i]) > 0)
            return 1.0 / static_cast<double>(i + 1);
    return 0;
}

double ndcg(const std::vector<std::string> &ranked, const std::vector<std::string> &relevant, std::size_t k) {
    double dcg = 0, ideal = 0;
    for (std::size_t i = 0; i < std::min(k, ranked.size()); ++i)
        dcg += gain(grade(relevant, ranked[i])) / std::log2(static_cast<double>(i) + 2);
    for (std::size_t i = 0; i < std::min(k, relevant.size()); ++i)
        ideal += gain(i == 0 ? 2 : 1) / std::log2(static_cast<double>(i) + 2);
    return ideal > 0 ? dcg / ideal : 0;
}

double recall(const std::vector<std::string> &ranked, const std::vector<std::string> &relevant, std::size_t k) {
    if (relevant.empty())
        return 0;
    std::size_t found = 0;
    for (std::size_t i = 0; i < std::min(k, ranked.size()); ++i)
        if (grade(relevant, ranked[i]) > 0)
            ++found;
    return static_cast<double>(found) / static_cast<double>(std::min(k, relevant.size()));
}

} // namespace pressroom::relevance
