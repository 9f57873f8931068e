/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* check-rules.c: loading rule sets through the public API.
 *
 * Most tests take the default rule file (data/rules/be-vlaanderen.json), apply ONE mutation by JSON pointer,
 * and check that loading fails with the right error code and a message that names the exact JSON pointer of
 * the offending node and what was expected. The rest check the getters, the digest, comments, files, and that
 * a small hand-written rule set works, so the engine holds no built-in knowledge.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-c/json.h>

#include "test-util.h"

#define RULES_FILE "data/rules/be-vlaanderen.json"

/* ---- JSON helpers --------------------------------------------------------------------------------------- */

/* Parses JSON text written in a test; fails the test if it does not parse. */
static json_object *
J (const char *text)
{
  json_tokener *tokener = json_tokener_new_ex (512);
  json_object *o = json_tokener_parse_ex (tokener, text, (int) strlen (text) + 1);
  enum json_tokener_error error = json_tokener_get_error (tokener);
  json_tokener_free (tokener);
  ck_assert_msg (error == json_tokener_success, "test JSON does not parse (%s): %s", json_tokener_error_desc (error),
                 text);
  return o;
}

/* The default rule file, parsed. */
static json_object *
default_json (void)
{
  g_autofree char *text = test_read_file (RULES_FILE, NULL);
  return J (text);
}

/* Splits a JSON pointer ("/a/b~1c/0") into unescaped tokens. */
static char **
pointer_tokens (const char *pointer)
{
  ck_assert_msg (pointer[0] == '/', "a JSON pointer starts with '/': %s", pointer);
  char **tokens = g_strsplit (pointer + 1, "/", -1);
  for (char **t = tokens; *t; t++)
    {
      GString *s = g_string_new (NULL);
      for (const char *p = *t; *p; p++)
        {
          if (p[0] == '~' && p[1] == '1')
            g_string_append_c (s, '/'), p++;
          else if (p[0] == '~' && p[1] == '0')
            g_string_append_c (s, '~'), p++;
          else
            g_string_append_c (s, *p);
        }
      g_free (*t);
      *t = g_string_free (s, FALSE);
    }
  return tokens;
}

static json_object *
child (json_object *o, const char *token, const char *pointer)
{
  json_object *c = NULL;
  if (json_object_is_type (o, json_type_object))
    {
      ck_assert_msg (json_object_object_get_ex (o, token, &c), "%s: no key \"%s\"", pointer, token);
      return c;
    }
  ck_assert_msg (json_object_is_type (o, json_type_array), "%s: \"%s\" inside a scalar", pointer, token);
  char *end = NULL;
  long index = strtol (token, &end, 10);
  ck_assert_msg (*end == '\0' && index >= 0 && (size_t) index < json_object_array_length (o), "%s: bad index %s",
                 pointer, token);
  return json_object_array_get_idx (o, (size_t) index);
}

/* The node at @pointer (borrowed). */
static json_object *
ptr_get (json_object *root, const char *pointer)
{
  g_auto (GStrv) tokens = pointer_tokens (pointer);
  json_object *o = root;
  for (char **t = tokens; *t; t++)
    o = child (o, *t, pointer);
  return o;
}

/* The parent of the node at @pointer; *last is its last token. */
static json_object *
ptr_parent (json_object *root, const char *pointer, char **last)
{
  g_auto (GStrv) tokens = pointer_tokens (pointer);
  guint n = g_strv_length (tokens);
  ck_assert_msg (n > 0, "cannot take the parent of the root");
  json_object *o = root;
  for (guint i = 0; i + 1 < n; i++)
    o = child (o, tokens[i], pointer);
  *last = g_strdup (tokens[n - 1]);
  return o;
}

/* Sets (or adds) the node at @pointer to @value, taking ownership. "-" appends to an array. */
static void
ptr_set (json_object *root, const char *pointer, json_object *value)
{
  g_autofree char *last = NULL;
  json_object *parent = ptr_parent (root, pointer, &last);
  if (json_object_is_type (parent, json_type_object))
    {
      json_object_object_add (parent, last, value);
      return;
    }
  ck_assert_msg (json_object_is_type (parent, json_type_array), "%s: parent is not a container", pointer);
  if (strcmp (last, "-") == 0)
    {
      json_object_array_add (parent, value);
      return;
    }
  char *end = NULL;
  long index = strtol (last, &end, 10);
  ck_assert_msg (*end == '\0' && index >= 0 && (size_t) index < json_object_array_length (parent), "%s: bad index",
                 pointer);
  json_object_array_put_idx (parent, (size_t) index, value);
}

/* Sets the node at @pointer to the JSON @text. */
static void
ptr_set_json (json_object *root, const char *pointer, const char *text)
{
  ptr_set (root, pointer, J (text));
}

/* Deletes the node at @pointer; it must exist. */
static void
ptr_delete (json_object *root, const char *pointer)
{
  (void) ptr_get (root, pointer);
  g_autofree char *last = NULL;
  json_object *parent = ptr_parent (root, pointer, &last);
  if (json_object_is_type (parent, json_type_object))
    json_object_object_del (parent, last);
  else
    json_object_array_del_idx (parent, (size_t) strtol (last, NULL, 10), 1);
}

static char *
serialise (json_object *root)
{
  return g_strdup (json_object_to_json_string_ext (root, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
}

/* Serialises @root and loads it as "rules.json". */
static ActiveringRuleSet *
load_json (json_object *root, GError **error)
{
  g_autofree char *text = serialise (root);
  return activering_rule_set_new_from_data (text, -1, "rules.json", error);
}

/* Loading @root fails with @code and a message holding every following string. Frees @root. */
#define ASSERT_LOAD_FAILS(root, code, ...)                                                                   \
  do                                                                                                         \
    {                                                                                                        \
      g_autoptr (GError) error_ = NULL;                                                                      \
      ActiveringRuleSet *rules_ = load_json ((root), &error_);                                               \
      json_object_put (root);                                                                                \
      ck_assert_msg (rules_ == NULL, "the mutated rule set loaded");                                         \
      test_assert_error (error_, (code), __VA_ARGS__, NULL);                                                 \
    }                                                                                                        \
  while (0)

/* Loading @text (as "rules.json") fails with @code and a message holding every following string. */
#define ASSERT_TEXT_FAILS(text, length, code, ...)                                                           \
  do                                                                                                         \
    {                                                                                                        \
      g_autoptr (GError) error_ = NULL;                                                                      \
      ActiveringRuleSet *rules_ = activering_rule_set_new_from_data ((text), (length), "rules.json", &error_); \
      ck_assert_msg (rules_ == NULL, "the rule set loaded");                                                 \
      test_assert_error (error_, (code), __VA_ARGS__, NULL);                                                 \
    }                                                                                                        \
  while (0)

/* Loading @root succeeds; returns the rule set. Frees @root. */
static ActiveringRuleSet *
assert_loads (json_object *root)
{
  g_autoptr (GError) error = NULL;
  ActiveringRuleSet *rules = load_json (root, &error);
  json_object_put (root);
  ck_assert_msg (rules != NULL, "the rule set does not load: %s", error ? error->message : "?");
  ck_assert (error == NULL);
  return rules;
}

static const char *
json_str (json_object *root, const char *pointer)
{
  return json_object_get_string (ptr_get (root, pointer));
}

/* ---- the untouched file ---------------------------------------------------------------------------------- */

/* A definition the tests add to the default rule set; an unused definition is still checked. */
#define AGE_DEFINITION \
  "{\"type\": \"integer\", \"expr\": {\"age_on\": [{\"fact\": \"person.birth_date\"}, {\"as_of\": {}}]}}"

START_TEST (test_default_file_loads)
{
  /* The baseline every mutation starts from: must load, or every failure test below proves nothing. */
  g_autoptr (ActiveringRuleSet) rules = assert_loads (default_json ());
  ck_assert_str_eq (activering_rule_set_get_id (rules), "be-vlaanderen");
  /* And the serialised-by-json-c form loads to the same structure as the raw file. */
  g_autofree char *raw = test_read_file (RULES_FILE, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringRuleSet) direct = activering_rule_set_new_from_data (raw, -1, "rules.json", &error);
  ck_assert_msg (direct != NULL, "%s", error ? error->message : "?");
  ck_assert_uint_eq (activering_rule_set_get_n_measures (direct), activering_rule_set_get_n_measures (rules));
  ck_assert_uint_eq (activering_rule_set_get_n_facts (direct), activering_rule_set_get_n_facts (rules));
}
END_TEST

/* ---- syntax ---------------------------------------------------------------------------------------------- */

START_TEST (test_malformed_json)
{
  ASSERT_TEXT_FAILS ("{", -1, ACTIVERING_ERROR_SYNTAX, "rules.json: /: ", "malformed JSON");
  /* Syntax errors name the path where they are found, the byte, and in a document of several lines, the line and
   * column. */
  ASSERT_TEXT_FAILS ("{\"format\": }", -1, ACTIVERING_ERROR_SYNTAX, "rules.json: /format: malformed JSON at byte 11: "
                     "expected a JSON value");
  ASSERT_TEXT_FAILS ("{\n  \"format\": \"activering.rules/1\",\n  \"id\" 1}", -1, ACTIVERING_ERROR_SYNTAX,
                     "rules.json: /id: malformed JSON at byte 43 (line 3, column 8): expected ':' after a key");
  ASSERT_TEXT_FAILS ("{\"format\" \"activering.rules/1\"}", -1, ACTIVERING_ERROR_SYNTAX, "malformed JSON");
  ASSERT_TEXT_FAILS ("{] ", -1, ACTIVERING_ERROR_SYNTAX, "malformed JSON");
  /* A valid document followed by garbage. */
  g_autofree char *raw = test_read_file (RULES_FILE, NULL);
  g_autofree char *trailing = g_strconcat (raw, "\n{}", NULL);
  ASSERT_TEXT_FAILS (trailing, -1, ACTIVERING_ERROR_SYNTAX, "rules.json: /: ", "unexpected data after the document");
  /* A document cut short. */
  ASSERT_TEXT_FAILS (raw, (gssize) strlen (raw) / 2, ACTIVERING_ERROR_SYNTAX, "rules.json: /",
                     "malformed JSON: the document ends where");
}
END_TEST

START_TEST (test_empty_document)
{
  ASSERT_TEXT_FAILS ("", -1, ACTIVERING_ERROR_SYNTAX, "rules.json: /: empty document");
  ASSERT_TEXT_FAILS ("{}", 0, ACTIVERING_ERROR_SYNTAX, "rules.json: /: empty document");
  ASSERT_TEXT_FAILS (" \n\t ", -1, ACTIVERING_ERROR_SYNTAX, "rules.json: /: ");
  /* Without a document name, errors say "rules". */
  g_autoptr (GError) error = NULL;
  ck_assert_ptr_null (activering_rule_set_new_from_data ("", -1, NULL, &error));
  test_assert_error (error, ACTIVERING_ERROR_SYNTAX, "rules: /: empty document", NULL);
}
END_TEST

START_TEST (test_not_an_object)
{
  ASSERT_TEXT_FAILS ("[]", -1, ACTIVERING_ERROR_TYPE, "rules.json: /: expected a rule set object, found an array");
  ASSERT_TEXT_FAILS ("\"activering.rules/1\"", -1, ACTIVERING_ERROR_TYPE,
                     "rules.json: /: expected a rule set object, found a string");
  ASSERT_TEXT_FAILS ("42\n", -1, ACTIVERING_ERROR_TYPE, "rules.json: /: expected a rule set object, found a number");
}
END_TEST

START_TEST (test_scalar_document_not_an_object)
{
  /* Well-formed JSON texts that are scalars, with nothing after them: not a syntax error, but the wrong type. */
  ASSERT_TEXT_FAILS ("42", -1, ACTIVERING_ERROR_TYPE, "rules.json: /: expected a rule set object, found a number");
  ASSERT_TEXT_FAILS ("null", -1, ACTIVERING_ERROR_TYPE, "rules.json: /: expected a rule set object, found null");
  ASSERT_TEXT_FAILS ("true", -1, ACTIVERING_ERROR_TYPE, "rules.json: /: expected a rule set object, found a boolean");
}
END_TEST

START_TEST (test_deeply_nested_json)
{
  /* 10000 nested arrays: an error, not a stack overflow. */
  const int depth = 10000;
  GString *s = g_string_new (NULL);
  for (int i = 0; i < depth; i++)
    g_string_append_c (s, '[');
  for (int i = 0; i < depth; i++)
    g_string_append_c (s, ']');
  ASSERT_TEXT_FAILS (s->str, (gssize) s->len, ACTIVERING_ERROR_TOO_LARGE, "rules.json: /0/0/",
                     "nested deeper than 512 levels");
  /* The same inside an otherwise valid rule set, under an ignored x_ key, and as nested objects. */
  g_autofree char *raw = test_read_file (RULES_FILE, NULL);
  g_string_truncate (s, 0);
  g_string_append (s, "{\"x_deep\": ");
  for (int i = 0; i < depth; i++)
    g_string_append (s, "{\"a\": ");
  g_string_append (s, "1");
  for (int i = 0; i < depth; i++)
    g_string_append_c (s, '}');
  g_string_append (s, ", ");
  g_string_append (s, strchr (raw, '{') + 1);
  ASSERT_TEXT_FAILS (s->str, (gssize) s->len, ACTIVERING_ERROR_TOO_LARGE, "rules.json: /x_deep/a/a/",
                     "nested deeper than 512 levels");
  g_string_free (s, TRUE);
}
END_TEST

START_TEST (test_comments_accepted)
{
  g_autofree char *raw = test_read_file (RULES_FILE, NULL);
  const char *brace = strchr (raw, '{');
  ck_assert_ptr_nonnull (brace);
  /* A line comment before the document, a block comment inside it, and one after a value. */
  GString *s = g_string_new ("// be-vlaanderen, annotated\n/* a block\n   comment */\n");
  g_string_append_len (s, raw, brace - raw + 1);
  g_string_append (s, "\n  // the format comes first\n  /* block */ ");
  g_string_append (s, brace + 1);
  g_string_append (s, "\n// trailing comment\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringRuleSet) rules = activering_rule_set_new_from_data (s->str, (gssize) s->len, "rules.json", &error);
  ck_assert_msg (rules != NULL, "comments are rejected: %s", error ? error->message : "?");
  ck_assert_str_eq (activering_rule_set_get_id (rules), "be-vlaanderen");
  g_autoptr (ActiveringRuleSet) builtin = test_default_rules ();
  ck_assert_uint_eq (activering_rule_set_get_n_measures (rules), activering_rule_set_get_n_measures (builtin));
  g_string_free (s, TRUE);
}
END_TEST

/* ---- format and top level -------------------------------------------------------------------------------- */

START_TEST (test_format_other_kind)
{
  json_object *root = default_json ();
  ptr_set_json (root, "/format", "\"activering.facts/1\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_FORMAT, "rules.json: /format: ", "\"activering.facts/1\"",
                     "not a rule set", "expected \"activering.rules/1\"");
}
END_TEST

START_TEST (test_format_other_major)
{
  json_object *root = default_json ();
  ptr_set_json (root, "/format", "\"activering.rules/2\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_FORMAT, "rules.json: /format: ", "\"activering.rules/2\"", "major version",
                     "activering.rules/1");
  root = default_json ();
  ptr_set_json (root, "/format", "\"activering.rules/10\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_FORMAT, "rules.json: /format: ", "major version");
}
END_TEST

START_TEST (test_format_missing)
{
  /* activering-error.h: ACTIVERING_ERROR_FORMAT is for "format" missing, of another kind or of another major
   * version. */
  json_object *root = default_json ();
  ptr_delete (root, "/format");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_FORMAT, "rules.json: /: ", "\"format\"");
}
END_TEST

START_TEST (test_unknown_top_level_key)
{
  json_object *root = default_json ();
  ptr_set_json (root, "/defintions", "{}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_KEY, "rules.json: /defintions: ", "unknown key \"defintions\"",
                     "did you mean \"definitions\"?");
  /* Far from every key: no suggestion, but the list of expected keys. */
  root = default_json ();
  ptr_set_json (root, "/zzzzzzzzzz", "1");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_KEY, "rules.json: /zzzzzzzzzz: ", "unknown key \"zzzzzzzzzz\"",
                     "expected one of: format, id, version");
  /* Unknown keys deeper down, too. */
  root = default_json ();
  ptr_set_json (root, "/measures/0/conditions/6/legal_bsis", "\"x\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_KEY, "rules.json: /measures/0/conditions/6/legal_bsis: ",
                     "did you mean \"legal_basis\"?");
}
END_TEST

START_TEST (test_note_and_x_keys_accepted)
{
  json_object *root = default_json ();
  ptr_set_json (root, "/x_tool", "{\"anything\": [1, 2, {\"deep\": null}]}");
  ptr_set_json (root, "/measures/0/x_review", "\"2026-12\"");
  ptr_set_json (root, "/measures/0/conditions/0/note", "\"why\"");
  ptr_set_json (root, "/facts/work_capacity/x_source", "\"KSZ\"");
  ptr_set_json (root, "/parameters/ibo.min_weeks/values/0/note", "\"since the reform\"");
  g_autoptr (ActiveringRuleSet) rules = assert_loads (root);
  g_autoptr (ActiveringRuleSet) builtin = test_default_rules ();
  ck_assert_uint_eq (activering_rule_set_get_n_measures (rules), activering_rule_set_get_n_measures (builtin));
}
END_TEST

START_TEST (test_invalid_utf8)
{
  /* An overlong sequence (0xC1 0xA9) in a label: json-c lets it through, the loader does not. */
  g_autofree char *text = test_read_file (RULES_FILE, NULL);
  char *e = strstr (text, "propos\xc3\xa9" "e");
  ck_assert_ptr_nonnull (e);
  e[6] = (char) 0xc1;
  ASSERT_TEXT_FAILS (text, -1, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /facts/proposals.ibo.start/label/fr: the "
                     "string at byte ", "is not valid UTF-8");
  ASSERT_TEXT_FAILS ("{\"format\": \"activering.rules/1\", \"id\": \"\xff\"}", -1, ACTIVERING_ERROR_INVALID_VALUE,
                     "rules.json: /id: the string at byte 39 is not valid UTF-8");
}
END_TEST

START_TEST (test_missing_required_key)
{
  static const char *const top[] = { "id", "version", "languages", "title", "roles", "facts", "parameters",
                                     "measures" };
  for (guint i = 0; i < G_N_ELEMENTS (top); i++)
    {
      json_object *root = default_json ();
      g_autofree char *pointer = g_strconcat ("/", top[i], NULL);
      g_autofree char *message = g_strdup_printf ("rules.json: /: missing \"%s\"", top[i]);
      ptr_delete (root, pointer);
      ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_MISSING, message);
    }
  /* definitions and obligations are optional (the trajectory check of an obligation goes with it) */
  json_object *root = default_json ();
  ptr_delete (root, "/obligations");
  ptr_delete (root, "/trajectory_checks/8"); /* ama.reassessment */
  ptr_delete (root, "/trajectory_checks/3"); /* gpmi.deadline */
  ActiveringRuleSet *rules = assert_loads (root);
  activering_rule_set_unref (rules);
  /* and so is everything about trajectories (with the tasks, whose triggers name phases) */
  root = default_json ();
  static const char *const trajectory_keys[] = { "/phase_models",          "/phase_correspondences",
                                                 "/trajectory_checks",     "/trajectory_indicators",
                                                 "/trajectory_messages",   "/tasks",
                                                 "/organisation" };
  for (guint i = 0; i < G_N_ELEMENTS (trajectory_keys); i++)
    ptr_delete (root, trajectory_keys[i]);
  rules = assert_loads (root);
  ck_assert_uint_eq (activering_rule_set_get_n_phase_models (rules), 0);
  activering_rule_set_unref (rules);

  root = default_json ();
  ptr_delete (root, "/measures/0/conditions/3/legal_basis");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_MISSING, "rules.json: /measures/0/conditions/3: missing \"legal_basis\"");
  root = default_json ();
  ptr_delete (root, "/measures/0/conditions/3/when");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_MISSING, "rules.json: /measures/0/conditions/3: missing \"when\"");
  root = default_json ();
  ptr_set_json (root, "/parameters/ibo.min_weeks/values", "[{\"from\": \"2018-09-01\"}]");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_MISSING, "rules.json: /parameters/ibo.min_weeks/values/0: missing \"value\"");
  root = default_json ();
  ptr_delete (root, "/facts/work_capacity/supplied_by");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_MISSING, "rules.json: /facts/work_capacity: missing \"supplied_by\"");
  root = default_json ();
  ptr_delete (root, "/measures/2/decided_by");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_MISSING, "rules.json: /measures/2: missing \"decided_by\"");
  root = default_json ();
  ptr_delete (root, "/obligations/1/due");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_MISSING, "rules.json: /obligations/1: missing \"due\"");
}
END_TEST

/* ---- references ------------------------------------------------------------------------------------------ */

START_TEST (test_unknown_fact)
{
  json_object *root = default_json ();
  ptr_set_json (root, "/measures/0/conditions/6/when",
                "{\">=\": [{\"fact\": \"work_capacty\"}, {\"param\": \"twe.min_work_capacity\"}]}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_REF, "rules.json: /measures/0/conditions/6/when/>=/0/fact: ",
                     "unknown fact \"work_capacty\"", "did you mean \"work_capacity\"?");

  /* Deep inside an "all", in another measure. */
  root = default_json ();
  ptr_set_json (root, "/measures/2/conditions/0/when",
                "{\"all\": [{\"==\": [{\"fact\": \"vdab.registered\"}, true]},"
                " {\"==\": [{\"fact\": \"vdab.categroy\"}, \"nwwz\"]}]}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_REF,
                     "rules.json: /measures/2/conditions/0/when/all/1/==/0/fact: ", "unknown fact \"vdab.categroy\"",
                     "did you mean \"vdab.category\"?");

  /* Inside a definition: the error carries the definition's own path. */
  root = default_json ();
  ptr_set_json (root, "/definitions/age", AGE_DEFINITION);
  ptr_set_json (root, "/definitions/age/expr", "{\"age_on\": [{\"fact\": \"person.birthdate\"}, {\"as_of\": {}}]}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_REF, "rules.json: /definitions/age/expr/age_on/0/fact: ",
                     "unknown fact \"person.birthdate\"", "did you mean \"person.birth_date\"?");

  /* A parent path is not a fact. */
  root = default_json ();
  ptr_set_json (root, "/measures/0/conditions/1/when", "{\"==\": [{\"fact\": \"vdab\"}, true]}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_REF, "rules.json: /measures/0/conditions/1/when/==/0/fact: ",
                     "unknown fact \"vdab\"");
}
END_TEST

START_TEST (test_unknown_region_fact)
{
  /* The offending node is the "region_fact" member itself: /measures/0/exists/region_fact. */
  json_object *root = default_json ();
  ptr_set_json (root, "/measures/0/exists/region_fact", "\"regio\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_REF, "rules.json: /measures/0/exists/region_fact: ",
                     "unknown fact \"regio\"", "did you mean \"region\"?");
  /* A region fact that is not an enum. */
  root = default_json ();
  ptr_set_json (root, "/measures/0/exists/region_fact", "\"vdab.registered\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_RULE_TYPE, "rules.json: /measures/0/exists/region_fact: ",
                     "must be an enum");
  /* A region code the fact does not have. */
  root = default_json ();
  ptr_set_json (root, "/measures/0/exists/regions/0", "\"vlaanderenn\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /measures/0/exists/regions/0: ",
                     "not one of the values of the region fact");
}
END_TEST

