"""Bad input to the examples: exit status 2 and a one-line message naming the flag.

Usage: check_flags.py BUILD SECTION, SECTION one of general, syntax,
lan-router, outdir-file, knob-range, outputs (each a CTest entry).  Every
check asserts the exit status and the message; a failure lists them all.
"""
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

BUILD, SECTION = sys.argv[1], sys.argv[2]
FAILURES = []
TMP = tempfile.mkdtemp(prefix="bsdnet-flags-")
STUDIES = ["bsdnet-clone-dos", "bsdnet-redirect-flood", "bsdnet-pmtu-flood", "bsdnet-arp-flood",
           "bsdnet-parent-removal", "bsdnet-xresolve"]
ALL = STUDIES + ["bsdnet-lan", "bsdnet-router", "bsdnet-emu"]


def run(example, *args, timeout=60):
    cmd = [os.path.join(BUILD, example), *args]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    return p, " ".join(cmd[1:])


def refused(example, args, text, status=2):
    """example with args exits with status, its stderr one line holding text."""
    if isinstance(args, str):
        args = [args]
    if not any(a.startswith("--outdir") for a in args):
        args = [*args, "--outdir=" + os.path.join(TMP, example)]
    p, cmd = run(example, *args)
    err = p.stderr.strip()
    want = "%s: ...%s" % (example, text)
    if p.returncode != status or not err.startswith(example + ": ") or text not in err \
            or len(err.splitlines()) != 1:
        FAILURES.append("%s %s: exit %d, stderr %r; expected exit %d and one line with %r"
                        % (example, cmd, p.returncode, err[:300], status, want))


def accepted(example, args):
    p, cmd = run(example, *args, "--outdir=" + os.path.join(TMP, example + "-ok"))
    if p.returncode != 0:
        FAILURES.append("%s %s: exit %d, stderr %r; expected it to run"
                        % (example, cmd, p.returncode, p.stderr.strip()[:300]))
    return p


def general():
    """ns-3's general flags: checked before ns-3 aborts or crashes on them."""
    rngrun = "for --RngRun: allowed an integer from 0 to 18446744073709551615"
    for ex in ALL:
        refused(ex, "--RngRun=abc", 'bad value "abc" ' + rngrun)
        refused(ex, "--RngRun=1.5", 'bad value "1.5" ' + rngrun)
        refused(ex, "--RngRun=-1", 'bad value "-1" ' + rngrun)
        refused(ex, "--RngRun=18446744073709551616", rngrun)
        refused(ex, "--RngSeed=0",
                'bad value "0" for --RngSeed: allowed an integer from 1 to 4294944442')
        refused(ex, "--RngSeed=4294944443", "for --RngSeed: allowed an integer from 1 to")
        refused(ex, "--SimulatorImplementationType=ns3::Bogus",
                'bad value "ns3::Bogus" for --SimulatorImplementationType: allowed '
                "ns3::DefaultSimulatorImpl, ns3::RealtimeSimulatorImpl")
    ex = "bsdnet-lan"
    refused(ex, "--SimulatorImplementationType=ns3::Node",
            "for --SimulatorImplementationType: allowed ns3::DefaultSimulatorImpl")
    refused(ex, "--SchedulerType=ns3::Bogus",
            'bad value "ns3::Bogus" for --SchedulerType: allowed ns3::CalendarScheduler, '
            "ns3::HeapScheduler, ns3::ListScheduler, ns3::MapScheduler")
    refused(ex, "--ChecksumEnabled=maybe",
            'bad value "maybe" for --ChecksumEnabled: allowed true or false')
    refused(ex, "--ns3::ArpCache::PendingQueueSize=abc",
            'bad value "abc" for --ns3::ArpCache::PendingQueueSize: allowed an integer '
            "from 0 to 4294967295")
    refused(ex, "--ns3::CsmaChannel::Delay=5xyz",
            'bad value "5xyz" for --ns3::CsmaChannel::Delay: allowed a time')
    refused(ex, "--ns3::CsmaChannel::DataRate=fast",
            'bad value "fast" for --ns3::CsmaChannel::DataRate: allowed a value as '
            "--PrintAttributes=ns3::CsmaChannel describes")
    refused(ex, "--ns3::Bogus::Attr=1", "unknown flag --ns3::Bogus::Attr; --help lists the flags")
    refused(ex, "--PrintAttributes=ns3::Bogus",
            'bad value "ns3::Bogus" for --PrintAttributes: allowed a TypeId name')
    # Good values still reach ns-3.
    accepted(ex, ["--duration=5", "--RngRun=18446744073709551615", "--RngSeed=4294944442",
                  "--SimulatorImplementationType=ns3::DefaultSimulatorImpl",
                  "--SchedulerType=ns3::HeapScheduler", "--ChecksumEnabled=1",
                  "--ns3::CsmaChannel::Delay=2ms", "--ns3::ArpCache::PendingQueueSize=5"])
    p, _ = run(ex, "--PrintGlobals")
    if p.returncode != 0 or "RngRun" not in p.stdout:
        FAILURES.append("--PrintGlobals: exit %d, expected 0 and the globals" % p.returncode)


