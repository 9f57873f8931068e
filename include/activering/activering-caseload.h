/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* activering-caseload.h: a whole caseload summed up on one date (document `activering.caseload-report/1`).
 *
 * An #ActiveringCaseload accumulates trajectory reports that were already run (activering_trajectory_report_run()),
 * one dossier at a time, in memory that does not grow with the number of dossiers (apart from the few bytes per
 * dossier that pairing couples needs, and the ids kept with activering_caseload_set_list_ids()); then it writes
 * the caseload report as JSON or as one self-contained HTML page. docs/caseload-report.md describes the document,
 * the survival estimates and the small-cell rule.
 *
 * A caseload belongs to one thread at a time; the rule set behind it may be shared.
 */
#ifndef ACTIVERING_CASELOAD_H
#define ACTIVERING_CASELOAD_H

#if !defined(ACTIVERING_INSIDE) && !defined(ACTIVERING_COMPILATION)
#error "Only <activering/activering.h> can be included directly."
#endif

#include <glib.h>
#include <activering/activering-macros.h>
#include <activering/activering-rule-set.h>
#include <activering/activering-facts.h>
#include <activering/activering-trajectory.h>
#include <activering/activering-roles.h>

G_BEGIN_DECLS

/**
 * ActiveringCaseload:
 *
 * The aggregate of a caseload's trajectory reports on one date: cohorts, survival estimates, measure usage,
 * follow-up and data quality. Made with activering_caseload_new(), filled with activering_caseload_add(), written
 * with activering_caseload_append_json() or activering_caseload_append_html(), freed with
 * activering_caseload_free(). Opaque; one thread at a time.
 */
typedef struct _ActiveringCaseload ActiveringCaseload;

/**
 * ActiveringCaseloadPeriod:
 * @ACTIVERING_CASELOAD_BY_QUARTER: cohorts by calendar quarter of the first opening ("2025-Q3")
 * @ACTIVERING_CASELOAD_BY_MONTH: by calendar month ("2025-07")
 * @ACTIVERING_CASELOAD_BY_YEAR: by calendar year ("2025")
 *
 * How trajectories are grouped into cohorts.
 */
typedef enum {
  ACTIVERING_CASELOAD_BY_QUARTER = 0,
  ACTIVERING_CASELOAD_BY_MONTH = 1,
  ACTIVERING_CASELOAD_BY_YEAR = 2,
} ActiveringCaseloadPeriod;

/**
 * activering_caseload_period_from_string:
 * @text: "quarter", "month" or "year"
 * @out: (out): the period
 *
 * Reads a period as the `by` member of the report (and `--by`) writes it.
 *
 * Returns: %TRUE and @out set; %FALSE (@out untouched) for any other text.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_caseload_period_from_string (const char *text, ActiveringCaseloadPeriod *out);

/**
 * activering_caseload_new:
 * @rules: the rule set of the trajectories (a reference is kept)
 * @as_of: (nullable): the report date, the date the trajectory reports must have been run on; %NULL for today
 * @by: how to group trajectories into cohorts
 * @error: return location for a #GError, or %NULL
 *
 * An empty caseload.
 *
 * Returns: (transfer full) (nullable): the caseload, to free with activering_caseload_free(); %NULL with @error
 *   set (%ACTIVERING_ERROR_USAGE) for an invalid date or a @by outside #ActiveringCaseloadPeriod.
 */
ACTIVERING_AVAILABLE_IN_0_1
ActiveringCaseload *activering_caseload_new (ActiveringRuleSet *rules, const GDate *as_of, ActiveringCaseloadPeriod by,
                                             GError **error);

/**
 * activering_caseload_free:
 * @caseload: (nullable) (transfer full): the caseload, or %NULL
 *
 * Frees @caseload (%NULL is ignored); the rule set it holds a reference to is released.
 */
ACTIVERING_AVAILABLE_IN_0_1
void activering_caseload_free (ActiveringCaseload *caseload);

/**
 * activering_caseload_set_list_ids:
 * @caseload: the caseload, before anything was added
 * @list_ids: whether the report lists dossier ids (its `ids` member)
 * @error: return location for a #GError, or %NULL
 *
 * Makes the report name the dossiers behind a few of its counts (flagged couples, reports without a decision,
 * contact-gap warnings, eligible but never ran). Off by default: the report names no dossier. With it on, the
 * caseload keeps those ids, so its memory grows with them.
 *
 * Returns: %TRUE; %FALSE with @error set (%ACTIVERING_ERROR_USAGE) once a dossier was added.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_caseload_set_list_ids (ActiveringCaseload *caseload, gboolean list_ids, GError **error);

/**
 * activering_caseload_set_organisation:
 * @caseload: the caseload
 * @organisation: (nullable): an organisation of the same rule set, or %NULL for none; it may be freed afterwards
 *   (the caseload copies what it needs)
 *
 * With an organisation, the data-quality part of the report names its actors who hold the role that supplies each
 * missing fact (`actors`).
 */
