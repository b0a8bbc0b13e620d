// The daemon's HTTP API against a real index, served on a loopback port in-process.
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <functional>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "index_store.h"
#include "searcher.h"
#include "server.h"
#include "test_support.h"
#include "text_checks.h"

using namespace pressroom;
using nlohmann::json;

namespace {

// A searchd serving the seeds from a temporary index, stopped and joined on destruction.
class RunningServer {
  public:
    explicit RunningServer(const std::function<void(searchd::ServerOptions &)> &configure = {}) {
        test::index(db, {seeds}, log);
        pool = std::make_unique<searchd::SearcherPool>(db);
        searchd::ServerOptions options;
        options.db = db;
        options.web = test::kSourceDir / "web";
        options.threads = 8;
        if (configure)
            configure(options);
        server = searchd::make_server(options, *pool);
        port = searchd::bind_server(*server, "127.0.0.1", 0);
        thread = std::thread([this] { server->listen_after_bind(); });
        for (int i = 0; i < 400 && !server->is_running(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ~RunningServer() {
        server->stop();
        thread.join();
    }
    httplib::Client client() const { return httplib::Client("127.0.0.1", port); }

    test::TempDir dir;
    test::CapturedLog log;
    std::filesystem::path seeds = test::copy_seeds(dir.path());
    std::filesystem::path db = dir / "db";
    std::unique_ptr<searchd::SearcherPool> pool;
    std::unique_ptr<httplib::Server> server;
    int port = 0;
    std::thread thread;
};

struct RawAnswer {
    int status = -1;
    std::string head; // status line and headers
    std::string body;
};

// Sends `request` byte for byte (raw NULs, invalid UTF-8, oversized headers) and reads the
// answer to its end. The server may close before it has read everything: no SIGPIPE then.
// A connected socket to 127.0.0.1:port, or -1.
int connect_to(int port) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    ::inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

RawAnswer raw_request(int port, const std::string &request) {
    RawAnswer answer;
    int fd = connect_to(port);
    if (fd < 0)
        return answer;
    for (std::size_t sent = 0; sent < request.size();) {
        ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
        if (n <= 0)
            break;
        sent += static_cast<std::size_t>(n);
    }
    std::string all;
    char buf[4096];
    for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;)
        all.append(buf, static_cast<std::size_t>(n));
    ::close(fd);
    if (all.size() >= 12 && all.rfind("HTTP/1.1 ", 0) == 0)
        answer.status = std::atoi(all.c_str() + 9);
    if (auto at = all.find("\r\n\r\n"); at != std::string::npos) {
        answer.head = all.substr(0, at);
        answer.body = all.substr(at + 4);
    }
    return answer;
}

std::string get(const std::string &target, const std::string &headers = "") {
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "Connection: close\r\n\r\n";
}

} // namespace

TEST_CASE("hostile requests get their status and a message naming the problem", "[http]") {
    // Some refusals leave the connection open until the client's silence times out.
    RunningServer srv([](searchd::ServerOptions &o) { o.io_timeout = 1; });
    std::string nested = std::string(300, '(') + "mayor" + std::string(300, ')');
    std::string big_body(200 * 1024, 'a');
    struct Case {
        const char *what;
        std::string request;
        int status;
        const char *message; // in the body; "" when any answer of that status will do
    };
    const std::vector<Case> cases = {
        {"a 10,000-character query", get("/api/search?q=" + std::string(10000, 'a')), 414, "URL is too long"},
        {"a 1,500-byte query", get("/api/search?q=" + std::string(1500, 'a')), 400, "at most 1000 are allowed"},
        {"an unbalanced quote", get("/api/search?q=%22park%20won"), 200, "\"hits\""},
        {"unbalanced parentheses", get("/api/search?q=((mayor"), 200, "\"hits\""},
        {"a one-letter wildcard", get("/api/search?q=a*"), 200, "\"hits\""},
        {"many wildcards", get("/api/search?q=s*%20t*%20c*%20m*%20p*"), 200, "\"hits\""},
        {"300 levels of nesting", get("/api/search?q=" + nested), 200, "\"hits\""},
        {"page=10^9", get("/api/search?q=a&page=1000000000"), 400, "`page` must be a whole number from 1 to 1000"},
        {"per_page=10^6", get("/api/search?q=a&per_page=1000000"), 400, "`per_page` must be a whole number"},
        {"a negative page", get("/api/search?q=a&page=-1"), 400, "got `-1`"},
        {"a page that is no number", get("/api/search?q=a&per_page=abc"), 400, "got `abc`"},
        {"a %-encoded NUL", get("/api/search?q=mayor%00seoul"), 200, "\"hits\""},
        {"a raw NUL", get(std::string("/api/search?q=a\0b", 18)), 400, ""},
        {"%-encoded invalid UTF-8", get("/api/search?q=%ff%fe"), 400, "not valid UTF-8"},
        {"raw invalid UTF-8", get("/api/search?q=\xff\xfe"), 400, "not valid UTF-8"},
        {"right-to-left and zero-width marks", get("/api/search?q=%E2%80%AEmayor%E2%80%8B"), 200, "\"hits\""},
        {"encoded traversal in a static path", get("/%2e%2e/%2e%2e/etc/passwd"), 404, "Nothing here"},
        {"a folder of the page: no listing", get("/web/"), 404, "Nothing here"},
        {"traversal in a release id", get("/api/doc/..%2f..%2fetc%2fpasswd"), 404, "no release with id"},
        {"a 100 KB header", get("/api/search?q=a", "X-Big: " + std::string(100 * 1024, 'a') + "\r\n"), 400, "headers"},
        {"a 200 KB body",
         "POST /api/verify HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: " +
             std::to_string(big_body.size()) + "\r\nConnection: close\r\n\r\n" + big_body,
         413, "body is too large"},
        {"a 3,000-byte speaker", get("/api/quotes?speaker=" + std::string(3000, 'a')), 400, "too long"},
        {"an unknown sort", get("/api/search?q=a&sort=evil"), 400, "`sort` must be relevance, newest or oldest"},
        {"an impossible date", get("/api/search?q=a&from=2024-13-45"), 400, "`from` must be a date"},
        {"a method that would change things",
         "PUT /api/search HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", 405,
         "not allowed"},
    };
    for (const auto &c : cases) {
        CAPTURE(c.what);
        RawAnswer answer = raw_request(srv.port, c.request);
        CHECK(answer.status == c.status);
        CHECK(answer.body.find(c.message) != std::string::npos);
    }
    // And the server still answers.
    CHECK(raw_request(srv.port, get("/api/search?q=mayor")).status == 200);
}

TEST_CASE("search answers JSON with highlighted hits", "[http]") {
    RunningServer srv;
    auto res = srv.client().Get("/api/search?q=Integration%20Council&per_page=3");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->get_header_value("Content-Type").find("application/json") == 0);
    json body = json::parse(res->body);
    CHECK(body["query"] == "Integration Council");
    // One release has both words; the closest matches (one of the words) follow it.
    CHECK(body["total"] == 3);
    CHECK(body["total_exact"] == true);
    CHECK(body["notice"] == "Only 1 release has all of these words; the closest matches follow.");
    CHECK(body["page"] == 1);
    CHECK(body["per_page"] == 3);
    CHECK(body["took_ms"].is_number());
    REQUIRE(body["hits"].size() == 3);
    const json &hit = body["hits"][0];
    CHECK(hit["id"] == "003_1c1750da9e3d431d.txt");
    CHECK(hit["date"].is_null());
    CHECK(hit["url"].is_null());
    CHECK(hit["category"] == "Mayor's News2");
    CHECK(hit["source"] == "Seoul Metropolitan Government");
    CHECK(hit["snippet_html"].get<std::string>().find("<mark>") != std::string::npos);
    CHECK(hit["title_html"].is_string());
    CHECK(hit["score"].is_number());
}

TEST_CASE("bad parameters get 400 with a message naming them", "[http]") {
    RunningServer srv;
    auto cli = srv.client();
    struct Row {
        const char *target;
        const char *mentions;
    };
    const Row rows[] = {
        {"/api/search?q=x&page=abc", "`page` must be a whole number from 1 to 1000, got `abc`"},
        {"/api/search?q=x&page=0", "`page`"},
        {"/api/search?q=x&page=1000000000", "`page`"},
        {"/api/search?q=x&per_page=1000000", "`per_page` must be a whole number from 1 to 100"},
        {"/api/search?q=x&per_page=-1", "`per_page`"},
        {"/api/search?q=%FF%FE", "`q` is not valid UTF-8"},
        {"/api/search?q=x&sort=date", "`sort` must be relevance, newest or oldest, got `date`"},
        {"/api/search?q=x&from=2015-02-30", "`from` must be a date written YYYY, YYYY-MM or YYYY-MM-DD"},
        {"/api/search?q=x&from=2016&to=2013", "the dates do not overlap"},
        {"/api/search?q=x&year=15", "`year` must be a year written YYYY, got `15`"},
        {"/api/search?q=x&facets=maybe", "`facets` must be true or false"},
        {"/api/search?q=x&undated=yes", "`undated` takes only the value `only`"},
        {"/api/search?q=x%20date:2013..abc", "`date:2013..abc` must be a date written YYYY"},
        {"/api/search?q=x%20-date:2013", "a date range cannot be excluded"},
        {"/api/export?q=x", "`format` must be csv or json"},
        {"/api/export?format=csv&sort=x", "`sort`"},
        {"/feed?q=x&from=yesterday", "`from`"},
        {"/api/similar/003_1c1750da9e3d431d.txt?per_page=0", "`per_page` must be a whole number from 1 to 50"},
        {"/api/suggest?q=be&format=xml", "`format` takes only `opensearch`"},
        {"/api/suggest?q=%FF", "`q` is not valid UTF-8"},
    };
    for (const auto &row : rows) {
        CAPTURE(row.target);
        auto res = cli.Get(row.target);
        REQUIRE(res);
        CHECK(res->status == 400);
        json body = json::parse(res->body);
        CHECK(body["error"]["code"] == "invalid_parameter");
        CHECK(body["error"]["message"].get<std::string>().find(row.mentions) != std::string::npos);
    }
    auto long_query = cli.Get(("/api/search?q=" + std::string(5000, 'a')).c_str());
    REQUIRE(long_query);
    CHECK(long_query->status == 400);
    CHECK(json::parse(long_query->body)["error"]["message"].get<std::string>().find("shorten") != std::string::npos);
}

TEST_CASE("queries that the parser cannot read still answer", "[http]") {
    RunningServer srv;
    auto cli = srv.client();
    for (const char *q : {"%22Park%20Won", "(Beijing", "Beijing)", "AND", "NOT", "title:", "-", "*", "%22%22",
                          "Seoul%20OR", "((((a", "Park%20NEAR/3"}) {
        CAPTURE(q);
        auto res = cli.Get((std::string("/api/search?q=") + q).c_str());
        REQUIRE(res);
        CHECK(res->status == 200);
        CHECK(json::parse(res->body)["hits"].is_array());
    }
}

TEST_CASE("documents are found by id and unknown ones get 404", "[http]") {
    RunningServer srv;
    auto cli = srv.client();
    auto doc = cli.Get("/api/doc/004_470a66b87affb606.txt");
    REQUIRE(doc);
    CHECK(doc->status == 200);
    json body = json::parse(doc->body);
    CHECK(body["title"] == "Mayors of Seoul and Beijing agree to strengthen cooperation");
    CHECK(body["date"] == "2024-08-01T08:21");
    CHECK(body["paragraphs"].size() > 3);
    auto missing = cli.Get("/api/doc/no-such-release");
    REQUIRE(missing);
    CHECK(missing->status == 404);
    CHECK(json::parse(missing->body)["error"]["message"].get<std::string>().find("no-such-release") !=
          std::string::npos);
    auto route = cli.Get("/api/nothing-here");
    REQUIRE(route);
    CHECK(route->status == 404);
    CHECK(json::parse(route->body)["error"]["code"] == "not_found");
}

TEST_CASE("requests refused before any route say why", "[http]") {
    RunningServer srv;
    auto cli = srv.client();
    auto post = cli.Post("/api/search", "q=x", "application/x-www-form-urlencoded");
    REQUIRE(post);
    CHECK(post->status == 405);
    CHECK(post->get_header_value("Allow") == "GET, HEAD");
    CHECK(json::parse(post->body)["error"]["code"] == "invalid_request");
    auto del = cli.Delete("/api/doc/004_470a66b87affb606.txt");
    REQUIRE(del);
    CHECK(del->status == 405);
    auto long_url = cli.Get(("/api/search?q=" + std::string(20000, 'a')).c_str());
    REQUIRE(long_url);
    CHECK(long_url->status == 414);
    CHECK(json::parse(long_url->body)["error"]["message"].get<std::string>().find("URL is too long") !=
          std::string::npos);
    auto page = cli.Get("/no/such/page");
    REQUIRE(page);
    CHECK(page->status == 404);
    CHECK(page->get_header_value("Content-Type").find("text/html") == 0);
    CHECK(page->body.find("href=\"/\"") != std::string::npos);
}

TEST_CASE("ids with slashes spaces and percent signs round-trip", "[http]") {
    RunningServer srv;
    test::write_file(srv.seeds / "sub dir" / "a b%25.txt", "Harbour Ferry Resumes\n\nThe harbour ferry runs again.\n");
    test::index(srv.db, {srv.seeds}, srv.log);
    auto cli = srv.client();
    auto found = cli.Get("/api/search?q=harbour%20ferry");
    REQUIRE(found);
    json hits = json::parse(found->body)["hits"];
    REQUIRE(hits.size() == 1);
    CHECK(hits[0]["id"] == "sub dir/a b%25.txt");
    // as the page asks for it: encodeURIComponent(id)
    auto doc = cli.Get("/api/doc/sub%20dir%2Fa%20b%2525.txt");
    REQUIRE(doc);
    CHECK(doc->status == 200);
    CHECK(json::parse(doc->body)["title"] == "Harbour Ferry Resumes");
}

TEST_CASE("health reports the document count", "[http]") {
    RunningServer srv;
    auto res = srv.client().Get("/healthz");
    REQUIRE(res);
    CHECK(res->status == 200);
    json body = json::parse(res->body);
    CHECK(body["status"] == "ok");
    CHECK(body["documents"] == 5);
    CHECK(body["generation"].get<std::string>().rfind("gen-", 0) == 0);
}

TEST_CASE("the web page is served and nothing outside its folder", "[http]") {
    RunningServer srv;
    auto page = srv.client().Get("/");
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->body.find("<html") != std::string::npos);
    CHECK(raw_request(srv.port, get("/index.html")).status == 200);
    for (const char *target : {"/../CMakeLists.txt", "/../../etc/passwd", "/%2e%2e/CMakeLists.txt",
                               "/..%2fCMakeLists.txt", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/web/../../README.md"}) {
        CAPTURE(target);
        int status = raw_request(srv.port, get(target)).status;
        CHECK((status == 404 || status == 400));
    }
}

TEST_CASE("searches keep answering while the index is updated and rebuilt", "[http]") {
    RunningServer srv;
    std::atomic<bool> done{false};
    std::atomic<int> ok{0}, failed{0};
    std::vector<std::thread> clients;
    for (int t = 0; t < 4; ++t)
        clients.emplace_back([&] {
            auto cli = srv.client();
            // Bounded: stops when the indexing runs end, or after 5,000 requests.
            for (int i = 0; i < 5000 && !done; ++i) {
                auto res = cli.Get("/api/search?q=Beijing");
                (res && res->status == 200 && json::parse(res->body)["total"] >= 4 ? ok : failed)++;
            }
        });
    test::write_file(srv.seeds / "005_new.txt",
                     "Seoul Opens Bike Lanes\n\nSeoul opened bike lanes near Beijing Road.\n");
    for (int round = 0; round < 3; ++round) {
        test::index(srv.db, {srv.seeds}, srv.log);
        test::index(srv.db, {srv.seeds}, srv.log, /*rebuild=*/true);
    }
    done = true;
    for (auto &c : clients)
        c.join();
    CHECK(failed == 0);
    CHECK(ok > 0);
    auto res = srv.client().Get("/api/search?q=bike%20lanes");
    REQUIRE(res);
    CHECK(json::parse(res->body)["total"] == 1);
}

TEST_CASE("a repeated search is answered from the cache until the index changes", "[http][cache]") {
    RunningServer srv;
    auto cli = srv.client();
    auto search = [&](const std::string &target, const std::string &expect_cache) {
        auto res = cli.Get(target.c_str());
        REQUIRE(res);
        REQUIRE(res->status == 200);
        CHECK(res->get_header_value("X-Cache") == expect_cache);
        json j = json::parse(res->body);
        CHECK(j["took_ms"].is_number());
        j.erase("took_ms");
        return j;
    };
    json first = search("/api/search?q=Beijing", "miss");
    CHECK(first["total"] >= 4);
    CHECK(search("/api/search?q=Beijing", "hit") == first);
    // Any other parameter is another search.
    CHECK(search("/api/search?q=Beijing&sort=newest", "miss")["sort"] == "newest");
    CHECK(search("/api/search?q=Beijing&facets=false", "miss")["facets"].is_null());

    // An update to the index: the next answer is searched afresh and finds the new release.
    json before = search("/api/search?q=bike%20lanes", "miss");
    CHECK(search("/api/search?q=bike%20lanes", "hit") == before);
    test::write_file(srv.seeds / "005_new.txt",
                     "Seoul Opens Bike Lanes\n\nSeoul opened bike lanes near Beijing Road.\n");
    test::index(srv.db, {srv.seeds}, srv.log);
    json after = search("/api/search?q=bike%20lanes", "miss");
    CHECK(after["total"] == 1);
    CHECK(after["hits"][0]["title"] == "Seoul Opens Bike Lanes");
    CHECK(search("/api/search?q=bike%20lanes", "hit") == after);
    CHECK(search("/api/search?q=Beijing", "miss")["total"] == first["total"].get<int>() + 1);

    // A rebuild without the release swaps in a new index: nothing older is served.
    std::filesystem::remove(srv.seeds / "005_new.txt");
    test::index(srv.db, {srv.seeds}, srv.log, /*rebuild=*/true);
    CHECK(search("/api/search?q=bike%20lanes", "miss")["total"] == 0);
    CHECK(search("/api/search?q=Beijing", "miss") == first);

    // The cache's work shows in /metrics.
    auto metrics = cli.Get("/metrics");
    REQUIRE(metrics);
    CHECK(metrics->body.find("pressroom_search_cache_hits_total 3\n") != std::string::npos);
    CHECK(metrics->body.find("pressroom_search_cache_misses_total 8\n") != std::string::npos);
}

TEST_CASE("with --cache-mb 0 every search is searched afresh", "[http][cache]") {
    RunningServer srv([](searchd::ServerOptions &o) { o.cache_mb = 0; });
    auto cli = srv.client();
    for (int i = 0; i < 2; ++i) {
        auto res = cli.Get("/api/search?q=Beijing");
        REQUIRE(res);
        CHECK(res->status == 200);
        CHECK_FALSE(res->has_header("X-Cache"));
    }
    auto metrics = cli.Get("/metrics");
    REQUIRE(metrics);
    CHECK(metrics->body.find("pressroom_search_cache_misses_total 0\n") != std::string::npos);
}

TEST_CASE("a removed or damaged index answers 503 naming it and the rebuild that mends it", "[http]") {
    RunningServer srv;
    auto cli = srv.client();
    REQUIRE(cli.Get("/api/search?q=Beijing")->status == 200);
    auto check_unavailable = [&](const std::string &what, const char *target = "/api/search?q=Beijing") {
        INFO(what);
        auto res = cli.Get(target);
        REQUIRE(res);
        CHECK(res->status == 503);
        json error = json::parse(res->body)["error"];
        CHECK(error["code"] == "unavailable");
        std::string message = error["message"];
        CHECK_THAT(message, Catch::Contains("`" + srv.db.string() + "`"));
        CHECK_THAT(message, Catch::Contains("--rebuild"));
    };
    auto check_served = [&] {
        auto res = cli.Get("/api/search?q=Beijing");
        REQUIRE(res);
        CHECK(res->status == 200);
    };
    // The live generation's folder removed, the stub left naming it.
    std::filesystem::remove_all(srv.db / *store::live_generation(srv.db));
    check_unavailable("generation removed");
    test::index(srv.db, {srv.seeds}, srv.log, /*rebuild=*/true);
    check_served();
    // The live generation's version file overwritten.
    test::write_file(srv.db / *store::live_generation(srv.db) / "iamglass", "not a version file");
    check_unavailable("version file overwritten");
    // Enough releases that the postings span many blocks, so that a search reads blocks from
    // the file and not only those the open database keeps in memory.
    {
        std::string lines;
        for (int i = 0; i < 3000; ++i) {
            std::string body;
            for (int w = 0; w < 30; ++w) {
                unsigned n = static_cast<unsigned>(i * 31 + w * 7919) % 20000;
                body += std::string{' ', static_cast<char>('a' + n % 26), static_cast<char>('a' + n / 26 % 26),
                                    static_cast<char>('a' + n / 676 % 26), 'x'};
            }
            lines += nlohmann::json{{"id", "filler-" + std::to_string(i)}, {"title", "Filler"}, {"body", body}}.dump() +
                     "\n";
        }
        test::write_file(srv.seeds / "filler.jsonl", lines);
    }
    test::index(srv.db, {srv.seeds}, srv.log, /*rebuild=*/true);
    check_served();
    // The postings table overwritten in place with bytes that are no B-tree: the health check
    // reads the tables too, so a monitor sees the damage, not only the counts kept in memory.
    REQUIRE(cli.Get("/healthz")->status == 200);
    {
        std::filesystem::path table = srv.db / *store::live_generation(srv.db) / "postlist.glass";
        std::string junk(std::filesystem::file_size(table), '\0');
        for (std::size_t i = 0; i < junk.size(); ++i)
            junk[i] = static_cast<char>((i * 7919 + 13) % 251);
        std::fstream out(table, std::ios::binary | std::ios::in | std::ios::out);
        out.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
    // A search not answered before reads the damaged table; one answered before, from the same
    // revision when the tables were sound, is still answered from the response cache.
    check_unavailable("postings overwritten", "/api/search?q=mayor");
    auto remembered = cli.Get("/api/search?q=Beijing");
    REQUIRE(remembered);
    CHECK(remembered->status == 200);
    CHECK(remembered->get_header_value("X-Cache") == "hit");
    auto health = cli.Get("/healthz");
    REQUIRE(health);
    CHECK(health->status == 503);
    test::index(srv.db, {srv.seeds}, srv.log, /*rebuild=*/true);
    check_served();
    CHECK(cli.Get("/healthz")->status == 200);
    // Stored releases that are not compressed frames, as an index of another schema holds.
    {
        Xapian::WritableDatabase w((srv.db / *store::live_generation(srv.db)).string(), Xapian::DB_OPEN);
        for (Xapian::docid did = 1; did <= w.get_lastdocid(); ++did) {
            Xapian::Document doc = w.get_document(did);
            doc.set_data(R"({"title":"plain JSON"})");
            w.replace_document(did, doc);
        }
        w.commit();
    }
    check_unavailable("stored releases not compressed");
    CHECK(cli.Get("/healthz")->status == 503);
    test::index(srv.db, {srv.seeds}, srv.log, /*rebuild=*/true);
    check_served();
}

TEST_CASE("search answers with facets, the filters in force, the sort and the query reading", "[http]") {
    RunningServer srv;
    auto res = srv.client().Get("/api/search?q=Beijing%20category:%22Mayor%27s%20News2%22&sort=newest");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    json body = json::parse(res->body);
    CHECK(body["sort"] == "newest");
    CHECK(body["filters"]["category"] == json::array({"Mayor's News2"}));
    CHECK(body["query_reading"] == "all of: beijing; category: Mayor's News2");
    CHECK(body["suggestion"].is_null());
    CHECK(body["total"] == 1);
    CHECK(body["facets"]["category"] == json::parse(R"([{"value": "Mayor's News2", "count": 1}])"));
    CHECK(body["facets"]["undated"] == 1);
    CHECK(body["hits"][0]["paragraph"].is_number());
    CHECK(body["hits"][0]["lang"] == "en");
    // A misspelling is answered with a correction that finds more.
    json misspelt = json::parse(srv.client().Get("/api/search?q=Bejing")->body);
    CHECK(misspelt["total"] == 0);
    CHECK(misspelt["suggestion"] == "Beijing");
}

TEST_CASE("similar releases, suggestions and their errors", "[http]") {
    RunningServer srv;
    auto cli = srv.client();
    auto similar = cli.Get("/api/similar/003_1c1750da9e3d431d.txt?per_page=2");
    REQUIRE(similar);
    CHECK(similar->status == 200);
    json body = json::parse(similar->body);
    CHECK(body["similar_to"]["id"] == "003_1c1750da9e3d431d.txt");
    REQUIRE(body["hits"].size() == 2);
    CHECK(body["hits"][0]["id"] != "003_1c1750da9e3d431d.txt");
    auto unknown = cli.Get("/api/similar/nope");
    REQUIRE(unknown);
    CHECK(unknown->status == 404);
    CHECK(json::parse(unknown->body)["error"]["code"] == "not_found");

    auto suggest = cli.Get("/api/suggest?q=Beij");
    REQUIRE(suggest);
    CHECK(suggest->status == 200);
    json s = json::parse(suggest->body);
    CHECK(s["query"] == "Beij");
    REQUIRE(!s["suggestions"].empty());
    CHECK(s["suggestions"][0] == json::parse(R"({"text": "beijing", "kind": "term", "count": 5})"));
    auto opensearch = cli.Get("/api/suggest?q=Beij&format=opensearch");
    REQUIRE(opensearch);
    CHECK(opensearch->get_header_value("Content-Type") == "application/x-suggestions+json");
    CHECK(json::parse(opensearch->body)[1][0] == "beijing");
}

TEST_CASE("the current search downloads as CSV and JSON", "[http]") {
    RunningServer srv;
    auto csv = srv.client().Get("/api/export?format=csv&q=Beijing");
    REQUIRE(csv);
    CHECK(csv->status == 200);
    CHECK(csv->get_header_value("Content-Type") == "text/csv; charset=utf-8");
    CHECK(csv->get_header_value("Content-Disposition") == "attachment; filename=\"pressroom-export.csv\"");
    std::string header = "rank,id,title,date,source,category,url,link,paragraph,snippet\r\n";
    CHECK(csv->body.rfind(header, 0) == 0);
    // The five seeds mention Beijing: five rows, in the order of the search.
    CHECK(test::count(csv->body, "\r\n") == 6);
    json search = json::parse(srv.client().Get("/api/search?q=Beijing")->body);
    std::string first_row = csv->body.substr(header.size(), csv->body.find("\r\n", header.size()) - header.size());
    CHECK(first_row.rfind("1," + search["hits"][0]["id"].get<std::string>() + ",", 0) == 0);
    CHECK(first_row.find("http://127.0.0.1:" + std::to_string(srv.port) + "/doc/") != std::string::npos);

    auto exported = srv.client().Get("/api/export?format=json&q=Beijing&sort=oldest");
    REQUIRE(exported);
    json j = json::parse(exported->body);
    CHECK(j["sort"] == "oldest");
    CHECK(j["exported"] == 5);
    CHECK(j["limit"] == 1000);
    REQUIRE(j["results"].size() == 5);
    CHECK(j["results"][0]["date"] == "2024-08-01T08:21"); // the only dated seed comes first, undated after
}

TEST_CASE("any search is an Atom feed, and browsers find an OpenSearch description", "[http]") {
    RunningServer srv;
    auto feed = srv.client().Get("/feed?q=Beijing");
    REQUIRE(feed);
    CHECK(feed->status == 200);
    CHECK(feed->get_header_value("Content-Type") == "application/atom+xml; charset=utf-8");
    CHECK(feed->body.find("<feed xmlns=\"http://www.w3.org/2005/Atom\">") != std::string::npos);
    // Only the dated seed can be an entry.
    CHECK(test::count(feed->body, "<entry>") == 1);
    CHECK(feed->body.find("/doc/004_470a66b87affb606.txt") != std::string::npos);

    auto description = srv.client().Get("/opensearch.xml");
    REQUIRE(description);
    CHECK(description->get_header_value("Content-Type") == "application/opensearchdescription+xml");
    CHECK(description->body.find("template=\"http://127.0.0.1:" + std::to_string(srv.port) + "/?q={searchTerms}\"") !=
          std::string::npos);
}

TEST_CASE("a release has its own page with highlighted words and paragraph anchors", "[http]") {
    RunningServer srv;
    auto page = srv.client().Get("/doc/003_1c1750da9e3d431d.txt?q=Beijing");
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(page->body.find("<mark>Beijing</mark>") != std::string::npos);
    CHECK(page->body.find("<p id=\"p1\" class=\"para\">") != std::string::npos);
    CHECK(page->body.find("href=\"#p2\"") != std::string::npos);
    CHECK(page->body.find("<script>") == std::string::npos);
    auto missing = srv.client().Get("/doc/no-such-release");
    REQUIRE(missing);
    CHECK(missing->status == 404);
    CHECK(missing->get_header_value("Content-Type") == "text/html; charset=utf-8");
}

TEST_CASE("quotations are searched with their speakers, timelines and checks", "[http][quotes]") {
    RunningServer srv;
    auto cli = srv.client();

    auto found = cli.Get("/api/quotes?q=china");
    REQUIRE(found);
    REQUIRE(found->status == 200);
    json body = json::parse(found->body);
    REQUIRE(body["total"] == 2);
    for (const auto &hit : body["hits"]) {
        CHECK(hit["speaker"] == "Park Won Soon");
        CHECK(hit["role"] == "Mayor");
        CHECK(hit["release"]["id"] == "000_afe356aea1f15e35.txt");
        CHECK(hit["href"] == "/doc/000_afe356aea1f15e35.txt?q=china#p5");
        CHECK(hit["text_html"].get<std::string>().find("<mark>China") != std::string::npos);
    }

    // Any spelling of the speaker, as a parameter or in the query.
    for (const char *target :
         {"/api/quotes?speaker=Park%20Won-soon", "/api/quotes?q=speaker:%22park%20won%20soon%22"}) {
        auto by = cli.Get(target);
        REQUIRE(by);
        INFO(target);
        CHECK(json::parse(by->body)["total"] == 3);
        CHECK(json::parse(by->body)["speaker"] == "Park Won Soon");
    }
    auto nobody = json::parse(cli.Get("/api/quotes?speaker=Oh%20Se-hoon")->body);
    CHECK(nobody["total"] == 0);
    CHECK(nobody["notice"].get<std::string>().find("/api/speakers") != std::string::npos);
    // Releases quoting a speaker, from the main search.
    auto releases = json::parse(cli.Get("/api/search?q=speaker:%22Park%20Won-soon%22")->body);
    CHECK(releases["total"] == 2);

    auto wrong = cli.Get("/api/quotes?q=china&category=Tax");
    REQUIRE(wrong);
    CHECK(wrong->status == 400);
    CHECK(json::parse(wrong->body)["error"]["message"].get<std::string>().find("speaker") != std::string::npos);

    auto speakers = json::parse(cli.Get("/api/speakers")->body);
    REQUIRE(speakers["speakers"].size() == 1);
    CHECK(speakers["speakers"][0]["name"] == "Park Won Soon");
    CHECK(speakers["speakers"][0]["quotes"] == 3);

    auto timeline = cli.Get("/api/speakers/Park%20Won-soon/timeline?q=seoul");
    REQUIRE(timeline);
    REQUIRE(timeline->status == 200);
    json t = json::parse(timeline->body);
    CHECK(t["speaker"] == "Park Won Soon");
    CHECK(t["total"] == 3);
    CHECK(t["undated"] == 3); // the seeds state no dates
    auto unknown = cli.Get("/api/speakers/Nobody%20Here/timeline");
    REQUIRE(unknown);
    CHECK(unknown->status == 404);

    auto close = cli.Post("/api/verify",
                          json{{"quote", "China’s impact on Korea’s economy is really significant, as travelers "
                                         "account for the majority of tourists"}}
                              .dump(),
                          "application/json");
    REQUIRE(close);
    REQUIRE(close->status == 200);
    json c = json::parse(close->body);
    CHECK(c["verdict"] == "close");
    CHECK(c["match"]["speaker"] == "Park Won Soon");
    std::vector<std::string> ops;
    for (const auto &op : c["diff"])
        ops.push_back(op["op"]);
    CHECK(ops == std::vector<std::string>{"same", "changed", "same", "added", "same", "missing", "same"});

    auto exact = json::parse(cli.Post("/api/verify", "That is what this agreement is all about", "text/plain")->body);
    CHECK(exact["verdict"] == "verbatim");
    auto none = json::parse(
        cli.Post("/api/verify", json{{"quote", "bananas grow on trees in warm places"}}.dump(), "application/json")
            ->body);
    CHECK(none["verdict"] == "none");
    CHECK(none["match"].is_null());
    auto bad = cli.Post("/api/verify", "{not json", "application/json");
    REQUIRE(bad);
    CHECK(bad->status == 400);
    CHECK(json::parse(bad->body)["error"]["message"].get<std::string>().find("\"quote\"") != std::string::npos);
}

TEST_CASE("every answer carries the security headers: pages and errors alike", "[http]") {
    RunningServer srv;
    auto cli = srv.client();
    std::vector<std::pair<std::string, httplib::Result>> answers;
    answers.emplace_back("search", cli.Get("/api/search?q=mayor"));
    answers.emplace_back("page", cli.Get("/"));
    answers.emplace_back("script", cli.Get("/app.js"));
    answers.emplace_back("release page", cli.Get("/doc/004_470a66b87affb606.txt"));
    answers.emplace_back("bad parameter", cli.Get("/api/search?q=x&page=-1"));
    answers.emplace_back("unknown page", cli.Get("/no/such/page"));
    answers.emplace_back("refused method", cli.Delete("/api/search"));
    for (auto &[what, res] : answers) {
        CAPTURE(what);
        REQUIRE(res);
        std::string csp = res->get_header_value("Content-Security-Policy");
        CHECK(csp.find("script-src 'self'") != std::string::npos);
        CHECK(csp.find("'unsafe-inline'") == std::string::npos);
        CHECK(csp.find("frame-ancestors 'none'") != std::string::npos);
        CHECK(res->get_header_value("X-Content-Type-Options") == "nosniff");
        CHECK(res->get_header_value("Referrer-Policy") == "no-referrer");
        // No cross-origin reads unless origins are configured.
        CHECK_FALSE(res->has_header("Access-Control-Allow-Origin"));
    }
}

TEST_CASE("cross-origin reads only for the origins configured", "[http]") {
    RunningServer srv([](searchd::ServerOptions &o) { o.cors_origins = {"https://city.example"}; });
    auto cli = srv.client();
    auto allowed = cli.Get("/api/search?q=mayor", {{"Origin", "https://city.example"}});
    REQUIRE(allowed);
    CHECK(allowed->get_header_value("Access-Control-Allow-Origin") == "https://city.example");
    CHECK(allowed->get_header_value("Vary") == "Origin");
    auto other = cli.Get("/api/search?q=mayor", {{"Origin", "https://elsewhere.example"}});
    REQUIRE(other);
    CHECK(other->status == 200);
    CHECK_FALSE(other->has_header("Access-Control-Allow-Origin"));
}

TEST_CASE("metrics count requests by route and status and empty searches and the index", "[http]") {
    RunningServer srv;
    auto cli = srv.client();
    REQUIRE(cli.Get("/api/search?q=mayor"));
    REQUIRE(cli.Get("/api/search?q=mayor"));
    REQUIRE(cli.Get("/api/search?q=zzyzxqvv"));
    REQUIRE(cli.Get("/api/search?q=x&page=0"));
    REQUIRE(cli.Get("/api/doc/004_470a66b87affb606.txt"));
    // A request is counted right after its answer is sent: the client can be quicker.
    auto counted = [](const std::string &body) {
        return body.find("route=\"/api/doc/{id}\"") != std::string::npos &&
               body.find("pressroom_http_request_duration_seconds_count{route=\"/api/search\"} 4\n") !=
                   std::string::npos;
    };
    auto res = cli.Get("/metrics");
    for (int i = 0; i < 100 && res && !counted(res->body); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        res = cli.Get("/metrics");
    }
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->get_header_value("Content-Type").rfind("text/plain; version=0.0.4", 0) == 0);
    const std::string &m = res->body;
    CHECK(m.find("pressroom_http_requests_total{route=\"/api/search\",status=\"200\"} 3\n") != std::string::npos);
    CHECK(m.find("pressroom_http_requests_total{route=\"/api/search\",status=\"400\"} 1\n") != std::string::npos);
    // Ids are not labels: one series for every release.
    CHECK(m.find("pressroom_http_requests_total{route=\"/api/doc/{id}\",status=\"200\"} 1\n") != std::string::npos);
    CHECK(m.find("004_470a66b87affb606") == std::string::npos);
    CHECK(m.find("pressroom_http_request_duration_seconds_count{route=\"/api/search\"} 4\n") != std::string::npos);
    CHECK(m.find("pressroom_searches_without_results_total 1\n") != std::string::npos);
    // The second `mayor` was answered from the response cache.
    CHECK(m.find("pressroom_search_cache_hits_total 1\n") != std::string::npos);
    CHECK(m.find("pressroom_search_cache_misses_total 2\n") != std::string::npos);
    CHECK(m.find("pressroom_index_documents 5\n") != std::string::npos);
    CHECK(m.find("pressroom_indexer_last_run_timestamp_seconds 0\n") == std::string::npos);
    CHECK(m.find("# TYPE pressroom_http_request_duration_seconds histogram") != std::string::npos);
}

TEST_CASE("one client beyond its rate gets 429 with Retry-After and monitoring is never limited", "[http]") {
    RunningServer srv([](searchd::ServerOptions &o) {
        o.rate_limit = 1;
        o.rate_burst = 3;
    });
    auto cli = srv.client();
    std::vector<int> statuses;
    for (int i = 0; i < 4; ++i) {
        auto res = cli.Get("/api/search?q=mayor");
        REQUIRE(res);
        statuses.push_back(res->status);
        if (res->status == 429) {
            CHECK(res->get_header_value("Retry-After") == "1");
            CHECK(json::parse(res->body)["error"]["code"] == "too_many_requests");
            CHECK(json::parse(res->body)["error"]["message"].get<std::string>().find("at most 1 a second") !=
                  std::string::npos);
        }
    }
    CHECK(statuses == std::vector<int>{200, 200, 200, 429});
    auto health = cli.Get("/healthz");
    REQUIRE(health);
    CHECK(health->status == 200);
    // Behind a proxy the configured header names the client: another client is not limited.
    RunningServer proxied([](searchd::ServerOptions &o) {
        o.rate_limit = 1;
        o.rate_burst = 1;
        o.client_header = "X-Real-IP";
    });
    auto pc = proxied.client();
    CHECK(pc.Get("/api/search?q=mayor", {{"X-Real-IP", "192.0.2.1"}})->status == 200);
    CHECK(pc.Get("/api/search?q=mayor", {{"X-Real-IP", "192.0.2.1"}})->status == 429);
    CHECK(pc.Get("/api/search?q=mayor", {{"X-Real-IP", "192.0.2.2"}})->status == 200);
}

TEST_CASE("with every worker taken and no room to wait a client gets 503 with Retry-After at once", "[http]") {
    RunningServer srv([](searchd::ServerOptions &o) {
        o.threads = 1;
        o.max_waiting = 0;
    });
    // A client that connects and says nothing holds the only worker.
    int idle = connect_to(srv.port);
    REQUIRE(idle >= 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    auto started = std::chrono::steady_clock::now();
    RawAnswer busy = raw_request(srv.port, get("/api/search?q=mayor"));
    double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    CHECK(busy.status == 503);
    CHECK(busy.body.find("the server is busy") != std::string::npos);
    CHECK(busy.head.find("Retry-After: 1") != std::string::npos);
    CHECK(waited < 1.0);
    ::close(idle);
    // The worker is free again: answers as usual.
    int status = -1;
    for (int i = 0; i < 50 && status != 200; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        status = raw_request(srv.port, get("/api/search?q=mayor")).status;
    }
    CHECK(status == 200);
}

TEST_CASE("a client that sends nothing loses its worker after the timeout", "[http]") {
    RunningServer srv([](searchd::ServerOptions &o) {
        o.threads = 1;
        o.io_timeout = 1;
    });
    int idle = connect_to(srv.port);
    REQUIRE(idle >= 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    // The only worker is held by the silent client: this request waits until it is let go.
    auto started = std::chrono::steady_clock::now();
    RawAnswer answer = raw_request(srv.port, get("/api/search?q=mayor"));
    double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    CHECK(answer.status == 200);
    CHECK(waited > 0.5);
    CHECK(waited < 3.0);
    char byte = 0;
    CHECK(::read(idle, &byte, 1) == 0); // closed by the server
    ::close(idle);
}

TEST_CASE("a burst of clients connecting at once is let in without delay", "[http]") {
    RunningServer srv;
    // 200 connections opened at once, before the server accepts any: with a short listen queue
    // the kernel drops the SYNs beyond it and the clients send them again only a second later.
    constexpr int kClients = 200;
    std::vector<int> fds;
    for (int i = 0; i < kClients; ++i) {
        int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
        REQUIRE(fd >= 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<uint16_t>(srv.port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr); // EINPROGRESS
        fds.push_back(fd);
    }
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(700);
    int connected = 0;
    for (int fd : fds) {
        while (std::chrono::steady_clock::now() < deadline) {
            int error = 0;
            socklen_t len = sizeof error;
            sockaddr_in peer{};
            socklen_t plen = sizeof peer;
            if (::getpeername(fd, reinterpret_cast<sockaddr *>(&peer), &plen) == 0 &&
                ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &len) == 0 && error == 0) {
                ++connected;
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }
    for (int fd : fds)
        ::close(fd);
    CHECK(connected == kClients);
}
