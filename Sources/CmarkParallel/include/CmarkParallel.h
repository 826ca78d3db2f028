#ifndef DOSSIER_CMARK_PARALLEL_H
#define DOSSIER_CMARK_PARALLEL_H

/// How many times libcmark-gfm asked to switch its special characters off and was ignored.
/// Zero after a parse means the library did not call through this file, and parses must be
/// serialised by a lock.
long dossier_cmark_ignored_switch_offs(void);

#endif
