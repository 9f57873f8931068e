/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* rule-set-private.h: what a loaded rule set holds. Immutable once loaded. */
#pragma once

#include <glib.h>

#include "activering/activering.h"
#include "eval/result-snippets-private.h"
#include "json/json-writer-private.h"
#include "rules/program-private.h"
#include "rules/violation-codes-private.h"
#include "util/error-private.h"

/* A label or text: one string per language of the rule set, in the order of rules->languages. A text that
 * quotes parameters ("{param:ibo.max_weeks}") has one more entry after the languages: its template number plus
 * one (see text-params.c); for every other text that entry is NULL. */
typedef char **Text;

/* A legal basis: a text, or one string in the rule set's first language, used for every language (@fallback). */
typedef struct
{
  Text text;
  gboolean fallback;
} LegalBasis;

typedef struct
{
  char *path; /* dotted, e.g. "vdab.registered" */
  ValueType type;
  gboolean has_min, has_max;
  double min, max;
  guint32 *values; /* enum, enum_list, runs: symbol ids, in declared order */
  guint n_values;
  Text label;
  char *supplied_by;
} FactDecl;

typedef struct
{
  gint32 from, until; /* inclusive; until is G_MAXINT32 when open */
  Value value;
} ParamPeriod;

typedef struct
{
  char *name;
  ValueType type;
  char *unit;
  Text label;
  LegalBasis legal_basis;
  ParamPeriod *periods; /* sorted by from */
  guint n_periods;
} ParamDecl;

typedef enum
{
  TEXT_FALSE = 0,
  TEXT_TRUE = 1,
  TEXT_UNKNOWN = 2
} TextState;

typedef struct
{
  char *id; /* "<measure>.<condition>" */
  gint32 node;         /* its truth: "when", or "not applies or when" if it has "applies" */
  gint32 applies_node; /* -1: always applies; known false: not listed and not counted */
  Text text[3];        /* by TextState */
  LegalBasis legal_basis;
  guint *facts; /* fact slots the condition reads (through definitions and other measures too), in declaration order */
  guint n_facts;
  guint *measures; /* the measures whose outcome it reads, for `via` */
  guint n_measures;
} Condition;

/* What a measure's result says the rule set does not check (docs/rule-language.md, "coverage"). */
typedef struct
{
  char *code;
  gint32 when_node;
  Text text;
} Coverage;

typedef struct
{
  char *id;
  char *unit;
  ValueType type; /* integer, number or date */
  gint32 value_node;
  gint32 when_node; /* -1: always */
  Text text;
} Limit;

typedef struct
{
  char *code;
  Text label;
  LegalBasis *legal_basis;
  guint n_legal_basis;
  char *decided_by;
  gint32 exists_node; /* known false: not in force or not in the region; EXISTS_NOT_ENCODED: an earlier regime */
  gint32 outcome_node;
  gint32 valid_from, valid_to; /* inclusive, G_MININT32 / G_MAXINT32 when open: for the not_applicable reason */
  int region_fact;             /* the fact exists reads, or -1 */
  Condition *conditions;
  guint n_conditions;
  Limit *limits;
  guint n_limits;
  Coverage *coverage;
  guint n_coverage;
  char *json;        /* the definition as written, re-serialised */
  char *outcome_key; /* `"<code>":"`, pre-rendered for the compact outcomes document */
  gsize outcome_key_len;
} Measure;

typedef struct
{
  char *id;
  gint32 applies_node, due_node, met_node;
  gint32 met_on_node;     /* the date it was met, or -1 (contract C12) */
  Text text;
  Text text_undetermined; /* the text while undetermined ("due on …, unless exempted"), or NULL (C11) */
  LegalBasis legal_basis;
  guint *facts;
  guint n_facts;
} Obligation;

/* A definition, for the trace: its name and the value slot its expression ends in. */
typedef struct
{
  const char *name;
  gint32 node; /* a compiled node while loading, a value slot once laid out */
  ValueType type;
  const guint32 *domain; /* enum, enum_list: the allowed symbols (an enum_list's bits count in this order) */
  guint n_domain;
} Definition;

/* The texts of `to_change` (docs/rule-language.md, "change_messages"): what a fact must be for a condition to
 * hold. */
