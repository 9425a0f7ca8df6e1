/* test_extract.c -- ages, times, contacts, names, lexicons, attribution, and the text layer's bad input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "extract_fixture.h"

#define U -1
#define C MOSAIC_ABOUT_CLIENT
#define A MOSAIC_ABOUT_AUTHOR
#define O MOSAIC_ABOUT_OTHER

static const struct span_case age_cases[] = {
    /* an age next to the person it belongs to, found after the lexicons:
     * a job, a family word, "I see", "client is" */
    { "A client, a nurse, 40, mum of two", NULL, "AGE", "40", 1, "40", C },
    { "a privilege to work with a young carer (14) today", NULL, "AGE", "14",
      1, "14", C },
    { "A young mum I see, 19 and pregnant", NULL, "AGE", "19", 1, "19", C },
    { "My youngest client is only 8 and brave", NULL, "AGE", "8", 1, "8", C },
    { "the time is 10, so go", NULL, "AGE", NULL, 0, NULL, U },
    /* a relative's age is the relative's */
    { "A client's mum, 67, has dementia", NULL, "AGE", "67", 1, "67", O },
    { "I have 2 kids, 12 and 14", NULL, "AGE", "12", 1, "12", O },
    /* someone's children are not the person's age */
    { "he has twin toddlers", NULL, "AGE", NULL, 0, NULL, U },
    { "she fosters teenagers", NULL, "AGE", NULL, 0, NULL, U },
    { "he is in his teens", NULL, "AGE", "teens", 1, "13-19", U },
    { "she is a pensioner", NULL, "AGE", "pensioner", 1, "66-100", U },
    /* an age set off by commas or brackets */
    { "a man, 34, from Leeds", NULL, "AGE", "34", 1, "34", U },
    { "My client (19) got a job", NULL, "AGE", "19", 1, "19", U },
    { "My client (she/her, autistic, 19) got a job", NULL, "AGE", "19", 1,
      "19", U },
    { "we need 2 men, 30 chairs", NULL, "AGE", NULL, 0, NULL, U },
    { "A little boy I see (7) drew me a picture", NULL, "AGE", "7", 1, "7", U },
    { "see figure (7) below", NULL, "AGE", NULL, 0, NULL, U },
    { "a lad of 15 who loves football", NULL, "AGE", "15", 1, "15", U },
    { "a mum of 3 who works nights", NULL, "AGE", NULL, 0, NULL, U },
    { "She's only 17 and a carer", NULL, "AGE", "17", 1, "17", U },
    { "he is just 19", NULL, "AGE", "19", 1, "19", U },
    { "a woman, 5.5 ft tall", NULL, "AGE", NULL, 0, NULL, U },
    { "a 15-year-old girl", NULL, "AGE", "15-year-old", 1, "15", U },
    { "she is 15 years old", NULL, "AGE", "15 years old", 1, "15", U },
    { "a fifteen year old", NULL, "AGE", "fifteen year old", 1, "15", U },
    { "aged 42", NULL, "AGE", "aged 42", 1, "42", U },
    { "a woman in her seventies", NULL, "AGE", "seventies", 1, "70-79", U },
    { "a woman in her 70's", NULL, "AGE", "70's", 1, "70-79", U },
    { "a woman in her seventies", NULL, "GENDER", "her", 1, "female", U },
    { "in his late twenties", NULL, "AGE", "late twenties", 1, "27-29", U },
    { "early 30s", NULL, "AGE", "early 30s", 1, "30-33", U },
    { "she's in Year 11", NULL, "AGE", "Year 11", 1, "15-16", U },
    { "a teenager", NULL, "AGE", "teenager", 1, "13-19", U },
    { "thirty-something", NULL, "AGE", "thirty-something", 1, "30-39", U },
    { "the seventies were fun", NULL, "AGE", NULL, 0, NULL, U },
    { "a man in his 70s", NULL, "AGE", "70s", 1, "70-79", U },
    { "a man in his 70s", NULL, "GENDER", "his", 1, "male", U },
    { "she is middle-aged", NULL, "AGE", "middle-aged", 1, "45-64", U },
    { "a mid-career nurse", NULL, "AGE", "mid-career", 1, "30-55", U },
    { "elderly and alone", NULL, "AGE", "elderly", 1, "70-100", U },
    { "in her retirement she paints", NULL, "AGE", "retirement", 1,
      "55-100", U },
    { "my retirement plans", NULL, "AGE", NULL, 0, NULL, U },
    { "she is at uni", NULL, "AGE", "at uni", 1, "18-22", U },
    { "at University of Leeds", NULL, "AGE", NULL, 0, NULL, U },
    /* a decade word's range is no bare era ("octogenarian" 80-89) */
    { "she is an octogenarian", NULL, "AGE", "octogenarian", 1, "80-89",
      U },
    { "she's forty now", NULL, "AGE", "forty", 1, "40", U },
    { "he is 12, and", NULL, "AGE", "12", 1, "12", U },
    { "it took 3 years", NULL, "AGE", NULL, 0, NULL, U },
    { "next year 11 people", NULL, "AGE", NULL, 0, NULL, U },
    /* the byte-level triggers: spaces and a tab after "Year" */
    { "she's in Year  7", NULL, "AGE", "Year  7", 1, "11-12", U },
    { "she's in Year\t3", NULL, "AGE", "Year\t3", 1, "7-8", U },
    { "she's TWENTY-SOMETHING", NULL, "AGE", "TWENTY-SOMETHING", 1, "20-29",
      U },
    { "her 30th birthday", NULL, "AGE", "30th birthday", 1, "30", U },
    { "he turned 40 today", NULL, "AGE", "turned 40", 1, "40", U },
    { "she is now 15 and old enough", NULL, "AGE", "is now 15", 1, "15", U },
    /* an age after a name and an aside */
    { "My client Sarah (not her real name) is 34", NULL, "AGE", "34", 1,
      "34", C },
    { "The time (roughly) is 10.", NULL, "AGE", NULL, 0, NULL, U },
    { "A young client of mine, just 18, got into Cambridge", NULL, "AGE",
      "18", 1, "18", C },
    { "We met, just 18, in a bar", NULL, "AGE", NULL, 0, NULL, U },
    /* between em dashes, after a person or a cue */
    { "Someone I see on a Thursday \xE2\x80\x94 only 20, Scarborough "
      "\xE2\x80\x94 told me", NULL, "AGE", "20", 1, "20", C },
    { "one of the people i work with, only 22, told me", NULL, "AGE", "22",
      1, "22", C },
    { "The score \xE2\x80\x94 20, 30 \xE2\x80\x94 was odd", NULL, "AGE",
      NULL, 0, NULL, U },
    /* "only" after a person a few words back */
    { "A young client, a man who is only 12, talked", NULL, "AGE", "12", 1,
      "12", C },
    { "The client I mentioned last month is only 22 and", NULL, "AGE", "22",
      1, "22", C },
    { "My client said her dog is only 4.", NULL, "AGE", NULL, 0, NULL, U },
    { "My client said the fee is only 40.", NULL, "AGE", NULL, 0, NULL, U },
    { "a young person i see, still at school, told me", NULL, "AGE",
      "at school", 1, "5-18", C },
    /* an age then is not an age now */
    { "raped by her stepdad when she was 12", NULL, "AGE", NULL, 0, NULL,
      U },
    { "she has had depression since her teens", NULL, "AGE", NULL, 0, NULL,
      U },
    { "since his early twenties he has drunk", NULL, "AGE", NULL, 0, NULL,
      U },
    { "a client in her late teens", NULL, "AGE", "late teens", 1, "17-19",
      U },
    { "Saw a lad today. He was 15 and terrified.", NULL, "AGE", "15", 1,
      "15", U },
    /* a sentence that opens on an age */
    { "Made redundant. 58 and terrified.", NULL, "AGE", "58", 1, "58", U },
    { "New client. 19, pregnant and scared.", NULL, "AGE", "19", 1, "19", U },
    { "Free jabs. 50 and over only.", NULL, "AGE", NULL, 0, NULL, U },
    { "Done. 20 and counting!", NULL, "AGE", NULL, 0, NULL, U },
};

