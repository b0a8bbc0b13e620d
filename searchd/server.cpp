#include "server.h"

#include <sys/socket.h>

#include <algorithm>
#include <charconv>
#include <chrono>

#include <fmt/chrono.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "doc_page.h"
#include "export.h"
#include "feed.h"
#include "markup.h"
#include "opensearch.h"
#include "overload.h"
#include "query_text.h"
#include "render.h"
#include "response_cache.h"
#include "search_request.h"
#include "searcher.h"
#include "server_metrics.h"
#include "stored_data.h"
#include "text.h"

namespace pressroom::searchd {

namespace {

constexpr const char *kJson = "application/json; charset=utf-8";

// Damage does not go away by waiting: the message names the index and what mends it.
std::string damaged(const std::filesystem::path &db, const std::string &what) {
    return "the index at `" + db.string() + "` is damaged (" + what + "); rebuild it with `pressroom-indexer --db " +
           db.string() + " --rebuild SOURCE...`";
}

int status_of(ErrorCode code) {
    switch (code) {
    case ErrorCode::InvalidParameter:
    case ErrorCode::InvalidRequest:
    case ErrorCode::InvalidInput:
        return 400;
    case ErrorCode::NotFound:
        return 404;
    case ErrorCode::Unavailable:
        return 503;
    case ErrorCode::TooManyRequests:
        return 429;
    case ErrorCode::Internal:
        return 500;
    }
    return 500;
}

void send_error(httplib::Response &res, const Error &error) {
    res.status = status_of(error.code);
    res.set_content(render_error(error), kJson);
}

Params params_of(const httplib::Request &req) { return Params(req.params.begin(), req.params.end()); }

void get_search(SearcherPool &pool, ResponseCache *cache, Metrics &metrics, const httplib::Request &req,
                httplib::Response &res) {
    Params params = params_of(req);
    auto request = parse_search_request(params);
    if (!request)
        return send_error(res, request.error());
    auto start = std::chrono::steady_clock::now();
    bool hit = false;
    std::shared_ptr<const CachedAnswer> answer = pool.with([&](Searcher &s) -> std::shared_ptr<const CachedAnswer> {
        std::string key;
        if (cache) {
            key = cache_key(s.revision(), params);
            if (auto found = cache->get(key)) {
                hit = true;
                return found;
            }
        }
        SearchResult result = s.search(*request);
        auto made =
            std::make_shared<CachedAnswer>(CachedAnswer{cut_took_ms(render_search(result, 0)), result.total == 0});
        if (cache && !result.partial) // a search cut short by the time limit is not the answer
            cache->put(key, made);
        return made;
    });
    if (answer->found_nothing && !text::trim(request->words).empty())
        metrics.search_without_results();
    if (cache)
        res.set_header("X-Cache", hit ? "hit" : "miss");
    double took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    res.set_content(answer->body.with(took_ms), kJson);
}

// The address clients reach this server by, for absolute links (feeds, exports, OpenSearch):
// the Host header when it is a plain host[:port], and the scheme a reverse proxy states.
std::string base_url(const httplib::Request &req, const ServerOptions &options) {
    std::string host = req.get_header_value("Host");
    bool plain = !host.empty() && host.size() <= 255 &&
                 host.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]") ==
                     std::string::npos;
    if (!plain)
        host = options.host + ":" + std::to_string(options.port);
    std::string scheme = req.get_header_value("X-Forwarded-Proto") == "https" ? "https" : "http";
    return scheme + "://" + host;
}

// Runs the search of an export or feed: the request's parameters, `count` results from the
// first, fetched a page of 100 at a time so the order is the one the search pages show.
SearchResult run_bulk(SearcherPool &pool, SearchRequest request, std::size_t count) {
    request.facets = false;
    request.per_page = kMaxPerPage;
    SearchResult all;
    for (request.page = 1; all.hits.size() < count; ++request.page) {
        SearchResult part = pool.with([&](Searcher &s) { return s.search(request); });
        bool last = part.hits.size() < static_cast<std::size_t>(kMaxPerPage) || request.page == kMaxPage;
        if (request.page == 1) {
            all = std::move(part);
        } else {
            for (auto &hit : part.hits)
                all.hits.push_back(std::move(hit));
        }
        if (last)
            break;
    }
    if (all.hits.size() > count)
        all.hits.resize(count);
    all.page = 1;
    all.per_page = static_cast<int>(count);
    return all;
}

void get_export(SearcherPool &pool, const ServerOptions &options, const httplib::Request &req, httplib::Response &res) {
    std::string format = req.get_param_value("format");
    if (format != "csv" && format != "json")
        return send_error(res, {ErrorCode::InvalidParameter, "parameter `format` must be csv or json, got `" +
                                                                 std::string(text::utf8_prefix(format, 40)) +
                                                                 "`; e.g. /api/export?format=csv&q=..."});
    auto request = parse_search_request(params_of(req));
    if (!request)
        return send_error(res, request.error());
    SearchResult result = run_bulk(pool, *request, kExportLimit);
    std::string base = base_url(req, options);
    if (format == "csv") {
        res.set_content(render_csv(result, base), "text/csv; charset=utf-8");
        res.set_header("Content-Disposition", "attachment; filename=\"pressroom-export.csv\"");
    } else {
        res.set_content(render_export_json(result, base), kJson);
        res.set_header("Content-Disposition", "attachment; filename=\"pressroom-export.json\"");
    }
}

// Entries in a feed.
constexpr std::size_t kFeedEntries = 20;

void get_feed(SearcherPool &pool, const ServerOptions &options, const httplib::Request &req, httplib::Response &res) {
    auto request = parse_search_request(params_of(req));
    if (!request)
        return send_error(res, request.error());
    request->sort = Sort::Newest;
    SearchResult result = run_bulk(pool, *request, kFeedEntries);
    std::string base = base_url(req, options);
    std::string query = req.target.find('?') == std::string::npos ? "" : req.target.substr(req.target.find('?'));
    FeedContext ctx{base, base + "/feed" + query, base + "/" + query,
                    request->q.empty() ? "Pressroom: newest releases" : "Pressroom: " + request->q};
    res.set_content(render_atom(result, ctx), "application/atom+xml; charset=utf-8");
}

void get_similar(SearcherPool &pool, const httplib::Request &req, httplib::Response &res) {
    std::string id = req.matches[1];
    int count = 10;
    if (req.has_param("per_page")) {
        std::string v = req.get_param_value("per_page");
        auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), count);
        if (ec != std::errc() || end != v.data() + v.size() || count < 1 || count > 50)
            return send_error(
                res, {ErrorCode::InvalidParameter, "parameter `per_page` must be a whole number from 1 to 50, got `" +
                                                       std::string(text::utf8_prefix(v, 40)) + "`"});
    }
    auto result = pool.with([&](Searcher &s) { return s.similar(id, count); });
    if (!result)
        return send_error(res, {ErrorCode::NotFound, "no release with id `" + id + "`; ids come from /api/search"});
    res.set_content(render_similar(*result), kJson);
}

