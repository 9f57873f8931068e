/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* activering.h: the one header to include.
 *
 * libactivering encodes how Belgian OCMWs guide people on social assistance towards work: the eligibility
 * rules for activation measures and the phase models of activation trajectories, as data in a rule set,
 * evaluated and explained by a small engine.
 *
 *   g_autoptr(ActiveringRuleSet) rules = activering_rule_set_new_default (&error);
 *   g_autoptr(ActiveringFacts) facts = activering_facts_new_from_data (rules, json, -1, &error);
 *   g_autoptr(ActiveringEvaluation) ev = activering_evaluation_new (rules);
 *   activering_evaluation_run (ev, facts, NULL, ACTIVERING_EVALUATE_DEFAULT, &error);
 *   g_autofree char *result = activering_evaluation_to_json (ev, "nl", ACTIVERING_JSON_PRETTY, &error);
 */
#ifndef ACTIVERING_H
#define ACTIVERING_H

#define ACTIVERING_INSIDE
#include <activering/activering-macros.h>
#include <activering/activering-version.h>
#include <activering/activering-error.h>
#include <activering/activering-rule-set.h>
#include <activering/activering-facts.h>
#include <activering/activering-evaluation.h>
#include <activering/activering-trajectory.h>
#include <activering/activering-roles.h>
#include <activering/activering-cases.h>
#include <activering/activering-caseload.h>
#include <activering/activering-types.h>
#undef ACTIVERING_INSIDE

#endif
