# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""cffi builder for activering._native: out-of-line API mode, compiled against libactivering's own headers.

Where the library is found, in this order:
  - ACTIVERING_CFLAGS and ACTIVERING_LIBS (what `make check` sets for the library just built in the tree);
  - pkg-config activering-1.0 (an installed library).
Used by setup.py (`pip install ./bindings/python`) and by bindings/python/build-in-tree.sh (make check).
"""
import os
import shlex
import subprocess

from cffi import FFI

CDEF = r"""
typedef int gboolean;
typedef unsigned int guint32;
typedef struct { guint32 domain; int code; char *message; } GError;
typedef struct { char *str; size_t len; size_t allocated_len; } GString;
typedef struct _GDate GDate;
void g_free (void *mem);
void g_error_free (GError *error);
GString *g_string_new (const char *init);
char *g_string_free (GString *string, gboolean free_segment);
GDate *g_date_new_dmy (unsigned char day, int month, unsigned short year);
void g_date_free (GDate *date);

typedef struct _ActiveringRuleSet ActiveringRuleSet;
typedef struct _ActiveringFacts ActiveringFacts;
typedef struct _ActiveringEvaluation ActiveringEvaluation;
typedef struct _ActiveringTrajectory ActiveringTrajectory;
typedef struct _ActiveringTrajectoryReport ActiveringTrajectoryReport;
typedef struct _ActiveringOrganisation ActiveringOrganisation;
typedef struct _ActiveringRoleAssignment ActiveringRoleAssignment;

const char *activering_get_version (void);
const char *activering_error_code_to_string (int code);
const char *activering_error_get_path (const GError *error);
const char *activering_error_get_document (const GError *error);
const char *activering_outcome_to_string (int outcome);
const char *activering_truth_to_string (int truth);
const char *activering_reason_to_string (int reason);
const char *activering_obligation_state_to_string (int state);
const char *activering_fact_state_to_string (int state);
/* The last value of each enumeration whose names enums.py reads (the values count up from 0). */
static const int ACTIVERING_OUTCOME_NOT_APPLICABLE;
static const int ACTIVERING_TRUTH_UNKNOWN;
static const int ACTIVERING_REASON_REGIME_NOT_ENCODED;
static const int ACTIVERING_OBLIGATION_UNDETERMINED;
static const int ACTIVERING_FACT_BLANK;

ActiveringRuleSet *activering_rule_set_new_default (GError **error);
ActiveringRuleSet *activering_rule_set_new_from_data (const char *data, ssize_t length, const char *document_name,
                                                      GError **error);
ActiveringRuleSet *activering_rule_set_new_from_file (const char *path, GError **error);
ActiveringRuleSet *activering_rule_set_ref (ActiveringRuleSet *rules);
void activering_rule_set_unref (ActiveringRuleSet *rules);
const char *activering_rule_set_get_id (const ActiveringRuleSet *rules);
const char *activering_rule_set_get_version (const ActiveringRuleSet *rules);
const char *activering_rule_set_get_digest (const ActiveringRuleSet *rules);
const char *activering_rule_set_get_title (const ActiveringRuleSet *rules, const char *lang);
const char *const *activering_rule_set_get_languages (const ActiveringRuleSet *rules);
unsigned int activering_rule_set_get_n_measures (const ActiveringRuleSet *rules);
const char *activering_rule_set_get_measure_code (const ActiveringRuleSet *rules, unsigned int index);
const char *activering_rule_set_get_measure_label (const ActiveringRuleSet *rules, unsigned int index, const char *lang);
const char *activering_rule_set_get_measure_decided_by (const ActiveringRuleSet *rules, unsigned int index);
unsigned int activering_rule_set_get_n_facts (const ActiveringRuleSet *rules);
const char *activering_rule_set_get_fact_path (const ActiveringRuleSet *rules, unsigned int index);
const char *activering_rule_set_get_fact_label (const ActiveringRuleSet *rules, unsigned int index, const char *lang);
const char *activering_rule_set_get_fact_type (const ActiveringRuleSet *rules, unsigned int index);
const char *activering_rule_set_get_fact_supplied_by (const ActiveringRuleSet *rules, unsigned int index);
const char *activering_rule_set_get_role_label (const ActiveringRuleSet *rules, const char *code, const char *lang);
const char *const *activering_schema_list_formats (void);
char *activering_rule_set_dup_schema (ActiveringRuleSet *rules, const char *format, const char *lang, GError **error);
unsigned int activering_rule_set_get_n_phase_models (const ActiveringRuleSet *rules);
const char *activering_rule_set_get_phase_model_code (const ActiveringRuleSet *rules, unsigned int model);
unsigned int activering_rule_set_get_n_phases (const ActiveringRuleSet *rules, unsigned int model);
const char *activering_rule_set_get_phase_code (const ActiveringRuleSet *rules, unsigned int model, unsigned int phase);
const char *activering_rule_set_get_phase_label (const ActiveringRuleSet *rules, unsigned int model, unsigned int phase,
                                                 const char *lang);