void get_suggest(SearcherPool &pool, const httplib::Request &req, httplib::Response &res) {
    std::string q = req.get_param_value("q");
    std::string format = req.get_param_value("format");
    if (!text::is_valid_utf8(q))
        return send_error(res, {ErrorCode::InvalidParameter, "parameter `q` is not valid UTF-8"});
    if (q.size() > 200)
        return send_error(
            res, {ErrorCode::InvalidParameter, "parameter `q` is too long for suggestions (at most 200 bytes)"});
    if (!format.empty() && format != "opensearch")
        return send_error(
            res, {ErrorCode::InvalidParameter, "parameter `format` takes only `opensearch` (or nothing), got `" +
                                                   std::string(text::utf8_prefix(format, 40)) + "`"});
    auto suggestions = pool.with([&](Searcher &s) { return s.suggest(q); });
    if (format == "opensearch")
        res.set_content(render_suggestions_opensearch(q, suggestions), "application/x-suggestions+json");
    else
        res.set_content(render_suggestions(q, suggestions), kJson);
}

void get_doc_page(SearcherPool &pool, const httplib::Request &req, httplib::Response &res) {
    std::string id = req.matches[1];
    std::string q = req.get_param_value("q");
    if (!text::is_valid_utf8(q) || q.size() > kMaxQueryBytes)
        q.clear(); // only highlighting depends on it
    auto view = pool.with([&](Searcher &s) { return s.document_view(id, q); });
    if (!view) {
        res.status = 404;
        res.set_content(render_not_found_page(id), "text/html; charset=utf-8");
        return;
    }
    DocPage page{view->release, view->title_html, view->subtitle_html, view->paragraphs_html, q};
    res.set_content(render_doc_page(page), "text/html; charset=utf-8");
}

