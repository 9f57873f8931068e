/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* check-facts.c: parsing `activering.facts/1` documents against the default rule set (public API only).
 *
 * Every bad input must give a clear error in ACTIVERING_ERROR that names the document, the JSON path and what
 * was expected, must leave the facts object empty, and must never crash. Absent is unknown, null is blank.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "test-util.h"

#define FORMAT_MEMBER "\"format\":\"activering.facts/1\""
/* A minimal valid document with extra members. */
#define DOC(members) "{" FORMAT_MEMBER ",\"id\":\"t-1\"," members "}"

static ActiveringRuleSet *rules;
static ActiveringFacts *facts;
static char *rich_document; /* a valid example with many facts set, parsed before each bad input */

static void
setup (void)
{
  rules = test_default_rules ();
  facts = activering_facts_new (rules);
  ck_assert (facts != NULL);
  rich_document = test_read_file ("examples/facts/facts-twe-eligible.json", NULL);
}

static void
teardown (void)
{
  activering_facts_free (facts);
  activering_rule_set_unref (rules);
  g_free (rich_document);
}

/* Asserts that @facts holds nothing: no id, no as_of, every declared fact unknown. */
static void
assert_facts_empty (const ActiveringFacts *f)
{
  ck_assert_msg (activering_facts_get_id (f) == NULL, "id \"%s\" left after a failed parse",
                 activering_facts_get_id (f));
  GDate date;
  g_date_clear (&date, 1);
  ck_assert_msg (!activering_facts_get_as_of (f, &date), "as_of left after a failed parse");
  for (guint i = 0; i < activering_rule_set_get_n_facts (rules); i++)
    {
      const char *path = activering_rule_set_get_fact_path (rules, i);
      ActiveringFactState state = activering_facts_get_state (f, path);
      ck_assert_msg (state == ACTIVERING_FACT_UNKNOWN, "fact %s is %s after a failed parse", path,
                     activering_fact_state_to_string (state));
    }
}

/* Parses a valid rich document first (so that leftovers would show), then @json, which must fail.
 * Checks that the error names the document and a JSON path and that the facts are left empty. */
static GError *
parse_error (const char *json, gssize length)
{
  GError *error = NULL;
  ck_assert_msg (activering_facts_parse (facts, rich_document, -1, &error), "the example does not parse: %s",
                 error ? error->message : "?");
  gboolean ok = activering_facts_parse (facts, json, length, &error);
  ck_assert_msg (!ok, "accepted: %.300s", json ? json : "(null)");
  ck_assert_msg (error != NULL, "failed without an error");
  ck_assert_msg (g_str_has_prefix (error->message, "facts: /"), "message does not start with \"facts: /\": %s",
                 error->message);
  assert_facts_empty (facts);
  /* Without a GError the parser fails the same way. */
  ck_assert (activering_facts_parse (facts, rich_document, -1, NULL));
  ck_assert (!activering_facts_parse (facts, json, length, NULL));
  assert_facts_empty (facts);
  return error;
}

/* Asserts that @json fails with @code and a message containing each of the following strings. */
#define EXPECT_ERROR(json, code, ...)                                                                 \
  do                                                                                                  \
    {                                                                                                 \
      g_autoptr (GError) e_ = parse_error ((json), -1);                                               \
      test_assert_error (e_, (code), __VA_ARGS__, NULL);                                              \
    }                                                                                                 \
  while (0)

#define EXPECT_ERROR_LEN(json, length, code, ...)                                                     \
  do                                                                                                  \
    {                                                                                                 \
      g_autoptr (GError) e_ = parse_error ((json), (length));                                         \
      test_assert_error (e_, (code), __VA_ARGS__, NULL);                                              \
    }                                                                                                 \
  while (0)

/* Parses @json, which must succeed. */
static void
parse_ok (const char *json)
{
  g_autoptr (GError) error = NULL;
  ck_assert_msg (activering_facts_parse (facts, json, -1, &error), "rejected: %s\n  document: %.300s",
                 error ? error->message : "?", json);
  ck_assert (error == NULL);
}

static void
assert_state (const char *path, ActiveringFactState expected)
{
  ck_assert_msg (activering_rule_set_lookup_fact (rules, path) >= 0, "the rule set has no fact %s", path);
  ActiveringFactState state = activering_facts_get_state (facts, path);
  ck_assert_msg (state == expected, "%s is %s, expected %s", path, activering_fact_state_to_string (state),
                 activering_fact_state_to_string (expected));
}

/* A string of @n copies of @c. */
static char *
repeat (char c, gsize n)
{
  char *s = g_malloc (n + 1);
  memset (s, c, n);
  s[n] = '\0';
  return s;
}

/* ---- valid documents ----------------------------------------------------------------------------------- */

START_TEST (test_examples_parse)
{
  static const char *const files[] = {
    "examples/facts/facts-twe-eligible.json", "examples/facts/facts-ibo-proposal.json",
    "examples/facts/facts-unknowns.json",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *json = test_read_file (files[i], NULL);
      parse_ok (json);
      ck_assert (activering_facts_get_id (facts) != NULL);
    }
  g_autofree char *caseload = test_read_file ("examples/caseload.jsonl", NULL);
  g_auto (GStrv) lines = g_strsplit (caseload, "\n", -1);
  guint n = 0;
  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      {
        parse_ok (lines[i]);
        n++;
      }
  ck_assert_uint_gt (n, 5);
}
END_TEST

START_TEST (test_id_fact)
{
  /* household.partner_id: an opaque dossier id, like the document's own. */
  parse_ok (DOC ("\"household\":{\"partner_id\":\"dossier-0043\"}"));
  ck_assert_int_eq (activering_facts_get_state (facts, "household.partner_id"), ACTIVERING_FACT_KNOWN);
  parse_ok (DOC ("\"household\":{\"partner_id\":null}"));
  ck_assert_int_eq (activering_facts_get_state (facts, "household.partner_id"), ACTIVERING_FACT_BLANK);
  parse_ok (DOC ("\"household\":null"));
  ck_assert_int_eq (activering_facts_get_state (facts, "household.partner_id"), ACTIVERING_FACT_BLANK);
  parse_ok (DOC ("\"region\":\"vlaanderen\""));
  ck_assert_int_eq (activering_facts_get_state (facts, "household.partner_id"), ACTIVERING_FACT_UNKNOWN);
  EXPECT_ERROR (DOC ("\"household\":{\"partner_id\":\"\"}"), ACTIVERING_ERROR_INVALID_VALUE,
                "facts: /household/partner_id:", "a dossier id is empty");
  EXPECT_ERROR (DOC ("\"household\":{\"partner_id\":42}"), ACTIVERING_ERROR_TYPE, "facts: /household/partner_id:",
                "expected a dossier id as a string, found a number");
  EXPECT_ERROR (DOC ("\"household\":{\"partner\":\"d-1\"}"), ACTIVERING_ERROR_UNKNOWN_KEY,
                "facts: /household/partner:", "unknown key \"partner\"");
}
END_TEST

START_TEST (test_minimal_document)
{
  parse_ok ("{\"format\":\"activering.facts/1\",\"id\":\"d-1\"}");
  ck_assert_str_eq (activering_facts_get_id (facts), "d-1");
  GDate date;
  g_date_clear (&date, 1);
  ck_assert (!activering_facts_get_as_of (facts, &date));
  ck_assert (activering_facts_get_rule_set (facts) == rules);
  /* Order does not matter, whitespace is free. */
  parse_ok (" \r\n\t{ \"id\" : \"d-2\" ,\n \"as_of\" : \"2024-02-29\" , \"format\" : \"activering.facts/1\" }\n\t ");
  ck_assert_str_eq (activering_facts_get_id (facts), "d-2");
  ck_assert (activering_facts_get_as_of (facts, &date));
  ck_assert_int_eq (g_date_get_year (&date), 2024);
  ck_assert_int_eq (g_date_get_month (&date), 2);
  ck_assert_int_eq (g_date_get_day (&date), 29);
}
END_TEST

START_TEST (test_escapes_in_valid_strings)
{
  parse_ok ("{\"format\":\"activering.facts/1\",\"id\":\"d\\u00e9-\\ud83d\\ude00-\\\"q\\\"\\/\"}");
  ck_assert_str_eq (activering_facts_get_id (facts), "d\xc3\xa9-\xf0\x9f\x98\x80-\"q\"/");
  /* A key written with escapes is the same key. */
  parse_ok (DOC ("\"\\u0076dab\":{\"registered\":true},\"income\":{\"status\":\"leef\\u006coon\"}"));
  assert_state ("vdab.registered", ACTIVERING_FACT_KNOWN);
  assert_state ("income.status", ACTIVERING_FACT_KNOWN);
}
END_TEST

START_TEST (test_explicit_length_not_nul_terminated)
{
  static const char doc[] = "{\"format\":\"activering.facts/1\",\"id\":\"len-1\"}GARBAGE";
  gsize length = strlen (doc) - strlen ("GARBAGE");
  g_autoptr (GError) error = NULL;
  ck_assert_msg (activering_facts_parse (facts, doc, (gssize) length, &error), "%s", error ? error->message : "");
  ck_assert_str_eq (activering_facts_get_id (facts), "len-1");
  /* One byte short: the closing brace is missing. */
  EXPECT_ERROR_LEN (doc, (gssize) length - 1, ACTIVERING_ERROR_SYNTAX, "malformed JSON");
}
END_TEST

/* ---- malformed JSON ------------------------------------------------------------------------------------ */

START_TEST (test_syntax_missing_brace)
{
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"a\"", ACTIVERING_ERROR_SYNTAX, "facts: /:", "malformed JSON", "'}'");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"a\",\"vdab\":{\"registered\":true}", ACTIVERING_ERROR_SYNTAX,
                "malformed JSON", "'}'");
  EXPECT_ERROR ("{", ACTIVERING_ERROR_SYNTAX, "malformed JSON");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"a\",\"barriers\":[\"housing\"", ACTIVERING_ERROR_SYNTAX,
                "/barriers", "malformed JSON", "']'");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"a\" \"region\":\"brussel\"}", ACTIVERING_ERROR_SYNTAX, "malformed JSON",
                "','");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\" \"a\"}", ACTIVERING_ERROR_SYNTAX, "malformed JSON", "':'");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":}", ACTIVERING_ERROR_SYNTAX, "/id", "malformed JSON");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"abc}", ACTIVERING_ERROR_SYNTAX, "/id", "malformed JSON");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",id:\"a\"}", ACTIVERING_ERROR_SYNTAX, "malformed JSON", "a key in quotes");
  EXPECT_ERROR ("{'format':'activering.facts/1','id':'a'}", ACTIVERING_ERROR_SYNTAX, "malformed JSON");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"a\" // comment\n}", ACTIVERING_ERROR_SYNTAX, "malformed JSON");
}
END_TEST

