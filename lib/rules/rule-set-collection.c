/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* rule-set-collection.c: a rule set's history (ActiveringRuleSetCollection): its files sorted by the day they come
 * into force, checked to cover their span once, without overlaps or gaps, and the one in force on a day. */
#include "config.h"

#include <string.h>

#include "facts/facts-private.h"
#include "rules/rule-set-collection-private.h"
#include "util/dates-private.h"
#include "util/error-private.h"

struct _ActiveringRuleSetCollection
{
  gatomicrefcount ref;
  GPtrArray *rule_sets; /* ActiveringRuleSet, by in_force.from */
  GPtrArray *files;     /* their file names (NULL when not loaded from a directory) */
  gboolean dated;       /* some rule set declares in_force: a dossier's date matters */
};

typedef struct
{
  ActiveringRuleSet *rules;
  char *file;
} Entry;

static int
by_from (gconstpointer a, gconstpointer b)
{
  const ActiveringRuleSet *x = ((const Entry *) a)->rules, *y = ((const Entry *) b)->rules;
  return x->in_force_from < y->in_force_from ? -1 : x->in_force_from > y->in_force_from;
}

/* The name a message gives a rule set of the history: its file, else its version. */
static const char *
name_of (const Entry *e)
{
  return e->file != NULL ? e->file : e->rules->version;
}

/* Checks the entries (sorted) as one history. */
static gboolean
check_history (const char *document, const Entry *entries, guint n, GError **error)
{
  char a[11], b[11];
  for (guint i = 0; i < n; i++)
    {
      const Entry *e = &entries[i];
      if (n > 1 && !e->rules->has_in_force)
        {
          activering_error_set_at (error, ACTIVERING_ERROR_MISSING, document, "/in_force",
                                   "%s has no \"in_force\": each file of a history of several says when it is in force",
                                   name_of (e));
          return FALSE;
        }
      if (i == 0)
        continue;
      const Entry *before = &entries[i - 1];
      if (strcmp (e->rules->id, before->rules->id) != 0)
        {
          activering_error_set_at (error, ACTIVERING_ERROR_INVALID_VALUE, document, "/id",
                                   "%s is rule set \"%s\" and %s is \"%s\": a history holds one rule set",
                                   name_of (before), before->rules->id, name_of (e), e->rules->id);
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (strcmp (entries[j].rules->version, e->rules->version) == 0)
          {
            activering_error_set_at (error, ACTIVERING_ERROR_DUPLICATE, document, "/version",
                                     "%s and %s are both version %s", name_of (&entries[j]), name_of (e),
                                     e->rules->version);
            return FALSE;
          }
      if (before->rules->in_force_until >= e->rules->in_force_from)
        {
          activering_format_date (e->rules->in_force_from, a);
          if (before->rules->in_force_until == G_MAXINT32)
            activering_error_set_at (error, ACTIVERING_ERROR_OVERLAP, document, "/in_force",
                                     "%s and %s overlap: %s is in force from %s, and %s has no end", name_of (before),
                                     name_of (e), name_of (e), a, name_of (before));
          else
            {
              activering_format_date (before->rules->in_force_until, b);
              activering_error_set_at (error, ACTIVERING_ERROR_OVERLAP, document, "/in_force",
                                       "%s and %s overlap: %s is in force until %s, %s from %s", name_of (before),
                                       name_of (e), name_of (before), b, name_of (e), a);
            }
          return FALSE;
        }
      if (before->rules->in_force_until + 1 < e->rules->in_force_from)
        {
          gboolean ok;
          activering_format_date (activering_add_days (before->rules->in_force_until, 1, &ok), a);
          activering_format_date (activering_add_days (e->rules->in_force_from, -1, &ok), b);
          activering_error_set_at (error, ACTIVERING_ERROR_INVALID_VALUE, document, "/in_force",
                                   "a gap between %s and %s: no file is in force from %s to %s", name_of (before),
                                   name_of (e), a, b);
          return FALSE;
        }
    }
  return TRUE;
}

ActiveringRuleSetCollection *
rule_set_collection_build (const char *document, ActiveringRuleSet *const *rule_sets, const char *const *files, guint n,
                           GError **error)
{
  g_return_val_if_fail (n > 0, NULL);
  g_autofree Entry *entries = g_new (Entry, n);
  for (guint i = 0; i < n; i++)
    entries[i] = (Entry){ rule_sets[i], files != NULL ? (char *) files[i] : NULL };
  qsort (entries, n, sizeof (Entry), by_from);
  if (!check_history (document, entries, n, error))
    return NULL;
  ActiveringRuleSetCollection *c = g_new0 (ActiveringRuleSetCollection, 1);
  g_atomic_ref_count_init (&c->ref);
  c->rule_sets = g_ptr_array_new_with_free_func ((GDestroyNotify) activering_rule_set_unref);
  c->files = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (c->rule_sets, activering_rule_set_ref (entries[i].rules));
      g_ptr_array_add (c->files, g_strdup (entries[i].file));
      c->dated |= entries[i].rules->has_in_force;
    }
  return c;
}

