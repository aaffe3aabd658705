// ICMP errors as they arrive: Linux reports an IPv4 "administratively prohibited" answer to a connect as
// EHOSTUNREACH, the same errno as "host unreachable", so a tcp step reads the ICMP message itself to tell them apart.
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <node_api.h>
#include <sys/socket.h>
#include <unistd.h>

#include "native.h"

// icmpOpen(): a raw ICMP socket (non-blocking) that receives a copy of every ICMP message the host gets.
napi_value icmp_open(napi_env env, napi_callback_info info) {
  int fd = socket(AF_INET, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_ICMP);
  if (fd < 0) return throw_errno(env, "icmpOpen");
  napi_value v;
  napi_create_int32(env, fd, &v);
  return v;
}

// icmpRead(fd): the next message queued (with its IP header), or null when none waits.
napi_value icmp_read(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  int32_t fd;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc < 1 || napi_get_value_int32(env, argv[0], &fd) != napi_ok) {
    napi_throw_type_error(env, NULL, "icmpRead(fd)");
    return NULL;
  }
  unsigned char buf[1500];
  ssize_t n = recv(fd, buf, sizeof buf, MSG_DONTWAIT);
  napi_value out;
  if (n < 0) {
    if (errno == EAGAIN || errno == EWOULDBLOCK) {
      napi_get_null(env, &out);
      return out;
    }
    return throw_errno(env, "icmpRead");
  }
  void* data;
  napi_create_buffer_copy(env, (size_t)n, buf, &data, &out);
  return out;
}
