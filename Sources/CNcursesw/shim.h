// C shim for ncursesw: turns the macros and globals Swift cannot reach into static inline functions.
#ifndef DESCENT_CNCURSESW_SHIM_H
#define DESCENT_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>
#endif
