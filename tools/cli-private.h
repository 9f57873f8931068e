/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* cli-private.h: what the subcommands of the `activering` tool share. The tool is a thin client of the
 * public API: it holds no rule knowledge. */
#pragma once

#include <stdio.h>

#include <activering/activering.h>

enum
{
  EXIT_DONE = 0,
  EXIT_INPUT_ERRORS = 1,
  EXIT_USAGE = 2,
  EXIT_OUTCOMES_CHANGED = 3, /* rules diff --caseload: a dossier's outcome changes (a person should look) */
  EXIT_CLOSED_PIPE = 141 /* what a shell shows for a program ended by SIGPIPE */
};

/* Makes standard output a stream whose failed writes are remembered with their errno; first thing in main. */
void cli_output_init (void);
/* Writes to standard output; FALSE once any write failed (the caller stops producing output). */
gboolean cli_write (const char *data, gsize length);
/* Whether a write to standard output failed. */
gboolean cli_output_failed (void);
/* Flushes standard output and settles the exit status: @status if every write went through, else quietly
 * EXIT_CLOSED_PIPE for a closed pipe, or a message and EXIT_INPUT_ERRORS (a full disk, …). */
int cli_finish_output (int status);

/* Loads --rules FILE, or the embedded default rule set when @path is NULL, or for a directory (a rule set's history)
 * its file in force today; prints the error and returns NULL. */
ActiveringRuleSet *cli_load_rules (const char *path);

/* The log read from @text into *@log: made from the first line, refilled from the next ones (no allocation once
 * warmed up). NULL with @error set for a bad line. */
ActiveringTrajectory *cli_read_trajectory (ActiveringTrajectory **log, ActiveringRuleSet *rules, const char *text,
                                           gsize length, GError **error);

/* Loads --organisation FILE against @rules; prints the error and returns NULL. */
ActiveringOrganisation *cli_load_organisation (ActiveringRuleSet *rules, const char *path);

/* Reads a YYYY-MM-DD date; FALSE for anything else. */
gboolean cli_date_from_text (const char *text, GDate *out);
/* Parses --as-of; prints the error and returns FALSE for a bad date. */
gboolean cli_parse_date (const char *text, GDate *out);

/* Checks --lang against the rule set; prints the error and returns FALSE. */
gboolean cli_check_language (const ActiveringRuleSet *rules, const char *lang);

/* Opens FILE, or standard input for NULL or "-"; prints the error and returns NULL. */
FILE *cli_open_input (const char *path);

/* Reads all of @input (at most @max bytes); prints the error and returns NULL. */
char *cli_read_all (FILE *input, const char *name, gsize max, gsize *length);

void cli_error (const char *format, ...) G_GNUC_PRINTF (1, 2);

/* Appends @text padded with spaces to @width characters (not bytes), or cut with "…" if longer. */
void cli_pad (GString *out, const char *text, int width);

/* Appends @command to the program name ("activering" → "activering rules"), so that a subcommand's --help says
 * "Usage: activering rules …". */
void cli_enter_command (const char *command);
/* Runs the command line @argv (argv[0] is the program) and returns its exit status, output unflushed (cli-main.c). */
int cli_main (int argc, char **argv);

/* Parses a subcommand's options; prints usage errors. Returns FALSE on a usage error. */
gboolean cli_parse_options (GOptionContext *context, int *argc, char ***argv);

/* Writes @out to standard output once it holds @threshold bytes or more, and empties it. FALSE once a write
 * failed. */
gboolean cli_flush (GString *out, gsize threshold);

/* Where one line of a batch (or one whole document) is handled: its number, and the buffers its output and its
 * messages go to. A batch may run in several threads; these buffers are written out in input order, so a
 * handler writes to them and never to stdout or stderr itself. */
typedef struct
{
  guint64 number;    /* the line's number in the input; 0 for a whole document */
  gboolean one_line; /* one line of JSON lines (compact output), not a whole document (pretty output) */
  GString *out;      /* for standard output */
  GString *messages; /* for standard error: whole lines, "activering: …\n" */
} CliLine;

/* What a batch does with its lines. @each and @bad_line run on a worker: the shared state itself, or, with
 * @worker_new, a worker of its own per thread (then several threads may run, each on its own worker). */
typedef struct
{
  /* Handles one non-blank line; FALSE with @error for a bad one. */
  gboolean (*each) (gpointer worker, const CliLine *line, const char *text, gsize length, GError **error);
  /* After a bad line has been reported (nullable). */
  void (*bad_line) (gpointer worker, const CliLine *line);
  /* A worker for one thread, made from the shared state (nullable: then the batch runs in one job on it). */
  gpointer (*worker_new) (gpointer shared);
  /* Folds a worker's tallies into the shared state and frees the worker; on the main thread, in worker order. */
  void (*worker_done) (gpointer shared, gpointer worker);
} CliBatch;

