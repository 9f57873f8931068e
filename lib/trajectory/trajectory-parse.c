/* trajectory-parse.c: reading an `activering.trajectory/1` document and its events. */
#include "config.h"

#include <string.h>

#include "json/json-writer-private.h"
#include "trajectory/trajectory-private.h"
#include "util/error-private.h"

#define MAX_DEPTH 64
#define MAX_TEXT 65536 /* a note */

typedef enum
{
  FIELD_AT,
  FIELD_TYPE,
  FIELD_PHASE,
  FIELD_MODEL,
  FIELD_MEASURE,
  FIELD_REASON,
  FIELD_TEXT,
  FIELD_BY,
  FIELD_ACTOR,
  FIELD_CHANNEL,
  FIELD_KIND,
  FIELD_TO,
  N_FIELDS
} Field;

static const char *const field_names[N_FIELDS] = { "at",   "type", "phase", "model",   "measure", "reason",
                                                   "text", "by",   "actor", "channel", "kind",    "to" };

static const char *const event_types[] = { "open",  "reopen",  "enter_phase", "start_measure", "end_measure", "note",
                                           "close", "contact", "vdab_report", "decision",      "handover" };

/* The values a follow-up event's `channel` or `kind` takes, per event type (NULL-terminated). */
static const char *const contact_channels[] = { "in_person", "phone", "video", "home_visit", "written", NULL };
static const char *const vdab_report_kinds[] = { "non_cooperation", "no_show", "progress", NULL };
static const char *const decision_kinds[] = { "sanction", "no_sanction", "warning", NULL };

#define F(x) (1u << FIELD_##x)
#define COMMON (F (AT) | F (TYPE) | F (BY) | F (ACTOR))

/* Per event type: the fields it must have, and the fields it may have. */
static const guint32 required_fields[] = {
  [ACTIVERING_EVENT_OPEN] = F (AT) | F (TYPE) | F (PHASE),
  [ACTIVERING_EVENT_REOPEN] = F (AT) | F (TYPE) | F (PHASE),
  [ACTIVERING_EVENT_ENTER_PHASE] = F (AT) | F (TYPE) | F (PHASE),
  [ACTIVERING_EVENT_START_MEASURE] = F (AT) | F (TYPE) | F (MEASURE),
  [ACTIVERING_EVENT_END_MEASURE] = F (AT) | F (TYPE) | F (MEASURE) | F (REASON),
  [ACTIVERING_EVENT_NOTE] = F (AT) | F (TYPE) | F (TEXT),
  [ACTIVERING_EVENT_CLOSE] = F (AT) | F (TYPE) | F (REASON),
  [ACTIVERING_EVENT_CONTACT] = F (AT) | F (TYPE) | F (CHANNEL) | F (BY),
  [ACTIVERING_EVENT_VDAB_REPORT] = F (AT) | F (TYPE) | F (KIND),
  [ACTIVERING_EVENT_DECISION] = F (AT) | F (TYPE) | F (KIND) | F (BY),
  [ACTIVERING_EVENT_HANDOVER] = F (AT) | F (TYPE) | F (BY) | F (TO),
};

static const guint32 allowed_fields[] = {
  [ACTIVERING_EVENT_OPEN] = COMMON | F (PHASE) | F (MODEL),
  [ACTIVERING_EVENT_REOPEN] = COMMON | F (PHASE) | F (MODEL),
  [ACTIVERING_EVENT_ENTER_PHASE] = COMMON | F (PHASE) | F (MODEL),
  [ACTIVERING_EVENT_START_MEASURE] = COMMON | F (MEASURE),
  [ACTIVERING_EVENT_END_MEASURE] = COMMON | F (MEASURE) | F (REASON),
  [ACTIVERING_EVENT_NOTE] = COMMON | F (TEXT),
  [ACTIVERING_EVENT_CLOSE] = COMMON | F (REASON),
  [ACTIVERING_EVENT_CONTACT] = COMMON | F (CHANNEL),
  [ACTIVERING_EVENT_VDAB_REPORT] = COMMON | F (KIND),
  [ACTIVERING_EVENT_DECISION] = COMMON | F (KIND),
  [ACTIVERING_EVENT_HANDOVER] = COMMON | F (TO),
};

const char *
activering_event_type_to_string (ActiveringEventType type)
{
  return (guint) type < G_N_ELEMENTS (event_types) ? event_types[type] : "unknown";
}

/* lowercase snake_case, as reasons must be */
static gboolean
is_snake_case (const char *s, gsize len)
{
  if (len == 0)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
      return FALSE;
  return TRUE;
}

