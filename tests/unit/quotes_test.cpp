// Quotation extraction: the forms press releases use, and what is not a quotation.
#include <algorithm>

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

TEST_CASE("plural subjects, letters and their addressees name the people the release names", "[quotes]") {
    auto q = of({"Senators Barbara A. Mikulski, Benjamin L. Cardin (both D-Md.) and Tom Carper (D-Del.) today "
                 "applauded the rule change.",
                 "In their letter, the Senators noted that, \"the raising of poultry is a major industry in our "
                 "states.\"",
                 "\"I will never stop in my fight for the little guy,\" said Senator Mikulski."});
    REQUIRE(q.size() == 2);
    CHECK(q[0].speaker == "Barbara A. Mikulski, Benjamin L. Cardin and Tom Carper");
    CHECK(q[1].speaker == "Barbara A. Mikulski");

    q = of({"Sen. Rick Santorum today sent a letter to President Bush concerning Iraq.",
            "The letter states, \"I strongly believe that the American people should hear objective "
            "assessments.\""});
    REQUIRE(q.size() == 1);
    CHECK(q[0].speaker == "Rick Santorum");
    CHECK(q[0].attributed_as == "The letter");

    q = of({"Five Senators have written to Homeland Security Secretary Michael Chertoff.", "Dear Secretary Chertoff:",
            "During your testimony, you told the Committee that \"a ruse that involves safety or health is not "
            "appropriate.\""});
    REQUIRE(q.size() == 1);
    CHECK(q[0].speaker == "Michael Chertoff");
}

TEST_CASE("names given without a title, verb first, or after a place complete the speaker", "[quotes]") {
    auto q = of({"Senate Democrats Max Baucus and Jack Reed today joined Gov. Jon Corzine.",
                 "\"SCHIP is a vital safety net for many Rhode Island families,\" said Senator Reed."});
    REQUIRE(q.size() == 1);
    CHECK(q[0].speaker == "Jack Reed");

    q = of({"Said Schumer, \"What bank robbery was to the Depression era, identity theft is to the "
            "Information Age.\""});
    REQUIRE(q.size() == 1);
    CHECK(q[0].speaker == "Schumer");

    q = of({"\"The law protects people from threats,\" said U.S. Attorney for the Eastern District of Michigan "
            "Barbara L. McQuade."});
    REQUIRE(q.size() == 1);
    CHECK(q[0].speaker == "Barbara L. McQuade");

    q = of({"Sens. Olympia J. Snowe (R-Maine) and John D. (Jay) Rockefeller IV (D-WV) introduced legislation.",
            "\"This bill will enable us to continue closing the digital divide,\" said Rockefeller."});
    REQUIRE(q.size() == 1);
    CHECK(q[0].speaker == "John D. (Jay) Rockefeller IV");
}

TEST_CASE("a quotation after a sentence about its speaker, and one repeated attribution", "[quotes]") {
    auto q = of({"Senator McConnell has led the fight for years, and today he praised Craig Williams. \"Craig "
                 "Williams and the Working Group are leaders in this fight.\""});
    REQUIRE(q.size() == 1);
    CHECK(q[0].speaker == "McConnell");

    q = of({"Sen. Craig Thomas introduced the SAVE Initiative today.",
            "\"Saving is an important step toward tax reform,\" Thomas said. \"Social Security was never "
            "intended to be the sole source of retirement income,\" Thomas said."});
    REQUIRE(q.size() == 1);
    CHECK(q[0].speaker == "Craig Thomas");
    CHECK(q[0].text.find("sole source") != std::string::npos);
}

TEST_CASE("bodies quoted for a word, and names that are not people, are not speakers", "[quotes]") {
    CHECK(
        of({"WASHINGTON - The Justice Department announced that Lloyd Royal, aka \"Blyss\", was convicted."}).empty());
    CHECK(of({"The Justice Department announced Operation \"Devilfish\" today."}).empty());
    auto q = of({"\"The Clean Water Act protects our waters,\" said the U.S. Attorney for the Eastern District of "
                 "Michigan."});
    REQUIRE(q.size() == 1);
    CHECK(q[0].speaker != "Eastern District");
    q = of({"The American Lung Association said \"lawmakers need to be more engaged on flu vaccines.\"",
            "\"The Flu Protection Act will help,\" he said."});
    REQUIRE(q.size() == 2);
    CHECK(q[0].speaker == "American Lung Association");
    CHECK(q[1].speaker != "American Lung Association");
    // A sentence opened by a lower-case word before a quotation.
    CHECK(of({"then it ended. \"Nothing more was said about the matter at the meeting that day.\""}).size() == 1);
}