/* The person noun of a client cue keeps its gender. */
static const struct span_case cue_gender_cases[] = {
    { "A man I work with told me", NULL, "GENDER", "man", 1, "male",
      MOSAIC_ABOUT_CLIENT },
    { "a lady I see is 80", NULL, "GENDER", "lady", 1, "female",
      MOSAIC_ABOUT_CLIENT },
    { "a teenager I work with", NULL, "AGE", "teenager", 1, "13-19",
      MOSAIC_ABOUT_CLIENT },
};

static void test_extract_cue_gender_cases(void **state)
{
    (void)state;
    check_span_cases(cue_gender_cases, ARRAY_SIZE(cue_gender_cases));
}

/* Medicines that say what they treat. */
static const struct span_case medicine_cases[] = {
    { "she is on antidepressants", NULL, "HEALTH", "antidepressants", 1,
      "antidepressant medication", U },
    { "he takes sertraline", NULL, "HEALTH", "sertraline", 1,
      "antidepressant medication", U },
    { "a client on methadone", NULL, "HEALTH", "methadone", 1,
      "opioid substitution treatment", U },
};

/* A job said as what the person does. */
static const struct span_case job_cases[] = {
    { "a man who drives a cab in Leeds", NULL, "OCCUPATION", "drives a cab",
      1, "taxi driver", U },
    { "he serves with the Rifles", NULL, "OCCUPATION",
      "serves with the Rifles", 1, "soldier", U },
    /* a service said as where one is */
    { "my client who is in the Army", NULL, "OCCUPATION", "in the Army", 1,
      "soldier", U },
    { "she works for the police", NULL, "OCCUPATION", "works for the police",
      1, "police officer", U },
    { "he has worked in the police for years", NULL, "OCCUPATION",
      "worked in the police", 1, "police officer", U },
    { "she is in the police force", NULL, "OCCUPATION",
      "is in the police force", 1, "police officer", U },
    { "a night in the police station", NULL, "OCCUPATION", NULL, 0, NULL,
      U },
    { "A woman I see is in the police.", NULL, "OCCUPATION",
      "is in the police", 1, "police officer", U },
    { "her son is in the police station again", NULL, "OCCUPATION", NULL, 0,
      NULL, U },
    { "he is a copper in Leeds", NULL, "OCCUPATION", "is a copper", 1,
      "police officer", U },
    { "she runs a corner shop in Bradford", NULL, "OCCUPATION",
      "runs a corner shop", 1, "shopkeeper", U },
    { "she teaches at the secondary school in Elland", NULL, "OCCUPATION",
      "teaches at the secondary", 1, "teacher", U },
    { "he teaches Year 6", NULL, "OCCUPATION", "teaches Year", 1, "teacher",
      U },
    { "a man I see cuts hair on the high street", NULL, "OCCUPATION",
      "cuts hair", 1, "hairdresser", U },
    { "she does people's tax returns", NULL, "OCCUPATION",
      "does people's tax returns", 1, "accountant", U },
    { "she works shifts on the wards", NULL, "OCCUPATION",
      "works shifts on the wards", 1, "nurse", U },
    { "she runs a dental practice", NULL, "OCCUPATION",
      "runs a dental practice", 1, "dentist", U },
    { "a client who drives HGVs said", NULL, "OCCUPATION", "drives HGVs", 1,
      "lorry driver", U },
    { "he runs a pub near Hull", NULL, "OCCUPATION", "runs a pub", 1,
      "pub landlord", U },
    { "he does long-haul driving", NULL, "OCCUPATION", "long-haul driving",
      1, "lorry driver", U },
    { "the copper pipes burst", NULL, "OCCUPATION", NULL, 0, NULL, U },
    { "a lad, an army veteran, from Leeds", NULL, "OCCUPATION",
      "army veteran", 1, "veteran", U },
    { "a veteran of the stage", NULL, "OCCUPATION", NULL, 0, NULL, U },
    { "a woman from pickering", NULL, "OCCUPATION", NULL, 0, NULL, U },
    { "she is a fruit picker", NULL, "OCCUPATION", "picker", 1, "picker", U },
    { "she complained to the police", NULL, "OCCUPATION", NULL, 0, NULL, U },
    { "a night in the police station", NULL, "OCCUPATION", NULL, 0, NULL, U },
    { "great in the navy dress", NULL, "OCCUPATION", NULL, 0, NULL, U },
};

static void test_extract_job_cases(void **state)
{
    (void)state;
    check_span_cases(job_cases, ARRAY_SIZE(job_cases));
}

static void test_extract_medicine_cases(void **state)
{
    (void)state;
    check_span_cases(medicine_cases, ARRAY_SIZE(medicine_cases));
}

