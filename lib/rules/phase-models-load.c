/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* phase-models-load.c: reading a rule set's phase models, the correspondences between them, and what replaying a
 * trajectory checks and reports (docs/rule-language.md, "Phase models"). */
#include "config.h"

#include <string.h>

#include "rules/loader-private.h"
#include "util/error-private.h"

#define MAX_PHASES 64

static gboolean
measure_member (Loader *L, json_object *o, const char *key, guint *out)
{
  json_object *value = NULL;
  if (!json_object_object_get_ex (o, key, &value))
    return loader_fail (L, ACTIVERING_ERROR_MISSING, "missing \"%s\"", key);
  gsize mark = loader_push (L, key);
  if (!loader_measure_ref (L, value, out))
    return FALSE;
  loader_pop (L, mark);
  return TRUE;
}

/* An integer parameter whose unit is days, weeks, months or years. */
static gboolean
duration_member (Loader *L, json_object *o, const char *key, DurationParam *out)
{
  const char *name = loader_member_string (L, o, key, TRUE);
  if (name == NULL)
    return FALSE;
  gsize mark = loader_push (L, key);
  gpointer index_plus_one = g_hash_table_lookup (L->params_by_name, name);
  if (index_plus_one == NULL)
    return loader_fail (L, ACTIVERING_ERROR_UNKNOWN_REF, "unknown parameter \"%s\"", name);
  out->param = GPOINTER_TO_UINT (index_plus_one) - 1;
  const ParamDecl *param = &L->rules->params[out->param];
  static const char *const units[] = { "days", "weeks", "months", "years" };
  gboolean found = FALSE;
  for (guint u = 0; u < G_N_ELEMENTS (units) && !found; u++)
    if (g_strcmp0 (param->unit, units[u]) == 0)
      {
        out->unit = (DurationUnit) u;
        found = TRUE;
      }
  if (param->type != TYPE_INTEGER || !found)
    return loader_fail (L, ACTIVERING_ERROR_RULE_TYPE,
                        "parameter \"%s\" is not a duration (an integer in days, weeks, months or years)", name);
  loader_pop (L, mark);
  return TRUE;
}

/* ---- phase models ---- */

/* The phases named by @value (a code or an array of codes) at the current path, as flags per phase. */
static gboolean
phase_set (Loader *L, const PhaseModel *model, json_object *value, guint8 *out)
{
  gboolean single = json_object_is_type (value, json_type_string);
  if (!single && (!json_object_is_type (value, json_type_array) || json_object_array_length (value) == 0))
    return loader_fail (L, ACTIVERING_ERROR_TYPE, "expected a phase code or a non-empty array of them, found %s",
                        loader_json_type_label (value));
  guint n = single ? 1 : (guint) json_object_array_length (value);
  for (guint i = 0; i < n; i++)
    {
      json_object *code = single ? value : json_object_array_get_idx (value, i);
      gsize item = single ? L->path->len : loader_push_index (L, i);
      if (!json_object_is_type (code, json_type_string))
        return loader_fail (L, ACTIVERING_ERROR_TYPE, "expected a phase code, found %s", loader_json_type_label (code));
      const char *s = json_object_get_string (code);
      int phase = phase_model_phase_index (model, s, strlen (s));
      if (phase < 0)
        {
          const char *codes[MAX_PHASES];
          for (guint p = 0; p < model->n_phases; p++)
            codes[p] = model->phases[p].code;
          const char *hint = activering_suggest (s, strlen (s), codes, model->n_phases);
          return loader_fail (L, ACTIVERING_ERROR_UNKNOWN_REF, "unknown phase \"%s\" of model \"%s\"%s%s%s", s,
                              model->code, hint ? " (did you mean \"" : "", hint ? hint : "", hint ? "\"?)" : "");
        }
      out[phase] = 1;
      loader_pop (L, item);
    }
  return TRUE;
}