TEST_CASE("words quoted in passing after a describing verb are its subject's", "[quotes]") {
    auto q = of({"Sen. Tim Johnson's (D-SD) office today announced new tax forms.",
                 "In the letter, Johnson described these tax extenders as \"targeted tax cuts that help working "
                 "families.\"",
                 "Speaking on the Senate floor, Senator Ted Stevens characterized the delay as a matter of "
                 "\"extreme urgency.\"",
                 "And Cheryl Jacques of the Human Rights Campaign is wrong when she described them as \"hate-filled "
                 "people.\""});
    REQUIRE(q.size() == 2);
    CHECK(q[0].speaker == "Tim Johnson");
    CHECK(q[0].attributed_as == "Johnson");
    CHECK(q[1].speaker == "Ted Stevens");
    CHECK(q[1].text == "extreme urgency.");
    // "she" could be the untitled Cheryl Jacques, or the senator named before: not a guess.
    auto untitled = of({"Sen. Bill Frist spoke today.", "And Cheryl Jacques of the Human Rights Campaign is wrong when "
                                                        "she described proponents as \"hate-filled people.\""});
    CHECK(std::none_of(untitled.begin(), untitled.end(), [](const auto &x) { return x.speaker == "Bill Frist"; }));
}

TEST_CASE("a first-person statement right after the opening paragraph is its titled subject's", "[quotes]") {
    auto q = of({"Sen. Pat Roberts, Chairman of the Senate Select Committee on Intelligence today announced that "
                 "the Committee favorably reported out the nomination.",
                 "\"I am pleased the Committee acted quickly and voted strongly in favor of the nomination.\""});
    REQUIRE(q.size() == 1);
    CHECK(q[0].speaker == "Pat Roberts");
    CHECK(q[0].role == "Senator");
    CHECK(q[0].attributed_as.empty());
    auto sponsor = of({"Sen. Byron Dorgan spoke today.", "Dorgan is the lead sponsor of the legislation.",
                       "\"People are having difficulty paying for gas and I don't think the government should make "
                       "things worse.\""});
    REQUIRE(sponsor.size() == 1);
    CHECK(sponsor[0].speaker == "Byron Dorgan");
    // Not in the first person: the release's own words quoting someone unnamed stay without a speaker.
    auto third = of({"Sen. Pat Roberts today announced that the Committee reported out the nomination.",
                     "\"The Committee acted quickly and voted strongly in favor of the nomination of the director.\""});
    REQUIRE(third.size() == 1);
    CHECK(third[0].speaker.empty());
}

TEST_CASE("statements introduced as remarks or excerpts or by several people", "[quotes]") {
    auto q = of({"U.S. Senator Richard Burr today spoke in support of the nomination. Burr delivered the remarks "
                 "at a Senate Judiciary Committee hearing today.",
                 "\"Thomas Schroeder's sharp legal mind and professional experience make him an excellent choice.\""});
    REQUIRE(q.size() == 1);
    CHECK(q[0].speaker == "Richard Burr");
    auto excerpts = of({"Sen. Debbie Stabenow will speak on the nomination.",
                        "Stabenow in her statement will focus on jobs. The following are excerpts of her scheduled "
                        "remarks:",
                        "\"Mr. Gutierrez has been an effective and visionary leader at Kellogg. He turned things "
                        "around.\""});
    REQUIRE(excerpts.size() == 1);
    CHECK(excerpts[0].speaker == "Debbie Stabenow");
    auto joint = of({"Alaska's Congressional Delegation, Senator Ted Stevens, Senator Lisa Murkowski, and "
                     "Congressman Don Young, today released the following statement in response to Senator Joe "
                     "Lieberman's bill.",
                     "\"Now is not the time to cut our country off from the resources held in Alaska's Coastal "
                     "Plain.\""});
    REQUIRE(joint.size() == 1);
    CHECK(joint[0].speaker == "Ted Stevens, Lisa Murkowski and Don Young");
}