static const struct span_case time_cases[] = {
    { "see you at 4pm", NULL, "TIME", "4pm", 1, "16:00", U },
    { "at 4.30 pm", NULL, "TIME", "4.30 pm", 1, "16:30", U },
    { "at 16:30", NULL, "TIME", "16:30", 1, "16:30", U },
    { "my 4pm cancelled", NULL, "SESSION", "my 4pm", 1, "slot 16:00", C },
    { "my Monday 10am couple", NULL, "SESSION", "my Monday 10am couple", 1,
      "slot 10:00", C },
    { "my Thursday lady", NULL, "SESSION", "my Thursday lady", 1, NULL, C },
    { "My Tuesday evening client brought flowers", NULL, "SESSION",
      "My Tuesday evening client", 1, "slot client", C },
    /* the day the author sees someone every week */
    { "Someone I see on a Thursday is 22", NULL, "SESSION", "Thursday", 1,
      NULL, C },
    { "a man I've been seeing every Monday", NULL, "SESSION", "Monday", 1,
      NULL, C },
    { "a lad I work with on Tuesdays", NULL, "SESSION", "on Tuesdays", 1,
      NULL, C },
    { "I swim on Thursdays", NULL, "SESSION", NULL, 0, NULL, U },
    { "she sees her mum on a Sunday", NULL, "SESSION", NULL, 0, NULL, U },
    { "our 12th session", NULL, "SESSION", "our 12th session", 1,
      "session 12", U },
    { "in session today", NULL, "SESSION", "in session today", 1, NULL, U },
    { "trained in EMDR", NULL, "SESSION", "EMDR", 1, "modality emdr", U },
    { "a client during emdr", NULL, "SESSION", "emdr", 1, "modality emdr", C },
    { "what ifs and maybes", NULL, "SESSION", NULL, 0, NULL, U },
    { "In our session this afternoon she cried", NULL, "SESSION",
      "In our session this afternoon", 1, "in session", U },
    { "in this morning's session", NULL, "SESSION",
      "in this morning's session", 1, "in session", U },
    { "Over Zoom, a new client", NULL, "SESSION", "Over Zoom", 1,
      "modality online", U },
    { "she plays on teams", NULL, "SESSION", NULL, 0, NULL, U },
    { "in the walk-and-talk session", NULL, "SESSION", "walk-and-talk", 1,
      "modality walk and talk", U },
    { "a ratio of 3:1", NULL, "TIME", NULL, 0, NULL, U },
    { "at 10.15 a.m.", NULL, "TIME", "10.15 a.m.", 1, "10:15", U },
    { "at 12 PM", NULL, "TIME", "12 PM", 1, "12:00", U },
    { "by 23:59", NULL, "TIME", "23:59", 1, "23:59", U },
    /* a pattern near its trigger word matches only at a word, not in a
     * URL's path */
    { "see https://example.org/at-4pm/ later", NULL, "TIME", NULL, 0, NULL,
      U },
};

static const struct span_case contact_cases[] = {
    { "call 07700 900123", NULL, "CONTACT", "07700 900123", 1, "phone", U },
    { "ring +44 7700 900123", NULL, "CONTACT", "+44 7700 900123", 1, "phone",
      U },
    { "mail jo.bloggs@example.co.uk", NULL, "CONTACT",
      "jo.bloggs@example.co.uk", 1, "email", U },
    { "thanks @jo_b", NULL, "CONTACT", "@jo_b", 1, "handle", U },
    { "call 999", NULL, "CONTACT", NULL, 0, NULL, U },
    { "in 2024 we grew", NULL, "CONTACT", NULL, 0, NULL, U },
    { "ring (0161) 496 0123", NULL, "CONTACT", "(0161) 496 0123", 1, "phone",
      U },
    { "mail a_b@c.de", NULL, "CONTACT", "a_b@c.de", 1, "email", U },
    { "near LS6 2AB", NULL, "CONTACT", "LS6 2AB", 1, "LS6 2AB", U },
    { "#SW1A1AA", NULL, "CONTACT", "SW1A1AA", 1, "SW1A 1AA", U },
    { "say hi @ jo.com", NULL, "CONTACT", NULL, 0, NULL, U },
    /* a handle as tokenised text writes it, with a space after the @ */
    { "a night at @ CosyClubBristol", NULL, "CONTACT", "@ CosyClubBristol",
      1, "handle", U },
    { "thanks @ amnesia_ibiza", NULL, "CONTACT", "@ amnesia_ibiza", 1,
      "handle", U },
    { "tickets from @ Hot975Vegas", NULL, "CONTACT", "@ Hot975Vegas", 1,
      "handle", U },
    { "back @ home now", NULL, "CONTACT", NULL, 0, NULL, U },
    { "meet @ BBC studios", NULL, "CONTACT", NULL, 0, NULL, U },
    { "see you @ 5pm", NULL, "CONTACT", NULL, 0, NULL, U },
    { "stuck @ M62 again", NULL, "CONTACT", NULL, 0, NULL, U },
    { "lunch @ Leeds", NULL, "CONTACT", NULL, 0, NULL, U },
    /* reference, NHS and National Insurance numbers */
    { "an application (no. 40593/04) against", NULL, "CONTACT", "40593/04",
      1, "reference number", U },
    { "case ref: AB12345 closed", NULL, "CONTACT", "AB12345", 1,
      "reference number", U },
    { "it was number 10 in 2019", NULL, "CONTACT", NULL, 0, NULL, U },
    { "No. 2019 was a good year", NULL, "CONTACT", NULL, 0, NULL, U },
    { "NHS number 943 476 5919", NULL, "CONTACT", "943 476 5919", 1,
      "NHS number", U },
    { "scored 943 476 5918 points", NULL, "CONTACT", NULL, 0, NULL, U },
    { "NI AB 12 34 56 C", NULL, "CONTACT", "AB 12 34 56 C", 1,
      "National Insurance number", U },
    { "NI JG123456A", NULL, "CONTACT", "JG123456A", 1,
      "National Insurance number", U },
    { "code GB123456A", NULL, "CONTACT", NULL, 0, NULL, U },
};

