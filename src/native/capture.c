// A libpcap capture on one interface, read by libuv: frames reach JavaScript in batches, each with the kernel's
// timestamp (libpcap's pkthdr.ts), so captures of several interfaces merge in the order the kernel saw the frames.
#include <errno.h>
#include <stdbool.h>
#include <node_api.h>
#include <pcap/pcap.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <uv.h>

#include "native.h"

#define MAX_BATCH 4096

typedef struct {
  napi_env env;
  pcap_t* pcap;
  uv_poll_t poll;
  napi_ref callback;
  napi_async_context async;
  int closed;
  // Frames libpcap handed over that could not be kept (no memory): counted with the ring's drops.
  uint32_t lost;
  // Owners of this struct: libuv's handle until it is closed, and the JS handle until it is collected.
  int owners;
  // The batch being gathered: frame bytes back to back, their lengths and times.
  uint8_t* data;
  size_t used, capacity;
  uint32_t lengths[MAX_BATCH];
  double times[MAX_BATCH];
  uint32_t count;
} capture_t;

static void gather(u_char* user, const struct pcap_pkthdr* h, const u_char* bytes) {
  capture_t* c = (capture_t*)user;
  if (c->count >= MAX_BATCH) return;
  if (c->used + h->caplen > c->capacity) {
    size_t cap = c->capacity ? c->capacity : 65536;
    while (cap < c->used + h->caplen) cap *= 2;
    uint8_t* grown = realloc(c->data, cap);
    if (!grown) {
      c->lost++;
      return;
    }
    c->data = grown;
    c->capacity = cap;
  }
  memcpy(c->data + c->used, bytes, h->caplen);
  c->used += h->caplen;
  c->lengths[c->count] = h->caplen;
  // Nanosecond precision was asked for: tv_usec holds nanoseconds.
  c->times[c->count] = (double)h->ts.tv_sec * 1e6 + (double)h->ts.tv_usec / 1e3;
  c->count++;
}

static void deliver(capture_t* c) {
  napi_env env = c->env;
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  napi_value buffer, lengths_ab, lengths, times_ab, times, count, cb, recv;
  void* p;
  napi_create_buffer_copy(env, c->used, c->data, NULL, &buffer);
  napi_create_arraybuffer(env, c->count * sizeof(uint32_t), &p, &lengths_ab);
  memcpy(p, c->lengths, c->count * sizeof(uint32_t));
  napi_create_typedarray(env, napi_uint32_array, c->count, lengths_ab, 0, &lengths);
  napi_create_arraybuffer(env, c->count * sizeof(double), &p, &times_ab);
  memcpy(p, c->times, c->count * sizeof(double));
  napi_create_typedarray(env, napi_float64_array, c->count, times_ab, 0, &times);
  napi_create_uint32(env, c->count, &count);
  c->used = 0;
  c->count = 0;
  napi_get_reference_value(env, c->callback, &cb);
  // napi_make_callback wants an object as `this`.
  napi_get_global(env, &recv);
  napi_value argv[4] = {buffer, lengths, times, count};
  napi_value result;
  // An exception in the callback goes to the process's uncaughtException, as for any event.
  bool pending = false;
  napi_make_callback(env, c->async, recv, cb, 4, argv, &result);
  napi_is_exception_pending(env, &pending);
  if (pending) {
    napi_value err;
    napi_get_and_clear_last_exception(env, &err);
    napi_fatal_exception(env, err);
  }
  napi_close_handle_scope(env, scope);
}

static void on_readable(uv_poll_t* poll, int status, int events) {
  capture_t* c = poll->data;
  if (c->closed) return;
  if (status < 0) {
    // The socket reported an error (the link went down, a scenario may bring it up again): libuv stopped
    // watching it. Clear the error and watch again, or the capture would stay deaf for the rest of the run.
    int err = 0;
    socklen_t len = sizeof err;
    getsockopt(pcap_get_selectable_fd(c->pcap), SOL_SOCKET, SO_ERROR, &err, &len);
    uv_poll_start(&c->poll, UV_READABLE, on_readable);
    return;
  }
  if (!(events & UV_READABLE)) return;
  // Everything libpcap has now, in batches; bounded so a flood cannot hold the event loop for long.
  for (int rounds = 0; rounds < 16 && !c->closed; rounds++) {
    int n = pcap_dispatch(c->pcap, MAX_BATCH, gather, (u_char*)c);
    if (c->count > 0) deliver(c);
    if (n <= 0) break;
  }
}

static void release(capture_t* c) {
  if (--c->owners == 0) free(c);
}

static void on_closed(uv_handle_t* handle) {
  capture_t* c = handle->data;
  pcap_close(c->pcap);
  c->pcap = NULL;
  napi_delete_reference(c->env, c->callback);
  napi_async_destroy(c->env, c->async);
  free(c->data);
  c->data = NULL;
  release(c);
}

static void on_collected(napi_env env, void* data, void* hint) {
  release((capture_t*)data);
}

static capture_t* unwrap(napi_env env, napi_value v) {
  capture_t* c = NULL;
  if (napi_get_value_external(env, v, (void**)&c) != napi_ok || !c) napi_throw_type_error(env, NULL, "not a capture");
  return c;
}