ActiveringRuleSetCollection *
activering_rule_set_collection_new (ActiveringRuleSet *rules)
{
  g_return_val_if_fail (rules != NULL, NULL);
  return rule_set_collection_build ("rules", &rules, NULL, 1, NULL);
}

ActiveringRuleSetCollection *
activering_rule_set_collection_new_default (GError **error)
{
  g_autoptr (ActiveringRuleSet) rules = activering_rule_set_new_default (error);
  return rules != NULL ? activering_rule_set_collection_new (rules) : NULL;
}

static int
by_name (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

ActiveringRuleSetCollection *
activering_rule_set_collection_new_from_directory (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_autoptr (GError) io_error = NULL;
  g_autoptr (GDir) dir = g_dir_open (path, 0, &io_error);
  if (dir == NULL)
    {
      g_set_error (error, ACTIVERING_ERROR, ACTIVERING_ERROR_IO, "%s: cannot read the rule-set directory: %s", path,
                   io_error->message);
      return NULL;
    }
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  for (const char *name; (name = g_dir_read_name (dir)) != NULL;)
    if (g_str_has_suffix (name, ".json") && name[0] != '.')
      g_ptr_array_add (files, g_strdup (name));
  if (files->len == 0)
    {
      g_set_error (error, ACTIVERING_ERROR, ACTIVERING_ERROR_MISSING, "%s: no rule file (*.json) in the directory",
                   path);
      return NULL;
    }
  g_ptr_array_sort (files, by_name); /* the same messages whatever order the directory lists them in */
  g_autoptr (GPtrArray) rule_sets = g_ptr_array_new_with_free_func ((GDestroyNotify) activering_rule_set_unref);
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *file = g_build_filename (path, g_ptr_array_index (files, i), NULL);
      ActiveringRuleSet *rules = activering_rule_set_new_from_file (file, error);
      if (rules == NULL)
        return NULL;
      g_ptr_array_add (rule_sets, rules);
    }
  return rule_set_collection_build (path, (ActiveringRuleSet *const *) rule_sets->pdata,
                                    (const char *const *) files->pdata, files->len, error);
}

ActiveringRuleSetCollection *
activering_rule_set_collection_ref (ActiveringRuleSetCollection *collection)
{
  g_return_val_if_fail (collection != NULL, NULL);
  g_atomic_ref_count_inc (&collection->ref);
  return collection;
}

void
activering_rule_set_collection_unref (ActiveringRuleSetCollection *collection)
{
  if (collection == NULL || !g_atomic_ref_count_dec (&collection->ref))
    return;
  g_ptr_array_free (collection->rule_sets, TRUE);
  g_ptr_array_free (collection->files, TRUE);
  g_free (collection);
}

const char *
activering_rule_set_collection_get_id (const ActiveringRuleSetCollection *collection)
{
  g_return_val_if_fail (collection != NULL, NULL);
  return ((ActiveringRuleSet *) g_ptr_array_index (collection->rule_sets, 0))->id;
}

guint
activering_rule_set_collection_get_n_rule_sets (const ActiveringRuleSetCollection *collection)
{
  g_return_val_if_fail (collection != NULL, 0);
  return collection->rule_sets->len;
}