TEST_CASE("spellings of one name are one speaker", "[quotes]") {
    using quotes::speaker_key;
    CHECK(speaker_key("Park Won Soon") == speaker_key("Park Won-soon"));
    CHECK(speaker_key("park  won‐soon") == speaker_key("Park Won Soon"));
    CHECK(speaker_key("Olympia J. Snowe") == speaker_key("Olympia Snowe"));
    CHECK(speaker_key("Olympia Snowe") != speaker_key("Susan Collins"));
    // A short given name is the full one: the release signs "Charles E. Grassley".
    CHECK(speaker_key("Chuck Grassley") == speaker_key("Charles E. Grassley"));
    CHECK(speaker_key("Ted Kennedy") == speaker_key("Edward M. Kennedy"));
    CHECK(speaker_key("Chuck Grassley") != speaker_key("Chuck Hagel"));
    CHECK(speaker_key("Chuck") != speaker_key("Charles"));
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

TEST_CASE("words reported after a speech verb are its subject's, titles are not quotations", "[quotes]") {
    auto q = of({"Sen. Byron Dorgan (D-ND) met trade officials today.",
                 "Dorgan said the agreement was a \"hopeful sign\" for farmers.",
                 "Secretary Michael Chertoff had previously stated that he was \"very concerned\" about delays.",
                 "Dorgan said that \"Making Homeownership a Reality\" is the program's name."});
    REQUIRE(q.size() == 2);
    CHECK(q[0].text == "hopeful sign");
    CHECK(q[0].speaker == "Byron Dorgan");
    CHECK(q[1].text == "very concerned");
    CHECK(q[1].speaker == "Michael Chertoff");
    // A name the quotation stands for is not a speaker's words.
    CHECK(of({"Sen. Byron Dorgan spoke.", "Dorgan called the plan \"Operation Safe Harbor\" today."}).empty());
}

TEST_CASE("two quotations joined in one sentence share a speaker", "[quotes]") {
    auto q = of({"Judge Charles B. Renfrew said the mediation had run its course.",
                 "Judge Renfrew states \"I do not see any purpose served in extending the period,\" and \"the "
                 "parties have reached an impasse.\""});
    REQUIRE(q.size() == 2);
    CHECK(q[0].speaker == "Charles B. Renfrew");
    CHECK(q[1].speaker == "Charles B. Renfrew");
}

TEST_CASE("a short form is completed only from someone holding that office", "[quotes]") {
    auto q = of({"Governor Jeb Bush toured the damage with Senator Bill Nelson.",
                 "\"We will rebuild every home,\" said President Bush."});
    REQUIRE(q.size() == 1);
    CHECK(q[0].speaker == "Bush");
    CHECK(q[0].attributed_as == "President Bush");
}

TEST_CASE("a pronoun is the person named last in the narration", "[quotes]") {
    auto q = of({"Sen. Pete Domenici held his weekly call with reporters.",
                 "* Assessing Senator Barack Obama's Presidential Run",
                 "Domenici says he will press the Energy Department. He says DOE would need \"real positive "
                 "reasons\" for the cuts.",
                 "The Senator from Vermont, Senator Leahy, said the rule would \"use majority power to override "
                 "the rights of the minority.\""});
    REQUIRE(q.size() == 2);
    CHECK(q[0].speaker == "Pete Domenici");
    CHECK(q[0].attributed_as == "He");
    CHECK(q[1].speaker == "Leahy");
    CHECK(q[1].attributed_as == "Senator Leahy");
    // A surname inside a quotation or as a modifier is not the narrator naming someone.
    auto inside = of({"Sen. Pete Domenici and Sen. Dianne Feinstein wrote the bills.",
                      "\"We need to fix the program,\" said Domenici.",
                      "The first Feinstein bill would restore the law's intent.", "\"It is overdue,\" he said."});
    REQUIRE(inside.size() == 2);
    CHECK(inside[1].speaker == "Pete Domenici");
}
