/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* organisation-parse.c: reading an `activering.organisation/1` document against a rule set's roles, tasks,
 * activation services and policies. */
#include "config.h"

#include <string.h>

#include "json/json-reader-private.h"
#include "roles/roles-private.h"
#include "util/error-private.h"

#define MAX_DEPTH 16

typedef struct
{
  JsonReader r;
  ActiveringOrganisation *o;
  guint32 seen; /* top-level keys met, by their index in top_keys */
  GArray *agreement_actors; /* per agreement: its actor id as written, resolved once the actors are read */
  Actor actor;              /* the actor or agreement being read */
  Agreement agreement;
  const char *agreement_actor;
} Parser;

static const char *const top_keys[] = { "format",   "id",     "region",    "activation_service", "external_partner",
                                        "policies", "actors", "agreements" };

enum
{
  KEY_FORMAT,
  KEY_ID,
  KEY_REGION,
  KEY_SERVICE,
  KEY_PARTNER,
  KEY_POLICIES,
  KEY_ACTORS,
  KEY_AGREEMENTS
};

static const char *
keep (ActiveringOrganisation *o, const char *s, gsize len)
{
  return g_string_chunk_insert_len (o->strings, s, (gssize) len);
}

static int
key_index (const char *const *keys, guint n, const char *key, gsize len)
{
  for (guint k = 0; k < n; k++)
    if (strlen (keys[k]) == len && memcmp (keys[k], key, len) == 0)
      return (int) k;
  return -1;
}

/* A code string at the cursor, to be one of @n @candidates: its index. */
static gboolean
read_choice (JsonReader *R, const char *what, const char *const *candidates, guint n, int *out)
{
  const char *s;
  gsize len;
  if (!json_reader_expect (R, '"', what) || !json_reader_string (R, JSON_READER_MAX_STRING, &s, &len))
    return FALSE;
  *out = key_index (candidates, n, s, len);
  if (*out >= 0)
    return TRUE;
  g_autoptr (GString) quoted = json_reader_quote_input (s, len, 64);
  const char *hint = activering_suggest (s, len, candidates, n);
  g_autofree char *all = g_strjoinv (", ", (char **) candidates);
  return json_reader_fail (R, ACTIVERING_ERROR_INVALID_VALUE, "unknown %s %s%s%s%s (expected one of: %s)", what,
                           quoted->str, hint ? " (did you mean \"" : "", hint ? hint : "", hint ? "\"?)" : "",
                           n > 0 ? all : "none");
}

static const char **
codes_of_roles (const ActiveringRuleSet *rules)
{
  const char **codes = g_new0 (const char *, rules->n_roles + 1);
  for (guint r = 0; r < rules->n_roles; r++)
    codes[r] = rules->roles[r].code;
  return codes;
}

static const char **
codes_of_variants (const OrganisationVariant *variants, guint n)
{
  const char **codes = g_new0 (const char *, n + 1);
  for (guint v = 0; v < n; v++)
    codes[v] = variants[v].code;
  return codes;
}

static const char **
codes_of_tasks (const ActiveringRuleSet *rules)
{
  const char **codes = g_new0 (const char *, rules->n_tasks + 1);
  for (guint t = 0; t < rules->n_tasks; t++)
    codes[t] = rules->tasks[t].code;
  return codes;
}

static gboolean
read_region (Parser *P)
{
  JsonReader *R = &P->r;
  const ActiveringRuleSet *rules = P->o->rules;
  if (rules->region_fact < 0)
    {
      const char *s;
      gsize len;
      if (!json_reader_id (R, "the region", JSON_READER_MAX_STRING, &s, &len))
        return FALSE;
      P->o->region = keep (P->o, s, len);
      return TRUE;
    }
  const FactDecl *fact = &rules->facts[rules->region_fact];
  g_autofree const char **values = g_new0 (const char *, fact->n_values + 1);
  for (guint v = 0; v < fact->n_values; v++)
    values[v] = rules->symbols[fact->values[v]];
  int index;
  if (!read_choice (R, "region", values, fact->n_values, &index))
    return FALSE;
  P->o->region = values[index];
  return TRUE;
}