START_TEST (test_syntax_trailing_comma)
{
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"a\",}", ACTIVERING_ERROR_SYNTAX, "facts: /:", "malformed JSON at byte",
                "a key in quotes");
  EXPECT_ERROR (DOC ("\"barriers\":[\"housing\",]"), ACTIVERING_ERROR_SYNTAX, "/barriers/1", "malformed JSON");
  EXPECT_ERROR (DOC ("\"vdab\":{\"registered\":true,}"), ACTIVERING_ERROR_SYNTAX, "/vdab", "malformed JSON");
  EXPECT_ERROR (DOC ("\"x_list\":[1,2,]"), ACTIVERING_ERROR_SYNTAX, "/x_list", "malformed JSON");
  EXPECT_ERROR (DOC ("\"x_obj\":{\"a\":1,}"), ACTIVERING_ERROR_SYNTAX, "/x_obj", "malformed JSON");
  EXPECT_ERROR ("{," FORMAT_MEMBER ",\"id\":\"a\"}", ACTIVERING_ERROR_SYNTAX, "malformed JSON");
}
END_TEST

START_TEST (test_syntax_bad_escape)
{
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"a\\x\"}", ACTIVERING_ERROR_SYNTAX, "/id", "malformed JSON",
                "escape");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"a\\'\"}", ACTIVERING_ERROR_SYNTAX, "/id", "malformed JSON");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"a\\u12\"}", ACTIVERING_ERROR_SYNTAX, "/id", "malformed JSON",
                "hex");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"a\\u12g4\"}", ACTIVERING_ERROR_SYNTAX, "/id", "hex");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"a\\", ACTIVERING_ERROR_SYNTAX, "/id", "malformed JSON");
  EXPECT_ERROR (DOC ("\"x_note\":\"\\q\""), ACTIVERING_ERROR_SYNTAX, "/x_note", "malformed JSON");
}
END_TEST

START_TEST (test_syntax_control_character_in_string)
{
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"a\tb\"}", ACTIVERING_ERROR_SYNTAX, "/id", "malformed JSON",
                "control character");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"a\nb\"}", ACTIVERING_ERROR_SYNTAX, "/id", "control character");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"a\\n\x01\"}", ACTIVERING_ERROR_SYNTAX, "/id", "control character");
  EXPECT_ERROR (DOC ("\"x_note\":\"line\nline\""), ACTIVERING_ERROR_SYNTAX, "/x_note", "control character");
  EXPECT_ERROR (DOC ("\"income\":{\"status\":\"leef\x1floon\"}"), ACTIVERING_ERROR_SYNTAX, "/income/status",
                "control character");
}
END_TEST

START_TEST (test_syntax_bad_numbers)
{
  EXPECT_ERROR (DOC ("\"work_capacity\":01"), ACTIVERING_ERROR_SYNTAX, "malformed JSON");
  EXPECT_ERROR (DOC ("\"work_capacity\":1."), ACTIVERING_ERROR_SYNTAX, "/work_capacity", "malformed JSON",
                "decimal point");
  EXPECT_ERROR (DOC ("\"work_capacity\":.5"), ACTIVERING_ERROR_SYNTAX, "/work_capacity", "malformed JSON");
  EXPECT_ERROR (DOC ("\"work_capacity\":+0.5"), ACTIVERING_ERROR_SYNTAX, "/work_capacity", "malformed JSON");
  EXPECT_ERROR (DOC ("\"work_capacity\":-"), ACTIVERING_ERROR_SYNTAX, "/work_capacity", "malformed JSON");
  EXPECT_ERROR (DOC ("\"work_capacity\":1e"), ACTIVERING_ERROR_SYNTAX, "/work_capacity", "exponent");
  EXPECT_ERROR (DOC ("\"work_capacity\":1e+"), ACTIVERING_ERROR_SYNTAX, "/work_capacity", "exponent");
  EXPECT_ERROR (DOC ("\"work_capacity\":0x1"), ACTIVERING_ERROR_SYNTAX, "malformed JSON");
  EXPECT_ERROR (DOC ("\"work_capacity\":NaN"), ACTIVERING_ERROR_SYNTAX, "/work_capacity", "malformed JSON");
  EXPECT_ERROR (DOC ("\"work_capacity\":Infinity"), ACTIVERING_ERROR_SYNTAX, "/work_capacity", "malformed JSON");
  EXPECT_ERROR (DOC ("\"x_n\":01"), ACTIVERING_ERROR_SYNTAX, "malformed JSON");
  EXPECT_ERROR (DOC ("\"x_n\":1."), ACTIVERING_ERROR_SYNTAX, "/x_n", "malformed JSON");
  EXPECT_ERROR (DOC ("\"x_n\":-01"), ACTIVERING_ERROR_SYNTAX, "malformed JSON");
  EXPECT_ERROR (DOC ("\"assessment\":{\"regular_labour_market_within_months\":012}"), ACTIVERING_ERROR_SYNTAX,
                "malformed JSON");
  /* Valid numbers in the same places. */
  parse_ok (DOC ("\"work_capacity\":0.5e0,\"x_n\":[-0,0.1,1E5,-2.5e-3,1e+2]"));
  assert_state ("work_capacity", ACTIVERING_FACT_KNOWN);
}
END_TEST

START_TEST (test_syntax_lone_surrogate)
{
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"\\ud800\"}", ACTIVERING_ERROR_SYNTAX, "/id", "malformed JSON",
                "surrogate");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"\\udc00\"}", ACTIVERING_ERROR_SYNTAX, "/id", "surrogate");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"\\ud800\\u0041\"}", ACTIVERING_ERROR_SYNTAX, "/id", "surrogate");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"\\ud800\\ud800\"}", ACTIVERING_ERROR_SYNTAX, "/id", "surrogate");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"\\ude00\\ud83d\"}", ACTIVERING_ERROR_SYNTAX, "/id", "surrogate");
  EXPECT_ERROR (DOC ("\"x_s\":\"\\udfff\""), ACTIVERING_ERROR_SYNTAX, "/x_s", "surrogate");
}
END_TEST

START_TEST (test_syntax_bad_literals)
{
  EXPECT_ERROR (DOC ("\"vdab\":{\"registered\":tru}"), ACTIVERING_ERROR_SYNTAX, "/vdab/registered",
                "malformed JSON");
  EXPECT_ERROR (DOC ("\"vdab\":{\"registered\":True}"), ACTIVERING_ERROR_SYNTAX, "/vdab/registered",
                "malformed JSON");
  EXPECT_ERROR (DOC ("\"vdab\":{\"registered\":nul}"), ACTIVERING_ERROR_SYNTAX, "/vdab/registered",
                "malformed JSON");
  EXPECT_ERROR (DOC ("\"x_b\":falsy"), ACTIVERING_ERROR_SYNTAX, "/x_b", "malformed JSON");
  EXPECT_ERROR (DOC ("\"x_b\":undefined"), ACTIVERING_ERROR_SYNTAX, "/x_b", "malformed JSON");
}
END_TEST

START_TEST (test_syntax_empty_document)
{
  EXPECT_ERROR ("", ACTIVERING_ERROR_SYNTAX, "facts: /:", "empty document");
  EXPECT_ERROR_LEN (NULL, 0, ACTIVERING_ERROR_SYNTAX, "empty document");
  EXPECT_ERROR_LEN ("{}", 0, ACTIVERING_ERROR_SYNTAX, "empty document");
  EXPECT_ERROR (" ", ACTIVERING_ERROR_SYNTAX, "empty document");
  EXPECT_ERROR (" \n\t\r\n  ", ACTIVERING_ERROR_SYNTAX, "empty document");
}
END_TEST

START_TEST (test_syntax_trailing_garbage)
{
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"a\"} x", ACTIVERING_ERROR_SYNTAX, "facts: /:", "after the document");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"a\"}}", ACTIVERING_ERROR_SYNTAX, "after the document");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"a\"}{}", ACTIVERING_ERROR_SYNTAX, "after the document");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"a\"},", ACTIVERING_ERROR_SYNTAX, "after the document");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"a\"}\n{" FORMAT_MEMBER ",\"id\":\"b\"}", ACTIVERING_ERROR_SYNTAX,
                "after the document");
  /* Trailing whitespace is fine. */
  parse_ok ("{" FORMAT_MEMBER ",\"id\":\"a\"}\n\r\t ");
}
END_TEST

START_TEST (test_syntax_nul_byte)
{
  static const char in_string[] = "{\"format\":\"activering.facts/1\",\"id\":\"a\0b\"}";
  EXPECT_ERROR_LEN (in_string, sizeof in_string - 1, ACTIVERING_ERROR_SYNTAX, "/id", "malformed JSON");
  static const char after[] = "{\"format\":\"activering.facts/1\",\"id\":\"a\"}\0";
  EXPECT_ERROR_LEN (after, sizeof after - 1, ACTIVERING_ERROR_SYNTAX, "after the document");
  static const char before[] = "\0{\"format\":\"activering.facts/1\",\"id\":\"a\"}";
  EXPECT_ERROR_LEN (before, sizeof before - 1, ACTIVERING_ERROR_SYNTAX, "malformed JSON");
  static const char between[] = "{\"format\":\"activering.facts/1\",\0\"id\":\"a\"}";
  EXPECT_ERROR_LEN (between, sizeof between - 1, ACTIVERING_ERROR_SYNTAX, "malformed JSON");
  static const char in_key[] = "{\"format\":\"activering.facts/1\",\"i\0d\":\"a\"}";
  EXPECT_ERROR_LEN (in_key, sizeof in_key - 1, ACTIVERING_ERROR_SYNTAX, "malformed JSON");
}
END_TEST

/* ---- not a facts object -------------------------------------------------------------------------------- */

START_TEST (test_not_an_object)
{
  EXPECT_ERROR ("[]", ACTIVERING_ERROR_TYPE, "facts: /:", "object", "an array");
  EXPECT_ERROR ("[{" FORMAT_MEMBER ",\"id\":\"a\"}]", ACTIVERING_ERROR_TYPE, "object", "an array");
  EXPECT_ERROR ("42", ACTIVERING_ERROR_TYPE, "object", "a number");
  EXPECT_ERROR ("-1", ACTIVERING_ERROR_TYPE, "object", "a number");
  EXPECT_ERROR ("\"x\"", ACTIVERING_ERROR_TYPE, "object", "a string");
  EXPECT_ERROR ("null", ACTIVERING_ERROR_TYPE, "object", "null");
  EXPECT_ERROR ("true", ACTIVERING_ERROR_TYPE, "object", "a boolean");
  EXPECT_ERROR ("  \n false", ACTIVERING_ERROR_TYPE, "object", "a boolean");
  EXPECT_ERROR ("x", ACTIVERING_ERROR_SYNTAX, "malformed JSON");
}
END_TEST

/* ---- format and id ------------------------------------------------------------------------------------- */

START_TEST (test_format_missing)
{
  EXPECT_ERROR ("{\"id\":\"a\"}", ACTIVERING_ERROR_FORMAT, "\"format\"");
  EXPECT_ERROR ("{\"id\":\"a\",\"vdab\":{\"registered\":true}}", ACTIVERING_ERROR_FORMAT, "\"format\"");
}
END_TEST

START_TEST (test_format_other_major_version)
{
  EXPECT_ERROR ("{\"format\":\"activering.facts/2\",\"id\":\"a\"}", ACTIVERING_ERROR_FORMAT, "facts: /format:",
                "\"activering.facts/2\"", "activering.facts/1");
  EXPECT_ERROR ("{\"format\":\"activering.facts/0\",\"id\":\"a\"}", ACTIVERING_ERROR_FORMAT, "/format",
                "\"activering.facts/0\"");
  EXPECT_ERROR ("{\"format\":\"activering.facts/10\",\"id\":\"a\"}", ACTIVERING_ERROR_FORMAT, "/format",
                "\"activering.facts/10\"");
  /* The format comes first in the error even when it is last in the document. */
  EXPECT_ERROR ("{\"id\":\"a\",\"format\":\"activering.facts/2\"}", ACTIVERING_ERROR_FORMAT, "/format",
                "activering.facts/2");
}
END_TEST

