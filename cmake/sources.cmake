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
  if
  if_arp
  in_rmx
  kernel
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
)
