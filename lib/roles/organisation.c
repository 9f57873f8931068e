/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* organisation.c: an organisation document's accessors. */
#include "config.h"

#include <string.h>

#include "roles/roles-private.h"
#include "util/boxed-private.h"

int
organisation_actor_index (const ActiveringOrganisation *organisation, const char *id, gsize len)
{
  if (memchr (id, '\0', len) != NULL)
    return -1; /* ids never hold a NUL: the reader refuses control characters */
  if (id[len] == '\0')
    return GPOINTER_TO_INT (g_hash_table_lookup (organisation->actor_by_id, id)) - 1;
  g_autofree char *key = g_strndup (id, len);
  return GPOINTER_TO_INT (g_hash_table_lookup (organisation->actor_by_id, key)) - 1;
}

void
activering_organisation_free (ActiveringOrganisation *organisation)
{
  ACTIVERING_BOXED_RELEASE (organisation);
  activering_rule_set_unref (organisation->rules);
  g_array_free (organisation->actors, TRUE);
  g_array_free (organisation->agreements, TRUE);
  g_free (organisation->policies);
  g_free (organisation->n_actors_of_role);
  g_free (organisation->n_agreements_of_task);
  g_free (organisation->first_actor_of_role);
  g_hash_table_destroy (organisation->actor_by_id);
  g_string_chunk_free (organisation->strings);
  g_free (organisation);
}

const char *
activering_organisation_get_id (const ActiveringOrganisation *organisation)
{
  g_return_val_if_fail (organisation != NULL, NULL);
  return organisation->id;
}

const char *
activering_organisation_get_activation_service (const ActiveringOrganisation *organisation)
{
  g_return_val_if_fail (organisation != NULL, NULL);
  return organisation->rules->services[organisation->service].code;
}

const char *
activering_organisation_get_external_partner (const ActiveringOrganisation *organisation)
{
  g_return_val_if_fail (organisation != NULL, NULL);
  return organisation->external_partner;
}

gboolean
activering_organisation_has_policy (const ActiveringOrganisation *organisation, const char *code)
{
  g_return_val_if_fail (organisation != NULL && code != NULL, FALSE);
  const ActiveringRuleSet *rules = organisation->rules;
  for (guint p = 0; p < rules->n_policies; p++)
    if (strcmp (rules->policies[p].code, code) == 0)
      return organisation->policies[p];
  return FALSE;
}

guint
activering_organisation_get_n_actors (const ActiveringOrganisation *organisation)
{
  g_return_val_if_fail (organisation != NULL, 0);
  return organisation->actors->len;
}

const char *
activering_organisation_get_actor_id (const ActiveringOrganisation *organisation, guint index)
{
  g_return_val_if_fail (organisation != NULL, NULL);
  g_return_val_if_fail (index < organisation->actors->len, NULL);
  return g_array_index (organisation->actors, Actor, index).id;
}

const char *
activering_organisation_get_actor_role (const ActiveringOrganisation *organisation, guint index)
{
  g_return_val_if_fail (organisation != NULL, NULL);
  g_return_val_if_fail (index < organisation->actors->len, NULL);
  return organisation->rules->roles[g_array_index (organisation->actors, Actor, index).role].code;
}

ACTIVERING_DEFINE_SHARED_BOXED_TYPE (ActiveringOrganisation, activering_organisation)
