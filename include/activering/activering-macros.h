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

#if defined(ACTIVERING_COMPILATION) && defined(__GNUC__)
#define ACTIVERING_EXTERN __attribute__((visibility("default"))) extern
#else
#define ACTIVERING_EXTERN extern
#endif

/**
 * ACTIVERING_AVAILABLE_IN_0_1:
 *
 * The symbol exists since libactivering 0.1.
 */
#define ACTIVERING_AVAILABLE_IN_0_1 ACTIVERING_EXTERN

#endif
