#include "quotes.h"

#include <algorithm>
#include <array>
#include <optional>

#include <nlohmann/json.hpp>

#include "text.h"

namespace pressroom::quotes {

namespace {

constexpr std::string_view kOpenCurly = "\xE2\x80\x9C";  // “
constexpr std::string_view kCloseCurly = "\xE2\x80\x9D"; // ”

// Words that attribute a quotation to whoever stands next to them.
constexpr std::array kVerbs = {
    "said",      "says",      "say",        "added",      "adds",         "explained", "explains",
    "stated",    "states",    "noted",      "notes",      "remarked",     "commented", "continued",
    "concluded", "declared",  "emphasized", "emphasised", "stressed",     "observed",  "asked",
    "wrote",     "writes",    "told",       "announced",  "argued",       "insisted",  "recalled",
    "replied",   "responded", "urged",      "warned",     "acknowledged", "affirmed",  "predicted",
    "promised",  "cautioned", "explaining", "saying",     "adding",       "according", "reported",
};

// Nouns for writings that speak for their authors: "The letter states, ...".
constexpr std::array kWritings = {"letter", "statement", "op-ed", "editorial", "column"};

// Words of a title or position: in "CCAGW President Tom Schatz" everything up to the last of
// them is the role, the rest the name.
constexpr std::array kTitles = {
    "mayor",
    "senator",
    "sen",
    "sens",
    "senators",
    "rep",
    "reps",
    "representative",
    "congressman",
    "congresswoman",
    "governor",
    "gov",
    "president",
    "secretary",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "commissioner",
    "attorney",
    "general",
    "dr",
    "mr",
    "mrs",
    "ms",
    "judge",
    "chief",
    "minister",
    "ambassador",
    "professor",
    "prof",
    "administrator",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "deputy",
    "assistant",
    "acting",
    "agent",
    "officer",
    "leader",
    "manager",
    "ceo",
    "superintendent",
    "sheriff",
    "captain",
    "councilman",
    "councilwoman",
    "councilmember",
    "councillor",
    "councilor",
    "member",
    "chancellor",
    "premier",
    "whip",
    "founder",
    "coordinator",
    "commander",
    "head",
    "charge",
    "inspector",
    "counsel",
    "justice",
    "vice",
    "executive",
};

// Capitalised words that start sentences but never names.
constexpr std::array kNotNames = {
    "the",  "this", "that", "these", "those",     "it",     "we",   "i",       "they",      "in",      "on",    "at",
    "but",  "and",  "also", "today", "yesterday", "there",  "our",  "my",      "his",       "her",     "their", "as",
    "for",  "if",   "when", "while", "after",     "before", "with", "without", "meanwhile", "however", "a",     "an",
    "i've", "i'm",  "i'd",  "i'll",  "both",      "most",   "many", "some",    "all",       "each",
};

// A word right before the opening mark that makes what follows a name or title, not speech.
constexpr std::array kNamingWords = {
    "titled", "entitled", "called", "named", "dubbed",    "topic", "theme", "slogan", "motto", "headline",
    "the",    "a",        "an",     "as",    "so-called", "known", "term",  "terms",  "word",  "words",
    "phrase", "banner",   "under",  "of",    "our",       "their", "his",   "her",    "its",   "and",
    "or",     "on",       "at",     "for",   "from",      "into",  "aka",   "a.k.a",
};

// The words among those that say what the quoted words name: "a bill entitled “...”". Unlike
// an article or a preposition, they stop quoted words from being speech even after a speech verb.
constexpr std::array kNamesWhat = {"titled", "entitled", "called",   "named",     "dubbed", "topic", "theme",
                                   "slogan", "motto",    "headline", "so-called", "known",  "term",  "terms",
                                   "word",   "words",    "phrase",   "banner",    "aka",    "a.k.a"};

// Abbreviations whose full stop does not end a sentence.
constexpr std::array kAbbreviations = {"sen", "sens", "rep", "reps", "gov", "dr", "mr",  "mrs",  "ms",   "st",
                                       "jr",  "sr",   "u.s", "d.c",  "no",  "lt", "gen", "col",  "sgt",  "prof",
                                       "inc", "corp", "co",  "vs",   "u.n", "mt", "ft",  "capt", "cmdr", "adm"};

// The first bytes are compared before the whole word: the indexer asks this of every word of
// every release, and measuring each listed word's length first was 4% of its time.
template <std::size_t N> bool in(const std::array<const char *, N> &list, std::string_view word) {
    char first = word.empty() ? '\0' : word.front();
    return std::any_of(list.begin(), list.end(), [&](const char *w) { return w[0] == first && word == w; });
}

using text::lower_ascii;

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

// A word as it stands in the text, and the same without surrounding punctuation.
struct Token {
    std::string_view raw;
    std::string word;  // lower case, punctuation stripped from both ends (inner full stops kept)
    std::string plain; // as written, punctuation stripped from both ends
    std::size_t offset = 0;
    bool ends_clause() const { return !raw.empty() && (raw.back() == ',' || raw.back() == ';' || raw.back() == ':'); }
    bool capitalised() const { return !plain.empty() && is_upper(plain[0]); }
};

bool is_edge_punct(char c) {
    return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '(' || c == ')' || c == '"' ||
           c == '\'' || c == '[' || c == ']';
}

std::string strip(std::string_view s) {
    // Curly marks are multi-byte; treat them as punctuation too.
    auto strip_front = [](std::string_view &v) {
        for (;;) {
            if (!v.empty() && is_edge_punct(v.front()))
                v.remove_prefix(1);
            else if (v.size() >= 3 && static_cast<unsigned char>(v[0]) == 0xE2 &&
                     static_cast<unsigned char>(v[1]) == 0x80)
                v.remove_prefix(3);
            else
                return;
        }
    };
    auto strip_back = [](std::string_view &v) {
        for (;;) {
            if (!v.empty() && is_edge_punct(v.back()))
                v.remove_suffix(1);
            else if (v.size() >= 3 && static_cast<unsigned char>(v[v.size() - 3]) == 0xE2 &&
                     static_cast<unsigned char>(v[v.size() - 2]) == 0x80)
                v.remove_suffix(3);
            else
                return;
        }
    };
    strip_front(s);
    strip_back(s);
    return std::string(s);
}

std::vector<Token> tokenize(std::string_view s, std::size_t base = 0) {
    std::vector<Token> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ')
            ++i;
        std::size_t start = i;
        while (i < s.size() && s[i] != ' ')
            ++i;
        if (i > start) {
            Token t;
            t.raw = s.substr(start, i - start);
            t.plain = strip(t.raw);
            for (std::string_view suffix : {std::string_view("'s"), std::string_view("\xE2\x80\x99s")})
                if (t.plain.size() > suffix.size() + 1 &&
                    t.plain.compare(t.plain.size() - suffix.size(), suffix.size(), suffix) == 0)
                    t.plain.resize(t.plain.size() - suffix.size());
            t.word = lower_ascii(t.plain);
            t.offset = base + start;
            out.push_back(std::move(t));
        }
    }
    return out;
}

bool is_abbreviation(const Token &t) {
    std::string w = t.word;
    if (w.size() == 1 && is_upper(t.plain[0]))
        return true; // an initial
    if (w.find('.') != std::string::npos)
        return true; // "M.D.", "U.S.", "Ph.D."
    return in(kAbbreviations, w);
}

bool is_title(const Token &t) {
    std::string w = t.word;
    w.erase(std::remove(w.begin(), w.end(), '.'), w.end());
    return in(kTitles, w);
}

// "you" stands for the addressee of a letter the release prints ("Dear Secretary Chertoff:").
bool is_pronoun(const Token &t) { return t.word == "he" || t.word == "she" || t.word == "you"; }

// A speech verb; capitalised, it is part of a name ("United States") or opens a sentence,
// which the callers that allow it check for themselves.
bool is_verb(const Token &t) { return !t.capitalised() && in(kVerbs, t.word); }

// Small words inside names: "Ludwig van Beethoven".
bool is_particle(const Token &t) { return t.word == "de" || t.word == "van" || t.word == "von" || t.word == "da"; }

bool is_connector(const Token &t) {
    return t.word == "of" || t.word == "for" || t.word == "and" || t.word == "on" || t.word == "the" ||
           t.word == "in" || t.word == "de" || t.word == "van" || t.word == "von" || t.word == "da";
}

// A nickname in a name: "John D. (Jay) Rockefeller IV".
bool is_nickname(const Token &t) {
    if (t.raw.size() < 4 || t.raw.front() != '(' || t.raw.back() != ')' || !t.capitalised() || t.plain.size() < 2)
        return false;
    return std::all_of(t.plain.begin() + 1, t.plain.end(), [](char c) { return is_lower(c); });
}

// A "(D-HI)" party tag after a name, or one written bare: "Joseph R. Biden, D-Del,".
bool is_party_tag(const Token &t) {
    if (t.raw.empty())
        return false;
    if (t.raw.front() == '(')
        return t.raw.size() <= 12 && !is_nickname(t);
    const std::string &p = t.plain;
    return p.size() >= 3 && p.size() <= 8 && (p[0] == 'D' || p[0] == 'R' || p[0] == 'I') && p[1] == '-' &&
           is_upper(p[2]);
}

// Can this token be part of a name or a title? "Park", "Won-soon", "J.", "U.S.", "Veterans'".
bool name_like(const Token &t) {
    if (!t.capitalised())
        return false;
    if (t.raw.front() == '(')
        return is_nickname(t);
    return true;
}

// Where the sentence containing position `end` of s starts: after the last ". " that is not
// an abbreviation, or after `floor`.
std::size_t sentence_start(std::string_view s, std::size_t end, std::size_t floor) {
    auto tokens = tokenize(s.substr(floor, end - floor), floor);
    for (std::size_t k = tokens.size(); k-- > 0;) {
        const Token &t = tokens[k];
        char last = t.raw.back();
        if ((last == '.' || last == '!' || last == '?') && !is_abbreviation(t))
            return t.offset + t.raw.size();
    }
    return floor;
}

// Where the sentence that starts at `begin` ends (just past its full stop), or `ceiling`.
std::size_t sentence_end(std::string_view s, std::size_t begin, std::size_t ceiling) {
    auto tokens = tokenize(s.substr(begin, ceiling - begin), begin);
    for (const Token &t : tokens) {
        char last = t.raw.back();
        if ((last == '.' || last == '!' || last == '?') && !is_abbreviation(t))
            return t.offset + t.raw.size();
    }
    return ceiling;
}

// A person named next to a quotation: "CCAGW President Tom Schatz" gives role "CCAGW
// President", name "Tom Schatz"; "He" gives a pronoun; "the Mayor" a role only.
struct Named {
    std::string name, role, as_written;
    bool pronoun = false;
    bool organisation = false; // "the Washington Post": a body, not a person
    std::string writing;       // "letter" for "the letter states": its author speaks
    bool empty() const { return name.empty() && role.empty() && !pronoun && writing.empty(); }
};

// "The letter" / "their joint statement" in tokens [from, to): the writing's noun, else "".
std::string writing_subject(const std::vector<Token> &tokens, std::size_t from, std::size_t to);

// A word as written: punctuation dropped from its ends, except an abbreviation's full stop.
std::string as_written(const Token &t) {
    if (is_nickname(t))
        return "(" + t.plain + ")";
    std::string out = t.plain;
    std::size_t at = t.raw.find(t.plain);
    if (is_abbreviation(t) && at != std::string_view::npos && at + t.plain.size() < t.raw.size() &&
        t.raw[at + t.plain.size()] == '.')
        out += '.';
    return out;
}

std::string join(const std::vector<Token> &tokens, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t i = from; i < to; ++i)
        out += (out.empty() ? "" : " ") + as_written(tokens[i]);
    return out;
}

