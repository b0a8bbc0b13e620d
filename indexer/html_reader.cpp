#include "html_reader.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>

#include <gumbo.h>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "text.h"

namespace pressroom::indexer {

namespace {

Error bad(std::string message) { return Error{ErrorCode::InvalidInput, std::move(message)}; }

using text::lower_ascii;

using text::equals_ci;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Whitespace as a reader sees it: ASCII spaces and no-break spaces (&nbsp;).
bool is_blank(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (is_space(s[i]))
            continue;
        if (s.compare(i, 2, "\xC2\xA0") == 0) {
            ++i;
            continue;
        }
        return false;
    }
    return true;
}

// Whitespace-separated tokens of an attribute value (class, rel, property).
std::vector<std::string_view> tokens_of(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && is_space(s[i]))
            ++i;
        std::size_t start = i;
        while (i < s.size() && !is_space(s[i]))
            ++i;
        if (i > start)
            out.push_back(s.substr(start, i - start));
    }
    return out;
}

// Stored and displayed text: NFC, exotic spaces made plain, whitespace runs collapsed.
std::string clean(std::string_view s) { return text::collapse_whitespace(text::normalize(s)); }

// ---------------------------------------------------------------------------------------------
// Character sets

// The decoder for a charset label, as browsers choose it (the WHATWG Encoding Standard): the
// Latin-1 and ASCII labels mean windows-1252, the EUC-KR labels windows-949 (its superset), the
// GB2312 labels GBK; a UTF-16 label on a page whose markup could be read as ASCII means UTF-8.
// Other labels are left to ICU's alias table.
std::string decoder_for(std::string label) {
    label = lower_ascii(text::trim(label));
    using Group = std::pair<const char *, std::array<std::string_view, 16>>;
    static const std::array<Group, 4> groups = {{
        {"utf-8",
         {"utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8", "utf-16",
          "utf-16le", "utf-16be", "unicode", "ucs-2", "unicodefffe", "csunicode", "iso-10646-ucs-2"}},
        {"windows-1252",
         {"windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "iso88591", "latin1", "l1",
          "us-ascii", "ascii", "ansi_x3.4-1968", "cp819", "ibm819", "iso-ir-100", "csisolatin1"}},
        {"windows-949",
         {"euc-kr", "cseuckr", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601", "korean", "windows-949",
          "cp949", "iso-ir-149", "csksc56011987"}},
        {"gbk",
         {"gbk", "gb2312", "x-gbk", "chinese", "csgb2312", "gb_2312-80", "gb_2312", "iso-ir-58", "cp936",
          "windows-936"}},
    }};
    for (const auto &[decoder, labels] : groups)
        for (std::string_view l : labels)
            if (!l.empty() && l == label)
                return decoder;
    return label;
}

// The charset named by `content="text/html; charset=..."`; empty when none.
std::string charset_in_content_type(std::string_view content) {
    std::string lower = lower_ascii(content);
    std::size_t at = lower.find("charset");
    if (at == std::string::npos)
        return {};
    std::size_t i = at + 7;
    while (i < lower.size() && is_space(lower[i]))
        ++i;
    if (i >= lower.size() || lower[i] != '=')
        return {};
    ++i;
    while (i < lower.size() && is_space(lower[i]))
        ++i;
    if (i < lower.size() && (lower[i] == '"' || lower[i] == '\''))
        ++i;
    std::size_t end = i;
    while (end < lower.size() && !is_space(lower[end]) && lower[end] != ';' && lower[end] != '"' && lower[end] != '\'')
        ++end;
    return lower.substr(i, end - i);
}

// The offset of the first byte that is not well-formed UTF-8, if any.
std::optional<std::size_t> first_invalid_utf8(std::string_view s) {
    const auto *p = reinterpret_cast<const uint8_t *>(s.data());
    const auto length = static_cast<int32_t>(s.size());
    for (int32_t i = 0; i < length;) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(p, i, length, c);
        if (c < 0)
            return static_cast<std::size_t>(start);
    }
    return std::nullopt;
}

std::string byte_at(std::string_view s, std::size_t offset) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "byte %zu (0x%02X)", offset, static_cast<unsigned char>(s[offset]));
    return buf;
}

// Converts `bytes` from `decoder` to UTF-8; any byte that does not decode fails the page.
Result<std::string> convert_to_utf8(std::string_view bytes, const std::string &decoder, const std::string &label) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, decltype(&ucnv_close)> cnv(ucnv_open(decoder.c_str(), &status), &ucnv_close);
    if (U_FAILURE(status) || !cnv)
        return bad("the page declares the charset `" + label +
                   "`, which is not known; re-save the page as UTF-8 or correct its <meta charset>");
    ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    // Twice the bytes in UTF-16 units is more than any converter needs.
    std::u16string units(2 * bytes.size() + 16, u'\0');
    UChar *target = units.data();
    const char *source = bytes.data();
    status = U_ZERO_ERROR;
    ucnv_toUnicode(cnv.get(), &target, units.data() + units.size(), &source, bytes.data() + bytes.size(), nullptr, true,
                   &status);
    if (U_FAILURE(status)) {
        char got[8];
        int8_t got_length = sizeof got;
        UErrorCode ignored = U_ZERO_ERROR;
        ucnv_getInvalidChars(cnv.get(), got, &got_length, &ignored);
        std::size_t offset = static_cast<std::size_t>(source - bytes.data());
        offset = offset >= static_cast<std::size_t>(std::max<int8_t>(got_length, 0))
                     ? offset - static_cast<std::size_t>(std::max<int8_t>(got_length, 0))
                     : 0;
        return bad("the page declares the charset `" + label + "` but " + byte_at(bytes, offset) +
                   " cannot be decoded as " + decoder + " (" + u_errorName(status) +
                   "); correct its <meta charset> or re-save it as UTF-8");
    }
    const auto length = static_cast<int32_t>(target - units.data());
    int32_t needed = 0;
    status = U_ZERO_ERROR;
    u_strToUTF8(nullptr, 0, &needed, units.data(), length, &status);
    std::string out(static_cast<std::size_t>(needed), '\0');
    status = U_ZERO_ERROR;
    u_strToUTF8(out.data(), needed, &needed, units.data(), length, &status);
    if (U_FAILURE(status))
        return bad("the page cannot be converted from " + decoder + " to UTF-8 (" + u_errorName(status) + ")");
    return out;
}