static const struct span_case name_cases[] = {
    { "let's call her Sarah", NULL, "NAME", "Sarah", 1, NULL, U },
    { "a client called Hope", NULL, "NAME", "Hope", 1, NULL, U },
    { "I hope she is ok", NULL, "NAME", NULL, 0, NULL, U },
    { "Sarah came in today", NULL, "NAME", "Sarah", 1, NULL, U },
    { "J. came in today", NULL, "NAME", "J.", 1, NULL, U },
    { "client J was calmer", NULL, "NAME", "J", 1, NULL, U },
    { "Mrs Patel", NULL, "NAME", "Patel", 1, NULL, U },
    { "MRS PATEL came in", NULL, "NAME", "PATEL", 1, NULL, U },
    { "diagnosed with MS. Life is unfair", NULL, "NAME", NULL, 0, NULL, U },
    { "I will try", NULL, "NAME", NULL, 0, NULL, U },
    { "May we all rest", NULL, "NAME", NULL, 0, NULL, U },
    /* a name in apposition to a person, or right after one */
    { "Mark, one of my clients, said it", NULL, "NAME", "Mark", 1, NULL, U },
    { "Jamal, a client I see, said it", NULL, "NAME", "Jamal", 1, NULL, U },
    { "Today, a client said it", NULL, "NAME", NULL, 0, NULL, U },
    { "Priya, someone I work with, said", NULL, "NAME", "Priya", 1, NULL, U },
    /* a post in small letters */
    { "jake, a client of mine, said it", NULL, "NAME", "jake", 1, NULL, U },
    { "today, a client said it", NULL, "NAME", NULL, 0, NULL, U },
    { "mark my words, clients", NULL, "NAME", NULL, 0, NULL, U },
    { "my client Mark came in", NULL, "NAME", "Mark", 1, NULL, U },
    /* set off by commas after a person or a cue */
    { "My client, Mark, gave me permission", NULL, "NAME", "Mark", 1, NULL,
      U },
    { "a client i've just started working with, ellie, said", NULL, "NAME",
      "ellie", 1, NULL, U },
    { "my client, sadly, left", NULL, "NAME", NULL, 0, NULL, U },
    { "I saw the Mark on it", NULL, "NAME", NULL, 0, NULL, U },
    /* an initial in brackets after the person */
    { "A client of mine (C.) became a dad", NULL, "NAME", "C.", 1, NULL, U },
    { "Options: (B.) run", NULL, "NAME", NULL, 0, NULL, U },
};