void get_document(SearcherPool &pool, const httplib::Request &req, httplib::Response &res) {
    std::string id = req.matches[1]; // httplib has decoded the path already
    auto release = pool.with([&](Searcher &s) { return s.document(id); });
    if (!release)
        return send_error(res, {ErrorCode::NotFound, "no release with id `" + id + "`; ids come from /api/search"});
    res.set_content(render_document(*release), kJson);
}

void get_quotes(SearcherPool &pool, const httplib::Request &req, httplib::Response &res) {
    auto request = parse_search_request(params_of(req));
    if (!request)
        return send_error(res, request.error());
    const Filters &f = request->filters;
    if (!f.category.empty() || !f.not_category.empty() || !f.source.empty() || !f.not_source.empty() ||
        !f.lang.empty() || !f.not_lang.empty())
        return send_error(res, {ErrorCode::InvalidParameter,
                                "category, source and language filters apply to releases, not quotations; "
                                "filter quotations by speaker, year or dates (speaker=, from=, to=)"});
    auto start = std::chrono::steady_clock::now();
    QuoteResult result = pool.with([&](Searcher &s) { return s.quotes(*request); });
    double took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    res.set_content(render_quotes(result, took_ms), kJson);
}

// `q` of the speaker routes: optional words, checked like /api/search's.
std::optional<Error> check_words(const std::string &q) {
    if (!text::is_valid_utf8(q))
        return Error{ErrorCode::InvalidParameter, "parameter `q` is not valid UTF-8"};
    if (q.size() > kMaxQueryBytes)
        return Error{ErrorCode::InvalidParameter,
                     "parameter `q` is too long (at most " + std::to_string(kMaxQueryBytes) + " bytes); shorten it"};
    return std::nullopt;
}

void get_speakers(SearcherPool &pool, const httplib::Request &req, httplib::Response &res) {
    std::string q = req.get_param_value("q");
    if (auto error = check_words(q))
        return send_error(res, *error);
    res.set_content(render_speakers(pool.with([&](Searcher &s) { return s.speakers(q); })), kJson);
}

void get_timeline(SearcherPool &pool, const httplib::Request &req, httplib::Response &res) {
    std::string name = req.matches[1];
    std::string q = req.get_param_value("q");
    if (auto error = check_words(q))
        return send_error(res, *error);
    if (!text::is_valid_utf8(name) || name.size() > 200)
        return send_error(res, {ErrorCode::InvalidParameter, "the speaker's name is not valid UTF-8 or is too long"});
    auto timeline = pool.with([&](Searcher &s) { return s.timeline(name, q); });
    if (!timeline)
        return send_error(res, {ErrorCode::NotFound, "nobody named `" + std::string(text::utf8_prefix(name, 80)) +
                                                         "` is quoted; /api/speakers lists the names quoted"});
    res.set_content(render_timeline(*timeline), kJson);
}

void post_verify(SearcherPool &pool, const httplib::Request &req, httplib::Response &res) {
    const std::string hint = "; send JSON such as {\"quote\": \"the words as printed\"}";
    std::string quote;
    if (req.get_header_value("Content-Type").rfind("text/plain", 0) == 0) {
        quote = req.body;
    } else {
        nlohmann::json body = nlohmann::json::parse(req.body, nullptr, /*allow_exceptions=*/false);
        if (body.is_discarded() || !body.is_object())
            return send_error(res, {ErrorCode::InvalidRequest, "the request body is not a JSON object" + hint});
        auto it = body.find("quote");
        if (it == body.end() || !it->is_string())
            return send_error(res, {ErrorCode::InvalidRequest, "the JSON body has no string `quote`" + hint});
        quote = it->get<std::string>();
    }
    if (!text::is_valid_utf8(quote))
        return send_error(res, {ErrorCode::InvalidParameter, "the quote is not valid UTF-8"});
    if (quote.size() > kMaxVerifyBytes)
        return send_error(res, {ErrorCode::InvalidParameter, "the quote is too long (at most " +
                                                                 std::to_string(kMaxVerifyBytes) +
                                                                 " bytes); check it a paragraph at a time"});
    std::string words = text::collapse_whitespace(query_text::words_only(quote));
    if (std::count(words.begin(), words.end(), ' ') < 2)
        return send_error(res,
                          {ErrorCode::InvalidParameter, "give at least three words of the quote to check, as printed"});
    res.set_content(render_verify(pool.with([&](Searcher &s) { return s.verify(quote); })), kJson);
}