static const char *
keep (ActiveringTrajectory *t, const char *s, gsize len)
{
  return string_pool_insert_len (&t->strings, s, len);
}

/* Text that is written back as it was read: valid UTF-8 (the reader does not check strings), without NUL (the
 * strings are kept NUL-terminated: a "\u0000" would cut them). */
static gboolean
is_text (const char *s, gsize len)
{
  return memchr (s, '\0', len) == NULL && g_utf8_validate_len (s, len, NULL);
}

/* An `x_` member: its key and its value (compact) are kept as a pair in t->extras. */
static gboolean
read_extra (ActiveringTrajectory *t, JsonReader *R, const char *key, gsize key_len, GString *scratch, GPtrArray *into)
{
  if (!is_text (key, key_len))
    return json_reader_fail (R, ACTIVERING_ERROR_INVALID_VALUE, "the key is not valid UTF-8 or contains a NUL");
  const char *kept_key = keep (t, key, key_len);
  const char *start = R->p;
  if (!json_reader_own_member (R, key, key_len))
    return FALSE;
  g_string_truncate (scratch, 0);
  json_append_compact (scratch, start, (gsize) (R->p - start));
  if (!is_text (scratch->str, scratch->len))
    return json_reader_fail (R, ACTIVERING_ERROR_INVALID_VALUE, "the value is not valid UTF-8");
  g_ptr_array_add (into, (gpointer) kept_key);
  g_ptr_array_add (into, (gpointer) keep (t, scratch->str, scratch->len));
  return TRUE;
}

/* Finds @code among the phases of @model; without an explicit model, also, for a move, among the models a
 * correspondence joins to it (their phase codes are distinct, so a handover may name just the phase). */
static void
resolve_phase (const ActiveringTrajectory *t, Event *event)
{
  const ActiveringRuleSet *rules = t->rules;
  gsize len = strlen (event->code);
  event->model = UNKNOWN_REF;
  event->subject = UNKNOWN_REF;
  if (event->model_code != NULL)
    {
      int model = rule_set_model_index (rules, event->model_code, strlen (event->model_code));
      if (model >= 0)
        {
          event->model = (gint16) model;
          event->subject = phase_model_phase_index (&rules->models[model], event->code, len);
        }
      return;
    }
  int phase = phase_model_phase_index (&rules->models[t->model], event->code, len);
  if (phase >= 0)
    {
      event->model = (gint16) t->model;
      event->subject = phase;
      return;
    }
  if (event->type != ACTIVERING_EVENT_ENTER_PHASE)
    return; /* a trajectory opens in its own model, or in the one an event names */
  for (guint c = 0; c < rules->n_correspondences; c++)
    {
      const PhaseCorrespondence *correspondence = &rules->correspondences[c];
      guint other;
      if (correspondence->from == t->model)
        other = correspondence->to;
      else if (correspondence->to == t->model)
        other = correspondence->from;
      else
        continue;
      phase = phase_model_phase_index (&rules->models[other], event->code, len);
      if (phase >= 0)
        {
          event->model = (gint16) other;
          event->subject = phase;
          return;
        }
    }
}

void
trajectory_resolve_event (const ActiveringTrajectory *t, Event *event)
{
  const ActiveringRuleSet *rules = t->rules;
  event->role = event->by == NULL ? EVENT_NO_ROLE : rule_set_role_index (rules, event->by, strlen (event->by));
  switch (event->type)
    {
    case ACTIVERING_EVENT_OPEN:
    case ACTIVERING_EVENT_REOPEN:
    case ACTIVERING_EVENT_ENTER_PHASE: resolve_phase (t, event); break;
    case ACTIVERING_EVENT_START_MEASURE:
    case ACTIVERING_EVENT_END_MEASURE:
      event->subject = rule_set_measure_index (rules, event->code, strlen (event->code));
      break;
    case ACTIVERING_EVENT_HANDOVER:
      event->subject = rule_set_role_index (rules, event->code, strlen (event->code));
      break;
    default: event->subject = UNKNOWN_REF; break;
    }
}