START_TEST (test_unknown_parameter)
{
  json_object *root = default_json ();
  ptr_set_json (root, "/measures/0/conditions/6/when",
                "{\">=\": [{\"fact\": \"work_capacity\"}, {\"param\": \"twe.min_work_capasity\"}]}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_REF, "rules.json: /measures/0/conditions/6/when/>=/1/param: ",
                     "unknown parameter \"twe.min_work_capasity\"", "did you mean \"twe.min_work_capacity\"?");
  /* In a limit. */
  root = default_json ();
  ptr_set_json (root, "/measures/2/limits/0/value", "{\"param\": \"ibo.min_wekes\"}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_REF, "rules.json: /measures/2/limits/0/value/param: ",
                     "unknown parameter \"ibo.min_wekes\"");
}
END_TEST

START_TEST (test_unknown_definition)
{
  json_object *root = default_json ();
  ptr_set_json (root, "/measures/0/conditions/0/when", "{\"def\": \"social_asistance\"}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_REF, "rules.json: /measures/0/conditions/0/when/def: ",
                     "unknown definition \"social_asistance\"");
  /* Without any "definitions" section at all. */
  root = default_json ();
  ptr_delete (root, "/definitions");
  ptr_set_json (root, "/measures/0/conditions/0/when", "{\"def\": \"social_assistance\"}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_REF, "rules.json: /measures/0/conditions/0/when/def: ",
                     "unknown definition \"social_assistance\"");
}
END_TEST

START_TEST (test_unknown_measure_reference)
{
  json_object *root = default_json ();
  ptr_set_json (root, "/measures/1/conditions/2/when",
                "{\"any\": [{\"==\": [{\"fact\": \"region\"}, \"brussel\"]}, {\"measure\": \"twe_ocwm\"}]}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_REF, "rules.json: /measures/1/conditions/2/when/any/1/measure: ",
                     "unknown measure \"twe_ocwm\"");
}
END_TEST

START_TEST (test_unknown_role)
{
  json_object *root = default_json ();
  ptr_set_json (root, "/facts/work_capacity/supplied_by", "\"ocmw.trajectbegeleidr\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_REF, "rules.json: /facts/work_capacity/supplied_by: ",
                     "unknown role \"ocmw.trajectbegeleidr\"");
  root = default_json ();
  ptr_set_json (root, "/measures/2/decided_by", "\"vdab.ibo\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_REF, "rules.json: /measures/2/decided_by: ",
                     "unknown role \"vdab.ibo\"");
}
END_TEST

START_TEST (test_unknown_operator)
{
  json_object *root = default_json ();
  ptr_set_json (root, "/measures/2/conditions/0/when",
                "{\"alll\": [{\"==\": [{\"fact\": \"vdab.registered\"}, true]}]}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_KEY, "rules.json: /measures/2/conditions/0/when/alll: ",
                     "unknown operator \"alll\"", "did you mean \"all\"?");
  root = default_json ();
  ptr_set_json (root, "/measures/0/conditions/5/when", "{\"add_month\": [{\"date\": \"2020-01-01\"}, 1]}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_KEY, "rules.json: /measures/0/conditions/5/when/add_month: ",
                     "unknown operator \"add_month\"", "did you mean \"add_months\"?");
  /* An expression object with two operators. */
  root = default_json ();
  ptr_set_json (root, "/measures/0/conditions/5/when", "{\"all\": [true], \"any\": [true]}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TYPE, "rules.json: /measures/0/conditions/5/when: ", "exactly one key");
}
END_TEST

/* ---- types ----------------------------------------------------------------------------------------------- */

START_TEST (test_type_date_vs_number)
{
  json_object *root = default_json ();
  ptr_set_json (root, "/measures/0/conditions/6/when", "{\">=\": [{\"fact\": \"income.since\"}, 3]}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_RULE_TYPE, "rules.json: /measures/0/conditions/6/when/>=: ",
                     "cannot combine date with integer");
  /* Ordering enums is no better. */
  root = default_json ();
  ptr_set_json (root, "/measures/0/conditions/6/when", "{\"<\": [{\"fact\": \"income.status\"}, \"leefloon\"]}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_RULE_TYPE, "rules.json: /measures/0/conditions/6/when/<: ",
                     "orders numbers or dates, not enum");
}
END_TEST

START_TEST (test_type_all_with_number)
{
  json_object *root = default_json ();
  ptr_set_json (root, "/measures/2/conditions/0/when", "{\"all\": [{\"==\": [{\"fact\": \"vdab.registered\"}, true]}, 3]}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_RULE_TYPE, "rules.json: /measures/2/conditions/0/when/all/1: ",
                     "must be bool, found integer");
  /* A condition that is not boolean at all. */
  root = default_json ();
  ptr_set_json (root, "/measures/0/conditions/6/when", "{\"fact\": \"work_capacity\"}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_RULE_TYPE, "rules.json: /measures/0/conditions/6/when: ",
                     "must be bool, found number");
}
END_TEST

START_TEST (test_type_literal_not_in_enum)
{
  /* income.status == "leeflon": a string literal that is not a value of the enum it is compared with. */
  json_object *root = default_json ();
  ptr_set_json (root, "/measures/0/conditions/0/when", "{\"==\": [{\"fact\": \"income.status\"}, \"leeflon\"]}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /measures/0/conditions/0/when/==",
                     "\"leeflon\" is not one of the values compared with", "did you mean \"leefloon\"?");
}
END_TEST

START_TEST (test_type_literal_not_in_enum_left)
{
  /* The literal on the left. */
  json_object *root = default_json ();
  ptr_set_json (root, "/measures/0/conditions/0/when", "{\"!=\": [\"leeflon\", {\"fact\": \"income.status\"}]}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /measures/0/conditions/0/when/!=",
                     "\"leeflon\"", "did you mean \"leefloon\"?");
}
END_TEST

START_TEST (test_type_code_not_in_in_list)
{
  /* In an "in" list: the path names the code. */
  json_object *root = default_json ();
  ptr_set_json (root, "/definitions/social_assistance/expr",
                "{\"in\": [{\"fact\": \"income.status\"}, [\"leefloon\", \"equivalent_leeflon\"]]}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /definitions/social_assistance/expr/in/1/1: ",
                     "\"equivalent_leeflon\"", "did you mean \"equivalent_leefloon\"?");
}
END_TEST

START_TEST (test_type_code_not_in_contains)
{
  json_object *root = default_json ();
  ptr_set_json (root, "/measures/0/conditions/0/when", "{\"contains\": [{\"fact\": \"barriers\"}, \"housng\"]}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /measures/0/conditions/0/when/contains/1: ",
                     "\"housng\"", "did you mean \"housing\"?");
}
END_TEST

START_TEST (test_type_code_not_in_runs)
{
  json_object *root = default_json ();
  ptr_set_json (root, "/definitions/twe_running/expr",
                "{\">\": [{\"count_runs\": {\"of\": {\"fact\": \"measures\"}, \"measures\": [\"twe_ocwm\"]}}, 0]}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE,
                     "rules.json: /definitions/twe_running/expr/>/0/count_runs/measures/0: ", "\"twe_ocwm\"",
                     "did you mean \"twe_ocmw\"?");
}
END_TEST

START_TEST (test_type_literals_without_enum)
{
  /* Two literals: the type cannot be told. */
  json_object *root = default_json ();
  ptr_set_json (root, "/measures/0/conditions/0/when", "{\"==\": [\"leefloon\", \"leefloon\"]}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_RULE_TYPE, "rules.json: /measures/0/conditions/0/when/==: ",
                     "at least one operand that is not a string literal");
  /* A literal compared with a number. */
  root = default_json ();
  ptr_set_json (root, "/measures/0/conditions/0/when", "{\"==\": [{\"fact\": \"work_capacity\"}, \"half\"]}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_RULE_TYPE, "rules.json: /measures/0/conditions/0/when/==: ",
                     "only be compared with an enum, not with number");
}
END_TEST

START_TEST (test_type_contains_on_enum)
{
  json_object *root = default_json ();
  ptr_set_json (root, "/measures/0/conditions/0/when", "{\"contains\": [{\"fact\": \"income.status\"}, \"leefloon\"]}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_RULE_TYPE, "rules.json: /measures/0/conditions/0/when/contains: ",
                     "the first operand of 'contains' must be enum_list, found enum");
  /* "in" on an enum list. */
  root = default_json ();
  ptr_set_json (root, "/measures/0/conditions/0/when", "{\"in\": [{\"fact\": \"barriers\"}, [\"housing\"]]}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_RULE_TYPE, "rules.json: /measures/0/conditions/0/when/in: ",
                     "must be enum, found enum_list");
  /* "count" on an enum. */
  root = default_json ();
  ptr_set_json (root, "/measures/0/conditions/0/when", "{\">\": [{\"count\": {\"fact\": \"income.status\"}}, 0]}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_RULE_TYPE, "rules.json: /measures/0/conditions/0/when/>/0/count: ",
                     "must be enum_list, found enum");
}
END_TEST

START_TEST (test_type_limit_bool)
{
  json_object *root = default_json ();
  ptr_set_json (root, "/measures/0/limits/0/value", "true");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_RULE_TYPE, "rules.json: /measures/0/limits/0/value: ",
                     "a limit is a number or a date, not bool");
  /* A limit "when" that is not boolean. */
  root = default_json ();
  ptr_set_json (root, "/measures/0/limits/1/when", "{\"param\": \"twe.max_trajectory_months\"}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_RULE_TYPE, "rules.json: /measures/0/limits/1/when: ",
                     "must be bool, found integer");
}
END_TEST

START_TEST (test_type_definition_declared)
{
  json_object *root = default_json ();
  ptr_set_json (root, "/definitions/age", AGE_DEFINITION);
  ptr_set_json (root, "/definitions/age/type", "\"bool\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_RULE_TYPE, "rules.json: /definitions/age/type: ",
                     "declared as bool, but the expression is integer");
}
END_TEST

START_TEST (test_type_operands)
{
  /* add_months takes a date and an integer. */
  json_object *root = default_json ();
  ptr_set_json (root, "/measures/2/limits/4/value",
                "{\"add_weeks\": [{\"fact\": \"proposals.ibo.start\"}, {\"fact\": \"proposals.ibo.hours_fraction\"}]}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_RULE_TYPE, "rules.json: /measures/2/limits/4/value/add_weeks: ",
                     "the second operand must be integer, found number");
  /* min cannot mix dates and numbers. */
  root = default_json ();
  ptr_set_json (root, "/measures/3/limits/0/value", "{\"min\": [{\"fact\": \"indication.valid_until\"}, 3]}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_RULE_TYPE, "rules.json: /measures/3/limits/0/value/min: ",
                     "cannot mix dates and numbers");
  /* count_runs reads a runs fact. */
  root = default_json ();
  ptr_set_json (root, "/definitions/twe_running/expr",
                "{\">\": [{\"count_runs\": {\"of\": {\"fact\": \"barriers\"}, \"measures\": [\"housing\"]}}, 0]}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_RULE_TYPE, "rules.json: /definitions/twe_running/expr/>/0/count_runs/of: ",
                     "expected a fact of type runs");
  /* Wrong operand count. */
  root = default_json ();
  ptr_set_json (root, "/measures/0/conditions/6/when", "{\">=\": [{\"fact\": \"work_capacity\"}]}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TYPE, "rules.json: /measures/0/conditions/6/when/>=: ",
                     "expected 2 operands, found 1");
}
END_TEST

/* ---- parameters ------------------------------------------------------------------------------------------ */

START_TEST (test_overlap_same_from)
{
  json_object *root = default_json ();
  ptr_set_json (root, "/parameters/twe.min_work_capacity/values",
                "[{\"from\": \"2017-01-01\", \"value\": 0.5}, {\"from\": \"2017-01-01\", \"value\": 0.6}]");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_OVERLAP, "rules.json: /parameters/twe.min_work_capacity/values/1: ",
                     "overlaps the period of /values/0");
}
END_TEST

START_TEST (test_overlap_until_past_next_from)
{
  json_object *root = default_json ();
  ptr_set_json (root, "/parameters/twe.min_work_capacity/values",
                "[{\"from\": \"2017-01-01\", \"until\": \"2020-06-30\", \"value\": 0.5},"
                " {\"from\": \"2020-01-01\", \"value\": 0.6}]");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_OVERLAP, "rules.json: /parameters/twe.min_work_capacity/values/1: ",
                     "overlaps the period of /values/0");
  /* Listed out of order: the error still names the right period. */
  root = default_json ();
  ptr_set_json (root, "/parameters/twe.min_work_capacity/values",
                "[{\"from\": \"2020-01-01\", \"value\": 0.6},"
                " {\"from\": \"2017-01-01\", \"until\": \"2020-06-30\", \"value\": 0.5}]");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_OVERLAP, "rules.json: /parameters/twe.min_work_capacity/values/0: ",
                     "overlaps the period of /values/1");
  /* "until" is inclusive: ending on the next period's first day overlaps by one day. */
  root = default_json ();
  ptr_set_json (root, "/parameters/twe.min_work_capacity/values",
                "[{\"from\": \"2017-01-01\", \"until\": \"2020-01-01\", \"value\": 0.5},"
                " {\"from\": \"2020-01-01\", \"value\": 0.6}]");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_OVERLAP, "rules.json: /parameters/twe.min_work_capacity/values/1: ");
  /* Three periods, the middle one overlapping the last. */
  root = default_json ();
  ptr_set_json (root, "/parameters/twe.min_work_capacity/values",
                "[{\"from\": \"2017-01-01\", \"value\": 0.5},"
                " {\"from\": \"2019-01-01\", \"until\": \"2022-01-01\", \"value\": 0.6},"
                " {\"from\": \"2021-01-01\", \"value\": 0.7}]");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_OVERLAP, "rules.json: /parameters/twe.min_work_capacity/values/2: ",
                     "overlaps the period of /values/1");
}
END_TEST

START_TEST (test_periods_that_touch_do_not_overlap)
{
  json_object *root = default_json ();
  ptr_set_json (root, "/parameters/twe.min_work_capacity/values",
                "[{\"from\": \"2017-01-01\", \"until\": \"2019-12-31\", \"value\": 0.5},"
                " {\"from\": \"2020-01-01\", \"value\": 0.6},"
                " {\"from\": \"2010-01-01\", \"until\": \"2012-12-31\", \"value\": 0.4}]");
  ActiveringRuleSet *rules = assert_loads (root);
  activering_rule_set_unref (rules);
}
END_TEST

START_TEST (test_until_before_from)
{
  json_object *root = default_json ();
  ptr_set_json (root, "/parameters/ibo.max_weeks/values", "[{\"from\": \"2018-09-01\", \"until\": \"2018-08-31\", \"value\": 26}]");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /parameters/ibo.max_weeks/values/0/until: ",
                     "\"until\" is before \"from\"");
  /* An impossible date in a period. */
  root = default_json ();
  ptr_set_json (root, "/parameters/ibo.max_weeks/values", "[{\"from\": \"2018-02-29\", \"value\": 26}]");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /parameters/ibo.max_weeks/values/0/from: ",
                     "expected a valid date", "\"2018-02-29\"");
}
END_TEST

START_TEST (test_parameter_value_type)
{
  json_object *root = default_json ();
  ptr_set_json (root, "/parameters/ibo.min_weeks/values", "[{\"from\": \"2018-09-01\", \"value\": 4.5}]");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TYPE, "rules.json: /parameters/ibo.min_weeks/values/0/value: ",
                     "expected a number without a fraction");
  root = default_json ();
  ptr_set_json (root, "/parameters/gpmi.general_from/values", "[{\"from\": \"2002-10-01\", \"value\": \"2016-11-31\"}]");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TYPE, "rules.json: /parameters/gpmi.general_from/values/0/value: ",
                     "expected a date");
  root = default_json ();
  ptr_set_json (root, "/parameters/ibo.min_weeks/values", "[]");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_MISSING, "rules.json: /parameters/ibo.min_weeks/values: ",
                     "at least one dated value");
}
END_TEST

/* ---- translations ---------------------------------------------------------------------------------------- */

START_TEST (test_missing_translation)
{
  json_object *root = default_json ();
  ptr_delete (root, "/measures/0/conditions/0/text/true/fr");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TRANSLATION, "rules.json: /measures/0/conditions/0/text/true: ",
                     "missing the \"fr\" translation");
  root = default_json ();
  ptr_delete (root, "/title/en");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TRANSLATION, "rules.json: /title: ", "missing the \"en\" translation");
  root = default_json ();
  ptr_set_json (root, "/roles/vdab.bemiddelaar/label/nl", "\"\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TRANSLATION, "rules.json: /roles/vdab.bemiddelaar/label: ",
                     "missing the \"nl\" translation");
  root = default_json ();
  ptr_delete (root, "/facts/barriers/label/fr");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TRANSLATION, "rules.json: /facts/barriers/label: ",
                     "missing the \"fr\" translation");
  root = default_json ();
  ptr_delete (root, "/obligations/0/text/nl");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TRANSLATION, "rules.json: /obligations/0/text: ",
                     "missing the \"nl\" translation");
  /* A language the rule set does not declare is an unknown key. */
  root = default_json ();
  ptr_set_json (root, "/measures/1/label/de", "\"Artikel 60\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_KEY, "rules.json: /measures/1/label/de: ", "unknown key \"de\"");
}
END_TEST

/* ---- cycles ---------------------------------------------------------------------------------------------- */

START_TEST (test_cycle_between_definitions)
{
  json_object *root = default_json ();
  ptr_set_json (root, "/definitions/a", "{\"type\": \"bool\", \"expr\": {\"def\": \"b\"}}");
  ptr_set_json (root, "/definitions/b", "{\"type\": \"bool\", \"expr\": {\"not\": {\"def\": \"a\"}}}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_CYCLE, "rules.json: /definitions/b/expr/not/def: ",
                     "definition \"a\" depends on itself");
  /* The same cycle reached from a measure condition. */
  root = default_json ();
  ptr_set_json (root, "/definitions/a", "{\"type\": \"bool\", \"expr\": {\"def\": \"b\"}}");
  ptr_set_json (root, "/definitions/b", "{\"type\": \"bool\", \"expr\": {\"all\": [true, {\"def\": \"a\"}]}}");
  ptr_set_json (root, "/measures/0/conditions/0/when", "{\"def\": \"a\"}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_CYCLE, "rules.json: /definitions/b/expr/all/1/def: ",
                     "definition \"a\" depends on itself");
  /* A definition using itself directly. */
  root = default_json ();
  ptr_set_json (root, "/definitions/age", AGE_DEFINITION);
  ptr_set_json (root, "/definitions/age/expr", "{\"+\": [{\"def\": \"age\"}, 1]}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_CYCLE, "rules.json: /definitions/age/expr/+/0/def: ",
                     "definition \"age\" depends on itself");
}
END_TEST

START_TEST (test_cycle_measure_own_outcome)
{
  json_object *root = default_json ();
  ptr_set_json (root, "/measures/0/conditions/0/when",
                "{\"all\": [{\"def\": \"social_assistance\"}, {\"measure\": \"twe_ocmw\"}]}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_CYCLE, "rules.json: /measures/0/conditions/0/when/all/1/measure: ",
                     "measure \"twe_ocmw\" depends on its own outcome");
  /* twe_ocmw -> art60 -> twe_ocmw: the error names the reference that closes the cycle. */
  root = default_json ();
  ptr_set_json (root, "/measures/0/conditions/0/when",
                "{\"all\": [{\"def\": \"social_assistance\"}, {\"measure\": \"art60\"}]}");
  ptr_set_json (root, "/measures/1/conditions/2/when",
                "{\"any\": [{\"==\": [{\"fact\": \"region\"}, \"brussel\"]}, {\"measure\": \"twe_ocmw\"}]}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_CYCLE, "rules.json: /measures/1/conditions/2/when/any/1/measure: ",
                     "measure \"twe_ocmw\" depends on its own outcome");
}
END_TEST

START_TEST (test_measure_references_in_any_order)
{
  /* A measure may use the outcome of a measure declared after it. */
  json_object *root = default_json ();
  ptr_set_json (root, "/measures/0/conditions/0/when",
                "{\"all\": [{\"def\": \"social_assistance\"}, {\"not\": {\"measure\": \"individueel_maatwerk\"}}]}");
  ActiveringRuleSet *rules = assert_loads (root);
  activering_rule_set_unref (rules);
}
END_TEST

/* ---- duplicates and invalid values ----------------------------------------------------------------------- */

START_TEST (test_duplicate_measure_code)
{
  json_object *root = default_json ();
  ptr_set_json (root, "/measures/3/code", "\"art60\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_DUPLICATE, "rules.json: /measures/3/code: ",
                     "measure \"art60\" is defined twice");
}
END_TEST

START_TEST (test_duplicate_condition_id)
{
  json_object *root = default_json ();
  ptr_set_json (root, "/measures/0/conditions/4/id", "\"lacks_work_experience\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_DUPLICATE, "rules.json: /measures/0/conditions/4/id: ",
                     "condition \"twe_ocmw.lacks_work_experience\" is defined twice");
  /* The same id in two measures is fine (ids are per measure). */
  root = default_json ();
  ptr_set_json (root, "/measures/2/conditions/3/id", "\"status\"");
  ActiveringRuleSet *rules = assert_loads (root);
  activering_rule_set_unref (rules);
  /* Duplicate limit ids and obligation ids. */
  root = default_json ();
  ptr_set_json (root, "/measures/2/limits/1/id", "\"min_weeks\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_DUPLICATE, "rules.json: /measures/2/limits/1/id: ",
                     "limit \"ibo.min_weeks\" is defined twice");
  root = default_json ();
  ptr_set_json (root, "/obligations/1/id", "\"gpmi.deadline\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_DUPLICATE, "rules.json: /obligations/1/id: ",
                     "obligation \"gpmi.deadline\" is defined twice");
}
END_TEST

START_TEST (test_fact_that_is_also_a_parent)
{
  static const char *const decl = "{\"type\": \"bool\", \"label\": {\"nl\": \"p\", \"fr\": \"p\", \"en\": \"p\"},"
                                  " \"supplied_by\": \"person\"}";
  /* "person" declared after person.birth_date. */
  json_object *root = default_json ();
  ptr_set_json (root, "/facts/person", decl);
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_DUPLICATE, "rules.json: /facts/person: ",
                     "\"person\" is the parent of other facts, so it cannot be a fact");
  /* "person" declared first: the error is on the first fact below it. */
  root = default_json ();
  json_object *facts = json_object_new_object ();
  json_object_object_add (facts, "person", J (decl));
  json_object_object_foreach (ptr_get (root, "/facts"), key, value)
    json_object_object_add (facts, key, json_object_get (value));
  ptr_set (root, "/facts", facts);
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_DUPLICATE, "rules.json: /facts/person.birth_date: ",
                     "\"person\" is declared as a fact, so it cannot hold \"person.birth_date\"");
}
END_TEST

START_TEST (test_confidence_low_rejected)
{
  json_object *root = default_json ();
  ptr_set_json (root, "/measures/0/conditions/2/confidence", "\"L\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /measures/0/conditions/2/confidence: ",
                     "\"H\"", "\"M\"", "not \"L\"");
  root = default_json ();
  ptr_set_json (root, "/measures/0/conditions/2/confidence", "\"h\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /measures/0/conditions/2/confidence: ");
}
END_TEST