static gboolean
load_phase (Loader *L, PhaseModel *model, guint index, json_object *p)
{
  static const char *const keys[] = { "code", "label", "description", "entry", "optional", "measures", NULL };
  if (!loader_expect_object (L, p, "a phase") || !loader_check_keys (L, p, keys))
    return FALSE;
  Phase *phase = &model->phases[index];
  const char *code;
  if (!loader_code_member (L, p, "code", &code) || !loader_text (L, p, "label", &phase->label)
      || !loader_text (L, p, "description", &phase->description))
    return FALSE;
  if (phase_model_phase_index (model, code, strlen (code)) >= 0)
    {
      loader_push (L, "code");
      return loader_fail (L, ACTIVERING_ERROR_DUPLICATE, "phase \"%s\" is listed twice", code);
    }
  json_object *entry = loader_member (L, p, "entry", json_type_boolean, FALSE);
  json_object *optional = loader_member (L, p, "optional", json_type_boolean, FALSE);
  if (L->failed)
    return FALSE;
  phase->entry = entry != NULL && json_object_get_boolean (entry);
  phase->optional = optional != NULL && json_object_get_boolean (optional);
  if (!loader_measure_set_member (L, p, "measures", TRUE, &phase->fits))
    return FALSE;
  phase->code = rule_set_strdup (L->rules, code); /* last: a phase is findable once complete */
  return TRUE;
}

static gboolean
load_transition (Loader *L, PhaseModel *model, json_object *t)
{
  static const char *const keys[] = { "from", "to", "kind", NULL };
  if (!loader_expect_object (L, t, "a transition") || !loader_check_keys (L, t, keys))
    return FALSE;
  const char *kind_name = loader_member_string (L, t, "kind", TRUE);
  if (kind_name == NULL)
    return FALSE;
  TransitionKind kind;
  if (strcmp (kind_name, "normal") == 0)
    kind = TRANSITION_NORMAL;
  else if (strcmp (kind_name, "warning") == 0)
    kind = TRANSITION_WARNING;
  else
    {
      loader_push (L, "kind");
      return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "expected \"normal\" or \"warning\", found \"%s\"",
                          kind_name);
    }
  guint8 from[MAX_PHASES] = { 0 }, to[MAX_PHASES] = { 0 };
  static const char *const ends[] = { "from", "to" };
  guint8 *sets[] = { from, to };
  for (int e = 0; e < 2; e++)
    {
      json_object *value = NULL;
      if (!json_object_object_get_ex (t, ends[e], &value))
        return loader_fail (L, ACTIVERING_ERROR_MISSING, "missing \"%s\"", ends[e]);
      gsize mark = loader_push (L, ends[e]);
      if (!phase_set (L, model, value, sets[e]))
        return FALSE;
      loader_pop (L, mark);
    }
  guint n = model->n_phases;
  for (guint f = 0; f < n; f++)
    for (guint p = 0; p < n; p++)
      if (from[f] && to[p])
        {
          if (f == p)
            return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE,
                                "a transition from \"%s\" to itself: staying in a phase is not a move",
                                model->phases[f].code);
          if (model->transitions[f * n + p] != TRANSITION_NOT_ALLOWED)
            return loader_fail (L, ACTIVERING_ERROR_DUPLICATE, "the move from \"%s\" to \"%s\" is listed twice",
                                model->phases[f].code, model->phases[p].code);
          model->transitions[f * n + p] = (guint8) kind;
        }
  return TRUE;
}