static const struct span_case lexicon_cases[] = {
    { "she was widowed young", NULL, "FAMILY", "widowed", 1, "widowed", U },
    { "he has been sober eight months", NULL, "HEALTH", "been sober", 1,
      "alcohol dependence", U },
    { "I was sober at the party", NULL, "HEALTH", NULL, 0, NULL, U },
    { "he has been clean for a year", NULL, "HEALTH", "been clean for", 1,
      "addiction recovery", U },
    { "the kitchen has been clean all week", NULL, "HEALTH", NULL, 0, NULL,
      U },
    { "trying for a baby for six years", NULL, "HEALTH",
      "trying for a baby for", 1, "infertility", U },
    { "three months sober and back at work", NULL, "HEALTH", "months sober", 1,
      "alcohol dependence", U },
    /* a divorce under way, a baby, a job lost, a death: events */
    { "she is in the middle of a messy divorce", NULL, "LIFE_EVENT",
      "messy divorce", 1, "divorce", U },
    { "her decree absolute came through", NULL, "LIFE_EVENT",
      "decree absolute", 1, "divorce", U },
    { "he is a new dad", NULL, "LIFE_EVENT", "new dad", 1, "new baby", U },
    { "he became a dad on Boxing Day", NULL, "LIFE_EVENT", "became a dad", 1,
      "new baby", U },
    { "she has just been laid off", NULL, "LIFE_EVENT", "laid off", 1,
      "redundancy", U },
    { "he is grieving his brother", NULL, "LIFE_EVENT", "grieving", 1,
      "bereavement", U },
    { "she buried her mum in May", NULL, "LIFE_EVENT", "buried her mum", 1,
      "bereavement", U },
    { "her dad is serving time", NULL, "LIFE_EVENT", "serving time", 1,
      "imprisonment", U },
    { "the first in her family to go to uni", NULL, "DISTINCTIVE",
      "first in her family to go to uni", 1, "first in family at university",
      U },
    { "she is divorced", NULL, "FAMILY", "divorced", 1, "divorced", U },
    { "just been diagnosed with MS at 34", NULL, "HEALTH",
      "diagnosed with MS", 1, "multiple sclerosis", U },
    { "she has MS and a wheelchair", NULL, "HEALTH", "has MS", 1,
      "multiple sclerosis", U },
    { "he emailed Ms Jones", NULL, "HEALTH", NULL, 0, NULL, U },
    { "she was trafficked from Albania", NULL, "LIFE_EVENT",
      "was trafficked", 1, "human trafficking", U },
    { "the aim of trafficking drugs", NULL, "LIFE_EVENT", NULL, 0, NULL, U },
    { "a teen who was stabbed last Friday", NULL, "LIFE_EVENT", "was stabbed",
      1, "knife attack", U },
    { "she's been sleeping in her car in Hebden", NULL, "LIFE_EVENT",
      "sleeping in her car", 1, "homelessness", U },
    { "she had her house broken into", NULL, "LIFE_EVENT",
      "house broken into", 1, "burglary", U },
    { "she was in court on Tuesday", NULL, "LIFE_EVENT", "was in court", 1,
      "court case", U },
    { "he is sofa surfing again", NULL, "LIFE_EVENT", "sofa surfing", 1,
      "homelessness", U },
    { "he is on suspension pending an investigation", NULL, "LIFE_EVENT",
      "on suspension", 1, "suspension from work", U },
    { "she has been told she has 6 months to live", NULL, "HEALTH",
      "months to live", 1, "terminal illness", U },
    { "he is being bullied at his primary", NULL, "LIFE_EVENT",
      "being bullied", 1, "bullying", U },
    /* a university by its usual name, valued by its full one */
    { "a student at Leeds Beckett", NULL, "ORG", "Leeds Beckett", 1,
      "leeds beckett university", U },
    { "she is at Royal Holloway now", NULL, "ORG", "Royal Holloway", 1,
      "royal holloway university of london", U },
    /* not a surname, a ship, a football cup */
    { "the Queen Mary 2 is huge", NULL, "ORG", NULL, 0, NULL, U },
    { "a Goldsmith at work", NULL, "ORG", NULL, 0, NULL, U },
    { "Real Madrid in the #UCL final", NULL, "ORG", "#UCL", 0, NULL, U },
    { "she lost her baby at 22 weeks", NULL, "LIFE_EVENT", "lost her baby",
      1, "baby loss", U },
    { "his wife walked out in May", NULL, "LIFE_EVENT", "wife walked out", 1,
      "separation", U },
    { "his wife has left him for his brother", NULL, "LIFE_EVENT",
      "wife has left him", 1, "separation", U },
    /* a child in care; "in care" alone may be a care home */
    { "A new client fosters teenagers", NULL, "FAMILY", "fosters", 1,
      "foster carer", U },
    { "she is expecting her first", NULL, "FAMILY", "expecting her first", 1,
      "pregnant", U },
    { "he was taken into care at six", NULL, "FAMILY", "taken into care", 1,
      "looked-after child", U },
    { "she lives in a children's home", NULL, "FAMILY",
      "in a children's home", 1, "looked-after child", U },
    { "he grew up in care", NULL, "FAMILY", "grew up in care", 1,
      "care leaver", U },
    { "she is in care work now", NULL, "FAMILY", NULL, 0, NULL, U },
    { "he told me about his late wife", NULL, "LIFE_EVENT", "his late wife", 1,
      "bereavement", U },
    { "a client brought her guide dog", NULL, "HEALTH", "guide dog", 1,
      "sight loss", U },
    { "his dad who is in prison", NULL, "LIFE_EVENT", "in prison", 1,
      "imprisonment", U },
    { "flying again since the crash in July", NULL, "LIFE_EVENT",
      "since the crash", 1, "accident", U },
    { "he is the only Black kid in his year", NULL, "DISTINCTIVE",
      "only Black kid in his year", 1, "the only one in their group", U },
    { "she is the only girl on the team", NULL, "DISTINCTIVE",
      "only girl on the team", 1, "the only one in their group", U },
    { "not the only one in the class to struggle", NULL, "DISTINCTIVE", NULL,
      0, NULL, U },
    { "I only see one client in his office", NULL, "DISTINCTIVE", NULL, 0,
      NULL, U },
    { "a Black kid from Leeds", NULL, "ETHNICITY", "Black kid", 1, "black",
      U },
    { "an Olympic rower from Hebden Bridge", NULL, "DISTINCTIVE",
      "Olympic rower", 1, "olympian", U },
    { "a trans teen, the only one at his school", NULL, "DISTINCTIVE",
      "only one at his school", 1, "the only one in their group", U },
    { "she just lost her twin sister", NULL, "LIFE_EVENT",
      "lost her twin sister", 1, "bereavement", U },
    { "she was late for her husband", NULL, "LIFE_EVENT", NULL, 0, NULL, U },
    { "a bus driver whose wife left him", NULL, "LIFE_EVENT", "wife left him",
      1, "separation", U },
    { "a junior doctor", NULL, "OCCUPATION", "junior doctor", 1,
      "junior doctor", U },
    { "works as a farrier", NULL, "OCCUPATION", "farrier", 1, "farrier", U },
    { "two farriers", NULL, "OCCUPATION", "farriers", 1, "farrier", U },
    { "she's Polish", NULL, "NATIONALITY", "Polish", 1, "poland", U },
    /* informal, continental and regional demonyms */
    { "a Geordie lad", NULL, "NATIONALITY", "Geordie", 1,
      "newcastle upon tyne", U },
    { "vote in European elections", NULL, "NATIONALITY", "European", 1,
      "europe", U },
    { "committed West Aussies", NULL, "NATIONALITY", "Aussies", 1,
      "australia", U },
    { "a Muslim family", NULL, "RELIGION", "Muslim", 1, "muslim", U },
    { "speaks Urdu", NULL, "LANGUAGE", "Urdu", 1, "urdu", U },
    { "newly diagnosed with ADHD", NULL, "HEALTH", "ADHD", 1, "adhd", U },
    { "she was made redundant", NULL, "LIFE_EVENT", "made redundant", 1,
      "redundancy", U },
    { "he is gay", NULL, "SEXUALITY", "gay", 1, "gay", U },
    { "plays in the county cricket team", NULL, "DISTINCTIVE",
      "county cricket team", 1, NULL, U },
    { "Café owner", NULL, "OCCUPATION", NULL, 0, NULL, U },
    { "works at St Mary's Primary School", NULL, "ORG",
      "St Mary's Primary School", 1, NULL, U },
    { "a hearing at Leeds Crown Court", NULL, "ORG", "Leeds Crown Court", 1,
      NULL, U },
    /* a finding inside a cue phrase is kept */
    { "A client today was angry", "2024-03-14T10:00:00Z", "DATE", "today", 1,
      "2024-03-14/2024-03-14", U },
    /* a school by its short name */
    { "a deaf student at Leeds Uni", NULL, "ORG", "Leeds Uni", 1, NULL, U },
    { "just started Year 11 at Calder High", NULL, "ORG", "Calder High", 1,
      NULL, U },
    { "Year 7 at Brighouse Grammar", NULL, "ORG", "Brighouse Grammar", 1,
      NULL, U },
    { "she loves St Mary's Primary", NULL, "ORG", "St Mary's Primary", 1,
      NULL, U },
    { "I feel so High today", NULL, "ORG", NULL, 0, NULL, U },
    /* the stem is shared, the word is not: an agent noun keeps its
     * ending, a base form is not met by a derived word */
    { "she is an accountant", NULL, "OCCUPATION", "accountant", 1,
      "accountant", U },
    { "two accountants", NULL, "OCCUPATION", "accountants", 1, "accountant",
      U },
    { "a bank account", NULL, "OCCUPATION", NULL, 0, NULL, U },
    { "she composed a song", NULL, "OCCUPATION", NULL, 0, NULL, U },
    { "he is present today", NULL, "OCCUPATION", NULL, 0, NULL, U },
    { "the Labour party", NULL, "OCCUPATION", NULL, 0, NULL, U },
    { "the local authority", NULL, "OCCUPATION", NULL, 0, NULL, U },
    { "the police directorate", NULL, "OCCUPATION", "directorate", 0, NULL,
      U },
    /* "sectioned" is detention, a section is not */
    { "she was sectioned in May", NULL, "LIFE_EVENT", "was sectioned", 1,
      "detention under the mental health act", U },
    { "he is on a section", NULL, "LIFE_EVENT", "on a section", 1, NULL, U },
    { "see section 3 of the Act", NULL, "LIFE_EVENT", NULL, 0, NULL, U },
};

#define UPDATE_MIDWIFE                                                    \
    "Update on the midwife I mentioned: she's 41 now and moved to Hexham " \
    "after the divorce."