START_TEST (test_format_other_kind)
{
  EXPECT_ERROR ("{\"format\":\"activering.result/1\",\"id\":\"a\"}", ACTIVERING_ERROR_FORMAT, "facts: /format:",
                "\"activering.result/1\"", "activering.facts/1");
  EXPECT_ERROR ("{\"format\":\"activering.rules/1\",\"id\":\"a\"}", ACTIVERING_ERROR_FORMAT, "/format",
                "\"activering.rules/1\"");
  EXPECT_ERROR ("{\"format\":\"\",\"id\":\"a\"}", ACTIVERING_ERROR_FORMAT, "/format");
  EXPECT_ERROR ("{\"format\":\"Activering.Facts/1\",\"id\":\"a\"}", ACTIVERING_ERROR_FORMAT, "/format");
  EXPECT_ERROR ("{\"format\":\"activering.facts/1 \",\"id\":\"a\"}", ACTIVERING_ERROR_FORMAT, "/format");
  EXPECT_ERROR ("{\"format\":\"activering.facts\",\"id\":\"a\"}", ACTIVERING_ERROR_FORMAT, "/format");
  EXPECT_ERROR ("{\"format\":1,\"id\":\"a\"}", ACTIVERING_ERROR_TYPE, "/format", "a number");
  EXPECT_ERROR ("{\"format\":null,\"id\":\"a\"}", ACTIVERING_ERROR_TYPE, "/format", "null");
}
END_TEST

START_TEST (test_id_missing_or_empty)
{
  EXPECT_ERROR ("{" FORMAT_MEMBER "}", ACTIVERING_ERROR_MISSING, "facts: /:", "\"id\"");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"vdab\":{\"registered\":true}}", ACTIVERING_ERROR_MISSING, "\"id\"");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"\"}", ACTIVERING_ERROR_INVALID_VALUE, "facts: /id:", "empty");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":42}", ACTIVERING_ERROR_TYPE, "facts: /id:", "a number");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":{\"v\":\"a\"}}", ACTIVERING_ERROR_TYPE, "/id", "an object");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":[\"a\"]}", ACTIVERING_ERROR_TYPE, "/id", "an array");
}
END_TEST

START_TEST (test_id_invalid_utf8)
{
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"a\xff\"}", ACTIVERING_ERROR_INVALID_VALUE, "facts: /id:", "UTF-8");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"\xc0\xaf\"}", ACTIVERING_ERROR_INVALID_VALUE, "/id", "UTF-8");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"ab\xe2\x82\"}", ACTIVERING_ERROR_INVALID_VALUE, "/id", "UTF-8");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"\xed\xa0\x80\"}", ACTIVERING_ERROR_INVALID_VALUE, "/id", "UTF-8");
  /* With an escape elsewhere in the string (the unescaping path). */
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"\\u00e9\xfe\"}", ACTIVERING_ERROR_INVALID_VALUE, "/id", "UTF-8");
  /* A control character (escaped or not) has no place in an id that ends up in logs and tables. */
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"a\\nb\"}", ACTIVERING_ERROR_INVALID_VALUE, "/id", "control character");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"a\\u0000b\"}", ACTIVERING_ERROR_INVALID_VALUE, "/id", "control character");
  /* Valid multi-byte UTF-8 is fine. */
  parse_ok ("{" FORMAT_MEMBER ",\"id\":\"d\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"}");
  ck_assert_str_eq (activering_facts_get_id (facts), "d\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
}
END_TEST

/* ---- dates --------------------------------------------------------------------------------------------- */

START_TEST (test_impossible_dates)
{
  g_autoptr (GError) e1 = parse_error (DOC ("\"vdab\":{\"registered_since\":\"2025-02-30\"}"), -1);
  test_assert_error (e1, ACTIVERING_ERROR_INVALID_VALUE,
                     "facts: /vdab/registered_since: \"2025-02-30\" is not a valid date", NULL);
  g_autoptr (GError) e2 = parse_error (DOC ("\"vdab\":{\"registered_since\":\"2025-13-01\"}"), -1);
  test_assert_error (e2, ACTIVERING_ERROR_INVALID_VALUE,
                     "facts: /vdab/registered_since: \"2025-13-01\" is not a valid date", NULL);
  EXPECT_ERROR (DOC ("\"person\":{\"birth_date\":\"2023-02-29\"}"), ACTIVERING_ERROR_INVALID_VALUE,
                "facts: /person/birth_date: \"2023-02-29\" is not a valid date");
  EXPECT_ERROR (DOC ("\"as_of\":\"2025-00-10\""), ACTIVERING_ERROR_INVALID_VALUE,
                "facts: /as_of: \"2025-00-10\" is not a valid date");
  EXPECT_ERROR (DOC ("\"proposals\":{\"ibo\":{\"start\":\"2026-04-31\"}}"), ACTIVERING_ERROR_INVALID_VALUE,
                "facts: /proposals/ibo/start: \"2026-04-31\" is not a valid date");
  EXPECT_ERROR (DOC ("\"gpmi\":{\"signed_on\":\"0000-01-01\"}"), ACTIVERING_ERROR_INVALID_VALUE,
                "/gpmi/signed_on", "not a valid date");
  /* Not the exact YYYY-MM-DD form. */
  static const char *const forms[] = { "2025-1-01", "01/02/2025", "2025-01-01T00:00:00Z", " 2025-01-01",
                                       "2025-01-01 ", "", "today", "20250101" };
  for (gsize i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autofree char *json = g_strdup_printf (DOC ("\"income\":{\"since\":\"%s\"}"), forms[i]);
      g_autofree char *quoted = g_strdup_printf ("\"%s\"", forms[i]);
      EXPECT_ERROR (json, ACTIVERING_ERROR_INVALID_VALUE, "facts: /income/since:", quoted, "not a valid date");
    }
  /* Valid dates, including a leap day. */
  parse_ok (DOC ("\"person\":{\"birth_date\":\"2004-02-29\"},\"as_of\":\"2000-02-29\""));
  assert_state ("person.birth_date", ACTIVERING_FACT_KNOWN);
}
END_TEST

/* ---- wrong types --------------------------------------------------------------------------------------- */

START_TEST (test_wrong_types)
{
  EXPECT_ERROR (DOC ("\"vdab\":{\"registered\":\"true\"}"), ACTIVERING_ERROR_TYPE, "facts: /vdab/registered:",
                "true or false", "a string");
  EXPECT_ERROR (DOC ("\"vdab\":{\"registered\":1}"), ACTIVERING_ERROR_TYPE, "/vdab/registered", "a number");
  EXPECT_ERROR (DOC ("\"work_capacity\":\"0.5\""), ACTIVERING_ERROR_TYPE, "facts: /work_capacity:", "number",
                "a string");
  EXPECT_ERROR (DOC ("\"work_capacity\":true"), ACTIVERING_ERROR_TYPE, "/work_capacity", "a boolean");
  EXPECT_ERROR (DOC ("\"vdab\":[]"), ACTIVERING_ERROR_TYPE, "facts: /vdab:", "object", "an array");
  EXPECT_ERROR (DOC ("\"vdab\":[{\"registered\":true}]"), ACTIVERING_ERROR_TYPE, "/vdab", "an array");
  EXPECT_ERROR (DOC ("\"vdab\":\"yes\""), ACTIVERING_ERROR_TYPE, "/vdab", "a string");
  EXPECT_ERROR (DOC ("\"proposals\":{\"ibo\":true}"), ACTIVERING_ERROR_TYPE, "/proposals/ibo", "a boolean");
  EXPECT_ERROR (DOC ("\"vdab\":{\"registered_since\":20250101}"), ACTIVERING_ERROR_TYPE,
                "facts: /vdab/registered_since:", "date", "a number");
  EXPECT_ERROR (DOC ("\"as_of\":20250101"), ACTIVERING_ERROR_TYPE, "/as_of", "a number");
  EXPECT_ERROR (DOC ("\"income\":{\"status\":1}"), ACTIVERING_ERROR_TYPE, "/income/status", "a number");
  EXPECT_ERROR (DOC ("\"income\":{\"status\":[\"leefloon\"]}"), ACTIVERING_ERROR_TYPE, "/income/status",
                "an array");
  EXPECT_ERROR (DOC ("\"barriers\":\"housing\""), ACTIVERING_ERROR_TYPE, "/barriers", "a string");
  EXPECT_ERROR (DOC ("\"barriers\":[1]"), ACTIVERING_ERROR_TYPE, "/barriers/0", "a number");
  EXPECT_ERROR (DOC ("\"measures\":{}"), ACTIVERING_ERROR_TYPE, "/measures", "an object");
  EXPECT_ERROR (DOC ("\"measures\":[\"ibo\"]"), ACTIVERING_ERROR_TYPE, "/measures/0", "a string");
  EXPECT_ERROR (DOC ("\"assessment\":{\"regular_labour_market_within_months\":\"12\"}"), ACTIVERING_ERROR_TYPE,
                "/assessment/regular_labour_market_within_months", "a string");
  EXPECT_ERROR (DOC ("\"assessment\":{\"lacks_work_experience\":{}}"), ACTIVERING_ERROR_TYPE,
                "/assessment/lacks_work_experience", "an object");
}
END_TEST

/* ---- unknown keys and x_ keys -------------------------------------------------------------------------- */

START_TEST (test_unknown_key_suggests)
{
  EXPECT_ERROR (DOC ("\"vdab\":{\"registred\":true}"), ACTIVERING_ERROR_UNKNOWN_KEY, "facts: /vdab/registred:",
                "\"registred\"", "did you mean \"registered\"");
  EXPECT_ERROR (DOC ("\"regoin\":\"vlaanderen\""), ACTIVERING_ERROR_UNKNOWN_KEY, "facts: /regoin:", "\"regoin\"",
                "did you mean \"region\"");
  EXPECT_ERROR (DOC ("\"proposals\":{\"ibo\":{\"employer\":{\"seat_regoin\":\"vlaanderen\"}}}"),
                ACTIVERING_ERROR_UNKNOWN_KEY, "facts: /proposals/ibo/employer/seat_regoin:",
                "did you mean \"seat_region\"");
  EXPECT_ERROR (DOC ("\"Region\":\"vlaanderen\""), ACTIVERING_ERROR_UNKNOWN_KEY, "/Region",
                "did you mean \"region\"");
  EXPECT_ERROR (DOC ("\"assesment\":{}"), ACTIVERING_ERROR_UNKNOWN_KEY, "/assesment",
                "did you mean \"assessment\"");
  /* A key that resembles nothing: an error without a suggestion. */
  g_autoptr (GError) error = parse_error (DOC ("\"zzzzzzzz\":1"), -1);
  test_assert_error (error, ACTIVERING_ERROR_UNKNOWN_KEY, "facts: /zzzzzzzz:", "\"zzzzzzzz\"", NULL);
  ck_assert_msg (strstr (error->message, "did you mean") == NULL, "odd suggestion: %s", error->message);
  /* A JSON pointer escapes '/' and '~' in keys. */
  EXPECT_ERROR (DOC ("\"a/b~c\":1"), ACTIVERING_ERROR_UNKNOWN_KEY, "facts: /a~1b~0c:");
  /* A section key where a fact belongs and the other way round. */
  EXPECT_ERROR (DOC ("\"registered\":true"), ACTIVERING_ERROR_UNKNOWN_KEY, "/registered");
  EXPECT_ERROR (DOC ("\"vdab\":{\"vdab\":{}}"), ACTIVERING_ERROR_UNKNOWN_KEY, "/vdab/vdab");
  /* Keys starting with x but not x_ are not extensions. */
  EXPECT_ERROR (DOC ("\"X_note\":1"), ACTIVERING_ERROR_UNKNOWN_KEY, "/X_note");
  EXPECT_ERROR (DOC ("\"x\":1"), ACTIVERING_ERROR_UNKNOWN_KEY, "/x");
  EXPECT_ERROR (DOC ("\"xnote\":1"), ACTIVERING_ERROR_UNKNOWN_KEY, "/xnote");
}
END_TEST

