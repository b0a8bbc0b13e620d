#include "schema.h"

#include "text.h"

namespace pressroom::schema {

Xapian::Stem make_stemmer() { return Xapian::Stem(kStemLanguage); }

std::string boolean_term(std::string_view prefix, std::string_view value) {
    std::string term(prefix);
    term += text::fold_case(text::collapse_whitespace(value));
    return term;
}

} // namespace pressroom::schema
