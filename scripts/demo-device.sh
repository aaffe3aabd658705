#!/usr/bin/env bash
# A stand-in for a device outside the lab, for `make demo` and the tests: a namespace of its own (wcdev-demo) with an
# address and a web server, wired by a veth whose other end (wcdemo0) stays in the machine's namespace as the "NIC"
# that scenarios/attached-device.yaml attaches to (--attach dut=wcdemo0). Nothing here touches a real interface.
#   scripts/demo-device.sh up|down [NIC] [NAMESPACE]
set -euo pipefail
nic=${2:-wcdemo0}
ns=${3:-wcdev-demo}
case "${1:-}" in
  up)
    "$0" down "$nic" "$ns"
    ip netns add "$ns"
    ip link add "$nic" type veth peer name dev0 netns "$ns"
    ip link set "$nic" up
    ip -n "$ns" link set lo up
    ip -n "$ns" addr add 198.18.9.1/24 dev dev0
    ip -n "$ns" addr add 2001:db8:9::1/64 dev dev0 nodad
    ip -n "$ns" link set dev0 up
    # The device's service: a web server on 8080, stopped by `down` with everything else in the namespace.
    mkdir -p "/run/$ns" && echo "device ok" > "/run/$ns/index.html"
    ip netns exec "$ns" setsid python3 -m http.server 8080 --bind :: --directory "/run/$ns" >/dev/null 2>&1 < /dev/null &
    for _ in $(seq 50); do ip netns exec "$ns" ss -ltn | grep -q ':8080' && exit 0; sleep 0.1; done
    echo "the demo device's web server did not start" >&2; exit 1 ;;
  down)
    if [ -e "/run/netns/$ns" ]; then
      for p in $(ip netns pids "$ns"); do kill -9 "$p" 2>/dev/null || true; done
      ip netns del "$ns"
    fi
    ip link del "$nic" 2>/dev/null || true
    rm -rf "/run/$ns" ;;
  *) echo "usage: $0 up|down [NIC] [NAMESPACE]" >&2; exit 2 ;;
esac