START_TEST (test_unknown_key_suggests_root_keys)
{
  /* "format" and "id" are keys of the document like any other: a typo gets a suggestion. */
  EXPECT_ERROR ("{\"fromat\":\"activering.facts/1\",\"id\":\"a\"}", ACTIVERING_ERROR_UNKNOWN_KEY, "/fromat",
                "did you mean \"format\"");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"idd\":\"a\"}", ACTIVERING_ERROR_UNKNOWN_KEY, "/idd", "did you mean \"id\"");
  EXPECT_ERROR (DOC ("\"as_off\":\"2025-01-01\""), ACTIVERING_ERROR_UNKNOWN_KEY, "/as_off",
                "did you mean \"as_of\"");
}
END_TEST

START_TEST (test_x_keys_anywhere)
{
  parse_ok ("{\"x_first\":{\"anything\":[1,2,{\"deep\":null}],\"registred\":true}," FORMAT_MEMBER ","
            "\"id\":\"x-1\",\"x_\":0,\"x_s\":\"text \\\"quoted\\\" \\u00e9\",\"x_n\":-1.5e3,\"x_b\":false,"
            "\"x_null\":null,\"x_empty\":{},\"x_list\":[],"
            "\"vdab\":{\"x_source\":\"VDAB export\",\"registered\":true,\"x_more\":{\"a\":{\"b\":[[]]}}},"
            "\"proposals\":{\"x_p\":1,\"ibo\":{\"x_i\":[true],\"weeks\":16,"
            "\"employer\":{\"x_e\":{\"k\":\"v\"},\"seat_region\":\"vlaanderen\"}}},"
            "\"measures\":[{\"measure\":\"ibo\",\"start\":\"2025-01-06\",\"x_run\":{\"note\":[1,\"2\"]}}],"
            "\"x_last\":[{\"a\":[{\"b\":\"c\"}]}]}");
  ck_assert_str_eq (activering_facts_get_id (facts), "x-1");
  assert_state ("vdab.registered", ACTIVERING_FACT_KNOWN);
  assert_state ("proposals.ibo.weeks", ACTIVERING_FACT_KNOWN);
  assert_state ("proposals.ibo.employer.seat_region", ACTIVERING_FACT_KNOWN);
  assert_state ("measures", ACTIVERING_FACT_KNOWN);
  assert_state ("vdab.category", ACTIVERING_FACT_UNKNOWN);
  /* What is inside an x_ key must still be JSON. */
  EXPECT_ERROR (DOC ("\"x_note\":[1,2}"), ACTIVERING_ERROR_SYNTAX, "/x_note", "malformed JSON");
  EXPECT_ERROR (DOC ("\"vdab\":{\"x_note\":{\"a\" 1}}"), ACTIVERING_ERROR_SYNTAX, "/vdab/x_note",
                "malformed JSON");
  EXPECT_ERROR (DOC ("\"x_note\":"), ACTIVERING_ERROR_SYNTAX, "malformed JSON");
}
END_TEST

/* ---- enums --------------------------------------------------------------------------------------------- */

START_TEST (test_enum_outside_values)
{
  EXPECT_ERROR (DOC ("\"income\":{\"status\":\"leeflon\"}"), ACTIVERING_ERROR_INVALID_VALUE,
                "facts: /income/status:", "\"leeflon\"", "leefloon", "did you mean \"leefloon\"");
  EXPECT_ERROR (DOC ("\"income\":{\"status\":\"Leefloon\"}"), ACTIVERING_ERROR_INVALID_VALUE, "/income/status",
                "\"Leefloon\"");
  EXPECT_ERROR (DOC ("\"income\":{\"status\":\"\"}"), ACTIVERING_ERROR_INVALID_VALUE, "/income/status");
  EXPECT_ERROR (DOC ("\"income\":{\"status\":\"leefloon \"}"), ACTIVERING_ERROR_INVALID_VALUE, "/income/status");
  EXPECT_ERROR (DOC ("\"income\":{\"status\":\"leef\"}"), ACTIVERING_ERROR_INVALID_VALUE, "/income/status");
  EXPECT_ERROR (DOC ("\"region\":\"flanders\""), ACTIVERING_ERROR_INVALID_VALUE, "facts: /region:",
                "\"flanders\"", "vlaanderen");
  EXPECT_ERROR (DOC ("\"dutch_level\":\"a1\""), ACTIVERING_ERROR_INVALID_VALUE, "/dutch_level", "A1");
  EXPECT_ERROR (DOC ("\"proposals\":{\"art60\":{\"placement\":\"extern\"}}"), ACTIVERING_ERROR_INVALID_VALUE,
                "/proposals/art60/placement");
  parse_ok (DOC ("\"income\":{\"status\":\"equivalent_leefloon\"},\"dutch_level\":\"C2\""));
}
END_TEST

START_TEST (test_enum_with_embedded_nul)
{
  /* "leefloon" followed by an escaped NUL is a different string, not "leefloon". */
  EXPECT_ERROR (DOC ("\"income\":{\"status\":\"leefloon\\u0000\"}"), ACTIVERING_ERROR_INVALID_VALUE,
                "/income/status");
  EXPECT_ERROR (DOC ("\"region\":\"brussel\\u0000x\""), ACTIVERING_ERROR_INVALID_VALUE, "/region");
  EXPECT_ERROR (DOC ("\"barriers\":[\"debt\\u0000\"]"), ACTIVERING_ERROR_INVALID_VALUE, "/barriers/0");
}
END_TEST

START_TEST (test_enum_list_unknown_code)
{
  EXPECT_ERROR (DOC ("\"barriers\":[\"housing\",\"hosuing\"]"), ACTIVERING_ERROR_INVALID_VALUE,
                "facts: /barriers/1:", "\"hosuing\"", "did you mean \"housing\"");
  EXPECT_ERROR (DOC ("\"barriers\":[\"housing\",\"debt\",\"crime\"]"), ACTIVERING_ERROR_INVALID_VALUE,
                "facts: /barriers/2:", "\"crime\"");
  EXPECT_ERROR (DOC ("\"barriers\":[null]"), ACTIVERING_ERROR_TYPE, "/barriers/0", "null");
  parse_ok (DOC ("\"barriers\":[]"));
  assert_state ("barriers", ACTIVERING_FACT_KNOWN);
  parse_ok (DOC ("\"barriers\":[\"housing\",\"childcare\",\"mobility\",\"mental_health\",\"addiction\","
                 "\"language\",\"debt\",\"digital\",\"health\",\"administrative\"]"));
  assert_state ("barriers", ACTIVERING_FACT_KNOWN);
}
END_TEST

/* ---- numbers ------------------------------------------------------------------------------------------- */

START_TEST (test_number_out_of_range)
{
  EXPECT_ERROR (DOC ("\"work_capacity\":1.7"), ACTIVERING_ERROR_OUT_OF_RANGE, "facts: /work_capacity:", "1.7",
                "from 0 to 1");
  EXPECT_ERROR (DOC ("\"work_capacity\":-0.1"), ACTIVERING_ERROR_OUT_OF_RANGE, "facts: /work_capacity:", "-0.1",
                "from 0 to 1");
  EXPECT_ERROR (DOC ("\"work_capacity\":1e400"), ACTIVERING_ERROR_OUT_OF_RANGE, "/work_capacity");
  EXPECT_ERROR (DOC ("\"work_capacity\":-1e400"), ACTIVERING_ERROR_OUT_OF_RANGE, "/work_capacity");
  EXPECT_ERROR (DOC ("\"proposals\":{\"ibo\":{\"hours_fraction\":1.01}}"), ACTIVERING_ERROR_OUT_OF_RANGE,
                "/proposals/ibo/hours_fraction", "from 0 to 1");
  EXPECT_ERROR (DOC ("\"assessment\":{\"regular_labour_market_within_months\":-1}"), ACTIVERING_ERROR_OUT_OF_RANGE,
                "/assessment/regular_labour_market_within_months", "-1");
  EXPECT_ERROR (DOC ("\"proposals\":{\"ibo\":{\"weeks\":1e300}}"), ACTIVERING_ERROR_OUT_OF_RANGE,
                "/proposals/ibo/weeks");
  /* The bounds themselves are in range. */
  parse_ok (DOC ("\"work_capacity\":0"));
  assert_state ("work_capacity", ACTIVERING_FACT_KNOWN);
  parse_ok (DOC ("\"work_capacity\":1"));
  parse_ok (DOC ("\"work_capacity\":1.0"));
  parse_ok (DOC ("\"work_capacity\":-0"));
  parse_ok (DOC ("\"assessment\":{\"regular_labour_market_within_months\":0}"));
}
END_TEST

START_TEST (test_integer_with_fraction)
{
  EXPECT_ERROR (DOC ("\"assessment\":{\"regular_labour_market_within_months\":12.5}"), ACTIVERING_ERROR_TYPE,
                "facts: /assessment/regular_labour_market_within_months:", "whole number", "12.5");
  EXPECT_ERROR (DOC ("\"proposals\":{\"ibo\":{\"weeks\":16.25}}"), ACTIVERING_ERROR_TYPE, "/proposals/ibo/weeks",
                "whole number");
  EXPECT_ERROR (DOC ("\"proposals\":{\"ibo\":{\"weeks\":1.5e0}}"), ACTIVERING_ERROR_TYPE, "/proposals/ibo/weeks",
                "whole number");
  parse_ok (DOC ("\"assessment\":{\"regular_labour_market_within_months\":12}"));
  assert_state ("assessment.regular_labour_market_within_months", ACTIVERING_FACT_KNOWN);
}
END_TEST

/* ---- sizes --------------------------------------------------------------------------------------------- */

/* A document whose x_deep key holds @depth levels of @open … @middle … @close. */
static char *
nested_x (const char *open, const char *middle, const char *close, gsize depth)
{
  GString *s = g_string_new ("{" FORMAT_MEMBER ",\"id\":\"deep\",\"x_deep\":");
  for (gsize i = 0; i < depth; i++)
    g_string_append (s, open);
  g_string_append (s, middle);
  for (gsize i = 0; i < depth; i++)
    g_string_append (s, close);
  g_string_append (s, "}");
  return g_string_free (s, FALSE);
}

