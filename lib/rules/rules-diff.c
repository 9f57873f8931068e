/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* rules-diff.c: what changed between two rule sets (activering_rule_set_diff_to_json).
 *
 * Both texts are compared as JSON trees. Arrays whose items are objects named by a "code" or an "id" (measures,
 * conditions, limits, tasks, phases, …) and a parameter's periods (named by "from") are matched by name, so that a
 * change reads as "condition <id> of measure <code> changed" rather than "item 3 changed"; other arrays are compared
 * whole.
 */
#include "config.h"

#include <string.h>

#include <json-c/json.h>

#include "json/json-writer-private.h"
#include "rules/loader-private.h"

#define DIFF_FORMAT "activering.rules-diff/1"

/* One change, kept until the summary that comes before the changes in the document is written. */
typedef struct
{
  char *path;
  const char *kind;
  json_object *old, *new; /* borrowed from the two trees; NULL for an item added or removed */
} Change;

typedef struct
{
  GArray *changes; /* Change */
  GString *path;
  GHashTable *summary; /* "section\tcode" -> change kind, for the summary per section */
  GPtrArray *summary_order;
} Differ;

static json_object *
find_named (json_object *array, const char *name)
{
  for (gsize i = 0; i < json_object_array_length (array); i++)
    if (g_strcmp0 (loader_item_name (json_object_array_get_idx (array, i)), name) == 0)
      return json_object_array_get_idx (array, i);
  return NULL;
}

static void
write_value (JsonWriter *w, json_object *value)
{
  json_writer_raw (w, json_object_to_json_string_ext (value, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
}

/* The section and the code a path belongs to: "/measures/<code>/conditions/…" -> "measures", "<code>";
 * "/version" -> "document", "version". */
static void
note_in_summary (Differ *D, const char *kind)
{
  const char *p = D->path->len > 0 ? D->path->str + 1 : D->path->str; /* the root itself: "" */
  const char *slash = strchr (p, '/');
  /* a top-level member (the version, the title) is listed under "document" */
  g_autofree char *section = slash ? g_strndup (p, (gsize) (slash - p)) : g_strdup ("document");
  const char *code = slash ? slash + 1 : p;
  const char *end = code ? strchr (code, '/') : NULL;
  g_autofree char *name = code ? (end ? g_strndup (code, (gsize) (end - code)) : g_strdup (code)) : NULL;
  /* a change below a named item changes that item; the item added or removed whole says so */
  const char *item_kind = end != NULL ? "changed" : kind;
  char *key = g_strdup_printf ("%s\t%s", section, name ? name : "");
  if (g_hash_table_contains (D->summary, key))
    {
      g_free (key);
      return;
    }
  g_hash_table_insert (D->summary, key, (gpointer) item_kind);
  g_ptr_array_add (D->summary_order, key);
}

static void
change (Differ *D, const char *kind, json_object *old, json_object *new)
{
  Change c = { g_strdup (D->path->str), kind, old, new };
  g_array_append_val (D->changes, c);
  note_in_summary (D, kind);
}

static void
write_changes (JsonWriter *w, const Differ *D)
{
  json_writer_key (w, "changes");
  json_writer_begin_array (w);
  for (guint i = 0; i < D->changes->len; i++)
    {
      const Change *c = &g_array_index (D->changes, Change, i);
      json_writer_begin_object (w);
      json_writer_member_string (w, "path", c->path);
      json_writer_member_string (w, "change", c->kind);
      if (c->old != NULL)
        {
          json_writer_key (w, "old");
          write_value (w, c->old);
        }
      if (c->new != NULL)
        {
          json_writer_key (w, "new");
          write_value (w, c->new);
        }
      json_writer_end_object (w);
    }
  json_writer_end_array (w);
}

static void diff_value (Differ *D, json_object *old, json_object *new);

static void
diff_member (Differ *D, const char *key, json_object *old, json_object *new)
{
  gsize mark = D->path->len;
  g_string_append_c (D->path, '/');
  g_string_append (D->path, key);
  if (old == NULL)
    change (D, "added", NULL, new);
  else if (new == NULL)
    change (D, "removed", old, NULL);
  else
    diff_value (D, old, new);
  g_string_truncate (D->path, mark);
}

static void
diff_value (Differ *D, json_object *old, json_object *new)
{
  if (json_object_equal (old, new))
    return;
  if (json_object_is_type (old, json_type_object) && json_object_is_type (new, json_type_object))
    {
      json_object_object_foreach (old, key, value)
        {
          json_object *other = NULL;
          json_object_object_get_ex (new, key, &other);
          diff_member (D, key, value, other);
        }
      json_object_object_foreach (new, added_key, added)
        if (!json_object_object_get_ex (old, added_key, NULL))
          diff_member (D, added_key, NULL, added);
      return;
    }
  if (json_object_is_type (old, json_type_array) && json_object_is_type (new, json_type_array) && loader_named_items (old)
      && loader_named_items (new))
    {
      for (gsize i = 0; i < json_object_array_length (old); i++)
        {
          json_object *item = json_object_array_get_idx (old, i);
          diff_member (D, loader_item_name (item), item, find_named (new, loader_item_name (item)));
        }
      for (gsize i = 0; i < json_object_array_length (new); i++)
        {
          json_object *item = json_object_array_get_idx (new, i);
          if (find_named (old, loader_item_name (item)) == NULL)
            diff_member (D, loader_item_name (item), NULL, item);
        }
      return;
    }
  change (D, "changed", old, new);
}

static void
write_stamp (JsonWriter *w, const char *key, const ActiveringRuleSet *rules)
{
  json_writer_key (w, key);
  json_writer_begin_object (w);
  json_writer_member_string (w, "id", rules->id);
  json_writer_member_string (w, "version", rules->version);
  json_writer_member_string (w, "digest", rules->digest);
  json_writer_end_object (w);
}

/* {"measures": {"added": [...], "removed": [...], "changed": [...]}, …}, in the order the changes came. */
static void
write_summary (JsonWriter *w, Differ *D)
{
  static const char *const kinds[] = { "added", "removed", "changed" };
  json_writer_key (w, "summary");
  json_writer_begin_object (w);
  g_autoptr (GPtrArray) sections = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < D->summary_order->len; i++)
    {
      const char *key = g_ptr_array_index (D->summary_order, i);
      g_autofree char *section = g_strndup (key, (gsize) (strchr (key, '\t') - key));
      gboolean known = FALSE;
      for (guint j = 0; j < sections->len && !known; j++)
        known = strcmp (g_ptr_array_index (sections, j), section) == 0;
      if (!known)
        g_ptr_array_add (sections, g_steal_pointer (&section));
    }
  for (guint s = 0; s < sections->len; s++)
    {
      const char *section = g_ptr_array_index (sections, s);
      json_writer_key (w, section);
      json_writer_begin_object (w);
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          json_writer_key (w, kinds[k]);
          json_writer_begin_array (w);
          for (guint i = 0; i < D->summary_order->len; i++)
            {
              const char *key = g_ptr_array_index (D->summary_order, i);
              const char *tab = strchr (key, '\t');
              if (strncmp (key, section, (gsize) (tab - key)) == 0 && section[tab - key] == '\0' && tab[1] != '\0'
                  && strcmp (g_hash_table_lookup (D->summary, key), kinds[k]) == 0)
                json_writer_string (w, tab + 1);
            }
          json_writer_end_array (w);
        }
      json_writer_end_object (w);
    }
  json_writer_end_object (w);
}

