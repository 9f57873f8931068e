/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* activering-types.h: the opaque types as GLib boxed types.
 *
 * C and C++ programs need none of this: they call each type's own functions. The boxed types are for language
 * bindings built on GObject Introspection (PyGObject, GJS, Vala), which read `Activering-1.0.gir`: a boxed
 * copy takes another reference to the same object and g_boxed_free() drops it, so a binding can hold on to an
 * object the library handed out without owning it. The types stay as they are: one object belongs to one
 * thread at a time, except #ActiveringRuleSet, which is immutable and shared.
 */
#ifndef ACTIVERING_TYPES_H
#define ACTIVERING_TYPES_H

#if !defined(ACTIVERING_INSIDE) && !defined(ACTIVERING_COMPILATION)
#error "Only <activering/activering.h> can be included directly."
#endif

#include <glib-object.h>
#include <activering/activering-macros.h>

G_BEGIN_DECLS

/**
 * ACTIVERING_TYPE_RULE_SET:
 *
 * The #GType of #ActiveringRuleSet: a boxed type whose copy is activering_rule_set_ref().
 */
#define ACTIVERING_TYPE_RULE_SET (activering_rule_set_get_type ())
ACTIVERING_AVAILABLE_IN_0_1
GType activering_rule_set_get_type (void) G_GNUC_CONST;

/**
 * ACTIVERING_TYPE_FACTS:
 *
 * The #GType of #ActiveringFacts: a boxed type; its copy shares the object.
 */
#define ACTIVERING_TYPE_FACTS (activering_facts_get_type ())
ACTIVERING_AVAILABLE_IN_0_1
GType activering_facts_get_type (void) G_GNUC_CONST;

/**
 * ACTIVERING_TYPE_EVALUATION:
 *
 * The #GType of #ActiveringEvaluation: a boxed type; its copy shares the object.
 */
#define ACTIVERING_TYPE_EVALUATION (activering_evaluation_get_type ())
ACTIVERING_AVAILABLE_IN_0_1
GType activering_evaluation_get_type (void) G_GNUC_CONST;

/**
 * ACTIVERING_TYPE_TRAJECTORY:
 *
 * The #GType of #ActiveringTrajectory: a boxed type; its copy shares the object.
 */
#define ACTIVERING_TYPE_TRAJECTORY (activering_trajectory_get_type ())
ACTIVERING_AVAILABLE_IN_0_1
GType activering_trajectory_get_type (void) G_GNUC_CONST;

/**
 * ACTIVERING_TYPE_TRAJECTORY_REPORT:
 *
 * The #GType of #ActiveringTrajectoryReport: a boxed type; its copy shares the object.
 */
#define ACTIVERING_TYPE_TRAJECTORY_REPORT (activering_trajectory_report_get_type ())
ACTIVERING_AVAILABLE_IN_0_1
GType activering_trajectory_report_get_type (void) G_GNUC_CONST;

/**
 * ACTIVERING_TYPE_ORGANISATION:
 *
 * The #GType of #ActiveringOrganisation: a boxed type; its copy shares the object.
 */
#define ACTIVERING_TYPE_ORGANISATION (activering_organisation_get_type ())
ACTIVERING_AVAILABLE_IN_0_1
GType activering_organisation_get_type (void) G_GNUC_CONST;

/**
 * ACTIVERING_TYPE_ROLE_ASSIGNMENT:
 *
 * The #GType of #ActiveringRoleAssignment: a boxed type; its copy shares the object.
 */
#define ACTIVERING_TYPE_ROLE_ASSIGNMENT (activering_role_assignment_get_type ())
ACTIVERING_AVAILABLE_IN_0_1
GType activering_role_assignment_get_type (void) G_GNUC_CONST;

/**
 * ACTIVERING_TYPE_CASE_FILE:
 *
 * The #GType of #ActiveringCaseFile: a boxed type; its copy shares the object.
 */
#define ACTIVERING_TYPE_CASE_FILE (activering_case_file_get_type ())
ACTIVERING_AVAILABLE_IN_0_1
GType activering_case_file_get_type (void) G_GNUC_CONST;

/**
 * ACTIVERING_TYPE_CASE_COVERAGE:
 *
 * The #GType of #ActiveringCaseCoverage: a boxed type; its copy shares the object.
 */
#define ACTIVERING_TYPE_CASE_COVERAGE (activering_case_coverage_get_type ())
ACTIVERING_AVAILABLE_IN_0_1
GType activering_case_coverage_get_type (void) G_GNUC_CONST;

/**
 * ACTIVERING_TYPE_CASELOAD:
 *
 * The #GType of #ActiveringCaseload: a boxed type; its copy shares the object.
 */
#define ACTIVERING_TYPE_CASELOAD (activering_caseload_get_type ())
ACTIVERING_AVAILABLE_IN_0_1
GType activering_caseload_get_type (void) G_GNUC_CONST;

G_END_DECLS

#endif