static gboolean
read_policies (Parser *P)
{
  JsonReader *R = &P->r;
  const ActiveringRuleSet *rules = P->o->rules;
  if (!json_reader_expect (R, '{', "an object of policies, each true or false"))
    return FALSE;
  R->p++;
  R->depth++;
  g_autofree const char **codes = codes_of_variants (rules->policies, rules->n_policies);
  g_autofree guint8 *seen = g_new0 (guint8, MAX (rules->n_policies, 1));
  gboolean first = TRUE, done;
  const char *key;
  gsize len;
  while (json_reader_next_member (R, &first, &key, &len, &done) && !done)
    {
      gsize mark = json_reader_push (R, key, len);
      int policy = key_index (codes, rules->n_policies, key, len);
      if (policy < 0)
        return json_reader_fail_unknown_key (R, key, len, codes, rules->n_policies);
      if (seen[policy]++)
        return json_reader_fail (R, ACTIVERING_ERROR_DUPLICATE, "the key appears twice");
      json_reader_skip_space (R);
      gboolean on = R->p < R->end && *R->p == 't';
      if (R->p >= R->end || (*R->p != 't' && *R->p != 'f'))
        return json_reader_fail (R, ACTIVERING_ERROR_TYPE, "expected true or false, found %s", json_reader_found (R));
      if (!json_reader_literal (R, on ? "true" : "false"))
        return FALSE;
      P->o->policies[policy] = (guint8) on;
      json_reader_pop (R, mark);
    }
  return *R->error == NULL;
}

static gboolean
actor_field (gpointer data, JsonReader *R, int field, const char *key, gsize len)
{
  (void) key;
  (void) len;
  Parser *P = data;
  ActiveringOrganisation *o = P->o;
  const char *s;
  gsize s_len;
  int role;
  switch (field)
    {
    case 0:
      {
        if (!json_reader_id (R, "an actor id", ORGANISATION_MAX_ID, &s, &s_len))
          return FALSE;
        int before = organisation_actor_index (o, s, s_len);
        if (before >= 0)
          {
            g_autoptr (GString) quoted = json_reader_quote_input (s, s_len, 64);
            return json_reader_fail (R, ACTIVERING_ERROR_DUPLICATE, "actor %s is listed twice (first at /actors/%d)",
                                     quoted->str, before);
          }
        P->actor.id = keep (o, s, s_len);
        return TRUE;
      }
    case 1:
      {
        g_autofree const char **codes = codes_of_roles (o->rules);
        if (!read_choice (R, "role", codes, o->rules->n_roles, &role))
          return FALSE;
        P->actor.role = (guint) role;
        return TRUE;
      }
    default: return json_reader_own_member (R, key, len);
    }
}

static gboolean
read_actor (Parser *P, guint index)
{
  JsonReader *R = &P->r;
  ActiveringOrganisation *o = P->o;
  static const char *const keys[] = { "id", "role" };
  guint32 seen;
  if (!json_reader_fields (R, "an actor object with \"id\" and \"role\"", keys, 2, actor_field, P, &seen))
    return FALSE;
  if (seen != 3)
    return json_reader_fail (R, ACTIVERING_ERROR_MISSING, "missing \"%s\"", seen & 1 ? "role" : "id");
  g_array_append_val (o->actors, P->actor);
  g_hash_table_insert (o->actor_by_id, (gpointer) P->actor.id, GUINT_TO_POINTER (index + 1));
  return TRUE;
}

static gboolean
agreement_field (gpointer data, JsonReader *R, int field, const char *key, gsize len)
{
  (void) key;
  (void) len;
  Parser *P = data;
  ActiveringOrganisation *o = P->o;
  const char *s;
  gsize s_len;
  int task;
  switch (field)
    {
    case 0:
      {
        g_autofree const char **codes = codes_of_tasks (o->rules);
        if (!read_choice (R, "task", codes, o->rules->n_tasks, &task))
          return FALSE;
        P->agreement.task = (guint) task;
        return TRUE;
      }
    case 1:
      if (!json_reader_id (R, "an actor id", ORGANISATION_MAX_ID, &s, &s_len))
        return FALSE;
      P->agreement_actor = keep (o, s, s_len);
      return TRUE;
    case 2:
      if (!json_reader_id (R, "the dossier id", ORGANISATION_MAX_ID, &s, &s_len))
        return FALSE;
      P->agreement.dossier = keep (o, s, s_len);
      return TRUE;
    default: return json_reader_own_member (R, key, len);
    }
}

