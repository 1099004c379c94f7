// Header-only shim over libedit's native (histedit) API.
// Swift cannot call C variadic functions (el_set, el_get, history), so each call we
// need gets a small static inline wrapper with a fixed signature. No state lives here.
#ifndef FMLAB_CLIBEDIT_SHIM_H
#define FMLAB_CLIBEDIT_SHIM_H

#include <histedit.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <sys/ioctl.h>
#include <unistd.h>

typedef char *(*fm_prompt_fn)(EditLine *);
typedef unsigned char (*fm_command_fn)(EditLine *, int);

static inline EditLine *fm_el_init(const char *prog) {
  return el_init(prog, stdin, stdout, stderr);
}
static inline int fm_el_set_prompt(EditLine *el, fm_prompt_fn fn) { return el_set(el, EL_PROMPT, fn); }
static inline int fm_el_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
static inline int fm_el_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
static inline int fm_el_bind(EditLine *el, const char *key, const char *command) {
  return el_set(el, EL_BIND, key, command, NULL);
}
static inline int fm_el_addfn(EditLine *el, const char *name, const char *help, fm_command_fn fn) {
  return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int fm_el_set_clientdata(EditLine *el, void *data) { return el_set(el, EL_CLIENTDATA, data); }
static inline void *fm_el_get_clientdata(EditLine *el) {
  void *data = NULL;
  el_get(el, EL_CLIENTDATA, &data);
  return data;
}
static inline int fm_el_set_history(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }

static inline int fm_history_setsize(History *h, int size) {
  HistEvent ev;
  return history(h, &ev, H_SETSIZE, size);
}
static inline int fm_history_setunique(History *h, int unique) {
  HistEvent ev;
  return history(h, &ev, H_SETUNIQUE, unique);
}
static inline int fm_history_load(History *h, const char *path) {
  HistEvent ev;
  return history(h, &ev, H_LOAD, path);
}
static inline int fm_history_save(History *h, const char *path) {
  HistEvent ev;
  return history(h, &ev, H_SAVE, path);
}
static inline int fm_history_enter(History *h, const char *line) {
  HistEvent ev;
  return history(h, &ev, H_ENTER, line);
}

/// Installs `handler` for SIGINT without SA_RESTART, so a blocking read returns EINTR.
static inline int fm_install_sigint(void (*handler)(int)) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = handler;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;
  // A parent may have left SIGINT blocked (the mask survives exec); Ctrl-C must reach us.
  sigset_t unblock;
  sigemptyset(&unblock);
  sigaddset(&unblock, SIGINT);
  sigprocmask(SIG_UNBLOCK, &unblock, NULL);
  return sigaction(SIGINT, &sa, NULL);
}

static inline int fm_errno(void) { return errno; }

/// Terminal width in columns, or 0 when `fd` is not a terminal.
static inline int fm_terminal_columns(int fd) {
  struct winsize ws;
  if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  return 0;
}
static inline int fm_terminal_rows(int fd) {
  struct winsize ws;
  if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0) return ws.ws_row;
  return 0;
}

/// Sets LC_CTYPE from the environment; falls back to C.UTF-8 when that gives C/POSIX,
/// because libedit drops non-ASCII input under a non-UTF-8 locale. Returns the locale in use.
static inline const char *fm_setup_utf8_locale(void) {
  const char *loc = setlocale(LC_CTYPE, "");
  if (loc == NULL || strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0) {
    const char *utf8 = setlocale(LC_CTYPE, "C.UTF-8");
    if (utf8 != NULL) return utf8;
  }
  return loc;
}

#endif