// ---------------------------------------------------------------------------------------------
// Parsing

// gumbo's gumbo_destroy_output frees the tree recursively, which a deeply nested page turns into
// a stack overflow. Its allocations go through this heap instead, which keeps them in a list and
// frees whatever is left in one loop.
class GumboHeap {
  public:
    GumboHeap() { m_head.prev = m_head.next = &m_head; }
    ~GumboHeap() {
        for (Block *b = m_head.next; b != &m_head;) {
            Block *next = b->next;
            std::free(b);
            b = next;
        }
    }
    GumboHeap(const GumboHeap &) = delete;
    GumboHeap &operator=(const GumboHeap &) = delete;

    static void *allocate(void *userdata, size_t size) {
        auto *heap = static_cast<GumboHeap *>(userdata);
        auto *b = static_cast<Block *>(std::malloc(sizeof(Block) + size));
        if (!b)
            std::abort(); // gumbo has no way to report a failed allocation
        b->prev = &heap->m_head;
        b->next = heap->m_head.next;
        heap->m_head.next->prev = b;
        heap->m_head.next = b;
        return b + 1;
    }
    static void deallocate(void *, void *ptr) {
        if (!ptr)
            return;
        Block *b = static_cast<Block *>(ptr) - 1;
        b->prev->next = b->next;
        b->next->prev = b->prev;
        std::free(b);
    }

  private:
    struct alignas(std::max_align_t) Block {
        Block *prev;
        Block *next;
    };
    Block m_head;
};

class Document {
  public:
    explicit Document(std::string utf8) : m_text(std::move(utf8)) {
        GumboOptions options = kGumboDefaultOptions;
        options.allocator = &GumboHeap::allocate;
        options.deallocator = &GumboHeap::deallocate;
        options.userdata = &m_heap;
        // gumbo copies the stack of open elements into every parse error it records: quadratic
        // time and memory on a deeply nested page. The errors are not used.
        options.max_errors = 0;
        m_output = gumbo_parse_with_options(&options, m_text.data(), m_text.size());
    }
    Document(const Document &) = delete;
    Document &operator=(const Document &) = delete;

    const GumboNode *root() const { return m_output->document; }

  private:
    GumboHeap m_heap; // owns every node; gumbo_destroy_output is never called
    std::string m_text;
    GumboOutput *m_output = nullptr;
};

const GumboVector *children_of(const GumboNode *g) {
    switch (g->type) {
    case GUMBO_NODE_DOCUMENT:
        return &g->v.document.children;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE:
        return &g->v.element.children;
    default:
        return nullptr;
    }
}

bool is_element(const GumboNode *g) { return g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE; }

bool is_text(const GumboNode *g) {
    return g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_WHITESPACE || g->type == GUMBO_NODE_CDATA;
}

std::string_view attribute(const GumboNode *g, const char *name) {
    if (!is_element(g))
        return {};
    const GumboAttribute *a = gumbo_get_attribute(&g->v.element.attributes, name);
    return a ? std::string_view(a->value) : std::string_view();
}

bool has_attribute(const GumboNode *g, const char *name) {
    return is_element(g) && gumbo_get_attribute(&g->v.element.attributes, name) != nullptr;
}

bool has_token(std::string_view value, std::string_view token) {
    for (std::string_view t : tokens_of(value))
        if (equals_ci(t, token))
            return true;
    return false;
}

bool has_class(const GumboNode *g, std::string_view token) { return has_token(attribute(g, "class"), token); }

GumboTag tag_of(const GumboNode *g) {
    return is_element(g) && g->v.element.tag_namespace == GUMBO_NAMESPACE_HTML ? g->v.element.tag : GUMBO_TAG_UNKNOWN;
}

// The charset a page declares in its first <meta charset> or <meta http-equiv=Content-Type>;
// empty when none. The walk keeps its own stack: no recursion.
std::string declared_charset(const GumboNode *document) {
    std::vector<const GumboNode *> stack{document};
    while (!stack.empty()) {
        const GumboNode *g = stack.back();
        stack.pop_back();
        if (tag_of(g) == GUMBO_TAG_META) {
            if (has_attribute(g, "charset"))
                return std::string(text::trim(attribute(g, "charset")));
            if (equals_ci(text::trim(attribute(g, "http-equiv")), "content-type"))
                if (auto cs = charset_in_content_type(attribute(g, "content")); !cs.empty())
                    return cs;
        }
        if (const GumboVector *kids = children_of(g))
            for (unsigned k = kids->length; k-- > 0;)
                stack.push_back(static_cast<const GumboNode *>(kids->data[k]));
    }
    return {};
}

