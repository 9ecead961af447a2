# The one list of bsdnet's sources.  The standalone build (CMakeLists.txt),
# the in-tree ns-3 build and the wscript all read their files from here.

set(BSDNET_KERN_SOURCES
  model/kern/bsd_callout.c
  model/kern/bsd_icmp.c
  model/kern/bsd_if.c
  model/kern/bsd_if_arp.c
  model/kern/bsd_in_cksum.c
  model/kern/bsd_in_rmx.c
  model/kern/bsd_ip_input.c
  model/kern/bsd_ip_output.c
  model/kern/bsd_ip_reass.c
  model/kern/bsd_kernel.c
  model/kern/bsd_llsubr.c
  model/kern/bsd_mbuf.c
  model/kern/bsd_mem.c
  model/kern/bsd_netstat.c
  model/kern/bsd_personality.c
  model/kern/bsd_radix.c
  model/kern/bsd_route.c
  model/kern/bsd_rtdyn.c
  model/kern/bsd_rtsock.c
  model/kern/bsd_rttimer.c
  model/kern/bsd_sockaddr.c
  model/kern/bsd_udp.c
  model/kern/media/bsd_arcnet.c
  model/kern/media/bsd_ax25.c
  model/kern/media/bsd_ether.c
  model/kern/media/bsd_fddi.c
  model/kern/media/bsd_media.c
)

# C unit tests: test/kern/test_<name>.c, one per core file.
set(BSDNET_KERN_TESTS
  callout
  icmp
  if
  if_arp
  in_cksum
  in_rmx
  ip_input
  ip_output
  ip_reass
  kernel
  llsubr
  mbuf
  media
  mem
  netstat
  personality
  radix
  route
  rtdyn
  rtsock
  rttimer
  sockaddr
  udp
)

# ns-3 side: model (devices, channels, BsdKernel, applications) and helpers.
set(BSDNET_MODEL_SOURCES
  model/bsd-framed-net-device.cc
  model/fddi-channel.cc
  model/fddi-net-device.cc
  model/arcnet-channel.cc
  model/arcnet-net-device.cc
  model/ax25-channel.cc
  model/ax25-net-device.cc
  model/bsd-kernel.cc
  helper/bsd-stack-helper.cc
  helper/bsd-framed-helper.cc
  helper/fddi-helper.cc
  helper/arcnet-helper.cc
  helper/ax25-helper.cc
  model/bsd-prefix.cc
  model/bsd-udp-source.cc
  model/bsd-udp-sink.cc
  model/bsd-ping.cc
  model/bsd-icmp-forger.cc
  model/bsd-arp-scanner.cc
  helper/bsd-app-helper.cc
  helper/bsd-study.cc
  model/bsd-resolver-daemon.cc
)
set(BSDNET_MODEL_HEADERS
  model/bsd-framed-net-device.h
  model/bsd-token-ring.h
  model/fddi-channel.h
  model/fddi-net-device.h
  model/arcnet-channel.h
  model/arcnet-net-device.h
  model/ax25-channel.h
  model/ax25-net-device.h
  model/bsd-kernel.h
  helper/bsd-stack-helper.h
  helper/bsd-framed-helper.h
  helper/fddi-helper.h
  helper/arcnet-helper.h
  helper/ax25-helper.h
  model/bsd-prefix.h
  model/bsd-udp-source.h
  model/bsd-udp-sink.h
  model/bsd-ping.h
  model/bsd-icmp-forger.h
  model/bsd-arp-scanner.h
  helper/bsd-app-helper.h
  helper/bsd-study.h
  model/bsd-resolver-daemon.h
)
# ns-3 TestSuites, run by test/ns3/bsdnet-test-runner.cc
set(BSDNET_NS3_TEST_SOURCES
  test/ns3/bsd-kernel-test-suite.cc
  test/ns3/fddi-test-suite.cc
  test/ns3/arcnet-test-suite.cc
  test/ns3/ax25-test-suite.cc
  test/ns3/bsd-apps-test-suite.cc
  test/ns3/bsd-study-test-suite.cc
)

# ns-3 examples, examples/<name>.cc
set(BSDNET_EXAMPLES
  bsdnet-lan
  bsdnet-router
  bsdnet-clone-dos
  bsdnet-xresolve
  bsdnet-parent-removal
  bsdnet-redirect-flood
  bsdnet-pmtu-flood
  bsdnet-arp-flood
)

# Behaviour checks of the study examples: test/studies/test_<name>.py
set(BSDNET_STUDY_TESTS
  clone_dos
  xresolve
  parent_removal
  redirect_flood
  pmtu_flood
  arp_flood
)

# Emulation (issue 17): ns-3's fd-net-device module (Linux only), kept
# apart so a build without it still has everything else.
set(BSDNET_EMU_SOURCES
  helper/bsd-emu-helper.cc
)
set(BSDNET_EMU_HEADERS
  helper/bsd-emu-helper.h
)
set(BSDNET_EMU_EXAMPLES
  bsdnet-emu
)
