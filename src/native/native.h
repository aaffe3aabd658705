// The functions of the native part, one file per concern (capture.c, filter.c, send.c, link.c, icmp.c, netns.c, offload.c), registered in module.c.
#pragma once
#include <node_api.h>

napi_value throw_message(napi_env env, const char* message);
napi_value throw_errno(napi_env env, const char* what);

napi_value open_capture(napi_env env, napi_callback_info info);
napi_value capture_fd(napi_env env, napi_callback_info info);
napi_value capture_stats(napi_env env, napi_callback_info info);
napi_value close_capture(napi_env env, napi_callback_info info);
napi_value send_frames(napi_env env, napi_callback_info info);
napi_value filter_error(napi_env env, napi_callback_info info);
napi_value link_start(napi_env env, napi_callback_info info);
napi_value link_set(napi_env env, napi_callback_info info);
napi_value link_stats(napi_env env, napi_callback_info info);
napi_value link_stop(napi_env env, napi_callback_info info);
napi_value icmp_open(napi_env env, napi_callback_info info);
napi_value icmp_read(napi_env env, napi_callback_info info);
napi_value netns_enter(napi_env env, napi_callback_info info);
napi_value offloads_off(napi_env env, napi_callback_info info);
napi_value netns_with(napi_env env, napi_callback_info info);