// Decodes the page and parses it. A byte order mark decides the charset; else the declared
// charset does; else UTF-8. `charset` receives the decoder used.
Result<std::unique_ptr<Document>> decode_and_parse(std::string_view bytes, std::string &charset) {
    if (bytes.size() > INT32_MAX / 2)
        return bad("the page is larger than 1 GiB; split it or leave it out");
    auto from = [&](std::string_view rest, const std::string &decoder,
                    const std::string &label) -> Result<std::unique_ptr<Document>> {
        auto utf8 = convert_to_utf8(rest, decoder, label);
        if (!utf8)
            return utf8.error();
        charset = decoder;
        return std::make_unique<Document>(std::move(*utf8));
    };
    if (bytes.starts_with("\xFE\xFF"))
        return from(bytes.substr(2), "utf-16be", "UTF-16BE (byte order mark)");
    if (bytes.starts_with("\xFF\xFE"))
        return from(bytes.substr(2), "utf-16le", "UTF-16LE (byte order mark)");
    bool bom = bytes.starts_with("\xEF\xBB\xBF");
    if (bom)
        bytes.remove_prefix(3);
    // The markup that declares a charset is ASCII: a first parse of the raw bytes finds it.
    auto document = std::make_unique<Document>(std::string(bytes));
    std::string label = bom ? std::string("utf-8") : declared_charset(document->root());
    std::string decoder = label.empty() ? "utf-8" : decoder_for(label);
    if (decoder != "utf-8")
        return from(bytes, decoder, label);
    charset = "utf-8";
    if (auto offset = first_invalid_utf8(bytes)) {
        if (label.empty())
            return bad("the page declares no charset and is not valid UTF-8 (" + byte_at(bytes, *offset) +
                       "); add a <meta charset> naming its encoding or re-save it as UTF-8");
        return bad("the page declares the charset `" + label + "` but is not valid UTF-8 (" + byte_at(bytes, *offset) +
                   "); correct its <meta charset> or re-save it as UTF-8");
    }
    return document;
}

// ---------------------------------------------------------------------------------------------
// The tree, flattened

bool is_block(GumboTag t) {
    switch (t) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_XMP:
        return true;
    default:
        return false;
    }
}

bool is_heading(GumboTag t) {
    return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4 || t == GUMBO_TAG_H5 ||
           t == GUMBO_TAG_H6 || t == GUMBO_TAG_HGROUP;
}

// Never shown to a reader.
bool is_hidden_element(const GumboNode *g) {
    switch (tag_of(g)) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
        return true;
    default:
        break;
    }
    if (g->type == GUMBO_NODE_TEMPLATE || has_attribute(g, "hidden") ||
        equals_ci(text::trim(attribute(g, "aria-hidden")), "true"))
        return true;
    std::string style = lower_ascii(attribute(g, "style"));
    std::erase_if(style, is_space);
    if (style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos)
        return true;
    static constexpr std::array<std::string_view, 11> hidden_classes = {
        "hidden",  "hide",   "element-invisible",  "element-hidden",    "visually-hidden", "visuallyhidden",
        "sr-only", "d-none", "screen-reader-text", "screenreader-only", "rdf-meta"};
    for (std::string_view token : tokens_of(attribute(g, "class")))
        for (std::string_view hidden : hidden_classes)
            if (equals_ci(token, hidden))
                return true;
    return false;
}

// A class or id that marks the site's furniture: a word of the list, alone or starting a longer
// name ("share-buttons", "breadcrumb", "sidebar-first", "menu-main"); and justice.gov's page
// metadata (Topic(s), Component(s), Press Release Number, Updated). Words inside longer names
// are not read: Drupal puts "one-sidebar" on <body> and "field--label-hidden" on visible fields.
bool names_chrome(std::string_view value) {
    static constexpr std::array<std::string_view, 15> words = {
        "breadcrumb", "breadcrumbs", "share",  "sharing", "social", "sidebar",  "navbar", "nav",
        "navigation", "menu",        "footer", "skip",    "pager",  "comments", "related"};
    static constexpr std::array<std::string_view, 2> whole = {"pr-fields", "node__updated"};
    for (std::string_view token : tokens_of(value)) {
        for (std::string_view w : whole)
            if (equals_ci(token, w))
                return true;
        for (std::string_view w : words)
            if (text::starts_with_ci(token, w) &&
                (token.size() == w.size() || token[w.size()] == '-' || token[w.size()] == '_'))
                return true;
    }
    return false;
}

struct Node {
    const GumboNode *g;
    int parent;   // -1 for the document
    int end;      // one past the last node of the subtree: a subtree is the range [index, end)
    bool hidden;  // never shown (script, style, hidden attributes and classes), or inside such
    bool chrome;  // shown, but the site's rather than the release's: navigation, sidebars, footers,
                  // share buttons, page metadata; or inside such
    bool content; // an <article>, <main> or role=main element, or inside one
};