START_TEST (test_invalid_date_in_exists)
{
  json_object *root = default_json ();
  ptr_set_json (root, "/measures/0/exists/valid_from", "\"2017-02-30\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /measures/0/exists/valid_from: ",
                     "expected a valid date \"YYYY-MM-DD\"", "\"2017-02-30\"");
  root = default_json ();
  ptr_set_json (root, "/measures/0/exists/valid_from", "\"1 januari 2017\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /measures/0/exists/valid_from: ");
  root = default_json ();
  ptr_set_json (root, "/measures/0/exists/valid_from", "\"2017-01-01\"");
  ptr_set_json (root, "/measures/0/exists/valid_to", "\"2016-12-31\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /measures/0/exists: ",
                     "\"valid_to\" is before \"valid_from\"");
  /* A date literal inside an expression. */
  root = default_json ();
  ptr_set_json (root, "/measures/1/conditions/2/when", "{\"<\": [{\"as_of\": {}}, {\"date\": \"2017-13-01\"}]}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /measures/1/conditions/2/when/</1/date: ",
                     "valid date");
}
END_TEST

START_TEST (test_wrong_json_types)
{
  json_object *root = default_json ();
  ptr_set_json (root, "/measures", "{}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TYPE, "rules.json: /measures: ", "expected an array, found an object");
  root = default_json ();
  ptr_set_json (root, "/facts/work_capacity/min", "\"0\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TYPE, "rules.json: /facts/work_capacity/min: ",
                     "expected a number, found a string");
  root = default_json ();
  ptr_set_json (root, "/facts/barriers/type", "\"set\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /facts/barriers/type: ", "unknown type \"set\"");
}
END_TEST

/* ---- size limits ----------------------------------------------------------------------------------------- */

/* {"not": {"not": … true}} with @n operators: n + 1 expression levels. */
static char *
nested_not (int n)
{
  GString *s = g_string_new (NULL);
  for (int i = 0; i < n; i++)
    g_string_append (s, "{\"not\": ");
  g_string_append (s, "true");
  for (int i = 0; i < n; i++)
    g_string_append_c (s, '}');
  return g_string_free (s, FALSE);
}

START_TEST (test_expression_too_deep)
{
  /* 65 levels. */
  g_autofree char *deep = nested_not (64);
  json_object *root = default_json ();
  ptr_set_json (root, "/measures/0/conditions/0/when", deep);
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TOO_LARGE, "rules.json: /measures/0/conditions/0/when/not/not/",
                     "expression nested deeper than 64 levels");
  /* Far deeper, still within the JSON nesting the parser allows. */
  g_autofree char *deeper = nested_not (100);
  root = default_json ();
  ptr_set_json (root, "/measures/0/conditions/0/when", deeper);
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TOO_LARGE, "expression nested deeper than 64 levels");
  /* Exactly 64 levels is allowed. */
  g_autofree char *ok = nested_not (63);
  root = default_json ();
  ptr_set_json (root, "/measures/0/conditions/0/when", ok);
  ActiveringRuleSet *rules = assert_loads (root);
  activering_rule_set_unref (rules);
}
END_TEST

/* {"all": [{"all": [… true]}]} with @n operators: n + 1 expression levels, but 2n + 1 JSON levels. */
static char *
nested_all (int n)
{
  GString *s = g_string_new (NULL);
  for (int i = 0; i < n; i++)
    g_string_append (s, "{\"all\": [");
  g_string_append (s, "true");
  for (int i = 0; i < n; i++)
    g_string_append (s, "]}");
  return g_string_free (s, FALSE);
}

START_TEST (test_expression_depth_with_arrays)
{
  /* The 64-level limit is on expressions, whatever JSON they are written in: 64 levels of "all" (two JSON levels
   * each) inside a measure must load, and 65 must be refused by the expression limit, naming the path. */
  g_autofree char *ok = nested_all (63);
  json_object *root = default_json ();
  ptr_set_json (root, "/measures/0/conditions/0/when", ok);
  ActiveringRuleSet *rules = assert_loads (root);
  activering_rule_set_unref (rules);
  g_autofree char *deep = nested_all (64);
  root = default_json ();
  ptr_set_json (root, "/measures/0/conditions/0/when", deep);
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TOO_LARGE, "rules.json: /measures/0/conditions/0/when/all/0/all/0/",
                     "expression nested deeper than 64 levels");
}
END_TEST

/* ---- getters --------------------------------------------------------------------------------------------- */

START_TEST (test_getters_header)
{
  g_autoptr (ActiveringRuleSet) rules = test_default_rules ();
  json_object *root = default_json ();
  ck_assert_str_eq (activering_rule_set_get_id (rules), "be-vlaanderen");
  ck_assert_str_eq (activering_rule_set_get_version (rules), json_str (root, "/version"));
  ck_assert_str_eq (activering_rule_set_get_id (rules), json_str (root, "/id"));
  static const char *const langs[] = { "nl", "fr", "en" };
  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_autofree char *pointer = g_strconcat ("/title/", langs[i], NULL);
      ck_assert_str_eq (activering_rule_set_get_title (rules, langs[i]), json_str (root, pointer));
      ck_assert (activering_rule_set_has_language (rules, langs[i]));
    }
  ck_assert (g_str_has_prefix (activering_rule_set_get_title (rules, "nl"), "Activering"));
  ck_assert_str_ne (activering_rule_set_get_title (rules, "nl"), activering_rule_set_get_title (rules, "fr"));
  ck_assert_str_ne (activering_rule_set_get_title (rules, "fr"), activering_rule_set_get_title (rules, "en"));
  /* NULL is the first language. */
  ck_assert_str_eq (activering_rule_set_get_title (rules, NULL), activering_rule_set_get_title (rules, "nl"));
  /* Unknown languages. */
  ck_assert_ptr_null (activering_rule_set_get_title (rules, "de"));
  ck_assert_ptr_null (activering_rule_set_get_title (rules, ""));
  ck_assert_ptr_null (activering_rule_set_get_title (rules, "NL"));
  ck_assert (!activering_rule_set_has_language (rules, "de"));
  ck_assert (!activering_rule_set_has_language (rules, NULL));
  json_object_put (root);
}
END_TEST

START_TEST (test_getters_measures)
{
  g_autoptr (ActiveringRuleSet) rules = test_default_rules ();
  json_object *root = default_json ();
  json_object *measures = ptr_get (root, "/measures");
  guint n = (guint) json_object_array_length (measures);
  ck_assert_uint_ge (n, 4);
  ck_assert_uint_eq (activering_rule_set_get_n_measures (rules), n);
  /* The four measures of the Flemish rule set, and who decides on them. */
  static const char *const known[] = { "twe_ocmw", "art60", "ibo", "individueel_maatwerk" };
  static const char *const deciders[] = { "ocmw", "ocmw", "vdab.ibo_consulent", "vdab.indicering" };
  for (guint k = 0; k < G_N_ELEMENTS (known); k++)
    {
      int index = activering_rule_set_lookup_measure (rules, known[k]);
      ck_assert_msg (index >= 0, "no measure %s", known[k]);
      ck_assert_str_eq (activering_rule_set_get_measure_decided_by (rules, (guint) index), deciders[k]);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *code_ptr = g_strdup_printf ("/measures/%u/code", i);
      g_autofree char *decided_ptr = g_strdup_printf ("/measures/%u/decided_by", i);
      const char *code = json_str (root, code_ptr);
      ck_assert_str_eq (activering_rule_set_get_measure_code (rules, i), code);
      ck_assert_int_eq (activering_rule_set_lookup_measure (rules, code), (int) i);
      ck_assert_str_eq (activering_rule_set_get_measure_decided_by (rules, i), json_str (root, decided_ptr));
      for (guint l = 0; l < 3; l++)
        {
          static const char *const langs[] = { "nl", "fr", "en" };
          g_autofree char *pointer = g_strdup_printf ("/measures/%u/label/%s", i, langs[l]);
          ck_assert_str_eq (activering_rule_set_get_measure_label (rules, i, langs[l]), json_str (root, pointer));
        }
      ck_assert_str_eq (activering_rule_set_get_measure_label (rules, i, NULL),
                        activering_rule_set_get_measure_label (rules, i, "nl"));
      ck_assert_ptr_null (activering_rule_set_get_measure_label (rules, i, "de"));
      /* The definition as written. */
      g_autofree char *text = activering_rule_set_dup_measure_json (rules, i);
      ck_assert_ptr_nonnull (text);
      json_object *m = J (text);
      ck_assert_str_eq (json_str (m, "/code"), code);
      g_autofree char *pointer = g_strdup_printf ("/measures/%u", i);
      ck_assert_msg (json_object_equal (m, ptr_get (root, pointer)), "measure %u: the JSON differs from the file", i);
      json_object_put (m);
    }
  ck_assert_str_ne (activering_rule_set_get_measure_label (rules, 0, "nl"),
                    activering_rule_set_get_measure_label (rules, 0, "fr"));
  ck_assert_int_eq (activering_rule_set_lookup_measure (rules, "art6"), -1);
  ck_assert_int_eq (activering_rule_set_lookup_measure (rules, "TWE_OCMW"), -1);
  ck_assert_int_eq (activering_rule_set_lookup_measure (rules, ""), -1);
  ck_assert_int_eq (activering_rule_set_lookup_measure (rules, NULL), -1);
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_rule_set_get_measure_label (rules, n, "nl")));
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_rule_set_dup_measure_json (rules, n)));
  json_object_put (root);
}
END_TEST

START_TEST (test_getters_facts_and_roles)
{
  g_autoptr (ActiveringRuleSet) rules = test_default_rules ();
  json_object *root = default_json ();
  json_object *facts = ptr_get (root, "/facts");
  ck_assert_uint_eq (activering_rule_set_get_n_facts (rules), (guint) json_object_object_length (facts));
  guint i = 0;
  json_object_object_foreach (facts, path, decl)
    {
      ck_assert_str_eq (activering_rule_set_get_fact_path (rules, i), path);
      ck_assert_int_eq (activering_rule_set_lookup_fact (rules, path), (int) i);
      ck_assert_str_eq (activering_rule_set_get_fact_supplied_by (rules, i),
                        json_object_get_string (json_object_object_get (decl, "supplied_by")));
      json_object *label = json_object_object_get (decl, "label");
      ck_assert_str_eq (activering_rule_set_get_fact_label (rules, i, "nl"),
                        json_object_get_string (json_object_object_get (label, "nl")));
      ck_assert_str_eq (activering_rule_set_get_fact_label (rules, i, "fr"),
                        json_object_get_string (json_object_object_get (label, "fr")));
      ck_assert_str_eq (activering_rule_set_get_fact_label (rules, i, "en"),
                        json_object_get_string (json_object_object_get (label, "en")));
      ck_assert_ptr_null (activering_rule_set_get_fact_label (rules, i, "de"));
      i++;
    }
  int wc = activering_rule_set_lookup_fact (rules, "work_capacity");
  ck_assert_int_ge (wc, 0);
  ck_assert_str_eq (activering_rule_set_get_fact_supplied_by (rules, (guint) wc), "ocmw.trajectbegeleider");
  ck_assert_int_eq (activering_rule_set_lookup_fact (rules, "person"), -1);   /* a parent, not a fact */
  ck_assert_int_eq (activering_rule_set_lookup_fact (rules, "as_of"), -1);
  ck_assert_int_eq (activering_rule_set_lookup_fact (rules, "vdab.registred"), -1);
  ck_assert_int_eq (activering_rule_set_lookup_fact (rules, NULL), -1);
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_rule_set_get_fact_label (rules, 9999, "nl")));

  /* Roles. */
  json_object_object_foreach (ptr_get (root, "/roles"), code, role)
    {
      json_object *label = json_object_object_get (role, "label");
      ck_assert_str_eq (activering_rule_set_get_role_label (rules, code, "nl"),
                        json_object_get_string (json_object_object_get (label, "nl")));
      ck_assert_str_eq (activering_rule_set_get_role_label (rules, code, "fr"),
                        json_object_get_string (json_object_object_get (label, "fr")));
      ck_assert_str_eq (activering_rule_set_get_role_label (rules, code, "en"),
                        json_object_get_string (json_object_object_get (label, "en")));
      ck_assert_str_eq (activering_rule_set_get_role_label (rules, code, NULL),
                        activering_rule_set_get_role_label (rules, code, "nl"));
      ck_assert_ptr_null (activering_rule_set_get_role_label (rules, code, "de"));
    }
  ck_assert_str_eq (activering_rule_set_get_role_label (rules, "vdab.bemiddelaar", "nl"),
                    json_str (root, "/roles/vdab.bemiddelaar/label/nl"));
  ck_assert_ptr_null (activering_rule_set_get_role_label (rules, "vdab.bemiddelaar.x", "nl"));
  ck_assert_ptr_null (activering_rule_set_get_role_label (rules, NULL, "nl"));
  json_object_put (root);
}
END_TEST

/* ---- digest ---------------------------------------------------------------------------------------------- */

static void
assert_digest_form (const char *digest)
{
  ck_assert_ptr_nonnull (digest);
  ck_assert_uint_eq (strlen (digest), strlen ("sha256:") + 64);
  ck_assert (g_str_has_prefix (digest, "sha256:"));
  for (const char *p = digest + 7; *p; p++)
    ck_assert_msg ((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f'), "not lowercase hex: %s", digest);
}

START_TEST (test_digest)
{
  gsize length = 0;
  g_autofree char *raw = test_read_file (RULES_FILE, &length);
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringRuleSet) rules = activering_rule_set_new_from_data (raw, (gssize) length, NULL, &error);
  ck_assert_msg (rules != NULL, "%s", error ? error->message : "?");
  const char *digest = activering_rule_set_get_digest (rules);
  assert_digest_form (digest);
  /* It is the SHA-256 of the bytes. */
  g_autofree char *hex = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) raw, length);
  g_autofree char *expected = g_strconcat ("sha256:", hex, NULL);
  ck_assert_str_eq (digest, expected);
  /* The embedded default is the file, byte for byte. */
  g_autoptr (ActiveringRuleSet) builtin = test_default_rules ();
  ck_assert_str_eq (activering_rule_set_get_digest (builtin), digest);
  /* The same bytes, the same digest. */
  g_autoptr (ActiveringRuleSet) again = activering_rule_set_new_from_data (raw, (gssize) length, "other", &error);
  ck_assert_str_eq (activering_rule_set_get_digest (again), digest);

  /* One byte changed (a letter of the title): another digest. */
  char *note = strstr (raw, "Activering");
  ck_assert_ptr_nonnull (note);
  note[0] = 'a';
  g_autoptr (ActiveringRuleSet) changed = activering_rule_set_new_from_data (raw, (gssize) length, NULL, &error);
  ck_assert_msg (changed != NULL, "%s", error ? error->message : "?");
  assert_digest_form (activering_rule_set_get_digest (changed));
  ck_assert_str_ne (activering_rule_set_get_digest (changed), digest);
  /* One byte of layout changed: still another digest (the digest is of the bytes, not the meaning). */
  note[0] = 'A';
  char *newline = strchr (raw, '\n');
  ck_assert_ptr_nonnull (newline);
  *newline = ' ';
  g_autoptr (ActiveringRuleSet) relaid = activering_rule_set_new_from_data (raw, (gssize) length, NULL, &error);
  ck_assert_msg (relaid != NULL, "%s", error ? error->message : "?");
  ck_assert_str_ne (activering_rule_set_get_digest (relaid), digest);
  ck_assert_str_ne (activering_rule_set_get_digest (relaid), activering_rule_set_get_digest (changed));
  /* Only @length bytes count, not what follows them. */
  *newline = '\n';
  GString *padded = g_string_new_len (raw, (gssize) length);
  g_string_append (padded, "garbage that is not part of the document");
  g_autoptr (ActiveringRuleSet) prefix = activering_rule_set_new_from_data (padded->str, (gssize) length, NULL, &error);
  ck_assert_msg (prefix != NULL, "%s", error ? error->message : "?");
  ck_assert_str_eq (activering_rule_set_get_digest (prefix), digest);
  g_string_free (padded, TRUE);
}
END_TEST

/* ---- files ----------------------------------------------------------------------------------------------- */

START_TEST (test_from_file)
{
  g_autofree char *path = test_path (RULES_FILE);
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringRuleSet) rules = activering_rule_set_new_from_file (path, &error);
  ck_assert_msg (rules != NULL, "%s", error ? error->message : "?");
  ck_assert_str_eq (activering_rule_set_get_id (rules), "be-vlaanderen");
  g_autoptr (ActiveringRuleSet) builtin = test_default_rules ();
  ck_assert_str_eq (activering_rule_set_get_digest (rules), activering_rule_set_get_digest (builtin));

  /* A missing file. */
  g_autofree char *missing = test_path ("data/rules/does-not-exist.json");
  ck_assert_ptr_null (activering_rule_set_new_from_file (missing, &error));
  test_assert_error (error, ACTIVERING_ERROR_IO, missing, NULL);
  g_clear_error (&error);
  /* A directory. */
  g_autofree char *dir = test_path ("data/rules");
  ck_assert_ptr_null (activering_rule_set_new_from_file (dir, &error));
  test_assert_error (error, ACTIVERING_ERROR_IO, NULL);
  g_clear_error (&error);

  /* A bad file: errors are named after the file. */
  g_autofree char *tmpdir = g_dir_make_tmp ("check-rules-XXXXXX", &error);
  ck_assert_msg (tmpdir != NULL, "%s", error ? error->message : "?");
  g_autofree char *bad = g_build_filename (tmpdir, "bad.json", NULL);
  json_object *root = default_json ();
  ptr_set_json (root, "/measures/0/decided_by", "\"nobody\"");
  g_autofree char *text = serialise (root);
  json_object_put (root);
  ck_assert (g_file_set_contents (bad, text, -1, &error));
  ck_assert_ptr_null (activering_rule_set_new_from_file (bad, &error));
  g_autofree char *prefix = g_strconcat (bad, ": /measures/0/decided_by: ", NULL);
  test_assert_error (error, ACTIVERING_ERROR_UNKNOWN_REF, prefix, "unknown role \"nobody\"", NULL);
  g_remove (bad);
  g_rmdir (tmpdir);
}
END_TEST

/* ---- no built-in knowledge ------------------------------------------------------------------------------- */

static const char mini_rules[] =
  "{\n"
  "  // a club with one rule\n"
  "  \"format\": \"activering.rules/1\",\n"
  "  \"id\": \"mini-club\",\n"
  "  \"version\": \"0.0.1\",\n"
  "  \"languages\": [\"en\", \"nl\"],\n"
  "  \"title\": {\"en\": \"Mini club\", \"nl\": \"Miniclub\"},\n"
  "  \"roles\": {\"clerk\": {\"label\": {\"en\": \"Clerk\", \"nl\": \"Bediende\"}}},\n"
  "  \"facts\": {\n"
  "    \"member.age\": {\"type\": \"integer\", \"min\": 0, \"max\": 150,\n"
  "                   \"label\": {\"en\": \"Age\", \"nl\": \"Leeftijd\"}, \"supplied_by\": \"clerk\"},\n"
  "    \"member.paid\": {\"type\": \"bool\", \"label\": {\"en\": \"Paid\", \"nl\": \"Betaald\"}, \"supplied_by\": \"clerk\"}\n"
  "  },\n"
  "  \"parameters\": {\n"
  "    \"club.min_age\": {\"type\": \"integer\", \"unit\": \"years\", \"label\": {\"en\": \"Minimum age\", \"nl\": \"Minimumleeftijd\"},\n"
  "                     \"legal_basis\": \"house rule 1\",\n"
  "                     \"values\": [{\"from\": \"2000-01-01\", \"until\": \"2019-12-31\", \"value\": 18},\n"
  "                                {\"from\": \"2020-01-01\", \"value\": 16}]}\n"
  "  },\n"
  "  \"measures\": [{\n"
  "    \"code\": \"entry\", \"label\": {\"en\": \"Entry\", \"nl\": \"Toegang\"}, \"legal_basis\": \"house rules\",\n"
  "    \"decided_by\": \"clerk\", \"exists\": {\"valid_from\": \"2000-01-01\", \"valid_to\": null},\n"
  "    \"conditions\": [\n"
  "      {\"id\": \"old_enough\", \"when\": {\">=\": [{\"fact\": \"member.age\"}, {\"param\": \"club.min_age\"}]},\n"
  "       \"text\": {\"true\": {\"en\": \"old enough\", \"nl\": \"oud genoeg\"}, \"false\": {\"en\": \"too young\", \"nl\": \"te jong\"},\n"
  "                \"unknown\": {\"en\": \"age?\", \"nl\": \"leeftijd?\"}},\n"
  "       \"legal_basis\": \"house rule 1\", \"confidence\": \"H\"},\n"
  "      {\"id\": \"paid\", \"when\": {\"==\": [{\"fact\": \"member.paid\"}, true]},\n"
  "       \"text\": {\"true\": {\"en\": \"paid\", \"nl\": \"betaald\"}, \"false\": {\"en\": \"not paid\", \"nl\": \"niet betaald\"},\n"
  "                \"unknown\": {\"en\": \"paid?\", \"nl\": \"betaald?\"}},\n"
  "       \"legal_basis\": \"house rule 2\", \"confidence\": \"M\"}\n"
  "    ]\n"
  "  }]\n"
  "}\n";

static ActiveringOutcome
mini_outcome (ActiveringRuleSet *rules, const char *facts_json)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringFacts) facts = activering_facts_new_from_data (rules, facts_json, -1, &error);
  ck_assert_msg (facts != NULL, "facts do not parse: %s", error ? error->message : "?");
  g_autoptr (ActiveringEvaluation) ev = activering_evaluation_new (rules);
  ck_assert_msg (activering_evaluation_run (ev, facts, NULL, ACTIVERING_EVALUATE_DEFAULT, &error), "%s",
                 error ? error->message : "?");
  return activering_evaluation_get_outcome (ev, 0);
}