START_TEST (test_deep_nesting)
{
  g_autofree char *arrays = nested_x ("[", "", "]", 10000);
  EXPECT_ERROR (arrays, ACTIVERING_ERROR_TOO_LARGE, "/x_deep", "nested");
  g_autofree char *objects = nested_x ("{\"a\":", "0", "}", 10000);
  EXPECT_ERROR (objects, ACTIVERING_ERROR_TOO_LARGE, "/x_deep", "nested");
  /* Unclosed: still too deep, not a crash. */
  g_autofree char *deep = repeat ('[', 1000000);
  g_autofree char *unclosed = g_strconcat ("{" FORMAT_MEMBER ",\"id\":\"deep\",\"x_deep\":", deep, NULL);
  EXPECT_ERROR (unclosed, ACTIVERING_ERROR_TOO_LARGE, "/x_deep", "nested");
  /* Moderate nesting is fine. */
  g_autofree char *fine = nested_x ("[", "", "]", 10);
  parse_ok (fine);
  g_autofree char *fine_objects = nested_x ("{\"a\":", "0", "}", 10);
  parse_ok (fine_objects);
}
END_TEST

/* ---- what real exports hold (issue 13) ---- */

/* Input that is not JSON at all is a syntax error, even when it starts like a literal: not "found null". */
START_TEST (test_syntax_not_json_is_not_a_type_error)
{
  EXPECT_ERROR ("not json", ACTIVERING_ERROR_SYNTAX, "facts: /: malformed JSON at byte 0: expected a JSON value");
  EXPECT_ERROR ("nope", ACTIVERING_ERROR_SYNTAX, "facts: /: malformed JSON at byte 0: expected a JSON value");
  EXPECT_ERROR ("n", ACTIVERING_ERROR_SYNTAX, "facts: /: malformed JSON at byte 0: expected a JSON value");
  EXPECT_ERROR ("[1, 2", ACTIVERING_ERROR_SYNTAX, "facts: /: malformed JSON: the document ends where");
  /* Well-formed values of the wrong type stay type errors. */
  EXPECT_ERROR ("null", ACTIVERING_ERROR_TYPE, "facts: /: expected a facts object, found null");
  EXPECT_ERROR ("[1, 2]", ACTIVERING_ERROR_TYPE, "facts: /: expected a facts object, found an array");
  EXPECT_ERROR (DOC ("\"work_capacity\":nah"), ACTIVERING_ERROR_SYNTAX, "facts: /work_capacity: malformed JSON at byte");
  /* A file of several lines also gets the line and column. */
  EXPECT_ERROR ("{\n  \"format\": \"activering.facts/1\",\n  \"id\": nope}", ACTIVERING_ERROR_SYNTAX,
                "facts: /id: malformed JSON at byte 44 (line 3, column 9): expected a JSON value");
}
END_TEST

/* Windows and spreadsheet exports start with a byte order mark: skipped, and offsets still count it. */
START_TEST (test_byte_order_mark_skipped)
{
  parse_ok ("\xEF\xBB\xBF" DOC ("\"region\":\"vlaanderen\""));
  parse_ok ("\xEF\xBB\xBF \n" DOC ("\"region\":\"vlaanderen\""));
  EXPECT_ERROR ("\xEF\xBB\xBF", ACTIVERING_ERROR_SYNTAX, "facts: /: empty document");
  EXPECT_ERROR ("\xEF\xBB\xBFnope", ACTIVERING_ERROR_SYNTAX, "facts: /: malformed JSON at byte 3:");
  /* Only at the start: a second one, or one inside, is not whitespace. */
  EXPECT_ERROR ("\xEF\xBB\xBF\xEF\xBB\xBF" DOC (""), ACTIVERING_ERROR_SYNTAX, "malformed JSON at byte 3");
}
END_TEST

/* x_ members are the writer's own, unread, but checked like the rest: nothing invalid reaches an output, and no
 * message quotes their values (they may hold names). */
START_TEST (test_x_members_checked)
{
  EXPECT_ERROR (DOC ("\"x_name\":\"Jan \xff Peeters\""), ACTIVERING_ERROR_INVALID_VALUE,
                "facts: /x_name: the string at byte", "is not valid UTF-8");
  /* an encoded lone surrogate (ED A0 80) is not UTF-8 either */
  EXPECT_ERROR (DOC ("\"x_name\":\"\xed\xa0\x80\""), ACTIVERING_ERROR_INVALID_VALUE, "facts: /x_name:",
                "is not valid UTF-8");
  EXPECT_ERROR (DOC ("\"x_name\":\"Jan\\u0000Peeters\""), ACTIVERING_ERROR_INVALID_VALUE,
                "facts: /x_name: the string at byte", "holds \\u0000");
  EXPECT_ERROR (DOC ("\"x_name\":\"\\ud800\""), ACTIVERING_ERROR_SYNTAX, "facts: /x_name:", "surrogate");
  EXPECT_ERROR (DOC ("\"x_a\":1,\"x_a\":2"), ACTIVERING_ERROR_DUPLICATE, "facts: /x_a: the key appears twice");
  EXPECT_ERROR (DOC ("\"vdab\":{\"x_a\":1,\"registered\":true,\"x_a\":1}"), ACTIVERING_ERROR_DUPLICATE,
                "facts: /vdab/x_a: the key appears twice");
  EXPECT_ERROR (DOC ("\"x_a\":{\"b\":[{\"c\":1,\"c\":2}]}"), ACTIVERING_ERROR_DUPLICATE,
                "facts: /x_a/b/0/c: the key appears twice");
  EXPECT_ERROR (DOC ("\"x_a\":{\"\xff\":1}"), ACTIVERING_ERROR_INVALID_VALUE, "facts: /x_a:", "not valid UTF-8");
  EXPECT_ERROR (DOC ("\"measures\":[{\"measure\":\"ibo\",\"start\":\"2025-01-01\",\"x_n\":1,\"x_n\":2}]"),
                ACTIVERING_ERROR_DUPLICATE, "facts: /measures/0/x_n: the key appears twice");
  /* the same key in two objects, or in two array elements, is fine */
  parse_ok (DOC ("\"x_a\":{\"c\":1},\"vdab\":{\"x_a\":{\"c\":1}},\"x_b\":[{\"c\":1},{\"c\":2}]"));
  /* no message quotes an x_ value */
  g_autoptr (GError) e = parse_error (DOC ("\"x_name\":{\"first\":\"Marie\",\"first\":\"Marie\"}"), -1);
  ck_assert_ptr_nonnull (e);
  ck_assert_msg (strstr (e->message, "Marie") == NULL, "the message quotes an x_ value: %s", e->message);
}
END_TEST

START_TEST (test_long_strings)
{
  g_autofree char *long_id = repeat ('i', 100000);
  g_autofree char *doc_id = g_strdup_printf ("{" FORMAT_MEMBER ",\"id\":\"%s\"}", long_id);
  EXPECT_ERROR (doc_id, ACTIVERING_ERROR_TOO_LARGE, "facts: /id:");
  /* The same with an escape inside (the unescaping path). */
  g_autofree char *doc_id_escaped = g_strdup_printf ("{" FORMAT_MEMBER ",\"id\":\"\\n%s\"}", long_id);
  EXPECT_ERROR (doc_id_escaped, ACTIVERING_ERROR_TOO_LARGE, "facts: /id:");
  g_autofree char *mega = repeat ('x', 1 << 20);
  g_autofree char *doc_x = g_strdup_printf (DOC ("\"x_blob\":\"%s\""), mega);
  EXPECT_ERROR (doc_x, ACTIVERING_ERROR_TOO_LARGE, "facts: /x_blob:");
  g_autofree char *doc_x_escaped = g_strdup_printf (DOC ("\"x_blob\":\"\\t%s\""), mega);
  EXPECT_ERROR (doc_x_escaped, ACTIVERING_ERROR_TOO_LARGE, "facts: /x_blob:");
  g_autofree char *doc_x_nested = g_strdup_printf (DOC ("\"vdab\":{\"x_blob\":[\"%s\"]}"), mega);
  EXPECT_ERROR (doc_x_nested, ACTIVERING_ERROR_TOO_LARGE, "facts: /vdab/x_blob/0:");
  g_autofree char *doc_key = g_strdup_printf (DOC ("\"%s\":1"), mega);
  EXPECT_ERROR (doc_key, ACTIVERING_ERROR_TOO_LARGE, "facts: /");
  g_autofree char *fives = repeat ('5', 100000);
  g_autofree char *doc_number = g_strdup_printf (DOC ("\"work_capacity\":0.%s"), fives);
  EXPECT_ERROR (doc_number, ACTIVERING_ERROR_TOO_LARGE, "/work_capacity");
  /* A reasonable id is fine. */
  g_autofree char *ok_id = repeat ('k', 200);
  g_autofree char *doc_ok = g_strdup_printf ("{" FORMAT_MEMBER ",\"id\":\"%s\"}", ok_id);
  parse_ok (doc_ok);
  ck_assert_str_eq (activering_facts_get_id (facts), ok_id);
}
END_TEST

/* ---- duplicates ---------------------------------------------------------------------------------------- */

START_TEST (test_duplicate_fact)
{
  EXPECT_ERROR (DOC ("\"vdab\":{\"registered\":true,\"registered\":false}"), ACTIVERING_ERROR_DUPLICATE,
                "facts: /vdab/registered:");
  EXPECT_ERROR (DOC ("\"vdab\":{\"registered\":null,\"registered\":true}"), ACTIVERING_ERROR_DUPLICATE,
                "/vdab/registered");
  EXPECT_ERROR (DOC ("\"region\":\"vlaanderen\",\"region\":\"brussel\""), ACTIVERING_ERROR_DUPLICATE, "/region");
  EXPECT_ERROR (DOC ("\"measures\":[],\"measures\":[]"), ACTIVERING_ERROR_DUPLICATE, "/measures");
  EXPECT_ERROR (DOC ("\"social_security\":null,\"social_security\":{\"full_unemployment_entitlement\":true}"),
                ACTIVERING_ERROR_DUPLICATE, "/social_security");
  EXPECT_ERROR ("{" FORMAT_MEMBER ",\"id\":\"a\",\"id\":\"b\"}", ACTIVERING_ERROR_DUPLICATE, "facts: /id:");
}
END_TEST

START_TEST (test_duplicate_as_of)
{
  /* Two different evaluation dates: which one? Neither silently. */
  EXPECT_ERROR (DOC ("\"as_of\":\"2025-01-01\",\"as_of\":\"2026-01-01\""), ACTIVERING_ERROR_DUPLICATE, "/as_of");
}
END_TEST

START_TEST (test_duplicate_format)
{
  EXPECT_ERROR ("{" FORMAT_MEMBER "," FORMAT_MEMBER ",\"id\":\"a\"}", ACTIVERING_ERROR_DUPLICATE, "/format");
}
END_TEST

START_TEST (test_duplicate_section)
{
  /* Most JSON readers keep the last object only; merging the two silently reads a different document. */
  EXPECT_ERROR (DOC ("\"vdab\":{\"registered\":true},\"vdab\":{\"category\":\"nwwz\"}"), ACTIVERING_ERROR_DUPLICATE,
                "/vdab");
  EXPECT_ERROR (DOC ("\"vdab\":{\"registered\":true},\"vdab\":null"), ACTIVERING_ERROR_DUPLICATE, "/vdab");
}
END_TEST