static gboolean
load_model (Loader *L, const char *code, json_object *m, PhaseModel *model)
{
  static const char *const keys[] = { "label", "description", "source", "phases", "transitions", NULL };
  if (!loader_expect_object (L, m, "a phase model") || !loader_check_keys (L, m, keys))
    return FALSE;
  if (!loader_is_code (code) || strchr (code, '.') != NULL)
    return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "\"%s\" is not a lowercase snake_case code", code);
  model->code = rule_set_strdup (L->rules, code); /* first: the errors of its transitions name it */
  if (!loader_text (L, m, "label", &model->label) || !loader_text (L, m, "description", &model->description))
    return FALSE;
  const char *source = loader_member_string (L, m, "source", FALSE);
  json_object *phases = loader_member (L, m, "phases", json_type_array, TRUE);
  json_object *transitions = loader_member (L, m, "transitions", json_type_array, TRUE);
  if (phases == NULL || transitions == NULL)
    return FALSE;
  model->source = source ? rule_set_strdup (L->rules, source) : NULL;
  guint n = (guint) json_object_array_length (phases);
  gsize mark = loader_push (L, "phases");
  if (n == 0 || n > MAX_PHASES)
    return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "expected 1 to %d phases", MAX_PHASES);
  model->phases = rule_set_alloc (L->rules, sizeof (Phase) * n);
  for (guint i = 0; i < n; i++)
    {
      gsize item = loader_push_index (L, i);
      if (!load_phase (L, model, i, json_object_array_get_idx (phases, i)))
        return FALSE;
      model->n_phases++;
      loader_pop (L, item);
    }
  loader_pop (L, mark);
  model->transitions = rule_set_alloc (L->rules, n * n);
  mark = loader_push (L, "transitions");
  for (guint i = 0; i < json_object_array_length (transitions); i++)
    {
      gsize item = loader_push_index (L, i);
      if (!load_transition (L, model, json_object_array_get_idx (transitions, i)))
        return FALSE;
      loader_pop (L, item);
    }
  loader_pop (L, mark);
  model->json =
      rule_set_strdup (L->rules, json_object_to_json_string_ext (m, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED
                                                                        | JSON_C_TO_STRING_NOSLASHESCAPE));
  return TRUE;
}

static gboolean
load_models (Loader *L, json_object *root)
{
  ActiveringRuleSet *rules = L->rules;
  json_object *models = loader_section (L, root, "phase_models", json_type_object);
  if (models == NULL)
    return !L->failed;
  rules->models = rule_set_alloc (rules, sizeof (PhaseModel) * MAX (json_object_object_length (models), 1));
  json_object_object_foreach (models, code, m)
    {
      gsize mark = loader_push (L, code);
      if (!load_model (L, code, m, &rules->models[rules->n_models]))
        return FALSE;
      rules->n_models++;
      loader_pop (L, mark);
    }
  return TRUE;
}

/* A section that is an array of @size-byte items: allocates them into *@items and loads each with @load_item,
 * counting the loaded ones in *@n (so that an item can look back at those before it). */
/* ---- correspondences ---- */

/* An object from phases of @from to lists of phases of @to, into a [from * n_to + to] flag array. */
static gboolean
phase_map_member (Loader *L, json_object *o, const char *key, const PhaseModel *from, const PhaseModel *to,
                  gboolean required, guint8 **out)
{
  json_object *map = loader_member (L, o, key, json_type_object, required);
  *out = rule_set_alloc (L->rules, from->n_phases * to->n_phases);
  if (map == NULL)
    return !L->failed;
  gsize mark = loader_push (L, key);
  json_object_object_foreach (map, phase_code, targets)
    {
      gsize item = loader_push (L, phase_code);
      int phase = phase_model_phase_index (from, phase_code, strlen (phase_code));
      if (phase < 0)
        return loader_fail (L, ACTIVERING_ERROR_UNKNOWN_REF, "unknown phase \"%s\" of model \"%s\"", phase_code,
                            from->code);
      if (!phase_set (L, to, targets, *out + (gsize) phase * to->n_phases))
        return FALSE;
      loader_pop (L, item);
    }
  loader_pop (L, mark);
  return TRUE;
}