void get_health(SearcherPool &pool, const httplib::Request &, httplib::Response &res) {
    res.set_content(render_health(pool.with([](Searcher &s) { return s.health(); })), kJson);
}

constexpr const char *kNotFoundPage =
    "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Not found - Pressroom</title>"
    "<h1>Nothing here</h1><p>This address does not exist. <a href=\"/\">Search the press releases</a>.</p></html>\n";

bool is_api_path(const std::string &path) { return path.rfind("/api/", 0) == 0 || path == "/healthz"; }

// Messages for requests refused before any route saw them.
std::string protocol_error_message(int status) {
    switch (status) {
    case 413:
        return "the request body is too large (at most 64 KB)";
    case 414:
        return "the URL is too long; shorten the query (`q` takes at most 1000 bytes)";
    case 405:
        return "this method is not allowed here; the API answers GET requests (and POST /api/verify)";
    case 400:
        return "the request is malformed, or one of its headers is longer than 8 KB; send GET requests such as "
               "/api/search?q=mayor";
    default:
        return "the request is malformed (HTTP " + std::to_string(status) +
               "); send GET requests such as /api/search?q=mayor";
    }
}

void register_routes(httplib::Server &server, SearcherPool &pool, const ServerOptions &options,
                     std::shared_ptr<Metrics> metrics) {
    std::shared_ptr<ResponseCache> cache =
        options.cache_mb > 0 ? std::make_shared<ResponseCache>(options.cache_mb << 20) : nullptr;
    server.Get("/api/search", [&pool, cache, metrics](const auto &req, auto &res) {
        get_search(pool, cache.get(), *metrics, req, res);
    });
    server.Get("/metrics", [&pool, cache, metrics](const httplib::Request &, httplib::Response &res) {
        GateFacts gate{pool.gate().limit(), pool.gate().running(), pool.gate().waiting()};
        Health health = pool.with([](Searcher &s) { return s.health(); });
        CacheFacts cached = cache ? cache->stats() : CacheFacts{};
        res.set_content(
            metrics->render({health.documents, health.revision, health.last_run}, gate, cached, PRESS_VERSION),
            "text/plain; version=0.0.4; charset=utf-8");
    });
    server.Get(R"(/api/doc/(.+))", [&pool](const auto &req, auto &res) { get_document(pool, req, res); });
    server.Get(R"(/api/similar/(.+))", [&pool](const auto &req, auto &res) { get_similar(pool, req, res); });
    server.Get("/api/suggest", [&pool](const auto &req, auto &res) { get_suggest(pool, req, res); });
    server.Get("/api/export", [&pool, options](const auto &req, auto &res) { get_export(pool, options, req, res); });
    server.Get("/feed", [&pool, options](const auto &req, auto &res) { get_feed(pool, options, req, res); });
    server.Get("/opensearch.xml", [options](const auto &req, auto &res) {
        res.set_content(render_opensearch(base_url(req, options)), "application/opensearchdescription+xml");
    });
    server.Get(R"(/doc/(.+))", [&pool](const auto &req, auto &res) { get_doc_page(pool, req, res); });
    server.Get("/healthz", [&pool](const auto &req, auto &res) { get_health(pool, req, res); });
    server.Get("/api/quotes", [&pool](const auto &req, auto &res) { get_quotes(pool, req, res); });
    server.Get("/api/speakers", [&pool](const auto &req, auto &res) { get_speakers(pool, req, res); });
    server.Get(R"(/api/speakers/(.+)/timeline)", [&pool](const auto &req, auto &res) { get_timeline(pool, req, res); });
    // The one POST: checking a quote reads the index and changes nothing.
    server.Post("/api/verify", [&pool](const auto &req, auto &res) { post_verify(pool, req, res); });
    // Nothing in the API changes anything: every other method is refused, with the reason.
    auto refuse = [](const httplib::Request &, httplib::Response &res) {
        send_error(res, {ErrorCode::InvalidRequest, protocol_error_message(405)});
        res.status = 405;
        res.set_header("Allow", "GET, HEAD");
    };
    server.Post(".*", refuse);
    server.Put(".*", refuse);
    server.Delete(".*", refuse);
    server.Patch(".*", refuse);
}