static const struct span_case about_cases[] = {
    /* a closing hashtag files the post under a topic; places stay */
    { "A client told me about her loss. #anxiety #Leeds", NULL, "HEALTH",
      "#anxiety", 1, NULL, O },
    { "A client told me about her loss. #anxiety #Leeds", NULL, "PLACE",
      "#Leeds", 1, NULL, C },
    /* grief is not a condition; a prolonged grief disorder is */
    { "A client told me the grief sits under it", NULL, "HEALTH", NULL, 0,
      NULL, U },
    { "my client has prolonged grief disorder", NULL, "HEALTH",
      "prolonged grief disorder", 1, "prolonged grief", C },
    /* a word before a relative describes the relative */
    { "A client looks after her disabled mum", NULL, "HEALTH", "disabled", 1,
      NULL, O },
    { "A client looks after her disabled mum", NULL, "GENDER", "her", 1, NULL,
      C },
    { "My client is disabled", NULL, "HEALTH", "disabled", 1, NULL, C },
    { "A client left her abusive partner", NULL, "LIFE_EVENT", "abusive", 1,
      NULL, C },
    { "My client's Polish wife left him", NULL, "NATIONALITY", "Polish", 1,
      NULL, O },
    /* the "I" of a cue's own clause is not the author's */
    { "A client I've just started working with, middle-aged, said it", NULL,
      "AGE", "middle-aged", 1, NULL, C },
    { "Saw a client my 40th birthday", NULL, "AGE", "40th birthday", 1, NULL,
      A },
    /* "our session" is neither the author's nor someone else's */
    { "one of the people I work with in our 12th session who is on "
      "antidepressants", NULL, "HEALTH", "antidepressants", 1, NULL, C },
    /* a job in a hashtag is a topic, unless it stands for a word */
    { "A client of mine from Leeds is a dad. #counsellor", NULL,
      "OCCUPATION", "#counsellor", 1, NULL, O },
    { "A client, a #nurse from Leeds, is 40.", NULL, "OCCUPATION", "#nurse",
      1, NULL, C },
    /* a place in small letters after an age in a note */
    { "a client of mine \xE2\x80\x94 in her late thirties, scarborough "
      "\xE2\x80\x94 told me", NULL, "PLACE", "scarborough", 1,
      "Scarborough", C },
    { "a client, 30, reading the news, told me", NULL, "PLACE", NULL, 0,
      NULL, U },
    /* capitalised too, when the name is no English word */
    { "one of the people I work with \xE2\x80\x94 in his late sixties, "
      "Barry \xE2\x80\x94 told me", NULL, "PLACE", "Barry", 1, "Barry", C },
    { "Met a client, 17, March is her birthday", NULL, "PLACE", NULL, 0,
      NULL, U },
    /* jobs and family words in the plural with no one to hold them */
    { "A client I see is a widow. Carers need carers.", NULL, "FAMILY",
      "carers", 1, NULL, O },
    { "A client told me. Nurses are amazing.", NULL, "OCCUPATION", "Nurses",
      1, NULL, O },
    { "A client told me her sisters are nurses.", NULL, "OCCUPATION",
      "nurses", 1, NULL, C },
    { "My client has twins.", NULL, "FAMILY", "twins", 1, NULL, C },
    /* "of mine" after a described client is the cue's */
    { "A Jewish client of mine who is a barrister", NULL, "OCCUPATION",
      "barrister", 1, NULL, C },
    /* a post that goes on about an earlier one: its "he" is the client */
    { "More on this: he's only 22, which makes it harder.", NULL, "AGE", "22",
      1, NULL, C },
    { "A follow-up: she is 31, it turns out.", NULL, "AGE", "31", 1, NULL, C },
    /* "one of the people I work with" is one client */
    { "One of the people I work with is on antidepressants", NULL, "HEALTH",
      "antidepressants", 1, NULL, C },
    { "my client with #ADHD is thriving", NULL, "HEALTH", "#ADHD", 1, NULL,
      C },
    /* "told me": the date is the client's; a session's day too */
    { "A man I work with told me since March he sleeps again",
      "2024-03-14T10:00:00Z", "DATE", "March", 1, NULL, C },
    { "Jo, a client I've just started working with, said last Sunday: no",
      "2024-03-14T10:00:00Z", "DATE", "last Sunday", 1, NULL, C },
    { "I went running this morning.", "2024-03-14T10:00:00Z", "DATE",
      "this morning", 1, NULL, A },
    { "A client told me she is a nurse", NULL, "OCCUPATION", "nurse", 1,
      NULL, C },
    { "My husband is a firefighter", NULL, "FAMILY", "husband", 1, NULL, A },
    { "My husband is a firefighter", NULL, "OCCUPATION", "firefighter", 1,
      NULL, A },
    { "I'm a counsellor in Leeds", NULL, "OCCUPATION", "counsellor", 1, NULL,
      A },
    { "Saw a client today, a farrier from Ilkley", NULL, "PLACE", "Ilkley",
      1, NULL, C },
    { "Saw a client today, a farrier from Ilkley", NULL, "OCCUPATION",
      "farrier", 1, NULL, C },
    { "Imagine a client who is a farrier", NULL, "OCCUPATION", "farrier", 1,
      NULL, O },
    { "Many clients are nurses", NULL, "OCCUPATION", "nurses", 1, NULL, O },
    { "A young person I see lost her mum", NULL, "LIFE_EVENT",
      "lost her mum", 1, NULL, C },
    /* "the <person> I mentioned" is a back-reference and a client cue:
     * what follows in the sentence is about the client */
    { UPDATE_MIDWIFE, NULL, "OCCUPATION", "midwife", 1, NULL, C },
    { UPDATE_MIDWIFE, NULL, "GENDER", "she's", 1, NULL, C },
    { UPDATE_MIDWIFE, NULL, "AGE", "41", 1, "41", C },
    { UPDATE_MIDWIFE, NULL, "PLACE", "Hexham", 1, NULL, C },
    { UPDATE_MIDWIFE, NULL, "FAMILY", "divorce", 1, NULL, C },
    { "The lad I see has moved to Leeds", NULL, "PLACE", "Leeds", 1, NULL,
      C },
    { "A woman I've been seeing is a nurse", NULL, "OCCUPATION", "nurse", 1,
      NULL, C },
    { "Update on my husband: he is a nurse now", NULL, "OCCUPATION",
      "nurse", 1, NULL, O },
    /* a reply's leading handles are the people addressed */
    { "@jane @bob she lives in Leeds", NULL, "CONTACT", "@jane", 1, NULL, O },
    { "@jane @bob she lives in Leeds", NULL, "CONTACT", "@bob", 1, NULL, O },
    { "thanks @jo_b", NULL, "CONTACT", "@jo_b", 1, NULL, U },
    /* a duration is no reason to lose the job */
    { "A client spent thirty years as a school cook", NULL, "OCCUPATION",
      "school cook", 1, NULL, C },
    { "a client, a school cook for thirty years", NULL, "DATE",
      "thirty years", 1, "P30Y", C },
};

