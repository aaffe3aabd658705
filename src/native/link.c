// The link emulator: a thread that carries frames between the two middle ends of a link (in the lab's switch
// namespace) and applies the link's conditions on the way: delay, jitter, seeded loss, a rate and a queue limit.
// Userspace rather than sch_netem because not every kernel has netem (this one has not), because netem's loss cannot
// be replayed from a seed, and because the report needs per-frame counts. Frames keep their order in each direction.
#define _GNU_SOURCE
#include <errno.h>
#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <node_api.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "native.h"

#ifndef PACKET_IGNORE_OUTGOING
#define PACKET_IGNORE_OUTGOING 23
#endif

#define RX_BATCH 64
#define TX_BATCH 256
#define RX_SIZE 65536
#define MAX_DROPS 1000

typedef struct {
  uint64_t delay_ns, jitter_ns, rate_bps;
  uint32_t loss;  // dropped when a 32-bit draw is below this
  uint32_t limit;
} cond_t;

typedef struct {
  uint64_t release;
  uint32_t len, size;
  uint8_t* data;
} slot_t;

typedef struct {
  int in_fd, out_fd;
  cond_t cond;
  uint64_t loss_rng, jitter_rng;
  uint64_t link_free, last_release;
  slot_t* ring;
  uint32_t cap, head, count;
  // Counters for the report.
  uint64_t frames, forwarded, dropped_loss, dropped_limit, shaped, lossy_seen, send_errors, max_queue, missed;
  uint64_t drops[MAX_DROPS];
  uint32_t ndrops;
} dir_t;

typedef struct {
  pthread_t thread;
  int stop_fd;
  pthread_mutex_t mu;
  pthread_cond_t started_cv;
  int started;  // 1 running, -1 failed
  char error[512];
  char ns_path[256], if_a[IF_NAMESIZE], if_b[IF_NAMESIZE];
  cond_t pending[2];
  int has_pending[2];
  dir_t d[2];
  int running;
} link_t;

static uint64_t splitmix(uint64_t* s) {
  uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

static uint64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return (uint64_t)ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

// ARP, IPv6 neighbour discovery, and IGMP / multicast listener frames keep the link usable and come at moments that vary
// from run to run: loss leaves them alone, so they neither get lost nor shift which frames the seed drops.
static int lossy(const uint8_t* f, uint32_t len) {
  if (len < 14) return 0;
  uint16_t type = (f[12] << 8) | f[13];
  if (type == 0x0806) return 0;
  if (type == 0x0800 && len >= 14 + 20 && f[14 + 9] == 2) return 0;  // IGMP, IPv4's group membership
  if (type == 0x86dd && len >= 14 + 40) {
    // Multicast listener reports come after a hop-by-hop header (router alert): look past it.
    uint32_t next = f[14 + 6], at = 14 + 40;
    if (next == 0 && len >= at + 2) next = f[at], at += (f[at + 1] + 1) * 8;
    if (next == 58 && len > at) {
      uint8_t t = f[at];
      if ((t >= 130 && t <= 137) || t == 143) return 0;
    }
  }
  return 1;
}

static int open_end(const char* ifname, char* err, size_t errlen) {
  unsigned idx = if_nametoindex(ifname);
  if (!idx) return snprintf(err, errlen, "no interface %s: %s", ifname, strerror(errno)), -1;
  int fd = socket(AF_PACKET, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, htons(ETH_P_ALL));
  if (fd < 0) return snprintf(err, errlen, "packet socket: %s", strerror(errno)), -1;
  struct sockaddr_ll sll = {.sll_family = AF_PACKET, .sll_protocol = htons(ETH_P_ALL), .sll_ifindex = (int)idx};
  int one = 1, buf = 32 << 20;
  setsockopt(fd, SOL_PACKET, PACKET_IGNORE_OUTGOING, &one, sizeof one);
  if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &buf, sizeof buf) < 0) setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &buf, sizeof buf);
  if (setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &buf, sizeof buf) < 0) setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &buf, sizeof buf);
  setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS, &one, sizeof one);
  if (bind(fd, (struct sockaddr*)&sll, sizeof sll) < 0) {
    snprintf(err, errlen, "bind to %s: %s", ifname, strerror(errno));
    close(fd);
    return -1;
  }
  return fd;
}