std::string normalise_role(std::string role) {
    static const std::pair<const char *, const char *> kExpand[] = {
        {"Sen.", "Senator"}, {"Sens.", "Senators"},     {"Rep.", "Representative"}, {"Gov.", "Governor"},
        {"Sen", "Senator"},  {"Rep", "Representative"}, {"Gov", "Governor"},
    };
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start <= role.size()) {
        std::size_t space = std::min(role.find(' ', start), role.size());
        std::string w = role.substr(start, space - start);
        for (const auto &[from, to] : kExpand)
            if (w == from)
                w = to;
        if (!w.empty() && w != "Mr." && w != "Mrs." && w != "Ms." && w != "Mr" && w != "Mrs" && w != "Ms" &&
            w != "Dr." && w != "Dr")
            words.push_back(w);
        start = space + 1;
    }
    std::string out;
    for (const auto &w : words)
        out += (out.empty() ? "" : " ") + w;
    return out;
}

// How many names "and" joins in a name phrase.
std::size_t joint_count(const std::vector<Token> &tokens, const std::vector<std::size_t> &words) {
    return 1 + static_cast<std::size_t>(
                   std::count_if(words.begin(), words.end(), [&](std::size_t i) { return tokens[i].word == "and"; }));
}

// Splits tokens [from, to) of a name phrase into role and name.
Named split_name(const std::vector<Token> &tokens, std::size_t from, std::size_t to) {
    Named n;
    if (from >= to)
        return n;
    n.as_written = join(tokens, from, to);
    if (to - from == 1 && is_pronoun(tokens[from])) {
        n.pronoun = true;
        return n;
    }
    // Titles stop where a name is followed by "of": in "General Thomas E. Perez of the Justice
    // Department", "Justice" is no title.
    std::size_t last_title = to;
    for (std::size_t i = from; i < to; ++i) {
        if (is_title(tokens[i]))
            last_title = i;
        else if ((tokens[i].word == "of" || tokens[i].word == "for") && last_title != to && last_title + 1 < i)
            break; // a name after the title, then "of"
    }
    std::size_t name_from = last_title != to ? last_title + 1 : tokens[from].word == "the" ? from + 1 : from;
    if (last_title != to)
        n.role = normalise_role(join(tokens, tokens[from].word == "the" ? from + 1 : from, last_title + 1));
    // The person named after a place: the last word, its initials and one word before them
    // ("Michigan Barbara L. McQuade"), when [first, to) holds at least three capitalised words.
    static constexpr std::array kPlaceWords = {
        "security",     "affairs",    "division", "district",       "service",     "office",
        "department",   "justice",    "rights",   "bureau",         "agency",      "states",
        "county",       "city",       "region",   "administration", "enforcement", "investigation",
        "intelligence", "operations", "programs", "unit",           "force",       "section"};
    auto trailing_name = [&](std::size_t first) {
        std::size_t start = to - 1;
        while (start > first && is_abbreviation(tokens[start - 1]) && tokens[start - 1].plain.size() == 1)
            --start;
        // "National Security Olsen": a surname alone after the name of a body.
        return start > first && !in(kPlaceWords, tokens[start - 1].word) ? start - 1 : start;
    };
    auto capitalised_from = [&](std::size_t first) {
        std::size_t run = first;
        while (run < to && tokens[run].capitalised())
            ++run;
        return run == to && to - first >= 3;
    };
    // "U.S. Attorney for the Eastern District of Michigan Barbara L. McQuade"
    if (last_title != to && name_from < to && (tokens[name_from].word == "for" || tokens[name_from].word == "of")) {
        std::size_t last_connector = name_from;
        for (std::size_t k = name_from; k < to; ++k)
            if (!tokens[k].capitalised())
                last_connector = k;
        if (!capitalised_from(last_connector + 1))
            return n;
        name_from = trailing_name(last_connector + 1);
    }
    // A name holds capitalised words only, and ends before "of" ("Harry Reid of Nevada");
    // "and" joins two names ("Senators DeWine and Voinovich").
    std::vector<std::size_t> words;
    for (std::size_t i = name_from; i < to; ++i) {
        if (is_party_tag(tokens[i]))
            continue;
        if (tokens[i].capitalised() || (is_particle(tokens[i]) && i > name_from && i + 1 < to)) {
            words.push_back(i);
        } else if (tokens[i].word == "and" && i > name_from && i + 1 < to) {
            words.push_back(i);
        } else if (is_connector(tokens[i]) && i > name_from) {
            bool of = tokens[i].word == "of" || tokens[i].word == "for";
            if (of && capitalised_from(i + 1)) {
                // "the Eastern District of Michigan Barbara L. McQuade"
                std::size_t start = trailing_name(i + 1);
                words.clear();
                for (std::size_t k = start; k < to; ++k)
                    words.push_back(k);
                name_from = start;
                break;
            }
            // "the District of Rhode Island", "the Western District of New York", "University
            // of Maine": a body, not a person.
            static constexpr std::array kBodies = {"district",   "department", "division", "office", "court",
                                                   "university", "bureau",     "state",    "county", "city"};
            if (of && last_title == to &&
                (words.size() == 1 ||
                 std::any_of(words.begin(), words.end(), [&](std::size_t k) { return in(kBodies, tokens[k].word); })))
                return Named{};
            to = i;
            break;
        } else {
            return last_title == to ? Named{} : n;
        }
    }
    if (!words.empty() && tokens[words.back()].word == "and")
        return Named{};
    if (words.empty() || words.size() > 5 * joint_count(tokens, words))
        return last_title == to ? Named{} : n;
    if (words.size() == 1 && in(kNotNames, tokens[words[0]].word))
        return Named{};
    if (in(kNotNames, tokens[name_from].word))
        return Named{};
    for (std::size_t i : words)
        n.name += (n.name.empty() ? "" : " ") + as_written(tokens[i]);
    n.organisation = last_title == to && tokens[from].word == "the" && name_from == from + 1;
    return n;
}

// A word written with "'s": "Obama's" (its plain form has the ending cut).
bool possessive(const Token &t) {
    std::string written = strip(t.raw);
    return written.size() > t.plain.size() && (written.ends_with("'s") || written.ends_with("\xE2\x80\x99s"));
}

