/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* document-index.c: a file of documents matched by id, in memory that grows by an index entry (24 bytes) per
 * document, not with the documents.
 *
 * The file is read once with the line reader; each line is parsed, as it always was, so that a bad document is
 * reported with its line before any work starts, and then dropped: only a 64-bit hash of its id and where its
 * line is are kept. A lookup finds the hash by binary search, reads the line back (pread, so threads need no lock)
 * and parses it again, comparing the id, which makes a collision of hashes harmless. A pipe cannot be read back,
 * so it is first copied to a temporary file, deleted at once. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "document-index.h"
#include "line-reader.h"

enum
{
  MATCHED = 1 << 0,  /* a lookup found it (set with an atomic or: lookups run in threads) */
  SHADOWED = 1 << 1, /* a later document has the same id, and counts instead */
};

typedef struct
{
  guint64 hash;
  guint64 offset; /* in the file */
  guint32 length;
  guint32 flags;
} Entry;

struct DocumentIndex
{
  ActiveringRuleSet *rules;
  CliParseFunc parse;
  CliIdFunc id_of;
  GDestroyNotify free_document;
  char *path;
  FILE *file; /* kept open for pread */
  int fd;
  GArray *entries; /* of Entry, sorted by hash, then offset */
};

/* FNV-1a with a final mix (MurmurHash3's), so that ids that differ in their last characters spread too. */
static guint64
hash_id (const char *id)
{
  guint64 h = 0xcbf29ce484222325u;
  for (const guchar *p = (const guchar *) id; *p; p++)
    h = (h ^ *p) * 0x100000001b3u;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdu;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53u;
  h ^= h >> 33;
  return h;
}

static int
by_hash_then_offset (gconstpointer a, gconstpointer b)
{
  const Entry *x = a, *y = b;
  if (x->hash != y->hash)
    return x->hash < y->hash ? -1 : 1;
  return x->offset < y->offset ? -1 : x->offset > y->offset;
}

/* Reads @length bytes at @offset; NULL with @error if the file ended or failed before (it changed under us). */
static char *
read_back (DocumentIndex *index, guint64 offset, gsize length, GError **error)
{
  char *text = g_malloc (length + 1);
  gsize done = 0;
  while (done < length)
    {
      ssize_t n = pread (index->fd, text + done, length - done, (off_t) (offset + done));
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (n < 0 ? errno : EIO),
                       "%s: cannot read a document back (%s): was the file changed?", index->path,
                       n < 0 ? g_strerror (errno) : "it is shorter");
          g_free (text);
          return NULL;
        }
      done += (gsize) n;
    }
  text[length] = '\0';
  return text;
}

static gpointer
parse_entry (DocumentIndex *index, const Entry *entry, GError **error)
{
  g_autofree char *text = read_back (index, entry->offset, entry->length, error);
  return text ? index->parse (index->rules, text, entry->length, error) : NULL;
}

/* Copies a pipe to a temporary file, deleted at once, which can be read back. */
static FILE *
spool (FILE *input, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  int fd = g_file_open_tmp ("activering-XXXXXX", &name, &error);
  if (fd < 0)
    {
      cli_error ("%s: cannot copy it to a temporary file: %s", path, error->message);
      return NULL;
    }
  unlink (name);
  FILE *copy = fdopen (fd, "w+b");
  char buffer[65536];
  size_t n;
  while (copy != NULL && (n = fread (buffer, 1, sizeof buffer, input)) > 0)
    if (fwrite (buffer, 1, n, copy) != n)
      {
        cli_error ("%s: cannot copy it to a temporary file: %s", path, g_strerror (errno));
        fclose (copy);
        return NULL;
      }
  if (copy == NULL || ferror (input) || fflush (copy) != 0 || fseek (copy, 0, SEEK_SET) != 0)
    {
      cli_error ("%s: read error", path);
      if (copy != NULL)
        fclose (copy);
      else
        close (fd);
      return NULL;
    }
  return copy;
}

/* Adds the document @text (its id's hash and where it is); FALSE with @error if it is not one. */
static gboolean
add (DocumentIndex *index, const char *text, gsize length, guint64 offset, GError **error)
{
  gpointer document = index->parse (index->rules, text, length, error);
  if (document == NULL)
    return FALSE;
  Entry entry = { hash_id (index->id_of (document)), offset, (guint32) length, 0 };
  g_array_append_val (index->entries, entry);
  index->free_document (document);
  return TRUE;
}