static void set_cond(dir_t* d, const cond_t* c) {
  d->cond = *c;
  if (d->cap < c->limit) {
    // Grown by rebuilding in order; a slot's buffer is kept and reused.
    slot_t* ring = calloc(c->limit, sizeof(slot_t));
    for (uint32_t i = 0; i < d->count; i++) ring[i] = d->ring[(d->head + i) % d->cap];
    for (uint32_t i = d->count, j = d->count; i < d->cap; i++, j++) ring[j] = d->ring[(d->head + i) % d->cap];
    free(d->ring);
    d->ring = ring;
    d->cap = c->limit;
    d->head = 0;
  }
}

// One frame that came in: dropped (loss, limit) or queued with the time it may leave.
static void take(dir_t* d, const uint8_t* f, uint32_t len, uint64_t arrival) {
  d->frames++;
  const cond_t* c = &d->cond;
  if (lossy(f, len)) {
    uint64_t index = ++d->lossy_seen;
    if (c->loss && (uint32_t)(splitmix(&d->loss_rng) >> 32) < c->loss) {
      d->dropped_loss++;
      if (d->ndrops < MAX_DROPS) d->drops[d->ndrops++] = index;
      return;
    }
  }
  if (d->count >= c->limit || d->count >= d->cap) {
    d->dropped_limit++;
    return;
  }
  uint64_t start = arrival;
  if (c->rate_bps) {
    if (d->link_free > start) start = d->link_free, d->shaped++;
    d->link_free = start + (uint64_t)len * 8ULL * 1000000000ULL / c->rate_bps;
    start = d->link_free;
  }
  uint64_t release = start + c->delay_ns;
  if (c->jitter_ns) {
    int64_t j = (int64_t)(splitmix(&d->jitter_rng) % (2 * c->jitter_ns + 1)) - (int64_t)c->jitter_ns;
    release = (int64_t)release + j < (int64_t)start ? start : (uint64_t)((int64_t)release + j);
  }
  if (release < d->last_release) release = d->last_release;  // in order, as on a wire
  d->last_release = release;
  slot_t* s = &d->ring[(d->head + d->count) % d->cap];
  if (s->size < len) {
    free(s->data);
    s->size = len < 2048 ? 2048 : len;
    s->data = malloc(s->size);
  }
  memcpy(s->data, f, len);
  s->len = len;
  s->release = release;
  d->count++;
  if (d->count > d->max_queue) d->max_queue = d->count;
}

// Sends what is due; returns the time the next frame is due, or 0 when none waits.
static uint64_t flush(dir_t* d, uint64_t now) {
  struct mmsghdr msgs[TX_BATCH];
  struct iovec iov[TX_BATCH];
  while (d->count) {
    int n = 0;
    while (n < TX_BATCH && (uint32_t)n < d->count) {
      slot_t* s = &d->ring[(d->head + n) % d->cap];
      if (s->release > now) break;
      iov[n].iov_base = s->data;
      iov[n].iov_len = s->len;
      memset(&msgs[n], 0, sizeof msgs[n]);
      msgs[n].msg_hdr.msg_iov = &iov[n];
      msgs[n].msg_hdr.msg_iovlen = 1;
      n++;
    }
    if (n == 0) break;
    int sent = sendmmsg(d->out_fd, msgs, n, 0);
    if (sent < 0) {
      if (errno == EAGAIN || errno == ENOBUFS) return now + 100000;  // the socket is full: again in 0.1 ms
      // The far end is down (ENETDOWN, ENXIO): the frame is lost, as on a cut cable.
      sent = 1;
      d->send_errors++;
    } else
      d->forwarded += sent;
    d->head = (d->head + sent) % d->cap;
    d->count -= sent;
  }
  return d->count ? d->ring[d->head].release : 0;
}