class Tree {
  public:
    explicit Tree(const GumboNode *document) {
        std::vector<std::pair<const GumboNode *, int>> stack{{document, -1}};
        while (!stack.empty()) {
            auto [g, parent] = stack.back();
            stack.pop_back();
            const int index = static_cast<int>(m_nodes.size());
            Node n{g, parent, index + 1, false, false, false};
            if (parent >= 0) {
                const Node &p = m_nodes[static_cast<std::size_t>(parent)];
                n.hidden = p.hidden;
                n.chrome = p.chrome;
                n.content = p.content;
            }
            if (is_element(g)) {
                n.hidden = n.hidden || is_hidden_element(g);
                n.chrome = n.chrome || is_chrome_element(g, n.content);
                n.content = n.content || is_content_element(g);
            }
            m_nodes.push_back(n);
            if (const GumboVector *kids = children_of(g))
                for (unsigned k = kids->length; k-- > 0;) {
                    const auto *kid = static_cast<const GumboNode *>(kids->data[k]);
                    if (kid->type != GUMBO_NODE_COMMENT)
                        stack.push_back({kid, index});
                }
        }
        // Children come after their parent: one backward pass gives every subtree's end.
        for (std::size_t i = m_nodes.size(); i-- > 1;) {
            Node &p = m_nodes[static_cast<std::size_t>(m_nodes[i].parent)];
            p.end = std::max(p.end, m_nodes[i].end);
        }
        for (const Node &n : m_nodes)
            m_has_content = m_has_content || n.content;
    }

    int size() const { return static_cast<int>(m_nodes.size()); }
    const Node &operator[](int i) const { return m_nodes[static_cast<std::size_t>(i)]; }
    GumboTag tag(int i) const { return tag_of((*this)[i].g); }
    std::string_view attr(int i, const char *name) const { return attribute((*this)[i].g, name); }
    bool has_class(int i, std::string_view token) const { return indexer::has_class((*this)[i].g, token); }
    // Shown, not chrome, and inside the content elements when the page has them.
    bool in_text(int i) const {
        const Node &n = (*this)[i];
        return !n.hidden && !n.chrome && (n.content || !m_has_content);
    }

    // The node's direct children, in order.
    template <typename F> void for_each_child(int i, F f) const {
        for (int j = i + 1; j < (*this)[i].end; j = (*this)[j].end)
            f(j);
    }

    // The subtree's text as a reader sees it, hidden parts left out (unless `i` itself is hidden),
    // whitespace collapsed.
    std::string text(int i) const {
        struct Sink {
            std::string out;
            void text(int, std::string_view s) { out.append(s); }
            void br(int) { out.push_back(' '); }
            void enter(GumboTag) { out.push_back(' '); }
            void leave(GumboTag) { out.push_back(' '); }
        } sink;
        const bool inside_hidden = (*this)[i].hidden;
        auto skip = [&](int j) { return !inside_hidden && (*this)[j].hidden; };
        flow(i, skip, sink);
        return clean(sink.out);
    }

    // The number of non-blank bytes of text a reader sees in the subtree (chrome left out).
    std::size_t visible_length(int i) const {
        struct Sink {
            std::size_t n = 0;
            void text(int, std::string_view s) {
                for (char c : s)
                    n += is_space(c) ? 0 : 1;
            }
            void br(int) {}
            void enter(GumboTag) {}
            void leave(GumboTag) {}
        } sink;
        auto skip = [&](int j) { return (*this)[j].hidden || (*this)[j].chrome; };
        flow(i, skip, sink);
        return sink.n;
    }

    // Walks the subtree in document order without recursion, telling `sink` of text, <br>, and
    // entering and leaving block elements; a subtree for which `skip` is true is passed over
    // whole (the root is never skipped).
    template <typename Skip, typename Sink> void flow(int root, Skip skip, Sink &sink) const {
        std::vector<std::pair<int, GumboTag>> open; // the blocks entered: their ends and tags
        const int stop = (*this)[root].end;
        for (int j = root; j < stop;) {
            while (!open.empty() && open.back().first <= j) {
                sink.leave(open.back().second);
                open.pop_back();
            }
            const Node &n = (*this)[j];
            if (is_element(n.g)) {
                if (j != root && skip(j)) {
                    j = n.end;
                    continue;
                }
                GumboTag t = tag_of(n.g);
                if (t == GUMBO_TAG_BR) {
                    sink.br(j);
                } else if (is_block(t)) {
                    sink.enter(t);
                    open.push_back({n.end, t});
                } else if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) {
                    sink.text(j, " ");
                }
            } else if (is_text(n.g)) {
                sink.text(j, n.g->v.text.text);
            }
            ++j;
        }
        while (!open.empty()) {
            sink.leave(open.back().second);
            open.pop_back();
        }
    }

  private:
    static bool is_content_element(const GumboNode *g) {
        GumboTag t = tag_of(g);
        return t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN || equals_ci(text::trim(attribute(g, "role")), "main");
    }

    static bool is_chrome_element(const GumboNode *g, bool in_content) {
        switch (tag_of(g)) {
        case GUMBO_TAG_NAV:
        case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_FORM:
        case GUMBO_TAG_BUTTON:
        case GUMBO_TAG_SELECT:
        case GUMBO_TAG_TEXTAREA:
        case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_OBJECT:
        case GUMBO_TAG_EMBED:
        case GUMBO_TAG_CANVAS:
        case GUMBO_TAG_AUDIO:
        case GUMBO_TAG_VIDEO:
        case GUMBO_TAG_MENU:
            return true;
        case GUMBO_TAG_HEADER:
            return !in_content; // the site's banner; an article's own header holds its title
        default:
            break;
        }
        if (is_element(g) && g->v.element.tag_namespace != GUMBO_NAMESPACE_HTML)
            return true; // SVG and MathML: icons and formulas, not prose
        // The classes of <html> and <body> describe the page ("one-sidebar"), not themselves.
        if (tag_of(g) == GUMBO_TAG_HTML || tag_of(g) == GUMBO_TAG_BODY || is_content_element(g))
            return false;
        static constexpr std::array<std::string_view, 9> roles = {
            "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "toolbar", "dialog"};
        std::string_view role = text::trim(attribute(g, "role"));
        for (std::string_view r : roles)
            if (equals_ci(role, r))
                return true;
        return names_chrome(attribute(g, "class")) || names_chrome(attribute(g, "id"));
    }

    std::vector<Node> m_nodes;
    bool m_has_content = false;
};

