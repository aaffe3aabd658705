// wirecheck's native part: libpcap captures with the kernel's timestamps and counters, and batched sends. Node-API
// only, so one build serves every Node version.
#include <errno.h>
#include <node_api.h>
#include <stdio.h>
#include <string.h>

#include "native.h"

napi_value throw_message(napi_env env, const char* message) {
  napi_throw_error(env, NULL, message);
  return NULL;
}

napi_value throw_errno(napi_env env, const char* what) {
  char msg[256];
  snprintf(msg, sizeof msg, "%s: %s", what, strerror(errno));
  return throw_message(env, msg);
}

static napi_value init(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
      {"openCapture", NULL, open_capture, NULL, NULL, NULL, napi_default, NULL},
      {"captureFd", NULL, capture_fd, NULL, NULL, NULL, napi_default, NULL},
      {"captureStats", NULL, capture_stats, NULL, NULL, NULL, napi_default, NULL},
      {"closeCapture", NULL, close_capture, NULL, NULL, NULL, napi_default, NULL},
      {"sendFrames", NULL, send_frames, NULL, NULL, NULL, napi_default, NULL},
      {"filterError", NULL, filter_error, NULL, NULL, NULL, napi_default, NULL},
      {"linkStart", NULL, link_start, NULL, NULL, NULL, napi_default, NULL},
      {"linkSet", NULL, link_set, NULL, NULL, NULL, napi_default, NULL},
      {"linkStats", NULL, link_stats, NULL, NULL, NULL, napi_default, NULL},
      {"linkStop", NULL, link_stop, NULL, NULL, NULL, napi_default, NULL},
      {"icmpOpen", NULL, icmp_open, NULL, NULL, NULL, napi_default, NULL},
      {"icmpRead", NULL, icmp_read, NULL, NULL, NULL, napi_default, NULL},
      {"netnsEnter", NULL, netns_enter, NULL, NULL, NULL, napi_default, NULL},
      {"withNetns", NULL, netns_with, NULL, NULL, NULL, napi_default, NULL},
      {"offloadsOff", NULL, offloads_off, NULL, NULL, NULL, napi_default, NULL},
  };
  napi_define_properties(env, exports, sizeof props / sizeof props[0], props);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
