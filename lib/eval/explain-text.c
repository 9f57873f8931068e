/* explain-text.c: one measure's answer as lines of text for people (test reports, logs, support). */
#include "config.h"

#include "eval/evaluation-private.h"

void
activering_evaluation_append_missing_text (const ActiveringEvaluation *ev, guint measure, GString *out)
{
  g_return_if_fail (ev != NULL && out != NULL);
  g_return_if_fail (measure < ev->rules->n_measures);
  guint n = activering_evaluation_get_n_missing (ev, measure);
  if (n == 0)
    g_string_append (out, "none");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s%s (%s, asked of %s)", i ? ", " : "",
                            activering_evaluation_get_missing_fact (ev, measure, i),
                            activering_fact_state_to_string (activering_evaluation_get_missing_state (ev, measure, i)),
                            activering_evaluation_get_missing_asked_of (ev, measure, i));
}

void
activering_evaluation_append_measure_text (const ActiveringEvaluation *ev, guint measure, const char *lang,
                                           const char *indent, GString *out)
{
  g_return_if_fail (ev != NULL && out != NULL);
  g_return_if_fail (measure < ev->rules->n_measures);
  const char *in = indent ? indent : "";
  g_string_append_printf (out, "%soutcome: %s\n", in,
                          activering_outcome_to_string (activering_evaluation_get_outcome (ev, measure)));
  for (guint i = 0; i < activering_evaluation_get_n_conditions (ev, measure); i++)
    g_string_append_printf (out, "%s%s = %s: %s\n", in, activering_evaluation_get_condition_id (ev, measure, i),
                            activering_truth_to_string (activering_evaluation_get_condition_state (ev, measure, i)),
                            activering_evaluation_get_condition_text (ev, measure, i, lang));
  g_string_append_printf (out, "%smissing: ", in);
  activering_evaluation_append_missing_text (ev, measure, out);
  g_string_append_c (out, '\n');
}