START_TEST (test_duplicate_key_in_run)
{
  EXPECT_ERROR (DOC ("\"measures\":[{\"measure\":\"ibo\",\"start\":\"2025-01-06\",\"start\":\"2026-01-06\"}]"),
                ACTIVERING_ERROR_DUPLICATE, "/measures/0/start");
  EXPECT_ERROR (DOC ("\"measures\":[{\"measure\":\"ibo\",\"measure\":\"art60\",\"start\":\"2025-01-06\"}]"),
                ACTIVERING_ERROR_DUPLICATE, "/measures/0/measure");
}
END_TEST

/* ---- measure runs -------------------------------------------------------------------------------------- */

START_TEST (test_runs_valid)
{
  parse_ok (DOC ("\"measures\":[{\"measure\":\"art60\",\"start\":\"2024-01-01\",\"end\":\"2025-01-01\","
                 "\"hours_fraction\":1},{\"measure\":\"twe_ocmw\",\"start\":\"2025-02-01\",\"end\":null},"
                 "{\"start\":\"2025-03-01\",\"measure\":\"ibo\",\"end\":\"2025-03-01\",\"hours_fraction\":null}]"));
  assert_state ("measures", ACTIVERING_FACT_KNOWN);
  GString *many = g_string_new (DOC ("\"measures\":["));
  g_string_truncate (many, many->len - 1); /* the DOC's closing brace */
  for (int i = 0; i < 100; i++)
    g_string_append_printf (many, "%s{\"measure\":\"ama\",\"start\":\"2020-01-01\"}", i ? "," : "");
  g_string_append (many, "]}");
  parse_ok (many->str);
  g_string_free (many, TRUE);
}
END_TEST

START_TEST (test_runs_errors)
{
  EXPECT_ERROR (DOC ("\"measures\":[{\"measure\":\"ibo\"}]"), ACTIVERING_ERROR_MISSING, "facts: /measures/0:",
                "\"start\"");
  EXPECT_ERROR (DOC ("\"measures\":[{\"measure\":\"ibo\",\"start\":\"2025-01-01\"},{\"start\":\"2025-01-01\"}]"),
                ACTIVERING_ERROR_MISSING, "facts: /measures/1:", "\"measure\"");
  EXPECT_ERROR (DOC ("\"measures\":[{}]"), ACTIVERING_ERROR_MISSING, "/measures/0");
  EXPECT_ERROR (DOC ("\"measures\":[{\"measure\":\"ibb\",\"start\":\"2025-01-01\"}]"),
                ACTIVERING_ERROR_INVALID_VALUE, "facts: /measures/0/measure:", "\"ibb\"", "did you mean \"ibo\"");
  EXPECT_ERROR (DOC ("\"measures\":[{\"measure\":\"art60\",\"start\":\"2025-06-01\",\"end\":\"2025-05-31\"}]"),
                ACTIVERING_ERROR_INVALID_VALUE, "facts: /measures/0:", "\"end\"", "\"start\"");
  EXPECT_ERROR (DOC ("\"measures\":[{\"measure\":\"art60\",\"strt\":\"2025-06-01\"}]"), ACTIVERING_ERROR_UNKNOWN_KEY,
                "facts: /measures/0/strt:", "did you mean \"start\"");
  EXPECT_ERROR (DOC ("\"measures\":[{\"measure\":\"art60\",\"start\":\"2025-06-01\",\"reason\":\"done\"}]"),
                ACTIVERING_ERROR_UNKNOWN_KEY, "/measures/0/reason");
  EXPECT_ERROR (DOC ("\"measures\":[{\"measure\":\"art60\",\"start\":\"2025-02-30\"}]"),
                ACTIVERING_ERROR_INVALID_VALUE, "facts: /measures/0/start: \"2025-02-30\" is not a valid date");
  EXPECT_ERROR (DOC ("\"measures\":[{\"measure\":\"art60\",\"start\":null}]"), ACTIVERING_ERROR_TYPE,
                "/measures/0/start");
  EXPECT_ERROR (DOC ("\"measures\":[{\"measure\":\"art60\",\"start\":\"2025-06-01\",\"hours_fraction\":1.5}]"),
                ACTIVERING_ERROR_OUT_OF_RANGE, "facts: /measures/0/hours_fraction:", "from 0 to 1");
  EXPECT_ERROR (DOC ("\"measures\":[{\"measure\":\"art60\",\"start\":\"2025-06-01\"},]"), ACTIVERING_ERROR_SYNTAX,
                "/measures/1", "malformed JSON");
  EXPECT_ERROR (DOC ("\"measures\":[[]]"), ACTIVERING_ERROR_TYPE, "/measures/0", "an array");
}
END_TEST

START_TEST (test_runs_too_many)
{
  GString *doc = g_string_new ("{" FORMAT_MEMBER ",\"id\":\"runs\",\"measures\":[");
  for (int i = 0; i < 300; i++)
    g_string_append_printf (doc, "%s{\"measure\":\"ibo\",\"start\":\"2020-01-01\",\"end\":\"2020-02-01\"}",
                            i ? "," : "");
  g_string_append (doc, "]}");
  EXPECT_ERROR (doc->str, ACTIVERING_ERROR_TOO_LARGE, "facts: /measures/");
  g_string_free (doc, TRUE);
}
END_TEST

/* ---- absent, null, known ------------------------------------------------------------------------------- */

START_TEST (test_null_is_blank_absent_is_unknown)
{
  parse_ok (DOC ("\"vdab\":{\"registered\":null,\"category\":\"nwwz\"},\"work_capacity\":null,"
                 "\"barriers\":null,\"measures\":null,\"income\":{}"));
  assert_state ("vdab.registered", ACTIVERING_FACT_BLANK);
  assert_state ("vdab.category", ACTIVERING_FACT_KNOWN);
  assert_state ("vdab.registered_since", ACTIVERING_FACT_UNKNOWN);
  assert_state ("work_capacity", ACTIVERING_FACT_BLANK);
  assert_state ("barriers", ACTIVERING_FACT_BLANK);
  assert_state ("measures", ACTIVERING_FACT_BLANK);
  assert_state ("income.status", ACTIVERING_FACT_UNKNOWN); /* an empty object says nothing */
  assert_state ("person.birth_date", ACTIVERING_FACT_UNKNOWN);
  /* An undeclared path is unknown, not an error. */
  ck_assert_int_eq (activering_facts_get_state (facts, "no.such.fact"), ACTIVERING_FACT_UNKNOWN);
  ck_assert_int_eq (activering_facts_get_state (facts, "vdab"), ACTIVERING_FACT_UNKNOWN);
  /* false is known, not blank. */
  parse_ok (DOC ("\"vdab\":{\"registered\":false},\"work_capacity\":0,\"barriers\":[]"));
  assert_state ("vdab.registered", ACTIVERING_FACT_KNOWN);
  assert_state ("work_capacity", ACTIVERING_FACT_KNOWN);
  assert_state ("barriers", ACTIVERING_FACT_KNOWN);
}
END_TEST

START_TEST (test_null_object_blanks_its_facts)
{
  parse_ok (DOC ("\"social_security\":null,\"proposals\":null,\"vdab\":{\"registered\":true}"));
  assert_state ("social_security.full_unemployment_entitlement", ACTIVERING_FACT_BLANK);
  assert_state ("proposals.ibo.start", ACTIVERING_FACT_BLANK);
  assert_state ("proposals.ibo.employer.seat_region", ACTIVERING_FACT_BLANK);
  assert_state ("proposals.individueel_maatwerk.employer.kind", ACTIVERING_FACT_BLANK);
  assert_state ("vdab.registered", ACTIVERING_FACT_KNOWN);
  assert_state ("person.birth_date", ACTIVERING_FACT_UNKNOWN);
  /* A null sub-object blanks only its own facts; known facts beside it stay known. */
  parse_ok (DOC ("\"proposals\":{\"ibo\":{\"weeks\":16,\"employer\":null}}"));
  assert_state ("proposals.ibo.weeks", ACTIVERING_FACT_KNOWN);
  assert_state ("proposals.ibo.employer.seat_region", ACTIVERING_FACT_BLANK);
  assert_state ("proposals.ibo.employer.employed_trainee_before", ACTIVERING_FACT_BLANK);
  assert_state ("proposals.ibo.start", ACTIVERING_FACT_UNKNOWN);
  assert_state ("proposals.art60.start", ACTIVERING_FACT_UNKNOWN);
  /* as_of null: no date. */
  parse_ok (DOC ("\"as_of\":null"));
  GDate date;
  g_date_clear (&date, 1);
  ck_assert (!activering_facts_get_as_of (facts, &date));
}
END_TEST

/* ---- reuse --------------------------------------------------------------------------------------------- */

START_TEST (test_reuse_after_error)
{
  g_autoptr (GError) error = NULL;
  /* Facts set before the error must not survive it. */
  ck_assert (!activering_facts_parse (facts, DOC ("\"as_of\":\"2025-01-01\",\"vdab\":{\"registered\":true},"
                                                  "\"work_capacity\":1.7"), -1, &error));
  test_assert_error (error, ACTIVERING_ERROR_OUT_OF_RANGE, "/work_capacity", NULL);
  assert_facts_empty (facts);
  g_clear_error (&error);
  /* The same object parses a good document afterwards, with nothing of the bad one. */
  parse_ok ("{" FORMAT_MEMBER ",\"id\":\"after\",\"income\":{\"status\":\"leefloon\"}}");
  ck_assert_str_eq (activering_facts_get_id (facts), "after");
  assert_state ("income.status", ACTIVERING_FACT_KNOWN);
  assert_state ("vdab.registered", ACTIVERING_FACT_UNKNOWN);
  GDate date;
  g_date_clear (&date, 1);
  ck_assert (!activering_facts_get_as_of (facts, &date));
  /* Many rounds of bad and good: the path of an old error does not leak into a new one. */
  for (int i = 0; i < 50; i++)
    {
      ck_assert (!activering_facts_parse (facts, DOC ("\"proposals\":{\"ibo\":{\"employer\":{\"seat_region\":1}}}"),
                                          -1, &error));
      test_assert_error (error, ACTIVERING_ERROR_TYPE, "facts: /proposals/ibo/employer/seat_region:", NULL);
      g_clear_error (&error);
      ck_assert (!activering_facts_parse (facts, "{" FORMAT_MEMBER "}", -1, &error));
      test_assert_error (error, ACTIVERING_ERROR_MISSING, "facts: /:", NULL);
      g_clear_error (&error);
      ck_assert (!activering_facts_parse (facts, DOC ("\"x_deep\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]"),
                                          -1, &error));
      g_clear_error (&error);
      parse_ok (DOC ("\"vdab\":{\"registered\":null}"));
      assert_state ("vdab.registered", ACTIVERING_FACT_BLANK);
      assert_state ("income.status", ACTIVERING_FACT_UNKNOWN);
    }
  /* Good after good: the second document's absent facts are unknown. */
  parse_ok (rich_document);
  assert_state ("vdab.registered", ACTIVERING_FACT_KNOWN);
  parse_ok ("{" FORMAT_MEMBER ",\"id\":\"bare\"}");
  for (guint i = 0; i < activering_rule_set_get_n_facts (rules); i++)
    ck_assert_int_eq (activering_facts_get_state (facts, activering_rule_set_get_fact_path (rules, i)),
                      ACTIVERING_FACT_UNKNOWN);
  ck_assert_str_eq (activering_facts_get_id (facts), "bare");
}
END_TEST

