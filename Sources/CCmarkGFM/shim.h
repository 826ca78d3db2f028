// Only the two public headers: /usr/include/cmark-gfm/ holds private headers with generic
// names (buffer.h, config.h), so that folder must never be on the include path.
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