// ---------------------------------------------------------------------------------------------
// Dates

bool is_weekday(std::string_view word) {
    static constexpr std::array<std::string_view, 7> names = {"monday", "tuesday",  "wednesday", "thursday",
                                                              "friday", "saturday", "sunday"};
    for (std::string_view name : names)
        if (equals_ci(word, name) || equals_ci(word, name.substr(0, 3)))
            return true;
    return false;
}

std::optional<int> number(std::string_view s, std::size_t min_digits, std::size_t max_digits) {
    int value = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    auto digits = static_cast<std::size_t>(end - s.data());
    if (ec != std::errc() || digits < min_digits || digits > max_digits)
        return std::nullopt;
    std::string_view rest = s.substr(digits); // "13th"
    if (!rest.empty() && !equals_ci(rest, "st") && !equals_ci(rest, "nd") && !equals_ci(rest, "rd") &&
        !equals_ci(rest, "th"))
        return std::nullopt;
    return value;
}

// Words of a date line: spaces and commas separate, trailing dots are dropped ("Apr. 13, 2018").
std::vector<std::string_view> date_words(std::string_view s) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (is_space(s[i]) || s[i] == ','))
            ++i;
        std::size_t start = i;
        while (i < s.size() && !is_space(s[i]) && s[i] != ',')
            ++i;
        std::string_view w = s.substr(start, i - start);
        while (!w.empty() && w.back() == '.')
            w.remove_suffix(1);
        if (!w.empty())
            words.push_back(w);
    }
    return words;
}

struct DateMatch {
    Date date;
    std::size_t words_used = 0;
    std::size_t words_total = 0;
};

// "Friday, April 13, 2018", "Apr. 13, 2018 at 4:30 p.m.", "13 April 2018": an optional weekday,
// the day, month and year in either order, an optional time; words after them are counted, not
// read.
std::optional<DateMatch> english_date(std::string_view line) {
    const std::string collapsed = clean(line); // date_words returns views into it
    auto w = date_words(collapsed);
    std::size_t i = 0;
    if (i < w.size() && is_weekday(w[i]))
        ++i;
    if (i + 3 > w.size())
        return std::nullopt;
    int year = 0, month = 0, day = 0;
    if (int m = month_number(w[i]); m != 0) {
        auto d = number(w[i + 1], 1, 2);
        auto y = number(w[i + 2], 4, 4);
        if (!d || !y)
            return std::nullopt;
        month = m;
        day = *d;
        year = *y;
    } else if (auto d = number(w[i], 1, 2); d && month_number(w[i + 1]) != 0) {
        auto y = number(w[i + 2], 4, 4);
        if (!y)
            return std::nullopt;
        month = month_number(w[i + 1]);
        day = *d;
        year = *y;
    } else {
        return std::nullopt;
    }
    i += 3;
    char iso[16];
    std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
    auto date = parse_iso_date(iso); // it owns the range checks: days of months, leap years
    if (!date)
        return std::nullopt;
    // An optional time: "at 4:30 p.m.", "16:30". One that cannot be read leaves the day alone.
    std::size_t at = i < w.size() && equals_ci(w[i], "at") ? i + 1 : i;
    int h = -1, m = -1;
    if (at < w.size() && std::sscanf(std::string(w[at]).c_str(), "%2d:%2d", &h, &m) == 2) {
        std::size_t next = at + 1;
        std::string ampm = next < w.size() ? lower_ascii(w[next]) : std::string();
        std::erase(ampm, '.');
        if (ampm == "am" || ampm == "pm") {
            h = (h == 12 ? 0 : h) + (ampm == "pm" ? 12 : 0);
            ++next;
        }
        if (h >= 0 && h <= 23 && m >= 0 && m <= 59) {
            date->hour = h;
            date->minute = m;
            i = next;
        }
    }
    return DateMatch{*date, i, w.size()};
}

// A date as a machine reads it (ISO 8601, as in content="2018-04-13T00:00:00-04:00"), else as a
// person writes it. Sites that store dates as midnight mean a day: a time of exactly 00:00 is
// dropped.
std::optional<Date> any_date(std::string_view s) {
    s = text::trim(s);
    if (auto iso = parse_iso_date(s)) {
        Date d = *iso;
        if (d.hour == 0 && d.minute == 0)
            d.hour = d.minute = -1;
        return d;
    }
    if (auto english = english_date(s))
        return english->date;
    return std::nullopt;
}

// "Posted: April 13, 2018" with keyword "Posted" -> "April 13, 2018"; nullopt when the line does
// not start with the keyword.
std::optional<std::string_view> after_keyword(std::string_view line, std::string_view keyword) {
    line = text::trim(line);
    if (!text::starts_with_ci(line, keyword))
        return std::nullopt;
    std::string_view rest = line.substr(keyword.size());
    if (!rest.empty() && !is_space(rest.front()) && rest.front() != ':')
        return std::nullopt; // "Postedby", "Updates"
    rest = text::trim(rest);
    if (!rest.empty() && rest.front() == ':')
        rest = text::trim(rest.substr(1));
    if (text::starts_with_ci(rest, "on "))
        rest = text::trim(rest.substr(3));
    return rest;
}

