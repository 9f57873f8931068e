/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* bench-alloc.h: counting the heap allocations of the code being measured. */
#pragma once

#include <glib.h>

/* TRUE when this program counts allocations (glibc, no sanitizer: see bench-alloc.c). */
gboolean bench_alloc_counting (void);
/* malloc, calloc and realloc calls so far, by anyone in the process (the library, GLib, json-c, libc). */
guint64 bench_alloc_count (void);
