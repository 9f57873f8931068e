/* check-error.c: the ACTIVERING_ERROR domain itself (public API only). */
#include "config.h"

#include "test-util.h"

START_TEST (test_domain_string)
{
  /* Bindings and D-Bus error maps name the domain by this string, so it is part of the API. */
  ck_assert_str_eq (g_quark_to_string (ACTIVERING_ERROR), "activering-error-quark");
  ck_assert_uint_eq (ACTIVERING_ERROR, g_quark_try_string ("activering-error-quark"));
}
END_TEST

static Suite *
error_suite (void)
{
  Suite *s = suite_create ("error");
  TCase *tc = tcase_create ("domain");
  tcase_add_test (tc, test_domain_string);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return test_run_suite (error_suite ());
}