static void receive(dir_t* d, uint8_t (*bufs)[RX_SIZE]) {
  struct mmsghdr msgs[RX_BATCH];
  struct iovec iov[RX_BATCH];
  char ctrl[RX_BATCH][64];
  for (int round = 0; round < 16; round++) {
    for (int i = 0; i < RX_BATCH; i++) {
      iov[i].iov_base = bufs[i];
      iov[i].iov_len = RX_SIZE;
      memset(&msgs[i], 0, sizeof msgs[i]);
      msgs[i].msg_hdr.msg_iov = &iov[i];
      msgs[i].msg_hdr.msg_iovlen = 1;
      msgs[i].msg_hdr.msg_control = ctrl[i];
      msgs[i].msg_hdr.msg_controllen = sizeof ctrl[i];
    }
    int n = recvmmsg(d->in_fd, msgs, RX_BATCH, MSG_DONTWAIT, NULL);
    if (n <= 0) return;
    uint64_t fallback = now_ns();
    for (int i = 0; i < n; i++) {
      // The kernel's time of arrival: a burst read late is still delayed from when each frame came.
      uint64_t at = fallback;
      for (struct cmsghdr* c = CMSG_FIRSTHDR(&msgs[i].msg_hdr); c; c = CMSG_NXTHDR(&msgs[i].msg_hdr, c))
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SO_TIMESTAMPNS) {
          struct timespec ts;
          memcpy(&ts, CMSG_DATA(c), sizeof ts);
          at = (uint64_t)ts.tv_sec * 1000000000ULL + ts.tv_nsec;
        }
      if (msgs[i].msg_hdr.msg_flags & MSG_TRUNC) continue;
      take(d, bufs[i], msgs[i].msg_len, at);
    }
    if (n < RX_BATCH) return;
  }
}

static void* run(void* arg) {
  link_t* l = arg;
  int nsfd = open(l->ns_path, O_RDONLY | O_CLOEXEC);
  int fa = -1, fb = -1;
  if (nsfd < 0 || setns(nsfd, CLONE_NEWNET) < 0)
    snprintf(l->error, sizeof l->error, "cannot enter %s: %s", l->ns_path, strerror(errno));
  else if ((fa = open_end(l->if_a, l->error, sizeof l->error)) >= 0)
    fb = open_end(l->if_b, l->error, sizeof l->error);
  if (nsfd >= 0) close(nsfd);
  pthread_mutex_lock(&l->mu);
  l->started = fb >= 0 ? 1 : -1;
  pthread_cond_signal(&l->started_cv);
  pthread_mutex_unlock(&l->mu);
  if (fb < 0) {
    if (fa >= 0) close(fa);
    return NULL;
  }
  prctl(PR_SET_TIMERSLACK, 1UL);  // wake at the time asked, not up to 50 µs later
  // A frame's delay is only as exact as this thread's wake-up: on a loaded machine an ordinary thread can wait for the
  // CPU for tens of milliseconds after its timer. A real-time priority wakes it at once (root only; the kernel's RT
  // throttling still leaves the rest of the machine 5% of each CPU). Without the right to it, the thread runs as is.
  struct sched_param sp = {.sched_priority = 10};
  (void)pthread_setschedparam(pthread_self(), SCHED_FIFO, &sp);
  l->d[0].in_fd = fa, l->d[0].out_fd = fb;
  l->d[1].in_fd = fb, l->d[1].out_fd = fa;
  uint8_t(*bufs)[RX_SIZE] = malloc((size_t)RX_BATCH * RX_SIZE);
  struct pollfd p[3] = {{fa, POLLIN, 0}, {fb, POLLIN, 0}, {l->stop_fd, POLLIN, 0}};
  for (;;) {
    pthread_mutex_lock(&l->mu);
    for (int i = 0; i < 2; i++)
      if (l->has_pending[i]) set_cond(&l->d[i], &l->pending[i]), l->has_pending[i] = 0;
    pthread_mutex_unlock(&l->mu);
    uint64_t now = now_ns();
    uint64_t next = 0;
    for (int i = 0; i < 2; i++) {
      uint64_t t = flush(&l->d[i], now);
      if (t && (!next || t < next)) next = t;
    }
    struct timespec to, *top = NULL;
    if (next) {
      uint64_t now2 = now_ns();
      uint64_t wait = next > now2 ? next - now2 : 0;
      to.tv_sec = wait / 1000000000ULL, to.tv_nsec = wait % 1000000000ULL;
      top = &to;
    }
    int r = ppoll(p, 3, top, NULL);
    if (r < 0 && errno != EINTR) break;
    if (p[2].revents) break;
    pthread_mutex_lock(&l->mu);
    // Conditions set meanwhile apply from the first frame read after the change.
    for (int i = 0; i < 2; i++)
      if (l->has_pending[i]) set_cond(&l->d[i], &l->pending[i]), l->has_pending[i] = 0;
    if (p[0].revents & POLLIN) receive(&l->d[0], bufs);
    if (p[1].revents & POLLIN) receive(&l->d[1], bufs);
    pthread_mutex_unlock(&l->mu);
  }
  free(bufs);
  close(fa);
  close(fb);
  return NULL;
}