/* The most jobs --jobs accepts. */
#define CLI_MAX_JOBS 256
/* Parses --jobs (NULL: 0, for the default); prints the error and returns FALSE for anything but 1 to
 * CLI_MAX_JOBS. */
gboolean cli_parse_jobs (const char *text, guint *jobs);
/* The number of jobs for @input: @jobs if given, else the number of cores when @input is a regular file (one
 * that can be read ahead), else 1 (a pipe or a terminal, where lines come as someone types them). */
guint cli_jobs_for (guint jobs, FILE *input);

/* Runs @batch on every line of @input in @jobs threads, in blocks of lines: writes each line's output and
 * messages in input order, reports bad lines (with their numbers) and goes on, shows progress ("N @noun") on
 * a terminal. Standard output and standard error are the same whatever @jobs is. Returns the exit status. */
int cli_run_lines (FILE *input, const char *name, const char *noun, guint jobs, const CliBatch *batch,
                   gpointer shared);

/* Runs @batch on the whole of @input, one document, on a worker of its own; writes its output and reports its
 * error. Returns the exit status. */
int cli_run_document (FILE *input, const char *name, const CliBatch *batch, gpointer shared);

/* The largest document a command reads whole. */
#define CLI_MAX_DOCUMENT (64u << 20)

/* Reads FILE (or standard input for "-") whole; prints the error and returns NULL. */
char *cli_read_file (const char *path, gsize *length);

/* Documents matched by id (--facts, --trajectory), see document-index.h. */
typedef gpointer (*CliParseFunc) (ActiveringRuleSet *rules, const char *data, gsize length, GError **error);
typedef const char *(*CliIdFunc) (gconstpointer document);

/* Runs @batch on FILE (or standard input for "-"): on each line with @jsonl (see cli_run_lines), else on the
 * whole document; writes its output and reports errors. Returns the exit status. */
int cli_run_input (const char *path, gboolean jsonl, const char *noun, guint jobs, const CliBatch *batch,
                   gpointer shared);

/* The RACI table of an assignment, for a start meeting (roles-table.c). */
void roles_table_append (GString *out, ActiveringRuleSet *rules, const ActiveringOrganisation *organisation,
                         const ActiveringRoleAssignment *assignment, const char *lang);

/* Appends @s as a JSON string (quotes, backslashes and control characters escaped). */
void cli_append_json_string (GString *out, const char *s);

int cmd_eligibility (int argc, char **argv);
int cmd_rules (int argc, char **argv);
int cmd_trajectory (int argc, char **argv);
int cmd_roles (int argc, char **argv);
int cmd_report (int argc, char **argv);
int cmd_rules_diff (int argc, char **argv);
int cmd_rules_lint (int argc, char **argv);
/* Lints the rule file at @path; @lang (nullable) must be one of its languages. Returns the exit status. */
int rules_lint_file (const char *path, const char *lang);
int cmd_test (int argc, char **argv);
int cmd_serve (int argc, char **argv);
/* The rule set at a glance, as JSON (activering.ruleset-summary/1): its identity, measures and declared facts with
 * who supplies them; `rules show` and GET /v1/rules. */
void rules_summary_append (GString *out, ActiveringRuleSet *rules, const char *lang);

/* The human-readable screening table (human-table.c): rows as the dossiers come, totals at the end. Each worker
 * of a batch keeps its own table's tallies, added up at the end with human_table_merge. */
typedef struct HumanTable HumanTable;
HumanTable *human_table_new (ActiveringRuleSet *rules, const char *lang);
/* The legend and the column heads. */
void human_table_append_header (HumanTable *table, GString *out);
void human_table_add (HumanTable *table, const ActiveringEvaluation *evaluation, GString *out);
/* Under a row, for a traced evaluation: what would change each answer, and until when each answer holds. */
void human_table_add_trace (HumanTable *table, const ActiveringEvaluation *evaluation, GString *out);
void human_table_add_error (HumanTable *table, guint64 line, GString *out);
/* Adds @from's tallies to @table's. */
void human_table_merge (HumanTable *table, const HumanTable *from);
/* The totals and the most needed facts. */
void human_table_append_totals (HumanTable *table, GString *out);
void human_table_free (HumanTable *table);
/* The symbol (✔ ✘ ? ·) and the word (in nl, fr or en) the tables for people show for an outcome. */
const char *human_outcome_symbol (ActiveringOutcome outcome);
const char *human_outcome_word (ActiveringOutcome outcome, const char *lang);

/* A trajectory report for people (trajectory-table.c): where the client stands, how long each phase took, what
 * runs, the indicators, what is wrong and what could come next. Labels from the rule set, in @lang. */
void trajectory_table_append (GString *out, ActiveringRuleSet *rules, const ActiveringTrajectoryReport *report,
                              const ActiveringTrajectory *trajectory, gboolean with_facts, const GDate *as_of,
                              const char *lang);
