// Makes libcmark-gfm 0.29.0.gfm.6 safe for parallel parses, without patching the library.
//
// Each parse calls cmark_manage_extensions_special_characters(parser, 1) before its inline pass
// and (parser, 0) after it. Both edit one process-wide table of special characters, so a parse
// that ends switches `~`, `:` and `w` off under another parse still running, which then silently
// loses strikethrough and autolinks (cmark-gfm issue 221, PR 176).
//
// The library calls that exported function through its PLT, so a definition in the executable
// takes its place. This one passes "switch on" to the library and drops "switch off". Every parser
// in Dossier attaches the same extensions, so the table, once set, is what every parse needs.
// Switching on writes the same bytes again, which a parse running at the time reads unchanged.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdatomic.h>
#include <stddef.h>
#include "CmarkParallel.h"

struct cmark_parser;
typedef void (*manage_special_characters)(struct cmark_parser *, int);

static _Atomic(manage_special_characters) library_function = NULL;
static atomic_long ignored_switch_offs = 0;

void cmark_manage_extensions_special_characters(struct cmark_parser *parser, int add) {
    if (!add) {
        atomic_fetch_add(&ignored_switch_offs, 1);
        return;
    }
    manage_special_characters function = atomic_load(&library_function);
    if (function == NULL) {
        function = (manage_special_characters)dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
        if (function == NULL) return;
        atomic_store(&library_function, function);
    }
    function(parser, add);
}

long dossier_cmark_ignored_switch_offs(void) {
    return atomic_load(&ignored_switch_offs);
}
