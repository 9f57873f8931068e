/* trajectory.c: an event log: building it event by event, reading it, and writing it back. */
#include "config.h"

#include <string.h>

#include "json/json-writer-private.h"
#include "trajectory/trajectory-private.h"
#include "util/dates-private.h"
#include "util/error-private.h"
#include "util/boxed-private.h"

ActiveringTrajectory *
activering_trajectory_new (ActiveringRuleSet *rules, const char *id, const char *model, GError **error)
{
  g_return_val_if_fail (rules != NULL && id != NULL && model != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  gsize id_len = strlen (id);
  const char *problem = id_len > TRAJECTORY_MAX_ID ? "is longer than " G_STRINGIFY (TRAJECTORY_MAX_ID) " bytes"
                                                   : activering_id_problem (id, id_len);
  if (problem != NULL)
    {
      g_set_error (error, ACTIVERING_ERROR, ACTIVERING_ERROR_INVALID_VALUE, "trajectory: the dossier id %s", problem);
      return NULL;
    }
  int index = rule_set_model_index (rules, model, strlen (model));
  if (index < 0)
    {
      g_set_error (error, ACTIVERING_ERROR, ACTIVERING_ERROR_UNKNOWN_REF,
                   "trajectory: the rule set has no phase model \"%s\"", model);
      return NULL;
    }
  ActiveringTrajectory *t = trajectory_alloc (rules);
  t->id = string_pool_insert_len (&t->strings, id, id_len);
  t->model = (guint) index;
  return t;
}

void
activering_trajectory_free (ActiveringTrajectory *t)
{
  ACTIVERING_BOXED_RELEASE (t);
  activering_trajectory_report_free (t->scratch);
  g_array_free (t->events, TRUE);
  g_ptr_array_free (t->extras, TRUE);
  g_ptr_array_free (t->own_extras, TRUE);
  string_pool_clear (&t->strings);
  if (t->buffers != NULL)
    {
      g_string_free (t->buffers->path, TRUE);
      g_string_free (t->buffers->text, TRUE);
      g_string_free (t->buffers->scratch, TRUE);
      key_set_clear (&t->buffers->keys);
      g_free (t->buffers);
    }
  activering_rule_set_unref (t->rules);
  g_free (t);
}

const char *
activering_trajectory_get_id (const ActiveringTrajectory *t)
{
  g_return_val_if_fail (t != NULL, NULL);
  return t->id;
}

const char *
activering_trajectory_get_model (const ActiveringTrajectory *t)
{
  g_return_val_if_fail (t != NULL, NULL);
  return t->rules->models[t->model].code;
}

guint
activering_trajectory_get_n_events (const ActiveringTrajectory *t)
{
  g_return_val_if_fail (t != NULL, 0);
  return t->events->len;
}

static const Event *
event_at (const ActiveringTrajectory *t, guint index)
{
  return index < t->events->len ? &g_array_index (t->events, Event, index) : NULL;
}

ActiveringEventType
activering_trajectory_get_event_type (const ActiveringTrajectory *t, guint index)
{
  g_return_val_if_fail (t != NULL && index < t->events->len, ACTIVERING_EVENT_NOTE);
  return (ActiveringEventType) event_at (t, index)->type;
}

void
activering_trajectory_get_event_date (const ActiveringTrajectory *t, guint index, GDate *out)
{
  g_return_if_fail (t != NULL && index < t->events->len && out != NULL);
  activering_days_to_gdate (event_at (t, index)->at, out);
}

const char *
activering_trajectory_get_event_subject (const ActiveringTrajectory *t, guint index)
{
  g_return_val_if_fail (t != NULL, NULL);
  const Event *event = event_at (t, index);
  g_return_val_if_fail (index_in_range (event), NULL);
  return event->code;
}

const char *
activering_trajectory_get_event_reason (const ActiveringTrajectory *t, guint index)
{
  g_return_val_if_fail (t != NULL, NULL);
  const Event *event = event_at (t, index);
  g_return_val_if_fail (index_in_range (event), NULL);
  return event->type != ACTIVERING_EVENT_NOTE ? event->reason : NULL;
}

const char *
activering_trajectory_get_event_by (const ActiveringTrajectory *t, guint index)
{
  g_return_val_if_fail (t != NULL, NULL);
  const Event *event = event_at (t, index);
  g_return_val_if_fail (index_in_range (event), NULL);
  return event->by;
}

/* The first error-severity violation that replaying the log with its new last event finds at that event;
 * limits over time are left out, since they say nothing about whether the event may be recorded. */
static const Violation *
refusal (const ActiveringTrajectoryReport *report, guint index)
{
  for (guint v = 0; v < report->violations->len; v++)
    {
      const Violation *violation = &g_array_index (report->violations, Violation, v);
      if (violation->event == index && violation->is_error && violation->code < N_MESSAGE_CODES)
        return violation;
    }
  return NULL;
}

gboolean
activering_trajectory_append_event (ActiveringTrajectory *t, const char *json, gssize length, GError **error)
{
  g_return_val_if_fail (t != NULL && json != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  guint index = t->events->len;
  guint n_extras = t->extras->len;
  GError *local = NULL;
  g_autoptr (GString) path = g_string_new (NULL);
  g_autoptr (GString) text = g_string_new (NULL);
  JsonReader reader;
  json_reader_init (&reader, TRAJECTORY_DOCUMENT, json, length < 0 ? strlen (json) : (gsize) length, 64, path, text,
                    &local);
  json_reader_push (&reader, "events", 6);
  json_reader_push_index (&reader, index);
  json_reader_skip_space (&reader);
  Event event;
  gboolean ok = trajectory_read_event (t, &reader, &event);
  if (ok)
    {
      json_reader_skip_space (&reader);
      if (reader.p < reader.end)
        ok = json_reader_fail (&reader, ACTIVERING_ERROR_SYNTAX, "unexpected data after the event");
    }
  json_reader_clear (&reader);
  if (ok)
    {
      trajectory_resolve_event (t, &event);
      g_array_append_val (t->events, event);
      if (t->scratch == NULL)
        t->scratch = activering_trajectory_report_new (t->rules);
      /* On the latest day of the log: on the new event's own day, the events dated after it would not be replayed,
       * and an event dated before them would not be found out of order. */
      gint32 as_of = event.at;
      for (guint i = 0; i < index; i++)
        as_of = MAX (as_of, g_array_index (t->events, Event, i).at);
      trajectory_replay (t->scratch, t, t->events->len, NULL, as_of);
      const Violation *violation = refusal (t->scratch, index);
      if (violation != NULL)
        {
          g_autoptr (GString) message = g_string_new (NULL);
          violation_append_message (t->scratch, violation, 0, message);
          char event_path[32];
          g_snprintf (event_path, sizeof event_path, "/events/%u", index);
          activering_error_set_at (&local, ACTIVERING_ERROR_INVALID_VALUE, "trajectory", event_path, "%s: %s",
                                   violation_info[violation->code].code, message->str);
          ok = FALSE;
        }
    }
  if (!ok)
    {
      /* The strings the event copied stay in the pool until the trajectory is freed; nothing refers to them. */
      g_array_set_size (t->events, index);
      g_ptr_array_set_size (t->extras, (gint) n_extras);
      g_propagate_error (error, local);
    }
  return ok;
}

/* ---- writing ---- */

static void
write_extras (JsonWriter *w, const GPtrArray *extras, guint first, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      json_writer_key (w, g_ptr_array_index (extras, first + 2 * i));
      json_writer_raw (w, g_ptr_array_index (extras, first + 2 * i + 1));
    }
}

static void
write_event (JsonWriter *w, const ActiveringTrajectory *t, const Event *event)
{
  json_writer_begin_object (w);
  json_writer_member_date (w, "at", event->at);
  json_writer_member_string (w, "type", activering_event_type_to_string (event->type));
  switch (event->type)
    {
    case ACTIVERING_EVENT_OPEN:
    case ACTIVERING_EVENT_REOPEN:
    case ACTIVERING_EVENT_ENTER_PHASE:
      json_writer_member_string (w, "phase", event->code);
      if (event->model_code != NULL)
        json_writer_member_string (w, "model", event->model_code);
      break;
    case ACTIVERING_EVENT_START_MEASURE:
    case ACTIVERING_EVENT_END_MEASURE:
      json_writer_member_string (w, "measure", event->code);
      if (event->reason != NULL)
        json_writer_member_string (w, "reason", event->reason);
      break;
    case ACTIVERING_EVENT_NOTE: json_writer_member_string (w, "text", event->reason); break;
    case ACTIVERING_EVENT_CONTACT: json_writer_member_string (w, "channel", event->reason); break;
    case ACTIVERING_EVENT_VDAB_REPORT:
    case ACTIVERING_EVENT_DECISION: json_writer_member_string (w, "kind", event->reason); break;
    case ACTIVERING_EVENT_HANDOVER: json_writer_member_string (w, "to", event->code); break;
    default: json_writer_member_string (w, "reason", event->reason); break;
    }
  if (event->by != NULL)
    json_writer_member_string (w, "by", event->by);
  if (event->actor != NULL)
    json_writer_member_string (w, "actor", event->actor);
  write_extras (w, t->extras, event->extras_first, event->n_extras);
  json_writer_end_object (w);
}

void
activering_trajectory_append_json (const ActiveringTrajectory *t, ActiveringJsonFlags flags, GString *out)
{
  g_return_if_fail (t != NULL && out != NULL);
  JsonWriter writer;
  JsonWriter *w = &writer;
  json_writer_init (w, out, (flags & ACTIVERING_JSON_PRETTY) != 0);
  json_writer_begin_object (w);
  json_writer_member_string (w, "format", TRAJECTORY_FORMAT);
  json_writer_member_string (w, "id", t->id);
  json_writer_member_string (w, "model", t->rules->models[t->model].code);
  json_writer_key (w, "events");
  json_writer_begin_array (w);
  for (guint i = 0; i < t->events->len; i++)
    write_event (w, t, &g_array_index (t->events, Event, i));
  json_writer_end_array (w);
  write_extras (w, t->own_extras, 0, t->own_extras->len / 2);
  json_writer_end_object (w);
}

char *
activering_trajectory_to_json (const ActiveringTrajectory *t, ActiveringJsonFlags flags)
{
  g_return_val_if_fail (t != NULL, NULL);
  GString *out = g_string_sized_new (256 + 96 * t->events->len);
  activering_trajectory_append_json (t, flags, out);
  return json_document_finish (out, (flags & ACTIVERING_JSON_PRETTY) != 0);
}

ACTIVERING_DEFINE_SHARED_BOXED_TYPE (ActiveringTrajectory, activering_trajectory)