def syntax():
    """Empty values, unknown flags, positional arguments, white space: exit 2, one line."""
    for ex in ALL:
        refused(ex, "--bogus=1", "unknown flag --bogus; --help lists the flags")
        refused(ex, "--bogus", "unknown flag --bogus; --help lists the flags")
        refused(ex, "extra", 'unexpected argument "extra": flags are --name=value')
        refused(ex, "--pcap=", 'bad value "" for --pcap: allowed true or false')
        refused(ex, "--outdir=", 'bad value "" for --outdir')
        refused(ex, "--pcap= true", 'bad value " true" for --pcap: allowed true or false')
    refused("bsdnet-clone-dos", "--rate=", 'bad value "" for --rate: allowed an integer from 1')
    refused("bsdnet-clone-dos", "--rate", 'bad value "" for --rate: allowed an integer from 1')
    refused("bsdnet-clone-dos", "--rate= 5", 'bad value " 5" for --rate')
    refused("bsdnet-clone-dos", "--rate=5 ", 'bad value "5 " for --rate')
    refused("bsdnet-xresolve", "--rate=\t1", "for --rate: allowed a number from")
    refused("bsdnet-xresolve", "--media= arcnet", 'bad value " arcnet" for --media')
    refused("bsdnet-lan", "--RngRun= 3", 'bad value " 3" for --RngRun')
    p, _ = run("bsdnet-lan", "--help")
    if p.returncode != 0 or "--hosts:" not in p.stdout:
        FAILURES.append("bsdnet-lan --help: exit %d, expected 0 and the flags" % p.returncode)


def lan_router():
    """bsdnet-lan and bsdnet-router check their flags as the studies do."""
    lan = "bsdnet-lan"
    for v in ("3xyz", "2.5", "-5", "abc", "1", "51", "99"):
        refused(lan, "--hosts=" + v, 'bad value "%s" for --hosts: allowed 2 to 50 hosts' % v)
    for v in ("10abc", "6.5s", "4", "3601", "nan"):
        refused(lan, "--duration=" + v, 'bad value "%s" for --duration: allowed 5 to 3600 s' % v)
    refused(lan, "--pcap=maybe", 'bad value "maybe" for --pcap: allowed true or false')
    refused(lan, "--media=token-ring",
            'bad value "token-ring" for --media: allowed ethernet, fddi, arcnet, ax25')
    refused(lan, "--personality=linux", 'bad value "linux" for --personality: allowed netbsd-1.5')
    router = "bsdnet-router"
    for v in ("10abc", "6.5s", "29", "3601"):
        refused(router, "--duration=" + v,
                'bad value "%s" for --duration: allowed 30 to 3600 s' % v)
    refused(router, "--pcap=maybe", 'bad value "maybe" for --pcap: allowed true or false')
    refused(router, "--hosts=3", "unknown flag --hosts; --help lists the flags")
    emu = "bsdnet-emu"
    iface = 'for --interface: allowed an interface name of 1 to 15 characters'
    refused(emu, "--interface=", 'bad value "" ' + iface)
    refused(emu, "--interface=a23456789012345x", 'bad value "a23456789012345x" ' + iface)
    refused(emu, "--interface=bsdnet-no-such",
            'bad value "bsdnet-no-such" for --interface: allowed the name of an interface')
    for v in ("1.2.3.4/33", "1.2.3.4/7", "1.2.3.4/2x", "1.2.3.4", "1.2.3/24"):
        refused(emu, "--address=" + v,
                'bad value "%s" for --address: allowed a.b.c.d/n, n from 8 to 30' % v)
    refused(emu, "--gateway=1.2.3", 'bad value "1.2.3" for --gateway: allowed an IPv4 address')
    refused(emu, "--hosts=3xyz", 'bad value "3xyz" for --hosts: allowed 1 to 50 hosts')
    refused(emu, "--duration=0", 'bad value "0" for --duration: allowed 1 to 3600 s')
    accepted(lan, ["--hosts=2", "--duration=6.5", "--pcap=no"])
    accepted(router, ["--duration=30", "--pcap=false"])


def outdir_file():
    """An --outdir that is a file: exit 2 naming --outdir, not an abort."""
    f = os.path.join(TMP, "a-file")
    open(f, "w").close()
    msg = 'bad value "%s" for --outdir: allowed a directory that can be created and written'
    for ex in ALL:
        for args in (["--outdir=" + f], ["--outdir=" + f, "--pcap"]):
            refused(ex, args, msg % f)
        refused(ex, ["--outdir=" + f + "/sub", "--pcap"], msg % (f + "/sub"))


