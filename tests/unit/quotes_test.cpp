// Quotation extraction: the forms press releases use, and what is not a quotation.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "quotes.h"

using namespace pressroom;
using quotes::extract_quotes;

namespace {
std::vector<quotes::Quote> of(std::vector<std::string> paragraphs) { return extract_quotes(paragraphs); }
} // namespace

TEST_CASE("a quote split by its attribution is one quotation with the full name", "[quotes]") {
    auto q = of({"Mayor Park Won Soon met the council.",
                 "“We will make sure the council works,” said Mayor Park Won Soon. “That is what this agreement "
                 "is all about.”"});
    REQUIRE(q.size() == 1);
    CHECK(q[0].text == "We will make sure the council works That is what this agreement is all about.");
    CHECK(q[0].speaker == "Park Won Soon");
    CHECK(q[0].role == "Mayor");
    CHECK(q[0].attributed_as == "Mayor Park Won Soon");
    CHECK(q[0].paragraph == 2);
}

TEST_CASE("short forms and pronouns are completed from the person the release named", "[quotes]") {
    auto q = of({"Seoul Mayor Park Won Soon is visiting Beijing.",
                 "“China’s impact on Seoul’s economy is significant,” explained Mayor Park. He added, “I hope to "
                 "learn more about China.”"});
    REQUIRE(q.size() == 2);
    CHECK(q[0].speaker == "Park Won Soon");
    CHECK(q[0].attributed_as == "Mayor Park");
    CHECK(q[1].speaker == "Park Won Soon");
    CHECK(q[1].attributed_as == "He");
    CHECK(q[1].text == "I hope to learn more about China.");
}

TEST_CASE("attribution before the quote and straight quotation marks", "[quotes]") {
    auto q = of({"Sen. Olympia J. Snowe spoke today.", "Snowe said, \"This bill helps every family in Maine.\""});
    REQUIRE(q.size() == 1);
    CHECK(q[0].speaker == "Olympia J. Snowe");
    CHECK(q[0].role == "Senator");
}

TEST_CASE("a quote running over paragraphs is one quotation", "[quotes]") {
    auto q = of({"\"Even though we are blessed with an abundant food supply, millions go hungry,\" said Dayton. "
                 "\"Hunger is not a concern just for the hungry.",
                 "\"I am honored to become a member of the Senate Hunger Caucus.\""});
    REQUIRE(q.size() == 1);
    CHECK(q[0].paragraph == 1);
    CHECK(q[0].paragraph_end == 2);
    CHECK(q[0].text.find("I am honored") != std::string::npos);
    CHECK(q[0].speaker == "Dayton");
}

TEST_CASE("a quotation nobody is named for has no speaker", "[quotes]") {
    auto q = of({"The report ended: “Every city in the region must cut its emissions by half before 2030.”"});
    REQUIRE(q.size() == 1);
    CHECK(q[0].speaker.empty());
    CHECK(q[0].role.empty());
}

TEST_CASE("titles, names of things and scare quotes are not quotations", "[quotes]") {
    CHECK(of({"Mayor Park will give a special lecture titled “Seoul’s Governance and Urban Innovation.”"}).empty());
    CHECK(of({"The themes were China’s 13th Five-Year Plan and “One Belt, One Road” Initiative."}).empty());
    CHECK(of({"Mr. Brown testified that FEMA had to pay a \"tax\" to fund shared services."}).empty());
    CHECK(of({"Under the topic, “A new future of Northeast Asia found in the city,” Mayor Park spoke on "
              "climate change."})
              .empty());
    CHECK(of({"In 2013, they launched the ‘Seoul-Beijing Integration Committee,’ with the two mayors."}).empty());
}

TEST_CASE("a statement introduced by the paragraph before is its speaker's", "[quotes]") {
    auto q = of({"Sen. Saxby Chambliss, R-Ga., issued the following statement regarding the new plant.",
                 "\"This is certainly a great day for the State of Georgia and for every worker in it.\""});
    REQUIRE(q.size() == 1);
    CHECK(q[0].speaker == "Saxby Chambliss");
}

TEST_CASE("joint statements name each speaker in full", "[quotes]") {
    auto q = of({"Sens. Olympia J. Snowe (R-ME) and Susan Collins (R-ME) today announced a grant.",
                 "\"We are pleased with the contributions of the program,\" Senators Snowe and Collins said."});
    REQUIRE(q.size() == 1);
    CHECK(q[0].speaker == "Olympia J. Snowe and Susan Collins");
}

TEST_CASE("spellings of one name are one speaker", "[quotes]") {
    using quotes::speaker_key;
    CHECK(speaker_key("Park Won Soon") == speaker_key("Park Won-soon"));
    CHECK(speaker_key("park  won‐soon") == speaker_key("Park Won Soon"));
    CHECK(speaker_key("Olympia J. Snowe") == speaker_key("Olympia Snowe"));
    CHECK(speaker_key("Olympia Snowe") != speaker_key("Susan Collins"));
    quotes::SpeakerKeys keys(SynonymGroups{{"park won soon", "박원순", "朴元淳"}});
    CHECK(keys("박원순") == keys("Park Won-soon"));
    CHECK(keys("朴元淳") == keys("park won soon"));
    CHECK(keys("Oh Se-hoon") != keys("Park Won-soon"));
    CHECK(keys("Oh Se-hoon") == speaker_key("Oh Se-hoon"));
}

TEST_CASE("a release's quotations carry what a citation needs", "[quotes]") {
    Release r;
    r.id = "smg/1";
    r.title = "Mayor visits Beijing";
    r.source = "Seoul Metropolitan Government";
    r.date = Date{2015, 11, 2};
    r.paragraphs = {"Seoul Mayor Park Won Soon is in Beijing.",
                    "“We will cooperate on air quality with Beijing,” said Mayor Park."};
    auto records = quotes::quote_records(r);
    REQUIRE(records.size() == 1);
    CHECK(records[0].id == "smg/1#q1");
    CHECK(records[0].date == "2015-11-02");
    auto back = quotes::quote_record_from_json(quotes::to_json(records[0]));
    CHECK(back.quote.speaker == "Park Won Soon");
    CHECK(back.release_id == "smg/1");
    CHECK(back.title == "Mayor visits Beijing");
    CHECK(back.quote.paragraph == 2);
}
