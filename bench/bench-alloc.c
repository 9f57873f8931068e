/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* bench-alloc.c: a counting malloc, linked into the benchmark program itself.
 *
 * The program defines malloc, calloc and realloc; the dynamic linker resolves every library's calls to the
 * executable's definitions first, so the library's, GLib's and json-c's allocations are all counted, with no
 * LD_PRELOAD and no deprecated GLib hook. Each forwards to glibc's own allocator (__libc_malloc and friends).
 * Under a sanitizer, which brings its own malloc, or without glibc, nothing is counted and the benchmark says so.
 */
#include "config.h"

#include <stddef.h>

#include "bench-alloc.h"

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define BENCH_NO_COUNTING 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define BENCH_NO_COUNTING 1
#endif
#endif
#if !defined(__GLIBC__)
#define BENCH_NO_COUNTING 1
#endif

#ifndef BENCH_NO_COUNTING

static guint64 allocations;

extern void *__libc_malloc (size_t size);
extern void *__libc_calloc (size_t n, size_t size);
extern void *__libc_realloc (void *p, size_t size);

/* Exported (the program is built with hidden visibility), so that the shared libraries bind to them. */
#define BENCH_EXPORT __attribute__ ((visibility ("default")))

BENCH_EXPORT void *
malloc (size_t size)
{
  __atomic_fetch_add (&allocations, 1, __ATOMIC_RELAXED);
  return __libc_malloc (size);
}

BENCH_EXPORT void *
calloc (size_t n, size_t size)
{
  __atomic_fetch_add (&allocations, 1, __ATOMIC_RELAXED);
  return __libc_calloc (n, size);
}

BENCH_EXPORT void *
realloc (void *p, size_t size)
{
  __atomic_fetch_add (&allocations, 1, __ATOMIC_RELAXED);
  return __libc_realloc (p, size);
}

gboolean
bench_alloc_counting (void)
{
  return TRUE;
}

guint64
bench_alloc_count (void)
{
  return __atomic_load_n (&allocations, __ATOMIC_RELAXED);
}

#else

gboolean
bench_alloc_counting (void)
{
  return FALSE;
}

guint64
bench_alloc_count (void)
{
  return 0;
}

#endif