static gboolean
load_correspondence (Loader *L, json_object *c, PhaseCorrespondence *out)
{
  static const char *const keys[] = { "from", "to", "phases", "handover", NULL };
  if (!loader_expect_object (L, c, "a correspondence") || !loader_check_keys (L, c, keys))
    return FALSE;
  if (!loader_model_member (L, c, "from", &out->from) || !loader_model_member (L, c, "to", &out->to))
    return FALSE;
  const PhaseModel *from = &L->rules->models[out->from], *to = &L->rules->models[out->to];
  if (out->from == out->to)
    return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "a model corresponds to itself");
  for (guint p = 0; p < from->n_phases; p++)
    if (phase_model_phase_index (to, from->phases[p].code, strlen (from->phases[p].code)) >= 0)
      return loader_fail (L, ACTIVERING_ERROR_DUPLICATE,
                          "models \"%s\" and \"%s\" both have a phase \"%s\": a trajectory that crosses from one to "
                          "the other needs distinct phase codes",
                          from->code, to->code, from->phases[p].code);
  return phase_map_member (L, c, "phases", from, to, TRUE, &out->corresponds)
         && phase_map_member (L, c, "handover", from, to, FALSE, &out->handover);
}

static gboolean
load_correspondence_item (Loader *L, json_object *item, guint index)
{
  ActiveringRuleSet *rules = L->rules;
  PhaseCorrespondence *c = &rules->correspondences[index];
  if (!load_correspondence (L, item, c))
    return FALSE;
  for (guint j = 0; j < index; j++)
    if ((rules->correspondences[j].from == c->from && rules->correspondences[j].to == c->to)
        || (rules->correspondences[j].from == c->to && rules->correspondences[j].to == c->from))
      /* One per pair: the phases correspond both ways, and a report lists them once per model. */
      return loader_fail (L, ACTIVERING_ERROR_DUPLICATE, "a second correspondence between \"%s\" and \"%s\"",
                          rules->models[c->from].code, rules->models[c->to].code);
  return TRUE;
}

/* ---- event selectors (follow-up checks and indicators) ---- */

gboolean
event_selector_matches (const EventSelector *selector, guint event_type, const char *kind, int role)
{
  for (guint a = 0; a < selector->n_alternatives; a++)
    {
      const EventAlternative *alt = &selector->alternatives[a];
      if (!(alt->types & (1u << event_type)))
        continue;
      if (alt->by != NULL && (role < 0 || !alt->by[role]))
        continue;
      if (alt->kinds != NULL && (kind == NULL || !g_strv_contains ((const char *const *) alt->kinds, kind)))
        continue;
      return TRUE;
    }
  return FALSE;
}

/* A non-empty array of strings at the current path, checked one by one by @check. */
static gboolean
string_array (Loader *L, json_object *value, const char *what, gboolean (*check) (Loader *, const char *, gpointer),
              gpointer data)
{
  if (!json_object_is_type (value, json_type_array) || json_object_array_length (value) == 0)
    return loader_fail (L, ACTIVERING_ERROR_RULE_TYPE, "expected a non-empty array of %s", what);
  for (guint i = 0; i < json_object_array_length (value); i++)
    {
      json_object *item = json_object_array_get_idx (value, i);
      gsize mark = loader_push_index (L, i);
      if (!json_object_is_type (item, json_type_string))
        return loader_fail (L, ACTIVERING_ERROR_RULE_TYPE, "expected %s as a string", what);
      if (!check (L, json_object_get_string (item), data))
        return FALSE;
      loader_pop (L, mark);
    }
  return TRUE;
}

static gboolean
add_event_type (Loader *L, const char *code, gpointer data)
{
  guint32 *types = data;
  for (guint t = 0; t < 32; t++)
    {
      const char *name = activering_event_type_to_string ((ActiveringEventType) t);
      if (strcmp (name, "unknown") == 0)
        break;
      if (strcmp (name, code) == 0)
        {
          *types |= 1u << t;
          return TRUE;
        }
    }
  return loader_fail (L, ACTIVERING_ERROR_UNKNOWN_REF, "unknown event type \"%s\"", code);
}

static gboolean
add_role (Loader *L, const char *code, gpointer data)
{
  guint8 *by = data;
  int role = rule_set_role_index (L->rules, code, strlen (code));
  if (role < 0)
    return loader_fail_unknown (L, "role", code, &L->rules->roles[0].code, sizeof (Role), L->rules->n_roles);
  by[role] = 1;
  return TRUE;
}