typedef enum
{
  CHANGE_AT_LEAST,
  CHANGE_AT_MOST,
  CHANGE_MORE_THAN,
  CHANGE_LESS_THAN,
  CHANGE_BETWEEN,
  CHANGE_EQUAL_TO,
  CHANGE_NOT_EQUAL_TO,
  CHANGE_ONE_OF,
  CHANGE_NONE_OF,
  CHANGE_MUST_BE_TRUE,
  CHANGE_MUST_BE_FALSE,
  CHANGE_MUST_BE_KNOWN,
  N_CHANGE_MESSAGES
} ChangeMessage;

extern const char *const change_message_codes[N_CHANGE_MESSAGES];

/* An observation the result reports when its expression holds; it never changes an outcome. */
typedef struct
{
  char *id;
  gint32 when_node;
  Text text;
  char *source;
  guint *facts;
  guint n_facts;
} Signal;

typedef struct
{
  char *code;
  Text label;
  gboolean always; /* every dossier has it (the person, an institution); else an organisation must list an actor */
} Role;

/* ---- phase models (docs/rule-language.md, "Phase models") ---- */

typedef enum
{
  TRANSITION_NOT_ALLOWED = 0,
  TRANSITION_NORMAL = 1,
  TRANSITION_WARNING = 2
} TransitionKind;

typedef struct
{
  char *code;
  Text label, description;
  gboolean entry, optional;
  guint8 *fits; /* per measure: the measure fits this phase */
} Phase;

typedef struct
{
  char *code;
  Text label, description;
  char *source;
  Phase *phases; /* in their usual order */
  guint n_phases;
  guint8 *transitions; /* TransitionKind, [from * n_phases + to] */
  char *json;          /* the definition as written, re-serialised */
} PhaseModel;

/* Between two models: which phases correspond, and from where a trajectory may be handed over into which. */
typedef struct
{
  guint from, to;      /* models */
  guint8 *corresponds; /* [from_phase * n_to_phases + to_phase] */
  guint8 *handover;    /* same shape */
} PhaseCorrespondence;

typedef enum
{
  DURATION_DAYS,
  DURATION_WEEKS,
  DURATION_MONTHS,
  DURATION_YEARS
} DurationUnit;

/* A duration taken from an integer parameter, on a given day. */
typedef struct
{
  guint param;
  DurationUnit unit;
} DurationParam;

typedef enum
{
  CHECK_MAX_DURATION,
  CHECK_ENDS_WHEN,
  CHECK_OBLIGATION,
  CHECK_GAP,        /* no selected event for longer than `max_gap` while open */
  CHECK_FOLLOWED_BY /* a selected event with no `followed_by` event within `within` */
} CheckKind;

/* Which events of a log a follow-up check or indicator counts: any of its alternatives, each of which holds when
 * the event is of one of `types`, its channel or kind is one of `kinds` (if given) and its `by` one of `by` (if
 * given). */
typedef struct
{
  guint32 types;  /* bit set of ActiveringEventType */
  char **kinds;   /* NULL-terminated, or NULL for any */
  guint8 *by;     /* per role, or NULL for any */
} EventAlternative;

typedef struct
{
  EventAlternative *alternatives;
  guint n_alternatives;
} EventSelector;

typedef struct
{
  char *id;
  CheckKind kind;
  guint measure;          /* max_duration, ends_when */
  DurationParam max;      /* max_duration */
  guint8 *unless_running; /* max_duration: per measure, or NULL */
  gint32 ends_when_node;  /* ends_when: a bool over the facts */
  gint32 unless_node;     /* max_duration: a bool over the facts that, when true, silences the check; or -1 */
  guint obligation;       /* obligation */
  EventSelector events;   /* gap: the events; followed_by: the events that need a follow-up */
  EventSelector followed_by;
  gboolean if_recorded;   /* gap: only in logs that record at least one selected event */
  gboolean is_error;
  Text text;
  LegalBasis legal_basis;
} TrajectoryCheck;

typedef enum
{
  INDICATOR_KIND_WITHIN,          /* `after`, `starts`, `within`: met, not_met, pending, not_applicable */
  INDICATOR_KIND_DAYS_TO_FIRST,   /* days from the first opening to the first selected event, or null */
  INDICATOR_KIND_DAYS_SINCE_LAST, /* days from the last selected event to the report date while open, or null */
  INDICATOR_KIND_PER_MONTH,       /* selected events per month open, or null */
  INDICATOR_KIND_COUNT,           /* how many selected events */
  INDICATOR_KIND_NOT_REOPENED     /* `closed_with`, `not_reopened_within`: met, not_met, pending, not_applicable */
} IndicatorKind;