ActiveringRuleSet *
activering_rule_set_collection_get_rule_set (const ActiveringRuleSetCollection *collection, guint index)
{
  g_return_val_if_fail (collection != NULL && index < collection->rule_sets->len, NULL);
  return g_ptr_array_index (collection->rule_sets, index);
}

const char *
activering_rule_set_collection_get_file (const ActiveringRuleSetCollection *collection, guint index)
{
  g_return_val_if_fail (collection != NULL && index < collection->rule_sets->len, NULL);
  return g_ptr_array_index (collection->files, index);
}

gboolean
activering_rule_set_collection_get_in_force (const ActiveringRuleSetCollection *collection, guint index, GDate *from,
                                             GDate *until)
{
  g_return_val_if_fail (collection != NULL && index < collection->rule_sets->len, FALSE);
  const ActiveringRuleSet *rules = g_ptr_array_index (collection->rule_sets, index);
  if (!rules->has_in_force)
    return FALSE;
  if (from != NULL)
    activering_days_to_gdate (rules->in_force_from, from);
  if (until != NULL && rules->in_force_until != G_MAXINT32)
    activering_days_to_gdate (rules->in_force_until, until);
  return TRUE;
}

int
activering_rule_set_collection_lookup_version (const ActiveringRuleSetCollection *collection, const char *version)
{
  g_return_val_if_fail (collection != NULL, -1);
  for (guint i = 0; version != NULL && i < collection->rule_sets->len; i++)
    if (strcmp (((ActiveringRuleSet *) g_ptr_array_index (collection->rule_sets, i))->version, version) == 0)
      return (int) i;
  return -1;
}

int
rule_set_collection_lookup_day (const ActiveringRuleSetCollection *collection, gint32 day)
{
  /* a history holds a handful of files: a scan is as fast as a search */
  for (guint i = 0; i < collection->rule_sets->len; i++)
    {
      const ActiveringRuleSet *rules = g_ptr_array_index (collection->rule_sets, i);
      if (rules->in_force_from <= day && day <= rules->in_force_until)
        return (int) i;
    }
  return -1;
}

int
activering_rule_set_collection_lookup_date (const ActiveringRuleSetCollection *collection, const GDate *date)
{
  g_return_val_if_fail (collection != NULL && date != NULL, -1);
  if (!g_date_valid (date))
    return -1;
  return rule_set_collection_lookup_day (collection, activering_days_from_gdate (date));
}

ActiveringRuleSet *
activering_rule_set_collection_select (const ActiveringRuleSetCollection *collection, const char *facts, gssize length,
                                       const GDate *as_of, GError **error)
{
  g_return_val_if_fail (collection != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  if (!collection->dated)
    return g_ptr_array_index (collection->rule_sets, 0); /* in force on every day: nothing to read */
  gint32 day;
  if (as_of != NULL && g_date_valid (as_of))
    day = activering_days_from_gdate (as_of);
  else if (facts == NULL || !facts_peek_as_of (facts, length < 0 ? strlen (facts) : (gsize) length, &day))
    day = activering_today ();
  int index = rule_set_collection_lookup_day (collection, day);
  if (index >= 0)
    return g_ptr_array_index (collection->rule_sets, index);
  const ActiveringRuleSet *first = g_ptr_array_index (collection->rule_sets, 0);
  const ActiveringRuleSet *last = g_ptr_array_index (collection->rule_sets, collection->rule_sets->len - 1);
  char on[11], bound[11];
  activering_format_date (day, on);
  gboolean early = day < first->in_force_from;
  activering_format_date (early ? first->in_force_from : last->in_force_until, bound);
  activering_error_set_at (error, ACTIVERING_ERROR_INVALID_VALUE, "facts", "/as_of",
                           "no file of rule set %s is in force on %s (its history %s on %s)", first->id, on,
                           early ? "starts" : "ends", bound);
  return NULL;
}

G_DEFINE_BOXED_TYPE (ActiveringRuleSetCollection, activering_rule_set_collection, activering_rule_set_collection_ref,
                     activering_rule_set_collection_unref)