unsigned int activering_rule_set_get_n_trajectory_indicators (const ActiveringRuleSet *rules);
const char *activering_rule_set_get_trajectory_indicator_id (const ActiveringRuleSet *rules, unsigned int index);
const char *activering_rule_set_get_trajectory_indicator_label (const ActiveringRuleSet *rules, unsigned int index,
                                                                const char *lang);
const char *activering_rule_set_get_trajectory_indicator_unit (const ActiveringRuleSet *rules, unsigned int index);
unsigned int activering_rule_set_get_n_tasks (const ActiveringRuleSet *rules);
const char *activering_rule_set_get_task_code (const ActiveringRuleSet *rules, unsigned int index);
const char *activering_rule_set_get_task_label (const ActiveringRuleSet *rules, unsigned int index, const char *lang);

ActiveringFacts *activering_facts_new_from_data (ActiveringRuleSet *rules, const char *data, ssize_t length,
                                                 GError **error);
void activering_facts_free (ActiveringFacts *facts);
gboolean activering_facts_set_json (ActiveringFacts *facts, const char *path, const char *json, ssize_t length,
                                    GError **error);
gboolean activering_facts_unset (ActiveringFacts *facts, const char *path, GError **error);

ActiveringEvaluation *activering_evaluation_new (ActiveringRuleSet *rules);
void activering_evaluation_free (ActiveringEvaluation *evaluation);
gboolean activering_evaluation_run (ActiveringEvaluation *evaluation, const ActiveringFacts *facts, const GDate *as_of,
                                    int flags, GError **error);
char *activering_evaluation_to_json (const ActiveringEvaluation *evaluation, const char *lang, int flags,
                                     GError **error);
typedef enum { ACTIVERING_LINES_DEFAULT = 0, ACTIVERING_LINES_COMPACT = 1, ACTIVERING_LINES_ERRORS_ONLY = 2,
               ACTIVERING_LINES_ARRAY = 4, ACTIVERING_LINES_IDS = 8 } ActiveringLinesFlags;
typedef struct {
  unsigned int version;
  const GDate *as_of;
  const char *lang;
  ActiveringLinesFlags flags;
  GString *out;
  unsigned char *outcomes;
  unsigned char *missing;
  unsigned int max_rows;
} ActiveringBatchOptions;
#define ACTIVERING_BATCH_OPTIONS_VERSION ...
gboolean activering_batch_options_init (ActiveringBatchOptions *options, unsigned int version, GError **error);
gboolean activering_evaluate_lines (ActiveringRuleSet *rules, const char *data, size_t length,
                                    const ActiveringBatchOptions *options, unsigned int *n_rows,
                                    unsigned int *n_errors, GError **error);

typedef enum { ACTIVERING_COLUMN_NUMBERS = 0, ACTIVERING_COLUMN_DAYS = 1, ACTIVERING_COLUMN_CODES = 2,
               ACTIVERING_COLUMN_TEXTS = 3 } ActiveringColumnKind;
typedef struct {
  const char *name;
  ActiveringColumnKind kind;
  const void *values;
  const char *text;
  const char *const *codes;
  unsigned int n_codes;
} ActiveringColumn;
gboolean activering_evaluate_columns (ActiveringRuleSet *rules, unsigned int n_rows, const ActiveringColumn *columns,
                                      unsigned int n_columns, const ActiveringBatchOptions *options,
                                      unsigned int *n_errors, GError **error);

ActiveringTrajectory *activering_trajectory_new (ActiveringRuleSet *rules, const char *id, const char *model,
                                                 GError **error);
ActiveringTrajectory *activering_trajectory_new_from_data (ActiveringRuleSet *rules, const char *data,
                                                           ssize_t length, GError **error);
void activering_trajectory_free (ActiveringTrajectory *trajectory);
const char *activering_trajectory_get_id (const ActiveringTrajectory *trajectory);
const char *activering_trajectory_get_model (const ActiveringTrajectory *trajectory);
unsigned int activering_trajectory_get_n_events (const ActiveringTrajectory *trajectory);
gboolean activering_trajectory_append_event (ActiveringTrajectory *trajectory, const char *event, ssize_t length,
                                             GError **error);
char *activering_trajectory_to_json (const ActiveringTrajectory *trajectory, int flags);
ActiveringTrajectoryReport *activering_trajectory_report_new (ActiveringRuleSet *rules);
typedef struct _ActiveringCaseload ActiveringCaseload;
typedef enum { ACTIVERING_CASELOAD_BY_QUARTER = 0, ACTIVERING_CASELOAD_BY_MONTH = 1,
               ACTIVERING_CASELOAD_BY_YEAR = 2 } ActiveringCaseloadPeriod;
gboolean activering_caseload_period_from_string (const char *text, ActiveringCaseloadPeriod *out);
ActiveringCaseload *activering_caseload_new (ActiveringRuleSet *rules, const GDate *as_of, ActiveringCaseloadPeriod by,
                                             GError **error);
