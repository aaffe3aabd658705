{
  "targets": [
    {
      "target_name": "wirecheck_native",
      "sources": ["module.c", "capture.c", "filter.c", "send.c"],
      "libraries": ["-lpcap"],
      "cflags": ["-O2", "-Wall", "-Wextra", "-Wno-unused-parameter"]
    }
  ]
}