def knob_range():
    """Knob flags: --help, the check and its message say the kernel's one range."""
    knobs = [("bsdnet-clone-dos", "clone-idle", "1 to 2147483647 s"),
             ("bsdnet-clone-dos", "rtq-timeout", "1 to 2147483647 s"),
             ("bsdnet-clone-dos", "arpt-keep", "1 to 2147483647 s"),
             ("bsdnet-clone-dos", "arpt-down", "1 to 2147483647 s"),
             ("bsdnet-clone-dos", "arpt-prune", "1 to 2147483647 s"),
             ("bsdnet-clone-dos", "rtq-reallyold", "0 to 2147483647 s"),
             ("bsdnet-clone-dos", "rtq-toomany", "0 to 2147483647"),
             ("bsdnet-pmtu-flood", "mtudisc-timeout", "1 to 2147483647 s")]
    helps = {}
    for ex, flag, rng in knobs:
        allowed = "-1 (default) or " + rng
        if ex not in helps:
            helps[ex] = run(ex, "--help")[0].stdout
        line = [l for l in helps[ex].splitlines() if l.strip().startswith("--%s:" % flag)]
        if not line or "[%s]" % allowed not in line[0]:
            FAILURES.append("%s --help: --%s shows %r, expected [%s]" % (ex, flag, line, allowed))
        lo = int(rng.split()[0])
        for v in (lo - 1, -2, 2 ** 31):
            if v == -1:
                continue
            refused(ex, "--%s=%d" % (flag, v),
                    'bad value "%d" for --%s: allowed %s' % (v, flag, allowed))
    accepted("bsdnet-clone-dos", ["--duration=10", "--clone-idle=1", "--arpt-keep=2147483647",
                                  "--rtq-toomany=0", "--rtq-timeout=-1"])
    accepted("bsdnet-pmtu-flood", ["--duration=10", "--mtudisc-timeout=1"])


def listing(d):
    return {n: open(os.path.join(d, n), "rb").read() for n in sorted(os.listdir(d))
            if os.path.isfile(os.path.join(d, n))}


def outputs():
    """A run's files replace the previous run's only when it completes."""
    ex = "bsdnet-pmtu-flood"
    out = os.path.join(TMP, "out")
    accepted_in = lambda *a: run(ex, "--duration=10", "--outdir=" + out, *a)
    p, _ = accepted_in("--pcap")
    first = listing(out)
    if p.returncode != 0 or not any(n.endswith(".pcap") for n in first) \
            or "rtsock.log" not in first:
        FAILURES.append("%s --pcap: exit %d, files %s" % (ex, p.returncode, sorted(first)))
    open(os.path.join(out, "command.txt"), "w").write("a sweep's own file\n")
    p, _ = accepted_in("--rtsock=false", "--RngRun=2")
    second = sorted(listing(out))
    if p.returncode != 0 or second != ["command.txt", "netstat.txt", "summary.json",
                                       "table.csv"]:
        FAILURES.append("%s rerun without --pcap, --rtsock=false: files %s; expected no "
                        "pcap or rtsock.log of the first run, command.txt kept" % (ex, second))
    if any(n.startswith(".partial") for n in os.listdir(out)):
        FAILURES.append("%s: a staging directory stays after a complete run" % ex)
    # Killed midway: the previous run's files stay as they were, alone.
    before = listing(out)
    long_run = subprocess.Popen([os.path.join(BUILD, "bsdnet-clone-dos"), "--duration=86400",
                                 "--rate=1000", "--outdir=" + out, "--pcap"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.5)
    long_run.send_signal(signal.SIGKILL)
    long_run.wait()
    after = listing(out)
    if after != before:
        FAILURES.append("a run killed midway changed --outdir: %s became %s"
                        % (sorted(before), sorted(after)))
    # The next run removes the killed run's staging directory.
    p, _ = accepted_in()
    left = [n for n in os.listdir(out) if n.startswith(".partial")]
    if p.returncode != 0 or left:
        FAILURES.append("the run after a killed one: exit %d, staging left %s"
                        % (p.returncode, left))
    # bsdnet-lan shares its --outdir: a rerun without --pcap drops its own old pcaps only.
    lan = os.path.join(TMP, "lan")
    run("bsdnet-lan", "--media=arcnet", "--pcap", "--duration=5", "--outdir=" + lan)
    run("bsdnet-lan", "--media=fddi", "--pcap", "--duration=5", "--outdir=" + lan)
    run("bsdnet-lan", "--media=arcnet", "--duration=5", "--outdir=" + lan)
    names = sorted(listing(lan))
    if any(n.startswith("bsdnet-lan-arcnet") and n.endswith(".pcap") for n in names) or \
            not any(n.startswith("bsdnet-lan-fddi") and n.endswith(".pcap") for n in names) or \
            "bsdnet-lan-arcnet-table.csv" not in names:
        FAILURES.append("bsdnet-lan reruns in one --outdir: %s; expected the fddi pcaps, "
                        "no arcnet pcap, the arcnet table" % names)


try:
    {"general": general, "syntax": syntax, "lan-router": lan_router,
     "outdir-file": outdir_file, "knob-range": knob_range, "outputs": outputs}[SECTION]()
finally:
    shutil.rmtree(TMP, True)
if FAILURES:
    print("\n".join("FAIL: " + f for f in FAILURES))
    sys.exit(1)
print("ok")
