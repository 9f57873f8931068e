/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* change-messages.c: the optional "change_messages" section: the texts that say what a fact must be for a
 * condition to hold (the `to_change` member of a result, docs/rule-language.md). */
#include "config.h"

#include "rules/loader-private.h"

const char *const change_message_codes[N_CHANGE_MESSAGES] = {
  [CHANGE_AT_LEAST] = "at_least",     [CHANGE_AT_MOST] = "at_most",         [CHANGE_MORE_THAN] = "more_than",
  [CHANGE_LESS_THAN] = "less_than",   [CHANGE_BETWEEN] = "between",         [CHANGE_EQUAL_TO] = "equal_to",
  [CHANGE_NOT_EQUAL_TO] = "not_equal_to", [CHANGE_ONE_OF] = "one_of",       [CHANGE_NONE_OF] = "none_of",
  [CHANGE_MUST_BE_TRUE] = "must_be_true", [CHANGE_MUST_BE_FALSE] = "must_be_false",
  [CHANGE_MUST_BE_KNOWN] = "must_be_known",
};

#define P(x) (1u << PLACEHOLDER_##x)

/* Every text may name the fact and the value given; the bounds only where there are some. */
static guint32
placeholders_of (ChangeMessage code)
{
  guint32 common = P (FACT) | P (VALUE);
  switch (code)
    {
    case CHANGE_AT_LEAST:
    case CHANGE_MORE_THAN: return common | P (MIN);
    case CHANGE_AT_MOST:
    case CHANGE_LESS_THAN: return common | P (MAX);
    case CHANGE_BETWEEN: return common | P (MIN) | P (MAX);
    case CHANGE_EQUAL_TO:
    case CHANGE_NOT_EQUAL_TO:
    case CHANGE_ONE_OF:
    case CHANGE_NONE_OF: return common | P (VALUES);
    case CHANGE_MUST_BE_TRUE:
    case CHANGE_MUST_BE_FALSE:
    case CHANGE_MUST_BE_KNOWN:
    case N_CHANGE_MESSAGES:
    default: return common;
    }
}

gboolean
load_change_messages (Loader *L, json_object *root)
{
  json_object *messages = loader_section (L, root, "change_messages", json_type_object);
  if (messages == NULL)
    return !L->failed;
  const char *codes[N_CHANGE_MESSAGES + 1];
  for (guint c = 0; c < N_CHANGE_MESSAGES; c++)
    codes[c] = change_message_codes[c];
  codes[N_CHANGE_MESSAGES] = NULL;
  if (!loader_check_keys (L, messages, codes))
    return FALSE;
  for (guint c = 0; c < N_CHANGE_MESSAGES; c++)
    if (!loader_checked_text (L, messages, codes[c], placeholders_of ((ChangeMessage) c),
                              &L->rules->change_messages[c]))
      return FALSE;
  return TRUE;
}