static gboolean
read_agreement (Parser *P, guint index)
{
  (void) index;
  JsonReader *R = &P->r;
  static const char *const keys[] = { "task", "actor", "dossier" };
  P->agreement = (Agreement){ 0, 0, NULL };
  guint32 seen;
  if (!json_reader_fields (R, "an agreement object with \"task\" and \"actor\"", keys, 3, agreement_field, P, &seen))
    return FALSE;
  if ((seen & 3) != 3)
    return json_reader_fail (R, ACTIVERING_ERROR_MISSING, "missing \"%s\"", seen & 1 ? "actor" : "task");
  g_array_append_val (P->o->agreements, P->agreement);
  g_array_append_val (P->agreement_actors, P->agreement_actor);
  return TRUE;
}

static gboolean
read_list (Parser *P, const char *what, guint max, gboolean (*read_item) (Parser *P, guint index))
{
  JsonReader *R = &P->r;
  if (!json_reader_expect (R, '[', what))
    return FALSE;
  R->p++;
  gboolean first = TRUE, done;
  for (guint index = 0; json_reader_next_element (R, &first, &done) && !done; index++)
    {
      gsize mark = json_reader_push_index (R, index);
      if (index >= max)
        return json_reader_fail (R, ACTIVERING_ERROR_TOO_LARGE, "more than %u items", max);
      if (!read_item (P, index))
        return FALSE;
      json_reader_pop (R, mark);
    }
  return *R->error == NULL;
}

static gboolean
top_field (gpointer data, JsonReader *R, int field, const char *key, gsize len)
{
  (void) key;
  (void) len;
  Parser *P = data;
  ActiveringOrganisation *o = P->o;
  const char *s;
  gsize s_len;
  int service;
  switch (field)
    {
    case KEY_FORMAT: return json_reader_format (R, ORGANISATION_FORMAT);
    case KEY_ID:
      if (!json_reader_id (R, "the organisation id", ORGANISATION_MAX_ID, &s, &s_len))
        return FALSE;
      o->id = keep (o, s, s_len);
      return TRUE;
    case KEY_REGION: return read_region (P);
    case KEY_SERVICE:
      {
        g_autofree const char **codes = codes_of_variants (o->rules->services, o->rules->n_services);
        if (!read_choice (R, "activation service", codes, o->rules->n_services, &service))
          return FALSE;
        o->service = (guint) service;
        return TRUE;
      }
    case KEY_PARTNER:
      json_reader_skip_space (R);
      if (R->p < R->end && *R->p == 'n')
        return json_reader_literal (R, "null");
      if (!json_reader_id (R, "the external partner's name", ORGANISATION_MAX_ID, &s, &s_len))
        return FALSE;
      o->external_partner = keep (o, s, s_len);
      return TRUE;
    case KEY_POLICIES: return read_policies (P);
    case KEY_ACTORS: return read_list (P, "an array of actors", ORGANISATION_MAX_ACTORS, read_actor);
    case KEY_AGREEMENTS: return read_list (P, "an array of agreements", ORGANISATION_MAX_AGREEMENTS, read_agreement);
    default: return json_reader_own_member (R, key, len);
    }
}

