// What libpcap's handle can do on Linux but the `cap` binding does not expose, done on the handle's own socket:
// frames sent in batches (one sendmmsg per batch instead of one send per frame) and the kernel's capture counters
// (what pcap_stats reports as ps_recv and ps_drop). Node-API only, so one build serves every Node version.
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <linux/if_packet.h>
#include <node_api.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#define BATCH 256

static napi_value throw_errno(napi_env env, const char* what) {
  char msg[256];
  snprintf(msg, sizeof msg, "%s: %s", what, strerror(errno));
  napi_throw_error(env, NULL, msg);
  return NULL;
}

static int arg_int(napi_env env, napi_value v, int32_t* out) {
  return napi_get_value_int32(env, v, out) == napi_ok;
}

// packetSockets(): the file descriptors of this process that are AF_PACKET sockets (to find the one a capture
// handle just opened).
static napi_value packet_sockets(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value list;
  napi_create_array(env, &list);
  DIR* d = opendir("/proc/self/fd");
  if (!d) return throw_errno(env, "opendir /proc/self/fd");
  uint32_t n = 0;
  struct dirent* e;
  while ((e = readdir(d))) {
    char* end;
    long fd = strtol(e->d_name, &end, 10);
    if (*end || fd < 0 || fd == dirfd(d)) continue;
    int domain = 0;
    socklen_t len = sizeof domain;
    if (getsockopt((int)fd, SOL_SOCKET, SO_DOMAIN, &domain, &len) == 0 && domain == AF_PACKET) {
      napi_value v;
      napi_create_int32(env, (int32_t)fd, &v);
      napi_set_element(env, list, n++, v);
    }
  }
  closedir(d);
  return list;
}

// captureStats(fd): { received, dropped } since the last call (the kernel resets its counters on each read, as
// libpcap's pcap_stats accumulates them).
static napi_value capture_stats(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  int32_t fd;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc < 1 || !arg_int(env, argv[0], &fd)) {
    napi_throw_type_error(env, NULL, "captureStats(fd)");
    return NULL;
  }
  struct tpacket_stats st;
  socklen_t len = sizeof st;
  if (getsockopt(fd, SOL_PACKET, PACKET_STATISTICS, &st, &len) != 0) return throw_errno(env, "getsockopt PACKET_STATISTICS");
  napi_value out, received, dropped;
  napi_create_object(env, &out);
  // tp_packets counts the dropped ones too.
  napi_create_uint32(env, st.tp_packets - st.tp_drops, &received);
  napi_create_uint32(env, st.tp_drops, &dropped);
  napi_set_named_property(env, out, "received", received);
  napi_set_named_property(env, out, "dropped", dropped);
  return out;
}

// sendFrames(fd, buffer, lengths, count): sends `count` frames stored back to back in `buffer`, frame i being
// lengths[i] bytes, with sendmmsg. A full socket buffer is waited for (at most a second each time). Returns how many
// were sent.
static napi_value send_frames(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4];
  int32_t fd, count;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  uint8_t* data;
  size_t size;
  napi_typedarray_type type;
  size_t nlen;
  void* lens_raw;
  if (argc < 4 || !arg_int(env, argv[0], &fd) || !arg_int(env, argv[3], &count) ||
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
  int waits = 0;
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
      if ((errno == EAGAIN || errno == ENOBUFS) && waits < 100) {
        struct pollfd p = {.fd = fd, .events = POLLOUT};
        poll(&p, 1, errno == EAGAIN ? 1000 : 10);
        waits++;
        continue;
      }
      if (errno == EINTR) continue;
      return throw_errno(env, "sendmmsg");
    }
    for (int i = 0; i < r; i++) offset += lens[sent + i];
    sent += r;
  }
  napi_value v;
  napi_create_int32(env, sent, &v);
  return v;
}

static napi_value init(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
      {"packetSockets", NULL, packet_sockets, NULL, NULL, NULL, napi_default, NULL},
      {"captureStats", NULL, capture_stats, NULL, NULL, NULL, napi_default, NULL},
      {"sendFrames", NULL, send_frames, NULL, NULL, NULL, napi_default, NULL},
  };
  napi_define_properties(env, exports, sizeof props / sizeof props[0], props);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