// The name phrase starting at tokens[i]: capitalised words, titles and the small words inside
// a title ("Secretary of State Condoleezza Rice"); stops after a word ending a clause.
std::size_t phrase_end_forward(const std::vector<Token> &tokens, std::size_t i) {
    std::size_t j = i;
    if (j < tokens.size() && tokens[j].word == "the")
        ++j;
    while (j < tokens.size()) {
        const Token &t = tokens[j];
        // "Byron Dorgan (D-ND) and Olympia J. Snowe": a party tag between two names.
        if (is_party_tag(t) && j > i && j + 2 < tokens.size() && tokens[j + 1].word == "and" &&
            name_like(tokens[j + 2]) && !is_title(tokens[j + 2])) {
            ++j;
            continue;
        }
        // "Secretary of State Condoleezza Rice", "U.S. Attorney for the Eastern District"
        bool ok = name_like(t) || (is_connector(t) && j > i && j + 1 < tokens.size() && name_like(tokens[j + 1])) ||
                  (is_connector(t) && t.word != "the" && j > i && j + 2 < tokens.size() &&
                   tokens[j + 1].word == "the" && name_like(tokens[j + 2]));
        if (!ok)
            break;
        ++j;
        char last = t.raw.back();
        // A possessive after a titled name ends it ("Senator Barack Obama's Presidential Run"),
        // unless a title follows ("Nebraska's Senator Ben Nelson", "Senator Smith's Chief of
        // Staff John Doe").
        if (possessive(t) && std::any_of(tokens.begin() + static_cast<long>(i), tokens.begin() + static_cast<long>(j),
                                         [](const Token &x) { return is_title(x); })) {
            std::size_t k = j;
            while (k < tokens.size() && (name_like(tokens[k]) || is_connector(tokens[k])) && !is_title(tokens[k]))
                ++k;
            if (k == tokens.size() || !is_title(tokens[k]))
                break;
        }
        if (t.ends_clause() || (last == ')' && !is_nickname(t)) ||
            ((last == '.' || last == '!' || last == '?') && !is_abbreviation(t)))
            break;
    }
    return j;
}

// The name phrase ending just before tokens[end].
std::size_t phrase_start_backward(const std::vector<Token> &tokens, std::size_t end) {
    std::size_t j = end;
    while (j > 0) {
        const Token &t = tokens[j - 1];
        if (j < end && (t.ends_clause() || ((t.raw.back() == '.') && !is_abbreviation(t))))
            break;
        bool ok = name_like(t) || (is_connector(t) && j < end && j >= 2 && name_like(tokens[j - 2]) && t.word != "the");
        if (!ok) {
            if (t.word == "the" && j < end)
                --j;
            break;
        }
        --j;
    }
    return j;
}

std::string writing_subject(const std::vector<Token> &tokens, std::size_t from, std::size_t to) {
    static constexpr std::array kDeterminers = {"the", "his", "her", "their", "this", "a"};
    if (to < from + 2 || to > from + 3 || !in(kWritings, tokens[to - 1].word) || !in(kDeterminers, tokens[from].word))
        return {};
    if (to == from + 3 && tokens[from + 1].word != "joint")
        return {};
    return tokens[to - 1].word;
}

Named writing_named(const std::vector<Token> &tokens, std::size_t from, std::size_t to) {
    Named n;
    n.writing = writing_subject(tokens, from, to);
    if (!n.writing.empty())
        n.as_written = join(tokens, from, to);
    return n;
}

// Attribution in the words after a closing mark: ", said Mayor Park." / "Senator Inhofe
// said." / "he added." / ", according to X."
Named attribution_after(std::string_view tail) {
    auto tokens = tokenize(tail);
    if (tokens.empty())
        return {};
    std::size_t i = 0;
    if (is_verb(tokens[0])) {
        i = 1;
        if (tokens[0].word == "according") {
            if (tokens.size() < 2 || tokens[1].word != "to")
                return {};
            i = 2;
        }
        if (i < tokens.size() && is_pronoun(tokens[i]))
            return split_name(tokens, i, i + 1);
        std::size_t end = phrase_end_forward(tokens, i);
        Named n = split_name(tokens, i, end);
        // An appositive after the name: "said Tom Schatz, president of CCAGW."
        if (!n.name.empty() && end < tokens.size() && tokens[end - 1].ends_clause() && tokens[end].word != "a" &&
            tokens[end].word != "an") {
            std::size_t stop = end;
            while (stop < tokens.size() && !tokens[stop].ends_clause() && tokens[stop].raw.back() != '.')
                ++stop;
            std::size_t last = std::min(stop + 1, tokens.size());
            if (last > end && last - end <= 12 &&
                (is_lower(tokens[end].plain.empty() ? 'x' : tokens[end].plain[0]) || is_title(tokens[end]) ||
                 tokens[end].capitalised()))
                if (std::any_of(tokens.begin() + static_cast<long>(end), tokens.begin() + static_cast<long>(last),
                                [](const Token &t) { return is_title(t); }))
                    n.role = normalise_role(join(tokens, end, last));
        }
        return n;
    }
    // A name alone: "..., " Senator Mikulski. "..." (the verb left out).
    if (tokens.size() <= 6 && tokens.back().raw.back() == '.' && is_title(tokens.front()) &&
        std::all_of(tokens.begin(), tokens.end(), [](const Token &t) { return name_like(t) || is_party_tag(t); }))
        if (Named n = split_name(tokens, 0, tokens.size()); !n.name.empty())
            return n;
    // Subject then verb, within the first few words: "Senator Inhofe said", "he added".
    for (std::size_t k = 1; k < tokens.size() && k <= 10; ++k) {
        if (!is_verb(tokens[k]) || tokens[k].word == "according")
            continue;
        std::size_t subject_end = k;
        while (subject_end > 0 && is_party_tag(tokens[subject_end - 1]))
            --subject_end;
        // "Tom Schatz, CCAGW President, stated": the name is the part before the first comma.
        std::size_t first_comma = subject_end;
        for (std::size_t j = 0; j < subject_end; ++j)
            if (tokens[j].ends_clause()) {
                first_comma = j + 1;
                break;
            }
        for (std::size_t j = 0; j < first_comma; ++j)
            if (!(name_like(tokens[j]) || is_pronoun(tokens[j]) || is_connector(tokens[j]) || is_party_tag(tokens[j])))
                return {};
        std::size_t name_end = first_comma;
        while (name_end > 0 && is_party_tag(tokens[name_end - 1]))
            --name_end;
        Named n = split_name(tokens, 0, name_end);
        if (!n.name.empty() && n.role.empty() && first_comma < subject_end) {
            bool titled = std::any_of(tokens.begin() + static_cast<long>(first_comma),
                                      tokens.begin() + static_cast<long>(subject_end),
                                      [](const Token &t) { return is_title(t); });
            if (titled)
                n.role = normalise_role(strip(join(tokens, first_comma, subject_end)));
        }
        return n;
    }
    return {};
}

// The speaker named right before the speech verb tokens[verb]: "Mayor Park said", "he added",
// "the letter states", "Dr. Jonathan Perlin, VA Under Secretary for Health, stated". Words that
// stand between a subject and its verb are passed over: "Chertoff had previously stated",
// "Sen. Cornyn today said".
Named subject_before(const std::vector<Token> &tokens, std::size_t verb) {
    static constexpr std::array kBetween = {
        "had",        "has",    "have",  "also",    "previously",   "today",        "yesterday", "recently",
        "repeatedly", "once",   "often", "later",   "earlier",      "then",         "again",     "publicly",
        "long",       "always", "first", "further", "subsequently", "specifically", "similarly", "likewise"};
    std::size_t subject_end = verb;
    while (subject_end > 0 && !tokens[subject_end - 1].capitalised() && in(kBetween, tokens[subject_end - 1].word) &&
           !tokens[subject_end - 1].ends_clause())
        --subject_end;
    while (subject_end > 0 && is_party_tag(tokens[subject_end - 1]))
        --subject_end;
    if (subject_end == 0)
        return {};
    if (is_pronoun(tokens[subject_end - 1]))
        return split_name(tokens, subject_end - 1, subject_end);
    for (std::size_t len : {2u, 3u})
        if (subject_end >= len)
            if (Named w = writing_named(tokens, subject_end - len, subject_end); !w.empty())
                return w;
    // An appositive between commas: "Dr. Jonathan Perlin, VA Under Secretary for Health, stated"
    std::string role;
    std::size_t appositive_end = subject_end;
    if (tokens[subject_end - 1].ends_clause()) {
        std::size_t j = subject_end - 1;
        while (j > 0 && !tokens[j - 1].ends_clause())
            --j;
        if (j == 0)
            return {};
        bool titled =
            std::any_of(tokens.begin() + static_cast<long>(j), tokens.begin() + static_cast<long>(subject_end),
                        [](const Token &t) { return is_title(t); });
        if (!titled)
            return {};
        role = normalise_role(strip(join(tokens, j, subject_end)));
        subject_end = j;
        while (subject_end > 0 && is_party_tag(tokens[subject_end - 1]))
            --subject_end;
    }
    std::size_t start = phrase_start_backward(tokens, subject_end);
    // "The Senator from Vermont, Senator Leahy, said": the subject is a description and the
    // appositive names the person.
    if (!role.empty() && start > 0 && (tokens[start - 1].word == "from" || tokens[start - 1].word == "of")) {
        Named a = split_name(tokens, subject_end, appositive_end);
        return !a.name.empty() && !a.role.empty() ? a : Named{};
    }
    Named n = split_name(tokens, start, subject_end);
    if (n.role.empty())
        n.role = role;
    return n;
}