static void
clear_change (gpointer data)
{
  g_free (((Change *) data)->path);
}

char *
activering_rule_set_diff_to_json (const ActiveringRuleSet *old_rules, const ActiveringRuleSet *new_rules,
                                  ActiveringJsonFlags flags)
{
  g_return_val_if_fail (old_rules != NULL && new_rules != NULL, NULL);
  /* Both texts loaded once already, through the same reader and depth limit, so they parse; were one not to, it
   * would compare as null (diff_value takes NULL as JSON null). */
  json_object *a = loader_parse_source ("rules", old_rules->source, old_rules->source_length, NULL);
  json_object *b = loader_parse_source ("rules", new_rules->source, new_rules->source_length, NULL);
  Differ D = { g_array_new (FALSE, FALSE, sizeof (Change)), g_string_new (NULL),
               g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL), g_ptr_array_new () };
  g_array_set_clear_func (D.changes, clear_change);
  diff_value (&D, a, b);

  GString *out = g_string_new (NULL);
  JsonWriter writer;
  json_writer_init (&writer, out, (flags & ACTIVERING_JSON_PRETTY) != 0);
  json_writer_begin_object (&writer);
  json_writer_member_string (&writer, "format", DIFF_FORMAT);
  write_stamp (&writer, "old", old_rules);
  write_stamp (&writer, "new", new_rules);
  json_writer_key (&writer, "same");
  json_writer_bool (&writer, D.changes->len == 0);
  write_summary (&writer, &D);
  write_changes (&writer, &D);
  json_writer_end_object (&writer);

  g_array_free (D.changes, TRUE); /* before the trees its changes point into */
  json_object_put (a);
  json_object_put (b);
  g_string_free (D.path, TRUE);
  g_ptr_array_free (D.summary_order, TRUE); /* its keys belong to the table */
  g_hash_table_destroy (D.summary);
  return json_document_finish (out, (flags & ACTIVERING_JSON_PRETTY) != 0);
}