static int get_u64(napi_env env, napi_value obj, const char* key, uint64_t* out) {
  napi_value v;
  bool has = false;
  napi_has_named_property(env, obj, key, &has);
  if (!has) return 0;
  napi_get_named_property(env, obj, key, &v);
  double d;
  if (napi_get_value_double(env, v, &d) != napi_ok || d < 0) return -1;
  *out = (uint64_t)d;
  return 0;
}

// {delayNs, jitterNs, loss (0..1), rateBps, limit}
static int read_cond(napi_env env, napi_value obj, cond_t* c) {
  uint64_t limit = 10000, loss_ppb = 0;
  memset(c, 0, sizeof *c);
  napi_value v;
  bool has = false;
  if (get_u64(env, obj, "delayNs", &c->delay_ns) || get_u64(env, obj, "jitterNs", &c->jitter_ns) || get_u64(env, obj, "rateBps", &c->rate_bps) ||
      get_u64(env, obj, "limit", &limit))
    return -1;
  napi_has_named_property(env, obj, "loss", &has);
  if (has) {
    double d;
    napi_get_named_property(env, obj, "loss", &v);
    if (napi_get_value_double(env, v, &d) != napi_ok || d < 0 || d > 1) return -1;
    loss_ppb = (uint64_t)(d * 4294967296.0);
    c->loss = loss_ppb > 0xffffffffULL ? 0xffffffffU : (uint32_t)loss_ppb;
  }
  c->limit = limit < 1 ? 1 : limit > 100000 ? 100000 : (uint32_t)limit;
  return 0;
}

// Wakes the thread through its eventfd and waits for it; safe to call twice.
static void stop_thread(link_t* l) {
  if (!l->running) return;
  uint64_t one = 1;
  if (write(l->stop_fd, &one, sizeof one) < 0) { /* the thread is gone */ }
  pthread_join(l->thread, NULL);
  l->running = 0;
}

static void finalize(napi_env env, void* data, void* hint) {
  link_t* l = data;
  stop_thread(l);
  for (int i = 0; i < 2; i++) {
    for (uint32_t j = 0; j < l->d[i].cap; j++) free(l->d[i].ring[j].data);
    free(l->d[i].ring);
  }
  close(l->stop_fd);
  free(l);
}

static link_t* handle(napi_env env, napi_value v) {
  link_t* l = NULL;
  if (napi_get_value_external(env, v, (void**)&l) != napi_ok) return NULL;
  return l;
}

// linkStart(nsPath, ifA, ifB, condAtoB, condBtoA, seed): starts carrying frames between ifA and ifB inside the
// namespace; throws when an end cannot be opened.
napi_value link_start(napi_env env, napi_callback_info info) {
  size_t argc = 6;
  napi_value argv[6];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  link_t* l = calloc(1, sizeof *l);
  size_t n;
  double seed = 0;
  if (argc < 6 || napi_get_value_string_utf8(env, argv[0], l->ns_path, sizeof l->ns_path, &n) != napi_ok ||
      napi_get_value_string_utf8(env, argv[1], l->if_a, sizeof l->if_a, &n) != napi_ok ||
      napi_get_value_string_utf8(env, argv[2], l->if_b, sizeof l->if_b, &n) != napi_ok || read_cond(env, argv[3], &l->pending[0]) ||
      read_cond(env, argv[4], &l->pending[1]) || napi_get_value_double(env, argv[5], &seed) != napi_ok) {
    free(l);
    napi_throw_type_error(env, NULL, "linkStart(nsPath, ifA, ifB, condAtoB, condBtoA, seed)");
    return NULL;
  }
  for (int i = 0; i < 2; i++) {
    // Four streams, one per direction and purpose: jitter draws never shift which frames the loss draws drop.
    l->d[i].loss_rng = (uint64_t)seed * 4 + (uint64_t)i * 2;
    l->d[i].jitter_rng = (uint64_t)seed * 4 + (uint64_t)i * 2 + 1;
    splitmix(&l->d[i].loss_rng);
    splitmix(&l->d[i].jitter_rng);
    set_cond(&l->d[i], &l->pending[i]);
  }
  l->stop_fd = eventfd(0, EFD_CLOEXEC);
  pthread_mutex_init(&l->mu, NULL);
  pthread_cond_init(&l->started_cv, NULL);
  if (pthread_create(&l->thread, NULL, run, l) != 0) {
    close(l->stop_fd);
    free(l);
    return throw_errno(env, "linkStart: pthread_create");
  }
  pthread_mutex_lock(&l->mu);
  while (!l->started) pthread_cond_wait(&l->started_cv, &l->mu);
  pthread_mutex_unlock(&l->mu);
  if (l->started < 0) {
    char msg[600];
    snprintf(msg, sizeof msg, "link emulator: %s", l->error);
    pthread_join(l->thread, NULL);
    close(l->stop_fd);
    for (int i = 0; i < 2; i++) free(l->d[i].ring);
    free(l);
    return throw_message(env, msg);
  }
  l->running = 1;
  napi_value ext;
  napi_create_external(env, l, finalize, NULL, &ext);
  return ext;
}

