// Moving the calling thread into a network namespace: a pooled agent serves one lab host after another without a new
// process (and Node's start-up) for each. Only the calling thread moves; sockets, captures and child processes made
// from it afterwards belong to the namespace it entered.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "native.h"

// netnsEnter(path): joins the network namespace at path (/run/netns/<name>); returns the inode of the namespace the
// thread is in afterwards, read back from the kernel, so the caller can check that it is the one it asked for.
napi_value netns_enter(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  char path[512];
  size_t n;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 1 ||
      napi_get_value_string_utf8(env, argv[0], path, sizeof path, &n) != napi_ok || n >= sizeof path - 1) {
    napi_throw_type_error(env, NULL, "netnsEnter(path)");
    return NULL;
  }
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return throw_errno(env, path);
  if (setns(fd, CLONE_NEWNET) < 0) {
    int e = errno;
    close(fd);
    errno = e;
    return throw_errno(env, "setns");
  }
  close(fd);
  struct stat st;
  if (stat("/proc/thread-self/ns/net", &st) < 0) return throw_errno(env, "/proc/thread-self/ns/net");
  napi_value v;
  napi_create_double(env, (double)st.st_ino, &v);
  return v;
}

// withNetns(path, fn): calls fn with the calling thread inside the namespace at path, and then back in its own, even
// when fn throws. What fn does synchronously (writing /proc/sys/net, which is per namespace) happens in there; a
// thread that cannot come back must not go on, so the process ends.
napi_value netns_with(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  char path[512];
  size_t n;
  napi_valuetype t;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 2 ||
      napi_get_value_string_utf8(env, argv[0], path, sizeof path, &n) != napi_ok || n >= sizeof path - 1 ||
      napi_typeof(env, argv[1], &t) != napi_ok || t != napi_function) {
    napi_throw_type_error(env, NULL, "withNetns(path, fn)");
    return NULL;
  }
  int home = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
  if (home < 0) return throw_errno(env, "/proc/thread-self/ns/net");
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    int e = errno;
    close(home);
    errno = e;
    return throw_errno(env, path);
  }
  if (setns(fd, CLONE_NEWNET) < 0) {
    int e = errno;
    close(fd);
    close(home);
    errno = e;
    return throw_errno(env, "setns");
  }
  close(fd);
  napi_value global, result = NULL;
  napi_get_global(env, &global);
  napi_status st = napi_call_function(env, global, argv[1], 0, NULL, &result);
  if (setns(home, CLONE_NEWNET) < 0) {
    fprintf(stderr, "wirecheck: cannot return to the original network namespace: %s\n", strerror(errno));
    abort();
  }
  close(home);
  return st == napi_ok ? result : NULL;
}