static gboolean
read_field (ActiveringTrajectory *t, JsonReader *R, Field field, Event *event, int *type)
{
  const char *s;
  gsize len;
  if (field == FIELD_AT)
    return json_reader_date (R, &event->at);
  if (field == FIELD_ACTOR)
    {
      /* an opaque id, like the dossier's */
      if (!json_reader_id (R, "the actor id", TRAJECTORY_MAX_ID, &s, &len))
        return FALSE;
      event->actor = keep (t, s, len);
      return TRUE;
    }
  if (!json_reader_expect (R, '"', field == FIELD_TEXT ? "a text" : "a code as a string")
      || !json_reader_string (R, field == FIELD_TEXT ? MAX_TEXT : JSON_READER_MAX_STRING, &s, &len))
    return FALSE;
  g_autoptr (GString) quoted = NULL;
  switch (field)
    {
    case FIELD_TYPE:
      for (guint i = 0; i < G_N_ELEMENTS (event_types); i++)
        if (strlen (event_types[i]) == len && memcmp (event_types[i], s, len) == 0)
          *type = (int) i;
      if (*type >= 0)
        return TRUE;
      quoted = json_reader_quote_input (s, len, 64);
      {
        const char *hint = activering_suggest (s, len, event_types, G_N_ELEMENTS (event_types));
        g_autofree char *types = g_strjoinv (", ", (char **) event_types);
        return json_reader_fail (R, ACTIVERING_ERROR_INVALID_VALUE, "unknown event type %s%s%s%s (expected one of: %s)",
                                 quoted->str, hint ? "; did you mean \"" : "", hint ? hint : "", hint ? "\"?" : "",
                                 types);
      }
    case FIELD_REASON:
      if (!is_snake_case (s, len))
        {
          quoted = json_reader_quote_input (s, len, 64);
          return json_reader_fail (R, ACTIVERING_ERROR_INVALID_VALUE,
                                   "%s is not a reason code (lowercase snake_case, e.g. \"duurzaam_werk\")",
                                   quoted->str);
        }
      event->reason = keep (t, s, len);
      return TRUE;
    case FIELD_CHANNEL:
    case FIELD_KIND:
      /* checked against the event type's values once the type is known */
      if (!is_snake_case (s, len))
        {
          quoted = json_reader_quote_input (s, len, 64);
          return json_reader_fail (R, ACTIVERING_ERROR_INVALID_VALUE, "%s is not a code (lowercase snake_case)",
                                   quoted->str);
        }
      event->reason = keep (t, s, len);
      return TRUE;
    case FIELD_TEXT:
      if (!is_text (s, len))
        return json_reader_fail (R, ACTIVERING_ERROR_INVALID_VALUE, "the text is not valid UTF-8 or contains a NUL");
      event->reason = keep (t, s, len);
      return TRUE;
    case FIELD_PHASE:
    case FIELD_MEASURE:
    case FIELD_MODEL:
    case FIELD_BY:
    case FIELD_TO:
      if (len == 0 || !is_text (s, len))
        return json_reader_fail (R, ACTIVERING_ERROR_INVALID_VALUE,
                                 "expected a code, found an empty or invalid string");
      if (field == FIELD_MODEL)
        event->model_code = keep (t, s, len);
      else if (field == FIELD_BY)
        event->by = keep (t, s, len);
      else
        event->code = keep (t, s, len);
      return TRUE;
    default: return FALSE;
    }
}

typedef struct
{
  ActiveringTrajectory *t;
  Event *event;
  int type;
  GString *scratch; /* for x_ members */
} EventReader;

static gboolean
event_field (gpointer data, JsonReader *R, int field, const char *key, gsize len)
{
  EventReader *E = data;
  if (field >= 0)
    return read_field (E->t, R, (Field) field, E->event, &E->type);
  return read_extra (E->t, R, key, len, E->scratch, E->t->extras);
}

/* A follow-up event's `channel` or `kind`: one of its type's values. */
static gboolean
check_value (JsonReader *R, const Event *event)
{
  const char *const *values;
  const char *key;
  switch (event->type)
    {
    case ACTIVERING_EVENT_CONTACT: values = contact_channels, key = "channel"; break;
    case ACTIVERING_EVENT_VDAB_REPORT: values = vdab_report_kinds, key = "kind"; break;
    case ACTIVERING_EVENT_DECISION: values = decision_kinds, key = "kind"; break;
    default: return TRUE;
    }
  for (guint i = 0; values[i] != NULL; i++)
    if (strcmp (values[i], event->reason) == 0)
      return TRUE;
  json_reader_push (R, key, strlen (key));
  g_autofree char *list = g_strjoinv (", ", (char **) values);
  const char *hint = activering_suggest (event->reason, strlen (event->reason), values, g_strv_length ((char **) values));
  return json_reader_fail (R, ACTIVERING_ERROR_INVALID_VALUE, "unknown %s \"%s\" of a \"%s\" event%s%s%s (expected one of: %s)",
                           key, event->reason, event_types[event->type], hint ? "; did you mean \"" : "",
                           hint ? hint : "", hint ? "\"?" : "", list);
}