// When the request this thread is answering was routed; reset once it is logged.
thread_local std::chrono::steady_clock::time_point t_routed{};

// One access log line as a JSON object.
std::string access_json(const httplib::Request &req, const httplib::Response &res, double ms) {
    auto clean = [](const std::string &s) { return text::is_valid_utf8(s) ? s : std::string("(invalid UTF-8)"); };
    auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    return nlohmann::json{{"time", fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(now))},
                          {"remote", req.remote_addr},
                          {"method", clean(req.method)},
                          {"target", clean(req.target)},
                          {"status", res.status},
                          {"bytes", res.body.size()},
                          {"ms", ms}}
        .dump();
}

void register_handlers(httplib::Server &server, const ServerOptions &options, std::shared_ptr<Metrics> metrics) {
    auto log = spdlog::get("http");
    // Headers every response carries (httplib adds them unless a handler set its own).
    server.set_default_headers({
        {"Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "no-referrer"},
        {"X-Frame-Options", "DENY"},
    });
    std::vector<std::string> origins = options.cors_origins;
    std::shared_ptr<RateLimiter> limiter;
    if (options.rate_limit > 0)
        limiter = std::make_shared<RateLimiter>(options.rate_limit,
                                                options.rate_burst > 0 ? options.rate_burst : 2 * options.rate_limit);
    std::string client_header = options.client_header;
    double rate = options.rate_limit;
    server.set_pre_routing_handler(
        [origins, limiter, client_header, rate](const httplib::Request &req, httplib::Response &res) {
            t_routed = std::chrono::steady_clock::now();
            // Every worker busy and the queue full: say so at once rather than keep the client waiting.
            if (BoundedPool::overloaded()) {
                send_error(res, {ErrorCode::Unavailable,
                                 "the server is busy: every worker is taken and the queue is full; retry in a second"});
                res.set_header("Retry-After", "1");
                res.set_header("Connection", "close");
                return httplib::Server::HandlerResponse::Handled;
            }
            // Monitoring is never rate limited.
            if (limiter && req.path != "/healthz" && req.path != "/metrics") {
                std::string client = client_header.empty() ? "" : req.get_header_value(client_header);
                if (client.empty())
                    client = req.remote_addr;
                if (!limiter->allow(client, std::chrono::steady_clock::now())) {
                    send_error(res, {ErrorCode::TooManyRequests,
                                     fmt::format("too many requests from this address (at most {:g} a second); wait a "
                                                 "second and try again",
                                                 rate)});
                    res.set_header("Retry-After", "1");
                    return httplib::Server::HandlerResponse::Handled;
                }
            }
            // Cross-origin reads only for the origins configured, never for any origin.
            std::string origin = req.get_header_value("Origin");
            if (!origin.empty() && std::find(origins.begin(), origins.end(), origin) != origins.end()) {
                res.set_header("Access-Control-Allow-Origin", origin);
                res.set_header("Vary", "Origin");
            }
            return httplib::Server::HandlerResponse::Unhandled;
        });
    bool json = options.access_log == AccessLog::Json, quiet = options.access_log == AccessLog::Off;
    server.set_logger([log, metrics, json, quiet](const httplib::Request &req, const httplib::Response &res) {
        double seconds = 0;
        if (t_routed != std::chrono::steady_clock::time_point{})
            seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t_routed).count();
        t_routed = {};
        metrics->record(route_of(req.path), res.status, seconds);
        if (!log || quiet)
            return;
        if (json)
            log->info("{}", access_json(req, res, seconds * 1000));
        else
            log->info("{} {} {} {} {}B", req.remote_addr, req.method, req.target, res.status, res.body.size());
    });
    server.set_exception_handler(
        [log, db = options.db](const httplib::Request &req, httplib::Response &res, std::exception_ptr ep) {
            Error error{ErrorCode::Internal, "the request failed unexpectedly; the server log has details"};
            std::string detail = "unknown exception";
            try {
                std::rethrow_exception(ep);
            } catch (const store::IndexError &e) {
                error = {ErrorCode::Unavailable, e.what()};
                detail = e.what();
            } catch (const Xapian::DatabaseCorruptError &e) {
                error = {ErrorCode::Unavailable, damaged(db, e.get_msg())};
                detail = e.get_description();
            } catch (const stored::DataError &e) {
                error = {ErrorCode::Unavailable, damaged(db, e.what())};
                detail = e.what();
            } catch (const Xapian::DatabaseError &e) {
                error = {ErrorCode::Unavailable, "the index cannot be read right now; try again shortly"};
                detail = e.get_description();
            } catch (const Xapian::Error &e) {
                detail = e.get_description();
            } catch (const std::exception &e) {
                detail = e.what();
            } catch (...) {
            }
            if (log)
                log->error("{} {} failed: {}", req.method, req.target, detail);
            send_error(res, error);
        });
    server.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request &req,
                                                                     httplib::Response &res) {
        if (!res.body.empty())
            return httplib::Server::HandlerResponse::Unhandled;
        int status = res.status;
        if (status == 404 && !is_api_path(req.path)) {
            res.set_content(kNotFoundPage, "text/html; charset=utf-8");
            return httplib::Server::HandlerResponse::Handled;
        }
        if (status == 404)
            send_error(res, {ErrorCode::NotFound, "nothing at `" + req.path +
                                                      "`; the API has /api/search, /api/doc/{id}, /api/similar/{id}, "
                                                      "/api/suggest and /api/export"});
        else
            send_error(res, {ErrorCode::InvalidRequest, protocol_error_message(status)});
        res.status = status;
        return httplib::Server::HandlerResponse::Handled;
    }));
}

} // namespace