/* What the document as a whole must satisfy, once read. */
static gboolean
check_document (Parser *P)
{
  JsonReader *R = &P->r;
  ActiveringOrganisation *o = P->o;
  if (!(P->seen & 1u << KEY_FORMAT))
    return json_reader_fail (R, ACTIVERING_ERROR_FORMAT, "missing \"format\" (expected \"%s\")", ORGANISATION_FORMAT);
  if (!(P->seen & 1u << KEY_ID))
    return json_reader_fail (R, ACTIVERING_ERROR_MISSING, "missing \"id\" (the organisation's id)");
  if (!(P->seen & 1u << KEY_SERVICE))
    return json_reader_fail (R, ACTIVERING_ERROR_MISSING, "missing \"activation_service\"");
  const OrganisationVariant *service = &o->rules->services[o->service];
  if (service->requires_partner && o->external_partner == NULL)
    {
      json_reader_push (R, "external_partner", strlen ("external_partner"));
      return json_reader_fail (R, ACTIVERING_ERROR_MISSING,
                               "the activation service \"%s\" needs the name of the external partner", service->code);
    }
  for (guint a = 0; a < o->agreements->len; a++)
    {
      const char *actor = g_array_index (P->agreement_actors, const char *, a);
      int index = organisation_actor_index (o, actor, strlen (actor));
      if (index < 0)
        {
          json_reader_pop (R, 0);
          json_reader_push (R, "agreements", strlen ("agreements"));
          json_reader_push_index (R, a);
          json_reader_push (R, "actor", strlen ("actor"));
          g_autoptr (GString) quoted = json_reader_quote_input (actor, strlen (actor), 64);
          return json_reader_fail (R, ACTIVERING_ERROR_UNKNOWN_REF, "no actor %s in \"actors\"", quoted->str);
        }
      g_array_index (o->agreements, Agreement, a).actor = (guint) index;
    }
  return TRUE;
}

static ActiveringOrganisation *
organisation_alloc (ActiveringRuleSet *rules)
{
  ActiveringOrganisation *o = g_new0 (ActiveringOrganisation, 1);
  g_ref_count_init (&o->ref_count);
  o->rules = activering_rule_set_ref (rules);
  o->actors = g_array_new (FALSE, FALSE, sizeof (Actor));
  o->agreements = g_array_new (FALSE, FALSE, sizeof (Agreement));
  o->policies = g_new0 (guint8, MAX (rules->n_policies, 1));
  o->n_actors_of_role = g_new0 (guint, MAX (rules->n_roles, 1));
  o->n_agreements_of_task = g_new0 (guint, MAX (rules->n_tasks, 1));
  o->first_actor_of_role = g_new (int, MAX (rules->n_roles, 1));
  o->actor_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  o->strings = g_string_chunk_new (256);
  return o;
}

ActiveringOrganisation *
activering_organisation_new_from_data (ActiveringRuleSet *rules, const char *data, gssize length, GError **error)
{
  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  ActiveringOrganisation *o = organisation_alloc (rules);
  GError *local = NULL;
  g_autoptr (GString) path = g_string_new (NULL);
  g_autoptr (GString) text = g_string_new (NULL);
  Parser parser = { .o = o, .agreement_actors = g_array_new (FALSE, FALSE, sizeof (const char *)) };
  Parser *P = &parser;
  JsonReader *R = &P->r;
  gsize size = data == NULL ? 0 : length < 0 ? strlen (data) : (gsize) length;
  json_reader_init (R, ORGANISATION_DOCUMENT, data, size, MAX_DEPTH, path, text, &local);
  gboolean ok;
  if (rules->n_services == 0)
    ok = json_reader_fail (R, ACTIVERING_ERROR_USAGE,
                           "the rule set defines no tasks, so it cannot assign roles in an organisation");
  else
    ok = json_reader_document (R, "an organisation object", top_keys, G_N_ELEMENTS (top_keys), top_field, P, &P->seen)
         && check_document (P);
  json_reader_clear (R);
  g_array_free (P->agreement_actors, TRUE);
  if (!ok)
    {
      activering_organisation_free (o);
      g_propagate_error (error, local);
      return NULL;
    }
  for (guint r = 0; r < rules->n_roles; r++)
    o->first_actor_of_role[r] = -1;
  for (guint a = 0; a < o->actors->len; a++)
    {
      guint role = g_array_index (o->actors, Actor, a).role;
      if (o->n_actors_of_role[role]++ == 0)
        o->first_actor_of_role[role] = (int) a;
    }
  for (guint a = 0; a < o->agreements->len; a++)
    o->n_agreements_of_task[g_array_index (o->agreements, Agreement, a).task]++;
  return o;
}
