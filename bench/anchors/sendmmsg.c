// The bench's anchor for sending a packet set: a plain C loop that sends the frames of a pcap file on an interface
// with sendmmsg, COUNT frames in all (the file's frames over and over, in order), BATCH to a system call.
// Compiled by bench/sendmmsg.mjs with `cc -O2` and run inside the sending host's namespace (`ip netns exec NS`).
//
//   sendmmsg IFACE FRAMES.pcap COUNT [BATCH]
//
// Prints one JSON line: frames sent, seconds spent in the loop (and on a CPU: the frames' way through the kernel,
// the receiver's side included, runs in the sender's system calls), frames/s, system calls, and how often the kernel
// took no frame for now (EAGAIN / ENOBUFS) so the loop had to wait.
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

static void die(const char* what) {
  fprintf(stderr, "sendmmsg anchor: %s: %s\n", what, strerror(errno));
  exit(1);
}

static double clock_s(clockid_t c) {
  struct timespec t;
  clock_gettime(c, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

// The frames of a classic little-endian pcap file (what wirecheck's encodePcap writes), as iovecs into its bytes.
static struct iovec* read_pcap(const char* path, size_t* n) {
  FILE* f = fopen(path, "rb");
  if (!f) die(path);
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  fseek(f, 0, SEEK_SET);
  uint8_t* buf = malloc(size);
  if (!buf || fread(buf, 1, size, f) != (size_t)size) die("reading the pcap file");
  fclose(f);
  uint32_t magic;
  memcpy(&magic, buf, 4);
  if (size < 24 || (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d)) {
    fprintf(stderr, "sendmmsg anchor: %s is not a little-endian pcap file\n", path);
    exit(1);
  }
  size_t cap = 1024, count = 0;
  struct iovec* v = malloc(cap * sizeof *v);
  for (long off = 24; off + 16 <= size;) {
    uint32_t incl;
    memcpy(&incl, buf + off + 8, 4);
    if (off + 16 + (long)incl > size) break;
    if (count == cap) v = realloc(v, (cap *= 2) * sizeof *v);
    v[count].iov_base = buf + off + 16;
    v[count].iov_len = incl;
    count++;
    off += 16 + incl;
  }
  *n = count;
  return v;
}

int main(int argc, char** argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: sendmmsg IFACE FRAMES.pcap COUNT [BATCH]\n");
    return 2;
  }
  const char* iface = argv[1];
  long total = atol(argv[3]);
  int batch = argc > 4 ? atoi(argv[4]) : 256;
  if (total <= 0 || batch <= 0 || batch > 1024) {
    fprintf(stderr, "sendmmsg anchor: COUNT must be positive and BATCH 1..1024\n");
    return 2;
  }
  size_t nframes;
  struct iovec* frames = read_pcap(argv[2], &nframes);
  if (nframes == 0) {
    fprintf(stderr, "sendmmsg anchor: %s holds no frame\n", argv[2]);
    return 1;
  }

  // Protocol 0: a socket that only sends (it receives nothing, so it costs the kernel nothing per frame received).
  int fd = socket(AF_PACKET, SOCK_RAW, 0);
  if (fd < 0) die("socket(AF_PACKET)");
  struct sockaddr_ll sll = {.sll_family = AF_PACKET, .sll_protocol = 0, .sll_ifindex = (int)if_nametoindex(iface)};
  if (sll.sll_ifindex == 0) die(iface);
  if (bind(fd, (struct sockaddr*)&sll, sizeof sll) < 0) die("bind");

  // Every message is set up before the clock starts: the loop below is system calls only.
  struct mmsghdr* msgs = calloc(total, sizeof *msgs);
  if (!msgs) die("calloc");
  for (long i = 0; i < total; i++) {
    msgs[i].msg_hdr.msg_iov = &frames[i % nframes];
    msgs[i].msg_hdr.msg_iovlen = 1;
  }

  long sent = 0, calls = 0, waits = 0;
  double t0 = clock_s(CLOCK_MONOTONIC), cpu0 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
  while (sent < total) {
    int n = total - sent < batch ? (int)(total - sent) : batch;
    int r = sendmmsg(fd, msgs + sent, n, 0);
    calls++;
    if (r < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN) {
        struct pollfd p = {.fd = fd, .events = POLLOUT};
        poll(&p, 1, 5);
        waits++;
        continue;
      }
      if (errno == ENOBUFS) {
        // A queueing discipline dropped: the socket stays writable, so poll would return at once.
        struct timespec ts = {0, 100000};
        nanosleep(&ts, NULL);
        waits++;
        continue;
      }
      die("sendmmsg");
    }
    sent += r;
  }
  double s = clock_s(CLOCK_MONOTONIC) - t0, cpu = clock_s(CLOCK_PROCESS_CPUTIME_ID) - cpu0;
  printf("{\"sent\":%ld,\"seconds\":%.6f,\"cpuSeconds\":%.6f,\"pps\":%.0f,\"calls\":%ld,\"waits\":%ld,\"batch\":%d}\n", sent, s, cpu, sent / s, calls, waits, batch);
  return 0;
}
