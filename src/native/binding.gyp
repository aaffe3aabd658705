{
  "targets": [
    {
      "target_name": "wirecheck_native",
      "sources": ["module.c", "capture.c", "filter.c", "send.c", "link.c", "icmp.c", "netns.c", "offload.c"],
      "libraries": ["-lpcap", "-lpthread"],
      "cflags": ["-O2", "-Wall", "-Wextra", "-Wno-unused-parameter"]
    }
  ]
}
