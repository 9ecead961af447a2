## -*- Mode: python; py-indent-offset: 4; indent-tabs-mode: nil; coding: utf-8; -*-
# bsdnet for waf-based ns-3 (3.29 to 3.35): drop this tree into contrib/bsdnet.
# The file lists are cmake/sources.cmake's, the one list every build reads.
# SPDX-License-Identifier: GPL-2.0-only

import re

def bsdnet_lists(bld):
    """The set(NAME ...) lists of cmake/sources.cmake, as Python lists."""
    text = bld.path.find_node('cmake/sources.cmake').read()
    text = re.sub(r'#[^\n]*', '', text)
    return dict((m.group(1), m.group(2).split())
                for m in re.finditer(r'set\((\w+)\s+([^)]*)\)', text))

def build(bld):
    lists = bsdnet_lists(bld)
    deps = ['core', 'network', 'internet', 'csma', 'applications', 'internet-apps']
    incs = [bld.path.find_dir('model').abspath(),
            bld.path.find_dir('model/kern').abspath()]
    module = bld.create_ns3_module('bsdnet', deps)
    # The C core is compiled as C (waf maps .c to the C compiler).
    module.source = lists['BSDNET_MODEL_SOURCES'] + lists['BSDNET_KERN_SOURCES']
    module.includes = incs
    module.export_includes = incs
    # The module is a C++ task generator: C flags go on its own env.
    module.env.append_value('CFLAGS', ['-std=c11', '-fPIC'])
    # GSL, for the studies' statistics, as ns-3's configure stored it for
    # the core module.
    if not bld.env['ENABLE_GSL']:
        bld.fatal('bsdnet needs GSL: install libgsl-dev, then ./waf configure again')
    module.use.extend(['GSL', 'GSLCBLAS', 'M'])

    module_test = bld.create_ns3_module_test_library('bsdnet')
    module_test.source = lists['BSDNET_NS3_TEST_SOURCES']
    module_test.includes = incs

    headers = bld(features='ns3header')
    headers.module = 'bsdnet'
    headers.source = lists['BSDNET_MODEL_HEADERS']

    if bld.env['ENABLE_EXAMPLES']:
        bld.bsdnet_examples = lists['BSDNET_EXAMPLES']
        bld.recurse('examples')