// Attribution in the words before an opening mark: "He added," / "Mayor Park said" /
// "Dr. Jonathan Perlin, VA Under Secretary for Health, stated," / "According to X,".
Named attribution_before(std::string_view head) {
    auto tokens = tokenize(head);
    if (tokens.empty())
        return {};
    // "According to Senator X, ..."
    for (std::size_t k = 0; k + 2 < tokens.size(); ++k)
        if (tokens[k].word == "according" && tokens[k + 1].word == "to") {
            std::size_t end = phrase_end_forward(tokens, k + 2);
            return split_name(tokens, k + 2, end);
        }
    // Verb first: "Said Schumer, ...".
    static constexpr std::array kInverted = {"said", "added", "asked", "continued", "wrote", "noted"};
    if (in(kInverted, tokens[0].word) && tokens[0].capitalised() && tokens.size() >= 2 &&
        phrase_end_forward(tokens, 1) == tokens.size())
        return split_name(tokens, 1, tokens.size());
    // The last attribution verb, followed by at most six lower-case words ("said in a
    // statement", "told reporters", "said the bill"), or by a clause opened with "that", which
    // may name others ("reported Friday that economists from Moody's").
    static constexpr std::array kDays = {"today",    "yesterday", "monday",   "tuesday", "wednesday",
                                         "thursday", "friday",    "saturday", "sunday"};
    std::size_t verb = tokens.size();
    for (std::size_t k = tokens.size(); k-- > 0 && tokens.size() - k <= 14;)
        if (is_verb(tokens[k]) && tokens[k].word != "according") {
            verb = k;
            break;
        }
    if (verb < tokens.size()) {
        // "told the Committee that", "reported Friday that"
        bool that_clause = false;
        for (std::size_t j = verb + 1; j < tokens.size() && j <= verb + 5 && !that_clause; ++j)
            that_clause = tokens[j].word == "that";
        if (!that_clause) {
            for (std::size_t j = verb + 1; j < tokens.size(); ++j)
                if (tokens[j].capitalised() && !is_pronoun(tokens[j]) && !in(kDays, tokens[j].word))
                    return {};
            if (tokens.size() - verb > 7)
                verb = tokens.size();
        }
    }
    if (verb == tokens.size()) {
        // "He spoke with officials and promised to help them "get back on their feet"": the
        // subject that opens the sentence, when a speech verb follows it.
        bool speech = std::any_of(tokens.begin() + 1, tokens.end(),
                                  [](const Token &t) { return is_verb(t) && t.word != "according"; });
        if (!speech)
            return {};
        if (is_pronoun(tokens[0]))
            return split_name(tokens, 0, 1);
        std::size_t end = phrase_end_forward(tokens, 0);
        if (end < tokens.size() && is_verb(tokens[end]))
            return split_name(tokens, 0, end);
        return {};
    }
    return subject_before(tokens, verb);
}

// One stretch between quotation marks.
struct Span {
    std::size_t para = 0;
    std::size_t open = 0;       // offset of the opening mark
    std::size_t text_begin = 0; // first byte after it
    std::size_t close = 0;      // offset of the closing mark, or the paragraph's size
    std::size_t after = 0;      // first byte after the closing mark
    bool closed = false;
};

// The quotation spans of one paragraph, in order. `carried`: a quotation left open by the
// paragraph before continues here when this paragraph opens with a mark.
std::vector<Span> paragraph_spans(const std::string &p, std::size_t para) {
    std::vector<Span> spans;
    std::optional<Span> current;
    std::size_t i = 0;
    while (i < p.size()) {
        bool curly_open = p.compare(i, 3, kOpenCurly) == 0;
        bool curly_close = p.compare(i, 3, kCloseCurly) == 0;
        bool straight = p[i] == '"';
        std::size_t width = straight ? 1 : 3;
        if (!curly_open && !curly_close && !straight) {
            ++i;
            continue;
        }
        bool opens = curly_open || (straight && !current);
        if (opens && !current) {
            current = Span{para, i, i + width, p.size(), p.size(), false};
        } else if (current && (curly_close || straight)) {
            current->close = i;
            current->after = i + width;
            current->closed = true;
            spans.push_back(*current);
            current.reset();
        }
        i += width;
    }
    if (current)
        spans.push_back(*current);
    return spans;
}

bool starts_with_open_mark(std::string_view p) { return (!p.empty() && p[0] == '"') || p.substr(0, 3) == kOpenCurly; }

// The words after a closing mark up to the end of their sentence or the next mark, without
// the comma or spaces they start with; `end` is where they end in the paragraph.
struct Tail {
    std::string_view text;
    std::size_t end = 0;
};

Tail tail_of(std::string_view p, const Span &s) {
    if (!s.closed)
        return {{}, s.after};
    std::size_t ceiling = p.size();
    for (std::size_t i = s.after; i < p.size(); ++i)
        if (p[i] == '"' || p.compare(i, 3, kOpenCurly) == 0) {
            ceiling = i;
            break;
        }
    std::size_t end = sentence_end(p, s.after, ceiling);
    std::string_view text = p.substr(s.after, end - s.after);
    while (!text.empty() && (text.front() == ',' || text.front() == ' '))
        text.remove_prefix(1);
    return {text, end};
}

// A quotation as found: its spans (several when it runs over paragraphs or is split by its
// attribution) and how it was attributed.
struct Found {
    std::vector<Span> spans;
    Named named;
    bool attributed = false;
};

std::string span_text(const std::vector<std::string> &paragraphs, const Span &s) {
    std::string_view p = paragraphs[s.para];
    std::string t = text::collapse_whitespace(p.substr(s.text_begin, s.close - s.text_begin));
    while (!t.empty() && (t.back() == ',' || t.back() == ' '))
        t.pop_back();
    return t;
}

std::size_t word_count(std::string_view s) { return tokenize(s).size(); }

bool title_case(std::string_view s) {
    auto tokens = tokenize(s);
    std::size_t capitals = 0, words = 0;
    for (const auto &t : tokens) {
        if (t.word.empty() || is_connector(t) || t.word == "a" || t.word == "to")
            continue;
        ++words;
        capitals += t.capitalised() ? 1 : 0;
    }
    return words > 0 && capitals * 10 >= words * 7;
}

// The word right before an opening mark, lower case.
std::string word_before(std::string_view head) {
    auto tokens = tokenize(head);
    return tokens.empty() ? std::string() : tokens.back().word;
}

// A person the release names, and where: mentions complete short forms and pronouns.
struct Mention {
    std::string name, role;
    std::size_t para = 0, offset = 0;
    bool group = false;     // "Senators A, B and C" together, for "the Senators"
    bool addressee = false; // "Dear Secretary Chertoff:", for "you"
    bool weak = false;      // named without a title: only completes a surname nothing else does
};

std::vector<std::string> name_words(std::string_view name) {
    std::vector<std::string> out;
    for (const auto &t : tokenize(name)) {
        std::string w = t.word;
        std::size_t start = 0;
        while (start <= w.size()) {
            std::size_t dash = std::min(w.find('-', start), w.size());
            if (dash > start)
                out.push_back(w.substr(start, dash - start));
            start = dash + 1;
        }
    }
    return out;
}

// Whether every word of a short form ("Mayor Park" as {"park"}) is among the words of a name.
bool part_of(const std::vector<std::string> &words, const std::string &name) {
    auto full = name_words(name);
    return std::all_of(words.begin(), words.end(),
                       [&](const std::string &w) { return std::find(full.begin(), full.end(), w) != full.end(); });
}

// "DeWine and Voinovich" as {"DeWine", "Voinovich"}, "A, B and C" as {"A", "B", "C"}; one
// name as itself.
std::vector<std::string> joint_parts(const std::string &name) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= name.size()) {
        std::size_t and_at = name.find(" and ", start), comma_at = name.find(", ", start);
        std::size_t at = std::min({and_at, comma_at, name.size()});
        std::string part(text::trim(std::string_view(name).substr(start, at - start)));
        if (!part.empty())
            parts.push_back(part);
        start = at + (at == and_at ? 5 : 2);
    }
    return parts;
}

// {"A", "B", "C"} as "A, B and C".
std::string join_names(const std::vector<std::string> &names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i)
        out += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
    return out;
}

bool plural_role(const std::string &role) {
    std::string r = lower_ascii(role);
    return r == "senators" || r == "representatives";
}

// "Senators" as "Senator": the title of each of the people a plural title names.
std::string singular_role(const std::string &role) {
    if (role == "Senators")
        return "Senator";
    if (role == "Representatives")
        return "Representative";
    return role;
}

// Whether a titled phrase names a body, not a person: "General Services Administration".
bool body_name(const std::string &name) {
    static constexpr std::array kBodies = {
        "administration", "services",   "service",     "department", "agency",     "committee",   "commission",
        "office",         "bureau",     "council",     "board",      "corps",      "act",         "program",
        "fund",           "foundation", "association", "institute",  "university", "center",      "court",
        "hospital",       "authority",  "conference",  "caucus",     "division",   "departments", "web"};
    auto words = name_words(name);
    return std::any_of(words.begin(), words.end(), [](const std::string &w) { return in(kBodies, lower_ascii(w)); });
}

