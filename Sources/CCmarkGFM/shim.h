// libcmark-gfm (GitHub-flavoured CommonMark) and its core extensions (tables, strikethrough, autolinks).
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
