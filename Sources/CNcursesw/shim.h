// C shim for ncursesw: turns the macros and globals Swift cannot reach into static inline functions.
#ifndef DESCENT_CNCURSESW_SHIM_H
#define DESCENT_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <stdio.h>
#include <unistd.h>
#include <ncursesw/ncurses.h>

static inline WINDOW *descent_stdscr(void) { return stdscr; }
static inline int descent_lines(void) { return LINES; }
static inline int descent_cols(void) { return COLS; }
static inline int descent_colors(void) { return COLORS; }
static inline int descent_color_pairs(void) { return COLOR_PAIRS; }
static inline int descent_getmaxy(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)x; return y; }
static inline int descent_getmaxx(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)y; return x; }
static inline attr_t descent_color_pair(int pair) { return (attr_t)COLOR_PAIR(pair); }

static inline attr_t descent_a_normal(void) { return A_NORMAL; }
static inline attr_t descent_a_bold(void) { return A_BOLD; }
static inline attr_t descent_a_reverse(void) { return A_REVERSE; }
static inline attr_t descent_a_underline(void) { return A_UNDERLINE; }
static inline attr_t descent_a_dim(void) { return A_DIM; }

static inline int descent_key_up(void) { return KEY_UP; }
static inline int descent_key_down(void) { return KEY_DOWN; }
static inline int descent_key_left(void) { return KEY_LEFT; }
static inline int descent_key_right(void) { return KEY_RIGHT; }
static inline int descent_key_btab(void) { return KEY_BTAB; }
static inline int descent_key_ppage(void) { return KEY_PPAGE; }
static inline int descent_key_npage(void) { return KEY_NPAGE; }
static inline int descent_key_enter(void) { return KEY_ENTER; }
static inline int descent_key_resize(void) { return KEY_RESIZE; }
static inline int descent_key_mouse(void) { return KEY_MOUSE; }
static inline int descent_key_f0(void) { return KEY_F0; }
static inline int descent_key_code_yes(void) { return KEY_CODE_YES; }
static inline int descent_err(void) { return ERR; }

static inline mmask_t descent_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t descent_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t descent_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t descent_button2_pressed(void) { return BUTTON2_PRESSED; }
static inline mmask_t descent_button3_pressed(void) { return BUTTON3_PRESSED; }
static inline mmask_t descent_button3_released(void) { return BUTTON3_RELEASED; }
static inline mmask_t descent_button4_pressed(void) { return BUTTON4_PRESSED; }
#ifdef BUTTON5_PRESSED
static inline mmask_t descent_button5_pressed(void) { return BUTTON5_PRESSED; }
#else
static inline mmask_t descent_button5_pressed(void) { return 0; }
#endif
static inline mmask_t descent_report_mouse_position(void) { return REPORT_MOUSE_POSITION; }
static inline mmask_t descent_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }

/// Writes one wide character with attributes and a colour pair at (y, x) of stdscr.
static inline int descent_put_wide(int y, int x, wchar_t ch, attr_t attrs, short pair) {
    cchar_t cc;
    wchar_t text[2] = { ch, L'\0' };
    setcchar(&cc, text, attrs, pair, NULL);
    return mvwadd_wch(stdscr, y, x, &cc);
}

/// Writes one character of up to four code points (a base and what combines with it, e.g. an emoji and U+FE0F);
/// falls back to the first code point where ncurses refuses the sequence.
static inline int descent_put_cluster(int y, int x, const wchar_t *points, int count, attr_t attrs, short pair) {
    cchar_t cc;
    wchar_t text[5] = { 0, 0, 0, 0, 0 };
    for (int i = 0; i < count && i < 4; i++) text[i] = points[i];
    if (setcchar(&cc, text, attrs, pair, NULL) != OK) {
        wchar_t first[2] = { points[0], L'\0' };
        setcchar(&cc, first, attrs, pair, NULL);
    }
    return mvwadd_wch(stdscr, y, x, &cc);
}

/// Turns on xterm button-event tracking (drag reports), which mousemask alone does not request everywhere.
static inline void descent_enable_drag_tracking(void) {
    /* 1002: button-event tracking; 1006: SGR coordinates (any column; ignored by terminals without it, which
       keep sending X10 reports that ncurses decodes as KEY_MOUSE). */
    fputs("\033[?1002h\033[?1006h", stdout);
    fflush(stdout);
}

static inline void descent_disable_drag_tracking(void) {
    fputs("\033[?1006l\033[?1002l\033[?1000l", stdout);
    fflush(stdout);
}
#endif
