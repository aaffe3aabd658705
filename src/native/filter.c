// Capture filters checked before anything runs: libpcap compiles them for an Ethernet link without opening one.
#include <node_api.h>
#include <pcap/pcap.h>

#include "native.h"

// filterError(filter) → null when libpcap compiles it, else libpcap's message.
napi_value filter_error(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1], out;
  char filter[16384];
  size_t len = 0;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc < 1 || napi_get_value_string_utf8(env, argv[0], filter, sizeof filter, &len) != napi_ok) {
    napi_throw_type_error(env, NULL, "filterError(filter)");
    return NULL;
  }
  if (len >= sizeof filter - 1) {
    napi_create_string_utf8(env, "the filter is longer than 16 KiB", NAPI_AUTO_LENGTH, &out);
    return out;
  }
  pcap_t* p = pcap_open_dead(DLT_EN10MB, 262144);
  if (!p) return throw_message(env, "libpcap cannot compile filters here");
  struct bpf_program prog;
  if (pcap_compile(p, &prog, filter, 1, PCAP_NETMASK_UNKNOWN) < 0) {
    napi_create_string_utf8(env, pcap_geterr(p), NAPI_AUTO_LENGTH, &out);
  } else {
    pcap_freecode(&prog);
    napi_get_null(env, &out);
  }
  pcap_close(p);
  return out;
}