static gboolean
is_code (Loader *L, const char *code, gpointer data)
{
  (void) data;
  if (!loader_is_code (code) || strchr (code, '.') != NULL)
    return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "\"%s\" is not a code (lowercase snake_case)", code);
  return TRUE;
}

/* A NULL-terminated copy of the strings of @value (checked). */
static char **
code_list (Loader *L, json_object *value)
{
  guint n = (guint) json_object_array_length (value);
  char **out = rule_set_alloc (L->rules, sizeof (char *) * (n + 1));
  for (guint i = 0; i < n; i++)
    out[i] = rule_set_strdup (L->rules, json_object_get_string (json_object_array_get_idx (value, i)));
  out[n] = NULL;
  return out;
}

static gboolean
load_alternative (Loader *L, json_object *o, EventAlternative *alt)
{
  static const char *const keys[] = { "types", "kinds", "by", NULL };
  if (!loader_expect_object (L, o, "an event selector") || !loader_check_keys (L, o, keys))
    return FALSE;
  json_object *value;
  if (!json_object_object_get_ex (o, "types", &value))
    return loader_fail (L, ACTIVERING_ERROR_MISSING, "missing \"types\" (the event types it selects)");
  gsize mark = loader_push (L, "types");
  if (!string_array (L, value, "event types", add_event_type, &alt->types))
    return FALSE;
  loader_pop (L, mark);
  if (json_object_object_get_ex (o, "kinds", &value))
    {
      mark = loader_push (L, "kinds");
      if (!string_array (L, value, "channels, kinds or reasons", is_code, NULL))
        return FALSE;
      alt->kinds = code_list (L, value);
      loader_pop (L, mark);
    }
  if (json_object_object_get_ex (o, "by", &value))
    {
      mark = loader_push (L, "by");
      alt->by = rule_set_alloc (L->rules, MAX (L->rules->n_roles, 1));
      memset (alt->by, 0, MAX (L->rules->n_roles, 1));
      if (!string_array (L, value, "role codes", add_role, alt->by))
        return FALSE;
      loader_pop (L, mark);
    }
  return TRUE;
}

/* The required member @key: one selector object, or a non-empty array of them (any of which selects). */
static gboolean
selector_member (Loader *L, json_object *o, const char *key, EventSelector *out)
{
  json_object *value;
  if (!json_object_object_get_ex (o, key, &value))
    return loader_fail (L, ACTIVERING_ERROR_MISSING, "missing \"%s\"", key);
  gsize mark = loader_push (L, key);
  gboolean is_list = json_object_is_type (value, json_type_array);
  guint n = is_list ? (guint) json_object_array_length (value) : 1;
  if (n == 0)
    return loader_fail (L, ACTIVERING_ERROR_RULE_TYPE, "expected an event selector or a non-empty array of them");
  out->alternatives = rule_set_alloc (L->rules, sizeof (EventAlternative) * n);
  memset (out->alternatives, 0, sizeof (EventAlternative) * n);
  out->n_alternatives = n;
  for (guint i = 0; i < n; i++)
    {
      gsize item_mark = is_list ? loader_push_index (L, i) : 0;
      if (!load_alternative (L, is_list ? json_object_array_get_idx (value, i) : value, &out->alternatives[i]))
        return FALSE;
      if (is_list)
        loader_pop (L, item_mark);
    }
  loader_pop (L, mark);
  return TRUE;
}

/* ---- checks and indicators ---- */