// linkSet(handle, direction 0|1, cond): new conditions, taken by the thread before the next frame.
napi_value link_set(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  link_t* l = argc == 3 ? handle(env, argv[0]) : NULL;
  int32_t dir;
  cond_t c;
  if (!l || napi_get_value_int32(env, argv[1], &dir) != napi_ok || dir < 0 || dir > 1 || read_cond(env, argv[2], &c)) {
    napi_throw_type_error(env, NULL, "linkSet(handle, direction, cond)");
    return NULL;
  }
  pthread_mutex_lock(&l->mu);
  l->pending[dir] = c;
  l->has_pending[dir] = 1;
  pthread_mutex_unlock(&l->mu);
  return NULL;
}

static void put_num(napi_env env, napi_value obj, const char* key, double v) {
  napi_value n;
  napi_create_double(env, v, &n);
  napi_set_named_property(env, obj, key, n);
}

// linkStats(handle): per direction {frames, forwarded, droppedLoss, droppedLimit, shaped, lossySeen, sendErrors,
// maxQueue, queued, drops: the lossy-frame numbers (1-based) the seed dropped, the first 1000}.
napi_value link_stats(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  link_t* l = argc == 1 ? handle(env, argv[0]) : NULL;
  if (!l) {
    napi_throw_type_error(env, NULL, "linkStats(handle)");
    return NULL;
  }
  napi_value out;
  napi_create_array_with_length(env, 2, &out);
  pthread_mutex_lock(&l->mu);
  for (int i = 0; i < 2; i++) {
    dir_t* d = &l->d[i];
    // Frames the kernel could not queue for the emulator (it fell behind): counted, never silently lost.
    struct tpacket_stats st;
    socklen_t len = sizeof st;
    if (l->running && getsockopt(d->in_fd, SOL_PACKET, PACKET_STATISTICS, &st, &len) == 0) d->missed += st.tp_drops;
    napi_value o, drops;
    napi_create_object(env, &o);
    put_num(env, o, "frames", d->frames);
    put_num(env, o, "forwarded", d->forwarded);
    put_num(env, o, "droppedLoss", d->dropped_loss);
    put_num(env, o, "droppedLimit", d->dropped_limit);
    put_num(env, o, "shaped", d->shaped);
    put_num(env, o, "lossySeen", d->lossy_seen);
    put_num(env, o, "sendErrors", d->send_errors);
    put_num(env, o, "maxQueue", d->max_queue);
    put_num(env, o, "queued", d->count);
    put_num(env, o, "missed", d->missed);
    napi_create_array_with_length(env, d->ndrops, &drops);
    for (uint32_t j = 0; j < d->ndrops; j++) {
      napi_value n;
      napi_create_double(env, (double)d->drops[j], &n);
      napi_set_element(env, drops, j, n);
    }
    napi_set_named_property(env, o, "drops", drops);
    napi_set_element(env, out, i, o);
  }
  pthread_mutex_unlock(&l->mu);
  return out;
}

// linkStop(handle): stops the thread (frames still waiting are dropped with the link).
napi_value link_stop(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  link_t* l = argc == 1 ? handle(env, argv[0]) : NULL;
  if (!l) {
    napi_throw_type_error(env, NULL, "linkStop(handle)");
    return NULL;
  }
  stop_thread(l);
  return NULL;
}