// A paragraph that only states a date ("Updated April 13, 2018", "Posted on 13 April 2018 at
// 10:00 EST", "April 13, 2018") is page metadata, not body text.
bool is_date_line(std::string_view paragraph) {
    static constexpr std::array<std::string_view, 7> keywords = {"last updated", "updated",  "posted", "published",
                                                                 "released",     "modified", "date"};
    std::string_view rest = paragraph;
    for (std::string_view k : keywords)
        if (auto r = after_keyword(paragraph, k)) {
            rest = *r;
            break;
        }
    if (rest = text::trim(rest); rest.size() >= 10 && parse_iso_date(rest))
        return true; // a whole ISO date; a bare year may be a heading
    auto match = english_date(rest);
    return match && match->words_total - match->words_used <= 1; // a time zone may follow
}

// ---------------------------------------------------------------------------------------------
// The release

// At most this many nodes make a dated line ("Posted <time>April 13, 2018</time>").
constexpr int kLineNodes = 32;

// Collects paragraphs from the flow of a body: blocks end paragraphs, so does `<br><br>` (two
// line breaks with nothing but whitespace between them); a single <br> is a space. With
// `only_items`, text outside <p> and <li> elements (a date, a byline or a label in a <div>) is
// left out: a body that has paragraphs states its text in them.
class Paragraphs {
  public:
    explicit Paragraphs(bool only_items) : m_only_items(only_items) {}

    void enter(GumboTag t) {
        boundary();
        m_items += is_item(t) ? 1 : 0;
    }
    void leave(GumboTag t) {
        boundary();
        m_items -= is_item(t) ? 1 : 0;
    }
    void text(int node, std::string_view s) {
        if (m_only_items && m_items == 0)
            return;
        if (is_blank(s)) {
            if (!m_current.empty())
                m_current.push_back(' ');
            return;
        }
        if (m_breaks >= 2)
            boundary();
        else if (m_breaks == 1)
            m_current.push_back(' ');
        m_breaks = 0;
        if (m_first_node < 0)
            m_first_node = node;
        m_current.append(s);
    }
    void br(int) {
        if (m_first_node >= 0) // line breaks before any text are only space
            ++m_breaks;
    }
    // Ends the current paragraph.
    void boundary() {
        std::string paragraph = clean(m_current);
        if (!paragraph.empty()) {
            if (m_out.empty())
                m_first = m_first_node;
            m_out.push_back(std::move(paragraph));
        }
        m_current.clear();
        m_breaks = 0;
        m_first_node = -1;
    }

    std::vector<std::string> &paragraphs() { return m_out; }
    // The node where the first paragraph's text starts; -1 when there is none.
    int first_node() const { return m_first; }

    static bool is_item(GumboTag t) { return t == GUMBO_TAG_P || t == GUMBO_TAG_LI; }

  private:
    bool m_only_items;
    int m_items = 0; // the <p> and <li> elements the flow is in
    std::string m_current;
    int m_breaks = 0;
    int m_first_node = -1;
    int m_first = -1;
    std::vector<std::string> m_out;
};

// What the page states about itself outside its body: <head> metadata, RDFa and microdata.
struct PageMeta {
    std::map<std::string, std::string> first; // meta key (lower case) -> first content
    std::vector<std::string> sections;        // every article:section
    std::string canonical;
    int title_element = -1;
};

PageMeta read_meta(const Tree &tree) {
    PageMeta meta;
    auto keep = [&](std::string key, std::string_view value) {
        value = text::trim(value);
        if (!value.empty())
            meta.first.try_emplace(lower_ascii(key), clean(value));
    };
    for (int i = 0; i < tree.size(); ++i) {
        const Node &n = tree[i];
        if (!is_element(n.g))
            continue;
        GumboTag t = tree.tag(i);
        std::string_view content = tree.attr(i, "content");
        if (t == GUMBO_TAG_META) {
            for (const char *key_attr : {"property", "name", "itemprop"})
                for (std::string_view key : tokens_of(tree.attr(i, key_attr)))
                    if (equals_ci(key, "article:section")) {
                        if (auto s = clean(content); !s.empty())
                            meta.sections.push_back(s);
                    } else {
                        keep(std::string(key), content);
                    }
        } else if (t == GUMBO_TAG_LINK) {
            if (has_token(tree.attr(i, "rel"), "canonical") && meta.canonical.empty())
                meta.canonical = std::string(text::trim(tree.attr(i, "href")));
        } else if (t == GUMBO_TAG_TITLE) {
            if (meta.title_element < 0)
                meta.title_element = i;
        } else {
            // RDFa (property="dc:date" content="...") and microdata (itemprop="datePublished")
            // on ordinary elements.
            for (std::string_view key : tokens_of(tree.attr(i, "property")))
                keep(std::string(key), content);
            if (std::string_view key = tree.attr(i, "itemprop"); !key.empty())
                keep(std::string(key), content.empty() ? tree.attr(i, "datetime") : content);
        }
    }
    return meta;
}

std::string first_of(const PageMeta &meta, std::initializer_list<const char *> keys) {
    for (const char *key : keys)
        if (auto it = meta.first.find(key); it != meta.first.end())
            return it->second;
    return {};
}