int bind_server(httplib::Server &server, const std::string &host, int port) {
    // Debian's compiled cpp-httplib 0.11 listens with a backlog of 5: 128 clients connecting at
    // once overflowed it, and each SYN the kernel dropped was sent again 1, 3 or 7 s later, past
    // a client's patience. listen() again on the bound socket sets a longer backlog (Linux).
    socket_t fd = INVALID_SOCKET;
    server.set_socket_options([&fd](socket_t sock) {
        httplib::default_socket_options(sock);
        fd = sock;
    });
    int bound = port == 0 ? server.bind_to_any_port(host) : (server.bind_to_port(host, port) ? port : -1);
    server.set_socket_options(httplib::default_socket_options);
    if (bound > 0 && fd != INVALID_SOCKET)
        ::listen(fd, kListenBacklog);
    return bound > 0 ? bound : -1;
}

std::unique_ptr<httplib::Server> make_server(const ServerOptions &options, SearcherPool &pool) {
    auto server = std::make_unique<httplib::Server>();
    int threads = options.threads;
    auto waiting = static_cast<std::size_t>(options.max_waiting);
    server->new_task_queue = [threads, waiting] { return new BoundedPool(static_cast<std::size_t>(threads), waiting); };
    // Without TCP_NODELAY every keep-alive response waits ~40 ms for Nagle and delayed ACKs.
    server->set_tcp_nodelay(true);
    server->set_keep_alive_max_count(1000);
    // A client that sends nothing, or reads nothing, loses its worker after io_timeout seconds.
    server->set_keep_alive_timeout(options.io_timeout);
    server->set_read_timeout(options.io_timeout, 0);
    server->set_write_timeout(options.io_timeout, 0);
    server->set_payload_max_length(64 * 1024);
    auto metrics = std::make_shared<Metrics>();
    register_routes(*server, pool, options, metrics);
    register_handlers(*server, options, metrics);
    if (!options.web.empty() && !server->set_mount_point("/", options.web.string()))
        throw std::runtime_error("the web folder `" + options.web.string() +
                                 "` does not exist; pass --web with the "
                                 "path to Pressroom's web/ folder");
    return server;
}

} // namespace pressroom::searchd
