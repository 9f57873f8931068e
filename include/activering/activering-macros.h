/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* activering-macros.h: export and availability macros.
 *
 * Every public symbol carries ACTIVERING_AVAILABLE_IN_x_y: it exports the symbol (the library is built with
 * -fvisibility=hidden) and records the release that introduced it.
 */
#ifndef ACTIVERING_MACROS_H
#define ACTIVERING_MACROS_H

#if !defined(ACTIVERING_INSIDE) && !defined(ACTIVERING_COMPILATION)
#error "Only <activering/activering.h> can be included directly."
#endif

/**
 * ACTIVERING_EXTERN:
 *
 * `extern`, and while the library itself is compiled (with GCC or Clang) the default visibility that exports a
 * symbol from the library, which is otherwise built with `-fvisibility=hidden`. Used by the
 * `ACTIVERING_AVAILABLE_IN_x_y` macros; not meant for programs.
 */
#if defined(ACTIVERING_COMPILATION) && defined(__GNUC__)
#define ACTIVERING_EXTERN __attribute__((visibility("default"))) extern
#else
#define ACTIVERING_EXTERN extern
#endif

/**
 * ACTIVERING_AVAILABLE_IN_0_1:
 *
 * Marks a public declaration as part of the API since libactivering 0.1: it exports the symbol from the library
 * (%ACTIVERING_EXTERN) and records the release that introduced it.
 */
#define ACTIVERING_AVAILABLE_IN_0_1 ACTIVERING_EXTERN

#endif
