/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* boxed-private.h: registering an opaque type as a boxed type whose copy shares the object.
 *
 * Language bindings built on GObject Introspection copy a boxed value they are handed without owning it. A
 * real copy of a facts object or an evaluation would be costly and surprising, so a copy takes one more
 * reference, as GKeyFile's does; the type's _free() drops one and frees the object with the last. A C caller
 * that never copies sees no difference: its one reference is the last.
 *
 * The type's struct holds `grefcount ref_count`, set with g_ref_count_init() by its constructor, and its
 * _free() starts with ACTIVERING_BOXED_RELEASE().
 */
#ifndef ACTIVERING_BOXED_PRIVATE_H
#define ACTIVERING_BOXED_PRIVATE_H

#include <activering/activering.h>

/* In _free(): return unless this was the last reference (and at once for NULL). */
#define ACTIVERING_BOXED_RELEASE(self)                                                                          \
  G_STMT_START                                                                                                 \
  {                                                                                                            \
    if ((self) == NULL || !g_ref_count_dec (&(self)->ref_count))                                               \
      return;                                                                                                  \
  }                                                                                                            \
  G_STMT_END

#define ACTIVERING_DEFINE_SHARED_BOXED_TYPE(TypeName, type_name)                                                \
  static TypeName *type_name##_share (TypeName *self)                                                          \
  {                                                                                                            \
    g_ref_count_inc (&self->ref_count);                                                                        \
    return self;                                                                                               \
  }                                                                                                            \
  G_DEFINE_BOXED_TYPE (TypeName, type_name, type_name##_share, type_name##_free)

#endif