// The body: a known body element, else the element whose own paragraphs (its <p> children and
// the items of its lists) hold the most text, within the content elements when there are any;
// else (no paragraphs at all) the outermost content element with text, else <body>.
int find_body(const Tree &tree) {
    for (int i = 0; i < tree.size(); ++i)
        if (is_element(tree[i].g) && !tree[i].hidden && !tree[i].chrome &&
            (tree.has_class(i, "field--name-field-pr-body") || tree.has_class(i, "field--name-body") ||
             equals_ci(text::trim(tree.attr(i, "itemprop")), "articleBody")) &&
            tree.visible_length(i) > 0)
            return i;
    int best = -1;
    std::size_t best_length = 0;
    for (int i = 0; i < tree.size(); ++i) {
        if (!is_element(tree[i].g) || !tree.in_text(i))
            continue;
        std::size_t length = 0;
        tree.for_each_child(i, [&](int c) {
            if (!tree.in_text(c))
                return;
            GumboTag t = tree.tag(c);
            if (t == GUMBO_TAG_P)
                length += tree.visible_length(c);
            else if (t == GUMBO_TAG_UL || t == GUMBO_TAG_OL)
                tree.for_each_child(c, [&](int item) {
                    if (tree.tag(item) == GUMBO_TAG_LI && tree.in_text(item))
                        length += tree.visible_length(item);
                });
        });
        if (length > best_length) {
            best = i;
            best_length = length;
        }
    }
    if (best >= 0)
        return best;
    // No paragraphs anywhere: the text is laid out with <div>s and <br>s. The first content
    // element with text, else <body>, is read by its blocks.
    int page_body = -1;
    for (int i = 0; i < tree.size(); ++i) {
        if (!is_element(tree[i].g) || tree[i].hidden || tree[i].chrome)
            continue;
        if (tree.tag(i) == GUMBO_TAG_BODY)
            page_body = i;
        else if (tree[i].content && !tree[tree[i].parent].content && tree.visible_length(i) > 0)
            return i; // the outermost: the parent of a content element is never the document
    }
    return page_body;
}

int find_by_id(const Tree &tree, std::string_view id) {
    for (int i = 0; i < tree.size(); ++i)
        if (is_element(tree[i].g) && !tree[i].hidden && tree.attr(i, "id") == id)
            return i;
    return -1;
}

// <title> without the site's name: "Title | Office | Site" -> "Title", "Title - Site" -> "Title".
std::string title_without_site(std::string title) {
    std::size_t cut = title.find(" | ");
    if (cut == std::string::npos)
        for (std::string_view dash : {" - ", " \u2013 ", " \u2014 "})
            if (std::size_t at = title.rfind(dash); at != std::string::npos && (cut == std::string::npos || at > cut))
                cut = at;
    if (cut != std::string::npos && cut > 0)
        title.resize(cut);
    return clean(title);
}

// The title element and text: h1#node-title, else the last h1 before the body's first
// paragraph (within the content elements when the page has them). -1 when none.
int find_title_heading(const Tree &tree, int first_paragraph_node) {
    if (int i = find_by_id(tree, "node-title"); i >= 0 && !tree.text(i).empty())
        return i;
    int best = -1;
    for (int i = 0; i < tree.size() && i < first_paragraph_node; ++i)
        if (tree.tag(i) == GUMBO_TAG_H1 && tree.in_text(i) && !tree.text(i).empty())
            best = i;
    return best;
}

// A class naming a date: "date", "pubdate", "published", or "date" among the words of a longer
// name ("date-display-single", "entry-date", "field--name-field-pr-date").
bool names_date(std::string_view value) {
    for (std::string_view token : tokens_of(value)) {
        if (equals_ci(token, "pubdate") || equals_ci(token, "published"))
            return true;
        for (std::size_t i = 0; i <= token.size();) {
            std::size_t end = std::min(token.find_first_of("-_", i), token.size());
            if (equals_ci(token.substr(i, end - i), "date"))
                return true;
            i = end + 1;
        }
    }
    return false;
}

// A date stated on a line of its own after a word: "Posted April 13, 2018", "Updated May 2,
// 2018" (the date may sit in an element of its own). Chrome is skipped when asked.
std::optional<Date> stated_date(const Tree &tree, std::string_view keyword, bool skip_chrome) {
    for (int i = 0; i < tree.size(); ++i) {
        const Node &n = tree[i];
        if (!is_text(n.g) || n.hidden || (skip_chrome && n.chrome) || !after_keyword(n.g->v.text.text, keyword))
            continue;
        if (tree[n.parent].end - n.parent > kLineNodes)
            continue; // a line, not a whole section that happens to start with the word
        std::string line = tree.text(n.parent);
        if (line.size() > 200)
            continue;
        if (auto rest = after_keyword(line, keyword))
            if (auto d = english_date(*rest))
                return d->date;
    }
    return std::nullopt;
}

std::optional<Date> find_date(const Tree &tree, const PageMeta &meta) {
    if (auto d = any_date(first_of(meta, {"dc:date", "dc.date", "dcterms.date", "dc.date.issued", "dcterms.issued",
                                          "article:published_time", "datepublished"})))
        return d;
    std::optional<Date> displayed;
    for (int pass = 0; pass < 2; ++pass) // content elements first, then anywhere shown
        for (int i = 0; i < tree.size(); ++i) {
            const Node &n = tree[i];
            if (!is_element(n.g) || n.hidden || n.chrome || (pass == 0 && !tree.in_text(i)))
                continue;
            if (tree.tag(i) == GUMBO_TAG_TIME && has_attribute(n.g, "datetime"))
                if (auto d = any_date(tree.attr(i, "datetime")))
                    return d;
            if (!displayed && n.end - i <= kLineNodes && names_date(tree.attr(i, "class")))
                displayed = any_date(tree.text(i));
        }
    if (displayed)
        return displayed;
    // A stated line: "Posted April 13, 2018" (the date may sit in an element of its own).
    return stated_date(tree, "Posted", true);
}