static gboolean
load_check (Loader *L, json_object *c, guint index)
{
  ActiveringRuleSet *rules = L->rules;
  static const char *const keys[] = { "id",       "measure",     "max_duration", "unless_running", "unless",
                                      "ends_when", "obligation", "gap",          "max_gap",        "if_recorded", "event",
                                      "followed_by", "within",   "severity",     "text",           "legal_basis",
                                      NULL };
  if (!loader_expect_object (L, c, "a trajectory check") || !loader_check_keys (L, c, keys))
    return FALSE;
  TrajectoryCheck *check = &rules->checks[index];
  const char *id;
  if (!loader_id_member (L, c, &id))
    return FALSE;
  for (guint j = 0; j < index; j++)
    if (strcmp (rules->checks[j].id, id) == 0)
      return loader_fail_duplicate_id (L, id);
  gboolean has_max = json_object_object_get_ex (c, "max_duration", NULL);
  gboolean has_ends = json_object_object_get_ex (c, "ends_when", NULL);
  gboolean has_obligation = json_object_object_get_ex (c, "obligation", NULL);
  gboolean has_gap = json_object_object_get_ex (c, "gap", NULL);
  gboolean has_followed = json_object_object_get_ex (c, "followed_by", NULL);
  if (has_max + has_ends + has_obligation + has_gap + has_followed != 1)
    return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE,
                        "a check has exactly one of \"max_duration\", \"ends_when\", \"obligation\", \"gap\" and "
                        "\"followed_by\"");
  static const char *const gap_only[] = { "max_gap", "if_recorded" }, *const followed_only[] = { "event", "within" };
  for (guint k = 0; k < G_N_ELEMENTS (gap_only); k++)
    if (json_object_object_get_ex (c, gap_only[k], NULL) && !has_gap)
      {
        loader_push (L, gap_only[k]);
        return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "\"%s\" goes with \"gap\"", gap_only[k]);
      }
  for (guint k = 0; k < G_N_ELEMENTS (followed_only); k++)
    if (json_object_object_get_ex (c, followed_only[k], NULL) && !has_followed)
      {
        loader_push (L, followed_only[k]);
        return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "\"%s\" goes with \"followed_by\"", followed_only[k]);
      }
  if ((has_gap || has_followed) && json_object_object_get_ex (c, "measure", NULL))
    {
      loader_push (L, "measure");
      return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "a follow-up check names no measure");
    }
  static const char *const max_only[] = { "unless_running", "unless" };
  for (guint k = 0; k < G_N_ELEMENTS (max_only); k++)
    if (json_object_object_get_ex (c, max_only[k], NULL) && !has_max)
      {
        loader_push (L, max_only[k]);
        return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "\"%s\" goes with \"max_duration\"", max_only[k]);
      }
  check->unless_node = -1;
  if (has_obligation)
    {
      if (json_object_object_get_ex (c, "measure", NULL))
        {
          loader_push (L, "measure");
          return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "an obligation check names no measure");
        }
      const char *obligation = loader_member_string (L, c, "obligation", TRUE);
      if (obligation == NULL)
        return FALSE;
      guint o = 0;
      while (o < rules->n_obligations && strcmp (rules->obligations[o].id, obligation) != 0)
        o++;
      if (o == rules->n_obligations)
        {
          loader_push (L, "obligation");
          return loader_fail (L, ACTIVERING_ERROR_UNKNOWN_REF, "unknown obligation \"%s\"", obligation);
        }
      check->kind = CHECK_OBLIGATION;
      check->obligation = o;
    }
  else if (has_gap)
    {
      check->kind = CHECK_GAP;
      if (!selector_member (L, c, "gap", &check->events) || !duration_member (L, c, "max_gap", &check->max))
        return FALSE;
      json_object *flag;
      if (json_object_object_get_ex (c, "if_recorded", &flag))
        {
          if (!json_object_is_type (flag, json_type_boolean))
            {
              loader_push (L, "if_recorded");
              return loader_fail (L, ACTIVERING_ERROR_RULE_TYPE, "expected true or false");
            }
          check->if_recorded = json_object_get_boolean (flag);
        }
    }
  else if (has_followed)
    {
      check->kind = CHECK_FOLLOWED_BY;
      if (!selector_member (L, c, "event", &check->events)
          || !selector_member (L, c, "followed_by", &check->followed_by)
          || !duration_member (L, c, "within", &check->max))
        return FALSE;
    }
  else if (!measure_member (L, c, "measure", &check->measure))
    return FALSE;
  else if (has_max)
    {
      check->kind = CHECK_MAX_DURATION;
      if (!duration_member (L, c, "max_duration", &check->max)
          || !loader_measure_set_member (L, c, "unless_running", FALSE, &check->unless_running))
        return FALSE;
      if (!loader_bool_member (L, c, "unless", FALSE, &check->unless_node))
        return FALSE;
    }
  else
    {
      check->kind = CHECK_ENDS_WHEN;
      json_object *e = NULL;
      json_object_object_get_ex (c, "ends_when", &e);
      gsize mark = loader_push (L, "ends_when");
      Typed t;
      if (!expr_compile_as (L, e, TYPE_BOOL, &t))
        return FALSE;
      check->ends_when_node = t.node;
      loader_pop (L, mark);
    }
  const char *severity = loader_member_string (L, c, "severity", TRUE);
  if (severity == NULL || !loader_legal_basis (L, c, "legal_basis", &check->legal_basis))
    return FALSE;
  if (strcmp (severity, "error") != 0 && strcmp (severity, "warning") != 0)
    {
      loader_push (L, "severity");
      return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "expected \"error\" or \"warning\", found \"%s\"",
                          severity);
    }
  check->is_error = strcmp (severity, "error") == 0;
  ViolationCode code = check->kind == CHECK_OBLIGATION    ? VIOLATION_OBLIGATION_OVERDUE
                       : check->kind == CHECK_GAP         ? VIOLATION_FOLLOW_UP_GAP
                       : check->kind == CHECK_FOLLOWED_BY ? VIOLATION_FOLLOW_UP_MISSING
                                                          : VIOLATION_LIMIT_EXCEEDED;
  guint32 placeholders = violation_info[code].placeholders;
  if (check->kind == CHECK_ENDS_WHEN) /* no limit: replay has no value for {max} nor a day for {over_since} */
    placeholders &= ~((1u << PLACEHOLDER_MAX) | (1u << PLACEHOLDER_OVER_SINCE));
  if (!loader_checked_text (L, c, "text", placeholders, &check->text))
    return FALSE;
  check->id = rule_set_strdup (rules, id);
  return TRUE;
}