START_TEST (test_minimal_rule_set)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringRuleSet) rules = activering_rule_set_new_from_data (mini_rules, -1, "mini.json", &error);
  ck_assert_msg (rules != NULL, "the minimal rule set does not load: %s", error ? error->message : "?");
  ck_assert_str_eq (activering_rule_set_get_id (rules), "mini-club");
  ck_assert_str_eq (activering_rule_set_get_version (rules), "0.0.1");
  ck_assert_str_eq (activering_rule_set_get_title (rules, NULL), "Mini club");
  ck_assert_str_eq (activering_rule_set_get_title (rules, "nl"), "Miniclub");
  ck_assert_ptr_null (activering_rule_set_get_title (rules, "fr"));
  ck_assert_uint_eq (activering_rule_set_get_n_measures (rules), 1);
  ck_assert_str_eq (activering_rule_set_get_measure_code (rules, 0), "entry");
  ck_assert_str_eq (activering_rule_set_get_measure_decided_by (rules, 0), "clerk");
  ck_assert_uint_eq (activering_rule_set_get_n_facts (rules), 2);
  ck_assert_str_eq (activering_rule_set_get_role_label (rules, "clerk", "nl"), "Bediende");
  /* Nothing of the Flemish rules is left. */
  ck_assert_int_eq (activering_rule_set_lookup_measure (rules, "twe_ocmw"), -1);
  ck_assert_int_eq (activering_rule_set_lookup_fact (rules, "region"), -1);
  ck_assert_ptr_null (activering_rule_set_get_role_label (rules, "ocmw", "nl"));
  g_autoptr (ActiveringFacts) flemish = activering_facts_new_from_data (
      rules, "{\"format\": \"activering.facts/1\", \"id\": \"x\", \"region\": \"vlaanderen\"}", -1, &error);
  ck_assert_ptr_null (flemish);
  test_assert_error (error, ACTIVERING_ERROR_UNKNOWN_KEY, "/region", NULL);
  g_clear_error (&error);

  ck_assert_int_eq (mini_outcome (rules, "{\"format\": \"activering.facts/1\", \"id\": \"a\", \"as_of\": \"2024-05-01\","
                                         " \"member\": {\"age\": 17, \"paid\": true}}"),
                    ACTIVERING_OUTCOME_ELIGIBLE);
  ck_assert_int_eq (mini_outcome (rules, "{\"format\": \"activering.facts/1\", \"id\": \"b\", \"as_of\": \"2024-05-01\","
                                         " \"member\": {\"age\": 15, \"paid\": true}}"),
                    ACTIVERING_OUTCOME_NOT_ELIGIBLE);
  /* The parameter in force in 2019 was 18. */
  ck_assert_int_eq (mini_outcome (rules, "{\"format\": \"activering.facts/1\", \"id\": \"c\", \"as_of\": \"2019-12-31\","
                                         " \"member\": {\"age\": 17, \"paid\": true}}"),
                    ACTIVERING_OUTCOME_NOT_ELIGIBLE);
  ck_assert_int_eq (mini_outcome (rules, "{\"format\": \"activering.facts/1\", \"id\": \"d\", \"as_of\": \"2024-05-01\","
                                         " \"member\": {\"age\": 17}}"),
                    ACTIVERING_OUTCOME_UNDETERMINED);
  ck_assert_int_eq (mini_outcome (rules, "{\"format\": \"activering.facts/1\", \"id\": \"e\", \"as_of\": \"1999-12-31\","
                                         " \"member\": {\"age\": 40, \"paid\": true}}"),
                    ACTIVERING_OUTCOME_NOT_APPLICABLE);

  /* The missing fact is asked of the rule set's own role. */
  g_autoptr (ActiveringFacts) facts = activering_facts_new_from_data (
      rules,
      "{\"format\": \"activering.facts/1\", \"id\": \"f\", \"as_of\": \"2024-05-01\", \"member\": {\"paid\": true}}",
      -1, &error);
  ck_assert_ptr_nonnull (facts);
  g_autoptr (ActiveringEvaluation) ev = activering_evaluation_new (rules);
  ck_assert (activering_evaluation_run (ev, facts, NULL, ACTIVERING_EVALUATE_DEFAULT, &error));
  ck_assert_uint_eq (activering_evaluation_get_n_missing (ev, 0), 1);
  ck_assert_str_eq (activering_evaluation_get_missing_fact (ev, 0, 0), "member.age");
  ck_assert_str_eq (activering_evaluation_get_missing_asked_of (ev, 0, 0), "clerk");
  ck_assert_str_eq (activering_evaluation_get_condition_text (ev, 0, 0, "nl"), "leeftijd?");
  ck_assert_str_eq (activering_evaluation_get_condition_text (ev, 0, 1, NULL), "paid");

  /* Another rule file, other answers: a new minimum age. */
  json_object *root = J (mini_rules);
  ptr_set_json (root, "/parameters/club.min_age/values/1/value", "18");
  g_autoptr (ActiveringRuleSet) stricter = assert_loads (root);
  ck_assert_int_eq (mini_outcome (stricter, "{\"format\": \"activering.facts/1\", \"id\": \"a\", \"as_of\": \"2024-05-01\","
                                            " \"member\": {\"age\": 17, \"paid\": true}}"),
                    ACTIVERING_OUTCOME_NOT_ELIGIBLE);
  ck_assert_str_ne (activering_rule_set_get_digest (stricter), activering_rule_set_get_digest (rules));
}
END_TEST

/* A fact no facts document could ever hold is refused: under a key every document has, too deep, too many values. */
START_TEST (test_unsuppliable_facts)
{
  static const char *const decl = "{\"type\": \"bool\", \"label\": {\"en\": \"X\", \"nl\": \"X\"}, "
                                  "\"supplied_by\": \"clerk\"}";
  static const struct { const char *path; int code; const char *says; } cases[] = {
    { "id.extra", ACTIVERING_ERROR_INVALID_VALUE, "does not start with \"format\", \"id\" or \"as_of\"" },
    { "as_of.day", ACTIVERING_ERROR_INVALID_VALUE, "does not start with" },
    { "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q", ACTIVERING_ERROR_TOO_LARGE, "at most 16 segments" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      json_object *root = J (mini_rules);
      g_autofree char *pointer = g_strconcat ("/facts/", cases[i].path, NULL);
      ptr_set_json (root, pointer, decl);
      g_autofree char *text = serialise (root);
      json_object_put (root);
      g_autoptr (GError) error = NULL;
      g_autoptr (ActiveringRuleSet) rules = activering_rule_set_new_from_data (text, -1, "rules.json", &error);
      ck_assert (rules == NULL);
      g_autofree char *where = g_strconcat ("rules.json: /facts/", cases[i].path, ":", NULL);
      test_assert_error (error, cases[i].code, where, cases[i].says, NULL);
    }
  /* An enum of 4097 values. */
  GString *values = g_string_new ("[");
  for (int v = 0; v < 4097; v++)
    g_string_append_printf (values, "%s\"v%d\"", v ? "," : "", v);
  g_string_append_c (values, ']');
  g_autofree char *big = g_strdup_printf ("{\"type\": \"enum\", \"values\": %s, \"label\": {\"en\": \"X\", "
                                          "\"nl\": \"X\"}, \"supplied_by\": \"clerk\"}", values->str);
  g_string_free (values, TRUE);
  json_object *root = J (mini_rules);
  ptr_set_json (root, "/facts/big", big);
  g_autofree char *text = serialise (root);
  json_object_put (root);
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringRuleSet) rules = activering_rule_set_new_from_data (text, -1, "rules.json", &error);
  ck_assert (rules == NULL);
  test_assert_error (error, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /facts/big/values:", "1 to 4096 values", NULL);
}
END_TEST

START_TEST (test_documented_fact_types)
{
  /* docs/rule-language.md lists bool, integer, number, date, enum, enum_list and runs. Anything else (free text
   * such as a name would be, which has no place in a dossier) is refused with the list of what is supported. */
  json_object *root = J (mini_rules);
  ptr_set_json (root, "/facts/member.name",
                "{\"type\": \"string\", \"label\": {\"en\": \"Name\", \"nl\": \"Naam\"}, \"supplied_by\": \"clerk\"}");
  g_autoptr (GError) error = NULL;
  g_autofree char *text = serialise (root);
  json_object_put (root);
  g_autoptr (ActiveringRuleSet) rules = activering_rule_set_new_from_data (text, -1, "rules.json", &error);
  ck_assert (rules == NULL);
  test_assert_error (error, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /facts/member.name/type:",
                     "unknown type \"string\"", "bool, integer, number, date, enum, enum_list, runs or id", NULL);
}
END_TEST

/* ---- phase models ---------------------------------------------------------------------------------------- */

/* A text with the same string in the default rule set's three languages. */
#define TEXT3(s) "{\"nl\": \"" s "\", \"fr\": \"" s "\", \"en\": \"" s "\"}"

/* Copies the node at @from to @to (a deep copy: the two can be mutated apart). */
static void
ptr_copy (json_object *root, const char *from, const char *to)
{
  g_autofree char *text = g_strdup (json_object_to_json_string_ext (ptr_get (root, from), JSON_C_TO_STRING_PLAIN));
  ptr_set (root, to, J (text));
}

/* Sets the string at @pointer to itself followed by @suffix. */
static void
ptr_append_text (json_object *root, const char *pointer, const char *suffix)
{
  g_autofree char *text = g_strconcat (json_str (root, pointer), suffix, NULL);
  ptr_set (root, pointer, json_object_new_string (text));
}

/* A phase model of @n phases p0..p(n-1) and no transitions. */
static char *
model_of_n_phases (guint n)
{
  GString *s = g_string_new ("{\"label\": " TEXT3 ("Big") ", \"description\": " TEXT3 ("Big") ", \"phases\": [");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s{\"code\": \"p%u\", \"label\": " TEXT3 ("P") ", \"description\": " TEXT3 ("P")
                            ", \"measures\": []}", i ? ", " : "", i);
  g_string_append (s, "], \"transitions\": []}");
  return g_string_free (s, FALSE);
}

/* An OCMW's own model, to replace ocmw7. */
static const char *const own_model
    = "{\"label\": {\"nl\": \"Eigen model\", \"fr\": \"Modèle propre\", \"en\": \"Own model\"},"
      " \"description\": " TEXT3 ("Three phases") ", \"source\": \"OCMW Eigenstad\","
      " \"phases\": ["
      "  {\"code\": \"intake\", \"label\": {\"nl\": \"Intake\", \"fr\": \"Accueil\", \"en\": \"Intake\"},"
      "   \"description\": " TEXT3 ("First talk") ", \"entry\": true, \"measures\": [\"twe_ocmw\"]},"
      "  {\"code\": \"werk\", \"label\": {\"nl\": \"Werk\", \"fr\": \"Travail\", \"en\": \"Work\"},"
      "   \"description\": " TEXT3 ("At work") ", \"measures\": [\"art60\", \"ibo\"]},"
      "  {\"code\": \"nazorg_eigen\", \"label\": {\"nl\": \"Nazorg\", \"fr\": \"Suivi\", \"en\": \"Aftercare\"},"
      "   \"description\": " TEXT3 ("After work") ", \"optional\": true, \"measures\": []}],"
      " \"transitions\": ["
      "  {\"from\": \"intake\", \"to\": \"werk\", \"kind\": \"normal\"},"
      "  {\"from\": \"werk\", \"to\": [\"intake\", \"nazorg_eigen\"], \"kind\": \"normal\", \"note\": \"back or on\"},"
      "  {\"from\": [\"intake\"], \"to\": \"nazorg_eigen\", \"kind\": \"warning\"}]}";

START_TEST (test_phase_model_getters)
{
  g_autoptr (ActiveringRuleSet) rules = test_default_rules ();
  ck_assert_uint_eq (activering_rule_set_get_n_phase_models (rules), 2);
  ck_assert_str_eq (activering_rule_set_get_phase_model_code (rules, 0), "ocmw7");
  ck_assert_str_eq (activering_rule_set_get_phase_model_code (rules, 1), "outreach6");
  ck_assert_int_eq (activering_rule_set_lookup_phase_model (rules, "ocmw7"), 0);
  ck_assert_int_eq (activering_rule_set_lookup_phase_model (rules, "outreach6"), 1);
  ck_assert_uint_eq (activering_rule_set_get_n_phases (rules, 0), 7);
  ck_assert_uint_eq (activering_rule_set_get_n_phases (rules, 1), 6);

  /* Labels in every language; no language means the first (nl). */
  ck_assert_str_eq (activering_rule_set_get_phase_model_label (rules, 0, "nl"), "OCMW-activeringsmodel in 7 fasen");
  ck_assert_str_eq (activering_rule_set_get_phase_model_label (rules, 0, "fr"), "Modèle d'activation du CPAS en 7 phases");
  ck_assert_str_eq (activering_rule_set_get_phase_model_label (rules, 0, "en"), "7-phase OCMW activation model");
  ck_assert_str_eq (activering_rule_set_get_phase_model_label (rules, 0, NULL), "OCMW-activeringsmodel in 7 fasen");
  ck_assert_str_eq (activering_rule_set_get_phase_model_label (rules, 1, "en"), "6-phase outreach method");

  /* Phases in the order the file lists them. */
  static const char *const ocmw7[] = { "randvoorwaarden",         "screening",               "sociale_activering",
                                       "werkervaring_opleiding",  "professionele_activering", "toeleiding_arbeidsmarkt",
                                       "nazorg" };
  static const char *const outreach6[] = { "toeleiding",  "contactlegging",   "contextvoorwaarden",
                                           "orientering", "warme_overdracht", "opvolging" };
  for (guint p = 0; p < G_N_ELEMENTS (ocmw7); p++)
    ck_assert_str_eq (activering_rule_set_get_phase_code (rules, 0, p), ocmw7[p]);
  for (guint p = 0; p < G_N_ELEMENTS (outreach6); p++)
    ck_assert_str_eq (activering_rule_set_get_phase_code (rules, 1, p), outreach6[p]);
  ck_assert_str_eq (activering_rule_set_get_phase_label (rules, 0, 0, "nl"), "Randvoorwaarden");
  ck_assert_str_eq (activering_rule_set_get_phase_label (rules, 0, 0, "fr"), "Conditions préalables");
  ck_assert_str_eq (activering_rule_set_get_phase_label (rules, 0, 0, "en"), "Preconditions");
  ck_assert_str_eq (activering_rule_set_get_phase_label (rules, 0, 0, NULL), "Randvoorwaarden");
  ck_assert_str_eq (activering_rule_set_get_phase_label (rules, 1, 4, "nl"), "Warme overdracht");
  ck_assert_str_eq (activering_rule_set_get_phase_label (rules, 1, 4, "fr"), "Passage de relais accompagné");
  ck_assert_str_eq (activering_rule_set_get_phase_label (rules, 1, 4, "en"), "Warm handover");

  /* Bad indexes, codes and languages. */
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_rule_set_get_phase_model_code (rules, 2)));
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_rule_set_get_phase_model_code (rules, G_MAXUINT)));
  ck_assert_int_eq (activering_rule_set_lookup_phase_model (rules, "ocmw"), -1);
  ck_assert_int_eq (activering_rule_set_lookup_phase_model (rules, "OCMW7"), -1);
  ck_assert_int_eq (activering_rule_set_lookup_phase_model (rules, "ocmw7 "), -1);
  ck_assert_int_eq (activering_rule_set_lookup_phase_model (rules, ""), -1);
  ck_assert_int_eq (activering_rule_set_lookup_phase_model (rules, NULL), -1);
  ck_assert_int_eq (activering_rule_set_lookup_phase_model (rules, "randvoorwaarden"), -1);
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_rule_set_get_phase_model_label (rules, 2, "en")));
  ck_assert_ptr_null (activering_rule_set_get_phase_model_label (rules, 0, "de"));
  ck_assert_ptr_null (activering_rule_set_get_phase_model_label (rules, 0, ""));
  TEST_EXPECT_CRITICAL (ck_assert_uint_eq (activering_rule_set_get_n_phases (rules, 2), 0));
  TEST_EXPECT_CRITICAL (ck_assert_uint_eq (activering_rule_set_get_n_phases (rules, G_MAXUINT), 0));
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_rule_set_get_phase_code (rules, 0, 7)));
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_rule_set_get_phase_code (rules, 1, 6)));
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_rule_set_get_phase_code (rules, 2, 0)));
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_rule_set_get_phase_label (rules, 0, 7, "en")));
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_rule_set_get_phase_label (rules, 2, 0, "en")));
  ck_assert_ptr_null (activering_rule_set_get_phase_label (rules, 0, 0, "de"));
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_rule_set_dup_phase_model_json (rules, 2)));
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_rule_set_dup_phase_model_json (rules, G_MAXUINT)));

  /* The file as loaded by the tests' own route gives the same models. */
  g_autoptr (ActiveringRuleSet) from_file = assert_loads (default_json ());
  ck_assert_uint_eq (activering_rule_set_get_n_phase_models (from_file), 2);
  ck_assert_str_eq (activering_rule_set_get_phase_code (from_file, 1, 5), "opvolging");
}
END_TEST

START_TEST (test_phase_model_json)
{
  g_autoptr (ActiveringRuleSet) rules = test_default_rules ();
  static const guint n_phases[] = { 7, 6 };
  for (guint m = 0; m < 2; m++)
    {
      g_autofree char *text = activering_rule_set_dup_phase_model_json (rules, m);
      ck_assert_ptr_nonnull (text);
      json_object *model = J (text);
      ck_assert (json_object_is_type (model, json_type_object));
      json_object *phases = NULL, *transitions = NULL, *label = NULL, *en = NULL;
      ck_assert (json_object_object_get_ex (model, "phases", &phases));
      ck_assert (json_object_is_type (phases, json_type_array));
      ck_assert_uint_eq (json_object_array_length (phases), n_phases[m]);
      for (guint p = 0; p < n_phases[m]; p++)
        {
          json_object *code = NULL;
          ck_assert (json_object_object_get_ex (json_object_array_get_idx (phases, p), "code", &code));
          ck_assert_str_eq (json_object_get_string (code), activering_rule_set_get_phase_code (rules, m, p));
          ck_assert (json_object_object_get_ex (json_object_array_get_idx (phases, p), "measures", NULL));
        }
      ck_assert (json_object_object_get_ex (model, "transitions", &transitions));
      ck_assert (json_object_is_type (transitions, json_type_array));
      ck_assert (json_object_object_get_ex (model, "label", &label));
      ck_assert (json_object_object_get_ex (label, "en", &en));
      ck_assert_str_eq (json_object_get_string (en), activering_rule_set_get_phase_model_label (rules, m, "en"));
      json_object_put (model);
    }
  /* The ocmw7 model holds what the file says of it, transitions and all. */
  g_autofree char *text = activering_rule_set_dup_phase_model_json (rules, 0);
  json_object *model = J (text);
  json_object *file = default_json ();
  ck_assert_uint_eq (json_object_array_length (ptr_get (model, "/transitions")),
                     json_object_array_length (ptr_get (file, "/phase_models/ocmw7/transitions")));
  ck_assert_str_eq (json_str (model, "/source"), json_str (file, "/phase_models/ocmw7/source"));
  ck_assert_str_eq (json_str (model, "/phases/2/measures/0"), "art60");
  ck_assert (json_object_get_boolean (ptr_get (model, "/phases/0/entry")));
  json_object_put (file);
  json_object_put (model);
}
END_TEST

START_TEST (test_own_phase_model)
{
  /* An OCMW ships its own model in place of ocmw7, with a correspondence from outreach6 to it and fewer checks. */
  json_object *root = default_json ();
  ptr_delete (root, "/phase_models/ocmw7");
  ptr_set_json (root, "/phase_models/eigen3", own_model);
  ptr_set_json (root, "/phase_correspondences",
                "[{\"from\": \"outreach6\", \"to\": \"eigen3\", \"phases\": {\"orientering\": [\"intake\"],"
                " \"warme_overdracht\": \"werk\", \"opvolging\": [\"nazorg_eigen\"]},"
                " \"handover\": {\"warme_overdracht\": [\"werk\"]}}]");
  ptr_delete (root, "/trajectory_checks/1");
  ptr_delete (root, "/tasks"); /* their triggers name ocmw7's phases */
  ptr_delete (root, "/organisation");
  g_autoptr (ActiveringRuleSet) rules = assert_loads (root);
  ck_assert_uint_eq (activering_rule_set_get_n_phase_models (rules), 2);
  ck_assert_int_eq (activering_rule_set_lookup_phase_model (rules, "ocmw7"), -1);
  int own = activering_rule_set_lookup_phase_model (rules, "eigen3");
  ck_assert_int_ge (own, 0);
  ck_assert_str_eq (activering_rule_set_get_phase_model_code (rules, (guint) own), "eigen3");
  ck_assert_str_eq (activering_rule_set_get_phase_model_label (rules, (guint) own, "fr"), "Modèle propre");
  ck_assert_uint_eq (activering_rule_set_get_n_phases (rules, (guint) own), 3);
  ck_assert_str_eq (activering_rule_set_get_phase_code (rules, (guint) own, 0), "intake");
  ck_assert_str_eq (activering_rule_set_get_phase_code (rules, (guint) own, 2), "nazorg_eigen");
  ck_assert_str_eq (activering_rule_set_get_phase_label (rules, (guint) own, 1, "fr"), "Travail");
  ck_assert_str_eq (activering_rule_set_get_phase_label (rules, (guint) own, 2, "en"), "Aftercare");
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_rule_set_get_phase_code (rules, (guint) own, 3)));
  g_autofree char *text = activering_rule_set_dup_phase_model_json (rules, (guint) own);
  json_object *model = J (text);
  ck_assert_uint_eq (json_object_array_length (ptr_get (model, "/phases")), 3);
  ck_assert_str_eq (json_str (model, "/source"), "OCMW Eigenstad");
  json_object_put (model);
  g_autoptr (ActiveringRuleSet) builtin = test_default_rules ();
  ck_assert_str_ne (activering_rule_set_get_digest (rules), activering_rule_set_get_digest (builtin));

  /* Only its own model: nothing to correspond to. */
  root = default_json ();
  ptr_set_json (root, "/phase_models", "{}");
  ptr_set_json (root, "/phase_models/eigen3", own_model);
  ptr_delete (root, "/phase_correspondences");
  ptr_delete (root, "/tasks");
  ptr_delete (root, "/organisation");
  g_autoptr (ActiveringRuleSet) alone = assert_loads (root);
  ck_assert_uint_eq (activering_rule_set_get_n_phase_models (alone), 1);
  ck_assert_str_eq (activering_rule_set_get_phase_model_code (alone, 0), "eigen3");
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_rule_set_get_phase_model_code (alone, 1)));

  /* No phase models at all: then trajectory_messages are not needed either. */
  root = default_json ();
  ptr_delete (root, "/phase_models");
  ptr_delete (root, "/phase_correspondences");
  ptr_delete (root, "/trajectory_messages");
  ptr_delete (root, "/tasks");
  ptr_delete (root, "/organisation");
  g_autoptr (ActiveringRuleSet) none = assert_loads (root);
  ck_assert_uint_eq (activering_rule_set_get_n_phase_models (none), 0);
  TEST_EXPECT_CRITICAL (ck_assert_ptr_null (activering_rule_set_get_phase_model_code (none, 0)));
  TEST_EXPECT_CRITICAL (ck_assert_uint_eq (activering_rule_set_get_n_phases (none, 0), 0));
  ck_assert_int_eq (activering_rule_set_lookup_phase_model (none, "ocmw7"), -1);
  root = default_json ();
  ptr_set_json (root, "/phase_models", "{}");
  ptr_delete (root, "/phase_correspondences");
  ptr_delete (root, "/trajectory_messages");
  ptr_delete (root, "/tasks");
  ptr_delete (root, "/organisation");
  g_autoptr (ActiveringRuleSet) empty = assert_loads (root);
  ck_assert_uint_eq (activering_rule_set_get_n_phase_models (empty), 0);
  /* Nor any of the trajectory sections. */
  root = default_json ();
  static const char *const sections[] = { "/phase_models",        "/phase_correspondences", "/trajectory_checks",
                                          "/trajectory_indicators", "/trajectory_messages",   "/tasks",
                                          "/organisation" };
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    ptr_delete (root, sections[i]);
  g_autoptr (ActiveringRuleSet) bare = assert_loads (root);
  ck_assert_uint_eq (activering_rule_set_get_n_phase_models (bare), 0);
}
END_TEST

