#include "schema.h"

#include "text.h"

namespace pressroom::schema {

Xapian::Stem make_stemmer() { return Xapian::Stem(kStemLanguage); }

std::string boolean_term(std::string_view prefix, std::string_view value) {
    std::string term(prefix);
    std::string folded = text::fold_case(text::collapse_whitespace(value));
    std::string_view rest = folded;
    while (!rest.empty()) {
        if (rest.starts_with("\u2019") || rest.starts_with("\u2018")) { // curly apostrophes
            term += '\'';
            rest.remove_prefix(3);
        } else {
            term += rest.front();
            rest.remove_prefix(1);
        }
    }
    return term;
}

} // namespace pressroom::schema