static void test_extract_age_cases(void **state)
{
    (void)state;
    check_span_cases(age_cases, ARRAY_SIZE(age_cases));
}

static void test_extract_time_cases(void **state)
{
    (void)state;
    check_span_cases(time_cases, ARRAY_SIZE(time_cases));
}

static void test_extract_contact_cases(void **state)
{
    (void)state;
    check_span_cases(contact_cases, ARRAY_SIZE(contact_cases));
}

static void test_extract_name_cases(void **state)
{
    (void)state;
    check_span_cases(name_cases, ARRAY_SIZE(name_cases));
}

static void test_extract_lexicon_cases(void **state)
{
    (void)state;
    check_span_cases(lexicon_cases, ARRAY_SIZE(lexicon_cases));
}

static void test_extract_about_cases(void **state)
{
    (void)state;
    check_span_cases(about_cases, ARRAY_SIZE(about_cases));
}

static const struct {
    const char *text;
    int client_cue, back_reference, session_timing;
} post_cases[] = {
    { "A client told me today that she is moving", 1, 0, 1 },
    { "someone I work with is struggling", 1, 0, 0 },
    /* a client described between the determiner and the noun */
    { "My lovely 80-year-old client has dementia", 1, 0, 0 },
    { "a new young patient came in", 1, 0, 0 },
    { "My sister's client is 80", 0, 0, 0 },
    /* "Saw a teenage lad today" (not "I saw a man walking his dog
     * today"), "Client J (mid 30s)", "one of my couples" */
    { "Saw a teenage lad today who is 15", 1, 0, 1 },
    { "I saw a man walking his dog today", 0, 0, 1 },
    { "Client J (mid 30s, Elland) left", 1, 0, 0 },
    { "One of my couples is getting married", 1, 0, 0 },
    /* "such a privilege to work with", "Client update:", "someone I
     * support" */
    { "Such a privilege to work with a young carer today", 1, 0, 1 },
    { "Client update: she got the job", 1, 0, 0 },
    /* a note that opens "New client" and when, or a colon */
    { "New client this week: an 82-year-old miner", 1, 0, 0 },
    { "New client: a nurse from Leeds", 1, 0, 0 },
    { "New client confidentiality rules are out", 0, 0, 0 },
    { "Client, 29, Keighley, nurse. Brave soul.", 1, 0, 0 },
    { "Client, please read the form.", 0, 0, 0 },
    { "Someone I support has been sectioned again", 1, 0, 0 },
    { "He hates to work with a nurse", 0, 0, 0 },
    /* "play therapy today with a 6yo", "a teenager on my caseload",
     * "one of my young clients", "the 12-year-old I see" */
    { "Play therapy today with a 6yo whose dad is away", 1, 0, 1 },
    { "A teenager on my caseload got into Oxford", 1, 0, 0 },
    { "One of my young clients is 40", 1, 0, 0 },
    { "The 12-year-old I see at the school is gay", 1, 0, 0 },
    /* a slip of the keys in "client" */
    { "A cleint is struggling", 1, 0, 0 },
    { "one of my cliennts is struggling", 1, 0, 0 },
    { "Clint is struggling", 0, 0, 0 },
    /* and in the other words of cues */
    { "Smeone I work with is struggling", 1, 0, 0 },
    { "Follwoing up on my post about the woman: she got the job", 1, 1, 0 },
    { "The client I mentoined last week is 40", 1, 1, 0 },
    { "Same woman as before: she is in the police", 0, 1, 0 },
    { "That client again. She is expecting again.", 1, 1, 0 },
    { "I updated my website today", 0, 0, 1 },
    { "a clinic is busy", 0, 0, 0 },
    { "a young person I see made me laugh", 1, 0, 0 },
    { "my Thursday lady brought cake", 1, 0, 1 },
    { "my 4pm cancelled again", 1, 0, 1 },
    { "Imagine a client who has lost everything", 0, 0, 0 },
    { "Imgine a client who is a farrier from Ryhill", 0, 0, 0 },
    { "Many clients struggle in winter", 0, 0, 0 },
    { "Update on the client I mentioned last week", 1, 1, 0 },
    { UPDATE_MIDWIFE, 1, 1, 0 },
    { "update on the nurse: she's home", 1, 1, 0 },
    { "The lad I see made me laugh", 1, 0, 0 },
    { "the farrier I posted about is back", 1, 1, 0 },
    { "Quick update on the book: it's out", 0, 1, 0 },
    { "Update on my husband: he is home", 0, 1, 0 },
    { "The book I mentioned is out", 0, 0, 0 },
    { "Imagine the lad I see moved away", 0, 0, 0 },
    { "A woman I see told me", 1, 0, 0 },
    { "Following up on my post about the man from Leeds: he is fine", 1, 1,
      0 },
    { "Following up on my post about the conference: great talks", 0, 1,
      0 },
    /* teaching material is no client */
    { "Training scenario: a client from Selby discloses abuse.", 0, 0, 0 },
    { "Exam question I set: a client from Selby you know socially.", 0, 0,
      0 },
    { "Lovely walk by the canal", 0, 0, 0 },
    /* the author working with a person */
    { "Working with a young person in Year 9 who self-harms", 1, 0, 0 },
    { "I've been supporting a teenager through her exams", 1, 0, 0 },
    { "Currently counselling a nurse from Leeds", 1, 0, 0 },
    { "My husband works with a nurse from Leeds", 0, 0, 0 },
    { "I see a man walking his dog every day", 0, 0, 0 },
    { "working with my mum on the garden", 0, 0, 0 },
    { "Sat with a dad today whose wife died", 1, 0, 1 },
    { "My son sat with a girl from Leeds at lunch", 0, 0, 0 },
    { "Had a session with a lovely lady who is a vicar", 1, 0, 0 },
    { "Today's session: a teen boy from Brighouse", 1, 0, 1 },
    { "A mum I saw this week told me", 1, 0, 0 },
    { "Client this morning (late 60s, retired GP) talked about her son", 1, 0,
      1 },
    { "Client: late 60s, retired GP", 1, 0, 0 },
    { "Client confidentiality matters", 0, 0, 0 },
    { "Clients cancelled this week", 0, 0, 0 },
    { "Gentleman I see on Mondays told me about his late wife", 1, 0, 1 },
    { "She told me I see things differently", 0, 0, 0 },
    { "Many of hte men I work with never talk", 0, 0, 0 },
    { "Big day for one of my young people: she passed", 1, 0, 0 },
    { "I've been reflecting on a case: a 52-year-old bus driver", 1, 0, 0 },
    { "Reflection: supporting a police officer through PTSD", 1, 0, 0 },
    { "Client's wedding was lovely", 1, 0, 0 },
    { "Session went well w/ the firefighter", 1, 0, 0 },
    { "Shout out to @sarah_runs who I've been working with", 1, 0, 0 },
    { "@bob I see what you mean", 0, 0, 0 },
    { "Let's call him Dave. Dave is a plumber", 1, 0, 0 },
    { "Let's say a client is a plumber", 0, 0, 0 },
    { "My yoga session with a friend", 0, 0, 0 },
};