START_TEST (test_phase_model_optional_parts)
{
  /* No source, no correspondences' handover, no entry/optional flags, empty transitions, x_ and note keys. */
  json_object *root = default_json ();
  ptr_delete (root, "/phase_models/ocmw7/source");
  ptr_delete (root, "/phase_correspondences/0/handover");
  ptr_delete (root, "/phase_models/outreach6/phases/0/entry");
  ptr_set_json (root, "/phase_models/outreach6/transitions", "[]");
  ptr_set_json (root, "/phase_models/ocmw7/phases/0/x_review", "\"2026\"");
  ptr_set_json (root, "/phase_correspondences/0/x_tool", "1");
  ptr_set_json (root, "/trajectory_checks/0/note", "\"why\"");
  ptr_set_json (root, "/trajectory_messages/x_extra", "\"ignored\"");
  g_autoptr (ActiveringRuleSet) rules = assert_loads (root);
  ck_assert_uint_eq (activering_rule_set_get_n_phase_models (rules), 2);

  /* 64 phases is the most a model may have. */
  root = default_json ();
  g_autofree char *big = model_of_n_phases (64);
  ptr_set_json (root, "/phase_models/big", big);
  g_autoptr (ActiveringRuleSet) biggest = assert_loads (root);
  ck_assert_uint_eq (activering_rule_set_get_n_phases (biggest, 2), 64);
  ck_assert_str_eq (activering_rule_set_get_phase_code (biggest, 2, 63), "p63");

  /* A warning severity, and every placeholder a limit or an obligation text may use. */
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/0/severity", "\"warning\"");
  ptr_set_json (root, "/trajectory_checks/0/text/en", "\"{measure} {since} {max} {over_since}\"");
  ptr_set_json (root, "/trajectory_checks/3/text/en", "\"{due}\"");
  g_autoptr (ActiveringRuleSet) placeholders = assert_loads (root);
  ck_assert_ptr_nonnull (placeholders);
}
END_TEST

START_TEST (test_phase_models_section_types)
{
  json_object *root = default_json ();
  ptr_set_json (root, "/phase_models", "[]");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TYPE, "rules.json: /phase_models: expected an object, found an array");
  root = default_json ();
  ptr_set_json (root, "/phase_correspondences", "{}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TYPE,
                     "rules.json: /phase_correspondences: expected an array, found an object");
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks", "\"x\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TYPE, "rules.json: /trajectory_checks: expected an array, found a string");
  root = default_json ();
  ptr_set_json (root, "/trajectory_indicators", "3");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TYPE, "rules.json: /trajectory_indicators: expected an array, found a number");
  root = default_json ();
  ptr_set_json (root, "/trajectory_messages", "[]");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TYPE, "rules.json: /trajectory_messages: expected an object, found an array");
  /* A top-level key misspelt. */
  root = default_json ();
  ptr_set_json (root, "/phase_model", "{}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_KEY, "rules.json: /phase_model: ", "unknown key \"phase_model\"",
                     "did you mean \"phase_models\"?");
}
END_TEST

START_TEST (test_phase_model_code_and_keys)
{
  json_object *root = default_json ();
  ptr_set_json (root, "/phase_models/ocmw7", "\"seven phases\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TYPE,
                     "rules.json: /phase_models/ocmw7: expected a phase model object, found a string");

  static const struct { const char *code, *pointer; } bad[] = {
    { "OCMW7", "/phase_models/OCMW7: " },
    { "ocmw.7", "/phase_models/ocmw.7: " },
    { "ocmw 7", "/phase_models/ocmw 7: " },
    { "ocmw/7", "/phase_models/ocmw~17: " },
    { "", "/phase_models/: " },
  };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      root = default_json ();
      json_object_object_add (ptr_get (root, "/phase_models"), bad[i].code, J (own_model));
      g_autofree char *message = g_strdup_printf ("\"%s\" is not a lowercase snake_case code", bad[i].code);
      g_autofree char *where = g_strconcat ("rules.json: ", bad[i].pointer, NULL);
      ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, where, message);
    }

  root = default_json ();
  ptr_set_json (root, "/phase_models/ocmw7/phase", "[]");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_KEY, "rules.json: /phase_models/ocmw7/phase: ",
                     "unknown key \"phase\"", "did you mean \"phases\"?",
                     "expected one of: label, description, source, phases, transitions");
  root = default_json ();
  ptr_set_json (root, "/phase_models/ocmw7/source", "3");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TYPE, "rules.json: /phase_models/ocmw7/source: expected a string, found a number");
  root = default_json ();
  ptr_set_json (root, "/phase_models/ocmw7/source", "\"\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /phase_models/ocmw7/source: must not be empty");
}
END_TEST

START_TEST (test_phase_model_texts)
{
  static const char *const keys[] = { "label", "description" };
  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      json_object *root = default_json ();
      g_autofree char *pointer = g_strconcat ("/phase_models/ocmw7/", keys[k], NULL);
      ptr_delete (root, pointer);
      g_autofree char *missing = g_strdup_printf ("rules.json: /phase_models/ocmw7: missing \"%s\"", keys[k]);
      ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_MISSING, missing);

      root = default_json ();
      g_autofree char *fr = g_strconcat (pointer, "/fr", NULL);
      ptr_delete (root, fr);
      g_autofree char *where = g_strconcat ("rules.json: ", pointer, ": ", NULL);
      ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TRANSLATION, where, "missing the \"fr\" translation");

      /* A phase's label and description, too. */
      root = default_json ();
      g_autofree char *phase = g_strconcat ("/phase_models/outreach6/phases/3/", keys[k], NULL);
      ptr_delete (root, phase);
      g_autofree char *phase_missing
          = g_strdup_printf ("rules.json: /phase_models/outreach6/phases/3: missing \"%s\"", keys[k]);
      ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_MISSING, phase_missing);

      root = default_json ();
      g_autofree char *en = g_strconcat (phase, "/en", NULL);
      ptr_set_json (root, en, "\"\"");
      g_autofree char *phase_where = g_strconcat ("rules.json: ", phase, ": ", NULL);
      ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TRANSLATION, phase_where, "missing the \"en\" translation");
    }
  json_object *root = default_json ();
  ptr_set_json (root, "/phase_models/ocmw7/label/de", "\"Modell\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_KEY, "rules.json: /phase_models/ocmw7/label/de: ",
                     "unknown key \"de\"");
  root = default_json ();
  ptr_set_json (root, "/phase_models/ocmw7/label", "\"OCMW\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TYPE, "rules.json: /phase_models/ocmw7/label: ",
                     "expected a text object with one string per language, found a string");
}
END_TEST

START_TEST (test_phase_model_phases)
{
  json_object *root = default_json ();
  ptr_set_json (root, "/phase_models/ocmw7/phases", "[]");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /phase_models/ocmw7/phases: ",
                     "expected 1 to 64 phases");
  root = default_json ();
  g_autofree char *too_big = model_of_n_phases (65);
  ptr_set_json (root, "/phase_models/big", too_big);
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /phase_models/big/phases: ",
                     "expected 1 to 64 phases");
  root = default_json ();
  ptr_delete (root, "/phase_models/ocmw7/phases");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_MISSING, "rules.json: /phase_models/ocmw7: missing \"phases\"");
  root = default_json ();
  ptr_set_json (root, "/phase_models/ocmw7/phases", "{}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TYPE, "rules.json: /phase_models/ocmw7/phases: expected an array, found an object");
  root = default_json ();
  ptr_delete (root, "/phase_models/outreach6/transitions");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_MISSING, "rules.json: /phase_models/outreach6: missing \"transitions\"");
  root = default_json ();
  ptr_set_json (root, "/phase_models/outreach6/transitions", "{}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TYPE,
                     "rules.json: /phase_models/outreach6/transitions: expected an array, found an object");
  root = default_json ();
  ptr_set_json (root, "/phase_models/ocmw7/phases/4", "\"professionele_activering\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TYPE,
                     "rules.json: /phase_models/ocmw7/phases/4: expected a phase object, found a string");

  /* Codes. */
  root = default_json ();
  ptr_delete (root, "/phase_models/ocmw7/phases/2/code");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_MISSING, "rules.json: /phase_models/ocmw7/phases/2: missing \"code\"");
  root = default_json ();
  ptr_set_json (root, "/phase_models/ocmw7/phases/2/code", "\"\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /phase_models/ocmw7/phases/2/code: must not be empty");
  root = default_json ();
  ptr_set_json (root, "/phase_models/ocmw7/phases/2/code", "7");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TYPE,
                     "rules.json: /phase_models/ocmw7/phases/2/code: expected a string, found a number");
  static const char *const bad_codes[] = { "Sociale_activering", "sociale.activering", "sociale-activering" };
  for (guint i = 0; i < G_N_ELEMENTS (bad_codes); i++)
    {
      root = default_json ();
      ptr_set (root, "/phase_models/ocmw7/phases/2/code", json_object_new_string (bad_codes[i]));
      g_autofree char *message = g_strdup_printf ("\"%s\" is not a lowercase snake_case code", bad_codes[i]);
      ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /phase_models/ocmw7/phases/2/code: ",
                         message);
    }
  root = default_json ();
  ptr_set_json (root, "/phase_models/ocmw7/phases/3/code", "\"screening\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_DUPLICATE, "rules.json: /phase_models/ocmw7/phases/3/code: ",
                     "phase \"screening\" is listed twice");
  /* The same code in two models that no correspondence joins is fine. */
  root = default_json ();
  ptr_set_json (root, "/phase_models/big", "{\"label\": " TEXT3 ("B") ", \"description\": " TEXT3 ("B") ","
                " \"phases\": [{\"code\": \"screening\", \"label\": " TEXT3 ("S") ", \"description\": " TEXT3 ("S")
                ", \"measures\": []}], \"transitions\": []}");
  g_autoptr (ActiveringRuleSet) shared = assert_loads (root);
  ck_assert_uint_eq (activering_rule_set_get_n_phase_models (shared), 3);

  /* Keys and flags. */
  root = default_json ();
  ptr_set_json (root, "/phase_models/ocmw7/phases/2/measure", "[]");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_KEY, "rules.json: /phase_models/ocmw7/phases/2/measure: ",
                     "unknown key \"measure\"", "did you mean \"measures\"?");
  root = default_json ();
  ptr_set_json (root, "/phase_models/ocmw7/phases/0/entry", "\"yes\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TYPE,
                     "rules.json: /phase_models/ocmw7/phases/0/entry: expected a boolean, found a string");
  root = default_json ();
  ptr_set_json (root, "/phase_models/ocmw7/phases/2/optional", "1");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TYPE,
                     "rules.json: /phase_models/ocmw7/phases/2/optional: expected a boolean, found a number");

  /* Measures. */
  root = default_json ();
  ptr_delete (root, "/phase_models/ocmw7/phases/0/measures");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_MISSING, "rules.json: /phase_models/ocmw7/phases/0: missing \"measures\"");
  root = default_json ();
  ptr_set_json (root, "/phase_models/ocmw7/phases/2/measures", "\"art60\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TYPE,
                     "rules.json: /phase_models/ocmw7/phases/2/measures: expected an array, found a string");
  root = default_json ();
  ptr_set_json (root, "/phase_models/ocmw7/phases/2/measures/1", "\"twe_ocwm\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_REF, "rules.json: /phase_models/ocmw7/phases/2/measures/1: ",
                     "unknown measure \"twe_ocwm\"", "(did you mean \"twe_ocmw\"?)");
  root = default_json ();
  ptr_set_json (root, "/phase_models/ocmw7/phases/2/measures/0", "\"gpmi\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_REF, "rules.json: /phase_models/ocmw7/phases/2/measures/0: ",
                     "unknown measure \"gpmi\"");
  root = default_json ();
  ptr_set_json (root, "/phase_models/ocmw7/phases/2/measures/0", "60");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TYPE, "rules.json: /phase_models/ocmw7/phases/2/measures/0: ",
                     "expected a measure code, found a number");
  root = default_json ();
  ptr_set_json (root, "/phase_models/ocmw7/phases/2/measures/-", "\"art60\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_DUPLICATE, "rules.json: /phase_models/ocmw7/phases/2/measures/6: ",
                     "measure \"art60\" is listed twice");
}
END_TEST

START_TEST (test_phase_model_transitions)
{
  /* ocmw7 has 17 transitions: /transitions/17 is one appended. */
  json_object *root = default_json ();
  ck_assert_uint_eq (json_object_array_length (ptr_get (root, "/phase_models/ocmw7/transitions")), 17);
  ptr_set_json (root, "/phase_models/ocmw7/transitions/0", "[\"randvoorwaarden\", \"screening\"]");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TYPE,
                     "rules.json: /phase_models/ocmw7/transitions/0: expected a transition object, found an array");
  root = default_json ();
  ptr_set_json (root, "/phase_models/ocmw7/transitions/0/kinds", "\"normal\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_KEY, "rules.json: /phase_models/ocmw7/transitions/0/kinds: ",
                     "unknown key \"kinds\"", "did you mean \"kind\"?", "expected one of: from, to, kind");

  /* kind */
  root = default_json ();
  ptr_set_json (root, "/phase_models/ocmw7/transitions/0/kind", "\"usual\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /phase_models/ocmw7/transitions/0/kind: ",
                     "expected \"normal\" or \"warning\", found \"usual\"");
  root = default_json ();
  ptr_set_json (root, "/phase_models/ocmw7/transitions/0/kind", "\"Normal\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /phase_models/ocmw7/transitions/0/kind: ",
                     "found \"Normal\"");
  root = default_json ();
  ptr_delete (root, "/phase_models/ocmw7/transitions/0/kind");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_MISSING, "rules.json: /phase_models/ocmw7/transitions/0: missing \"kind\"");

  /* from and to: missing, of the wrong type, empty. */
  static const char *const ends[] = { "from", "to" };
  for (guint e = 0; e < G_N_ELEMENTS (ends); e++)
    {
      g_autofree char *pointer = g_strconcat ("/phase_models/ocmw7/transitions/0/", ends[e], NULL);
      g_autofree char *where = g_strconcat ("rules.json: ", pointer, ": ", NULL);
      root = default_json ();
      ptr_delete (root, pointer);
      g_autofree char *missing = g_strdup_printf ("rules.json: /phase_models/ocmw7/transitions/0: missing \"%s\"", ends[e]);
      ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_MISSING, missing);
      static const struct { const char *json, *found; } wrong[] = {
        { "3", "found a number" }, { "[]", "found an array" }, { "null", "found null" },
        { "{\"screening\": 1}", "found an object" }, { "true", "found a boolean" },
      };
      for (guint w = 0; w < G_N_ELEMENTS (wrong); w++)
        {
          root = default_json ();
          ptr_set_json (root, pointer, wrong[w].json);
          ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TYPE, where,
                             "expected a phase code or a non-empty array of them", wrong[w].found);
        }
      root = default_json ();
      ptr_set_json (root, pointer, "[\"nazorg\", 4]");
      g_autofree char *item = g_strconcat ("rules.json: ", pointer, "/1: ", NULL);
      ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TYPE, item, "expected a phase code, found a number");
    }

  /* Unknown phases, with a suggestion when one is close. */
  root = default_json ();
  ptr_set_json (root, "/phase_models/ocmw7/transitions/0/from", "\"randvoorwaarde\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_REF, "rules.json: /phase_models/ocmw7/transitions/0/from: ",
                     "unknown phase \"randvoorwaarde\" of model \"ocmw7\"", "(did you mean \"randvoorwaarden\"?)");
  root = default_json ();
  ptr_set_json (root, "/phase_models/ocmw7/transitions/7/from/1", "\"sociale_activeren\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_REF, "rules.json: /phase_models/ocmw7/transitions/7/from/1: ",
                     "unknown phase \"sociale_activeren\" of model \"ocmw7\"", "did you mean \"sociale_activering\"?");
  root = default_json ();
  ptr_set_json (root, "/phase_models/ocmw7/transitions/10/to", "\"sociale_activerin\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_REF, "rules.json: /phase_models/ocmw7/transitions/10/to: ",
                     "unknown phase \"sociale_activerin\"", "did you mean \"sociale_activering\"?");
  /* A phase of another model is not one of this model's. */
  root = default_json ();
  ptr_set_json (root, "/phase_models/ocmw7/transitions/0/to", "\"orientering\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_REF, "rules.json: /phase_models/ocmw7/transitions/0/to: ",
                     "unknown phase \"orientering\" of model \"ocmw7\"");

  /* From a phase to itself. */
  root = default_json ();
  ptr_set_json (root, "/phase_models/ocmw7/transitions/0/to", "\"randvoorwaarden\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /phase_models/ocmw7/transitions/0: ",
                     "a transition from \"randvoorwaarden\" to itself");
  root = default_json ();
  ptr_set_json (root, "/phase_models/ocmw7/transitions/-",
                "{\"from\": [\"randvoorwaarden\", \"nazorg\"], \"to\": [\"nazorg\"], \"kind\": \"warning\"}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /phase_models/ocmw7/transitions/17: ",
                     "a transition from \"nazorg\" to itself");

  /* A pair listed twice: as it stands, inside lists, or with another kind. */
  root = default_json ();
  ptr_copy (root, "/phase_models/ocmw7/transitions/3", "/phase_models/ocmw7/transitions/-");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_DUPLICATE, "rules.json: /phase_models/ocmw7/transitions/17: ",
                     "the move from \"sociale_activering\" to \"werkervaring_opleiding\" is listed twice");
  root = default_json ();
  ptr_set_json (root, "/phase_models/ocmw7/transitions/-",
                "{\"from\": [\"randvoorwaarden\", \"screening\"], \"to\": \"nazorg\", \"kind\": \"normal\"}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_DUPLICATE, "rules.json: /phase_models/ocmw7/transitions/17: ",
                     "the move from \"screening\" to \"nazorg\" is listed twice");
  root = default_json ();
  ptr_set_json (root, "/phase_models/outreach6/transitions/0/kind", "\"warning\"");
  ptr_copy (root, "/phase_models/outreach6/transitions/0", "/phase_models/outreach6/transitions/-");
  ptr_set_json (root, "/phase_models/outreach6/transitions/0/kind", "\"normal\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_DUPLICATE, "rules.json: /phase_models/outreach6/transitions/12: ",
                     "the move from \"toeleiding\" to \"contactlegging\" is listed twice");
}
END_TEST

START_TEST (test_phase_correspondences)
{
  json_object *root = default_json ();
  ptr_set_json (root, "/phase_correspondences/0", "\"outreach6 -> ocmw7\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TYPE,
                     "rules.json: /phase_correspondences/0: expected a correspondence object, found a string");
  root = default_json ();
  ptr_set_json (root, "/phase_correspondences/0/handovers", "{}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_KEY, "rules.json: /phase_correspondences/0/handovers: ",
                     "did you mean \"handover\"?");

  /* Models. */
  root = default_json ();
  ptr_set_json (root, "/phase_correspondences/0/to", "\"ocmw8\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_REF, "rules.json: /phase_correspondences/0/to: ",
                     "unknown phase model \"ocmw8\"");
  root = default_json ();
  ptr_set_json (root, "/phase_correspondences/0/from", "\"outreach\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_REF, "rules.json: /phase_correspondences/0/from: ",
                     "unknown phase model \"outreach\"");
  root = default_json ();
  ptr_delete (root, "/phase_models/outreach6");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_REF, "rules.json: /phase_correspondences/0/from: ",
                     "unknown phase model \"outreach6\"");
  root = default_json ();
  ptr_delete (root, "/phase_correspondences/0/from");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_MISSING, "rules.json: /phase_correspondences/0: missing \"from\"");
  root = default_json ();
  ptr_set_json (root, "/phase_correspondences/0/to", "[\"ocmw7\"]");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TYPE, "rules.json: /phase_correspondences/0/to: expected a string, found an array");
  root = default_json ();
  ptr_set_json (root, "/phase_correspondences/0/to", "\"outreach6\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /phase_correspondences/0: ",
                     "a model corresponds to itself");

  /* Two models joined may not share a phase code. */
  root = default_json ();
  ptr_set_json (root, "/phase_models/outreach6/phases/-",
                "{\"code\": \"nazorg\", \"label\": " TEXT3 ("N") ", \"description\": " TEXT3 ("N") ", \"measures\": []}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_DUPLICATE, "rules.json: /phase_correspondences/0: ",
                     "models \"outreach6\" and \"ocmw7\" both have a phase \"nazorg\"");

  /* phases and handover: unknown phases on either side. */
  static const char *const maps[] = { "phases", "handover" };
  for (guint k = 0; k < G_N_ELEMENTS (maps); k++)
    {
      g_autofree char *pointer = g_strdup_printf ("/phase_correspondences/0/%s/warme_overdrach", maps[k]);
      root = default_json ();
      ptr_set_json (root, pointer, "[\"werkervaring_opleiding\"]");
      g_autofree char *where = g_strconcat ("rules.json: ", pointer, ": ", NULL);
      ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_REF, where,
                         "unknown phase \"warme_overdrach\" of model \"outreach6\"");

      g_autofree char *target = g_strdup_printf ("/phase_correspondences/0/%s/warme_overdracht/1", maps[k]);
      root = default_json ();
      ptr_set_json (root, target, "\"professionele_activerin\"");
      g_autofree char *target_where = g_strconcat ("rules.json: ", target, ": ", NULL);
      ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_REF, target_where,
                         "unknown phase \"professionele_activerin\" of model \"ocmw7\"",
                         "did you mean \"professionele_activering\"?");

      /* A phase of the from model on the to side. */
      g_autofree char *list = g_strdup_printf ("/phase_correspondences/0/%s/warme_overdracht", maps[k]);
      root = default_json ();
      ptr_set_json (root, list, "\"opvolging\"");
      g_autofree char *list_where = g_strconcat ("rules.json: ", list, ": ", NULL);
      ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_REF, list_where, "unknown phase \"opvolging\" of model \"ocmw7\"");

      root = default_json ();
      ptr_set_json (root, list, "[]");
      ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TYPE, list_where,
                         "expected a phase code or a non-empty array of them, found an array");

      g_autofree char *map = g_strdup_printf ("/phase_correspondences/0/%s", maps[k]);
      root = default_json ();
      ptr_set_json (root, map, "[\"warme_overdracht\"]");
      g_autofree char *map_where = g_strdup_printf ("rules.json: %s: expected an object, found an array", map);
      ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TYPE, map_where);
    }
  root = default_json ();
  ptr_delete (root, "/phase_correspondences/0/phases");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_MISSING, "rules.json: /phase_correspondences/0: missing \"phases\"");

  /* A second correspondence between the same models, in the same direction. */
  root = default_json ();
  ptr_copy (root, "/phase_correspondences/0", "/phase_correspondences/-");
  ptr_delete (root, "/phase_correspondences/1/handover");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_DUPLICATE, "rules.json: /phase_correspondences/1: ",
                     "a second correspondence between \"outreach6\" and \"ocmw7\"");
  /* … or in the other direction: a report lists the corresponding phases once per model. */
  root = default_json ();
  ptr_set_json (root, "/phase_correspondences/-",
                "{\"from\": \"ocmw7\", \"to\": \"outreach6\", \"phases\": {\"nazorg\": [\"opvolging\"]}}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_DUPLICATE, "rules.json: /phase_correspondences/1: ",
                     "a second correspondence between \"ocmw7\" and \"outreach6\"");
}
END_TEST

