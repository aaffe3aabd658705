// Moving the calling thread into a network namespace: a pooled agent serves one lab host after another without a new
// process (and Node's start-up) for each. Only the calling thread moves; sockets, captures and child processes made
// from it afterwards belong to the namespace it entered.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <sys/stat.h>
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