ACTIVERING_AVAILABLE_IN_0_1
void activering_caseload_set_organisation (ActiveringCaseload *caseload, const ActiveringOrganisation *organisation);

/**
 * activering_caseload_add:
 * @caseload: the caseload
 * @report: a trajectory report of the caseload's rule set, run on the caseload's date
 * @facts: (nullable): the facts the report was run with (the same dossier), or %NULL if it ran without
 * @error: return location for a #GError, or %NULL
 *
 * Adds one dossier with a trajectory. Everything is read from @report (its replay, indicators, violations and,
 * when it ran with facts, its evaluation of them) and from @facts (the partner's id, the income status); neither
 * is kept. A report or facts of another rule set are a programmer's error (a critical, %FALSE).
 *
 * Returns: %TRUE; %FALSE with @error set and nothing added: %ACTIVERING_ERROR_USAGE for a report that has not run
 *   or ran on another date, %ACTIVERING_ERROR_INVALID_VALUE for facts of another dossier than @report.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_caseload_add (ActiveringCaseload *caseload, const ActiveringTrajectoryReport *report,
                                  const ActiveringFacts *facts, GError **error);

/**
 * activering_caseload_add_facts:
 * @caseload: the caseload
 * @facts: the facts of a dossier that has no trajectory, of the caseload's rule set
 * @error: return location for a #GError, or %NULL
 *
 * Adds one dossier without a trajectory: it counts in `dossiers` and may be the partner of a couple.
 *
 * Returns: %TRUE; %FALSE with @error set (%ACTIVERING_ERROR_USAGE) for facts that were never parsed.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_caseload_add_facts (ActiveringCaseload *caseload, const ActiveringFacts *facts, GError **error);

/**
 * activering_caseload_add_unreadable:
 * @caseload: the caseload
 *
 * Counts a dossier that could not be read (a bad line of the input), in `dossiers.bad_lines`; it counts nowhere
 * else.
 */
ACTIVERING_AVAILABLE_IN_0_1
void activering_caseload_add_unreadable (ActiveringCaseload *caseload);

/**
 * activering_caseload_get_n_dossiers:
 * @caseload: the caseload
 *
 * How many dossiers were added (with a trajectory or facts only; unreadable ones not counted).
 *
 * Returns: the number of dossiers added, `dossiers.total` of the report.
 */
ACTIVERING_AVAILABLE_IN_0_1
guint64 activering_caseload_get_n_dossiers (const ActiveringCaseload *caseload);

/**
 * activering_caseload_append_json:
 * @caseload: the caseload
 * @lang: (nullable): the language of labels and notes; %NULL for the rule set's first
 * @flags: #ActiveringJsonFlags
 * @out: the string the document is appended to (nothing on failure)
 * @error: return location for a #GError, or %NULL
 *
 * Writes the `activering.caseload-report/1` document of what was added so far (it may be written again after more
 * dossiers are added).
 *
 * Returns: %TRUE; %FALSE with @error set (%ACTIVERING_ERROR_USAGE) for a language the rule set or the report's texts
 *   lack.
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_caseload_append_json (const ActiveringCaseload *caseload, const char *lang,
                                          ActiveringJsonFlags flags, GString *out, GError **error);

/**
 * activering_caseload_to_json:
 * @caseload: the caseload
 * @lang: (nullable): the language of labels and notes; %NULL for the rule set's first
 * @flags: #ActiveringJsonFlags
 * @error: return location for a #GError, or %NULL
 *
 * Like activering_caseload_append_json(), into a new string.
 *
 * Returns: (transfer full) (nullable): the document, to free with g_free(); %NULL with @error set as for
 *   activering_caseload_append_json().
 */
ACTIVERING_AVAILABLE_IN_0_1
char *activering_caseload_to_json (const ActiveringCaseload *caseload, const char *lang, ActiveringJsonFlags flags,
                                   GError **error);

/**
 * activering_caseload_append_html:
 * @caseload: the caseload
 * @lang: (nullable): the language of the page; %NULL for the rule set's first
 * @out: the string the page is appended to (nothing on failure)
 * @error: return location for a #GError, or %NULL
 *
 * Writes the report as one self-contained HTML page (inline SVG charts and CSS, nothing fetched, no script), from
 * the same figures as activering_caseload_append_json().
 *
 * Returns: %TRUE; %FALSE with @error set as for activering_caseload_append_json().
 */
ACTIVERING_AVAILABLE_IN_0_1
gboolean activering_caseload_append_html (const ActiveringCaseload *caseload, const char *lang, GString *out,
                                          GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActiveringCaseload, activering_caseload_free)

G_END_DECLS

#endif