// People named with a title anywhere in the release: "Mayor Park Won Soon", "Sen. Mark
// Dayton", "Senator Olympia J. Snowe".
std::vector<Mention> titled_mentions(const std::vector<std::string> &paragraphs) {
    std::vector<Mention> out;
    for (std::size_t p = 0; p < paragraphs.size(); ++p) {
        auto tokens = tokenize(paragraphs[p]);
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            if (!is_title(tokens[i]) || !tokens[i].capitalised())
                continue;
            std::size_t end = phrase_end_forward(tokens, i);
            Named n = split_name(tokens, i, end);
            std::vector<std::string> members;
            // A name has no digits or brackets: "Senator Craig Appropriations Process Issue
            // Brief[1]" is a heading.
            for (const auto &name : joint_parts(n.name))
                if (!n.role.empty() && name_words(name).size() >= 2 &&
                    name.find_first_of("0123456789[]") == std::string::npos && !body_name(name)) {
                    out.push_back({name, singular_role(n.role), p, tokens[i].offset});
                    members.push_back(name);
                }
            // A list after a plural title: "Sens. Dianne Feinstein (D-Calif.), Chuck Hagel
            // (R-Neb.), and Barbara Mikulski (D-Md.)".
            if (!n.role.empty() && (tokens[i].word == "sens" || tokens[i].word == "senators")) {
                std::size_t j = end;
                while (j < tokens.size()) {
                    if (is_party_tag(tokens[j]) || tokens[j].word == "and" || tokens[j].raw.back() == ')') {
                        ++j;
                        continue;
                    }
                    if (!name_like(tokens[j]))
                        break;
                    std::size_t k = j;
                    while (k < tokens.size() && name_like(tokens[k]) && !is_party_tag(tokens[k])) {
                        ++k;
                        if (tokens[k - 1].ends_clause())
                            break;
                    }
                    std::vector<Token> one(tokens.begin() + static_cast<long>(j),
                                           tokens.begin() + static_cast<long>(k));
                    std::string name = join(one, 0, one.size());
                    if (name_words(name).size() >= 2 && name_words(name).size() <= 4) {
                        out.push_back({name, singular_role(n.role), p, tokens[j].offset});
                        members.push_back(name);
                    }
                    bool more = k < tokens.size() &&
                                (tokens[k - 1].ends_clause() || is_party_tag(tokens[k]) || tokens[k].word == "and");
                    j = k;
                    if (!more)
                        break;
                }
                end = std::max(end, j);
            }
            if (plural_role(n.role) && members.size() >= 2)
                out.push_back({join_names(members), n.role, p, tokens[i].offset, true});
            i = std::max(i, end == 0 ? i : end - 1);
        }
    }
    return out;
}

// Full names written without a title: "Max Baucus", "Orrin G. Hatch".
void add_untitled_names(const std::vector<std::string> &paragraphs, std::vector<Mention> &mentions) {
    for (std::size_t p = 0; p < paragraphs.size(); ++p) {
        auto tokens = tokenize(paragraphs[p]);
        for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
            // Capitalised words that are not first names: "Both Bayh and Lugar", "Senate Democrats".
            static constexpr std::array kNotFirstNames = {
                "both",      "each",        "every",    "all",        "since",     "because", "although",  "though",
                "under",     "over",        "last",     "next",       "then",      "now",     "here",      "senate",
                "house",     "state",       "states",   "federal",    "national",  "united",  "new",       "congress",
                "democrats", "republicans", "democrat", "republican", "committee", "today",   "yesterday", "thanks"};
            auto plain_word = [&](std::size_t k) {
                std::string singular = tokens[k].word;
                if (singular.size() > 3 && singular.back() == 's')
                    singular.pop_back(); // "Generals Casey"
                bool has_lower = std::any_of(tokens[k].plain.begin(), tokens[k].plain.end(), is_lower);
                return name_like(tokens[k]) && has_lower && !is_title(tokens[k]) && !in(kTitles, singular) &&
                       !in(kVerbs, tokens[k].word) && !in(kNotNames, tokens[k].word) &&
                       !in(kNotFirstNames, tokens[k].word) && tokens[k].raw.back() != '.' && !tokens[k].ends_clause();
            };
            if (!plain_word(i) || tokens[i].plain.size() < 2)
                continue;
            std::size_t last = i + 1;
            if (last + 1 < tokens.size() && is_abbreviation(tokens[last]) && tokens[last].plain.size() == 1)
                ++last; // a middle initial
            const Token &t = tokens[last];
            if (!name_like(t) || is_title(t) || is_party_tag(t) || in(kNotNames, t.word) || t.plain.size() < 2 ||
                !std::any_of(t.plain.begin(), t.plain.end(), is_lower))
                continue;
            mentions.push_back({join(tokens, i, last + 1), "", p, tokens[i].offset, false, false, true});
        }
    }
}

bool before(const Mention &m, std::size_t para, std::size_t offset) {
    return m.para < para || (m.para == para && m.offset < offset);
}

// A person named in full once and by surname after ("Sen. Pete Domenici ..." then "Domenici
// says he ..."): each later surname is a mention too, so a pronoun goes to whoever was named
// last, however briefly. A surname two people share completes to neither.
void add_surname_mentions(const std::vector<std::string> &paragraphs, std::vector<Mention> &mentions) {
    std::vector<Mention> found;
    for (std::size_t p = 0; p < paragraphs.size(); ++p) {
        // Names the narrator uses, not those inside quotations.
        auto spans = paragraph_spans(paragraphs[p], p);
        auto tokens = tokenize(paragraphs[p]);
        for (std::size_t k = 0; k < tokens.size(); ++k) {
            const Token &t = tokens[k];
            if (!t.capitalised() || is_title(t) || t.plain.size() < 3 ||
                std::any_of(spans.begin(), spans.end(),
                            [&](const Span &q) { return t.offset >= q.open && t.offset < q.after; }))
                continue;
            // As the subject of a clause ("Domenici says he ...", "after Sanders told ..."), not
            // as a modifier ("The first Feinstein bill", "Craig's new Press Secretary").
            static constexpr std::array kOpeners = {"and",   "but",     "when", "after", "as",
                                                    "while", "because", "then", "that"};
            std::size_t prev = k > 0 && is_title(tokens[k - 1]) ? k - 1 : k;
            const Token *before_it = prev > 0 ? &tokens[prev - 1] : nullptr;
            char end = before_it ? before_it->raw.back() : '.';
            bool opens = !before_it || before_it->ends_clause() || in(kOpeners, before_it->word) ||
                         ((end == '.' || end == '!' || end == '?') && !is_abbreviation(*before_it));
            bool next_verb = k + 1 < tokens.size() && is_verb(tokens[k + 1]);
            bool next_name = k + 1 < tokens.size() && tokens[k + 1].capitalised();
            // Part of another name: "Barb Johnson said" is not Sen. Tim Johnson.
            bool fuller = prev == k && before_it && before_it->capitalised() && before_it->raw.back() != '.' &&
                          !before_it->ends_clause();
            if (fuller || (!next_verb && (!opens || next_name || possessive(t))))
                continue;
            const Mention *person = nullptr;
            bool shared = false;
            for (const auto &m : mentions) {
                if (m.group || m.addressee || m.weak || !before(m, p, t.offset + 1))
                    continue;
                auto words = name_words(m.name);
                if (words.size() < 2 || words.back() != t.word)
                    continue;
                shared = shared || (person && speaker_key(person->name) != speaker_key(m.name));
                person = &m;
            }
            if (person && !shared)
                found.push_back({person->name, person->role, p, t.offset});
        }
    }
    mentions.insert(mentions.end(), found.begin(), found.end());
}

// The addressee of a letter the release prints: "Dear Secretary Chertoff:".
void add_addressees(const std::vector<std::string> &paragraphs, std::vector<Mention> &mentions);

// Whether two titles can belong to one person: "President Bush" is not "Governor Jeb Bush",
// "Senator Reid" may be "Senate Democratic Leader Harry Reid".
bool same_office(const std::string &a, const std::string &b) {
    static constexpr std::array kOffices = {"president",     "governor", "senator", "representative", "congressman",
                                            "congresswoman", "mayor",    "judge",   "secretary"};
    auto offices = [](const std::string &role) {
        std::vector<std::string> out;
        for (const auto &t : tokenize(lower_ascii(role)))
            if (in(kOffices, t.word))
                out.push_back(t.word == "congressman" || t.word == "congresswoman" ? "representative" : t.word);
        return out;
    };
    auto x = offices(a), y = offices(b);
    if (x.empty() || y.empty())
        return true;
    return std::any_of(x.begin(), x.end(),
                       [&](const std::string &w) { return std::find(y.begin(), y.end(), w) != y.end(); });
}