START_TEST (test_trajectory_check_forms)
{
  json_object *root = default_json ();
  ptr_set_json (root, "/trajectory_checks/0", "\"ibo.max_duration\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TYPE,
                     "rules.json: /trajectory_checks/0: expected a trajectory check object, found a string");
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/0/max_duraton", "\"ibo.max_weeks\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_KEY, "rules.json: /trajectory_checks/0/max_duraton: ",
                     "did you mean \"max_duration\"?");

  /* Exactly one of max_duration, ends_when and obligation. */
  static const char *const exactly_one
      = "a check has exactly one of \"max_duration\", \"ends_when\", \"obligation\", \"gap\" and \"followed_by\"";
  root = default_json ();
  ptr_delete (root, "/trajectory_checks/0/max_duration");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /trajectory_checks/0: ", exactly_one);
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/0/obligation", "\"gpmi.deadline\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /trajectory_checks/0: ", exactly_one);
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/2/max_duration", "\"twe.max_trajectory_months\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /trajectory_checks/2: ", exactly_one);
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/3/ends_when", "true");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /trajectory_checks/3: ", exactly_one);
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/0/ends_when", "true");
  ptr_set_json (root, "/trajectory_checks/0/obligation", "\"gpmi.deadline\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /trajectory_checks/0: ", exactly_one);

  /* unless_running goes with max_duration only, and lists measures once. */
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/2/unless_running", "[\"ibo\"]");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /trajectory_checks/2/unless_running: ",
                     "\"unless_running\" goes with \"max_duration\"");
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/3/unless_running", "[\"ibo\"]");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /trajectory_checks/3/unless_running: ",
                     "\"unless_running\" goes with \"max_duration\"");
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/1/unless_running/0", "\"art61\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_REF, "rules.json: /trajectory_checks/1/unless_running/0: ",
                     "unknown measure \"art61\"", "did you mean \"art60\"?");
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/1/unless_running/-", "\"art60\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_DUPLICATE, "rules.json: /trajectory_checks/1/unless_running/1: ",
                     "measure \"art60\" is listed twice");
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/1/unless_running", "\"art60\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TYPE,
                     "rules.json: /trajectory_checks/1/unless_running: expected an array, found a string");

  /* An obligation check names no measure, and an existing obligation. */
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/3/measure", "\"ibo\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /trajectory_checks/3/measure: ",
                     "an obligation check names no measure");
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/3/obligation", "\"gpmi.dedline\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_REF, "rules.json: /trajectory_checks/3/obligation: ",
                     "unknown obligation \"gpmi.dedline\"");
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/3/obligation", "\"\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /trajectory_checks/3/obligation: must not be empty");
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/3/obligation", "{\"id\": \"gpmi.deadline\"}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TYPE,
                     "rules.json: /trajectory_checks/3/obligation: expected a string, found an object");

  /* Severity and legal basis. */
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/0/severity", "\"fatal\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /trajectory_checks/0/severity: ",
                     "expected \"error\" or \"warning\", found \"fatal\"");
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/3/severity", "\"info\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /trajectory_checks/3/severity: ",
                     "found \"info\"");
  root = default_json ();
  ptr_delete (root, "/trajectory_checks/2/severity");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_MISSING, "rules.json: /trajectory_checks/2: missing \"severity\"");
  root = default_json ();
  ptr_delete (root, "/trajectory_checks/1/legal_basis");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_MISSING, "rules.json: /trajectory_checks/1: missing \"legal_basis\"");
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/1/legal_basis", "\"\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /trajectory_checks/1/legal_basis: must not be empty");
}
END_TEST

START_TEST (test_trajectory_check_references)
{
  /* The measure. */
  json_object *root = default_json ();
  ptr_set_json (root, "/trajectory_checks/0/measure", "\"ibbo\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_REF, "rules.json: /trajectory_checks/0/measure: ",
                     "unknown measure \"ibbo\" (did you mean \"ibo\"?)");
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/2/measure", "\"gpmi\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_REF, "rules.json: /trajectory_checks/2/measure: ",
                     "unknown measure \"gpmi\"");
  root = default_json ();
  ptr_delete (root, "/trajectory_checks/0/measure");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_MISSING, "rules.json: /trajectory_checks/0: missing \"measure\"");
  root = default_json ();
  ptr_delete (root, "/trajectory_checks/2/measure");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_MISSING, "rules.json: /trajectory_checks/2: missing \"measure\"");
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/0/measure", "[\"ibo\"]");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TYPE, "rules.json: /trajectory_checks/0/measure: ",
                     "expected a measure code, found an array");

  /* max_duration: a known parameter that is a duration. */
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/0/max_duration", "\"ibo.max_weks\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_REF, "rules.json: /trajectory_checks/0/max_duration: ",
                     "unknown parameter \"ibo.max_weks\"");
  static const char *const not_durations[] = { "twe.min_work_capacity", "ibo.min_hours_fraction",
                                               "gpmi.min_evaluations_per_year", "gpmi.general_from" };
  for (guint i = 0; i < G_N_ELEMENTS (not_durations); i++)
    {
      root = default_json ();
      ptr_set (root, "/trajectory_checks/0/max_duration", json_object_new_string (not_durations[i]));
      g_autofree char *message = g_strdup_printf (
          "parameter \"%s\" is not a duration (an integer in days, weeks, months or years)", not_durations[i]);
      ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_RULE_TYPE, "rules.json: /trajectory_checks/0/max_duration: ", message);
    }
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/0/max_duration", "52");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TYPE,
                     "rules.json: /trajectory_checks/0/max_duration: expected a string, found a number");
  /* Every unit of time will do. */
  static const char *const durations[] = { "ibo.min_weeks", "twe.learning_horizon_months", "imw.indication_max_years" };
  for (guint i = 0; i < G_N_ELEMENTS (durations); i++)
    {
      root = default_json ();
      ptr_set (root, "/trajectory_checks/0/max_duration", json_object_new_string (durations[i]));
      g_autoptr (ActiveringRuleSet) rules = assert_loads (root);
      ck_assert_ptr_nonnull (rules);
    }

  /* ends_when: a boolean expression over known facts. */
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/2/ends_when", "{\"fact\": \"income.since\"}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_RULE_TYPE, "rules.json: /trajectory_checks/2/ends_when: ",
                     "the expression must be bool, found date");
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/2/ends_when", "{\"param\": \"ibo.max_weeks\"}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_RULE_TYPE, "rules.json: /trajectory_checks/2/ends_when: ",
                     "must be bool, found integer");
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/2/ends_when", "{\"fact\": \"social_security.full_unemployment_entitlment\"}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_REF, "rules.json: /trajectory_checks/2/ends_when/fact: ",
                     "unknown fact \"social_security.full_unemployment_entitlment\"",
                     "did you mean \"social_security.full_unemployment_entitlement\"?");
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/2/ends_when",
                "{\"all\": [{\"fact\": \"vdab.registered\"}, {\">=\": [{\"fact\": \"work_capacity\"}, {\"param\": \"twe.min_work_capacty\"}]}]}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_REF, "rules.json: /trajectory_checks/2/ends_when/all/1/>=/1/param: ",
                     "unknown parameter \"twe.min_work_capacty\"");
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/2/ends_when", "null");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TYPE, "rules.json: /trajectory_checks/2/ends_when: ",
                     "expected an expression (a literal or an object with one operator), found null");
  /* A compound boolean expression loads. */
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/2/ends_when",
                "{\"any\": [{\"fact\": \"social_security.full_unemployment_entitlement\"},"
                " {\">=\": [{\"fact\": \"work_capacity\"}, {\"param\": \"twe.min_work_capacity\"}]}]}");
  g_autoptr (ActiveringRuleSet) compound = assert_loads (root);
  ck_assert_ptr_nonnull (compound);
}
END_TEST

START_TEST (test_trajectory_check_texts_and_ids)
{
  /* Texts: every language, and only the placeholders of the check's violation code. */
  json_object *root = default_json ();
  ptr_delete (root, "/trajectory_checks/0/text");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_MISSING, "rules.json: /trajectory_checks/0: missing \"text\"");
  root = default_json ();
  ptr_delete (root, "/trajectory_checks/3/text/en");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TRANSLATION, "rules.json: /trajectory_checks/3/text: ",
                     "missing the \"en\" translation");
  root = default_json ();
  ptr_append_text (root, "/trajectory_checks/0/text/en", " {foo}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /trajectory_checks/0/text/en: ",
                     "\"{foo}\" is not a placeholder this text can use");
  root = default_json ();
  ptr_append_text (root, "/trajectory_checks/0/text/fr", " {due}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /trajectory_checks/0/text/fr: ",
                     "\"{due}\" is not a placeholder this text can use");
  root = default_json ();
  ptr_append_text (root, "/trajectory_checks/3/text/nl", " {since}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /trajectory_checks/3/text/nl: ",
                     "\"{since}\" is not a placeholder this text can use");
  root = default_json ();
  ptr_append_text (root, "/trajectory_checks/3/text/en", " {measure}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /trajectory_checks/3/text/en: ",
                     "\"{measure}\"");
  /* Placeholders of other violation codes are not the checks' either. */
  root = default_json ();
  ptr_append_text (root, "/trajectory_checks/1/text/en", " {phase}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /trajectory_checks/1/text/en: ", "\"{phase}\"");
  /* An ends_when check has no limit: no {max} and no {over_since}. */
  root = default_json ();
  ptr_append_text (root, "/trajectory_checks/2/text/en", " ({max})");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /trajectory_checks/2/text/en: ",
                     "\"{max}\" is not a placeholder this text can use");
  root = default_json ();
  ptr_append_text (root, "/trajectory_checks/2/text/nl", " {over_since}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /trajectory_checks/2/text/nl: ",
                     "\"{over_since}\"");
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/2/text/nl", "\"{measure} sinds {since}\"");
  g_autoptr (ActiveringRuleSet) ends_when = assert_loads (root);
  ck_assert_ptr_nonnull (ends_when);
  /* An unclosed brace, and a placeholder in another case. */
  root = default_json ();
  ptr_append_text (root, "/trajectory_checks/0/text/en", " {since");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /trajectory_checks/0/text/en: ",
                     "\"{since\" is not a placeholder");
  root = default_json ();
  ptr_append_text (root, "/trajectory_checks/0/text/en", " {Since}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /trajectory_checks/0/text/en: ",
                     "\"{Since}\"");

  /* Ids. */
  root = default_json ();
  ptr_delete (root, "/trajectory_checks/1/id");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_MISSING, "rules.json: /trajectory_checks/1: missing \"id\"");
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/1/id", "\"TWE max\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /trajectory_checks/1/id: ",
                     "an id is dotted lowercase snake_case");
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/1/id", "\"twe..max\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /trajectory_checks/1/id: ",
                     "an id is dotted lowercase snake_case");
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/3/id", "\"ibo.max_duration\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_DUPLICATE, "rules.json: /trajectory_checks/3/id: ",
                     "\"ibo.max_duration\" is defined twice");
  root = default_json ();
  ptr_copy (root, "/trajectory_checks/2", "/trajectory_checks/-");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_DUPLICATE, "rules.json: /trajectory_checks/11/id: ",
                     "\"art60.unemployment_entitlement\" is defined twice");
}
END_TEST

START_TEST (test_trajectory_indicators)
{
  json_object *root = default_json ();
  ptr_set_json (root, "/trajectory_indicators/0", "[]");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TYPE,
                     "rules.json: /trajectory_indicators/0: expected a trajectory indicator object, found an array");
  root = default_json ();
  ptr_set_json (root, "/trajectory_indicators/0/start", "\"art60\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_KEY, "rules.json: /trajectory_indicators/0/start: ",
                     "did you mean \"starts\"?");
  /* Measures. */
  root = default_json ();
  ptr_set_json (root, "/trajectory_indicators/0/after", "\"twe_ocm\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_REF, "rules.json: /trajectory_indicators/0/after: ",
                     "unknown measure \"twe_ocm\" (did you mean \"twe_ocmw\"?)");
  root = default_json ();
  ptr_set_json (root, "/trajectory_indicators/0/starts", "\"art6O\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_REF, "rules.json: /trajectory_indicators/0/starts: ",
                     "unknown measure \"art6O\" (did you mean \"art60\"?)");
  root = default_json ();
  ptr_delete (root, "/trajectory_indicators/0/starts");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_MISSING, "rules.json: /trajectory_indicators/0: missing \"starts\"");
  root = default_json ();
  ptr_set_json (root, "/trajectory_indicators/0/after", "true");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TYPE, "rules.json: /trajectory_indicators/0/after: ",
                     "expected a measure code, found a boolean");
  /* within: a duration parameter. */
  root = default_json ();
  ptr_set_json (root, "/trajectory_indicators/0/within", "\"twe.min_work_capacity\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_RULE_TYPE, "rules.json: /trajectory_indicators/0/within: ",
                     "parameter \"twe.min_work_capacity\" is not a duration");
  root = default_json ();
  ptr_set_json (root, "/trajectory_indicators/0/within", "\"twe.timely_work_month\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_REF, "rules.json: /trajectory_indicators/0/within: ",
                     "unknown parameter \"twe.timely_work_month\"");
  root = default_json ();
  ptr_delete (root, "/trajectory_indicators/0/within");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_MISSING, "rules.json: /trajectory_indicators/0: missing \"within\"");
  /* Label. */
  root = default_json ();
  ptr_delete (root, "/trajectory_indicators/0/label");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_MISSING, "rules.json: /trajectory_indicators/0: missing \"label\"");
  root = default_json ();
  ptr_delete (root, "/trajectory_indicators/0/label/nl");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TRANSLATION, "rules.json: /trajectory_indicators/0/label: ",
                     "missing the \"nl\" translation");
  /* Ids. */
  root = default_json ();
  ptr_set_json (root, "/trajectory_indicators/0/id", "\"Timely work\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /trajectory_indicators/0/id: ",
                     "an id is dotted lowercase snake_case");
  root = default_json ();
  ptr_copy (root, "/trajectory_indicators/0", "/trajectory_indicators/-");
  ptr_set_json (root, "/trajectory_indicators/6/within", "\"ibo.max_weeks\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_DUPLICATE, "rules.json: /trajectory_indicators/6/id: ",
                     "\"twe_ocmw.timely_work\" is defined twice");
  /* Another indicator with its own id loads. */
  root = default_json ();
  ptr_copy (root, "/trajectory_indicators/0", "/trajectory_indicators/-");
  ptr_set_json (root, "/trajectory_indicators/6/id", "\"ibo.after_art60\"");
  ptr_set_json (root, "/trajectory_indicators/6/after", "\"art60\"");
  ptr_set_json (root, "/trajectory_indicators/6/starts", "\"ibo\"");
  ptr_set_json (root, "/trajectory_indicators/6/within", "\"ibo.max_weeks\"");
  g_autoptr (ActiveringRuleSet) two = assert_loads (root);
  ck_assert_ptr_nonnull (two);
}
END_TEST

START_TEST (test_trajectory_follow_up_forms)
{
  /* The default rule set's follow-up checks are at 9 (gap) and 10 (followed_by). */
  json_object *root = default_json ();
  ptr_set_json (root, "/trajectory_checks/9/gap", "{\"types\": [\"contakt\"]}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_REF, "rules.json: /trajectory_checks/9/gap/types/0: ",
                     "unknown event type \"contakt\"");
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/9/gap", "{\"types\": []}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_RULE_TYPE, "rules.json: /trajectory_checks/9/gap/types: ",
                     "expected a non-empty array of event types");
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/9/gap", "{\"types\": [\"contact\"], \"by\": [\"vdab.bemidelaar\"]}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_REF, "rules.json: /trajectory_checks/9/gap/by/0: ",
                     "unknown role \"vdab.bemidelaar\" (did you mean \"vdab.bemiddelaar\"?)");
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/9/gap", "{\"types\": [\"contact\"], \"kinds\": [\"Phone\"]}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /trajectory_checks/9/gap/kinds/0: ",
                     "\"Phone\" is not a code");
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/9/gap", "{\"types\": [\"contact\"], \"channel\": \"phone\"}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_KEY, "rules.json: /trajectory_checks/9/gap/channel: ");
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/9/gap", "[]");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_RULE_TYPE, "rules.json: /trajectory_checks/9/gap: ",
                     "expected an event selector or a non-empty array of them");
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/9/max_gap", "\"twe.min_work_capacity\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_RULE_TYPE, "rules.json: /trajectory_checks/9/max_gap: ",
                     "is not a duration");
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/9/if_recorded", "1");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_RULE_TYPE, "rules.json: /trajectory_checks/9/if_recorded: ",
                     "expected true or false");
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/10/max_gap", "\"outflow.lasting_months\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /trajectory_checks/10/max_gap: ",
                     "\"max_gap\" goes with \"gap\"");
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/9/within", "\"outflow.lasting_months\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /trajectory_checks/9/within: ",
                     "\"within\" goes with \"followed_by\"");
  root = default_json ();
  ptr_delete (root, "/trajectory_checks/10/event");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_MISSING, "rules.json: /trajectory_checks/10: missing \"event\"");
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/10/measure", "\"art60\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /trajectory_checks/10/measure: ",
                     "a follow-up check names no measure");
  /* Texts: {date} only where the check is about an event. */
  root = default_json ();
  ptr_set_json (root, "/trajectory_checks/9/text/en", "\"On {date}\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /trajectory_checks/9/text/en: ",
                     "\"{date}\" is not a placeholder this text can use");
  /* Indicators: one form each. */
  root = default_json ();
  ptr_set_json (root, "/trajectory_indicators/1/count", "{\"types\": [\"reopen\"]}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /trajectory_indicators/1: ",
                     "an indicator has exactly one of");
  root = default_json ();
  ptr_set_json (root, "/trajectory_indicators/4/within", "\"outflow.lasting_months\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /trajectory_indicators/4/within: ",
                     "\"within\" goes with \"after\"");
  root = default_json ();
  ptr_set_json (root, "/trajectory_indicators/4/closed_with", "[\"Duurzaam werk\"]");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /trajectory_indicators/4/closed_with/0: ",
                     "is not a code");
  root = default_json ();
  ptr_set_json (root, "/trajectory_indicators/3/days_to_first/1/by", "[\"vdab\", \"nobody\"]");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_REF, "rules.json: /trajectory_indicators/3/days_to_first/1/by/1: ",
                     "unknown role \"nobody\"");
}
END_TEST

START_TEST (test_id_fact_not_in_expressions)
{
  json_object *root = default_json ();
  ptr_set_json (root, "/trajectory_checks/4/unless", "{\"known\": {\"fact\": \"household.partner_id\"}}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_RULE_TYPE, "rules.json: /trajectory_checks/4/unless",
                     "fact \"household.partner_id\" is an id: an expression cannot read it");
  root = default_json ();
  ptr_set_json (root, "/facts/household.partner_id/type", "\"string\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /facts/household.partner_id/type: ",
                     "expected bool, integer, number, date, enum, enum_list, runs or id");
  g_autoptr (ActiveringRuleSet) rules = test_default_rules ();
  gboolean found = FALSE;
  for (guint i = 0; i < activering_rule_set_get_n_facts (rules); i++)
    if (strcmp (activering_rule_set_get_fact_path (rules, i), "household.partner_id") == 0)
      {
        ck_assert_str_eq (activering_rule_set_get_fact_type (rules, i), "id");
        found = TRUE;
      }
  ck_assert (found);
}
END_TEST

START_TEST (test_trajectory_messages)
{
  json_object *root = default_json ();
  ptr_delete (root, "/trajectory_messages");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_MISSING, "rules.json: /: ",
                     "missing \"trajectory_messages\": a rule set with phase models needs them");
  /* Unknown codes, and the codes whose texts come from the checks. */
  root = default_json ();
  ptr_set_json (root, "/trajectory_messages/same_phse", TEXT3 ("x"));
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_KEY, "rules.json: /trajectory_messages/same_phse: ",
                     "unknown key \"same_phse\"", "did you mean \"same_phase\"?", "event_out_of_order");
  static const char *const from_checks[] = { "limit_exceeded", "obligation_overdue" };
  for (guint i = 0; i < G_N_ELEMENTS (from_checks); i++)
    {
      root = default_json ();
      g_autofree char *pointer = g_strconcat ("/trajectory_messages/", from_checks[i], NULL);
      ptr_set_json (root, pointer, TEXT3 ("x"));
      g_autofree char *where = g_strconcat ("rules.json: ", pointer, ": ", NULL);
      g_autofree char *message = g_strdup_printf ("unknown key \"%s\"", from_checks[i]);
      ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_UNKNOWN_KEY, where, message);
    }
  /* Every code needs its text. */
  static const char *const codes[] = { "event_out_of_order",     "not_open",
                                       "already_open",           "event_after_close",
                                       "unknown_phase",          "unknown_measure",
                                       "unknown_role",           "measure_not_running",
                                       "overlapping_measure",    "transition_not_allowed",
                                       "handover_not_allowed",   "unusual_transition",
                                       "unusual_entry_phase",    "same_phase",
                                       "measure_outside_phase",  "measure_running_at_close" };
  root = default_json ();
  ck_assert_uint_eq (json_object_object_length (ptr_get (root, "/trajectory_messages")), G_N_ELEMENTS (codes));
  json_object_put (root);
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      root = default_json ();
      g_autofree char *pointer = g_strconcat ("/trajectory_messages/", codes[i], NULL);
      ptr_delete (root, pointer);
      g_autofree char *message = g_strdup_printf ("rules.json: /trajectory_messages: missing \"%s\"", codes[i]);
      ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_MISSING, message);
    }
  root = default_json ();
  ptr_delete (root, "/trajectory_messages/not_open/fr");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TRANSLATION, "rules.json: /trajectory_messages/not_open: ",
                     "missing the \"fr\" translation");
  root = default_json ();
  ptr_set_json (root, "/trajectory_messages/unknown_role/en", "\"\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TRANSLATION, "rules.json: /trajectory_messages/unknown_role: ",
                     "missing the \"en\" translation");
  root = default_json ();
  ptr_set_json (root, "/trajectory_messages/unknown_role", "\"The role is unknown\"");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_TYPE, "rules.json: /trajectory_messages/unknown_role: ",
                     "expected a text object");
  /* Placeholders: only those of the code. */
  root = default_json ();
  ptr_append_text (root, "/trajectory_messages/event_out_of_order/nl", " {measure}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /trajectory_messages/event_out_of_order/nl: ",
                     "\"{measure}\" is not a placeholder this text can use");
  root = default_json ();
  ptr_append_text (root, "/trajectory_messages/unknown_phase/en", " {foo}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /trajectory_messages/unknown_phase/en: ",
                     "\"{foo}\"");
  root = default_json ();
  ptr_append_text (root, "/trajectory_messages/measure_running_at_close/fr", " {max}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE,
                     "rules.json: /trajectory_messages/measure_running_at_close/fr: ", "\"{max}\"");
  root = default_json ();
  ptr_append_text (root, "/trajectory_messages/same_phase/en", " ({from_phase})");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /trajectory_messages/same_phase/en: ",
                     "\"{from_phase}\"");
  root = default_json ();
  ptr_append_text (root, "/trajectory_messages/not_open/en", " {closed_on}");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_INVALID_VALUE, "rules.json: /trajectory_messages/not_open/en: ",
                     "\"{closed_on}\"");
  /* A text may use its placeholders in any order, more than once, or not at all. */
  root = default_json ();
  ptr_set_json (root, "/trajectory_messages/handover_not_allowed/en", "\"{model}: {phase} after {from_phase} ({phase})\"");
  ptr_set_json (root, "/trajectory_messages/event_after_close/nl", "\"Na de afsluiting.\"");
  g_autoptr (ActiveringRuleSet) rules = assert_loads (root);
  ck_assert_ptr_nonnull (rules);
}
END_TEST

/* ---- suite ----------------------------------------------------------------------------------------------- */

/* ---- roles and tasks ---- */

typedef struct
{
  const char *pointer; /* the node to change */
  const char *json;    /* its new value, or NULL to delete it */
  int code;
  const char *message; /* what the error says, path included */
} Mutation;

/* Every bad-input path of the task and organisation loader (tasks-load.c), on the default rule set. Task 0 is
 * hold_regie (with by_model), task 5 screen_twe (a phases and an outcomes trigger), task 2 draft_gpmi (a when). */
