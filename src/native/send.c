// Frames sent in batches on a capture's own socket: one sendmmsg per batch instead of one send per frame, and
// frames sent on the capture's socket are not captured by it a second time.
#define _GNU_SOURCE
#include <errno.h>
#include <node_api.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "native.h"

#define BATCH 256

// sendFrames(fd, buffer, lengths, count): sends `count` frames stored back to back in `buffer`, frame i being
// lengths[i] bytes, with sendmmsg. Returns how many went out: fewer than count when the socket buffer stays full or a
// queueing discipline keeps dropping for 20 ms (the caller waits without blocking the event loop, and sends the
// rest). An error throws, with `sent` on the error object.
napi_value send_frames(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4];
  int32_t fd, count;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  uint8_t* data;
  size_t size;
  napi_typedarray_type type;
  size_t nlen;
  void* lens_raw;
  if (argc < 4 || napi_get_value_int32(env, argv[0], &fd) != napi_ok || napi_get_value_int32(env, argv[3], &count) != napi_ok ||
      napi_get_buffer_info(env, argv[1], (void**)&data, &size) != napi_ok ||
      napi_get_typedarray_info(env, argv[2], &type, &nlen, &lens_raw, NULL, NULL) != napi_ok || type != napi_uint32_array ||
      count < 0 || (size_t)count > nlen) {
    napi_throw_type_error(env, NULL, "sendFrames(fd, buffer, lengths: Uint32Array, count)");
    return NULL;
  }
  const uint32_t* lens = lens_raw;
  size_t total = 0;
  for (int32_t i = 0; i < count; i++) total += lens[i];
  if (total > size) {
    napi_throw_range_error(env, NULL, "sendFrames: the lengths add up to more than the buffer holds");
    return NULL;
  }
  struct mmsghdr msgs[BATCH];
  struct iovec iov[BATCH];
  int32_t sent = 0;
  size_t offset = 0;
  long stalled_ms = 0;
  while (sent < count) {
    int n = count - sent < BATCH ? count - sent : BATCH;
    size_t o = offset;
    for (int i = 0; i < n; i++) {
      iov[i].iov_base = data + o;
      iov[i].iov_len = lens[sent + i];
      o += lens[sent + i];
      memset(&msgs[i], 0, sizeof msgs[i]);
      msgs[i].msg_hdr.msg_iov = &iov[i];
      msgs[i].msg_hdr.msg_iovlen = 1;
    }
    int r = sendmmsg(fd, msgs, n, 0);
    if (r < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == ENOBUFS) {
        if (stalled_ms >= 20) break;
        if (errno == EAGAIN) {
          struct pollfd p = {.fd = fd, .events = POLLOUT};
          poll(&p, 1, 5);
          stalled_ms += 5;
        } else {
          // The socket stays writable when a qdisc drops: poll would return at once.
          struct timespec ts = {0, 1000000};
          nanosleep(&ts, NULL);
          stalled_ms += 1;
        }
        continue;
      }
      char msg[160];
      snprintf(msg, sizeof msg, "sendmmsg: %s (%d of %d frames sent)", strerror(errno), sent, count);
      napi_value text, err, v;
      napi_create_string_utf8(env, msg, NAPI_AUTO_LENGTH, &text);
      napi_create_error(env, NULL, text, &err);
      napi_create_int32(env, sent, &v);
      napi_set_named_property(env, err, "sent", v);
      napi_throw(env, err);
      return NULL;
    }
    stalled_ms = 0;
    for (int i = 0; i < r; i++) offset += lens[sent + i];
    sent += r;
  }
  napi_value v;
  napi_create_int32(env, sent, &v);
  return v;
}