static const char *
key_of (IndicatorKind kind)
{
  switch (kind)
    {
    case INDICATOR_KIND_DAYS_TO_FIRST: return "days_to_first";
    case INDICATOR_KIND_DAYS_SINCE_LAST: return "days_since_last";
    case INDICATOR_KIND_PER_MONTH: return "per_month";
    case INDICATOR_KIND_COUNT: return "count";
    default: return "after";
    }
}

static gboolean
load_indicator (Loader *L, json_object *o, guint index)
{
  ActiveringRuleSet *rules = L->rules;
  static const char *const keys[] = { "id",       "after",          "starts", "within", "days_to_first",
                                      "days_since_last", "per_month", "count", "closed_with", "not_reopened_within",
                                      "label",    NULL };
  if (!loader_expect_object (L, o, "a trajectory indicator") || !loader_check_keys (L, o, keys))
    return FALSE;
  TrajectoryIndicator *indicator = &rules->indicators[index];
  const char *id;
  if (!loader_id_member (L, o, &id))
    return FALSE;
  for (guint j = 0; j < index; j++)
    if (strcmp (rules->indicators[j].id, id) == 0)
      return loader_fail_duplicate_id (L, id);
  static const char *const forms[] = { "after", "days_to_first", "days_since_last", "per_month", "count",
                                       "closed_with" };
  static const IndicatorKind kinds[] = { INDICATOR_KIND_WITHIN,   INDICATOR_KIND_DAYS_TO_FIRST,
                                         INDICATOR_KIND_DAYS_SINCE_LAST, INDICATOR_KIND_PER_MONTH,
                                         INDICATOR_KIND_COUNT,    INDICATOR_KIND_NOT_REOPENED };
  guint n_forms = 0;
  for (guint f = 0; f < G_N_ELEMENTS (forms); f++)
    if (json_object_object_get_ex (o, forms[f], NULL))
      {
        indicator->kind = kinds[f];
        n_forms++;
      }
  if (n_forms != 1)
    return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE,
                        "an indicator has exactly one of \"after\", \"days_to_first\", \"days_since_last\", "
                        "\"per_month\", \"count\" and \"closed_with\"");
  static const char *const other_keys[] = { "starts", "within", "not_reopened_within" };
  static const IndicatorKind other_kinds[] = { INDICATOR_KIND_WITHIN, INDICATOR_KIND_WITHIN,
                                               INDICATOR_KIND_NOT_REOPENED };
  for (guint k = 0; k < G_N_ELEMENTS (other_keys); k++)
    if (json_object_object_get_ex (o, other_keys[k], NULL) && indicator->kind != other_kinds[k])
      {
        loader_push (L, other_keys[k]);
        return loader_fail (L, ACTIVERING_ERROR_INVALID_VALUE, "\"%s\" goes with \"%s\"", other_keys[k],
                            other_kinds[k] == INDICATOR_KIND_WITHIN ? "after" : "closed_with");
      }
  gboolean ok = TRUE;
  json_object *value;
  switch (indicator->kind)
    {
    case INDICATOR_KIND_WITHIN:
      ok = measure_member (L, o, "after", &indicator->after) && measure_member (L, o, "starts", &indicator->starts)
           && duration_member (L, o, "within", &indicator->within);
      break;
    case INDICATOR_KIND_NOT_REOPENED:
      json_object_object_get_ex (o, "closed_with", &value);
      {
        gsize mark = loader_push (L, "closed_with");
        ok = string_array (L, value, "close reasons", is_code, NULL);
        if (ok)
          {
            indicator->closed_with = code_list (L, value);
            loader_pop (L, mark);
          }
      }
      ok = ok && duration_member (L, o, "not_reopened_within", &indicator->within);
      break;
    default: ok = selector_member (L, o, key_of (indicator->kind), &indicator->events); break;
    }
  if (!ok || !loader_text (L, o, "label", &indicator->label))
    return FALSE;
  indicator->id = rule_set_strdup (rules, id);
  return TRUE;
}

