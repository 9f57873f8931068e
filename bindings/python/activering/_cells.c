/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* _cells.c: compiled into activering._native (see _build.py); evaluate_frame's converters from a column of Python
 * objects (a numpy object array: one PyObject pointer per row) to the typed arrays of an ActiveringColumn, in one
 * pass and without a Python call per row.
 *
 * Each converter takes only the common, unambiguous cells (a str "YYYY-MM-DD" for a date, True/False for a bool, a
 * str for an enum, None or a float NaN for an empty cell) and returns 0 at the first other cell: frame.py then takes
 * its general path for that column, which leaves the checking (and the error message) of odd cells to the library.
 * So these functions decide nothing the library would decide differently.
 *
 * cffi releases the GIL around every call; these functions touch Python objects, so they take it back first. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define CELLS_MAX_DEPTH 64

/* The cells' objects lie all over the heap (json.loads made them one document at a time): a read of each is a cache
 * miss, and often a TLB miss. Asking for the objects a few rows ahead lets those misses overlap; without it the
 * converters run at memory latency (about 3 times slower on a busy machine). */
#define CELLS_AHEAD 24
#if defined(__GNUC__)
#define CELLS_PREFETCH(cell, i, n)                                                                                    \
  do                                                                                                                  \
    {                                                                                                                 \
      if ((i) + CELLS_AHEAD < (n))                                                                                    \
        {                                                                                                             \
          __builtin_prefetch ((const char *) (cell)[(i) + CELLS_AHEAD]);                                              \
          __builtin_prefetch ((const char *) (cell)[(i) + CELLS_AHEAD] + 64);                                         \
        }                                                                                                             \
    }                                                                                                                 \
  while (0)
#define CELLS_PREFETCH_ONE(object) __builtin_prefetch ((const char *) (object))
#else
#define CELLS_PREFETCH(cell, i, n) ((void) 0)
#define CELLS_PREFETCH_ONE(object) ((void) 0)
#endif

static int
cells_is_empty (PyObject *cell)
{
  return cell == Py_None || (PyFloat_Check (cell) && isnan (PyFloat_AsDouble (cell)));
}

/* numbers: bool (only True and False), integer and number facts; NaN for an empty cell. */
static int
activering_py_cells_numbers (const void *cells, size_t n, int bools, double *out)
{
  PyObject *const *cell = cells;
  PyGILState_STATE gil = PyGILState_Ensure ();
  int ok = 1;
  for (size_t i = 0; ok && i < n; i++)
    {
      CELLS_PREFETCH (cell, i, n);
      PyObject *c = cell[i];
      if (c == Py_None)
        out[i] = NAN;
      else if (bools)
        {
          if (c == Py_True || c == Py_False)
            out[i] = c == Py_True;
          else if (PyFloat_Check (c) && isnan (PyFloat_AsDouble (c)))
            out[i] = NAN;
          else
            ok = 0;
        }
      else if (PyFloat_Check (c))
        out[i] = PyFloat_AsDouble (c);
      else if (PyLong_Check (c) && !PyBool_Check (c))
        {
          out[i] = PyLong_AsDouble (c);
          if (out[i] == -1.0 && PyErr_Occurred ())
            {
              PyErr_Clear ();
              ok = 0;
            }
        }
      else
        ok = 0;
    }
  PyGILState_Release (gil);
  return ok;
}