START_TEST (test_new_from_data)
{
  g_autoptr (GError) error = NULL;
  ActiveringFacts *f = activering_facts_new_from_data (rules, DOC ("\"vdab\":{\"registred\":true}"), -1, &error);
  ck_assert (f == NULL);
  test_assert_error (error, ACTIVERING_ERROR_UNKNOWN_KEY, "/vdab/registred", NULL);
  g_clear_error (&error);
  f = activering_facts_new_from_data (rules, DOC ("\"vdab\":{\"registered\":true}"), -1, &error);
  ck_assert_msg (f != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (activering_facts_get_id (f), "t-1");
  activering_facts_free (f);
  /* A fresh object is empty. */
  g_autoptr (ActiveringFacts) fresh = activering_facts_new (rules);
  assert_facts_empty (fresh);
}
END_TEST

/* ---- messages ------------------------------------------------------------------------------------------ */

/* The message of a failing parse of @json; checks it is bounded and does not repeat a long run of @filler. */
static void
assert_message_bounded (const char *json, char filler)
{
  g_autoptr (GError) error = parse_error (json, -1);
  gsize len = strlen (error->message);
  g_autofree char *run = repeat (filler, 100);
  ck_assert_msg (len < 500, "a message of %zu bytes: %.200s…", len, error->message);
  ck_assert_msg (strstr (error->message, run) == NULL, "the input is repeated verbatim: %.200s…", error->message);
}

START_TEST (test_message_cuts_long_input)
{
  g_autofree char *a1000 = repeat ('a', 1000);
  g_autofree char *a100k = repeat ('a', 100000);
  g_autofree char *doc;
  doc = g_strdup_printf (DOC ("\"income\":{\"status\":\"%s\"}"), a1000);
  assert_message_bounded (doc, 'a');
  g_free (doc);
  doc = g_strdup_printf (DOC ("\"income\":{\"since\":\"%s\"}"), a1000);
  assert_message_bounded (doc, 'a');
  g_free (doc);
  doc = g_strdup_printf ("{\"format\":\"%s\",\"id\":\"x\"}", a1000);
  assert_message_bounded (doc, 'a');
  g_free (doc);
  doc = g_strdup_printf ("{\"format\":\"activering.facts/%s\",\"id\":\"x\"}", a1000);
  assert_message_bounded (doc, 'a');
  g_free (doc);
  doc = g_strdup_printf ("{" FORMAT_MEMBER ",\"id\":\"%s\"}", a100k);
  assert_message_bounded (doc, 'a');
  g_free (doc);
  doc = g_strdup_printf (DOC ("\"barriers\":[\"%s\"]"), a1000);
  assert_message_bounded (doc, 'a');
  g_free (doc);
  doc = g_strdup_printf (DOC ("\"measures\":[{\"measure\":\"%s\",\"start\":\"2025-01-01\"}]"), a1000);
  assert_message_bounded (doc, 'a');
  g_free (doc);
  doc = g_strdup_printf (DOC ("\"x_n\":\"%s"), a100k); /* unterminated */
  assert_message_bounded (doc, 'a');
  g_free (doc);
  doc = NULL;
}
END_TEST

START_TEST (test_message_cuts_long_key)
{
  g_autofree char *a1000 = repeat ('a', 1000);
  g_autofree char *doc1 = g_strdup_printf (DOC ("\"%s\":1"), a1000);
  assert_message_bounded (doc1, 'a');
  g_autofree char *doc2 = g_strdup_printf (DOC ("\"vdab\":{\"%s\":1}"), a1000);
  assert_message_bounded (doc2, 'a');
  /* An error inside an x_ key with a long name. */
  g_autofree char *doc3 = g_strdup_printf (DOC ("\"x_%s\":[1,}"), a1000);
  assert_message_bounded (doc3, 'a');
}
END_TEST

START_TEST (test_message_is_valid_utf8)
{
  static const char *const docs[] = {
    DOC ("\"vdab\":{\"regist\xff\xfe\":true}"),
    DOC ("\"income\":{\"status\":\"leef\xc0\xaf\"}"),
    DOC ("\"income\":{\"since\":\"2025\xe2\x82-01\"}"),
    "{\"format\":\"activering.facts/\xff\",\"id\":\"a\"}",
  };
  g_autoptr (GString) bad = g_string_new (NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      g_autoptr (GError) error = parse_error (docs[i], -1);
      if (!g_utf8_validate (error->message, -1, NULL))
        g_string_append_printf (bad, " %zu", i);
    }
  ck_assert_msg (bad->len == 0, "messages for documents%s are not valid UTF-8", bad->str);
  /* Cutting a long value must not split a UTF-8 sequence either. */
  GString *euros = g_string_new (NULL);
  for (int i = 0; i < 300; i++)
    g_string_append (euros, "\xe2\x82\xac");
  for (int shift = 0; shift < 3; shift++)
    {
      g_autofree char *doc = g_strdup_printf (DOC ("\"income\":{\"status\":\"%.*s%s\"}"), shift, "ab", euros->str);
      g_autoptr (GError) error = parse_error (doc, -1);
      test_assert_error (error, ACTIVERING_ERROR_INVALID_VALUE, "/income/status", NULL);
      ck_assert_msg (g_utf8_validate (error->message, -1, NULL), "a cut message is not valid UTF-8");
    }
  g_string_free (euros, TRUE);
}
END_TEST

START_TEST (test_message_has_no_control_characters)
{
  /* Messages go one per line to standard error in a batch: input with escaped control characters must not
   * put raw control characters (a newline) into them, neither in a quoted value nor in the JSON path. */
  static const char *const docs[] = {
    DOC ("\"income\":{\"status\":\"leef\\nloon\"}"),
    DOC ("\"income\":{\"since\":\"2025\\n01-01\"}"),
    DOC ("\"reg\\nion\":\"vlaanderen\""),
    DOC ("\"vdab\":{\"regis\\ntered\":true}"),
    DOC ("\"x_a\\nb\":[1,}"),
  };
  g_autoptr (GString) bad = g_string_new (NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      g_autoptr (GError) error = parse_error (docs[i], -1);
      for (const char *p = error->message; *p; p++)
        if ((guchar) *p < 0x20)
          {
            g_autofree char *shown = g_strescape (error->message, NULL);
            g_string_append_printf (bad, "\n  %zu: %s", i, shown);
            break;
          }
    }
  ck_assert_msg (bad->len == 0, "messages with raw control characters:%s", bad->str);
}
END_TEST

START_TEST (test_error_codes_have_names)
{
  ck_assert_str_eq (activering_error_code_to_string (ACTIVERING_ERROR_SYNTAX), "syntax");
  ck_assert_str_eq (activering_error_code_to_string (ACTIVERING_ERROR_UNKNOWN_KEY), "unknown_key");
  ck_assert_str_eq (activering_error_code_to_string (ACTIVERING_ERROR_TOO_LARGE), "too_large");
  ck_assert_str_eq (activering_error_code_to_string (ACTIVERING_ERROR_USAGE), "usage");
  ck_assert_str_eq (activering_error_code_to_string (-1), "failed");
  ck_assert_str_eq (activering_error_code_to_string (9999), "failed");
}
END_TEST

START_TEST (test_dotted_keys)
{
  /* At the root, a fact may be given by its dotted path: the shape of a flat table's columns. */
  parse_ok (DOC ("\"income.status\":\"leefloon\",\"person.birth_date\":\"1990-01-01\",\"vdab.registered\":null,"
                 "\"proposals.ibo.weeks\":12,\"region\":\"vlaanderen\""));
  assert_state ("income.status", ACTIVERING_FACT_KNOWN);
  assert_state ("person.birth_date", ACTIVERING_FACT_KNOWN);
  assert_state ("vdab.registered", ACTIVERING_FACT_BLANK);
  assert_state ("proposals.ibo.weeks", ACTIVERING_FACT_KNOWN);
  assert_state ("income.since", ACTIVERING_FACT_UNKNOWN);
  /* the value is checked as in the nested form */
  EXPECT_ERROR (DOC ("\"income.status\":\"leeflon\""), ACTIVERING_ERROR_INVALID_VALUE, "facts: /income.status: ",
                "leefloon");
  EXPECT_ERROR (DOC ("\"proposals.ibo.weeks\":\"12\""), ACTIVERING_ERROR_TYPE, "facts: /proposals.ibo.weeks: ");
  /* given twice, in either spelling */
  EXPECT_ERROR (DOC ("\"income\":{\"status\":\"leefloon\"},\"income.status\":\"leefloon\""),
                ACTIVERING_ERROR_DUPLICATE, "facts: /income.status: the key appears twice");
  EXPECT_ERROR (DOC ("\"income.status\":\"leefloon\",\"income\":{\"status\":\"leefloon\"}"),
                ACTIVERING_ERROR_DUPLICATE, "facts: /income/status: the key appears twice");
  /* an object's path is not a fact, a dotted key below the root is not looked up, and a typo stays an error */
  EXPECT_ERROR (DOC ("\"proposals.ibo\":{}"), ACTIVERING_ERROR_UNKNOWN_KEY, "facts: /proposals.ibo: unknown key");
  EXPECT_ERROR (DOC ("\"income\":{\"income.status\":\"leefloon\"}"), ACTIVERING_ERROR_UNKNOWN_KEY,
                "facts: /income/income.status: unknown key");
  EXPECT_ERROR (DOC ("\"income.statu\":\"leefloon\""), ACTIVERING_ERROR_UNKNOWN_KEY, "facts: /income.statu: unknown key");
  EXPECT_ERROR (DOC ("\"income.status\\u0000x\":\"leefloon\""), ACTIVERING_ERROR_UNKNOWN_KEY, "facts: /income.status");
  EXPECT_ERROR (DOC ("\"zzz.last\":1,\"aaa.first\":1"), ACTIVERING_ERROR_UNKNOWN_KEY, "facts: /zzz.last: unknown key");
}
END_TEST

/* ---- what-if: facts set one by one ---- */

/* The outcome of @measure for @f on 2026-11-22. */
static ActiveringOutcome
outcome_of (ActiveringFacts *f, const char *measure)
{
  g_autoptr (ActiveringEvaluation) ev = activering_evaluation_new (rules);
  GDate as_of;
  g_date_set_dmy (&as_of, 22, 11, 2026);
  ck_assert (activering_evaluation_run (ev, f, &as_of, ACTIVERING_EVALUATE_DEFAULT, NULL));
  return activering_evaluation_get_outcome (ev, (guint) activering_rule_set_lookup_measure (rules, measure));
}

START_TEST (test_set_each_type)
{
  ck_assert (activering_facts_parse (facts, rich_document, -1, NULL));
  GError *error = NULL;
  GDate date;
  g_date_set_dmy (&date, 1, 3, 2026);
  ck_assert (activering_facts_set_boolean (facts, "vdab.registered", FALSE, &error));
  ck_assert (activering_facts_set_integer (facts, "proposals.ibo.weeks", 20, &error));
  ck_assert (activering_facts_set_number (facts, "work_capacity", 0.5, &error));
  ck_assert (activering_facts_set_integer (facts, "work_capacity", 1, &error)); /* a whole number is a number */
  ck_assert (activering_facts_set_date (facts, "proposals.ibo.start", &date, &error));
  ck_assert (activering_facts_set_string (facts, "income.status", "leefloon", &error));
  ck_assert (activering_facts_set_string (facts, "household.partner_id", "d-0043", &error));
  ck_assert (activering_facts_set_string (facts, "income.since", "2025-01-01", &error));
  ck_assert (activering_facts_set_json (facts, "barriers", "[\"debt\",\"housing\"]", -1, &error));
  ck_assert (activering_facts_set_json (facts, "measures", "[{\"measure\":\"ibo\",\"start\":\"2025-02-01\"}]", -1,
                                        &error));
  ck_assert_ptr_null (error);
  for (guint i = 0; i < 10; i++)
    {
      static const char *const paths[] = { "vdab.registered", "proposals.ibo.weeks", "work_capacity",
                                           "proposals.ibo.start", "income.status", "household.partner_id",
                                           "income.since", "barriers", "measures", "work_capacity" };
      ck_assert_int_eq (activering_facts_get_state (facts, paths[i]), ACTIVERING_FACT_KNOWN);
    }
  ck_assert_str_eq (activering_facts_get_id (facts), "dossier-0001");
}
END_TEST

START_TEST (test_set_changes_the_outcome)
{
  ck_assert (activering_facts_parse (facts, rich_document, -1, NULL));
  ck_assert_int_eq (outcome_of (facts, "twe_ocmw"), ACTIVERING_OUTCOME_ELIGIBLE);
  ck_assert (activering_facts_set_string (facts, "income.status", "werkloosheidsuitkering", NULL));
  ck_assert_int_eq (outcome_of (facts, "twe_ocmw"), ACTIVERING_OUTCOME_NOT_ELIGIBLE);
  /* blank and unknown are not false: the measure is undetermined, not not_eligible */
  ck_assert (activering_facts_set_blank (facts, "income.status", NULL));
  ck_assert_int_eq (activering_facts_get_state (facts, "income.status"), ACTIVERING_FACT_BLANK);
  ck_assert_int_eq (outcome_of (facts, "twe_ocmw"), ACTIVERING_OUTCOME_UNDETERMINED);
  ck_assert (activering_facts_unset (facts, "income.status", NULL));
  ck_assert_int_eq (activering_facts_get_state (facts, "income.status"), ACTIVERING_FACT_UNKNOWN);
  ck_assert_int_eq (outcome_of (facts, "twe_ocmw"), ACTIVERING_OUTCOME_UNDETERMINED);
  ck_assert (activering_facts_set_json (facts, "income.status", "\"leefloon\"", -1, NULL));
  ck_assert_int_eq (outcome_of (facts, "twe_ocmw"), ACTIVERING_OUTCOME_ELIGIBLE);
}
END_TEST

/* A refused value leaves the fact as it was, and the error is the document reader's. */
START_TEST (test_set_errors)
{
  ck_assert (activering_facts_parse (facts, rich_document, -1, NULL));
  GError *error = NULL;
  ck_assert (!activering_facts_set_integer (facts, "proposals.ibo.wekes", 20, &error));
  test_assert_error (error, ACTIVERING_ERROR_UNKNOWN_KEY, "facts: /proposals.ibo.wekes: not a fact of rule set",
                     "did you mean \"proposals.ibo.weeks\"?", NULL);
  g_clear_error (&error);
  ck_assert (!activering_facts_unset (facts, "nope", &error));
  test_assert_error (error, ACTIVERING_ERROR_UNKNOWN_KEY, "facts: /nope: not a fact of rule set be-vlaanderen", NULL);
  g_clear_error (&error);
  ck_assert (!activering_facts_set_integer (facts, "proposals.ibo.weeks", -3, &error));
  test_assert_error (error, ACTIVERING_ERROR_OUT_OF_RANGE, "facts: /proposals.ibo.weeks: -3 is out of range", NULL);
  g_clear_error (&error);
  ck_assert (!activering_facts_set_number (facts, "work_capacity", 1.5, &error));
  test_assert_error (error, ACTIVERING_ERROR_OUT_OF_RANGE, "/work_capacity: 1.5 is out of range", "from 0 to 1",
                     NULL);
  g_clear_error (&error);
  ck_assert (!activering_facts_set_number (facts, "work_capacity", NAN, &error));
  test_assert_error (error, ACTIVERING_ERROR_OUT_OF_RANGE, "/work_capacity: not a number", NULL);
  g_clear_error (&error);
  ck_assert (!activering_facts_set_number (facts, "proposals.ibo.weeks", 2.5, &error));
  test_assert_error (error, ACTIVERING_ERROR_TYPE, "/proposals.ibo.weeks: expected a whole number, found 2.5", NULL);
  g_clear_error (&error);
  ck_assert (!activering_facts_set_string (facts, "income.status", "leefloen", &error));
  test_assert_error (error, ACTIVERING_ERROR_INVALID_VALUE, "/income.status: \"leefloen\" is not one of: leefloon",
                     "did you mean \"leefloon\"?", NULL);
  g_clear_error (&error);
  ck_assert (!activering_facts_set_string (facts, "income.status", "\xff", &error));
  test_assert_error (error, ACTIVERING_ERROR_INVALID_VALUE, "/income.status: not valid UTF-8", NULL);
  g_clear_error (&error);
  ck_assert (!activering_facts_set_boolean (facts, "income.since", TRUE, &error));
  test_assert_error (error, ACTIVERING_ERROR_TYPE, "/income.since:", NULL);
  g_clear_error (&error);
  ck_assert (!activering_facts_set_string (facts, "income.since", "2026-02-30", &error));
  test_assert_error (error, ACTIVERING_ERROR_INVALID_VALUE, "/income.since:", "2026-02-30", NULL);
  g_clear_error (&error);
  GDate invalid;
  g_date_clear (&invalid, 1);
  ck_assert (!activering_facts_set_date (facts, "income.since", &invalid, &error));
  test_assert_error (error, ACTIVERING_ERROR_INVALID_VALUE, "/income.since: not a valid date", NULL);
  g_clear_error (&error);
  ck_assert (!activering_facts_set_json (facts, "barriers", "[\"debt\",", -1, &error));
  test_assert_error (error, ACTIVERING_ERROR_SYNTAX, "/barriers", NULL);
  g_clear_error (&error);
  ck_assert (!activering_facts_set_json (facts, "vdab.registered", "true false", -1, &error));
  test_assert_error (error, ACTIVERING_ERROR_SYNTAX, "/vdab.registered: malformed JSON", NULL);
  g_clear_error (&error);
  ck_assert (!activering_facts_set_json (facts, "vdab.registered", "", 0, &error));
  test_assert_error (error, ACTIVERING_ERROR_SYNTAX, "/vdab.registered: empty value", NULL);
  g_clear_error (&error);
  ck_assert (!activering_facts_set_json (facts, "measures", "[{\"measure\":\"ibo\"}]", -1, &error));
  test_assert_error (error, ACTIVERING_ERROR_MISSING, "missing \"start\"", NULL);
  g_clear_error (&error);
  /* after all of that the dossier answers as before */
  ck_assert_int_eq (outcome_of (facts, "twe_ocmw"), ACTIVERING_OUTCOME_ELIGIBLE);
  ck_assert_int_eq (activering_facts_get_state (facts, "income.status"), ACTIVERING_FACT_KNOWN);
}
END_TEST

static Suite *
facts_suite (void)
{
  Suite *s = suite_create ("facts");
  TCase *tc;

  tc = tcase_create ("valid");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_examples_parse);
  tcase_add_test (tc, test_minimal_document);
  tcase_add_test (tc, test_id_fact);
  tcase_add_test (tc, test_escapes_in_valid_strings);
  tcase_add_test (tc, test_explicit_length_not_nul_terminated);
  suite_add_tcase (s, tc);

  tc = tcase_create ("syntax");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_syntax_missing_brace);
  tcase_add_test (tc, test_syntax_trailing_comma);
  tcase_add_test (tc, test_syntax_bad_escape);
  tcase_add_test (tc, test_syntax_control_character_in_string);
  tcase_add_test (tc, test_syntax_bad_numbers);
  tcase_add_test (tc, test_syntax_lone_surrogate);
  tcase_add_test (tc, test_syntax_bad_literals);
  tcase_add_test (tc, test_syntax_empty_document);
  tcase_add_test (tc, test_syntax_trailing_garbage);
  tcase_add_test (tc, test_syntax_nul_byte);
  tcase_add_test (tc, test_not_an_object);
  suite_add_tcase (s, tc);

  tc = tcase_create ("format-id");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_format_missing);
  tcase_add_test (tc, test_format_other_major_version);
  tcase_add_test (tc, test_format_other_kind);
  tcase_add_test (tc, test_id_missing_or_empty);
  tcase_add_test (tc, test_id_invalid_utf8);
  suite_add_tcase (s, tc);

  tc = tcase_create ("values");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_impossible_dates);
  tcase_add_test (tc, test_wrong_types);
  tcase_add_test (tc, test_unknown_key_suggests);
  tcase_add_test (tc, test_unknown_key_suggests_root_keys);
  tcase_add_test (tc, test_x_keys_anywhere);
  tcase_add_test (tc, test_enum_outside_values);
  tcase_add_test (tc, test_enum_with_embedded_nul);
  tcase_add_test (tc, test_enum_list_unknown_code);
  tcase_add_test (tc, test_number_out_of_range);
  tcase_add_test (tc, test_integer_with_fraction);
  suite_add_tcase (s, tc);

  tc = tcase_create ("limits");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_deep_nesting);
  tcase_add_test (tc, test_long_strings);
  tcase_add_test (tc, test_syntax_not_json_is_not_a_type_error);
  tcase_add_test (tc, test_byte_order_mark_skipped);
  tcase_add_test (tc, test_x_members_checked);
  tcase_add_test (tc, test_runs_too_many);
  suite_add_tcase (s, tc);

  tc = tcase_create ("duplicates");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_duplicate_fact);
  tcase_add_test (tc, test_duplicate_as_of);
  tcase_add_test (tc, test_duplicate_format);
  tcase_add_test (tc, test_duplicate_section);
  tcase_add_test (tc, test_duplicate_key_in_run);
  tcase_add_test (tc, test_dotted_keys);
  suite_add_tcase (s, tc);

  tc = tcase_create ("runs");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_runs_valid);
  tcase_add_test (tc, test_runs_errors);
  suite_add_tcase (s, tc);

  tc = tcase_create ("states");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_null_is_blank_absent_is_unknown);
  tcase_add_test (tc, test_null_object_blanks_its_facts);
  tcase_add_test (tc, test_reuse_after_error);
  tcase_add_test (tc, test_new_from_data);
  suite_add_tcase (s, tc);

  tc = tcase_create ("what-if");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_set_each_type);
  tcase_add_test (tc, test_set_changes_the_outcome);
  tcase_add_test (tc, test_set_errors);
  suite_add_tcase (s, tc);

  tc = tcase_create ("messages");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_message_cuts_long_input);
  tcase_add_test (tc, test_message_cuts_long_key);
  tcase_add_test (tc, test_message_is_valid_utf8);
  tcase_add_test (tc, test_message_has_no_control_characters);
  tcase_add_test (tc, test_error_codes_have_names);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return test_run_suite (facts_suite ());
}