gboolean
trajectory_read_event (ActiveringTrajectory *t, JsonReader *R, Event *event)
{
  memset (event, 0, sizeof *event);
  event->extras_first = t->extras->len;
  EventReader E = { t, event, -1, trajectory_buffers (t)->scratch };
  guint32 seen;
  if (!json_reader_fields (R, "an event object", field_names, N_FIELDS, event_field, &E, &seen))
    return FALSE;
  int type = E.type;
  if (type < 0)
    {
      g_autofree char *types = g_strjoinv (", ", (char **) event_types);
      return json_reader_fail (R, ACTIVERING_ERROR_MISSING, "missing \"type\" (one of: %s)", types);
    }
  event->type = (guint8) type;
  for (int f = 0; f < N_FIELDS; f++)
    {
      guint32 bit = 1u << f;
      if ((required_fields[type] & bit) && !(seen & bit))
        return json_reader_fail (R, ACTIVERING_ERROR_MISSING, "missing \"%s\" (\"%s\" events have one)", field_names[f],
                                 event_types[type]);
      if ((seen & bit) && !(allowed_fields[type] & bit))
        {
          json_reader_push (R, field_names[f], strlen (field_names[f]));
          return json_reader_fail (R, ACTIVERING_ERROR_UNKNOWN_KEY, "\"%s\" events have no \"%s\"", event_types[type],
                                   field_names[f]);
        }
    }
  if (!check_value (R, event))
    return FALSE;
  event->n_extras = (t->extras->len - event->extras_first) / 2;
  return TRUE;
}

/* ---- the document ---- */

typedef struct
{
  JsonReader r;
  ActiveringTrajectory *t;
  GString *scratch;
  const char *model; /* kept until the events are read: they are resolved against it */
} Parser;

static gboolean
read_events (Parser *P)
{
  JsonReader *R = &P->r;
  if (!json_reader_expect (R, '[', "an array of events"))
    return FALSE;
  R->p++;
  gboolean first = TRUE, done;
  for (guint index = 0; json_reader_next_element (R, &first, &done) && !done; index++)
    {
      gsize mark = json_reader_push_index (R, index);
      if (index >= TRAJECTORY_MAX_EVENTS)
        return json_reader_fail (R, ACTIVERING_ERROR_TOO_LARGE, "more than %d events", TRAJECTORY_MAX_EVENTS);
      Event event;
      if (!trajectory_read_event (P->t, R, &event))
        return FALSE;
      g_array_append_val (P->t->events, event);
      json_reader_pop (R, mark);
    }
  return R->error == NULL || *R->error == NULL;
}

/* The rule set's phase models, for messages: "ocmw7, outreach6" as the data has them, or "none". */
static char *
model_codes (const ActiveringRuleSet *rules)
{
  if (rules->n_models == 0)
    return g_strdup ("none");
  g_autofree const char **codes = g_new0 (const char *, rules->n_models + 1);
  for (guint m = 0; m < rules->n_models; m++)
    codes[m] = rules->models[m].code;
  return g_strjoinv (", ", (char **) codes);
}

static const char *const document_keys[] = { "format", "id", "model", "events" };

static gboolean
document_field (gpointer data, JsonReader *R, int field, const char *key, gsize len)
{
  Parser *P = data;
  const char *s;
  gsize s_len;
  int model;
  switch (field)
    {
    case -1: return read_extra (P->t, R, key, len, P->scratch, P->t->own_extras);
    case 0: return json_reader_format (R, TRAJECTORY_FORMAT);
    case 1:
      if (!json_reader_id (R, "the dossier id", TRAJECTORY_MAX_ID, &s, &s_len))
        return FALSE;
      P->t->id = keep (P->t, s, s_len);
      return TRUE;
    case 2:
      if (!json_reader_expect (R, '"', "a phase model code")
          || !json_reader_string (R, JSON_READER_MAX_STRING, &s, &s_len))
        return FALSE;
      model = rule_set_model_index (P->t->rules, s, s_len);
      if (model < 0)
        {
          g_autoptr (GString) quoted = json_reader_quote_input (s, s_len, 64);
          g_autofree char *list = model_codes (P->t->rules);
          return json_reader_fail (R, ACTIVERING_ERROR_UNKNOWN_REF, "unknown phase model %s (the rule set has: %s)",
                                   quoted->str, list);
        }
      P->t->model = (guint) model;
      return TRUE;
    default:
      /* Events are resolved against the model, which may come later in the document: at the end. */
      return read_events (P);
    }
}