/* The whole file as one document (a pretty-printed one), when it is not JSON lines. */
static gboolean
add_whole (DocumentIndex *index, guint64 start, GError **error)
{
  struct stat st;
  if (fstat (index->fd, &st) != 0 || (guint64) st.st_size < start || (guint64) st.st_size - start > CLI_MAX_DOCUMENT)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "larger than %u MiB", CLI_MAX_DOCUMENT >> 20);
      return FALSE;
    }
  gsize length = (gsize) ((guint64) st.st_size - start);
  g_autofree char *text = read_back (index, start, length, error);
  return text != NULL && add (index, text, length, start, error);
}

/* Reads the file once and keeps where each document is; FALSE once it printed why not. */
static gboolean
scan (DocumentIndex *index, guint64 start)
{
  LineReader reader;
  line_reader_init (&reader, index->file);
  guint64 blank = 0, bad_line = 0;
  gboolean several = FALSE;
  g_autoptr (GError) line_error = NULL;
  const char *line;
  gsize length;
  gboolean too_long;
  while (line_reader_next (&reader, &line, &length, &too_long))
    {
      if (too_long)
        {
          g_set_error (&line_error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "longer than %d bytes", LINE_READER_MAX_LINE);
          bad_line = reader.line_number;
          break;
        }
      gsize skip = reader.line_number == 1 && length >= 3 && memcmp (line, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
      gsize first = skip;
      while (first < length && g_ascii_isspace (line[first]))
        first++;
      if (first == length)
        {
          blank++; /* counted, as in every JSON-lines input, not an error */
          continue;
        }
      if (!add (index, line + skip, length - skip, start + reader.line_offset + skip, &line_error))
        {
          bad_line = reader.line_number;
          break;
        }
    }
  if (bad_line > 0)
    {
      /* Several lines and one at fault: its error; else the file may be one document over several lines (the
       * file read whole must then be one, or that is the error). */
      several = bad_line > 1 || line_reader_next (&reader, &line, &length, &too_long);
      g_array_set_size (index->entries, 0);
      g_autoptr (GError) whole = NULL;
      if (!add_whole (index, start, &whole))
        {
          if (several)
            cli_error ("%s: line %" G_GUINT64_FORMAT ": %s", index->path, bad_line, line_error->message);
          else
            cli_error ("%s: %s", index->path, whole->message);
          line_reader_clear (&reader);
          return FALSE;
        }
      blank = 0;
    }
  line_reader_clear (&reader);
  if (ferror (index->file))
    {
      cli_error ("%s: read error", index->path);
      return FALSE;
    }
  /* One document and blank lines is a file with one document, whose blank lines are nothing to count. */
  if (blank > 0 && index->entries->len != 1)
    fprintf (stderr, "activering: %s: %" G_GUINT64_FORMAT " blank line%s skipped\n", index->path, blank,
             blank == 1 ? "" : "s");
  return TRUE;
}

/* Ids that hash alike are read back (rarely more than a repeated id): of those that are the same id, only the
 * last counts, as when documents were kept by id. */
static gboolean
shadow_repeated_ids (DocumentIndex *index)
{
  GArray *entries = index->entries;
  for (guint i = 0; i + 1 < entries->len; i++)
    {
      guint end = i + 1;
      while (end < entries->len && g_array_index (entries, Entry, end).hash == g_array_index (entries, Entry, i).hash)
        end++;
      if (end - i > 1)
        {
          g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
          for (guint k = i; k < end; k++)
            {
              g_autoptr (GError) error = NULL;
              gpointer document = parse_entry (index, &g_array_index (entries, Entry, k), &error);
              if (document == NULL)
                {
                  cli_error ("%s", error->message);
                  return FALSE;
                }
              g_ptr_array_add (ids, g_strdup (index->id_of (document)));
              index->free_document (document);
            }
          for (guint k = i; k < end; k++)
            for (guint later = k + 1; later < end; later++)
              if (strcmp (ids->pdata[k - i], ids->pdata[later - i]) == 0)
                g_array_index (entries, Entry, k).flags |= SHADOWED;
        }
      i = end - 1;
    }
  return TRUE;
}

DocumentIndex *
document_index_new (ActiveringRuleSet *rules, const char *path, CliParseFunc parse, CliIdFunc id_of,
                    GDestroyNotify free_document)
{
  FILE *input = cli_open_input (path);
  if (input == NULL)
    return NULL;
  DocumentIndex *index = g_new0 (DocumentIndex, 1);
  *index = (DocumentIndex){ rules, parse, id_of, free_document, g_strdup (path), input, fileno (input),
                            g_array_new (FALSE, FALSE, sizeof (Entry)) };
  /* Where reading starts: standard input may be a file someone has already read part of. */
  struct stat st;
  off_t start = fstat (index->fd, &st) == 0 && S_ISREG (st.st_mode) ? lseek (index->fd, 0, SEEK_CUR) : -1;
  if (start < 0)
    {
      FILE *copy = spool (input, path);
      if (input != stdin)
        fclose (input);
      index->file = copy;
      if (copy == NULL)
        {
          document_index_free (index);
          return NULL;
        }
      index->fd = fileno (copy);
      start = 0;
    }
  if (!scan (index, (guint64) start))
    {
      document_index_free (index);
      return NULL;
    }
  g_array_sort (index->entries, by_hash_then_offset);
  if (!shadow_repeated_ids (index))
    {
      document_index_free (index);
      return NULL;
    }
  return index;
}

void
document_index_free (DocumentIndex *index)
{
  if (index == NULL)
    return;
  if (index->file != NULL && index->file != stdin)
    fclose (index->file);
  g_array_free (index->entries, TRUE);
  g_free (index->path);
  g_free (index);
}

gpointer
document_index_lookup (DocumentIndex *index, const char *id, GError **error)
{
  guint64 hash = hash_id (id);
  GArray *entries = index->entries;
  guint low = 0, high = entries->len;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      if (g_array_index (entries, Entry, middle).hash < hash)
        low = middle + 1;
      else
        high = middle;
    }
  for (guint i = low; i < entries->len && g_array_index (entries, Entry, i).hash == hash; i++)
    {
      Entry *entry = &g_array_index (entries, Entry, i);
      if (g_atomic_int_get ((gint *) &entry->flags) & SHADOWED)
        continue;
      gpointer document = parse_entry (index, entry, error);
      if (document == NULL)
        return NULL;
      if (strcmp (index->id_of (document), id) == 0)
        {
          g_atomic_int_or (&entry->flags, MATCHED);
          return document;
        }
      index->free_document (document); /* another id with the same hash */
    }
  return NULL;
}

