# Quick start on a fresh Debian machine with Node 20, as root:  make demo  ·  make test
SHELL := /bin/bash
# The bench's anchors, installed by `make bench` only: gopacket beside the packet model.
BENCH_APT_PACKAGES := golang-go golang-github-google-gopacket-dev
APT_PACKAGES := libpcap-dev iproute2 ethtool iptables nftables bird2 tshark dnsmasq-base python3-scapy python3-junitparser libxml2-utils chromium iputils-ping procps
export DEBIAN_FRONTEND := noninteractive

.PHONY: demo test deps build bench clean

## demo: install what is missing, build, run the bundled scenarios, write reports/junit.xml
## (with a stand-in device, made and removed here, for the scenario that attaches to an interface of the machine)
demo: build
	scripts/demo-device.sh up
	node dist/cli.js run scenarios/ --attach dut=wcdemo0 --junit reports/junit.xml; status=$$?; scripts/demo-device.sh down; exit $$status

## test: the same set-up, then the whole test suite (unit and end-to-end in real namespaces)
test: build
	node scripts/test.mjs

## deps: Debian packages the lab and the oracles need (installed only when missing)
deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q "ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" != 0 ]; then echo "missing Debian packages: $$missing (run as root, or install them)"; exit 3; fi; \
	  echo "installing: $$missing"; \
	  apt_opts="-q -o DPkg::Lock::Timeout=300"; \
	  apt-get update $$apt_opts || (sleep 10; apt-get update $$apt_opts); \
	  apt-get install -y $$apt_opts --no-install-recommends $$missing; \
	fi

node_modules/.installed: package.json package-lock.json | deps
	npm ci --no-audit --no-fund
	touch $@

build: node_modules/.installed
	npm run build --silent

bench: build
	@$(MAKE) --no-print-directory deps APT_PACKAGES="$(BENCH_APT_PACKAGES)"
	npm run bench

clean:
	rm -rf dist node_modules
	find reports -mindepth 1 ! -name .gitkeep -delete