typedef struct
{
  char *id;
  IndicatorKind kind;
  guint after, starts; /* measures */
  DurationParam within; /* within, not_reopened_within */
  EventSelector events;
  char **closed_with; /* not_reopened: close reasons, NULL-terminated */
  Text label;
} TrajectoryIndicator;

/* Whether @event_type with @kind (channel, kind or reason; may be NULL) by role @role (or < 0) is selected. */
gboolean event_selector_matches (const EventSelector *selector, guint event_type, const char *kind, int role);

/* ---- roles and tasks (docs/rule-language.md, "Roles and tasks") ---- */

typedef struct
{
  guint *roles;
  guint n;
} RoleList;

/* When a task is active: every part given must hold. */
typedef struct
{
  guint32 *phases; /* model << 16 | phase */
  guint n_phases;
  guint8 *measures; /* per measure: running now counts, or NULL */
  guint8 *outcomes; /* per measure: bit set of ActiveringOutcome values that count, or NULL */
  gint32 when_node; /* a bool over the facts that must be true, or -1 */
} TaskTrigger;

/* A task's assignment, or a change to it: only the parts marked present apply. */
typedef struct
{
  gboolean has_holders, has_accountable, has_consulted, has_informed, has_active, has_enabled;
  RoleList holders; /* who may be responsible, in order of preference */
  guint accountable;
  RoleList consulted, informed;
  gboolean always, enabled;
  TaskTrigger *triggers; /* any of them */
  guint n_triggers;
} TaskPatch;

typedef struct
{
  char *code;
  Text label;
  LegalBasis legal_basis;
  gboolean single_holder;
  TaskPatch base;      /* complete */
  TaskPatch *by_model; /* per phase model, or NULL */
} Task;

typedef struct
{
  guint task;
  TaskPatch patch;
} TaskOverride;

/* An activation service or a policy of the organisation document, and what it changes. */
typedef struct
{
  char *code;
  Text label;
  gboolean requires_partner;
  int *substitute; /* per role: the role that always takes its place, or -1; NULL if none */
  int *fallback;   /* per role: the role that takes its place when no actor has it, or -1; NULL if none */
  TaskOverride *overrides;
  guint n_overrides;
} OrganisationVariant;

/* The shape of a facts document: objects down to the declared facts. */
typedef struct SchemaNode SchemaNode;
struct SchemaNode
{
  char *key; /* zero-padded to a multiple of 8 bytes (ACTIVERING_PADDED_SIZE) */
  gsize key_len;
  int fact;     /* the fact slot, or -1 for an object */
  guint object; /* objects: their number, for the duplicate-key check */
  SchemaNode **children;
  guint n_children;
  gsize *child_len;     /* per child: its key's length */
  guint64 *child_head;  /* per child: its key's first eight bytes, zero-padded (as stored, not as a number) */
  const char **child_keys;
  const char **suggest_keys; /* the keys an unknown key may be a typo of (the root adds format, id, as_of) */
  guint n_suggest_keys;
};

/* A text that quotes parameters: its strings, one per language, with "{param:NAME}" or "{param:NAME|percent}". */
typedef struct
{
  const char *const *text; /* the languages' templates */
} TextTemplate;

