// Segmentation offloads off on an interface, as `ethtool -K DEV tso off gso off gro off` does, without a process per
// interface: the same features by name (ethtool's own groups: tx-tcp*-segmentation, tx-generic-segmentation,
// rx-gro), set with ETHTOOL_SFEATURES on a socket of the calling thread's namespace (a pooled agent's host).
#include <errno.h>
#include <fnmatch.h>
#include <linux/ethtool.h>
#include <linux/sockios.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "native.h"

static int ethtool(int fd, const char* name, void* data) {
  struct ifreq ifr;
  memset(&ifr, 0, sizeof ifr);
  memcpy(ifr.ifr_name, name, strnlen(name, IFNAMSIZ - 1));
  ifr.ifr_data = data;
  return ioctl(fd, SIOCETHTOOL, &ifr);
}

static int off_feature(const char* f) {
  return fnmatch("tx-tcp*-segmentation", f, 0) == 0 || strcmp(f, "tx-generic-segmentation") == 0 || strcmp(f, "rx-gro") == 0;
}

// Returns 0, or -1 with errno set and *what naming the step that failed.
static int offloads_off_on(int fd, const char* name, const char** what) {
  struct {
    struct ethtool_sset_info info;
    __u32 count;
  } sset = {.info = {.cmd = ETHTOOL_GSSET_INFO, .sset_mask = 1ULL << ETH_SS_FEATURES}};
  *what = "reading the feature count";
  if (ethtool(fd, name, &sset) < 0) return -1;
  __u32 count = sset.info.sset_mask ? sset.count : 0;
  struct ethtool_gstrings* strings = calloc(1, sizeof *strings + (size_t)count * ETH_GSTRING_LEN);
  __u32 blocks = (count + 31) / 32;
  struct ethtool_sfeatures* set = calloc(1, sizeof *set + blocks * sizeof set->features[0]);
  int rc = -1;
  if (!strings || !set) {
    errno = ENOMEM;
    goto out;
  }
  strings->cmd = ETHTOOL_GSTRINGS;
  strings->string_set = ETH_SS_FEATURES;
  strings->len = count;
  *what = "reading the feature names";
  if (ethtool(fd, name, strings) < 0) goto out;
  set->cmd = ETHTOOL_SFEATURES;
  set->size = blocks;
  for (__u32 i = 0; i < count; i++) {
    char f[ETH_GSTRING_LEN + 1];
    memcpy(f, strings->data + (size_t)i * ETH_GSTRING_LEN, ETH_GSTRING_LEN);
    f[ETH_GSTRING_LEN] = 0;
    if (off_feature(f)) set->features[i / 32].valid |= 1U << (i % 32); // valid and not requested: off
  }
  *what = "setting the features";
  if (ethtool(fd, name, set) < 0) goto out;
  rc = 0;
out:
  free(strings);
  free(set);
  return rc;
}

// offloadsOff(ifname): throws with the interface and what failed when the kernel refuses.
napi_value offloads_off(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  char name[IFNAMSIZ];
  size_t n;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 1 ||
      napi_get_value_string_utf8(env, argv[0], name, sizeof name, &n) != napi_ok || n == 0 || n >= IFNAMSIZ - 1) {
    napi_throw_type_error(env, NULL, "offloadsOff(ifname)");
    return NULL;
  }
  int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return throw_errno(env, "offloadsOff: socket");
  const char* what = "";
  int rc = offloads_off_on(fd, name, &what);
  int e = errno;
  close(fd);
  if (rc < 0) {
    errno = e;
    char msg[96];
    snprintf(msg, sizeof msg, "%s: %s", name, what);
    return throw_errno(env, msg);
  }
  return NULL;
}