// Completes a name as written next to a quotation from the people the release names.
void resolve_one(Quote &q, const Named &n, const std::vector<Mention> &mentions, std::size_t para, std::size_t offset) {
    auto parts = joint_parts(n.name);
    if (parts.size() > 1) {
        // Several speakers at once: each completed on its own.
        q.attributed_as = n.as_written;
        q.role = n.role;
        std::vector<std::string> speakers;
        for (const auto &part : parts) {
            Quote one;
            Named single = n;
            single.name = part;
            single.role = singular_role(n.role);
            resolve_one(one, single, mentions, para, offset);
            speakers.push_back(one.speaker);
        }
        q.speaker = join_names(speakers);
        return;
    }
    q.attributed_as = n.as_written;
    q.role = n.role;
    const Mention *found = nullptr;
    if (n.pronoun) {
        bool you = lower_ascii(n.as_written) == "you";
        for (const auto &m : mentions)
            if (!m.group && !m.weak && m.addressee == you && before(m, para, offset) &&
                (!found || before(*found, m.para, m.offset)))
                found = &m;
    } else if (!n.name.empty() && name_words(n.name).size() >= 2) {
        q.speaker = n.name;
        return;
    } else {
        // A surname ("Dayton"), a short form ("Mayor Park"), a role alone ("the Mayor") or
        // several people by their role ("the Senators").
        auto words = name_words(n.name);
        bool plural = words.empty() && plural_role(n.role);
        // Named elsewhere with a title of another office: "Governor Jeb Bush" is not "President Bush".
        auto other_office = [&](const std::string &name) {
            return std::any_of(mentions.begin(), mentions.end(), [&](const Mention &o) {
                return !o.weak && !o.role.empty() && speaker_key(o.name) == speaker_key(name) &&
                       !same_office(n.role, o.role);
            });
        };
        auto matches = [&](const Mention &m) {
            if (m.group != plural || m.weak || m.addressee || !same_office(n.role, m.role))
                return false;
            if (words.empty())
                return !n.role.empty() && lower_ascii(m.role).find(lower_ascii(n.role)) != std::string::npos;
            return name_words(m.name).size() > words.size() && part_of(words, m.name);
        };
        for (const auto &m : mentions)
            if (matches(m) && before(m, para, offset) && (!found || before(*found, m.para, m.offset)))
                found = &m;
        if (!found)
            for (const auto &m : mentions)
                if (matches(m)) {
                    found = &m;
                    break;
                }
        // "Senator Reed" after "Senate Democrats Max Baucus and Jack Reed": a full name the
        // release gives without a title.
        if (!found && !words.empty())
            for (const auto &m : mentions)
                if (m.weak && name_words(m.name).back() == words.back() && same_office(n.role, m.role) &&
                    !other_office(m.name) && (!found || (before(m, para, offset) && before(*found, m.para, m.offset))))
                    found = &m;
        if (!found) {
            q.speaker = n.name;
            return;
        }
    }
    if (found) {
        q.speaker = found->name;
        if (q.role.empty())
            q.role = found->role;
    }
}

// resolve_one, then no lone generic word for a speaker: "the Justice Departments" (a mangled
// "Department’s") names no one; "the Congressional Budget Office" stays a source.
void resolve(Quote &q, const Named &n, const std::vector<Mention> &mentions, std::size_t para, std::size_t offset) {
    resolve_one(q, n, mentions, para, offset);
    if (name_words(q.speaker).size() == 1 && body_name(q.speaker))
        q.speaker.clear();
}

void add_addressees(const std::vector<std::string> &paragraphs, std::vector<Mention> &mentions) {
    for (std::size_t p = 0; p < paragraphs.size(); ++p) {
        auto tokens = tokenize(paragraphs[p]);
        if (tokens.size() < 2 || tokens.size() > 8 || tokens[0].plain != "Dear")
            continue;
        Named n = split_name(tokens, 1, phrase_end_forward(tokens, 1));
        if (n.name.empty())
            continue;
        Quote whom;
        resolve(whom, n, mentions, p, 0);
        if (!whom.speaker.empty())
            mentions.push_back({whom.speaker, whom.role, p, 0, false, true});
    }
}

// Who wrote the letter that "the letter states" quotes: the people named in the latest
// paragraph before the quotation that speaks of a letter, several together when the release
// names them so, else the first of them.
Named author_of(const std::string &writing, const std::vector<std::string> &paragraphs,
                const std::vector<Mention> &mentions, std::size_t para, std::size_t offset) {
    const Mention *found = nullptr;
    for (const auto &m : mentions) {
        // The sender is named before the letter: "Senator X sent a letter to Secretary Y".
        std::size_t at = lower_ascii(paragraphs[m.para]).find(writing, m.offset);
        if (!before(m, para, offset) || at == std::string::npos)
            continue;
        if (!found || m.para > found->para || (m.para == found->para && m.group && !found->group))
            found = &m;
    }
    Named n;
    if (found) {
        n.name = found->name;
        n.role = found->role;
    }
    return n;
}

// `n` when it names one person: with a title, or a name the release gives with a title.
Named one_person(Named n, const std::vector<Mention> &mentions) {
    if (n.name.empty() || joint_parts(n.name).size() > 1)
        return {};
    auto words = name_words(n.name);
    bool known = std::any_of(mentions.begin(), mentions.end(),
                             [&](const Mention &m) { return !m.group && !m.weak && part_of(words, m.name); });
    return !n.role.empty() || known ? n : Named{};
}

// The person a sentence opens with: "Senator McConnell has been leading the fight ..." or
// "He praised ...". Only titled people, pronouns and people the release has named count.
Named sentence_subject(std::string_view sentence, const std::vector<Mention> &mentions) {
    auto tokens = tokenize(sentence);
    if (tokens.empty())
        return {};
    if (is_pronoun(tokens[0]))
        return split_name(tokens, 0, 1);
    std::size_t end = phrase_end_forward(tokens, 0);
    if (end == 0 || end >= tokens.size() || tokens[end - 1].ends_clause() || tokens[end].capitalised())
        return {};
    return one_person(split_name(tokens, 0, end), mentions);
}

// A quotation that opens a sentence with no attribution of its own, after a sentence of the
// same paragraph opened by a person: that person speaks.
Named lead_subject(std::string_view p, std::size_t floor, std::size_t head_from, std::size_t open,
                   const std::vector<Mention> &mentions) {
    if (open == 0 || !text::trim(p.substr(head_from, open - head_from)).empty())
        return {};
    std::size_t end = head_from;
    while (end > floor && p[end - 1] == ' ')
        --end;
    if (end <= floor + 1)
        return {};
    std::size_t from = sentence_start(p, end - 1, floor);
    std::string_view sentence = p.substr(from, end - from);
    if (sentence.find('"') != std::string_view::npos || sentence.find(kOpenCurly) != std::string_view::npos)
        return {};
    return sentence_subject(sentence, mentions);
}

// Verbs that quote someone in passing after "as": "Johnson described the extenders as “...”".
constexpr std::array kDescribingVerbs = {"described",  "describes",  "characterized", "characterised", "characterizes",
                                         "hailed",     "hails",      "praised",       "praises",       "denounced",
                                         "criticized", "criticised", "condemned",     "welcomed",      "welcomes"};

// The person whose words are quoted in passing after a describing verb and "as": "In the
// letter, Johnson described these tax extenders as “...”", "Senator Stevens characterized
// the delay as a matter of “extreme urgency.”". The subject is the name phrase (or pronoun)
// right before the verb, and must be a person the release names with a title.
Named described_by(std::string_view head, const std::vector<Mention> &mentions) {
    auto tokens = tokenize(head);
    for (std::size_t v = 1; v < tokens.size(); ++v) {
        if (tokens[v].capitalised() || !in(kDescribingVerbs, tokens[v].word))
            continue;
        if (std::none_of(tokens.begin() + static_cast<std::ptrdiff_t>(v) + 1, tokens.end(),
                         [](const Token &t) { return t.word == "as"; }))
            return {};
        if (is_pronoun(tokens[v - 1])) {
            // "And Cheryl Jacques ... is wrong when she described ...": a pronoun after another
            // name in its sentence may stand for that person, whom the release gives no title.
            for (std::size_t k = 1; k + 1 < v; ++k)
                if (tokens[k].capitalised() && tokens[k + 1].capitalised())
                    return {};
            return split_name(tokens, v - 1, v);
        }
        return one_person(split_name(tokens, phrase_start_backward(tokens, v), v), mentions);
    }
    return {};
}

// The speaker of words quoted inside reported speech, far from the speech verb: "Sen. John
// Cornyn ... today said a new pilot program ... is a “good step forward,”", "Judge Renfrew
// closes his letter by saying “...”". The subject of the last speech verb before the marks,
// when that subject is a person the release names (or a pronoun) and nobody else is named
// between the verb and the marks.
Named reported_by(std::string_view head, const std::vector<Mention> &mentions) {
    auto tokens = tokenize(head);
    std::size_t verb = tokens.size();
    for (std::size_t k = tokens.size(); k-- > 0;)
        if (is_verb(tokens[k]) && tokens[k].word != "according") {
            verb = k;
            break;
        }
    if (verb == tokens.size())
        return {};
    for (std::size_t j = verb + 1; j < tokens.size(); ++j) {
        const Token &t = tokens[j];
        if (is_title(t) || t.word == "you" || t.word == "they")
            return {};
        if (t.capitalised() && std::any_of(mentions.begin(), mentions.end(), [&](const Mention &m) {
                auto words = name_words(m.name);
                return std::find(words.begin(), words.end(), t.plain) != words.end();
            }))
            return {};
    }
    Named n = subject_before(tokens, verb);
    // "... closes his letter by saying": the person the sentence opens with.
    if (n.empty() && tokens[verb].word.size() > 3 && tokens[verb].word.ends_with("ing"))
        return sentence_subject(head, mentions);
    if (n.pronoun)
        return n;
    n = one_person(n, mentions);
    return body_name(n.name) ? Named{} : n;
}