static const Mutation task_mutations[] = {
  { "/roles/jobcoach/presence", "\"sometimes\"", ACTIVERING_ERROR_INVALID_VALUE,
    "/roles/jobcoach/presence: expected \"always\"" },
  { "/tasks", "{}", ACTIVERING_ERROR_TYPE, "rules.json: /tasks: expected" },
  { "/tasks/0", "[]", ACTIVERING_ERROR_TYPE, "/tasks/0: expected a task object" },
  { "/tasks/0/code", "\"Hold regie\"", ACTIVERING_ERROR_INVALID_VALUE, "/tasks/0/code: \"Hold regie\" is not" },
  { "/tasks/1/code", "\"hold_regie\"", ACTIVERING_ERROR_DUPLICATE, "/tasks/1/code: task \"hold_regie\" is defined twice" },
  { "/tasks/0/x", "1", ACTIVERING_ERROR_UNKNOWN_KEY, "/tasks/0/x" },
  { "/tasks/0/legal_basis", NULL, ACTIVERING_ERROR_MISSING, "/tasks/0: missing \"legal_basis\"" },
  { "/tasks/0/label/fr", NULL, ACTIVERING_ERROR_TRANSLATION, "/tasks/0/label: missing the \"fr\" translation" },
  { "/tasks/0/single_holder", "\"yes\"", ACTIVERING_ERROR_TYPE, "/tasks/0/single_holder: expected" },
  { "/tasks/0/holders", NULL, ACTIVERING_ERROR_MISSING, "/tasks/0: missing \"holders\"" },
  { "/tasks/0/holders", "[]", ACTIVERING_ERROR_INVALID_VALUE, "/tasks/0/holders: expected at least one role" },
  { "/tasks/0/holders/0", "3", ACTIVERING_ERROR_TYPE, "/tasks/0/holders/0: expected a role code, found" },
  { "/tasks/0/holders/0", "\"ocmw.trajectbegeleidr\"", ACTIVERING_ERROR_UNKNOWN_REF,
    "/tasks/0/holders/0: unknown role \"ocmw.trajectbegeleidr\" (did you mean \"ocmw.trajectbegeleider\"?)" },
  { "/tasks/0/holders/1", "\"ocmw.maatschappelijk_werker\"", ACTIVERING_ERROR_DUPLICATE,
    "/tasks/0/holders/1: role \"ocmw.maatschappelijk_werker\" is listed twice" },
  { "/tasks/0/accountable", NULL, ACTIVERING_ERROR_MISSING, "/tasks/0: missing \"accountable\"" },
  { "/tasks/0/accountable", "\"vdab.bemidelaar\"", ACTIVERING_ERROR_UNKNOWN_REF, "/tasks/0/accountable: unknown role" },
  { "/tasks/0/consulted", "\"person\"", ACTIVERING_ERROR_TYPE, "/tasks/0/consulted: expected" },
  { "/tasks/0/informed/0", "\"nobody\"", ACTIVERING_ERROR_UNKNOWN_REF, "/tasks/0/informed/0: unknown role \"nobody\"" },
  { "/tasks/0/active", NULL, ACTIVERING_ERROR_MISSING, "/tasks/0: missing \"active\"" },
  { "/tasks/0/active", "\"sometimes\"", ACTIVERING_ERROR_TYPE,
    "/tasks/0/active: expected \"always\" or a non-empty array of triggers" },
  { "/tasks/0/active", "[]", ACTIVERING_ERROR_TYPE, "/tasks/0/active: expected \"always\" or a non-empty array" },
  { "/tasks/0/enabled", "1", ACTIVERING_ERROR_TYPE, "/tasks/0/enabled: expected" },
  { "/tasks/5/active/0", "3", ACTIVERING_ERROR_TYPE, "/tasks/5/active/0: expected a trigger object" },
  { "/tasks/5/active/0", "{}", ACTIVERING_ERROR_MISSING,
    "/tasks/5/active/0: a trigger needs at least one of \"phases\", \"measures\", \"outcomes\" and \"when\"" },
  { "/tasks/5/active/0/phase", "[]", ACTIVERING_ERROR_UNKNOWN_KEY, "/tasks/5/active/0/phase" },
  { "/tasks/5/active/0/phases", "\"ocmw7.screening\"", ACTIVERING_ERROR_TYPE, "/tasks/5/active/0/phases: expected" },
  { "/tasks/5/active/0/phases", "[]", ACTIVERING_ERROR_INVALID_VALUE,
    "/tasks/5/active/0/phases: expected at least one \"model.phase\" code" },
  { "/tasks/5/active/0/phases/0", "7", ACTIVERING_ERROR_TYPE, "/tasks/5/active/0/phases/0: expected a \"model.phase\"" },
  { "/tasks/5/active/0/phases/0", "\"screening\"", ACTIVERING_ERROR_UNKNOWN_REF,
    "/tasks/5/active/0/phases/0: \"screening\" is not a phase of a phase model of this rule set" },
  { "/tasks/5/active/0/phases/0", "\"ocmw7.screenin\"", ACTIVERING_ERROR_UNKNOWN_REF, "/tasks/5/active/0/phases/0: " },
  { "/tasks/5/active/0/phases/0", "\"ocmw8.screening\"", ACTIVERING_ERROR_UNKNOWN_REF, "/tasks/5/active/0/phases/0: " },
  { "/tasks/5/active/0/measures", "[\"twe\"]", ACTIVERING_ERROR_UNKNOWN_REF,
    "/tasks/5/active/0/measures/0: unknown measure \"twe\"" },
  { "/tasks/5/active/1/outcomes", "{}", ACTIVERING_ERROR_INVALID_VALUE,
    "/tasks/5/active/1/outcomes: expected at least one measure" },
  { "/tasks/5/active/1/outcomes", "{\"twe_ocm\": [\"eligible\"]}", ACTIVERING_ERROR_UNKNOWN_REF,
    "/tasks/5/active/1/outcomes/twe_ocm: unknown measure \"twe_ocm\" (did you mean \"twe_ocmw\"?)" },
  { "/tasks/5/active/1/outcomes/twe_ocmw", "\"eligible\"", ACTIVERING_ERROR_TYPE,
    "/tasks/5/active/1/outcomes/twe_ocmw: expected a non-empty array of outcomes" },
  { "/tasks/5/active/1/outcomes/twe_ocmw/0", "\"maybe\"", ACTIVERING_ERROR_INVALID_VALUE,
    "/tasks/5/active/1/outcomes/twe_ocmw/0: expected an outcome (eligible, not_eligible, undetermined or not_applicable)" },
  { "/tasks/2/active/0/when", "{\"fact\": \"income.status\"}", ACTIVERING_ERROR_RULE_TYPE, "/tasks/2/active/0/when" },
  { "/tasks/2/active/0/when", "{\"fact\": \"income.statut\"}", ACTIVERING_ERROR_UNKNOWN_REF, "/tasks/2/active/0/when" },
  { "/tasks/0/by_model", "[]", ACTIVERING_ERROR_TYPE, "/tasks/0/by_model: expected" },
  { "/tasks/0/by_model/outreach7", "{}", ACTIVERING_ERROR_UNKNOWN_REF,
    "/tasks/0/by_model/outreach7: unknown phase model \"outreach7\"" },
  { "/tasks/0/by_model/outreach6", "[]", ACTIVERING_ERROR_TYPE, "/tasks/0/by_model/outreach6: expected an assignment" },
  { "/tasks/0/by_model/outreach6/active", "\"always\"", ACTIVERING_ERROR_UNKNOWN_KEY,
    "/tasks/0/by_model/outreach6/active" },
  { "/tasks/0/by_model/outreach6/holders/0", "\"nobody\"", ACTIVERING_ERROR_UNKNOWN_REF,
    "/tasks/0/by_model/outreach6/holders/0: unknown role" },
  /* the organisation section */
  { "/organisation", NULL, ACTIVERING_ERROR_MISSING, "rules.json: /: missing \"organisation\": a rule set with tasks needs it" },
  { "/organisation/x", "1", ACTIVERING_ERROR_UNKNOWN_KEY, "/organisation/x" },
  { "/organisation/regie_task", NULL, ACTIVERING_ERROR_MISSING, "/organisation: missing \"regie_task\"" },
  { "/organisation/regie_task", "\"hold_regi\"", ACTIVERING_ERROR_UNKNOWN_REF,
    "/organisation/regie_task: unknown task \"hold_regi\"" },
  { "/organisation/regie_task", "\"aftercare\"", ACTIVERING_ERROR_INVALID_VALUE,
    "/organisation/regie_task: the regie task \"aftercare\" must have a single holder" },
  { "/organisation/region_fact", "\"dutch_level\"", ACTIVERING_ERROR_INVALID_VALUE, "" },
  { "/organisation/region_fact", "\"regio\"", ACTIVERING_ERROR_UNKNOWN_REF,
    "/organisation/region_fact: \"regio\" is not an enum fact of this rule set" },
  { "/organisation/region_fact", "\"work_capacity\"", ACTIVERING_ERROR_UNKNOWN_REF,
    "/organisation/region_fact: \"work_capacity\" is not an enum fact" },
  { "/organisation/activation_services", NULL, ACTIVERING_ERROR_MISSING,
    "/organisation: missing \"activation_services\"" },
  { "/organisation/activation_services", "[]", ACTIVERING_ERROR_INVALID_VALUE,
    "/organisation/activation_services: expected at least one activation service" },
  { "/organisation/activation_services/0", "\"internal\"", ACTIVERING_ERROR_TYPE,
    "/organisation/activation_services/0: expected an activation service object" },
  { "/organisation/activation_services/1/code", "\"internal_dedicated\"", ACTIVERING_ERROR_DUPLICATE,
    "/organisation/activation_services/1/code: \"internal_dedicated\" is defined twice" },
  { "/organisation/activation_services/0/label", NULL, ACTIVERING_ERROR_MISSING,
    "/organisation/activation_services/0: missing \"label\"" },
  { "/organisation/activation_services/2/substitute/ocmw.trajectbegeleidr", "\"jobcoach\"", ACTIVERING_ERROR_UNKNOWN_REF,
    "/organisation/activation_services/2/substitute/ocmw.trajectbegeleidr: unknown role" },
  { "/organisation/activation_services/2/substitute/ocmw.trajectbegeleider", "\"jobcoah\"", ACTIVERING_ERROR_UNKNOWN_REF,
    "/organisation/activation_services/2/substitute/ocmw.trajectbegeleider: unknown role \"jobcoah\" (did you mean \"jobcoach\"?)" },
  { "/organisation/activation_services/2/substitute/ocmw.trajectbegeleider", "\"ocmw.trajectbegeleider\"",
    ACTIVERING_ERROR_INVALID_VALUE, "/organisation/activation_services/2/substitute/ocmw.trajectbegeleider: a role cannot take its own place" },
  { "/organisation/activation_services/1/fallback", "[]", ACTIVERING_ERROR_TYPE,
    "/organisation/activation_services/1/fallback: expected" },
  { "/organisation/activation_services/2/requires_partner", "1", ACTIVERING_ERROR_TYPE,
    "/organisation/activation_services/2/requires_partner: expected" },
  { "/organisation/policies/0/requires_partner", "true", ACTIVERING_ERROR_INVALID_VALUE,
    "/organisation/policies/0/requires_partner: only an activation service can require a partner" },
  { "/organisation/policies/0/tasks/hold_regi", "{}", ACTIVERING_ERROR_UNKNOWN_REF,
    "/organisation/policies/0/tasks/hold_regi: unknown task \"hold_regi\"" },
  { "/organisation/policies/0/tasks/hold_regie/responsible", "\"person\"", ACTIVERING_ERROR_UNKNOWN_KEY,
    "/organisation/policies/0/tasks/hold_regie/responsible" },
  { "/organisation/policies/1/tasks/advise_indication/enabled", "\"yes\"", ACTIVERING_ERROR_TYPE,
    "/organisation/policies/1/tasks/advise_indication/enabled: expected" },
  { "/organisation/policies/1/tasks/advise_indication/active", "[{}]", ACTIVERING_ERROR_MISSING,
    "/organisation/policies/1/tasks/advise_indication/active/0: a trigger needs" },
  { "/organisation/messages", NULL, ACTIVERING_ERROR_MISSING, "/organisation: missing \"messages\"" },
  { "/organisation/messages/gaps", "{}", ACTIVERING_ERROR_UNKNOWN_KEY, "/organisation/messages/gaps" },
  { "/organisation/messages/gap", NULL, ACTIVERING_ERROR_MISSING, "/organisation/messages: missing \"gap\"" },
  { "/organisation/messages/gap/en", "\"{task} has no {holder}\"", ACTIVERING_ERROR_INVALID_VALUE,
    "/organisation/messages/gap/en: \"{holder}\" is not a placeholder this text can use" },
  { "/organisation/messages/claimed_twice/nl", "\"{task}: {actor}\"", ACTIVERING_ERROR_INVALID_VALUE,
    "/organisation/messages/claimed_twice/nl: \"{actor}\" is not a placeholder" },
};

/* Applies @m to the default rule set: the load fails with its code and message (or, with an empty message, loads). */
static void
assert_mutation (const Mutation *m)
{
  json_object *root = default_json ();
  if (m->json == NULL)
    ptr_delete (root, m->pointer);
  else
    ptr_set_json (root, m->pointer, m->json);
  if (*m->message == '\0')
    {
      /* dutch_level is an enum fact: a strange region fact, but a valid one */
      ActiveringRuleSet *rules = assert_loads (root);
      activering_rule_set_unref (rules);
      return;
    }
  ASSERT_LOAD_FAILS (root, m->code, "rules.json: ", m->message);
}

START_TEST (test_task_errors)
{
  assert_mutation (&task_mutations[_i]);
}
END_TEST

/* Every bad-input path of the rule language's December 2026 additions (docs/rule-language.md): legal bases in every
 * language, texts that quote parameters, absent, param_on, encoded_from, applies, coverage, signals and unless. */
static const Mutation menu_mutations[] = {
  { "/measures/0/conditions/0/legal_basis", "3", ACTIVERING_ERROR_TYPE,
    "/measures/0/conditions/0/legal_basis: expected a legal basis: a text object or a non-empty string, found a number" },
  { "/measures/0/conditions/0/legal_basis", "\"\"", ACTIVERING_ERROR_INVALID_VALUE,
    "/measures/0/conditions/0/legal_basis: must not be empty" },
  { "/measures/0/conditions/0/legal_basis/fr", NULL, ACTIVERING_ERROR_TRANSLATION,
    "/measures/0/conditions/0/legal_basis: missing the \"fr\" translation" },
  { "/measures/0/legal_basis", "[]", ACTIVERING_ERROR_TYPE,
    "/measures/0/legal_basis: expected a legal basis or a non-empty array of them" },
  { "/measures/0/legal_basis/1", "7", ACTIVERING_ERROR_TYPE, "/measures/0/legal_basis/1: expected a legal basis" },
  { "/parameters/ibo.max_weeks/legal_basis", "{\"nl\": \"wet\"}", ACTIVERING_ERROR_TRANSLATION,
    "/parameters/ibo.max_weeks/legal_basis: missing the \"fr\" translation" },
  { "/obligations/0/legal_basis", "null", ACTIVERING_ERROR_MISSING, "/obligations/0: missing \"legal_basis\"" },
  { "/trajectory_checks/0/legal_basis/en", "\"\"", ACTIVERING_ERROR_TRANSLATION,
    "/trajectory_checks/0/legal_basis: missing the \"en\" translation" },
  { "/measures/2/conditions/2/text/false/en", "\"{param:ibo.max_weks} weeks\"", ACTIVERING_ERROR_UNKNOWN_REF,
    "/measures/2/conditions/2/text/false/en: the text quotes unknown parameter \"ibo.max_weks\"" },
  { "/measures/2/conditions/2/text/false/en", "\"{param:ibo.max_weeks weeks\"", ACTIVERING_ERROR_INVALID_VALUE,
    "/measures/2/conditions/2/text/false/en: a \"{param:\" placeholder is not closed with \"}\"" },
  { "/measures/2/limits/0/text/nl", "\"{param:gpmi.general_from|percent}\"", ACTIVERING_ERROR_RULE_TYPE,
    "/measures/2/limits/0/text/nl: \"|percent\" quotes a number, and \"gpmi.general_from\" is a date" },
  { "/measures/1/conditions/1/when", "{\"absent\": {\"param\": \"ibo.max_weeks\"}}", ACTIVERING_ERROR_RULE_TYPE,
    "/measures/1/conditions/1/when/absent: 'absent' applies to a fact only" },
  { "/measures/1/conditions/1/when", "{\"absent\": {\"fact\": \"gpmi.signed\"}}", ACTIVERING_ERROR_UNKNOWN_REF,
    "/measures/1/conditions/1/when/absent/fact: unknown fact \"gpmi.signed\"" },
  { "/measures/1/conditions/1/when", "{\"param_on\": [\"ibo.max_weeks\"]}", ACTIVERING_ERROR_TYPE,
    "/measures/1/conditions/1/when/param_on: expected 2 operands, found 1" },
  { "/measures/1/conditions/1/when", "{\"==\": [{\"param_on\": [\"ibo.max_weeks\", 3]}, 4]}", ACTIVERING_ERROR_RULE_TYPE,
    "/measures/1/conditions/1/when/==/0/param_on: the date of 'param_on' must be date, found integer" },
  { "/measures/1/conditions/1/when", "{\"==\": [{\"param_on\": [\"ibo.max_weks\", {\"as_of\": {}}]}, 4]}",
    ACTIVERING_ERROR_UNKNOWN_REF, "/measures/1/conditions/1/when/==/0/param_on/0: unknown parameter \"ibo.max_weks\"" },
  { "/measures/2/exists/encoded_from", "\"2018-13-01\"", ACTIVERING_ERROR_INVALID_VALUE,
    "/measures/2/exists/encoded_from: expected a valid date" },
  { "/measures/0/exists/encoded_from", "\"2016-06-01\"", ACTIVERING_ERROR_INVALID_VALUE,
    "/measures/0/exists/encoded_from: \"encoded_from\" must lie after \"valid_from\" and not after \"valid_to\"" },
  { "/measures/1/conditions/0/applies", "{\"fact\": \"region\"}", ACTIVERING_ERROR_RULE_TYPE,
    "/measures/1/conditions/0/applies: " },
  { "/measures/1/coverage", "{}", ACTIVERING_ERROR_TYPE, "/measures/1/coverage: expected" },
  { "/measures/1/coverage/0", "3", ACTIVERING_ERROR_TYPE, "/measures/1/coverage/0: expected coverage entry object" },
  { "/measures/1/coverage/0/code", "\"Federal\"", ACTIVERING_ERROR_INVALID_VALUE,
    "/measures/1/coverage/0/code: \"Federal\" is not a lowercase snake_case code" },
  { "/measures/1/coverage/0/when", NULL, ACTIVERING_ERROR_MISSING, "/measures/1/coverage/0: missing \"when\"" },
  { "/measures/1/coverage/0/when", "\"vlaanderen\"", ACTIVERING_ERROR_RULE_TYPE, "/measures/1/coverage/0/when: " },
  { "/measures/1/coverage/0/text/nl", NULL, ACTIVERING_ERROR_TRANSLATION,
    "/measures/1/coverage/0/text: missing the \"nl\" translation" },
  { "/measures/1/coverage/0/x", "1", ACTIVERING_ERROR_UNKNOWN_KEY, "/measures/1/coverage/0/x" },
  { "/signals", "{}", ACTIVERING_ERROR_TYPE, "rules.json: /signals: expected" },
  { "/signals/0", "[]", ACTIVERING_ERROR_TYPE, "/signals/0: expected signal object" },
  { "/signals/1/id", "\"language_barrier\"", ACTIVERING_ERROR_DUPLICATE,
    "/signals/1/id: \"language_barrier\" is defined twice" },
  { "/signals/0/id", "\"Taal\"", ACTIVERING_ERROR_INVALID_VALUE, "/signals/0/id: an id is dotted lowercase snake_case" },
  { "/signals/0/source", NULL, ACTIVERING_ERROR_MISSING, "/signals/0: missing \"source\"" },
  { "/signals/0/when", NULL, ACTIVERING_ERROR_MISSING, "/signals/0: missing \"when\"" },
  { "/signals/0/when", "3", ACTIVERING_ERROR_RULE_TYPE, "/signals/0/when: " },
  { "/signals/0/text/en", NULL, ACTIVERING_ERROR_TRANSLATION, "/signals/0/text: missing the \"en\" translation" },
  { "/signals/0/x", "1", ACTIVERING_ERROR_UNKNOWN_KEY, "/signals/0/x" },
  { "/trajectory_checks/2/unless", "true", ACTIVERING_ERROR_INVALID_VALUE,
    "/trajectory_checks/2/unless: \"unless\" goes with \"max_duration\"" },
  { "/trajectory_checks/4/unless", "3", ACTIVERING_ERROR_RULE_TYPE, "/trajectory_checks/4/unless: " },
  { "/obligations/0/met_on", "true", ACTIVERING_ERROR_RULE_TYPE, "/obligations/0/met_on: " },
  { "/obligations/0/met_on", "{\"fact\": \"gpmi.signed\"}", ACTIVERING_ERROR_UNKNOWN_REF,
    "/obligations/0/met_on/fact: unknown fact \"gpmi.signed\"" },
  { "/obligations/0/text_undetermined/fr", NULL, ACTIVERING_ERROR_TRANSLATION,
    "/obligations/0/text_undetermined: missing the \"fr\" translation" },
  { "/obligations/0/text_undetermined", "\"due\"", ACTIVERING_ERROR_TYPE, "/obligations/0/text_undetermined: expected a text" },
};

START_TEST (test_menu_language_errors)
{
  assert_mutation (&menu_mutations[_i]);
}
END_TEST

START_TEST (test_tasks_optional)
{
  /* A rule set may leave roles to the vendor: no tasks and no organisation section. An organisation section alone
   * is an error: it has nothing to change. */
  json_object *root = default_json ();
  ptr_delete (root, "/tasks");
  ptr_delete (root, "/organisation");
  g_autoptr (ActiveringRuleSet) rules = assert_loads (root);
  ck_assert_uint_eq (activering_rule_set_get_n_tasks (rules), 0);
  root = default_json ();
  ptr_delete (root, "/tasks");
  ASSERT_LOAD_FAILS (root, ACTIVERING_ERROR_MISSING, "rules.json: /organisation: an \"organisation\" section needs \"tasks\"");
}
END_TEST

/* ---- diffs between rule sets ---- */

/* The diff between the default rule set and the one @root makes, parsed. Frees @root. */
static json_object *
diff_with (json_object *root)
{
  g_autoptr (ActiveringRuleSet) old = test_default_rules ();
  g_autoptr (ActiveringRuleSet) new = assert_loads (root);
  g_autofree char *text = activering_rule_set_diff_to_json (old, new, ACTIVERING_JSON_DEFAULT);
  return J (text);
}

static const char *
json_str_at (json_object *root, const char *pointer)
{
  json_object *value = ptr_get (root, pointer);
  return json_object_get_string (value);
}

