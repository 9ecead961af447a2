"""Readable names of flags and summary fields, for plot titles and axes.

``readable("peak_routes")`` is "Peak routes"; a name not in ``NAMES`` is
made readable by rule: ``_`` and ``-`` become spaces, a unit suffix
(``_ms``, ``_s``, ``_bytes``) goes into brackets, the first letter is
capitalized (``resolve_max_ms`` -> "Resolve max (ms)").  A sweep file's
``title``, ``xlabel`` and ``ylabel`` take precedence over all of this.
"""

#: Flags of the studies and fields of their summaries.
NAMES = {
    # flags
    "personality": "Personality",
    "rate": "Attack rate (datagrams/s)",
    "destinations": "Destinations",
    "duration": "Simulated time (s)",
    "budget": "Kernel memory budget (bytes)",
    "mode": "Mode",
    "media": "Medium",
    "resolver": "Resolver",
    "daemon-delay": "Resolver daemon delay (ms)",
    "hiwat": "High watermark",
    "lowat": "Low watermark",
    "policy": "Policy at the high watermark",
    "rtq-toomany": "rtq_toomany (cloned-route cache limit)",
    "rtq-timeout": "rtq_timeout (s)",
    "rtq-reallyold": "rtq_reallyold (s)",
    "clone-idle": "Cloned-route idle lifetime (s)",
    "mtudisc-timeout": "Path-MTU route lifetime (s)",
    "redirtimeout": "Redirect route lifetime (s)",
    "arpt-keep": "ARP entry lifetime (s)",
    "arpt-down": "ARP retry hold-down (s)",
    "arpt-prune": "ARP sweep interval (s)",
    "mtu": "MTU (bytes)",
    "hosts": "Hosts",
    # what every study measures
    "peak_routes": "Peak routes",
    "peak_cloned": "Peak cloned routes",
    "peak_arp": "Peak ARP entries",
    "peak_redirect": "Peak redirect routes",
    "peak_pmtu": "Peak path-MTU routes",
    "peak_mem_bytes": "Peak kernel memory (bytes)",
    "final_routes": "Routes at the end",
    "enobufs": "ENOBUFS refusals",
    "time_to_exhaustion_s": "Time to memory exhaustion (s)",
    "mean_routes": "Mean routes (time-weighted)",
    "p95_routes": "95th percentile of routes",
    "growth_rate": "Table growth rate (routes/s)",
    "growth_r2": "Growth fit R²",
    "legit_sent": "Legitimate datagrams sent",
    "legit_lost": "Legitimate datagrams lost",
    "legit_delay_ms": "Legitimate datagram delay (ms)",
    # what some studies measure
    "resolve_mean_ms": "Mean resolution time (ms)",
    "resolve_p95_ms": "95th percentile of resolution time (ms)",
    "resolve_max_ms": "Longest resolution time (ms)",
    "held_lost": "Held datagrams lost",
    "delivery_mean_ms": "Mean delivery time (ms)",
    "delivery_p95_ms": "95th percentile of delivery time (ms)",
    "redirects_accepted": "Redirects accepted",
    "redirects_refused_wm": "Redirects refused at the watermark",
    "redirect_evicted": "Redirect routes evicted",
    "pmtu_evicted": "Path-MTU routes evicted",
    "pmtu_refused_wm": "Path-MTU routes refused at the watermark",
    "attack_sent": "Attack datagrams sent",
    "attack_refused": "Attack datagrams refused",
}

#: Unit suffixes of field names, and how they are shown.
UNITS = (("_ms", "ms"), ("_s", "s"), ("_bytes", "bytes"))


def readable(name):
    """A readable name of a flag or summary field (``NAMES``, else by rule)."""
    if name in NAMES:
        return NAMES[name]
    unit = ""
    for suffix, shown in UNITS:
        if name.endswith(suffix) and len(name) > len(suffix):
            name, unit = name[:-len(suffix)], f" ({shown})"
            break
    words = name.replace("_", " ").replace("-", " ").replace(".", " ").strip()
    return words[:1].upper() + words[1:] + unit


def lower_first(text):
    """``text`` with its first letter in lower case, unless it is an acronym."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[:2].isupper() or "_" in first:
        return text
    return text[:1].lower() + text[1:]


def without_unit(text):
    """``text`` without a trailing ``(unit)``: for titles."""
    if text.endswith(")") and " (" in text:
        return text[:text.rindex(" (")]
    return text
