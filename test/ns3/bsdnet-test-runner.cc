/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Runs bsdnet's ns-3 TestSuites: Debian ships ns3/test.h and
 * TestRunner::Run but no test-runner program.  Takes the test-runner's
 * options (--list, --suite=NAME, --verbose, ...).
 */
#include "ns3/test.h"

int
main(int argc, char** argv)
{
    return ns3::TestRunner::Run(argc, argv);
}