// openCapture(iface, filter, bufferBytes, onFrames(data, lengths, timesUs, count)) → capture
napi_value open_capture(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  char iface[64], filter[16384];
  int32_t buffer_bytes;
  napi_valuetype cb_type;
  size_t filter_len = 0;
  if (argc < 4 || napi_get_value_string_utf8(env, argv[0], iface, sizeof iface, NULL) != napi_ok ||
      napi_get_value_string_utf8(env, argv[1], filter, sizeof filter, &filter_len) != napi_ok ||
      napi_get_value_int32(env, argv[2], &buffer_bytes) != napi_ok || napi_typeof(env, argv[3], &cb_type) != napi_ok ||
      cb_type != napi_function) {
    napi_throw_type_error(env, NULL, "openCapture(iface, filter, bufferBytes, onFrames)");
    return NULL;
  }
  if (filter_len >= sizeof filter - 1) return throw_message(env, "the capture filter is longer than 16 KiB");
  char errbuf[PCAP_ERRBUF_SIZE] = "";
  pcap_t* p = pcap_create(iface, errbuf);
  if (!p) return throw_message(env, errbuf);
  pcap_set_snaplen(p, 262144);
  pcap_set_promisc(p, 1);
  pcap_set_buffer_size(p, buffer_bytes);
  // Each frame as soon as it arrives (sr1 waits for one answer), not when a block fills.
  pcap_set_immediate_mode(p, 1);
  pcap_set_tstamp_precision(p, PCAP_TSTAMP_PRECISION_NANO);
  int rc = pcap_activate(p);
  if (rc < 0) {
    char msg[PCAP_ERRBUF_SIZE + 64];
    snprintf(msg, sizeof msg, "%s: %s", iface, rc == PCAP_ERROR ? pcap_geterr(p) : pcap_statustostr(rc));
    pcap_close(p);
    return throw_message(env, msg);
  }
  if (pcap_get_tstamp_precision(p) != PCAP_TSTAMP_PRECISION_NANO) {
    pcap_close(p);
    return throw_message(env, "libpcap cannot give nanosecond timestamps here");
  }
  if (filter[0]) {
    struct bpf_program prog;
    if (pcap_compile(p, &prog, filter, 1, PCAP_NETMASK_UNKNOWN) < 0) {
      char msg[PCAP_ERRBUF_SIZE + 64];
      snprintf(msg, sizeof msg, "%s", pcap_geterr(p));
      pcap_close(p);
      return throw_message(env, msg);
    }
    int set = pcap_setfilter(p, &prog);
    pcap_freecode(&prog);
    if (set < 0) {
      char msg[PCAP_ERRBUF_SIZE + 64];
      snprintf(msg, sizeof msg, "%s", pcap_geterr(p));
      pcap_close(p);
      return throw_message(env, msg);
    }
  }
  if (pcap_setnonblock(p, 1, errbuf) < 0) {
    pcap_close(p);
    return throw_message(env, errbuf);
  }
  int fd = pcap_get_selectable_fd(p);
  uv_loop_t* loop;
  napi_get_uv_event_loop(env, &loop);
  capture_t* c = calloc(1, sizeof *c);
  if (!c) {
    pcap_close(p);
    return throw_message(env, "out of memory");
  }
  c->env = env;
  c->pcap = p;
  c->poll.data = c;
  napi_create_reference(env, argv[3], 1, &c->callback);
  napi_value name;
  napi_create_string_utf8(env, "wirecheck:capture", NAPI_AUTO_LENGTH, &name);
  napi_async_init(env, NULL, name, &c->async);
  if (uv_poll_init(loop, &c->poll, fd) != 0) {
    napi_delete_reference(env, c->callback);
    napi_async_destroy(env, c->async);
    pcap_close(p);
    free(c);
    return throw_message(env, "cannot watch the capture's socket");
  }
  c->owners = 2;
  napi_value handle;
  napi_create_external(env, c, on_collected, NULL, &handle);
  if (uv_poll_start(&c->poll, UV_READABLE, on_readable) != 0) {
    c->closed = 1;
    uv_close((uv_handle_t*)&c->poll, on_closed);
    return throw_message(env, "cannot watch the capture's socket");
  }
  return handle;
}

// The capture a call is about (its first argument); NULL when there is none or it is closed.
static capture_t* open_arg(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  capture_t* c = argc ? unwrap(env, argv[0]) : NULL;
  return c && !c->closed ? c : NULL;
}

// captureFd(capture) → the socket's file descriptor (for sendFrames)
napi_value capture_fd(napi_env env, napi_callback_info info) {
  capture_t* c = open_arg(env, info);
  if (!c) return NULL;
  napi_value out;
  napi_create_int32(env, pcap_get_selectable_fd(c->pcap), &out);
  return out;
}

// captureStats(capture) → { received, dropped, ifDropped } (pcap_stats)
napi_value capture_stats(napi_env env, napi_callback_info info) {
  capture_t* c = open_arg(env, info);
  if (!c) return NULL;
  struct pcap_stat st;
  if (pcap_stats(c->pcap, &st) < 0) return throw_message(env, pcap_geterr(c->pcap));
  napi_value out, v;
  napi_create_object(env, &out);
  // On Linux ps_recv counts the frames the ring dropped as well.
  napi_create_uint32(env, st.ps_recv - st.ps_drop, &v);
  napi_set_named_property(env, out, "received", v);
  napi_create_uint32(env, st.ps_drop + c->lost, &v);
  napi_set_named_property(env, out, "dropped", v);
  napi_create_uint32(env, st.ps_ifdrop, &v);
  napi_set_named_property(env, out, "ifDropped", v);
  return out;
}

// closeCapture(capture): stops delivering at once; libpcap's handle is closed when libuv lets go of it.
napi_value close_capture(napi_env env, napi_callback_info info) {
  capture_t* c = open_arg(env, info);
  if (!c) return NULL;
  c->closed = 1;
  uv_poll_stop(&c->poll);
  uv_close((uv_handle_t*)&c->poll, on_closed);
  return NULL;
}