static int
cells_days_in_month (int64_t y, int m)
{
  static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : days[m - 1];
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
static int64_t
cells_days_from_civil (int64_t y, int m, int d)
{
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

/* days: a str "YYYY-MM-DD" (a valid date, years 1 to 9999), or INT64_MIN for an empty cell. */
static int
activering_py_cells_days (const void *cells, size_t n, int64_t *out)
{
  PyObject *const *cell = cells;
  PyGILState_STATE gil = PyGILState_Ensure ();
  int ok = 1;
  for (size_t i = 0; ok && i < n; i++)
    {
      CELLS_PREFETCH (cell, i, n);
      PyObject *c = cell[i];
      Py_ssize_t len;
      const char *s;
      if (cells_is_empty (c))
        {
          out[i] = INT64_MIN;
          continue;
        }
      if (!PyUnicode_Check (c) || PyUnicode_GetLength (c) != 10 || (s = PyUnicode_AsUTF8AndSize (c, &len)) == NULL
          || len != 10 || s[4] != '-' || s[7] != '-')
        {
          PyErr_Clear ();
          ok = 0;
          break;
        }
      int v[8];
      static const int at[8] = { 0, 1, 2, 3, 5, 6, 8, 9 };
      for (int k = 0; ok && k < 8; k++)
        {
          v[k] = s[at[k]] - '0';
          ok = v[k] >= 0 && v[k] <= 9;
        }
      if (!ok)
        break;
      int y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3], m = v[4] * 10 + v[5], d = v[6] * 10 + v[7];
      if (y < 1 || m < 1 || m > 12 || d < 1 || d > cells_days_in_month (y, m))
        {
          ok = 0;
          break;
        }
      out[i] = cells_days_from_civil (y, m, d);
    }
  PyGILState_Release (gil);
  return ok;
}

/* codes: for an enum, each cell's index among the distinct strings of the column (at most @max_codes, each named by
 * the row where it first occurs, in @first_rows), or -1 for an empty cell. */
static int
activering_py_cells_codes (const void *cells, size_t n, int32_t *out, int64_t *first_rows, unsigned int max_codes,
                           unsigned int *n_codes)
{
  PyObject *const *cell = cells;
  PyGILState_STATE gil = PyGILState_Ensure ();
  int ok = 1;
  unsigned int count = 0, last = 0;
  PyObject *seen[256];
  const char *text[256];
  Py_ssize_t length[256];
  if (max_codes > 256)
    max_codes = 256;
  for (size_t i = 0; ok && i < n; i++)
    {
      CELLS_PREFETCH (cell, i, n);
      PyObject *c = cell[i];
      if (count > 0 && c == seen[last])
        {
          out[i] = (int32_t) last;
          continue;
        }
      if (cells_is_empty (c))
        {
          out[i] = -1;
          continue;
        }
      Py_ssize_t len;
      const char *s;
      if (!PyUnicode_Check (c) || (s = PyUnicode_AsUTF8AndSize (c, &len)) == NULL)
        {
          PyErr_Clear ();
          ok = 0;
          break;
        }
      unsigned int k = 0;
      while (k < count && !(seen[k] == c || (length[k] == len && memcmp (text[k], s, (size_t) len) == 0)))
        k++;
      if (k == count)
        {
          if (count == max_codes)
            {
              ok = 0;
              break;
            }
          text[k] = s;
          length[k] = len;
          first_rows[k] = (int64_t) i;
          count++;
        }
      seen[k] = c; /* the last object seen with this value: runs of the same object are common */
      last = k;
      out[i] = (int32_t) k;
    }
  *n_codes = count;
  PyGILState_Release (gil);
  return ok;
}

typedef struct
{
  char *data;
  size_t len, allocated;
} CellsBuffer;

static int
cells_reserve (CellsBuffer *b, size_t more)
{
  if (b->len + more <= b->allocated)
    return 1;
  size_t size = b->allocated ? b->allocated : 4096;
  while (size < b->len + more)
    size *= 2;
  char *data = realloc (b->data, size);
  if (data == NULL)
    return 0;
  b->data = data;
  b->allocated = size;
  return 1;
}

static int
cells_append (CellsBuffer *b, const char *s, size_t len)
{
  if (!cells_reserve (b, len))
    return 0;
  memcpy (b->data + b->len, s, len);
  b->len += len;
  return 1;
}

static int
cells_append_string (CellsBuffer *b, PyObject *string)
{
  Py_ssize_t len;
  const char *s = PyUnicode_AsUTF8AndSize (string, &len);
  if (s == NULL || !cells_reserve (b, 2 + 6 * (size_t) len))
    return 0;
  char *p = b->data + b->len;
  *p++ = '"';
  for (Py_ssize_t i = 0; i < len; i++)
    {
      unsigned char c = (unsigned char) s[i];
      if (c == '"' || c == '\\')
        {
          *p++ = '\\';
          *p++ = (char) c;
        }
      else if (c < 0x20)
        {
          static const char hex[] = "0123456789abcdef";
          memcpy (p, "\\u00", 4);
          p[4] = hex[c >> 4];
          p[5] = hex[c & 15];
          p += 6;
        }
      else
        *p++ = (char) c;
    }
  *p++ = '"';
  b->len = (size_t) (p - b->data);
  return 1;
}

/* JSON for the plain types a document holds (dict with str keys, list, tuple, str, int, float, bool, None); 0 for
 * anything else, a non-finite number, an integer past 64 bits or a nesting too deep. */
static int
cells_append_json (CellsBuffer *b, PyObject *value, int depth)
{
  if (depth > CELLS_MAX_DEPTH)
    return 0;
  if (value == Py_None)
    return cells_append (b, "null", 4);
  if (value == Py_True)
    return cells_append (b, "true", 4);
  if (value == Py_False)
    return cells_append (b, "false", 5);
  if (PyUnicode_Check (value))
    return cells_append_string (b, value);
  if (PyLong_CheckExact (value))
    {
      int overflow;
      long long i = PyLong_AsLongLongAndOverflow (value, &overflow);
      if (overflow || (i == -1 && PyErr_Occurred ()))
        return 0;
      char digits[32];
      int len = snprintf (digits, sizeof digits, "%lld", i);
      return cells_append (b, digits, (size_t) len);
    }
  if (PyFloat_CheckExact (value))
    {
      double d = PyFloat_AsDouble (value);
      if (!isfinite (d))
        return 0;
      char *repr = PyOS_double_to_string (d, 'r', 0, 0, NULL);
      if (repr == NULL)
        return 0;
      int ok = cells_append (b, repr, strlen (repr));
      PyMem_Free (repr);
      return ok;
    }
  if (PyList_CheckExact (value) || PyTuple_CheckExact (value))
    {
      int list = PyList_CheckExact (value);
      Py_ssize_t n = list ? PyList_Size (value) : PyTuple_Size (value);
      if (!cells_append (b, "[", 1))
        return 0;
      for (Py_ssize_t i = 0; i < n; i++)
        {
          PyObject *item = list ? PyList_GetItem (value, i) : PyTuple_GetItem (value, i);
          if (item == NULL || (i > 0 && !cells_append (b, ",", 1)) || !cells_append_json (b, item, depth + 1))
            return 0;
        }
      return cells_append (b, "]", 1);
    }
  if (PyDict_CheckExact (value))
    {
      PyObject *key, *item;
      Py_ssize_t position = 0;
      int first = 1;
      if (!cells_append (b, "{", 1))
        return 0;
      while (PyDict_Next (value, &position, &key, &item))
        {
          if (!PyUnicode_Check (key) || (!first && !cells_append (b, ",", 1)) || !cells_append_string (b, key)
              || !cells_append (b, ":", 1) || !cells_append_json (b, item, depth + 1))
            return 0;
          first = 0;
        }
      return cells_append (b, "}", 1);
    }
  return 0;
}

/* The end of a conversion: the text made, or NULL (with Python's error cleared: the caller falls back to the
 * Python path, which words any error) when it failed; the GIL released. */
static char *
cells_finish (CellsBuffer *b, int ok, size_t *length, PyGILState_STATE gil)
{
  if (!ok)
    {
      PyErr_Clear ();
      free (b->data);
      b->data = NULL;
    }
  *length = b->len;
  PyGILState_Release (gil);
  return b->data;
}

/* texts: the rows' texts one after another, row r from offsets[r] to offsets[r + 1]. With @json each value's JSON
 * (an empty cell is an empty text), else (for "id") the str itself (every cell must be a str). The result is freed with
 * activering_py_cells_free(); NULL for a cell that is not written here. */
static char *
activering_py_cells_texts (const void *cells, size_t n, int json, int64_t *offsets, size_t *length)
{
  PyObject *const *cell = cells;
  PyGILState_STATE gil = PyGILState_Ensure ();
  CellsBuffer b = { NULL, 0, 0 };
  int ok = cells_reserve (&b, 1);
  offsets[0] = 0;
  for (size_t i = 0; ok && i < n; i++)
    {
      CELLS_PREFETCH (cell, i, n);
      PyObject *c = cell[i];
      if (!json)
        {
          Py_ssize_t len;
          const char *s = PyUnicode_Check (c) ? PyUnicode_AsUTF8AndSize (c, &len) : NULL;
          ok = s != NULL && cells_append (&b, s, (size_t) len);
        }
      else if (!cells_is_empty (c))
        ok = cells_append_json (&b, c, 0);
      offsets[i + 1] = (int64_t) b.len;
    }
  return cells_finish (&b, ok, length, gil);
}

/* facts lines: the JSON lines of a list of facts documents (dicts), one line each, for activering_evaluate_lines();
 * a dict without "format" gets @format first, as `{"format": format, **document}` would. @list is the list object
 * itself (its address, as id() gives it in CPython). NULL for a list that is not all dicts of plain values. */
static char *
activering_py_cells_facts (const void *list, const char *format, size_t *length)
{
  PyObject *documents = (PyObject *) list;
  PyGILState_STATE gil = PyGILState_Ensure ();
  CellsBuffer b = { NULL, 0, 0 };
  int ok = PyList_CheckExact (documents) && cells_reserve (&b, 1);
  PyObject *key = ok ? PyUnicode_FromString ("format") : NULL;
  Py_ssize_t n = ok ? PyList_Size (documents) : 0;
  ok = ok && key != NULL;
  for (Py_ssize_t i = 0; ok && i < n; i++)
    {
      PyObject *document = PyList_GetItem (documents, i);
      if (i + CELLS_AHEAD < n)
        CELLS_PREFETCH_ONE (PyList_GetItem (documents, i + CELLS_AHEAD));
      if (document == NULL || !PyDict_CheckExact (document))
        {
          ok = 0;
          break;
        }
      if (i > 0 && !cells_append (&b, "\n", 1))
        ok = 0;
      else if (PyDict_Contains (document, key) == 1)
        ok = cells_append_json (&b, document, 0);
      else
        {
          PyObject *member, *item;
          Py_ssize_t position = 0;
          ok = cells_append (&b, "{\"format\":", 10) && cells_append (&b, "\"", 1)
               && cells_append (&b, format, strlen (format)) && cells_append (&b, "\"", 1);
          while (ok && PyDict_Next (document, &position, &member, &item))
            ok = PyUnicode_Check (member) && cells_append (&b, ",", 1) && cells_append_string (&b, member)
                 && cells_append (&b, ":", 1) && cells_append_json (&b, item, 1);
          ok = ok && cells_append (&b, "}", 1);
        }
    }
  Py_XDECREF (key);
  return cells_finish (&b, ok, length, gil);
}

static void
activering_py_cells_free (void *data)
{
  free (data);
}