struct _ActiveringRuleSet
{
  gatomicrefcount ref;
  GPtrArray *allocations; /* everything below is freed with it */
  char *id, *version, *digest;
  gboolean has_in_force;
  gint32 in_force_from, in_force_until; /* the days it is in force, both included (G_MININT32/G_MAXINT32: open) */
  char *source; /* the rule set's JSON text as loaded (for diffs) */
  gsize source_length;
  char **languages;
  guint n_languages;
  Text title;
  char **symbols; /* symbol id to string, zero-padded to a multiple of 8 bytes (ACTIVERING_PADDED_SIZE) */
  guint32 *symbol_lengths;
  guint n_symbols;
  FactDecl *facts;
  guint n_facts;
  guint *facts_by_path; /* fact slots sorted by path (strcmp), for facts given by dotted path */
  ParamDecl *params;
  guint n_params;
  Role *roles;
  guint n_roles;
  Measure *measures;
  guint n_measures;
  Obligation *obligations;
  guint n_obligations;
  Signal *signals;
  guint n_signals;
  TextTemplate *templates; /* the texts that quote parameters, rendered per evaluation date */
  guint n_templates;
  ResultSnippets *snippets; /* per language: the constant parts of result documents, made on first use */
  Program program;
  Definition *definitions; /* in declaration order */
  guint n_definitions;
  gint32 *definition_of_node; /* per run node: the definition it is the value of, or -1 */
  gint32 *measure_of_node;    /* per run node: the measure it is the outcome of, or -1 */
  guint *traced_facts;        /* the fact slots the program reads, in slot order */
  guint n_traced_facts;
  guint *traced_params; /* the parameters the program reads, in declaration order */
  guint n_traced_params;
  guint n_deciding_nodes; /* run nodes [0, n) decide every measure's outcome and obligation's state */
  Text change_messages[N_CHANGE_MESSAGES]; /* NULL when the rule set has no "change_messages" */
  SchemaNode *schema;
  guint n_schema_objects;
  PhaseModel *models;
  guint n_models;
  PhaseCorrespondence *correspondences;
  guint n_correspondences;
  TrajectoryCheck *checks;
  guint n_checks;
  TrajectoryIndicator *indicators;
  guint n_indicators;
  Text messages[N_MESSAGE_CODES]; /* NULL without phase models */
  Task *tasks;
  guint n_tasks;
  OrganisationVariant *services, *policies;
  guint n_services, n_policies;
  int regie_task;  /* or -1 */
  int region_fact; /* the fact whose values an organisation's region takes, or -1 */
  Text role_messages[N_ROLE_MESSAGES]; /* NULL without tasks */
};

/* Allocations owned by the rule set. */
gpointer rule_set_alloc (ActiveringRuleSet *rules, gsize size);
char *rule_set_strdup (ActiveringRuleSet *rules, const char *s);

/* The index of @lang among the rule set's languages (NULL: 0), or -1. */
int rule_set_language_index (const ActiveringRuleSet *rules, const char *lang);

/* The index of @lang for a document the library writes; -1 with @error (USAGE, "<@document>: the rule set has no
 * texts in …") if the rule set does not have it. */
int rule_set_output_language (const ActiveringRuleSet *rules, const char *lang, const char *document, GError **error);
/* Writes the "ruleset" member that stamps every output document: the rule set's id, version and digest. */
void rule_set_write_stamp (JsonWriter *w, const ActiveringRuleSet *rules);
/* Writes "legal_basis" in @language, and "legal_basis_lang" when the rule set gives it only in its first language
 * (contract C10). */
void rule_set_write_legal_basis (JsonWriter *w, const ActiveringRuleSet *rules, const LegalBasis *basis, int language);

/* A legal basis in @language (its single string when the rule set gives only one). */
static inline const char *
legal_basis_in (const LegalBasis *basis, int language)
{
  return basis->text[basis->fallback ? 0 : language];
}

/* The value of @param on @day (unknown if it has none then). */
Value rule_set_param_on (const ParamDecl *param, gint32 day);
/* The last day of a duration of @count @unit starting on @start (@start itself for a count of 1 day). */
gint32 duration_last_day (gint32 start, gint64 count, DurationUnit unit, gboolean *ok);
/* The model, phase, measure or role with this code, or -1 (linear scans: for loading and parsing, not replay). */
int rule_set_model_index (const ActiveringRuleSet *rules, const char *code, gsize len);
int phase_model_phase_index (const PhaseModel *model, const char *code, gsize len);
int rule_set_measure_index (const ActiveringRuleSet *rules, const char *code, gsize len);
int rule_set_role_index (const ActiveringRuleSet *rules, const char *code, gsize len);
int rule_set_task_index (const ActiveringRuleSet *rules, const char *code, gsize len);

/* Takes the loader's array of templated texts (text-params.c). */
void rule_set_take_templates (ActiveringRuleSet *rules, GPtrArray *templates);
/* Renders @template into @out (emptied first) with the parameters' values @params (text-params.c). */
void text_render_params (GString *out, const char *template, const ActiveringRuleSet *rules, const Value *params);

/* Parses and checks @data; the rule set's structures are filled in. Defined in rules-load.c. */
gboolean rule_set_load (ActiveringRuleSet *rules, const char *data, gsize length, const char *document, GError **error);