std::optional<Date> find_updated(const Tree &tree, const PageMeta &meta) {
    if (auto d = any_date(first_of(meta, {"article:modified_time", "dcterms.modified", "datemodified"})))
        return d;
    return stated_date(tree, "Updated", false);
}

// The items of a labelled field, as justice.gov lays them out: a `field__label` ("Component(s):")
// and, beside it, `field__item` elements.
std::vector<std::string> labelled_items(const Tree &tree, std::initializer_list<std::string_view> labels) {
    std::vector<std::string> items;
    for (int i = 0; i < tree.size(); ++i) {
        if (!is_element(tree[i].g) || tree[i].hidden || !tree.has_class(i, "field__label"))
            continue;
        std::string label = tree.text(i);
        while (!label.empty() && (label.back() == ':' || label.back() == ' '))
            label.pop_back();
        if (std::none_of(labels.begin(), labels.end(), [&](std::string_view l) { return equals_ci(label, l); }))
            continue;
        const int field = tree[i].parent;
        for (int j = field + 1; j < tree[field].end; ++j)
            if (is_element(tree[j].g) && !tree[j].hidden && tree.has_class(j, "field__item"))
                if (std::string item = tree.text(j);
                    !item.empty() && std::find(items.begin(), items.end(), item) == items.end())
                    items.push_back(std::move(item));
        if (!items.empty())
            return items;
    }
    return items;
}

std::string join(const std::vector<std::string> &parts, std::string_view separator) {
    std::string out;
    for (const auto &p : parts) {
        if (!out.empty())
            out.append(separator);
        out.append(p);
    }
    return out;
}

// The publisher: og:site_name, else justice.gov's header ("Department of Justice", "Office of
// Public Affairs").
std::string find_source(const Tree &tree, const PageMeta &meta) {
    if (std::string site = first_of(meta, {"og:site_name"}); !site.empty())
        return site;
    for (int i = 0; i < tree.size(); ++i) {
        if (!is_element(tree[i].g) || tree[i].hidden || !tree.has_class(i, "pr-header"))
            continue;
        std::vector<std::string> parts;
        tree.for_each_child(i, [&](int c) {
            if (tree.has_class(c, "department") || tree.has_class(c, "agency"))
                if (std::string s = tree.text(c); !s.empty())
                    parts.push_back(std::move(s));
        });
        return join(parts, ", ");
    }
    return {};
}

} // namespace

Result<ParsedHtml> parse_html_page(std::string_view bytes) {
    if (text::trim(bytes).empty())
        return bad("the page is empty; save the page again or remove the file");
    ParsedHtml page;
    auto document = decode_and_parse(bytes, page.charset);
    if (!document)
        return document.error();
    const Tree tree((*document)->root());
    const PageMeta meta = read_meta(tree);
    Release &r = page.release;

    const int body = find_body(tree);
    const int subtitle = find_by_id(tree, "node-subtitle");
    // Headings are the page's title and labels ("Related Materials:"), not paragraphs.
    auto left_out = [&](int j) { return tree[j].hidden || tree[j].chrome || is_heading(tree.tag(j)) || j == subtitle; };
    bool has_items = false;
    for (int j = body + 1; body >= 0 && j < tree[body].end && !has_items;)
        if (is_element(tree[j].g) && left_out(j))
            j = tree[j].end;
        else
            has_items = Paragraphs::is_item(tree.tag(j++));
    Paragraphs paragraphs(has_items);
    if (body >= 0)
        tree.flow(body, left_out, paragraphs);
    paragraphs.boundary();
    r.paragraphs = std::move(paragraphs.paragraphs());
    std::erase_if(r.paragraphs, [](const std::string &p) { return is_date_line(p); });

    if (int heading = find_title_heading(tree, paragraphs.first_node() < 0 ? tree.size() : paragraphs.first_node());
        heading >= 0)
        r.title = tree.text(heading);
    if (r.title.empty())
        r.title = first_of(meta, {"og:title"});
    if (r.title.empty() && meta.title_element >= 0)
        r.title = title_without_site(tree.text(meta.title_element));
    if (r.title.empty())
        page.warnings.emplace_back("the page states no title (no h1, og:title or <title>); it is indexed without one");

    if (subtitle >= 0)
        r.subtitle = tree.text(subtitle);
    r.url = meta.canonical.empty() ? first_of(meta, {"og:url"}) : meta.canonical;
    r.date = find_date(tree, meta);
    r.updated = find_updated(tree, meta);
    auto components = labelled_items(tree, {"Component(s)", "Components", "Component"});
    r.category = join(components.empty() ? meta.sections : components, "; ");
    if (auto numbers = labelled_items(tree, {"Press Release Number"}); !numbers.empty())
        r.reference = numbers.front();
    r.source = find_source(tree, meta);

    // Some pages repeat the title as the first body paragraph; it adds nothing to the body.
    auto key = [](std::string_view s) { return text::fold_case(text::fold_for_terms(s)); };
    if (!r.paragraphs.empty() && !r.title.empty() && key(r.paragraphs.front()) == key(r.title))
        r.paragraphs.erase(r.paragraphs.begin());
    if (r.paragraphs.empty())
        return bad("the page" + (r.title.empty() ? std::string() : " `" + r.title + "`") +
                   " has no body paragraphs (no <p> or list text in its <article>, <main> or <body>); check that "
                   "the whole page was saved");
    r.lang = text::detect_language(r.title + "\n" + r.body());
    return page;
}

} // namespace pressroom::indexer