static void test_extract_post_cues(void **state)
{
    mosaic_extractor *ext = NULL;
    const mosaic_extraction *x;

    (void)state;
    assert_int_equal(fixture_open(&ext), 0);
    for (size_t i = 0; i < ARRAY_SIZE(post_cases); i++) {
        const char *t = post_cases[i].text;
        assert_int_equal(mosaic_extract(&x, ext, t, strlen(t), NULL), 0);
        if (x->client_cue != post_cases[i].client_cue ||
            x->back_reference != post_cases[i].back_reference ||
            x->session_timing != post_cases[i].session_timing)
            fail_msg("\"%s\": cue %d back %d timing %d, want %d %d %d", t,
                     x->client_cue, x->back_reference, x->session_timing,
                     post_cases[i].client_cue, post_cases[i].back_reference,
                     post_cases[i].session_timing);
    }
    mosaic_extractor_close(ext);
}

/* Offsets are code points; an emoji is one. */
static void test_extract_code_points(void **state)
{
    static const char text[] = "\xF0\x9F\x98\x80 caf\xC3\xA9 in Leeds";
    mosaic_extractor *ext = NULL;
    const mosaic_extraction *x;
    const mosaic_span *s;

    (void)state;
    assert_int_equal(fixture_open(&ext), 0);
    assert_int_equal(mosaic_extract(&x, ext, text, strlen(text), NULL), 0);
    assert_non_null(s = find_span(x, "PLACE", "Leeds"));
    assert_int_equal(s->start, 10);
    assert_int_equal(s->end, 15);
    assert_int_equal(s->byte_start, 14);
    mosaic_extractor_close(ext);
}

/* Bad bytes become U+FFFD and are counted; NUL is a space. */
static void test_extract_bad_bytes(void **state)
{
    static const char text[] = "in \xC3 Leeds\0from Halifax \xFF\xFE";
    mosaic_extractor *ext = NULL;
    const mosaic_extraction *x;
    const mosaic_span *s;

    (void)state;
    assert_int_equal(fixture_open(&ext), 0);
    assert_int_equal(mosaic_extract(&x, ext, text, sizeof(text) - 1, NULL),
                     0);
    assert_int_equal(x->invalid_utf8, 3);
    assert_non_null(s = find_span(x, "PLACE", "Leeds"));
    assert_int_equal(s->start, 5);
    assert_non_null(find_span(x, "PLACE", "Halifax"));
    assert_int_equal(mosaic_extract(&x, ext, NULL, 0, NULL), 0);
    assert_int_equal(x->n, 0);
    mosaic_extractor_close(ext);
}

/* An empty post first, on an extractor from the reference image (no
 * word folded yet): nothing found, no pointer arithmetic on nothing
 * (fuzz_extract's first input: clang's UBSan, pointer-overflow, in
 * extract_only.c; gcc's does not check it, `make fuzz-check` does). */
static void test_extract_empty_first(void **state)
{
    mosaic_extractor *ext = NULL;
    const mosaic_extraction *x;

    (void)state;
    assert_int_equal(mosaic_extractor_open(&ext, NULL), 0);
    assert_int_equal(mosaic_extract(&x, ext, "", 0, NULL), 0);
    assert_int_equal(x->n, 0);
    assert_int_equal(mosaic_extract(&x, ext, "the only", 8, NULL), 0);
    mosaic_extractor_close(ext);
}

/* A 10 MB post: linear, and every span still found. */
/* A 10 MB post of `unit` again and again: its findings, in about a
 * second (no search that grows with the spans found so far). */
static void extract_repeated(const char *unit, size_t per_unit)
{
    size_t ul = strlen(unit), n = 10u * 1024 * 1024 / ul, len = 0;
    char *big = malloc(n * ul);
    mosaic_extractor *ext = NULL;
    const mosaic_extraction *x;

    assert_non_null(big);
    for (size_t i = 0; i < n; i++, len += ul)
        memcpy(big + len, unit, ul);
    assert_int_equal(fixture_open(&ext), 0);
    assert_int_equal(mosaic_extract(&x, ext, big, len, NULL), 0);
    if (x->n != per_unit * n)
        fail_msg("%zu findings, want %zu", x->n, per_unit * n);
    assert_true(x->client_cue);
    mosaic_extractor_close(ext);
    free(big);
}

static void test_extract_huge_post(void **state)
{
    (void)state;
    extract_repeated("A client from Leeds, 15-year-old. ", 2);
    /* an age and a place in a note, a name in apposition, "only" */
    extract_repeated("someone i see, ellie, only 20, leeds. a man who is only "
                     "5. ",
                     5);
}

static void test_extract_missing_data(void **state)
{
    mosaic_extractor *ext = NULL;

    (void)state;
    assert_int_equal(mosaic_extractor_open(&ext, "/nonexistent"),
                     MOSAIC_ENOTFOUND);
    assert_null(ext);
    mosaic_extractor_close(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_extract_age_cases),
        cmocka_unit_test(test_extract_time_cases),
        cmocka_unit_test(test_extract_medicine_cases),
        cmocka_unit_test(test_extract_cue_gender_cases),
        cmocka_unit_test(test_extract_job_cases),
        cmocka_unit_test(test_extract_contact_cases),
        cmocka_unit_test(test_extract_name_cases),
        cmocka_unit_test(test_extract_lexicon_cases),
        cmocka_unit_test(test_extract_about_cases),
        cmocka_unit_test(test_extract_post_cues),
        cmocka_unit_test(test_extract_code_points),
        cmocka_unit_test(test_extract_bad_bytes),
        cmocka_unit_test(test_extract_huge_post),
        cmocka_unit_test(test_extract_missing_data),
        cmocka_unit_test(test_extract_empty_first),
    };
    int rc = cmocka_run_group_tests_name("extract", tests, NULL, NULL);

    fixture_cleanup();
    return rc;
}
