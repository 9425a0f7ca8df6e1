/* test_extract_place.c -- gazetteer places, and common-word names only with evidence. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "extract_fixture.h"

#define U -1

static const struct span_case place_cases[] = {
    { "She lives in Reading now", NULL, "PLACE", "Reading", 1, "Reading", U },
    { "I was reading a book", NULL, "PLACE", NULL, 0, NULL, U },
    { "Reading is hard for her", NULL, "PLACE", NULL, 0, NULL, U },
    { "#Reading tonight", NULL, "PLACE", "#Reading", 1, "Reading", U },
    { "lunch @ Reading today", NULL, "PLACE", "Reading", 1, "Reading", U },
    { "@ Reading is hard", NULL, "PLACE", NULL, 0, NULL, U },
    { "#reading list", NULL, "PLACE", NULL, 0, NULL, U },
    { "They moved to Bath last year", NULL, "PLACE", "Bath", 1, "Bath", U },
    /* lower case: a name that is no English word, after a preposition */
    { "she moved to halifax last year", NULL, "PLACE", "halifax", 1,
      "Halifax", U },
    { "a client from hebden bridge", NULL, "PLACE", "hebden bridge", 1,
      "Hebden Bridge", U },
    { "halifax was busy", NULL, "PLACE", NULL, 0, NULL, U },
    { "we met in reading group", NULL, "PLACE", NULL, 0, NULL, U },
    /* a town, not a "picker" (the occupation's stem) */
    { "a client from Pickering", NULL, "PLACE", "Pickering", 1, "Pickering",
      U },
    { "a client from Pickering", NULL, "OCCUPATION", NULL, 0, NULL, U },
    { "#Pickering", NULL, "PLACE", "#Pickering", 1, "Pickering", U },
    /* the areas a place is in are places too */
    { "my client from West Yorkshire", NULL, "PLACE", "West Yorkshire", 1,
      "West Yorkshire", U },
    { "a long bath helps", NULL, "PLACE", NULL, 0, NULL, U },
    { "Bath time again", NULL, "PLACE", NULL, 0, NULL, U },
    { "a lad from Sale", NULL, "PLACE", "Sale", 1, "Sale", U },
    { "shoes on sale", NULL, "PLACE", NULL, 0, NULL, U },
    { "Sale ends Friday", NULL, "PLACE", NULL, 0, NULL, U },
    { "grew up in March, Cambs", NULL, "PLACE", "March", 0, NULL, U },
    { "we will march on", NULL, "PLACE", NULL, 0, NULL, U },
    { "a farm near Hope", NULL, "PLACE", "Hope", 1, "Hope", U },
    { "I hope so", NULL, "PLACE", NULL, 0, NULL, U },
    { "Hope you are well", NULL, "PLACE", NULL, 0, NULL, U },
    { "she works in Street", NULL, "PLACE", "Street", 1, "Street", U },
    { "down the street", NULL, "PLACE", NULL, 0, NULL, U },
    { "Street food is great", NULL, "PLACE", NULL, 0, NULL, U },
    { "a teacher at Wells", NULL, "PLACE", "Wells", 1, "Wells", U },
    { "wells run dry", NULL, "PLACE", NULL, 0, NULL, U },
    { "a man from Bury", NULL, "PLACE", "Bury", 1, "Bury", U },
    { "bury the past", NULL, "PLACE", NULL, 0, NULL, U },
    { "Bury the hatchet", NULL, "PLACE", NULL, 0, NULL, U },
    { "near Bury St Edmunds", NULL, "PLACE", "Bury St Edmunds", 1,
      "Bury St Edmunds", U },
    { "a client from Hebden Bridge", NULL, "PLACE", "Hebden Bridge", 1,
      "Hebden Bridge", U },
    { "#HebdenBridge", NULL, "PLACE", "#HebdenBridge", 1, "Hebden Bridge", U },
    { "#hebdenbridge", NULL, "PLACE", "#hebdenbridge", 1, "Hebden Bridge", U },
    { "Tod market", NULL, "PLACE", "Tod", 1, "Todmorden", U },
    { "she grew up in France", NULL, "PLACE", "France", 1, "France", U },
    { "lives in HX7 now", NULL, "PLACE", "HX7", 1, "HX7", U },
    { "needs vitamin B12", NULL, "PLACE", NULL, 0, NULL, U },
    { "CO2 levels", NULL, "PLACE", NULL, 0, NULL, U },
    { "lives at HX7 5AB", NULL, "CONTACT", "HX7 5AB", 1, "HX7 5AB", U },
    /* an alternative name that is a common word needs evidence too */
    { "Ask people. Please.", NULL, "PLACE", NULL, 0, NULL, U },
    { "@jo Ask her about it", NULL, "PLACE", NULL, 0, NULL, U },
    { "Please Ask nicely", NULL, "PLACE", NULL, 0, NULL, U },
    { "a pub in Ask", NULL, "PLACE", "Ask", 1, "Usk", U },
    { "#Ask", NULL, "PLACE", "#Ask", 1, "Usk", U },
    /* an English word: a capital only at a sentence start is none */
    { "Over the weekend I rested", NULL, "PLACE", NULL, 0, NULL, U },
    { "Well. Over it now", NULL, "PLACE", NULL, 0, NULL, U },
    { "she moved to Over last year", NULL, "PLACE", "Over", 1, "Over", U },
    { "Hull was lovely", NULL, "PLACE", NULL, 0, NULL, U },
    /* a club in a sentence about sport: an organisation, not the place */
    { "a big Hull City fan", NULL, "PLACE", NULL, 0, NULL, U },
    { "a big Hull City fan", NULL, "ORG", "Hull City", 1, NULL, U },
    { "LOVE HULL", NULL, "PLACE", NULL, 0, NULL, U },
    { "Halifax was lovely", NULL, "PLACE", "Halifax", 1, "Halifax", U },
    /* the world outside the UK (places_geonames.txt) */
    { "mild weather here in Canberra", NULL, "PLACE", "Canberra", 1,
      "Canberra", U },
    { "The crowd in Baton Rouge tonight", NULL, "PLACE", "Baton Rouge", 1,
      "Baton Rouge", U },
    { "Just arrived in #AliceSprings", NULL, "PLACE", "#AliceSprings", 1,
      "Alice Springs", U },
    { "a week in Queensland", NULL, "PLACE", "Queensland", 1, "Queensland",
      U },
    /* a town's name that is also a word or a first name needs evidence */
    { "a holiday in Nice", NULL, "PLACE", "Nice", 1, "Nice", U },
    { "Nice to see you. Really Nice", NULL, "PLACE", NULL, 0, NULL, U },
    { "Mobile phones off please", NULL, "PLACE", NULL, 0, NULL, U },
    { "she moved to Victoria", NULL, "PLACE", "Victoria", 1, "Victoria", U },
    { "I saw Victoria and Tom", NULL, "PLACE", NULL, 0, NULL, U },
    { "someone from englewood", NULL, "PLACE", "englewood", 1, "Englewood",
      U },
    { "a holiday in nice", NULL, "PLACE", NULL, 0, NULL, U },
    { "#Spring is here", NULL, "PLACE", NULL, 0, NULL, U },
    /* landmarks, streets and venues: capitalised names on a head word */
    { "we walked round Shibden Park", NULL, "PLACE", "Shibden Park", 1, NULL,
      U },
    { "she lives on Kitchener Way", NULL, "PLACE", "Kitchener Way", 1, NULL,
      U },
    { "a trip to the Tower of London", NULL, "PLACE", "Tower of London", 1,
      NULL, U },
    { "outside Halifax Town Hall", NULL, "PLACE", "Halifax Town Hall", 1,
      "Halifax", U },
    { "By The Way, no", NULL, "PLACE", NULL, 0, NULL, U },
    { "I LOVE THIS PARK", NULL, "PLACE", NULL, 0, NULL, U },
    { "a walk in the park", NULL, "PLACE", NULL, 0, NULL, U },
    { "I live in NJ so", NULL, "PLACE", "NJ", 1, "New Jersey", U },
    { "NJ is nice", NULL, "PLACE", NULL, 0, NULL, U },
    { "a farm in the Hope valley", NULL, "PLACE", "Hope", 1, "Hope", U },
    /* the world: accents folded, so "Comé" is the word "come" */
    { "more to come", NULL, "PLACE", NULL, 0, NULL, U },
    /* a town named like a person needs a place preposition */
    { "hey Barry happy birthday", NULL, "PLACE", NULL, 0, NULL, U },
    { "a client from Barry", NULL, "PLACE", "Barry", 1, "Barry", U },
    /* a club, not the place */
    { "Halifax vs Bath tonight", NULL, "PLACE", NULL, 0, NULL, U },
    { "Halifax 2 - 1 Bath", NULL, "PLACE", NULL, 0, NULL, U },
    { "from Halifax 2 days ago", NULL, "PLACE", "Halifax", 1, "Halifax", U },
    { "Halifax 1 Hull 0", NULL, "ORG", "Hull", 1, NULL, U },
    { "Halifax 1 Hull 0", NULL, "ORG", "Halifax", 1, NULL, U },
    { "the bus from Halifax 2 Hull", NULL, "PLACE", "Hull", 1, "Hull", U },
    { "London 2012 was fun", NULL, "PLACE", "London", 1, "London", U },
    { "a Halifax Athletic fan", NULL, "ORG", "Halifax Athletic", 1, NULL, U },
    /* after a given name, a place's name is a surname */
    { "a remake of Clint Eastwood films", NULL, "PLACE", NULL, 0, NULL, U },
    { "what I like about Willie Nelson", NULL, "PLACE", NULL, 0, NULL, U },
    { "So Happy Halifax is sunny", NULL, "PLACE", "Halifax", 1, "Halifax",
      U },
    { "So Happy Halifax scored twice", NULL, "ORG", "Halifax", 1, NULL, U },
    /* a place name in a sentence about sport names a team, unless a place
     * preposition comes before it */
    { "Halifax sack their manager", NULL, "PLACE", NULL, 0, NULL, U },
    { "Halifax sack their manager", NULL, "ORG", "Halifax", 1, NULL, U },
    { "Today England fans are all Italy fans", NULL, "PLACE", NULL, 0, NULL,
      U },
    { "The last time Honduras scored a goal", NULL, "ORG", "Honduras", 1,
      NULL, U },
    { "she moved to Brazil for the World Cup", NULL, "PLACE", "Brazil", 1,
      "Brazil", U },
    { "a client from Leeds won the lottery", NULL, "PLACE", "Leeds", 1,
      "Leeds", U },
    { "Halifax is lovely in spring", NULL, "PLACE", "Halifax", 1, "Halifax",
      U },
    /* a plural verb, or a club word, right after the name: a team */
    { "Leeds are top again", NULL, "ORG", "Leeds", 1, NULL, U },
    { "people in Leeds are kind", NULL, "PLACE", "Leeds", 1, "Leeds", U },
    { "Leeds and Halifax are lovely", NULL, "PLACE", "Halifax", 1, "Halifax",
      U },
    { "some trouble from Leeds fans", NULL, "ORG", "Leeds", 1, NULL, U },
    { "it makes it 4 - 1 to Hull", NULL, "ORG", "Hull", 1, NULL, U },
    { "she moved to Hull", NULL, "PLACE", "Hull", 1, "Hull", U },
    /* a club's name: a word before the place ("Real Madrid", "Team GB") */
    { "a shirt of Real Madrid", NULL, "ORG", "Real Madrid", 1, NULL, U },
    { "a shirt of Real Madrid", NULL, "PLACE", NULL, 0, NULL, U },
    { "Team USA making us proud", NULL, "ORG", "Team USA", 1, NULL, U },
    { "a real Madrid moment", NULL, "PLACE", "Madrid", 1, "Madrid", U },
    /* a paper, an airline: the place begins an organisation's name */
    { "a piece in the New York Times", NULL, "ORG", "New York Times", 1, NULL,
      U },
    { "a piece in the New York Times", NULL, "PLACE", NULL, 0, NULL, U },
    { "flew Malaysia Airlines", NULL, "ORG", "Malaysia Airlines", 1, NULL,
      U },
    { "she flew to Malaysia", NULL, "PLACE", "Malaysia", 1, "Malaysia", U },
    /* a given name that is a town, then a surname: a person */
    { "what do you think of Roy Hodgson", NULL, "PLACE", NULL, 0, NULL, U },
    { "Jackson Pollock had trained", NULL, "PLACE", NULL, 0, NULL, U },
    { "a client from Chester", NULL, "PLACE", "Chester", 1, "Chester", U },
    /* a village named like a person (a first name of the NAME list) */
    { "Treasury sec Martin spoke", NULL, "PLACE", NULL, 0, NULL, U },
    { "a farm near Martin", NULL, "PLACE", "Martin", 1, "Martin", U },
    { "we went to Chester Zoo", NULL, "PLACE", "Chester Zoo", 1, "Chester",
      U },
    { "Austin Texas is hot", NULL, "PLACE", "Austin", 1, "Austin", U },
    { "Our Leicester City expert says", NULL, "PLACE", "Leicester", 1,
      "Leicester", U },
    { "she lives in Preston Brook", NULL, "PLACE", "Preston", 1, "Preston",
      U },
    /* seats of government; everyday short names after a preposition */
    { "About to speak in Parliament today", NULL, "PLACE", "Parliament", 1,
      "Parliament", U },
    { "Parliament is sitting", NULL, "PLACE", NULL, 0, NULL, U },
    { "a debate in the Commons", NULL, "PLACE", "Commons", 1,
      "House of Commons", U },
    { "a Creative Commons licence", NULL, "PLACE", NULL, 0, NULL, U },
    { "a bill in the Dáil tonight", NULL, "PLACE", "Dáil", 1, "Dáil Éireann",
      U },
    { "I brought it back to Oz", NULL, "PLACE", "Oz", 1, "Australia", U },
    { "Oz is lovely", NULL, "PLACE", NULL, 0, NULL, U },
    { "we watched The Wizard of Oz", NULL, "PLACE", NULL, 0, NULL, U },
    { "How can he face Parliament after that", NULL, "PLACE", "Parliament", 1,
      "Parliament", U },
    { "the parliament of birds", NULL, "PLACE", NULL, 0, NULL, U },
    { "the will of the Aust people", NULL, "PLACE", "Aust", 1, "Australia",
      U },
    { "higher in NI than elsewhere", NULL, "PLACE", "NI", 1,
      "Northern Ireland", U },
    { "my NI number", NULL, "PLACE", NULL, 0, NULL, U },
    /* capitalised words no list knows after "in", "at", "near": a place */
    { "a councillor in Maida Vale", NULL, "PLACE", "Maida Vale", 1, NULL, U },
    { "positive response in Lochee today", NULL, "PLACE", "Lochee", 1, NULL,
      U },
    { "she grew up near Garryvoe", NULL, "PLACE", "Garryvoe", 1, NULL, U },
    { "I Fell In Love", NULL, "PLACE", NULL, 0, NULL, U },
    { "teased a bit in Fate of the Furious", NULL, "PLACE", NULL, 0, NULL,
      U },
    { "he is in Out mode", NULL, "PLACE", NULL, 0, NULL, U },
    { "as set out in Rule 52 of the Rules", NULL, "PLACE", NULL, 0, NULL, U },
    /* an unknown name after "the village of", "the town of"... */
    { "she lives in the village of Kowalewo", NULL, "PLACE", "Kowalewo", 1,
      NULL, U },
    { "the municipality of Sveti Nikole", NULL, "PLACE", "Sveti Nikole", 1,
      NULL, U },
    { "India : City of Toxic Leather", NULL, "PLACE", "Toxic Leather", 0,
      NULL, U },
    { "the town of Pat and Mike", NULL, "PLACE", "Pat", 0, NULL, U },
    /* an unknown name in a list of places after a preposition */
    { "new houses at Hexham / Eastergate , Arun", NULL, "PLACE",
      "Eastergate", 1, NULL, U },
    { "new houses at Hexham / Eastergate , Arun", NULL, "PLACE", "Arun", 1,
      NULL, U },
    { "ahead in Glasgow Anniesland , Cathcart & Shettleston", NULL, "PLACE",
      "Shettleston", 1, NULL, U },
    { "a client in Tugun & Todmorden", NULL, "PLACE", "Tugun", 1, NULL, U },
    { "Chester & Aluko definitely out", NULL, "PLACE", "Aluko", 0, NULL, U },
    { "class Dublin , You for the rest", NULL, "PLACE", "You", 0, NULL, U },
    /* the town the news names a person by */
    { "an 18 year-old Reading man was arrested", NULL, "PLACE", "Reading", 1,
      "Reading", U },
    { "Same man as before", NULL, "PLACE", NULL, 0, NULL, U },
    /* a landmark named after its head */
    { "a search at Lake Lyndon today", NULL, "PLACE", "Lake Lyndon", 1, NULL,
      U },
    { "first to summit on Mt Yale", NULL, "PLACE", "Mt Yale", 1, NULL, U },
    { "walking by the River Calder", NULL, "PLACE", "River Calder", 1, NULL,
      U },
    /* plazas and coasts are landmarks */
    { "a donation to Centennial Plaza", NULL, "PLACE", "Centennial Plaza", 1,
      NULL, U },
    { "scouts from the Central Coast", NULL, "PLACE", "Central Coast", 1,
      NULL, U },
    { "she starts school in Septmeber", NULL, "PLACE", NULL, 0, NULL, U },
    { "lunch in March with Sarah", NULL, "PLACE", NULL, 0, NULL, U },
    { "a visit from Garryvoe", NULL, "PLACE", NULL, 0, NULL, U },
    { "a retired midwife from Garryvoe", NULL, "PLACE", "Garryvoe", 1, NULL,
      U },
    { "a lad from Garryvoe", NULL, "PLACE", "Garryvoe", 1, NULL, U },
    { "I have been going to Garryvoe for years", NULL, "PLACE", "Garryvoe", 1,
      NULL, U },
    { "I posted a new photo to Facebook", NULL, "PLACE", NULL, 0, NULL, U },
    /* the counties and provinces of Ireland and Northern Ireland */
    { "Monaghan ladies reached another final", NULL, "PLACE", "Monaghan", 1,
      "Monaghan", U },
    { "a client from Mayo", NULL, "PLACE", "Mayo", 1, "Mayo", U },
    { "Mayo on my chips", NULL, "PLACE", NULL, 0, NULL, U },
    { "she grew up in County Down", NULL, "PLACE", "County Down", 1, "Down",
      U },
    /* a short name a common word shares, in capitals among small letters */
    { "on why US rate hikes matter", NULL, "PLACE", "US", 1, "United States",
      U },
    { "WHY US RATE HIKES", NULL, "PLACE", NULL, 0, NULL, U },
    { "tell us more", NULL, "PLACE", NULL, 0, NULL, U },
};

static void test_extract_place_cases(void **state)
{
    (void)state;
    check_span_cases(place_cases, ARRAY_SIZE(place_cases));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_extract_place_cases),
    };
    int rc = cmocka_run_group_tests_name("extract_place", tests, NULL, NULL);

    fixture_cleanup();
    return rc;
}