// Who a paragraph introduces a statement by: "Senator Mikulski's statement for the record is
// below:", "Sen. Maria Cantwell ... made the following statement:", "Burr delivered the remarks
// at a ... hearing", "The following are excerpts of her scheduled remarks".
Named introduced_by(std::string_view paragraph, const std::vector<Mention> &mentions) {
    std::string lower = lower_ascii(paragraph);
    static const char *kIntros[] = {
        "following statement",    "following comments", "following remarks",    "statement for the record",
        "statement is below",     "statement below",    "remarks are below",    "remarks as prepared",
        "following are excerpts", "excerpts of",        "delivered the remarks"};
    std::size_t at = std::string::npos;
    for (const char *intro : kIntros)
        if (at = lower.find(intro); at != std::string::npos)
            break;
    if (at == std::string::npos)
        return {};
    if (lower.find('"') != std::string::npos || paragraph.find(kOpenCurly) != std::string_view::npos)
        return {};
    // The titled names in `text`, in order, and whether only commas, "and" and party tags stand
    // between them ("Senator Ted Stevens, Senator Lisa Murkowski, and Congressman Don Young").
    auto titled = [](std::string_view text, bool &listed) {
        auto tokens = tokenize(text);
        std::vector<Named> found;
        listed = true;
        std::size_t last_end = 0;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            if (!tokens[i].capitalised() || in(kNotNames, tokens[i].word))
                continue;
            std::size_t end = phrase_end_forward(tokens, i);
            Named n = split_name(tokens, i, end);
            if (!n.name.empty() && !n.role.empty()) {
                if (!found.empty())
                    for (std::size_t k = last_end; k < i; ++k)
                        listed = listed && (tokens[k].word == "and" || is_party_tag(tokens[k]));
                // A list opens its clause: not "With the resignation of CIA Director Porter
                // Goss, Senate Democratic Leader Harry Reid released ...".
                else if (i > 0 && !tokens[i - 1].ends_clause())
                    listed = false;
                found.push_back(n);
                last_end = end;
            } else if (!found.empty()) {
                break;
            }
            i = std::max(i, end == 0 ? i : end - 1);
        }
        return found;
    };
    auto first_of = [&](std::string_view text) {
        bool listed = false;
        auto found = titled(text, listed);
        // Each one a person: "Sen. John Cornyn, Chairman of the Senate Republican Conference"
        // names one.
        static constexpr std::array kBodyWords = {"committee", "subcommittee", "conference", "caucus",  "department",
                                                  "office",    "state",        "delegation", "council", "commission",
                                                  "budget",    "court",        "house",      "senate"};
        listed = listed && std::all_of(found.begin(), found.end(), [](const Named &n) {
                     auto words = name_words(n.name);
                     return words.size() >= 2 && std::none_of(words.begin(), words.end(), [](const std::string &w) {
                                return in(kBodyWords, lower_ascii(w));
                            });
                 });
        if (found.size() >= 2 && listed) {
            Named joint;
            std::vector<std::string> names;
            for (const auto &n : found)
                names.push_back(n.name);
            joint.name = join_names(names);
            joint.as_written = joint.name;
            return joint;
        }
        return found.empty() ? Named{} : found.front();
    };
    // The sentence that introduces the statement names its speaker ("... vacated by Sen. Jon
    // Corzine. ... Sen. Feingold released the following statement."), else the paragraph, else
    // the person the paragraph opens with ("Stabenow in her statement will ...").
    std::size_t from = sentence_start(paragraph, at, 0);
    Named n = first_of(paragraph.substr(from, at - from));
    if (n.empty())
        n = first_of(paragraph.substr(from, sentence_end(paragraph, at, paragraph.size()) - from));
    if (n.empty())
        n = first_of(paragraph);
    if (n.empty())
        n = sentence_subject(paragraph.substr(0, sentence_end(paragraph, 0, paragraph.size())), mentions);
    return n;
}

// The words joining a quotation to the one before it in one sentence: "and", "or that he".
bool coordinated(std::string_view head) {
    auto tokens = tokenize(head);
    static constexpr std::array kJoining = {"and", "or", "but", "that", "also", "then"};
    return !tokens.empty() && tokens.size() <= 4 && (tokens[0].word == "and" || tokens[0].word == "or") &&
           std::all_of(tokens.begin(), tokens.end(),
                       [](const Token &t) { return in(kJoining, t.word) || (is_pronoun(t) && t.word != "you"); });
}

// Words of a person's own, first person singular ("I am pleased ...").
bool first_person(std::string_view text) {
    auto tokens = tokenize(text);
    return std::any_of(tokens.begin(), tokens.end(), [](const Token &t) {
        return t.word == "i" || t.word == "i'm" || t.word == "i've" || t.word == "i'll" || t.word == "my" ||
               t.word == "me";
    });
}

// The person a paragraph opens with, as its subject: "Sen. Pat Roberts, Chairman of ..., today
// announced", "Dorgan is the lead sponsor of ...".
Named opening_subject(std::string_view paragraph, std::size_t para, const std::vector<Mention> &mentions) {
    // Headings open paragraphs too: "SEN. STEVENS MADE THE FOLLOWING ...", "Sen. Grassley
    // Comment on ...". A name holds no verb, small word or possessive.
    auto heading = [](const std::string &name) {
        static constexpr std::array kHeadingWords = {"made", "statement", "comment", "comments", "remarks", "on", "of"};
        for (const auto &w : name_words(name)) {
            std::string lower = lower_ascii(w);
            if (lower.size() == 1 || (lower.size() == 2 && lower[1] == '.'))
                continue; // an initial: "Barbara A. Mikulski"
            if (in(kVerbs, lower) || in(kNotNames, lower) || in(kHeadingWords, lower) ||
                lower.find('\'') != std::string::npos)
                return true;
        }
        return false;
    };
    for (const auto &m : mentions)
        if (m.para == para && m.offset <= 4 && !m.group && !m.weak && !m.addressee && !m.role.empty())
            return heading(m.name) ? Named{} : Named{m.name, m.role, "", false, false, ""};
    // A person the release names with a title, not a body ("The Justice Department today
    // announced ..." is no one's first person).
    Named n = sentence_subject(paragraph.substr(0, sentence_end(paragraph, 0, paragraph.size())), mentions);
    auto words = name_words(n.name);
    bool person =
        !n.organisation && !words.empty() && std::any_of(mentions.begin(), mentions.end(), [&](const Mention &m) {
            return !m.group && !m.weak && !m.addressee && part_of(words, m.name);
        });
    return person ? n : Named{};
}

// Who speaks a paragraph quoted whole in the first person, with no attribution: the person the
// paragraph before opens with ("Dorgan is the lead sponsor of ..." then "“I don't think ...”"),
// or, for the release's first quotation, the one two paragraphs before ("Sen. Pat Roberts ...
// announced that the Committee ... the nomination of Rep." / "Porter Goss (R-FL) ...").
Named first_person_speaker(const std::vector<std::string> &paragraphs, std::size_t para, bool first_quotation,
                           const std::vector<Mention> &mentions) {
    for (std::size_t back = 1; back <= (first_quotation ? 2u : 1u) && back <= para; ++back)
        if (Named n = opening_subject(paragraphs[para - back], para - back, mentions); !n.empty())
            return n;
    return {};
}

} // namespace