START_TEST (test_diff)
{
  /* The same rule set: nothing changed. */
  g_autoptr (ActiveringRuleSet) rules = test_default_rules ();
  g_autofree char *same_text = activering_rule_set_diff_to_json (rules, rules, ACTIVERING_JSON_PRETTY);
  json_object *same = J (same_text);
  ck_assert (json_object_get_boolean (ptr_get (same, "/same")));
  ck_assert_uint_eq (json_object_array_length (ptr_get (same, "/changes")), 0);
  ck_assert_str_eq (json_str_at (same, "/format"), "activering.rules-diff/1");
  ck_assert_str_eq (json_str_at (same, "/old/digest"), activering_rule_set_get_digest (rules));
  json_object_put (same);

  /* A new period of a parameter: named by its start. */
  json_object *root = default_json ();
  json_object_array_add (ptr_get (root, "/parameters/ibo.max_weeks/values"),
                         J ("{\"from\": \"2027-01-01\", \"value\": 20}"));
  json_object *diff = diff_with (root);
  ck_assert (!json_object_get_boolean (ptr_get (diff, "/same")));
  ck_assert_str_eq (json_str_at (diff, "/changes/0/path"), "/parameters/ibo.max_weeks/values/2027-01-01");
  ck_assert_str_eq (json_str_at (diff, "/changes/0/change"), "added");
  ck_assert_int_eq (json_object_get_int (ptr_get (diff, "/changes/0/new/value")), 20);
  ck_assert_str_eq (json_str_at (diff, "/summary/parameters/changed/0"), "ibo.max_weeks");
  json_object_put (diff);

  /* A condition changed, a task removed, a fact added, the version changed. */
  root = default_json ();
  ptr_set_json (root, "/measures/2/conditions/0/legal_basis", "\"een nieuwe wet\"");
  ptr_delete (root, "/tasks/17"); /* apply_imw_premium */
  ptr_set_json (root, "/facts/x.nieuw", "{\"type\": \"bool\", \"label\": {\"nl\": \"n\", \"fr\": \"n\", \"en\": \"n\"},"
                                         " \"supplied_by\": \"ocmw\"}");
  ptr_set_json (root, "/version", "\"2099.1.0\"");
  diff = diff_with (root);
  gboolean found_condition = FALSE, found_removed = FALSE, found_fact = FALSE, found_version = FALSE;
  json_object *changes = ptr_get (diff, "/changes");
  for (size_t i = 0; i < json_object_array_length (changes); i++)
    {
      json_object *c = json_object_array_get_idx (changes, i);
      const char *path = json_object_get_string (json_object_object_get (c, "path"));
      const char *kind = json_object_get_string (json_object_object_get (c, "change"));
      found_condition |= g_str_has_prefix (path, "/measures/ibo/conditions/") && g_str_has_suffix (path, "/legal_basis")
                         && strcmp (kind, "changed") == 0
                         && strcmp (json_object_get_string (json_object_object_get (c, "new")), "een nieuwe wet") == 0;
      found_removed |= strcmp (path, "/tasks/apply_imw_premium") == 0 && strcmp (kind, "removed") == 0;
      found_fact |= strcmp (path, "/facts/x.nieuw") == 0 && strcmp (kind, "added") == 0;
      found_version |= strcmp (path, "/version") == 0 && strcmp (kind, "changed") == 0;
    }
  ck_assert (found_condition && found_removed && found_fact && found_version);
  ck_assert_str_eq (json_str_at (diff, "/summary/tasks/removed/0"), "apply_imw_premium");
  ck_assert_str_eq (json_str_at (diff, "/summary/measures/changed/0"), "ibo");
  ck_assert_str_eq (json_str_at (diff, "/summary/facts/added/0"), "x.nieuw");
  ck_assert_str_eq (json_str_at (diff, "/summary/document/changed/0"), "version");
  json_object_put (diff);
}
END_TEST

/* ---- one way into JSON (issue 13) ---- */

/* Rule files are read by the facts documents' strict reader: a second key is refused, not kept as the last one. */
START_TEST (test_duplicate_keys_refused)
{
  g_autofree char *raw = test_read_file (RULES_FILE, NULL);
  g_autofree char *twice = g_strconcat ("{\"version\": \"0.0.1\",", strchr (raw, '{') + 1, NULL);
  ASSERT_TEXT_FAILS (twice, -1, ACTIVERING_ERROR_DUPLICATE, "rules.json: /version: the key appears twice");
  g_autofree char *inner = g_strdup (raw);
  char *label = strstr (inner, "\"label\": {");
  ck_assert_ptr_nonnull (label);
  g_autofree char *nested = g_strdup_printf ("%.*s\"label\": {\"nl\": \"a\", %s", (int) (label - inner), inner,
                                             label + strlen ("\"label\": {"));
  ASSERT_TEXT_FAILS (nested, -1, ACTIVERING_ERROR_DUPLICATE, "/label/nl: the key appears twice");
  ASSERT_TEXT_FAILS ("{\"format\": \"activering.rules/1\", \"id\": \"a\\u0000b\"}", -1, ACTIVERING_ERROR_INVALID_VALUE,
                     "rules.json: /id: the string at byte 39 holds \\u0000");
  /* A byte order mark is skipped, and comments stay allowed. */
  g_autofree char *bom = g_strconcat ("\xEF\xBB\xBF// annotated\n", raw, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringRuleSet) rules = activering_rule_set_new_from_data (bom, -1, "rules.json", &error);
  ck_assert_msg (rules != NULL, "%s", error ? error->message : "?");
}
END_TEST

/* A one-measure rule set whose condition is @condition. */
static char *
one_measure (const char *condition)
{
  g_autofree char *raw = test_read_file ("tests/fuzz/corpus-rules/one-measure.json", NULL);
  const char *old = "{\"==\": [{\"fact\": \"registered\"}, true]}";
  char *at = strstr (raw, old);
  ck_assert_ptr_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - raw), raw, condition, at + strlen (old));
}

/* Lint reads the rule file again with the loader's own reader and depth: what loaded is linted, never a NULL
 * tree (33 nested "not" passed json-c's default depth of 32 and crashed lint). */
START_TEST (test_nul_in_a_comment)
{
  /* A comment may hold any byte, NUL too: the rule set keeps its whole text, so lint and diff re-read it as it
   * loaded (the fuzzer found the diff reading past a text cut at the NUL). */
  g_autofree char *raw = test_read_file ("tests/fuzz/corpus-rules/one-measure.json", NULL);
  gsize length = strlen (raw) + 8;
  g_autofree char *text = g_malloc0 (length);
  memcpy (text, "// a\0b\0\n", 8);
  memcpy (text + 8, raw, length - 8);
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringRuleSet) rules = activering_rule_set_new_from_data (text, (gssize) length, "nul.json", &error);
  ck_assert_msg (rules != NULL, "%s", error ? error->message : "?");
  /* the same rule set without the comment: nothing differs but the digest */
  g_autoptr (ActiveringRuleSet) plain = activering_rule_set_new_from_data (raw, -1, "plain.json", &error);
  ck_assert_msg (plain != NULL, "%s", error ? error->message : "?");
  g_autofree char *diff = activering_rule_set_diff_to_json (plain, rules, ACTIVERING_JSON_DEFAULT);
  ck_assert_msg (strstr (diff, "\"changes\":[]") != NULL, "%s", diff);
  guint errors = 99;
  g_autofree char *lint = activering_rule_set_lint_to_json (rules, ACTIVERING_JSON_DEFAULT, &errors);
  ck_assert_uint_eq (errors, 0);
}
END_TEST

START_TEST (test_lint_deep_nesting)
{
  GString *condition = g_string_new (NULL);
  for (int i = 0; i < 33; i++)
    g_string_append (condition, "{\"not\": ");
  g_string_append (condition, "{\"==\": [{\"fact\": \"registered\"}, true]}");
  for (int i = 0; i < 33; i++)
    g_string_append_c (condition, '}');
  g_autofree char *text = one_measure (condition->str);
  g_string_free (condition, TRUE);
  g_autoptr (GError) error = NULL;
  g_autoptr (ActiveringRuleSet) rules = activering_rule_set_new_from_data (text, -1, "deep.json", &error);
  ck_assert_msg (rules != NULL, "%s", error ? error->message : "?");
  guint errors = 99;
  g_autofree char *lint = activering_rule_set_lint_to_json (rules, ACTIVERING_JSON_DEFAULT, &errors);
  ck_assert_ptr_nonnull (strstr (lint, "\"format\":\"activering.lint/1\""));
  ck_assert_uint_eq (errors, 0);

  /* an x_ member nested 40 deep, in a measure */
  GString *x = g_string_new ("{\"x_deep\": ");
  for (int i = 0; i < 40; i++)
    g_string_append (x, "{\"a\": ");
  g_string_append (x, "\"TODO\"");
  for (int i = 0; i < 40; i++)
    g_string_append_c (x, '}');
  g_string_append (x, ", ");
  g_autofree char *raw = test_read_file ("tests/fuzz/corpus-rules/one-measure.json", NULL);
  char *measure = strstr (raw, "{\n      \"code\"");
  ck_assert_ptr_nonnull (measure);
  g_autofree char *deep_x = g_strdup_printf ("%.*s%s%s", (int) (measure - raw), raw, x->str, measure + 1);
  g_string_free (x, TRUE);
  g_autoptr (ActiveringRuleSet) rules_x = activering_rule_set_new_from_data (deep_x, -1, "deep-x.json", &error);
  ck_assert_msg (rules_x != NULL, "%s", error ? error->message : "?");
  g_autofree char *lint_x = activering_rule_set_lint_to_json (rules_x, ACTIVERING_JSON_DEFAULT, &errors);
  ck_assert_ptr_nonnull (strstr (lint_x, "\"format\":\"activering.lint/1\""));
  /* and diff of the two reads both */
  g_autofree char *diff = activering_rule_set_diff_to_json (rules, rules_x, ACTIVERING_JSON_DEFAULT);
  ck_assert_ptr_nonnull (strstr (diff, "\"same\":false"));
}
END_TEST

/* ---- lint ---- */

/* The lint findings of the rule set @root makes, parsed; *@errors gets their count of errors. Frees @root. */
static json_object *
lint_of (json_object *root, guint *errors)
{
  g_autoptr (ActiveringRuleSet) rules = assert_loads (root);
  g_autofree char *text = activering_rule_set_lint_to_json (rules, ACTIVERING_JSON_DEFAULT, errors);
  return J (text);
}

/* Whether @lint has a finding with @code, @severity and a path starting with @path. */
static gboolean
has_finding (json_object *lint, const char *code, const char *severity, const char *path)
{
  json_object *findings = ptr_get (lint, "/findings");
  for (size_t i = 0; i < json_object_array_length (findings); i++)
    {
      json_object *f = json_object_array_get_idx (findings, i);
      if (strcmp (json_object_get_string (json_object_object_get (f, "code")), code) == 0
          && strcmp (json_object_get_string (json_object_object_get (f, "severity")), severity) == 0
          && g_str_has_prefix (json_object_get_string (json_object_object_get (f, "path")), path))
        return TRUE;
    }
  return FALSE;
}

/* Every legal basis at every level, in every form (a string, a text per language, a measure's list of either),
 * is checked for placeholders; paths name items by code. */
START_TEST (test_lint_legal_bases)
{
  guint errors = 0;
  json_object *root = default_json ();
  ptr_set_json (root, "/parameters/twe.min_work_capacity/legal_basis", "\"TBD\"");
  ptr_set_json (root, "/measures/0/legal_basis/0", "\"XXX\"");
  ptr_set_json (root, "/measures/2/conditions/0/legal_basis", "\"  \\u2026 \"");
  ptr_set_json (root, "/measures/1/x_draft", "{\"legal_basis\": {\"nl\": \"art. 60 \\u00a77\", \"fr\": \"TODO: traduire\"}}");
  ptr_set_json (root, "/measures/1/conditions/0/legal_basis", "\"art. 60 OCMW-wet (todos: none)\"");
  json_object *lint = lint_of (root, &errors);
  ck_assert (has_finding (lint, "no_legal_basis", "error", "/parameters/twe.min_work_capacity/legal_basis"));
  ck_assert (has_finding (lint, "no_legal_basis", "error", "/measures/twe_ocmw/legal_basis/0"));
  ck_assert (has_finding (lint, "no_legal_basis", "error", "/measures/ibo/conditions/"));
  ck_assert (has_finding (lint, "no_legal_basis", "error", "/measures/art60/x_draft/legal_basis/fr"));
  ck_assert (!has_finding (lint, "no_legal_basis", "error", "/measures/art60/x_draft/legal_basis/nl"));
  ck_assert (!has_finding (lint, "no_legal_basis", "error", "/measures/art60/conditions/status/legal_basis"));
  ck_assert_uint_eq (errors, 4);
  json_object_put (lint);
}
END_TEST

START_TEST (test_lint)
{
  guint errors = 99;
  /* The default rule set: no errors, and every fact and parameter is read (signals and texts that quote a
   * parameter count); only the WES parameters that end with the 2023 reform leave a gap, on purpose. */
  json_object *lint = lint_of (default_json (), &errors);
  ck_assert_uint_eq (errors, 0);
  ck_assert_str_eq (json_str_at (lint, "/format"), "activering.lint/1");
  json_object *findings = ptr_get (lint, "/findings");
  for (gsize i = 0; i < json_object_array_length (findings); i++)
    ck_assert_str_eq (json_str_at (json_object_array_get_idx (findings, i), "/code"), "parameter_gap");
  json_object_put (lint);
  /* A fact nobody reads is a warning; so is a parameter nobody reads. */
  json_object *root = default_json ();
  ptr_delete (root, "/signals");
  lint = lint_of (root, &errors);
  ck_assert (has_finding (lint, "unused_fact", "warning", "/facts/barriers"));
  ck_assert (!has_finding (lint, "unused_fact", "warning", "/facts/income.status"));
  ck_assert (!has_finding (lint, "unused_parameter", "warning", "/parameters/ibo.max_weeks"));
  ck_assert (has_finding (lint, "unused_parameter", "warning", "/parameters/art60.brussels_part_time_min_fraction"));
  json_object_put (lint);

  /* x >= 0.5 together with x < 0.3: never true, at the `all` that holds them. */
  root = default_json ();
  ptr_set_json (root, "/measures/0/conditions/0/when",
                "{\"all\": [{\">=\": [{\"fact\": \"work_capacity\"}, 0.5]}, {\"<\": [{\"fact\": \"work_capacity\"}, 0.3]},"
                " {\"def\": \"social_assistance\"}]}");
  lint = lint_of (root, &errors);
  ck_assert_uint_eq (errors, 1);
  ck_assert (has_finding (lint, "never_true", "error", "/measures/twe_ocmw/conditions/status/when"));
  json_object_put (lint);
  /* … and reversed operands, dates, and an equality outside a bound */
  root = default_json ();
  ptr_set_json (root, "/measures/0/conditions/0/when",
                "{\"all\": [{\"<\": [{\"date\": \"2030-01-01\"}, {\"fact\": \"income.since\"}]},"
                " {\"<=\": [{\"fact\": \"income.since\"}, {\"date\": \"2020-01-01\"}]}]}");
  ptr_set_json (root, "/measures/0/conditions/1/when",
                "{\"all\": [{\"==\": [{\"fact\": \"work_capacity\"}, 1]}, {\"<\": [{\"fact\": \"work_capacity\"}, 1]}]}");
  lint = lint_of (root, &errors);
  ck_assert_uint_eq (errors, 2);
  ck_assert (has_finding (lint, "never_true", "error", "/measures/twe_ocmw/conditions/status/when"));
  ck_assert (has_finding (lint, "never_true", "error", "/measures/twe_ocmw/conditions/vdab_registered/when"));
  json_object_put (lint);
  /* a range that is not empty is fine: 0.3 <= x < 0.5 */
  root = default_json ();
  ptr_set_json (root, "/measures/0/conditions/0/when",
                "{\"all\": [{\">=\": [{\"fact\": \"work_capacity\"}, 0.3]}, {\"<\": [{\"fact\": \"work_capacity\"}, 0.5]}]}");
  lint = lint_of (root, &errors);
  ck_assert_uint_eq (errors, 0);
  ck_assert (!has_finding (lint, "never_true", "error", "/"));
  json_object_put (lint);

  /* x < 0.5 or x >= 0.5: never false (a warning: it may be meant to say "known") */
  root = default_json ();
  ptr_set_json (root, "/measures/0/conditions/0/when",
                "{\"any\": [{\"<\": [{\"fact\": \"work_capacity\"}, 0.5]}, {\">=\": [{\"fact\": \"work_capacity\"}, 0.5]}]}");
  lint = lint_of (root, &errors);
  ck_assert_uint_eq (errors, 0);
  ck_assert (has_finding (lint, "never_false", "warning", "/measures/twe_ocmw/conditions/status/when"));
  json_object_put (lint);
  root = default_json ();
  ptr_set_json (root, "/measures/0/conditions/0/when",
                "{\"any\": [{\"<\": [{\"fact\": \"work_capacity\"}, 0.5]}, {\">\": [{\"fact\": \"work_capacity\"}, 0.5]}]}");
  lint = lint_of (root, &errors);
  ck_assert (!has_finding (lint, "never_false", "warning", "/"));
  json_object_put (lint);

  /* placeholders for a legal basis; an [L] parameter read by a condition; an unused parameter; a gap */
  root = default_json ();
  ptr_set_json (root, "/measures/1/conditions/0/legal_basis", "\"TODO\"");
  ptr_set_json (root, "/parameters/twe.min_work_capacity/note", "\"[L] a guess\"");
  ptr_set_json (root, "/parameters/ibo.max_weeks/values",
                "[{\"from\": \"2018-09-01\", \"until\": \"2026-12-31\", \"value\": 26},"
                " {\"from\": \"2027-02-01\", \"until\": \"2027-12-31\", \"value\": 20}]");
  lint = lint_of (root, &errors);
  ck_assert_uint_eq (errors, 2);
  ck_assert (has_finding (lint, "no_legal_basis", "error", "/measures/art60/conditions/status/legal_basis"));
  ck_assert (has_finding (lint, "uncertain_parameter_in_condition", "error", "/measures/twe_ocmw/conditions/"));
  ck_assert (has_finding (lint, "parameter_gap", "warning", "/parameters/ibo.max_weeks"));
  ck_assert_int_eq (json_object_get_int (ptr_get (lint, "/errors")), 2);
  json_object_put (lint);
}
END_TEST

static Suite *
rules_suite (void)
{
  Suite *s = suite_create ("rules");
  TCase *tc = tcase_create ("syntax");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_default_file_loads);
  tcase_add_test (tc, test_malformed_json);
  tcase_add_test (tc, test_empty_document);
  tcase_add_test (tc, test_not_an_object);
  tcase_add_test (tc, test_scalar_document_not_an_object);
  tcase_add_test (tc, test_deeply_nested_json);
  tcase_add_test (tc, test_comments_accepted);
  suite_add_tcase (s, tc);

  tc = tcase_create ("top level");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_format_other_kind);
  tcase_add_test (tc, test_format_other_major);
  tcase_add_test (tc, test_format_missing);
  tcase_add_test (tc, test_unknown_top_level_key);
  tcase_add_test (tc, test_note_and_x_keys_accepted);
  tcase_add_test (tc, test_missing_required_key);
  tcase_add_test (tc, test_invalid_utf8);
  tcase_add_test (tc, test_wrong_json_types);
  suite_add_tcase (s, tc);

  tc = tcase_create ("references");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_unknown_fact);
  tcase_add_test (tc, test_unknown_region_fact);
  tcase_add_test (tc, test_unknown_parameter);
  tcase_add_test (tc, test_unknown_definition);
  tcase_add_test (tc, test_unknown_measure_reference);
  tcase_add_test (tc, test_unknown_role);
  tcase_add_test (tc, test_unknown_operator);
  suite_add_tcase (s, tc);

  tc = tcase_create ("types");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_type_date_vs_number);
  tcase_add_test (tc, test_type_all_with_number);
  tcase_add_test (tc, test_type_literal_not_in_enum);
  tcase_add_test (tc, test_type_literal_not_in_enum_left);
  tcase_add_test (tc, test_type_code_not_in_in_list);
  tcase_add_test (tc, test_type_code_not_in_contains);
  tcase_add_test (tc, test_type_code_not_in_runs);
  tcase_add_test (tc, test_type_literals_without_enum);
  tcase_add_test (tc, test_type_contains_on_enum);
  tcase_add_test (tc, test_type_limit_bool);
  tcase_add_test (tc, test_type_definition_declared);
  tcase_add_test (tc, test_type_operands);
  tcase_add_test (tc, test_documented_fact_types);
  tcase_add_test (tc, test_unsuppliable_facts);
  suite_add_tcase (s, tc);

  tc = tcase_create ("parameters");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_overlap_same_from);
  tcase_add_test (tc, test_overlap_until_past_next_from);
  tcase_add_test (tc, test_periods_that_touch_do_not_overlap);
  tcase_add_test (tc, test_until_before_from);
  tcase_add_test (tc, test_parameter_value_type);
  suite_add_tcase (s, tc);

  tc = tcase_create ("structure");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_missing_translation);
  tcase_add_test (tc, test_cycle_between_definitions);
  tcase_add_test (tc, test_cycle_measure_own_outcome);
  tcase_add_test (tc, test_measure_references_in_any_order);
  tcase_add_test (tc, test_duplicate_measure_code);
  tcase_add_test (tc, test_duplicate_condition_id);
  tcase_add_test (tc, test_fact_that_is_also_a_parent);
  tcase_add_test (tc, test_confidence_low_rejected);
  tcase_add_test (tc, test_invalid_date_in_exists);
  tcase_add_test (tc, test_expression_too_deep);
  tcase_add_test (tc, test_expression_depth_with_arrays);
  suite_add_tcase (s, tc);

  tc = tcase_create ("getters");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_getters_header);
  tcase_add_test (tc, test_getters_measures);
  tcase_add_test (tc, test_getters_facts_and_roles);
  tcase_add_test (tc, test_digest);
  tcase_add_test (tc, test_from_file);
  tcase_add_test (tc, test_minimal_rule_set);
  suite_add_tcase (s, tc);

  tc = tcase_create ("tasks");
  tcase_set_timeout (tc, 120);
  tcase_add_loop_test (tc, test_task_errors, 0, G_N_ELEMENTS (task_mutations));
  tcase_add_loop_test (tc, test_menu_language_errors, 0, G_N_ELEMENTS (menu_mutations));
  tcase_add_test (tc, test_tasks_optional);
  tcase_add_test (tc, test_diff);
  tcase_add_test (tc, test_lint);
  tcase_add_test (tc, test_lint_deep_nesting);
  tcase_add_test (tc, test_nul_in_a_comment);
  tcase_add_test (tc, test_lint_legal_bases);
  tcase_add_test (tc, test_duplicate_keys_refused);
  suite_add_tcase (s, tc);

  tc = tcase_create ("phase models");
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_phase_model_getters);
  tcase_add_test (tc, test_phase_model_json);
  tcase_add_test (tc, test_own_phase_model);
  tcase_add_test (tc, test_phase_model_optional_parts);
  tcase_add_test (tc, test_phase_models_section_types);
  tcase_add_test (tc, test_phase_model_code_and_keys);
  tcase_add_test (tc, test_phase_model_texts);
  tcase_add_test (tc, test_phase_model_phases);
  tcase_add_test (tc, test_phase_model_transitions);
  tcase_add_test (tc, test_phase_correspondences);
  tcase_add_test (tc, test_trajectory_check_forms);
  tcase_add_test (tc, test_trajectory_check_references);
  tcase_add_test (tc, test_trajectory_check_texts_and_ids);
  tcase_add_test (tc, test_trajectory_indicators);
  tcase_add_test (tc, test_trajectory_follow_up_forms);
  tcase_add_test (tc, test_id_fact_not_in_expressions);
  tcase_add_test (tc, test_trajectory_messages);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  /* A failed precondition or a refcount gone below zero inside the library fails the test. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return test_run_suite (rules_suite ());
}