static int
compare_ids (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

GPtrArray *
document_index_dup_unmatched (DocumentIndex *index, guint max, guint64 *n_unmatched, GError **error)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  *n_unmatched = 0;
  for (guint i = 0; i < index->entries->len; i++)
    {
      const Entry *entry = &g_array_index (index->entries, Entry, i);
      if (entry->flags & (MATCHED | SHADOWED))
        continue;
      gpointer document = parse_entry (index, entry, error);
      if (document == NULL)
        {
          g_ptr_array_free (ids, TRUE);
          return NULL;
        }
      g_ptr_array_add (ids, g_strdup (index->id_of (document)));
      index->free_document (document);
      ++*n_unmatched;
      /* only the first @max are kept: memory stays small however many there are */
      if (max > 0 && ids->len > 2 * max)
        {
          g_ptr_array_sort (ids, compare_ids);
          g_ptr_array_set_size (ids, max);
        }
    }
  g_ptr_array_sort (ids, compare_ids);
  if (max > 0 && ids->len > max)
    g_ptr_array_set_size (ids, max);
  return ids;
}

static gpointer
parse_facts (ActiveringRuleSet *rules, const char *data, gsize length, GError **error)
{
  return activering_facts_new_from_data (rules, data, (gssize) length, error);
}

static const char *
facts_id (gconstpointer facts)
{
  return activering_facts_get_id (facts);
}

DocumentIndex *
document_index_new_facts (ActiveringRuleSet *rules, const char *path)
{
  return document_index_new (rules, path, parse_facts, facts_id, (GDestroyNotify) activering_facts_free);
}

ActiveringFacts *
document_index_lookup_facts (DocumentIndex *index, const char *id, const CliLine *line, const char *input_name,
                             const char *consequence, GError **error)
{
  ActiveringFacts *facts = document_index_lookup (index, id, error);
  if (facts != NULL || *error != NULL)
    return facts;
  g_string_append_printf (line->messages, "activering: %s", input_name);
  if (line->number > 0)
    g_string_append_printf (line->messages, ": line %" G_GUINT64_FORMAT, line->number);
  g_string_append_printf (line->messages, ": warning: no facts document has the id \"%s\" of this trajectory: %s\n", id,
                          consequence);
  return NULL;
}
