/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* serve-routes.h: what the endpoints of serve-handle.c, serve-documents.c and serve-stream.c share. */
#pragma once

#include "serve-private.h"

/* The query options an endpoint accepts. */
enum
{
  SERVE_OPTION_AS_OF = 1 << 0,
  SERVE_OPTION_LANG = 1 << 1,
  SERVE_OPTION_COMPACT = 1 << 2,
  SERVE_OPTION_ALL = 1 << 3,
};

typedef struct
{
  GDate as_of;
  gboolean has_as_of;
  char lang[8];
  gboolean compact; /* eligibility: outcomes only */
  gboolean all;     /* roles: every task */
} ServeOptions;

/* Reads @query's options (only those in @accepted); FALSE with a 400 in @response for a bad or unknown one. */
gboolean serve_options_parse (const char *query, guint accepted, ActiveringRuleSet *rules, ServeOptions *options,
                              ServeResponse *response);

ServeContext *serve_worker_get_context (ServeWorker *worker);
/* The rule set in use, for this request (@response keeps a reference and names it); the worker's objects are made
 * anew for it after a reload. */
ActiveringRuleSet *serve_worker_use_rules (ServeWorker *worker, ServeResponse *response);
ActiveringFacts *serve_worker_get_facts (ServeWorker *worker);
ActiveringEvaluation *serve_worker_get_evaluation (ServeWorker *worker);
ActiveringTrajectoryReport *serve_worker_get_report (ServeWorker *worker);
ActiveringRoleAssignment *serve_worker_get_assignment (ServeWorker *worker);

/* Appends the answer to one facts document: its outcomes (compact) or its whole result, on one line. */
gboolean serve_screen (ActiveringFacts *facts, ActiveringEvaluation *evaluation, const ServeOptions *options,
                       const char *data, gsize length, GString *out, GError **error);

void serve_handle_eligibility (ServeWorker *worker, const ServeRequest *request, ServeResponse *response);
void serve_handle_trajectory_report (ServeWorker *worker, const ServeRequest *request, ServeResponse *response);
void serve_handle_roles (ServeWorker *worker, const ServeRequest *request, ServeResponse *response);