std::vector<Quote> extract_quotes(const std::vector<std::string> &paragraphs) {
    // 1. Spans, joined across paragraphs: a paragraph that ends inside a quotation and a next
    // one opening with a mark are one quotation.
    std::vector<std::vector<Span>> groups;
    bool carrying = false;
    for (std::size_t p = 0; p < paragraphs.size(); ++p) {
        auto spans = paragraph_spans(paragraphs[p], p);
        // ... unless the quotation opening here has an attribution of its own, which makes it a
        // new one (the one before was left unclosed).
        bool continues = carrying && !spans.empty() && spans[0].open == 0 && starts_with_open_mark(paragraphs[p]) &&
                         attribution_after(tail_of(paragraphs[p], spans[0]).text).empty();
        for (std::size_t k = 0; k < spans.size(); ++k) {
            if (k == 0 && continues)
                groups.back().push_back(spans[k]);
            else
                groups.push_back({spans[k]});
        }
        carrying = !spans.empty() && !spans.back().closed;
    }

    // Most releases quote no one; finding the people they name is the costly part.
    if (groups.empty())
        return {};
    std::vector<Mention> mentions = titled_mentions(paragraphs);
    add_untitled_names(paragraphs, mentions);
    add_addressees(paragraphs, mentions);
    add_surname_mentions(paragraphs, mentions);
    std::vector<Quote> out;
    // Attribution of the previous quotation, for split quotations and quoted paragraphs.
    std::optional<std::size_t> previous; // index into out
    std::size_t previous_para = 0, previous_after = 0, previous_sentence_end = 0;
    bool previous_attributed_after = false;

    for (const auto &group : groups) {
        const Span &first = group.front();
        const Span &last = group.back();
        const std::string &open_p = paragraphs[first.para];
        const std::string &close_p = paragraphs[last.para];
        std::string text;
        for (const auto &s : group) {
            std::string part = span_text(paragraphs, s);
            if (!part.empty())
                text += (text.empty() ? "" : " ") + part;
        }
        if (std::none_of(text.begin(), text.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); }))
            continue;

        // The words around the quotation, within its sentence and between neighbouring marks.
        std::size_t floor = 0;
        if (previous && previous_para == first.para)
            floor = previous_after;
        std::size_t head_from = sentence_start(open_p, first.open, floor);
        std::string_view head = std::string_view(open_p).substr(head_from, first.open - head_from);
        Tail after_close = tail_of(close_p, last);
        std::string_view tail = after_close.text;
        std::size_t tail_end = after_close.end;

        std::string before_word = word_before(head);
        bool naming = in(kNamingWords, before_word);
        Named named = naming ? Named{} : attribution_after(tail);
        bool from_tail = !named.empty();
        if (named.empty() && !naming)
            named = attribution_before(head);
        // A body quoted for a word or two names something ("The Justice Department announced
        // ... "Devilfish""); it speaks in sentences.
        if (named.organisation && word_count(text) < 4)
            named = Named{};
        // One word in marks before the verb is a name ("... announced Operation "Devilfish"").
        if (!from_tail && word_count(text) == 1)
            named = Named{};

        // "“A,” said X. “B”": B continues the quotation attributed just before it.
        // So does "“A,” X said. “B,” X said." when both name the same person.
        bool contiguous =
            previous && previous_attributed_after && previous_para == first.para &&
            text::trim(std::string_view(open_p).substr(previous_sentence_end, first.open - previous_sentence_end))
                .empty();
        bool split_part = contiguous && named.empty();
        if (contiguous && from_tail && !named.pronoun) {
            Quote probe;
            resolve(probe, named, mentions, first.para, first.open);
            split_part = !probe.speaker.empty() && probe.speaker == out[*previous].speaker;
        }
        if (split_part) {
            Quote &q = out[*previous];
            q.text += " " + text;
            q.paragraph_end = static_cast<int>(last.para) + 1;
            previous_after = last.after;
            previous_sentence_end = tail_end;
            previous_para = last.para;
            continue;
        }

        // Words in title case that no attribution follows are a name, not speech: "Sen. Elizabeth
        // Dole today announced that she will host a workshop, "Making Homeownership a Reality,"".
        if (!from_tail && title_case(text) && !first_person(text))
            continue;

        Quote q;
        q.text = text;
        q.paragraph = static_cast<int>(first.para) + 1;
        q.paragraph_end = static_cast<int>(last.para) + 1;
        bool quoted_paragraph = first.open == 0 && text::trim(std::string_view(close_p).substr(last.after)).empty();
        if (!named.writing.empty()) {
            Named author = author_of(named.writing, paragraphs, mentions, first.para, first.open);
            author.as_written = named.as_written;
            resolve(q, author, mentions, first.para, first.open);
        } else if (!named.empty()) {
            resolve(q, named, mentions, first.para, first.open);
        } else if (previous && previous_para == first.para && !out[*previous].speaker.empty() && head_from == floor &&
                   coordinated(head)) {
            // "Judge Renfrew states “...,” and “...”": the same speaker, the same sentence.
            q.speaker = out[*previous].speaker;
            q.role = out[*previous].role;
            q.attributed_as = out[*previous].attributed_as;
        } else if (auto intro = first.open == 0 && first.para > 0 ? introduced_by(paragraphs[first.para - 1], mentions)
                                                                  : Named{};
                   !intro.empty() && (!previous || previous_para + 1 < first.para)) {
            // "Sen. Saxby Chambliss issued the following statement:" and the statement.
            resolve(q, intro, mentions, first.para - 1, 0);
        } else if (quoted_paragraph && previous && previous_para + 1 == first.para && !out[*previous].speaker.empty()) {
            // A wholly quoted paragraph right after a quotation continues its speaker.
            q.speaker = out[*previous].speaker;
            q.role = out[*previous].role;
        } else if (auto subject = lead_subject(open_p, floor, head_from, first.open, mentions); !subject.empty()) {
            // "Senator McConnell ... praised Craig Williams. “Craig Williams and ...”"
            resolve(q, subject, mentions, first.para, first.open);
        } else if (auto describer = described_by(head, mentions); !describer.empty()) {
            resolve(q, describer, mentions, first.para, first.open);
        } else if (auto reporter =
                       in(kNamesWhat, before_word) || word_count(text) < 2 ? Named{} : reported_by(head, mentions);
                   !reporter.empty()) {
            resolve(q, reporter, mentions, first.para, first.open);
        } else if (auto lead = quoted_paragraph && first_person(text)
                                   ? first_person_speaker(paragraphs, first.para, !previous, mentions)
                                   : Named{};
                   !lead.empty()) {
            resolve(q, lead, mentions, first.para, first.open);
            q.attributed_as.clear();
        } else {
            // No attribution: a quotation only if it reads as a sentence, not a name or title.
            std::size_t words = word_count(text);
            bool sentence = words >= 8 && !title_case(text) && !naming;
            if (!sentence)
                continue;
        }
        if (!q.speaker.empty())
            mentions.push_back({q.speaker, q.role, first.para, first.open, joint_parts(q.speaker).size() > 1, false,
                                named.organisation});
        out.push_back(std::move(q));
        previous = out.size() - 1;
        previous_para = last.para;
        previous_after = last.after;
        previous_sentence_end = tail_end;
        previous_attributed_after = from_tail;
    }
    return out;
}

namespace {
// Short forms of English given names and the names they stand for: "Chuck Grassley" and
// "Charles E. Grassley" are one speaker.
constexpr std::pair<std::string_view, std::string_view> kGivenNames[] = {
    {"bill", "william"},   {"billy", "william"},   {"bob", "robert"},        {"bobby", "robert"},
    {"chuck", "charles"},  {"charlie", "charles"}, {"chris", "christopher"}, {"dan", "daniel"},
    {"danny", "daniel"},   {"dave", "david"},      {"dick", "richard"},      {"rick", "richard"},
    {"don", "donald"},     {"ed", "edward"},       {"ted", "edward"},        {"teddy", "edward"},
    {"jack", "john"},      {"jeff", "jeffrey"},    {"jim", "james"},         {"jimmy", "james"},
    {"joe", "joseph"},     {"ken", "kenneth"},     {"larry", "lawrence"},    {"mike", "michael"},
    {"ron", "ronald"},     {"steve", "steven"},    {"tom", "thomas"},        {"tony", "anthony"},
    {"liz", "elizabeth"},  {"kathy", "katherine"}, {"sue", "susan"},         {"patty", "patricia"},
    {"debbie", "deborah"}, {"ben", "benjamin"},    {"fred", "frederick"}};
} // namespace

std::string speaker_key(std::string_view name) {
    std::string key;
    auto tokens = tokenize(text::fold_case(text::fold_for_terms(name)));
    bool first = true;
    for (const auto &t : tokens) {
        std::string w = t.plain;
        std::string letters;
        for (char c : w)
            if (c != '.' && c != '-' && c != '\'' && c != ',')
                letters += c;
        // Initials ("J.") and a single letter do not tell people apart here.
        if (letters.size() == 1 && static_cast<unsigned char>(letters[0]) < 0x80)
            continue;
        // A short given name before a surname counts as the full one.
        if (first && tokens.size() >= 2)
            for (const auto &[short_form, full] : kGivenNames)
                if (letters == short_form)
                    letters = full;
        first = false;
        key += letters;
    }
    return key;
}

SpeakerKeys::SpeakerKeys(const SynonymGroups &groups) {
    for (const auto &group : groups) {
        std::string head = speaker_key(group.front());
        for (const auto &member : group)
            m_canonical.emplace(speaker_key(member), head);
    }
}

std::string SpeakerKeys::operator()(std::string_view name) const {
    std::string key = speaker_key(name);
    auto it = m_canonical.find(key);
    return it == m_canonical.end() ? key : it->second;
}

std::vector<QuoteRecord> quote_records(const Release &release) {
    std::vector<QuoteRecord> out;
    for (auto &quote : extract_quotes(release.paragraphs)) {
        QuoteRecord r;
        r.id = release.id + "#q" + std::to_string(out.size() + 1);
        r.quote = std::move(quote);
        r.release_id = release.id;
        r.title = release.title;
        r.date = release.date ? release.date->iso() : "";
        r.url = release.url;
        r.source = release.source;
        out.push_back(std::move(r));
    }
    return out;
}

namespace {
nlohmann::json or_null(const std::string &s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); }
std::string string_of(const nlohmann::json &j, const char *key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}
} // namespace

nlohmann::json to_json(const QuoteRecord &r) {
    return {{"id", r.id},
            {"text", r.quote.text},
            {"speaker", or_null(r.quote.speaker)},
            {"attributed_as", or_null(r.quote.attributed_as)},
            {"role", or_null(r.quote.role)},
            {"paragraph", r.quote.paragraph},
            {"paragraph_end", r.quote.paragraph_end},
            {"release",
             {{"id", r.release_id},
              {"title", r.title},
              {"date", or_null(r.date)},
              {"url", or_null(r.url)},
              {"source", or_null(r.source)}}}};
}

QuoteRecord quote_record_from_json(const nlohmann::json &j) {
    QuoteRecord r;
    r.id = string_of(j, "id");
    r.quote.text = string_of(j, "text");
    r.quote.speaker = string_of(j, "speaker");
    r.quote.attributed_as = string_of(j, "attributed_as");
    r.quote.role = string_of(j, "role");
    r.quote.paragraph = j.value("paragraph", 0);
    r.quote.paragraph_end = j.value("paragraph_end", 0);
    if (auto rel = j.find("release"); rel != j.end() && rel->is_object()) {
        r.release_id = string_of(*rel, "id");
        r.title = string_of(*rel, "title");
        r.date = string_of(*rel, "date");
        r.url = string_of(*rel, "url");
        r.source = string_of(*rel, "source");
    }
    return r;
}

} // namespace pressroom::quotes