void activering_caseload_free (ActiveringCaseload *caseload);
gboolean activering_caseload_set_list_ids (ActiveringCaseload *caseload, gboolean list_ids, GError **error);
void activering_caseload_set_organisation (ActiveringCaseload *caseload, const ActiveringOrganisation *organisation);
gboolean activering_caseload_add (ActiveringCaseload *caseload, const ActiveringTrajectoryReport *report,
                                  const ActiveringFacts *facts, GError **error);
gboolean activering_caseload_add_facts (ActiveringCaseload *caseload, const ActiveringFacts *facts, GError **error);
void activering_caseload_add_unreadable (ActiveringCaseload *caseload);
char *activering_caseload_to_json (const ActiveringCaseload *caseload, const char *lang, int flags, GError **error);
gboolean activering_caseload_append_html (const ActiveringCaseload *caseload, const char *lang, GString *out,
                                          GError **error);
void activering_trajectory_report_free (ActiveringTrajectoryReport *report);
gboolean activering_trajectory_report_run (ActiveringTrajectoryReport *report, const ActiveringTrajectory *trajectory,
                                           const ActiveringFacts *facts, const GDate *as_of, GError **error);
char *activering_trajectory_report_to_json (const ActiveringTrajectoryReport *report, const char *lang, int flags,
                                            GError **error);
gboolean activering_trajectory_report_append_dot (const ActiveringTrajectoryReport *report, const char *lang,
                                                  GString *out, GError **error);

ActiveringOrganisation *activering_organisation_new_from_data (ActiveringRuleSet *rules, const char *data,
                                                               ssize_t length, GError **error);
void activering_organisation_free (ActiveringOrganisation *organisation);
const char *activering_organisation_get_id (const ActiveringOrganisation *organisation);
ActiveringRoleAssignment *activering_role_assignment_new (ActiveringRuleSet *rules);
void activering_role_assignment_free (ActiveringRoleAssignment *assignment);
gboolean activering_role_assignment_run (ActiveringRoleAssignment *assignment,
                                         const ActiveringOrganisation *organisation, const ActiveringFacts *facts,
                                         const ActiveringTrajectory *trajectory, const GDate *as_of, int flags,
                                         GError **error);
char *activering_role_assignment_to_json (const ActiveringRoleAssignment *assignment, const char *lang, int flags,
                                          GError **error);

/* _cells.c: evaluate_frame's converters from a column of Python objects to typed arrays (1: done, 0: a cell they
 * leave to the general path). */
int activering_py_cells_numbers (const void *cells, size_t n, int bools, double *out);
int activering_py_cells_days (const void *cells, size_t n, int64_t *out);
int activering_py_cells_codes (const void *cells, size_t n, int32_t *out, int64_t *first_rows, unsigned int max_codes,
                               unsigned int *n_codes);
char *activering_py_cells_texts (const void *cells, size_t n, int json, int64_t *offsets, size_t *length);
char *activering_py_cells_facts (const void *list, const char *format, size_t *length);
void activering_py_cells_free (void *data);
"""

CELLS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_cells.c")


def _flags(variable, pkg_config_args):
    value = os.environ.get(variable)
    if value is None:
        try:
            value = subprocess.run(["pkg-config"] + pkg_config_args + ["activering-1.0"], check=True,
                                   capture_output=True, text=True).stdout
        except (OSError, subprocess.CalledProcessError) as e:
            raise RuntimeError("libactivering not found: set ACTIVERING_CFLAGS and ACTIVERING_LIBS, or install it "
                               "so that `pkg-config activering-1.0` finds it") from e
    return shlex.split(value)


def _split(flags):
    include_dirs = [f[2:] for f in flags if f.startswith("-I")]
    library_dirs = [f[2:] for f in flags if f.startswith("-L")]
    libraries = [f[2:] for f in flags if f.startswith("-l")]
    rest = [f for f in flags if f[:2] not in ("-I", "-L", "-l")]
    return include_dirs, library_dirs, libraries, rest


def builder():
    cflags = _flags("ACTIVERING_CFLAGS", ["--cflags"])
    libs = _flags("ACTIVERING_LIBS", ["--libs"])
    include_dirs, _, _, extra_compile = _split(cflags)
    _, library_dirs, libraries, extra_link = _split(libs)
    ffi = FFI()
    ffi.cdef(CDEF)
    with open(CELLS, encoding="utf-8") as f:
        cells = f.read()
    ffi.set_source("activering._native", "#include <activering/activering.h>\n" + cells,
                   include_dirs=include_dirs, library_dirs=library_dirs, libraries=libraries,
                   runtime_library_dirs=library_dirs, extra_compile_args=extra_compile, extra_link_args=extra_link,
                   # _cells.c reads str objects with PyUnicode_AsUTF8AndSize, which the limited API of 3.2 lacks; the
                   # module is built per interpreter version anyway (no abi3 tag)
                   define_macros=[("_CFFI_NO_LIMITED_API", None)])
    return ffi


ffibuilder = builder() if os.environ.get("ACTIVERING_NO_BUILD") is None else None

if __name__ == "__main__":
    ffibuilder.compile(verbose=True)