ActiveringTrajectory *
trajectory_alloc (ActiveringRuleSet *rules)
{
  return trajectory_alloc_sized (rules, 0);
}

/* For a document of @size bytes: the strings it keeps are no longer than it, and its events take 45 bytes or more,
 * so that the chunk and the events array are allocated once, not once per few events. */
ActiveringTrajectory *
trajectory_alloc_sized (ActiveringRuleSet *rules, gsize size)
{
  ActiveringTrajectory *t = g_new0 (ActiveringTrajectory, 1);
  g_ref_count_init (&t->ref_count);
  t->rules = activering_rule_set_ref (rules);
  t->events = g_array_sized_new (FALSE, FALSE, sizeof (Event), (guint) MIN (size / 45, TRAJECTORY_MAX_EVENTS));
  t->extras = g_ptr_array_new ();
  t->own_extras = g_ptr_array_new ();
  string_pool_init (&t->strings, CLAMP (size, 1024, 1 << 20));
  return t;
}

TrajectoryBuffers *
trajectory_buffers (ActiveringTrajectory *t)
{
  if (t->buffers == NULL)
    {
      t->buffers = g_new (TrajectoryBuffers, 1);
      t->buffers->path = g_string_new (NULL);
      t->buffers->text = g_string_new (NULL);
      t->buffers->scratch = g_string_new (NULL);
      key_set_init (&t->buffers->keys);
    }
  return t->buffers;
}

/* Empties @t for the next document, keeping what it allocated. */
static void
trajectory_reset (ActiveringTrajectory *t)
{
  t->id = NULL;
  t->model = 0;
  g_array_set_size (t->events, 0);
  g_ptr_array_set_size (t->extras, 0);
  g_ptr_array_set_size (t->own_extras, 0);
  string_pool_reset (&t->strings);
}

/* Reads one document into the empty @t; on failure @t is left empty. */
static gboolean
trajectory_read (ActiveringTrajectory *t, const char *data, gsize size, GError **error)
{
  TrajectoryBuffers *buffers = trajectory_buffers (t);
  GError *local = NULL;
  Parser parser = { .t = t, .scratch = buffers->scratch };
  Parser *P = &parser;
  JsonReader *R = &P->r;
  json_reader_init (R, TRAJECTORY_DOCUMENT, data, size, MAX_DEPTH, buffers->path, buffers->text, &local);
  json_reader_use_keys (R, &buffers->keys);
  guint32 seen = 0;
  gboolean ok = json_reader_document (R, "a trajectory object", document_keys, G_N_ELEMENTS (document_keys),
                                      document_field, P, &seen);
  if (ok && !(seen & 1))
    ok = json_reader_fail (R, ACTIVERING_ERROR_FORMAT, "missing \"format\" (expected \"%s\")", TRAJECTORY_FORMAT);
  else if (ok && !(seen & 2))
    ok = json_reader_fail (R, ACTIVERING_ERROR_MISSING, "missing \"id\" (the opaque dossier id)");
  else if (ok && !(seen & 4))
    {
      g_autofree char *list = model_codes (t->rules);
      ok = json_reader_fail (R, ACTIVERING_ERROR_MISSING, "missing \"model\" (the phase model: one of %s)", list);
    }
  else if (ok && !(seen & 8))
    ok = json_reader_fail (R, ACTIVERING_ERROR_MISSING, "missing \"events\"");
  if (ok)
    for (guint i = 0; i < t->events->len; i++)
      trajectory_resolve_event (t, &g_array_index (t->events, Event, i));
  json_reader_clear (R);
  if (!ok)
    {
      trajectory_reset (t);
      g_propagate_error (error, local);
    }
  return ok;
}

ActiveringTrajectory *
activering_trajectory_new_from_data (ActiveringRuleSet *rules, const char *data, gssize length, GError **error)
{
  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  gsize size = data == NULL ? 0 : length < 0 ? strlen (data) : (gsize) length;
  ActiveringTrajectory *t = trajectory_alloc_sized (rules, size);
  if (!trajectory_read (t, data, size, error))
    g_clear_pointer (&t, activering_trajectory_free);
  return t;
}

gboolean
activering_trajectory_parse (ActiveringTrajectory *trajectory, const char *data, gssize length, GError **error)
{
  g_return_val_if_fail (trajectory != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  gsize size = data == NULL ? 0 : length < 0 ? strlen (data) : (gsize) length;
  trajectory_reset (trajectory);
  return trajectory_read (trajectory, data, size, error);
}