/* ---- messages ---- */

static gboolean
load_messages (Loader *L, json_object *root)
{
  ActiveringRuleSet *rules = L->rules;
  json_object *messages = loader_section (L, root, "trajectory_messages", json_type_object);
  if (messages == NULL)
    {
      if (L->failed || rules->n_models == 0)
        return !L->failed;
      return loader_fail (L, ACTIVERING_ERROR_MISSING,
                          "missing \"trajectory_messages\": a rule set with phase models needs them");
    }
  const char *codes[N_MESSAGE_CODES + 1];
  for (guint c = 0; c < N_MESSAGE_CODES; c++)
    codes[c] = violation_info[c].code;
  codes[N_MESSAGE_CODES] = NULL;
  if (!loader_check_keys (L, messages, codes))
    return FALSE;
  for (guint c = 0; c < N_MESSAGE_CODES; c++)
    if (!loader_checked_text (L, messages, codes[c], violation_info[c].placeholders, &rules->messages[c]))
      return FALSE;
  return TRUE;
}

gboolean
load_phase_models (Loader *L, json_object *root)
{
  ActiveringRuleSet *rules = L->rules;
  return load_models (L, root)
         && loader_list (L, root, "phase_correspondences", sizeof (PhaseCorrespondence),
                       (gpointer *) &rules->correspondences, &rules->n_correspondences, load_correspondence_item)
         && loader_list (L, root, "trajectory_checks", sizeof (TrajectoryCheck), (gpointer *) &rules->checks,
                       &rules->n_checks, load_check)
         && loader_list (L, root, "trajectory_indicators", sizeof (TrajectoryIndicator), (gpointer *) &rules->indicators,
                       &rules->n_indicators, load_indicator)
         && load_messages (L, root);
}
